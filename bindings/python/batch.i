/*
 * python/batch.i — many reports at once, and DataFrame columns built in C.
 *
 * Owns: `_parse_batch` (read and parse a list of files or in-memory buffers
 * on N threads, the GIL released from the first read to the last parse) and
 * `_frame_columns` (the records of many documents as one buffer or list per
 * column, for vnreport to hand to numpy/pandas with one call per column, so
 * no Python code runs per record or per field).
 *
 * The columns are one table, VNRB_COLUMNS below: adding a record field to
 * the DataFrame is one line there.
 *
 * Files are read by vnrb_read_file() (vnreport.i) rather than by
 * vnr_parse_file() so a failure keeps its errno (FileNotFoundError,
 * IsADirectoryError, PermissionError in Python) and binary document formats
 * (PDF, ZIP/DOCX, OLE2 .doc/.xls) are refused by name before any decoding.
 */

%{
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

/* ---- One input of a batch ---------------------------------------------- */

typedef struct vnrb_job {
    char *path;            /* file to read (owned copy), or NULL: data given */
    char *name;            /* document name (owned copy) */
    Py_buffer given;       /* in-memory input (held), when path is NULL */
    vnr_document *doc;     /* result, one reference */
    vnr_error *error;      /* parse failure */
    int sys_errno;         /* read failure */
    const char *format;    /* refused binary format */
    long long size, mtime_ns;
} vnrb_job;

typedef struct vnrb_batch {
    vnrb_job *jobs;
    size_t count;
    atomic_size_t next;
    atomic_int stop;       /* set on the first failure when errors="raise" */
    int stop_on_error;
    int encoding;          /* vnr_encoding */
    int lenient;
    Py_ssize_t max_input;  /* vnr_parser_set_max_input, or -1 for the default */
} vnrb_batch;

/* Parse one input with a parser private to the calling thread. */
static void vnrb_run_job(vnrb_job *job, vnr_parser *parser)
{
    char *owned = NULL;
    const char *data;
    size_t length = 0;
    if (job->path) {
        job->sys_errno = vnrb_read_file(job->path, &owned, &length, &job->size, &job->mtime_ns);
        if (job->sys_errno)
            return;
        data = owned;
    } else {
        data = job->given.buf;
        length = (size_t)job->given.len;
    }
    job->format = vnrb_binary_format(data, length);
    if (!job->format)
        vnr_parse(parser, data, length, job->name, &job->doc, &job->error);
    free(owned);
}

static void *vnrb_worker(void *arg)
{
    vnrb_batch *batch = arg;
    vnr_parser *parser = vnr_parser_new();
    if (!parser)
        return NULL; /* the jobs left are taken by the other threads */
    vnr_parser_set_encoding(parser, (vnr_encoding)batch->encoding);
    vnr_parser_set_lenient(parser, batch->lenient);
    if (batch->max_input >= 0)
        vnr_parser_set_max_input(parser, (size_t)batch->max_input);
    for (;;) {
        size_t i;
        vnrb_job *job;
        if (atomic_load(&batch->stop))
            break;
        i = atomic_fetch_add(&batch->next, 1);
        if (i >= batch->count)
            break;
        job = &batch->jobs[i];
        vnrb_run_job(job, parser);
        if (batch->stop_on_error && !job->doc)
            atomic_store(&batch->stop, 1);
    }
    vnr_parser_free(parser);
    return NULL;
}

/* Run the batch on @p threads threads, the calling one included. Called
 * without the GIL. Returns 0, or -1 when the calling thread could not even
 * make a parser (out of memory). */
static int vnrb_run_batch(vnrb_batch *batch, size_t threads)
{
    pthread_t extra[64];
    size_t started = 0, i;
    if (threads > batch->count)
        threads = batch->count;
    if (threads > 1 + sizeof extra / sizeof *extra)
        threads = 1 + sizeof extra / sizeof *extra;
    for (i = 1; i < threads; i++)
        if (pthread_create(&extra[started], NULL, vnrb_worker, batch) == 0)
            started++;
    vnrb_worker(batch);
    for (i = 0; i < started; i++)
        pthread_join(extra[i], NULL);
    /* A thread without a parser leaves jobs undone only if every thread
     * failed; report that as out of memory. */
    return atomic_load(&batch->next) < batch->count && !atomic_load(&batch->stop) ? -1 : 0;
}

/* ---- Python objects for results ---------------------------------------- */


/* The exception instance for a failed job (new reference), or NULL with a
 * Python error set. */
static PyObject *vnrb_job_exception(const vnrb_job *job)
{
    PyObject *exc, *cls = vnrb_exception_for(VNR_E_IO), *value;
    if (job->sys_errno == ENOMEM)
        return PyErr_NoMemory(), NULL;
    if (job->sys_errno) {
        if (job->sys_errno == ENOENT || job->sys_errno == ENOTDIR)
            cls = vnrb_os_errors[0];
        else if (job->sys_errno == EISDIR)
            cls = vnrb_os_errors[1];
        else if (job->sys_errno == EACCES || job->sys_errno == EPERM)
            cls = vnrb_os_errors[2];
        exc = PyObject_CallFunction(cls, "isN", job->sys_errno, strerror(job->sys_errno),
                                    PyUnicode_DecodeFSDefault(job->path));
        if (exc && vnrb_set_error_attributes(exc, VNR_E_IO, 0, (size_t)-1) != 0)
            Py_CLEAR(exc);
        return exc;
    }
    if (job->format) {
        char message[256];
        snprintf(message, sizeof message, "%s: %s \xe2\x80\x94 convert it to text first",
                 job->name, job->format);
        exc = vnrb_make_exception(vnrb_format_error, VNR_E_ENCODING, message, 0, (size_t)-1);
    } else if (job->error) {
        exc = vnrb_make_exception(vnrb_exception_for(vnr_error_status(job->error)),
                                  vnr_error_status(job->error), vnr_error_message(job->error),
                                  vnr_error_line(job->error), vnr_error_byte(job->error));
    } else {
        exc = vnrb_make_exception(vnrb_exception_for(VNR_E_NOMEM), VNR_E_NOMEM, NULL, 0, (size_t)-1);
    }
    if (!exc)
        return NULL;
    value = job->path ? PyUnicode_DecodeFSDefault(job->path) : PyUnicode_FromString(job->name);
    if (!value || PyObject_SetAttrString(exc, "filename", value) != 0)
        Py_CLEAR(exc);
    Py_XDECREF(value);
    return exc;
}

/* One result: (raw Document, size, mtime_ns) or an exception instance. */
static PyObject *vnrb_job_result(vnrb_job *job)
{
    PyObject *doc;
    if (!job->doc)
        return vnrb_job_exception(job);
    doc = SWIG_NewPointerObj(SWIG_as_voidptr(job->doc), SWIGTYPE_p_vnr_document, SWIG_POINTER_OWN);
    if (!doc)
        return NULL;
    job->doc = NULL; /* the Python object owns the reference now */
    return Py_BuildValue("(NLL)", doc, job->path ? job->size : -1LL, job->path ? job->mtime_ns : -1LL);
}

static void vnrb_free_jobs(vnrb_job *jobs, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        free(jobs[i].path);
        free(jobs[i].name);
        if (jobs[i].given.obj)
            PyBuffer_Release(&jobs[i].given);
        vnr_document_unref(jobs[i].doc);
        vnr_error_free(jobs[i].error);
    }
    PyMem_Free(jobs);
}

/* One input item: (name, path_bytes_or_None, data_or_None). */
static int vnrb_fill_job(vnrb_job *job, PyObject *item)
{
    PyObject *name, *path, *data;
    const char *s;
    if (!PyArg_ParseTuple(item, "UOO", &name, &path, &data))
        return -1;
    s = PyUnicode_AsUTF8(name);
    if (!s || !(job->name = strdup(s)))
        return s ? (PyErr_NoMemory(), -1) : -1;
    if (path != Py_None) {
        if (!PyBytes_Check(path)) {
            PyErr_SetString(PyExc_TypeError, "path must be bytes (os.fsencode)");
            return -1;
        }
        if (!(job->path = strdup(PyBytes_AS_STRING(path))))
            return PyErr_NoMemory(), -1;
        return 0;
    }
    return PyObject_GetBuffer(data, &job->given, PyBUF_SIMPLE);
}

/* _parse_batch(items, encoding, lenient, threads, stop_on_error[, max_input])
 *   -> list of results in input order; None for inputs not parsed because
 *      an earlier failure stopped the batch. */
static PyObject *vnrb_py_parse_batch(PyObject *self, PyObject *args)
{
    PyObject *items, *seq, *results = NULL;
    int encoding, lenient, stop_on_error, failed;
    Py_ssize_t threads, n, i, max_input = -1;
    vnrb_batch batch;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oipnp|n", &items, &encoding, &lenient, &threads, &stop_on_error,
                          &max_input))
        return NULL;
    seq = PySequence_Fast(items, "inputs must be a sequence");
    if (!seq)
        return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    memset(&batch, 0, sizeof batch);
    batch.jobs = PyMem_Calloc((size_t)(n ? n : 1), sizeof *batch.jobs);
    if (!batch.jobs) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        batch.count++;
        if (vnrb_fill_job(&batch.jobs[i], PySequence_Fast_GET_ITEM(seq, i)) != 0)
            goto done;
    }
    batch.encoding = encoding;
    batch.lenient = lenient;
    batch.max_input = max_input;
    batch.stop_on_error = stop_on_error;
    atomic_init(&batch.next, 0);
    atomic_init(&batch.stop, 0);
    Py_BEGIN_ALLOW_THREADS
    failed = vnrb_run_batch(&batch, threads > 0 ? (size_t)threads : 1);
    Py_END_ALLOW_THREADS
    if (failed) {
        PyErr_NoMemory();
        goto done;
    }
    results = PyList_New(n);
    for (i = 0; results && i < n; i++) {
        vnrb_job *job = &batch.jobs[i];
        PyObject *r = job->doc || job->error || job->sys_errno || job->format
                          ? vnrb_job_result(job) : Py_NewRef(Py_None);
        if (!r)
            Py_CLEAR(results);
        else
            PyList_SET_ITEM(results, i, r);
    }
done:
    vnrb_free_jobs(batch.jobs, batch.count);
    Py_DECREF(seq);
    return results;
}

/* ---- Columns -------------------------------------------------------------- */

/* A row: one record of one document. */
typedef struct vnrb_row {
    const vnr_document *doc;
    const vnr_record *rec;
} vnrb_row;

/* One cell as a getter reads it. */
typedef struct vnrb_cell {
    int64_t i;
    double f;
    const char *s;  /* NULL is null */
    int null;
} vnrb_cell;

typedef enum {
    VNRB_COL_INT,           /* pandas Int64: values + mask, never null */
    VNRB_COL_INT_OR_NULL,   /* pandas Int64: (size_t)-1 from C is null */
    VNRB_COL_FLOAT,         /* float64, NaN for null */
    VNRB_COL_BOOL,          /* bool */
    VNRB_COL_STR,           /* object: str or None */
    VNRB_COL_CATEGORY       /* category: int32 codes (-1 null) + categories */
} vnrb_column_kind;

typedef void (*vnrb_getter)(const vnrb_row *x, vnrb_cell *c, char **scratch);

typedef struct vnrb_column {
    const char *name;
    vnrb_column_kind kind;
    int metadata;           /* document metadata: only with metadata=True */
    vnrb_getter get;
} vnrb_column;

#define R (x->rec)
#define D (x->doc)

/* The section path joined with " > ", as the CLI's CSV writes it; the
 * string lives in *scratch until the next call. */
static const char *vnrb_section_joined(const vnrb_row *x, char **scratch)
{
    size_t depth = vnr_record_section_depth(R), total = 1, i;
    char *p;
    for (i = 0; i < depth; i++)
        total += strlen(vnr_record_section(R, i)) + 3;
    p = realloc(*scratch, total);
    if (!p)
        return NULL;
    *scratch = p;
    for (i = 0; i < depth; i++) {
        const char *part = vnr_record_section(R, i);
        size_t len = strlen(part);
        if (i) {
            memcpy(p, " > ", 3);
            p += 3;
        }
        memcpy(p, part, len);
        p += len;
    }
    *p = '\0';
    return *scratch;
}

/* THE column list of every DataFrame: X(name, kind, metadata, expression),
 * in column order, where R is the record and D its document. Adding a
 * column is one line. Kinds: INT (size_t, never null), INT_OR_NULL
 * ((size_t)-1 is null), FLOAT (NaN is null), BOOL, STR (text; NULL is
 * null), CATEGORY (an enumeration or a value repeated across rows). */
#define VNRB_COLUMNS(X) \
    X(doc,             CATEGORY, 0, vnr_record_doc(R)) \
    X(province,        CATEGORY, 1, vnr_document_meta(D, "province")) \
    X(report_period,   CATEGORY, 1, vnr_document_meta(D, "period")) \
    X(report_kind,     CATEGORY, 1, vnr_document_meta(D, "kind")) \
    X(report_date,     CATEGORY, 1, vnr_document_meta(D, "date")) \
    X(report_number,   CATEGORY, 1, vnr_document_meta(D, "number")) \
    X(statement,       INT,      0, vnr_record_statement(R)) \
    X(line,            INT,      0, vnr_record_line(R)) \
    X(col,             INT,      0, vnr_record_col(R)) \
    X(offset,          INT,      0, vnr_record_offset(R)) \
    X(length,          INT,      0, vnr_record_length(R)) \
    X(section,         STR,      0, vnrb_section_joined(x, scratch)) \
    X(subject,         STR,      0, vnr_record_subject(R)) \
    X(indicator,       STR,      0, vnr_record_indicator(R)) \
    X(role,            CATEGORY, 0, vnr_role_name(vnr_record_role(R))) \
    X(value,           FLOAT,    0, vnr_record_value(R)) \
    X(value_max,       FLOAT,    0, vnr_record_value_max(R)) \
    X(total,           FLOAT,    0, vnr_record_total(R)) \
    X(unit,            CATEGORY, 0, vnr_record_unit(R)) \
    X(canonical_value, FLOAT,    0, vnr_record_canonical_value(R)) \
    X(canonical_unit,  CATEGORY, 0, vnr_record_canonical_unit(R)) \
    X(dimension,       CATEGORY, 0, vnr_record_dimension(R)) \
    X(qualifier,       CATEGORY, 0, vnr_qualifier_name(vnr_record_qualifier(R))) \
    X(estimate,        BOOL,     0, vnr_record_estimate(R)) \
    X(baseline,        CATEGORY, 0, vnr_record_baseline(R)) \
    X(period,          CATEGORY, 0, vnr_record_period(R)) \
    X(text,            STR,      0, vnr_record_text(R)) \
    X(page,            INT_OR_NULL, 0, vnr_record_page(R) ? vnr_record_page(R) : (size_t)-1) \
    X(indicator_key,   CATEGORY, 0, vnr_record_indicator_key(R)) \
    X(subject_key,     CATEGORY, 0, vnr_record_subject_key(R))

#define VNRB_GET_INT(expr) c->i = (int64_t)(expr)
#define VNRB_GET_INT_OR_NULL(expr) \
    do { size_t v_ = (expr); c->null = v_ == (size_t)-1; c->i = c->null ? 0 : (int64_t)v_; } while (0)
#define VNRB_GET_FLOAT(expr) c->f = (expr)
#define VNRB_GET_BOOL(expr) c->i = (expr) != 0
#define VNRB_GET_STR(expr) c->s = (expr)
#define VNRB_GET_CATEGORY(expr) c->s = (expr)

#define VNRB_DEFINE_GETTER(name, kind, metadata, expr)                                 \
    static void vnrb_get_##name(const vnrb_row *x, vnrb_cell *c, char **scratch) {     \
        (void)x; (void)scratch;                                                         \
        VNRB_GET_##kind(expr);                                                          \
    }
VNRB_COLUMNS(VNRB_DEFINE_GETTER)

#define VNRB_TABLE_ENTRY(name, kind, metadata, expr) { #name, VNRB_COL_##kind, metadata, vnrb_get_##name },
static const vnrb_column vnrb_columns[] = { VNRB_COLUMNS(VNRB_TABLE_ENTRY) };

#undef R
#undef D

/* ---- Building the columns ------------------------------------------------- */

/* The rows of the documents, in order. */
typedef struct vnrb_rows {
    vnrb_row *rows;
    size_t count;
} vnrb_rows;

/* One column being built. Numeric columns are written straight into the
 * buffers of their bytearrays; string columns get an id per row (-1 for
 * null; for a category column the codes bytearray itself) and the list of
 * distinct strings, found with an open-addressing hash set. All of it runs
 * without the GIL, columns in parallel; Python strings are made afterwards,
 * one per distinct string. */
typedef struct vnrb_colwork {
    const vnrb_column *col;
    PyObject *values, *mask;  /* bytearrays (numeric values / Int64 mask / codes) */
    char *value_buf, *mask_buf;
    int32_t *ids;             /* string columns: id per row */
    const char **uniques;     /* id -> string (borrowed, or in owned) */
    size_t *lengths;          /* id -> byte length */
    uint64_t *hashes;         /* id -> hash */
    size_t unique_count, unique_cap;
    char **owned;             /* copies of strings a getter built in scratch */
    size_t owned_count;
    size_t *slots, slot_cap;  /* hash set: id + 1, 0 = empty */
    int failed;               /* out of memory */
} vnrb_colwork;

static int vnrb_is_string_kind(vnrb_column_kind kind)
{
    return kind == VNRB_COL_STR || kind == VNRB_COL_CATEGORY;
}

/* A hash of @p len bytes, eight at a time (the text column is long). */
static uint64_t vnrb_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, k;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        memcpy(&k, s + i, 8);
        h = (h ^ k) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    k = 0;
    memcpy(&k, s + i, len - i);
    h = (h ^ k) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29);
}

static int vnrb_set_grow(vnrb_colwork *w)
{
    size_t cap = w->slot_cap ? w->slot_cap * 2 : 64, i;
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (i = 0; i < w->unique_count; i++) {
        size_t h = (size_t)w->hashes[i] & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = i + 1;
    }
    free(w->slots);
    w->slots = slots;
    w->slot_cap = cap;
    return 0;
}

static int vnrb_add_unique(vnrb_colwork *w, const char *s, size_t len, uint64_t hash, int copy)
{
    if (w->unique_count == w->unique_cap) {
        size_t cap = w->unique_cap ? w->unique_cap * 2 : 64;
        const char **u = realloc(w->uniques, cap * sizeof *u);
        size_t *l = u ? realloc(w->lengths, cap * sizeof *l) : NULL;
        uint64_t *h = l ? realloc(w->hashes, cap * sizeof *h) : NULL;
        char **o = h ? realloc(w->owned, cap * sizeof *o) : NULL;
        if (u) w->uniques = u;
        if (l) w->lengths = l;
        if (h) w->hashes = h;
        if (o) w->owned = o;
        if (!o)
            return -1;
        w->unique_cap = cap;
    }
    if (copy) {
        char *c = malloc(len + 1);
        if (!c)
            return -1;
        memcpy(c, s, len + 1);
        w->owned[w->owned_count++] = c;
        s = c;
    }
    w->uniques[w->unique_count] = s;
    w->lengths[w->unique_count] = len;
    w->hashes[w->unique_count] = hash;
    w->unique_count++;
    return 0;
}

/* The id of @p s in the column's set, added when new; -1 when out of
 * memory. @p volatile_s: s lives in scratch and must be copied if kept. */
static int32_t vnrb_string_id(vnrb_colwork *w, const char *s, int volatile_s)
{
    size_t len = strlen(s), h;
    uint64_t hash = vnrb_hash(s, len);
    if ((w->unique_count + 1) * 2 > w->slot_cap && vnrb_set_grow(w) != 0)
        return -1;
    h = (size_t)hash & (w->slot_cap - 1);
    while (w->slots[h]) {
        size_t id = w->slots[h] - 1;
        if (w->hashes[id] == hash && w->lengths[id] == len && memcmp(w->uniques[id], s, len) == 0)
            return (int32_t)id;
        h = (h + 1) & (w->slot_cap - 1);
    }
    if (w->unique_count >= INT32_MAX || vnrb_add_unique(w, s, len, hash, volatile_s) != 0)
        return -1;
    w->slots[h] = w->unique_count;
    return (int32_t)(w->unique_count - 1);
}

/* Fill one column (no GIL needed). */
static void vnrb_fill_column(vnrb_colwork *w, const vnrb_rows *rows, char **scratch)
{
    const vnrb_column *col = w->col;
    size_t i;
    for (i = 0; i < rows->count && !w->failed; i++) {
        vnrb_cell c = {0, 0.0, NULL, 0};
        /* Metadata is the same for every row of a document. */
        if (col->metadata && vnrb_is_string_kind(col->kind) && i > 0 &&
            rows->rows[i].doc == rows->rows[i - 1].doc) {
            w->ids[i] = w->ids[i - 1];
            continue;
        }
        col->get(&rows->rows[i], &c, scratch);
        switch (col->kind) {
        case VNRB_COL_FLOAT:
            memcpy(w->value_buf + i * sizeof(double), &c.f, sizeof(double));
            break;
        case VNRB_COL_BOOL:
            w->value_buf[i] = (char)(c.i != 0);
            break;
        case VNRB_COL_INT:
        case VNRB_COL_INT_OR_NULL:
            memcpy(w->value_buf + i * sizeof(int64_t), &c.i, sizeof(int64_t));
            w->mask_buf[i] = (char)c.null;
            break;
        case VNRB_COL_STR:
        case VNRB_COL_CATEGORY:
            w->ids[i] = c.s ? vnrb_string_id(w, c.s, *scratch && c.s == *scratch) : -1;
            if (c.s && w->ids[i] < 0)
                w->failed = 1;
            break;
        }
    }
}

typedef struct vnrb_colbatch {
    vnrb_colwork *work;
    size_t count;
    const vnrb_rows *rows;
    atomic_size_t next;
} vnrb_colbatch;

static void *vnrb_column_worker(void *arg)
{
    vnrb_colbatch *b = arg;
    char *scratch = NULL;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->count)
            break;
        vnrb_fill_column(&b->work[i], b->rows, &scratch);
    }
    free(scratch);
    return NULL;
}

static void vnrb_run_columns(vnrb_colbatch *b, size_t threads)
{
    pthread_t extra[16];
    size_t started = 0, i;
    if (threads > b->count)
        threads = b->count;
    if (threads > 1 + sizeof extra / sizeof *extra)
        threads = 1 + sizeof extra / sizeof *extra;
    for (i = 1; i < threads; i++)
        if (pthread_create(&extra[started], NULL, vnrb_column_worker, b) == 0)
            started++;
    vnrb_column_worker(b);
    for (i = 0; i < started; i++)
        pthread_join(extra[i], NULL);
}

static void vnrb_colwork_free(vnrb_colwork *w)
{
    size_t i;
    Py_XDECREF(w->values);
    Py_XDECREF(w->mask);
    if (w->col && w->col->kind == VNRB_COL_STR)
        free(w->ids);
    for (i = 0; i < w->owned_count; i++)
        free(w->owned[i]);
    free(w->owned);
    free(w->uniques);
    free(w->lengths);
    free(w->hashes);
    free(w->slots);
}

/* Before the parallel part (GIL held): the Python buffers. */
static int vnrb_colwork_init(vnrb_colwork *w, const vnrb_column *col, size_t n)
{
    static const size_t width[] = {
        [VNRB_COL_INT] = sizeof(int64_t), [VNRB_COL_INT_OR_NULL] = sizeof(int64_t),
        [VNRB_COL_FLOAT] = sizeof(double), [VNRB_COL_BOOL] = 1,
        [VNRB_COL_STR] = 0, [VNRB_COL_CATEGORY] = sizeof(int32_t),
    };
    memset(w, 0, sizeof *w);
    w->col = col;
    if (col->kind == VNRB_COL_STR) {
        w->ids = malloc(sizeof(int32_t) * (n ? n : 1));
        return w->ids ? 0 : (PyErr_NoMemory(), -1);
    }
    w->values = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)(n * width[col->kind]));
    if (!w->values)
        return -1;
    w->value_buf = PyByteArray_AS_STRING(w->values);
    if (col->kind == VNRB_COL_CATEGORY)
        w->ids = (int32_t *)w->value_buf;
    if (col->kind == VNRB_COL_INT || col->kind == VNRB_COL_INT_OR_NULL) {
        w->mask = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)n);
        if (!w->mask)
            return -1;
        w->mask_buf = PyByteArray_AS_STRING(w->mask);
    }
    return 0;
}

static const char *const vnrb_kind_names[] = {
    [VNRB_COL_INT] = "Int64", [VNRB_COL_INT_OR_NULL] = "Int64", [VNRB_COL_FLOAT] = "float64",
    [VNRB_COL_BOOL] = "bool", [VNRB_COL_STR] = "object", [VNRB_COL_CATEGORY] = "category",
};

/* After the parallel part (GIL held): (name, dtype, data, extra). */
static PyObject *vnrb_colwork_result(vnrb_colwork *w, size_t n)
{
    PyObject *uniques, *data, *out;
    size_t i;
    if (w->failed)
        return PyErr_NoMemory();
    if (!vnrb_is_string_kind(w->col->kind))
        return Py_BuildValue("(ssOO)", w->col->name, vnrb_kind_names[w->col->kind], w->values,
                             w->mask ? w->mask : Py_None);
    uniques = PyList_New((Py_ssize_t)w->unique_count);
    for (i = 0; uniques && i < w->unique_count; i++) {
        PyObject *s = PyUnicode_DecodeUTF8(w->uniques[i], (Py_ssize_t)w->lengths[i], "surrogateescape");
        if (!s)
            Py_CLEAR(uniques);
        else
            PyList_SET_ITEM(uniques, (Py_ssize_t)i, s);
    }
    if (!uniques)
        return NULL;
    if (w->col->kind == VNRB_COL_CATEGORY) {
        out = Py_BuildValue("(ssOO)", w->col->name, "category", w->values, uniques);
        Py_DECREF(uniques);
        return out;
    }
    data = PyList_New((Py_ssize_t)n);
    for (i = 0; data && i < n; i++)
        PyList_SET_ITEM(data, (Py_ssize_t)i,
                        Py_NewRef(w->ids[i] < 0 ? Py_None : PyList_GET_ITEM(uniques, w->ids[i])));
    Py_DECREF(uniques);
    if (!data)
        return NULL;
    return Py_BuildValue("(ssNO)", w->col->name, "object", data, Py_None);
}

/* section_path: one list of str per row. */
static PyObject *vnrb_section_path_column(const vnrb_rows *rows)
{
    PyObject *list = PyList_New((Py_ssize_t)rows->count);
    size_t i, j;
    for (i = 0; list && i < rows->count; i++) {
        const vnr_record *r = rows->rows[i].rec;
        size_t depth = vnr_record_section_depth(r);
        PyObject *path = PyList_New((Py_ssize_t)depth);
        if (!path) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, path);
        for (j = 0; j < depth; j++) {
            const char *s = vnr_record_section(r, j);
            PyObject *item = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
            if (!item) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(path, (Py_ssize_t)j, item);
        }
    }
    return list ? Py_BuildValue("(ssNO)", "section_path", "object", list, Py_None) : NULL;
}

/* The rows of @p seq (a sequence of raw Documents), in order. */
static int vnrb_collect_rows(PyObject *seq, vnrb_rows *rows)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), i;
    size_t total = 0, k = 0, j;
    for (i = 0; i < n; i++) {
        void *p = NULL;
        if (!SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, SWIGTYPE_p_vnr_document, 0)) || !p) {
            PyErr_SetString(PyExc_TypeError, "documents must be vnreport Documents");
            return -1;
        }
        total += vnr_document_record_count(p);
    }
    rows->rows = PyMem_Malloc(sizeof *rows->rows * (total ? total : 1));
    if (!rows->rows)
        return PyErr_NoMemory(), -1;
    for (i = 0; i < n; i++) {
        void *p = NULL;
        SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, SWIGTYPE_p_vnr_document, 0);
        for (j = 0; j < vnr_document_record_count(p); j++) {
            rows->rows[k].doc = p;
            rows->rows[k++].rec = vnr_document_record(p, j);
        }
    }
    rows->count = k;
    return 0;
}

/* _frame_columns(documents, metadata, section_path, threads=1)
 *   -> list of (name, dtype, data, extra): Int64 (int64 values bytes, bool
 *      mask bytes); float64 and bool (values bytes, None); category (int32
 *      codes bytes, categories list); object (list, None). The columns are
 *      filled on @p threads threads with the GIL released. */
static PyObject *vnrb_py_frame_columns(PyObject *self, PyObject *args)
{
    PyObject *docs, *seq, *out = NULL;
    int metadata, section_path;
    Py_ssize_t threads = 1;
    vnrb_rows rows = {NULL, 0};
    vnrb_colwork work[sizeof vnrb_columns / sizeof *vnrb_columns];
    vnrb_colbatch batch;
    size_t c, count = 0;
    (void)self;
    if (!PyArg_ParseTuple(args, "Opp|n", &docs, &metadata, &section_path, &threads))
        return NULL;
    seq = PySequence_Fast(docs, "documents must be a sequence");
    if (!seq)
        return NULL;
    if (vnrb_collect_rows(seq, &rows) != 0)
        goto done;
    for (c = 0; c < sizeof vnrb_columns / sizeof *vnrb_columns; c++) {
        if (vnrb_columns[c].metadata && !metadata)
            continue;
        if (vnrb_colwork_init(&work[count++], &vnrb_columns[c], rows.count) != 0)
            goto done;
    }
    batch.work = work;
    batch.count = count;
    batch.rows = &rows;
    atomic_init(&batch.next, 0);
    Py_BEGIN_ALLOW_THREADS
    vnrb_run_columns(&batch, threads > 0 ? (size_t)threads : 1);
    Py_END_ALLOW_THREADS
    if (!(out = PyList_New(0)))
        goto done;
    for (c = 0; c < count; c++) {
        PyObject *entry = vnrb_colwork_result(&work[c], rows.count);
        if (!entry || PyList_Append(out, entry) != 0) {
            Py_XDECREF(entry);
            Py_CLEAR(out);
            goto done;
        }
        Py_DECREF(entry);
        if (section_path && strcmp(work[c].col->name, "section") == 0) {
            entry = vnrb_section_path_column(&rows);
            if (!entry || PyList_Append(out, entry) != 0) {
                Py_XDECREF(entry);
                Py_CLEAR(out);
                goto done;
            }
            Py_DECREF(entry);
        }
    }
done:
    for (c = 0; c < count; c++)
        vnrb_colwork_free(&work[c]);
    PyMem_Free(rows.rows);
    Py_DECREF(seq);
    return out;
}
%}

%native(_parse_batch) PyObject *vnrb_py_parse_batch(PyObject *self, PyObject *args);
%native(_frame_columns) PyObject *vnrb_py_frame_columns(PyObject *self, PyObject *args);
