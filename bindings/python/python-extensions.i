/*
 * python/python-extensions.i — Python-only methods of the raw classes.
 *
 * Owns: what makes a raw Record pleasant on its own (as_dict, repr,
 * equality); everything document-level lives in vnreport/__init__.py.
 */

%rename(_owner) vnrb_record::b_owner;
%rename(_set_owner) vnrb_record::b_set_owner;
%extend vnrb_record {
    /* The Python Document this record came from, or None (raw API). */
    PyObject *b_owner() { return Py_NewRef($self->owner ? (PyObject *)$self->owner : Py_None); }
    void b_set_owner(PyObject *owner) {
        Py_XINCREF(owner);
        Py_XDECREF((PyObject *)$self->owner);
        $self->owner = owner;
    }
%pythoncode %{
    #: The record field names, in output order (docs/guide.md, "Record fields").
    FIELDS = ("doc", "statement", "line", "col", "offset", "length", "section",
              "subject", "indicator", "role", "value", "value_max", "total",
              "unit", "canonical_value", "canonical_unit", "dimension",
              "qualifier", "estimate", "baseline", "period", "text", "page",
              "indicator_key", "subject_key")

    def as_dict(self):
        """The record as a dict keyed by the field names, in order.

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

    def __reduce__(self):
        owner = self._owner()
        if owner is None:
            raise TypeError("cannot pickle a Record of the raw module; use records of a vnreport.Document")
        import vnreport
        return (vnreport._rebuild_record, (owner, self.index()))
%}
}
