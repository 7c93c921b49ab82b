// The workbench's scenario side: the comment that documents a value, values edited in place
// with comments kept, edits through the bindings or --set giving the command line's model and
// messages, and the form the schema and the file describe.
#include <catch2/catch.hpp>

#include <string>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/scenario_text.hpp"
#include "engine/scenario/yaml_document.hpp"
#include "engine/serve/form_fields.hpp"
#include "engine/serve/scenario_edits.hpp"
#include "engine/serve/source_text.hpp"

using namespace followsim;
using serve::FieldEdit;

namespace {

const std::string kHeimdalPath = std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml";

std::string heimdal_text() {
    return scenario::read_scenario_text(kHeimdalPath);
}

// The problems the command line lists for `followsim validate heimdal.yaml --set ...`.
std::vector<std::string> cli_problems(const std::vector<std::string>& overrides) {
    try {
        scenario::load_scenario_text(heimdal_text(), kHeimdalPath, overrides);
    } catch (const scenario::ScenarioError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.problems()) out.push_back(d.format());
        return out;
    }
    return {};
}

const serve::FormField& field(const std::vector<serve::FormField>& fields,
                              const std::string& path) {
    for (const auto& f : fields) {
        if (f.path == path) return f;
    }
    FAIL("no field " << path);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a value's comment: at the end of its line, else the comment lines above", "[serve]") {
    const std::string text =
        "# the file's header\n"
        "\n"
        "# first line of a block\n"
        "#   second line\n"
        "a: 1   # a's own\n"
        "b: 2\n"
        "c: \"x # not a comment\"\n"
        "d: 'it''s' # quoted, then a comment\n";
    CHECK(serve::comment_for_line(text, 4) == "a's own");
    CHECK(serve::comment_for_line(text, 5) == "");  // the line above is a value, not a comment
    CHECK(serve::comment_for_line(text, 6) == "");
    CHECK(serve::comment_for_line(text, 7) == "quoted, then a comment");
    CHECK(serve::comment_for_line("# first\n#  second\nkey: 1\n", 2) == "first second");
    CHECK(serve::comment_for_line(text, 99) == "");
}

TEST_CASE("form edits give the model --set gives, through bindings or the YAML", "[serve]") {
    const std::string text = heimdal_text();
    const auto base = scenario::load_scenario_text(text, kHeimdalPath);
    const std::vector<FieldEdit> edits{{"pathways.in_house.caseworkers", "8"},
                                       {"horizon", "26 months"},
                                       {"pathways.in_house.turnover.rate", "0.2 per year"},
                                       {"arms.outsourced.when_full", "baseline"}};
    const auto edited = serve::apply_edits(base, text, edits);
    const auto reference =
        scenario::load_scenario_text(text, kHeimdalPath, serve::as_overrides(edits));
    CHECK(edited.model.pathways[1].terms.index() == reference.model.pathways[1].terms.index());
    CHECK(edited.model.horizon_days == reference.model.horizon_days);
    CHECK(edited.model.staffing_of(0)->caseworkers == 8);
    CHECK(edited.model.staffing_of(0)->caseworkers == reference.model.staffing_of(0)->caseworkers);
    CHECK(edited.model.arms[1].when_full == reference.model.arms[1].when_full);
    // The same tree as --set gives (the marks name their origin: --set or the workbench).
    CHECK(
        scenario::same_tree(YAML::Load(edited.resolved_yaml), YAML::Load(reference.resolved_yaml)));
    // Numbers alone never read the YAML again: the base's text as run, values edited.
    const auto typed = serve::apply_edits(base, text, {{"pathways.in_house.caseworkers", "8"}});
    CHECK(typed.overrides == std::vector<std::string>{"pathways.in_house.caseworkers=8"});

    // The file to download: the source, comments kept, the changes marked; it reads back as
    // the edited scenario.
    const std::string& file = edited.resolved_yaml;
    CHECK(file.find("caseworkers: 8                       # followsim: workbench, was 6; "
                    "assumption: 150 users at about 25 "
                    "each") != std::string::npos);
    CHECK(file.find("# AFI 2016:05 (docs/model.md): 108 participants") != std::string::npos);
    const auto again = scenario::load_scenario_text(file, "download.yaml");
    CHECK(again.model.staffing_of(0)->caseworkers == 8);
    CHECK(again.model.horizon_days == reference.model.horizon_days);
    CHECK(again.model.arms[1].when_full == reference.model.arms[1].when_full);
}

TEST_CASE("an invalid form value gets the command line's own message", "[serve]") {
    const std::string text = heimdal_text();
    const auto base = scenario::load_scenario_text(text, kHeimdalPath);
    for (const std::vector<FieldEdit>& edits : std::vector<std::vector<FieldEdit>>{
             {{"pathways.in_house.caseworkers", "-1"}},
             {{"pathways.in_house.caseworkers", "2.5"}},
             {{"pathways.in_house.caseworkers", "abc"}},
             {{"horizon", "-3 months"}},
             {{"pathways.in_house.follow_up_share", "1.5"}},
             {{"arms.outsourced.when_full", "nowhere"}},
             {{"pathways.in_house.caseworkers", "-1"}, {"budget.purchases_per_year_nok", "-5"}},
         }) {
        const auto expected = cli_problems(serve::as_overrides(edits));
        INFO(serve::as_overrides(edits).front());
        REQUIRE_FALSE(expected.empty());
        std::vector<std::string> got;
        try {
            serve::apply_edits(base, text, edits);
        } catch (const scenario::ScenarioError& e) {
            for (const auto& d : e.problems()) got.push_back(d.format());
        }
        CHECK(got == expected);
    }
    CHECK(cli_problems({"pathways.in_house.caseworkers=-1"}).front() ==
          "--set pathways.in_house.caseworkers=-1: pathways.in_house.caseworkers: must be at "
          "least 0, found -1");
}

TEST_CASE("the form: key parameters from the schema and the file, with units and sources",
          "[serve]") {
    const std::string text = heimdal_text();
    const auto sc = scenario::load_scenario_text(text, kHeimdalPath);
    const auto fields = serve::form_fields(sc, text, serve::Lang::en);

    const auto& caseworkers = field(fields, "pathways.in_house.caseworkers");
    CHECK(caseworkers.kind == serve::FieldKind::integer);
    CHECK(caseworkers.value == "6");
    CHECK(caseworkers.unit == "FTEs");
    CHECK(caseworkers.label == "Caseworkers");
    CHECK(caseworkers.help == "assumption: 150 users at about 25 each");
    CHECK(caseworkers.description == "Caseworker FTEs at the start (the staffing plan's level).");
    CHECK(caseworkers.minimum == 0);
    CHECK(caseworkers.line == 59);

    const auto& horizon = field(fields, "horizon");
    CHECK(horizon.kind == serve::FieldKind::duration);
    CHECK((horizon.value == "24" && horizon.unit == "months"));
    CHECK(serve::field_text(horizon, "26") == "26 months");

    const auto& price = field(fields, "pathways.measures.oppfolging.price_per_month_nok");
    CHECK(price.label == "oppfolging: price per participant-month");
    CHECK(price.help.starts_with("Assumption derived from Proba samfunnsanalyse (2020"));

    const auto& when_full = field(fields, "arms.outsourced.when_full");
    CHECK(when_full.kind == serve::FieldKind::choice);
    CHECK(when_full.choices ==
          std::vector<std::string>{"wait", "baseline", "in_house", "oppfolging"});
    CHECK(field(fields, "population.cohorts.0.arrivals.count").label ==
          "pilot: persons at the start");
    CHECK(field(fields, "pathways.in_house.turnover.rate").unit == "per year");

    // Key groups first, in order; then every other number a binding sets.
    CHECK(fields.front().path == "horizon");
    CHECK(fields[1].group == "staff");
    bool other = false;
    for (const auto& f : fields) {
        if (f.group == "other") {
            other = true;
            CHECK(sc.parameters.find(f.path, sc.model) != nullptr);
        } else {
            CHECK_FALSE(other);  // no key parameter after the others
        }
        CHECK_FALSE(f.path.starts_with("uncertainty."));
    }
    CHECK(other);
    CHECK(field(serve::form_fields(sc, text, serve::Lang::nb), "pathways.in_house.caseworkers")
              .label == "Veiledere");
}

TEST_CASE("the schema node of a key path", "[serve]") {
    const auto slots = serve::schema_at("pathways.measures.anything.slots");
    REQUIRE_FALSE(slots.is_null());
    CHECK(slots.at("ref") == "count");
    CHECK(slots.at("description") == "Places bought.");
    CHECK(slots.at("node").at("type") == "integer");
    CHECK(serve::schema_at("pathways.in_house.placement.probability").at("node").at("type") ==
          "number");  // inside the time-to-event variants
    CHECK(serve::schema_at("population.cohorts.3.arrivals.rate").at("ref") == "rate");
    CHECK(serve::schema_at("pathways.in_house.no_such_key").is_null());
}
