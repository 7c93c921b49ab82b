#!/usr/bin/env bash
# A report whose scenario and arms are named like HTML ("<!--<script>", "</script>") must
# still draw every chart in headless Chromium (report_test.mjs): such a name once stopped
# every chart of the page.
# Usage: hostile_names_test.sh PATH/TO/followsim SOURCE_DIR SCREENSHOT_DIR
set -euo pipefail
fs="$1"
src="$2"
shots="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$fs" run "$src/scenarios/heimdal.yaml" --replications 5 -q --out "$work/hostile" \
  --set 'arms={"<!--<script>": {route: in_house}, "</script><b>": {route: oppfolging}, baseline: {route: baseline}}' \
  --set 'name=<!-- </script> & <script>'
node "$src/tests/browser/report_test.mjs" "$src" "$shots" "$work/hostile/report.html"
