import os
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("FOLLOWSIM_SOURCE_DIR", Path(__file__).resolve().parents[3]))
CLI = os.environ.get("FOLLOWSIM_CLI", str(SOURCE / "build" / "followsim"))


@pytest.fixture
def heimdal_path():
    return str(SOURCE / "scenarios" / "heimdal.yaml")


@pytest.fixture
def source():
    return SOURCE


@pytest.fixture
def cli():
    return CLI
