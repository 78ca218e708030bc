"""Python's Document.check() and vnreport.panel() give what `vnreport check`
and `vnreport panel` print, and the indicator keys reach Python."""
import json
import math
import subprocess

import pytest

import vnreport
from conftest import CLI, SOURCE_ROOT, all_reports

PLANTED = SOURCE_ROOT / "tests" / "check" / "planted.txt"


def cli_findings(path):
    out = subprocess.run([CLI, "check", "--format", "jsonl", str(path)],
                         capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line]


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize("path", [PLANTED] + all_reports(), ids=lambda p: p.name)
def test_check_matches_cli(path):
    got = vnreport.parse_file(path).check()
    want = cli_findings(path)
    assert [(f.check, f.line_a, f.line_b) for f in got] == \
           [(w["check"], w["line_a"], w["line_b"]) for w in want]
    for f, w in zip(got, want):
        assert close(f.found, w["found"]) and close(f.expected, w["expected"])
        assert close(f.tolerance, w["tolerance"])
        assert f.record_a.value == w["value_a"] and f.record_b.value == w["value_b"]


def test_check_planted_finds_25():
    findings = vnreport.parse_file(PLANTED).check()
    assert len(findings) == 25
    f = findings[0]
    assert isinstance(f, vnreport.Finding)
    assert (f.check, f.line_a, f.record_a.value, f.record_b.value) == \
           ("restated_change", 4, 177078, 1.69)
    assert abs(f.expected - 0.6926) < 1e-3 and f.tolerance < 0.01


@pytest.mark.parametrize("path", all_reports(), ids=lambda p: p.name)
def test_panel_matches_cli(path):
    out = subprocess.run([CLI, "panel", "--format", "jsonl", str(path)], check=True,
                         capture_output=True, text=True).stdout
    want = [json.loads(line) for line in out.splitlines() if line]
    got = vnreport.panel(path, as_dataframe=False)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        for column in vnreport.PANEL_COLUMNS:
            assert g[column] == w[column], (column, g, w)


def test_panel_dataframe_and_keys():
    doc = vnreport.parse("Tổng sản phẩm trên địa bàn (GRDP) tăng 6,5% so với cùng kỳ. "
                         "Sản lượng lúa vụ đông xuân đạt 120.500 tấn.", doc="t.txt")
    keys = [(r.indicator_key, r.subject_key) for r in doc]
    assert keys == [("grdp.growth", None), ("agri.crop.output", "rice.winter_spring")]
    assert doc[0].as_dict()["indicator_key"] == "grdp.growth"
    df = vnreport.panel([doc])
    assert list(df.columns) == list(vnreport.PANEL_COLUMNS)
    assert df.indicator_key.tolist() == ["grdp.growth", "agri.crop.output"]
