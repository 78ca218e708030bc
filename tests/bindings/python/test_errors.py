"""Failing C calls raise the vnreport.Error hierarchy, with status, line and
byte, and also the matching built-in exception class."""
import pytest

import vnreport


def test_hierarchy():
    assert issubclass(vnreport.Error, Exception)
    expected = {
        vnreport.InvalidArgumentError: ValueError, vnreport.NoMemoryError: MemoryError,
        vnreport.FileError: OSError, vnreport.EncodingError: ValueError,
        vnreport.EmptyInputError: ValueError, vnreport.InputTooLargeError: ValueError,
        vnreport.UnitError: ValueError, vnreport.NotFoundError: LookupError,
        vnreport.InternalError: RuntimeError,
    }
    for cls, builtin in expected.items():
        assert issubclass(cls, vnreport.Error) and issubclass(cls, builtin), cls
        assert cls.__module__ == "vnreport" and cls.__doc__
    for cls in (vnreport.UnknownUnitError, vnreport.IncompatibleUnitsError,
                vnreport.UnitSyntaxError, vnreport.NoRateError):
        assert issubclass(cls, vnreport.UnitError) and issubclass(cls, ValueError)


STATUS_CLASSES = {
    vnreport.Status.INVALID_ARGUMENT: vnreport.InvalidArgumentError,
    vnreport.Status.NOMEM: vnreport.NoMemoryError,
    vnreport.Status.IO: vnreport.FileError,
    vnreport.Status.ENCODING: vnreport.EncodingError,
    vnreport.Status.EMPTY: vnreport.EmptyInputError,
    vnreport.Status.TOO_LARGE: vnreport.InputTooLargeError,
    vnreport.Status.UNKNOWN_UNIT: vnreport.UnknownUnitError,
    vnreport.Status.INCOMPATIBLE: vnreport.IncompatibleUnitsError,
    vnreport.Status.SYNTAX: vnreport.UnitSyntaxError,
    vnreport.Status.NO_RATE: vnreport.NoRateError,
    vnreport.Status.NOT_FOUND: vnreport.NotFoundError,
    vnreport.Status.INTERNAL: vnreport.InternalError,
    vnreport.Status.UNSUPPORTED_FORMAT: vnreport.UnsupportedFormatError,
    vnreport.Status.NO_TEXT_LAYER: vnreport.NoTextLayerError,
    vnreport.Status.BAD_DOCUMENT: vnreport.BadDocumentError,
}


@pytest.mark.parametrize("status", list(vnreport.Status), ids=lambda s: s.name)
def test_every_status_maps_to_its_class(status):
    # _vnrb_check_status goes through the same typemap as every C call.
    check = vnreport._vnreport._vnrb_check_status
    if status == vnreport.Status.OK:
        assert check(int(status)) is None
        return
    with pytest.raises(STATUS_CLASSES[status]) as info:
        check(int(status))
    assert type(info.value) is STATUS_CLASSES[status]
    assert info.value.status == status
    assert str(info.value) == status.describe()


def test_unknown_status_is_a_plain_error():
    with pytest.raises(vnreport.Error) as info:
        vnreport._vnreport._vnrb_check_status(999)
    assert type(info.value) is vnreport.Error and info.value.status == 999


def test_empty_input():
    with pytest.raises(vnreport.EmptyInputError) as info:
        vnreport.parse(b"")
    e = info.value
    assert e.status == vnreport.Status.EMPTY and e.line is None and e.byte is None
    assert "empty" in str(e)


def test_encoding_error_says_where():
    data = "Dòng một\nDòng hai có lỗi ".encode("utf-8") + b"\xc3\x28" + " ở đây\n".encode("utf-8")
    with pytest.raises(vnreport.EncodingError) as info:
        vnreport.parse(data, encoding="utf-8")
    e = info.value
    assert e.status == vnreport.Status.ENCODING
    assert e.line == 2
    assert e.byte == data.index(b"\xc3\x28")
    assert isinstance(e, ValueError)


def test_nul_bytes_are_an_encoding_error_in_strict_mode():
    with pytest.raises(vnreport.EncodingError):
        vnreport.parse(b"S\xe1\xba\xa3n l\xc6\xb0\xe1\xbb\xa3ng 5 t\xe1\xba\xa5n\x00", encoding="utf-8")


def test_missing_file():
    with pytest.raises(vnreport.FileError) as info:
        vnreport.parse_file("/nonexistent/report.txt")
    e = info.value
    assert isinstance(e, OSError) and e.status == vnreport.Status.IO
    assert "/nonexistent/report.txt" in str(e)


def test_directory_is_not_a_report(tmp_path):
    with pytest.raises(vnreport.Error):
        vnreport.parse_file(tmp_path)


def test_unknown_encoding_name():
    with pytest.raises(vnreport.InvalidArgumentError) as info:
        vnreport.parse(b"abc", encoding="klingon")
    assert info.value.status == vnreport.Status.INVALID_ARGUMENT


def test_unit_errors():
    with pytest.raises(vnreport.UnknownUnitError) as info:
        vnreport.convert(1, "ha", "parsec vuông")
    assert "parsec" in str(info.value) and info.value.status == vnreport.Status.UNKNOWN_UNIT
    with pytest.raises(vnreport.IncompatibleUnitsError) as info:
        vnreport.convert(1, "ha", "tấn")
    assert "ha" in str(info.value) and "tấn" in str(info.value)
    with pytest.raises(vnreport.NoRateError):
        vnreport.convert(1, "USD", "đồng")
    with pytest.raises(vnreport.UnitSyntaxError) as info:
        vnreport.convert(1, "ha//", "m2")
    assert info.value.byte is not None
    with pytest.raises(vnreport.UnitError):
        vnreport.Unit("không phải đơn vị")


def test_raw_status_without_error_object():
    # Functions without a vnr_error out-parameter raise from the status alone.
    with pytest.raises(vnreport.UnknownUnitError) as info:
        vnreport._vnreport.vnr_convert(1.0, "ha", "xyz")
    assert str(info.value) == "unknown unit"
    with pytest.raises(vnreport.InvalidArgumentError):
        vnreport._vnreport.vnr_parser_set_encoding(vnreport._vnreport.Parser(), 99)


def test_errors_are_catchable_as_vnreport_error():
    for call in (lambda: vnreport.parse(b""), lambda: vnreport.parse_file("/nonexistent"),
                 lambda: vnreport.convert(1, "ha", "kg")):
        with pytest.raises(vnreport.Error):
            call()


def test_embedded_nul_is_refused_like_open():
    # C strings stop at NUL: the path or name would silently be cut short
    with pytest.raises(ValueError, match="null"):
        vnreport.parse("Sản lượng đạt 5 tấn.", doc="a\0b")
    with pytest.raises(ValueError, match="null"):
        vnreport.parse_file("examples\0/nothing.txt")
    with pytest.raises(ValueError):
        open("examples\0/nothing.txt")   # what Python itself does


def test_max_input_limits_buffers_and_files(tmp_path):
    text = "Sản lượng lúa đạt 1.234 tấn, tăng 5%."
    size = len(text.encode())
    assert len(vnreport.parse(text, max_input=size)) > 0
    with pytest.raises(vnreport.InputTooLargeError, match="limit"):
        vnreport.parse(text, max_input=size - 1)
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(vnreport.InputTooLargeError, match="limit"):
        vnreport.parse_file(path, max_input=10)
    with pytest.raises(TypeError):
        vnreport.parse(text, max_input="10")


def test_digit_dense_input_is_refused_not_swapped():
    with pytest.raises(vnreport.InputTooLargeError, match="memory"):
        vnreport.parse("1 " * 10_000_000)
