/*
 * test-batch.c — vnr_batch_*: results in input order, the same documents
 * as vnr_parse_file on 1, 2 and 5 threads, failures in their place, early
 * free, argument errors.
 *
 * usage: test-batch DIR   (DIR holds sample-report.txt and sample-report-2.txt)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnreport/vnreport.h>

#include "check.h"

#define N_FILES 7

/* A cheap fingerprint of a document: record count plus every value and line. */
static double fingerprint(const vnr_document *doc)
{
    double sum = (double)vnr_document_record_count(doc);
    for (size_t r = 0; r < vnr_document_record_count(doc); r++) {
        const vnr_record *rec = vnr_document_record(doc, r);
        double v = vnr_record_value(rec);
        sum += (v == v ? v : 0) * (double)(r + 1) + (double)vnr_record_line(rec);
    }
    return sum;
}

static void check_batch(const char *const *paths, const double *want, unsigned threads)
{
    vnr_batch *batch = NULL;
    CHECK_INT(vnr_batch_new(NULL, paths, N_FILES, threads, &batch, NULL), VNR_OK);
    if (!batch)
        return;
    CHECK_INT(vnr_batch_threads(batch), threads);
    for (size_t k = 0;; k++) {
        size_t index = 99;
        vnr_document *doc = (vnr_document *)1;
        vnr_error *err = NULL;
        vnr_status st = vnr_batch_next(batch, &index, &doc, &err);
        if (st == VNR_OK && !doc) {
            CHECK_SIZE(k, N_FILES);
            CHECK_SIZE(index, N_FILES);
            break;
        }
        CHECK_SIZE(index, k);
        if (want[k] < 0) {
            CHECK_INT(st, VNR_E_IO);
            CHECK(doc == NULL);
            CHECK(err && strstr(vnr_error_message(err), "no-such-file"));
        } else {
            CHECK_INT(st, VNR_OK);
            CHECKF(doc && fingerprint(doc) == want[k], "file %zu on %u threads", k, threads);
        }
        vnr_document_unref(doc);
        vnr_error_free(err);
        if (k > N_FILES)
            break;
    }
    /* a finished batch stays finished */
    vnr_document *doc = (vnr_document *)1;
    CHECK_INT(vnr_batch_next(batch, NULL, &doc, NULL), VNR_OK);
    CHECK(doc == NULL);
    vnr_batch_free(batch);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: test-batch DIR\n", stderr);
        return 2;
    }
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s/sample-report.txt", argv[1]);
    snprintf(b, sizeof b, "%s/sample-report-2.txt", argv[1]);
    const char *paths[N_FILES] = { a, b, "no-such-file.txt", b, a, a, b };
    double want[N_FILES];
    for (size_t i = 0; i < N_FILES; i++) {
        vnr_document *doc = NULL;
        want[i] = vnr_parse_file(NULL, paths[i], &doc, NULL) == VNR_OK ? fingerprint(doc) : -1;
        vnr_document_unref(doc);
    }
    CHECK(want[0] > 0 && want[1] > 0 && want[2] < 0);

    unsigned thread_counts[] = { 1, 2, 5, 16 };
    for (size_t t = 0; t < sizeof thread_counts / sizeof *thread_counts; t++)
        check_batch(paths, want, thread_counts[t]);

    /* 0 threads: one per processor */
    vnr_batch *batch = NULL;
    CHECK_INT(vnr_batch_new(NULL, paths, N_FILES, 0, &batch, NULL), VNR_OK);
    CHECK(vnr_batch_threads(batch) >= 1);
    /* freed with results pending: no leak, no hang (valgrind/ASan runs) */
    vnr_document *doc = NULL;
    CHECK_INT(vnr_batch_next(batch, NULL, &doc, NULL), VNR_OK);
    CHECK(doc != NULL);
    vnr_document_unref(doc);
    vnr_batch_free(batch);

    /* an empty batch is finished at once */
    CHECK_INT(vnr_batch_new(NULL, NULL, 0, 2, &batch, NULL), VNR_OK);
    doc = (vnr_document *)1;
    CHECK_INT(vnr_batch_next(batch, NULL, &doc, NULL), VNR_OK);
    CHECK(doc == NULL);
    vnr_batch_free(batch);

    /* argument errors */
    vnr_error *err = NULL;
    const char *with_null[] = { a, NULL };
    batch = (vnr_batch *)1;
    CHECK_INT(vnr_batch_new(NULL, with_null, 2, 2, &batch, &err), VNR_E_INVALID_ARGUMENT);
    CHECK(batch == NULL);
    CHECK(err && strstr(vnr_error_message(err), "NULL"));
    vnr_error_free(err);
    CHECK_INT(vnr_batch_new(NULL, paths, 1, 2, NULL, NULL), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_batch_next(NULL, NULL, &doc, NULL), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_batch_threads(NULL), 0);
    vnr_batch_free(NULL);

    /* options are copied: freeing the parser at once is fine */
    vnr_parser *parser = vnr_parser_new();
    vnr_parser_set_lenient(parser, 1);
    CHECK_INT(vnr_batch_new(parser, paths, 2, 2, &batch, NULL), VNR_OK);
    vnr_parser_free(parser);
    doc = NULL;
    CHECK_INT(vnr_batch_next(batch, NULL, &doc, NULL), VNR_OK);
    CHECK(doc && fingerprint(doc) == want[0]);
    vnr_document_unref(doc);
    vnr_batch_free(batch);
    return check_done("test-batch");
}
