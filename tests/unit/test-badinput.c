/*
 * test-badinput.c — SPEC §7: input that is broken, hostile or huge.
 *
 * Invalid UTF-8 at the start, middle and end (status, line and byte), every
 * kind of malformed sequence, NUL bytes, empty input, lenient replacement
 * with its count, UTF-16 with a BOM giving the same records as UTF-8, a
 * 50 MB single line, 10^6 numbers in a row, deeply nested numbering, random
 * binary junk, and — for every input built here — records whose offset and
 * length point at the value's own bytes in the original input.
 *
 * Runs through the public API (vnr_parse) and, where a stage is the point,
 * through decode_input() directly.
 */
#include "decode.h"

#include <vnreport/vnreport.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

/* ---------------------------------------------------------------- */
/* Helpers                                                           */
/* ---------------------------------------------------------------- */

/* The input in a buffer of exactly its length (no NUL): overreads trap. */
static char *exact_copy(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    if (n)
        memcpy(p, s, n);
    return p;
}

static vnr_status parse_ex(const char *s, size_t n, bool lenient, vnr_document **doc,
                           vnr_error **err)
{
    vnr_parser *p = vnr_parser_new();
    vnr_parser_set_lenient(p, lenient);
    char *in = exact_copy(s, n);
    vnr_status st = vnr_parse(p, in, n, "bad", doc, err);
    free(in);
    vnr_parser_free(p);
    return st;
}

/* Expect VNR_E_ENCODING at `line`, `byte` (strict mode). */
static void expect_encoding_error(const char *label, const char *s, size_t n, size_t line,
                                  size_t byte)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    check_case = label;
    CHECK_INT(parse_ex(s, n, false, &doc, &err), VNR_E_ENCODING);
    CHECK(doc == NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_ENCODING);
    CHECK_SIZE(vnr_error_line(err), line);
    CHECK_SIZE(vnr_error_byte(err), byte);
    char where[64];
    snprintf(where, sizeof where, "line %zu, byte %zu", line, byte);
    CHECKF(strstr(vnr_error_message(err), where) != NULL, "message '%s' lacks '%s'",
           vnr_error_message(err), where);
    vnr_error_free(err);
    check_case = NULL;
}

/* Expect lenient success with `replacements` U+FFFD. */
static void expect_lenient(const char *label, const char *s, size_t n, size_t replacements)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    check_case = label;
    CHECK_INT(parse_ex(s, n, true, &doc, &err), VNR_OK);
    CHECK(err == NULL);
    CHECK_SIZE(vnr_document_replacements(doc), replacements);
    vnr_document_unref(doc);
    vnr_error_free(err);
    check_case = NULL;
}

/*
 * The number texts an input was built from, with their byte spans in the
 * original input. Every record must sit exactly on one of them and carry
 * its value: the offset map is right end to end.
 */
typedef struct known_number {
    size_t offset, length;
    double value;
} known_number;

typedef struct builder {
    char *s;
    size_t n, cap;
    known_number *nums;
    size_t n_nums, cap_nums;
} builder;

static void put(builder *b, const char *s, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 64;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
}

static void puts_(builder *b, const char *s)
{
    put(b, s, strlen(s));
}

static void put_number(builder *b, const char *text, double value)
{
    if (b->n_nums == b->cap_nums) {
        b->cap_nums = b->cap_nums * 2 + 16;
        b->nums = realloc(b->nums, b->cap_nums * sizeof *b->nums);
    }
    b->nums[b->n_nums++] = (known_number){ b->n, strlen(text), value };
    puts_(b, text);
}

static void builder_free(builder *b)
{
    free(b->s);
    free(b->nums);
    memset(b, 0, sizeof *b);
}

static const known_number *find_known(const builder *b, size_t offset)
{
    size_t lo = 0, hi = b->n_nums;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->nums[mid].offset < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->n_nums && b->nums[lo].offset == offset ? &b->nums[lo] : NULL;
}

/* 1-based line of byte `off` (LF, CR LF and lone CR end lines). */
static size_t line_at(const char *s, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'));
    return line;
}

/* Every record of `doc` sits on a known number; at least `min_records`. */
static void check_record_spans(const builder *b, const vnr_document *doc, size_t min_records)
{
    size_t n = vnr_document_record_count(doc);
    CHECKF(n >= min_records, "%zu records, expected at least %zu", n, min_records);
    unsigned bad = 0;
    for (size_t i = 0; i < n; i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        size_t off = vnr_record_offset(r), len = vnr_record_length(r);
        const known_number *k = find_known(b, off);
        if (k && k->length == len && check_same_double(k->value, vnr_record_value(r)))
            continue;
        if (bad++ < 5)
            CHECKF(0, "record %zu: offset %zu length %zu value %g is not a number of the input "
                      "(bytes there: '%.*s')",
                   i, off, len, vnr_record_value(r), (int)(off < b->n ? (len < 40 ? len : 40) : 0),
                   off < b->n ? b->s + off : "");
    }
    CHECKF(bad == 0, "%u records off their value's bytes", bad);
}

/* ---------------------------------------------------------------- */
/* Invalid UTF-8                                                     */
/* ---------------------------------------------------------------- */

#define LIT(s) s, sizeof(s) - 1

static void test_invalid_utf8_positions(void)
{
    expect_encoding_error("start", LIT("\xff" "Báo cáo năm 2023\ndòng 2"), 1, 0);
    expect_encoding_error("stray continuation at start", LIT("\x80" "abc"), 1, 0);
    expect_encoding_error("middle", LIT("Dòng một 12 ha\nDòng hai \xc3\x28 tấn\n"), 2,
                          sizeof("Dòng một 12 ha\nDòng hai ") - 1);
    expect_encoding_error("end", LIT("Dòng một\nDòng hai\nkết thúc\xfe"), 3,
                          sizeof("Dòng một\nDòng hai\nkết thúc") - 1);
    expect_encoding_error("truncated at end", LIT("Dòng một\nđạt 12 h\xe1\xbb"), 2,
                          sizeof("Dòng một\nđạt 12 h") - 1);
    expect_encoding_error("truncated 4-byte at end", LIT("a\n\xf0\x9f\x98"), 2, 2);
    expect_encoding_error("CRLF lines", LIT("a\r\nb\r\nc\xff"), 3, 7);
    expect_encoding_error("CR lines", LIT("a\rb\rc\xff"), 3, 5);
    expect_encoding_error("overlong 2-byte", LIT("x \xc0\xaf"), 1, 2);
    expect_encoding_error("overlong 2-byte C1", LIT("x \xc1\xbf"), 1, 2);
    expect_encoding_error("overlong 3-byte", LIT("x \xe0\x80\xaf"), 1, 2);
    expect_encoding_error("overlong 4-byte", LIT("x \xf0\x80\x80\xaf"), 1, 2);
    expect_encoding_error("surrogate D800", LIT("x \xed\xa0\x80"), 1, 2);
    expect_encoding_error("surrogate DFFF", LIT("x \xed\xbf\xbf"), 1, 2);
    expect_encoding_error("above U+10FFFF", LIT("x \xf4\x90\x80\x80"), 1, 2);
    expect_encoding_error("F5 lead", LIT("x \xf5\x80\x80\x80"), 1, 2);
    expect_encoding_error("lead then ASCII", LIT("x \xe1" "ab"), 1, 2);
    expect_encoding_error("after many ASCII words", LIT("0123456789abcdefghij 17\xff"), 1, 23);
    /* a UTF-8 BOM does not shift the byte: it is counted */
    expect_encoding_error("after BOM", LIT("\xef\xbb\xbf" "ab\xff"), 1, 5);
}

static void test_nul_bytes(void)
{
    expect_encoding_error("NUL in middle", LIT("Dòng 1\nđạt\0 12 ha"),
                          2, sizeof("Dòng 1\nđạt") - 1);
    expect_encoding_error("NUL first", LIT("\0abc"), 1, 0);
    expect_encoding_error("NUL last", LIT("abc\0"), 1, 3);
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    CHECK_INT(parse_ex(LIT("abc\0"), false, &doc, &err), VNR_E_ENCODING);
    CHECK(strstr(vnr_error_message(err), "NUL") != NULL);
    vnr_error_free(err);
    /* lenient: the NUL becomes U+FFFD, the numbers around it survive */
    builder b = { 0 };
    puts_(&b, "đạt ");
    put_number(&b, "12", 12);
    puts_(&b, " ha");
    put(&b, "\0", 1);
    puts_(&b, " và ");
    put_number(&b, "3.456", 3456);
    puts_(&b, " tấn\n");
    CHECK_INT(parse_ex(b.s, b.n, true, &doc, NULL), VNR_OK);
    CHECK_SIZE(vnr_document_replacements(doc), 1);
    check_record_spans(&b, doc, 2);
    vnr_document_unref(doc);
    builder_free(&b);
}

static void test_empty(void)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    char one = 0;
    CHECK_INT(vnr_parse(NULL, &one, 0, "e", &doc, &err), VNR_E_EMPTY);
    CHECK(doc == NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_EMPTY);
    vnr_error_free(err);
    err = NULL;
    /* a BOM and nothing else holds no text either */
    CHECK_INT(parse_ex(LIT("\xef\xbb\xbf"), false, &doc, &err), VNR_E_EMPTY);
    CHECK(doc == NULL);
    vnr_error_free(err);
    CHECK_INT(parse_ex(LIT("\xff\xfe"), false, &doc, NULL), VNR_E_EMPTY);
    /* blank text is text: it parses, with nothing in it */
    CHECK_INT(parse_ex(LIT("  \n\n\xc2\xa0\n"), false, &doc, NULL), VNR_OK);
    CHECK_SIZE(vnr_document_record_count(doc), 0);
    vnr_document_unref(doc);
}

static void test_lenient_counts(void)
{
    /* one U+FFFD per maximal subpart, as Python's 'replace' decoder */
    expect_lenient("stray byte", LIT("a\xff" "b"), 1);
    expect_lenient("two stray bytes", LIT("a\xff\xfe" "b"), 2);
    expect_lenient("truncated at end", LIT("đạt 12 h\xe1\xbb"), 1);
    expect_lenient("truncated 4-byte", LIT("x\xf0\x9f\x98"), 1);
    expect_lenient("truncated then ASCII", LIT("x\xe1\xbb" "y"), 1);
    expect_lenient("overlong", LIT("x\xc0\xaf"), 2);
    expect_lenient("surrogate", LIT("x\xed\xa0\x80"), 3);
    expect_lenient("overlong 4-byte", LIT("x\xf0\x80\x80\xaf"), 4);
    expect_lenient("above U+10FFFF", LIT("x\xf4\x90\x80\x80"), 4);
    expect_lenient("Unicode 3.9 example", LIT("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"), 6);
    expect_lenient("valid input", LIT("Hòa Bình 12 ha"), 0);

    /* the records after replacements still point at their own bytes */
    builder b = { 0 };
    puts_(&b, "Sản lượng \xff\xfe ước đạt ");
    put_number(&b, "177.078", 177078);
    puts_(&b, " tấn \xe1\xbb, tăng ");
    put_number(&b, "0,69", 0.69);
    puts_(&b, "% \xc0\n\xed\xa0\x80 diện tích ");
    put_number(&b, "6.208,4", 6208.4);
    puts_(&b, " ha\xf0\x9f\x98");
    vnr_document *doc = NULL;
    CHECK_INT(parse_ex(b.s, b.n, true, &doc, NULL), VNR_OK);
    CHECK_SIZE(vnr_document_replacements(doc), 2 + 1 + 1 + 3 + 1);
    check_record_spans(&b, doc, 2);
    for (size_t i = 0; i < vnr_document_record_count(doc); i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        if (vnr_record_value(r) == 6208.4)
            CHECK_SIZE(vnr_record_line(r), 2);
    }
    vnr_document_unref(doc);
    builder_free(&b);
}

/* ---------------------------------------------------------------- */
/* UTF-16                                                            */
/* ---------------------------------------------------------------- */

/* UTF-8 → UTF-16 with BOM; `map` (optional) receives, for each UTF-8 byte
 * offset, the UTF-16 byte offset of the code unit holding it. */
static char *to_utf16(const char *s, size_t n, bool big, size_t *out_len, size_t *map)
{
    char *o = malloc(2 * n + 4);
    size_t k = 0;
    o[k++] = big ? '\xfe' : '\xff';
    o[k++] = big ? '\xff' : '\xfe';
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if (c < 0xE0) {
            cp = (uint32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F);
            len = 2;
        } else if (c < 0xF0) {
            cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
            len = 3;
        } else {
            cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)(s[i + 1] & 0x3F) << 12 |
                 (uint32_t)(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
            len = 4;
        }
        for (size_t j = 0; map && j < len; j++)
            map[i + j] = k;
        uint16_t units[2];
        size_t nu = 1;
        if (cp >= 0x10000) {
            units[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
            units[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            nu = 2;
        } else {
            units[0] = (uint16_t)cp;
        }
        for (size_t u = 0; u < nu; u++) {
            o[k++] = (char)(big ? units[u] >> 8 : units[u] & 0xFF);
            o[k++] = (char)(big ? units[u] & 0xFF : units[u] >> 8);
        }
        i += len;
    }
    if (map)
        map[n] = k;
    *out_len = k;
    return o;
}

static void build_report(builder *b)
{
    /* every digit run is registered: which of them become records is the
     * recognizer's business, where they sit is what is checked */
    puts_(b, "UBND TỈNH MẪU\r\nSố: ");
    put_number(b, "45", 45);
    puts_(b, "/BC-UBND\r\n\r\nBÁO CÁO\r\n");
    puts_(b, "Tình hình kinh tế - xã hội quý I năm ");
    put_number(b, "2023", 2023);
    puts_(b, "\r\n\r\n");
    put_number(b, "1", 1);
    puts_(b, ". Nông nghiệp\r\n");
    puts_(b, "Tổng diện tích gieo trồng ước đạt ");
    put_number(b, "177.078", 177078);
    puts_(b, " ha, tăng ");
    put_number(b, "0,69", 0.69);
    puts_(b, "% so với cùng kỳ; sản lượng lúa ");
    put_number(b, "6.208,4", 6208.4);
    puts_(b, "   tấn.\r\n");
    puts_(b, "Đàn trâu đạt ");
    put_number(b, "5.420", 5420);
    puts_(b, "\tnghìn con 😀, thủy sản ");
    put_number(b, "87,353", 87.353);
    puts_(b, "m³.\r\n");
    puts_(b, "Giá trị sản xuất **");
    put_number(b, "13", 13);
    puts_(b, "** tỷ đồng¹ và ");
    put_number(b, "951.688.000", 951688000);
    puts_(b, " đồng  \r\n");
}

static void test_utf16(void)
{
    builder b = { 0 };
    build_report(&b);
    vnr_document *ref = NULL;
    CHECK_INT(parse_ex(b.s, b.n, false, &ref, NULL), VNR_OK);
    check_record_spans(&b, ref, 6);
    size_t nrec = vnr_document_record_count(ref);

    size_t *map = malloc((b.n + 1) * sizeof *map);
    for (int big = 0; big <= 1; big++) {
        size_t n16;
        char *u16 = to_utf16(b.s, b.n, big, &n16, map);
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        check_case = big ? "UTF-16BE" : "UTF-16LE";
        CHECK_INT(parse_ex(u16, n16, false, &doc, &err), VNR_OK);
        CHECK_STR(vnr_document_meta(doc, "encoding"), big ? "utf-16be" : "utf-16le");
        CHECK_SIZE(vnr_document_record_count(doc), nrec);
        for (size_t i = 0; i < nrec && i < vnr_document_record_count(doc); i++) {
            const vnr_record *a = vnr_document_record(ref, i), *r = vnr_document_record(doc, i);
            CHECK_DBL(vnr_record_value(r), vnr_record_value(a));
            CHECK_STR(vnr_record_unit(r), vnr_record_unit(a));
            CHECK_INT(vnr_record_role(r), vnr_record_role(a));
            CHECK_SIZE(vnr_record_line(r), vnr_record_line(a));
            /* offsets are in the original (UTF-16) bytes */
            size_t off = vnr_record_offset(a), len = vnr_record_length(a);
            CHECK_SIZE(vnr_record_offset(r), map[off]);
            CHECK_SIZE(vnr_record_length(r), map[off + len] - map[off]);
        }
        vnr_document_unref(doc);
        vnr_error_free(err);

        /* without a BOM, when the caller names the encoding */
        vnr_parser *p = vnr_parser_new();
        vnr_parser_set_encoding(p, big ? VNR_ENCODING_UTF16BE : VNR_ENCODING_UTF16LE);
        CHECK_INT(vnr_parse(p, u16 + 2, n16 - 2, "x", &doc, NULL), VNR_OK);
        CHECK_SIZE(vnr_document_record_count(doc), nrec);
        vnr_document_unref(doc);
        vnr_parser_free(p);
        free(u16);
    }
    check_case = NULL;
    free(map);
    vnr_document_unref(ref);
    builder_free(&b);

    /* broken UTF-16: lone surrogates and an odd last byte, with line/byte */
    static const char lone_low[] = "\xff\xfe" "a\0\n\0b\0\x00\xdc" "c\0";
    expect_encoding_error("UTF-16LE lone low surrogate", lone_low, sizeof lone_low - 1, 2, 8);
    static const char lone_high[] = "\xfe\xff" "\0a\0\r\0\n\0b\0\r\xd8\x00\0c";
    expect_encoding_error("UTF-16BE lone high surrogate", lone_high, sizeof lone_high - 1, 3, 12);
    static const char odd[] = "\xff\xfe" "a\0b\0c";
    expect_encoding_error("UTF-16LE odd length", odd, sizeof odd - 1, 1, 6);
    static const char nul16[] = "\xff\xfe" "a\0\0\0b\0";
    expect_encoding_error("UTF-16LE NUL", nul16, sizeof nul16 - 1, 1, 4);
    expect_lenient("UTF-16LE lenient", lone_low, sizeof lone_low - 1, 1);
    expect_lenient("UTF-16LE odd lenient", odd, sizeof odd - 1, 1);
}

/* ---------------------------------------------------------------- */
/* Whitespace, markup and line-ending variants: offsets stay exact   */
/* ---------------------------------------------------------------- */

static void test_offsets_through_debris(void)
{
    static const char *const before[] = {
        "đạt ", "đạt  ", "đạt\xc2\xa0", "đạt \xc2\xa0", "đạt\t", "(", "**", "đạt *",
        "\xe2\x80\x8b", "$\\geq ", "**đạt** ", "ước đạt\xe2\x80\x83",
    };
    static const char *const after[] = {
        " ha", "   ha", "\xc2\xa0ha", " ha  \r\n", "\r\nha", "ha", " ha¹", "¹",
        "²⁷ ha", "** ha", "* ha", " ha\n\n", "%$", "$ ha", " tấn\xe2\x80\x8b",
    };
    static const struct {
        const char *text;
        double value;
    } numbers[] = {
        { "177.078", 177078 }, { "0,69", 0.69 }, { "6.208,4", 6208.4 }, { "03", 3 },
        { "2021", 2021 }, { "28.170.275.920", 28170275920.0 }, { "4.87", 4.87 },
    };
    unsigned cases = 0;
    for (size_t x = 0; x < sizeof before / sizeof *before; x++)
        for (size_t y = 0; y < sizeof after / sizeof *after; y++)
            for (size_t z = 0; z < sizeof numbers / sizeof *numbers; z++) {
                builder b = { 0 };
                puts_(&b, "Dòng đầu.\n");
                puts_(&b, before[x]);
                put_number(&b, numbers[z].text, numbers[z].value);
                puts_(&b, after[y]);
                puts_(&b, " và sau đó ");
                put_number(&b, "12", 12);
                puts_(&b, " ha.\n");
                char label[128];
                snprintf(label, sizeof label, "'%s' + '%s' + '%s'", before[x], numbers[z].text,
                         after[y]);
                check_case = label;
                vnr_document *doc = NULL;
                CHECK_INT(parse_ex(b.s, b.n, false, &doc, NULL), VNR_OK);
                check_record_spans(&b, doc, 0);
                for (size_t i = 0; i < vnr_document_record_count(doc); i++) {
                    const vnr_record *r = vnr_document_record(doc, i);
                    CHECK_SIZE(vnr_record_line(r), line_at(b.s, vnr_record_offset(r)));
                }
                vnr_document_unref(doc);
                builder_free(&b);
                cases++;
                if (check_failures > 40)
                    goto out;
            }
out:
    check_case = NULL;
    printf("test-badinput: %u debris/offset combinations\n", cases);
}

/* ---------------------------------------------------------------- */
/* Size and shape extremes                                           */
/* ---------------------------------------------------------------- */

/* CPU time of this thread (the parse runs on it): other jobs on a busy
 * machine disturb it far less than wall time. */
static double wall_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Best of three parse times of what `build` makes at `size`. */
static double parse_seconds(void (*build)(builder *, size_t), size_t size)
{
    builder b = { 0 };
    build(&b, size);
    double best = 1e9;
    for (int r = 0; r < 3; r++) {
        vnr_document *doc = NULL;
        double t0 = wall_seconds();
        vnr_parse(NULL, b.s, b.n, "probe", &doc, NULL);
        double dt = wall_seconds() - t0;
        best = dt < best ? dt : best;
        vnr_document_unref(doc);
    }
    builder_free(&b);
    return best;
}

/*
 * Before feeding the pipeline tens of megabytes, make sure it scales: at
 * quadratic cost the full input would take hours and all memory. Four
 * times the input may take about four times as long, not sixteen.
 */
enum { PROBE_MS = 20 };
#define PROBE_SECONDS (PROBE_MS / 1000.0)

static bool scales_linearly(const char *what, void (*build)(builder *, size_t), size_t small)
{
    /* a probe of a millisecond measures the clock, not the parse: grow it
     * until it takes PROBE_SECONDS (at most 64 times) */
    double t1 = parse_seconds(build, small);
    for (int k = 0; k < 6 && t1 < PROBE_SECONDS; k++) {
        small *= 2;
        t1 = parse_seconds(build, small);
    }
    double t4 = parse_seconds(build, 4 * small);
    double ratio = t4 / (t1 > 1e-4 ? t1 : 1e-4);
    if (ratio >= 9.0) {
        /* measure again before calling it quadratic: under a parallel test
         * run a linear parse (about 5-7x here: the arrays outgrow the
         * caches) once read 11.7x; a quadratic one stays near 16x */
        double r1 = parse_seconds(build, small), r4 = parse_seconds(build, 4 * small);
        double again = r4 / (r1 > 1e-4 ? r1 : 1e-4);
        if (again < ratio) {
            ratio = again;
            t1 = r1;
            t4 = r4;
        }
    }
    CHECKF(ratio < 9.0,
           "%s: 4x the input takes %.1fx the time (%.3f s -> %.3f s): quadratic; the full-size "
           "run is skipped",
           what, ratio, t1, t4);
    return ratio < 9.0;
}

/* Prose on one line, a number with its unit every few hundred bytes. */
static void build_prose_line(builder *b, size_t target)
{
    static const char *const filler[] = {
        "Tình hình kinh tế - xã hội trên địa bàn tỉnh tiếp tục ổn định, ",
        "các ngành, lĩnh vực đều có bước phát triển; công tác chỉ đạo, điều hành ",
        "được tập trung thực hiện quyết liệt, đồng bộ và hiệu quả, ",
        "an ninh chính trị, trật tự an toàn xã hội được giữ vững; ",
    };
    if (b->cap < target + 4096) {
        b->cap = target + 4096;
        b->s = realloc(b->s, b->cap);
    }
    unsigned k = 0;
    char num[32];
    while (b->n < target) {
        for (int f = 0; f < 4; f++)
            puts_(b, filler[(k + (unsigned)f) % 4]);
        puts_(b, "sản lượng ước đạt ");
        snprintf(num, sizeof num, "%u.%03u", 1 + k % 997, k % 1000);
        put_number(b, num, (double)(1 + k % 997) * 1000 + k % 1000);
        puts_(b, " tấn, ");
        k++;
    }
}

/* Inputs that would need more than 8 x their size + 16 MB of memory (a
 * line of millions of tokens) are refused with VNR_E_TOO_LARGE and a
 * message saying why (issue 18; tests/unit/test-memory.c measures it).
 * True when st is that refusal: the caller skips what needs records. */
static bool refused_for_memory(vnr_status st, const vnr_error *err)
{
    if (st != VNR_E_TOO_LARGE)
        return false;
    CHECKF(strstr(vnr_error_message(err), "memory") != NULL, "refusal without a reason: %s",
           vnr_error_message(err));
    printf("test-badinput: %s: refused (%s)\n", check_case, vnr_error_message(err));
    return true;
}

/* 50 MB on one line. */
static void test_50mb_single_line(void)
{
    const size_t target = 50u << 20;
    check_case = "50 MB single line";
    if (scales_linearly("prose on one line", build_prose_line, 1u << 18)) {
        builder b = { 0 };
        build_prose_line(&b, target);
        double t0 = wall_seconds();
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        vnr_status st = vnr_parse(NULL, b.s, b.n, "50mb", &doc, &err);
        double dt = wall_seconds() - t0;
        CHECKF(st == VNR_OK || refused_for_memory(st, err), "50 MB line: %s (%s)", vnr_status_str(st), vnr_error_message(err));
        printf("test-badinput: 50 MB single line (%zu numbers): %.1f s, %zu records\n",
               b.n_nums, dt, vnr_document_record_count(doc));
        if (st == VNR_OK)
            check_record_spans(&b, doc, b.n_nums / 2);
        for (size_t i = 0; i < vnr_document_record_count(doc); i++)
            if (vnr_record_line(vnr_document_record(doc, i)) != 1) {
                CHECKF(0, "record %zu not on line 1", i);
                break;
            }
        vnr_document_unref(doc);
        vnr_error_free(err);
        builder_free(&b);
    }
    check_case = NULL;

    /* and through the decoder alone, with one bad byte at the very end */
    char *big = malloc(target);
    memset(big, 'a', target);
    big[target - 1] = '\xff';
    decoded d;
    vnr_error *e = NULL;
    CHECK_INT(decode_input(big, target, VNR_ENCODING_AUTO, false, &d, &e), VNR_E_ENCODING);
    CHECK_SIZE(vnr_error_byte(e), target - 1);
    CHECK_SIZE(vnr_error_line(e), 1);
    vnr_error_free(e);
    free(big);
}

/* `count` numbers in a row: bare on one line, with units on one line
 * (comma-separated clauses), and one per line. */
static int million_shape;

static void build_numbers(builder *b, size_t count)
{
    static const char *const sep[] = { " ", " ha, ", " ha\n" };
    char num[32], c_num[32];
    for (size_t i = 0; i < count; i++) {
        unsigned a = (unsigned)(i % 1000), d = (unsigned)(i % 10);
        snprintf(num, sizeof num, "%u,%u", a, d);
        snprintf(c_num, sizeof c_num, "%u.%u", a, d);
        put_number(b, num, strtod(c_num, NULL));
        puts_(b, sep[million_shape]);
    }
}

/* A plan's attainment, `, trong đó` with no colon, then many `;` items:
 * each item asks where that one part ends (it once walked from `trong
 * đó` to itself: quadratic). */
static void build_lone_part(builder *b, size_t count)
{
    puts_(b, "Giải ngân vốn đạt 45,2% kế hoạch, trong đó vốn tỉnh đạt 50,1%");
    char num[32], c_num[32];
    for (size_t i = 0; i < count; i++) {
        unsigned a = (unsigned)(i % 90) + 1, d = (unsigned)(i % 10);
        snprintf(num, sizeof num, "%u,%u", a, d);
        snprintf(c_num, sizeof c_num, "%u.%u", a, d);
        puts_(b, " xã ước đạt ");
        put_number(b, num, strtod(c_num, NULL));
        puts_(b, "%,");
    }
    puts_(b, ".\n");
}

static void test_lone_part_scales(void)
{
    check_case = "a breakdown part with many items after it";
    scales_linearly(check_case, build_lone_part, 2000);
    check_case = NULL;
}

static void test_million_numbers(void)
{
    static const char *const names[] = {
        "10^6 bare numbers on one line",
        "10^6 numbers with units on one line",
        "10^6 numbers with units, one per line",
    };
    for (million_shape = 0; million_shape < 3; million_shape++) {
        check_case = names[million_shape];
        if (!scales_linearly(names[million_shape], build_numbers, 2000))
            continue;
        builder b = { 0 };
        build_numbers(&b, 1000000);
        double t0 = wall_seconds();
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        vnr_status st = vnr_parse(NULL, b.s, b.n, "million", &doc, &err);
        CHECKF(st == VNR_OK || refused_for_memory(st, err), "%s (%s)", vnr_status_str(st),
               vnr_error_message(err));
        printf("test-badinput: %s: %.1f s, %zu records\n", check_case, wall_seconds() - t0,
               vnr_document_record_count(doc));
        if (st == VNR_OK)
            check_record_spans(&b, doc, 0);
        CHECK(vnr_document_record_count(doc) <= 1000000);
        vnr_document_unref(doc);
        vnr_error_free(err);
        builder_free(&b);
    }
    check_case = NULL;
}

/* 1.1.1.1…: one line 3 x 10^4 levels deep, then a staircase of headings. */
static void test_deep_numbering(void)
{
    builder b = { 0 };
    /* 3 x 10^4 levels: every digit run costs its fate and tokens, and
     * 10^5 of them in 200 KB are more than 8 x 200 KB + 16 MB of memory
     * (refused, see refused_for_memory) */
    for (int i = 0; i < 30000; i++)
        puts_(&b, "1.");
    puts_(&b, " Mục rất sâu: đạt ");
    put_number(&b, "12", 12);
    puts_(&b, " ha\n");
    /* 200 levels (40 KB of `1.1.1…`): much deeper, the staircase alone would
     * need more memory than the input's bound and be refused */
    for (int depth = 1; depth <= 200; depth++) {
        for (int i = 0; i < depth; i++)
            puts_(&b, i ? ".1" : "1");
        puts_(&b, ". Tiêu đề\nDiện tích đạt ");
        put_number(&b, "5.420", 5420);
        puts_(&b, " ha.\n");
    }
    for (int i = 0; i < 20000; i++)
        puts_(&b, "(");
    put_number(&b, "7", 7);
    for (int i = 0; i < 20000; i++)
        puts_(&b, ")");
    puts_(&b, " ha\n");
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    double t0 = wall_seconds();
    vnr_status st = vnr_parse(NULL, b.s, b.n, "deep", &doc, &err);
    check_case = "deep numbering";
    CHECKF(st == VNR_OK, "%s (%s)", vnr_status_str(st), vnr_error_message(err));
    printf("test-badinput: deep numbering: %.1f s, %zu records\n", wall_seconds() - t0,
           vnr_document_record_count(doc));
    /* the chain's own "1"s may become records (or not); they are numbers
     * of the input too, so register them before checking */
    builder k = { 0 };
    for (size_t i = 0; i < b.n; i++) {
        if (b.s[i] == '1' && (i == 0 || b.s[i - 1] == '.' || b.s[i - 1] == '\n') &&
            (i + 1 == b.n || b.s[i + 1] == '.')) {
            if (k.n_nums == k.cap_nums) {
                k.cap_nums = k.cap_nums * 2 + 16;
                k.nums = realloc(k.nums, k.cap_nums * sizeof *k.nums);
            }
            k.nums[k.n_nums++] = (known_number){ i, 1, 1.0 };
        }
        const known_number *kn = find_known(&b, i);
        if (kn) {
            if (k.n_nums == k.cap_nums) {
                k.cap_nums = k.cap_nums * 2 + 16;
                k.nums = realloc(k.nums, k.cap_nums * sizeof *k.nums);
            }
            k.nums[k.n_nums++] = *kn;
        }
    }
    k.s = b.s;
    k.n = b.n;
    check_record_spans(&k, doc, 1);
    k.s = NULL;
    builder_free(&k);
    check_case = NULL;
    vnr_document_unref(doc);
    vnr_error_free(err);
    builder_free(&b);
}

/* ---------------------------------------------------------------- */
/* Binary junk                                                       */
/* ---------------------------------------------------------------- */

static uint64_t rng_state = 0x13198A2E03707344ULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* Length of a valid UTF-8 sequence (no NUL) at s, else 0 — written from
 * Unicode Table 3-7, independently of the library's validator. */
static size_t valid_seq(const unsigned char *s, size_t n)
{
    if (s[0] >= 0x01 && s[0] <= 0x7F)
        return 1;
    static const struct {
        unsigned char lo0, hi0, lo1, hi1;
        size_t len;
    } rows[] = {
        { 0xC2, 0xDF, 0x80, 0xBF, 2 }, { 0xE0, 0xE0, 0xA0, 0xBF, 3 },
        { 0xE1, 0xEC, 0x80, 0xBF, 3 }, { 0xED, 0xED, 0x80, 0x9F, 3 },
        { 0xEE, 0xEF, 0x80, 0xBF, 3 }, { 0xF0, 0xF0, 0x90, 0xBF, 4 },
        { 0xF1, 0xF3, 0x80, 0xBF, 4 }, { 0xF4, 0xF4, 0x80, 0x8F, 4 },
    };
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        if (s[0] < rows[r].lo0 || s[0] > rows[r].hi0)
            continue;
        if (n < rows[r].len || s[1] < rows[r].lo1 || s[1] > rows[r].hi1)
            return 0;
        for (size_t k = 2; k < rows[r].len; k++)
            if ((s[k] & 0xC0) != 0x80)
                return 0;
        return rows[r].len;
    }
    return 0;
}

/* The documented rule for data that is not text (sniff.c): at least 8
 * control bytes, and at least one in a hundred, in the first 4096 bytes
 * (tab, line breaks, form feed, vertical tab and DOS EOF do not count).
 * Random junk has no magic number that could name a format here; a
 * UTF-16 byte-order mark makes NUL bytes text. */
static bool looks_binary(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return false;
    size_t w = n < 4096 ? n : 4096, controls = 0;
    for (size_t i = 0; i < w; i++)
        controls += u[i] < 0x20 && (u[i] == 0 || !strchr("\t\n\r\f\v\x1a", u[i]));
    return controls >= 8 && controls * 100 >= w;
}

static void test_binary_junk(void)
{
    int binary_seen = 0;
    for (int iter = 0; iter < 200; iter++) {
        size_t n = 1 + rng() % (iter < 190 ? 4096 : (1u << 20));
        char *s = malloc(n);
        /* mostly junk; sometimes text with junk sprinkled in */
        bool sprinkled = iter % 3 == 0;
        for (size_t i = 0; i < n; i++)
            s[i] = sprinkled && rng() % 50 ? "đạt 12,5 ha\n"[rng() % 12] : (char)(rng() & 0xFF);
        size_t first_bad = 0, lines = 1;
        while (first_bad < n) {
            size_t k = valid_seq((const unsigned char *)s + first_bad, n - first_bad);
            if (!k)
                break;
            first_bad += k;
        }
        for (size_t i = 0; i < first_bad; i++)
            lines += s[i] == '\n' || (s[i] == '\r' && (i + 1 == first_bad || s[i + 1] != '\n'));
        char label[48];
        snprintf(label, sizeof label, "junk %d (%zu bytes)", iter, n);
        check_case = label;
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        if (looks_binary(s, n)) {
            /* refused in both modes, never decoded into records */
            for (int lenient = 0; lenient <= 1; lenient++) {
                CHECK_INT(parse_ex(s, n, lenient, &doc, &err), VNR_E_ENCODING);
                CHECK(doc == NULL);
                CHECK_STR(vnr_error_message(err),
                          "binary data, not text \xE2\x80\x94 convert it to text first");
                vnr_error_free(err);
                err = NULL;
            }
            binary_seen++;
            free(s);
            continue;
        }
        vnr_status st = parse_ex(s, n, false, &doc, &err);
        bool utf16 = n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                                ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF));
        if (!utf16) {
            if (first_bad == n) {
                CHECK_INT(st, VNR_OK);
            } else {
                CHECK_INT(st, VNR_E_ENCODING);
                CHECK_SIZE(vnr_error_byte(err), first_bad);
                CHECK_SIZE(vnr_error_line(err), lines);
            }
        }
        vnr_document_unref(doc);
        vnr_error_free(err);
        err = NULL;
        /* lenient: always a document, every record inside the input */
        CHECK_INT(parse_ex(s, n, true, &doc, &err), VNR_OK);
        for (size_t i = 0; i < vnr_document_record_count(doc); i++) {
            const vnr_record *r = vnr_document_record(doc, i);
            CHECK(vnr_record_offset(r) + vnr_record_length(r) <= n);
        }
        if (!utf16 && first_bad < n)
            CHECK(vnr_document_replacements(doc) > 0);
        vnr_document_unref(doc);
        vnr_error_free(err);
        free(s);
        if (check_failures > 40)
            break;
    }
    check_case = NULL;
    /* both kinds occur: pure junk is binary, sprinkled text is not */
    CHECK(binary_seen > 50 && binary_seen < 200);
}

/* VNR_TEST_ONLY=name runs one group (for debugging a failure). */
static bool selected(const char *name)
{
    const char *only = getenv("VNR_TEST_ONLY");
    return !only || strcmp(only, name) == 0;
}

#define RUN(name)                                                             \
    do {                                                                      \
        if (selected(#name))                                                  \
            test_##name();                                                    \
    } while (0)

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    RUN(invalid_utf8_positions);
    RUN(nul_bytes);
    RUN(empty);
    RUN(lenient_counts);
    RUN(utf16);
    RUN(offsets_through_debris);
    RUN(binary_junk);
    RUN(deep_numbering);
    RUN(million_numbers);
    RUN(lone_part_scales);
    RUN(50mb_single_line);
    return check_done("test-badinput");
}
