#!/usr/bin/python3
"""The corpus through every encoding gives the same records.

usage: check_corpus.py VNREPORT DECODE_TOOL CORPUS_DIR [ICONV]

For each report of ../shared/corpus (the test skips when it is absent):
1. fold() it to characters every legacy encoding has (vnencode.py) and
   extract the folded UTF-8 text: the reference. How many records the
   folding itself changed against the unfolded original is printed.
2. Write the folded text as TCVN3 (both upper-case forms), VNI, VISCII,
   Windows-1258, UTF-16LE/BE with BOM, UTF-8 with BOM and NFD UTF-8, and
   run `vnreport extract` on each, detected and (for the legacy encodings)
   named with --encoding. The document must report the right encoding with
   no replacement, and every record must equal the reference in every field
   but the byte positions (offset, col, length); the document metadata and
   the audit's fate of every number must be the same too.
3. Positions: the bytes of the encoded file at a record's offset and length
   are what the encoder wrote for the reference record's value text, and
   col is the offset from the start of its line, plus one.
"""

import collections
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vnencode  # noqa: E402

POSITIONS = ("offset", "col", "length")
ENCODING_META = ("encoding", "encoding_confidence", "replacements")

failures = []


def fail(what):
    failures.append(what)
    if len(failures) <= 40:
        print("FAIL:", what)


def extract(cli, path, encoding=None):
    args = [cli, "extract", "--format", "jsonl"] + (["--encoding", encoding] if encoding else [])
    r = subprocess.run(args + [path], capture_output=True, check=False)
    if r.returncode != 0:
        return None, r.stderr.decode(errors="replace").strip()
    objs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    return objs[0], objs[1:]


def audit(cli, path):
    """(line, number, fate, record) of every number: the audit prints each
    number as the library read it (UTF-8), whatever the input's encoding."""
    r = subprocess.run([cli, "audit", path], capture_output=True, check=False)
    rows = [line.split(b"\t") for line in r.stdout.split(b"\n")[1:] if line]
    return [(row[0], row[2], row[3], row[4]) for row in rows]


def same_audit(ref_rows, rows):
    return ref_rows == rows


# ---------------------------------------------------------------- variants

def utf16(text, big):
    return (b"\xfe\xff" if big else b"\xff\xfe") + text.encode("utf-16-be" if big else "utf-16-le")


VARIANTS = [
    # name, encoding reported, encode, encode one piece (for the slice check)
    ("tcvn3", "tcvn3", vnencode.encode_tcvn3, vnencode.encode_tcvn3),
    ("tcvn3-vn1", "tcvn3", lambda t: vnencode.encode_tcvn3(t, vn1=True),
     lambda t: vnencode.encode_tcvn3(t, vn1=True)),
    ("vni", "vni", vnencode.encode_vni, vnencode.encode_vni),
    ("viscii", "viscii", vnencode.encode_viscii, vnencode.encode_viscii),
    ("windows-1258", "windows-1258", vnencode.encode_cp1258, vnencode.encode_cp1258),
    ("utf-16le", "utf-16le", lambda t: utf16(t, False), lambda t: t.encode("utf-16-le")),
    ("utf-16be", "utf-16be", lambda t: utf16(t, True), lambda t: t.encode("utf-16-be")),
    ("utf-8-bom", "utf-8", lambda t: b"\xef\xbb\xbf" + t.encode(), lambda t: t.encode()),
    ("utf-8-nfd", "utf-8", lambda t: unicodedata.normalize("NFD", t).encode(),
     lambda t: unicodedata.normalize("NFD", t).encode()),
]
LEGACY = ("tcvn3", "vni", "viscii", "windows-1258")


def without(obj, keys):
    return {k: v for k, v in obj.items() if k not in keys}


def line_start(data, offset):
    k = max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset))
    return k + 1


def check_positions(name, report, data, ref_text, ref_records, records, piece_encoder, eight_bit):
    bad = 0
    for ref, rec in zip(ref_records, records):
        want = piece_encoder(ref_text[ref["offset"]:ref["offset"] + ref["length"]].decode())
        got = data[rec["offset"]:rec["offset"] + rec["length"]]
        col_ok = not eight_bit or rec["col"] == rec["offset"] - line_start(data, rec["offset"]) + 1
        if got != want or not col_ok:
            bad += 1
            if bad <= 3:
                fail("%s %s: record at %d+%d holds %r, expected %r (col %d)" %
                     (report, name, rec["offset"], rec["length"], got, want, rec["col"]))
    if bad:
        fail("%s %s: %d records off their bytes" % (report, name, bad))


def compare(name, report, ref_doc, ref_records, doc, records, expected_encoding):
    if doc is None:
        fail("%s %s: extract failed: %s" % (report, name, records))
        return False
    if doc.get("encoding") != expected_encoding or doc.get("replacements") != 0:
        fail("%s %s: document says encoding %s, %s replacements" %
             (report, name, doc.get("encoding"), doc.get("replacements")))
    if without(doc, ENCODING_META) != without(ref_doc, ENCODING_META):
        fail("%s %s: document metadata differs" % (report, name))
    if len(records) != len(ref_records):
        fail("%s %s: %d records, reference has %d" % (report, name, len(records), len(ref_records)))
        return False
    differing = [(a, b) for a, b in zip(ref_records, records)
                 if without(a, POSITIONS) != without(b, POSITIONS)]
    for a, b in differing[:3]:
        keys = [k for k in a if a.get(k) != b.get(k) and k not in POSITIONS]
        fail("%s %s: record differs in %s: %r vs %r" %
             (report, name, keys, [a[k] for k in keys], [b[k] for k in keys]))
    if differing:
        fail("%s %s: %d of %d records differ" % (report, name, len(differing), len(records)))
    return not differing


def folded_fields(record):
    """The record with fold() applied to its strings: a record whose only
    difference is a folded character (– for -) has not changed."""
    def fold(s):
        return " ".join(vnencode.fold(s).split())
    out = {}
    for k, v in record.items():
        if isinstance(v, str):
            v = fold(v)
        elif isinstance(v, list):
            v = [fold(x) for x in v]
        out[k] = v
    return out


def fold_changes(original, folded):
    """Records of the original that the folded text no longer gives, by
    content (positions, statement numbers and clause text aside, which
    dropping footnote markers necessarily moves)."""
    def key(r):
        return json.dumps(without(r, POSITIONS + ("statement", "text", "line")), sort_keys=True,
                          ensure_ascii=False)
    a = collections.Counter(key(folded_fields(r)) for r in original)
    b = collections.Counter(key(r) for r in folded)
    return sum((a - b).values()), sum((b - a).values())


def main():
    cli, _tool, corpus = sys.argv[1], sys.argv[2], sys.argv[3]
    iconv = sys.argv[4] if len(sys.argv) > 4 else ""
    if not os.path.isdir(corpus):
        print("no corpus at %s: skipped" % corpus)
        return 77
    if not iconv:
        print("iconv not found: the TCVN3 and VISCII encoders need its tables")
        return 77
    vnencode.ICONV = iconv
    reports = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    totals = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for report in reports:
            with open(os.path.join(corpus, report), encoding="utf-8") as f:
                original = f.read()
            folded = vnencode.fold(original)
            ref_bytes = folded.encode()
            os.makedirs(os.path.join(tmp, "ref"), exist_ok=True)
            ref_path = os.path.join(tmp, "ref", report)
            with open(ref_path, "wb") as f:
                f.write(ref_bytes)
            ref_doc, ref_records = extract(cli, ref_path)
            ref_audit = audit(cli, ref_path)
            _, orig_records = extract(cli, os.path.join(corpus, report))
            lost, gained = fold_changes(orig_records, ref_records)
            totals["records"] += len(ref_records)
            totals["fold-lost"] += lost
            totals["fold-gained"] += gained
            print("%s: %d records (original %d); folding changed %d of them (%d differ after)" %
                  (report, len(ref_records), len(orig_records), lost, gained))
            for name, encoding, encoder, piece in VARIANTS:
                data = encoder(folded)
                os.makedirs(os.path.join(tmp, name), exist_ok=True)
                path = os.path.join(tmp, name, report)
                with open(path, "wb") as f:
                    f.write(data)
                doc, records = extract(cli, path)
                ok = compare(name, report, ref_doc, ref_records, doc, records, encoding)
                if ok:
                    check_positions(name, report, data, ref_bytes, ref_records, records, piece,
                                    encoding in LEGACY or name == "utf-8-bom")
                    if not same_audit(ref_audit, audit(cli, path)):
                        fail("%s %s: the audit's fates differ" % (report, name))
                if encoding in LEGACY:
                    doc2, records2 = extract(cli, path, encoding)
                    compare(name + " (named)", report, ref_doc, ref_records, doc2, records2,
                            encoding)
                    if doc2 and doc2.get("encoding_confidence") != 1:
                        fail("%s %s: named encoding has confidence %s" %
                             (report, name, doc2.get("encoding_confidence")))
                if doc:
                    totals["runs"] += 1
                    print("    %-13s %7d bytes  detected %-12s confidence %.3f  %s" %
                          (name, len(data), doc.get("encoding"), doc.get("encoding_confidence", 0),
                           "same records" if ok else "DIFFERENT"))
    print("corpus: %d reports x %d encodings; %d records per encoding; folding changed %d "
          "records of the originals" % (len(reports), len(VARIANTS), totals["records"],
                                        totals["fold-lost"]))
    print("check_corpus: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
