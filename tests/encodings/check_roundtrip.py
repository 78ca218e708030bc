#!/usr/bin/python3
"""Round trips through every legacy encoding, and normalization of every
decoder's output.

usage: check_roundtrip.py DECODE_TOOL [ICONV]

1. Every Vietnamese letter with every tone, lower and upper case (plus đ Đ
   and the ASCII letters), and prose of our own, is encoded with
   vnencode.py (independent of the library's tables), decoded by the
   library with the encoding named and detected, and must come back exactly
   (NFC). TCVN3 is tried with upper-case toned letters written both ways
   (VN3 base + combining tone byte, VN1 precomposed byte).
2. The offset map: every decoded character maps to the bytes its encoder
   wrote for it.
3. glibc's iconv as an oracle (when present): the library and iconv read
   every byte of TCVN3, VISCII and Windows-1258 alike, reject the same
   bytes, and iconv reads our encoders' output back to the original.
4. Normalization: NFD UTF-8 and old/new tone placement (hoà/hòa) give the
   same normalized text as the NFC original, through every encoding.
"""

import os
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vnencode  # noqa: E402

TOOL = sys.argv[1]
ICONV = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
HERE = os.path.dirname(os.path.abspath(__file__))
ICONV_NAMES = {"tcvn3": "TCVN5712-1", "viscii": "VISCII", "windows-1258": "CP1258"}

failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        if len(failures) <= 30:
            print("FAIL:", what)


def run_tool(args, data):
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        f.write(data)
        path = f.name
    try:
        r = subprocess.run([TOOL] + args + [path], capture_output=True, check=False)
    finally:
        os.unlink(path)
    if r.returncode not in (0, 3):
        raise SystemExit("decode-tool failed: %s" % r.stderr.decode(errors="replace"))
    head, _, body = r.stdout.partition(b"\n")
    return head.decode(), body


def decode(data, encoding=None, normalize=False):
    args = (["--encoding", encoding] if encoding else []) + (["--normalize"] if normalize else [])
    head, body = run_tool(args, data)
    if head.startswith("error"):
        return head, None
    return head, body.decode("utf-8")


def header_field(head, name):
    for part in head.split():
        if part.startswith(name + "="):
            return part[len(name) + 1:]
    return None


# ---------------------------------------------------------------- texts

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def every_letter():
    lines = []
    for v in VOWELS:
        for case in (str.lower, str.upper):
            lines.append(" ".join(unicodedata.normalize("NFC", case(v) + t) for t in TONES))
    lines.append("đ Đ " + "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    # the same letters inside words, upper and lower case
    words = "Nghiêng Huyện Tỉnh Khuỷu Ngoằn Thuở Quyết Giếng Rượu Đường Ưu Ủy Ỵ Ễ Ổ Ữ Ặ Ẫ Ờ"
    lines.append(words)
    lines.append(words.upper())
    return "\n".join(lines) + "\n"


def prose():
    texts = []
    for name in sorted(os.listdir(os.path.join(HERE, "texts"))):
        with open(os.path.join(HERE, "texts", name), encoding="utf-8") as f:
            texts.append(f.read())
    return vnencode.fold("".join(texts))


# ---------------------------------------------------------------- 1 and 2


def offsets(data, encoding):
    head, body = run_tool(["--encoding", encoding, "--offsets"], data)
    pairs = [tuple(map(int, line.split())) for line in body.decode().splitlines()]
    return pairs


def check_offsets(text, data, encoding, encoder):
    pairs = offsets(data, encoding)
    check(len(pairs) == len(text) + 1, "%s: %d offsets for %d characters" %
          (encoding, len(pairs), len(text)))
    if len(pairs) != len(text) + 1:
        return
    bad = 0
    for k, ch in enumerate(text):
        start, end = pairs[k][1], pairs[k + 1][1]
        if data[start:end] != encoder(ch):
            bad += 1
            if bad <= 3:
                check(False, "%s: character %d %r maps to bytes %r, encoder wrote %r" %
                      (encoding, k, ch, data[start:end], encoder(ch)))
    check(bad == 0, "%s: %d characters off their bytes" % (encoding, bad))
    check(pairs[-1][1] == len(data), "%s: end maps to %d, not %d" %
          (encoding, pairs[-1][1], len(data)))


def round_trip(name, text, encoding, encoder, detect):
    data = encoder(text)
    head, got = decode(data, encoding)
    check(got == text, "%s %s: named decode differs%s" % (name, encoding,
                                                          "" if got else ": " + head))
    if got is not None and got != text:
        for k, (a, b) in enumerate(zip(got, text)):
            if a != b:
                print("   first difference at %d: %r vs %r" % (k, got[k:k + 20], text[k:k + 20]))
                break
    check(header_field(head, "encoding") == encoding and header_field(head, "confidence") == "1.0000",
          "%s %s: header %s" % (name, encoding, head))
    if detect:
        head, got = decode(data)
        check(got == text and header_field(head, "encoding") == encoding,
              "%s %s: detection gave %s" % (name, encoding, head))
    check_offsets(text, data, encoding, encoder)
    return data


def test_round_trips():
    letters, text = every_letter(), prose()
    encoders = [(e, vnencode.ENCODERS[e]) for e in vnencode.ENCODINGS]
    encoders.append(("tcvn3", lambda t: vnencode.encode_tcvn3(t, vn1=True)))
    for encoding, encoder in encoders:
        round_trip("letters", letters, encoding, encoder, detect=False)
        round_trip("prose", text, encoding, encoder, detect=True)
        print("round trip %-12s letters (%d characters) and prose (%d characters): ok" %
              (encoding, len(letters), len(text)))


def test_vni_spellings():
    """VNI has no iconv oracle: well-known VNI spellings as Windows-1252 shows them."""
    known = {
        "Vieät Nam": "Việt Nam", "Tröôøng hoïc": "Trường học", "Ñoàng baèng": "Đồng bằng",
        "naêm": "năm", "thò tröôøng": "thị trường", "nghó": "nghĩ", "tænh": "tỉnh",
        "VIEÄT NAM": "VIỆT NAM", "TRÖÔØNG": "TRƯỜNG", "Quoác hoäi": "Quốc hội", "kyõ": "kỹ",
        "Tieáng Vieät": "Tiếng Việt", "khuyûu": "khuỷu", "thuôû": "thuở",
    }
    for vni, text in known.items():
        data = vni.encode("cp1252")
        check(vnencode.encode_vni(text) == data, "VNI encoder: %r gives %r" %
              (text, vnencode.encode_vni(text)))
        head, got = decode(data, "vni")
        check(got == text, "VNI %r decodes to %r" % (vni, got))


# ---------------------------------------------------------------- 3


def iconv_decode_bytes(charset, data):
    r = subprocess.run([ICONV, "-f", charset, "-t", "UTF-8"], input=data,
                       capture_output=True, check=False)
    return r.returncode == 0, unicodedata.normalize("NFC", r.stdout.decode("utf-8", "replace"))


def test_iconv_oracle():
    letters, text = every_letter(), prose()
    for encoding, charset in ICONV_NAMES.items():
        defined, undefined = [], []
        for b in range(1, 256):
            ok, s = iconv_decode_bytes(charset, bytes([b]))
            (defined if ok else undefined).append((b, s))
        # every defined byte on its own line: read alike
        data = b"".join(bytes([b]) + b"\n" for b, _ in defined)
        head, got = decode(data, encoding)
        want = "".join(s + "\n" for _, s in defined)
        check(got == want, "%s: library and iconv read the byte table differently" % encoding)
        if got and got != want:
            for (b, s), line in zip(defined, got.split("\n")):
                if s != line:
                    print("   byte 0x%02X: iconv %r, library %r" % (b, s, line))
        # bytes iconv rejects: the library rejects them too, at that byte
        for b, _ in undefined:
            head, got = decode(b"ok " + bytes([b]), encoding)
            check(head.startswith("error 4 line 1 byte 3"),
                  "%s: byte 0x%02X undefined for iconv, library says %s" % (encoding, b, head))
        # our encoders' output reads back right with iconv too
        for sample in (letters, text):
            data = vnencode.encode(sample, encoding)
            ok, s = iconv_decode_bytes(charset, data)
            check(ok and s == sample, "%s: iconv reads our encoder's output differently" % encoding)
        # and iconv's own encoding of the text reads right with the library
        r = subprocess.run([ICONV, "-f", "UTF-8", "-t", charset], input=text.encode(),
                           capture_output=True, check=False)
        check(r.returncode == 0, "%s: iconv cannot encode the prose" % encoding)
        head, got = decode(r.stdout, encoding)
        check(got is not None and unicodedata.normalize("NFC", got) == text,
              "%s: library reads iconv's encoding differently" % encoding)
        print("iconv oracle %-12s %d bytes read alike, %d rejected alike" %
              (encoding, len(defined), len(undefined)))


# ---------------------------------------------------------------- 4

OLD_NEW = [("hoà bình", "hòa bình"), ("thuỷ sản", "thủy sản"), ("khoẻ mạnh", "khỏe mạnh"),
           ("văn hoá", "văn hóa"), ("Hoà Sơn", "Hòa Sơn"), ("luỹ kế", "lũy kế"),
           ("HOÀ", "HÒA"), ("tuỳ", "tùy")]


def test_normalization():
    text = prose() + every_letter()
    reference = decode(text.encode(), "utf-8", normalize=True)[1]
    nfd = unicodedata.normalize("NFD", text).encode()
    check(nfd != text.encode(), "NFD differs from NFC")
    check(decode(nfd, normalize=True)[1] == reference, "NFD UTF-8 normalizes differently")
    for encoding in vnencode.ENCODINGS:
        got = decode(vnencode.encode(text, encoding), encoding, normalize=True)[1]
        check(got == reference, "%s: normalized text differs from UTF-8's" % encoding)
    for old, new in OLD_NEW:
        want = decode(new.encode(), "utf-8", normalize=True)[1]
        for form in (old, new, unicodedata.normalize("NFD", old)):
            check(decode(form.encode(), normalize=True)[1] == want,
                  "UTF-8 %r does not normalize to %r" % (form, new))
            for encoding in vnencode.ENCODINGS:
                if form != unicodedata.normalize("NFC", form):
                    continue
                got = decode(vnencode.encode(form, encoding), encoding, normalize=True)[1]
                check(got == want, "%s %r normalizes to %r, not %r" % (encoding, form, got, want))
    print("normalization: NFD and old/new tone placement agree through utf-8 and %s" %
          ", ".join(vnencode.ENCODINGS))


def main():
    if not ICONV:
        print("iconv not found: the TCVN3 and VISCII encoders need its tables")
        return 77
    vnencode.ICONV = ICONV
    test_round_trips()
    test_vni_spellings()
    test_iconv_oracle()
    test_normalization()
    print("check_roundtrip: %d checks, %d failed" % (checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
