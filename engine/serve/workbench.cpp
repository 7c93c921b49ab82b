#include "engine/serve/workbench.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <limits>
#include <random>
#include <thread>

#include "engine/app/commands.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/output/decision_json.hpp"
#include "engine/output/report/charts.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/report/report_page.hpp"
#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/yaml_document.hpp"
#include "engine/serve/form_fields.hpp"
#include "engine/serve/request_guard.hpp"
#include "engine/serve/scenario_edits.hpp"
#include "engine/serve/zip_archive.hpp"

namespace followsim::serve {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct OpenScenario {
    std::string source;
    std::string label;    // the file as messages name it
    std::string shipped;  // its name in the shipped list, if it is one of them
    scenario::Scenario base;
    std::vector<FormField> fields;
};

struct RunRecord {
    int id = 0;
    std::string scenario;
    json changes;  // [{path, label, text, was}]
    std::uint64_t replications = 0;
    std::uint64_t seed = 0;
    app::ResultFolder folder;
    app::FolderFiles files;
    std::string folder_name;
    std::string written;  // where the files are, or why they are not
};

struct Job {
    int id = 0;
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> done{0};
    std::atomic<std::uint64_t> total{0};
    std::atomic<bool> finished{false};  // the thread touches nothing after setting it
    std::mutex mutex;
    std::string state = "queued";  // queued, running, done, cancelled, failed
    std::string error;
    int run_id = 0;
    // What to run.
    scenario::Scenario scenario;  // its resolved_yaml: the file with the edits marked
    json changes;
    std::uint64_t replications = 0;
    std::uint64_t seed = 0;
    // The session's job before this one: cancelled, and waited for before this one starts.
    std::shared_ptr<Job> previous;
    std::thread thread;

    ~Job() {
        if (thread.joinable()) thread.join();
    }
    void set_state(const std::string& s, const std::string& e = "") {
        std::lock_guard lock(mutex);
        state = s;
        error = e;
    }
};

struct Session {
    std::mutex mutex;
    std::optional<OpenScenario> open;
    std::deque<std::shared_ptr<RunRecord>> runs;
    std::shared_ptr<Job> job;
    int next_run = 1;
    int next_job = 1;
    Clock::time_point used = Clock::now();

    [[nodiscard]] bool busy() const { return job && !job->finished.load(); }
};

namespace {

json problems_json(const scenario::ScenarioError& e) {
    json out = json::array();
    for (const auto& d : e.problems()) {
        out.push_back({{"file", d.file},
                       {"line", d.line},
                       {"column", d.column},
                       {"path", d.path},
                       {"message", d.message},
                       {"text", d.format()}});
    }
    return out;
}

json problem(const std::string& path, const std::string& message) {
    return json::array({{{"path", path}, {"message", message}, {"text", message}}});
}

// A JSON number that is a whole number in [low, high].
std::optional<std::uint64_t> whole_number(const json& j, std::uint64_t low, std::uint64_t high) {
    if (j.is_number_unsigned()) {
        const auto x = j.get<std::uint64_t>();
        if (x >= low && x <= high) return x;
    } else if (j.is_number_integer() && j.get<std::int64_t>() >= 0) {
        return whole_number(json(static_cast<std::uint64_t>(j.get<std::int64_t>())), low, high);
    }
    return std::nullopt;
}

std::string random_id() {
    std::random_device device;
    std::string id;
    for (int i = 0; i < 4; ++i) id += fmt::format("{:08x}", device());
    return id;
}

// An uploaded file's name as messages show it: its last part, in plain characters.
std::string upload_label(const std::string& filename) {
    std::string name = filename.substr(filename.find_last_of("/\\") + 1);
    name.erase(std::remove_if(name.begin(), name.end(),
                              [](char c) {
                                  return std::isalnum(static_cast<unsigned char>(c)) == 0 &&
                                         std::string_view("._-").find(c) == std::string_view::npos;
                              }),
               name.end());
    return name.empty() ? "upload.yaml" : name.substr(0, 80);
}

std::string content_type_of(const std::string& file) {
    if (file.ends_with(".html")) return "text/html; charset=utf-8";
    if (file.ends_with(".json")) return "application/json";
    if (file.ends_with(".csv")) return "text/csv; charset=utf-8";
    if (file.ends_with(".yaml")) return "application/yaml; charset=utf-8";
    if (file.ends_with(".xlsx"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (file.ends_with(".zip")) return "application/zip";
    return "application/octet-stream";
}

// Charts in page order: [{id, spec}].
json charts_json(const std::vector<output::Chart>& charts) {
    json out = json::array();
    for (const auto& [id, spec] : charts)
        out.push_back({{"id", id}, {"spec", json::parse(spec.dump())}});
    return out;
}

json run_overview(const RunRecord& r, Lang lang) {
    return {
        {"id", r.id},           {"scenario", r.scenario},
        {"changes", r.changes}, {"replications", r.replications},
        {"seed", r.seed},       {"verdict", output::decision_text(r.folder.report.summary, lang)}};
}

}  // namespace

Reply Reply::json(const nlohmann::json& body, int status) {
    return {status, "application/json", body.dump(), ""};
}

Reply Reply::error(int status, const std::string& message) {
    return json({{"error", message}}, status);
}

Workbench::Workbench(ServeSettings settings) : settings_(std::move(settings)) {}

Workbench::~Workbench() {
    std::vector<std::shared_ptr<Job>> jobs;
    {
        std::lock_guard lock(sessions_mutex_);
        for (auto& [id, s] : sessions_) {
            std::lock_guard session_lock(s->mutex);
            if (s->job) {
                s->job->cancel = true;
                jobs.push_back(s->job);
            }
        }
    }
    slots_freed_.notify_all();
    for (auto& job : jobs) {
        if (job->thread.joinable()) job->thread.join();
    }
}

std::vector<std::string> Workbench::shipped() const {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(settings_.scenarios_dir, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
            names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

void Workbench::open_scenario(Session& s, const std::string& text, const std::string& label,
                              const std::string& shipped_name) {
    OpenScenario open{text, label, shipped_name, scenario::load_scenario_text(text, label), {}};
    open.fields = form_fields(open.base, text, settings_.lang);
    s.open = std::move(open);
}

std::optional<std::string> Workbench::new_session() {
    auto s = std::make_shared<Session>();
    // The scenario given on the command line, else Heimdal, else the first shipped one.
    std::string path = settings_.scenario, name;
    if (path.empty()) {
        const auto names = shipped();
        const auto heimdal = std::find(names.begin(), names.end(), "heimdal.yaml");
        if (heimdal != names.end())
            name = *heimdal;
        else if (!names.empty())
            name = names.front();
        if (!name.empty()) path = (settings_.scenarios_dir / name).string();
    }
    if (!path.empty()) {
        try {
            open_scenario(*s, scenario::read_scenario_text(path), path, name);
        } catch (const scenario::ScenarioError&) {
            // The page asks for another scenario.
        }
    }
    std::lock_guard lock(sessions_mutex_);
    if (sessions_.size() >= settings_.max_sessions) {
        auto idle = sessions_.end();
        for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
            std::lock_guard session_lock(it->second->mutex);
            if (!it->second->busy() &&
                (idle == sessions_.end() || it->second->used < idle->second->used))
                idle = it;
        }
        if (idle == sessions_.end()) return std::nullopt;
        sessions_.erase(idle);
    }
    const std::string id = random_id();
    sessions_[id] = std::move(s);
    return id;
}

bool Workbench::has_session(const std::string& id) const {
    return find(id) != nullptr;
}

std::shared_ptr<Session> Workbench::find(const std::string& id) const {
    std::lock_guard lock(sessions_mutex_);
    const auto it = sessions_.find(id);
    return it == sessions_.end() ? nullptr : it->second;
}

Reply Workbench::state(const std::string& id) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    std::lock_guard lock(s->mutex);
    s->used = Clock::now();
    json out = {
        {"lang", std::string(lang_code(settings_.lang))},
        {"shipped", shipped()},
        {"defaults", {{"replications", settings_.replications}, {"seed", app::RunSettings{}.seed}}},
        {"limits",
         {{"max_request_bytes", settings_.max_request_bytes},
          {"max_run_size", settings_.max_run_size},
          {"max_concurrent_runs", settings_.max_concurrent_runs}}},
        {"scenario", nullptr},
        {"fields", json::array()},
        {"runs", json::array()}};
    if (s->open) {
        const scenario::Scenario& sc = s->open->base;
        json arms = json::array();
        for (const auto& a : sc.model.arms) arms.push_back(a.name);
        out["scenario"] = {{"name", sc.name},
                           {"file", s->open->label},
                           {"shipped", s->open->shipped},
                           {"description", sc.description},
                           {"price_year", sc.price_year},
                           {"arms", arms}};
        for (const FormField& f : s->open->fields) out["fields"].push_back(to_json(f));
    }
    for (const auto& r : s->runs) out["runs"].push_back(run_overview(*r, settings_.lang));
    return Reply::json(out);
}

Reply Workbench::open(const std::string& id, const json& request) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    const auto text_at = [&](const char* key) {
        const auto it = request.find(key);
        return it != request.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string text, label, name = text_at("name");
    try {
        if (!name.empty()) {
            const auto names = shipped();
            // Only a name from the list: never a path the request makes up.
            if (std::find(names.begin(), names.end(), name) == names.end())
                return Reply::error(404, "no shipped scenario " + name);
            label = name;
            text = scenario::read_scenario_text((settings_.scenarios_dir / name).string());
        } else if (request.contains("text") && request.at("text").is_string()) {
            label = upload_label(text_at("filename"));
            text = text_at("text");
        } else {
            return Reply::error(400, "expected {\"name\"} or {\"filename\", \"text\"}");
        }
        std::lock_guard lock(s->mutex);
        s->used = Clock::now();
        open_scenario(*s, text, label, name);
    } catch (const scenario::ScenarioError& e) {
        return Reply::json({{"problems", problems_json(e)}});
    }
    return Reply::json({{"opened", label}});
}

Reply Workbench::start_run(const std::string& id, const json& request) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    std::lock_guard lock(s->mutex);
    s->used = Clock::now();
    if (!s->open) return Reply::json({{"problems", problem("", "open a scenario first")}});
    const OpenScenario& open = *s->open;

    const json values = request.value("values", json::object());
    if (!values.is_object()) return Reply::error(400, "values must be an object");
    std::vector<FieldEdit> edits;
    json changes = json::array();
    for (const FormField& f : open.fields) {
        const auto v = values.find(f.path);
        if (v == values.end()) continue;
        if (!v->is_string()) return Reply::error(400, "values are text: " + f.path);
        const std::string number = v->get<std::string>();
        if (number == f.value) continue;
        edits.push_back({f.path, field_text(f, number)});
        changes.push_back({{"path", f.path},
                           {"label", f.label},
                           {"text", edits.back().text},
                           {"was", field_text(f, f.value)}});
    }
    for (const auto& [path, _] : values.items()) {
        const bool known = std::any_of(open.fields.begin(), open.fields.end(),
                                       [&](const FormField& f) { return f.path == path; });
        if (!known) return Reply::error(400, "not a field of the form: " + path);
    }
    const auto replications =
        whole_number(request.value("replications", json(settings_.replications)), 1, 1'000'000);
    if (!replications) {
        return Reply::json(
            {{"problems",
              problem("replications", "replications: a whole number from 1 to 1000000")}});
    }
    const auto seed = whole_number(request.value("seed", json(app::RunSettings{}.seed)), 0,
                                   std::numeric_limits<std::uint64_t>::max());
    if (!seed)
        return Reply::json({{"problems", problem("seed", "seed: a whole number of 0 or more")}});

    auto job = std::make_shared<Job>();
    try {
        job->scenario = apply_edits(open.base, open.source, edits);
    } catch (const scenario::ScenarioError& e) {
        return Reply::json({{"problems", problems_json(e)}});  // nothing runs
    }
    if (const std::string refusal =
            run_size_refusal(job->scenario, *replications, settings_.max_run_size);
        !refusal.empty()) {
        return Reply::json({{"problems", problem("replications", refusal)}});
    }
    job->id = s->next_job++;
    job->changes = std::move(changes);
    job->replications = *replications;
    job->seed = *seed;
    // One run a session: a new change cancels the one running, which this one waits for.
    if (s->job) {
        s->job->cancel = true;
        job->previous = s->job;
        slots_freed_.notify_all();
    }
    s->job = job;
    job->thread = std::thread([this, session = s.get(), j = job.get()] { execute(*session, *j); });
    return Reply::json({{"job", job->id}});
}

void Workbench::execute(Session& s, Job& job) {
    if (job.previous) {
        job.previous->thread.join();
        job.previous.reset();
    }
    bool slot = false;
    try {
        {
            std::unique_lock lock(slots_mutex_);
            slots_freed_.wait(lock, [&] {
                return running_ < settings_.max_concurrent_runs || job.cancel.load();
            });
            if (job.cancel) throw experiment::Interrupted();
            ++running_;
            slot = true;
        }
        job.set_state("running");
        app::RunSettings settings;
        settings.replications = job.replications;
        settings.seed = job.seed;
        settings.threads = settings_.threads;
        settings.cancel = &job.cancel;
        settings.progress = [&job](std::uint64_t done, std::uint64_t total) {
            job.done = done;
            job.total = total;
        };
        auto output = app::run(job.scenario, settings);
        auto record = std::make_shared<RunRecord>();
        record->scenario = job.scenario.name;
        record->changes = job.changes;
        record->replications = job.replications;
        record->seed = job.seed;
        record->folder = std::move(output.folder);
        record->files = record->folder.files();
        const std::filesystem::path folder =
            reserve_folder(safe_name(std::filesystem::path(job.scenario.file).stem().string()));
        record->folder_name = folder.filename().string();
        try {
            app::write_folder(folder, record->files, &job.cancel);
            record->written = folder.string();
        } catch (const experiment::Interrupted&) {
            throw;
        } catch (const std::exception& e) {
            record->written = std::string("not written: ") + e.what();
        }
        {
            std::lock_guard lock(s.mutex);
            record->id = s.next_run++;
            s.runs.push_back(record);
            while (s.runs.size() > settings_.runs_kept) s.runs.pop_front();
        }
        {
            std::lock_guard lock(job.mutex);
            job.run_id = record->id;
        }
        job.set_state("done");
    } catch (const experiment::Interrupted&) {
        job.set_state("cancelled");
    } catch (const std::exception& e) {
        job.set_state("failed", e.what());
    }
    if (slot) {
        std::lock_guard lock(slots_mutex_);
        --running_;
    }
    slots_freed_.notify_all();
    job.finished = true;
}

std::filesystem::path Workbench::reserve_folder(const std::string& stem) {
    std::lock_guard lock(folders_mutex_);
    for (int n = 1;; ++n) {
        const auto path = inside(settings_.folder, fmt::format("{}-{}", stem, n));
        if (!path)
            throw std::runtime_error("no folder for the results inside " +
                                     settings_.folder.string());
        if (!std::filesystem::exists(*path) && reserved_.insert(*path).second) return *path;
    }
}

Reply Workbench::status(const std::string& id) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    std::lock_guard lock(s->mutex);
    if (!s->job) return Reply::json({{"job", nullptr}});
    Job& j = *s->job;
    std::lock_guard job_lock(j.mutex);
    return Reply::json({{"job",
                         {{"id", j.id},
                          {"state", j.state},
                          {"done", j.done.load()},
                          {"total", j.total.load()},
                          {"run", j.run_id},
                          {"error", j.error}}}});
}

namespace {

std::shared_ptr<RunRecord> find_run(Session& s, int run_id) {
    for (const auto& r : s.runs) {
        if (r->id == run_id) return r;
    }
    return nullptr;
}

}  // namespace

Reply Workbench::run(const std::string& id, int run_id) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    std::lock_guard lock(s->mutex);
    const auto r = find_run(*s, run_id);
    if (!r) return Reply::error(404, fmt::format("no run {} in this session", run_id));
    const auto& summary = r->folder.report.summary;
    json out = run_overview(*r, settings_.lang);
    out["figures_html"] = output::key_figures_table(summary, settings_.lang);
    out["subgroups_html"] = output::subgroups_table(summary, settings_.lang);
    out["charts"] = charts_json(output::report_charts(r->folder.report));
    json files = json::array();
    for (const auto& f : r->files) files.push_back(f.name);
    files.push_back("results.zip");
    out["files"] = files;
    out["folder"] = r->written;
    out["events"] = summary.at("run").at("events");
    out["wall_seconds"] = summary.at("run").at("wall_seconds");
    return Reply::json(out);
}

Reply Workbench::compare(const std::string& id, const std::vector<int>& run_ids) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    std::lock_guard lock(s->mutex);
    std::vector<output::LabelledResults> compared;
    for (const int run_id : run_ids) {
        const auto r = find_run(*s, run_id);
        if (!r) return Reply::error(404, fmt::format("no run {} in this session", run_id));
        // The replications pair two runs of the same seed, as compare pairs two folders.
        std::string samples;
        for (const auto& f : r->files) {
            if (f.name == "replications.csv") samples = f.content;
        }
        compared.push_back(
            {fmt::format("{} {}", settings_.lang == Lang::nb ? "kjøring" : "run", r->id),
             r->folder.report, std::move(samples)});
    }
    if (compared.empty()) return Reply::error(400, "name the runs to compare: ?runs=1,2");
    const json charts = charts_json(
        {{"chart-compare-npv", output::compare_npv_chart(compared, settings_.lang)},
         {"chart-compare-placement", output::compare_placement_chart(compared, settings_.lang)}});
    return Reply::json({{"table_html", output::compare_figures_table(compared, settings_.lang)},
                        {"charts", charts}});
}

Reply Workbench::download(const std::string& id, int run_id, const std::string& file) {
    const auto s = find(id);
    if (!s) return Reply::error(403, "no session: reload the page");
    std::lock_guard lock(s->mutex);
    const auto r = find_run(*s, run_id);
    if (!r) return Reply::error(404, fmt::format("no run {} in this session", run_id));
    if (file == "results.zip") {
        std::vector<std::pair<std::string, std::string>> files;
        for (const auto& f : r->files) files.emplace_back(f.name, f.content);
        return {200, content_type_of(file), zip_archive(r->folder_name, files),
                r->folder_name + ".zip"};
    }
    for (const auto& f : r->files) {
        // Only the names of the folder's files: never a path the request makes up.
        if (f.name == file)
            return {200, content_type_of(file), f.content, r->folder_name + "-" + file};
    }
    return Reply::error(404, "no file " + file + " in run " + std::to_string(run_id));
}

}  // namespace followsim::serve
