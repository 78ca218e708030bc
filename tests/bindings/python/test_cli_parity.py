"""The Python binding gives exactly what the CLI prints, field by field.

For every sample report (and every corpus report when ../shared/corpus
exists): metadata against the `{"type":"document"}` line, and
Document.to_dataframe(), to_records() and Record attributes against the
`{"type":"record"}` lines. Nothing about the extraction itself is hard-coded:
the extractor may change, the binding must follow it.
"""
import math

import numpy as np
import pandas as pd
import pytest

import vnreport
from conftest import all_reports, cli_jsonl

FLOAT_FIELDS = {"value", "value_max", "total", "canonical_value"}
INT_FIELDS = {"statement", "line", "col", "offset", "length"}
CATEGORY_FIELDS = {"doc", "role", "unit", "canonical_unit", "dimension", "qualifier",
                   "baseline", "period", "indicator_key", "subject_key"}
EXPECTED_DTYPES = {
    **{f: "float64" for f in FLOAT_FIELDS},
    **{f: "Int64" for f in INT_FIELDS},
    **{f: "category" for f in CATEGORY_FIELDS},
    "estimate": "bool",
    "page": "Int64",   # nullable: PDF input only
}

REPORTS = all_reports()
IDS = [p.name for p in REPORTS]


@pytest.fixture(scope="module", params=REPORTS, ids=IDS)
def parsed(request):
    path = request.param
    document, records = cli_jsonl(path)
    return path, vnreport.parse_file(path), document, records


def cell_matches(field, got, expected):
    if field in FLOAT_FIELDS:
        if expected is None:
            return isinstance(got, float) and math.isnan(got)
        return got == expected
    if field == "estimate":
        return isinstance(got, (bool, np.bool_)) and bool(got) is expected
    if field in INT_FIELDS:
        return isinstance(got, (int, np.integer)) and int(got) == expected
    if field == "page":
        return got is pd.NA if expected is None else int(got) == expected
    if field == "section":   # the heading path joined as the CLI's CSV joins it
        return got == " > ".join(expected)
    if field in CATEGORY_FIELDS and expected is None:
        return got is None or (isinstance(got, float) and math.isnan(got))
    return got == expected and (got is None or isinstance(got, str))


def test_metadata_matches_document_line(parsed):
    _, doc, document, records = parsed
    expected = {k: v for k, v in document.items() if k != "type"}
    assert doc.metadata == expected
    for field in vnreport.METADATA_FIELDS:
        assert getattr(doc, field) == document[field], field
    assert len(doc) == document["records"] == len(records)


def test_dataframe_columns_and_dtypes(parsed):
    _, doc, _, _ = parsed
    df = doc.to_dataframe()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == list(vnreport.FIELDS)
    for field in vnreport.FIELDS:
        assert str(df[field].dtype) == EXPECTED_DTYPES.get(field, "object"), field
    assert list(df.index) == list(range(len(doc)))


def test_dataframe_equals_cli_field_by_field(parsed):
    _, doc, _, records = parsed
    df = doc.to_dataframe()
    assert len(df) == len(records)
    mismatches = []
    columns = {field: df[field].tolist() for field in vnreport.FIELDS}
    for i, expected in enumerate(records):
        assert set(expected) - {"type"} == set(vnreport.FIELDS)
        for field in vnreport.FIELDS:
            got = columns[field][i]
            if not cell_matches(field, got, expected[field]):
                mismatches.append((i, field, got, expected[field]))
    assert not mismatches, mismatches[:10]


def test_to_records_equals_cli(parsed):
    _, doc, _, records = parsed
    expected = [{k: v for k, v in r.items() if k != "type"} for r in records]
    got = doc.to_records()
    assert got == expected
    assert all(list(r) == list(vnreport.FIELDS) for r in got)


def test_record_attributes_equal_cli(parsed):
    _, doc, _, records = parsed
    for rec, expected in zip(doc, records):
        for field in vnreport.FIELDS:
            value = getattr(rec, field)
            assert value == expected[field], (rec.index(), field)
            if isinstance(value, float) or field in FLOAT_FIELDS:
                assert value is None or isinstance(value, float)


def test_parse_bytes_equals_parse_file(parsed):
    path, doc, _, _ = parsed
    again = vnreport.parse(path.read_bytes(), doc=path.name)
    assert again.metadata == doc.metadata
    assert again.to_records() == doc.to_records()


def test_audit_numbers_cover_records(parsed):
    _, doc, _, records = parsed
    numbers = doc.numbers()
    assert all(isinstance(n, vnreport.NumberFate) for n in numbers)
    for n in numbers:
        assert n.record is None or 0 <= n.record < len(records)
        assert n.line >= 1 and n.length >= 1
        assert n.text and any(ch.isdigit() for ch in n.text)
