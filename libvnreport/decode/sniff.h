/*
 * sniff.h — recognize binary file formats by their magic bytes; vnr_parse
 * asks before any decoding (the decode stage itself stays total: lenient
 * decoding never refuses bytes).
 *
 * Owns: the table of formats a user may hand us instead of text (PDF,
 * Word, Excel, OpenDocument, ZIP, images, archives, executables) and the
 * "this is not text at all" test, so that such input fails with a message
 * naming the format, in lenient mode too, instead of decoding into
 * garbage records.
 *
 * May include: the C library only.
 */
#ifndef VNR_SNIFF_H
#define VNR_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* A phrase naming the binary format of `bytes` ("a PDF file"), or NULL
 * when the input may be text. `utf16` says the caller reads UTF-16, where
 * NUL bytes are expected. */
const char *sniff_binary(const unsigned char *bytes, size_t n, bool utf16);

#endif
