/*
 * utf8.h — the one UTF-8 module of the library (bottom layer).
 *
 * Owns: byte classes (continuation byte, ASCII digit; bytes equal to one
 * or above one, eight at a time), sequence lengths,
 * validation (the first invalid offset, the maximal subpart one U+FFFD
 * replaces), decoding forward and backward, encoding, lower case of a code
 * point (Vietnamese letters from their code-point layout, the rest from
 * utf8proc) and of a string, superscript and subscript digits, and the
 * line of an offset. Every stage reads and writes UTF-8 through it, so a
 * rule about bytes is written once (models: HarfBuzz hb_utf8_t, xkbcommon
 * src/utf8.h).
 *
 * May include: the C library and utf8proc (in utf8.c) — nothing of the
 * library, so any stage, the CLI included, may use it.
 */
#ifndef VNR_UTF8_H
#define VNR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- */
/* Bytes                                                             */
/* ---------------------------------------------------------------- */

/* Eight bytes at a time: the bytes of x equal to b, as their high bits
 * (0x80 in each such byte, 0 elsewhere); exact for every byte — no borrow
 * runs from one byte into the next, unlike the classic has-zero test. */
static inline uint64_t utf8_bytes_equal(uint64_t x, unsigned char b)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    uint64_t y = x ^ (0x0101010101010101ull * b);
    return ~(((y & low7) + low7) | y | low7);
}

/* The bytes of x from 0x80 + low on (low below 0x80), as their high
 * bits; exact for every byte. */
static inline uint64_t utf8_high_bytes_from(uint64_t x, unsigned low)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ((x & low7) + 0x0101010101010101ull * (0x80 - low)) & x & ~low7;
}

/* The bytes of x that are ASCII digits, as their high bits; exact. */
static inline uint64_t utf8_digit_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, ones = 0x0101010101010101ull;
    uint64_t ge0 = ((x & low7) + (0x80 - '0') * ones), ge_colon = ((x & low7) + (0x80 - ':') * ones);
    return ~x & ge0 & ~ge_colon & ~low7;
}

/* A continuation byte (10xxxxxx): never the start of a character. */
static inline bool utf8_is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* An ASCII digit 0–9 (numbers in reports are written with these). */
static inline bool utf8_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Can byte c be part of a word: an ASCII letter or digit, or any byte of
 * a non-ASCII sequence (Vietnamese letters)? For word bounds read byte by
 * byte, where a whole code point need not be decoded. */
static inline bool utf8_is_word_byte(unsigned char c)
{
    return c >= 0x80 || utf8_is_digit((char)c) || (unsigned)((c | 0x20) - 'a') < 26u;
}

/* Is code point cp a space inside a line: tab, space, form feed,
 * vertical tab, or a Unicode space separator (no-break, thin, narrow
 * no-break, ideographic, …)? Line ends are not. */
static inline bool utf8_is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0x1680;
}

/* Does s[0..n) hold an ASCII digit? */
static inline bool utf8_has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (utf8_is_digit(s[i]))
            return true;
    return false;
}

/* The length a byte announces as the start of a sequence (1–4), without
 * validating what follows: for text known to be valid, such as the
 * library's own output. */
static inline size_t utf8_lead_length(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* ---------------------------------------------------------------- */
/* Validation                                                        */
/* ---------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when invalid
 * (overlong, surrogate, > U+10FFFF, truncated, stray continuation) or NUL. */
size_t utf8_sequence_length(const unsigned char *s, size_t n);

/* Offset of the first byte of s[0..n) that does not start a valid
 * sequence (NUL counts as invalid), or n when all of it is valid. */
size_t utf8_first_invalid(const unsigned char *s, size_t n);

/* Length of the invalid sequence at s[0..n) that one U+FFFD replaces: its
 * maximal subpart (Unicode §3.9, as Python and WHATWG decoders do), so a
 * truncated `\xE1\xBB` is one replacement and a stray byte is one. */
size_t utf8_maximal_subpart(const unsigned char *s, size_t n);

/* ---------------------------------------------------------------- */
/* Decoding and encoding                                             */
/* ---------------------------------------------------------------- */

/* Code point at s[*i] (advancing *i); an invalid byte gives U+FFFD and
 * advances by one. */
uint32_t utf8_next(const char *s, size_t n, size_t *i);

/* Code point that ends at s[*i] (exclusive; *i > 0), moving *i back to its
 * first byte: back over continuation bytes, then decoded as utf8_next
 * would. */
uint32_t utf8_prev(const char *s, size_t *i);

/* The sequences all Vietnamese text is made of, decoded inline: ASCII and
 * well-formed two-byte and E1–EC three-byte sequences (no overlong or
 * surrogate form is possible there). False, *i untouched, for anything
 * else, which utf8_next validates in full. */
static inline bool utf8_next_short(const char *s, size_t n, size_t *i, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = *i;
    unsigned c = u[k];
    if (c < 0x80) {
        *i = k + 1;
        *cp = c;
        return true;
    }
    if (c >= 0xC2 && c <= 0xDF && k + 1 < n && utf8_is_cont(u[k + 1])) {
        *i = k + 2;
        *cp = (uint32_t)(c & 0x1F) << 6 | (u[k + 1] & 0x3F);
        return true;
    }
    if (c >= 0xE1 && c <= 0xEC && k + 2 < n && utf8_is_cont(u[k + 1]) && utf8_is_cont(u[k + 2])) {
        *i = k + 3;
        *cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(u[k + 1] & 0x3F) << 6 | (u[k + 2] & 0x3F);
        return true;
    }
    return false;
}

/* utf8_next for the hot loops: the common sequences inline, the rest
 * through the out-of-line utf8_next. */
static inline uint32_t utf8_next_fast(const char *s, size_t n, size_t *i)
{
    uint32_t cp;
    return utf8_next_short(s, n, i, &cp) ? cp : utf8_next(s, n, i);
}

/* Write `cp` (below U+110000) as UTF-8 to out (room for 4 bytes); returns
 * the bytes written. */
static inline size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---------------------------------------------------------------- */
/* Lower case                                                        */
/* ---------------------------------------------------------------- */

/* utf8proc's lower case of any code point (utf8_tolower_cp answers the
 * common ones without it). */
uint32_t utf8_tolower_table(uint32_t cp);

/* Lower case of `cp`, as utf8proc_tolower gives it: ASCII and the letters
 * of Vietnamese (Latin-1, Ă Đ Ĩ Ũ Ơ Ư and every precomposed vowel with
 * its tone, U+1EA0–U+1EF9) answered from their code-point layout (checked
 * against utf8proc for every code point by tests/unit/test-fastpaths.c),
 * the rest from utf8proc's table. */
static inline uint32_t utf8_tolower_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp == 0xD7 ? cp : cp + 0x20;            /* À…Þ, not × */
    if (cp >= 0xDF && cp <= 0xFF)
        return cp;
    if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x1EA0 && cp <= 0x1EF9))
        return cp | 1;                                 /* Ă ă, Đ đ, Ạ ạ … alternate */
    if (cp == 0x1A0 || cp == 0x1AF)
        return cp + 1;                                 /* Ơ, Ư */
    if (cp == 0x1A1 || cp == 0x1B0)
        return cp;
    return utf8_tolower_table(cp);
}

/* The letter of Vietnamese text at s[i] (i < n) lower-cased into
 * out[0..2) or out[0..3) from its bytes, without decoding, as
 * utf8_encode(utf8_tolower_cp(cp)) would write it: a toned letter
 * U+1EA0–U+1EF9 (E1 BA A0 … E1 BB B9: the last byte | 1, as cp | 1), a
 * letter of Latin-1 (C3 80–BF), of U+0100–U+012F (Ă ă Đ đ Ĩ ĩ …: C4 80–AF)
 * or Ơ ơ Ư ư. Returns its length, or 0 when s[i] starts none of them. */
static inline size_t utf8_lower_letter(const char *s, size_t i, size_t n, char *out)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] == 0xE1) {
        if (i + 2 >= n ||
            !((u[1] == 0xBA && u[2] >= 0xA0 && u[2] <= 0xBF) || (u[1] == 0xBB && u[2] >= 0x80 && u[2] <= 0xB9)))
            return 0;
        out[0] = (char)u[0];
        out[1] = (char)u[1];
        out[2] = (char)(u[2] | 1);
        return 3;
    }
    if (i + 1 >= n || !utf8_is_cont(u[1]))
        return 0;
    unsigned char b = u[1];
    if (u[0] == 0xC3)
        b = (unsigned char)(b <= 0x9E && b != 0x97 ? b + 0x20 : b);   /* À…Þ, not × */
    else if (u[0] == 0xC4 && b <= 0xAF)
        b |= 1;
    else if (u[0] == 0xC6 && (b == 0xA0 || b == 0xAF))
        b++;                                                          /* Ơ, Ư */
    else if (!(u[0] == 0xC6 && (b == 0xA1 || b == 0xB0)))
        return 0;
    out[0] = (char)u[0];
    out[1] = (char)b;
    return 2;
}

/* Lower-case s[0..n) into out (at most cap-1 bytes, whole characters only,
 * NUL-terminated). Returns the bytes written. */
size_t utf8_lower(const char *s, size_t n, char *out, size_t cap);

/* ---------------------------------------------------------------- */
/* Superscript and subscript digits                                  */
/* ---------------------------------------------------------------- */

/* Value of a superscript digit (⁰ ¹ ² ³ ⁴ … ⁹: U+2070, U+00B9, U+00B2,
 * U+00B3, U+2074–2079), or -1. Footnote markers and `m²` are written so. */
static inline int utf8_superscript_digit(uint32_t cp)
{
    switch (cp) {
    case 0x2070: return 0;
    case 0xB9: return 1;
    case 0xB2: return 2;
    case 0xB3: return 3;
    default:
        return cp >= 0x2074 && cp <= 0x2079 ? (int)(cp - 0x2070) : -1;
    }
}

/* Value of a subscript digit (₀ … ₉: U+2080–2089), or -1. */
static inline int utf8_subscript_digit(uint32_t cp)
{
    return cp >= 0x2080 && cp <= 0x2089 ? (int)(cp - 0x2080) : -1;
}

/* The superscript form of digit d (0–9). */
static inline uint32_t utf8_superscript_of(int d)
{
    static const uint32_t sup[10] = { 0x2070, 0xB9, 0xB2, 0xB3, 0x2074,
                                      0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };
    return sup[d];
}

/* The superscript digit at s[i] (i < n): its value, with its length in
 * *len; -1 when s[i] starts none. */
static inline int utf8_superscript_at(const char *s, size_t n, size_t i, size_t *len)
{
    uint32_t cp;
    size_t k = i;
    if (!utf8_next_short(s, n, &k, &cp))
        return -1;
    *len = k - i;
    return utf8_superscript_digit(cp);
}

/* ---------------------------------------------------------------- */
/* Lines                                                             */
/* ---------------------------------------------------------------- */

/* 1-based line number of byte `pos` of `s` (LF, CRLF and lone CR end lines). */
size_t utf8_line_of_offset(const char *s, size_t pos);

/* Offset where the line holding byte `pos` of `s` starts (just after the
 * LF or CR before it, or 0). */
static inline size_t utf8_line_start(const char *s, size_t pos)
{
    while (pos > 0 && s[pos - 1] != '\n' && s[pos - 1] != '\r')
        pos--;
    return pos;
}

#endif
