#!/usr/bin/python3
"""The scorer's unit table is the oracle for canonical units and factors:
libvnreport's units_resolve() (as the recognizer calls it) must give the
same canonical unit and factor as eval/score.py's canon() for every unit
that table knows, with every scale word, in compounds, and for the units of
the development gold set.

usage: check-score-oracle.py UNITS-RESOLVE-PROGRAM SCORE.PY GOLD.JSONL
Exit 77 (skip) when the shared eval directory is not there.
"""
import importlib.util
import json
import os
import subprocess
import sys

# Deliberate differences, each with its reason.
KNOWN_DIFFERENCES = {
    # score.py divides a part by its leading count, so it reads "/100 dân" as
    # ×100; 84 thuê bao per 100 people is 0.84 per person (SPEC §5 example
    # "bác sĩ/1 vạn dân" has count 1, where both agree).
    "thuê bao/100 dân": "leading count N ≠ 1",
    "giường bệnh/100 dân": "leading count N ≠ 1",
    # typo alias for tạ/ha: score.py keeps the typo as a count noun.
    "tạ/hạ": "typo alias",
}


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cases(score, gold_path):
    units = list(score.UNITS)
    scales = [w for w, _ in score.SCALE]
    out = set(units)
    for s in scales:
        out.add(s)
        for u in units:
            out.add(f"{s} {u}")
    for a in ["tạ", "tấn", "kg", "đồng", "triệu đồng", "tỷ đồng", "usd", "kwh", "%", "m3"]:
        for b in ["ha", "người", "người/năm", "năm", "kg", "m2", "1 vạn dân", "vạn dân", "hộ", "xã"]:
            out.add(f"{a}/{b}")
    out.update(["Triệu Kwh", "KWh", "Kg", "VNĐ", "MW", "HTX", "nghìn con", "lượt khách",
                "bác sĩ/1 vạn dân", "giường bệnh/vạn dân", "thuê bao/100 dân", "%/năm",
                "kg/người/năm", "triệu đồng/người/năm", "điểm phần trăm", "tạ/hạ",
                "triệu lượt HK.Km", "triệu Tấn.Km", "nghìn tỷ đồng", "ngàn tỉ đồng"])
    if gold_path and os.path.exists(gold_path):
        with open(gold_path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line:
                    g = json.loads(line)
                    if "unit" in g:
                        out.add(g["unit"])
    return sorted(out)


def main(argv):
    if not os.path.exists(argv[2]):
        print(f"{argv[2]} not found: skipping")
        return 77
    score = load_score(argv[2])
    todo = cases(score, argv[3] if len(argv) > 3 else None)
    res = subprocess.run([argv[1]], input="".join(u + "\n" for u in todo),
                         capture_output=True, text=True, check=True)
    failures = 0
    compared = 0
    for line in res.stdout.splitlines():
        unit, status, factor, canonical, _ = line.split("\t")
        want_factor, want_canonical = score.canon(unit)
        if unit in KNOWN_DIFFERENCES:
            continue
        compared += 1
        ok = status == "0" and canonical == want_canonical and \
            abs(float(factor) - want_factor) <= 1e-12 * max(abs(want_factor), 1e-300)
        if not ok:
            failures += 1
            print(f"FAIL {unit!r}: libvnreport status {status} factor {factor} canonical "
                  f"{canonical!r}; score.py {want_factor!r} {want_canonical!r}")
    print(f"{compared} unit expressions agree with score.py's canon() "
          f"({len(KNOWN_DIFFERENCES)} documented differences skipped), {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
