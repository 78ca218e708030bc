/*
 * buf.c — growable buffers, vectors and the string arena (see buf.h).
 */
#include "buf.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local vnr_budget *current_budget;

void budget_begin(vnr_budget *b)
{
    b->used = 0;
    b->exceeded = false;
    current_budget = b;
}

void budget_end(void)
{
    current_budget = NULL;
}

/* Charge n bytes to the running parse's budget; false when over it. */
static bool budget_take(size_t n)
{
    vnr_budget *b = current_budget;
    if (!b)
        return true;
    if (n > b->limit - b->used) {
        b->exceeded = true;
        return false;
    }
    b->used += n;
    return true;
}

bool vec_grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return false;
        ncap *= 2;
    }
    if (!budget_take((ncap - *cap) * size))
        return false;
    void *p = realloc(*items, ncap * size);
    if (!p)
        return false;
    *items = p;
    *cap = ncap;
    return true;
}

bool buf_reserve(vnr_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return false;
    if (!vec_grow((void **)&b->data, &b->cap, b->len + extra + 1, 1))
        return false;
    b->data[b->len] = '\0';   /* buf.h promises a terminated string */
    return true;
}

bool buf_append(vnr_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool buf_append_str(vnr_buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

bool buf_append_char(vnr_buf *b, char c)
{
    return buf_append(b, &c, 1);
}

bool buf_append_utf8(vnr_buf *b, uint32_t cp)
{
    char t[4];
    return buf_append(b, t, utf8_encode(cp, t));
}

bool buf_printf(vnr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

void buf_free(vnr_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *buf_steal(vnr_buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

struct arena_block {
    arena_block *next;
    size_t used, size;
    max_align_t data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

/* n bytes at the next multiple of `align` in the head block, or in a new
 * block when they do not fit. */
static void *arena_take(vnr_arena *a, size_t n, size_t align)
{
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < n) {
        if (n > SIZE_MAX - sizeof *b - ARENA_BLOCK) {
            a->failed = true;
            return NULL;
        }
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        if (!budget_take(size)) {
            a->failed = true;
            return NULL;
        }
        b = malloc(sizeof *b + size);
        if (!b) {
            a->failed = true;
            return NULL;
        }
        b->used = 0;
        b->size = size;
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    b->used = at + n;
    return (char *)b->data + at;
}

void *arena_alloc(vnr_arena *a, size_t n)
{
    return arena_take(a, n, sizeof(max_align_t));
}

/* Strings need no alignment: a digit run's "1" takes 2 bytes, not 16
 * (documents keep one string per digit run). */
char *arena_strndup(vnr_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = arena_take(a, n + 1, 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(vnr_arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_free(vnr_arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->failed = false;
}

void arena_mark_failed(vnr_arena *a)
{
    a->failed = true;
}
