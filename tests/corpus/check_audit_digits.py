#!/usr/bin/env python3
"""Every digit run of every input is in the audit, whatever its script:
ASCII, superscript and subscript digits (footnote markers, m², m³, H₂O),
fullwidth, Arabic-Indic, Devanagari, … (issue 18). A run no stage could
place is listed with the fate "unplaced", and the audit's summary line on
stderr counts them.

usage: check_audit_digits.py VNREPORT FILE-OR-DIR...
(directories: their *.txt files; a file that is not UTF-8 is skipped with a
note, since its digit runs cannot be found here without decoding it)
"""
import os
import subprocess
import sys
import tempfile
import unicodedata

EXTRA_DIGITS = set("²³¹⁰⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉")

# Written here, in the reports' style: each kind of digit once.
MIXED = (
    "Diện tích nhà ở bình quân 25 m²/người; bể chứa 3 m³ nước sạch¹.\n"
    "Số liệu ghi theo khổ toàn chiều rộng １２３ tấn, chữ số Ả Rập ٤٥ và Devanagari ५६.\n"
    "Ghi chú²³: hợp chất H₂O, độ lớn 10⁶ đồng.\n"
)


def is_digit(ch):
    return ch in EXTRA_DIGITS or unicodedata.category(ch) == "Nd"


def digit_runs(text):
    """(byte offset, byte length, run) of every maximal run of digits."""
    runs, i, n = [], 0, len(text)
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    while i < n:
        if not is_digit(text[i]):
            i += 1
            continue
        j = i
        while j < n and is_digit(text[j]):
            j += 1
        runs.append((offsets[i], offsets[j] - offsets[i], text[i:j]))
        i = j
    return runs


def audit(cli, path):
    p = subprocess.run([cli, "audit", path], capture_output=True, check=True)
    spans = []
    for row in p.stdout.decode("utf-8").split("\n")[1:]:
        if row:
            cols = row.split("\t")
            spans.append((int(cols[1]), int(cols[1]) + len(cols[2].encode("utf-8")), cols[3]))
    return sorted(spans), p.stderr.decode("utf-8")


def check_file(cli, path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        print(f"note: {path}: not UTF-8, skipped")
        return 0
    if text.startswith("\ufeff"):
        return 0   # offsets would shift by the BOM; the corpus has none
    spans, summary = audit(cli, path)
    lost = []
    for off, length, run in digit_runs(text):
        if not any(a < off + length and off < b or a == off for a, b, _ in spans):
            line = text.count("\n", 0, len(data[:off].decode("utf-8"))) + 1
            lost.append(f"line {line}: {run!r}")
    unplaced = sum(1 for s in spans if s[2] == "unplaced")
    if "unplaced" not in summary or f"{unplaced} unplaced" not in summary:
        lost.append(f"summary line does not count {unplaced} unplaced: {summary!r}")
    name = os.path.basename(path)
    print(f"{name}: {len(spans)} audited, {unplaced} unplaced, {len(lost)} missing")
    for item in lost[:10]:
        print("  missing", item)
    return len(lost)


def main(argv):
    cli, inputs = argv[1], argv[2:]
    files = []
    for p in inputs:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".txt"))
        elif os.path.exists(p):
            files.append(p)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        mixed = os.path.join(tmp, "digit-scripts.txt")
        with open(mixed, "w", encoding="utf-8") as f:
            f.write(MIXED)
        bad += check_file(cli, mixed)
        spans, _ = audit(cli, mixed)
        fates = {MIXED.encode("utf-8")[a:b].decode("utf-8"): fate for a, b, fate in spans}
        for run, fate in (("²", "unit_part"), ("³", "unit_part"), ("１２３", "unplaced"),
                          ("٤٥", "unplaced"), ("५६", "unplaced"), ("₂", "unplaced")):
            if fates.get(run) != fate:
                print(f"FAIL: {run!r} has fate {fates.get(run)!r}, expected {fate!r}")
                bad += 1
    for path in files:
        bad += check_file(cli, path)
    print("check_audit_digits: %d missing" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
