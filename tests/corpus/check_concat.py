#!/usr/bin/env python3
"""Concatenated reports give the records of the reports parsed apart (issue 13).

usage: check_concat.py VNREPORT SHARED_DIR

The five corpus reports are joined into one file; `vnreport extract` over it must
give the same number of records as the five files parsed one by one, and the same
value, unit and role for each, in order. A signature block ends one report's
furniture; the next report is read again. Skips (exit 77) when SHARED_DIR has no
corpus.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile


def records(cli, path):
    out = subprocess.run([cli, "extract", "--format", "jsonl", path], check=True,
                         capture_output=True, text=True).stdout
    return [(r["value"], r["unit"], r["role"]) for r in map(json.loads, out.splitlines())
            if r.get("type") == "record"]


def main(argv):
    cli, shared = argv[1], argv[2]
    files = sorted(glob.glob(os.path.join(shared, "corpus", "*.txt")))
    if not files:
        print("no corpus in", shared, "- skipped")
        return 77
    apart = []
    joined = b""
    for f in files:
        apart += records(cli, f)
        with open(f, "rb") as fh:
            data = fh.read()
        joined += data if data.endswith(b"\n") else data + b"\n"
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as tmp:
        tmp.write(joined)
    try:
        together = records(cli, tmp.name)
    finally:
        os.unlink(tmp.name)
    if len(together) != len(apart):
        print(f"FAIL: {len(together)} records concatenated, {len(apart)} apart")
        return 1
    diff = [(i, a, b) for i, (a, b) in enumerate(zip(apart, together)) if a != b]
    for i, a, b in diff[:10]:
        print(f"FAIL: record {i}: apart {a}, concatenated {b}")
    print(f"concatenated: {len(together)} records, {len(diff)} differ in value, unit or role")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
