"""followsim for analysts: run, tune, calibrate and plot NAV follow-up scenarios from Python.

    import followsim
    sc = followsim.Scenario.load("scenarios/heimdal.yaml")
    sc.set("pathways.in_house.caseworkers", 5)
    res = followsim.run(sc, replications=200, seed=1, threads=2)
    res.summary            # DataFrame: one row per arm and metric
    res                    # in Jupyter: the charts (Vega-Lite)

The engine is the same C++ library as the followsim command; results equal its summary.json.
"""

from ._followsim import __version__
from .scenario import Problem, Scenario, ScenarioError
from .results import Calibration, Optimisation, Results
from .experiments import calibrate, merge, optimise, psa, run, sweep

__all__ = [
    "Calibration",
    "Optimisation",
    "Problem",
    "Results",
    "Scenario",
    "ScenarioError",
    "__version__",
    "calibrate",
    "merge",
    "optimise",
    "psa",
    "run",
    "sweep",
]
