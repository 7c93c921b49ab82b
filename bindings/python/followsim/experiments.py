"""run, psa, sweep, calibrate, optimise and merge, mirroring the command line's subcommands: the same engine
calls (engine/app) with the same defaults."""

from __future__ import annotations

from typing import Iterable

from . import _followsim
from .results import Calibration, Optimisation, Results
from .scenario import Scenario, _converted

# The command line's defaults, from the engine's application layer.
_DEFAULTS = _followsim.defaults()
_RUN, _PSA, _SWEEP, _CALIBRATE, _OPTIMISE = (
    _DEFAULTS[c] for c in ("run", "psa", "sweep", "calibrate", "optimise"))


def _scenario(scenario) -> Scenario:
    if isinstance(scenario, Scenario):
        return scenario
    return Scenario.load(scenario)


def run(scenario, replications: int = _RUN["replications"], seed: int = _RUN["seed"],
        threads: int = _RUN["threads"]) -> Results:
    """Runs every arm; the same as `followsim run`. threads=0: one per core."""
    sc = _scenario(scenario)
    return Results(_converted(_followsim.run, sc._data, replications, seed, threads), sc)


def psa(scenario, draws: int = _PSA["draws"], replications: int = _PSA["replications"],
        seed: int = _PSA["seed"], threads: int = _PSA["threads"]) -> Results:
    """Probabilistic sensitivity analysis over the scenario's uncertainty section."""
    sc = _scenario(scenario)
    return Results(_converted(_followsim.psa, sc._data, draws, replications, seed, threads), sc)


def _vary_specs(vary) -> list[str]:
    if isinstance(vary, str):
        return [vary]
    if isinstance(vary, dict):  # {"path": (from, to, steps)} or (from, to, steps, unit)
        return [f"{path}=" + ":".join(str(x) for x in spec) for path, spec in vary.items()]
    return list(vary)


def sweep(scenario, vary, grid: bool = _SWEEP["grid"], replications: int = _SWEEP["replications"],
          seed: int = _SWEEP["seed"], threads: int = _SWEEP["threads"], arm: str = "",
          versus: str = "") -> Results:
    """One-way sweeps (tornado) or, with grid=True, every combination. `vary` is a list of
    "KEY.PATH=FROM:TO:STEPS[:UNIT]" or a dict {key_path: (from, to, steps[, unit])}."""
    sc = _scenario(scenario)
    folder = _converted(_followsim.sweep, sc._data, _vary_specs(vary), grid, replications, seed, threads,
                        arm, versus)
    return Results(folder, sc)


def calibrate(scenario, param: str, target, arm: str = "", bracket: Iterable[float] | None = None,
              unit: str = "", replications: int = _CALIBRATE["replications"], seed: int = _CALIBRATE["seed"],
              threads: int = _CALIBRATE["threads"], subgroup: str = "") -> Calibration:
    """The value of `param` at which the arm's mean `target` metric hits its value. `target` is
    "metric=value" or (metric, value); `subgroup` ("cohort:pilot") matches that subgroup's
    metric, as --subgroup does. The result's `scenario` is the calibrated scenario."""
    sc = _scenario(scenario)
    if isinstance(target, str):
        target = _followsim.parse_target(target)  # as the command line reads --target
    metric, value = target
    texts = _converted(_followsim.calibrate, sc._data, param, metric, float(value), arm, subgroup,
                       tuple(bracket) if bracket is not None else None, unit, replications, seed, threads)
    calibrated = sc.copy()
    key, _, assigned = texts["assignment"].partition("=")
    calibrated.set(key, assigned)
    return Calibration(texts, calibrated)


def optimise(scenario, budget: float, objective: str = _OPTIMISE["objective"], arm: str = "",
             replications: int = _OPTIMISE["replications"], seed: int = _OPTIMISE["seed"],
             threads: int = _OPTIMISE["threads"]) -> Optimisation:
    """The split of a yearly `budget` (NOK) between the arm's caseworker FTEs and purchased
    places that maximises `objective` (npv, placements or net_fiscal); the same as
    `followsim optimise`. Every candidate runs the same replications. arm="": the arm the
    command line picks by default."""
    sc = _scenario(scenario)
    folder = _converted(_followsim.optimise, sc._data, float(budget), objective, arm, replications,
                        seed, threads)
    return Optimisation(folder, sc)


def merge(folders: Iterable, threads: int = _RUN["threads"]) -> Results:
    """The whole command's results from the folders of its shards (`followsim merge`: each
    written by `followsim run|psa|sweep --shard K/N`), equal to one process's. Raises
    ValueError for folders that are not exactly the N parts of one run."""
    folder, scenario_file = _followsim.merge([str(f) for f in folders], threads)
    return Results(folder, Scenario.from_yaml(folder.scenario_yaml, scenario_file))
