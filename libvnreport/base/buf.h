/*
 * buf.h — growable byte buffers, typed vectors and a string arena.
 *
 * Owns: nothing but memory plumbing used by every stage. All growth is
 * amortised (doubling), so stages never allocate per token.
 *
 * May include: the C library and the other base headers.
 */
#ifndef VNR_BUF_H
#define VNR_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* A growable byte string, always NUL-terminated when data != NULL. */
typedef struct vnr_buf {
    char *data;
    size_t len;
    size_t cap;
} vnr_buf;

/* Every growing call can fail (false, the buffer unchanged): callers must
 * look, or a failed allocation silently truncates a result. */
#define VNR_MUST_CHECK __attribute__((warn_unused_result))

VNR_MUST_CHECK bool buf_reserve(vnr_buf *b, size_t extra);
VNR_MUST_CHECK bool buf_append(vnr_buf *b, const char *s, size_t n);
VNR_MUST_CHECK bool buf_append_str(vnr_buf *b, const char *s);
VNR_MUST_CHECK bool buf_append_char(vnr_buf *b, char c);
VNR_MUST_CHECK bool buf_append_utf8(vnr_buf *b, uint32_t cp);
VNR_MUST_CHECK bool buf_printf(vnr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(vnr_buf *b);
/* Hands the NUL-terminated data to the caller and resets the buffer. */
char *buf_steal(vnr_buf *b);

/*
 * A memory budget for one parse: while a budget is active on the calling
 * thread, every vector growth and arena block is charged to it, and growth
 * past its limit fails (as an allocation failure would) with `exceeded` set,
 * so the caller reports VNR_E_TOO_LARGE instead of VNR_E_NOMEM. This bounds
 * a document's memory by its input size whatever the input holds (a digit
 * run every other byte makes tokens and fates, not bytes, dominate). The
 * charge is what was asked for, never given back: an upper bound of the
 * peak. Thread-local, set and cleared around one vnr_parse call: no state
 * outlives a call.
 */
typedef struct vnr_budget {
    size_t limit, used;
    bool exceeded;
} vnr_budget;
void budget_begin(vnr_budget *b);
void budget_end(void);

/* Generic vector: grow `*items` (of `size` bytes each) to hold `need` items. */
VNR_MUST_CHECK bool vec_grow(void **items, size_t *cap, size_t need, size_t size);
/* Append `value`; false on allocation failure. The room check is inline:
 * tokens and fates are pushed millions of times. */
#define VEC_PUSH(items, count, cap, value) \
    (((count) < (cap) || vec_grow((void **)&(items), &(cap), (count) + 1, sizeof *(items))) \
         ? ((items)[(count)++] = (value), true) : false)

/*
 * A string arena: many small immutable strings freed together. Strings are
 * stored back to back in large blocks; pointers stay valid until arena_free.
 */
typedef struct arena_block arena_block;
typedef struct vnr_arena {
    arena_block *head;
    bool failed;   /* an allocation failed: what was built in it is incomplete */
} vnr_arena;

char *arena_strndup(vnr_arena *a, const char *s, size_t n);
char *arena_strdup(vnr_arena *a, const char *s);
void *arena_alloc(vnr_arena *a, size_t n);
void arena_free(vnr_arena *a);
/* Record that a result meant for this arena could not be built (a failed
 * buffer or malloc on the way): the stage that owns the arena reports
 * VNR_E_NOMEM instead of a result with a piece missing. */
void arena_mark_failed(vnr_arena *a);

#endif
