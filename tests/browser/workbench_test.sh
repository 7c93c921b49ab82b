#!/usr/bin/env bash
# Starts `followsim serve` on a free port with its results in a temporary folder, then drives
# the workbench in headless Chromium (workbench_test.mjs). Afterwards the server must stop on
# SIGINT with exit 0, and every file it wrote must lie inside its --folder.
# Usage: workbench_test.sh PATH/TO/followsim SOURCE_DIR SCREENSHOT_DIR
set -euo pipefail
fs="$1"
src="$2"
shots="$3"
source "$src/tests/browser/needs_browser.sh"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
"$fs" serve --port 0 --folder "$work/results" --scenarios "$src/scenarios" --replications 40 \
  --threads 2 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  grep -q 'http://127.0.0.1:' "$work/serve.log" && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log")"
echo "workbench at $url"

node "$src/tests/browser/workbench_test.mjs" "$src" "$url" "$fs" "$shots" "$work"

kill -INT "$server"
status=0
wait "$server" || status=$?
server=""
[ "$status" -eq 0 ] || { echo "FAILED: serve exited with $status on SIGINT"; cat "$work/serve.log"; exit 1; }
# Every file written lies in results/ (the browser's downloads are in downloads/, the log here).
stray="$(find "$work" -mindepth 1 -maxdepth 1 ! -name results ! -name downloads ! -name serve.log)"
[ -z "$stray" ] || { echo "FAILED: serve wrote outside its folder: $stray"; exit 1; }
ls "$work/results" | grep -q '^heimdal-' || { echo "FAILED: no results folder of heimdal"; exit 1; }
echo "serve stopped on SIGINT and wrote only inside its folder"
