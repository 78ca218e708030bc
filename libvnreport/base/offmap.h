/*
 * offmap.h — maps byte positions of a derived text back to its source.
 *
 * Owns: the anchor list. A stage that rewrites text (decode, normalize)
 * records an anchor wherever the relation between output and source
 * positions changes; within an anchor's run a position advances `step`
 * source bytes per output byte (1 for copied text, 2 for ASCII read from
 * UTF-16). An empty map is the identity, so unchanged text costs nothing.
 *
 * May include: the C library and the other base headers (buf.h).
 */
#ifndef VNR_OFFMAP_H
#define VNR_OFFMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct offmap_anchor {
    size_t out;   /* position in the derived text */
    size_t src;   /* matching position in the source text */
    unsigned step;
} offmap_anchor;

typedef struct offmap {
    offmap_anchor *a;
    size_t n, cap;
} offmap;

/* From output position `out` on, positions map to `src + (p - out) * step`.
 * Redundant anchors (already implied by the previous one) are not stored. */
bool offmap_add(offmap *m, size_t out, size_t src, unsigned step);
size_t offmap_lookup(const offmap *m, size_t out);

/* Index of the last element of a sorted array whose leading size_t key is
 * <= key (the first element's must be), searched from *hint outwards and
 * left in *hint: look-ups at nearby positions, as when a document's
 * records are placed in order, cost a few steps instead of a binary
 * search over the whole array. `stride` is the element size. */
size_t floor_index_near(const void *base, size_t n, size_t stride, size_t key, size_t *hint);

/* offmap_lookup through floor_index_near; same result. Start *hint at 0. */
size_t offmap_lookup_near(const offmap *m, size_t out, size_t *hint);
void offmap_free(offmap *m);

#endif
