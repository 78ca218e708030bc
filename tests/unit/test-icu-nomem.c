/*
 * test-icu-nomem.c — ICU running out of memory is reported as such.
 *
 * ICU takes its allocator from u_setMemoryFunctions(), which must be called
 * before ICU allocates anything: this program installs one that fails while
 * `icu_fails` is set, then parses Windows-1258 text (ICU's converter and
 * NFC data). The status must be VNR_E_NOMEM with an "out of memory" message,
 * not an internal error about a missing converter (ICU reports a failed
 * data load as U_FILE_ACCESS_ERROR). ICU remembers a failed one-time
 * initialisation for the life of the process, so a later parse may fail
 * the same way: then it must say the same, never crash or mislead.
 */
#include <vnreport/vnreport.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

#include "check.h"

static bool icu_fails;

static void *U_CALLCONV icu_alloc(const void *context, size_t size)
{
    (void)context;
    return icu_fails ? NULL : malloc(size);
}

static void *U_CALLCONV icu_realloc(const void *context, void *p, size_t size)
{
    (void)context;
    return icu_fails ? NULL : realloc(p, size);
}

static void U_CALLCONV icu_free(const void *context, void *p)
{
    (void)context;
    free(p);
}

int main(void)
{
    UErrorCode err = U_ZERO_ERROR;
    u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &err);
    CHECK(U_SUCCESS(err));
    /* "Sản lượng 12 tấn" in Windows-1258 */
    static const char text[] = "S\xe1n l\x5b\xef\xd2ng 12 t\xe1n\n";
    vnr_parser *p = vnr_parser_new();
    CHECK_INT(vnr_parser_set_encoding(p, VNR_ENCODING_CP1258), VNR_OK);

    /* NFC data first (a TCVN3 parse needs it, not the converter) */
    vnr_parser *tcvn3 = vnr_parser_new();
    vnr_parser_set_encoding(tcvn3, VNR_ENCODING_TCVN3);
    vnr_document *doc = NULL;
    CHECK_INT(vnr_parse(tcvn3, "San luong 12 tan\n", 17, "nfc", &doc, NULL), VNR_OK);
    vnr_document_unref(doc);
    vnr_parser_free(tcvn3);

    icu_fails = true;
    doc = NULL;
    vnr_error *e = NULL;
    vnr_status st = vnr_parse(p, text, sizeof text - 1, "icu", &doc, &e);
    CHECK_INT(st, VNR_E_NOMEM);
    CHECK(doc == NULL);
    CHECKF(strstr(vnr_error_message(e), "out of memory") != NULL, "message: %s",
           vnr_error_message(e));
    vnr_error_free(e);

    icu_fails = false;
    e = NULL;
    st = vnr_parse(p, text, sizeof text - 1, "icu", &doc, &e);
    CHECK(st == VNR_OK || (st == VNR_E_NOMEM && strstr(vnr_error_message(e), "out of memory")));
    vnr_document_unref(doc);
    vnr_error_free(e);
    vnr_parser_free(p);
    return check_done("test-icu-nomem");
}
