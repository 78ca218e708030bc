#!/usr/bin/env python3
"""Every digit run of every input has a fate: run `vnreport audit` and check
that each ASCII digit run of the original bytes lies inside an audited span,
that every fate is one the library documents (vnr_document_number() in
vnr-document.h), that a `record` fate names its record, and that no run is
`unplaced` (the fate the library gives a run no stage could place).

A probe first: an input whose fullwidth digits no stage places must come out
`unplaced`, so this check is known to catch the fate it looks for (it once
counted 'unclassified', a fate the library never produced, and could not fail).

usage: check_audit.py VNREPORT FILE...
"""
import os
import re
import subprocess
import sys
import tempfile

# the fates vnr_document_number() returns (libvnreport/recognize: add_fate,
# add_digit_fates, lexicon.def NON_INDICATOR and PERIOD_AFTER; document.c)
FATES = {"record", "date", "year", "period", "document_number", "list_marker", "identifier",
         "footnote_marker", "ordinal", "definition", "unit_part", "bare_number", "range_end",
         "furniture", "out_of_range", "unplaced"}
PROBE = "Sản lượng lúa đạt 45.230 tấn; mã kho １２３ vẫn giữ nguyên.\n"


def audit(cli, path):
    out = subprocess.run([cli, "audit", path], capture_output=True, check=True).stdout
    spans = []
    for row in out.split(b"\n")[1:]:
        if not row:
            continue
        cols = row.split(b"\t")
        off = int(cols[1])
        spans.append((off, off + len(cols[2]), cols[3].decode(), cols[4].decode() if len(cols) > 4 else ""))
    return sorted(spans)


def probe(cli):
    """The check can fail: a run no stage places is reported `unplaced`."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write(PROBE)
    try:
        fates = [s[2] for s in audit(cli, tmp.name)]
    finally:
        os.unlink(tmp.name)
    ok = "unplaced" in fates and "record" in fates
    print(f"probe: fates {fates} -> " + ("unplaced caught" if ok else "FAIL: no 'unplaced' fate to catch"))
    return ok


def main(argv):
    cli, files = argv[1], argv[2:]
    bad = 0 if probe(cli) else 1
    for path in files:
        data = open(path, "rb").read()
        spans = audit(cli, path)
        lost = []
        j = 0
        for m in re.finditer(rb"[0-9]+", data):
            a, b = m.span()
            while j < len(spans) and spans[j][1] <= a:
                j += 1
            covered = any(s[0] < b and a < s[1] for s in spans[max(0, j - 2):j + 3])
            if not covered:
                line = data.count(b"\n", 0, a) + 1
                lost.append(f"{line}:{data[max(0, a - 20):b + 10].decode('utf-8', 'replace')!r}")
        unknown = sorted({s[2] for s in spans} - FATES)
        unplaced = sum(1 for s in spans if s[2] == "unplaced")
        no_index = sum(1 for s in spans if s[2] == "record" and not s[3].isdigit())
        name = path.rsplit("/", 1)[-1]
        print(f"{name}: {len(spans)} numbers audited, {len(lost)} without a fate, {unplaced} unplaced, "
              f"{len(unknown)} unknown fates {unknown}, {no_index} record fates without a record")
        for l in lost[:10]:
            print("  lost", l)
        bad += len(lost) + unplaced + len(unknown) + no_index
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
