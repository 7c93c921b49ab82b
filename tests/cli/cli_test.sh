#!/usr/bin/env bash
# The followsim command end to end: exit codes of DESIGN.md, nothing written on bad input or
# interruption, the result files and their shape, --set, and determinism across threads.
# Usage: cli_test.sh PATH/TO/followsim SOURCE_DIR
set -uo pipefail
fs="$(realpath "$1")"
src="$(realpath "$2")"
py=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check "what" command...
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what"; fi
}
status_of() { "$@" >"$work/out" 2>"$work/err"; echo $?; }

check "--help exits 0" test "$(status_of "$fs" --help)" = 0
check "no subcommand is bad usage (2)" test "$(status_of "$fs")" = 2
check "unknown flag is bad usage (2)" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" --bogus)" = 2
check "missing file is exit 2" test "$(status_of "$fs" validate "$work/nope.yaml")" = 2

bad="$src/tests/scenarios/invalid/02-caseworkers-not-a-number.yaml"
check "invalid scenario: validate exits 2" test "$(status_of "$fs" validate "$bad")" = 2
check "the problem is on stderr as FILE:LINE:COL: path: message" \
  grep -q "^$bad:17:18: pathways.in_house.caseworkers: expected a whole number, found 'four'$" "$work/err"

mkdir -p "$work/kept"
echo old >"$work/kept/summary.json"
check "invalid scenario: run exits 2" test "$(status_of "$fs" run "$bad" --out "$work/kept")" = 2
check "a failed run leaves earlier results alone" test "$(cat "$work/kept/summary.json")" = old
check "a failed run writes nothing" test "$(ls -A "$work/kept" | wc -l)" = 1
check "an invalid run does not create its folder" test "$(status_of "$fs" run "$bad" --out "$work/new")" = 2
check "... and the folder does not exist" test ! -e "$work/new"

check "valid scenario: validate exits 0" test "$(status_of "$fs" validate "$src/scenarios/heimdal.yaml")" = 0
check "... with no warning where capacity covers the need" test ! -s "$work/err"
check "validate warns (exit 0) when places cannot cover the need" \
  test "$(status_of "$fs" validate "$src/scenarios/heimdal.yaml" --set pathways.in_house.caseworkers=2)" = 0
check "... on stderr, naming the arm" grep -q "^warning: arms.in_house: in_house has room for about" "$work/err"
check "validate warns when an arm can never serve anyone" \
  test "$(status_of "$fs" validate "$src/scenarios/heimdal.yaml" --set pathways.measures.oppfolging.slots=0)" = 0
check "... saying so" grep -q "^warning: arms.outsourced: sends about .* to oppfolging, which has no places" "$work/err"
check "run exits 0" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" --out "$work/h1" \
  --replications 20 --seed 3 --threads 1)" = 0
check "run prints every arm" test "$(grep -c -E "^(in_house|outsourced|baseline)$" "$work/out")" = 3
for f in summary.json replications.csv timeseries.csv scenario.yaml report.html; do
  check "run writes $f" test -s "$work/h1/$f"
done
check "no temporary files are left" test "$(ls -A "$work/h1" | grep -c tmp)" = 0
check "no progress bar when stderr is not a terminal" test ! -s "$work/err"
check "the scenario as run is valid and re-runs" test "$(status_of "$fs" validate "$work/h1/scenario.yaml")" = 0
check "report.html inlines its chart libraries (no external script)" \
  test "$(grep -c '<script src' "$work/h1/report.html")" = 0
check "replications.csv: one row per replication x arm" test "$(wc -l <"$work/h1/replications.csv")" = 61
check "timeseries.csv: one row per arm x month (0..24)" test "$(wc -l <"$work/h1/timeseries.csv")" = 76
check "summary.json has the contract's shape" "$py" - "$work/h1/summary.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["followsim_version"] and len(d["scenario"]["sha256"]) == 64
assert d["run"]["replications"] == 20 and d["run"]["seed"] == 3 and d["run"]["events"] > 0
names = ["placement_rate", "placed", "persons", "mean_days_to_job", "employment_months",
         "mean_wait_days", "caseworker_utilisation", "budget_spent_nok", "budget_exhausted_day"]
for arm in ("in_house", "outsourced", "baseline"):
    m = d["arms"][arm]["metrics"]
    for n in names:
        assert n in m, (arm, n)
    r = m["placement_rate"]
    assert r["ci95"][0] <= r["mean"] <= r["ci95"][1]
    assert m["budget_exhausted_day"] is None
assert d["subgroups"]["in_house"]["cohort"]["pilot"]["persons"]["mean"] == 108
PY

check "threads 2 run exits 0" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" --out "$work/h2" \
  --replications 20 --seed 3 --threads 2 -q)" = 0
check "--quiet prints nothing" test ! -s "$work/out"
check "same seed, 1 or 2 threads: identical results" "$py" - "$work/h1" "$work/h2" <<'PY'
import json, sys
a, b = (json.load(open(f"{d}/summary.json")) for d in sys.argv[1:3])
assert a["arms"] == b["arms"]
assert open(f"{sys.argv[1]}/replications.csv").read() == open(f"{sys.argv[2]}/replications.csv").read()
PY

check "--set runs" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" --out "$work/h3" \
  --replications 20 --seed 3 -q --set pathways.in_house.caseworkers=2)" = 0
check "--set changes what it should: 60 places for 108 persons means waiting" "$py" - "$work/h3" <<'PY'
import json, sys
d = json.load(open(f"{sys.argv[1]}/summary.json"))
assert d["arms"]["in_house"]["metrics"]["mean_wait_days"]["mean"] > 0
assert d["arms"]["in_house"]["metrics"]["caseworker_utilisation"]["mean"] > 0.9
assert d["scenario"]["overrides"] == ["pathways.in_house.caseworkers=2"]
PY
check "a bad --set is exit 2" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" --out "$work/h4" \
  --set pathways.in_house.caseworkers=-1)" = 2
check "... with the override named in the message" grep -q "^--set pathways.in_house.caseworkers=-1: pathways.in_house.caseworkers: " "$work/err"

check "--format json prints summary.json" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" \
  --out "$work/h5" --replications 5 --format json)" = 0
check "... which parses" "$py" -c "import json,sys; json.load(open('$work/out'))"
check "schema exits 0" test "$(status_of "$fs" schema)" = 0
check "schema prints JSON Schema" "$py" -c "import json; d=json.load(open('$work/out')); assert d['\$schema'].endswith('schema')"

# The progress bar, on a terminal (script gives the command a pseudo-terminal).
script -qec "$fs run $src/scenarios/heimdal.yaml --replications 300 --threads 1 --out $work/tty" \
  "$work/tty.log" >/dev/null 2>&1
check "on a terminal, a progress bar with done, rate and time left" \
  grep -q "300/300 replications, .*/s, .* s left" "$work/tty.log"

# Results for people: the verdict first, at most 100 columns, Norwegian on request.
status_of "$fs" run "$src/scenarios/heimdal.yaml" --out "$work/v" --replications 5 >/dev/null
check "run prints the verdict first" grep -q "^Choose .*: it gives society the most" <(head -1 "$work/out")
check "the terminal output is at most 100 columns wide" "$py" - "$work/out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert max(len(l) for l in lines) <= 100, max(lines, key=len)
PY
for f in key_figures.csv results.xlsx; do
  check "run writes $f" test -s "$work/v/$f"
done
check "--lang nb prints Norwegian" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" --out "$work/nb" \
  --replications 5 --lang nb)" = 0
check "... the verdict in bokmål, numbers with decimal commas" grep -q "^Velg .*[0-9],[0-9].*mill\." "$work/out"
check "... and a Norwegian report" grep -q "<html lang=nb>" "$work/nb/report.html"
check "... at most 100 columns wide" "$py" - "$work/out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert max(len(l) for l in lines) <= 100, max(lines, key=len)
PY

# Each command's own default folder: results/<scenario>-<command>.
mkdir -p "$work/cwd"
(cd "$work/cwd" && "$fs" run "$src/scenarios/heimdal.yaml" --replications 3 -q \
  && "$fs" psa "$src/scenarios/heimdal.yaml" --draws 3 --replications 1 -q)
check "run's default folder is results/heimdal-run" test -s "$work/cwd/results/heimdal-run/replications.csv"
check "psa's default folder is results/heimdal-psa" test -s "$work/cwd/results/heimdal-psa/psa.csv"
check "... and holds no run's files" test ! -e "$work/cwd/results/heimdal-psa/replications.csv"

# Messages
check "a mistyped command is bad usage" test "$(status_of "$fs" runn "$src/scenarios/heimdal.yaml")" = 2
check "... with a suggestion" grep -q "^followsim: 'runn' is not a command; did you mean 'run'?$" "$work/err"
check "validate of an invalid scenario writes nothing and does not say so" \
  test "$(status_of "$fs" validate "$bad")" = 2
check "... 1 problem found." grep -q "^1 problem found\.$" "$work/err"
check "an arm added with --set runs" test "$(status_of "$fs" run "$src/scenarios/heimdal.yaml" \
  --replications 2 -q --set arms.extra.route=baseline --out "$work/extra")" = 0
check "... and its scenario.yaml keeps the comments" grep -q "# R-109/2021: 4 % real" "$work/extra/scenario.yaml"
check "... with the change marked" grep -q "extra: {route: baseline}  # followsim: --set, added" "$work/extra/scenario.yaml"

# Progress also when stderr is not a terminal: a line every few seconds.
"$fs" run "$src/scenarios/national.yaml" --replications 12 --threads 1 --out "$work/nat" >/dev/null 2>"$work/nat.err"
check "a long run reports progress on a non-terminal stderr" \
  grep -q "^followsim: [0-9]*/12 replications in [0-9]* s, about [0-9]* s left$" "$work/nat.err"

# report and compare
rm "$work/h1/report.html"
check "report DIR writes report.html again" test "$(status_of "$fs" report "$work/h1")" = 0
check "... from the files in the folder" test -s "$work/h1/report.html"
check "report of a folder without results is exit 1" test "$(status_of "$fs" report "$work/nothing")" = 1
check "compare exits 0" test "$(status_of "$fs" compare "$work/h1" "$work/h3" --out "$work/cmp")" = 0
check "compare prints every folder's arms" grep -q "^h3/in_house " "$work/out"
check "... and the differences, paired by replication" grep -q "^h3 minus h1 (paired by replication" "$work/out"
check "compare writes a report" test -s "$work/cmp/report.html"
check "... and comparison.json with the differences and the scenario diff" "$py" - "$work/cmp/comparison.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["comparisons"][0]
assert c["folder"] == "h3" and c["versus"] == "h1" and c["paired"]
assert {"path": "pathways.in_house.caseworkers", "before": "6", "after": "2"} in c["scenario_diff"]
npv = [x for x in c["differences"] if x["arm"] == "in_house" and x["metric"] == "npv_socioeconomic_nok"][0]
assert npv["ci95"][0] <= npv["mean"] <= npv["ci95"][1]
PY
check "compare refuses folders of different price years" \
  test "$(status_of "$fs" compare "$work/h1" "$work/nat" --out "$work/cmp2")" = 2
check "... and says how to convert them" grep -q "give --price-year YEAR" "$work/err"
check "compare --price-year converts them" \
  test "$(status_of "$fs" compare "$work/h1" "$work/nat" --price-year 2024 --out "$work/cmp2")" = 0

# psa, sweep, calibrate
check "psa exits 0" test "$(status_of "$fs" psa "$src/scenarios/heimdal.yaml" --draws 20 --replications 2 \
  --out "$work/psa" -q)" = 0
check "psa writes summary.json and psa.csv (one row per draw x arm)" \
  test "$(wc -l <"$work/psa/psa.csv")" = 61
check "psa summary has CEAC, EVPI and the plane" "$py" - "$work/psa/summary.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ce = d["cost_effectiveness"]
assert len(ce["evpi_nok"]) == len(ce["ceac"]["wtp_nok_per_placement"]) and min(ce["evpi_nok"]) >= 0
for w in range(len(ce["evpi_nok"])):
    assert abs(sum(v[w] for v in ce["ceac"]["probability_best"].values()) - 1) < 1e-9
assert len(d["psa"]["plane"]["in_house"]) == 20
assert {c["arm"] + ">" + c["versus"] for c in d["comparisons"]} == {"in_house>outsourced", "in_house>baseline", "outsourced>baseline"}
PY
check "psa --draws 200 exits 0" test "$(status_of "$fs" psa "$src/scenarios/heimdal.yaml" --draws 200 \
  --replications 2 --out "$work/psa200" -q \
  --set 'uncertainty.groups=[{name: provider, parameters: [pathways.measures.oppfolging.effectiveness, pathways.measures.oppfolging.price_per_month_nok]}]')" = 0
check "psa summary has the EVPPI of every parameter and group, 0 <= EVPPI <= EVPI" \
  "$py" - "$work/psa200/summary.json" "$src/scenarios/heimdal.yaml" <<'PY'
import json, sys, yaml
d = json.load(open(sys.argv[1]))
ce = d["cost_effectiveness"]
e = ce["evppi"]
assert e["wtp_nok_per_placement"] == ce["ceac"]["wtp_nok_per_placement"]
assert e["evpi_nok"] == ce["evpi_nok"]
paths = [p["path"] for p in yaml.safe_load(open(sys.argv[2]))["uncertainty"]["parameters"]]
assert list(e["parameters"]) == paths and list(e["groups"]) == ["provider"]
assert "Strong, Oakley & Brennan" in e["method"]
for values in list(e["parameters"].values()) + list(e["groups"].values()):
    assert len(values) == len(e["evpi_nok"])
    assert all(0 <= v <= evpi for v, evpi in zip(values, e["evpi_nok"]))
# The provider's effectiveness decides in-house against outsourced: worth most of the EVPI
# where the EVPI peaks, and the group holding it at least as much.
peak = max(range(len(e["evpi_nok"])), key=lambda w: e["evpi_nok"][w])
effectiveness = e["parameters"]["pathways.measures.oppfolging.effectiveness"][peak]
assert effectiveness > 0.5 * e["evpi_nok"][peak], (effectiveness, e["evpi_nok"][peak])
assert e["groups"]["provider"][peak] >= 0.95 * effectiveness
PY
check "psa of a scenario without uncertainty is bad usage" \
  test "$(status_of "$fs" psa "$src/scenarios/mmc.yaml" --draws 2 --out "$work/psa2")" = 2
check "sweep exits 0" test "$(status_of "$fs" sweep "$src/scenarios/heimdal.yaml" \
  --vary pathways.in_house.caseworkers=1:4:4 --replications 3 --out "$work/sweep" -q)" = 0
check "sweep.csv: one row per point x arm" test "$(wc -l <"$work/sweep/sweep.csv")" = 16
check "a bad --vary is bad usage" test "$(status_of "$fs" sweep "$src/scenarios/heimdal.yaml" \
  --vary pathways.in_house.caseworkers=1:4 --out "$work/sweep2")" = 2
check "a swept value the scenario refuses is exit 2" test "$(status_of "$fs" sweep "$src/scenarios/heimdal.yaml" \
  --vary pathways.in_house.caseworkers=0.5:1.5:3 --out "$work/sweep3")" = 2
check "... naming --vary" grep -q "^--vary pathways.in_house.caseworkers=0.5: pathways.in_house.caseworkers: " "$work/err"
check "sweep compares the best arm with the best other arm, and names the best points' values" \
  "$py" - "$work/sweep/summary.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["sweep"]["tornado"]
assert t["arm"] == d["decision"]["recommended_arm"] and t["versus"] == d["decision"]["runner_up"]
for b in d["sweep"]["best"]:
    assert all(isinstance(v, (int, float)) for v in b["values"].values()), b
PY
check "calibrate exits 0" test "$(status_of "$fs" calibrate "$src/scenarios/heimdal.yaml" \
  --param pathways.in_house.placement.probability --target placement_rate=0.6 --arm in_house \
  --replications 50 --out "$work/cal" --write "$work/cal/calibrated.yaml")" = 0
check "calibrate prints the value with its interval" grep -q "^pathways.in_house.placement.probability = .* \[.*\]" "$work/out"
check "the calibrated scenario is valid" test "$(status_of "$fs" validate "$work/cal/calibrated.yaml")" = 0
check "... keeps the source's comments" grep -q "# R-109/2021: 20 % of the net change in public spending" "$work/cal/calibrated.yaml"
check "... and marks the calibrated value" \
  grep -q "placement: {probability: 0\.[0-9]*, within: 24 months}  # followsim: calibrated 20[0-9-]* to placement_rate=0.6, probability was 0.6672" "$work/cal/calibrated.yaml"
check "an unbracketed target is bad usage" test "$(status_of "$fs" calibrate "$src/scenarios/heimdal.yaml" \
  --param pathways.in_house.placement.probability --target placement_rate=0.999 --bracket 0.3:0.5 \
  --replications 5 --out "$work/cal2")" = 2

# optimise
mixed="$src/tests/scenarios/optimise_mixed.yaml"
check "optimise exits 0" test "$(status_of "$fs" optimise "$mixed" --budget 20000000 --replications 10 \
  --threads 1 --out "$work/opt1")" = 0
check "optimise prints the best split, its interval and the evaluations" \
  grep -q "^Best split: .* caseworkers (NOK .*), .* kjop places; purchase budget NOK" "$work/out"
check "... and the objective with its interval" grep -q "^npv_socioeconomic_nok: .* \[.*, .*\]" "$work/out"
check "... and how many candidates it simulated" grep -q "^[0-9]* candidates simulated" "$work/out"
for f in summary.json optimise.csv scenario.yaml report.html; do
  check "optimise writes $f" test -s "$work/opt1/$f"
done
check "optimise summary: the best split among the candidates, within the budget" "$py" - "$work/opt1" <<'PY'
import csv, json, sys
d = json.load(open(f"{sys.argv[1]}/summary.json"))
o = d["optimise"]
assert o["budget_nok_per_year"] == 20e6 and o["objective"] == "npv_socioeconomic_nok"
assert o["arm"] == "mixed" and o["versus"] == "baseline"
assert o["evaluations"] == len(o["candidates"]) == d["run"]["candidates"]
best = o["best"]
assert o["candidates"][best["index"]]["caseworkers"] == best["caseworkers"]
assert max(c["objective"]["mean"] for c in o["candidates"]) == best["objective"]["mean"]
lo, hi = best["objective"]["ci95"]
assert lo <= best["objective"]["mean"] <= hi
for c in o["candidates"]:
    assert c["staff_cost_per_year_nok"] + c["purchases_per_year_nok"] <= 20e6
    assert c["slots"]["kjop"] * 3000 * 12 <= c["purchases_per_year_nok"]
rows = list(csv.DictReader(open(f"{sys.argv[1]}/optimise.csv")))
assert len(rows) == o["evaluations"]
assert [int(r["caseworkers"]) for r in rows] == [c["caseworkers"] for c in o["candidates"]]
PY
check "the scenario at the best split is valid" test "$(status_of "$fs" validate "$work/opt1/scenario.yaml")" = 0
check "... and has the best split's caseworkers" "$py" - "$work/opt1" <<'PY'
import json, sys, yaml
best = json.load(open(f"{sys.argv[1]}/summary.json"))["optimise"]["best"]
sc = yaml.safe_load(open(f"{sys.argv[1]}/scenario.yaml"))
assert sc["pathways"]["in_house"]["caseworkers"] == best["caseworkers"]
assert sc["pathways"]["measures"]["kjop"]["slots"] == best["slots"]["kjop"]
PY
check "optimise with 2 threads exits 0" test "$(status_of "$fs" optimise "$mixed" --budget 20000000 \
  --replications 10 --threads 2 --out "$work/opt2" -q)" = 0
check "optimise: 1 or 2 threads, identical results" "$py" - "$work/opt1" "$work/opt2" <<'PY'
import json, sys
a, b = (json.load(open(f"{d}/summary.json")) for d in sys.argv[1:3])
assert a["optimise"] == b["optimise"]
assert open(f"{sys.argv[1]}/optimise.csv").read() == open(f"{sys.argv[2]}/optimise.csv").read()
PY
rm "$work/opt1/report.html"
check "report DIR writes an optimise report again" test "$(status_of "$fs" report "$work/opt1")" = 0
check "... with the objective chart" grep -q "chart-optimise" "$work/opt1/report.html"
check "optimise without --budget is bad usage" \
  test "$(status_of "$fs" optimise "$mixed" --out "$work/opt3")" = 2
check "optimise with --budget 0 is bad usage" \
  test "$(status_of "$fs" optimise "$mixed" --budget 0 --out "$work/opt3")" = 2
check "optimise with an unknown objective is bad usage" \
  test "$(status_of "$fs" optimise "$mixed" --budget 1e7 --objective speed --out "$work/opt3")" = 2
check "optimise of an unknown arm is bad usage" \
  test "$(status_of "$fs" optimise "$mixed" --budget 1e7 --arm nobody --out "$work/opt3")" = 2
check "... naming the arms there are" grep -q "^followsim: --arm: no arm named 'nobody' (the arms: mixed, baseline)$" "$work/err"
check "optimise of a scenario without measures is bad usage" \
  test "$(status_of "$fs" optimise "$src/scenarios/mmc.yaml" --budget 1e7 --out "$work/opt3")" = 2
check "... saying so" grep -q "has no pathways.measures" "$work/err"
check "... and writes nothing" test ! -e "$work/opt3"

# Ctrl-C: exit 130, nothing written.
timeout --preserve-status -s INT 1 "$fs" run "$src/scenarios/national.yaml" --replications 500 \
  --out "$work/int" -q >/dev/null 2>&1
code=$?
check "interrupted run exits 130 (got $code)" test "$code" = 130
check "interrupted run writes no result file" test -z "$(ls -A "$work/int" 2>/dev/null)"

echo "$passed passed, $failed failed"
test "$failed" = 0
