// uncertainty: the PSA's parameters (a bound number of the scenario and its prior), the
// correlations between them and the groups whose EVPPI is valued together.
#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/scenario/conversion.hpp"
#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/schema_validator.hpp"

namespace followsim::scenario {

namespace {

// The prior of parameter `p`; exactly one family must be given.
std::optional<Prior> convert_prior(Conversion& c, const YAML::Node& p, const std::string& here) {
    std::vector<Prior> given;
    auto mean_sd = [&](const char* name, auto prior) {
        const YAML::Node d = p[name];
        if (!d) return;
        prior.mean = d["mean"].as<double>();
        prior.sd = d["sd"].as<double>();
        if constexpr (std::is_same_v<decltype(prior), BetaPrior>) {
            if (prior.sd * prior.sd >= prior.mean * (1 - prior.mean)) {
                c.report().report(
                    d["sd"], child_path(child_path(here, name), "sd"),
                    fmt::format("too large for a beta distribution with mean {}: the variance "
                                "must be below mean x (1 - mean) = {:.6g}",
                                prior.mean, prior.mean * (1 - prior.mean)));
            }
        }
        given.emplace_back(prior);
    };
    mean_sd("beta", BetaPrior{});
    mean_sd("gamma", GammaPrior{});
    mean_sd("lognormal", LogNormalPrior{});
    mean_sd("normal", NormalPrior{});
    if (const YAML::Node d = p["uniform"]) {
        UniformPrior u{d["low"].as<double>(), d["high"].as<double>()};
        if (u.high < u.low)
            c.report().report(d["high"], child_path(here, "uniform.high"),
                              "must not be below 'low'");
        given.emplace_back(u);
    }
    if (const YAML::Node d = p["triangular"]) {
        TriangularPrior t{d["low"].as<double>(), d["mode"].as<double>(), d["high"].as<double>()};
        if (!(t.low <= t.mode && t.mode <= t.high)) {
            c.report().report(d, child_path(here, "triangular"), "needs low <= mode <= high");
        }
        given.emplace_back(t);
    }
    if (given.size() != 1) {
        c.report().report(p, here,
                          "give exactly one distribution: beta, gamma, lognormal, normal, "
                          "uniform or triangular");
        return std::nullopt;
    }
    return given.front();
}

// uncertainty.groups: each member must be one of uncertainty.parameters, once.
void convert_groups(Conversion& c, const YAML::Node& groups,
                    const std::map<std::string, std::size_t>& index, Uncertainty& out) {
    std::vector<std::string> paths;
    for (const auto& [path, i] : index) paths.push_back(path);
    std::set<std::string> names;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string here = child_path("uncertainty.groups", std::to_string(g));
        ParameterGroup group;
        group.name = groups[g]["name"].Scalar();
        if (!names.insert(group.name).second) {
            c.report().report(groups[g]["name"], child_path(here, "name"),
                              fmt::format("another group is named '{}'", group.name));
        }
        const YAML::Node members = groups[g]["parameters"];
        for (std::size_t m = 0; m < members.size(); ++m) {
            const std::string path = members[m].Scalar();
            const std::string member_here =
                child_path(child_path(here, "parameters"), std::to_string(m));
            const auto found = index.find(path);
            if (found == index.end()) {
                std::string message =
                    fmt::format("'{}' is not listed under uncertainty.parameters", path);
                const std::string guess = closest_match(path, paths);
                if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
                c.report().report(members[m], member_here, std::move(message));
            } else if (std::find(group.members.begin(), group.members.end(), found->second) !=
                       group.members.end()) {
                c.report().report(members[m], member_here, "this parameter is listed twice");
            } else {
                group.members.push_back(found->second);
            }
        }
        out.groups.push_back(std::move(group));
    }
}

}  // namespace

void convert_uncertainty(Conversion& c, const YAML::Node& u, const Scenario& sc, Uncertainty& out) {
    if (!u || !u["parameters"]) return;
    const YAML::Node params = u["parameters"];
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const YAML::Node p = params[i];
        const std::string here = child_path("uncertainty.parameters", std::to_string(i));
        UncertainParameter param;
        param.path = p["path"].Scalar();
        if (p["unit"]) param.unit = p["unit"].Scalar();
        const auto prior = convert_prior(c, p, here);
        if (prior) param.prior = *prior;
        const YAML::Node target = find_path(c.root(), param.path);
        const ParameterBinding* binding = sc.parameters.find(param.path, sc.model);
        const std::string path_here = child_path(here, "path");
        if (!target || !target.IsScalar()) {
            c.report().report(p["path"], path_here,
                              fmt::format("'{}' is not a value of this scenario", param.path));
        } else if (!binding && param.unit.empty() && scalar_type(target) != ScalarType::integer &&
                   scalar_type(target) != ScalarType::number) {
            c.report().report(p["path"], path_here,
                              fmt::format("'{}' is '{}', not a number; for a duration give 'unit'",
                                          param.path, target.Scalar()));
        } else if (!binding) {
            c.report().report(p["path"], path_here,
                              fmt::format("'{}' cannot be varied", param.path));
        } else if (binding->duration && param.unit.empty()) {
            c.report().report(p["path"], path_here,
                              fmt::format("'{}' is a duration: give 'unit' (days, weeks, months "
                                          "or years) for the values drawn",
                                          param.path));
        } else if (!binding->duration && !param.unit.empty()) {
            c.report().report(
                p["unit"], child_path(here, "unit"),
                fmt::format("'{}' is a number, not a duration: leave out 'unit'", param.path));
        } else {
            param.integer = binding->rule.integer;
        }
        if (index.count(param.path)) {
            c.report().report(p["path"], path_here, "this parameter is given twice");
        }
        index[param.path] = out.parameters.size();
        out.parameters.push_back(std::move(param));
    }
    if (const YAML::Node corr = u["correlations"]) {
        for (std::size_t i = 0; i < corr.size(); ++i) {
            const std::string here = child_path("uncertainty.correlations", std::to_string(i));
            const YAML::Node between = corr[i]["between"];
            if (between.size() != 2) {
                c.report().report(between, child_path(here, "between"),
                                  "name exactly two parameter paths");
                continue;
            }
            const auto first = index.find(between[0].Scalar());
            const auto second = index.find(between[1].Scalar());
            if (first == index.end() || second == index.end() || first == second) {
                c.report().report(between, child_path(here, "between"),
                                  "both must be different paths listed under "
                                  "uncertainty.parameters");
                continue;
            }
            out.correlations.push_back(
                Correlation{first->second, second->second, corr[i]["rho"].as<double>()});
        }
    }
    if (const YAML::Node groups = u["groups"]) convert_groups(c, groups, index, out);
}

}  // namespace followsim::scenario
