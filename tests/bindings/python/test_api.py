"""Every public name of the vnreport package, exercised once at least.

test_every_public_name_is_tested() keeps it that way: a name added to
vnreport.__all__ without a test here fails the suite.
"""
import math
import os
import pathlib
import re
import sys
import unicodedata

import pytest

import vnreport
from conftest import DATA_DIR, cli_jsonl, sample_reports

HERE = pathlib.Path(__file__).resolve().parent

SMALL = ("ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM\n\nSố: 1/BC-UBND\n\n"
         "Thử Nghiệm, ngày 02 tháng 01 năm 2023\n\nBÁO CÁO\n\n"
         "Tình hình kinh tế - xã hội năm 2022\n\n"
         "1. Nông nghiệp: Diện tích gieo trồng ước đạt 1.250,5 ha, tăng 2,5% so với năm trước.\n")


def test_every_public_name_is_tested():
    sources = "".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    untested = [name for name in vnreport.__all__
                if not re.search(r"vnreport\.%s\b" % re.escape(name), sources)]
    assert not untested


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", vnreport.version)
    assert vnreport.__version__ == vnreport.version
    assert vnreport.version_info == tuple(int(x) for x in vnreport.version.split("."))
    major, minor, micro = vnreport.version_info
    assert vnreport._vnreport.vnr_version_number() == major * 1000000 + minor * 1000 + micro


def test_constants():
    assert len(vnreport.FIELDS) == 25 and vnreport.FIELDS[0] == "doc" and vnreport.FIELDS[-1] == "subject_key"
    assert vnreport.Record.FIELDS == vnreport.FIELDS
    assert vnreport.METADATA_FIELDS == ("doc", "province", "issuer", "number", "date", "title",
                                        "period", "kind", "language", "encoding")
    assert "utf-8" in vnreport.ENCODINGS and "tcvn3" in vnreport.ENCODINGS
    assert vnreport.REGIONS == ("north", "central", "south")


def test_status_enum():
    assert vnreport.Status.OK == 0
    assert vnreport.Status.ENCODING == 4
    assert vnreport.Status.INTERNAL == 12
    assert vnreport.Status.UNKNOWN_UNIT.describe() == "unknown unit"
    assert len(vnreport.Status) == 16


def test_parse_str_and_bytes(sample_text, sample_path):
    from_str = vnreport.parse(sample_text, doc="x.txt")
    from_bytes = vnreport.parse(sample_text.encode("utf-8"), doc="x.txt")
    from_view = vnreport.parse(memoryview(bytearray(sample_text.encode("utf-8"))), "x.txt")
    assert isinstance(from_str, vnreport.Document)
    assert from_str.to_records() == from_bytes.to_records() == from_view.to_records()
    assert from_str.doc == "x.txt"
    assert all(rec.doc == "x.txt" for rec in from_str)
    assert vnreport.parse(sample_text).doc == "-"


def test_parse_keyword_arguments(sample_text):
    doc = vnreport.parse(text_or_bytes=sample_text.encode(), doc="k", encoding="utf-8")
    assert doc.doc == "k" and doc.encoding == "utf-8"


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text):
    """Windows-1258: letters with circumflex/breve/horn are one byte, tone
    marks are separate combining bytes."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append((base + "".join(c for c in parts if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)


POSITION_FIELDS = ("col", "offset", "length")  # bytes of the original input


@pytest.mark.parametrize("encoding, encode", [
    ("windows-1258", to_cp1258),
    ("utf-16le", lambda t: t.encode("utf-16-le")),
    ("utf-16be", lambda t: t.encode("utf-16-be")),
    (None, lambda t: t.encode("utf-16")),  # BOM: detected
])
def test_parse_other_encodings(encoding, encode):
    text = "Giá trị sản xuất ước đạt 1.234 tỷ đồng, tăng 5,2% so với năm trước."
    # every one of these is supported: no skip (the old skip on "not supported
    # yet", a message the library no longer emits, could only hide a regression)
    doc = vnreport.parse(encode(text), encoding=encoding)
    assert doc.encoding == (encoding or "utf-16le")
    expected = vnreport.parse(text).to_records()
    got = doc.to_records()
    for rec in expected + got:
        for field in POSITION_FIELDS:
            del rec[field]
    assert got == expected


def test_parse_unknown_encoding_names_the_supported_ones():
    # what the library says today for an encoding it does not know
    with pytest.raises(vnreport.InvalidArgumentError) as info:
        vnreport.parse("Sản lượng đạt 12 tấn.".encode("utf-8"), encoding="koi8-r")
    assert str(info.value) == ("unknown encoding 'koi8-r': use one of utf-8, utf-16le, utf-16be, "
                               "windows-1258, tcvn3, vni, viscii (or None to detect it)")


def test_parse_lenient_counts_replacements():
    bad = "Sản lượng đạt 12 tấn.\n".encode("utf-8") + b"\xff\xfe rubbish\n"
    with pytest.raises(vnreport.EncodingError):
        vnreport.parse(bad, encoding="utf-8")
    doc = vnreport.parse(bad, encoding="utf-8", lenient=True)
    assert doc.replacements >= 1
    assert 0.0 <= doc.encoding_confidence <= 1.0


def test_parse_rejects_wrong_types():
    with pytest.raises(TypeError):
        vnreport.parse(12)
    with pytest.raises(TypeError):
        vnreport.parse("x", doc=3)
    with pytest.raises(TypeError):
        vnreport.parse(b"x", encoding=5)
    with pytest.raises(ValueError):
        vnreport.parse("a str is UTF-8", encoding="tcvn3")


def test_parse_file_paths(sample_path):
    by_str = vnreport.parse_file(str(sample_path))
    by_path = vnreport.parse_file(sample_path)
    by_bytes = vnreport.parse_file(os.fsencode(sample_path))
    assert by_str.doc == by_path.doc == by_bytes.doc == sample_path.name
    assert by_str.to_records() == by_path.to_records() == by_bytes.to_records()
    assert vnreport.parse_file(sample_path, encoding="utf-8", lenient=True).to_records() == \
        by_str.to_records()


def test_document_metadata(sample_path):
    doc = vnreport.parse_file(sample_path)
    document, _ = cli_jsonl(sample_path)
    for field in vnreport.METADATA_FIELDS:
        assert doc.meta(field) == getattr(doc, field) == document[field]
    assert doc.meta("no-such-field") is None
    assert doc.metadata["records"] == len(doc)
    assert isinstance(doc.encoding_confidence, float)
    assert isinstance(doc.replacements, int)
    assert "Document" in repr(doc)


def test_document_sequence(sample_path):
    doc = vnreport.parse_file(sample_path)
    n = len(doc)
    assert n > 0
    records = doc.records()
    assert len(records) == n and all(isinstance(r, vnreport.Record) for r in records)
    assert [r.as_dict() for r in doc] == [r.as_dict() for r in records]
    assert doc[0] == records[0]
    assert doc[-1] == records[-1] and doc[-1].index() == n - 1
    assert [r.index() for r in doc[1:4]] == [1, 2, 3]
    assert doc[::-1][0] == records[-1]
    with pytest.raises(IndexError):
        doc[n]
    with pytest.raises(IndexError):
        doc[-n - 1]
    with pytest.raises(TypeError):
        doc["0"]
    assert doc[True] == records[1]  # any __index__ works


def test_document_cannot_be_built_by_hand():
    with pytest.raises(TypeError):
        vnreport.Document(object())
    with pytest.raises(AttributeError):
        vnreport.Record()


def test_record_fields(sample_path):
    doc = vnreport.parse_file(sample_path)
    for rec in doc:
        d = rec.as_dict()
        assert list(d) == list(vnreport.FIELDS)
        assert isinstance(rec.doc, str) and rec.doc == sample_path.name
        for field in ("statement", "line", "col", "offset", "length"):
            assert isinstance(getattr(rec, field), int)
        assert rec.line >= 1 and rec.col >= 1 and rec.length >= 0
        assert isinstance(rec.section, list) and all(isinstance(s, str) for s in rec.section)
        assert rec.subject is None or isinstance(rec.subject, str)
        assert isinstance(rec.indicator, str)
        assert rec.role in (None, "level", "change", "index", "attainment", "share", "target")
        assert isinstance(rec.value, float)
        for field in ("value_max", "total", "canonical_value"):
            v = getattr(rec, field)
            assert v is None or (isinstance(v, float) and not math.isnan(v))
        assert isinstance(rec.unit, str)
        assert rec.qualifier in (None, "approx", "gt", "ge", "lt", "le")
        assert isinstance(rec.estimate, bool)
        for field in ("canonical_unit", "dimension", "baseline", "period"):
            assert getattr(rec, field) is None or isinstance(getattr(rec, field), str)
        assert isinstance(rec.text, str)
        assert repr(rec).startswith("<vnreport.Record ")


def test_record_offsets_point_into_the_input(sample_path):
    data = sample_path.read_bytes()
    for rec in vnreport.parse_file(sample_path):
        written = data[rec.offset:rec.offset + rec.length].decode("utf-8")
        assert written and written[0].isdigit(), (rec.line, written)
        line_start = data.rfind(b"\n", 0, rec.offset) + 1
        assert rec.offset - line_start + 1 == rec.col
        assert data.count(b"\n", 0, rec.offset) + 1 == rec.line


def test_record_is_immutable_and_unhashable(sample_path):
    rec = vnreport.parse_file(sample_path)[0]
    with pytest.raises(AttributeError):
        rec.value = 1.0
    with pytest.raises(AttributeError):
        rec.new_attribute = 1
    with pytest.raises(TypeError):
        hash(rec)
    assert rec != "not a record"


def test_numbers_audit(sample_path):
    doc = vnreport.parse_file(sample_path)
    numbers = doc.numbers()
    assert numbers and all(isinstance(n, vnreport.NumberFate) for n in numbers)
    fates = {n.fate for n in numbers}
    assert "record" in fates
    data = sample_path.read_bytes()
    for n in numbers:
        assert data[n.offset:n.offset + n.length].strip()
        if n.fate == "record":
            assert n.record is not None
            assert doc[n.record].line == n.line


def test_empty_document_dataframe():
    doc = vnreport.parse("Không có số liệu nào ở đây.")
    assert len(doc) == 0 and list(doc) == [] and doc.to_records() == []
    df = doc.to_dataframe()
    assert list(df.columns) == list(vnreport.FIELDS) and len(df) == 0
    assert str(df["value"].dtype) == "float64" and str(df["estimate"].dtype) == "bool"
    assert str(df["line"].dtype) == "Int64" and str(df["role"].dtype) == "category"


def test_small_report_end_to_end(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    document, records = cli_jsonl(path)
    doc = vnreport.parse(SMALL, doc="small.txt")
    assert doc.metadata == {k: v for k, v in document.items() if k != "type"}
    assert doc.to_records() == [{k: v for k, v in r.items() if k != "type"} for r in records]
    assert len(doc) >= 1 and any(r.unit == "ha" for r in doc)


def test_units_entry_point():
    entries = vnreport.units()
    assert entries and all(isinstance(e, vnreport.UnitEntry) for e in entries)
    names = {e.name for e in entries}
    assert {"ha", "tấn", "sào", "nghìn"} <= names
    kinds = {e.kind for e in entries}
    assert kinds == {"unit", "scale", "count"}


def test_docstrings_carry_the_c_documentation():
    raw = vnreport._vnreport
    assert "Parse a report held in memory" in raw.vnr_parse.__doc__
    assert "Convert @p value" not in raw.vnr_convert.__doc__  # Doxygen markup is translated
    assert "with the built-in" in raw.vnr_convert.__doc__
    assert "Source name" in vnreport.Record.doc.__doc__
    assert "parse(text_or_bytes, doc=None, encoding=None, *, lenient=False, max_input=None)" in \
        pydoc_render(vnreport.parse)
    assert "Parse a report held in memory" in vnreport.parse.__doc__


def pydoc_render(obj):
    import pydoc
    return pydoc.render_doc(obj, renderer=pydoc.plaintext)


def test_help_shows_signature_and_text():
    import subprocess
    out = subprocess.run([sys.executable, "-c", "import vnreport; help(vnreport.parse)"],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "PAGER": "cat", "TERM": "dumb"}).stdout
    assert "parse(text_or_bytes, doc=None, encoding=None, *, lenient=False, max_input=None)" in out
    assert "Parse a report held in memory and return a :class:`Document`." in out
    assert "The GIL is released" in out
    # the C header's Doxygen text, carried by swig -doxygen
    assert "From the C documentation of ``vnr_parse()``" in out
    assert "VNR_E_EMPTY for zero bytes" in out


def test_type_stub_is_installed_beside_the_package():
    package = pathlib.Path(vnreport.__file__).parent
    stub = package / "__init__.pyi"
    assert stub.exists() and (package / "py.typed").exists()
    text = stub.read_text(encoding="utf-8")
    for name in vnreport.__all__:
        assert re.search(r"\b%s\b" % re.escape(name), text), name


def test_sample_reports_present():
    names = [p.name for p in sample_reports()]
    assert "sample-report.txt" in names and "sample-report-2.txt" in names
    assert DATA_DIR.is_dir()
