/*
 * decode.h — stage 1: input bytes → UTF-8 text.
 *
 * Owns: byte-order marks, UTF-8 validation (with the line and byte of the
 * first bad sequence), UTF-16 and the choice of encoding: the caller's
 * hint, else BOM, else valid UTF-8, else the legacy encoding detect.c
 * finds (decoded by legacy.c). Gives UTF-8 text plus an offset map back to
 * the original bytes. Valid UTF-8 input is borrowed, not copied.
 */
#ifndef VNR_DECODE_H
#define VNR_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "offmap.h"

typedef struct decoded {
    const char *text;     /* UTF-8; borrowed from the input or `owned` */
    size_t len;
    char *owned;          /* non-NULL when the text had to be rewritten */
    offmap map;           /* text position → original byte offset */
    vnr_encoding encoding;
    double confidence;    /* 1 unless detected among legacy encodings */
    size_t replacements;  /* U+FFFD inserted in lenient mode */
} decoded;

/* On failure `out` holds nothing to free (VNR_E_EMPTY when only a BOM). */
vnr_status decode_input(const char *bytes, size_t n, vnr_encoding hint,
                        bool lenient, decoded *out, vnr_error **error);
void decoded_free(decoded *d);

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when invalid
 * (overlong, surrogate, > U+10FFFF, truncated, stray continuation) or NUL. */
size_t utf8_sequence_length(const unsigned char *s, size_t n);

/* 1-based line number of byte `pos` of `s` (LF, CRLF and lone CR end lines). */
size_t line_of_offset(const char *s, size_t pos);

#endif
