"""Heimdal from a notebook's point of view: calibrate the in-house placement hazard to the
pilot's 64 %, sweep the purchase budget, and plot what buying measures gives for the money.

    PYTHONPATH=build/python /usr/bin/python3 bindings/python/examples/heimdal_analysis.py
"""

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import followsim  # noqa: E402

HERE = Path(__file__).resolve().parents[3]

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--quick", action="store_true", help="fewer replications (for the tests)")
parser.add_argument("--out", default="results/python-example")
args = parser.parse_args()
replications = 40 if args.quick else 400
out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)

# 1. Calibrate: which in-house placement probability reproduces Heimdal's 64 %?
sc = followsim.Scenario.load(HERE / "scenarios" / "heimdal.yaml")
calibration = followsim.calibrate(sc, "pathways.in_house.placement.probability", "placement_rate=0.64",
                                   arm="in_house", replications=replications)
print(f"calibrated {calibration.parameter} = {calibration.value:.4f} "
      f"[{calibration.interval[0]:.4f}, {calibration.interval[1]:.4f}]")

# 2. Sweep the purchase budget on the calibrated scenario.
sweep = followsim.sweep(calibration.scenario, {"budget.purchases_per_year_nok": (4e6, 24e6, 6)},
                        replications=max(10, replications // 10), arm="outsourced")
table = sweep.sweep
outsourced = table[(table["arm"] == "outsourced") & table["budget.purchases_per_year_nok"].notna()]
print(outsourced[["budget.purchases_per_year_nok", "placement_rate", "mean_wait_days", "npv_socioeconomic_nok"]]
      .to_string(index=False))

# 3. Plot it.
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
left.plot(outsourced["budget.purchases_per_year_nok"] / 1e6, outsourced["placement_rate"], marker="o")
left.set_xlabel("purchase budget, NOK million a year")
left.set_ylabel("placement rate, outsourced arm")
right.plot(outsourced["budget.purchases_per_year_nok"] / 1e6, outsourced["npv_socioeconomic_nok"] / 1e6, marker="o")
right.axhline(0, color="gray", linestyle="--")
right.set_xlabel("purchase budget, NOK million a year")
right.set_ylabel("socio-economic NPV vs baseline, NOK million")
fig.suptitle("Heimdal, calibrated: what the purchase budget buys")
fig.tight_layout()
fig.savefig(out / "budget_sweep.png", dpi=120)
print(f"figure in {out / 'budget_sweep.png'}")
