/*
 * role.c — recognize stage: the role and sign of a record: its trigger, qualifiers, shares, restatements in brackets and target cues.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"

#include <math.h>
#include <string.h>

/* Nearest trigger before token i (not before lo); sets *at to its first token. */
const trigger_entry *find_trigger(const rctx *c, size_t i, size_t lo, size_t *at,
                                         size_t *len)
{
    const trigger_entry *level_word = NULL;
    size_t level_at = 0;
    for (size_t e = i; e > lo; e--) {
        size_t idx;
        size_t m = PHRASE_BEFORE(c, LT_TRIGGERS, e, lo, &idx);
        if (!m)
            continue;
        if (!gap_skippable((rctx *)c, e, i))
            break;
        const trigger_entry *tr = &triggers[idx];
        if (tr->kind == T_LEVEL) {
            /* "tăng so với năm 2020 là 170,4 tỷ" — a change verb further back wins */
            if (!level_word) {
                level_word = tr;
                level_at = e - m;
                *len = m;
            }
            e -= m - 1;
            continue;
        }
        *at = e - m;
        *len = m;
        return tr;
    }
    if (level_word)
        *at = level_at;
    return level_word;
}


vnr_qualifier qualifier_before(const rctx *c, size_t i, size_t lo)
{
    size_t idx;
    size_t e = i;
    /* skip "là" between qualifier and number: "trên 17 tỷ" / "là trên 17 tỷ" */
    if (PHRASE_BEFORE(c, LT_QUALIFIERS, e, lo, &idx))
        return qualifiers[idx].q;
    return VNR_QUALIFIER_NONE;
}


/* Is "đạt X%" here said of an amount (revenue, spending, disbursement),
 * so a share of its plan, rather than of a rate that is itself a percent? */
bool amount_context(const rctx *c, size_t i, const sentence_state *ss)
{
    if (ss->head != NONE) {
        const vnr_record *h = &c->out->recs[ss->head];
        return h->unit && strcmp(h->unit, "%") != 0 && h->dimension && strcmp(h->dimension, "currency") == 0;
    }
    size_t floor = i > LOOKBACK ? i - LOOKBACK : 0;
    size_t lo = phrase_floor(c, i, floor);
    if (lo > floor && is_punct(c, lo - 1, '('))
        lo = phrase_floor(c, lo - 1, floor);
    for (size_t k = lo; k < i; k++) {
        if ((tok_is(c, k, "tỷ") || tok_is(c, k, "tỉ")) && tok_is(c, k + 1, "lệ"))
            return false;
    }
    return PHRASE_AT(c, LT_AMOUNT_WORDS, lo, NULL) > 0;
}


/* Set the role of a new record from its trigger and surroundings. */
/* `tương đương X` restates the sentence's latest value: a change when that
 * is a change, a level when it is a level (`68,37 triệu đồng (tương đương
 * 2.873 USD)`). */
bool restates_change(const rctx *c, const sentence_state *ss)
{
    size_t n = c->out->n_recs;
    return n <= ss->first_rec || c->out->recs[n - 1].role != VNR_ROLE_LEVEL;
}


void assign_role(rctx *c, vnr_record *r, const quantity *q, const trigger_entry *tr,
                        const sentence_state *ss, const char **plan_code)
{
    *plan_code = NULL;
    const char *plan = q->percent ? plan_after(c, q->unit_end_tok) : NULL;
    trigger_kind k = tr ? tr->kind : T_NONE;
    r->role = VNR_ROLE_LEVEL;
    switch (k) {
    case T_CHANGE:
        r->role = q->times ? VNR_ROLE_INDEX : VNR_ROLE_CHANGE;
        if (tr->sign < 0 && r->role == VNR_ROLE_CHANGE) {
            r->value = -r->value;
            r->value_max = -r->value_max;
        }
        if (plan && r->role == VNR_ROLE_CHANGE) {
            /* "tăng 0,19% so với kế hoạch": change against the plan */
        }
        break;
    case T_RESTATE:
        if (plan) {
            r->role = VNR_ROLE_ATTAINMENT;
            *plan_code = plan;
        } else if (ss->last_change != NONE && restates_change(c, ss) &&
                   (strcmp(tr->phrase, "bằng") != 0 || !(q->percent && baseline_after(c, q->unit_end_tok, c->tv.n)))) {
            r->role = VNR_ROLE_CHANGE;
            if (c->out->recs[ss->last_change].value < 0)
                r->value = -r->value;
        } else if (q->percent || q->times) {
            r->role = VNR_ROLE_INDEX;
        }
        break;
    case T_INDEX:
        r->role = VNR_ROLE_INDEX;
        break;
    case T_ATTAIN:
        if (!plan && q->percent)
            plan = plan_before(c, q->tok);
        if (plan) {
            r->role = VNR_ROLE_ATTAINMENT;
            *plan_code = plan;
        } else if (q->percent && baseline_after(c, q->unit_end_tok, c->tv.n)) {
            r->role = VNR_ROLE_INDEX;   /* "đạt 128% so với cùng kỳ" */
        } else if (q->percent && amount_context(c, q->tok, ss)) {
            r->role = VNR_ROLE_ATTAINMENT;   /* "thu … (đạt 21,7%, tăng 7,6%)" */
        }
        break;
    case T_EXCEED:
        if (plan && q->percent) {
            r->role = VNR_ROLE_ATTAINMENT;
            r->value += 100;
            *plan_code = plan;
        } else {
            r->role = VNR_ROLE_CHANGE;
        }
        break;
    case T_SHARE:
        r->role = VNR_ROLE_SHARE;
        break;
    default:
        if (plan && q->percent) {
            r->role = VNR_ROLE_ATTAINMENT;
            *plan_code = plan;
        } else if (q->points) {
            r->role = VNR_ROLE_CHANGE;
        }
        break;
    }
    if (c->in_plan && r->role != VNR_ROLE_TARGET) {
        /* a plan item keeps its written sign: "Giảm số vụ phạm tội: ≥ 5%" */
        r->role = VNR_ROLE_TARGET;
        r->value = fabs(r->value);
        r->value_max = fabs(r->value_max);
    }
}


/* The indicator phrase of a quantity at token i; [*a, *b) is returned. */
/* `(+32,36 tấn)`, `giảm 0,04% (151 tấn)`, `(-11,85%)`: a bracketed value
 * with no verb of its own, right after a change or written with a sign, is
 * a change; unsigned, it takes the sign of the change it restates. */
void bracket_restatement(const rctx *c, vnr_record *r, const quantity *q,
                                const sentence_state *ss)
{
    size_t i = q->tok, n = c->out->n_recs;
    if (i == 0 || !is_punct(c, i - 1, '(') || r->role != VNR_ROLE_LEVEL || q->count)
        return;
    bool written_sign = c->tv.t[i].flags & NUM_SIGNED;
    bool after_change = n > ss->first_rec && c->out->recs[n - 1].role == VNR_ROLE_CHANGE;
    if (!written_sign && !after_change)
        return;
    r->role = VNR_ROLE_CHANGE;
    if (!written_sign && c->out->recs[n - 1].value < 0) {
        r->value = -fabs(r->value);
        r->value_max = -fabs(r->value_max);
    }
}


/* A plan word before the value in its ';'-clause, after the last word of
 * an outcome: `phấn đấu … đạt 8%, thu ngân sách 5.200 tỷ đồng`,
 * `kế hoạch năm 2020 (tăng 7-8%)`. A longer phrase
 * that names a programme or an attainment (`chương trình mục tiêu`, `đạt
 * kế hoạch`) and a document number (`Kế hoạch số 12`) are no cue. */

/* How far back (tokens) a target cue reaches. */
enum { CUE_REACH = 64 };


bool target_cue_before(const rctx *c, size_t i, size_t floor, size_t sent_start, bool count)
{
    size_t seg = segment_start(c, i, floor);
    if (seg > floor && is_punct(c, seg - 1, '('))
        seg = segment_start(c, seg - 1, floor);
    /* a cue far back in a huge clause governs nothing here; the bound keeps
     * a line of a million values linear */
    size_t lo = clause_start(c, i, i > CUE_REACH && i - CUE_REACH > sent_start ? i - CUE_REACH : sent_start);
    for (size_t k = i; k > lo; k--)
        if (PHRASE_AT(c, LT_TARGET_CUE_STOPS, k - 1, NULL)) {
            lo = k;   /* only a cue after the last outcome word counts */
            break;
        }
    for (size_t k = lo; k < i; k++) {
        size_t idx;
        size_t m = PHRASE_AT(c, LT_TARGET_CUES, k, &idx);
        if (!m || (count && !target_cues[idx].counts) || (k < seg && !target_cues[idx].sentence))
            continue;
        if (PHRASE_BEFORE(c, LT_TARGET_CUE_NOTS, k + m, k + m > 4 ? k + m - 4 : 0, NULL) ||
            (PHRASE_AT(c, LT_NON_INDICATORS, k + m, &idx) &&
             strcmp(non_indicators[idx].code, "document_number") == 0))
            continue;
        return true;
    }
    return false;
}


/* The role rules that look past the trigger: bracketed restatements,
 * target cues, shares of a structure, a plan's own outline. */
void refine_role(rctx *c, vnr_record *r, const quantity *q, const trigger_entry *tr,
                        const number_ctx *nc, const sentence_state *ss)
{
    size_t i = q->tok, n = c->out->n_recs;
    bracket_restatement(c, r, q, ss);
    if ((r->role == VNR_ROLE_LEVEL || r->role == VNR_ROLE_CHANGE) && !c->in_plan &&
        !(q->count && PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, q->unit_start), NULL)) &&
        target_cue_before(c, i, nc->floor, nc->sent_start, q->count)) {
        r->role = VNR_ROLE_TARGET;   /* `mục tiêu giảm 10%` keeps its sign */
    }
    if (r->role == VNR_ROLE_LEVEL && q->percent) {
        bool share = !tr && n > ss->first_rec && c->out->recs[n - 1].role == VNR_ROLE_SHARE;
        for (size_t k = nc->floor; k < i && !share; k++)
            share = PHRASE_AT(c, LT_SHARE_WORDS, k, NULL) != 0;
        if (share)
            r->role = VNR_ROLE_SHARE;   /* `cơ cấu … lần lượt là: 39,75%, 12,04%` */
    }
    if (c->in_plan && r->role == VNR_ROLE_TARGET && q->count &&
        PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, q->unit_start), NULL))
        r->role = VNR_ROLE_LEVEL;   /* `25 chỉ tiêu`: the plan's outline */
}
