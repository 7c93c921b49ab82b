"""The Python API against the command line and against what it promises."""

import json
import os
import signal
import subprocess
import threading
import time

import pandas as pd
import pytest

import followsim
from followsim.results import VEGA_LITE_MIME

CONTRACT_METRICS = [
    "placement_rate", "placed", "persons", "mean_days_to_job", "employment_months", "mean_wait_days",
    "caseworker_utilisation", "cost_programme_nok", "cost_per_placement_nok", "benefits_paid_nok",
    "production_gain_nok", "npv_socioeconomic_nok", "benefit_cost_ratio", "net_fiscal_nok",
    "budget_spent_nok", "budget_exhausted_day",
]


def test_results_equal_the_command_lines_summary(heimdal_path, cli, tmp_path):
    subprocess.run([cli, "run", heimdal_path, "--replications", "40", "--seed", "7", "--out", str(tmp_path),
                    "--quiet", "--set", "pathways.in_house.caseworkers=3"], check=True)
    from_cli = json.loads((tmp_path / "summary.json").read_text())
    sc = followsim.Scenario.load(heimdal_path, ["pathways.in_house.caseworkers=3"])
    from_python = followsim.run(sc, replications=40, seed=7, threads=2).to_dict()
    for key in ("followsim_version", "scenario", "decision", "baseline_arm", "arms", "comparisons",
                "cost_effectiveness"):
        assert from_python[key] == from_cli[key], key
    for key in ("replications", "seed", "events"):
        assert from_python["run"][key] == from_cli["run"][key]
    # And the CSV the command line wrote is the DataFrame Python gives.
    res = followsim.run(sc, replications=40, seed=7)
    pd.testing.assert_frame_equal(res.replications, pd.read_csv(tmp_path / "replications.csv"))
    pd.testing.assert_frame_equal(res.timeseries, pd.read_csv(tmp_path / "timeseries.csv"))


def test_set_changes_what_it_should(heimdal_path):
    sc = followsim.Scenario.load(heimdal_path)
    base = followsim.run(sc, replications=30)
    assert base.metric("mean_wait_days").loc["in_house", "mean"] < 5  # only while posts are empty
    sc.set("pathways.in_house.caseworkers", 2)  # 60 places for about 150 users: a queue
    assert sc.overrides == ["pathways.in_house.caseworkers=2"]
    tight = followsim.run(sc, replications=30)
    assert tight.metric("mean_wait_days").loc["in_house", "mean"] > 30
    assert tight.metric("caseworker_utilisation").loc["in_house", "mean"] > 0.9
    # The arms that do not use in-house follow-up do not change (common random numbers).
    assert (tight.metric("placement_rate").loc["outsourced"] == base.metric("placement_rate").loc["outsourced"]).all()
    # Durations and mappings go through YAML like --set.
    sc.set("horizon", "36 months").set("population.cohorts.pilot.arrivals", {"count": 50, "at": "0 days"})
    assert "horizon: 36 months" in sc.to_yaml()
    subgroups = followsim.run(sc, replications=2).to_dict()["subgroups"]
    assert subgroups["in_house"]["cohort"]["pilot"]["persons"]["mean"] == 50


def test_from_dict_round_trip(heimdal_path):
    original = followsim.Scenario.load(heimdal_path)
    again = followsim.Scenario.from_dict(original.to_dict())
    a = followsim.run(original, replications=10, seed=3).to_dict()
    b = followsim.run(again, replications=10, seed=3).to_dict()
    assert a["arms"] == b["arms"]


def test_errors_raise_with_the_command_lines_messages(source, heimdal_path):
    bad = source / "tests" / "scenarios" / "invalid" / "08-route-typo.yaml"
    with pytest.raises(followsim.ScenarioError) as error:
        followsim.Scenario.load(bad)
    problem = error.value.problems[0]
    assert (problem.line, problem.column, problem.path) == (29, 23, "arms.outsourced.route")
    assert "did you mean 'oppfolging'?" in problem.message
    assert str(error.value).startswith(f"{bad}:29:23: arms.outsourced.route: no pathway named 'opfolging'")
    assert isinstance(error.value, ValueError)

    sc = followsim.Scenario.load(heimdal_path)
    with pytest.raises(followsim.ScenarioError, match="must be at least 0"):
        sc.set("pathways.in_house.caseworkers", -1)
    assert sc.overrides == []  # a refused override leaves the scenario as it was
    with pytest.raises(followsim.ScenarioError, match="did you mean 'caseworkers'"):
        sc.set("pathways.in_house.caseworkrs", 4)
    with pytest.raises(ValueError, match="STEPS"):
        followsim.sweep(sc, ["pathways.in_house.caseworkers=1:4"])


def test_dataframes_have_the_documented_columns(heimdal_path):
    res = followsim.run(heimdal_path, replications=5)
    assert list(res.summary.columns) == ["arm", "metric", "mean", "sd", "ci95_low", "ci95_high"]
    assert set(CONTRACT_METRICS) <= set(res.summary["metric"])
    assert list(res.replications.columns[:2]) == ["replication", "arm"]
    assert set(CONTRACT_METRICS) <= set(res.replications.columns)
    assert len(res.replications) == 5 * 3
    assert list(res.timeseries.columns) == [
        "arm", "month", "day", "persons", "waiting", "in_follow_up", "in_measure", "in_baseline", "employed",
        "exited", "placed", "spending_nok", "caseworkers", "caseload", "dose_hours_per_month",
        "staff_effectiveness", "placement_rate"]
    assert {"arm", "versus", "metric", "delta_mean", "delta_ci95_low", "delta_ci95_high", "icer_nok_per_placement",
            "probability_better"} <= set(res.comparisons.columns)
    with pytest.raises(AttributeError):
        res.psa

    p = followsim.psa(heimdal_path, draws=8, replications=2)
    assert len(p.psa) == 8 * 3
    assert "pathways.in_house.placement.probability" in p.psa.columns
    s = followsim.sweep(heimdal_path, {"pathways.in_house.caseworkers": (1, 4, 4)}, replications=2)
    assert len(s.sweep) == 5 * 3
    assert "pathways.in_house.caseworkers" in s.sweep.columns


def test_threads_do_not_change_results(heimdal_path):
    one = followsim.run(heimdal_path, replications=24, seed=5, threads=1)
    two = followsim.run(heimdal_path, replications=24, seed=5, threads=2)
    assert one.to_dict()["arms"] == two.to_dict()["arms"]
    pd.testing.assert_frame_equal(one.replications, two.replications)
    p1 = followsim.psa(heimdal_path, draws=6, replications=2, threads=1)
    p2 = followsim.psa(heimdal_path, draws=6, replications=2, threads=2)
    pd.testing.assert_frame_equal(p1.psa, p2.psa)


def test_charts_are_the_reports_vega_lite_specs(heimdal_path):
    res = followsim.run(heimdal_path, replications=5)
    charts = res.charts
    assert list(charts) == ["chart-states", "chart-placement", "chart-costs", "chart-accounts", "chart-npv",
                            "chart-ceac"]
    bundle = res._repr_mimebundle_()
    assert len(bundle[VEGA_LITE_MIME]["vconcat"]) == len(charts)
    placement = res.chart("placement")._repr_mimebundle_()[VEGA_LITE_MIME]
    target_layer = placement["layer"][1]
    assert target_layer["data"]["values"] == [{"arm": "in_house", "target": 0.64}]


def test_plots_draw_with_matplotlib(heimdal_path, tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    res = followsim.run(heimdal_path, replications=5)
    for kind in ("placement", "states", "npv", "costs", "ceac"):
        ax = res.plot(kind)
        assert ax.has_data(), kind
        ax.figure.savefig(tmp_path / f"{kind}.png")
    with pytest.raises(ValueError):
        res.plot("pie")


def test_save_writes_the_command_lines_files(heimdal_path, tmp_path):
    res = followsim.run(heimdal_path, replications=5)
    folder = res.save(tmp_path / "out")
    assert sorted(p.name for p in folder.iterdir()) == [
        "key_figures.csv", "replications.csv", "report.html", "results.xlsx", "scenario.yaml", "summary.json",
        "timeseries.csv"]
    res.save(tmp_path / "nb", lang="nb")
    assert '<html lang=nb>' in (tmp_path / "nb" / "report.html").read_text()
    assert json.loads((folder / "summary.json").read_text()) == res.to_dict()


def test_calibrate_recovers_a_known_value(heimdal_path):
    generated = followsim.Scenario.load(heimdal_path).set("pathways.in_house.placement.probability", 0.5)
    target = followsim.run(generated, replications=100).metric("placement_rate").loc["in_house", "mean"]
    result = followsim.calibrate(heimdal_path, "pathways.in_house.placement.probability",
                                 ("placement_rate", target), arm="in_house", replications=100)
    low, high = result.interval
    assert low <= 0.5 <= high
    assert result.scenario.overrides[-1].startswith("pathways.in_house.placement.probability=")
    assert followsim.run(result.scenario, replications=100).metric("placement_rate").loc["in_house", "mean"] == \
        pytest.approx(target, abs=2e-3)


def test_the_gil_is_released_while_the_engine_runs(source):
    # Another Python thread keeps counting while the engine runs on a large scenario.
    sc = followsim.Scenario.load(source / "scenarios" / "national.yaml",
                                 ["population.cohorts.0.arrivals={rate: 60 per day, until: 3 years}"])
    counts = []
    done = threading.Event()

    def count():
        n = 0
        while not done.is_set():
            n += 1
            if n % 1000 == 0:
                counts.append(time.monotonic())
        return n

    counter = threading.Thread(target=count)
    counter.start()
    started = time.monotonic()
    followsim.run(sc, replications=2, threads=1)
    finished = time.monotonic()
    done.set()
    counter.join()
    during = [t for t in counts if started < t < finished]
    assert finished - started > 0.05
    assert len(during) > 10


def test_ctrl_c_interrupts_a_long_run_cleanly(source):
    sc = followsim.Scenario.load(source / "scenarios" / "national.yaml")
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        followsim.run(sc, replications=200, threads=2)
    assert time.monotonic() - started < 30  # it stopped, it did not finish 200 replications
    timer.cancel()


def test_example_script_runs(source, tmp_path):
    script = source / "bindings" / "python" / "examples" / "heimdal_analysis.py"
    env = dict(os.environ, MPLBACKEND="Agg")
    done = subprocess.run(["/usr/bin/python3", str(script), "--quick", "--out", str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "calibrated" in done.stdout
    assert (tmp_path / "budget_sweep.png").stat().st_size > 0


def test_psa_evppi_as_a_dataframe(heimdal_path, cli, tmp_path):
    provider = ["pathways.measures.oppfolging.effectiveness",
                "pathways.measures.oppfolging.price_per_month_nok"]
    sc = followsim.Scenario.load(heimdal_path)
    sc.set("uncertainty.groups", [{"name": "provider", "parameters": provider}])
    res = followsim.psa(sc, draws=60, replications=2, seed=3)
    evppi = res.evppi
    summary = res.to_dict()["cost_effectiveness"]["evppi"]
    wtp = summary["wtp_nok_per_placement"]
    paths = [p["path"] for p in sc.to_dict()["uncertainty"]["parameters"]]
    # One row per curve (EVPI, each parameter, the group) and willingness to pay.
    assert len(evppi) == len(wtp) * (1 + len(paths) + 1)
    assert list(evppi.columns) == ["kind", "name", "wtp_nok_per_placement", "evppi_nok"]
    assert evppi.groupby("kind")["name"].nunique().to_dict() == {"evpi": 1, "parameter": len(paths), "group": 1}
    wide = evppi.pivot(index="wtp_nok_per_placement", columns="name", values="evppi_nok")
    assert wide.index.tolist() == wtp
    assert wide["EVPI"].tolist() == summary["evpi_nok"]
    assert wide["provider"].tolist() == summary["groups"]["provider"]
    for path in paths:
        assert wide[path].tolist() == summary["parameters"][path]
        assert (wide[path] <= wide["EVPI"]).all() and (wide[path] >= 0).all()
    # The same numbers as the command line's.
    subprocess.run([cli, "psa", heimdal_path, "--draws", "60", "--replications", "2", "--seed", "3",
                    "--out", str(tmp_path), "--quiet", "--set", sc.overrides[0]], check=True)
    assert json.loads((tmp_path / "summary.json").read_text())["cost_effectiveness"]["evppi"] == summary
    assert "chart-evppi" in res.charts
    with pytest.raises(AttributeError):
        followsim.run(heimdal_path, replications=2).evppi


def _mixed_split(n, budget):
    """optimise_mixed.yaml with n caseworkers (NOK 900,000 a year) and the rest of the budget on
    kjop places (NOK 3,000 a month), written out independently of the optimiser."""
    purchases = budget - n * 900_000
    return [f"pathways.in_house.caseworkers={n}", f"pathways.measures.kjop.slots={int(purchases // 36_000)}",
            f"budget.purchases_per_year_nok={purchases}"]


def test_optimise_equals_the_command_line_and_a_brute_force_scan(source, cli, tmp_path):
    mixed = str(source / "tests" / "scenarios" / "optimise_mixed.yaml")
    budget = 20_000_000
    subprocess.run([cli, "optimise", mixed, "--budget", str(budget), "--replications", "20", "--seed", "3",
                    "--out", str(tmp_path), "--quiet"], check=True)
    res = followsim.optimise(mixed, budget=budget, replications=20, seed=3, threads=2)
    assert isinstance(res, followsim.Optimisation)
    assert res.to_dict()["optimise"] == json.loads((tmp_path / "summary.json").read_text())["optimise"]
    pd.testing.assert_frame_equal(res.candidates, pd.read_csv(tmp_path / "optimise.csv"))
    assert len(res.candidates) == res.evaluations
    assert (res.candidates["staff_cost_per_year_nok"] + res.candidates["purchases_per_year_nok"] <= budget).all()
    assert list(res.charts) == ["chart-optimise", "chart-optimise-split"]

    # Every FTE count the budget buys, as plain runs on the same replications.
    npv = [followsim.run(followsim.Scenario.load(mixed, _mixed_split(n, budget)), replications=20, seed=3)
           .metric("npv_socioeconomic_nok").loc["mixed", "mean"] for n in range(budget // 900_000 + 1)]
    best = max(range(len(npv)), key=npv.__getitem__)
    assert abs(res.best["caseworkers"] - best) <= 1
    assert res.best["objective"]["mean"] == npv[res.best["caseworkers"]]
    assert res.best["slots"] == {"kjop": (budget - res.best["caseworkers"] * 900_000) // 36_000}
    assert res.evaluations < len(npv)


def test_optimise_refuses_bad_requests(source, heimdal_path):
    mixed = str(source / "tests" / "scenarios" / "optimise_mixed.yaml")
    with pytest.raises(ValueError, match="no arm named 'nobody'"):
        followsim.optimise(mixed, budget=10_000_000, arm="nobody")
    with pytest.raises(ValueError, match="above 0"):
        followsim.optimise(mixed, budget=0)
    with pytest.raises(ValueError, match="has no pathways.measures"):
        followsim.optimise(str(source / "scenarios" / "mmc.yaml"), budget=10_000_000)
    with pytest.raises(ValueError, match="use npv, placements or net_fiscal"):
        followsim.optimise(heimdal_path, budget=10_000_000, objective="speed")


def test_psa_interval95_is_the_spread_of_the_draws_in_psa_csv(heimdal_path, cli, tmp_path):
    import numpy as np
    subprocess.run([cli, "psa", heimdal_path, "--draws", "40", "--replications", "2", "--seed", "5",
                    "--out", str(tmp_path), "--quiet"], check=True)
    summary = json.loads((tmp_path / "summary.json").read_text())
    draws = pd.read_csv(tmp_path / "psa.csv")
    checked = 0
    for arm, entry in summary["arms"].items():
        rows = draws[draws["arm"] == arm]
        for metric, value in entry["metrics"].items():
            if value is None:
                continue
            column = rows[metric].dropna()
            low, high = np.percentile(column, [2.5, 97.5])
            assert value["interval95"] == pytest.approx([low, high], rel=1e-9, abs=1e-9), (arm, metric)
            checked += 1
    assert checked > 50
    # Python labels the two intervals apart.
    res = followsim.psa(heimdal_path, draws=40, replications=2, seed=5)
    m = res.metric("npv_socioeconomic_nok")
    assert {"ci95_low", "ci95_high", "interval95_low", "interval95_high"} <= set(m.columns)
    assert m.loc["in_house", "interval95_high"] - m.loc["in_house", "interval95_low"] > \
        m.loc["in_house", "ci95_high"] - m.loc["in_house", "ci95_low"]
    assert res.decision["recommended_arm"] == summary["decision"]["recommended_arm"]


def test_results_xlsx_matches_summary_json(heimdal_path, cli, tmp_path):
    import openpyxl
    subprocess.run([cli, "run", heimdal_path, "--replications", "10", "--out", str(tmp_path), "--quiet"],
                   check=True)
    summary = json.loads((tmp_path / "summary.json").read_text())
    book = openpyxl.load_workbook(tmp_path / "results.xlsx", read_only=True)
    assert {"decision", "key figures", "arms", "comparisons", "time series"} <= set(book.sheetnames)
    rows = list(book["arms"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:5] == ("arm", "metric", "label", "mean", "sd")
    seen = 0
    for row in body:
        value = summary["arms"][row[0]]["metrics"][row[1]]
        if value is None:
            assert row[3] is None
            continue
        assert row[3] == pytest.approx(value["mean"], rel=1e-12)
        assert (row[5], row[6]) == pytest.approx(tuple(value["ci95"]), rel=1e-12)
        seen += 1
    assert seen > 60
    decision = {r[0]: r[1] for r in book["decision"].iter_rows(values_only=True)}
    assert decision["recommended_arm"] == summary["decision"]["recommended_arm"]
    assert decision["text.nb"] == summary["decision"]["text"]["nb"]
    comparisons = list(book["comparisons"].iter_rows(values_only=True))
    npv = [r for r in comparisons[1:] if r[2] == "npv_socioeconomic_nok"]
    assert len(npv) == len(summary["comparisons"])
    assert npv[0][3] == pytest.approx(summary["comparisons"][0]["delta"]["npv_socioeconomic_nok"]["mean"])
    months = list(book["time series"].iter_rows(values_only=True))
    assert len(months) - 1 == len(pd.read_csv(tmp_path / "timeseries.csv"))
    key = pd.read_csv(tmp_path / "key_figures.csv")
    k = key[(key["arm"] == "in_house") & (key["metric"] == "npv_socioeconomic_nok")].iloc[0]
    assert k["mean"] == pytest.approx(summary["arms"]["in_house"]["metrics"]["npv_socioeconomic_nok"]["mean"])
    assert k["label_nb"] == "Samfunnsøkonomisk netto nåverdi"
