"""Many reports at once: parse_files, read_reports (one DataFrame built in C),
file objects, pickling, and the errors a batch meets, each with its exact
class and message."""
import errno
import io
import os
import pickle
import sqlite3
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vnreport
from conftest import SOURCE_ROOT, sample_reports

CORPUS_REAL = Path(os.environ.get("VNREPORT_CORPUS_REAL", SOURCE_ROOT.parent / "shared" / "corpus-real"))
needs_corpus_real = pytest.mark.skipif(not CORPUS_REAL.is_dir(), reason="%s is absent" % CORPUS_REAL)

REPORT = ("UBND TỈNH YÊN BÁI\nSố: 12/BC-UBND\nYên Bái, ngày 5 tháng 1 năm 2023\n"
          "BÁO CÁO\nTình hình kinh tế - xã hội năm 2022\n"
          "I. NÔNG NGHIỆP\n1. Trồng trọt\n"
          "Diện tích lúa đạt 20.100 ha, tăng 2,5% so với năm trước.\n")


def frame_of(docs):
    return pd.concat([d.to_dataframe(metadata=True) for d in docs], ignore_index=True)


def test_parse_files_equals_parse_file_in_order():
    files = sample_reports() * 3
    docs = vnreport.parse_files(files, threads=2)
    assert [d.doc for d in docs] == [f.name for f in files]
    for doc, path in zip(docs, files):
        assert doc.to_records() == vnreport.parse_file(path).to_records()


def test_parse_files_one_and_two_threads_agree():
    files = sample_reports() * 4
    one = [d.to_records() for d in vnreport.parse_files(files, threads=1)]
    two = [d.to_records() for d in vnreport.parse_files(files, threads=2)]
    assert one == two


def test_frame_columns_and_dtypes():
    df = vnreport.read_reports(sample_reports())
    assert tuple(df.columns) == vnreport.FRAME_COLUMNS
    assert vnreport.FRAME_COLUMNS[:6] == ("doc", "province", "report_period", "report_kind",
                                          "report_date", "report_number")
    assert vnreport.FRAME_COLUMNS[6:] == tuple(f for f in vnreport.FIELDS if f != "doc")
    for name in ("doc", "province", "report_period", "report_kind", "report_date",
                 "report_number", "role", "unit", "canonical_unit", "dimension",
                 "qualifier", "baseline", "period"):
        assert str(df[name].dtype) == "category", name
    for name in ("statement", "line", "col", "offset", "length", "page"):
        assert str(df[name].dtype) == "Int64", name
    for name in ("value", "value_max", "total", "canonical_value"):
        assert str(df[name].dtype) == "float64", name
    assert str(df["estimate"].dtype) == "bool"
    for name in ("section", "subject", "indicator", "text"):
        assert str(df[name].dtype) == "object", name
    assert all(isinstance(s, str) for s in df["section"])


def test_frame_values_equal_records():
    docs = vnreport.parse_files(sample_reports())
    df = vnreport.read_reports(sample_reports())
    rows = [(d, r) for d in docs for r in d]
    assert len(df) == len(rows)
    for i, (d, r) in enumerate(rows):
        assert df["doc"][i] == d.doc and df["province"][i] == d.province
        assert df["report_period"][i] == d.period and df["report_kind"][i] == d.kind
        assert df["line"][i] == r.line and df["indicator"][i] == r.indicator
        assert df["section"][i] == " > ".join(r.section)
        assert (df["unit"][i] == r.unit) and (df["role"][i] == r.role or r.role is None)
        assert df["value"][i] == r.value or (r.value is None and np.isnan(df["value"][i]))


def test_section_path_on_request():
    df = vnreport.read_reports(sample_reports(), section_path=True)
    i = list(df.columns).index("section")
    assert df.columns[i + 1] == "section_path"
    assert all(" > ".join(p) == s for p, s in zip(df["section_path"], df["section"]))


def test_document_to_dataframe_keeps_the_record_fields():
    doc = vnreport.parse(REPORT, doc="yb.txt")
    assert list(doc.to_dataframe().columns) == list(vnreport.FIELDS)
    df = doc.to_dataframe(metadata=True)
    assert list(df["province"]) == ["Yên Bái"] * len(doc)
    assert list(df["report_number"]) == ["12/BC-UBND"] * len(doc)


def test_read_reports_sources(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a report", encoding="utf-8")
    by_dir = vnreport.read_reports(tmp_path)
    assert list(by_dir["doc"].unique()) == ["one.txt", "two.txt"]
    by_glob = vnreport.read_reports(str(tmp_path / "**" / "*.txt"))
    pd.testing.assert_frame_equal(by_dir, by_glob)
    with open(tmp_path / "two.txt", "rb") as f:
        by_file = vnreport.read_reports([f, tmp_path / "a" / "one.txt"])
    assert list(by_file["doc"].unique()) == ["two.txt", "one.txt"]
    assert len(by_file) == len(by_dir)


def test_parse_takes_file_objects(tmp_path):
    path = tmp_path / "yb.txt"
    path.write_text(REPORT, encoding="utf-8")
    with open(path, "rb") as f:
        binary = vnreport.parse(f)
    with open(path, encoding="utf-8") as f:
        text = vnreport.parse(f)
    memory = vnreport.parse(io.BytesIO(REPORT.encode("utf-8")))
    assert binary.doc == text.doc == "yb.txt" and memory.doc == "-"
    assert binary.to_records() == text.to_records() == vnreport.parse_file(path).to_records()


def test_pickle_document_and_record(tmp_path):
    from_text = vnreport.parse(REPORT, doc="yb.txt")
    path = tmp_path / "yb.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    from_file = vnreport.parse_file(path, lenient=True)
    for doc in (from_text, from_file, vnreport.parse_files([path])[0]):
        again = pickle.loads(pickle.dumps(doc))
        assert isinstance(again, vnreport.Document)
        assert again.metadata == doc.metadata and again.to_records() == doc.to_records()
        rec = doc[len(doc) - 1]
        rec2 = pickle.loads(pickle.dumps(rec))
        assert isinstance(rec2, vnreport.Record) and rec2 == rec and rec2.index() == rec.index()
    records = pickle.loads(pickle.dumps(list(from_text)))
    assert len(records) == len(from_text)
    assert len({id(r._owner()) for r in records}) == 1   # one document for all of them


def test_pickle_refuses_a_changed_file(tmp_path):
    path = tmp_path / "yb.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = vnreport.parse_file(path)
    path.write_text(REPORT + "Thêm 5 ha.\n", encoding="utf-8")
    with pytest.raises(pickle.PicklingError) as info:
        pickle.dumps(doc)
    assert str(info.value) == "cannot pickle yb.txt: %s changed since it was parsed" % path


# ---- errors: exact class and message ----------------------------------------

def test_missing_file_is_file_not_found():
    with pytest.raises(vnreport.ReportNotFoundError) as info:
        vnreport.parse_file("/nonexistent/report.txt")
    e = info.value
    assert type(e) is vnreport.ReportNotFoundError
    assert isinstance(e, FileNotFoundError) and isinstance(e, vnreport.FileError)
    assert e.errno == errno.ENOENT and e.filename == "/nonexistent/report.txt"
    assert str(e) == "[Errno 2] No such file or directory: '/nonexistent/report.txt'"
    assert e.status == vnreport.Status.IO and e.line is None and e.byte is None


def test_directory_is_a_directory_error(tmp_path):
    with pytest.raises(vnreport.ReportIsADirectoryError) as info:
        vnreport.parse_file(tmp_path)
    e = info.value
    assert isinstance(e, IsADirectoryError) and isinstance(e, vnreport.FileError)
    assert e.errno == errno.EISDIR and e.filename == str(tmp_path)
    assert str(e) == "[Errno 21] Is a directory: '%s'" % tmp_path


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_a_permission_error(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(REPORT, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(vnreport.ReportPermissionError) as info:
        vnreport.parse_file(path)
    assert isinstance(info.value, PermissionError) and info.value.errno == errno.EACCES
    assert str(info.value) == "[Errno 13] Permission denied: '%s'" % path


def test_permission_error_class():
    assert issubclass(vnreport.ReportPermissionError, PermissionError)
    assert issubclass(vnreport.ReportPermissionError, vnreport.FileError)
    e = vnreport.ReportPermissionError(errno.EACCES, "Permission denied", "x.txt")
    assert str(e) == "[Errno 13] Permission denied: 'x.txt'"


def test_several_paths_to_parse_file():
    with pytest.raises(TypeError) as info:
        vnreport.parse_file(["a.txt", "b.txt"])
    assert str(info.value) == ("parse_file() takes one path; use vnreport.parse_files() or "
                               "vnreport.read_reports() for several")


def test_unknown_encoding_names_the_choices():
    with pytest.raises(vnreport.InvalidArgumentError) as info:
        vnreport.parse(b"abc", encoding="klingon")
    assert str(info.value) == ("unknown encoding 'klingon': use one of utf-8, utf-16le, "
                               "utf-16be, windows-1258, tcvn3, vni, viscii (or None to detect it)")
    assert info.value.status == vnreport.Status.INVALID_ARGUMENT


@pytest.mark.parametrize("name,data,what", [
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
    ("report.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
     "a ZIP archive (DOCX, XLSX and ODT files are ZIP archives)"),
    ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "a Microsoft Office 97-2003 file (DOC, XLS)"),
])
@pytest.mark.parametrize("lenient", [False, True])
def test_binary_formats_are_refused_by_name(tmp_path, name, data, what, lenient):
    path = tmp_path / name
    path.write_bytes(data)
    for call in (lambda: vnreport.parse_file(path, lenient=lenient),
                 lambda: vnreport.parse(data, doc=name, lenient=lenient)):
        with pytest.raises(vnreport.FormatError) as info:
            call()
        assert isinstance(info.value, vnreport.EncodingError)
        assert str(info.value) == "%s: %s \u2014 convert it to text first" % (name, what)


def test_glob_without_match(tmp_path):
    pattern = str(tmp_path / "*.txt")
    with pytest.raises(vnreport.ReportNotFoundError) as info:
        vnreport.read_reports(pattern)
    assert str(info.value) == "[Errno 2] no file matches the pattern: '%s'" % pattern


def test_errors_raise_skip_warn(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n")
    missing = tmp_path / "missing.txt"
    sources = [good, bad, missing, good]
    with pytest.raises(vnreport.FormatError):
        vnreport.read_reports(sources)
    skipped = vnreport.read_reports(sources, errors="skip")
    assert list(skipped["doc"].unique()) == ["good.txt"]
    assert len(skipped) == 2 * len(vnreport.parse_file(good))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warned = vnreport.read_reports(sources, errors="warn")
    assert [str(w.message) for w in caught] == [
        "%s: bad.pdf: a PDF file \u2014 convert it to text first" % bad,
        "%s: [Errno 2] No such file or directory: '%s'" % (missing, missing)]
    assert all(w.category is vnreport.ParseWarning for w in caught)
    pd.testing.assert_frame_equal(warned, skipped)
    with pytest.raises(ValueError) as info:
        vnreport.read_reports(sources, errors="ignore")
    assert str(info.value) == "errors must be 'raise', 'skip' or 'warn', not 'ignore'"


def test_wrong_source_type():
    with pytest.raises(TypeError) as info:
        vnreport.read_reports(42)
    assert str(info.value) == ("read_reports() takes paths, glob patterns, directories or "
                               "file objects, not int")


# ---- the real corpus: one frame, and pandas works on it ----------------------

@needs_corpus_real
def test_corpus_real_is_one_frame_that_pandas_handles(tmp_path):
    df = vnreport.read_reports(CORPUS_REAL)
    files = sorted(CORPUS_REAL.glob("*.txt"))
    assert len(df) > 0 and set(df["doc"].unique()) <= {f.name for f in files}
    assert df["province"].notna().any() and df["report_period"].notna().any()
    by_province = df.groupby("province", observed=True)["value"].count()
    assert by_province.sum() == df["province"].notna().sum() - df.loc[df["province"].notna(), "value"].isna().sum()
    pivot = pd.pivot_table(df, index="province", columns="role", values="value",
                           aggfunc="count", observed=True)
    assert pivot.to_numpy()[~np.isnan(pivot.to_numpy())].sum() == df.dropna(
        subset=["province", "role", "value"]).shape[0]
    assert not df.drop_duplicates().empty
    with sqlite3.connect(tmp_path / "records.sqlite") as con:
        assert df.to_sql("records", con, index=False) in (None, len(df))
        assert con.execute("select count(*) from records").fetchone()[0] == len(df)
        provinces = {r[0] for r in con.execute("select distinct province from records")}
        assert provinces == set(df["province"].dropna()) | ({None} if df["province"].isna().any() else set())
    csv = tmp_path / "records.csv"
    df.to_csv(csv, index=False)
    back = pd.read_csv(csv)
    assert list(back.columns) == list(df.columns) and len(back) == len(df)
    assert "[" not in "".join(back["section"].dropna())  # joined strings, not list reprs
