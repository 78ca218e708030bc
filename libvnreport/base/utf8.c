/*
 * utf8.c — the out-of-line half of the UTF-8 module (see utf8.h):
 * validation, the full decoder, the string lower-caser and the line
 * counter. Uses utf8proc only for the lower case of code points outside
 * the Vietnamese ranges.
 */
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

size_t utf8_sequence_length(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c == 0)
        return 0;
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4)
        return 0;
    if (c < 0xE0) {
        return (n >= 2 && utf8_is_cont(s[1])) ? 2 : 0;
    }
    if (c < 0xF0) {
        if (n < 3 || !utf8_is_cont(s[1]) || !utf8_is_cont(s[2]))
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (n < 4 || !utf8_is_cont(s[1]) || !utf8_is_cont(s[2]) || !utf8_is_cont(s[3]))
        return 0;
    if (c == 0xF0 && s[1] < 0x90)
        return 0; /* overlong */
    if (c == 0xF4 && s[1] >= 0x90)
        return 0; /* > U+10FFFF */
    return 4;
}

size_t utf8_first_invalid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* all ASCII and no NUL byte: skip the word. Else skip the
             * ASCII bytes before the first other one: the lowest flag is
             * exact (a borrow only spreads above a true NUL) */
            uint64_t other = (w & 0x8080808080808080ULL) |
                             ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL);
            if (!other) {
                i += 8;
                continue;
            }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            i += (size_t)__builtin_ctzll(other) / 8;   /* the lowest address is the lowest byte */
#endif
        }
        /* Vietnamese text is mostly ASCII, two-byte letters (ă đ ơ ư:
         * C4/C6 xx) and three-byte toned letters (U+1EA0..U+1EF9: E1 BA/BB
         * xx): check those inline; E0, ED and four-byte sequences have
         * extra rules, left to utf8_sequence_length. */
        unsigned c = s[i];
        if (c - 1u < 0x7Fu) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && utf8_is_cont(s[i + 1])) {
            i += 2;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEC && i + 2 < n && utf8_is_cont(s[i + 1]) &&
            utf8_is_cont(s[i + 2])) {
            i += 3;
            continue;
        }
        size_t k = utf8_sequence_length(s + i, n - i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

size_t utf8_maximal_subpart(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0xC2 || c > 0xF4)
        return 1;
    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (n < 2 || s[1] < lo || s[1] > hi)
        return 1;
    size_t k = 2;
    while (k < need && k < n && utf8_is_cont(s[k]))
        k++;
    return k;
}

uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
    uint32_t cp;
    if (utf8_next_short(s, n, i, &cp))
        return cp;
    /* the rest (ASCII is always short): validated in full */
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t len = utf8_sequence_length(u, n - *i);
    if (len == 0) {
        *i += 1;
        return 0xFFFD;
    }
    cp = u[0] & (0xFFu >> (len + 1));
    for (size_t j = 1; j < len; j++)
        cp = cp << 6 | (u[j] & 0x3Fu);
    *i += len;
    return cp;
}

uint32_t utf8_prev(const char *s, size_t *i)
{
    size_t end = *i, k = end;
    do
        k--;
    while (k > 0 && utf8_is_cont((unsigned char)s[k]));
    *i = k;
    return utf8_next(s, end, &k);
}

uint32_t utf8_tolower_table(uint32_t cp)
{
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

size_t utf8_lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    while (i < n && o + 5 < cap) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            i++;
            continue;
        }
        size_t k = utf8_lower_letter(s, i, n, out + o);
        if (k) {   /* most letters of Vietnamese text: no decoding */
            i += k;
            o += k;
            continue;
        }
        o += utf8_encode(utf8_tolower_cp(utf8_next_fast(s, n, &i)), out + o);
    }
    if (cap)
        out[o] = '\0';
    return o;
}

size_t utf8_line_of_offset(const char *s, size_t pos)
{
    size_t line = 1;
    for (size_t i = 0; i < pos; i++) {
        if (s[i] == '\n')
            line++;
        else if (s[i] == '\r' && (i + 1 >= pos || s[i + 1] != '\n'))
            line++;
    }
    return line;
}
