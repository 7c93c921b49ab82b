"""What the Python API gained with the command line: typed parameter setting without a YAML
round trip, results by subgroup, the decision and its verdict, calibration of a subgroup, merge
of shards."""

import subprocess

import pandas as pd
import pytest

import followsim


def test_set_value_sets_what_set_sets(heimdal_path):
    typed = followsim.Scenario.load(heimdal_path).set_value("pathways.in_house.caseworkers", 2)
    assert typed.overrides == ["pathways.in_house.caseworkers=2"]
    assert typed.get_value("pathways.in_house.caseworkers") == 2
    via_yaml = followsim.Scenario.load(heimdal_path).set("pathways.in_house.caseworkers", 2)
    a = followsim.run(typed, replications=20).to_dict()
    b = followsim.run(via_yaml, replications=20).to_dict()
    assert a["arms"] == b["arms"]
    assert a["scenario"]["overrides"] == b["scenario"]["overrides"]
    # A later set() reads the YAML again with the typed value among its overrides.
    typed.set("budget.purchases_per_year_nok", 5000000)
    assert typed.get_value("pathways.in_house.caseworkers") == 2


def test_set_value_of_a_duration_takes_its_unit(heimdal_path):
    sc = followsim.Scenario.load(heimdal_path).set_value("horizon", 26, unit="months")
    assert sc.get_value("horizon", unit="months") == pytest.approx(26)
    assert sc.get_value("horizon") == pytest.approx(26 * 365.25 / 12)
    assert "horizon: 26 months" in sc.to_yaml()
    with pytest.raises(ValueError, match="horizon is a duration: give unit="):
        sc.set_value("horizon", 30)
    with pytest.raises(ValueError, match="is a number, not a duration"):
        sc.set_value("pathways.in_house.caseworkers", 3, unit="months")
    with pytest.raises(ValueError, match="not a number of this scenario that can be set"):
        sc.set_value("pathways.in_house.no_such_number", 3)


def test_a_refused_value_leaves_the_scenario_as_it_was(heimdal_path):
    sc = followsim.Scenario.load(heimdal_path)
    with pytest.raises(followsim.ScenarioError) as error:
        sc.set_value("pathways.in_house.caseworkers", -1)
    assert error.value.messages == [
        "--set pathways.in_house.caseworkers=-1: pathways.in_house.caseworkers: must be at least 0, found -1"]
    with pytest.raises(followsim.ScenarioError, match="expected a whole number, found '2.5'"):
        sc.set_value("pathways.in_house.caseworkers", 2.5)
    assert sc.get_value("pathways.in_house.caseworkers") == 6
    assert sc.overrides == []


def test_parameters_lists_every_number_set_value_can_set(heimdal_path):
    table = followsim.Scenario.load(heimdal_path).parameters().set_index("path")
    caseworkers = table.loc["pathways.in_house.caseworkers"]
    assert bool(caseworkers["integer"]) and caseworkers["value"] == 6 and caseworkers["minimum"] == 0
    assert bool(table.loc["horizon", "duration"])
    assert len(table) > 40


def test_subgroups_decision_and_verdict(heimdal_path):
    res = followsim.run(heimdal_path, replications=20)
    summary = res.to_dict()
    table = res.subgroups
    assert set(table["dimension"]) == {"cohort", "need_group", "age_band", "benefit"}
    pilot = table[(table["dimension"] == "cohort") & (table["category"] == "pilot")].set_index(["arm", "metric"])
    for arm in res.scenario.arms:
        assert pilot.loc[(arm, "persons"), "mean"] == 108
        assert pilot.loc[(arm, "placement_rate"), "mean"] == \
            summary["subgroups"][arm]["cohort"]["pilot"]["placement_rate"]["mean"]
    assert res.decision == summary.get("decision")
    best = max(summary["arms"], key=lambda a: summary["arms"][a]["metrics"]["npv_socioeconomic_nok"]["mean"])
    assert res.decision["recommended_arm"] == best
    assert res.verdict() == res.decision["text"]["en"]
    assert res.verdict("nb") == res.decision["text"]["nb"]
    with pytest.raises(ValueError, match="expected nb or en"):
        res.verdict("de")


def test_calibrate_a_subgroup(heimdal_path):
    result = followsim.calibrate(heimdal_path, "pathways.in_house.placement.probability", "placement_rate=0.64",
                                 arm="in_house", subgroup="cohort:pilot", replications=60)
    low, high = result.interval
    assert low <= result.value <= high
    pilot = followsim.run(result.scenario, replications=60).subgroups
    rate = pilot[(pilot["arm"] == "in_house") & (pilot["category"] == "pilot") & (pilot["metric"] == "placement_rate")]
    assert rate["mean"].iloc[0] == pytest.approx(0.64, abs=0.01)


def test_merge_of_shards_equals_one_run(heimdal_path, cli, tmp_path):
    """Shards written by the command line, merged in Python: the whole run's numbers and
    tables, equal to one process's; a missing shard is refused."""
    folders = []
    for k in (1, 2, 3):
        folder = tmp_path / f"shard-{k}"
        subprocess.run([cli, "run", heimdal_path, "--replications", "10", "--seed", "5",
                        "--shard", f"{k}/3", "--out", str(folder), "--quiet"], check=True)
        folders.append(folder)
    merged = followsim.merge(reversed(folders), threads=2)
    whole = followsim.run(heimdal_path, replications=10, seed=5, threads=1)
    a, b = merged.to_dict(), whole.to_dict()
    for key in ("scenario", "decision", "arms", "comparisons", "cost_effectiveness", "subgroups"):
        assert a[key] == b[key], key
    pd.testing.assert_frame_equal(merged.replications, whole.replications)
    pd.testing.assert_frame_equal(merged.timeseries, whole.timeseries)
    assert merged.scenario.name == whole.scenario.name
    with pytest.raises(ValueError, match="shard"):
        followsim.merge(folders[:2])
