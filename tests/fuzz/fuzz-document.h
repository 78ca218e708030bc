/*
 * fuzz-document.h — the body shared by the document harnesses
 * (fuzz-pdf.c, fuzz-docx.c): one reader of the decode stage, then the
 * whole pipeline through vnr_parse().
 *
 * Besides crashes, leaks and sanitizer reports, it checks what the readers
 * promise (decode-formats.h):
 *  - a failure is a status with a message and nothing to free;
 *  - extracted text is valid UTF-8 without NUL, within the text limit;
 *  - page runs start at 0, go forward, stay inside the text and name
 *    pages from 1 to the page limit;
 *  - through vnr_parse(), a PDF record has a page, any other none.
 */
#ifndef VNR_FUZZ_DOCUMENT_H
#define VNR_FUZZ_DOCUMENT_H

#include "decode-formats.h"
#include "utf8.h"

#include <vnreport/vnreport.h>

#include <string.h>

#include "fuzz-check.h"

static void check_decoded(const decoded *d)
{
    FUZZ_ASSERT(d->len > 0 && d->len <= DOC_MAX_TEXT, "extracted %zu bytes", d->len);
    for (size_t i = 0; i < d->len;) {
        size_t k = utf8_sequence_length((const unsigned char *)d->text + i, d->len - i);
        FUZZ_ASSERT(k != 0, "invalid UTF-8 or NUL at byte %zu of %zu", i, d->len);
        i += k;
    }
    for (size_t i = 0; i < d->n_pages; i++) {
        const page_run *r = &d->pages[i];
        FUZZ_ASSERT(i > 0 || r->start == 0, "the first page run starts at %zu", r->start);
        FUZZ_ASSERT(i == 0 || r->start > d->pages[i - 1].start, "page run %zu goes back", i);
        FUZZ_ASSERT(r->start < d->len, "page run %zu at %zu of %zu", i, r->start, d->len);
        FUZZ_ASSERT(r->page >= 1 && r->page <= DOC_MAX_PAGES && r->line >= 1,
                    "page run %zu: page %u line %u", i, r->page, r->line);
    }
}

static void check_document(const uint8_t *data, size_t size, bool paged)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    vnr_status st = vnr_parse(NULL, (const char *)data, size, "fuzz", &doc, &err);
    if (st != VNR_OK) {
        FUZZ_ASSERT(!doc && err && vnr_error_status(err) == st, "failed parse: %d", st);
        vnr_error_free(err);
        return;
    }
    for (size_t i = 0; i < vnr_document_record_count(doc); i++) {
        size_t page = vnr_record_page(vnr_document_record(doc, i));
        FUZZ_ASSERT(paged ? page >= 1 : page == 0, "record %zu on page %zu", i, page);
    }
    vnr_document_unref(doc);
}

/* Read `data` with `reader` (decode_pdf or decode_zipped), check, then
 * parse the same bytes. */
static int fuzz_document(const uint8_t *data, size_t size,
                         vnr_status (*reader)(const char *, size_t, decoded *, vnr_error **),
                         input_format format)
{
    if (sniff_format((const char *)data, size) != format)
        return 0;   /* not this reader's input: the text harnesses cover it */
    decoded d;
    memset(&d, 0, sizeof d);
    vnr_error *err = NULL;
    vnr_status st = reader((const char *)data, size, &d, &err);
    if (st != VNR_OK) {
        FUZZ_ASSERT(err && vnr_error_status(err) == st && *vnr_error_message(err),
                    "status %d without its error", st);
        FUZZ_ASSERT(!d.owned && !d.pages, "a failed read left text or pages");
        vnr_error_free(err);
    } else {
        check_decoded(&d);
        decoded_free(&d);
    }
    check_document(data, size, format == FORMAT_PDF);
    return 0;
}

#endif
