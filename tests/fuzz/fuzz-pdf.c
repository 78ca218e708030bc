/*
 * fuzz-pdf.c — libFuzzer harness for the PDF reader (decode-pdf.c), then
 * the pipeline on the same bytes; invariants in fuzz-document.h. Inputs
 * that do not start with `%PDF-` are skipped.
 */
#include "fuzz-document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_document(data, size, decode_pdf, FORMAT_PDF);
}
