// _followsim: the engine for Python. Thin on purpose: scenarios in and the same result texts
// the command line writes (summary.json, CSV, report specs) out, so Python and the command line
// cannot disagree. The followsim package (followsim/__init__.py) turns them into DataFrames.
// The engine runs on its own thread with the GIL released; the calling thread wakes every
// 50 ms to let Python see Ctrl-C, and then stops the engine (KeyboardInterrupt, nothing
// written).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <thread>

#include "engine/experiment/calibration.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/model/state_fields.hpp"
#include "engine/output/atomic_output.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/report/results_folder_reader.hpp"
#include "engine/output/result_files.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"

namespace py = pybind11;
using namespace followsim;

namespace {

// Runs `work(cancel)` on another thread, GIL released, and turns Ctrl-C into KeyboardInterrupt.
template <typename Result>
Result run_interruptible(const std::function<Result(const std::atomic<bool>*)>& work) {
    std::atomic<bool> cancel{false};
    std::packaged_task<Result()> task([&] { return work(&cancel); });
    std::future<Result> done = task.get_future();
    std::thread worker(std::move(task));
    {
        py::gil_scoped_release release;
        for (;;) {
            if (done.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready) break;
            py::gil_scoped_acquire acquire;
            if (PyErr_CheckSignals() != 0) {
                cancel.store(true);
                {
                    py::gil_scoped_release again;
                    worker.join();
                }
                throw py::error_already_set();  // the KeyboardInterrupt Python raised
            }
        }
    }
    worker.join();
    return done.get();  // rethrows what the engine threw
}

py::dict run_texts(const scenario::Scenario& sc, std::uint64_t replications, std::uint64_t seed,
                   unsigned threads) {
    auto result = run_interruptible<std::tuple<std::string, std::string, std::string>>(
        [&](const std::atomic<bool>* cancel) {
            experiment::RunSettings settings;
            settings.replications = replications;
            settings.seed = seed;
            settings.threads = threads;
            settings.cancel = cancel;
            const auto r = experiment::run_replications(sc, settings);
            return std::tuple{output::summary_json(sc, r).dump(), output::replications_csv(sc, r),
                              output::timeseries_csv(r)};
        });
    py::dict out;
    out["summary"] = std::get<0>(result);
    out["replications_csv"] = std::get<1>(result);
    out["timeseries_csv"] = std::get<2>(result);
    return out;
}

py::dict psa_texts(const scenario::Scenario& sc, std::uint64_t draws, std::uint64_t replications,
                   std::uint64_t seed, unsigned threads) {
    if (sc.uncertainty.parameters.empty()) {
        throw experiment::UsageError("the scenario has no uncertainty.parameters to draw");
    }
    auto result = run_interruptible<std::pair<std::string, std::string>>(
        [&](const std::atomic<bool>* cancel) {
            experiment::PsaSettings settings;
            settings.draws = draws;
            settings.replications = replications;
            settings.seed = seed;
            settings.threads = threads;
            settings.cancel = cancel;
            const auto r = experiment::run_psa(sc, settings);
            return std::pair{output::psa_summary_json(sc, r).dump(), output::psa_csv(sc, r)};
        });
    py::dict out;
    out["summary"] = result.first;
    out["psa_csv"] = result.second;
    return out;
}

py::dict sweep_texts(const scenario::Scenario& sc, const std::vector<std::string>& vary, bool grid,
                     std::uint64_t replications, std::uint64_t seed, unsigned threads,
                     const std::string& arm, const std::string& versus) {
    experiment::SweepSettings settings;
    for (const auto& v : vary) settings.variables.push_back(experiment::parse_vary(v));
    settings.grid = grid;
    settings.replications = replications;
    settings.seed = seed;
    settings.threads = threads;
    settings.arm = arm;
    settings.versus = versus;
    auto result = run_interruptible<std::pair<std::string, std::string>>(
        [&](const std::atomic<bool>* cancel) {
            experiment::SweepSettings s = settings;
            s.cancel = cancel;
            const auto r = experiment::run_sweep(sc, s);
            return std::pair{output::sweep_summary_json(sc, r).dump(), output::sweep_csv(sc, r)};
        });
    py::dict out;
    out["summary"] = result.first;
    out["sweep_csv"] = result.second;
    return out;
}

py::dict calibrate_texts(const scenario::Scenario& sc, const std::string& param,
                         const std::string& metric, double target, const std::string& arm,
                         std::optional<std::pair<double, double>> bracket, const std::string& unit,
                         std::uint64_t replications, std::uint64_t seed, unsigned threads) {
    experiment::CalibrationSettings settings;
    settings.path = param;
    settings.metric = metric;
    settings.target = target;
    settings.arm = arm;
    settings.bracket = bracket;
    settings.unit = unit;
    settings.replications = replications;
    settings.seed = seed;
    settings.threads = threads;
    auto result = run_interruptible<std::pair<std::string, std::string>>(
        [&](const std::atomic<bool>* cancel) {
            experiment::CalibrationSettings s = settings;
            s.cancel = cancel;
            const auto r = experiment::calibrate(sc, s);
            return std::pair{output::calibration_json(sc, s, r).dump(), r.assignment};
        });
    py::dict out;
    out["calibration"] = result.first;
    out["assignment"] = result.second;
    return out;
}

output::ReportData report_data(const std::string& summary, const std::string& timeseries_csv,
                               const std::string& sweep_csv, const std::string& scenario_yaml) {
    return output::parse_results({summary, timeseries_csv, sweep_csv, scenario_yaml});
}

}  // namespace

PYBIND11_MODULE(_followsim, m) {
    m.doc() = "followsim engine (use the followsim package)";
    m.attr("__version__") = FOLLOWSIM_VERSION;

    static py::exception<scenario::ScenarioError> scenario_error(m, "_ScenarioError",
                                                                 PyExc_ValueError);
    static py::exception<experiment::UsageError> usage_error(m, "UsageError", PyExc_ValueError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const scenario::ScenarioError& e) {
            // Carry every problem: (file, line, column, path, message).
            py::list problems;
            for (const auto& d : e.problems()) {
                problems.append(py::make_tuple(d.file, d.line, d.column, d.path, d.message));
            }
            py::object type = py::reinterpret_borrow<py::object>(scenario_error.ptr());
            py::object error = type(py::str(e.what()));
            error.attr("problems") = problems;
            PyErr_SetObject(scenario_error.ptr(), error.ptr());
        } catch (const experiment::UsageError& e) {
            usage_error(e.what());
        } catch (const experiment::Interrupted&) {
            PyErr_SetString(PyExc_KeyboardInterrupt, "interrupted");
        }
    });

    py::class_<scenario::Scenario>(m, "ScenarioData")
        .def_readonly("name", &scenario::Scenario::name)
        .def_readonly("file", &scenario::Scenario::file)
        .def_readonly("sha256", &scenario::Scenario::sha256)
        .def_readonly("overrides", &scenario::Scenario::overrides)
        .def_readonly("resolved_yaml", &scenario::Scenario::resolved_yaml)
        .def_property_readonly("arms", [](const scenario::Scenario& s) {
            std::vector<std::string> names;
            for (const auto& a : s.model.arms) names.push_back(a.name);
            return names;
        });

    m.def("load_scenario_file", &scenario::load_scenario_file, py::arg("path"),
          py::arg("overrides"));
    m.def("load_scenario_text", &scenario::load_scenario_text, py::arg("text"), py::arg("label"),
          py::arg("overrides"));
    m.def("schema", [] { return scenario::scenario_schema().dump(); });
    m.def(
        "state_fields",
        [] {
            py::list fields;
            for (const auto& f : model::kStateFieldInfo) {
                py::dict d;
                d["name"] = std::string(f.name);
                d["label_en"] = std::string(f.label_en);
                d["label_nb"] = std::string(f.label_nb);
                d["person_state"] = f.person_state;
                fields.append(d);
            }
            return fields;
        },
        "The monitor's state fields: the columns of the time series, in order.");
    m.def("run", &run_texts, py::arg("scenario"), py::arg("replications"), py::arg("seed"),
          py::arg("threads"));
    m.def("psa", &psa_texts, py::arg("scenario"), py::arg("draws"), py::arg("replications"),
          py::arg("seed"), py::arg("threads"));
    m.def("sweep", &sweep_texts, py::arg("scenario"), py::arg("vary"), py::arg("grid"),
          py::arg("replications"), py::arg("seed"), py::arg("threads"), py::arg("arm"),
          py::arg("versus"));
    m.def("calibrate", &calibrate_texts, py::arg("scenario"), py::arg("param"), py::arg("metric"),
          py::arg("target"), py::arg("arm"), py::arg("bracket"), py::arg("unit"),
          py::arg("replications"), py::arg("seed"), py::arg("threads"));
    m.def(
        "report_charts",
        [](const std::string& summary, const std::string& ts, const std::string& sweep,
           const std::string& yaml) {
            py::list charts;
            for (const auto& [id, spec] :
                 output::report_charts(report_data(summary, ts, sweep, yaml))) {
                charts.append(py::make_tuple(id, spec.dump()));
            }
            return charts;
        },
        py::arg("summary"), py::arg("timeseries_csv"), py::arg("sweep_csv"),
        py::arg("scenario_yaml"));
    m.def(
        "report_html",
        [](const std::string& summary, const std::string& ts, const std::string& sweep,
           const std::string& yaml) {
            return output::report_html(report_data(summary, ts, sweep, yaml));
        },
        py::arg("summary"), py::arg("timeseries_csv"), py::arg("sweep_csv"),
        py::arg("scenario_yaml"));
    m.def(
        "write_files",
        [](const std::string& folder,
           const std::vector<std::pair<std::string, std::string>>& files) {
            output::OutputFolder out(folder);
            for (const auto& [name, content] : files) out.add(name, content);
            out.commit();
        },
        py::arg("folder"), py::arg("files"), "Writes the files into the folder, all or nothing.");
}
