#!/usr/bin/env bash
# The whole set-up in one command, for a new Debian 12 machine (as root) or an old one:
#   bash scripts/setup.sh run    install what is missing, build, run the default scenario
#   bash scripts/setup.sh test   install what is missing, build, run every test
# Quick when nothing is missing: apt is asked only for packages that are not installed, and
# the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-run}"
case "$mode" in
  run | test) ;;
  *) echo "usage: bash scripts/setup.sh run|test" >&2; exit 2 ;;
esac

# Debian packages the build and the tests need (DESIGN.md, "Libraries").
packages=(
  cmake ninja-build g++
  libboost-random-dev libboost-math-dev libeigen3-dev libyaml-cpp-dev libcli11-dev
  nlohmann-json3-dev libfmt-dev libssl-dev catch2 libbenchmark-dev libnlopt-cxx-dev
  libxlsxwriter-dev pkg-config libcereal-dev libopenmpi-dev openmpi-bin
  pybind11-dev python3-dev python3-numpy python3-pandas python3-matplotlib python3-yaml
  pkgconf libcpp-httplib-dev libzip-dev
  python3-venv python3-setuptools python3-wheel python3-build
)

# The browser tests need Debian's Chromium; the notebook test nbclient and ipykernel;
# the export test openpyxl; the format check clang-format; the fuzz harnesses of CI's
# scripts/hardening.sh clang 16 and its libFuzzer runtime.
[ "$mode" = test ] && packages+=(chromium python3-pytest python3-openpyxl python3-nbclient python3-ipykernel
  clang-format clang-16 libclang-rt-16-dev)
# Node.js and npm fetch the chart libraries (report/package-lock.json) from the npm registry.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# The chart libraries inlined into report.html, pinned by report/package-lock.json; npm ci
# runs only when the lock file is newer than what is installed.
if [ ! -f report/node_modules/.package-lock.json ] ||
   [ report/package-lock.json -nt report/node_modules/.package-lock.json ]; then
  echo "setup: npm ci in report/" >&2
  npm ci --prefix report --no-audit --no-fund --loglevel=error >/dev/null
fi

build_dir="${FOLLOWSIM_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLLOWSIM_WERROR=ON >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"

if [ "$mode" = run ]; then
  "$build_dir"/followsim run scenarios/heimdal.yaml  # into results/heimdal-run/
else
  ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
fi
