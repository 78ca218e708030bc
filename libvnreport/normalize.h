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
/* Position in the decoded text of normalized position `pos`. */
size_t normalized_to_decoded(const normalized *nt, size_t pos);
void normalized_free(normalized *nt);

/* Normalize a short string (a unit name, a lexicon word): NFC, tone
 * placement, spaces collapsed and trimmed. Appends to `out`. */
bool normalize_fragment(const char *s, size_t n, vnr_buf *out);

/* Code point at s[*i] (advancing *i); invalid bytes give U+FFFD. */
uint32_t utf8_next(const char *s, size_t n, size_t *i);

#endif
