/*
 * offmap.c — anchor list from derived-text positions to source positions.
 */
#include "offmap.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

bool offmap_add(offmap *m, size_t out, size_t src, unsigned step)
{
    if (m->n) {
        offmap_anchor *last = &m->a[m->n - 1];
        if (last->step == step && last->src + (out - last->out) * last->step == src)
            return true;
        if (last->out == out) {
            last->src = src;
            last->step = step;
            return true;
        }
    } else if (out == src && step == 1) {
        return true;
    }
    offmap_anchor an = { out, src, step };
    return VEC_PUSH(m->a, m->n, m->cap, an);
}

size_t offmap_lookup(const offmap *m, size_t out)
{
    if (!m->n || out < m->a[0].out)
        return out;
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->a[mid].out <= out)
            lo = mid;
        else
            hi = mid;
    }
    const offmap_anchor *a = &m->a[lo];
    return a->src + (out - a->out) * a->step;
}

static size_t key_at(const void *base, size_t stride, size_t i)
{
    size_t k;
    memcpy(&k, (const char *)base + i * stride, sizeof k);
    return k;
}

size_t floor_index_near(const void *base, size_t n, size_t stride, size_t key, size_t *hint)
{
    size_t h = *hint < n ? *hint : 0;
    size_t lo, hi;   /* key_at(lo) <= key, and hi == n or key_at(hi) > key */
    if (key_at(base, stride, h) <= key) {
        lo = h;
        hi = h + 1;
        for (size_t step = 1; hi < n && key_at(base, stride, hi) <= key; step *= 2) {
            lo = hi;
            hi = n - lo > step ? lo + step : n;
        }
    } else {
        hi = h;
        lo = h - 1;   /* h > 0: key_at(0) <= key */
        for (size_t step = 1; key_at(base, stride, lo) > key; step *= 2) {
            hi = lo;
            lo = lo > step ? lo - step : 0;
        }
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_at(base, stride, mid) <= key)
            lo = mid;
        else
            hi = mid;
    }
    *hint = lo;
    return lo;
}

_Static_assert(offsetof(offmap_anchor, out) == 0, "floor_index_near reads the key first");

size_t offmap_lookup_near(const offmap *m, size_t out, size_t *hint)
{
    if (!m->n || out < m->a[0].out)
        return out;
    const offmap_anchor *a = &m->a[floor_index_near(m->a, m->n, sizeof *m->a, out, hint)];
    return a->src + (out - a->out) * a->step;
}

void offmap_free(offmap *m)
{
    free(m->a);
    m->a = NULL;
    m->n = m->cap = 0;
}
