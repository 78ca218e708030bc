/*
 * fuzz-parse.c — libFuzzer harness for the whole pipeline through the
 * public API: vnr_parse() (automatic encoding, lenient, so that mutated
 * bytes still reach segment, lexer and recognizer), then every accessor of
 * the document, of every record and of every audited number, so that reads
 * of what the pipeline built are exercised too.
 *
 * Besides crashes, leaks and sanitizer reports, it checks what the API
 * promises (vnr-document.h, SPEC §4 and §7):
 *  - a failure is a status with a message and no document;
 *  - every string handed out is valid UTF-8 and every enum a named value;
 *  - every record and every audited number lies inside the input; for
 *    UTF-8 input, a record's line and column are those of its offset and
 *    its value text starts with a digit or a sign and a digit;
 *  - audited numbers come in input order and name real records.
 */
#include "utf8.h"

#include <vnreport/vnreport.h>

#include <math.h>
#include <string.h>

#include "fuzz-check.h"

#define DOC_NAME "fuzz"

static void check_string(const char *s, const char *what)
{
    FUZZ_ASSERT(s != NULL, "%s is NULL", what);
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t k = utf8_sequence_length((const unsigned char *)s + i, n - i);
        FUZZ_ASSERT(k != 0, "%s: invalid UTF-8 at byte %zu: '%s'", what, i, s);
        i += k;
    }
}

static void check_optional_string(const char *s, const char *what)
{
    if (s)
        check_string(s, what);
}

/* Where the lines of the input start (LF, CR LF and lone CR end lines, as
 * the library counts them), to check record positions without rescanning. */
typedef struct line_index {
    size_t *starts;
    size_t n;
} line_index;

static line_index index_lines(const char *s, size_t size)
{
    line_index li = { malloc((size + 1) * sizeof(size_t)), 0 };
    FUZZ_ASSERT(li.starts != NULL, "out of memory");
    /* a byte-order mark is not part of the first line's columns */
    bool bom = size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
    li.starts[li.n++] = bom ? 3 : 0;
    for (size_t i = 0; i < size; i++) {
        if (s[i] == '\r' && i + 1 < size && s[i + 1] == '\n')
            continue;   /* the LF ends the line */
        if (s[i] == '\n' || s[i] == '\r')
            li.starts[li.n++] = i + 1;
    }
    return li;
}

/* 1-based line of byte `off`, and where that line starts. */
static size_t line_of(const line_index *li, size_t off, size_t *start)
{
    size_t lo = 0, hi = li->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (li->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *start = li->starts[lo];
    return lo + 1;
}

static void check_record(const vnr_record *r, size_t index, const char *data, size_t size,
                         const line_index *lines)
{
    FUZZ_ASSERT(r != NULL, "record %zu of the count is NULL", index);
    FUZZ_ASSERT(strcmp(vnr_record_doc(r), DOC_NAME) == 0, "record doc '%s'", vnr_record_doc(r));
    size_t off = vnr_record_offset(r), len = vnr_record_length(r);
    FUZZ_ASSERT(len > 0 && off <= size && len <= size - off,
                "record %zu at %zu+%zu outside %zu bytes", index, off, len, size);
    size_t line = vnr_record_line(r), col = vnr_record_col(r);
    FUZZ_ASSERT(line >= 1 && col >= 1, "record %zu at line %zu col %zu", index, line, col);
    if (lines) {
        size_t start;
        size_t want = line_of(lines, off, &start);
        FUZZ_ASSERT(line == want && col == off - start + 1,
                    "record %zu at byte %zu: line %zu col %zu, expected line %zu col %zu",
                    index, off, line, col, want, off - start + 1);
        /* a signed number (`-2%`) starts at its sign; emphasis asterisks
         * between sign and digits (`-**1,78`) are dropped by normalize, so
         * the sign still belongs to the number, and so does a sign written
         * apart before a signed unit (`- 0,19 điểm`: blanks, which
         * normalize makes one) */
        size_t digit = off + (data[off] == '-' || data[off] == '+');
        while (digit > off && digit < off + len && (data[digit] == ' ' || data[digit] == '\t'))
            digit++;
        if (digit > off)
            while (digit < off + len && data[digit] == '*')
                digit++;
        FUZZ_ASSERT(digit < off + len && data[digit] >= '0' && data[digit] <= '9',
                    "record %zu value text at byte %zu starts with 0x%02X", index, off,
                    (unsigned)(unsigned char)data[off]);
    }
    size_t depth = vnr_record_section_depth(r);
    for (size_t k = 0; k < depth; k++)
        check_string(vnr_record_section(r, k), "section");
    FUZZ_ASSERT(vnr_record_section(r, depth) == NULL, "section past depth %zu", depth);
    check_optional_string(vnr_record_subject(r), "subject");
    check_string(vnr_record_indicator(r), "indicator");
    vnr_role role = vnr_record_role(r);
    FUZZ_ASSERT(role != VNR_ROLE_NONE && vnr_role_name(role), "record %zu role %d", index,
                (int)role);
    vnr_qualifier q = vnr_record_qualifier(r);
    FUZZ_ASSERT(q == VNR_QUALIFIER_NONE || vnr_qualifier_name(q), "qualifier %d", (int)q);
    double v = vnr_record_value(r);
    FUZZ_ASSERT(!isnan(v), "record %zu value is NaN", index);
    (void)vnr_record_value_max(r);
    (void)vnr_record_total(r);
    (void)vnr_record_canonical_value(r);
    (void)vnr_record_statement(r);
    (void)vnr_record_estimate(r);
    check_string(vnr_record_unit(r), "unit");
    check_string(vnr_record_canonical_unit(r), "canonical_unit");
    check_string(vnr_record_dimension(r), "dimension");
    check_optional_string(vnr_record_baseline(r), "baseline");
    check_optional_string(vnr_record_period(r), "period");
    check_string(vnr_record_text(r), "text");
    check_optional_string(vnr_record_indicator_key(r), "indicator_key");
    check_optional_string(vnr_record_subject_key(r), "subject_key");
    FUZZ_ASSERT(vnr_record_indicator_key(r) || !vnr_record_subject_key(r),
                "record %zu has a subject_key without an indicator_key", index);
}

/* Every digit run's fate: inside the input, in input order, naming a real
 * record when it became one. */
static void check_numbers(const vnr_document *doc, size_t size)
{
    size_t n_recs = vnr_document_record_count(doc);
    size_t count = vnr_document_number_count(doc);
    size_t last = 0;
    for (size_t i = 0; i < count; i++) {
        size_t off = 0, len = 0, line = 0, rec = 0;
        const char *fate = vnr_document_number(doc, i, &off, &len, &line, &rec);
        FUZZ_ASSERT(fate && *fate, "number %zu has no fate", i);
        FUZZ_ASSERT(off <= size && len <= size - off, "number %zu at %zu+%zu outside %zu bytes",
                    i, off, len, size);
        FUZZ_ASSERT(off >= last, "number %zu at %zu before the previous one at %zu", i, off,
                    last);
        last = off;
        FUZZ_ASSERT(line >= 1, "number %zu on line 0", i);
        FUZZ_ASSERT(rec == (size_t)-1 || rec < n_recs, "number %zu names record %zu of %zu", i,
                    rec, n_recs);
        if (strcmp(fate, "record") == 0)
            FUZZ_ASSERT(rec != (size_t)-1, "number %zu became a record, but which?", i);
    }
    FUZZ_ASSERT(vnr_document_number(doc, count, NULL, NULL, NULL, NULL) == NULL,
                "number past the count");
}

static void check_metadata(const vnr_document *doc)
{
    static const char *const fields[] = {
        "doc", "province", "issuer", "number", "date", "title", "period", "kind",
        "language", "encoding",
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        check_optional_string(vnr_document_meta(doc, fields[i]), fields[i]);
    FUZZ_ASSERT(strcmp(vnr_document_meta(doc, "doc"), DOC_NAME) == 0, "doc name changed");
    FUZZ_ASSERT(vnr_document_meta(doc, "no such field") == NULL, "unknown field answered");
    const char *date = vnr_document_meta(doc, "date");
    if (date)
        FUZZ_ASSERT(strlen(date) == 10 && date[4] == '-' && date[7] == '-', "date '%s'", date);
    double conf = vnr_document_encoding_confidence(doc);
    FUZZ_ASSERT(conf >= 0.0 && conf <= 1.0, "confidence %g", conf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vnr_parser *parser = vnr_parser_new();
    if (!parser)
        return 0;
    vnr_parser_set_lenient(parser, 1);
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    const char *text = (const char *)data;
    vnr_status st = vnr_parse(parser, text, size, DOC_NAME, &doc, &err);
    vnr_parser_free(parser);
    if (st != VNR_OK) {
        FUZZ_ASSERT(doc == NULL, "failed parse returned a document");
        FUZZ_ASSERT(err && vnr_error_status(err) == st, "status %s without its error",
                    vnr_status_str(st));
        check_string(vnr_error_message(err), "error message");
        /* what lenient mode may still refuse: no text, more numbers than the
         * memory budget allows, a document format (PDF, DOCX …) that is
         * damaged or not built in, and binary data refused by name, which
         * no repair would turn into text */
        bool refused_binary = st == VNR_E_ENCODING &&
                              strstr(vnr_error_message(err), "convert it to text first");
        FUZZ_ASSERT(st == VNR_E_EMPTY || st == VNR_E_TOO_LARGE || st == VNR_E_UNSUPPORTED_FORMAT ||
                        st == VNR_E_NO_TEXT_LAYER || st == VNR_E_BAD_DOCUMENT || refused_binary,
                    "lenient parse failed: %s", vnr_error_message(err));
        vnr_error_free(err);
        return 0;
    }
    FUZZ_ASSERT(doc && !err, "parse succeeded with doc %p err %p", (void *)doc, (void *)err);

    vnr_document *again = vnr_document_ref(doc);
    const char *enc = vnr_document_meta(doc, "encoding");
    /* positions are checked against the bytes when they are UTF-8 */
    line_index lines = { 0 };
    if (enc && strcmp(enc, "utf-8") == 0)
        lines = index_lines(text, size);
    size_t n = vnr_document_record_count(doc);
    for (size_t i = 0; i < n; i++)
        check_record(vnr_document_record(doc, i), i, text, size, lines.starts ? &lines : NULL);
    free(lines.starts);
    FUZZ_ASSERT(vnr_document_record(doc, n) == NULL, "record past the count");
    check_numbers(doc, size);
    check_metadata(doc);
    vnr_document_unref(again);
    vnr_document_unref(doc);
    return 0;
}
