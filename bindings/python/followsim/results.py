"""Results as pandas DataFrames, the summary as a dict equal to summary.json, and charts: the
Vega-Lite specs of report.html (shown natively in Jupyter) and matplotlib helpers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"


def _metric_rows(arms: dict) -> list[dict]:
    """ci95: the 95 % confidence interval of the mean; interval95 (PSA only): the 2.5th-97.5th
    percentiles of the draws, where 95 % of the draws lie."""
    rows = []
    draws = any(v is not None and "interval95" in v for e in arms.values() for v in e["metrics"].values())
    for arm, entry in arms.items():
        for metric, value in entry["metrics"].items():
            row = {"arm": arm, "metric": metric, "mean": None, "sd": None, "ci95_low": None, "ci95_high": None}
            if value is not None:
                row.update(mean=value["mean"], sd=value["sd"], ci95_low=value["ci95"][0], ci95_high=value["ci95"][1])
            if draws:
                interval = value.get("interval95") if value is not None else None
                row["interval95_low"] = interval[0] if interval else None
                row["interval95_high"] = interval[1] if interval else None
            rows.append(row)
    return rows


class Results:
    """What run, psa, sweep or optimise produced.

    summary      DataFrame (arm, metric, mean, sd, ci95_low, ci95_high: the 95 % CI of the mean;
                 a PSA's also interval95_low, interval95_high: where 95 % of the draws lie)
    decision     dict: the recommended arm by socio-economic NPV, probability best, runner-up,
                 NPV gap, deciding threshold, text {en, nb}
    replications DataFrame, one row per replication x arm (run)
    timeseries   DataFrame, one row per arm x month (run)
    comparisons  DataFrame, one row per pair of arms and metric (delta, ICER, probability better)
    psa          DataFrame, one row per draw x arm (psa)
    evppi        DataFrame, one row per parameter, group and EVPI x willingness to pay (psa)
    sweep        DataFrame, one row per point x arm (sweep)
    to_dict()    the summary.json of the command line
    charts       {chart id: Vega-Lite spec}, as in report.html
    """

    def __init__(self, folder, scenario):
        self._folder = folder  # the engine's results folder: the command line's files
        self._summary = json.loads(folder.summary)
        self._tables = folder.tables
        self.scenario = scenario

    def _csv(self, name: str) -> pd.DataFrame:
        text = self._tables.get(name)
        if text is None:
            raise AttributeError(f"these results have no {name.removesuffix('.csv')} table")
        return pd.read_csv(io.StringIO(text))

    def to_dict(self) -> dict:
        return json.loads(self._folder.summary)

    @property
    def summary(self) -> pd.DataFrame:
        return pd.DataFrame(_metric_rows(self._summary.get("arms", {})))

    @property
    def decision(self) -> dict | None:
        return self._summary.get("decision")

    def metric(self, name: str) -> pd.DataFrame:
        """One metric per arm: mean, sd, ci95_low/ci95_high (95 % CI of the mean) and, for a PSA,
        interval95_low/interval95_high (95 % of the draws)."""
        table = self.summary
        return table[table["metric"] == name].set_index("arm").drop(columns="metric")

    @property
    def replications(self) -> pd.DataFrame:
        return self._csv("replications.csv")

    @property
    def timeseries(self) -> pd.DataFrame:
        return self._csv("timeseries.csv")

    @property
    def psa(self) -> pd.DataFrame:
        return self._csv("psa.csv")

    @property
    def evppi(self) -> pd.DataFrame:
        """The EVPPI of a PSA in long form: kind (parameter, group, or evpi for all parameters
        together), name, wtp_nok_per_placement, evppi_nok. For one column per parameter:
        `res.evppi.pivot(index="wtp_nok_per_placement", columns="name", values="evppi_nok")`."""
        e = self._summary.get("cost_effectiveness", {}).get("evppi")
        if e is None:
            raise AttributeError("these results have no EVPPI (psa computes it)")
        curves = [("evpi", "EVPI", e["evpi_nok"])]
        curves += [("parameter", path, v) for path, v in e["parameters"].items()]
        curves += [("group", name, v) for name, v in e["groups"].items()]
        rows = [{"kind": kind, "name": name, "wtp_nok_per_placement": w, "evppi_nok": v}
                for kind, name, values in curves
                for w, v in zip(e["wtp_nok_per_placement"], values)]
        return pd.DataFrame(rows)

    @property
    def sweep(self) -> pd.DataFrame:
        return self._csv("sweep.csv")

    @property
    def comparisons(self) -> pd.DataFrame:
        rows = []
        for c in self._summary.get("comparisons", []):
            for metric, d in c["delta"].items():
                rows.append({
                    "arm": c["arm"], "versus": c["versus"], "metric": metric,
                    "delta_mean": None if d is None else d["mean"],
                    "delta_ci95_low": None if d is None else d["ci95"][0],
                    "delta_ci95_high": None if d is None else d["ci95"][1],
                    "icer_nok_per_placement": c["icer_nok_per_placement"],
                    "icer_placement_status": c["icer_placement_status"],
                    "icer_nok_per_employment_month": c["icer_nok_per_employment_month"],
                    "probability_better": c["probability_better"],
                })
        return pd.DataFrame(rows)

    @property
    def charts(self) -> dict:
        return {chart_id: json.loads(spec) for chart_id, spec in self._folder.charts()}

    def chart(self, name: str) -> "Chart":
        """One chart by name: states, placement, costs, accounts, npv, plane, ceac, evppi, tornado,
        sweep, optimise, optimise-split."""
        charts = self.charts
        key = f"chart-{name}"
        if key not in charts:
            raise KeyError(f"no chart {name!r}; these results have {', '.join(k[6:] for k in charts)}")
        return Chart(charts[key])

    def _repr_mimebundle_(self, include=None, exclude=None):
        # Jupyter shows the charts with its own Vega-Lite renderer.
        specs = list(self.charts.values())
        spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "vconcat": []}
        for s in specs:
            s = dict(s)
            s.pop("$schema", None)
            s.pop("config", None)
            spec["vconcat"].append(s)
        return {VEGA_LITE_MIME: spec, "text/plain": repr(self)}

    def report_html(self, lang: str = "en") -> str:
        """report.html in English ("en") or Norwegian bokmål ("nb")."""
        return self._folder.report_html(lang)

    def save(self, folder: str | Path, lang: str = "en") -> Path:
        """Writes the files the command line writes (summary.json, CSVs, scenario.yaml,
        key_figures.csv, results.xlsx, report.html in `lang`) into `folder`, all or nothing."""
        self._folder.write(str(folder), lang)
        return Path(folder)

    def plot(self, kind: str = "placement", ax=None):
        """A static matplotlib figure: placement, states, npv, costs, ceac or sweep."""
        from .plotting import plot
        return plot(self, kind, ax)

    def __repr__(self) -> str:
        run = self._summary.get("run", {})
        arms = ", ".join(self._summary.get("arms", {}))
        choice = f"; recommended {self.decision['recommended_arm']}" if self.decision else ""
        return f"<followsim.Results {self._summary['scenario']['name']!r}: arms {arms}{choice}; run {run}>"


class Optimisation(Results):
    """What optimise produced: the best split of the budget and every candidate evaluated.

    best         dict: shares, caseworkers, slots, staff cost, purchase budget, the objective
                 {mean, sd, ci95} and every metric of the arm at the best split
    candidates   DataFrame, one row per candidate in the order evaluated (optimise.csv)
    evaluations  candidates simulated
    to_dict()    the summary.json of the command line (its `optimise` block)
    """

    @property
    def optimise(self) -> dict:
        return self._summary["optimise"]

    @property
    def best(self) -> dict:
        return self.optimise["best"]

    @property
    def evaluations(self) -> int:
        return self.optimise["evaluations"]

    @property
    def candidates(self) -> pd.DataFrame:
        return self._csv("optimise.csv")

    def __repr__(self) -> str:
        o = self.optimise
        best = o["best"]
        places = ", ".join(f"{n} {name}" for name, n in best["slots"].items()) or "no places"
        mean = best["objective"]["mean"] if best["objective"] else None
        return (f"<followsim.Optimisation {o['objective']} of arm {o['arm']} for NOK {o['budget_nok_per_year']:,.0f}: "
                f"{best['caseworkers']} caseworkers, {places}; {o['objective']} {mean}; "
                f"{o['evaluations']} candidates>")


class Chart:
    """A Vega-Lite spec that Jupyter draws."""

    def __init__(self, spec: dict):
        self.spec = spec

    def _repr_mimebundle_(self, include=None, exclude=None):
        spec = dict(self.spec)
        spec["$schema"] = "https://vega.github.io/schema/vega-lite/v5.json"
        return {VEGA_LITE_MIME: spec, "text/plain": f"<followsim chart {spec.get('title', {}).get('text', '')!r}>"}


class Calibration:
    """The parameter value at which an arm's metric hits its target, with its interval."""

    def __init__(self, texts: dict, scenario):
        self._data = json.loads(texts["calibration"])
        c = self._data["calibration"]
        self.parameter = c["parameter"]
        self.value = c["value"]
        self.interval = tuple(c["interval"])
        self.achieved = c["achieved"]["mean"]
        self.assignment = texts["assignment"]
        self.scenario = scenario

    def to_dict(self) -> dict:
        return dict(self._data)

    def __repr__(self) -> str:
        low, high = self.interval
        return f"<followsim.Calibration {self.parameter} = {self.value:.6g} [{low:.6g}, {high:.6g}]>"
