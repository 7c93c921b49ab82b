// Bad input, answered: scenario files that are not regular files or are too large, text that
// is not UTF-8, more than one YAML document, tags, deep nesting, durations and numbers tens of
// thousands of characters long, and --set paths with indices beyond any list. Each gives a
// located problem (a ScenarioError), never a crash, a hang or another exception.
#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/units.hpp"
#include "engine/scenario/yaml_document.hpp"
#include "support/temporary_folder.hpp"

using namespace followsim::scenario;
using followsim::testing::read_text;
using followsim::testing::TemporaryFolder;

namespace {

const std::string kBase =
    read_text(std::string(FOLLOWSIM_SOURCE_DIR) + "/tests/scenarios/valid_base.yaml");

// valid_base.yaml with the first `from` replaced by `to`.
std::string base_with(const std::string& from, const std::string& to) {
    std::string text = kBase;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The problems of loading `text` (with overrides), formatted; empty if it loads.
std::vector<std::string> problems_of_text(const std::string& text,
                                          const std::vector<std::string>& overrides = {}) {
    try {
        load_scenario_text(text, "s.yaml", overrides);
    } catch (const ScenarioError& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.problems()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

std::string only_problem(const std::string& text, const std::vector<std::string>& overrides = {}) {
    const auto problems = problems_of_text(text, overrides);
    REQUIRE(problems.size() == 1);
    return problems.front();
}

std::string reading_problem(const std::string& path) {
    try {
        (void)read_scenario_text(path);
    } catch (const ScenarioError& e) {
        REQUIRE(e.problems().size() == 1);
        return e.problems().front().format();
    }
    return {};
}

}  // namespace

TEST_CASE("durations and rates follow the schema's pattern, parsed without a regex",
          "[scenario][units][input]") {
    // The schema keeps its patterns for editors; the parsers must accept exactly what they do
    // (std::regex is used here on short texts only).
    const auto& defs = scenario_schema()["$defs"];
    const std::regex duration(defs["duration"]["pattern"].get<std::string>());
    const std::regex rate(defs["rate"]["pattern"].get<std::string>());
    for (const char* text :
         {"30 days",     "1 day",          " 2 years ", "1.5 years",    "6months",
          "1e3 days",    "2E-1 weeks",     "0 days",    "30",           "-1 days",
          "+1 days",     "-0 days",        ".5 days",   "5. days",      "inf days",
          "nan days",    "infinity years", "1e days",   "1 fortnight",  "3 fortnights",
          "1..5 days",   "0x10 days",      "1 day s",   "9 per day",    "0.05 per month",
          "2 per weeks", "9 perday",       "9 a day",   "1e2 per year", " 3 per\tday ",
          "per day",     "1 per",          "",          "days"}) {
        INFO(text);
        CHECK(parse_duration_days(text).has_value() == std::regex_search(text, duration));
        CHECK(parse_rate_per_day(text).has_value() == std::regex_search(text, rate));
    }
    CHECK(parse_duration_days("1e3 days") == 1000.0);
    CHECK(parse_rate_per_day(" 3 per\tday ") == 3.0);
    // Beyond the range of a double: not a duration (the pattern would take it).
    CHECK_FALSE(parse_duration_days("1e400 days"));
    CHECK_FALSE(parse_duration_days("1e308 years"));  // finite, but infinite in days
}

TEST_CASE("a duration, rate or number tens of thousands of characters long is a located problem",
          "[scenario][units][input]") {
    // These overflowed the stack in std::regex_search (issue 14).
    const std::string digits(50000, '1');
    CHECK(only_problem(base_with("24 months", digits + " months")) ==
          "s.yaml:3:10: horizon: expected a duration with a unit, such as '30 days', '12 weeks', "
          "'6 months' or '2 years', found '1111111111111111111111111111111111111111...' (50007 "
          "characters)");
    CHECK(
        only_problem(base_with("0.01 per month", digits + " per month"))
            .starts_with("s.yaml:16:21: pathways.baseline.dropout.rate: expected a rate such as"));
    CHECK(only_problem(base_with("caseworkers: 4", "caseworkers: " + digits)) ==
          "s.yaml:18:18: pathways.in_house.caseworkers: '111111111111111111111111111111111111111"
          "1...' (50000 characters) is not a number");
    const std::string long_set = "horizon=" + std::string(30000, '9') + " months";
    const std::string problem = only_problem(kBase, {long_set});
    CHECK(problem.starts_with("--set horizon=999"));
    CHECK(problem.find("(30015 characters): horizon: expected a duration") != std::string::npos);
    CHECK(problem.size() < 400);  // one readable line
    // The largest duration and rate are the schema's.
    CHECK(only_problem(base_with("24 months", "20000 years")) ==
          "s.yaml:3:10: horizon: must be at most 10000 years, found '20000 years'");
    CHECK(only_problem(base_with("0.01 per month", "2e6 per day")) ==
          "s.yaml:16:21: pathways.baseline.dropout.rate: must be at most 1000000 per day, found "
          "'2e6 per day'");
}

TEST_CASE("a scenario file is a regular file of at most 16 MiB, with a reason when it is not",
          "[scenario][input]") {
    TemporaryFolder folder;
    CHECK(reading_problem(folder.path.string()) ==
          folder.path.string() + ":1:1: (top): is a folder, not a file");
    const std::string fifo = (folder.path / "pipe.yaml").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Nobody writes to it: reading it would block for ever.
    CHECK(reading_problem(fifo) == fifo + ":1:1: (top): is a named pipe (FIFO), not a file");
    CHECK(reading_problem("/dev/zero") ==
          "/dev/zero:1:1: (top): is a character device, not a file");
    CHECK(reading_problem("/dev/urandom") ==
          "/dev/urandom:1:1: (top): is a character device, not a file");
    const std::string missing = (folder.path / "missing.yaml").string();
    CHECK(reading_problem(missing) ==
          missing + ":1:1: (top): cannot read the file: No such file or directory");

    // A sparse file of 17 MiB is refused from its size, without reading it.
    const auto large = folder.file("large.yaml", "");
    std::filesystem::resize_file(large, 17u << 20);
    CHECK(reading_problem(large.string()) ==
          large.string() + ":1:1: (top): is larger than 16 MiB, the most a scenario file may be");
    // Exactly at the limit: read.
    const auto at_limit = folder.file("limit.yaml", "");
    std::filesystem::resize_file(at_limit, kMaxScenarioBytes);
    CHECK(read_scenario_text(at_limit.string()).size() == kMaxScenarioBytes);

    // Unreadable (root reads anything: the command-line test checks this as another user).
    if (::geteuid() != 0) {
        const auto locked = folder.file("locked.yaml", kBase);
        std::filesystem::permissions(locked, std::filesystem::perms::none);
        CHECK(reading_problem(locked.string()) ==
              locked.string() + ":1:1: (top): cannot read the file: Permission denied");
    }
    CHECK(read_scenario_text(folder.file("ok.yaml", kBase).string()) == kBase);
}

TEST_CASE("scenario text is UTF-8 with the characters YAML allows, located at the first bad byte",
          "[scenario][input]") {
    // name: base is line 2; the value starts at column 7.
    CHECK(only_problem(base_with("name: base",
                                 "name: ba\xff"
                                 "se")) == "s.yaml:2:9: (top): the text is not UTF-8 (byte 0xFF)");
    CHECK(only_problem(base_with("name: base", "name: \xc0\xaf")) ==  // overlong '/'
          "s.yaml:2:7: (top): the text is not UTF-8 (byte 0xC0)");
    CHECK(only_problem(base_with("name: base", "name: \xed\xa0\x80")) ==  // a surrogate
          "s.yaml:2:7: (top): the text is not UTF-8 (byte 0xED)");
    CHECK(only_problem(base_with("name: base", "name: b\xc3")) ==  // cut short
          "s.yaml:2:8: (top): the text is not UTF-8 (byte 0xC3)");
    CHECK(only_problem(base_with("name: base", std::string("name: b\0se", 10))) ==
          "s.yaml:2:8: (top): the character U+0000 (a control character) is not allowed in YAML");
    CHECK(only_problem(base_with("name: base", "name: \xc2\x9b")) ==  // C1 control
          "s.yaml:2:7: (top): the character U+009B (a control character) is not allowed in YAML");
    // Columns count characters: "ø" is one.
    CHECK(only_problem(base_with("name: base", "name: Tr\xc3\xb8nd\x01")) ==
          "s.yaml:2:12: (top): the character U+0001 (a control character) is not allowed in YAML");
    // Valid: a byte-order mark, Norwegian letters, emoji, tabs in comments.
    CHECK(
        problems_of_text("\xef\xbb\xbf" +
                         base_with("name: base", "name: \"Tr\xc3\xb8ndelag \xf0\x9f\x99\x82\"\t#"))
            .empty());
    // --set values too, shown with the bad byte escaped.
    CHECK(only_problem(kBase, {"name=a\xff"}) ==
          "--set name=a\\xFF: (top): the text is not UTF-8 (byte 0xFF)");
}

TEST_CASE("one YAML document, no tags, no deep nesting", "[scenario][input]") {
    CHECK(only_problem(kBase + "---\nname: other\n") ==
          "s.yaml:32:1: (top): a second YAML document starts here ('---'); a scenario is one "
          "document");
    CHECK(only_problem(kBase + "---\n") ==
          "s.yaml:32:1: (top): a second YAML document starts here ('---'); a scenario is one "
          "document");
    CHECK(problems_of_text("---\n" + kBase + "...\n").empty());  // one document, marked
    CHECK(only_problem(base_with("name: base", "name: !python/object base")) ==
          "s.yaml:2:7: (top): the YAML tag '!python/object' is not used in scenarios (to make a "
          "value text, quote it)");
    CHECK(only_problem(base_with("caseworkers: 4", "caseworkers: !!int 4")) ==
          "s.yaml:18:18: (top): the YAML tag '!!int' is not used in scenarios (to make a value "
          "text, quote it)");
    CHECK(only_problem(kBase, {"name=!!binary aGk="}) ==
          "--set name=!!binary aGk=: name: the value: the YAML tag '!!binary' is not used in "
          "scenarios (to make a value text, quote it)");
    CHECK(only_problem(kBase, {"name=a\n---\nb"}) ==
          "--set name=a\\n---\\nb: name: the value: a second YAML document starts here "
          "('---'); a scenario is one document");
    const std::string deep = "description: " + std::string(100000, '[') + std::string(100000, ']');
    CHECK(only_problem(base_with("name: base", "name: base\n" + deep)) ==
          "s.yaml:3:77: (top): nested more than 64 levels deep; a scenario needs far fewer");
}

TEST_CASE("aliases are read once, however much they repeat", "[scenario][input]") {
    // Ten levels of ten aliases each would be 10^10 values if expanded.
    std::string laughs = "x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (int level = 1; level < 10; ++level) {
        laughs += "x" + std::to_string(level) + ": &x" + std::to_string(level) + " [";
        for (int k = 0; k < 10; ++k) laughs += (k ? ", *x" : "*x") + std::to_string(level - 1);
        laughs += "]\n";
    }
    const auto problems = problems_of_text(kBase + laughs, {"description=[*x9]"});
    CHECK(problems.size() == 11);  // ten unknown keys, and a --set value that is not YAML
}

TEST_CASE("a --set path with an index beyond any list is a located problem", "[scenario][input]") {
    CHECK(only_problem(kBase, {"population.cohorts.99999999999999999999999.name=x"}) ==
          "--set population.cohorts.99999999999999999999999.name=x: "
          "population.cohorts.99999999999999999999999: no list item '99999999999999999999999' (the "
          "list has 1 item)");
    CHECK(only_problem(kBase, {"population.cohorts.1.name=x"}) ==
          "--set population.cohorts.1.name=x: population.cohorts.1: no list item '1' (the list "
          "has 1 item)");
    CHECK(problems_of_text(kBase, {"population.cohorts.0.name=x"}).empty());
    CHECK(problems_of_text(kBase, {"population.cohorts.pilot.name=x"}).empty());
}

TEST_CASE("a problem is one line of plain text whatever the key holds", "[scenario][input]") {
    // YAML lets U+2028 (a line separator) into a key; a file name may hold a carriage return.
    // Quoted raw in a message, they split it, or overwrote it on a terminal.
    CHECK(only_problem(base_with("horizon:", "a\u2028b: 1\nhorizon:")) ==
          "s.yaml:3:1: a\\u2028b: unknown key 'a\\u2028b'; known keys: arms, budget, "
          "description, economics, horizon, name, pathways, population, price_year, "
          "uncertainty");
    const Diagnostic d{"a\rb\x1b[2J.yaml", 1, 1, "name", "tab\there"};
    CHECK(d.format() == "a\\rb\\x1B[2J.yaml:1:1: name: tab\\there");
}

TEST_CASE("escapes that give control characters or bytes that are not UTF-8 are refused",
          "[scenario][input]") {
    // yaml-cpp reads "\N" and "\_" as the single bytes 0x85 and 0xA0: the name passed validate,
    // and run stopped with exit 1 and a JSON library error. "\e" reached the terminal.
    CHECK(only_problem(base_with("name: base", R"(name: "a\Nb")")) ==
          "s.yaml:2:7: (top): an escape in this text gives the byte 0x85, which is not UTF-8 "
          "(write the character by its code, e.g. \\u00A0)");
    CHECK(only_problem(base_with("name: base", R"(name: "a\_b")")) ==
          "s.yaml:2:7: (top): an escape in this text gives the byte 0xA0, which is not UTF-8 "
          "(write the character by its code, e.g. \\u00A0)");
    for (const char* escape : {R"(\e)", R"(\r)", R"(\0)", R"(\x9B)", R"(\u0085)", R"(\x7f)"}) {
        INFO(escape);
        CHECK_THAT(only_problem(base_with("name: base", "name: \"a" + std::string(escape) + "b\"")),
                   Catch::StartsWith("s.yaml:2:7: (top): the text holds the control character U+"));
    }
    // In a key, and in a --set value, the same.
    CHECK_THAT(only_problem(base_with("horizon:", "\"a\\eb\": 1\nhorizon:")),
               Catch::StartsWith("s.yaml:3:1: "));
    CHECK_THAT(
        only_problem(kBase, {R"(name="a\eb")"}),
        Catch::StartsWith(R"(--set name="a\eb": name: the value: the text holds the control)"));
    // What text may hold: tab, line feed, any printable character by its escape.
    CHECK(problems_of_text(base_with("name: base", R"(name: "a\tb\nc\u00A0d\u2028e")")).empty());
    // A file with Windows line ends reads as any other.
    std::string crlf;
    for (char c : kBase) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(problems_of_text(crlf).empty());
}
