#!/usr/bin/env python3
"""Kill tests of the results folder: the writer is killed (SIGKILL) right after its k-th step
(FOLLOWSIM_TEST_KILL_AFTER_STEP=k, a test-only hook of engine/output/atomic_output.cpp), for
every k until the run gets through. After each kill the target folder must hold either the
complete old results or the complete new ones, never a mix and never a half-written file.

Cases: a run over old results and into a new folder, with renameat2(RENAME_EXCHANGE) and
without it (FOLLOWSIM_TEST_NO_RENAME_EXCHANGE=1: there a kill between the two renames may
leave no folder at the target, with the old results whole beside it); and `report` writing
report.html again beside the results. Finally the staging folders the kills left beside a
target are gone after the next run into it.

    kill_test.py FOLLOWSIM SOURCE_DIR
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

RUN = ["run", "scenarios/heimdal.yaml", "--replications", "2", "--threads", "1", "--quiet"]


def files_of(folder: Path):
    """{name: bytes} of a folder, summary.json without its timings; None if there is none."""
    if not folder.exists():
        return None
    files = {}
    for entry in sorted(folder.iterdir()):
        assert entry.is_file() and not entry.is_symlink(), f"unexpected entry {entry}"
        data = entry.read_bytes()
        if entry.name == "summary.json":
            summary = json.loads(data)  # a half-written summary.json fails here
            for key in ("wall_seconds", "threads"):
                summary["run"].pop(key, None)
            data = json.dumps(summary, sort_keys=True).encode()
        files[entry.name] = data
    return files


def beside(target: Path):
    """Staging folders and files of killed writers beside the target."""
    return sorted(p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.followsim-"))


class KillTest:
    def __init__(self, fs: str, source: Path, work: Path):
        self.fs, self.source, self.work = fs, source, work
        self.failures = 0
        self.kills = 0

    def followsim(self, args, kill_after=None, exchange=True):
        env = dict(os.environ)
        env.pop("FOLLOWSIM_TEST_KILL_AFTER_STEP", None)
        env.pop("FOLLOWSIM_TEST_NO_RENAME_EXCHANGE", None)
        if kill_after is not None:
            env["FOLLOWSIM_TEST_KILL_AFTER_STEP"] = str(kill_after)
        if not exchange:
            env["FOLLOWSIM_TEST_NO_RENAME_EXCHANGE"] = "1"
        done = subprocess.run([self.fs, *args], cwd=self.source, env=env, timeout=60,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return done.returncode, done.stderr.decode(errors="replace")

    def fail(self, what):
        self.failures += 1
        print(f"FAILED: {what}")

    def every_step(self, name, prepare, args, old, new, exchange=True):
        """Kills the command after step 1, 2, ... until it completes; checks the target each
        time. `prepare` makes the target as it is before the command (returns its path)."""
        for k in range(1, 500):
            target = prepare()
            code, err = self.followsim(args(target), kill_after=k, exchange=exchange)
            state = files_of(target)
            if code == 0:
                if k <= 5:
                    self.fail(f"{name}: the writer was never stopped (is the test hook gone?)")
                if state != new:
                    self.fail(f"{name}: the completed run did not leave the new results")
                if beside(target):
                    self.fail(f"{name}: the completed run left {beside(target)}")
                print(f"{name}: killed after each of steps 1..{k - 1}, then complete")
                return
            if code != -signal.SIGKILL:
                self.fail(f"{name}, step {k}: exit {code}: {err.strip()}")
                return
            self.kills += 1
            if state == old or state == new:
                continue
            # Without RENAME_EXCHANGE: between the renames, no folder, the old one whole beside.
            if not exchange and state is None and old is not None and \
                    any(files_of(p) == old for p in beside(target)):
                continue
            shown = "no folder" if state is None else sorted(state)
            self.fail(f"{name}, killed after step {k}: neither the old nor the new results: {shown}")
        self.fail(f"{name}: never completed")

    def run_cases(self):
        # The reference results: old (seed 1) and new (seed 2).
        refs = self.work / "refs"
        for seed in ("1", "2"):
            code, err = self.followsim([*RUN, "--seed", seed, "--out", str(refs / seed)])
            assert code == 0, err
        old, new = files_of(refs / "1"), files_of(refs / "2")
        assert old != new

        def fresh(with_old):
            def prepare():
                case = self.work / "case"
                shutil.rmtree(case, ignore_errors=True)
                case.mkdir()
                if with_old:
                    shutil.copytree(refs / "1", case / "out")
                return case / "out"
            return prepare

        def run_to(target):
            return [*RUN, "--seed", "2", "--out", str(target)]

        for exchange in (True, False):
            how = "rename exchange" if exchange else "two renames"
            self.every_step(f"run over old results ({how})", fresh(True), run_to, old, new, exchange)
            self.every_step(f"run into a new folder ({how})", fresh(False), run_to, None, new, exchange)

        # report: report.html again, the other files kept.
        stale_page = dict(old, **{"report.html": b"stale page\n"})

        def stale_report():
            target = fresh(True)()
            (target / "report.html").write_bytes(b"stale page\n")
            return target

        self.every_step("report", stale_report, lambda t: ["report", str(t)], stale_page, old)

        # What kills leave beside a target goes with the next complete run into it.
        target = fresh(True)()
        for k in (3, 12, 25):
            self.followsim(run_to(target), kill_after=k)
        if not beside(target):
            self.fail("the kills left nothing beside the target to clean up (the test is void)")
        code, err = self.followsim(run_to(target))
        if code != 0 or files_of(target) != new or beside(target):
            self.fail(f"the run after kills: exit {code}, left {beside(target)}: {err.strip()}")


def main() -> int:
    fs, source = sys.argv[1], Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as work:
        test = KillTest(fs, source, Path(work))
        test.run_cases()
    print(f"{test.kills} kills checked, {test.failures} failed")
    return 1 if test.failures else 0


if __name__ == "__main__":
    sys.exit(main())
