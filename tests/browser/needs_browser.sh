# Sourced by the browser tests: they need Node.js (playwright-core) and Debian's Chromium.
command -v node >/dev/null || { echo "node is missing: run scripts/setup.sh test"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "chromium is missing: run scripts/setup.sh test"; exit 1; }
