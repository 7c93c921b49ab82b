#!/usr/bin/env bash
# MPI: every command spread over 3 ranks (on any number of cores: --oversubscribe) gives the
# files of one process, apart from timings and the counts of threads and ranks; errors keep
# their exit codes and write nothing. Small scenarios, so that CI stays quick.
#   mpi_test.sh FOLLOWSIM SOURCE_DIR [yes|no: built with MPI]; exit 77 (skipped) without MPI.
set -euo pipefail
cli=$1
src=$2
if [ "${3:-yes}" != yes ] || ! command -v mpirun >/dev/null; then
  echo "MPI test skipped: followsim was built without MPI or mpirun is missing" \
    "(scripts/setup.sh installs libopenmpi-dev and openmpi-bin)"
  exit 77
fi
cd "$src"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Open MPI refuses root unless told; CI containers run as root.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpi=(mpirun --oversubscribe -np 3 "$cli")
compare=(/usr/bin/python3 tests/golden/compare.py --tolerance 0)
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Runs COMMAND... once alone (2 threads) and once on 3 ranks (1 thread each); compares.
same_as_one_process() {
  local name=$1
  shift
  "$cli" "$@" --seed 5 --threads 2 --quiet --out "$work/$name-one"
  "${mpi[@]}" "$@" --seed 5 --threads 1 --quiet --out "$work/$name-mpi"
  "${compare[@]}" "$work/$name-one" "$work/$name-mpi" >"$work/$name.txt" ||
    { cat "$work/$name.txt"; fail "$name: summary.json or CSVs differ"; }
  for csv in "$work/$name-one"/*.csv; do
    cmp -s "$csv" "$work/$name-mpi/$(basename "$csv")" ||
      fail "$name: $(basename "$csv") differs byte for byte"
  done
  grep -q '"ranks": 3' "$work/$name-mpi/summary.json" || fail "$name: summary.json lacks ranks 3"
}

same_as_one_process run run scenarios/heimdal.yaml --replications 7
same_as_one_process psa psa tests/golden/heimdal_probabilities.yaml --draws 5 --replications 2
same_as_one_process sweep sweep scenarios/heimdal.yaml --replications 2 \
  --vary pathways.in_house.caseworkers=3:5:3
same_as_one_process optimise optimise scenarios/heimdal.yaml --budget 8000000 --replications 3

"$cli" calibrate scenarios/heimdal.yaml --param pathways.in_house.placement.probability \
  --target placement_rate=0.5 --replications 6 --quiet --out "$work/calibrate-one"
"${mpi[@]}" calibrate scenarios/heimdal.yaml --param pathways.in_house.placement.probability \
  --target placement_rate=0.5 --replications 6 --quiet --out "$work/calibrate-mpi"
cmp -s "$work/calibrate-one/calibration.json" "$work/calibrate-mpi/calibration.json" ||
  fail "calibrate: calibration.json differs"

# An invalid scenario: exit 2 from the job, the problem once on stderr, nothing written.
set +e
"${mpi[@]}" run scenarios/heimdal.yaml --set horizon=-3 --out "$work/bad" 2>"$work/bad.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "invalid scenario under mpirun: exit $status, not 2"
[ "$(grep -c 'horizon: expected a duration' "$work/bad.txt")" -eq 1 ] ||
  fail "invalid scenario under mpirun: the problem is not reported exactly once"
[ ! -e "$work/bad" ] || fail "invalid scenario under mpirun: something was written"

# --shard is one process's share: refused under mpirun (exit 2, nothing written).
set +e
"${mpi[@]}" run scenarios/heimdal.yaml --replications 3 --shard 1/2 --out "$work/shard" \
  2>/dev/null
status=$?
set -e
[ "$status" -eq 2 ] || fail "--shard under mpirun: exit $status, not 2"
[ ! -e "$work/shard" ] || fail "--shard under mpirun: something was written"

if [ "$failures" -gt 0 ]; then
  echo "$failures MPI check(s) failed"
  exit 1
fi
echo "MPI: run, psa, sweep, optimise and calibrate on 3 ranks match one process"
