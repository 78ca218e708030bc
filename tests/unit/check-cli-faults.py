#!/usr/bin/env python3
"""The smaller faults of issue 18, through the CLI as a user meets them.

usage: check-cli-faults.py VNREPORT SAMPLE-REPORT

- a command whose output cannot be written (> /dev/full) exits non-zero;
- 35 scale words multiply past the range of numbers: an error, not inf;
- escape characters of a unit name never reach the terminal raw;
- `1e308 tỷ đồng` is no record of 1 "e308";
- a 10,000-digit number is audited as out_of_range, not a record of null;
- UTF-8 read with --encoding utf-16le warns, real UTF-16LE does not.
"""
import json
import os
import subprocess
import sys
import tempfile

failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


def run(args, stdout=subprocess.PIPE, stdin=None):
    return subprocess.run([VNREPORT] + args, stdout=stdout, stderr=subprocess.PIPE,
                          stdin=stdin)


def write(tmp, name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def test_full_disk():
    with open("/dev/full", "wb") as full:
        for args in (["audit", SAMPLE], ["extract", SAMPLE], ["units"],
                     ["convert", "1", "ha", "m2"]):
            p = run(args, stdout=full)
            check(p.returncode != 0, "%s > /dev/full exits 0" % args[0])
            check(b"cannot write output" in p.stderr,
                  "%s > /dev/full says nothing: %r" % (args[0], p.stderr))


def test_scale_chain():
    unit = "tỷ " * 35 + "đồng"
    p = run(["convert", "1", unit, "đồng"])
    check(p.returncode != 0, "35 scale words convert (%r)" % p.stdout)
    check(b"out of range" in p.stderr, "35 scale words: message %r" % p.stderr)
    check(b"inf" not in p.stdout and b"nan" not in p.stdout, "non-finite output")
    p = run(["convert", "1", unit, unit])
    check(p.returncode != 0 and b"nan" not in p.stdout, "unit into itself: %r" % p.stdout)


def test_escape_characters():
    p = run(["convert", "1", "kg\x1b[2J\x1b]0;pwned\x07", "g"])
    check(p.returncode != 0, "unknown unit converts")
    check(all(b not in p.stderr for b in (b"\x1b", b"\x07")), "raw escape: %r" % p.stderr)


def records(path):
    p = run(["extract", path])
    check(p.returncode == 0, "extract %s: %r" % (path, p.stderr))
    lines = [json.loads(line) for line in p.stdout.decode().splitlines()]
    return [r for r in lines if r["type"] == "record"]


def audit(path):
    p = run(["audit", path])
    rows = [line.split("\t") for line in p.stdout.decode().splitlines()[1:]]
    return {row[2]: row[3] for row in rows}


def test_numbers(tmp):
    path = write(tmp, "e308.txt", "Doanh thu đạt 1e308 tỷ đồng.\n".encode())
    check(all(r["unit"] != "e308" for r in records(path)), "1e308: a record in unit e308")
    check(audit(path).get("308") == "identifier", "1e308: 308 is %r" % audit(path).get("308"))
    digits = "9" * 10000
    path = write(tmp, "long.txt", ("Sản lượng đạt %s tấn.\n" % digits).encode())
    check(all(r["value"] is not None for r in records(path)), "a record with value null")
    check(audit(path).get(digits) == "out_of_range",
          "10,000 digits: fate %r" % audit(path).get(digits))


def test_utf16_warning(tmp):
    p = run(["extract", "--encoding", "utf-16le", SAMPLE])
    check(b"warning" in p.stderr and b"utf-16le" in p.stderr,
          "UTF-8 read as UTF-16LE: no warning (%r)" % p.stderr)
    with open(SAMPLE, encoding="utf-8") as f:
        text = f.read()
    path = write(tmp, "u16.txt", text.encode("utf-16-le"))
    p = run(["extract", "--encoding", "utf-16le", path])
    check(p.returncode == 0 and b"warning" not in p.stderr, "real UTF-16LE warns: %r" % p.stderr)


if __name__ == "__main__":
    VNREPORT, SAMPLE = sys.argv[1], sys.argv[2]
    test_full_disk()
    test_scale_chain()
    test_escape_characters()
    with tempfile.TemporaryDirectory() as tmp:
        test_numbers(tmp)
        test_utf16_warning(tmp)
    print("check-cli-faults: %d failed" % failures)
    sys.exit(1 if failures else 0)
