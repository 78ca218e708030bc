"""Encoders from Unicode text to the legacy Vietnamese encodings, for tests.

Written apart from the library's decode tables so a round trip proves
something:
- Windows-1258: Python's own cp1258 codec, with tone marks split off the
  letters the code page lacks (ạ → a + 0xF2), as Windows does.
- TCVN3 and VISCII: byte tables read from glibc's iconv (TCVN5712-1,
  VISCII) at run time. TCVN3 upper-case toned letters, which VN3 fonts do
  not have, are written the VN3 way by default: base letter + combining tone
  byte 0xB0-0xB4 (`Ấ` → 0xA2 0xB3); with vn1=True iconv's own precomposed
  VN1 codes are used instead (`Ấ` → 0xC4). The library must read both.
- VNI-Windows: built from the letter's parts (base, shape mark, tone), the
  way a VNI keyboard driver types it, not from a byte table.

Every encoder raises UnencodableError for a character its encoding lacks;
fold() replaces the few such characters of real reports first.
"""

import re
import subprocess
import unicodedata

ENCODINGS = ("tcvn3", "vni", "viscii", "windows-1258")

#: the iconv program (glibc's) that gives the TCVN3 and VISCII tables
ICONV = "iconv"

TONES = {"\u0301": "sac", "\u0300": "huyen", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}


class UnencodableError(ValueError):
    def __init__(self, encoding, char, position):
        super().__init__("%s cannot encode %r (U+%04X) at %d" % (encoding, char, ord(char), position))
        self.char = char


def split_letter(ch):
    """'ấ' → ('a', 'circumflex', 'sac'); ('đ', None, None) for đ; None for
    anything that is not a Latin letter with Vietnamese marks."""
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    shape = tone = None
    for m in marks:
        if m == "\u0302":
            shape = "circumflex"
        elif m == "\u0306":
            shape = "breve"
        elif m == "\u031b":
            shape = "horn"
        elif m in TONES:
            tone = TONES[m]
        else:
            return None
    return base, shape, tone


# ---------------------------------------------------------------- iconv


def iconv_table(charset):
    """{character: byte} for every byte glibc's iconv decodes to one character."""
    table = {}
    for b in list(range(1, 0x20)) + list(range(0x80, 0x100)):
        r = subprocess.run([ICONV, "-f", charset, "-t", "UTF-8"], input=bytes([b]),
                           capture_output=True, check=False)
        if r.returncode == 0:
            s = r.stdout.decode("utf-8")
            if len(s) == 1 and s not in table:
                table[s] = b
    return table


_tables = {}


def _table(charset):
    if charset not in _tables:
        _tables[charset] = iconv_table(charset)
    return _tables[charset]


TCVN3_COMBINING = {"huyen": 0xB0, "hoi": 0xB1, "nga": 0xB2, "sac": 0xB3, "nang": 0xB4}


def encode_tcvn3(text, vn1=False):
    table = _table("TCVN5712-1")
    out = bytearray()
    for i, ch in enumerate(text):
        if "\0" < ch < "\x80":
            out.append(ord(ch))
            continue
        parts = split_letter(ch)
        if not vn1 and parts and ch.isupper() and parts[2] is not None:
            # VN3 has no upper-case toned letter: base letter + combining tone
            base = unicodedata.normalize("NFC", "".join(
                c for c in unicodedata.normalize("NFD", ch) if c not in TONES))
            code = ord(base) if base < "\x80" else table.get(base)
            if code is None:
                raise UnencodableError("tcvn3", ch, i)
            out += bytes([code, TCVN3_COMBINING[parts[2]]])
            continue
        code = table.get(ch)
        if code is None or (code < 0x80 and not vn1):
            raise UnencodableError("tcvn3", ch, i)
        out.append(code)
    return bytes(out)


def encode_viscii(text):
    table = _table("VISCII")
    out = bytearray()
    for i, ch in enumerate(text):
        if ch < "\x80" and ch != "\0":
            out.append(ord(ch))
        elif ch in table:
            out.append(table[ch])
        else:
            raise UnencodableError("viscii", ch, i)
    return bytes(out)


# ---------------------------------------------------------------- cp1258


def encode_cp1258(text):
    out = bytearray()
    for i, ch in enumerate(text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        tones = "".join(c for c in d if c in TONES)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            raise UnencodableError("windows-1258", ch, i) from None
    return bytes(out)


# ---------------------------------------------------------------- VNI

# mark bytes for lower-case letters; upper-case letters use byte - 0x20
VNI_TONE = {"sac": 0xF9, "huyen": 0xF8, "hoi": 0xFB, "nga": 0xF5, "nang": 0xEF}
VNI_CIRCUMFLEX = {None: 0xE2, "sac": 0xE1, "huyen": 0xE0, "hoi": 0xE5, "nga": 0xE3, "nang": 0xE4}
VNI_BREVE = {None: 0xEA, "sac": 0xE9, "huyen": 0xE8, "hoi": 0xFA, "nga": 0xFC, "nang": 0xEB}
VNI_TONED_I = {"sac": 0xED, "huyen": 0xEC, "hoi": 0xE6, "nga": 0xF3, "nang": 0xF2}
VNI_HORN = {"o": 0xF4, "u": 0xF6}
VNI_D_BAR = 0xF1
VNI_Y_DOT = 0xEE


def _vni_letter(ch):
    parts = split_letter(ch)
    if parts is None:
        return None
    base, shape, tone = parts
    upper = base.isupper()
    low = base.lower()
    shift = 0x20 if upper else 0

    def b(x):
        return bytes([x - shift])

    if low == "đ" and shape is None and tone is None:
        return b(VNI_D_BAR)
    if not ("a" <= low <= "z"):
        return None
    if shape == "horn":
        if low not in VNI_HORN:
            return None
        return b(VNI_HORN[low]) + (b(VNI_TONE[tone]) if tone else b"")
    if shape == "circumflex":
        if low not in "aeo":
            return None
        return base.encode() + b(VNI_CIRCUMFLEX[tone])
    if shape == "breve":
        if low != "a":
            return None
        return base.encode() + b(VNI_BREVE[tone])
    if tone is None:
        return base.encode()
    if low == "i":
        return b(VNI_TONED_I[tone])
    if low == "y" and tone == "nang":
        return b(VNI_Y_DOT)
    return base.encode() + b(VNI_TONE[tone])


def encode_vni(text):
    out = bytearray()
    for i, ch in enumerate(text):
        if ch < "\x80" and ch != "\0":
            out.append(ord(ch))
            continue
        letter = _vni_letter(ch)
        if letter is not None:
            out += letter
            continue
        # VNI fonts keep Windows-1252's punctuation and symbols in 0x80-0xBF
        try:
            b = ch.encode("cp1252")
        except UnicodeEncodeError:
            b = b""
        if len(b) == 1 and 0x80 <= b[0] <= 0xBF and not ch.isalpha():
            out += b
            continue
        raise UnencodableError("vni", ch, i)
    return bytes(out)


ENCODERS = {
    "tcvn3": encode_tcvn3,
    "vni": encode_vni,
    "viscii": encode_viscii,
    "windows-1258": encode_cp1258,
}


def encode(text, encoding):
    return ENCODERS[encoding](text)


# ---------------------------------------------------------------- folding

# Characters of real reports that some legacy encoding lacks, and what to
# write instead, chosen not to change the meaning.
FOLDS = {
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",   # curly quotes
    "\u2013": "-", "\u2014": "-",                                   # dashes
    "\u2026": "...", "\u00a0": " ",                                 # ellipsis, NBSP
    "\u2713": "",                                                   # check mark
}
# Superscripts: a power after a length unit becomes a plain digit (m³ →
# m3, as many reports write it); any other superscript run is a footnote
# marker, which plain legacy text cannot show: it is dropped.
POWER = re.compile("(?<=m)[\u00b2\u00b3]")
SUPERSCRIPT_RUN = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u207e]+")


def fold(text):
    """`text` with only characters every legacy encoding can write."""
    text = POWER.sub(lambda m: "2" if m.group() == "\u00b2" else "3", text)
    text = SUPERSCRIPT_RUN.sub("", text)
    return "".join(FOLDS.get(ch, ch) for ch in text)
