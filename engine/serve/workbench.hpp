// The workbench behind `followsim serve`, without HTTP: browser sessions, each with its open
// scenario, its form, its runs (at most one at a time: a new change cancels the running one)
// and the runs it keeps to compare. Each method is one request of the page and answers with
// the reply's status, type and body; workbench_server.cpp maps HTTP onto them.
//
// Runs go through the application layer (app::run) on worker threads, at most
// max_concurrent_runs at once (the others wait their turn), and are written below the
// settings' folder only.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/serve/serve_settings.hpp"

namespace followsim::serve {

struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string filename;  // a download: its name (Content-Disposition)

    static Reply json(const nlohmann::json& body, int status = 200);
    // {"error": message}.
    static Reply error(int status, const std::string& message);
};

struct Session;
struct Job;

class Workbench {
  public:
    explicit Workbench(ServeSettings settings);
    ~Workbench();  // cancels every run and waits for it
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // A new browser session with the first scenario open; its id goes into a cookie. When the
    // server holds max_sessions, the longest-idle one without a run goes; nullopt if every
    // one is running.
    std::optional<std::string> new_session();
    [[nodiscard]] bool has_session(const std::string& id) const;

    [[nodiscard]] const ServeSettings& settings() const { return settings_; }
    // The shipped scenarios: their file names in scenarios_dir.
    [[nodiscard]] std::vector<std::string> shipped() const;

    // GET /api/state: the open scenario, its form, the runs kept and the current job.
    Reply state(const std::string& session);
    // POST /api/open {"name"}: a shipped scenario; {"filename", "text"}: an uploaded one.
    Reply open(const std::string& session, const nlohmann::json& request);
    // POST /api/run {"values": {path: text}, "replications", "seed"}: the scenario with those
    // values (the file's own for the others), run. Invalid values: {"problems": [...]} and
    // nothing runs; else {"job": n}.
    Reply start_run(const std::string& session, const nlohmann::json& request);
    // GET /api/status: the current job's state and progress.
    Reply status(const std::string& session);
    // GET /api/runs/N: a run's verdict, key figures and charts.
    Reply run(const std::string& session, int run_id);
    // GET /api/compare?runs=1,2: the runs side by side.
    Reply compare(const std::string& session, const std::vector<int>& run_ids);
    // GET /download/N/FILE: a file of the run's results folder, or results.zip (all of them).
    Reply download(const std::string& session, int run_id, const std::string& file);

  private:
    std::shared_ptr<Session> find(const std::string& id) const;
    void execute(Session& session, Job& job);
    void open_scenario(Session& session, const std::string& text, const std::string& label,
                       const std::string& shipped_name);
    std::filesystem::path reserve_folder(const std::string& stem);

    ServeSettings settings_;
    mutable std::mutex sessions_mutex_;
    std::map<std::string, std::shared_ptr<Session>> sessions_;
    // Runs simulating now, against max_concurrent_runs.
    std::mutex slots_mutex_;
    std::condition_variable slots_freed_;
    unsigned running_ = 0;
    std::mutex folders_mutex_;
    std::set<std::filesystem::path> reserved_;
};

}  // namespace followsim::serve
