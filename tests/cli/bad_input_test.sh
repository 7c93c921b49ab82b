#!/usr/bin/env bash
# Bad input at the command line: every path that is not a readable scenario file (a folder, a
# named pipe, /dev/zero, /dev/urandom, an unreadable file, a file over 16 MiB), a duration of
# 50,000 characters, a --set index beyond any list. Each must give exit 2 and a located
# message naming the reason, within seconds, and write nothing.
# Usage: bad_input_test.sh PATH/TO/followsim SOURCE_DIR
set -uo pipefail
fs="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check "what" command...
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what"; fi
}
# Runs followsim with a 10 s limit (a hang shows as 124); stdout and stderr to files.
status_of() { timeout 10 "$fs" "$@" >"$work/out" 2>"$work/err"; echo $?; }
# check_refused WHAT EXPECTED-STDERR-LINE followsim-arguments...: exit 2, the line on stderr,
# and no results folder.
check_refused() {
  local what="$1" line="$2"; shift 2
  check "$what: exit 2" test "$(status_of run "$@" --out "$work/never" -q)" = 2
  check "$what: says why" grep -qxF -e "$line" "$work/err"
  check "$what: writes nothing" test ! -e "$work/never"
}

mkdir "$work/folder.yaml"
check_refused "a folder" "$work/folder.yaml:1:1: (top): is a folder, not a file" \
  "$work/folder.yaml"
mkfifo "$work/pipe.yaml"
check_refused "a named pipe nobody writes to" \
  "$work/pipe.yaml:1:1: (top): is a named pipe (FIFO), not a file" "$work/pipe.yaml"
check_refused "/dev/zero" "/dev/zero:1:1: (top): is a character device, not a file" \
  /dev/zero
check_refused "/dev/urandom" \
  "/dev/urandom:1:1: (top): is a character device, not a file" /dev/urandom
check_refused "a missing file" \
  "$work/nope.yaml:1:1: (top): cannot read the file: No such file or directory" "$work/nope.yaml"
truncate -s 17M "$work/large.yaml"
check_refused "a file over 16 MiB" \
  "$work/large.yaml:1:1: (top): is larger than 16 MiB, the most a scenario file may be" \
  "$work/large.yaml"

# Unreadable: root reads any file, so as root run the command as nobody.
mkdir "$work/shared" && chmod 755 "$work" "$work/shared"
cp "$src/scenarios/heimdal.yaml" "$work/shared/locked.yaml" && chmod 000 "$work/shared/locked.yaml"
as_user=()
[ "$(id -u)" = 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
"${as_user[@]}" timeout 10 "$fs" validate "$work/shared/locked.yaml" >"$work/out" 2>"$work/err"
check "an unreadable file: exit 2" test "$?" = 2
check "an unreadable file: says why" grep -qxF \
  "$work/shared/locked.yaml:1:1: (top): cannot read the file: Permission denied" "$work/err"

long="$(head -c 50000 /dev/zero | tr '\0' 7)"
check_refused "a duration of 50,000 characters in --set" \
  "--set horizon=$(head -c 80 <<<"horizon=${long}" | cut -c9-)... (50015 characters): horizon: expected a duration with a unit, such as '30 days', '12 weeks', '6 months' or '2 years', found '$(head -c 40 <<<"$long")...' (50007 characters)" \
  "$src/scenarios/heimdal.yaml" --set "horizon=$long months"
sed "s/^horizon: 24 months/horizon: $long months/" "$src/scenarios/heimdal.yaml" >"$work/long.yaml"
check "a duration of 50,000 characters in the file: exit 2" \
  test "$(status_of validate "$work/long.yaml")" = 2
horizon_line="$(grep -n '^horizon:' "$src/scenarios/heimdal.yaml" | cut -d: -f1)"
check "... located" grep -q "^$work/long.yaml:$horizon_line:10: horizon: expected a duration" "$work/err"

check_refused "a --set index beyond any list" \
  "--set population.cohorts.99999999999999999999999.name=x: population.cohorts.99999999999999999999999: no list item '99999999999999999999999' (the list has 3 items)" \
  "$src/scenarios/heimdal.yaml" --set population.cohorts.99999999999999999999999.name=x

sed 's/^name: base/name: "a\xff"/' "$src/tests/scenarios/valid_base.yaml" >"$work/utf.yaml"
check_refused "a name that is not UTF-8" "$work/utf.yaml:2:9: (top): the text is not UTF-8 (byte 0xFF)" \
  "$work/utf.yaml"

# --out at a folder that is not a results folder: refused before any work, left alone.
mkdir "$work/documents" && echo mine >"$work/documents/notes.txt"
check "--out at a folder of other things: exit 2" \
  test "$(status_of run "$src/scenarios/heimdal.yaml" --out "$work/documents" -q)" = 2
check "... says why" grep -qxF "followsim: $work/documents holds no followsim results; a results folder is replaced whole, so followsim writes only into a new, empty or results folder" "$work/err"
check "... and leaves it alone" test "$(ls -A "$work/documents")" = notes.txt
ln -s "$work/documents" "$work/link"
check "--out at a link: exit 2" \
  test "$(status_of run "$src/scenarios/heimdal.yaml" --out "$work/link" -q)" = 2

# report and compare on a broken results folder: exit 1, the broken file named.
check "a results folder to break" test "$(status_of run "$src/scenarios/heimdal.yaml" \
  --replications 2 --out "$work/broken" -q)" = 0
cp -r "$work/broken" "$work/sound"
head -c 100 "$work/sound/summary.json" >"$work/broken/summary.json"
check "report of a cut summary.json: exit 1" test "$(status_of report "$work/broken")" = 1
check "... naming it" grep -q "^followsim: $work/broken/summary.json: " "$work/err"
check "compare with it: exit 1" \
  test "$(status_of compare "$work/sound" "$work/broken" --out "$work/cmp")" = 1
check "... naming it" grep -q "^followsim: $work/broken/summary.json: " "$work/err"
rm "$work/broken/summary.json" && ln -s /dev/zero "$work/broken/summary.json"
check "report of a summary.json that is /dev/zero: exit 1" \
  test "$(status_of report "$work/broken")" = 1
check "... saying so" grep -qxF -e \
  "followsim: $work/broken/summary.json: is a character device, not a file" "$work/err"

echo "$passed passed, $failed failed"
test "$failed" = 0
