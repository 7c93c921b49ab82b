// _followsim: the engine for Python. Thin on purpose: it calls the same application layer as
// the command line (engine/app: settings, defaults, the files of a results folder), so Python
// and the command line cannot disagree. The followsim package (followsim/__init__.py) turns
// the results into DataFrames. The engine runs on its own thread with the GIL released; the
// calling thread wakes every 50 ms to let Python see Ctrl-C, and then stops the engine
// (KeyboardInterrupt, nothing written).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <thread>

#include "engine/app/commands.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/model/state_fields.hpp"
#include "engine/output/report/report_html.hpp"
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

// An application command, interruptible by Ctrl-C.
template <typename Settings, typename Command>
auto run_command(Command command, const scenario::Scenario& sc, Settings settings) {
    using Result = decltype(command(sc, settings));
    return run_interruptible<Result>([&](const std::atomic<bool>* cancel) {
        settings.cancel = cancel;
        return command(sc, settings);
    });
}

template <typename Settings>
Settings running(std::uint64_t replications, std::uint64_t seed, unsigned threads) {
    Settings settings;
    settings.replications = replications;
    settings.seed = seed;
    settings.threads = threads;
    return settings;
}

py::dict running_defaults(const app::Running& r, std::uint64_t replications) {
    py::dict d;
    d["replications"] = replications;
    d["seed"] = r.seed;
    d["threads"] = r.threads;
    return d;
}

// Every command's defaults, from the application layer: Python's keyword defaults.
py::dict defaults() {
    const app::RunSettings run;
    const app::PsaSettings psa;
    const app::SweepSettings sweep;
    const app::CalibrateSettings calibrate;
    const app::OptimiseSettings optimise;
    py::dict out;
    out["run"] = running_defaults(run, run.replications);
    out["psa"] = running_defaults(psa, psa.replications);
    out["psa"]["draws"] = psa.draws;
    out["sweep"] = running_defaults(sweep, sweep.replications);
    out["sweep"]["grid"] = sweep.grid;
    out["calibrate"] = running_defaults(calibrate, calibrate.replications);
    out["optimise"] = running_defaults(optimise, optimise.replications);
    out["optimise"]["objective"] = optimise.objective;
    return out;
}

// The folder with its report in `lang` ("en" or "nb"; another raises ValueError).
app::ResultFolder in_language(const app::ResultFolder& folder, const std::string& lang) {
    app::ResultFolder copy = folder;
    try {
        copy.report.lang = output::parse_lang(lang);
    } catch (const std::invalid_argument& e) {
        throw py::value_error(e.what());
    }
    return copy;
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

    // What run, psa, sweep or optimise produced: the files the command line writes, the charts.
    py::class_<app::ResultFolder>(m, "ResultFolder")
        .def_property_readonly(
            "summary", [](const app::ResultFolder& f) { return f.report.summary.dump(); },
            "summary.json, compact")
        .def_property_readonly(
            "tables",
            [](const app::ResultFolder& f) {
                py::dict tables;
                for (const auto& [name, content] : f.tables) tables[py::str(name)] = content;
                return tables;
            },
            "The command's CSV files: {file name: text}")
        .def(
            "charts",
            [](const app::ResultFolder& f) {
                py::list charts;
                for (const auto& [id, spec] : output::report_charts(f.report))
                    charts.append(py::make_tuple(id, spec.dump()));
                return charts;
            },
            "The report's charts: [(element id, Vega-Lite spec as JSON)]")
        .def(
            "report_html",
            [](const app::ResultFolder& f, const std::string& lang) {
                return output::report_html(in_language(f, lang).report);
            },
            py::arg("lang") = "en")
        .def(
            "write",
            [](const app::ResultFolder& f, const std::string& folder, const std::string& lang) {
                app::write_folder(folder, in_language(f, lang).files());
            },
            py::arg("folder"), py::arg("lang") = "en",
            "Writes the command line's files into the folder, all or nothing.");

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
    m.def("defaults", &defaults, "Every command's defaults, as the command line has them.");
    m.def("parse_target", &app::parse_target, py::arg("text"), "METRIC=VALUE as (metric, value)");
    m.def(
        "run",
        [](const scenario::Scenario& sc, std::uint64_t replications, std::uint64_t seed,
           unsigned threads) {
            return run_command(app::run, sc, running<app::RunSettings>(replications, seed, threads))
                .folder;
        },
        py::arg("scenario"), py::arg("replications"), py::arg("seed"), py::arg("threads"));
    m.def(
        "psa",
        [](const scenario::Scenario& sc, std::uint64_t draws, std::uint64_t replications,
           std::uint64_t seed, unsigned threads) {
            auto settings = running<app::PsaSettings>(replications, seed, threads);
            settings.draws = draws;
            return run_command(app::psa, sc, settings).folder;
        },
        py::arg("scenario"), py::arg("draws"), py::arg("replications"), py::arg("seed"),
        py::arg("threads"));
    m.def(
        "sweep",
        [](const scenario::Scenario& sc, const std::vector<std::string>& vary, bool grid,
           std::uint64_t replications, std::uint64_t seed, unsigned threads, const std::string& arm,
           const std::string& versus) {
            auto settings = running<app::SweepSettings>(replications, seed, threads);
            settings.vary = vary;
            settings.grid = grid;
            settings.arm = arm;
            settings.versus = versus;
            return run_command(app::sweep, sc, settings).folder;
        },
        py::arg("scenario"), py::arg("vary"), py::arg("grid"), py::arg("replications"),
        py::arg("seed"), py::arg("threads"), py::arg("arm"), py::arg("versus"));
    m.def(
        "optimise",
        [](const scenario::Scenario& sc, double budget, const std::string& objective,
           const std::string& arm, std::uint64_t replications, std::uint64_t seed,
           unsigned threads) {
            auto settings = running<app::OptimiseSettings>(replications, seed, threads);
            settings.budget = budget;
            settings.objective = objective;
            settings.arm = arm;
            return run_command(app::optimise, sc, settings).folder;
        },
        py::arg("scenario"), py::arg("budget"), py::arg("objective"), py::arg("arm"),
        py::arg("replications"), py::arg("seed"), py::arg("threads"));
    m.def(
        "calibrate",
        [](const scenario::Scenario& sc, const std::string& param, const std::string& metric,
           double target, const std::string& arm, std::optional<std::pair<double, double>> bracket,
           const std::string& unit, std::uint64_t replications, std::uint64_t seed,
           unsigned threads) {
            auto settings = running<app::CalibrateSettings>(replications, seed, threads);
            settings.param = param;
            settings.metric = metric;
            settings.target = target;
            settings.arm = arm;
            settings.bracket = bracket;
            settings.unit = unit;
            const auto output = run_command(app::calibrate, sc, settings);
            py::dict out;
            out["calibration"] = output.calibration.dump();
            out["assignment"] = output.result.assignment;
            return out;
        },
        py::arg("scenario"), py::arg("param"), py::arg("metric"), py::arg("target"), py::arg("arm"),
        py::arg("bracket"), py::arg("unit"), py::arg("replications"), py::arg("seed"),
        py::arg("threads"));
}
