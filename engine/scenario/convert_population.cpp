// population: the cohorts (arrivals, need groups, age bands, benefit, wage, job loss, initial
// caseload) and the hazard ratios by need group and age band.
#include <fmt/core.h>

#include "engine/economics/grunnbelop.hpp"
#include "engine/scenario/conversion.hpp"

namespace followsim::scenario {

namespace {

using model::CohortConfig;
using model::ModelConfig;

template <std::size_t N>
void bind_shares(Conversion& c, const YAML::Node& n, const std::string& path,
                 const std::array<const char*, N>& names,
                 std::function<std::array<double, N>&(ModelConfig&)> shares) {
    for (std::size_t k = 0; k < N; ++k) {
        if (!n[names[k]]) continue;
        c.bind_number(child_path(path, names[k]),
                      [shares, k](ModelConfig& m) -> double& { return shares(m)[k]; });
    }
}

void convert_arrivals(Conversion& c, const YAML::Node& a, const std::string& path,
                      FieldOf<model::ArrivalConfig> field, model::ArrivalConfig& out) {
    const auto here = [&](const char* key) { return child_path(path, key); };
    auto bind_days = [&](const char* key, double model::ArrivalConfig::*member) {
        c.bind_duration(
            here(key), [field, member](ModelConfig& m) -> double& { return field(m).*member; },
            false);
    };
    if (a["count"]) {
        out.count = a["count"].as<std::int64_t>();
        c.bind_count(here("count"),
                     [field](ModelConfig& m) -> std::int64_t& { return field(m).count; });
        if (a["at"]) {
            out.at_days = c.duration(a["at"], here("at"));
            bind_days("at", &model::ArrivalConfig::at_days);
        }
        return;
    }
    out.poisson = true;
    if (const YAML::Node rates = a["rates"]) {
        if (a["from"]) {
            out.from_days = c.duration(a["from"], here("from"));
            bind_days("from", &model::ArrivalConfig::from_days);
        }
        double previous = out.from_days;
        for (std::size_t k = 0; k < rates.size(); ++k) {
            const std::string piece_path = child_path(here("rates"), std::to_string(k));
            const YAML::Node r = rates[k];
            model::ArrivalPiece piece;
            piece.until_days = c.duration(r["until"], child_path(piece_path, "until"));
            if (!(piece.until_days > previous)) {
                c.report().report(r["until"], child_path(piece_path, "until"),
                                  "must be later than the end of the piece before (or 'from')");
            }
            piece.rate_per_day = c.rate(r["rate"], child_path(piece_path, "rate"));
            if (r["groups"]) piece.group_shares = c.shares(r["groups"], model::kNeedGroupNames);
            if (r["age_bands"])
                piece.age_band_shares = c.shares(r["age_bands"], model::kAgeBandNames);
            previous = piece.until_days;
            out.pieces.push_back(std::move(piece));
        }
        out.until_days = previous;
        return;
    }
    out.rate_per_day = c.rate(a["rate"], here("rate"));
    if (a["from"]) {
        out.from_days = c.duration(a["from"], here("from"));
        bind_days("from", &model::ArrivalConfig::from_days);
    }
    out.until_days = c.duration(a["until"], here("until"));
    bind_days("until", &model::ArrivalConfig::until_days);
}

// AAP's maximum duration: 3 years from 1 January 2018, 4 years before (folketrygdloven
// § 11-12; Prop. 74 L (2016-2017); Myhre & Kann, Arbeid og velferd 2/2022). The price year
// stands for the period simulated.
double aap_max_days(int price_year) {
    return (price_year >= 2018 ? 3.0 : 4.0) * model::kDaysPerYear;
}

void convert_benefit_limit(Conversion& c, const YAML::Node& b, const std::string& path,
                           std::size_t i, CohortConfig& cohort) {
    if (cohort.benefit == model::BenefitKind::aap) {
        cohort.benefit_max_days = aap_max_days(c.price_year);
        cohort.after_benefit_limit = model::ExitState::social_assistance;  // assumption
    }
    if (b["max_duration"]) {
        const std::string here = child_path(path, "max_duration");
        cohort.benefit_max_days = c.positive_duration(b["max_duration"], here);
        if (!cohort.after_benefit_limit) {
            cohort.after_benefit_limit = model::ExitState::social_assistance;
        }
        c.bind_duration(
            here, [i](ModelConfig& m) -> double& { return m.cohorts[i].benefit_max_days; }, true);
    }
    if (const YAML::Node after = b["after_max_duration"]) {
        if (after.Scalar() == "none") {
            cohort.after_benefit_limit.reset();
        } else {
            cohort.after_benefit_limit = after.Scalar() == "disability_benefit"
                                             ? model::ExitState::disability_benefit
                                             : model::ExitState::social_assistance;
        }
    }
}

void convert_benefit(Conversion& c, const YAML::Node& b, const std::string& path, std::size_t i,
                     CohortConfig& cohort) {
    const std::string kind = b["kind"].Scalar();
    for (std::size_t k = 0; k < model::kBenefitKindNames.size(); ++k) {
        if (kind == model::kBenefitKindNames[k])
            cohort.benefit = static_cast<model::BenefitKind>(k);
    }
    convert_benefit_limit(c, b, path, i, cohort);
    if (b["per_month_nok"]) {
        cohort.benefit_per_month_nok = b["per_month_nok"].as<double>();
        c.bind_number(child_path(path, "per_month_nok"), [i](ModelConfig& m) -> double& {
            return m.cohorts[i].benefit_per_month_nok;
        });
    }
    const YAML::Node basis = b["basis_g"];
    if (!basis) return;
    const std::string here = child_path(path, "basis_g");
    const auto g = economics::grunnbelop_nok(c.price_year);
    if (b["per_month_nok"]) {
        c.report().report(basis, here, "give per_month_nok or basis_g, not both");
        return;
    }
    if (cohort.benefit != model::BenefitKind::aap &&
        cohort.benefit != model::BenefitKind::dagpenger) {
        c.report().report(basis, here, "basis_g applies to aap and dagpenger only");
        return;
    }
    if (!g) {
        c.report().report(basis, here,
                          fmt::format("no G (grunnbeløp) is known for price_year {} (2010-2025); "
                                      "give per_month_nok",
                                      c.price_year));
        return;
    }
    // The benefit per month from the basis in G of the price year (a rule of the benefit).
    const bool aap = cohort.benefit == model::BenefitKind::aap;
    auto per_month = [aap, g = *g](double basis_g) {
        return aap ? economics::aap_per_month_nok(basis_g, g)
                   : economics::dagpenger_per_month_nok(basis_g, g);
    };
    cohort.benefit_per_month_nok = per_month(basis.as<double>());
    // The basis is not kept: the binding reads it back from the benefit.
    const double basis_now = basis.as<double>();
    c.bind(ParameterBinding{here, false, c.rule_at(here),
                            [i, per_month](ModelConfig& m, double x) -> std::optional<std::string> {
                                m.cohorts[i].benefit_per_month_nok = per_month(x);
                                return std::nullopt;
                            },
                            [i, per_month, basis_now](const ModelConfig& m) {
                                // Linear up to 6 G: the basis in proportion to the benefit.
                                const double at_basis = per_month(basis_now);
                                return at_basis > 0.0
                                           ? basis_now * m.cohorts[i].benefit_per_month_nok /
                                                 at_basis
                                           : basis_now;
                            }});
}

void convert_cohort(Conversion& c, const YAML::Node& n, std::size_t i, CohortConfig& cohort) {
    const std::string path = child_path("population.cohorts", std::to_string(i));
    const auto here = [&](const char* key) { return child_path(path, key); };
    cohort.name = n["name"].as<std::string>();
    if (c.has_cohort(cohort.name)) {
        c.report().report(n["name"], here("name"),
                          fmt::format("another cohort is already named '{}'", cohort.name));
    }
    c.name_cohort(cohort.name, static_cast<std::int32_t>(i));
    convert_arrivals(
        c, n["arrivals"], here("arrivals"),
        [i](ModelConfig& m) -> model::ArrivalConfig& { return m.cohorts[i].arrivals; },
        cohort.arrivals);
    if (n["groups"]) {
        cohort.group_shares = c.shares(n["groups"], model::kNeedGroupNames);
        bind_shares<model::kNeedGroups>(
            c, n["groups"], here("groups"), model::kNeedGroupNames,
            [i](ModelConfig& m) -> std::array<double, model::kNeedGroups>& {
                return m.cohorts[i].group_shares;
            });
    }
    if (n["age_bands"]) {
        cohort.age_band_shares = c.shares(n["age_bands"], model::kAgeBandNames);
        bind_shares<model::kAgeBands>(c, n["age_bands"], here("age_bands"), model::kAgeBandNames,
                                      [i](ModelConfig& m) -> std::array<double, model::kAgeBands>& {
                                          return m.cohorts[i].age_band_shares;
                                      });
    }
    if (const YAML::Node b = n["benefit"]) convert_benefit(c, b, here("benefit"), i, cohort);
    if (n["wage_per_month_nok"]) {
        cohort.wage_per_month_nok = n["wage_per_month_nok"].as<double>();
        c.bind_number(here("wage_per_month_nok"),
                      [i](ModelConfig& m) -> double& { return m.cohorts[i].wage_per_month_nok; });
    }
    cohort.job_loss = c.time_to_event(
        n["job_loss"], here("job_loss"),
        [i](ModelConfig& m) -> model::TimeToEvent& { return m.cohorts[i].job_loss; });
    if (const YAML::Node initial = n["initial_caseload"]) {
        for (auto it = initial.begin(); it != initial.end(); ++it) {
            const std::string entry = child_path(here("initial_caseload"), it->first.Scalar());
            const auto pw = c.pathway(it->first, entry);
            if (!pw) continue;
            const std::size_t k = cohort.initial_caseload.size();
            cohort.initial_caseload.emplace_back(*pw, it->second.as<std::int64_t>());
            c.bind_count(entry, [i, k](ModelConfig& m) -> std::int64_t& {
                return m.cohorts[i].initial_caseload[k].second;
            });
        }
    }
}

// Default exit states: shares from NAV's table of exits from nedsatt arbeidsevne (Q3 2024 ->
// Q1 2025: uforetrygd 34.6 %, unknown 11.1 %, other 6.6 % of all exits, about half of which are
// to work); benefits in G of the price year.
struct ExitDefault {
    double share;
    double per_year_g;
    economics::Payer payer;
    bool taxed;
};
constexpr std::array<ExitDefault, model::kExitStates> kExitDefaults{{
    // nav.no: uforetrygd at least 2.48 G a year for a single person; taxed as income.
    {0.65, 2.48, economics::Payer::state, true},
    // Assumption: Rundskriv A-3/2023, NOK 7,850 a month for a single person (2024) plus
    // housing, about NOK 13,000 a month: 1.26 G a year; the municipality's, untaxed.
    {0.10, 1.26, economics::Payer::municipality, false},
    {0.05, 0.0, economics::Payer::state, false},  // assumption: study loans are not counted
    {0.20, 0.0, economics::Payer::state, false},
}};

void convert_exits(Conversion& c, const YAML::Node& n, ModelConfig& m) {
    const auto g = economics::grunnbelop_nok(c.price_year);
    for (std::size_t s = 0; s < model::kExitStates; ++s) {
        model::ExitStateConfig& state = m.exits.states[s];
        const ExitDefault& d = kExitDefaults[s];
        state.payer = d.payer;
        state.taxed = d.taxed;
        // Without a section, the defaults; with one, the states it names (a share of 0 else).
        state.share = n ? 0.0 : d.share;
        state.benefit_per_month_nok = g ? d.per_year_g * *g / 12.0 : 0.0;
        if (!n || !n[model::kExitStateNames[s]]) continue;
        const YAML::Node e = n[model::kExitStateNames[s]];
        const std::string path = child_path("population.exits", model::kExitStateNames[s]);
        if (e["share"]) {
            state.share = e["share"].as<double>();
            c.bind_number(child_path(path, "share"),
                          [s](ModelConfig& x) -> double& { return x.exits.states[s].share; });
        }
        if (e["per_month_nok"] && e["per_year_g"]) {
            c.report().report(e["per_year_g"], child_path(path, "per_year_g"),
                              "give per_month_nok or per_year_g, not both");
        } else if (e["per_month_nok"]) {
            state.benefit_per_month_nok = e["per_month_nok"].as<double>();
            c.bind_number(child_path(path, "per_month_nok"), [s](ModelConfig& x) -> double& {
                return x.exits.states[s].benefit_per_month_nok;
            });
        } else if (e["per_year_g"]) {
            if (!g) {
                c.report().report(e["per_year_g"], child_path(path, "per_year_g"),
                                  fmt::format("no G (grunnbeløp) is known for price_year {} "
                                              "(2010-2025); give per_month_nok",
                                              c.price_year));
            } else {
                state.benefit_per_month_nok = e["per_year_g"].as<double>() * *g / 12.0;
            }
        }
    }
}

}  // namespace

void convert_population(Conversion& c, const YAML::Node& n, ModelConfig& m) {
    m.hazard_ratios = convert_hazard_ratios(
        c, n["hazard_ratios"], "population.hazard_ratios",
        [](ModelConfig& x) -> model::SubgroupHazardRatios& { return x.hazard_ratios; });
    convert_exits(c, n["exits"], m);
    const YAML::Node cohorts = n["cohorts"];
    for (std::size_t i = 0; i < cohorts.size(); ++i) {
        CohortConfig cohort;
        convert_cohort(c, cohorts[i], i, cohort);
        m.cohorts.push_back(std::move(cohort));
    }
}

}  // namespace followsim::scenario
