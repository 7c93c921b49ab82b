"""run, psa, sweep and calibrate, mirroring the command line's subcommands."""

from __future__ import annotations

from typing import Iterable

from . import _followsim
from .results import Calibration, Results
from .scenario import Scenario, _converted


def _scenario(scenario) -> Scenario:
    if isinstance(scenario, Scenario):
        return scenario
    return Scenario.load(scenario)


def run(scenario, replications: int = 200, seed: int = 1, threads: int = 0) -> Results:
    """Runs every arm; the same as `followsim run`. threads=0: one per core."""
    sc = _scenario(scenario)
    return Results(_converted(_followsim.run, sc._data, replications, seed, threads), sc)


def psa(scenario, draws: int = 1000, replications: int = 10, seed: int = 1, threads: int = 0) -> Results:
    """Probabilistic sensitivity analysis over the scenario's uncertainty section."""
    sc = _scenario(scenario)
    return Results(_converted(_followsim.psa, sc._data, draws, replications, seed, threads), sc)


def _vary_specs(vary) -> list[str]:
    if isinstance(vary, str):
        return [vary]
    if isinstance(vary, dict):  # {"path": (from, to, steps)} or (from, to, steps, unit)
        return [f"{path}=" + ":".join(str(x) for x in spec) for path, spec in vary.items()]
    return list(vary)


def sweep(scenario, vary, grid: bool = False, replications: int = 20, seed: int = 1, threads: int = 0,
          arm: str = "", versus: str = "") -> Results:
    """One-way sweeps (tornado) or, with grid=True, every combination. `vary` is a list of
    "KEY.PATH=FROM:TO:STEPS[:UNIT]" or a dict {key_path: (from, to, steps[, unit])}."""
    sc = _scenario(scenario)
    texts = _converted(_followsim.sweep, sc._data, _vary_specs(vary), grid, replications, seed, threads,
                       arm, versus)
    return Results(texts, sc)


def calibrate(scenario, param: str, target, arm: str = "", bracket: Iterable[float] | None = None,
              unit: str = "", replications: int = 200, seed: int = 1, threads: int = 0) -> Calibration:
    """The value of `param` at which the arm's mean `target` metric hits its value. `target` is
    "metric=value" or (metric, value). The result's `scenario` is the calibrated scenario."""
    sc = _scenario(scenario)
    if isinstance(target, str):
        metric, _, value = target.partition("=")
        target = (metric, float(value))
    metric, value = target
    texts = _converted(_followsim.calibrate, sc._data, param, metric, float(value), arm,
                       tuple(bracket) if bracket is not None else None, unit, replications, seed, threads)
    calibrated = sc.copy()
    key, _, assigned = texts["assignment"].partition("=")
    calibrated.set(key, assigned)
    return Calibration(texts, calibrated)
