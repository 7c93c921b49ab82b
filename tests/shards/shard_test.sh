#!/usr/bin/env bash
# Shards: run, psa and sweep split 3 ways with --shard K/N and joined by followsim merge give the
# files of one process (summary.json apart from timings, threads and shards; CSVs and the
# scenario as run byte for byte); merge refuses, with exit 2, a clear message and nothing
# written, shards that are not exactly the parts of one run.
#   shard_test.sh FOLLOWSIM SOURCE_DIR
set -euo pipefail
cli=$1
src=$2
cd "$src"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compare=(/usr/bin/python3 tests/golden/compare.py --tolerance 0)
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Runs COMMAND... once whole and as 3 shards (given to merge out of order); compares.
same_as_whole() {
  local name=$1
  shift
  "$cli" "$@" --seed 5 --threads 2 --quiet --out "$work/$name-whole"
  for k in 1 2 3; do
    "$cli" "$@" --seed 5 --threads 1 --quiet --shard "$k/3" --out "$work/$name-$k"
    [ -f "$work/$name-$k/shard.json" ] || fail "$name: shard $k/3 wrote no shard.json"
    [ ! -e "$work/$name-$k/summary.json" ] || fail "$name: shard $k/3 wrote a summary.json"
  done
  "$cli" merge "$work/$name-3" "$work/$name-1" "$work/$name-2" --quiet --out "$work/$name-merged"
  "${compare[@]}" "$work/$name-whole" "$work/$name-merged" >"$work/$name.txt" ||
    { cat "$work/$name.txt"; fail "$name: summary.json or CSVs differ"; }
  for file in "$work/$name-whole"/*.csv "$work/$name-whole"/scenario.yaml; do
    cmp -s "$file" "$work/$name-merged/$(basename "$file")" ||
      fail "$name: $(basename "$file") differs byte for byte"
  done
  # summary.json: equal once the volatile fields are left out.
  /usr/bin/python3 - "$work/$name-whole/summary.json" "$work/$name-merged/summary.json" <<'PY' ||
import json, sys
VOLATILE = {"wall_seconds", "threads", "shards", "ranks"}
def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in VOLATILE}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if strip(a) == strip(b) and b["run"]["shards"] == 3 else 1)
PY
    fail "$name: summary.json differs beyond timings (or does not say 3 shards)"
}

same_as_whole run run scenarios/heimdal.yaml --replications 7 --set pathways.in_house.caseworkers=5
same_as_whole psa psa tests/golden/heimdal_probabilities.yaml --draws 5 --replications 2
same_as_whole sweep sweep scenarios/heimdal.yaml --replications 2 \
  --vary pathways.in_house.caseworkers=3:5:3
# More shards than tasks: the empty shards still merge.
same_as_whole few run tests/golden/heimdal_probabilities.yaml --replications 2

# Refusals: exit 2, the reason on stderr, nothing written.
refuses() {
  local why=$1 pattern=$2
  shift 2
  set +e
  "$cli" merge "$@" --out "$work/refused" 2>"$work/refused.txt"
  local status=$?
  set -e
  [ "$status" -eq 2 ] || fail "merge of $why: exit $status, not 2"
  grep -q -- "$pattern" "$work/refused.txt" ||
    { cat "$work/refused.txt"; fail "merge of $why: the message does not say '$pattern'"; }
  [ ! -e "$work/refused" ] || fail "merge of $why: something was written"
}
run=(run scenarios/heimdal.yaml --replications 7 --quiet --set pathways.in_house.caseworkers=5)
"$cli" "${run[@]}" --seed 6 --shard 2/3 --out "$work/seed6"
"$cli" run scenarios/national.yaml --replications 7 --seed 5 --quiet --shard 2/3 \
  --out "$work/national"
"$cli" "${run[@]}" --seed 5 --shard 2/4 --out "$work/of4"
"$cli" "${run[@]}" --seed 5 --out "$work/whole-run"
"$cli" "${run[@]:0:4}" --quiet --seed 5 --shard 2/3 --out "$work/no-set"
cp -r "$work/run-2" "$work/old-version"
sed -i 's/"followsim_version": "[^"]*"/"followsim_version": "0.0.1"/' \
  "$work/old-version/shard.json"
cp -r "$work/run-2" "$work/damaged"
printf 'x' >>"$work/damaged/tasks.bin"

refuses "a missing shard" "shard 2/3 is missing" "$work/run-1" "$work/run-3"
refuses "a shard given twice" "shard 1/3 is given twice" "$work/run-1" "$work/run-1" \
  "$work/run-2" "$work/run-3"
refuses "other seeds" "settings differ: seed 5 and 6" "$work/run-1" "$work/seed6" "$work/run-3"
refuses "other scenarios" "their scenarios differ" "$work/run-1" "$work/national" "$work/run-3"
refuses "other overrides" "overrides differ" "$work/run-1" "$work/no-set" "$work/run-3"
refuses "other commands" "one is a run, the other a psa" "$work/run-1" "$work/psa-2" \
  "$work/run-3"
refuses "other shard counts" "one is a shard of 3, the other of 4" "$work/run-1" "$work/of4" \
  "$work/run-3"
refuses "another version" "written by followsim 0.0.1" "$work/run-1" "$work/old-version" \
  "$work/run-3"
refuses "a damaged shard" "tasks.bin is damaged" "$work/run-1" "$work/damaged" "$work/run-3"
refuses "a whole run's folder" "not a shard's folder" "$work/run-1" "$work/whole-run" \
  "$work/run-3"

# --shard itself: K/N with 1 <= K <= N; not for commands that search step by step.
for bad in 0/3 4/3 3 a/b 1/0; do
  set +e
  "$cli" "${run[@]}" --shard "$bad" --out "$work/bad-shard" 2>/dev/null
  status=$?
  set -e
  [ "$status" -eq 2 ] || fail "--shard $bad: exit $status, not 2"
  [ ! -e "$work/bad-shard" ] || fail "--shard $bad: something was written"
done
set +e
"$cli" optimise scenarios/heimdal.yaml --budget 8000000 --shard 1/2 --out "$work/opt" 2>/dev/null
status=$?
set -e
[ "$status" -eq 2 ] || fail "optimise --shard: exit $status, not 2"

if [ "$failures" -gt 0 ]; then
  echo "$failures shard check(s) failed"
  exit 1
fi
echo "shards: run, psa and sweep in 3 shards merge into one process's files; bad sets refused"
