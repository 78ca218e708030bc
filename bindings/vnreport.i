/*
 * vnreport.i — the one SWIG interface of libvnreport, shared by the Python and
 * Lua bindings.
 *
 * Owns: what both languages see — the public C API wrapped one to one (so
 * `swig -doxygen` carries the header comments into Python docstrings), the
 * ownership rules, a small binding-side record handle, and how both read a
 * report file (vnrb_read_file: errno kept for the languages' file errors;
 * vnrb_binary_format: PDF, DOCX … refused by name, never decoded).
 * Takes: <vnreport/vnreport.h>. Gives: a raw module that the per-language
 * parts (python/python.i, lua/lua.i, included below) make idiomatic.
 *
 * Ownership, in one place:
 *  - A wrapped `vnr_document` owns exactly one reference (vnr_document_unref
 *    runs once when the language collects it).
 *  - A record is never handed out bare: vnr_document_record() returns a
 *    `vnrb_record`, which holds its own vnr_document_ref(), so a record keeps
 *    its document alive whatever order the collector takes them in.
 *  - Errors (`vnr_error **`) never reach the target language: they become a
 *    Python exception or a Lua `nil, message` (per-language typemaps).
 *
 * Names: SWIG emits a C helper `<struct>_<member>` for every %extend member.
 * To keep those from colliding with real API functions (`vnr_document_meta`
 * …), every extension method is spelt `b_<name>` and %rename'd to `<name>`;
 * the only helpers left are `<struct>_b_*`, `<struct>_*_get`, `new_*` and
 * `delete_*`, none of which the C API uses. The classes are renamed too
 * (Document, Parser, Record, Unit, Converter, UnitRegistry): SWIG also names
 * its flat wrappers `<Class>_<method>`, and `vnr_unit_compatible` exists.
 */

%define VNR_MODULE_DOC
"Raw SWIG wrapper of libvnreport (Vietnamese socio-economic report indicators
and unit conversion). Use the `vnreport` package instead: it is the documented,
stable Python API built on top of this module."
%enddef

#if defined(SWIGPYTHON)
/* threads="1" compiles thread support in; python.i then turns GIL release
 * off everywhere except around parsing and conversion. */
%module(package="vnreport", docstring=VNR_MODULE_DOC, threads="1") _vnreport
#else
%module vnreport
#endif

%{
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vnreport/vnreport.h>

/* A record as the bindings see it: the C record plus one reference to the
 * document that owns it. */
typedef struct vnrb_record {
    vnr_document *doc;
    const vnr_record *rec;
    size_t index;
    void *owner;        /* language object that made it (Python: its Document), or NULL */
} vnrb_record;

/* How a language releases a record's owner (python.i defines it). */
#ifndef VNRB_RELEASE_OWNER
#define VNRB_RELEASE_OWNER(owner) ((void)(owner))
#endif

static vnrb_record *vnrb_record_new(vnr_document *doc, const vnr_record *rec, size_t index)
{
    vnrb_record *h;
    if (!doc || !rec)
        return NULL;
    h = malloc(sizeof *h);
    if (!h)
        return NULL;
    h->doc = vnr_document_ref(doc);
    h->rec = rec;
    h->index = index;
    h->owner = NULL;
    return h;
}

static void vnrb_record_free(vnrb_record *h)
{
    if (!h)
        return;
    VNRB_RELEASE_OWNER(h->owner);
    vnr_document_unref(h->doc);
    free(h);
}

/* ---- Binary formats refused by name ------------------------------------ */

static const struct {
    const char *magic;
    size_t length;
    const char *what;
} vnrb_binary_formats[] = {
    { "%PDF-", 5, "a PDF file" },
    { "PK\x03\x04", 4, "a ZIP archive (DOCX, XLSX and ODT files are ZIP archives)" },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "a Microsoft Office 97-2003 file (DOC, XLS)" },
    { "{\\rtf", 5, "an RTF file" },
    { "\x1F\x8B", 2, "a gzip file" },
};

/* What binary format @p data is in, or NULL when it may be text. */
static const char *vnrb_binary_format(const char *data, size_t length)
{
    size_t i;
    for (i = 0; i < sizeof vnrb_binary_formats / sizeof *vnrb_binary_formats; i++)
        if (length >= vnrb_binary_formats[i].length &&
            memcmp(data, vnrb_binary_formats[i].magic, vnrb_binary_formats[i].length) == 0)
            return vnrb_binary_formats[i].what;
    return NULL;
}

/* Read the whole file @p path into a new malloc'd buffer (*out, owned by
 * the caller; *out_length bytes) and give its size and modification time.
 * Returns 0 or an errno (EISDIR for a directory). */
static int vnrb_read_file(const char *path, char **out, size_t *out_length,
                          long long *size, long long *mtime_ns)
{
    struct stat st;
    size_t cap, length = 0;
    char *buf;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        return e;
    }
    *size = (long long)st.st_size;
    *mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    buf = malloc(cap);
    while (buf) {
        ssize_t n;
        if (length == cap) {
            char *bigger = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        n = read(fd, buf + length, cap - length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return e;
        }
        if (n == 0)
            break;
        length += (size_t)n;
    }
    close(fd);
    if (!buf)
        return ENOMEM;
    *out = buf;
    *out_length = length;
    return 0;
}

/* NaN is how the C API spells JSON null in numeric fields. */
typedef double vnrb_optional_double;
typedef size_t vnrb_optional_page;   /* 0: null (no page) */
/* A record whose section path a typemap turns into a list/table. */
typedef const vnr_record *vnrb_section;
%}

%include <stdint.i>
%include <typemaps.i>

/* ---- Names SWIG must never wrap ---------------------------------- */

/* Export/declaration macros of the headers. */
#define VNR_H_IN
#define VNR_API
#define VNR_BEGIN_DECLS
#define VNR_END_DECLS

/* Lifetime is automatic: a wrapped document owns one reference, a parser
 * and an error are freed by their wrappers. */
%ignore vnr_document_ref;
%ignore vnr_document_unref;
%ignore vnr_parser_new;
%ignore vnr_parser_free;
%ignore vnr_error;
%ignore vnr_error_status;
%ignore vnr_error_message;
%ignore vnr_error_line;
%ignore vnr_error_byte;
%ignore vnr_error_free;
/* The batch API is C's: the bindings build their own batch calls on it
 * (parse_files), with the GIL released around the whole batch. */
%ignore vnr_batch;
%ignore vnr_batch_new;
%ignore vnr_batch_next;
%ignore vnr_batch_threads;
%ignore vnr_batch_free;

/* Types known to the typemaps. */
typedef double vnrb_optional_double;
typedef size_t vnrb_optional_page;
typedef const struct vnr_record *vnrb_section;

/* The per-language part: typemaps for errors, buffers, out-parameters,
 * integers, nullable numbers; thread release; exceptions; then the
 * language's own extensions (iterators, as_dict, …). It comes before
 * any class is declared: SWIG wraps a class (and its %extend members) where
 * the class is declared, with the typemaps known at that point. */
#if defined(SWIGPYTHON)
%include "python/python.i"
%include "python/python-extensions.i"
%include "python/batch.i"
#elif defined(SWIGLUA)
%include "lua/lua.i"
%include "lua/lua-extensions.i"
#endif

/* Opaque handles: no default constructor (SWIG would calloc() an
 * incomplete type), destructors attached below. */
%nodefaultctor vnr_document;
%nodefaultctor vnr_parser;
%nodefaultctor vnrb_record;
%rename(Document) vnr_document;
%rename(Parser) vnr_parser;
%rename(Record) vnrb_record;
%rename(index) vnrb_record::b_index;
struct vnr_document {};
struct vnr_parser {};
typedef struct vnrb_record {} vnrb_record;

/* ---- The C API, one to one --------------------------------------- */

%include <vnreport/vnr-common.h>
%include <vnreport/vnr-version.h>
%include <vnreport/vnr-document.h>
%include "units.i"

/* ---- Extensions shared by both languages ------------------------- */

%extend vnr_parser {
    /** Parsing options with the defaults (auto-detected encoding, strict
     *  decoding). @since 0.1 */
    vnr_parser() { return vnr_parser_new(); }
    ~vnr_parser() { vnr_parser_free($self); }
}

%extend vnr_document {
    ~vnr_document() { vnr_document_unref($self); }

    %immutable;
    /** Source name. */
    const char *doc;
    /** Province, e.g. "Yên Bái", or None. */
    const char *province;
    /** Issuing body, or None. */
    const char *issuer;
    /** Document number, e.g. "412/BC-UBND", or None. */
    const char *number;
    /** Date of issue, ISO "YYYY-MM-DD", or None. */
    const char *date;
    /** Title, or None. */
    const char *title;
    /** Reported period ("2022", "2021-Q1", "2021-H1"), or None. */
    const char *period;
    /** "annual", "quarterly", "half_year", "monthly", "plan", or None. */
    const char *kind;
    /** Language code ("vi"). */
    const char *language;
    /** Input encoding that was used ("utf-8", "tcvn3", …). */
    const char *encoding;
    /** Confidence of the chosen encoding, 0..1. */
    double encoding_confidence;
    /** Number of U+FFFD inserted in lenient mode. */
    size_t replacements;
    %mutable;
}

%{
#define VNRB_META_GETTER(field) \
    static const char *vnr_document_##field##_get(vnr_document *d) { return vnr_document_meta(d, #field); }
VNRB_META_GETTER(doc)
VNRB_META_GETTER(province)
VNRB_META_GETTER(issuer)
VNRB_META_GETTER(number)
VNRB_META_GETTER(date)
VNRB_META_GETTER(title)
VNRB_META_GETTER(period)
VNRB_META_GETTER(kind)
VNRB_META_GETTER(language)
VNRB_META_GETTER(encoding)
static double vnr_document_encoding_confidence_get(vnr_document *d) { return vnr_document_encoding_confidence(d); }
static size_t vnr_document_replacements_get(vnr_document *d) { return vnr_document_replacements(d); }
%}

%extend vnrb_record {
    ~vnrb_record() { vnrb_record_free($self); }

#ifdef SWIGPYTHON
    /** Position of this record in its document, 0-based. @since 0.1 */
    size_t b_index() { return $self->index; }
#endif

    %immutable;
    /** Source name (`doc`). */
    const char *doc;
    /** Statement index within the document, 0-based. */
    size_t statement;
    /** 1-based line in the original input where the value text starts. */
    size_t line;
    /** 1-based byte column of the value text in its original line. */
    size_t col;
    /** 0-based byte offset of the value text in the original input. */
    size_t offset;
    /** Byte length of the value text in the original input. */
    size_t length;
    /** 1-based page of a PDF input; None (nil) for text and DOCX. */
    vnrb_optional_page page;
    /** Heading path, outermost first, numbering included. */
    vnrb_section section;
    /** Entity the statement is about, or None. */
    const char *subject;
    /** Measure phrase; "" when none was found. */
    const char *indicator;
    /** "level", "change", "index", "attainment", "share", "target" or None. */
    const char *role;
    /** Value as written, scale word not applied, sign applied. */
    vnrb_optional_double value;
    /** Upper end of a range, or None. */
    vnrb_optional_double value_max;
    /** Denominator of `n/N`, or None. */
    vnrb_optional_double total;
    /** Unit as written, scale word included; "" for a bare number. */
    const char *unit;
    /** Value in the canonical unit, or None. */
    vnrb_optional_double canonical_value;
    /** Canonical unit ("m2", "VND/người/năm", …), or None. */
    const char *canonical_unit;
    /** Dimension ("area", "mass", "currency", "count", …), or None. */
    const char *dimension;
    /** "approx", "gt", "ge", "lt", "le" or None. */
    const char *qualifier;
    /** True when an estimate word governs the value. */
    bool estimate;
    /** Baseline of a change/index/attainment ("previous_year", "plan", …), or None. */
    const char *baseline;
    /** Period the value refers to ("2021-Q1", …), or None. */
    const char *period;
    /** The clause the record came from, normalized. */
    const char *text;
    /** Canonical indicator key ("grdp.growth", …), or None. @since 0.3 */
    const char *indicator_key;
    /** Canonical subject key within the indicator key ("rice", …), or None. @since 0.3 */
    const char *subject_key;
    %mutable;
}

%{
/* Getters SWIG calls for the %extend members above. */
#define VNRB_REC(h) ((h)->rec)
static const char *vnrb_record_doc_get(vnrb_record *h) { return vnr_record_doc(VNRB_REC(h)); }
static size_t vnrb_record_statement_get(vnrb_record *h) { return vnr_record_statement(VNRB_REC(h)); }
static size_t vnrb_record_line_get(vnrb_record *h) { return vnr_record_line(VNRB_REC(h)); }
static size_t vnrb_record_col_get(vnrb_record *h) { return vnr_record_col(VNRB_REC(h)); }
static size_t vnrb_record_offset_get(vnrb_record *h) { return vnr_record_offset(VNRB_REC(h)); }
static size_t vnrb_record_length_get(vnrb_record *h) { return vnr_record_length(VNRB_REC(h)); }
static size_t vnrb_record_page_get(vnrb_record *h) { return vnr_record_page(VNRB_REC(h)); }
static vnrb_section vnrb_record_section_get(vnrb_record *h) { return VNRB_REC(h); }
static const char *vnrb_record_subject_get(vnrb_record *h) { return vnr_record_subject(VNRB_REC(h)); }
static const char *vnrb_record_indicator_get(vnrb_record *h) { return vnr_record_indicator(VNRB_REC(h)); }
static const char *vnrb_record_role_get(vnrb_record *h) { return vnr_role_name(vnr_record_role(VNRB_REC(h))); }
static double vnrb_record_value_get(vnrb_record *h) { return vnr_record_value(VNRB_REC(h)); }
static double vnrb_record_value_max_get(vnrb_record *h) { return vnr_record_value_max(VNRB_REC(h)); }
static double vnrb_record_total_get(vnrb_record *h) { return vnr_record_total(VNRB_REC(h)); }
static const char *vnrb_record_unit_get(vnrb_record *h) { return vnr_record_unit(VNRB_REC(h)); }
static double vnrb_record_canonical_value_get(vnrb_record *h) { return vnr_record_canonical_value(VNRB_REC(h)); }
static const char *vnrb_record_canonical_unit_get(vnrb_record *h) { return vnr_record_canonical_unit(VNRB_REC(h)); }
static const char *vnrb_record_dimension_get(vnrb_record *h) { return vnr_record_dimension(VNRB_REC(h)); }
static const char *vnrb_record_qualifier_get(vnrb_record *h) { return vnr_qualifier_name(vnr_record_qualifier(VNRB_REC(h))); }
static bool vnrb_record_estimate_get(vnrb_record *h) { return vnr_record_estimate(VNRB_REC(h)) != 0; }
static const char *vnrb_record_baseline_get(vnrb_record *h) { return vnr_record_baseline(VNRB_REC(h)); }
static const char *vnrb_record_period_get(vnrb_record *h) { return vnr_record_period(VNRB_REC(h)); }
static const char *vnrb_record_text_get(vnrb_record *h) { return vnr_record_text(VNRB_REC(h)); }
static const char *vnrb_record_indicator_key_get(vnrb_record *h) { return vnr_record_indicator_key(VNRB_REC(h)); }
static const char *vnrb_record_subject_key_get(vnrb_record *h) { return vnr_record_subject_key(VNRB_REC(h)); }
%}
