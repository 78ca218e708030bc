"""Shared fixtures of the Python binding tests.

The build passes where things are through the environment (tests/bindings/
meson.build): PYTHONPATH holds the uninstalled package, VNREPORT_CLI the
`vnreport` command, VNREPORT_DATA the sample reports, VNREPORT_CORPUS the
shared corpus when it exists. Run by hand:

    PYTHONPATH=build/bindings/python VNREPORT_CLI=build/vnreport \
    VNREPORT_DATA=examples/data /usr/bin/python3 -m pytest tests/bindings/python
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SOURCE_ROOT = HERE.parents[2]

CLI = os.environ.get("VNREPORT_CLI", str(SOURCE_ROOT / "build" / "vnreport"))
DATA_DIR = Path(os.environ.get("VNREPORT_DATA", SOURCE_ROOT / "examples" / "data"))
CORPUS_DIR = Path(os.environ.get("VNREPORT_CORPUS", SOURCE_ROOT.parent / "shared" / "corpus"))


def sample_reports():
    files = sorted(DATA_DIR.glob("*.txt"))
    assert files, "no sample reports in %s" % DATA_DIR
    return files


def corpus_reports():
    return sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []


def all_reports():
    return sample_reports() + corpus_reports()


def cli_jsonl(path, *args):
    """(document object, [record objects]) printed by `vnreport extract`."""
    out = subprocess.run([CLI, "extract", "--format", "jsonl", *args, str(path)],
                         check=True, capture_output=True).stdout
    lines = [json.loads(line) for line in out.decode("utf-8").splitlines() if line]
    assert lines and lines[0]["type"] == "document"
    assert all(obj["type"] == "record" for obj in lines[1:])
    return lines[0], lines[1:]


@pytest.fixture(scope="session")
def sample_path():
    return DATA_DIR / "sample-report.txt"


@pytest.fixture(scope="session")
def sample_text(sample_path):
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def cli():
    assert Path(CLI).exists(), "vnreport CLI not found at %s" % CLI
    return CLI
