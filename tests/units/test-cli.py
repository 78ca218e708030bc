#!/usr/bin/python3
"""`vnreport convert` and `vnreport units`: outputs, exit codes, one-line
errors naming the offending unit.

usage: test-cli.py VNREPORT
"""
import subprocess
import sys

# (arguments after `convert`, exit status, stdout, text stderr must contain)
CONVERT = [
    (["5420", "nghìn con", "con"], 0, "5420000\n", ""),
    (["30,37", "tạ/ha", "tấn/ha"], 0, "3.037\n", ""),
    (["177078", "ha", "km2"], 0, "1770.78\n", ""),
    (["5.420", "nghìn con", "con"], 0, "5420000\n", "'.' groups thousands"),
    (["1.151.996", "triệu đồng", "tỷ đồng"], 0, "1151.996\n", ""),
    (["1.234,5", "tấn", "kg"], 0, "1234500\n", ""),
    (["3.5", "tấn", "kg"], 0, "3500\n", ""),
    (["0,1", "tấn", "kg"], 0, "100\n", ""),
    (["1", "ngày", "giờ"], 0, "24\n", ""),
    (["196,41", "Triệu Kwh", "GWh"], 0, "196.41\n", ""),
    (["1", "nghìn tỷ đồng", "VND"], 0, "1000000000000\n", ""),
    (["0.1", "tấn", "kg"], 0, "100\n", ""),
    (["1", "ha", "tấn"], 1, "", "incompatible dimensions"),
    (["1", "ha", "tấn"], 1, "", "'ha' (area, m2) to 'tấn' (mass, kg)"),
    (["1", "xyz", "m"], 1, "", "unknown unit 'xyz'"),
    (["1", "tạ//ha", "m"], 1, "", "empty part at byte 5 of unit 'tạ//ha'"),
    (["1", "USD", "VND"], 1, "", "no exchange rate from USD to VND"),
    (["abc", "m", "km"], 2, "", "'abc' is not a number"),
    (["1", "m"], 2, "", "usage"),
]


def run(vnreport, args):
    return subprocess.run([vnreport] + args, capture_output=True, text=True)


def main(argv):
    vnreport = argv[1]
    failures = 0
    for args, status, out, err in CONVERT:
        r = run(vnreport, ["convert"] + args)
        ok = r.returncode == status and (not out or r.stdout == out) and err in r.stderr
        if status != 0:
            ok = ok and r.stdout == "" and r.stderr.count("\n") == 1
        if not ok:
            failures += 1
            print(f"FAIL convert {args}: exit {r.returncode}, stdout {r.stdout!r}, "
                  f"stderr {r.stderr!r}; want exit {status}, stdout {out!r}, stderr ~{err!r}")

    r = run(vnreport, ["units"])
    lines = r.stdout.splitlines()
    if r.returncode != 0 or not lines[0].startswith("NAME") or \
            not any(l.startswith("sào ") and " 360 " in l for l in lines):
        failures += 1
        print(f"FAIL units: exit {r.returncode}, {len(lines)} lines")
    r = run(vnreport, ["units", "--dimension", "area", "--region", "south"])
    rows = r.stdout.splitlines()[1:]
    if r.returncode != 0 or not rows or any(" area " not in l for l in rows) or \
            not any(l.startswith("sào ") and " 1000 " in l for l in rows):
        failures += 1
        print(f"FAIL units --dimension area --region south: {r.stdout!r}")
    for args in (["--dimension", "nothing"], ["--bogus"], ["--region", "east"]):
        r = run(vnreport, ["units"] + args)
        if r.returncode == 0 or r.stderr.count("\n") != 1:
            failures += 1
            print(f"FAIL units {args}: exit {r.returncode}, stderr {r.stderr!r}")
    print(f"{len(CONVERT) + 5} CLI checks, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
