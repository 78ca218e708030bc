/*
 * test-legacy.c — the legacy decoders and detection, byte by byte.
 *
 * Exact decodings of the cases that need care (TCVN3 upper case written
 * both ways, marks that compose only through NFC, VNI marks with and
 * without a letter, bytes an encoding leaves undefined), error status,
 * line and byte, lenient replacement counts, the offset map of composed
 * letters, the syllable judge, detection's fallbacks and its confidence,
 * and that detection reads a bounded sample of a 50 MB input. Whole texts
 * and every letter × tone × case are the Python tests' part
 * (check_roundtrip.py, check_detection.py).
 */
#include "decode.h"
#include "detect.h"
#include "legacy.h"

#include <vnreport/vnreport.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../unit/check.h"

#define LIT(s) s, sizeof(s) - 1

/* The input in a buffer of exactly its length: overreads trap under ASan. */
static vnr_status decode_exact(const char *s, size_t n, vnr_encoding enc, bool lenient,
                               decoded *d, vnr_error **err)
{
    char *copy = malloc(n ? n : 1);
    memcpy(copy, s, n);
    vnr_status st = decode_input(copy, n, enc, lenient, d, err);
    free(copy);
    /* `d` may borrow the input only for valid UTF-8, never for the
     * legacy encodings tested here */
    return st;
}

static void expect_text(const char *label, vnr_encoding enc, const char *in, size_t n,
                        const char *want)
{
    decoded d;
    vnr_error *err = NULL;
    check_case = label;
    char *copy = malloc(n);
    memcpy(copy, in, n);
    vnr_status st = decode_input(copy, n, enc, false, &d, &err);
    CHECKF(st == VNR_OK, "status %d: %s", (int)st, err ? vnr_error_message(err) : "");
    if (st == VNR_OK) {
        CHECK_MEM(d.text, d.len, want, strlen(want));
        CHECK_INT(d.encoding, enc);
        CHECK(d.confidence == 1.0);
        decoded_free(&d);
    }
    vnr_error_free(err);
    free(copy);
    check_case = NULL;
}

static void expect_error(const char *label, vnr_encoding enc, const char *in, size_t n,
                         size_t line, size_t byte, const char *phrase)
{
    decoded d;
    vnr_error *err = NULL;
    check_case = label;
    CHECK_INT(decode_exact(in, n, enc, false, &d, &err), VNR_E_ENCODING);
    CHECK_INT(vnr_error_status(err), VNR_E_ENCODING);
    CHECK_SIZE(vnr_error_line(err), line);
    CHECK_SIZE(vnr_error_byte(err), byte);
    char where[64];
    snprintf(where, sizeof where, "line %zu, byte %zu", line, byte);
    const char *msg = vnr_error_message(err);
    CHECKF(strstr(msg, where) && strstr(msg, phrase), "message '%s' lacks '%s' or '%s'", msg,
           where, phrase);
    vnr_error_free(err);
    check_case = NULL;
}

static void expect_lenient(const char *label, vnr_encoding enc, const char *in, size_t n,
                           const char *want, size_t replacements)
{
    decoded d;
    check_case = label;
    CHECK_INT(decode_exact(in, n, enc, true, &d, NULL), VNR_OK);
    CHECK_MEM(d.text, d.len, want, strlen(want));
    CHECK_SIZE(d.replacements, replacements);
    decoded_free(&d);
    check_case = NULL;
}

/* ---------------------------------------------------------------- */

static void test_tcvn3(void)
{
    const vnr_encoding e = VNR_ENCODING_TCVN3;
    expect_text("VN3 lower case", e, LIT("\xb8 \xa8 \xae\xb9t t\xca" "n"), "á ă đạt tấn");
    /* upper-case toned letters: VN1 precomposed codes and VN3 base + mark */
    expect_text("VN1 upper", e, LIT("\xc4\x01\x80\xa7"), "ẤÚÀĐ");
    expect_text("VN3 base + mark", e, LIT("\xa2\xb3U\xb3" "A\xb0\xa7"), "ẤÚÀĐ");
    expect_text("all five marks", e, LIT("A\xb0 A\xb1 A\xb2 A\xb3 A\xb4"), "À Ả Ã Á Ạ");
    /* â + dot below has no direct composition (ậ = ạ + circumflex): NFC */
    expect_text("circumflex + dot", e, LIT("\xa2\xb4 \xa9\xb4 \xa3\xb4 \xa4\xb4 \xa1\xb4"),
                "Ậ ậ Ệ Ộ Ặ");
    /* a mark with no letter to join stays a combining mark, as in iconv */
    expect_text("stray mark", e, LIT("1\xb3"), "1\xcc\x81");
    expect_text("a mark joins one letter once", e, LIT("a\xb0\xb3"), "\xc3\xa0\xcc\x81");
    expect_text("NBSP", e, LIT("a\xa0" "b"), "a\xc2\xa0" "b");
    expect_error("NUL", e, LIT("d\xb8n\nsai\0"), 2, 7, "NUL byte in tcvn3");
    expect_lenient("NUL lenient", e, LIT("\xb8\0\xb8"), "á\xef\xbf\xbd" "á", 1);
}

static void test_vni(void)
{
    const vnr_encoding e = VNR_ENCODING_VNI;
    expect_text("known words", e, LIT("Vie\xe4t Nam, Tr\xf6\xf4\xf8ng, \xd1o\xe0ng, na\xeam"),
                "Việt Nam, Trường, Đồng, năm");
    expect_text("single-byte letters", e, LIT("th\xf2 ngh\xf3 t\xe6nh \xed \xec \xee \xd1\xf1"),
                "thị nghĩ tỉnh í ì ỵ Đđ");
    expect_text("upper case", e, LIT("VIE\xc4T NAM TR\xd6\xd4\xd8NG \xce \xd2"),
                "VIỆT NAM TRƯỜNG Ỵ Ị");
    /* the letter decides the case, whatever case the mark byte has */
    expect_text("mixed-case marks", e, LIT("a\xc1 A\xe1"), "ấ Ấ");
    expect_text("breve", e, LIT("a\xea a\xe9 a\xe8 a\xfa a\xfc a\xeb"), "ă ắ ằ ẳ ẵ ặ");
    expect_text("circumflex", e, LIT("o\xe2 o\xe1 o\xe0 o\xe5 o\xe3 o\xe4"), "ô ố ồ ổ ỗ ộ");
    expect_text("Windows-1252 punctuation", e, LIT("\x93" "a\x94 \x96 \x85 m\xb2"),
                "“a” – … m²");
    expect_error("mark after a space", e, LIT("ab\n \xf9"), 2, 4,
                 "mark byte with no letter before it in vni");
    expect_error("mark after a digit", e, LIT("12\xe1"), 1, 2, "mark byte");
    expect_error("mark on a composed letter", e, LIT("o\xf9\xf8"), 1, 2, "mark byte");
    expect_error("undefined byte", e, LIT("x \xd7"), 1, 2, "undefined byte in vni");
    expect_lenient("lenient", e, LIT(" \xf9" "a\xf9\xd7"), " \xef\xbf\xbd" "á\xef\xbf\xbd", 2);
}

static void test_viscii(void)
{
    const vnr_encoding e = VNR_ENCODING_VISCII;
    expect_text("letters", e, LIT("Vi\xaet Nam \xf0\xd5t \xdf\xd2" "c"), "Việt Nam đạt ưÒc");
    expect_text("C0 letters", e, LIT("\x02\x05\x06\x14\x19\x1e\t\n"), "ẲẴẪỶỸỴ\t\n");
    expect_error("NUL", e, LIT("a\r\nb\0"), 2, 4, "NUL byte in viscii");
}

static void test_cp1258(void)
{
    const vnr_encoding e = VNR_ENCODING_CP1258;
    expect_text("precomposed and tone bytes", e,
                LIT("n\xe3m \xf0" "a\xf2t ti\xea\xecng Vi\xea\xf2t \xfd\xf5\xccng"),
                "năm đạt tiếng Việt ường");
    expect_text("no letter for the tone", e, LIT("(\xcc)"), "(\xcc\x80)");
    expect_text("circumflex + dot", e, LIT("\xe2\xf2 \xca\xf2 \xf4\xf2 \xe3\xf2"), "ậ Ệ ộ ặ");
    expect_text("symbols", e, LIT("\x80 \x93x\x94 \x96 \xb0" "C"), "€ “x” – °C");
    /* ICU maps these to C1 controls; Windows-1258 does not define them */
    static const unsigned char undefined[] = { 0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E };
    for (size_t i = 0; i < sizeof undefined; i++) {
        char in[4] = { 'a', '\n', (char)undefined[i], 'b' };
        expect_error("undefined", e, in, 4, 2, 2, "undefined byte in windows-1258");
    }
    expect_lenient("lenient", e, LIT("a\x81" "b\x90"), "a\xef\xbf\xbd" "b\xef\xbf\xbd", 2);
}

/* ---------------------------------------------------------------- */

static void expect_map(const char *label, vnr_encoding enc, const char *in, size_t n,
                       const size_t *pairs, size_t n_pairs)
{
    decoded d;
    check_case = label;
    CHECK_INT(decode_exact(in, n, enc, false, &d, NULL), VNR_OK);
    for (size_t i = 0; i < n_pairs; i++)
        CHECKF(offmap_lookup(&d.map, pairs[2 * i]) == pairs[2 * i + 1],
               "decoded %zu maps to %zu, expected %zu", pairs[2 * i],
               offmap_lookup(&d.map, pairs[2 * i]), pairs[2 * i + 1]);
    decoded_free(&d);
    check_case = NULL;
}

static void test_offsets(void)
{
    /* "Á b": Á (2 bytes out) from A + 0xB3 (2 bytes in) */
    static const size_t tcvn3[] = { 0, 0, 1, 0, 2, 2, 3, 3, 4, 4 };
    expect_map("tcvn3 composed", VNR_ENCODING_TCVN3, LIT("A\xb3 b"), tcvn3, 5);
    /* "Việt": ệ (3 bytes out at 2) from e + 0xE4 (2 bytes in at 2) */
    static const size_t vni[] = { 0, 0, 1, 1, 2, 2, 3, 2, 4, 2, 5, 4, 6, 5 };
    expect_map("vni composed", VNR_ENCODING_VNI, LIT("Vie\xe4t"), vni, 7);
    /* "đạt": đ 2 bytes, ạ 3 bytes, each from one byte */
    static const size_t viscii[] = { 0, 0, 2, 1, 5, 2, 6, 3 };
    expect_map("viscii", VNR_ENCODING_VISCII, LIT("\xf0\xd5t"), viscii, 4);
    /* "ạ1": a + dot (2 bytes in) then 1 */
    static const size_t cp1258[] = { 0, 0, 3, 2, 4, 3 };
    expect_map("cp1258", VNR_ENCODING_CP1258, LIT("a\xf2" "1"), cp1258, 3);
}

/* ---------------------------------------------------------------- */

static int word_class(const vn_letters *v, const char *w)
{
    return vietnamese_word_class(v, w, strlen(w));
}

static void test_syllables(void)
{
    const char *problem = detect_tables_problem();
    CHECKF(problem == NULL, "syllables.def: %s", problem ? problem : "");
    vn_letters v;
    vn_letters_init(&v);
    static const struct {
        const char *word;
        int cls;
    } cases[] = {
        { "nghiệp", 2 }, { "Nghiệp", 2 }, { "NGHIỆP", 2 }, { "các", 2 }, { "quốc", 2 },
        { "gì", 2 }, { "năm", 2 }, { "hoá", 2 }, { "hóa", 2 }, { "thuỷ", 2 }, { "thủy", 2 },
        { "khuỷu", 1 }, { "giếng", 1 }, { "ghế", 1 }, { "kỳ", 2 }, { "ngoằn", 1 },
        { "cáp", 1 }, { "xoong", 1 },
        /* spelling and tone rules */
        { "càc", 0 },   /* a closed rhyme takes only sắc or nặng */
        { "cế", 0 },    /* c before ê is k */
        { "kan", 0 },   /* k only before i e ê y */
        { "nghành", 0 }, { "gế", 0 }, { "qốc", 0 },
        /* what wrong decodings look like */
        { "caực", 0 }, { "nĂm", 0 }, { "naêm", 0 }, { "tÕ", 0 }, { "ca\xcc\x81", 0 },
        { "hàá", 0 },   /* two tones */
        { "đ", 0 }, { "x", 0 }, { "straße", 0 }, { "", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        check_case = cases[i].word;
        CHECK_INT(word_class(&v, cases[i].word), cases[i].cls);
    }
    check_case = NULL;
}

/* ---------------------------------------------------------------- */

/* A sentence of report prose in TCVN3 (VN3). */
static const char tcvn3_sentence[] =
    "T\xe6ng s\xb6n l\xad\xeeng l\xad\xacng th\xf9" "c c\xf3 h\xb9t \xad\xed" "c \xae\xb9t "
    "421.499 t\xca" "n, t\xa8ng 1,66% so v\xedi c\xf9ng k\xfa n\xa8m tr\xad\xed" "c.\n";

static void expect_detected(const char *label, const char *in, size_t n, vnr_encoding enc,
                            double min_conf, double *conf)
{
    decoded d;
    vnr_error *err = NULL;
    check_case = label;
    vnr_status st = decode_exact(in, n, VNR_ENCODING_AUTO, false, &d, &err);
    CHECKF(st == VNR_OK, "status %d: %s", (int)st, err ? vnr_error_message(err) : "");
    if (st == VNR_OK) {
        CHECK_STR(vnr_encoding_name(d.encoding), vnr_encoding_name(enc));
        CHECKF(d.confidence >= min_conf && d.confidence <= 1.0, "confidence %g", d.confidence);
        if (conf)
            *conf = d.confidence;
        decoded_free(&d);
    }
    vnr_error_free(err);
    check_case = NULL;
}

static void test_detection(void)
{
    double short_conf = 0, long_conf = 0;
    expect_detected("one sentence", LIT(tcvn3_sentence), VNR_ENCODING_TCVN3, 0.3, &short_conf);
    size_t reps = 20, one = sizeof tcvn3_sentence - 1;
    char *many = malloc(one * reps);
    for (size_t i = 0; i < reps; i++)
        memcpy(many + i * one, tcvn3_sentence, one);
    expect_detected("twenty sentences", many, one * reps, VNR_ENCODING_TCVN3, 0.8, &long_conf);
    CHECKF(long_conf > short_conf, "more text, more confidence (%g vs %g)", long_conf,
           short_conf);
    free(many);
    expect_detected("vni", LIT("Tho\xe2ng tin ve\xe0 t\xecnh h\xecnh kinh te\xe1 - xa\xf5 ho\xe4i "
                               "na\xeam nay: sa\xfbn l\xf6\xf4\xefng \xf1" "a\xeft 12 ta\xe1n.\n"),
                    VNR_ENCODING_VNI, 0.2, NULL);

    /* not Vietnamese in any legacy encoding: the UTF-8 error stands, and
     * says that no legacy encoding fits */
    decoded d;
    vnr_error *err = NULL;
    CHECK_INT(decode_exact(LIT("x \xc0\xaf"), VNR_ENCODING_AUTO, false, &d, &err), VNR_E_ENCODING);
    CHECK(strstr(vnr_error_message(err), "invalid UTF-8 at line 1, byte 2") != NULL);
    CHECK(strstr(vnr_error_message(err), "TCVN3, VNI, VISCII or Windows-1258") != NULL);
    vnr_error_free(err);
    err = NULL;
    /* damaged UTF-8 stays UTF-8 (no mention of legacy encodings) */
    CHECK_INT(decode_exact(LIT("Báo cáo năm 2023 \xff dòng"), VNR_ENCODING_AUTO, false, &d, &err),
              VNR_E_ENCODING);
    CHECK(strstr(vnr_error_message(err), "invalid UTF-8 at line 1, byte 20") != NULL);
    CHECK(strstr(vnr_error_message(err), "TCVN3") == NULL);
    vnr_error_free(err);
    expect_lenient("damaged UTF-8, lenient", VNR_ENCODING_AUTO, LIT("Báo cáo \xff"),
                   "Báo cáo \xef\xbf\xbd", 1);
    /* detected, then a byte the encoding lacks: an error naming it */
    err = NULL;
    char bad[sizeof tcvn3_sentence + 2];
    memcpy(bad, tcvn3_sentence, sizeof tcvn3_sentence - 1);
    memcpy(bad + sizeof tcvn3_sentence - 1, "\0", 1);
    CHECK_INT(decode_exact(bad, sizeof tcvn3_sentence, VNR_ENCODING_AUTO, false, &d, &err),
              VNR_E_ENCODING);
    CHECK(strstr(vnr_error_message(err), "NUL byte in tcvn3") != NULL);
    CHECK(strstr(vnr_error_message(err), "detected with confidence") != NULL);
    CHECK_SIZE(vnr_error_line(err), 2);
    vnr_error_free(err);
}

/* Detection reads a bounded sample, so a huge input costs one scan. */
static void test_detection_bounded(void)
{
    size_t one = sizeof tcvn3_sentence - 1, n = 50u << 20;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i += one)
        memcpy(big + i, tcvn3_sentence, n - i < one ? n - i : one);
    detection det;
    clock_t t0 = clock();
    CHECK_INT(detect_encoding(big, n, &det, NULL), VNR_OK);
    double dt = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_INT(det.encoding, VNR_ENCODING_TCVN3);
    CHECKF(det.sample_bytes <= 64 * 1024 + 1024, "sample of %zu bytes", det.sample_bytes);
    printf("test-legacy: detection on 50 MB of TCVN3: %.1f ms, sample %zu bytes, "
           "confidence %.3f\n", dt * 1000, det.sample_bytes, det.confidence);
    for (int c = 0; c < DETECT_CANDIDATES; c++)
        printf("  %-12s judged %zu undecodable %zu good %.1f ratio %.3f\n",
               vnr_encoding_name(det.scores[c].encoding), det.scores[c].judged,
               det.scores[c].undecodable, det.scores[c].good, det.scores[c].ratio);
    /* ASCII up to a stray byte at the very end: nothing to read, UTF-8 error */
    memset(big, 'a', n);
    big[n - 1] = '\xb8';
    CHECK_INT(detect_encoding(big, n, &det, NULL), VNR_OK);
    CHECK_INT(det.encoding, VNR_ENCODING_AUTO);
    free(big);
}

/* ---------------------------------------------------------------- */

/* Through the public API: metadata and record offsets in the original
 * (legacy) bytes. */
static void test_parse(void)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    CHECK_INT(vnr_parse(NULL, LIT(tcvn3_sentence), "t", &doc, &err), VNR_OK);
    CHECK_STR(vnr_document_meta(doc, "encoding"), "tcvn3");
    double conf = vnr_document_encoding_confidence(doc);
    CHECKF(conf > 0.3 && conf <= 1.0, "confidence %g", conf);
    CHECK_SIZE(vnr_document_replacements(doc), 0);
    CHECK_SIZE(vnr_document_record_count(doc), 2);
    const char *values[] = { "421.499", "1,66" };
    for (size_t i = 0; i < vnr_document_record_count(doc) && i < 2; i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        size_t off = vnr_record_offset(r), len = vnr_record_length(r);
        CHECK_MEM(tcvn3_sentence + off, len, values[i], strlen(values[i]));
        CHECK_SIZE(vnr_record_col(r), off + 1);
    }
    vnr_document_unref(doc);

    vnr_parser *p = vnr_parser_new();
    CHECK_INT(vnr_parser_set_encoding(p, VNR_ENCODING_VNI), VNR_OK);
    CHECK_INT(vnr_parse(p, LIT(tcvn3_sentence), "t", &doc, &err), VNR_E_ENCODING);
    CHECK(strstr(vnr_error_message(err), "in vni") != NULL);
    vnr_error_free(err);
    CHECK_INT(vnr_parser_set_lenient(p, 1), VNR_OK);
    CHECK_INT(vnr_parse(p, LIT(tcvn3_sentence), "t", &doc, NULL), VNR_OK);
    CHECK_STR(vnr_document_meta(doc, "encoding"), "vni");
    CHECK(vnr_document_encoding_confidence(doc) == 1.0);
    CHECK(vnr_document_replacements(doc) > 0);
    vnr_document_unref(doc);
    vnr_parser_free(p);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_tcvn3();
    test_vni();
    test_viscii();
    test_cp1258();
    test_offsets();
    test_syllables();
    test_detection();
    test_detection_bounded();
    test_parse();
    return check_done("test-legacy");
}
