/*
 * test-utf8.c — the UTF-8 module of the bottom layer (base/utf8.h).
 *
 * Decoding forward and backward, encoding, validation (sequence length,
 * first invalid offset, maximal subpart), lower case of code points and
 * strings (every Vietnamese letter, Đ included), superscript and subscript
 * digits, digit tests and lines. The full decoder is compared with
 * utf8proc_iterate on every one-, two- and three-byte sequence and on the
 * four-byte sequences around every boundary, so replacing it changed no
 * reading of the text.
 */
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "check.h"

static void test_next(void)
{
    const char *s = "a\xc3\xa0\xe1\xbb\x87\xf0\x9f\x98\x80\xff\xe1\xbb";
    size_t n = strlen(s), i = 0;
    CHECK_INT(utf8_next(s, n, &i), 'a');
    CHECK_INT(utf8_next(s, n, &i), 0xE0);
    CHECK_INT(utf8_next(s, n, &i), 0x1EC7);
    CHECK_INT(utf8_next(s, n, &i), 0x1F600);
    CHECK_SIZE(i, 10);
    CHECK_INT(utf8_next(s, n, &i), 0xFFFD);  /* 0xFF */
    CHECK_SIZE(i, 11);
    CHECK_INT(utf8_next(s, n, &i), 0xFFFD);  /* truncated ệ */
    CHECK_SIZE(i, 12);
    /* overlong and surrogate forms are not decoded as characters */
    const char *bad = "\xc0\xaf\xed\xa0\x80\xe0\x80\xaf";
    i = 0;
    while (i < 8) {
        size_t before = i;
        CHECK_INT(utf8_next(bad, 8, &i), 0xFFFD);
        CHECK_SIZE(i, before + 1);
    }
    /* a NUL byte is a character like any ASCII one */
    i = 0;
    CHECK_INT(utf8_next("\0x", 2, &i), 0);
    CHECK_SIZE(i, 1);
    /* the inline decoder takes only the short forms, the fast one all */
    uint32_t cp = 0;
    i = 0;
    CHECK(!utf8_next_short("\xf0\x9f\x98\x80", 4, &i, &cp));
    CHECK_SIZE(i, 0);
    CHECK_INT(utf8_next_fast("\xf0\x9f\x98\x80", 4, &i), 0x1F600);
    CHECK_SIZE(i, 4);
}

static void test_prev(void)
{
    const char *s = "a\xc3\xa0\xe1\xbb\x87\xf0\x9f\x98\x80";
    size_t i = strlen(s);
    CHECK_INT(utf8_prev(s, &i), 0x1F600);
    CHECK_SIZE(i, 6);
    CHECK_INT(utf8_prev(s, &i), 0x1EC7);
    CHECK_SIZE(i, 3);
    CHECK_INT(utf8_prev(s, &i), 0xE0);
    CHECK_SIZE(i, 1);
    CHECK_INT(utf8_prev(s, &i), 'a');
    CHECK_SIZE(i, 0);
    /* a stray continuation byte: back to the text start, read as invalid */
    i = 1;
    CHECK_INT(utf8_prev("\x87", &i), 0xFFFD);
    CHECK_SIZE(i, 0);
}

/* utf8_next against utf8proc_iterate on the bytes b[0..n). */
static void compare_with_utf8proc(const unsigned char *b, size_t n, unsigned *bad)
{
    utf8proc_int32_t want;
    utf8proc_ssize_t len = utf8proc_iterate(b, (utf8proc_ssize_t)n, &want);
    size_t i = 0;
    uint32_t got = utf8_next((const char *)b, n, &i);
    bool same = len <= 0 ? got == 0xFFFD && i == 1 : got == (uint32_t)want && i == (size_t)len;
    size_t slen = utf8_sequence_length(b, n);
    same = same && (len <= 0 || b[0] == 0 ? slen == 0 : slen == (size_t)len);
    if (!same && (*bad)++ < 5)
        CHECKF(0, "bytes %02X %02X %02X %02X (n %zu): utf8_next %04X/%zu, utf8proc %04X/%zd",
               b[0], n > 1 ? b[1] : 0, n > 2 ? b[2] : 0, n > 3 ? b[3] : 0, n,
               (unsigned)got, i, (unsigned)want, len);
}

static void test_decoder_matches_utf8proc(void)
{
    static const unsigned char edges[] = { 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                           0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0,
                                           0xF4, 0xF5, 0xFF };
    unsigned bad = 0;
    unsigned char b[4];
    for (unsigned x = 0; x < 256; x++) {
        b[0] = (unsigned char)x;
        compare_with_utf8proc(b, 1, &bad);
        for (unsigned y = 0; y < 256; y++) {
            b[1] = (unsigned char)y;
            compare_with_utf8proc(b, 2, &bad);
            for (unsigned z = 0; z < 256; z++) {
                b[2] = (unsigned char)z;
                compare_with_utf8proc(b, 3, &bad);
            }
        }
    }
    for (unsigned x = 0xF0; x < 0x100; x++)
        for (size_t y = 0; y < sizeof edges; y++)
            for (size_t z = 0; z < sizeof edges; z++)
                for (size_t w = 0; w < sizeof edges; w++) {
                    unsigned char q[4] = { (unsigned char)x, edges[y], edges[z], edges[w] };
                    compare_with_utf8proc(q, 4, &bad);
                }
    CHECK_INT(bad, 0);
}

static void test_encode(void)
{
    char out[4];
    CHECK_SIZE(utf8_encode('A', out), 1);
    CHECK_MEM(out, 1, "A", 1);
    CHECK_SIZE(utf8_encode(0x111, out), 2);          /* đ */
    CHECK_MEM(out, 2, "đ", 2);
    CHECK_SIZE(utf8_encode(0x1EC7, out), 3);         /* ệ */
    CHECK_MEM(out, 3, "ệ", 3);
    CHECK_SIZE(utf8_encode(0x1F600, out), 4);
    CHECK_MEM(out, 4, "\xf0\x9f\x98\x80", 4);
    /* every scalar value comes back through the decoder */
    unsigned bad = 0;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t k = utf8_encode(cp, out), i = 0;
        if ((utf8_next(out, k, &i) != cp || i != k) && bad++ < 5)
            CHECKF(0, "U+%04X does not round-trip", (unsigned)cp);
    }
    CHECK_INT(bad, 0);
}

static void test_validation(void)
{
    const unsigned char *u = (const unsigned char *)"ab\xc3\xa0\xe1\xbb\x87xyz\xffq";
    CHECK_SIZE(utf8_first_invalid(u, 12), 10);
    CHECK_SIZE(utf8_first_invalid(u, 10), 10);        /* all valid: n */
    CHECK_SIZE(utf8_first_invalid((const unsigned char *)"abcdefghij\0k", 12), 10);  /* NUL */
    CHECK_SIZE(utf8_first_invalid((const unsigned char *)"abc\xe1\xbb", 5), 3);     /* truncated */
    CHECK_SIZE(utf8_sequence_length((const unsigned char *)"\xe0\x9f\x80", 3), 0);  /* overlong */
    CHECK_SIZE(utf8_sequence_length((const unsigned char *)"\xed\xa0\x80", 3), 0);  /* surrogate */
    CHECK_SIZE(utf8_sequence_length((const unsigned char *)"\xf4\x90\x80\x80", 4), 0);
    CHECK_SIZE(utf8_sequence_length((const unsigned char *)"\xf4\x8f\xbf\xbf", 4), 4);
    /* maximal subparts: one U+FFFD per truncated sequence, one per stray byte */
    CHECK_SIZE(utf8_maximal_subpart((const unsigned char *)"\xe1\xbb" "a", 3), 2);
    CHECK_SIZE(utf8_maximal_subpart((const unsigned char *)"\xf0\x9f\x98" "a", 4), 3);
    CHECK_SIZE(utf8_maximal_subpart((const unsigned char *)"\x80\x80", 2), 1);
    CHECK_SIZE(utf8_maximal_subpart((const unsigned char *)"\xe0\x80\x80", 3), 1);
    CHECK_SIZE(utf8_maximal_subpart((const unsigned char *)"\xed\xa0\x80", 3), 1);
    CHECK_SIZE(utf8_maximal_subpart((const unsigned char *)"\xc3", 1), 1);
    CHECK(utf8_is_cont(0x80) && utf8_is_cont(0xBF) && !utf8_is_cont(0xC3) && !utf8_is_cont('a'));
    CHECK_SIZE(utf8_lead_length('a'), 1);
    CHECK_SIZE(utf8_lead_length(0xC4), 2);
    CHECK_SIZE(utf8_lead_length(0xE1), 3);
    CHECK_SIZE(utf8_lead_length(0xF0), 4);
}

/* Every precomposed Vietnamese vowel (with each tone) and Đ: upper case
 * to lower case, as pairs of strings. */
static const char *const upper_vn =
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
static const char *const lower_vn =
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

static void test_lower(void)
{
    char out[256];
    size_t n = utf8_lower(upper_vn, strlen(upper_vn), out, sizeof out);
    CHECK_STR(out, lower_vn);
    CHECK_SIZE(n, strlen(lower_vn));
    /* lower case stays lower case */
    utf8_lower(lower_vn, strlen(lower_vn), out, sizeof out);
    CHECK_STR(out, lower_vn);
    CHECK_INT(utf8_tolower_cp(0x110), 0x111);     /* Đ → đ */
    CHECK_INT(utf8_tolower_cp(0xD7), 0xD7);       /* × has no case */
    CHECK_INT(utf8_tolower_cp(0x1EF8), 0x1EF9);   /* Ỹ → ỹ */
    CHECK_INT(utf8_tolower_cp(0x391), 0x3B1);     /* Α → α, from utf8proc */
    /* every code point as utf8proc has it */
    unsigned bad = 0;
    for (uint32_t cp = 0; cp < 0x110000; cp++)
        if (utf8_tolower_cp(cp) != (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp) && bad++ < 5)
            CHECKF(0, "U+%04X lowers differently from utf8proc", (unsigned)cp);
    CHECK_INT(bad, 0);
    /* utf8_lower, shortcuts included, against utf8proc on every scalar
     * value between two letters, and on cut sequences */
    bad = 0;
    for (uint32_t cp = 0x80; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char in[8] = "A", want[16] = "a";
        size_t k = 1 + utf8_encode(cp, in + 1);
        in[k++] = 'B';
        size_t w = 1 + utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), want + 1);
        want[w++] = 'b';
        want[w] = '\0';
        n = utf8_lower(in, k, out, sizeof out);
        if ((n != w || strcmp(out, want) != 0) && bad++ < 5)
            CHECKF(0, "utf8_lower of U+%04X differs from utf8proc", (unsigned)cp);
    }
    CHECK_INT(bad, 0);
    /* cut and broken sequences: as decoding (utf8_next) and utf8proc give */
    static const char *const broken[] = {
        "\xe1\xba", "x\xc3", "\xc3" "A", "\xe1\xbb" "A", "\xe1" "A", "\xc4", "\xc6\xa0\xe1\xba",
        "\xe1\xba\xa0\xc3", "\xe1\xb9\x80", "\xe1\xbc\x80", "\xc3\xff", "\xc4\xb0\xc4\xb1",
    };
    for (size_t b = 0; b < sizeof broken / sizeof *broken; b++) {
        const char *in = broken[b];
        size_t len = strlen(in), i = 0, w = 0;
        char want[64];
        while (i < len)
            w += utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)utf8_next(in, len, &i)),
                             want + w);
        want[w] = '\0';
        n = utf8_lower(in, len, out, sizeof out);
        CHECKF(n == w && strcmp(out, want) == 0, "utf8_lower of broken text %zu differs", b);
    }
    /* whole characters only: a short buffer cuts before a character */
    n = utf8_lower("ĐỒNG", strlen("ĐỒNG"), out, 8);
    CHECK_STR(out, "đồ");
    CHECK_SIZE(n, 5);
    CHECK_SIZE(utf8_lower("abc", 3, out, 0), 0);
    /* invalid bytes lower to U+FFFD */
    utf8_lower("A\xff", 2, out, sizeof out);
    CHECK_STR(out, "a\xef\xbf\xbd");
}

static void test_superscripts(void)
{
    static const char *const sup[10] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
    static const char *const sub[10] = { "₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉" };
    for (int d = 0; d < 10; d++) {
        size_t i = 0, len = 0;
        const char *s = sup[d];
        CHECK_INT(utf8_superscript_digit(utf8_next(s, strlen(s), &i)), d);
        CHECK_INT(utf8_superscript_at(s, strlen(s), 0, &len), d);
        CHECK_SIZE(len, strlen(s));
        char out[4];
        CHECK_MEM(out, utf8_encode(utf8_superscript_of(d), out), s, strlen(s));
        i = 0;
        CHECK_INT(utf8_subscript_digit(utf8_next(sub[d], strlen(sub[d]), &i)), d);
        CHECK_INT(utf8_superscript_digit('0' + (uint32_t)d), -1);
    }
    size_t len;
    CHECK_INT(utf8_superscript_digit(0x2071), -1);   /* ⁱ is a letter */
    CHECK_INT(utf8_superscript_digit(0x2072), -1);
    CHECK_INT(utf8_subscript_digit(0x208A), -1);
    CHECK_INT(utf8_superscript_at("m²", strlen("m²"), 0, &len), -1);
    CHECK_INT(utf8_superscript_at("m²", strlen("m²"), 1, &len), 2);
    CHECK_INT(utf8_superscript_at("\xc2", 1, 0, &len), -1);       /* truncated */
    CHECK_INT(utf8_superscript_at("\xe2\x81", 2, 0, &len), -1);
}

static void test_digits_and_lines(void)
{
    CHECK(utf8_is_digit('0') && utf8_is_digit('9') && !utf8_is_digit('a') && !utf8_is_digit('/'));
    CHECK(!utf8_is_digit((char)0xB2));
    CHECK(utf8_has_digit("năm 2024", strlen("năm 2024")));
    CHECK(!utf8_has_digit("năm 2024", 4));
    CHECK(!utf8_has_digit("", 0));
    /* word bytes: ASCII letters and digits, every byte of a non-ASCII letter */
    const char *word = "Đ9a";
    for (size_t i = 0; word[i]; i++)
        CHECK(utf8_is_word_byte((unsigned char)word[i]));
    const char *not_word = " -./%";
    for (size_t i = 0; not_word[i]; i++)
        CHECK(!utf8_is_word_byte((unsigned char)not_word[i]));
    /* spaces inside a line: ASCII blanks and Unicode space separators */
    const uint32_t spaces[] = { ' ', '\t', 0xA0, 0x2002, 0x2009, 0x202F, 0x3000 };
    for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++)
        CHECK(utf8_is_space_cp(spaces[i]));
    const uint32_t not_spaces[] = { '\n', '\r', 'a', 0x200B, 0x2028 };
    for (size_t i = 0; i < sizeof not_spaces / sizeof *not_spaces; i++)
        CHECK(!utf8_is_space_cp(not_spaces[i]));
    const char *t = "one\ntwo\r\nthree\rfour";
    CHECK_SIZE(utf8_line_of_offset(t, 0), 1);
    CHECK_SIZE(utf8_line_of_offset(t, 4), 2);
    CHECK_SIZE(utf8_line_of_offset(t, 9), 3);          /* CRLF is one break */
    CHECK_SIZE(utf8_line_of_offset(t, 15), 4);         /* lone CR */
    CHECK_SIZE(utf8_line_start(t, 6), 4);
    CHECK_SIZE(utf8_line_start(t, 12), 9);
    CHECK_SIZE(utf8_line_start(t, 17), 15);
    CHECK_SIZE(utf8_line_start(t, 2), 0);
}

/* The eight-bytes-at-a-time classes against a byte-by-byte look, on
 * words of every byte value in every position and on random words (the
 * neighbours of a hit are where a borrow would show). */
static uint64_t bytes_where(uint64_t x, int (*is)(unsigned char, unsigned), unsigned arg)
{
    uint64_t m = 0;
    for (int k = 0; k < 8; k++)
        if (is((unsigned char)(x >> (8 * k)), arg))
            m |= 0x80ull << (8 * k);
    return m;
}

static int byte_is(unsigned char b, unsigned v) { return b == v; }
static int byte_from(unsigned char b, unsigned low) { return b >= 0x80 + low; }
static int byte_digit(unsigned char b, unsigned unused) { (void)unused; return b >= '0' && b <= '9'; }

static void check_word_classes(uint64_t x)
{
    static const unsigned char equal_to[] = { 0x00, ' ', '0', 0x7F, 0x80, 0xC2, 0xE1, 0xFF };
    static const unsigned above[] = { 0x00, 0x38, 0x59, 0x7F };
    for (size_t i = 0; i < sizeof equal_to; i++)
        CHECKF(utf8_bytes_equal(x, equal_to[i]) == bytes_where(x, byte_is, equal_to[i]),
               "utf8_bytes_equal(%016llx, %02x)", (unsigned long long)x, equal_to[i]);
    for (size_t i = 0; i < sizeof above / sizeof *above; i++)
        CHECKF(utf8_high_bytes_from(x, above[i]) == bytes_where(x, byte_from, above[i]),
               "utf8_high_bytes_from(%016llx, %02x)", (unsigned long long)x, above[i]);
    CHECKF(utf8_digit_bytes(x) == bytes_where(x, byte_digit, 0), "utf8_digit_bytes(%016llx)",
           (unsigned long long)x);
}

static void test_word_classes(void)
{
    for (unsigned b = 0; b < 256; b++)
        for (int k = 0; k < 8; k++) {
            check_word_classes((uint64_t)b << (8 * k));
            check_word_classes(((uint64_t)b << (8 * k)) | 0x2020202020202020ull);
            check_word_classes(((uint64_t)b * 0x0101010101010101ull) ^ (0xFFull << (8 * k)));
        }
    uint64_t r = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 200000; i++) {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        check_word_classes(r);
    }
}

int main(void)
{
    test_next();
    test_prev();
    test_decoder_matches_utf8proc();
    test_encode();
    test_validation();
    test_lower();
    test_superscripts();
    test_digits_and_lines();
    test_word_classes();
    return check_done("test-utf8");
}
