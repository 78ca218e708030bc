/*
 * pairs.c — recognize stage: values read together — a range (`14 - 16%`,
 * `từ 1,21% đến 13,16%`), a fraction or actual/plan pair (`286.540/280.000
 * con`), a pair across '/' (`3.669,25 ha/3.621,7 ha`) and an amount
 * written in two scales (`2 tỷ 415 triệu USD`). Each hands its
 * values to emit.c and says where reading goes on.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "units.h"

#include <math.h>
#include <string.h>

/* After a pair's records: the next phrase starts at `floor`, reading goes
 * on at `next`. */
static pair_step pair_done(sentence_walk *w, size_t floor, size_t next, size_t *out_next)
{
    w->nc.floor = floor;
    *out_next = next;
    return PAIR_READ;
}


/* Are the bounds at i and hi (the second's unit ending at hi_end) two
 * items of a list joined by dashes (`59,30% - 26,05% - 5,90% - 8,75%`):
 * a dash and a value before the first, or a dash and a number after the
 * second? */
static bool in_dash_list(const rctx *c, size_t i, size_t hi, size_t hi_end, size_t e)
{
    if (!is_dash(c, hi - 1))
        return false;
    bool dash_before = i > 1 && is_dash(c, i - 1) &&
                       (is_numeric(&c->tv.t[i - 2]) || c->tv.t[i - 2].kind == TOK_PUNCT);
    bool dash_after = hi_end + 1 < e && is_dash(c, hi_end) && c->tv.t[hi_end + 1].kind == TOK_NUMBER;
    return dash_before || dash_after;
}


/* `14 - 16%`, `từ 1,21% đến 13,16%`: both bounds with the same unit, the
 * second larger, make one record with value_max. */
pair_step read_range(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next)
{
    const token *t = &c->tv.t[i];
    size_t dash = q->unit_end_tok;
    size_t join = t->kind == TOK_NUMBER ? range_join_at(c, i, dash, w->end) : 0;
    if (!join)
        return PAIR_NONE;
    size_t hi = dash + join;
    quantity q2 = { .tok = hi };
    size_t unit_len = q->unit_end - q->unit_start;
    if (!find_unit(c, hi, &q2) || q2.unit_end - q2.unit_start != unit_len ||
        memcmp(c->text + q2.unit_start, c->text + q->unit_start, unit_len) != 0 ||
        !(c->tv.t[hi].v > t->v) || in_dash_list(c, i, hi, q2.unit_end_tok, w->end))
        return PAIR_NONE;
    q->value_max = c->tv.t[hi].v;
    /* the value's words go on after its second bound: `tăng từ 14 đến 16%
     * so với năm trước` */
    q->unit_end_tok = q2.unit_end_tok;
    if (!add_fate(c, c->tv.t[hi].start, c->tv.t[hi].end, "range_end", NONE) ||
        !emit_quantity(c, i, q, &w->nc, &w->ss, false, NULL))
        return PAIR_FAILED;
    return pair_done(w, q2.unit_end_tok, q2.unit_end_tok, next);
}


/* `749.648/820.000 con, đạt 91,4% kế hoạch năm`: is the slash pair that
 * ends before token k (its unit read) followed by the share of a plan
 * that the first is of the second? Then the second is that plan. */
static bool attains_plan_after(const rctx *c, size_t k, const token *t)
{
    size_t idx;
    k += k < c->tv.n && is_punct(c, k, ',');
    size_t m = k < c->tv.n ? PHRASE_AT(c, LT_TRIGGERS, k, &idx) : 0;
    if (!m || (triggers[idx].kind != T_ATTAIN && triggers[idx].kind != T_EQUAL) || k + m + 2 >= c->tv.n ||
        !is_numeric(&c->tv.t[k + m]) || !is_punct(c, k + m + 1, '%') || t->v2 <= 0)
        return false;
    const token *share = &c->tv.t[k + m];
    double slack = share->flags & NUM_DECIMAL ? 0.15 : 1.0;   /* (rounded or cut: `83.835/88.620 con đạt 94% KH`) */
    return fabs(share->v - 100.0 * t->v / t->v2) < slack && plan_after(c, k + m + 2);
}


/* `12/20 xã`, `45/50%`: a part of a whole (total); a part cannot exceed its
 * whole, so `286.540/280.000 con` is actual/plan: a level, then its target
 * sharing the unit. */
pair_step read_fraction(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next)
{
    const token *t = &c->tv.t[i];
    /* (`70/71 xã/phường/thị trấn`: places of the kinds the slashes list,
     * counted, whatever the unit registry makes of the slashes) */
    bool places = !q->count && memchr(c->text + q->unit_start, '/', q->unit_end - q->unit_start) &&
                  PHRASE_AT(c, LT_ADMIN_UNITS, token_at_offset(c, i, q->unit_start), NULL);
    bool counted = q->count || places || q->score;   /* (a score out of its maximum: `79,35/100 điểm`) */
    bool plan_pair = counted && (t->v > t->v2 || attains_plan_after(c, q->unit_end_tok, t));
    if ((counted || q->percent) && !plan_pair) {
        q->total = t->v2;
        q->vend = t->end1;
        return PAIR_NONE;   /* one value with its total: read on as a single */
    }
    quantity q2 = *q;
    q->vend = t->end1;
    if (!emit_quantity(c, i, q, &w->nc, &w->ss, false, NULL))
        return PAIR_FAILED;
    q2.value = t->v2;
    q2.vstart = t->start2;
    q2.vend = t->end;
    const char *unit = c->out->recs[c->out->n_recs - 1].unit;
    if (!emit_quantity(c, i, &q2, &w->nc, &w->ss, true, unit))
        return PAIR_FAILED;
    c->out->fates[c->out->n_fates - 1].norm_start = t->start2;
    c->out->fates[c->out->n_fates - 2].norm_end = t->end1;
    return pair_done(w, q->unit_end_tok, q->unit_end_tok, next);
}


/* Do the units u1 and u2 of a pair across '/' measure the same thing (same
 * dimension; for counts, the same thing counted)? */
static bool same_measure(const char *u1, const char *u2)
{
    unit_info i1, i2;
    return units_resolve(NULL, u1, strlen(u1), true, &i1) == VNR_OK &&
           units_resolve(NULL, u2, strlen(u2), true, &i2) == VNR_OK &&
           strcmp(i1.dimension, i2.dimension) == 0 &&
           (strcmp(i1.dimension, "count") != 0 || strcmp(i1.canonical, i2.canonical) == 0);
}


/* "3.669,25 ha/3.621,7 ha", "52,43 tạ/51,4 tạ/ha": a value and its target
 * across '/'; when the second unit extends the first (`tạ` → `tạ/ha`), both
 * take the longer one. A count no larger than a count after it that names
 * its thing more fully (`hộ/hộ dân`) is a part of that whole (its total). */
pair_step read_slash_pair(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next)
{
    size_t u = q->unit_end_tok;
    if (!(u + 1 < w->end && is_punct(c, u, '/') && c->tv.t[u + 1].kind == TOK_NUMBER))
        return PAIR_NONE;
    const token *n = &c->tv.t[u + 1];
    quantity q2 = { .tok = u + 1, .value = n->v, .value_max = NAN, .total = NAN,
                    .vstart = n->start, .vend = n->end };
    if (!find_unit(c, u + 1, &q2))
        return PAIR_NONE;
    const char *u1 = arena_strndup(c->arena, c->text + q->unit_start, q->unit_end - q->unit_start);
    const char *u2 = arena_strndup(c->arena, c->text + q2.unit_start, q2.unit_end - q2.unit_start);
    if (!u1 || !u2)
        return PAIR_FAILED;
    size_t l1 = strlen(u1);
    bool extends = strncmp(u2, u1, l1) == 0 && strlen(u2) > l1 && u2[l1] == '/';
    /* `hộ/hộ dân`: the whole names its thing more fully */
    bool names_more = strncmp(u2, u1, l1) == 0 && u2[l1] == ' ';
    if (!extends && !names_more && !same_measure(u1, u2))
        return PAIR_NONE;
    /* `9 xã/13 xã đạt chuẩn`, `18 chỉ tiêu/22 chỉ tiêu`: places or a plan's
     * items counted out of all of them, the noun said twice */
    size_t noun = token_at_offset(c, i, q->unit_start);
    bool parts_of_all = q->count && strcmp(u1, u2) == 0 && q->value <= q2.value &&
                        (PHRASE_AT(c, LT_ADMIN_UNITS, noun, NULL) || PHRASE_AT(c, LT_PLAN_STRUCTURE, noun, NULL));
    if ((names_more || parts_of_all) && q->count && q->value <= q2.value) {
        /* `12.345 hộ/298.760 hộ dân`: a part of its whole, as `12/15 xã`
         * (`623 bản/4.000 bản` stays actual/plan) */
        q->total = q2.value;
        if (!emit_quantity(c, i, q, &w->nc, &w->ss, false, NULL) ||
            !add_fate(c, n->start, n->end, "record", c->out->n_recs - 1))
            return PAIR_FAILED;
        return pair_done(w, q2.unit_end_tok, q2.unit_end_tok, next);
    }
    if (names_more)
        return PAIR_NONE;
    if (!emit_quantity(c, i, q, &w->nc, &w->ss, false, extends ? u2 : NULL) ||
        !emit_quantity(c, u + 1, &q2, &w->nc, &w->ss, true, u2))
        return PAIR_FAILED;
    return pair_done(w, q2.consumed_end, q2.unit_end_tok, next);
}


/* `2 tỷ 415 triệu USD`, `8.160 tỷ 181 triệu đồng`: a number with a bare
 * scale word, then a smaller number whose unit opens with a smaller scale,
 * is one amount in the second unit (2.415 triệu USD); so is `12 ngàn 124
 * tỷ đồng` (thousands of the second scale: 12.124 tỷ đồng). */
pair_step read_mixed_scale(rctx *c, sentence_walk *w, size_t i, quantity *q, size_t *next)
{
    const token *t = &c->tv.t[i];
    size_t u = q->unit_end_tok;
    /* the token tests first: this runs for every number with a unit */
    if (t->kind != TOK_NUMBER || u >= w->end || c->tv.t[u].kind != TOK_NUMBER)
        return PAIR_NONE;
    double big = units_scale_word(c->text + q->unit_start, q->unit_end - q->unit_start);
    if (!big)
        return PAIR_NONE;
    const token *n = &c->tv.t[u];
    quantity q2 = { .tok = u, .value = n->v, .value_max = NAN, .total = NAN,
                    .vstart = n->start, .vend = n->end };
    if (!find_unit(c, u, &q2))
        return PAIR_NONE;
    const char *u2 = c->text + q2.unit_start;
    size_t len2 = q2.unit_end - q2.unit_start, word = 0;
    while (word < len2 && u2[word] != ' ')
        word++;
    double small = units_scale_word(u2, word);
    if (!small || word == len2)
        return PAIR_NONE;
    /* the second part counts less than one of the first scale; or the
     * first scale counts thousands of the second's (`12 ngàn 124 tỷ
     * đồng`, `107 nghìn 700 tỷ đồng`: 12.124 tỷ đồng) */
    double factor = small < big ? big / small : big;
    if (small == big || !(n->v >= 0 && n->v < factor) || (small > big && big != 1e3))
        return PAIR_NONE;
    q2.tok = i;
    q2.value = t->v * factor + n->v;
    q2.vstart = q->vstart;
    if (!emit_quantity(c, i, &q2, &w->nc, &w->ss, false, NULL) ||
        !add_fate(c, n->start, n->end, "record", c->out->n_recs - 1))
        return PAIR_FAILED;
    return pair_done(w, q2.consumed_end, q2.unit_end_tok, next);
}
