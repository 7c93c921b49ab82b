#include "engine/serve/workbench_server.hpp"

#include <fmt/core.h>
#include <httplib.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "engine/serve/request_guard.hpp"
#include "engine/serve/workbench.hpp"
#include "engine/serve/workbench_page.hpp"

namespace followsim::serve {

namespace {

constexpr const char* kCookie = "followsim_session";

// The page's scripts are inline and vega compiles its expressions (hence 'unsafe-eval'); it
// may fetch from this server only.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; "
    "base-uri 'none'";

void answer(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    if (!reply.filename.empty()) {
        // The names are the server's own (safe_name and the folder's file names).
        res.set_header("Content-Disposition", "attachment; filename=\"" + reply.filename + "\"");
    }
    res.set_content(reply.body, reply.content_type.c_str());
}

std::vector<int> run_list(const std::string& text) {
    std::vector<int> ids;
    std::istringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            ids.push_back(std::stoi(part));
        } catch (const std::exception&) {
            return {};
        }
    }
    return ids;
}

}  // namespace

std::string session_cookie(const std::string& header) {
    std::istringstream in(header);
    std::string part;
    const std::string key = std::string(kCookie) + "=";
    while (std::getline(in, part, ';')) {
        const auto start = part.find_first_not_of(' ');
        if (start != std::string::npos && part.compare(start, key.size(), key) == 0)
            return part.substr(start + key.size());
    }
    return "";
}

void serve(const ServeSettings& settings, const std::atomic<bool>& stop,
           const std::function<void(int)>& listening) {
    Workbench bench(settings);
    httplib::Server server;
    // httplib's default SO_REUSEPORT would let a second process listen on the same port and
    // take some of the requests; SO_REUSEADDR alone allows a restart, not a sharer.
    server.set_socket_options([](socket_t socket) {
        const int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    const int port = settings.port == 0
                         ? server.bind_to_any_port("127.0.0.1")
                         : (server.bind_to_port("127.0.0.1", settings.port) ? settings.port : -1);
    if (port <= 0) {
        throw std::runtime_error(
            fmt::format("cannot listen on 127.0.0.1:{} (is another program using it? try --port)",
                        settings.port));
    }
    server.set_payload_max_length(settings.max_request_bytes);
    server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                                {"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"}});
    // DNS rebinding and cross-site requests: only this server's own names, from its own pages.
    server.set_pre_routing_handler([port](const httplib::Request& req, httplib::Response& res) {
        const bool host = allowed_host(req.get_header_value("Host"), port);
        if (host && allowed_origin(req.get_header_value("Origin"), port))
            return httplib::Server::HandlerResponse::Unhandled;
        answer(res, Reply::error(403, host ? "refused: the request comes from another site"
                                           : "refused: the Host is not this server's"));
        return httplib::Server::HandlerResponse::Handled;
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            answer(res, Reply::error(500, what));
        });

    const auto session = [](const httplib::Request& req) {
        return session_cookie(req.get_header_value("Cookie"));
    };
    const auto body = [](const httplib::Request& req) {
        return nlohmann::json::parse(req.body, nullptr, false);
    };
    const auto with_body = [&](auto method) {
        return [&, method](const httplib::Request& req, httplib::Response& res) {
            const auto request = body(req);
            if (request.is_discarded() || !request.is_object())
                return answer(res, Reply::error(400, "expected a JSON object"));
            answer(res, (bench.*method)(session(req), request));
        };
    };

    server.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
        if (!bench.has_session(session(req))) {
            const auto id = bench.new_session();
            if (!id)
                return answer(res, Reply::error(503, "every session is running; try again soon"));
            res.set_header("Set-Cookie", std::string(kCookie) + "=" + *id +
                                             "; Path=/; HttpOnly; SameSite=Strict");
        }
        res.set_content(workbench_page(settings.lang), "text/html; charset=utf-8");
    });
    server.Get("/api/state", [&](const httplib::Request& req, httplib::Response& res) {
        answer(res, bench.state(session(req)));
    });
    server.Get("/api/status", [&](const httplib::Request& req, httplib::Response& res) {
        answer(res, bench.status(session(req)));
    });
    server.Post("/api/open", with_body(&Workbench::open));
    server.Post("/api/run", with_body(&Workbench::start_run));
    server.Get(R"(/api/runs/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        answer(res, bench.run(session(req), std::stoi(req.matches[1])));
    });
    server.Get("/api/compare", [&](const httplib::Request& req, httplib::Response& res) {
        answer(res, bench.compare(session(req), run_list(req.get_param_value("runs"))));
    });
    server.Get(R"(/download/(\d+)/([A-Za-z0-9_.-]+))", [&](const httplib::Request& req,
                                                           httplib::Response& res) {
        answer(res, bench.download(session(req), std::stoi(req.matches[1]), req.matches[2]));
    });

    std::atomic<bool> ended{false};
    std::thread listener([&] {
        server.listen_after_bind();
        ended = true;
    });
    listening(port);
    while (!stop.load() && !ended.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server.stop();
    listener.join();
}

}  // namespace followsim::serve
