#!/usr/bin/env python3
"""Score `vnreport extract` on the corpus against every gold file and fail
when any metric falls below its floor (floors.json).

usage: check_gold.py VNREPORT SHARED_DIR GOLD_DIR
Prints each gold file's scores; exits 77 (skipped) when the corpus is absent.
"""
import json
import os
import subprocess
import sys
import tempfile


def main(argv):
    cli, shared, gold_dir = argv[1:4]
    corpus = os.path.join(shared, "corpus")
    score = os.path.join(shared, "eval", "score.py")
    if not os.path.isdir(corpus) or not os.path.exists(score):
        print("corpus or score.py not found: skipped")
        return 77
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    real = os.path.join(shared, "corpus-real")   # scored by gold-real-dev.jsonl
    if os.path.isdir(real):
        files += sorted(os.path.join(real, f) for f in os.listdir(real) if f.endswith(".txt"))
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as out:
        subprocess.run([cli, "extract", "--format", "jsonl"] + files, stdout=out, check=True)
        system = out.name
    with open(os.path.join(gold_dir, "floors.json"), encoding="utf-8") as fh:
        floors = json.load(fh)
    failures = 0
    for name, floor in floors.items():
        shared_gold = os.path.join(shared, "eval", name)
        gold = shared_gold if os.path.exists(shared_gold) else os.path.join(gold_dir, name)
        res = json.loads(subprocess.run([sys.executable, score, gold, system, "--json"],
                                        capture_output=True, text=True, check=True).stdout)
        got = {
            "quantity_f1": res["quantity"]["f1"],
            "record_f1": res["record"]["f1"],
            "indicator_accuracy": res["indicator_accuracy"],
            "metadata_accuracy": res["metadata_accuracy"],
        }
        for k, v in res["attributes"].items():
            if v is not None:
                got[k] = v
        line = []
        for key, minimum in floor.items():
            value = got.get(key)
            ok = value is not None and value + 1e-9 >= minimum
            failures += not ok
            line.append(f"{key} {value:.3f}{'' if ok else ' < ' + format(minimum, '.3f') + ' FAIL'}"
                        if value is not None else f"{key} missing FAIL")
        print(f"{name}: " + ", ".join(line))
    os.unlink(system)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
