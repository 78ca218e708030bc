/*
 * estimate.c — recognize stage: whether a record is an estimate: estimate words in its segment or its sentence, or the statement head's.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"

/* Is there an estimate word in the sentence before token `hi`, outside
 * brackets (`(đã gồm cả khoản dự kiến chuyển nguồn) tăng 4,5%`: an aside
 * estimates only its own values, through their segment)? The sentence is
 * searched once, left to right, however many values ask. */
bool estimate_word_before(const rctx *c, sentence_state *ss, size_t sent_start, size_t hi)
{
    if (ss->est_scanned < sent_start)
        ss->est_scanned = sent_start;
    size_t m;
    while (ss->est_at == NONE && ss->est_scanned < hi) {
        size_t k = ss->est_scanned++;
        if (is_punct(c, k, '('))
            ss->est_depth++;
        else if (is_punct(c, k, ')') && ss->est_depth > 0)
            ss->est_depth--;
        else if ((m = PHRASE_AT(c, LT_ESTIMATES, k, NULL)) != 0 &&
                 (ss->est_depth == 0 || (is_punct(c, k - 1, '(') && is_punct(c, k + m, ')'))))
            ss->est_at = k;   /* (a bracket of the word alone marks what follows: `thiệt hại (ước tính) 3,0 tỷ đồng`) */
    }
    return ss->est_at != NONE && ss->est_at < hi;
}


/* An estimate word inside the sentence, after a value, governs its own ';'
 * clause (`…; thu nội địa ước đạt 62,4% dự toán; giá trị xuất khẩu tăng
 * 17,4%`); one before the sentence's first value governs all of it. Does
 * an estimate word govern the value whose segment starts at `lo`? The
 * clauses after the first word are searched once, left to right. */
static bool estimate_reaches(rctx *c, draft *d, size_t lo)
{
    sentence_state *ss = d->ss;
    if (c->out->n_recs <= ss->own_first_rec ||
        c->out->recs[ss->own_first_rec].norm_start > c->tv.t[ss->est_at].start)
        return true;
    size_t clause = clause_of(c, d->i, d->nc);   /* the value's own ';' clause */
    if (ss->est_at >= clause)
        return true;
    if (ss->est_later_scanned < clause)
        ss->est_later_scanned = clause;
    for (; ss->est_later_scanned < lo; ss->est_later_scanned++)
        if (PHRASE_AT(c, LT_ESTIMATES, ss->est_later_scanned, NULL))
            ss->est_later = ss->est_later_scanned + 1;
    /* `…; chi thường xuyên … ước đạt 25% và giảm 19,2%` */
    return ss->est_later > clause && ss->est_later <= lo;
}


/* `ước tính tăng 7,15% (9 tháng năm 2023 tăng 6,02%)`, `(năm 2021:
 * 9,44%, năm 2022: 12,4%, năm 2023: 7,29%)`: is the value in a bracket
 * that opens with a period, and is the year nearest before it in that
 * bracket one before the report's? Then it is a published figure of that
 * year, no estimate of the sentence's. (A comparison inside a bracket,
 * `(… so với năm 2021)`, dates nothing.) */
static bool past_figure_aside(const rctx *c, const draft *d)
{
    size_t open = open_bracket_before(c, d->nc->sent_start, d->i);
    if (open == NONE || !c->meta->year || open + 1 >= d->i || !in_period_phrase(c, open + 1))
        return false;
    double year = 0;
    for (size_t k = open + 1; k < d->i; k++) {
        const token *t = &c->tv.t[k];
        if (t->kind == TOK_NUMBER && (t->flags & NUM_YEARLIKE) && in_period_phrase(c, k))
            year = t->v;
    }
    return year && year < c->meta->year;
}


/* Is the value an estimate? An estimate word in its segment or earlier in
 * its sentence (`Ước 6 tháng đầu năm, số lượt khách đạt …`), or the
 * statement head's estimate for a value without a verb of its own. Never
 * in a plan part, nor for a target outside an estimate word's segment. */
void estimate_step(rctx *c, draft *d)
{
    size_t est_lo = segment_start(c, d->trig_at, d->nc->floor);
    bool est = false;
    for (size_t k = est_lo; k < d->i && !est; k++)
        est = PHRASE_AT(c, LT_ESTIMATES, k, NULL) != 0;
    vnr_role role = d->r.role;
    /* a plan figure beside an estimated outcome (`ước đạt 21.400 tấn/KH
     * 21.000 tấn`, `ước đạt 58 triệu đồng (KH 55 triệu đồng)`) is not
     * estimated: only an estimate word in its own segment makes it one */
    if (role == VNR_ROLE_TARGET && (d->pair_second || !est)) {
        d->r.estimate = false;
        return;
    }
    bool own = est;   /* an estimate word in the value's own segment */
    if (!est)
        est = estimate_word_before(c, d->ss, d->nc->sent_start, est_lo) && estimate_reaches(c, d, est_lo);
    bool own_verb = d->tr && d->tr->kind != T_LEVEL;
    /* not from the head of the sentence a `Trong đó,` sentence goes on:
     * its parts are not estimated by that sentence's `ước` */
    /* (nor from a head in an earlier ';' clause, which states another
     * measure: `…; thu nội địa ước đạt 620 tỷ đồng; xuất khẩu tăng 17,4%`) */
    if (!est && d->ss->head != NONE && d->ss->head >= d->ss->own_first_rec && !d->pair_second &&
        (role != VNR_ROLE_LEVEL || !own_verb) && role != VNR_ROLE_TARGET &&
        c->out->recs[d->ss->head].norm_start >= c->tv.t[clause_of(c, d->i, d->nc)].start)
        est = c->out->recs[d->ss->head].estimate;
    /* an item of a list its sentence announced (`… ước đạt …; trong đó:`
     * then `- Kinh tế nhà nước đạt …`) */
    if (!est && c->list_item && c->list_estimate && d->ss->own_first_rec == d->ss->first_rec)
        est = true;
    /* (the bracket is looked at last: only a value estimated from outside
     * its own segment asks) */
    d->r.estimate = est && !c->in_plan && (own || !past_figure_aside(c, d));
}
