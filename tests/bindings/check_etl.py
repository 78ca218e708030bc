#!/usr/bin/env python3
"""Run the Lua ETL example (examples/lua/etl.lua) on a folder of reports and
check its output row by row against the CLI's JSON Lines for the same files:
CSV always, SQLite too when lua-sql-sqlite3 is installed for that Lua.

usage: check_etl.py LUA ETL_SCRIPT CLI OUTPUT_DIR REPORT_DIR...
"""
import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

FIELDS = ["doc", "statement", "line", "col", "offset", "length", "section", "subject",
          "indicator", "role", "value", "value_max", "total", "unit", "canonical_value",
          "canonical_unit", "dimension", "qualifier", "estimate", "baseline", "period", "text", "page",
          "indicator_key", "subject_key"]


def expected_rows(cli, report_dir):
    """(province, record) for every record of every *.txt, in the ETL's order."""
    rows = []
    for path in sorted(Path(report_dir).glob("*.txt"), key=lambda p: str(p).encode()):
        out = subprocess.run([cli, "extract", "--format", "jsonl", str(path)], check=True,
                             capture_output=True, text=True).stdout
        lines = [json.loads(line) for line in out.splitlines() if line]
        rows += [(lines[0]["province"], rec) for rec in lines[1:]]
    return rows


def same(field, got, expected):
    """got: a CSV cell (str) or an SQLite value; expected: the JSON value."""
    if expected is None:
        return got in ("", None)
    if field == "section":
        return got == " > ".join(expected)
    if field == "estimate":
        return got == ("true" if expected else "false")
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return got not in ("", None) and float(got) == expected
    return got == expected


def compare(rows, expected, what):
    assert len(rows) == len(expected), "%s: %d rows, CLI has %d" % (what, len(rows), len(expected))
    for i, (row, (province, rec)) in enumerate(zip(rows, expected)):
        assert same("province", row["province"], province), (what, i, "province")
        for field in FIELDS:
            assert same(field, row[field], rec[field]), (what, i, field, row[field], rec[field])


def run_etl(lua, script, report_dir, output):
    env = dict(os.environ)
    if "VNREPORT_CHILD_ASAN_OPTIONS" in env:  # sanitized build: leak-check Lua
        env["ASAN_OPTIONS"] = env["VNREPORT_CHILD_ASAN_OPTIONS"]
    run = subprocess.run([lua, script, report_dir, str(output)], capture_output=True,
                         text=True, env=env)
    assert run.returncode == 0, run.stderr
    return run.stderr


def has_luasql(lua):
    probe = subprocess.run([lua, "-e", "require 'luasql.sqlite3'"], capture_output=True)
    return probe.returncode == 0


def main(lua, script, cli, output_dir, *report_dirs):
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    sqlite = has_luasql(lua)
    for n, report_dir in enumerate(report_dirs):
        expected = expected_rows(cli, report_dir)
        csv_path = out / ("records-%d.csv" % n)
        run_etl(lua, script, report_dir, csv_path)
        with open(csv_path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == ["province"] + FIELDS, reader.fieldnames
            compare(list(reader), expected, str(csv_path))
        print("ETL %s -> CSV: %d rows match the CLI" % (report_dir, len(expected)))
        if sqlite:
            db_path = out / ("records-%d.sqlite" % n)
            run_etl(lua, script, report_dir, db_path)
            con = sqlite3.connect(str(db_path))
            con.row_factory = sqlite3.Row
            rows = [dict(r) for r in con.execute("SELECT * FROM records ORDER BY rowid")]
            compare(rows, expected, str(db_path))
            docs = con.execute("SELECT COUNT(*), SUM(records) FROM documents").fetchone()
            assert docs[1] == len(expected), docs
            con.close()
            print("ETL %s -> SQLite: %d rows match the CLI" % (report_dir, len(expected)))
    if not sqlite:
        print("lua-sql-sqlite3 not installed for %s: SQLite output not checked" % lua)


if __name__ == "__main__":
    main(*sys.argv[1:])
