"""Every function of the raw SWIG module `vnreport._vnreport` (the C API
wrapped one to one) is called here at least once; a C function added to
the public headers without a call here fails test_every_raw_function_is_called.
"""
import math

import pytest

import vnreport
from vnreport import _vnreport as raw


@pytest.fixture(scope="module")
def doc(request):
    from conftest import DATA_DIR
    return raw.vnr_parse_file(None, str(DATA_DIR / "sample-report.txt"))


@pytest.fixture(scope="module")
def rec(doc):
    return raw.vnr_document_record(doc, 0)


def calls(doc, rec):
    unit = raw.vnr_unit_parse("tạ/ha")
    conv = raw.vnr_converter_new("tấn", "kg")
    reg = raw.vnr_unit_registry_new(None)
    parser = raw.Parser()
    user_reg = raw.vnr_unit_registry_new(None)
    raw.vnr_unit_registry_define(user_reg, "thùng", 20, "kg")
    return {
        "vnr_version": lambda: isinstance(raw.vnr_version(), str),
        "vnr_version_number": lambda: raw.vnr_version_number() >= 1000,
        "vnr_status_str": lambda: raw.vnr_status_str(raw.VNR_E_EMPTY) == "empty input"
        and raw.vnr_status_str(999) == "unknown status",
        "vnr_role_name": lambda: raw.vnr_role_name(raw.VNR_ROLE_LEVEL) == "level"
        and raw.vnr_role_name(raw.VNR_ROLE_NONE) is None,
        "vnr_qualifier_name": lambda: raw.vnr_qualifier_name(raw.VNR_QUALIFIER_APPROX) == "approx",
        "vnr_encoding_name": lambda: raw.vnr_encoding_name(raw.VNR_ENCODING_TCVN3) == "tcvn3",
        "vnr_encoding_from_name": lambda: raw.vnr_encoding_from_name("UTF8") == raw.VNR_ENCODING_UTF8,
        "vnr_parser_set_encoding": lambda: raw.vnr_parser_set_encoding(parser, raw.VNR_ENCODING_UTF8) is None,
        "vnr_parser_set_lenient": lambda: raw.vnr_parser_set_lenient(parser, 1) is None,
        "vnr_parser_set_max_input": lambda: raw.vnr_parser_set_max_input(parser, 0) is None,
        "vnr_parser_max_input": lambda: raw.vnr_parser_max_input(parser) == 1 << 30,
        "vnr_parse": lambda: isinstance(raw.vnr_parse(parser, b"Sa 5 ha.", "m"), raw.Document),
        "vnr_parse_file": lambda: isinstance(doc, raw.Document),
        "vnr_document_meta": lambda: raw.vnr_document_meta(doc, "province") == doc.province,
        "vnr_document_encoding_confidence": lambda: raw.vnr_document_encoding_confidence(doc) == 1.0,
        "vnr_document_replacements": lambda: raw.vnr_document_replacements(doc) == 0,
        "vnr_document_record_count": lambda: raw.vnr_document_record_count(doc) > 0,
        "vnr_document_record": lambda: raw.vnr_document_record(doc, 10 ** 6) is None,
        "vnr_document_number_count": lambda: raw.vnr_document_number_count(doc) > 0,
        "vnr_document_number_text": lambda: raw.vnr_document_number_text(doc, 0)[0].isdigit()
        and raw.vnr_document_number_text(doc, 10 ** 6) is None,
        "vnr_document_number": lambda: len(raw.vnr_document_number(doc, 0)) == 5
        and raises(IndexError, raw.vnr_document_number, doc, 10 ** 6),
        "vnr_record_doc": lambda: raw.vnr_record_doc(rec) == rec.doc,
        "vnr_record_statement": lambda: raw.vnr_record_statement(rec) == rec.statement,
        "vnr_record_line": lambda: raw.vnr_record_line(rec) == rec.line,
        "vnr_record_col": lambda: raw.vnr_record_col(rec) == rec.col,
        "vnr_record_offset": lambda: raw.vnr_record_offset(rec) == rec.offset,
        "vnr_record_length": lambda: raw.vnr_record_length(rec) == rec.length,
        "vnr_record_page": lambda: raw.vnr_record_page(rec) == 0 and rec.page is None,
        "vnr_record_section_depth": lambda: raw.vnr_record_section_depth(rec) == len(rec.section),
        "vnr_record_section": lambda: raw.vnr_record_section(rec, 99) is None,
        "vnr_record_subject": lambda: raw.vnr_record_subject(rec) == rec.subject,
        "vnr_record_indicator": lambda: raw.vnr_record_indicator(rec) == rec.indicator,
        "vnr_record_role": lambda: raw.vnr_role_name(raw.vnr_record_role(rec)) == rec.role,
        "vnr_record_value": lambda: raw.vnr_record_value(rec) == rec.value,
        "vnr_record_value_max": lambda: math.isnan(raw.vnr_record_value_max(None)),
        "vnr_record_total": lambda: math.isnan(raw.vnr_record_total(None)),
        "vnr_record_unit": lambda: raw.vnr_record_unit(rec) == rec.unit,
        "vnr_record_canonical_value": lambda: math.isnan(raw.vnr_record_canonical_value(None)),
        "vnr_record_canonical_unit": lambda: raw.vnr_record_canonical_unit(rec) == rec.canonical_unit,
        "vnr_record_dimension": lambda: raw.vnr_record_dimension(rec) == rec.dimension,
        "vnr_record_qualifier": lambda: raw.vnr_qualifier_name(raw.vnr_record_qualifier(rec)) == rec.qualifier,
        "vnr_record_estimate": lambda: bool(raw.vnr_record_estimate(rec)) == rec.estimate,
        "vnr_record_baseline": lambda: raw.vnr_record_baseline(rec) == rec.baseline,
        "vnr_record_period": lambda: raw.vnr_record_period(rec) == rec.period,
        "vnr_record_text": lambda: raw.vnr_record_text(rec) == rec.text,
        "vnr_record_indicator_key": lambda: raw.vnr_record_indicator_key(rec) == rec.indicator_key,
        "vnr_record_subject_key": lambda: raw.vnr_record_subject_key(rec) == rec.subject_key,
        "vnr_convert": lambda: raw.vnr_convert(177078, "ha", "km2") == pytest.approx(1770.78),
        "vnr_convert_ex": lambda: raw.vnr_convert_ex(None, 1, "tấn", "kg") == 1000,
        "vnr_unit_parse": lambda: unit.canonical == "kg/m2",
        "vnr_unit_parse_ex": lambda: raw.vnr_unit_parse_ex(None, "con gà", raw.VNR_UNIT_OPEN_COUNT).dimension == "count",
        "vnr_unit_text": lambda: raw.vnr_unit_text(unit) == "tạ/ha",
        "vnr_unit_canonical": lambda: raw.vnr_unit_canonical(unit) == "kg/m2",
        "vnr_unit_dimension": lambda: raw.vnr_unit_dimension(unit) == "rate",
        "vnr_unit_factor": lambda: raw.vnr_unit_factor(unit) == pytest.approx(0.01),
        "vnr_unit_offset": lambda: raw.vnr_unit_offset(unit) == 0,
        "vnr_unit_compatible": lambda: raw.vnr_unit_compatible(unit, raw.vnr_unit_parse("kg/m2")) == 1,
        "vnr_converter_new": lambda: raw.vnr_converter_apply(conv, 2) == 2000,
        "vnr_converter_new_ex": lambda: raw.vnr_converter_new_ex(None, "km", "m").apply(1) == 1000,
        "vnr_converter_from_units": lambda: raw.vnr_converter_from_units(
            None, raw.vnr_unit_parse("ha"), raw.vnr_unit_parse("m2")).factor == 10000,
        "vnr_converter_apply": lambda: raw.vnr_converter_apply(conv, 0.5) == 500,
        "vnr_converter_apply_array": lambda: len(raw.vnr_converter_apply_array(conv, [1, 2])) == 16,
        "vnr_converter_factor": lambda: raw.vnr_converter_factor(conv) == 1000,
        "vnr_converter_offset": lambda: raw.vnr_converter_offset(conv) == 0,
        "vnr_unit_registry_builtin": lambda: raw.vnr_unit_registry_count(raw.vnr_unit_registry_builtin())
        == raw.vnr_unit_registry_count(None),
        "vnr_unit_registry_new": lambda: isinstance(reg, raw.UnitRegistry),
        "vnr_unit_registry_set_region": lambda: raw.vnr_unit_registry_set_region(reg, raw.VNR_REGION_CENTRAL) is None,
        "vnr_unit_registry_region": lambda: raw.vnr_unit_registry_region(None) == raw.VNR_REGION_NORTH
        and raw.vnr_unit_registry_set_region(reg, raw.VNR_REGION_CENTRAL) is None
        and raw.vnr_unit_registry_region(reg) == raw.VNR_REGION_CENTRAL,
        "vnr_region_name": lambda: raw.vnr_region_name(raw.VNR_REGION_SOUTH) == "south",
        "vnr_region_from_name": lambda: raw.vnr_region_from_name("Bắc") == raw.VNR_REGION_NORTH,
        "vnr_unit_registry_define": lambda: raw.vnr_unit_registry_define(reg, "thùng", 20, "kg") is None,
        "vnr_unit_registry_set_rate": lambda: raw.vnr_unit_registry_set_rate(reg, "USD", "VND", 25000) is None,
        "vnr_unit_registry_count": lambda: raw.vnr_unit_registry_count(reg) > 100,
        "vnr_unit_registry_name": lambda: raw.vnr_unit_registry_name(user_reg, raw.vnr_unit_registry_count(user_reg) - 1) == "thùng",
        "vnr_unit_registry_alias": lambda: raw.vnr_unit_registry_alias(reg, 0, 0) is not None,
        "vnr_unit_registry_kind": lambda: raw.vnr_unit_registry_kind(reg, 0) == raw.VNR_UNIT_KIND_UNIT,
        "vnr_unit_registry_canonical": lambda: raw.vnr_unit_registry_canonical(reg, 0) is not None,
        "vnr_unit_registry_dimension": lambda: raw.vnr_unit_registry_dimension(reg, 0) is not None,
        "vnr_unit_registry_factor": lambda: raw.vnr_unit_registry_factor(reg, 0) > 0,
        "vnr_unit_registry_factor_in": lambda: raw.vnr_unit_registry_factor_in(reg, 0, raw.VNR_REGION_NORTH) > 0,
        "vnr_unit_registry_offset": lambda: raw.vnr_unit_registry_offset(reg, 0) == 0,
        "vnr_unit_registry_is_regional": lambda: raw.vnr_unit_registry_is_regional(reg, 0) in (0, 1),
        "vnr_unit_registry_is_user": lambda: raw.vnr_unit_registry_is_user(
            user_reg, raw.vnr_unit_registry_count(user_reg) - 1) == 1,
    }


def raises(exc, fn, *args):
    try:
        fn(*args)
    except exc:
        return True
    return False


def raw_functions():
    return sorted(n for n in dir(raw) if n.startswith("vnr_") and callable(getattr(raw, n)))


def test_every_raw_function_is_called(doc, rec):
    table = calls(doc, rec)
    assert set(raw_functions()) - set(table) == set(), "raw functions without a test"
    assert set(table) - set(raw_functions()) == set(), "tests of functions that no longer exist"


@pytest.mark.parametrize("name", raw_functions())
def test_raw_function(name, doc, rec):
    assert calls(doc, rec)[name](), name


def test_raw_classes_have_no_public_constructor():
    for cls in (raw.Document, raw.Record, raw.Unit, raw.Converter, raw.UnitRegistry):
        with pytest.raises(AttributeError):
            cls()
    assert isinstance(raw.Parser(), raw.Parser)


def test_raw_document_attributes(doc):
    for field in vnreport.METADATA_FIELDS:
        assert getattr(doc, field) == raw.vnr_document_meta(doc, field)
    assert doc.encoding_confidence == raw.vnr_document_encoding_confidence(doc)
    assert doc.replacements == 0
