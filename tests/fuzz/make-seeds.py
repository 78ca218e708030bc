#!/usr/bin/env python3
"""Write the fuzzers' seed corpora and dictionaries from the project's own data.

    make-seeds.py SOURCE_ROOT OUT_DIR

Seeds come from our fixtures and sample reports only (never from the shared
corpus), so they follow the library as it grows:

  OUT_DIR/seeds/parse/   every fixture sentence, every fixture family as one
                         small report under headings, the sample reports
  OUT_DIR/seeds/decode/  those reports behind an encoding selector byte
                         (fuzz-decode.c): UTF-8 with and without BOM,
                         UTF-16 LE/BE with and without BOM, and the legacy
                         8-bit encodings as glibc's iconv writes them
  OUT_DIR/seeds/units/   every spelling of unit-names.def and
                         scale-words.def, every unit the fixtures expect,
                         scaled and compound forms
  OUT_DIR/parse.dict     libFuzzer dictionaries: lexicon phrases, units,
  OUT_DIR/units.dict     scale words, debris tokens
  OUT_DIR/seeds.stamp    written last, for meson

Seed file names are stable (a short hash of the content), so re-running
rewrites the same files.
"""

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

# Encoding selector bytes of fuzz-decode.c: vnr_encoding values.
ENC_AUTO, ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE = 0, 1, 2, 3
ENC_CP1258, ENC_TCVN3, ENC_VNI, ENC_VISCII = 4, 5, 6, 7
# glibc iconv names of the legacy encodings it knows (VNI it does not).
ICONV_NAMES = {ENC_CP1258: "CP1258", ENC_TCVN3: "TCVN5712-1", ENC_VISCII: "VISCII"}

# Tokens of conversion debris and structure the normalizer and segmenter
# look for; found in no table, so listed here.
DEBRIS_TOKENS = [
    "**", "*", "__", "$", "$\\leq", "$\\geq", "\\leq", "\\geq", "\\%", "\\", "¹", "²", "³",
    "⁰", "⁴", "⁵", "⁶", "m²", "m³", "\r\n", "\n\n", "\u00a0", "\u200b", "\ufeff", "\u2028",
    "# ", "## ", "[", "](", ")", "(1)", "(*)", "1.1.", "I.", "II.", "a)", "-", "–", "…", "%",
    "/", "=", ">", "<", "≥", "≤", ",", ".", ";", ":", "trong đó:", "Phần thứ nhất",
    "Phần thứ hai", "NĂM", "KẾ HOẠCH", "BÁO CÁO", "UBND TỈNH", "Số:", "/BC-UBND",
    "/NQ-HĐND", "ngày", "tháng", "năm", "quý", "6 tháng đầu năm", "cùng kỳ",
    "so với", "kế hoạch", "dự toán", "điểm phần trăm", "lần", "gấp",
]


def write_seed(directory, data, prefix=""):
    os.makedirs(directory, exist_ok=True)
    name = prefix + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def read_fixtures(root):
    """{family: [fixture, ...]} from tests/fixtures/*.jsonl and the known gaps
    (tests/fixtures/known-gaps/<family>.jsonl: right sentences the engine still
    gets wrong, the best seeds of all), each family in id order."""
    families = {}
    paths = sorted(glob.glob(os.path.join(root, "tests", "fixtures", "*.jsonl")) +
                   glob.glob(os.path.join(root, "tests", "fixtures", "known-gaps", "*.jsonl")))
    for path in paths:
        family = os.path.basename(path)[: -len(".jsonl")]
        with open(path, encoding="utf-8") as f:
            families.setdefault(family, []).extend(json.loads(line) for line in f if line.strip())
    for fixtures in families.values():
        fixtures.sort(key=lambda fx: fx["id"])
    return dict(sorted(families.items(), key=lambda kv: kv[0] + ".jsonl"))   # file order


def family_report(family, fixtures):
    """One small report: a title, a heading, the family's sentences as paragraphs."""
    lines = ["BÁO CÁO", "Tình hình kinh tế - xã hội năm 2023", "",
             "I. " + family.replace("-", " ").upper(), "1.1. Nhóm chỉ tiêu", ""]
    for fx in fixtures:
        lines.append(fx["text"])
        lines.append("")
    return "\n".join(lines)


def def_strings(path, macro):
    """First string argument of every `MACRO("...", ...)` row of a .def file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return re.findall(r'^\s*' + macro + r'\("((?:[^"\\]|\\.)*)"', text, re.M)


def lexicon_phrases(root):
    path = os.path.join(root, "libvnreport", "recognize", "lexicon.def")
    phrases = []
    for macro in ("TRIGGER", "BASELINE", "PLAN_WORD", "QUALIFIER", "QUALIFIER_AFTER", "ESTIMATE",
                  "FILLER", "NON_INDICATOR", "PERIOD_AFTER"):
        phrases += def_strings(path, macro)
    return phrases


def unit_spellings(root):
    names = def_strings(os.path.join(root, "libvnreport", "units", "unit-names.def"), "NAME")
    scales = def_strings(os.path.join(root, "libvnreport", "units", "scale-words.def"), "SCALE")
    return names, scales


def fixture_units(families):
    units = set()
    for fixtures in families.values():
        for fx in fixtures:
            for rec in fx.get("records", []):
                unit = rec.get("unit")
                for u in unit if isinstance(unit, list) else [unit]:
                    if isinstance(u, str) and u:
                        units.add(u)
    return sorted(units)


def legacy_bytes(text, enc):
    """`text` in a legacy encoding via iconv, or None when iconv cannot."""
    name = ICONV_NAMES.get(enc)
    if not name:
        return None
    try:
        run = subprocess.run(["iconv", "-f", "UTF-8", "-t", name + "//TRANSLIT"],
                             input=text.encode("utf-8"), capture_output=True, check=False)
    except OSError:
        return None
    return run.stdout if run.returncode == 0 and run.stdout else None


def decode_seeds(texts):
    """(selector, bytes) pairs: each text in every encoding we can write."""
    for text in texts:
        utf8 = text.encode("utf-8")
        yield ENC_AUTO, utf8
        yield ENC_AUTO, b"\xef\xbb\xbf" + utf8
        yield ENC_UTF8, utf8
        yield ENC_AUTO, b"\xff\xfe" + text.encode("utf-16-le")
        yield ENC_AUTO, b"\xfe\xff" + text.encode("utf-16-be")
        yield ENC_UTF16LE, text.encode("utf-16-le")
        yield ENC_UTF16BE, text.encode("utf-16-be")
        for enc in (ENC_CP1258, ENC_TCVN3, ENC_VISCII):
            data = legacy_bytes(text, enc)
            if data:
                yield enc, data
                yield ENC_AUTO, data
        yield ENC_VNI, utf8   # no VNI writer at hand: let the fuzzer find the bytes


def dict_entry(token):
    out = []
    for b in token.encode("utf-8"):
        if b in (0x22, 0x5C) or b < 0x20 or b >= 0x7F:
            out.append("\\x%02X" % b)
        else:
            out.append(chr(b))
    return '"' + "".join(out) + '"'


def write_dict(path, tokens):
    seen = set()
    with open(path, "w", encoding="ascii") as f:
        f.write("# Generated by tests/fuzz/make-seeds.py from the library's tables.\n")
        for t in tokens:
            # libFuzzer keeps dictionary words up to 64 bytes
            if t and t not in seen and len(t.encode("utf-8")) <= 64:
                seen.add(t)
                f.write(dict_entry(t) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    seeds = os.path.join(out, "seeds")
    shutil.rmtree(seeds, ignore_errors=True)

    families = read_fixtures(root)
    reports = [family_report(fam, fxs) for fam, fxs in families.items()]
    for path in sorted(glob.glob(os.path.join(root, "examples", "data", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            reports.append(f.read())

    parse_dir = os.path.join(seeds, "parse")
    for fixtures in families.values():
        for fx in fixtures:
            write_seed(parse_dir, fx["text"].encode("utf-8"), "fixture-")
    for text in reports:
        write_seed(parse_dir, text.encode("utf-8"), "report-")

    decode_dir = os.path.join(seeds, "decode")
    for selector, data in decode_seeds(reports):
        write_seed(decode_dir, bytes([selector]) + data, "enc%d-" % selector)

    names, scales = unit_spellings(root)
    units = fixture_units(families)
    units_dir = os.path.join(seeds, "units")
    expressions = set(names) | set(units)
    expressions |= {s + " " + u for s in scales for u in ("đồng", "tấn", "ha", "con")}
    expressions |= {u + "/ha" for u in ("tạ", "tấn", "kg")}
    expressions |= {u + "/người/năm" for u in ("triệu đồng", "USD", "kg")}
    for e in sorted(expressions):
        write_seed(units_dir, e.encode("utf-8"), "unit-")

    phrases = lexicon_phrases(root)
    write_dict(os.path.join(out, "parse.dict"),
               phrases + names + scales + units + DEBRIS_TOKENS)
    write_dict(os.path.join(out, "units.dict"),
               names + scales + ["/", " ", "\n", "1 ", "1 vạn ", "²", "³", ".", "-", "^2"])

    with open(os.path.join(out, "seeds.stamp"), "w", encoding="utf-8") as f:
        counts = {d: len(os.listdir(os.path.join(seeds, d))) for d in sorted(os.listdir(seeds))}
        f.write(json.dumps(counts) + "\n")


if __name__ == "__main__":
    main()
