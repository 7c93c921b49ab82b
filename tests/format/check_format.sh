#!/usr/bin/env bash
# Every C++ file of the repository is as clang-format (.clang-format) writes it. The test
# set-up installs Debian's clang-format; a missing one fails the test rather than skipping it.
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format not found (bash scripts/setup.sh test installs it)" >&2; exit 1; }
mapfile -t files < <(find engine bindings tests benchmarks -name '*.cpp' -o -name '*.hpp' | sort)
[ ${#files[@]} -gt 100 ] || { echo "expected the repository's C++ files, found ${#files[@]}" >&2; exit 1; }
clang-format --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files as formatted"
