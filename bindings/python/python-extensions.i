/*
 * python/python-extensions.i — Python-only methods of the raw classes.
 *
 * Owns: what makes a raw Record pleasant on its own (as_dict, repr,
 * equality); everything document-level lives in vnreport/__init__.py.
 */

%extend vnrb_record {
%pythoncode %{
    #: The SPEC §4 field names, in output order.
    FIELDS = ("doc", "statement", "line", "col", "offset", "length", "section",
              "subject", "indicator", "role", "value", "value_max", "total",
              "unit", "canonical_value", "canonical_unit", "dimension",
              "qualifier", "estimate", "baseline", "period", "text",
              "indicator_key", "subject_key")

    def as_dict(self):
        """The record as a dict keyed by the SPEC §4 field names, in order.

        Null fields are None, `section` is a list of str, `estimate` a bool:
        the same values `vnreport extract --format jsonl` prints."""
        return {name: getattr(self, name) for name in self.FIELDS}

    def __repr__(self):
        return "<vnreport.Record {}:{} {} {!r} {} {!r}>".format(
            self.doc, self.line, self.role, self.indicator, self.value, self.unit)

    def __eq__(self, other):
        if not isinstance(other, Record):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    __hash__ = None
%}
}
