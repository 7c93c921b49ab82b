#!/usr/bin/env python3
"""Property test: malformed scenarios are answered, never crash.

The shipped scenarios (scenarios/*.yaml, tests/scenarios/*.yaml) are mutated into at least
1,000 malformed or unusual variants: lines deleted, repeated, swapped or re-indented; values
replaced by hostile ones (NaN, inf, huge and negative numbers, lists, maps, tags, aliases,
50,000 characters, bytes that are not UTF-8, NUL); keys misspelt; files cut short; random
bytes; a second document; deep nesting; tabs. For each variant, in an empty folder of its own:

- `followsim validate` exits 0, or exits 2 with every problem line located as
  FILE:LINE:COL: (line and column from 1) and the count line after them;
- no crash (no signal, no exit 1) and no hang (10 s);
- nothing is written (the folder stays empty).

A sample of the variants is also run (`followsim run --replications 1`, into the default
results folder): exit 0 with summary.json written, or exit 2 with nothing written. Variants
are made from a fixed seed, so a failure names a variant that can be made again.

    malformed_scenarios.py FOLLOWSIM SOURCE_DIR [--keep DIR]
"""
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VARIANTS_PER_FILE = 170
RUN_EVERY = 15  # every 15th variant is also run
TIMEOUT = 10

HOSTILE_VALUES = [
    "", "~", "null", "-1", "0", "-0.0", "1e308", "-1e308", "1e-320", ".nan", ".inf", "-.inf",
    "nan", "inf", "99999999999999999999999", "18446744073709551616", "0x7fffffff", "1_000",
    "0o777", "true", "no", "abc", "'", '"', "[1, 2]", "[]", "{}", "{a: 1}", "*nowhere",
    "&anchor 3", "!!binary aGk=", "!custom 5", "!!str 5", "!!float 1", "12 lightyears",
    "-3 months", "0 days", "1e400 days", "nan days", "1 per 0 days", "-0.5 per month",
    "2 months 3 days", "'7' months", "{probability: 2, within: 1 months}",
    "{probability: 0.5}", "{rate: -1 per month}", "{mean: 0 days}",
    "{distribution: weibull, shape: 0, scale: 1 months}", "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]",
    "1" * 50000, "x" * 30000 + " months", "\udcff", "a\x00b", "\u2028", "é", "💥",
    '"a\\Nb"', '"a\\_b"', '"\\e[2J"', '"a\\rb"', '"\\x9b"', '"\\ud800"', '"\\U0010ffff"',
]
KEY_WORDS = ["name", "horizon", "price_year", "count", "at", "rate", "mean", "within",
             "probability", "caseworkers", "slots", "route", "when_full", "kind", "arms",
             "pathways", "population", "cohorts", "budget", "economics", "uncertainty"]


def lines_of(text):
    return text.splitlines(keepends=True)


def value_line(lines, rng):
    """Index of a random line with 'key: value' on it, or None."""
    candidates = [i for i, l in enumerate(lines) if re.match(r"^\s*-?\s*[\w.]+:\s*\S", l)
                  and not l.lstrip().startswith("#")]
    return rng.choice(candidates) if candidates else None


def mutate(text, rng):
    """One variant of `text`: one to three mutations. Returns (bytes, description)."""
    done = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        lines = lines_of(text)
        kind = rng.randrange(14)
        if kind == 0 and lines:  # delete a line
            i = rng.randrange(len(lines))
            del lines[i]
            done.append(f"line {i + 1} deleted")
        elif kind == 1 and lines:  # repeat a line (duplicate keys)
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            done.append(f"line {i + 1} repeated")
        elif kind == 2 and len(lines) > 1:  # swap two lines
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            done.append(f"lines {i + 1} and {j + 1} swapped")
        elif kind == 3 and lines:  # re-indent a line
            i = rng.randrange(len(lines))
            lines[i] = (" " * rng.choice((1, 2, 4)) + lines[i]) if rng.random() < 0.5 \
                else lines[i].lstrip()
            done.append(f"line {i + 1} re-indented")
        elif kind in (4, 5, 6, 7):  # a value replaced by a hostile one
            i = value_line(lines, rng)
            if i is None:
                continue
            value = rng.choice(HOSTILE_VALUES)
            key, _, rest = lines[i].partition(":")
            comment = ""
            if "#" in rest and rng.random() < 0.5:
                comment = "  #" + rest.split("#", 1)[1].rstrip("\n")
            lines[i] = f"{key}: {value}{comment}\n"
            done.append(f"line {i + 1} value {value[:30]!r}")
        elif kind == 8:  # a key misspelt or replaced
            i = value_line(lines, rng)
            if i is None:
                continue
            key, sep, rest = lines[i].partition(":")
            word = key.strip(" -")
            if len(word) > 2 and rng.random() < 0.5:
                k = rng.randrange(len(word) - 1)
                new = word[:k] + word[k + 1] + word[k] + word[k + 2:]
            else:
                new = rng.choice(KEY_WORDS)
            lines[i] = key.replace(word, new, 1) + sep + rest
            done.append(f"line {i + 1} key {new!r}")
        elif kind == 9:  # cut short
            data = "".join(lines)
            cut = rng.randrange(len(data) + 1)
            lines = [data[:cut]]
            done.append(f"cut at {cut}")
        elif kind == 10:  # random characters inserted (or control and non-UTF-8 bytes)
            data = "".join(lines)
            at = rng.randrange(len(data) + 1)
            junk = "".join(chr(rng.choice((0, 9, 13, 27, 0x7f, 0x85, 0xfeff, 0xdcff,
                                          rng.randrange(32, 127))))
                           for _ in range(rng.randrange(1, 8)))
            lines = [data[:at] + junk + data[at:]]
            done.append(f"{len(junk)} characters at {at}")
        elif kind == 11:  # YAML structure: a second document, an anchor and alias, a tab
            data = "".join(lines)
            extra = rng.choice(("\n---\nname: second\n", "\n...\n", "\nx: &a {b: *a}\n",
                                "\nalias_bomb: &a [*a, *a]\n", "\n\tname: tab\n",
                                "\n%YAML 1.2\n", "\n" + "[" * 5000 + "]" * 5000 + "\n",
                                "\n" + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
                                "\n? [complex, key]\n: 1\n", "\n<<: {name: merged}\n"))
            at = rng.choice((0, len(data)))
            lines = [data[:at] + extra + data[at:]] if at else [extra.lstrip("\n") + data]
            done.append(f"structure {extra.strip()[:20]!r}")
        elif kind == 12 and lines:  # a list item or a map key at a wrong level
            i = rng.randrange(len(lines))
            lines.insert(i, rng.choice(("- stray\n", "stray:\n", "  - {}\n", ":\n", "- - -\n")))
            done.append(f"stray line at {i + 1}")
        elif kind == 13:  # a byte flipped
            data = "".join(lines).encode("utf-8", "surrogateescape")
            if not data:
                continue
            at = rng.randrange(len(data))
            flipped = bytes([data[at] ^ (1 << rng.randrange(8))])
            lines = [(data[:at] + flipped + data[at + 1:]).decode("utf-8", "surrogateescape")]
            done.append(f"byte {at} flipped")
        text = "".join(lines)
    return text.encode("utf-8", "surrogateescape"), "; ".join(done) or "unchanged"


LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): ")
COUNT = re.compile(r"^\d+ problems? found(\.|; nothing was written\.)$")


def located(stderr, path):
    """Why stderr of an exit-2 validation is not a list of located problems; None if it is."""
    lines = [l for l in stderr.splitlines() if l.strip()]
    if not lines:
        return "nothing on stderr"
    problems = [l for l in lines if not COUNT.match(l)]
    if not problems:
        return "no problem listed"
    for l in problems:
        m = LOCATED.match(l)
        if not m or m["file"] != str(path) or int(m["line"]) < 1 or int(m["col"]) < 1:
            return f"not located: {l[:200]!r}"
    return None


def check(fs, index, data, description, work, run_it):
    """The failures of one variant (a list of strings), and validate's and run's exit codes."""
    case = work / f"v{index:04d}"
    case.mkdir()
    path = case / "scenario.yaml"
    path.write_bytes(data)
    cwd = case / "cwd"
    cwd.mkdir()
    failures = []
    name = f"variant {index} ({description})"

    def followsim(*args):
        try:
            done = subprocess.run([fs, *args], cwd=cwd, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, ""
        return done.returncode, done.stderr.decode("utf-8", "replace")

    run_code = None
    code, err = followsim("validate", str(path))
    if code is None:
        failures.append(f"{name}: validate did not finish in {TIMEOUT} s")
    elif code == 2:
        why = located(err, path)
        if why:
            failures.append(f"{name}: validate exit 2, {why}")
    elif code != 0:
        failures.append(f"{name}: validate exit {code}: {err.strip()[:300]}")
    if any(cwd.iterdir()):
        failures.append(f"{name}: validate wrote {sorted(p.name for p in cwd.iterdir())}")

    if run_it and code in (0, 2):
        run_code, run_err = followsim("run", str(path), "--replications", "1", "--threads", "1",
                                      "--quiet", "--max-memory", "256M")
        written = sorted(str(p.relative_to(cwd)) for p in cwd.rglob("*"))
        if run_code is None:
            failures.append(f"{name}: run did not finish in {TIMEOUT} s")
        elif run_code == 0:
            if code != 0:
                failures.append(f"{name}: validate refused it, run did not")
            if not (cwd / "results" / "scenario-run" / "summary.json").is_file():
                failures.append(f"{name}: run exit 0 without results: {written}")
        elif run_code == 2:
            if written:
                failures.append(f"{name}: run exit 2 and wrote {written}")
            why = located(run_err, path)
            if why and "--max-memory" not in run_err:
                failures.append(f"{name}: run exit 2, {why}")
        else:
            failures.append(f"{name}: run exit {run_code}: {run_err.strip()[:300]}")
    if not failures:
        shutil.rmtree(case)
    return failures, code, run_code


def main():
    fs, source = os.path.abspath(sys.argv[1]), Path(sys.argv[2])
    keep = Path(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--keep" else None
    bases = sorted(source.glob("scenarios/*.yaml")) + sorted(source.glob("tests/scenarios/*.yaml"))
    assert bases, "no scenarios found"
    rng = random.Random(14)
    variants = []
    for base in bases:
        text = base.read_text(encoding="utf-8")
        for _ in range(VARIANTS_PER_FILE):
            data, description = mutate(text, rng)
            variants.append((data, f"{base.relative_to(source)}: {description}"))
    work = Path(tempfile.mkdtemp(prefix="followsim-malformed-"))
    failures = []
    codes = {"validate": {}, "run": {}}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(check, fs, i, data, desc, work, i % RUN_EVERY == 0)
                   for i, (data, desc) in enumerate(variants)]
        for f in futures:
            found, code, run_code = f.result()
            failures.extend(found)
            codes["validate"][code] = codes["validate"].get(code, 0) + 1
            if run_code is not None:
                codes["run"][run_code] = codes["run"].get(run_code, 0) + 1
    for f in failures:
        print("FAILED:", f)
    if failures and keep:
        keep.mkdir(parents=True, exist_ok=True)
        for case in work.iterdir():
            shutil.copytree(case, keep / case.name, dirs_exist_ok=True)
        print(f"failing variants kept in {keep}")
    shutil.rmtree(work, ignore_errors=True)
    def shown(counts):
        return ", ".join(f"exit {c}: {n}" for c, n in sorted(counts.items(), key=str))
    print(f"{len(variants)} variants validated ({shown(codes['validate'])}), "
          f"{sum(codes['run'].values())} also run ({shown(codes['run'])}); "
          f"{len(failures)} failures")
    return 1 if failures or len(variants) < 1000 else 0


if __name__ == "__main__":
    sys.exit(main())
