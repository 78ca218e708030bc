/*
 * test-memory.c — a document's memory is bounded by its input (issue 18).
 *
 * Each digit-dense shape that used to cost 50–80 × its size (`1 ` × 10^7,
 * `(1)` × 10^6, `1.1.1…` numbering, a long table) is parsed in a child
 * process whose peak RSS must stay under 8 × the input + 16 MB, whatever
 * the outcome (records, or VNR_E_TOO_LARGE with a message); real-looking
 * text of the same size is still read. The input-size limit is settable
 * and refuses longer buffers, files and streams (a pipe, /dev/zero) after
 * reading at most one byte past it.
 *
 * Peak RSS is not checked under AddressSanitizer (its shadow memory and
 * quarantine are not the library's), only the statuses.
 */
#define _DEFAULT_SOURCE 1   /* wait4 */
#include <vnreport/vnreport.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define RSS_CHECKED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define RSS_CHECKED 0
#endif
#endif
#ifndef RSS_CHECKED
#define RSS_CHECKED 1
#endif

/* `unit` repeated until `size` bytes. */
static char *repeat(const char *unit, size_t size)
{
    size_t ul = strlen(unit);
    char *s = malloc(size + 1);
    for (size_t k = 0; k < size; k++)
        s[k] = unit[k % ul];
    s[size] = '\0';
    return s;
}

/* Parse s in a child; its status (or -1 when it died) and peak RSS in KiB. */
static int parse_in_child(const char *s, size_t n, long *peak_kib)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        vnr_status st = vnr_parse(NULL, s, n, "shape", &doc, &err);
        if (st != VNR_OK && !*vnr_error_message(err))
            st = 99;   /* a failure with no message */
        vnr_document_unref(doc);
        vnr_error_free(err);
        _exit((int)st);
    }
    int ws = 0;
    struct rusage ru;
    if (wait4(pid, &ws, 0, &ru) != pid)
        return -1;
    *peak_kib = ru.ru_maxrss;
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
}

/* Peak RSS of a child that exits at once: the process and the libraries
 * it maps (ICU, and poppler, glib and libxml2 since PDF and DOCX input),
 * which are no document's memory. */
static long idle_child_kib(void)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    int ws = 0;
    struct rusage ru;
    return wait4(pid, &ws, 0, &ru) == pid ? ru.ru_maxrss : 0;
}

/* The bound: a document takes at most 8 x its input + 16 MB on top of
 * what the process holds before it parses (idle_child_kib, plus the
 * input buffer, which the caller owns). */
static void check_shape(const char *label, const char *unit, size_t size, int expect)
{
    char *s = repeat(unit, size);
    long idle = idle_child_kib();
    long kib = 0;
    int st = parse_in_child(s, size, &kib);
    check_case = label;
    CHECKF(st == expect, "%s: status %d, expected %d", label, st, expect);
    double limit_kib = (8.0 * (double)size + 16.0 * 1024 * 1024) / 1024 + (double)idle;
    if (RSS_CHECKED)
        CHECKF((double)kib <= limit_kib,
               "%s: peak %ld KiB over the idle process (%ld KiB) + 8 x %zu bytes + 16 MB",
               label, kib, idle, size);
    printf("%-26s %10zu bytes  peak %8ld KiB, idle %6ld KiB  (%.1f x input)  %s\n", label, size,
           kib, idle, (double)kib * 1024 / (double)size, vnr_status_str((vnr_status)st));
    check_case = NULL;
    free(s);
}

static void test_shapes(void)
{
    check_shape("'1 ' x 10^7", "1 ", 20000000, VNR_E_TOO_LARGE);
    check_shape("'(1)' x 10^6", "(1)", 3000000, VNR_E_TOO_LARGE);
    check_shape("1.1.1... numbering", "1.", 25000000, VNR_E_TOO_LARGE);
    check_shape("long table", "| 12,3 | 45,6 | 7 | 8.901 |\n", 4000000, VNR_E_TOO_LARGE);
    check_shape("'1234567 ' x 10^6", "1234567 ", 8000000, VNR_E_TOO_LARGE);
    /* small digit-dense inputs are read: the 16 MB cover them */
    check_shape("'1 ' x 10^5", "1 ", 200000, VNR_OK);
    check_shape("'(1)' x 3 x 10^4", "(1)", 90000, VNR_OK);
    /* text with numbers at a report's density, 12 MB, is read */
    check_shape("report-like text",
                "Công tác chỉ đạo sản xuất vụ Đông Xuân được triển khai kịp thời, các địa "
                "phương chủ động chuẩn bị giống, vật tư và nước tưới; sản lượng lúa cả năm "
                "ước đạt 1.234,5 nghìn tấn, tăng 2,3% so với cùng kỳ.\n",
                12000000, VNR_OK);
}

static void test_limit(void)
{
    vnr_parser *p = vnr_parser_new();
    CHECK_SIZE(vnr_parser_max_input(p), VNR_MAX_INPUT_DEFAULT);
    CHECK_SIZE(vnr_parser_max_input(NULL), VNR_MAX_INPUT_DEFAULT);
    CHECK_INT(vnr_parser_set_max_input(NULL, 10), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_parser_set_max_input(p, VNR_MAX_INPUT_DEFAULT + 1), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_parser_set_max_input(p, 64), VNR_OK);
    CHECK_SIZE(vnr_parser_max_input(p), 64);

    static const char text[] = "Sản lượng lúa đạt 1.234 tấn, tăng 5%; diện tích 45 ha, năng suất 60 tạ/ha.";
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    CHECK_INT(vnr_parse(p, text, 64, "x", &doc, &err), VNR_OK);
    vnr_document_unref(doc);
    CHECK_INT(vnr_parse(p, text, 65, "x", &doc, &err), VNR_E_TOO_LARGE);
    CHECK(doc == NULL);
    CHECK(strstr(vnr_error_message(err), "64-byte limit") != NULL);
    vnr_error_free(err);

    /* a file one byte too long */
    char path[] = "/tmp/vnr-test-memory-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, text, 65) == 65);
    close(fd);
    err = NULL;
    CHECK_INT(vnr_parse_file(p, path, &doc, &err), VNR_E_TOO_LARGE);
    CHECK(strstr(vnr_error_message(err), "64-byte input limit") != NULL);
    vnr_error_free(err);
    CHECK_INT(vnr_parser_set_max_input(p, 0), VNR_OK);   /* back to the default */
    CHECK_INT(vnr_parse_file(p, path, &doc, NULL), VNR_OK);
    vnr_document_unref(doc);
    unlink(path);
    vnr_parser_free(p);
}

/* Standard input that never ends: refused after limit + 1 bytes, in a
 * child whose peak memory shows nothing more was buffered. */
static void test_endless_stdin(void)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int zero = open("/dev/zero", O_RDONLY);
        if (zero < 0 || dup2(zero, STDIN_FILENO) < 0)
            _exit(98);
        vnr_parser *p = vnr_parser_new();
        vnr_parser_set_max_input(p, (size_t)32 << 20);
        vnr_document *doc = NULL;
        vnr_status st = vnr_parse_file(p, "-", &doc, NULL);
        vnr_parser_free(p);
        _exit((int)st);
    }
    int ws = 0;
    struct rusage ru;
    CHECK(wait4(pid, &ws, 0, &ru) == pid);
    CHECK(WIFEXITED(ws));
    CHECK_INT(WEXITSTATUS(ws), VNR_E_TOO_LARGE);
    if (RSS_CHECKED)
        CHECKF(ru.ru_maxrss < 32 * 1024 + 16 * 1024, "/dev/zero: peak %ld KiB", ru.ru_maxrss);
    printf("%-26s %10s bytes  peak %8ld KiB  (limit 32 MiB)\n", "/dev/zero as stdin", "endless",
           ru.ru_maxrss);
}

int main(void)
{
    test_limit();
    test_endless_stdin();
    test_shapes();
    return check_done("test-memory");
}
