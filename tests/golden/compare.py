#!/usr/bin/env python3
"""Compares two results folders number by number: every numeric leaf of summary.json (by its key
path) and every numeric cell of the CSV files (by row and column). For a change that may move
only the last digits of floating-point sums (a new order of additions) this shows, before the
golden files are recorded again, that every difference is below a relative tolerance.

    compare.py OLD_DIR NEW_DIR [--tolerance 1e-9]

Both folders hold the golden cases as subfolders (tests/golden's layout) or are one results
folder each. Volatile fields (timings, threads, ranks) are skipped. A number may differ by the
tolerance relative to the larger of the two; a statistic of a difference between two arms
(comparisons[i].delta.METRIC) relative to the larger of the two arms' means of METRIC, since it
inherits their rounding, not its own. Exit status 1 when a number differs by more, or when the
structure differs (a key, a row or a non-numeric cell).
"""
import argparse
import csv
import json
import math
import re
import sys
from pathlib import Path

VOLATILE = {"wall_seconds", "threads", "ranks", "shards"}


def leaves(node, path=""):
    """(path, value) for every leaf of a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in VOLATILE:
                continue
            yield from leaves(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, f"{path}[{i}]")
    else:
        yield path, node


def csv_cells(path: Path):
    with path.open(newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for r, row in enumerate(rows[1:], start=1):
        for column, cell in zip(header, row):
            yield f"row {r} {column}", cell


def as_number(value):
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def relative(a: float, b: float, scale: float = 0.0) -> float:
    if a == b or (math.isnan(a) and math.isnan(b)):
        return 0.0
    return abs(a - b) / max(abs(a), abs(b), scale)


def delta_scales(summary) -> dict:
    """For each comparison's delta metric, the larger of its two arms' means."""
    scales = {}
    arms = summary.get("arms", {})
    for i, c in enumerate(summary.get("comparisons", [])):
        for metric in c.get("delta", {}):
            means = [abs(((arms.get(a) or {}).get("metrics", {}).get(metric) or {}).get("mean")
                         or 0.0) for a in (c.get("arm"), c.get("versus"))]
            scales[f"comparisons[{i}].delta.{metric}"] = max(means)
    return scales


DELTA = re.compile(r"^(comparisons\[\d+\]\.delta\.[a-z0-9_]+)\.")


def compare_pairs(old, new, label, tolerance, report, scales=None):
    old, new = dict(old), dict(new)
    if old.keys() != new.keys():
        report["structure"].append(f"{label}: keys differ: {sorted(old.keys() ^ new.keys())[:5]}")
        return
    for key, a in old.items():
        b = new[key]
        x, y = as_number(a), as_number(b)
        if x is None or y is None:
            if a != b:
                report["structure"].append(f"{label}: {key}: {a!r} != {b!r}")
            continue
        m = DELTA.match(key)
        d = relative(x, y, (scales or {}).get(m.group(1), 0.0) if m else 0.0)
        report["compared"] += 1
        if d > 0:
            report["moved"] += 1
        if d > report["largest"][0]:
            report["largest"] = (d, f"{label}: {key}: {a} -> {b}")
        if d > tolerance:
            report["beyond"].append(f"{label}: {key}: {a} -> {b} (relative {d:.3g})")


def folders(root: Path):
    if (root / "summary.json").exists():
        return {"": root}
    return {p.name: p for p in sorted(root.iterdir()) if (p / "summary.json").exists()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    report = {"compared": 0, "moved": 0, "largest": (0.0, ""), "beyond": [], "structure": []}
    old_folders, new_folders = folders(args.old), folders(args.new)
    if old_folders.keys() != new_folders.keys():
        print(f"different cases: {sorted(old_folders)} against {sorted(new_folders)}")
        return 1
    for name, old in old_folders.items():
        new = new_folders[name]
        for file in sorted(p.name for p in old.iterdir()):
            label = f"{name}/{file}" if name else file
            if file == "summary.json":
                before = json.loads((old / file).read_text())
                compare_pairs(leaves(before), leaves(json.loads((new / file).read_text())), label,
                              args.tolerance, report, delta_scales(before))
            elif file.endswith(".csv"):
                compare_pairs(csv_cells(old / file), csv_cells(new / file), label,
                              args.tolerance, report)
    print(f"{report['compared']} numbers compared, {report['moved']} moved; largest relative "
          f"difference {report['largest'][0]:.3g} ({report['largest'][1] or 'none'})")
    for line in report["structure"] + report["beyond"]:
        print(line)
    if report["structure"] or report["beyond"]:
        print(f"{len(report['beyond'])} numbers differ by more than {args.tolerance:g}")
        return 1
    print(f"every difference is below {args.tolerance:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
