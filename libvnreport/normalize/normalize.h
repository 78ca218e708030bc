/*
 * normalize.h — stage 2: decoded UTF-8 → normalized UTF-8.
 *
 * Owns: line endings, whitespace (NBSP and friends, collapsing, trimming),
 * invisible characters, conversion debris (markdown emphasis, links and
 * escapes, LaTeX math), footnote superscripts split off the token they
 * follow, NFC (only where the text is not already NFC) and one tone-mark
 * placement convention (the traditional one, as most reports use: `hòa`,
 * `thủy`). Line breaks are kept one for one, so line N of the normalized
 * text is line N of the input. Gives text plus an offset map back to the
 * decoded text.
 */
#ifndef VNR_NORMALIZE_H
#define VNR_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "offmap.h"

typedef struct normalized {
    char *text;        /* owned, NUL-terminated */
    size_t len;
    offmap unicode;    /* text → intermediate (cleaned, before NFC/tones) */
    offmap cleanup;    /* intermediate → decoded; applied after `unicode` */
} normalized;

vnr_status normalize_text(const char *in, size_t n, normalized *out,
                          vnr_error **error);
/* Position in the decoded text of normalized position `pos` (the start of
 * the character there). */
size_t normalized_to_decoded(const normalized *nt, size_t pos);
/* Position in the decoded text just past the character that ends at
 * normalized position `end` (exclusive end of a span). Exact when that
 * character was copied from the input, as digits always are; text removed
 * after it (`**`, collapsed spaces, `\r`) is not counted in. */
size_t normalized_end_to_decoded(const normalized *nt, size_t end);

/* The same two look-ups for many positions in (mostly) increasing order:
 * the cursor remembers where the last ones were found (offmap_lookup_near).
 * Start it zeroed. */
typedef struct norm_cursor {
    size_t unicode, cleanup;
} norm_cursor;
size_t normalized_to_decoded_near(const normalized *nt, size_t pos, norm_cursor *cur);
size_t normalized_end_to_decoded_near(const normalized *nt, size_t end, norm_cursor *cur);
void normalized_free(normalized *nt);

/* Normalize a short string (a unit name, a lexicon word): NFC, tone
 * placement, spaces collapsed and trimmed. Appends to `out`. */
bool normalize_fragment(const char *s, size_t n, vnr_buf *out);

/* Lower-case s[0..n) into out (at most cap-1 bytes, whole characters only,
 * NUL-terminated). Returns the bytes written. */
size_t utf8_lower(const char *s, size_t n, char *out, size_t cap);

/* utf8proc's lower case of any code point (utf8_tolower_cp answers the
 * common ones without it). */
uint32_t utf8_tolower_table(uint32_t cp);

/* Lower case of `cp`, as utf8proc_tolower gives it: ASCII and the letters
 * of Vietnamese answered from their code-point layout (checked against
 * utf8proc for every code point by tests/unit/test-fastpaths.c), the rest
 * from utf8proc's table. */
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

/* Code point at s[*i] (advancing *i); invalid bytes give U+FFFD. */
uint32_t utf8_next(const char *s, size_t n, size_t *i);

/* The sequences all Vietnamese text is made of, decoded inline: ASCII and
 * well-formed two-byte and E1–EC three-byte sequences (no overlong or
 * surrogate form is possible there). False, *i untouched, for anything
 * else, which utf8_next hands to utf8proc. */
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
    if (c >= 0xC2 && c <= 0xDF && k + 1 < n && (u[k + 1] & 0xC0) == 0x80) {
        *i = k + 2;
        *cp = (uint32_t)(c & 0x1F) << 6 | (u[k + 1] & 0x3F);
        return true;
    }
    if (c >= 0xE1 && c <= 0xEC && k + 2 < n && (u[k + 1] & 0xC0) == 0x80 &&
        (u[k + 2] & 0xC0) == 0x80) {
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

#endif
