// `followsim serve`: the workbench (workbench.hpp) over HTTP with cpp-httplib, on 127.0.0.1
// only. Every request must name this server in Host and, from a page, in Origin (a page on
// another site whose name resolves to 127.0.0.1 is refused); bodies are limited in size; the
// page and the API forbid every other origin (Content-Security-Policy).
#pragma once

#include <atomic>
#include <functional>

#include "engine/serve/serve_settings.hpp"

namespace followsim::serve {

// Serves until `stop` is set; calls `listening(port)` once the port is bound. Throws
// std::runtime_error if it cannot bind.
void serve(const ServeSettings& settings, const std::atomic<bool>& stop,
           const std::function<void(int port)>& listening);

// The session id in a Cookie header ("" if none).
std::string session_cookie(const std::string& cookie_header);

}  // namespace followsim::serve
