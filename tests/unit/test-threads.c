/*
 * test-threads.c — 32 threads using the library at once (issue 18).
 *
 * Every thread parses the sample reports and fixtures below (strict,
 * lenient, UTF-16, a forced legacy encoding), reads every record and every
 * audited number, converts units through the built-in registry and through
 * one caller registry shared read-only by all threads, and shares one
 * document (each thread takes and drops references). Each thread's text must
 * equal the one a single thread produced first. Run in the ThreadSanitizer
 * build (scripts/test.sh) it also proves there is no data race: the
 * library keeps no global mutable state.
 */
#include <vnreport/vnreport.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum { THREADS = 32, ROUNDS = 3 };

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static const char report[] =
    "UBND TỈNH MẪU\nSố: 118/BC-UBND\n\nBÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2024\n"
    "1. Nông nghiệp\nTổng diện tích gieo trồng ước đạt 12.345 ha, tăng 1,5% so với cùng kỳ; "
    "sản lượng lương thực 67.890,5 tấn, bằng 102,2%.\n"
    "2. Tài chính\nThu ngân sách 3.210,7 tỷ đồng, đạt 45,6% dự toán; chi 2.900 tỷ đồng.\n"
    "Thu nhập bình quân 58,2 triệu đồng/người/năm; tỷ lệ hộ nghèo giảm 0,8 điểm phần trăm.\n";

static char *sample;        /* examples/data/sample-report.txt */
static size_t sample_len;
static vnr_unit_registry *shared_registry;
static vnr_document *shared_doc;

static void dump_doc(text *t, const vnr_document *doc)
{
    add(t, "%s %s %s %s\n", vnr_document_meta(doc, "province"), vnr_document_meta(doc, "number"),
        vnr_document_meta(doc, "period"), vnr_document_meta(doc, "encoding"));
    for (size_t i = 0; i < vnr_document_record_count(doc); i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        add(t, "%zu %s|%s|%s %.17g %s %.17g %s\n", vnr_record_offset(r),
            vnr_record_subject(r) ? vnr_record_subject(r) : "-", vnr_record_indicator(r),
            vnr_role_name(vnr_record_role(r)), vnr_record_value(r), vnr_record_unit(r),
            vnr_record_canonical_value(r), vnr_record_text(r));
    }
    for (size_t i = 0; i < vnr_document_number_count(doc); i++) {
        size_t off = 0, rec = 0;
        const char *fate = vnr_document_number(doc, i, &off, NULL, NULL, &rec);
        add(t, "n %zu %s %zd %s\n", off, fate, (ssize_t)rec, vnr_document_number_text(doc, i));
    }
}

static void parse_and_dump(text *t, const char *s, size_t n, vnr_encoding enc, int lenient)
{
    vnr_parser *p = vnr_parser_new();
    vnr_parser_set_encoding(p, enc);
    vnr_parser_set_lenient(p, lenient);
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    vnr_status st = vnr_parse(p, s, n, "t", &doc, &err);
    vnr_parser_free(p);
    add(t, "parse: %s %s\n", vnr_status_str(st), err ? vnr_error_message(err) : "");
    vnr_error_free(err);
    if (doc)
        dump_doc(t, doc);
    vnr_document_unref(doc);
}

static void one_round(text *t)
{
    parse_and_dump(t, report, sizeof report - 1, VNR_ENCODING_AUTO, 0);
    parse_and_dump(t, sample, sample_len, VNR_ENCODING_AUTO, 0);
    parse_and_dump(t, report, sizeof report - 1, VNR_ENCODING_TCVN3, 0);
    parse_and_dump(t, "S\xe1n l\xff 12 t\xe1n\n", 14, VNR_ENCODING_UTF8, 1);
    static const char *const pairs[][2] = {
        { "ha", "km2" }, { "tạ/ha", "tấn/ha" }, { "nghìn tỷ đồng", "triệu đồng" },
        { "sào", "m2" }, { "USD", "đồng" }, { "bao", "tấn" }, { "°F", "°C" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        double a = 0, b = 0;
        vnr_status sa = vnr_convert(12.5, pairs[i][0], pairs[i][1], &a);
        vnr_status sb = vnr_convert_ex(shared_registry, 12.5, pairs[i][0], pairs[i][1], &b, NULL);
        add(t, "%s->%s %d %.17g %d %.17g\n", pairs[i][0], pairs[i][1], sa, a, sb, b);
    }
    vnr_document *d = vnr_document_ref(shared_doc);
    add(t, "shared %zu\n", vnr_document_record_count(d));
    vnr_document_unref(d);
}

static void *worker(void *arg)
{
    text *t = arg;
    for (int r = 0; r < ROUNDS; r++) {
        t->len = 0;
        one_round(t);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SAMPLE-REPORT\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 2;
    sample = malloc(1 << 20);
    sample_len = fread(sample, 1, 1 << 20, f);
    fclose(f);
    shared_registry = vnr_unit_registry_new(NULL);
    vnr_unit_registry_define(shared_registry, "bao", 50, "kg", NULL);
    vnr_unit_registry_set_rate(shared_registry, "USD", "đồng", 24000, NULL);
    vnr_unit_registry_set_region(shared_registry, VNR_REGION_SOUTH);
    CHECK_INT(vnr_parse(NULL, report, sizeof report - 1, "shared", &shared_doc, NULL), VNR_OK);

    text ref = { 0 };
    one_round(&ref);
    text results[THREADS] = { { 0 } };
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&th[i], NULL, worker, &results[i]) == 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    unsigned mismatches = 0;
    for (int i = 0; i < THREADS; i++) {
        bool same = results[i].len == ref.len && memcmp(results[i].s, ref.s, ref.len) == 0;
        CHECKF(same, "thread %d's text differs from the single-threaded one", i);
        mismatches += !same;
        free(results[i].s);
    }
    printf("test-threads: %d threads x %d rounds, %zu bytes of results each, %u mismatches\n",
           THREADS, ROUNDS, ref.len, mismatches);
    free(ref.s);
    vnr_document_unref(shared_doc);
    vnr_unit_registry_free(shared_registry);
    free(sample);
    return check_done("test-threads");
}
