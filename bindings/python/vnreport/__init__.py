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
import math as _math
import os as _os
import textwrap as _textwrap
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
    EncodingError,
    EmptyInputError,
    InputTooLargeError,
    UnitError,
    UnknownUnitError,
    IncompatibleUnitsError,
    UnitSyntaxError,
    NoRateError,
    NotFoundError,
    InternalError,
)

__all__ = [
    "parse", "parse_file", "convert", "units", "panel", "Document", "Record", "NumberFate",
    "Finding", "PANEL_COLUMNS",
    "Unit", "Converter", "Registry", "UnitEntry", "REGIONS",
    "Status", "FIELDS", "METADATA_FIELDS", "ENCODINGS", "version", "version_info",
    "Error", "InvalidArgumentError", "NoMemoryError", "FileError",
    "EncodingError", "EmptyInputError", "InputTooLargeError", "UnitError",
    "UnknownUnitError", "IncompatibleUnitsError", "UnitSyntaxError",
    "NoRateError", "NotFoundError", "InternalError",
]

#: Version of the libvnreport compiled into this package ("MAJOR.MINOR.MICRO").
version = _raw.vnr_version()
__version__ = version
#: The same as a tuple of ints.
version_info = tuple(int(part) for part in version.split("."))

#: Record fields (SPEC §4), in output order: the DataFrame's columns.
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

_FLOAT_FIELDS = ("value", "value_max", "total", "canonical_value")
_INT_FIELDS = ("statement", "line", "col", "offset", "length")


def _make_parser(encoding, lenient):
    if encoding is None and not lenient:
        return None  # the C library's defaults
    parser = _raw.Parser()
    if encoding is not None:
        if not isinstance(encoding, str):
            raise TypeError("encoding must be a str such as 'utf-8' or 'tcvn3'")
        _raw.vnr_parser_set_encoding(parser, _raw.vnr_encoding_from_name(encoding))
    if lenient:
        _raw.vnr_parser_set_lenient(parser, 1)
    return parser


def parse(text_or_bytes, doc=None, encoding=None, *, lenient=False):
    """Parse a report held in memory and return a :class:`Document`.

    ``text_or_bytes`` is a ``str`` (parsed as UTF-8) or the raw bytes of a
    report (``bytes``, ``bytearray``, ``memoryview``): UTF-8, UTF-16 with a
    BOM, Windows-1258, TCVN3, VNI or VISCII, detected unless ``encoding``
    names one ("utf-8", "cp1258", "tcvn3", "vni", "viscii", …; see
    ``vnreport.ENCODINGS``). ``doc`` is the name written into every record's
    ``doc`` field ("-" when None). With ``lenient=True`` invalid byte
    sequences become U+FFFD (counted in ``Document.replacements``) instead of
    raising.

    The GIL is released while the C library parses.

    Raises :class:`EncodingError` (with ``line`` and ``byte``) for bytes that
    are not valid in the encoding, :class:`EmptyInputError` for empty input,
    :class:`InputTooLargeError`, :class:`InvalidArgumentError` for an unknown
    encoding name, ``TypeError`` for other argument types.
    """
    if isinstance(text_or_bytes, str):
        if encoding is not None and _raw.vnr_encoding_from_name(encoding) != _raw.VNR_ENCODING_UTF8:
            raise ValueError("a str is parsed as UTF-8; pass bytes to use encoding=%r" % encoding)
        encoding = "utf-8"
    elif not isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        raise TypeError("parse() takes str or bytes, not %s" % type(text_or_bytes).__name__)
    if doc is not None and not isinstance(doc, str):
        raise TypeError("doc must be a str or None")
    parser = _make_parser(encoding, lenient)
    return Document(_raw.vnr_parse(parser, text_or_bytes, doc))


def parse_file(path, encoding=None, *, lenient=False):
    """Parse the report in file ``path`` (``str`` or ``os.PathLike``; "-" is
    standard input) and return a :class:`Document` named after the file's
    base name. ``encoding`` and ``lenient`` are as in :func:`parse`.

    The GIL is released while the C library reads and parses.

    Raises :class:`FileError` (an ``OSError``) when the file cannot be read,
    and everything :func:`parse` raises.
    """
    path = _os.fsdecode(_os.fspath(path))
    parser = _make_parser(encoding, lenient)
    return Document(_raw.vnr_parse_file(parser, path))


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

    __slots__ = ("_handle",)

    def __init__(self, handle):
        if not isinstance(handle, _raw.Document):
            raise TypeError("Documents come from vnreport.parse() or vnreport.parse_file()")
        self._handle = handle

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
        return _raw.vnr_document_record(self._handle, index)

    def __iter__(self):
        handle = self._handle
        for i in range(_raw.vnr_document_record_count(handle)):
            yield _raw.vnr_document_record(handle, i)

    def records(self):
        """All records, in input order, as a list of :class:`Record`."""
        return list(self)

    def to_records(self):
        """All records as a list of dicts (see :meth:`Record.as_dict`): the
        same keys and values as the CLI's JSON Lines ``record`` objects."""
        return [rec.as_dict() for rec in self]

    def to_dataframe(self):
        """The records as a ``pandas.DataFrame`` with exactly the columns
        ``vnreport.FIELDS`` (SPEC §4), one row per record, in input order.

        dtypes: ``statement``, ``line``, ``col``, ``offset``, ``length`` are
        int64; ``value``, ``value_max``, ``total``, ``canonical_value`` are
        float64 with NaN for null; ``estimate`` is bool; the other columns are
        object (str, or None for null; ``section`` holds lists of str).
        """
        try:
            import numpy as np
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the system
            raise ImportError("Document.to_dataframe() needs pandas") from exc
        records = list(self)
        columns = {}
        for name in FIELDS:
            values = [getattr(rec, name) for rec in records]
            if name in _FLOAT_FIELDS:
                column = np.array([_math.nan if v is None else v for v in values], dtype=np.float64)
            elif name in _INT_FIELDS:
                column = np.array(values, dtype=np.int64)
            elif name == "estimate":
                column = np.array(values, dtype=bool)
            else:
                column = np.empty(len(values), dtype=object)
                column[:] = values
            columns[name] = column
        return pd.DataFrame(columns, columns=list(FIELDS))

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
Record.__doc__ = """One indicator observation (SPEC §4).

Attributes are the §4 fields (see ``vnreport.FIELDS``): numbers are int or
float, null fields are None, ``section`` is a list of str, ``estimate`` a
bool. ``as_dict()`` gives them all; ``index()`` is the record's position in
its document. A record keeps its document alive."""
