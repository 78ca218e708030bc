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
 *
 * May include: base (buf.h, error.h, offmap.h, utf8.h) and utf8proc; it
 * reads decoded text but needs no decode header.
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

#endif
