/*
 * baseline.c — recognize stage: what a change, index or attainment is compared with: `so với …` phrases before or after the value, plan words, compared periods, and the baseline a chain or a paragraph carries.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "period.h"

#include <stdio.h>
#include <string.h>

/* "so với" at token k: 2 tokens, else 0. */
size_t so_voi_at(const rctx *c, size_t k)
{
    return tok_is(c, k, "so") && tok_is(c, k + 1, "với") ? 2 : 0;
}


/* A baseline phrase starting at token i (optionally after "so với"/"so"). */
/* `so với tháng 3/2023` in an April release: a period phrase right after
 * `so với`, read by the period grammar and set against the document's
 * period (period_baseline). Returns the tokens it spans, its code in buf. */
size_t compared_period_at(rctx *c, size_t k, char *buf, size_t cap)
{
    size_t e = k;
    while (e < c->tv.n && e < k + 8 && !is_boundary(c, e) && !is_strong_boundary(c, e))
        e++;
    if (e == k)
        return 0;
    char low[256];
    size_t span = c->tv.t[e - 1].end - c->tv.t[k].start;
    if (span >= sizeof low / 2)
        return 0;
    size_t n = utf8_lower(c->text + c->tv.t[k].start, span, low, sizeof low);
    period_ref p;
    size_t date_end = period_year_end_date(low, n, &p.year);
    if (date_end) {
        /* `so với 31/12/2023`, `so với thời điểm 31/12/2023` */
        snprintf(buf, cap, "year_end:%d", p.year);
        p.end = date_end;
    } else if (!period_next(low, n, 0, &p) || p.start > 0) {
        return 0;
    } else {
        period_ref current = { .kind = (period_kind)c->meta->period_kind, .n = c->meta->period_n,
                               .year = c->meta->year };
        if (!period_baseline(&p, &current, c->meta->year, buf, cap))
            return 0;
    }
    size_t used = 0;
    while (k + used < e && c->tv.t[k + used].end - c->tv.t[k].start <= p.end)
        used++;
    return used ? used : 1;
}


const char *baseline_at(rctx *c, size_t i, size_t *consumed)
{
    char buf[32];
    size_t k = i;
    size_t sv = so_voi_at(c, k);
    if (!sv)
        sv = tok_is(c, k, "so") ? 1 : 0;
    k += sv;
    size_t used_period = sv ? compared_period_at(c, k, buf, sizeof buf) : 0;
    if (used_period) {
        *consumed = k + used_period - i;
        return arena_strdup(c->arena, buf);
    }
    size_t idx;
    size_t m = PHRASE_AT(c, LT_BASELINES, k, &idx);
    if (!m)
        return NULL;
    const char *code = baselines[idx].code;
    size_t end = k + m;
    if (code[strlen(code) - 1] == ':') {
        /* year: / year_end: need the year that follows */
        if (end < c->tv.n && c->tv.t[end].kind == TOK_NUMBER && (c->tv.t[end].flags & NUM_YEARLIKE)) {
            snprintf(buf, sizeof buf, "%s%d", code, (int)c->tv.t[end].v);
            *consumed = end + 1 - i;
            return arena_strdup(c->arena, buf);
        }
        if (strcmp(code, "year:") == 0)
            return NULL; /* "năm" alone is not a baseline */
        if (c->meta->year) {
            snprintf(buf, sizeof buf, "%s%d", code, c->meta->year - 1);
            *consumed = end - i;
            return arena_strdup(c->arena, buf);
        }
        return NULL;
    }
    if (!sv && strcmp(code, "plan") != 0 && strncmp(code, "budget", 6) != 0 &&
        strcmp(code, "same_period_last_year") != 0)
        return NULL; /* "năm trước" without "so với" is not necessarily a baseline */
    *consumed = end - i;
    return code;
}


bool gap_skippable(rctx *c, size_t a, size_t b)
{
    size_t k = a;
    while (k < b) {
        const token *t = &c->tv.t[k];
        if (t->kind == TOK_PUNCT && (t->cp == ',' || t->cp == '(' || t->cp == ')')) {
            k++;
            continue;
        }
        if (t->kind == TOK_FOOTNOTE) {
            k++;
            continue;
        }
        size_t m = PHRASE_AT(c, LT_QUALIFIERS, k, NULL);
        if (!m)
            m = PHRASE_AT(c, LT_ESTIMATES, k, NULL);
        if (!m)
            m = PHRASE_AT(c, LT_GAP_WORDS, k, NULL);
        if (!m) {
            size_t used;
            if (baseline_at(c, k, &used))
                m = used;
        }
        if (!m)
            return false;
        k += m;
    }
    return true;
}


/* Baseline stated after the quantity, before the clause ends. */
const char *baseline_after(rctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to && k < from + 12; k++) {
        if (is_strong_boundary(c, k) || (is_numeric(&c->tv.t[k]) && k > from))
            break;
        if (is_punct(c, k, '(') || is_punct(c, k, ','))
            continue;
        size_t used;
        if (tok_is(c, k, "so") || PHRASE_AT(c, LT_BASELINES, k, NULL)) {
            const char *b = baseline_at(c, k, &used);
            if (b)
                return b;
        }
    }
    return NULL;
}


/* "so với X" stated before the trigger, inside the same segment. */
const char *baseline_before(rctx *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++) {
        if (tok_is(c, k, "so")) {
            size_t used;
            const char *b = baseline_at(c, k, &used);
            if (b)
                return b;
        }
    }
    return NULL;
}


/* "so với dự toán TW giao đạt 62%": a plan named before the trigger. */
const char *plan_before(const rctx *c, size_t i)
{
    size_t k = i;
    while (k > 0 && k + LOOKBACK > i && !is_punct(c, k - 1, ';') && !is_punct(c, k - 1, '.') &&
           !is_numeric(&c->tv.t[k - 1]))
        k--;
    for (; k + 1 < i; k++)
        if (tok_is(c, k, "so") && so_voi_at(c, k)) {
            size_t idx;
            if (PHRASE_AT(c, LT_PLAN_WORDS, k + 2, &idx))
                return plan_words[idx].code;
        }
    return NULL;
}


/* A plan word right after a percentage: "99,5% KH", "144,6% dự toán TW giao". */
const char *plan_after(const rctx *c, size_t k)
{
    if (so_voi_at(c, k))
        k += 2;
    else if (tok_is(c, k, "so"))
        k += 1;
    size_t idx;
    if (PHRASE_AT(c, LT_PLAN_WORDS, k, &idx))
        return plan_words[idx].code;
    return NULL;
}


/* Give chain members without a baseline the one stated later in the sentence. */
void settle_chain_baseline(rctx *c, sentence_state *ss)
{
    if (ss->pending_baseline_from == NONE)
        return;
    const char *later = NULL;
    for (size_t k = c->out->n_recs; k > ss->pending_baseline_from; k--) {
        vnr_record *r = &c->out->recs[k - 1];
        if (r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
            strcmp(r->baseline, "plan") != 0) {
            later = r->baseline;
            break;
        }
    }
    /* "So với tháng trước, CPI giảm 0,01%. Trong 11 nhóm …, có 6 nhóm tăng
     * gồm: …": a comparison stated earlier in the paragraph reaches the
     * sentences that state none */
    bool carried = !later;
    if (!later)
        later = c->block_baseline;
    if (!later)
        return;
    for (size_t k = ss->pending_baseline_from; k < c->out->n_recs; k++) {
        vnr_record *r = &c->out->recs[k];
        if (!r->baseline && (r->role == VNR_ROLE_CHANGE || (carried && r->role == VNR_ROLE_INDEX)))
            r->baseline = later;
    }
}


/* Remember the sentence's last comparison (not a plan or budget) for the
 * sentences of the block that follow. */
void remember_block_baseline(rctx *c, const sentence_state *ss)
{
    for (size_t k = c->out->n_recs; k > ss->first_rec; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
            strcmp(r->baseline, "plan") != 0 && strncmp(r->baseline, "budget", 6) != 0) {
            c->block_baseline = r->baseline;
            return;
        }
    }
}
