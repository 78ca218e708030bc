/*
 * fuzz-docx.c — libFuzzer harness for the DOCX and ODT reader (decode-docx.c):
 * ZIP archive, XML parts, numbering, footnotes, tables; then the pipeline
 * on the same bytes; invariants in fuzz-document.h. Inputs that do not
 * start with a ZIP local header are skipped.
 */
#include "fuzz-document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_document(data, size, decode_zipped, FORMAT_ZIP);
}
