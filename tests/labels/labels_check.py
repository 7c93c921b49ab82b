#!/usr/bin/env python3
"""Every label key the engine asks for (text("…") or say("…")) is in the one table of labels,
engine/output/labels.cpp, with an English and a Norwegian text; a missing key would print as
itself. Usage: labels_check.py SOURCE_DIR"""
import re
import sys
from pathlib import Path

source = Path(sys.argv[1])
table = (source / "engine/output/labels.cpp").read_text()
entries = set(re.findall(r"\{\"([^\"]+)\",\s*\"", table))
# Any string that looks like a label key, wherever it is (a call, a variable, a condition).
prefixes = "report|chart|cli|compare|sweep|table|decision|optimise"
used = set()
for path in list((source / "engine/output").rglob("*.cpp")) + [source / "engine/cli/main.cpp"]:
    if path.name == "labels.cpp":
        continue
    used |= set(re.findall(rf'"((?:{prefixes})\.[a-z_]+)"', path.read_text()))
used -= {"sweep.csv"}  # a file name, not a label
# Keys made from a code: ICER statuses and dampack's frontier codes.
used |= {f"icer.{s}" for s in ("ratio", "dominant", "dominated", "no_difference")}
used |= {f"frontier.{c}" for c in ("ND", "D", "ED")}
missing = sorted(k for k in used if k not in entries)
for key in missing:
    print(f"label missing from engine/output/labels.cpp: {key}")
print(f"labels: {len(used)} keys used, {len(missing)} missing")
sys.exit(1 if missing else 0)
