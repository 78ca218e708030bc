#!/usr/bin/env python3
"""Every digit run of every input has a fate: run `vnreport audit` and check
that each ASCII digit run of the original bytes lies inside an audited span,
and that no fate is 'unclassified'.

usage: check_audit.py VNREPORT FILE...
"""
import re
import subprocess
import sys


def main(argv):
    cli, files = argv[1], argv[2:]
    bad = 0
    for path in files:
        data = open(path, "rb").read()
        out = subprocess.run([cli, "audit", path], capture_output=True, check=True).stdout
        spans = []
        for row in out.split(b"\n")[1:]:
            if not row:
                continue
            cols = row.split(b"\t")
            off = int(cols[1])
            spans.append((off, off + len(cols[2]), cols[3].decode()))
        spans.sort()
        fates = [s[2] for s in spans]
        lost = []
        j = 0
        for m in re.finditer(rb"[0-9]+", data):
            a, b = m.span()
            while j < len(spans) and spans[j][1] <= a:
                j += 1
            covered = any(s[0] <= a and b <= s[1] + 0 or (s[0] < b and a < s[1])
                          for s in spans[max(0, j - 2):j + 3])
            if not covered:
                line = data.count(b"\n", 0, a) + 1
                lost.append(f"{line}:{data[max(0, a - 20):b + 10].decode('utf-8', 'replace')!r}")
        unclassified = fates.count("unclassified")
        name = path.rsplit("/", 1)[-1]
        print(f"{name}: {len(spans)} numbers audited, {len(lost)} without a fate, {unclassified} unclassified")
        for l in lost[:10]:
            print("  lost", l)
        bad += len(lost) + unclassified
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
