#!/usr/bin/env python3
"""`vnreport check` finds every planted inconsistency and nothing else.

usage: check_planted.py VNREPORT DIR

DIR holds planted.txt (pairs of lines: a consistent control, then the same
statement with one number changed) and planted.expected. Each finding must
carry both numbers, the expected value and a tolerance smaller than the gap.
"""
import json
import subprocess
import sys
from pathlib import Path


def main():
    cli, d = sys.argv[1], Path(sys.argv[2])
    expected = set()
    for line in (d / "planted.expected").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b, kind = line.split()
            expected.add((int(a), int(b), kind))
    assert len(expected) >= 20, "at least 20 planted inconsistencies"
    out = subprocess.run([cli, "check", "--format", "jsonl", str(d / "planted.txt")],
                         capture_output=True, text=True)
    assert out.returncode == 1, ("findings give exit status 1", out.returncode, out.stderr)
    findings = [json.loads(l) for l in out.stdout.splitlines() if l]
    got = set()
    for f in findings:
        assert f["type"] == "finding"
        for field in ("value_a", "value_b", "found", "expected", "tolerance", "text_a", "text_b"):
            assert f[field] is not None, (field, f)
        assert abs(f["found"] - f["expected"]) > f["tolerance"], f
        got.add((f["line_a"], f["line_b"], f["check"]))
    missed, false_alarms = expected - got, got - expected
    for m in sorted(missed):
        print("missed:", m)
    for m in sorted(false_alarms):
        print("false alarm:", m)
    # the controls alone: no finding, exit status 0
    controls = [l for i, l in enumerate((d / "planted.txt").read_text(encoding="utf-8").splitlines(), 1)
                if not any(i == a or i == b for a, b, _ in expected)]
    ok = subprocess.run([cli, "check", "-"], input="\n".join(controls) + "\n",
                        capture_output=True, text=True)
    if ok.returncode != 0 or ok.stdout:
        print("controls raised:", ok.stdout, ok.stderr)
    passed = not missed and not false_alarms and ok.returncode == 0 and not ok.stdout
    print("check planted: %d planted, %d found, %d false alarms" %
          (len(expected), len(expected & got), len(false_alarms)))
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
