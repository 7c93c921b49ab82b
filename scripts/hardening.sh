#!/usr/bin/env bash
# CI's hardening checks (.ci/run runs them after `setup.sh test`), each in a build folder of
# its own:
#   build-sanitize/  GCC with -fsanitize=address,undefined: the unit tests (only that binary,
#                    to keep the time down); any sanitizer report fails.
#   build-fuzz/      clang-16 with libFuzzer (+ ASan/UBSan): each harness of tests/fuzz/ for
#                    FOLLOWSIM_FUZZ_SECONDS (default 30; two harnesses, about a minute), from
#                    the seed corpus and the regression inputs. A finding fails, and is kept in
#                    build-fuzz/findings/: fix it, and add the input to tests/fuzz/regressions/.
# Needs the packages of `setup.sh test` (clang-16, libclang-rt-16-dev among them).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="${FOLLOWSIM_JOBS:-$(nproc)}"
seconds="${FOLLOWSIM_FUZZ_SECONDS:-30}"
# -O1: sanitized code fast enough to run the tests, compiled without -O3's time.
common=(-G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g"
        -DFOLLOWSIM_SANITIZE=ON -DFOLLOWSIM_BUILD_PYTHON=OFF -DFOLLOWSIM_BUILD_BENCHMARKS=OFF)
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

echo "hardening: unit tests under AddressSanitizer and UndefinedBehaviorSanitizer" >&2
start=$SECONDS
cmake -S . -B build-sanitize "${common[@]}" -DFOLLOWSIM_WERROR=ON >/dev/null
cmake --build build-sanitize --parallel "$jobs" --target followsim_unit_tests
build-sanitize/tests/followsim_unit_tests
echo "hardening: sanitizer build and unit tests took $((SECONDS - start)) s" >&2

echo "hardening: libFuzzer, ${seconds} s per harness" >&2
start=$SECONDS
cmake -S . -B build-fuzz "${common[@]}" -DCMAKE_CXX_COMPILER=clang++-16 -DFOLLOWSIM_FUZZ=ON \
  >/dev/null
cmake --build build-fuzz --parallel "$jobs" --target fuzz_scenario_loader fuzz_overrides
echo "hardening: fuzz build took $((SECONDS - start)) s" >&2
mkdir -p build-fuzz/findings
for harness in scenario_loader overrides; do
  case "$harness" in
    scenario_loader) seeds=(tests/scenarios scenarios tests/fuzz/regressions/loader) ;;
    overrides) seeds=(tests/fuzz/overrides_corpus tests/fuzz/regressions/overrides) ;;
  esac
  # New inputs go to build-fuzz/corpus/ (the first folder); the repository's are only read.
  mkdir -p "build-fuzz/corpus/$harness"
  start=$SECONDS
  build-fuzz/tests/fuzz_$harness "build-fuzz/corpus/$harness" "${seeds[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/findings/$harness-" 2>"build-fuzz/$harness.log" ||
    { tail -n 60 "build-fuzz/$harness.log" >&2
      echo "hardening: fuzz_$harness found an input it fails on: build-fuzz/findings/" >&2
      exit 1; }
  grep -E "^stat::number_of_executed_units|^#[0-9]+ *DONE" "build-fuzz/$harness.log" >&2 || true
  echo "hardening: fuzz_$harness ran $((SECONDS - start)) s" >&2
done
