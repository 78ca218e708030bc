/*
 * document.c — the public object layer: parser options, vnr_parse() running
 * the pipeline (decode → normalize → segment → metadata → recognize), and
 * the accessors of documents and records.
 *
 * Owns: mapping every normalized position back to the original input (line,
 * column, byte offset), reference counting, and the document's arena.
 */
#include "decode.h"
#include "decode-formats.h"
#include "error.h"
#include "keys.h"
#include "metadata.h"
#include "normalize.h"
#include "parser.h"
#include "recognize.h"
#include "record.h"
#include "segment.h"
#include "sniff.h"
#include "utf8.h"

#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

/* Token positions are 32-bit: refuse inputs the offsets cannot address. */
#define VNR_MAX_INPUT VNR_MAX_INPUT_DEFAULT

struct vnr_parser {
    vnr_encoding encoding;
    bool lenient;
    size_t max_input;   /* 0: VNR_MAX_INPUT */
};

struct vnr_document {
    atomic_size_t refs;
    vnr_arena arena;
    const char *name;
    doc_meta meta;
    vnr_encoding encoding;
    input_format format;
    double confidence;
    size_t replacements;
    vnr_record *recs;
    size_t n_recs;
    number_fate *fates;
    size_t n_fates, cap_fates;
};

/* ---------------------------------------------------------------- */
/* Names                                                             */
/* ---------------------------------------------------------------- */

const char *vnr_role_name(vnr_role role)
{
    static const char *const names[] = {
        NULL, "level", "change", "index", "attainment", "share", "target",
    };
    return (unsigned)role < sizeof names / sizeof *names ? names[role] : NULL;
}

const char *vnr_qualifier_name(vnr_qualifier q)
{
    static const char *const names[] = { NULL, "approx", "gt", "ge", "lt", "le" };
    return (unsigned)q < sizeof names / sizeof *names ? names[q] : NULL;
}

const char *vnr_version(void)
{
    return VNR_VERSION_STRING;
}

int vnr_version_number(void)
{
    return VNR_VERSION_MAJOR * 1000000 + VNR_VERSION_MINOR * 1000 + VNR_VERSION_MICRO;
}

/* ---------------------------------------------------------------- */
/* Parser                                                            */
/* ---------------------------------------------------------------- */

vnr_parser *vnr_parser_new(void)
{
    return calloc(1, sizeof(vnr_parser));
}

void vnr_parser_free(vnr_parser *parser)
{
    free(parser);
}

vnr_parser *parser_clone(const vnr_parser *parser)
{
    vnr_parser *copy = vnr_parser_new();
    if (copy && parser)
        *copy = *parser;
    return copy;
}

vnr_status vnr_parser_set_encoding(vnr_parser *parser, vnr_encoding encoding)
{
    if (!parser || !vnr_encoding_name(encoding))
        return VNR_E_INVALID_ARGUMENT;
    parser->encoding = encoding;
    return VNR_OK;
}

vnr_status vnr_parser_set_max_input(vnr_parser *parser, size_t bytes)
{
    if (!parser || bytes > VNR_MAX_INPUT)
        return VNR_E_INVALID_ARGUMENT;
    parser->max_input = bytes;
    return VNR_OK;
}

size_t vnr_parser_max_input(const vnr_parser *parser)
{
    return parser && parser->max_input ? parser->max_input : VNR_MAX_INPUT;
}

vnr_status vnr_parser_set_lenient(vnr_parser *parser, int lenient)
{
    if (!parser)
        return VNR_E_INVALID_ARGUMENT;
    parser->lenient = lenient != 0;
    return VNR_OK;
}

/* ---------------------------------------------------------------- */
/* Positions: normalized → decoded → original                        */
/* ---------------------------------------------------------------- */

typedef struct position_map {
    const normalized *norm;
    const decoded *dec;
    size_t *line_starts;   /* decoded offsets where lines start */
    size_t n_lines;
    /* where the last look-ups were found: records and fates are placed in
     * (mostly) increasing order, so each look-up starts next to the last */
    norm_cursor cursor;
    size_t dec_hint, line_hint, page_hint;
    size_t page;           /* page of the last look-up (0: not a paged input) */
} position_map;

static bool build_line_starts(position_map *pm)
{
    size_t cap = 0;
    const char *s = pm->dec->text;
    size_t n = pm->dec->len;
    size_t zero = 0;
    if (!VEC_PUSH(pm->line_starts, pm->n_lines, cap, zero))
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *nl = memchr(s + i, '\n', n - i);
        const char *cr = memchr(s + i, '\r', nl ? (size_t)(nl - s - i) : n - i);
        const char *e = cr ? cr : nl;
        if (!e)
            break;
        i = (size_t)(e - s);
        if (*e == '\r' && i + 1 < n && s[i + 1] == '\n')
            i++;
        size_t start = i + 1;
        if (!VEC_PUSH(pm->line_starts, pm->n_lines, cap, start))
            return false;
    }
    return true;
}

/* A paged input (PDF): the page of decoded position `dpos` and its line
 * within the page, from the page runs the reader gave. */
static void page_position(position_map *pm, size_t dpos, size_t line_index, size_t *line)
{
    const page_run *runs = pm->dec->pages;
    size_t r = floor_index_near(runs, pm->dec->n_pages, sizeof *runs, dpos, &pm->page_hint);
    size_t hint = line_index;
    size_t first = floor_index_near(pm->line_starts, pm->n_lines, sizeof *pm->line_starts,
                                    runs[r].start, &hint);
    pm->page = runs[r].page;
    *line = runs[r].line + (line_index - first);
}

static void locate_decoded(position_map *pm, size_t dpos, size_t *offset, size_t *line,
                           size_t *col)
{
    /* line_starts[0] is 0, so a line always holds dpos */
    size_t lo = floor_index_near(pm->line_starts, pm->n_lines, sizeof *pm->line_starts, dpos,
                                 &pm->line_hint);
    *offset = offmap_lookup_near(&pm->dec->map, dpos, &pm->dec_hint);
    *line = lo + 1;
    if (col)
        *col = *offset - offmap_lookup(&pm->dec->map, pm->line_starts[lo]) + 1;
    if (pm->dec->n_pages)
        page_position(pm, dpos, lo, line);
}

static int fate_order(const void *a, const void *b)
{
    const number_fate *x = a, *y = b;
    return (x->norm_start > y->norm_start) - (x->norm_start < y->norm_start);
}

static void locate(position_map *pm, size_t norm_pos, size_t *offset, size_t *line,
                   size_t *col)
{
    locate_decoded(pm, normalized_to_decoded_near(pm->norm, norm_pos, &pm->cursor), offset, line,
                   col);
}

/* Original offset just past the span that ends at normalized `norm_end`. */
static size_t locate_end(position_map *pm, size_t norm_end)
{
    return offmap_lookup_near(&pm->dec->map,
                              normalized_end_to_decoded_near(pm->norm, norm_end, &pm->cursor),
                              &pm->dec_hint);
}

/* End of the ascending run of fates starting at i. */
static size_t run_end(const number_fate *f, size_t n, size_t i)
{
    size_t k = i + 1;
    while (k < n && f[k].norm_start >= f[k - 1].norm_start)
        k++;
    return k;
}

/* Stable merge of the ascending runs a[0..m) and a[m..n) through tmp. */
static void merge_runs(number_fate *a, size_t m, size_t n, number_fate *tmp)
{
    memcpy(tmp, a, m * sizeof *a);
    size_t i = 0, j = m, o = 0;
    while (i < m && j < n)
        a[o++] = a[j].norm_start < tmp[i].norm_start ? a[j++] : tmp[i++];
    memcpy(a + o, tmp + i, (m - i) * sizeof *a);
}

/*
 * Fates in input order. They come in a few ascending runs (a footnote body
 * is recognized after the paragraph it interrupts), so a natural merge
 * sort (adjacent runs merged pairwise, pass after pass) usually costs one
 * check of the order and at most a few passes; ties keep their order, as
 * in the merge sort behind glibc's qsort.
 */
static void sort_fates(number_fate *f, size_t n)
{
    if (n < 2 || run_end(f, n, 0) >= n)
        return;
    number_fate *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        qsort(f, n, sizeof *f, fate_order);
        return;
    }
    while (run_end(f, n, 0) < n) {
        for (size_t i = 0; i < n;) {
            size_t m = run_end(f, n, i);
            if (m >= n)
                break;
            size_t e = run_end(f, n, m);
            merge_runs(f + i, m - i, e - i, tmp);
            i = e;
        }
    }
    free(tmp);
}

/* ---------------------------------------------------------------- */
/* Every digit run has a fate                                        */
/* ---------------------------------------------------------------- */

/* A digit of any script: ASCII, superscript and subscript digits (`m²`,
 * footnote markers), fullwidth, Arabic-Indic, Devanagari, … */
static bool is_any_digit(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return true;
    if (cp < 0x80)
        return false;
    if (utf8_superscript_digit(cp) >= 0 || utf8_subscript_digit(cp) >= 0)
        return true;
    /* no decimal digit before U+0660 (Arabic-Indic), nor among the toned
     * letters and punctuation (U+1E00–U+206F): the letters of Vietnamese
     * text need no utf8proc look-up */
    if (cp < 0x660 || (cp >= 0x1E00 && cp < 0x2070))
        return false;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

/* The fate of a digit run no stage placed: the exponent of a unit written
 * right after its letters (`m²`, `km³`), the superscript opening a footnote
 * body, else "unplaced" — counted apart in the audit, so a number the
 * extractor cannot account for is never silent. */
static const char *unplaced_fate(const char *text, size_t start, uint32_t first)
{
    bool superscript = utf8_superscript_digit(first) >= 0;
    bool exponent = first == 0xB2 || first == 0xB3;
    bool after_letter = start > 0 && ((text[start - 1] | 0x20) >= 'a' && (text[start - 1] | 0x20) <= 'z');
    if (exponent && after_letter)
        return "unit_part";
    if (superscript && (start == 0 || text[start - 1] == '\n'))
        return "footnote_marker";   /* the body of a footnote: `¹ Số liệu …` */
    return "unplaced";
}

/* Could a digit run start among the eight bytes at s (s[8] readable)? Not
 * when none is an ASCII digit, 0xC2 or a lead byte from 0xD9 on, but for
 * the leads 0xE1 of the toned letters (the next byte 0xB8 or more):
 * add_unplaced_runs passes over such bytes one by one and finds nothing. */
static bool may_start_digits(const char *s)
{
    uint64_t x, y;
    memcpy(&x, s, sizeof x);
    memcpy(&y, s + 1, sizeof y);   /* the byte after each */
    uint64_t toned = utf8_bytes_equal(x, 0xE1) & utf8_high_bytes_from(y, 0x38);
    return (utf8_digit_bytes(x) | utf8_bytes_equal(x, 0xC2) |
            (utf8_high_bytes_from(x, 0x59) & ~toned)) != 0;
}

/* Append a fate for every digit run of the text that no fate overlaps;
 * `doc->fates` is sorted by start. False when out of memory. */
static bool add_unplaced_runs(vnr_document *doc, const char *text, size_t len, size_t *cap)
{
    size_t n_sorted = doc->n_fates, f = 0, i = 0;
    while (i < len) {
        while (i + 9 <= len && !may_start_digits(text + i))
            i += 8;
        if (i >= len)
            break;
        unsigned char b = (unsigned char)text[i];
        if (!(b - (unsigned)'0' < 10u || b == 0xC2 || b >= 0xD9)) {
            /* most of the text: ASCII that is no digit, and the letters
             * U+00C0–U+063F (leads C3–D8) whose bytes, taken one by one,
             * end where their sequence ends and hold no digit; a stray
             * byte is U+FFFD of one byte to utf8_next as well */
            i++;
            continue;
        }
        if (b == 0xE1 && i + 2 < len && (unsigned char)text[i + 1] >= 0xB8 &&
            utf8_is_cont((unsigned char)text[i + 2])) {
            i += 3;   /* U+1E00–U+1FFF, the toned letters: no digit (is_any_digit) */
            continue;
        }
        size_t start = i;
        uint32_t cp = utf8_next_fast(text, len, &i);
        if (!is_any_digit(cp))
            continue;
        size_t end = i, k = i;
        while (k < len && is_any_digit(utf8_next_fast(text, len, &k)))
            end = k;
        i = end;
        while (f < n_sorted && doc->fates[f].norm_end <= start && doc->fates[f].norm_start < start)
            f++;
        bool covered = false;
        for (size_t g = f; g < n_sorted && doc->fates[g].norm_start < end && !covered; g++)
            covered = doc->fates[g].norm_end > start || doc->fates[g].norm_start >= start;
        if (covered)
            continue;
        number_fate nf = { .norm_start = (uint32_t)start, .norm_end = (uint32_t)end,
                           .fate = unplaced_fate(text, start, cp), .record = (size_t)-1 };
        if (!VEC_PUSH(doc->fates, doc->n_fates, *cap, nf))
            return false;
    }
    return true;
}

/* False when out of memory. */
static bool place_records(vnr_document *doc, position_map *pm)
{
    /* footnote bodies are recognized after the paragraph they interrupt:
     * list numbers in input order */
    sort_fates(doc->fates, doc->n_fates);
    size_t before = doc->n_fates;
    if (!add_unplaced_runs(doc, pm->norm->text, pm->norm->len, &doc->cap_fates))
        return false;
    if (doc->n_fates > before)
        sort_fates(doc->fates, doc->n_fates);
    for (size_t i = 0; i < doc->n_recs; i++) {
        vnr_record *r = &doc->recs[i];
        locate(pm, r->norm_start, &r->offset, &r->line, &r->col);
        r->page = pm->page;
        size_t end = locate_end(pm, r->norm_end);
        r->length = end > r->offset ? end - r->offset : 0;
    }
    for (size_t i = 0; i < doc->n_fates; i++) {
        number_fate *f = &doc->fates[i];
        /* a pair's fates are re-cut by the recognizer (`20/4 đến 25/4`);
         * never trust an end before the start */
        if (f->norm_end < f->norm_start)
            f->norm_end = f->norm_start;
        f->text = arena_strndup(&doc->arena, pm->norm->text + f->norm_start,
                                f->norm_end - f->norm_start);
        if (!f->text)
            return false;
        locate(pm, f->norm_start, &f->offset, &f->line, NULL);
        size_t end = locate_end(pm, f->norm_end);
        f->length = end > f->offset ? end - f->offset : 0;
    }
    return true;
}

/* ---------------------------------------------------------------- */
/* Parsing                                                           */
/* ---------------------------------------------------------------- */

static vnr_status run_pipeline(vnr_document *doc, const decoded *dec, vnr_error **error)
{
    normalized norm;
    vnr_status st = normalize_text(dec->text, dec->len, &norm, error);
    if (st != VNR_OK)
        return st;
    segmentation seg;
    recognizer_out out = { 0 };
    position_map pm = { .norm = &norm, .dec = dec };
    layout_source layout = { &norm, dec->text, dec->len };
    if (!segment_text_layout(norm.text, norm.len, &layout, &seg)) {
        normalized_free(&norm);
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory while segmenting");
    }
    bool ok = extract_metadata(norm.text, norm.len, &seg, &doc->arena, &doc->meta) &&
              recognize_document(norm.text, norm.len, &seg, &doc->meta, doc->name,
                                 &doc->arena, &out) &&
              build_line_starts(&pm);
    doc->recs = out.recs;
    doc->n_recs = out.n_recs;
    doc->fates = out.fates;
    doc->n_fates = out.n_fates;
    doc->cap_fates = out.cap_fates;
    if (ok)
        ok = place_records(doc, &pm) && keys_assign(doc->recs, doc->n_recs, &doc->arena);
    ok = ok && !doc->arena.failed;   /* a string of a record or the metadata is missing */
    free(pm.line_starts);
    segmentation_free(&seg);
    normalized_free(&norm);
    if (!ok)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory while recognizing");
    return VNR_OK;
}

/* PDF, DOCX, images …: refused by name, in lenient mode too, since
 * repairing their bytes into text would invent records. */
static vnr_status refuse_binary(const char *data, size_t length, vnr_encoding hint,
                                vnr_error **error)
{
    const unsigned char *s = (const unsigned char *)data;
    bool utf16 = hint == VNR_ENCODING_UTF16LE || hint == VNR_ENCODING_UTF16BE ||
                 (length >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)));
    const char *binary = sniff_binary(s, length, utf16);
    if (!binary)
        return VNR_OK;
    return error_set(error, VNR_E_ENCODING, 0, VNR_NO_POSITION,
                     "%s \xE2\x80\x94 convert it to text first", binary);
}

/* What the stages may allocate for an input of `length` bytes: with the
 * copies the budget does not see (decoded text, the recognizer's per-token
 * arrays, the caller's input) a document stays under 8 × its input plus
 * 16 MB (docs/performance.md has the measurements). */
static size_t memory_budget(size_t length)
{
    return 5 * length + ((size_t)12 << 20);
}

static vnr_status over_budget(size_t length, vnr_error **error)
{
    if (error && *error) {
        vnr_error_free(*error);   /* the stage's "out of memory" */
        *error = NULL;
    }
    return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                     "input of %zu bytes holds too many numbers and words: reading it "
                     "would take more than %zu bytes of memory",
                     length, memory_budget(length));
}

vnr_status vnr_parse(vnr_parser *parser, const char *data, size_t length,
                     const char *doc_name, vnr_document **out, vnr_error **error)
{
    if (out)
        *out = NULL;
    if (!out || (!data && length))
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "vnr_parse: %s is NULL", out ? "data" : "out");
    if (length == 0)
        return error_set(error, VNR_E_EMPTY, 0, VNR_NO_POSITION, "empty input");
    if (length > vnr_parser_max_input(parser))
        return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                         "input of %zu bytes exceeds the %zu-byte limit", length,
                         vnr_parser_max_input(parser));
    vnr_parser defaults = { 0 };
    if (!parser)
        parser = &defaults;

    vnr_document *doc = calloc(1, sizeof *doc);
    if (!doc)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    atomic_init(&doc->refs, 1);
    doc->name = arena_strdup(&doc->arena, doc_name ? doc_name : "-");
    decoded dec;
    /* PDF, DOCX, ODT and .doc are the decode stage's; other binary data is
     * refused by name before it could be read as text */
    vnr_status st = sniff_format(data, length) == FORMAT_TEXT
                        ? refuse_binary(data, length, parser->encoding, error) : VNR_OK;
    if (st == VNR_OK)
        st = decode_input(data, length, parser->encoding, parser->lenient, &dec, error);
    if (st == VNR_OK) {
        doc->encoding = dec.encoding;
        doc->format = dec.format;
        doc->confidence = dec.confidence;
        doc->replacements = dec.replacements;
        vnr_budget budget = { .limit = memory_budget(length) };
        budget_begin(&budget);
        st = doc->name ? run_pipeline(doc, &dec, error)
                       : error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
        budget_end();
        if (budget.exceeded)
            st = over_budget(length, error);
        decoded_free(&dec);
    }
    if (st != VNR_OK) {
        vnr_document_unref(doc);
        return st;
    }
    *out = doc;
    return VNR_OK;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Read all of f, refusing (VNR_E_TOO_LARGE) as soon as it holds more than
 * `limit` bytes: a stream is read in growing pieces up to limit + 1 bytes,
 * never more, and a regular file is sized first. */
static vnr_status read_stream(FILE *f, size_t limit, char **data, size_t *len)
{
    struct stat sb;
    size_t cap = 1 << 16, n = 0;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode)) {
        if ((uint64_t)sb.st_size > limit)
            return VNR_E_TOO_LARGE;
        cap = (size_t)sb.st_size + 1;   /* + 1: end of file needs no growth */
    }
    char *buf = malloc(cap);
    if (!buf)
        return VNR_E_NOMEM;
    for (;;) {
        if (n == cap) {
            if (n > limit) {
                free(buf);
                return VNR_E_TOO_LARGE;
            }
            size_t ncap = cap > limit / 2 ? limit + 1 : cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                return VNR_E_NOMEM;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return VNR_E_IO;
    }
    if (n > limit) {
        free(buf);
        return VNR_E_TOO_LARGE;
    }
    *data = buf;
    *len = n;
    return VNR_OK;
}

vnr_status vnr_parse_file(vnr_parser *parser, const char *path, vnr_document **out,
                          vnr_error **error)
{
    if (out)
        *out = NULL;
    if (!path || !out)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "vnr_parse_file: %s is NULL", path ? "out" : "path");
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return error_set(error, VNR_E_IO, 0, VNR_NO_POSITION, "cannot open %s: %s",
                         path, strerror(errno));
    char *data = NULL;
    size_t len = 0;
    struct stat info;
    /* a directory opens fine on Linux, then fails to read with EISDIR */
    bool is_dir = fstat(fileno(f), &info) == 0 && S_ISDIR(info.st_mode);
    vnr_status st = is_dir ? VNR_E_IO : read_stream(f, vnr_parser_max_input(parser), &data, &len);
    int read_errno = is_dir ? EISDIR : errno;
    if (!is_stdin)
        fclose(f);
    if (st == VNR_E_TOO_LARGE)
        return error_set(error, st, 0, VNR_NO_POSITION, "%s is larger than the %zu-byte input limit",
                         path, vnr_parser_max_input(parser));
    if (st != VNR_OK)
        return error_set(error, st, 0, VNR_NO_POSITION, "cannot read %s: %s", path,
                         st == VNR_E_IO ? strerror(read_errno) : vnr_status_str(st));
    st = vnr_parse(parser, data, len, is_stdin ? "-" : base_name(path), out, error);
    free(data);
    return st;
}

/* ---------------------------------------------------------------- */
/* Documents                                                         */
/* ---------------------------------------------------------------- */

vnr_document *vnr_document_ref(vnr_document *doc)
{
    if (doc)
        atomic_fetch_add_explicit(&doc->refs, 1, memory_order_relaxed);
    return doc;
}

void vnr_document_unref(vnr_document *doc)
{
    if (!doc || atomic_fetch_sub_explicit(&doc->refs, 1, memory_order_acq_rel) != 1)
        return;
    free(doc->recs);
    free(doc->fates);
    arena_free(&doc->arena);
    free(doc);
}

const char *vnr_document_meta(const vnr_document *doc, const char *field)
{
    if (!doc || !field)
        return NULL;
    const doc_meta *m = &doc->meta;
    const struct {
        const char *name;
        const char *value;
    } fields[] = {
        { "doc", doc->name },         { "province", m->province },
        { "issuer", m->issuer },      { "number", m->number },
        { "date", m->date },          { "title", m->title },
        { "period", m->period },      { "kind", m->kind },
        { "language", "vi" },         { "encoding", vnr_encoding_name(doc->encoding) },
        { "format", input_format_name(doc->format) },
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strcmp(fields[i].name, field) == 0)
            return fields[i].value;
    return NULL;
}

double vnr_document_encoding_confidence(const vnr_document *doc)
{
    return doc ? doc->confidence : 0.0;
}

size_t vnr_document_replacements(const vnr_document *doc)
{
    return doc ? doc->replacements : 0;
}

size_t vnr_document_record_count(const vnr_document *doc)
{
    return doc ? doc->n_recs : 0;
}

const vnr_record *vnr_document_record(const vnr_document *doc, size_t index)
{
    return doc && index < doc->n_recs ? &doc->recs[index] : NULL;
}

size_t vnr_document_number_count(const vnr_document *doc)
{
    return doc ? doc->n_fates : 0;
}

const char *vnr_document_number(const vnr_document *doc, size_t index, size_t *offset,
                                size_t *length, size_t *line, size_t *record)
{
    if (!doc || index >= doc->n_fates)
        return NULL;
    const number_fate *f = &doc->fates[index];
    if (offset)
        *offset = f->offset;
    if (length)
        *length = f->length;
    if (line)
        *line = f->line;
    if (record)
        *record = f->record;
    return f->fate;
}

const char *vnr_document_number_text(const vnr_document *doc, size_t index)
{
    return doc && index < doc->n_fates ? doc->fates[index].text : NULL;
}

/* ---------------------------------------------------------------- */
/* Records                                                           */
/* ---------------------------------------------------------------- */

#define REC_STRING(field) \
    const char *vnr_record_##field(const vnr_record *rec) { return rec ? rec->field : NULL; }
#define REC_SIZE(field) \
    size_t vnr_record_##field(const vnr_record *rec) { return rec ? rec->field : 0; }
#define REC_DOUBLE(field) \
    double vnr_record_##field(const vnr_record *rec) { return rec ? rec->field : NAN; }

REC_STRING(doc)
REC_SIZE(statement)
REC_SIZE(line)
REC_SIZE(col)
REC_SIZE(offset)
REC_SIZE(length)
REC_SIZE(page)
REC_SIZE(section_depth)
REC_STRING(subject)
REC_STRING(unit)
REC_STRING(canonical_unit)
REC_STRING(dimension)
REC_STRING(baseline)
REC_STRING(period)
REC_STRING(text)
REC_STRING(indicator_key)
REC_STRING(subject_key)
REC_DOUBLE(value)
REC_DOUBLE(value_max)
REC_DOUBLE(total)
REC_DOUBLE(canonical_value)

const char *vnr_record_indicator(const vnr_record *rec)
{
    return rec ? (rec->indicator ? rec->indicator : "") : NULL;
}

const char *vnr_record_section(const vnr_record *rec, size_t level)
{
    return rec && level < rec->section_depth ? rec->section[level] : NULL;
}

vnr_role vnr_record_role(const vnr_record *rec)
{
    return rec ? rec->role : VNR_ROLE_NONE;
}

vnr_qualifier vnr_record_qualifier(const vnr_record *rec)
{
    return rec ? rec->qualifier : VNR_QUALIFIER_NONE;
}

int vnr_record_estimate(const vnr_record *rec)
{
    return rec ? rec->estimate : 0;
}
