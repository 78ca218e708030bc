/*
 * output.c — JSON Lines, CSV and table writers for records (see output.h).
 *
 * Numbers print as the shortest of %.15g, %.16g and %.17g that reads back
 * to the same double, so values round-trip exactly; NaN (a null field)
 * prints as null in JSON and as an empty cell elsewhere. The usual values
 * (a decimal of at most 15 significant digits, 1e-4 <= |v| < 1e15) are
 * formatted without printf: see format_double().
 */
#include "output.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- */
/* The buffer                                                        */
/* ---------------------------------------------------------------- */

void out_init(out_buf *o, FILE *file)
{
    o->file = file;
    o->len = 0;
    o->failed = false;
}

bool out_flush(out_buf *o)
{
    if (o->len && fwrite(o->data, 1, o->len, o->file) != o->len)
        o->failed = true;
    o->len = 0;
    return !o->failed;
}

void out_write(out_buf *o, const char *s, size_t n)
{
    if (n > OUT_BUF_SIZE - o->len) {
        out_flush(o);
        if (n > OUT_BUF_SIZE) {
            if (fwrite(s, 1, n, o->file) != n)
                o->failed = true;
            return;
        }
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

void out_str(out_buf *o, const char *s)
{
    out_write(o, s, strlen(s));
}

void out_char(out_buf *o, char c)
{
    if (o->len == OUT_BUF_SIZE)
        out_flush(o);
    o->data[o->len++] = c;
}

static void out_size(out_buf *o, size_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    out_write(o, tmp + i, sizeof tmp - i);
}

/* ---------------------------------------------------------------- */
/* Numbers                                                           */
/* ---------------------------------------------------------------- */

static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
    1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
};

static size_t format_with_printf(char *buf, double v)
{
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return (size_t)n;
}

/*
 * Why the fast path is exact: m / 10^k with m < 10^15 (so m < 2^53 and
 * exact) and 10^k exact is correctly rounded by IEEE division, the same
 * double strtod gives for the text "m·10^-k"; the check below therefore
 * proves the text reads back. The smallest such k gives no trailing zero.
 * And %.15g prints that very text: the double lies within half an ulp
 * (< 1.2e-16 relative) of the decimal, which sits on the 15-digit grid
 * (spacing >= 1e-15 relative), so rounding to 15 digits lands on it.
 */
size_t format_double(char *buf, double v)
{
    double a = fabs(v);
    if (v == 0 || !(a >= 1e-4 && a < 1e15))
        return format_with_printf(buf, v);
    for (size_t k = 0; k < sizeof exact_pow10 / sizeof *exact_pow10; k++) {
        double scaled = a * exact_pow10[k];
        if (scaled >= 1e15)
            break;
        uint64_t m = (uint64_t)(scaled + 0.5);
        if ((double)m / exact_pow10[k] != a)
            continue;
        char digits[24];
        size_t nd = 0;
        for (uint64_t t = m; t; t /= 10)
            digits[nd++] = (char)('0' + t % 10);   /* reversed */
        size_t len = 0;
        if (v < 0)
            buf[len++] = '-';
        if (nd <= k)
            buf[len++] = '0';
        for (size_t i = nd; i > k; i--)
            buf[len++] = digits[i - 1];
        if (k) {
            buf[len++] = '.';
            for (size_t i = k; i > 0; i--)
                buf[len++] = i <= nd ? digits[i - 1] : '0';
        }
        buf[len] = '\0';
        return len;
    }
    return format_with_printf(buf, v);
}

/* ---------------------------------------------------------------- */
/* JSON and CSV text                                                 */
/* ---------------------------------------------------------------- */

/* Eight bytes at a time: does word x hold a byte below 0x20 (NUL and the
 * controls), a '"' or a '\\'? Exact as a yes/no (the classic has-less and
 * has-zero tricks: a borrow only ever spreads above a true hit). */
#define BYTES_OF(b) (0x0101010101010101u * (uint64_t)(b))
static inline bool word_needs_escape(uint64_t x)
{
    uint64_t high = BYTES_OF(0x80);
    uint64_t below_space = (x - BYTES_OF(0x20)) & ~x & high;
    uint64_t quote = x ^ BYTES_OF('"'), backslash = x ^ BYTES_OF('\\');
    uint64_t is_quote = (quote - BYTES_OF(1)) & ~quote & high;
    uint64_t is_backslash = (backslash - BYTES_OF(1)) & ~backslash & high;
    return (below_space | is_quote | is_backslash) != 0;
}

/* First byte of p[0..end) that ends a plain run: a control, '"', '\\';
 * end when there is none. */
static const unsigned char *plain_run_end(const unsigned char *p, const unsigned char *end)
{
    for (uint64_t x; end - p >= (ptrdiff_t)sizeof x; p += sizeof x) {
        memcpy(&x, p, sizeof x);
        if (word_needs_escape(x))
            break;
    }
    while (p < end && *p >= 0x20 && *p != '"' && *p != '\\')
        p++;
    return p;
}

static void json_string(out_buf *o, const char *s)
{
    if (!s) {
        out_write(o, "null", 4);
        return;
    }
    out_char(o, '"');
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    for (;;) {
        /* copy runs that need no escaping in one call */
        const unsigned char *q = plain_run_end(p, end);
        out_write(o, (const char *)p, (size_t)(q - p));
        if (!*q)
            break;
        char esc[8];
        switch (*q) {
        case '"': out_write(o, "\\\"", 2); break;
        case '\\': out_write(o, "\\\\", 2); break;
        case '\n': out_write(o, "\\n", 2); break;
        case '\r': out_write(o, "\\r", 2); break;
        case '\t': out_write(o, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", *q);
            out_write(o, esc, 6);
        }
        p = q + 1;
    }
    out_char(o, '"');
}

static void json_number(out_buf *o, double v)
{
    if (isnan(v) || isinf(v)) {
        out_write(o, "null", 4);
        return;
    }
    char buf[32];
    out_write(o, buf, format_double(buf, v));
}

/* For the commands that print a few values through stdio (check, panel):
 * one JSON string or number straight to `f`, escaped as the writer does. */
void write_json_string(FILE *f, const char *s)
{
    out_buf o;
    out_init(&o, f);
    json_string(&o, s);
    out_flush(&o);
}

void write_json_number(FILE *f, double v)
{
    out_buf o;
    out_init(&o, f);
    json_number(&o, v);
    out_flush(&o);
}

static void csv_string(out_buf *o, const char *s);
static void csv_number(out_buf *o, double v);

void write_csv_string(FILE *f, const char *s)
{
    out_buf o;
    out_init(&o, f);
    csv_string(&o, s);
    out_flush(&o);
}

void write_csv_number(FILE *f, double v)
{
    out_buf o;
    out_init(&o, f);
    csv_number(&o, v);
    out_flush(&o);
}

/* RFC 4180: quoted when it holds a comma, a quote or a line break */
static void csv_string(out_buf *o, const char *s)
{
    if (!s)
        return;
    size_t plain = strcspn(s, ",\"\n\r");
    if (!s[plain]) {
        out_write(o, s, plain);
        return;
    }
    out_char(o, '"');
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        out_write(o, s, (size_t)(q - s) + 1);
        out_char(o, '"');
    }
    out_str(o, s);
    out_char(o, '"');
}

static void csv_number(out_buf *o, double v)
{
    if (isnan(v) || isinf(v))
        return;
    char buf[32];
    out_write(o, buf, format_double(buf, v));
}

/* ---------------------------------------------------------------- */
/* The record fields: one line each                                  */
/* ---------------------------------------------------------------- */

/* FIELD_COUNT: a size where 0 means "none" (a page of text input) */
typedef enum field_kind {
    FIELD_STRING, FIELD_SIZE, FIELD_COUNT, FIELD_NUMBER, FIELD_FLAG, FIELD_SECTION
} field_kind;

typedef struct record_field {
    const char *name;
    const char *json_key;      /* ,"name": */
    size_t json_key_len;
    field_kind kind;
    const char *(*string)(const vnr_record *);
    size_t (*size)(const vnr_record *);
    double (*number)(const vnr_record *);
    int (*flag)(const vnr_record *);
} record_field;

static const char *record_role(const vnr_record *r)
{
    return vnr_role_name(vnr_record_role(r));
}

static const char *record_qualifier(const vnr_record *r)
{
    return vnr_qualifier_name(vnr_record_qualifier(r));
}

/* The JSON key with its comma and colon is made at compile time. */
#define FIELD(name, kind) name, ",\"" name "\":", sizeof(",\"" name "\":") - 1, kind
#define STRING(name, get) { FIELD(name, FIELD_STRING), .string = get }
#define SIZE(name, get) { FIELD(name, FIELD_SIZE), .size = get }
#define COUNT(name, get) { FIELD(name, FIELD_COUNT), .size = get }
#define NUMBER(name, get) { FIELD(name, FIELD_NUMBER), .number = get }
#define FLAG(name, get) { FIELD(name, FIELD_FLAG), .flag = get }
#define SECTION(name) { FIELD(name, FIELD_SECTION), .string = NULL }

/* Names and order of every output (the guide's field table). */
static const record_field record_fields[] = {
    STRING("doc", vnr_record_doc),
    SIZE("statement", vnr_record_statement),
    SIZE("line", vnr_record_line),
    SIZE("col", vnr_record_col),
    SIZE("offset", vnr_record_offset),
    SIZE("length", vnr_record_length),
    SECTION("section"),
    STRING("subject", vnr_record_subject),
    STRING("indicator", vnr_record_indicator),
    STRING("role", record_role),
    NUMBER("value", vnr_record_value),
    NUMBER("value_max", vnr_record_value_max),
    NUMBER("total", vnr_record_total),
    STRING("unit", vnr_record_unit),
    NUMBER("canonical_value", vnr_record_canonical_value),
    STRING("canonical_unit", vnr_record_canonical_unit),
    STRING("dimension", vnr_record_dimension),
    STRING("qualifier", record_qualifier),
    FLAG("estimate", vnr_record_estimate),
    STRING("baseline", vnr_record_baseline),
    STRING("period", vnr_record_period),
    STRING("text", vnr_record_text),
    COUNT("page", vnr_record_page),
    STRING("indicator_key", vnr_record_indicator_key),
    STRING("subject_key", vnr_record_subject_key),
};
#define N_RECORD_FIELDS (sizeof record_fields / sizeof *record_fields)

/* Document metadata, in the document line and, on request, CSV rows. */
static const char *const metadata_fields[] = {
    "doc", "province", "issuer", "number", "date", "title", "period", "kind",
    "language", "encoding",
};
#define N_METADATA_FIELDS (sizeof metadata_fields / sizeof *metadata_fields)

static void json_field(out_buf *o, const record_field *f, const vnr_record *r)
{
    switch (f->kind) {
    case FIELD_STRING: json_string(o, f->string(r)); break;
    case FIELD_SIZE: out_size(o, f->size(r)); break;
    case FIELD_COUNT:
        if (f->size(r))
            out_size(o, f->size(r));
        else
            out_str(o, "null");
        break;
    case FIELD_NUMBER: json_number(o, f->number(r)); break;
    case FIELD_FLAG: out_str(o, f->flag(r) ? "true" : "false"); break;
    case FIELD_SECTION:
        out_char(o, '[');
        for (size_t i = 0; i < vnr_record_section_depth(r); i++) {
            if (i)
                out_char(o, ',');
            json_string(o, vnr_record_section(r, i));
        }
        out_char(o, ']');
        break;
    }
}

/* The section path joined with " > ", quoted as one CSV cell. */
static void csv_section(out_buf *o, const vnr_record *r)
{
    size_t depth = vnr_record_section_depth(r);
    bool quote = false;
    for (size_t i = 0; i < depth && !quote; i++)
        quote = vnr_record_section(r, i)[strcspn(vnr_record_section(r, i), ",\"\n\r")] != '\0';
    if (quote)
        out_char(o, '"');
    for (size_t i = 0; i < depth; i++) {
        if (i)
            out_write(o, " > ", 3);
        const char *s = vnr_record_section(r, i);
        if (!quote) {
            out_str(o, s);
            continue;
        }
        for (const char *q; (q = strchr(s, '"')); s = q + 1) {
            out_write(o, s, (size_t)(q - s) + 1);
            out_char(o, '"');
        }
        out_str(o, s);
    }
    if (quote)
        out_char(o, '"');
}

static void csv_field(out_buf *o, const record_field *f, const vnr_record *r)
{
    switch (f->kind) {
    case FIELD_STRING: csv_string(o, f->string(r)); break;
    case FIELD_SIZE: out_size(o, f->size(r)); break;
    case FIELD_COUNT:
        if (f->size(r))
            out_size(o, f->size(r));
        break;
    case FIELD_NUMBER: csv_number(o, f->number(r)); break;
    case FIELD_FLAG: out_str(o, f->flag(r) ? "true" : "false"); break;
    case FIELD_SECTION: csv_section(o, r); break;
    }
}

/* ---------------------------------------------------------------- */
/* JSON Lines and CSV                                                */
/* ---------------------------------------------------------------- */

static void write_document_jsonl(out_buf *o, const vnr_document *doc)
{
    out_str(o, "{\"type\":\"document\"");
    for (size_t i = 0; i < N_METADATA_FIELDS; i++) {
        out_write(o, ",\"", 2);
        out_str(o, metadata_fields[i]);
        out_write(o, "\":", 2);
        json_string(o, vnr_document_meta(doc, metadata_fields[i]));
    }
    out_str(o, ",\"encoding_confidence\":");
    json_number(o, vnr_document_encoding_confidence(doc));
    out_str(o, ",\"replacements\":");
    out_size(o, vnr_document_replacements(doc));
    out_str(o, ",\"records\":");
    out_size(o, vnr_document_record_count(doc));
    out_write(o, "}\n", 2);
}

static void write_record_jsonl(out_buf *o, const vnr_record *r)
{
    out_str(o, "{\"type\":\"record\"");
    for (size_t i = 0; i < N_RECORD_FIELDS; i++) {
        out_write(o, record_fields[i].json_key, record_fields[i].json_key_len);
        json_field(o, &record_fields[i], r);
    }
    out_write(o, "}\n", 2);
}

static void write_record_csv(out_buf *o, const output_options *opt, const vnr_document *doc,
                             const vnr_record *r)
{
    for (size_t i = 0; i < N_RECORD_FIELDS; i++) {
        if (i)
            out_char(o, ',');
        csv_field(o, &record_fields[i], r);
    }
    /* "doc" is a record field already */
    for (size_t i = 1; opt->with_metadata && i < N_METADATA_FIELDS; i++) {
        out_char(o, ',');
        csv_string(o, vnr_document_meta(doc, metadata_fields[i]));
    }
    out_char(o, '\n');
}

/* ---------------------------------------------------------------- */
/* Table: a readable summary for people                              */
/* ---------------------------------------------------------------- */

/* Print at most `width` display columns of s (UTF-8 aware), padded. */
static void cell(out_buf *o, const char *s, int width)
{
    int cols = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p && cols < width) {
        int len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if (cols == width - 1 && p[len]) {
            out_str(o, "…");
            cols++;
            break;
        }
        out_write(o, (const char *)p, (size_t)len);
        p += len;
        cols++;
    }
    for (; cols < width; cols++)
        out_char(o, ' ');
    out_char(o, ' ');
}

enum { DOC_WIDTH = 24 };

static void write_table_header(out_buf *o, const output_options *opt)
{
    if (opt->doc_column)
        cell(o, "doc", DOC_WIDTH);
    cell(o, "line", 5);
    cell(o, "role", 10);
    cell(o, "value", 14);
    cell(o, "unit", 14);
    cell(o, "baseline", 22);
    out_str(o, "subject / indicator\n");
}

static void write_record_table(out_buf *o, const output_options *opt, const vnr_record *r)
{
    char num[72], line[24];
    if (opt->doc_column)
        cell(o, vnr_record_doc(r), DOC_WIDTH);
    snprintf(line, sizeof line, "%zu", vnr_record_line(r));
    cell(o, line, 5);
    cell(o, vnr_role_name(vnr_record_role(r)), 10);
    size_t n = format_double(num, vnr_record_value(r));
    if (!isnan(vnr_record_value_max(r))) {
        num[n++] = '-';
        format_double(num + n, vnr_record_value_max(r));
    } else if (!isnan(vnr_record_total(r))) {
        num[n++] = '/';
        format_double(num + n, vnr_record_total(r));
    }
    cell(o, num, 14);
    cell(o, vnr_record_unit(r), 14);
    cell(o, vnr_record_baseline(r), 22);
    const char *subj = vnr_record_subject(r);
    if (subj && *subj) {
        out_str(o, subj);
        out_write(o, " / ", 3);
    }
    out_str(o, vnr_record_indicator(r));
    out_char(o, '\n');
}

/* ---------------------------------------------------------------- */
/* Entry points                                                      */
/* ---------------------------------------------------------------- */

void write_header(out_buf *o, const output_options *opt)
{
    if (opt->format == FORMAT_TABLE) {
        write_table_header(o, opt);
    } else if (opt->format == FORMAT_CSV) {
        for (size_t i = 0; i < N_RECORD_FIELDS; i++) {
            if (i)
                out_char(o, ',');
            out_str(o, record_fields[i].name);
        }
        for (size_t i = 1; opt->with_metadata && i < N_METADATA_FIELDS; i++) {
            out_str(o, ",doc_");
            out_str(o, metadata_fields[i]);
        }
        out_char(o, '\n');
    }
}

void write_document(out_buf *o, const output_options *opt, const vnr_document *doc)
{
    if (opt->format == FORMAT_JSONL)
        write_document_jsonl(o, doc);
    size_t n = vnr_document_record_count(doc);
    for (size_t i = 0; i < n; i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        if (opt->format == FORMAT_JSONL)
            write_record_jsonl(o, r);
        else if (opt->format == FORMAT_CSV)
            write_record_csv(o, opt, doc, r);
        else
            write_record_table(o, opt, r);
    }
}
