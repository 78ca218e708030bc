/*
 * decode.h — stage 1: input bytes → UTF-8 text.
 *
 * Owns: byte-order marks, UTF-8 validation (with the line and byte of the
 * first bad sequence), UTF-16 and the choice of encoding: the caller's
 * hint, else BOM, else valid UTF-8, else the legacy encoding detect.c
 * finds (decoded by legacy.c). Gives UTF-8 text plus an offset map back to
 * the original bytes. Valid UTF-8 input is borrowed, not copied.
 * Documents (PDF, DOCX, ODT) are recognized by their magic bytes and
 * handed to their readers (decode-pdf.c, decode-docx.c), which give the
 * extracted text plus the page of every part of it.
 *
 * May include: base and the decode stage's own headers (detect.h, legacy.h,
 * sniff.h, decode-formats.h), ICU. decode.c calls detect.c, never the
 * other way round, so the stage has no include cycle.
 */
#ifndef VNR_DECODE_H
#define VNR_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "offmap.h"

/* What the input bytes are, by content (never by file name). */
typedef enum input_format {
    FORMAT_TEXT,   /* plain text in some encoding */
    FORMAT_PDF,
    FORMAT_DOCX,
    FORMAT_ODT,
    FORMAT_ZIP,    /* a ZIP archive that is neither DOCX nor ODT */
    FORMAT_DOC,    /* Word 97-2003 (OLE2 compound file) */
} input_format;

/* Text of a paged input from `start` on comes from `page`; `line` is the
 * 1-based line within that page's extracted text at `start`. */
typedef struct page_run {
    size_t start;
    uint32_t page;
    uint32_t line;
} page_run;

typedef struct decoded {
    const char *text;     /* UTF-8; borrowed from the input or `owned` */
    size_t len;
    char *owned;          /* non-NULL when the text had to be rewritten */
    offmap map;           /* text position → original byte offset */
    vnr_encoding encoding;
    double confidence;    /* 1 unless detected among legacy encodings */
    size_t replacements;  /* U+FFFD inserted in lenient mode */
    input_format format;
    page_run *pages;      /* PDF only: sorted by start, the first at 0 */
    size_t n_pages;
} decoded;

/* Name of a format for messages and metadata ("text", "pdf", "docx", …). */
const char *input_format_name(input_format f);

/* On failure `out` holds nothing to free (VNR_E_EMPTY when only a BOM). */
vnr_status decode_input(const char *bytes, size_t n, vnr_encoding hint,
                        bool lenient, decoded *out, vnr_error **error);
void decoded_free(decoded *d);

#endif
