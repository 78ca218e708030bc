"""Vietnamese provincial socio-economic reports as indicator records.

libvnreport reads the prose of a "báo cáo tình hình kinh tế - xã hội" and
gives one record per quantity: indicator, value, unit, role, baseline,
period and where in the input it was written. This package is a thin Python
layer over the SWIG-generated module ``vnreport._vnreport``::

    import vnreport
    doc = vnreport.parse_file("bao-cao.txt")
    print(doc.province, doc.period, len(doc))
    df = doc.to_dataframe()              # columns: vnreport.FIELDS
    vnreport.convert(177078, "ha", "km2")

Errors raise subclasses of :class:`vnreport.Error`. Parsing releases the GIL,
so threads parsing different files run in parallel.
"""

import enum as _enum
import errno as _errno
import glob as _glob
import os as _os
import pickle as _pickle
import sys as _sys
import textwrap as _textwrap
import warnings as _warnings
from collections import namedtuple as _namedtuple

from . import _analysis
from . import _vnreport as _raw
from . import _vnreport_c as _c
from ._vnreport import Record
from ._vnreport_c import (  # noqa: F401  (re-exported)
    Error,
    InvalidArgumentError,
    NoMemoryError,
    FileError,
    ReportNotFoundError,
    ReportIsADirectoryError,
    ReportPermissionError,
    EncodingError,
    FormatError,
    EmptyInputError,
    InputTooLargeError,
    UnitError,
    UnknownUnitError,
    IncompatibleUnitsError,
    UnitSyntaxError,
    NoRateError,
    NotFoundError,
    InternalError,
    UnsupportedFormatError,
    NoTextLayerError,
    BadDocumentError,
)

__all__ = [
    "parse", "parse_file", "parse_files", "read_reports", "convert", "units", "panel", "Document", "Record", "NumberFate",
    "Finding", "PANEL_COLUMNS",
    "Unit", "Converter", "Registry", "UnitEntry", "REGIONS",
    "Status", "FIELDS", "METADATA_FIELDS", "ENCODINGS", "version", "version_info",
    "Error", "InvalidArgumentError", "NoMemoryError", "FileError",
    "ReportNotFoundError", "ReportIsADirectoryError", "ReportPermissionError",
    "EncodingError", "FormatError", "ParseWarning", "FRAME_COLUMNS", "EmptyInputError", "InputTooLargeError", "UnitError",
    "UnknownUnitError", "IncompatibleUnitsError", "UnitSyntaxError",
    "NoRateError", "NotFoundError", "InternalError",
    "UnsupportedFormatError", "NoTextLayerError", "BadDocumentError",
]

#: Version of the libvnreport compiled into this package ("MAJOR.MINOR.MICRO").
version = _raw.vnr_version()
__version__ = version
#: The same as a tuple of ints.
version_info = tuple(int(part) for part in version.split("."))

#: Record fields in output order (docs/guide.md, "Record fields"): the
#: columns of ``Document.to_dataframe()``.
FIELDS = Record.FIELDS
#: Document metadata fields, as in the CLI's ``{"type":"document"}`` line.
METADATA_FIELDS = ("doc", "province", "issuer", "number", "date", "title",
                   "period", "kind", "language", "encoding")
#: Encoding names accepted by ``encoding=`` (aliases such as "utf8" and
#: "windows-1258" work too).
ENCODINGS = tuple(_raw.vnr_encoding_name(e) for e in range(8))


class Status(_enum.IntEnum):
    """The C library's ``vnr_status`` codes (``Error.status`` holds one)."""

    OK = _raw.VNR_OK
    INVALID_ARGUMENT = _raw.VNR_E_INVALID_ARGUMENT
    NOMEM = _raw.VNR_E_NOMEM
    IO = _raw.VNR_E_IO
    ENCODING = _raw.VNR_E_ENCODING
    EMPTY = _raw.VNR_E_EMPTY
    TOO_LARGE = _raw.VNR_E_TOO_LARGE
    UNKNOWN_UNIT = _raw.VNR_E_UNKNOWN_UNIT
    INCOMPATIBLE = _raw.VNR_E_INCOMPATIBLE
    SYNTAX = _raw.VNR_E_SYNTAX
    NO_RATE = _raw.VNR_E_NO_RATE
    NOT_FOUND = _raw.VNR_E_NOT_FOUND
    INTERNAL = _raw.VNR_E_INTERNAL
    UNSUPPORTED_FORMAT = _raw.VNR_E_UNSUPPORTED_FORMAT
    NO_TEXT_LAYER = _raw.VNR_E_NO_TEXT_LAYER
    BAD_DOCUMENT = _raw.VNR_E_BAD_DOCUMENT

    def describe(self):
        """The C library's fixed English description (``vnr_status_str``)."""
        return _raw.vnr_status_str(int(self))


#: What became of one digit run of the input (see :meth:`Document.numbers`).
NumberFate = _namedtuple("NumberFate", "fate offset length line record text")
NumberFate.__doc__ = """\
One digit run of the input and its fate: ``fate`` is "record", "date",
"year", "document_number", "list_marker", … ; ``offset``/``length`` are
bytes in the original input, ``line`` is 1-based, ``record`` the index of the
first record the run became (None if it became none), ``text`` the run as
the library read it (str, whatever the input encoding)."""



class ParseWarning(UserWarning):
    """A report that could not be parsed and was left out (``errors="warn"``)."""


def _encoding_code(encoding):
    """The C vnr_encoding for ``encoding`` (None: detect)."""
    if encoding is None:
        return _raw.VNR_ENCODING_AUTO
    if not isinstance(encoding, str):
        raise TypeError("encoding must be a str such as 'utf-8' or 'tcvn3', or None")
    try:
        return _raw.vnr_encoding_from_name(encoding)
    except InvalidArgumentError:
        exc = InvalidArgumentError("unknown encoding %r: use one of %s (or None to detect it)"
                                   % (encoding, ", ".join(ENCODINGS[1:])))
        exc.status, exc.line, exc.byte = int(Status.INVALID_ARGUMENT), None, None
        raise exc from None


def _threads(threads, count):
    if threads is None:
        try:
            threads = len(_os.sched_getaffinity(0))
        except (AttributeError, OSError):  # pragma: no cover - not Linux
            threads = _os.cpu_count() or 1
    threads = _index(threads)
    if threads < 1:
        raise ValueError("threads must be at least 1")
    return max(1, min(threads, count))


def _max_input(max_input):
    """The C parser's input limit for ``max_input`` (-1: the default)."""
    if max_input is None:
        return -1
    if not isinstance(max_input, int) or isinstance(max_input, bool) or max_input < 0:
        raise TypeError("max_input must be a number of bytes (int >= 0)")
    return max_input


def _run_batch(items, encoding, lenient, threads, errors, max_input=None):
    """Parse ``items`` [(name, path bytes or None, data or None, source)] in
    C on ``threads`` threads; return the Documents in input order. Failures
    raise (errors="raise"), warn and are left out ("warn"), or are left out
    ("skip")."""
    if errors not in ("raise", "skip", "warn"):
        raise ValueError("errors must be 'raise', 'skip' or 'warn', not %r" % (errors,))
    code = _encoding_code(encoding)
    results = _c._parse_batch([item[:3] for item in items], code, bool(lenient),
                              _threads(threads, len(items)), errors == "raise",
                              _max_input(max_input))
    documents = []
    for item, result in zip(items, results):
        if result is None:      # not parsed: an earlier input failed
            continue
        if isinstance(result, BaseException):
            if errors == "raise":
                raise result
            if errors == "warn":
                _warnings.warn("%s: %s" % (getattr(result, "filename", item[0]), result),
                               ParseWarning, stacklevel=3)
            continue
        handle, size, mtime_ns = result
        source = item[3]
        if source[0] == "file":
            source = source + (size, mtime_ns)
        documents.append(Document(handle, source + (encoding, bool(lenient))))
    return documents


def _path_item(path):
    path = _os.fspath(path)
    if ("\0" if isinstance(path, str) else b"\0") in path:
        raise ValueError("embedded null byte in path")  # C would open a shorter one
    return (_os.path.basename(_os.fsdecode(path)) or _os.fsdecode(path),
            _os.fsencode(path), None, ("file", _os.fsdecode(path)))


def _data_item(data, name):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    elif isinstance(data, (bytearray, memoryview)):
        data = bytes(data)   # kept by the Document for pickling: a copy that cannot change
    elif not isinstance(data, bytes):
        raise TypeError("a report is str or bytes, not %s" % type(data).__name__)
    return (name, None, data, ("bytes", data, name))


def _file_object_item(obj):
    name = getattr(obj, "name", None)
    return _data_item(obj.read(), _os.path.basename(name) if isinstance(name, str) and name else "-")


def parse(text_or_bytes, doc=None, encoding=None, *, lenient=False, max_input=None):
    """Parse a report held in memory and return a :class:`Document`.

    ``text_or_bytes`` is a ``str`` (parsed as UTF-8), the raw bytes of a
    report (``bytes``, ``bytearray``, ``memoryview``) or a file object open
    for reading (binary or text, as pandas' ``read_*`` take): UTF-8, UTF-16
    with a BOM, Windows-1258, TCVN3, VNI or VISCII, detected unless
    ``encoding`` names one ("utf-8", "cp1258", "tcvn3", "vni", "viscii", …;
    see ``vnreport.ENCODINGS``). ``doc`` is the name written into every
    record's ``doc`` field (default: a file object's base name, else "-").
    With ``lenient=True`` invalid byte sequences become U+FFFD (counted in
    ``Document.replacements``) instead of raising. ``max_input`` is the
    largest input accepted, in bytes (default and ceiling 1 GiB); whatever it
    is, an input that would need more than 8 times its size plus 16 MB of
    memory raises :class:`InputTooLargeError`.

    The GIL is released while the C library parses.

    Raises :class:`EncodingError` (with ``line`` and ``byte``) for bytes that
    are not valid in the encoding, :class:`FormatError` for a PDF, DOCX, …
    (even when lenient), :class:`EmptyInputError` for empty input,
    :class:`InputTooLargeError`, :class:`InvalidArgumentError` for an unknown
    encoding name, ``TypeError`` for other argument types.
    """
    if doc is not None and not isinstance(doc, str):
        raise TypeError("doc must be a str or None")
    if doc is not None and "\0" in doc:
        raise ValueError("embedded null character in doc")  # as open() says
    if hasattr(text_or_bytes, "read"):
        name = getattr(text_or_bytes, "name", None)
        if doc is None:
            doc = _os.path.basename(name) if isinstance(name, str) and name else None
        text_or_bytes = text_or_bytes.read()
    if not isinstance(text_or_bytes, (str, bytes, bytearray, memoryview)):
        raise TypeError("parse() takes str, bytes or a file object, not %s"
                        % type(text_or_bytes).__name__)
    if isinstance(text_or_bytes, str):
        if encoding is not None and _encoding_code(encoding) != _raw.VNR_ENCODING_UTF8:
            raise ValueError("a str is parsed as UTF-8; pass bytes to use encoding=%r" % encoding)
        encoding = "utf-8"
    item = _data_item(text_or_bytes, doc if doc is not None else "-")
    return _run_batch([item], encoding, lenient, 1, "raise", max_input)[0]


def parse_file(path, encoding=None, *, lenient=False, max_input=None):
    """Parse the report in file ``path`` (``str`` or ``os.PathLike``; "-" is
    standard input) and return a :class:`Document` named after the file's
    base name. ``encoding``, ``lenient`` and ``max_input`` are as in
    :func:`parse`.

    The GIL is released while the C library reads and parses.

    Raises :class:`ReportNotFoundError` (a ``FileNotFoundError``),
    :class:`ReportIsADirectoryError` (an ``IsADirectoryError``),
    :class:`ReportPermissionError` (a ``PermissionError``) — all
    :class:`FileError` with ``errno`` and ``filename`` — and everything
    :func:`parse` raises.
    """
    if isinstance(path, (list, tuple)):
        raise TypeError("parse_file() takes one path; use vnreport.parse_files() or "
                        "vnreport.read_reports() for several")
    if _os.fspath(path) in ("-", b"-"):
        return parse(_sys.stdin.buffer.read(), doc="-", encoding=encoding, lenient=lenient,
                     max_input=max_input)
    return _run_batch([_path_item(path)], encoding, lenient, 1, "raise", max_input)[0]


def parse_files(paths, threads=None, encoding=None, *, lenient=False, errors="raise"):
    """Parse many report files at once and return their :class:`Document`
    objects in input order.

    The files are read and parsed by the C library on ``threads`` threads
    (default: one per available CPU) with the GIL released for the whole
    batch. ``errors`` says what a file that cannot be parsed does:
    ``"raise"`` (the default; the first failure in input order is raised
    and the batch stops), ``"warn"`` (a :class:`ParseWarning`, the file is
    left out) or ``"skip"`` (left out silently). ``encoding`` and
    ``lenient`` are as in :func:`parse`; the errors as in :func:`parse_file`.
    """
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    return _run_batch([_path_item(p) for p in paths], encoding, lenient, threads, errors)


_GLOB_CHARS = frozenset("*?[")


def _expand_source(source):
    """Input items for one argument of read_reports()."""
    if hasattr(source, "read"):
        return [_file_object_item(source)]
    if isinstance(source, (str, bytes, _os.PathLike)):
        path = _os.fsdecode(_os.fspath(source))
        if _os.path.isdir(path):
            files = sorted(_glob.glob(_os.path.join(_glob.escape(path), "**", "*.txt"), recursive=True))
            return [_path_item(f) for f in files]
        if _GLOB_CHARS & set(path):
            files = sorted(_glob.glob(path, recursive=True))
            if not files:
                exc = ReportNotFoundError(_errno.ENOENT, "no file matches the pattern", path)
                exc.status, exc.line, exc.byte = int(Status.IO), None, None
                raise exc
            return [_path_item(f) for f in files if not _os.path.isdir(f)]
        return [_path_item(path)]
    if isinstance(source, (list, tuple)):
        return [item for s in source for item in _expand_source(s)]
    raise TypeError("read_reports() takes paths, glob patterns, directories or file objects, "
                    "not %s" % type(source).__name__)


def read_reports(sources, encoding=None, *, lenient=False, errors="raise", threads=None,
                 section_path=False):
    """Read many reports into one ``pandas.DataFrame``, as pandas' own
    ``read_*`` functions do.

    ``sources`` is a path, a glob pattern (``"reports/**/*.txt"``), a
    directory (its ``*.txt`` files, recursively, sorted), a file object,
    or a list of any of these. Files are parsed in C on ``threads`` threads
    (default: one per CPU) with the GIL released; the frame is built in C,
    one buffer per column.

    Columns (``vnreport.FRAME_COLUMNS``): ``doc``, the document metadata
    ``province``, ``report_period``, ``report_kind``, ``report_date``,
    ``report_number`` (named ``report_*`` because ``period`` is also a
    record field), then the record fields of ``vnreport.FIELDS``. dtypes:
    integers are pandas' nullable ``Int64``; ``value``, ``value_max``,
    ``total``, ``canonical_value`` are float64 (NaN for null); ``estimate``
    is bool; enumerations and repeated values (``doc``, the metadata,
    ``role``, ``unit``, ``canonical_unit``, ``dimension``, ``qualifier``,
    ``baseline``, ``period``) are ``category``; ``section`` (the heading path
    joined with " > "), ``subject``, ``indicator`` and ``text`` are str.
    ``section_path=True`` adds ``section_path``, the path as a list.

    ``errors``, ``encoding`` and ``lenient`` are as in :func:`parse_files`.
    """
    items = _expand_source(sources)
    threads = _threads(threads, len(items))
    documents = _run_batch(items, encoding, lenient, threads, errors)
    return _dataframe([d._handle for d in documents], True, section_path, threads)


def _dataframe(handles, metadata, section_path, threads=1):
    """A DataFrame of the records of raw documents ``handles``; the columns
    are filled in C (batch.i) on ``threads`` threads without the GIL, then
    handed to numpy/pandas with one call per column here."""
    try:
        import numpy as np
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the system
        raise ImportError("vnreport DataFrames need pandas and numpy") from exc
    columns = {}
    for name, dtype, data, extra in _c._frame_columns(handles, metadata, section_path, threads):
        if dtype == "Int64":
            column = pd.arrays.IntegerArray(np.frombuffer(data, dtype=np.int64),
                                            np.frombuffer(extra, dtype=np.bool_))
        elif dtype == "float64":
            column = np.frombuffer(data, dtype=np.float64)
        elif dtype == "bool":
            column = np.frombuffer(data, dtype=np.bool_)
        elif dtype == "category":
            column = pd.Categorical.from_codes(np.frombuffer(data, dtype=np.int32),
                                               categories=pd.Index(extra, dtype=object))
        else:
            column = np.empty(len(data), dtype=object)
            column[:] = data
        columns[name] = column
    return pd.DataFrame(columns, copy=False)


def _rebuild_document(name, data, encoding, lenient):
    """Unpickle a Document: parse its source bytes again."""
    return parse(data, doc=name, encoding=encoding, lenient=lenient)


def _rebuild_record(document, index):
    """Unpickle a Record: record ``index`` of its (unpickled) document."""
    return document[index]


def convert(value, from_unit, to_unit, registry=None):
    """Convert ``value`` from unit ``from_unit`` to ``to_unit`` and return a
    float: ``convert(177078, "ha", "km2") == 1770.78``.

    Units are written as in reports, in any case: "ha", "tạ/ha", "sào",
    "nghìn tỷ đồng", "triệu đồng/người/năm", "m³", "%", …. ``registry`` (a
    :class:`Registry`) adds caller-defined units, exchange rates and a region
    for sào/mẫu/công; None is the built-in registry.

    Raises :class:`UnknownUnitError`, :class:`UnitSyntaxError` (``byte`` is
    the offset in the offending unit string), :class:`IncompatibleUnitsError`
    or :class:`NoRateError` — all :class:`UnitError`, itself a ``ValueError``.
    """
    return _raw.vnr_convert_ex(_registry_handle(registry), float(value), from_unit, to_unit)


def _registry_handle(registry):
    if registry is None:
        return None
    if not isinstance(registry, Registry):
        raise TypeError("registry must be a vnreport.Registry or None")
    return registry._handle


class Unit:
    """A parsed unit expression: ``Unit("tạ/ha")``.

    Attributes: ``text`` (as given), ``canonical`` ("kg/m2"), ``dimension``
    ("rate"), ``factor`` and ``offset`` (value × factor + offset = value in
    the canonical unit). With ``open_count=True`` an unknown noun phrase is
    accepted as a count noun, as the extractor does.

    Raises :class:`UnknownUnitError` or :class:`UnitSyntaxError`.
    """

    __slots__ = ("_handle",)

    def __init__(self, text, registry=None, *, open_count=False):
        if isinstance(text, Unit):
            text = text.text
        flags = _raw.VNR_UNIT_OPEN_COUNT if open_count else 0
        self._handle = _raw.vnr_unit_parse_ex(_registry_handle(registry), text, flags)

    text = property(lambda self: self._handle.text, doc="The expression as given.")
    canonical = property(lambda self: self._handle.canonical, doc="Canonical unit, e.g. 'kg/m2'.")
    dimension = property(lambda self: self._handle.dimension, doc="Dimension, e.g. 'area', 'rate'.")
    factor = property(lambda self: self._handle.factor, doc="Factor to the canonical unit.")
    offset = property(lambda self: self._handle.offset, doc="Offset to the canonical unit (temperatures).")

    def compatible(self, other):
        """Whether values in this unit convert into ``other`` (a Unit or a
        unit string) without an exchange rate."""
        return self._handle.compatible(_as_unit(other)._handle)

    def converter(self, to, registry=None):
        """A :class:`Converter` from this unit to ``to`` (Unit or str)."""
        return Converter(self, to, registry)

    def convert(self, value, to, registry=None):
        """``value`` in this unit, converted to ``to`` (Unit or str)."""
        return self.converter(to, registry)(value)

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<vnreport.Unit {!r} = {:g} {} ({})>".format(
            self.text, self.factor, self.canonical, self.dimension)


def _as_unit(value):
    return value if isinstance(value, Unit) else Unit(value)


class Converter:
    """A conversion resolved once and applied many times:
    ``Converter("tấn", "kg")(2.5) == 2500.0``.

    ``from_unit`` and ``to_unit`` are unit strings or :class:`Unit` objects;
    exchange rates are taken from ``registry`` when the converter is made.
    ``factor`` and ``offset`` describe it (out = value × factor + offset).
    """

    __slots__ = ("_handle",)

    def __init__(self, from_unit, to_unit, registry=None):
        reg = _registry_handle(registry)
        if isinstance(from_unit, Unit) or isinstance(to_unit, Unit):
            self._handle = _raw.vnr_converter_from_units(
                reg, _as_unit(from_unit)._handle, _as_unit(to_unit)._handle)
        else:
            self._handle = _raw.vnr_converter_new_ex(reg, from_unit, to_unit)

    factor = property(lambda self: self._handle.factor, doc="Multiplier of the conversion.")
    offset = property(lambda self: self._handle.offset, doc="Offset of the conversion.")

    def __call__(self, value):
        """Convert one number."""
        return self._handle.apply(float(value))

    def apply_array(self, values):
        """Convert many numbers at once (the GIL is released). A numpy
        array gives a float64 numpy array of the same shape; any other
        iterable of numbers gives a list of floats."""
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - depends on the system
            np = None
        if np is not None and isinstance(values, np.ndarray):
            flat = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
            packed = _raw.vnr_converter_apply_array(self._handle, flat)
            return np.frombuffer(packed, dtype=np.float64).reshape(values.shape)
        if not isinstance(values, (list, tuple)):
            values = list(values)
        packed = _raw.vnr_converter_apply_array(self._handle, values)
        return memoryview(packed).cast("d").tolist()

    def __repr__(self):
        return "<vnreport.Converter × {:g} + {:g}>".format(self.factor, self.offset)


#: One entry of a unit registry (see :meth:`Registry.entries`).
UnitEntry = _namedtuple(
    "UnitEntry", "name aliases kind canonical dimension factor offset regional user")
UnitEntry.__doc__ = """A registry entry: display ``name``, accepted spellings ``aliases`` (folded),
``kind`` ("unit", "scale" or "count"), ``canonical`` unit, ``dimension``,
``factor``/``offset`` to the canonical unit in the registry's region, whether
it is ``regional`` (sào, mẫu, công) and whether the caller defined it
(``user``)."""

_KINDS = {_raw.VNR_UNIT_KIND_UNIT: "unit", _raw.VNR_UNIT_KIND_SCALE: "scale",
          _raw.VNR_UNIT_KIND_COUNT: "count"}
#: Region names for :attr:`Registry.region`.
REGIONS = tuple(_raw.vnr_region_name(r) for r in range(3))


class Registry:
    """A unit registry: the built-in units plus the caller's units,
    exchange rates and regional convention.

    ``Registry()`` starts from the built-in registry, ``Registry(other)``
    from a copy of ``other`` (cheap, copy-on-write); ``Registry.builtin()`` is
    the read-only built-in registry. ``len(reg)`` and iteration list
    :class:`UnitEntry` tuples. A registry may be read by several threads but
    must not be modified while anyone reads it.
    """

    __slots__ = ("_handle",)

    def __init__(self, base=None, *, region=None):
        self._handle = _raw.vnr_unit_registry_new(_registry_handle(base))
        if self._handle is None:
            raise MemoryError("vnr_unit_registry_new")
        if region is not None:
            self.region = region

    @classmethod
    def builtin(cls):
        """The built-in registry (read-only; Northern units, no rates)."""
        self = cls.__new__(cls)
        self._handle = _raw.vnr_unit_registry_builtin()
        return self

    @property
    def region(self):
        """Convention for sào, mẫu and công: "north", "central" or "south"
        (Vietnamese names "bắc", "trung", "nam" are accepted when setting)."""
        return _raw.vnr_region_name(_raw.vnr_unit_registry_region(self._handle))

    @region.setter
    def region(self, name):
        _raw.vnr_unit_registry_set_region(self._handle, _raw.vnr_region_from_name(name))

    def define(self, name, factor=1.0, base=None):
        """Define ``1 name = factor × base`` ("bao", 50, "kg"); with ``base``
        None, ``name`` becomes a count noun."""
        _raw.vnr_unit_registry_define(self._handle, name, float(factor), base)

    def set_rate(self, from_currency, to_currency, rate):
        """Set an exchange rate: ``1 from_currency = rate to_currency``
        ("USD", "VND", 25400). Inverses and one-step chains are derived."""
        _raw.vnr_unit_registry_set_rate(self._handle, from_currency, to_currency, float(rate))

    def __len__(self):
        return _raw.vnr_unit_registry_count(self._handle)

    def _entry(self, i):
        h = self._handle
        aliases = []
        while True:
            alias = _raw.vnr_unit_registry_alias(h, i, len(aliases))
            if alias is None:
                break
            aliases.append(alias)
        return UnitEntry(
            _raw.vnr_unit_registry_name(h, i), tuple(aliases),
            _KINDS.get(_raw.vnr_unit_registry_kind(h, i), "unit"),
            _raw.vnr_unit_registry_canonical(h, i), _raw.vnr_unit_registry_dimension(h, i),
            _raw.vnr_unit_registry_factor(h, i), _raw.vnr_unit_registry_offset(h, i),
            bool(_raw.vnr_unit_registry_is_regional(h, i)),
            bool(_raw.vnr_unit_registry_is_user(h, i)))

    def __iter__(self):
        for i in range(len(self)):
            yield self._entry(i)

    def entries(self):
        """Every entry as a list of :class:`UnitEntry`."""
        return list(self)

    def __repr__(self):
        return "<vnreport.Registry {} entries, region {}>".format(len(self), self.region)


def units(registry=None):
    """The entries of ``registry`` (default: built-in) as a list of
    :class:`UnitEntry`, like ``vnreport units``."""
    return (registry if registry is not None else Registry.builtin()).entries()


class Document:
    """A parsed report: metadata attributes and a sequence of :class:`Record`.

    ``len(doc)``, ``doc[i]`` (negative indices and slices too), ``for rec in
    doc``, :meth:`records`, :meth:`to_records`, :meth:`to_dataframe`.
    Metadata attributes are str or None: ``doc``, ``province``, ``issuer``,
    ``number``, ``date`` (ISO), ``title``, ``period``, ``kind``,
    ``language``, ``encoding``; plus ``encoding_confidence`` (0..1) and
    ``replacements`` (U+FFFD inserted in lenient mode).

    Documents are immutable and may be shared between threads. Records keep
    their document alive: dropping the document first is safe.
    """

    __slots__ = ("_handle", "_source", "__weakref__")

    def __init__(self, handle, source=None):
        if not isinstance(handle, _raw.Document):
            raise TypeError("Documents come from vnreport.parse() or vnreport.parse_file()")
        self._handle = handle
        # How to build it again when pickled: ("bytes", data, name, encoding,
        # lenient) or ("file", path, size, mtime_ns, encoding, lenient).
        self._source = source

    def __reduce__(self):
        """Pickle as the source bytes and options: unpickling parses again
        (the result is identical; the C document itself has no byte form)."""
        source = self._source
        if source is None:
            raise TypeError("this Document has no source to pickle it from")
        if source[0] == "bytes":
            _, data, name, encoding, lenient = source
        else:
            _, path, size, mtime_ns, encoding, lenient = source
            try:
                with open(path, "rb") as f:
                    st = _os.fstat(f.fileno())
                    data = f.read()
            except OSError as exc:
                raise _pickle.PicklingError("cannot pickle %s: %s" % (self.doc, exc)) from exc
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                raise _pickle.PicklingError(
                    "cannot pickle %s: %s changed since it was parsed" % (self.doc, path))
            name = self.doc
        return (_rebuild_document, (name, data, encoding, lenient))

    # -- metadata --------------------------------------------------------

    def meta(self, field):
        """Metadata field ``field`` (one of ``METADATA_FIELDS``) or None."""
        return _raw.vnr_document_meta(self._handle, field)

    @property
    def metadata(self):
        """All metadata as a dict, keyed like the CLI's document line."""
        result = {name: self.meta(name) for name in METADATA_FIELDS}
        result["encoding_confidence"] = self.encoding_confidence
        result["replacements"] = self.replacements
        result["records"] = len(self)
        return result

    doc = property(lambda self: self.meta("doc"), doc="Source name.")
    province = property(lambda self: self.meta("province"), doc="Province, e.g. 'Yên Bái'.")
    issuer = property(lambda self: self.meta("issuer"), doc="Issuing body.")
    number = property(lambda self: self.meta("number"), doc="Document number, e.g. '412/BC-UBND'.")
    date = property(lambda self: self.meta("date"), doc="Date of issue, ISO 'YYYY-MM-DD'.")
    title = property(lambda self: self.meta("title"), doc="Title line.")
    period = property(lambda self: self.meta("period"), doc="Reported period: '2022', '2021-Q1', '2021-H1'.")
    kind = property(lambda self: self.meta("kind"), doc="'annual', 'quarterly', 'half_year', 'monthly' or 'plan'.")
    language = property(lambda self: self.meta("language"), doc="Language code ('vi').")
    encoding = property(lambda self: self.meta("encoding"), doc="Input encoding that was used.")

    @property
    def encoding_confidence(self):
        """Confidence of the chosen input encoding, 0..1."""
        return _raw.vnr_document_encoding_confidence(self._handle)

    @property
    def replacements(self):
        """Number of U+FFFD inserted in lenient mode."""
        return _raw.vnr_document_replacements(self._handle)

    # -- records ---------------------------------------------------------

    def __len__(self):
        return _raw.vnr_document_record_count(self._handle)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = _index(index)
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("record index out of range")
        rec = _raw.vnr_document_record(self._handle, index)
        rec._set_owner(self)
        return rec

    def __iter__(self):
        handle = self._handle
        for i in range(_raw.vnr_document_record_count(handle)):
            rec = _raw.vnr_document_record(handle, i)
            rec._set_owner(self)
            yield rec

    def records(self):
        """All records, in input order, as a list of :class:`Record`."""
        return list(self)

    def to_records(self):
        """All records as a list of dicts (see :meth:`Record.as_dict`): the
        same keys and values as the CLI's JSON Lines ``record`` objects."""
        return [rec.as_dict() for rec in self]

    def to_dataframe(self, *, metadata=False, section_path=False):
        """The records as a ``pandas.DataFrame``, one row per record, in
        input order, with the columns ``vnreport.FIELDS`` (docs/guide.md,
        "Record fields"); ``metadata=True`` adds the document metadata
        columns and ``section_path=True`` the heading path as a list, as in
        :func:`read_reports`, whose dtypes these are. Built in C, one call
        per column.
        """
        return _dataframe([self._handle], metadata, section_path)

    # -- checks ----------------------------------------------------------

    def check(self):
        """Statements whose numbers disagree, as a list of :class:`Finding`
        (what ``vnreport check`` prints): a level, its % change and the
        restated absolute change; an attainment against its level and
        target; shares of one whole past 100 %; a ``trong đó`` part larger
        than its total. Each finding has both records and lines, the value
        found, the value expected and the tolerance allowed for rounding."""
        return _analysis.check(self)

    # -- audit -----------------------------------------------------------

    def numbers(self):
        """Every digit run of the input with its fate, as a list of
        :class:`NumberFate` (what ``vnreport audit`` prints)."""
        handle = self._handle
        return [NumberFate(*_raw.vnr_document_number(handle, i),
                           _raw.vnr_document_number_text(handle, i))
                for i in range(_raw.vnr_document_number_count(handle))]

    def __repr__(self):
        return "<vnreport.Document {!r} {} {} records>".format(self.doc, self.province, len(self))


Finding = _analysis.Finding
PANEL_COLUMNS = _analysis.PANEL_COLUMNS


def panel(docs_or_paths, *, as_dataframe=True):
    """One tidy row per (province, period, indicator_key, subject_key, role,
    baseline) over several reports, what ``vnreport panel`` prints: the value
    and unit, the canonical value and unit, and the source ``doc``/``line``.

    ``docs_or_paths``: :class:`Document` objects and/or file paths (a single
    one is accepted too). Only records with an ``indicator_key`` take part;
    the period is the record's own, else the document's. Duplicates within
    one report keep the first statement; ``duplicates`` counts the others
    and ``conflicts`` those that disagree with it (beyond 0.5 %).

    Returns a ``pandas.DataFrame`` with columns ``PANEL_COLUMNS`` (a list of
    dicts when ``as_dataframe`` is False).
    """
    if isinstance(docs_or_paths, (Document, str, _os.PathLike)):
        docs_or_paths = [docs_or_paths]
    rows = []
    for item in docs_or_paths:
        doc = item if isinstance(item, Document) else parse_file(item)
        rows += _analysis.panel_rows(doc)
    if not as_dataframe:
        return rows
    import pandas as pd
    return pd.DataFrame(rows, columns=list(PANEL_COLUMNS))


def _append_c_doc(func, c_name):
    """Carry the C header's documentation (a docstring made by swig -doxygen)
    into the Python function's docstring, below its own."""
    c_doc = getattr(getattr(_raw, c_name), "__doc__", None)
    if func.__doc__ and c_doc:
        func.__doc__ += "\n    From the C documentation of ``{}()``:\n\n{}\n".format(
            c_name, _textwrap.indent(_textwrap.dedent(c_doc).strip("\n"), "        "))


_append_c_doc(parse, "vnr_parse")
_append_c_doc(parse_file, "vnr_parse_file")
_append_c_doc(convert, "vnr_convert_ex")


def _index(value):
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError("record indices must be integers or slices") from None


Record.__module__ = __name__
Record.__doc__ = """One indicator observation.

Attributes are the record fields (``vnreport.FIELDS``; each is described
in docs/guide.md, "Record fields"): numbers are int or
float, null fields are None, ``section`` is a list of str, ``estimate`` a
bool. ``as_dict()`` gives them all; ``index()`` is the record's position in
its document. A record keeps its document alive, and pickles with it."""

#: The columns of read_reports() (without section_path), in order.
FRAME_COLUMNS = tuple(entry[0] for entry in _c._frame_columns([], True, False))
