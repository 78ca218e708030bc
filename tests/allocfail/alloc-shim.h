/*
 * alloc-shim.h — a test allocator that fails the Nth allocation.
 *
 * Programs that include it are linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free, so every
 * malloc/calloc/realloc/free of the library's objects (the static archive
 * linked into the program) goes through the functions below; the library
 * itself keeps no allocator hook and no global state. ICU and utf8proc are
 * shared libraries: their own allocations are not counted (utf8proc never
 * allocates on our paths; ICU's converter failures are tested apart).
 *
 * While armed, each allocation gets a serial number from 1; the one whose
 * number equals shim_fail_at returns NULL (once). shim_live counts blocks
 * handed out and not yet freed, so a run that ends with shim_live != 0
 * leaked, whatever the build (ASan or not).
 */
#ifndef VNR_ALLOC_SHIM_H
#define VNR_ALLOC_SHIM_H

#include <execinfo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);

static bool shim_armed;           /* counting and failing only while true */
static unsigned long shim_count;  /* allocations made while armed */
static unsigned long shim_fail_at;/* 0: never fail */
static bool shim_fired;           /* the failure was injected this run */
static long shim_live;            /* blocks alive, allocated while armed */

static bool shim_should_fail(void)
{
    if (!shim_armed)
        return false;
    shim_count++;
    if (shim_count == shim_fail_at) {
        shim_fired = true;
        if (getenv("ALLOCFAIL_TRACE")) {   /* where the failed allocation was asked for */
            void *frames[16];
            backtrace_symbols_fd(frames, backtrace(frames, 16), STDERR_FILENO);
        }
        return true;
    }
    return false;
}

/* A block allocated while armed carries a header so free() knows to
 * count it; other blocks (the test's own, libc's) are freed as they are. */
enum { SHIM_MAGIC = 0x5eed, SHIM_HEADER = 16 };
typedef struct { unsigned magic; unsigned counted; } shim_header;

static void *shim_tag(void *raw, bool counted)
{
    if (!raw)
        return NULL;
    shim_header *h = raw;
    h->magic = SHIM_MAGIC;
    h->counted = counted;
    if (counted)
        shim_live++;
    return (char *)raw + SHIM_HEADER;
}

void *__wrap_malloc(size_t n)
{
    if (shim_should_fail() || n > (size_t)-1 - SHIM_HEADER)
        return NULL;
    return shim_tag(__real_malloc(n + SHIM_HEADER), shim_armed);
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (shim_should_fail())
        return NULL;
    if (size && n > ((size_t)-1 - SHIM_HEADER) / size)
        return NULL;
    return shim_tag(__real_calloc(1, n * size + SHIM_HEADER), shim_armed);
}

void __wrap_free(void *p)
{
    if (!p)
        return;
    shim_header *h = (shim_header *)((char *)p - SHIM_HEADER);
    if (h->counted)
        shim_live--;
    h->magic = 0;
    __real_free(h);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (!p)
        return __wrap_malloc(n);
    if (shim_should_fail() || n > (size_t)-1 - SHIM_HEADER)
        return NULL;
    shim_header *h = (shim_header *)((char *)p - SHIM_HEADER);
    void *raw = __real_realloc(h, n + SHIM_HEADER);
    return raw ? (char *)raw + SHIM_HEADER : NULL;
}

#endif
