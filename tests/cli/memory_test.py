#!/usr/bin/env python3
"""The memory estimate against what a run really takes: followsim refuses a run over
--max-memory before starting it (exit 2, the estimate in the message); the same run under a
high enough limit completes, and its peak resident memory (from the kernel, os.wait4) must not
exceed the estimate, nor be far below it (the estimate is of use only if it is close).

    memory_test.py FOLLOWSIM SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

MIB = 1 << 20


def estimate_of(fs, scenario, extra, out):
    """The estimate followsim states when the limit is 1 byte, in bytes."""
    done = subprocess.run([fs, "run", str(scenario), *extra, "--out", str(out), "-q",
                           "--max-memory", "1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert not out.exists(), "a refused run wrote its folder"
    found = re.search(r"this needs about ([0-9.]+) (MiB|GiB) of memory", done.stderr)
    assert found, done.stderr
    return float(found.group(1)) * (MIB if found.group(2) == "MiB" else 1024 * MIB)


def peak_rss(fs, scenario, extra, out):
    """Peak resident memory of a complete run, in bytes."""
    pid = os.spawnv(os.P_NOWAIT, fs, [fs, "run", str(scenario), *extra, "--out", str(out), "-q"])
    _, status, usage = os.wait4(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss * 1024


def main() -> int:
    fs, source = sys.argv[1], Path(sys.argv[2])
    base = (source / "tests" / "scenarios" / "valid_base.yaml").read_text()
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        cases = {
            "1 million at once, 1 thread": (
                base.replace("count: 100,", "count: 1000000,"),
                ["--replications", "1", "--threads", "1"]),
            "a stream of 500,000, 2 threads": (
                base.replace("{count: 100, at: 0 days}", "{rate: 684.5 per day, until: 24 months}"),
                ["--replications", "2", "--threads", "2"]),
            "an initial caseload of 500,000": (
                base.replace("{count: 100, at: 0 days}",
                             "{count: 1, at: 0 days}\n      initial_caseload: {in_house: 500000}"),
                ["--replications", "1", "--threads", "1"]),
        }
        for name, (text, extra) in cases.items():
            scenario = work / "scenario.yaml"
            scenario.write_text(text)
            estimate = estimate_of(fs, scenario, extra, work / "refused")
            peak = peak_rss(fs, scenario, extra, work / name.replace(" ", "-"))
            ok = peak <= estimate <= 2.5 * peak
            print(f"{name}: estimate {estimate / MIB:.0f} MiB, peak {peak / MIB:.0f} MiB"
                  f"{'' if ok else '  FAILED'}")
            failures += not ok

        # The case: 40 million persons under an 8 GiB limit is refused before starting.
        scenario = work / "scenario.yaml"
        scenario.write_text(base.replace("count: 100,", "count: 40000000,"))
        done = subprocess.run([fs, "run", str(scenario), "--threads", "2", "--max-memory", "8G",
                               "--out", str(work / "huge"), "-q"],
                              capture_output=True, text=True, timeout=30)
        if done.returncode != 2 or "40,000,000 persons an arm x 2 replications at once" not in done.stderr \
                or (work / "huge").exists():
            print(f"FAILED: 40 million persons: exit {done.returncode}: {done.stderr.strip()}")
            failures += 1
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
