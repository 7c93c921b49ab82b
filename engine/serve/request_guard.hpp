// The workbench's rules of safety, as plain functions the server applies and the tests check:
// whose requests it answers (DNS rebinding: a page elsewhere whose name resolves to 127.0.0.1
// sends its own Host and Origin), how big a run may be, and where its files may go.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "engine/scenario/scenario.hpp"

namespace followsim::serve {

// A Host header naming this server: 127.0.0.1, localhost or [::1] with `port`.
bool allowed_host(std::string_view host, int port);
// An Origin header of this server's own pages (http://127.0.0.1:port, ...); an absent Origin
// (a request from outside a browser, or a same-origin navigation) is allowed.
bool allowed_origin(std::string_view origin, int port);

// The persons a run simulates: expected persons of an arm x arms x replications.
double run_size(const scenario::Scenario& scenario, std::uint64_t replications);
// Why a run is too big for the server ("" if it is not): what it would take and the limit.
std::string run_size_refusal(const scenario::Scenario& scenario, std::uint64_t replications,
                             double max_run_size);

// A name for a folder or file made from free text (a scenario's file name): lower-case letters,
// digits and '-' only, never empty, never a path.
std::string safe_name(std::string_view text);
// `folder / name`, if it lies inside `folder` (after '..' and symbolic links are resolved);
// nullopt otherwise.
std::optional<std::filesystem::path> inside(const std::filesystem::path& folder,
                                            const std::string& name);

}  // namespace followsim::serve
