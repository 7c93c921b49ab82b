#include "engine/serve/request_guard.hpp"

#include <fmt/core.h>

#include <array>
#include <cctype>

#include "engine/model/arrivals.hpp"

namespace followsim::serve {

namespace {

constexpr std::array kLoopbackNames{"127.0.0.1", "localhost", "[::1]"};

}  // namespace

bool allowed_host(std::string_view host, int port) {
    for (const char* name : kLoopbackNames) {
        if (host == fmt::format("{}:{}", name, port)) return true;
    }
    return false;
}

bool allowed_origin(std::string_view origin, int port) {
    return origin.empty() ||
           (origin.starts_with("http://") && allowed_host(origin.substr(7), port));
}

double run_size(const scenario::Scenario& sc, std::uint64_t replications) {
    const double persons = model::Arrivals(sc.model, 0, 0).expected_persons();
    return persons * static_cast<double>(sc.model.arms.size()) * static_cast<double>(replications);
}

std::string run_size_refusal(const scenario::Scenario& sc, std::uint64_t replications,
                             double max_run_size) {
    const double size = run_size(sc, replications);
    if (size <= max_run_size) return "";
    return fmt::format(
        "this run would simulate about {:.3g} persons ({} replications x {} arms x about {:.0f} "
        "persons); the workbench takes at most {:.3g} a run (serve --max-run-size): use fewer "
        "replications, or the command line",
        size, replications, sc.model.arms.size(),
        size / static_cast<double>(replications) / static_cast<double>(sc.model.arms.size()),
        max_run_size);
}

std::string safe_name(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0)
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "scenario" : out.substr(0, 60);
}

std::optional<std::filesystem::path> inside(const std::filesystem::path& folder,
                                            const std::string& name) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path base = fs::weakly_canonical(fs::absolute(folder), error);
    if (error) return std::nullopt;
    const fs::path target = fs::weakly_canonical(base / name, error);
    if (error || target == base || target.parent_path() != base) return std::nullopt;
    return target;
}

}  // namespace followsim::serve
