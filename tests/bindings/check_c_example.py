#!/usr/bin/env python3
"""Run the C example (examples/c/summary.c) on the sample reports and check
what it prints against the CLI: one block per report with its metadata, one
line per "level" record, and the conversion at the end.

usage: check_c_example.py EXAMPLE CLI REPORT...
"""
import json
import os
import re
import subprocess
import sys


def cli_jsonl(cli, path):
    out = subprocess.run([cli, "extract", "--format", "jsonl", path], check=True,
                         capture_output=True, text=True).stdout
    lines = [json.loads(line) for line in out.splitlines() if line]
    return lines[0], lines[1:]


def main(example, cli, *reports):
    env = dict(os.environ)
    if "VNREPORT_CHILD_ASAN_OPTIONS" in env:  # sanitized build: leak-check the example
        env["ASAN_OPTIONS"] = env["VNREPORT_CHILD_ASAN_OPTIONS"]
    run = subprocess.run([example, *reports], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert re.match(r"libvnreport \d+\.\d+\.\d+\n", out), out[:80]
    blocks = re.split(r"\n(?=\S)", out.split("\n", 1)[1])
    for report in reports:
        document, records = cli_jsonl(cli, report)
        block = next(b for b in blocks if b.startswith(document["doc"] + "\n"))
        for field in ("province", "number", "date", "period", "kind"):
            assert re.search(r"\n  %s +%s\n" % (field, re.escape(document[field] or "-")), block), field
        assert "\n  records   %d\n" % len(records) in block
        levels = [r for r in records if r["role"] == "level"]
        shown = re.findall(r"\n  line (\d+) ", block)
        assert [int(n) for n in shown] == [r["line"] for r in levels], (shown, levels)
    assert out.rstrip().endswith("177078 ha = 1770.78 km2"), out[-200:]
    print("C example: %d reports checked" % len(reports))


if __name__ == "__main__":
    main(*sys.argv[1:])
