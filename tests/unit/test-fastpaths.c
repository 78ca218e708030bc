/*
 * test-fastpaths.c — the shortcuts the performance work took must give
 * exactly what the general code gives (docs/performance.md):
 *
 *  - utf8_tolower_cp answers ASCII and the Vietnamese letters from their
 *    code-point layout: equal to utf8proc_tolower for every code point;
 *    utf8_encode equal to utf8proc_encode_char; utf8_lower equal to
 *    lowering code point by code point through utf8proc;
 *  - floor_index_near (the cursor look-up used to place records) equal to
 *    a plain binary search, from every hint;
 *  - the lexer's TOK_DIGITS flag set exactly on word tokens holding an
 *    ASCII digit (the recognizer no longer scans words for digits).
 */
#include "lexer.h"
#include "normalize.h"
#include "utf8.h"
#include "offmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "check.h"

static void check_lower_every_code_point(void)
{
    size_t bad = 0, bad_encode = 0;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        uint32_t want = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        if (utf8_tolower_cp(cp) != want && bad++ < 5)
            fprintf(stderr, "U+%04X lowers to U+%04X, utf8proc says U+%04X\n", (unsigned)cp,
                    (unsigned)utf8_tolower_cp(cp), (unsigned)want);
        char a[4];
        utf8proc_uint8_t b[4];
        size_t na = utf8_encode(cp, a);
        utf8proc_ssize_t nb = utf8proc_encode_char((utf8proc_int32_t)cp, b);
        if ((utf8proc_ssize_t)na != nb || memcmp(a, b, na) != 0)
            bad_encode++;
    }
    CHECK_SIZE(bad, 0);
    CHECK_SIZE(bad_encode, 0);
}

/* utf8_lower against utf8proc, on text mixing every kind of character. */
static void check_lower_strings(void)
{
    static const char *const samples[] = {
        "TỔNG SẢN PHẨM (GRDP) TĂNG 6,5%",
        "Đồng Văn, ĐIỆN BIÊN, Ơ Ư ơ ư Ă Â Ê Ô",
        "KELVIN \xe2\x84\xaa, \xc4\xb0stanbul, \xc7\x85, \xe1\xba\x9e, \xce\xa9",
        "invalid \xff\xfe bytes \xe1\xba and a cut \xc3",
        "",
    };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        const char *s = samples[i];
        size_t n = strlen(s);
        char got[256], want[256];
        size_t ng = utf8_lower(s, n, got, sizeof got);
        size_t k = 0, nw = 0;
        while (k < n && nw + 5 < sizeof want) {
            uint32_t cp = utf8_next(s, n, &k);
            nw += (size_t)utf8proc_encode_char(utf8proc_tolower((utf8proc_int32_t)cp),
                                               (utf8proc_uint8_t *)want + nw);
        }
        want[nw] = '\0';
        check_case = s;
        CHECK_SIZE(ng, nw);
        CHECK(strcmp(got, want) == 0);
    }
    check_case = NULL;
}

static size_t floor_index_plain(const size_t *keys, size_t n, size_t key)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid] <= key)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void check_floor_index_near(void)
{
    enum { N = 300 };
    size_t keys[N];
    unsigned seed = 12345;
    size_t bad = 0, checks = 0;
    for (size_t round = 0; round < 20; round++) {
        size_t n = 1 + round * 15 % N, k = 0;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            k += 1 + (seed >> 16) % 7;        /* strictly increasing, as anchors are */
            keys[i] = i == 0 ? 0 : k;
        }
        for (size_t hint0 = 0; hint0 <= n; hint0 += 1 + n / 13)
            for (size_t key = 0; key <= k + 3; key++) {
                size_t hint = hint0;
                size_t got = floor_index_near(keys, n, sizeof *keys, key, &hint);
                checks++;
                if (got != floor_index_plain(keys, n, key) || hint != got)
                    bad++;
            }
    }
    CHECK(checks > 10000);
    CHECK_SIZE(bad, 0);

    /* offmap_lookup_near agrees with offmap_lookup along a walk back and forth */
    offmap m = { 0 };
    for (size_t i = 0; i < 200; i++)
        CHECK(offmap_add(&m, i * 10 + (i % 3), i * 13, 1 + (unsigned)(i % 2)));
    size_t hint = 0, mismatches = 0;
    for (size_t pass = 0; pass < 3; pass++)
        for (size_t p = 0; p < 2100; p += 7) {
            size_t pos = pass == 1 ? 2100 - p : p;
            if (offmap_lookup_near(&m, pos, &hint) != offmap_lookup(&m, pos))
                mismatches++;
        }
    CHECK_SIZE(mismatches, 0);
    offmap_free(&m);
}

static void check_digit_flag(void)
{
    static const char *const samples[] = {
        "17.601m2 diện tích UV2 H5N6 Covid-19 km² 4C Quốc lộ 4C m3/ngày",
        "abc1 1abc a1b2c3 ĐƯỜNG2 đường x2 X 2x tỉnh ĐB3 ơ9",
    };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        const char *s = samples[i];
        token_vec tv = { 0 };
        CHECK(lex_span(s, 0, strlen(s), &tv));
        size_t words = 0;
        for (size_t t = 0; t < tv.n; t++) {
            if (tv.t[t].kind != TOK_WORD)
                continue;
            bool digit = false;
            for (uint32_t k = tv.t[t].start; k < tv.t[t].end; k++)
                digit |= s[k] >= '0' && s[k] <= '9';
            words++;
            CHECKF(digit == ((tv.t[t].flags & TOK_DIGITS) != 0), "word %.*s",
                   (int)(tv.t[t].end - tv.t[t].start), s + tv.t[t].start);
        }
        CHECK(words >= 8);
        free(tv.t);
    }
}

int main(void)
{
    check_lower_every_code_point();
    check_lower_strings();
    check_floor_index_near();
    check_digit_flag();
    return check_done("test-fastpaths");
}
