"""The code base stays ruff-clean (lint and format), as configured in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff_clean(args):
    # The ruff installed next to the Python running the tests (the dev requirements pin it).
    ruff = str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sys.version_info >= (3, 11)
