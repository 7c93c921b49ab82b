#!/usr/bin/env python3
"""Golden results: the shipped scenarios run at a fixed seed must give the same summary.json
(apart from timings and the counts of threads, ranks and shards) and the same CSV files, byte for byte, as when the
golden files were recorded. A refactoring must not change them; a model change re-records them
on purpose (`golden.py record`), and the diff shows what moved.

    golden.py check  FOLLOWSIM SOURCE_DIR   compare against tests/golden/*
    golden.py record FOLLOWSIM SOURCE_DIR   write tests/golden/* anew
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

# (name, arguments after the scenario); every run uses seed 11 and 2 threads.
CASES = [
    ("heimdal-run", ["run", "scenarios/heimdal.yaml", "--replications", "40"]),
    ("national-run", ["run", "scenarios/national.yaml", "--replications", "2"]),
    ("mmc-run", ["run", "scenarios/mmc.yaml", "--replications", "2",
                 "--set", "horizon=2000 days", "--set", "population.cohorts.0.arrivals.until=2000 days"]),
    ("heimdal-psa", ["psa", "tests/golden/heimdal_probabilities.yaml", "--draws", "12",
                     "--replications", "4"]),
    ("heimdal-sweep", ["sweep", "scenarios/heimdal.yaml", "--replications", "4",
                       "--vary", "pathways.in_house.placement.probability=0.4:0.7:3",
                       "--vary", "pathways.measures.oppfolging.max_duration=6:18:3:months"]),
]
FILES = ["summary.json", "replications.csv", "timeseries.csv", "psa.csv", "sweep.csv"]
VOLATILE = ("wall_seconds", "threads", "ranks", "shards")


def normalised_summary(text: str) -> str:
    summary = json.loads(text)
    for key in VOLATILE:
        summary.get("run", {}).pop(key, None)
    return json.dumps(summary, indent=1, sort_keys=False) + "\n"


def produce(cli: str, source: Path, args: list, out: Path) -> dict:
    cmd = [cli, *args, "--seed", "11", "--threads", "2", "--quiet", "--out", str(out)]
    subprocess.run(cmd, cwd=source, check=True)
    files = {}
    for name in FILES:
        path = out / name
        if path.exists():
            text = path.read_text()
            files[name] = normalised_summary(text) if name == "summary.json" else text
    return files


def main() -> int:
    mode, cli, source = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    golden = source / "tests" / "golden"
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in CASES:
            files = produce(cli, source, args, Path(tmp) / name)
            for file_name, text in files.items():
                target = golden / name / file_name
                if mode == "record":
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text)
                    continue
                if not target.exists():
                    print(f"{name}/{file_name}: no golden file (record it)")
                    failures += 1
                elif target.read_text() != text:
                    print(f"{name}/{file_name}: differs from the golden file")
                    failures += 1
    if mode == "check":
        print("golden results: " + ("all identical" if failures == 0 else f"{failures} differ"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
