"""`pip install .` as the README says it, into a fresh venv made with --system-site-packages,
and the wheel that `python3 -m build --wheel --no-isolation` makes: each installed package is
imported from outside the source tree and runs a scenario.

The extension is taken from the CMake build under test (FOLLOWSIM_BUILD_DIR, see setup.py),
so the test checks the packaging without compiling the engine a second time.

Usage: pip_install_test.py SOURCE_DIR BUILD_DIR
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

source, build = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
environment["FOLLOWSIM_BUILD_DIR"] = str(build)

# Run from outside the source tree: the import must find the installed package, not the source.
CHECK = f"""
import sys
import followsim
from pathlib import Path
here = Path(followsim.__file__).resolve()
assert here.is_relative_to(Path(sys.prefix).resolve()), here
assert not here.is_relative_to(Path({str(source)!r})), here
sc = followsim.Scenario.load({str(source / "scenarios" / "heimdal.yaml")!r}).set_value("pathways.in_house.caseworkers", 5)
res = followsim.run(sc, replications=5, threads=1)
assert res.metric("persons").loc["in_house", "mean"] > 100
from importlib.metadata import version
assert version("followsim") == followsim.__version__, (version("followsim"), followsim.__version__)
print("imported", here, "and ran", res.scenario.name)
"""


def run(*command, cwd):
    print("$", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], cwd=cwd, env=environment, check=True)


def fresh_venv(folder):
    run("/usr/bin/python3", "-m", "venv", "--system-site-packages", folder, cwd=folder.parent)
    return folder / "bin" / "python"


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    python = fresh_venv(tmp / "venv")
    run(python, "-m", "pip", "install", "--no-cache-dir", "--no-build-isolation", "--no-index", source, cwd=tmp)
    run(python, "-c", CHECK, cwd=tmp)

    run("/usr/bin/python3", "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp / "dist", source, cwd=tmp)
    wheels = list((tmp / "dist").glob("followsim-*.whl"))
    assert len(wheels) == 1, wheels
    python = fresh_venv(tmp / "venv-wheel")
    run(python, "-m", "pip", "install", "--no-cache-dir", "--no-index", wheels[0], cwd=tmp)
    run(python, "-c", CHECK, cwd=tmp)
print("pip install . and the wheel both install a followsim that imports and runs")
