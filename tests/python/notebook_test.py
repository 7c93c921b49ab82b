"""The example notebooks (examples/*.ipynb): stored without outputs, and executed top to bottom
with nbclient and Debian's ipykernel, failing on any error. The executed notebooks must show
what they promise: the charts inline as Vega-Lite, the calibration's figure.

Usage: notebook_test.py SOURCE_DIR (PYTHONPATH must find the followsim package)
"""

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

VEGA_LITE = "application/vnd.vegalite.v5+json"
source = Path(sys.argv[1]).resolve()
examples = source / "examples"
# Each notebook and the outputs it must have after running: (mime type, at least how many).
expected = {"heimdal.ipynb": (VEGA_LITE, 4), "calibration.ipynb": ("image/png", 1)}
failures = []

with tempfile.TemporaryDirectory() as tmp:
    # The kernel's connection files and IPython's profile in a scratch folder, not $HOME.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(Path(tmp) / "runtime")
    os.environ["IPYTHONDIR"] = str(Path(tmp) / "ipython")
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend draws the figures
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # the debugger's note on frozen modules
    found = sorted(p.name for p in examples.glob("*.ipynb"))
    if found != sorted(expected):
        failures.append(f"examples/ has {found}, the test knows {sorted(expected)}")
    for name, (mime, at_least) in expected.items():
        notebook = nbformat.read(examples / name, as_version=4)
        nbformat.validate(notebook)
        # Stored stripped: no outputs, no execution counts, no widget state.
        for i, cell in enumerate(notebook.cells):
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
                failures.append(f"{name}: cell {i} is stored with outputs (strip them before committing)")
        if "widgets" in notebook.metadata:
            failures.append(f"{name}: stored with widget state")
        try:
            NotebookClient(notebook, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(examples)}}).execute()
        except Exception as error:  # noqa: BLE001 - any failure of a cell fails the test
            failures.append(f"{name}: {type(error).__name__}: {error}")
            continue
        shown = sum(mime in output.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
                    for output in cell.outputs)
        if shown < at_least:
            failures.append(f"{name}: {shown} outputs of {mime}, expected at least {at_least}")
        print(f"ok: {name} ran; {shown} outputs of {mime}")

for failure in failures:
    print(f"FAILED: {failure}")
sys.exit(1 if failures else 0)
