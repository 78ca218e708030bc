"""Legacy Vietnamese encodings through the Python binding: detected or named
with ``encoding=``, the same records as from UTF-8, offsets into the
original bytes, errors with line and byte, lenient replacement counts."""
import shutil
import sys
from pathlib import Path

import pytest

import vnreport

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "encodings"))
import vnencode  # noqa: E402  (tests/encodings: encoders written apart from the library)

ICONV = shutil.which("iconv")
pytestmark = pytest.mark.skipif(ICONV is None, reason="iconv (glibc) gives the test encoders' tables")
if ICONV:
    vnencode.ICONV = ICONV

TEXT = (
    "1. Sản xuất nông nghiệp\n"
    "Tổng sản lượng lương thực có hạt ước đạt 421.499 tấn, tăng 1,66% so với cùng kỳ "
    "năm trước; đàn trâu ước có 61.420 con, giảm 1,7%. Thu ngân sách nhà nước trên "
    "địa bàn ước đạt 3.016,8 tỷ đồng, đạt 78,3% dự toán Trung ương giao.\n"
    "ĐÀN GIA CẦM ƯỚC ĐẠT 4.930 NGHÌN CON, TĂNG 2,8%.\n"
)
POSITIONS = ("offset", "col", "length")


def content(records):
    return [{k: v for k, v in rec.items() if k not in POSITIONS} for rec in records]


@pytest.fixture(scope="module")
def reference():
    return vnreport.parse(TEXT, doc="r").to_records()


@pytest.mark.parametrize("encoding", vnencode.ENCODINGS)
def test_detected_and_named(encoding, reference):
    data = vnencode.encode(TEXT, encoding)
    detected = vnreport.parse(data, doc="r")
    assert detected.encoding == encoding
    assert 0.5 < detected.encoding_confidence <= 1.0
    assert detected.replacements == 0
    named = vnreport.parse(data, doc="r", encoding=encoding)
    assert named.encoding == encoding and named.encoding_confidence == 1.0
    assert content(detected.to_records()) == content(named.to_records()) == content(reference)
    assert len(reference) == 8
    # offsets point into the legacy bytes: the value as the encoder wrote it
    for ref, rec in zip(reference, named.to_records()):
        value = TEXT.encode()[ref["offset"]:ref["offset"] + ref["length"]].decode()
        assert data[rec["offset"]:rec["offset"] + rec["length"]] == vnencode.encode(value, encoding)


@pytest.mark.parametrize("encoding", vnencode.ENCODINGS)
def test_parse_file(tmp_path, encoding, reference):
    path = tmp_path / ("report-%s.txt" % encoding)
    path.write_bytes(vnencode.encode(TEXT, encoding))
    doc = vnreport.parse_file(path)
    assert doc.encoding == encoding
    assert content(doc.to_records()) == [dict(r, doc=path.name) for r in content(reference)]


def test_wrong_encoding_named():
    data = vnencode.encode(TEXT, "tcvn3")
    with pytest.raises(vnreport.EncodingError) as info:
        vnreport.parse(data, encoding="vni")
    e = info.value
    # "thực": TCVN3's ự (0xF9) is a VNI tone mark after h, which takes none
    assert e.status == vnreport.Status.ENCODING and (e.line, e.byte) == (2, 47)
    assert data[47] == 0xF9 and data[46:47] == b"h"
    assert "mark byte with no letter before it in vni at line 2, byte 47" in str(e)
    doc = vnreport.parse(data, encoding="vni", lenient=True)
    assert doc.encoding == "vni" and doc.replacements > 0


def test_undefined_byte_in_windows_1258():
    data = vnencode.encode(TEXT, "windows-1258")
    bad = data[:20] + b"\x81" + data[20:]
    with pytest.raises(vnreport.EncodingError) as info:
        vnreport.parse(bad, encoding="windows-1258")
    assert (info.value.line, info.value.byte) == (1, 20)
    assert vnreport.parse(bad, encoding="cp1258", lenient=True).replacements == 1


def test_not_vietnamese_in_any_encoding():
    with pytest.raises(vnreport.EncodingError) as info:
        vnreport.parse(b"x \xc0\xaf")
    assert "invalid UTF-8" in str(info.value) and "TCVN3" in str(info.value)
