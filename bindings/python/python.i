/*
 * python/python.i — the Python half of vnreport.i: typemaps, the exception
 * hierarchy, and where the GIL is released.
 *
 * Owns: how C values become Python values in the raw module `_vnreport`.
 * Errors: every failing `vnr_status` raises a subclass of `vnreport.Error`
 * carrying `status`, `line` and `byte`; the classes are created here, in C,
 * so the typemaps can raise them without importing anything.
 */

%begin %{
/* Python.h must see this before anything else (PEP 353). */
#define PY_SSIZE_T_CLEAN
/* A record's owner is the Python Document that made it (for pickling);
 * records are freed with the GIL held. */
#define VNRB_RELEASE_OWNER(owner) Py_XDECREF((PyObject *)(owner))
%}

/* ---- Classes --------------------------------------------------------- */

/* Wrapped objects take no new attributes (`rec.valu = 1` is an error). */
%feature("python:nondynamic");

/* ---- Docstrings ----------------------------------------------------- */

/* `swig -doxygen` turns the header comments into docstrings; autodoc adds
 * the Python-level signature and types above them. */
%feature("autodoc", "2");

/* ---- The GIL: released only where C does real work ----------------- */

/* The module is built with threads="1"; keep the GIL by default (accessors
 * are too cheap for the release to pay) and release it around parsing and
 * conversion, so a ThreadPoolExecutor over many files scales. */
%nothread;
%thread vnr_parse;
%thread vnr_parse_file;
%thread vnr_convert;
%thread vnr_convert_ex;
%thread vnr_converter_apply_array;

/* ---- Exceptions ------------------------------------------------------ */

%{
/* The module's entry point, declared for -Wmissing-prototypes. */
SWIGEXPORT PyObject *SWIG_init(void);

/* One class per status code; [0] is the base class vnreport.Error. */
static PyObject *vnrb_exceptions[VNR_E_BAD_DOCUMENT + 1];
static PyObject *vnrb_unit_error;
/* FormatError (an EncodingError): binary document formats (PDF, DOCX …). */
static PyObject *vnrb_format_error;
/* FileError subclasses that are also FileNotFoundError, IsADirectoryError,
 * PermissionError, in that order (batch.i makes them from errno). */
static PyObject *vnrb_os_errors[3];

static PyObject *vnrb_exception_for(vnr_status status)
{
    if ((int)status > 0 && (int)status <= (int)VNR_E_BAD_DOCUMENT && vnrb_exceptions[status])
        return vnrb_exceptions[status];
    return vnrb_exceptions[0];
}

/* Set `status`, `line` and `byte` on an exception instance. line 0 and
 * byte (size_t)-1 mean "no position" and become None. */
static int vnrb_set_error_attributes(PyObject *exc, vnr_status status, size_t line, size_t byte)
{
    PyObject *values[3];
    static const char *const names[3] = {"status", "line", "byte"};
    int i, rc = 0;
    values[0] = PyLong_FromLong((long)status);
    values[1] = line ? PyLong_FromSize_t(line) : Py_NewRef(Py_None);
    values[2] = byte != (size_t)-1 ? PyLong_FromSize_t(byte) : Py_NewRef(Py_None);
    for (i = 0; i < 3; i++) {
        if (!values[i] || PyObject_SetAttrString(exc, names[i], values[i]) != 0)
            rc = -1;
        Py_XDECREF(values[i]);
    }
    return rc;
}

/* A new exception instance of class @p cls for a failed call (new
 * reference), or NULL with a Python error set. */
static PyObject *vnrb_make_exception(PyObject *cls, vnr_status status, const char *message,
                                     size_t line, size_t byte)
{
    PyObject *text, *exc;
    if (!message || !*message)
        message = vnr_status_str(status);
    text = PyUnicode_DecodeUTF8(message, (Py_ssize_t)strlen(message), "replace");
    if (!text)
        return NULL;
    exc = PyObject_CallOneArg(cls, text);
    Py_DECREF(text);
    if (exc && vnrb_set_error_attributes(exc, status, line, byte) != 0)
        Py_CLEAR(exc);
    return exc;
}

/* Set the Python error for a failed call. Returns NULL for
 * `return vnrb_raise(…)`. */
static PyObject *vnrb_raise(vnr_status status, const char *message, size_t line, size_t byte)
{
    PyObject *cls = vnrb_exception_for(status);
    PyObject *exc = vnrb_make_exception(cls, status, message, line, byte);
    if (!exc)
        return NULL;
    PyErr_SetObject(cls, exc);
    Py_DECREF(exc);
    return NULL;
}

static PyObject *vnrb_raise_error(const vnr_error *error)
{
    return vnrb_raise(vnr_error_status(error), vnr_error_message(error),
                      vnr_error_line(error), vnr_error_byte(error));
}

static PyObject *vnrb_raise_status(vnr_status status)
{
    return vnrb_raise(status, NULL, 0, (size_t)-1);
}

static PyObject *vnrb_new_exception(PyObject *dict, const char *name, PyObject *bases,
                                    const char *doc)
{
    char qualified[64];
    PyObject *cls;
    snprintf(qualified, sizeof qualified, "vnreport.%s", name);
    cls = PyErr_NewExceptionWithDoc(qualified, doc, bases, NULL);
    Py_XDECREF(bases);
    if (cls && PyDict_SetItemString(dict, name, cls) != 0)
        Py_CLEAR(cls);
    return cls; /* one reference kept by the static table, one by the dict */
}

/* The errno-specific file errors and FormatError. */
static int vnrb_init_file_exceptions(PyObject *dict)
{
    static const struct {
        const char *name;
        PyObject **builtin;
        const char *doc;
    } os_table[3] = {
        { "ReportNotFoundError", &PyExc_FileNotFoundError,
          "A report file does not exist (a FileError and a FileNotFoundError; "
          "`errno`, `strerror` and `filename` are set)." },
        { "ReportIsADirectoryError", &PyExc_IsADirectoryError,
          "A directory was given where a report file was expected (a FileError "
          "and an IsADirectoryError; `errno`, `strerror` and `filename` are set)." },
        { "ReportPermissionError", &PyExc_PermissionError,
          "A report file may not be read (a FileError and a PermissionError; "
          "`errno`, `strerror` and `filename` are set)." },
    };
    int i;
    for (i = 0; i < 3; i++) {
        vnrb_os_errors[i] = vnrb_new_exception(dict, os_table[i].name,
            PyTuple_Pack(2, vnrb_exceptions[VNR_E_IO], *os_table[i].builtin), os_table[i].doc);
        if (!vnrb_os_errors[i])
            return -1;
    }
    vnrb_format_error = vnrb_new_exception(dict, "FormatError",
        PyTuple_Pack(1, vnrb_exceptions[VNR_E_ENCODING]),
        "The input is a binary document format (PDF, DOCX/ZIP, DOC/XLS, RTF, "
        "gzip), not text: convert it to text first. An EncodingError; never "
        "parsed, not even with lenient=True.");
    return vnrb_format_error ? 0 : -1;
}

static int vnrb_init_exceptions(PyObject *dict)
{
    static const struct {
        vnr_status status;
        const char *name;
        int unit;           /* derives from UnitError */
        PyObject **builtin; /* second base, for `except ValueError` users */
        const char *doc;
    } table[] = {
        { VNR_E_INVALID_ARGUMENT, "InvalidArgumentError", 0, &PyExc_ValueError,
          "A None or out-of-range argument (VNR_E_INVALID_ARGUMENT)." },
        { VNR_E_NOMEM, "NoMemoryError", 0, &PyExc_MemoryError,
          "An allocation failed (VNR_E_NOMEM)." },
        { VNR_E_IO, "FileError", 0, &PyExc_OSError,
          "A file could not be opened or read (VNR_E_IO)." },
        { VNR_E_ENCODING, "EncodingError", 0, &PyExc_ValueError,
          "Input bytes are not valid in the encoding (VNR_E_ENCODING); `line` and `byte` say where." },
        { VNR_E_EMPTY, "EmptyInputError", 0, &PyExc_ValueError,
          "The input holds no text at all (VNR_E_EMPTY)." },
        { VNR_E_TOO_LARGE, "InputTooLargeError", 0, &PyExc_ValueError,
          "The input exceeds the size the library accepts (VNR_E_TOO_LARGE)." },
        { VNR_E_UNKNOWN_UNIT, "UnknownUnitError", 1, NULL,
          "A unit name is not in the registry (VNR_E_UNKNOWN_UNIT)." },
        { VNR_E_INCOMPATIBLE, "IncompatibleUnitsError", 1, NULL,
          "Two units have different dimensions (VNR_E_INCOMPATIBLE)." },
        { VNR_E_SYNTAX, "UnitSyntaxError", 1, NULL,
          "A unit expression or number is malformed (VNR_E_SYNTAX)." },
        { VNR_E_NO_RATE, "NoRateError", 1, NULL,
          "Currencies differ and no exchange rate is known (VNR_E_NO_RATE)." },
        { VNR_E_NOT_FOUND, "NotFoundError", 0, &PyExc_LookupError,
          "A looked-up item does not exist (VNR_E_NOT_FOUND)." },
        { VNR_E_INTERNAL, "InternalError", 0, &PyExc_RuntimeError,
          "A bug in libvnreport; please report it (VNR_E_INTERNAL)." },
        { VNR_E_UNSUPPORTED_FORMAT, "UnsupportedFormatError", 0, &PyExc_ValueError,
          "A document format this build cannot read (VNR_E_UNSUPPORTED_FORMAT)." },
        { VNR_E_NO_TEXT_LAYER, "NoTextLayerError", 0, &PyExc_ValueError,
          "A PDF with no text layer, a scan: run OCR first (VNR_E_NO_TEXT_LAYER)." },
        { VNR_E_BAD_DOCUMENT, "BadDocumentError", 0, &PyExc_ValueError,
          "A damaged, encrypted or unsafe PDF or DOCX (VNR_E_BAD_DOCUMENT)." },
    };
    size_t i;
    vnrb_exceptions[0] = vnrb_new_exception(dict, "Error", NULL,
        "Base class of every libvnreport error. Attributes: `status` (the C "
        "vnr_status code, see vnreport.Status), `line` (1-based, or None) and "
        "`byte` (0-based offset in the input, or None).");
    if (!vnrb_exceptions[0])
        return -1;
    vnrb_unit_error = vnrb_new_exception(dict, "UnitError",
        PyTuple_Pack(2, vnrb_exceptions[0], PyExc_ValueError),
        "A unit could not be parsed or converted (base of UnknownUnitError, "
        "IncompatibleUnitsError, UnitSyntaxError, NoRateError).");
    if (!vnrb_unit_error)
        return -1;
    for (i = 0; i < sizeof table / sizeof *table; i++) {
        PyObject *bases = table[i].unit ? PyTuple_Pack(1, vnrb_unit_error)
                                        : PyTuple_Pack(2, vnrb_exceptions[0], *table[i].builtin);
        vnrb_exceptions[table[i].status] = vnrb_new_exception(dict, table[i].name, bases, table[i].doc);
        if (!vnrb_exceptions[table[i].status])
            return -1;
    }
    return vnrb_init_file_exceptions(dict);
}
%}

%init %{
    if (vnrb_init_exceptions(d) != 0)
        return NULL;
%}

/* ---- Status codes and vnr_error ------------------------------------- */

/* A status never reaches Python. Functions with a vnr_error out-parameter
 * raise from that error (its argout, below, comes after every other
 * argout); the `ret` typemap, which runs last, raises for the others from
 * the status alone. */
%typemap(out) vnr_status {
    $result = SWIG_Py_Void();
}
%typemap(ret) vnr_status {
    if ($1 != VNR_OK) {
        Py_XDECREF($result);
        return vnrb_raise_status($1);
    }
}

/* For the tests: any status through the same typemaps as every C call. */
%inline %{
static vnr_status _vnrb_check_status(int status) { return (vnr_status)status; }
%}

/* vnr_status_str() takes any value: a plain int there. */
%typemap(in) vnr_status status = int;
%typemap(typecheck) vnr_status status = int;

%typemap(in, numinputs=0) vnr_error **error (vnr_error *error_tmp = NULL) {
    $1 = &error_tmp;
}
%typemap(argout) vnr_error **error {
    if (*$1) {
        vnrb_raise_error(*$1);
        SWIG_fail;
    }
}
%typemap(freearg) vnr_error **error {
    vnr_error_free(*$1);
}

/* ---- Inputs ---------------------------------------------------------- */

/* Report bytes: bytes, bytearray, memoryview (anything with the buffer
 * protocol, NULs included) or str (encoded to UTF-8). The buffer stays held
 * while the GIL is released around the parse. */
%typemap(in) (const char *data, size_t length) (Py_buffer view = {0}) {
    if (PyUnicode_Check($input)) {
        Py_ssize_t n = 0;
        const char *s = PyUnicode_AsUTF8AndSize($input, &n);
        if (!s)
            SWIG_fail;
        $1 = (char *)s;
        $2 = (size_t)n;
    } else {
        if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) != 0)
            SWIG_fail;
        $1 = (char *)view.buf;
        $2 = (size_t)view.len;
    }
}
%typemap(freearg) (const char *data, size_t length) {
    if (view$argnum.obj)
        PyBuffer_Release(&view$argnum);
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) (const char *data, size_t length) {
    $1 = PyUnicode_Check($input) || PyObject_CheckBuffer($input);
}

/* A record argument is the binding's Record (or None, which the C API
 * accepts and answers with NULL/0/NaN). */
%typemap(in) const vnr_record *rec (void *argp = NULL, int res = 0) {
    res = SWIG_ConvertPtr($input, &argp, $descriptor(vnrb_record *), 0);
    if (!SWIG_IsOK(res))
        SWIG_exception_fail(SWIG_ArgError(res), "in method '$symname', argument $argnum of type 'Record'");
    $1 = ($1_ltype)(argp ? ((vnrb_record *)argp)->rec : NULL);
}

/* ---- Outputs --------------------------------------------------------- */

/* Handles created for the caller: the new object owns them. */
%define VNRB_OWNED_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *tmp = NULL) {
    $1 = &tmp;
}
%typemap(argout) TYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}
%enddef
VNRB_OWNED_OUT(vnr_document)
VNRB_OWNED_OUT(vnr_unit)
VNRB_OWNED_OUT(vnr_converter)

/* Enum out-parameters become ints. */
%define VNRB_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE tmp = (TYPE)0) {
    $1 = &tmp;
}
%typemap(argout) TYPE *out {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}
%enddef
VNRB_ENUM_OUT(vnr_encoding)
VNRB_ENUM_OUT(vnr_region)

/* Converted values. */
%typemap(in, numinputs=0) double *out (double tmp = NAN) {
    $1 = &tmp;
}
%typemap(argout) double *out {
    $result = SWIG_Python_AppendOutput($result, PyFloat_FromDouble(*$1));
}

/* vnr_converter_apply_array(conv, values): any buffer of C doubles (a
 * float64 numpy array, array('d')) is read in place, other iterables are
 * copied; the result is a bytearray of packed doubles (vnreport turns it
 * into a list or a numpy array). The GIL is released while converting. */
%typemap(in) (const double *in, double *out, size_t n) (Py_buffer view = {0}, double *copy = NULL, PyObject *result_buf = NULL) {
    if (PyObject_CheckBuffer($input) &&
        PyObject_GetBuffer($input, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) == 0 &&
        view.format && strcmp(view.format, "d") == 0 && view.itemsize == sizeof(double)) {
        $1 = (double *)view.buf;
        $3 = (size_t)view.len / sizeof(double);
    } else {
        PyObject *seq;
        Py_ssize_t i, count;
        if (view.obj)
            PyBuffer_Release(&view);
        PyErr_Clear();
        seq = PySequence_Fast($input, "values must be a sequence of numbers or a buffer of doubles");
        if (!seq)
            SWIG_fail;
        count = PySequence_Fast_GET_SIZE(seq);
        copy = PyMem_Malloc(sizeof(double) * (size_t)(count ? count : 1));
        if (!copy) {
            Py_DECREF(seq);
            PyErr_NoMemory();
            SWIG_fail;
        }
        for (i = 0; i < count; i++) {
            copy[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
            if (copy[i] == -1.0 && PyErr_Occurred()) {
                Py_DECREF(seq);
                SWIG_fail;
            }
        }
        Py_DECREF(seq);
        $1 = copy;
        $3 = (size_t)count;
    }
    result_buf = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)($3 * sizeof(double)));
    if (!result_buf)
        SWIG_fail;
    $2 = (double *)PyByteArray_AS_STRING(result_buf);
}
%typemap(argout) (const double *in, double *out, size_t n) {
    $result = SWIG_Python_AppendOutput($result, result_buf$argnum);
    result_buf$argnum = NULL;
}
%typemap(freearg) (const double *in, double *out, size_t n) {
    if (view$argnum.obj)
        PyBuffer_Release(&view$argnum);
    PyMem_Free(copy$argnum);
    Py_XDECREF(result_buf$argnum);
}

/* vnr_document_record(): a borrowed record becomes a Record holding its
 * own reference to the document. */
%typemap(out) const vnr_record *vnr_document_record {
    if (!$1) {
        $result = SWIG_Py_Void();
    } else {
        vnrb_record *h = vnrb_record_new(arg1, $1, arg2);
        if (!h) {
            PyErr_NoMemory();
            SWIG_fail;
        }
        $result = SWIG_NewPointerObj(SWIG_as_voidptr(h), $descriptor(vnrb_record *), SWIG_POINTER_OWN);
    }
}

/* vnr_document_number(): fate, offset, length, line, record (None when the
 * run became no record); IndexError past the last run. */
%typemap(out) const char *vnr_document_number {
    if (!$1) {
        PyErr_SetString(PyExc_IndexError, "number index out of range");
        SWIG_fail;
    }
    $result = SWIG_FromCharPtr($1);
}
%typemap(in, numinputs=0) size_t *offset (size_t tmp = 0), size_t *length (size_t tmp = 0),
                          size_t *line (size_t tmp = 0), size_t *record (size_t tmp = 0) {
    $1 = &tmp;
}
%typemap(argout) size_t *offset, size_t *length, size_t *line {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromSize_t(*$1));
}
%typemap(argout) size_t *record {
    $result = SWIG_Python_AppendOutput($result,
        *$1 == (size_t)-1 ? Py_NewRef(Py_None) : PyLong_FromSize_t(*$1));
}

%typemap(out) vnrb_optional_page {
    $result = $1 ? PyLong_FromSize_t($1) : Py_NewRef(Py_None);
}

%typemap(out) vnrb_optional_double {
    $result = isnan($1) ? Py_NewRef(Py_None) : PyFloat_FromDouble($1);
}

%typemap(out) vnrb_section {
    size_t depth = vnr_record_section_depth($1), i;
    $result = PyList_New((Py_ssize_t)depth);
    if (!$result)
        SWIG_fail;
    for (i = 0; i < depth; i++) {
        const char *s = vnr_record_section($1, i);
        PyObject *item = PyUnicode_DecodeUTF8(s ? s : "", (Py_ssize_t)strlen(s ? s : ""), "surrogateescape");
        if (!item) {
            Py_CLEAR($result);
            SWIG_fail;
        }
        PyList_SET_ITEM($result, (Py_ssize_t)i, item);
    }
}
