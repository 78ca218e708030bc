/*
 * decode-formats.h — stage 1, document readers: PDF (decode-pdf.c) and the
 * zipped XML formats DOCX and ODT (decode-docx.c).
 *
 * Owns: recognizing documents by their magic bytes and the limits that
 * keep hostile files (zip bombs, 10,000-page PDFs, deep XML) bounded in
 * time and memory. A reader fills a `decoded` with owned UTF-8 text laid
 * out as the text pipeline reads a report: one paragraph a line, a blank
 * line between paragraphs, footnote bodies as their own `¹ …` paragraphs,
 * tables as aligned columns (PDF) or markdown pipe rows (DOCX, ODT).
 * Positions (offset, line, column) are those of this extracted text, so
 * its offset map is the identity; a PDF reader also gives page runs.
 * Readers built without their library answer VNR_E_UNSUPPORTED_FORMAT.
 *
 * May include: base, the decode stage's headers, poppler-glib, libxml2 and
 * libzip.
 */
#ifndef VNR_DECODE_FORMATS_H
#define VNR_DECODE_FORMATS_H

#include "decode.h"

/* Limits (docs/input-formats.md). */
#define DOC_MAX_PAGES 2000                 /* pages of a PDF */
#define DOC_MAX_TEXT ((size_t)64 << 20)    /* bytes of extracted text */
#define DOC_MAX_PAGE_TEXT ((size_t)1 << 20) /* bytes of text on one PDF page */
#define ZIP_MAX_ENTRIES 10000              /* entries of a DOCX/ODT archive */
#define ZIP_MAX_PART ((size_t)32 << 20)    /* uncompressed bytes of one XML part */

/* The format of `bytes` by content; FORMAT_TEXT when no magic matches. */
input_format sniff_format(const char *bytes, size_t n);

/* PDF text layer → text with page runs. */
vnr_status decode_pdf(const char *bytes, size_t n, decoded *out, vnr_error **error);

/* A ZIP archive: DOCX or ODT (sets out->format), else a status. */
vnr_status decode_zipped(const char *bytes, size_t n, decoded *out, vnr_error **error);

#endif
