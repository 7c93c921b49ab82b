#!/usr/bin/env bash
# Makes the reports of a run, a PSA, a one-way sweep, a grid sweep, two optimisations (one
# measure and two) and a comparison with the built followsim, the first four in English and
# Norwegian, then checks them in headless Chromium at 1366x768 (report_test.mjs).
# Screenshots land in SCREENSHOT_DIR.
# Usage: browser_test.sh PATH/TO/followsim SOURCE_DIR SCREENSHOT_DIR
set -euo pipefail
fs="$1"
src="$2"
shots="$3"
command -v node >/dev/null || { echo "node is missing: run scripts/setup.sh test"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "chromium is missing: run scripts/setup.sh test"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
h="$src/scenarios/heimdal.yaml"
"$fs" run "$h" --replications 50 --out "$work/run" -q
"$fs" run "$h" --replications 50 --set budget.purchases_per_year_nok=3000000 --out "$work/small-budget" -q
# One arm and no baseline arm (mmc.yaml): charts with nothing to show are left out, not empty.
"$fs" run "$src/scenarios/mmc.yaml" --replications 2 --out "$work/mmc" -q
"$fs" psa "$h" --draws 50 --replications 3 --out "$work/psa" -q
"$fs" sweep "$h" --vary pathways.in_house.caseworkers=1:6:6 \
  --vary pathways.measures.oppfolging.price_per_month_nok=1000:4000:4 \
  --vary pathways.measures.oppfolging.effectiveness=0.6:1.2:4 --replications 5 --out "$work/sweep" -q
"$fs" sweep "$h" --grid --vary pathways.in_house.caseworkers=1:4:4 \
  --vary budget.purchases_per_year_nok=5000000:25000000:3 --replications 5 --out "$work/grid" -q
"$fs" optimise "$h" --budget 8000000 --replications 10 --out "$work/optimise" -q
"$fs" optimise "$src/tests/scenarios/optimise_two_measures.yaml" --budget 12000000 --replications 5 \
  --objective placements --out "$work/optimise-nlopt" -q
"$fs" compare "$work/run" "$work/small-budget" --out "$work/compare" >/dev/null
rm "$work/run/report.html"
"$fs" report "$work/run" >/dev/null  # report DIR writes it again from the files
# The same in Norwegian: report DIR --lang nb on copies, and a Norwegian comparison.
for d in run psa sweep; do
  cp -r "$work/$d" "$work/$d-nb"
  "$fs" report "$work/$d-nb" --lang nb >/dev/null
done
"$fs" compare "$work/run" "$work/small-budget" --lang nb --out "$work/compare-nb" >/dev/null
node "$src/tests/browser/report_test.mjs" "$src" "$shots" "$work/run/report.html" \
  "$work/psa/report.html" "$work/sweep/report.html" "$work/grid/report.html" "$work/compare/report.html" \
  "$work/run-nb/report.html" "$work/psa-nb/report.html" "$work/sweep-nb/report.html" \
  "$work/compare-nb/report.html" "$work/mmc/report.html" "$work/optimise/report.html" \
  "$work/optimise-nlopt/report.html"

# The checker itself must catch what it is for: a page that asks the network and logs an error.
mkdir -p "$work/broken"
sed '0,/<header>/s||<img src="https://example.invalid/logo.png"><script>console.error("boom")</script><header>|' \
  "$work/run/report.html" >"$work/broken/report.html"
if node "$src/tests/browser/report_test.mjs" "$src" "$work/broken-shots" "$work/broken/report.html" \
  >"$work/broken.log" 2>&1; then
  echo "FAILED: the browser check passed a page with a network request and a console error"
  exit 1
fi
grep -q "network request: https://example.invalid/logo.png" "$work/broken.log"
grep -q "console error: boom" "$work/broken.log"
echo "the browser check fails a broken page, as it must"
