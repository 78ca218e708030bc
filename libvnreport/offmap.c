/*
 * offmap.c — anchor list from derived-text positions to source positions.
 */
#include "offmap.h"
#include "buf.h"

#include <stdlib.h>

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

void offmap_free(offmap *m)
{
    free(m->a);
    m->a = NULL;
    m->n = m->cap = 0;
}
