#!/usr/bin/python3
"""Detection accuracy on generated samples.

usage: check_detection.py DECODE_TOOL SOURCE_ROOT [ICONV]

From Vietnamese prose of the project's own (tests/encodings/texts, the
sample reports in examples/data, the fixture sentences in tests/fixtures and its known-gaps/),
SAMPLES samples per legacy encoding are cut at random places, 200 to 2,000
encoded bytes long, encoded with vnencode.py and given to the library with
no encoding named. The issue's bar: the right encoding for at least 99% of
the samples of 500 bytes or more, per encoding. Prints the accuracy per
encoding and size class, the confidence of right and wrong answers, and
every miss.
"""

import glob
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vnencode  # noqa: E402

SAMPLES = 250
MIN_BYTES, MAX_BYTES, BAR_BYTES = 200, 2000, 500
REQUIRED = 0.99


def own_prose(root):
    texts = []
    for path in sorted(glob.glob(os.path.join(root, "tests", "encodings", "texts", "*.txt")) +
                       glob.glob(os.path.join(root, "examples", "data", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    # a family's sentences with its known gaps (tests/fixtures/known-gaps/), in id order
    families = {}
    for path in sorted(glob.glob(os.path.join(root, "tests", "fixtures", "*.jsonl")) +
                       glob.glob(os.path.join(root, "tests", "fixtures", "known-gaps", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            families.setdefault(os.path.basename(path), []).extend(
                json.loads(line) for line in f if line.strip())
    for name in sorted(families):
        fixtures = sorted(families[name], key=lambda fx: fx["id"])
        texts.append("\n".join(fx["text"] for fx in fixtures))
    text = vnencode.fold("\n\n".join(texts))
    return "".join(ch for ch in text if writable_everywhere(ch))


def writable_everywhere(ch, known={}):
    """Can every legacy encoding write `ch`? (≥, ≤ and such in the fixture
    sentences cannot all be: they are left out of the samples.)"""
    if ch not in known:
        try:
            for encoding in vnencode.ENCODINGS:
                vnencode.encode(ch, encoding)
            known[ch] = True
        except vnencode.UnencodableError:
            known[ch] = False
    return known[ch]


def make_sample(rng, text, encoding):
    """A random stretch of `text` whose encoding is 200-2,000 bytes long."""
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    start = rng.randrange(0, len(text) - 3 * MAX_BYTES)
    out, k = bytearray(), start
    while len(out) < target:
        out += vnencode.encode(text[k], encoding)
        k += 1
    return bytes(out)


def main():
    tool, root = sys.argv[1], sys.argv[2]
    iconv = sys.argv[3] if len(sys.argv) > 3 else ""
    if not iconv:
        print("iconv not found: the TCVN3 and VISCII encoders need its tables")
        return 77
    vnencode.ICONV = iconv
    text = own_prose(root)
    rng = random.Random(20221128)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        samples = []
        for encoding in vnencode.ENCODINGS:
            for i in range(SAMPLES):
                data = make_sample(rng, text, encoding)
                path = os.path.join(tmp, "%s-%03d.txt" % (encoding, i))
                with open(path, "wb") as f:
                    f.write(data)
                samples.append((path, encoding, len(data)))
        r = subprocess.run([tool, "--detect"] + [p for p, _, _ in samples],
                           capture_output=True, text=True, check=True)
        answers = {}
        for line in r.stdout.splitlines():
            parts = line.split()
            answers[parts[0]] = (parts[1], float(parts[2]) if len(parts) > 2 else 0.0)

    print("prose: %d characters; %d samples per encoding, %d-%d bytes" %
          (len(text), SAMPLES, MIN_BYTES, MAX_BYTES))
    print("%-13s %17s %17s %12s %12s" % ("encoding", "all", ">= %d bytes" % BAR_BYTES,
                                        "conf right", "conf wrong"))
    for encoding in vnencode.ENCODINGS:
        mine = [(p, n) + answers[p] for p, e, n in samples if e == encoding]
        right = [s for s in mine if s[2] == encoding]
        big = [s for s in mine if s[1] >= BAR_BYTES]
        big_right = [s for s in big if s[2] == encoding]
        wrong = [s for s in mine if s[2] != encoding]
        conf_right = sum(s[3] for s in right) / max(1, len(right))
        conf_wrong = sum(s[3] for s in wrong) / max(1, len(wrong))
        accuracy = len(big_right) / len(big)
        print("%-13s %4d/%4d %6.2f%% %4d/%4d %6.2f%% %12.3f %12s" %
              (encoding, len(right), len(mine), 100.0 * len(right) / len(mine),
               len(big_right), len(big), 100.0 * accuracy, conf_right,
               "%.3f" % conf_wrong if wrong else "-"))
        for p, n, got, conf in wrong:
            print("    miss: %d bytes read as %s (confidence %.3f)" % (n, got, conf))
        if accuracy < REQUIRED or len(mine) < 200:
            failed = True
            print("FAIL: %s below %.0f%% on samples of %d bytes or more" %
                  (encoding, 100 * REQUIRED, BAR_BYTES))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
