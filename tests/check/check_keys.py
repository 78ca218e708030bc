#!/usr/bin/env python3
"""Indicator keys on the shared corpus: coverage and a hand-checked sample.

usage: check_keys.py VNREPORT SHARED_DIR SAMPLE_JSONL

1. Coverage: of the level/change/target records whose unit is not a bare
   count (a unit, dimension other than `count`) in corpus/ and corpus-real/,
   at least 85 % get an indicator_key.
2. Sample: key-sample.jsonl holds 100 keyed records drawn at random from the
   corpus output, each with the key and subject a reader gives it and why.
   At least 95 % of the sample records still found must carry exactly that
   key and subject (a sample record recognition no longer yields is
   reported, not counted; at least 80 must be found).
Exit 77 (skipped) without SHARED_DIR/corpus.
"""
import json
import subprocess
import sys
from pathlib import Path

COVERAGE_FLOOR = 0.85
SAMPLE_FLOOR = 0.95


def records(cli, files):
    out = subprocess.run([cli, "extract", "--format", "jsonl", *map(str, files)],
                         check=True, capture_output=True, text=True).stdout
    return [r for r in map(json.loads, out.splitlines()) if r["type"] == "record"]


def main():
    cli, shared, sample_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    files = sorted((shared / "corpus").glob("*.txt")) + sorted((shared / "corpus-real").glob("*.txt"))
    if not files:
        print("no corpus under %s: skipped" % shared)
        sys.exit(77)
    recs = records(cli, files)
    pop = [r for r in recs if r["role"] in ("level", "change", "target") and r["unit"]
           and r["dimension"] not in (None, "count")]
    keyed = sum(1 for r in pop if r["indicator_key"])
    coverage = keyed / len(pop)
    print("coverage: %d of %d level/change/target records with a unit get a key (%.1f %%)"
          % (keyed, len(pop), 100 * coverage))
    index = {}
    for r in recs:
        index.setdefault((r["doc"], r["line"], r["role"], r["value"], r["unit"]), []).append(r)
    right = found = 0
    for line in sample_path.read_text(encoding="utf-8").splitlines():
        s = json.loads(line)
        assert s["reason"], s["id"]
        cands = index.get((s["doc"], s["line"], s["role"], s["value"], s["unit"]))
        if not cands:
            print("%s: no longer recognized (%s:%d)" % (s["id"], s["doc"], s["line"]))
            continue
        found += 1
        want = (s["indicator_key"], s["subject_key"])
        if any((c["indicator_key"], c["subject_key"]) == want for c in cands):
            right += 1
        else:
            got = [(c["indicator_key"], c["subject_key"]) for c in cands]
            print("%s: %s:%d got %s, want %s: %s" % (s["id"], s["doc"], s["line"], got, want,
                                                    s["reason"]))
    print("sample: %d of %d found records right (%.1f %%)" % (right, found, 100 * right / max(found, 1)))
    ok = coverage >= COVERAGE_FLOOR and found >= 80 and right >= SAMPLE_FLOOR * found
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
