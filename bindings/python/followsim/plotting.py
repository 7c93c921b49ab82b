"""Static figures with matplotlib, for people who want a PNG rather than an interactive chart."""

from __future__ import annotations

from ._followsim import state_fields

# The monitor's state fields (the engine's one list): time-series columns, in order.
STATE_FIELDS = state_fields()


def plot(results, kind: str, ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    if kind == "placement":
        ts = results.timeseries
        for arm, rows in ts.groupby("arm", sort=False):
            ax.plot(rows["month"], rows["placement_rate"], label=arm)
        for arm, entry in results.to_dict()["arms"].items():
            target = entry.get("target", {}).get("placement_rate")
            if target is not None:
                ax.axhline(target, linestyle="--", color="gray")
                ax.annotate(f"{arm} target {target:.0%}", (0, target), xytext=(4, 4), textcoords="offset points")
        ax.set_xlabel("month")
        ax.set_ylabel("share placed")
        ax.set_ylim(0, 1)
        ax.legend()
    elif kind == "states":
        ts = results.timeseries
        states = [f["name"] for f in STATE_FIELDS if f["person_state"]]
        arms = list(dict.fromkeys(ts["arm"]))
        first = ts[ts["arm"] == arms[0]]
        ax.stackplot(first["month"], [first[s] for s in states], labels=states)
        ax.set_title(f"persons by state: {arms[0]}")
        ax.set_xlabel("month")
        ax.legend(loc="upper right", fontsize="small")
    elif kind == "npv":
        table = results.metric("npv_socioeconomic_nok").dropna()
        y = range(len(table))
        ax.errorbar(table["mean"], y, xerr=[table["mean"] - table["ci95_low"], table["ci95_high"] - table["mean"]],
                    fmt="o")
        ax.set_yticks(list(y), table.index)
        ax.axvline(0, color="gray", linestyle="--")
        ax.set_xlabel("socio-economic NPV against the baseline arm, NOK")
    elif kind == "costs":
        parts = ["cost_caseworker_time_nok", "cost_purchases_nok", "cost_result_fees_nok",
                 "cost_ordering_time_nok", "cost_training_nok"]
        summary = results.summary.pivot(index="arm", columns="metric", values="mean")
        summary[parts].plot.bar(stacked=True, ax=ax)
        ax.set_ylabel("NOK")
    elif kind == "ceac":
        ce = results.to_dict()["cost_effectiveness"]
        wtp = ce["ceac"]["wtp_nok_per_placement"]
        for arm, probability in ce["ceac"]["probability_best"].items():
            ax.plot(wtp, probability, label=arm)
        ax.set_xlabel("willingness to pay, NOK per placement")
        ax.set_ylabel("probability best")
        ax.legend()
    elif kind == "sweep":
        table = results.sweep
        summary = results.to_dict()["sweep"]
        arm = summary["tornado"]["arm"]
        variable = summary["variables"][0]["path"]
        rows = table[(table["arm"] == arm) & table[variable].notna()]
        ax.plot(rows[variable], rows["npv_socioeconomic_nok"], marker="o")
        ax.set_xlabel(variable)
        ax.set_ylabel(f"NPV of {arm}, NOK")
    else:
        raise ValueError(f"unknown plot {kind!r}: placement, states, npv, costs, ceac or sweep")
    return ax
