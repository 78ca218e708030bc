/*
 * role.c — recognize stage: the role and sign of a record: its trigger, qualifiers, shares, restatements in brackets and target cues.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "metadata.h"

/* Is r stated in percent? */
static bool in_percent(const vnr_record *r)
{
    return r->unit && strcmp(r->unit, "%") == 0;
}


#include <math.h>
#include <string.h>

/* Does the capitalised word k go on a name (`thành phố Cao Bằng đến 12
 * xã`): no trigger, whatever it spells. */
static bool continues_name(const rctx *c, size_t k)
{
    return k > 0 && (c->tv.t[k].flags & TOK_UPPER) && c->tv.t[k - 1].kind == TOK_WORD &&
           (c->tv.t[k - 1].flags & TOK_UPPER);
}


/* Nearest trigger before token i (not before lo); sets *at to its first
 * token. `rate`: the value is a percentage or points (a TK_RATES_ONLY
 * trigger governs nothing else: `huy động đóng góp được 33 triệu đồng`). */
const trigger_entry *find_trigger(const rctx *c, size_t i, size_t lo, bool rate, size_t *at,
                                         size_t *len)
{
    const trigger_entry *level_word = NULL;
    size_t level_at = 0;
    for (size_t e = i; e > lo; e--) {
        size_t idx;
        size_t m = PHRASE_BEFORE(c, LT_TRIGGERS, e, lo, &idx);
        if (!m)
            continue;
        if (!gap_skippable((rctx *)c, e, i)) {
            if (PHRASE_AT(c, LT_GAP_WORDS, e - m, NULL) > m)
                continue;   /* (`tăng trưởng vượt bậc ở mức 12,7%`: `vượt` opens a gap phrase) */
            break;
        }
        if (continues_name(c, e - m))
            continue;
        size_t name = PHRASE_BEFORE(c, LT_TRIGGER_NAMES, e, lo, NULL);
        if (name > m) {
            e -= name - 1;   /* a name (`vốn đăng ký tăng thêm`): a verb may stand before it */
            continue;
        }
        const trigger_entry *tr = &triggers[idx];
        if (!rate && (trigger_kind_flags[tr->kind] & TK_RATES_ONLY)) {
            e -= m - 1;
            continue;
        }
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
    if (e > lo)
        e -= PHRASE_BEFORE(c, LT_RANGE_OPENS, e, lo, NULL);   /* `khoảng từ 45 - 50%` */
    if (PHRASE_BEFORE(c, LT_QUALIFIERS, e, lo, &idx))
        return qualifiers[idx].q;
    size_t gap = e > lo ? PHRASE_BEFORE(c, LT_GAP_WORDS, e, lo, NULL) : 0;
    if (gap && PHRASE_BEFORE(c, LT_QUALIFIERS, e - gap, lo, &idx))
        return qualifiers[idx].q;   /* `tối thiểu ở mức 7-9%`, `là trên 17 tỷ` */
    return VNR_QUALIFIER_NONE;
}


/* Is "đạt X%" here said of an amount (revenue, spending, disbursement),
 * so a share of its plan, rather than of a rate that is itself a percent? */
bool amount_context(const rctx *c, size_t i, const sentence_state *ss)
{
    size_t floor = i > LOOKBACK ? i - LOOKBACK : 0;
    size_t lo = phrase_floor(c, i, floor);
    if (lo > floor && is_punct(c, lo - 1, '('))
        lo = phrase_floor(c, lo - 1, floor);
    if (ss->head != NONE) {
        /* a rate of its own after the amount is no share of its plan:
         * `thu nhập … đạt 65 triệu đồng, tỷ lệ đô thị hóa đạt 20%`, `…; tốc
         * độ tăng trưởng bình quân đạt 12,4%/năm` */
        const vnr_record *h = &c->out->recs[ss->head];
        for (size_t k = token_at_offset(c, lo, h->norm_end); k < i; k++)
            if (PHRASE_AT(c, LT_RATE_WORDS, k, NULL) || PHRASE_AT(c, LT_GROWTH_WORDS, k, NULL))
                return false;
        return h->unit && strcmp(h->unit, "%") != 0 && h->dimension && strcmp(h->dimension, "currency") == 0;
    }
    for (size_t k = lo; k < i; k++) {
        if (PHRASE_AT(c, LT_RATE_WORDS, k, NULL))
            return false;
    }
    return PHRASE_AT(c, LT_AMOUNT_WORDS, lo, NULL) > 0;
}


/* `tương đương X` restates the sentence's latest value: a change when that
 * is a change, a level when it is a level (`68,37 triệu đồng (tương đương
 * 2.873 USD)`). */
bool restates_change(const rctx *c, const sentence_state *ss)
{
    size_t n = c->out->n_recs;
    if (n <= ss->first_rec)
        return true;
    vnr_role last = c->out->recs[n - 1].role;
    /* (a share or attainment restated in money is a level: `chiếm 54%,
     * tương đương 2,6 nghìn tỷ đồng`) */
    return last != VNR_ROLE_LEVEL && last != VNR_ROLE_SHARE && last != VNR_ROLE_ATTAINMENT;
}


/*
 * The role of a value from its trigger: decision rows read top to bottom;
 * the first row whose trigger kinds include the value's and whose test
 * holds (no test: always) sets the role and runs its action. Add a row,
 * not a branch: each test and action below is one small question or step.
 */

/* What the role rows see of one value. */
typedef struct role_case {
    rctx *c;
    draft *d;
    const char *plan;   /* the plan word the tests found, for take_plan */
} role_case;

typedef bool (*role_test)(role_case *rc);
typedef void (*role_action)(role_case *rc);

typedef struct role_row {
    unsigned kinds;     /* bit (1 << trigger_kind) per kind the row is for */
    role_test when;     /* NULL: always */
    vnr_role role;
    role_action then;   /* NULL: nothing more */
} role_row;


static bool is_times(role_case *rc) { return rc->d->q->times; }
/* `đạt và vượt 16/17 chỉ tiêu`: a count of a whole says how many, whatever
 * the verb; so does a count of a plan's items (`vượt 9 chỉ tiêu`) */
static bool counts_of_whole(role_case *rc)
{
    const quantity *q = rc->d->q;
    return q->count && (!isnan(rc->d->r.total) ||
                        PHRASE_AT(rc->c, LT_PLAN_STRUCTURE, token_at_offset(rc->c, q->tok, q->unit_start), NULL));
}
static bool is_points(role_case *rc) { return rc->d->q->points; }
static bool is_score(role_case *rc) { return rc->d->q->score; }
/* An amount in a unit of its own (`chiếm trên 2.300 ha`), not a part of
 * a whole (`chiếm 16,93%`, `chiếm khoảng 1/4`). */
static bool measured_amount(role_case *rc)
{
    const quantity *q = rc->d->q;
    return q->resolved && !q->percent && !q->points && !q->times && isnan(rc->d->r.total);
}
static bool percent_or_times(role_case *rc) { return rc->d->q->percent || rc->d->q->times; }


/* `320/411 xã đạt chuẩn, tương đương 77,86%`: a percentage restating the
 * fraction of the value right before it is the share it makes. */
static bool restates_fraction(role_case *rc)
{
    const rctx *c = rc->c;
    size_t n = c->out->n_recs;
    return rc->d->q->percent && n > rc->d->ss->own_first_rec && !isnan(c->out->recs[n - 1].total) &&
           c->out->recs[n - 1].total > 0;
}
static bool percent_or_points(role_case *rc) { return rc->d->q->percent || rc->d->q->points; }
/* `đóng góp trên 51% tổng thu ngân sách cả nước`: a percentage of a total
 * or measure named right after it is a share of it (a contribution to
 * growth names none, or a growth word). */
static bool percent_of_total(role_case *rc)
{
    const rctx *c = rc->c;
    size_t k = rc->d->q->unit_end_tok;
    if (!rc->d->q->percent || k >= c->tv.n)
        return false;
    k += PHRASE_AT(c, LT_TOTAL_HEADS, k, NULL);
    return !PHRASE_AT(c, LT_GROWTH_WORDS, k, NULL) && PHRASE_AT(c, LT_MEASURE_NOUNS, k, NULL);
}
/* `Du lịch tăng trưởng mạnh với 3,1 triệu lượt khách`: an amount a change
 * verb reaches through an ENTITY_WITH word is the level it grew to (a
 * rate there is the change: `tăng cao nhất với 12%`). */
static bool amount_with(role_case *rc)
{
    const quantity *q = rc->d->q;
    size_t i = rc->d->i;
    return !q->percent && !q->points && !q->times && i > 0 && PHRASE_BEFORE(rc->c, LT_ENTITY_WITHS, i, i - 1, NULL) == 1;
}
/* An index is the period over its comparand, near 100%; a small
 * percentage after an index word is a growth rate said loosely (`tốc độ
 * phát triển bình quân 7%/năm`). */
static bool growth_not_index(role_case *rc) { return rc->d->q->percent && fabs(rc->d->r.value) < 50; }


/* `đạt 99,5% KH`, `bằng 101% dự toán`: a plan word after a percentage. */
static bool plan_follows(role_case *rc)
{
    const quantity *q = rc->d->q;
    size_t k = q->unit_end_tok;
    if (is_punct(rc->c, k, ')') && q->tok > 0 && is_punct(rc->c, q->tok - 1, '('))
        k++;   /* `đạt gần một phần ba (32,5%) kế hoạch năm` */
    rc->plan = q->percent ? plan_after(rc->c, k) : NULL;
    return rc->plan != NULL;
}


/* Is the sentence's latest record a percentage (`đạt 83,87%`)? A
 * percentage said of a rate counts points, not a share of a plan. */
static bool after_percent(const role_case *rc)
{
    const rctx *c = rc->c;
    size_t n = c->out->n_recs;
    if (n == 0 || n <= rc->d->ss->first_rec || rc->d->ss->first_rec == NONE)
        return false;
    const vnr_record *last = &c->out->recs[n - 1];
    /* (not of another measure named after a comma: `tỷ lệ đô thị hóa đạt
     * 37%, thu ngân sách vượt mức chỉ tiêu … 22,2%`) */
    for (size_t k = rc->d->trig_at; k > 0 && c->tv.t[k - 1].start >= last->norm_end; k--)
        if ((is_punct(c, k - 1, ',') || is_punct(c, k - 1, ';')) && k < rc->d->trig_at)
            return false;
    return in_percent(last);
}


/* `vượt dự toán 9%`, `vượt chỉ tiêu Quốc hội giao 5%`: the plan right
 * after the trigger, the percentage after it in the same clause — not
 * `đạt 83,87% (vượt mục tiêu 3,87%)`, points above a target rate. */
static bool plan_between(role_case *rc)
{
    const draft *d = rc->d;
    size_t k = d->trig_at + d->trig_len;
    if (!d->q->percent || !d->tr || k >= d->i || after_percent(rc))
        return false;
    for (size_t j = k; j < d->i; j++)   /* (the plan's year may stand there: `vượt kế hoạch năm 2024 khoảng 6%`) */
        if (rc->c->tv.t[j].kind == TOK_PUNCT || (is_numeric(&rc->c->tv.t[j]) && !(rc->c->tv.t[j].flags & NUM_YEARLIKE)))
            return false;
    rc->plan = plan_after(rc->c, k);
    return rc->plan != NULL;
}


/* `so với dự toán TW giao đạt 62%`: đạt may also name its plan first. */
/* `vượt 2,2 lần kế hoạch`: a multiple of the plan. */
static bool times_then_plan(role_case *rc)
{
    const quantity *q = rc->d->q;
    rc->plan = q->times ? plan_after(rc->c, q->unit_end_tok) : NULL;
    return rc->plan != NULL;
}


static bool percent_then_baseline(role_case *rc);

/* (not when a comparison of its own follows: `đạt 68,4% so với kế hoạch,
 * đạt 96,2% so với cùng kỳ năm 2022`) */
static bool plan_follows_or_precedes(role_case *rc)
{
    if (plan_follows(rc))
        return true;
    rc->plan = rc->d->q->percent && !percent_then_baseline(rc) ? plan_before(rc->c, rc->d->q->tok) : NULL;
    return rc->plan != NULL;
}


/* `đạt 128% so với cùng kỳ`: a percentage compared with a baseline. */
static bool percent_then_baseline(role_case *rc)
{
    const quantity *q = rc->d->q;
    /* (or a comparand no BASELINE row names: `bằng 97% so với bình quân
     * vùng miền núi phía Bắc`) */
    return q->percent && (baseline_after(rc->c, q->unit_end_tok, rc->c->tv.n) ||
                          (q->unit_end_tok < rc->c->tv.n && compare_word_at(rc->c, q->unit_end_tok, true)));
}


/* `tăng ở 57 địa phương`: a count right after an LW_PLACES_AT word counts
 * places, whatever the verb before it. */
static bool counts_places(role_case *rc)
{
    size_t i = rc->d->q->tok;
    size_t idx;
    return rc->d->q->count && i > 0 && PHRASE_BEFORE(rc->c, LT_LINK_WORDS, i, rc->d->nc->sent_start, &idx) &&
           link_words[idx].kind == LW_PLACES_AT;
}


/* `doanh thu du lịch vượt 12,8 nghìn tỷ đồng`: an amount past which a
 * measure went, with no plan or comparison around it, is a level the
 * measure is more than. */
static bool amount_compared_with_nothing(role_case *rc)
{
    const quantity *q = rc->d->q;
    return !q->percent && !q->points && !q->times &&
           !baseline_after(rc->c, q->unit_end_tok, rc->c->tv.n) && !plan_before(rc->c, q->tok) &&
           !plan_after(rc->c, q->unit_end_tok);
}
static void more_than(role_case *rc) { rc->d->r.qualifier = VNR_QUALIFIER_GT; }


/* How far before a verb of being its comparison may start (`so với
 * cùng kỳ năm trước là 103,1%`). */
enum { COMPARED_BEFORE_REACH = 8 };

/* `Chỉ số giá đô la Mỹ tăng bình quân 6 tháng so với cùng kỳ là 2,35%`:
 * a change verb before the comparison at k, in the value's stretch from
 * floor, states what the percentage is (a change, no index). */
static const trigger_entry *change_verb_before(const rctx *c, size_t k, size_t floor)
{
    enum { VERB_REACH = 12 };
    size_t idx;
    for (size_t j = k; j > floor && j + VERB_REACH > k; j--) {
        if (is_strong_boundary(c, j - 1) || is_punct(c, j - 1, ','))
            return NULL;
        if (PHRASE_AT(c, LT_TRIGGERS, j - 1, &idx) && triggers[idx].kind == T_CHANGE)
            return &triggers[idx];
    }
    return NULL;
}


/* The comparison that ends right before the value's verb of being (`…
 * so với cùng kỳ là 2,35%`): its first token, or NONE. */
static size_t comparison_before_verb(const role_case *rc)
{
    const draft *d = rc->d;
    if (!d->q->percent || !d->tr || d->trig_at >= d->i)
        return NONE;
    size_t lo = d->trig_at > COMPARED_BEFORE_REACH ? d->trig_at - COMPARED_BEFORE_REACH : 0;
    if (lo < d->nc->sent_start)
        lo = d->nc->sent_start;
    for (size_t k = d->trig_at; k-- > lo;) {
        size_t used;
        if (compare_word_at(rc->c, k, true) && baseline_at(rc->c, k, &used))
            return k + used == d->trig_at ? k : NONE;
    }
    return NONE;
}


/* `Chỉ số giá đô la Mỹ tăng bình quân 6 tháng so với cùng kỳ là 2,35%`:
 * the change the verb before the comparison states. */
static bool change_before_comparison(role_case *rc)
{
    size_t k = comparison_before_verb(rc);
    return k != NONE && change_verb_before(rc->c, k, rc->d->nc->floor);
}


static void make_fall(vnr_record *r);


static void sign_of_verb_before(role_case *rc)
{
    const trigger_entry *verb = change_verb_before(rc->c, comparison_before_verb(rc), rc->d->nc->floor);
    if (verb && verb->sign < 0)
        make_fall(&rc->d->r);
}


/* `CPI … so với tháng trước là 100,35%`: a percentage that a comparison
 * right before its verb of being measures is an index of the comparand. */
static bool percent_after_comparison(role_case *rc)
{
    return comparison_before_verb(rc) != NONE;
}


/* `…, so với cùng kỳ năm trước đạt 92,6%`, `so với năm 2023 đạt 102,6%`:
 * the same after `đạt`, when the comparand is no plan (`so với dự toán
 * đạt 62%` is an attainment) and no plan follows the value. */
static bool percent_after_outcome_comparison(role_case *rc)
{
    size_t k = comparison_before_verb(rc), used;
    const char *code = k != NONE ? baseline_at(rc->c, k, &used) : NULL;
    return code && !(baseline_flags(code) & (BC_PLAN | BC_BUDGET)) && !plan_follows(rc);
}


/* `thu … (đạt 21,7%, tăng 7,6%)`: a percentage of an amount is its plan's share. */
static bool percent_of_amount(role_case *rc)
{
    return rc->d->q->percent && amount_context(rc->c, rc->d->q->tok, rc->d->ss);
}


/* `Lúa xuân đã cấy 12.300 ha, đạt 100,5% kế hoạch, …; ngô đã trồng 9.150
 * ha, đạt 97,4%, …` (or `vượt 12,4%` after `vượt 15,2% dự toán`): a
 * percentage right after an amount, where an earlier item of the sentence
 * gave its amount's attainment of a plan, is of that plan too (rc->plan:
 * its baseline). */
static bool parallel_attainment(role_case *rc)
{
    const rctx *c = rc->c;
    const sentence_state *ss = rc->d->ss;
    size_t n = c->out->n_recs;
    if (!rc->d->q->percent || ss->first_rec == NONE || n < ss->first_rec + 3 ||
        c->out->recs[n - 1].role != VNR_ROLE_LEVEL || in_percent(&c->out->recs[n - 1]))
        return false;
    enum { RECORDS_BACK = 32 };   /* (each value's look is bounded: a line of a million values stays linear) */
    for (size_t k = n - 1; k > ss->first_rec && k + RECORDS_BACK > n; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->role == VNR_ROLE_ATTAINMENT && r->baseline && k >= ss->first_rec + 2 &&
            c->out->recs[k - 2].role == VNR_ROLE_LEVEL && !in_percent(&c->out->recs[k - 2])) {
            rc->plan = r->baseline;
            return true;
        }
    }
    return false;
}


/* `tăng 5%, tương đương 120 tỷ đồng`: restates the sentence's latest change. */
static bool restates_last_change(role_case *rc)
{
    size_t last = rc->d->ss->last_change;
    if (last == NONE || !restates_change(rc->c, rc->d->ss))
        return false;
    /* a percentage is no restatement of a change in percent: `tăng 12,5%.
     * Trong đó, ngành khai khoáng bằng 95,4%` is an index */
    const vnr_record *ch = &rc->c->out->recs[last];
    return !(rc->d->q->percent && in_percent(ch));
}


/* Is percentage `p` after change `ch` the change restated (`giảm 1.686 ha
 * (bằng 2,24%)`) rather than the level as an index of the one compared
 * with (`tăng 319 con (bằng 100,31%)`)? Arithmetic decides when the
 * level before the change is known (`level`, NULL if not): the nearer of
 * the two readings; else a restated change is the smaller number. */
static bool restates_as_percent(const vnr_record *level, const vnr_record *ch, double p)
{
    enum { INDEX_FLOOR = 50 };
    if (!level || !ch->unit || !level->unit || strcmp(level->unit, ch->unit) != 0)
        return p < INDEX_FLOOR;
    double before = level->value - ch->value;
    if (!(before > 0))
        return p < INDEX_FLOOR;
    double as_change = fabs(ch->value) / before * 100, as_index = level->value / before * 100;
    return fabs(p - as_change) < fabs(p - as_index);
}


/* `giảm 1.686 ha (bằng 2,24%) so với vụ mùa`: a bracket that opens with
 * the trigger right after a change restates that change, whatever
 * comparison follows the bracket (when the arithmetic says so). */
static bool bracket_restates_change(role_case *rc)
{
    const draft *d = rc->d;
    size_t n = rc->c->out->n_recs;
    if (!d->tr || !d->q->percent || d->trig_at == 0 || !is_punct(rc->c, d->trig_at - 1, '(') ||
        !restates_last_change(rc) || d->ss->last_change != n - 1)
        return false;
    const vnr_record *ch = &rc->c->out->recs[n - 1];
    const vnr_record *level = n >= 2 && n - 2 >= d->ss->first_rec &&
                                      rc->c->out->recs[n - 2].role == VNR_ROLE_LEVEL
                                  ? &rc->c->out->recs[n - 2]
                                  : NULL;
    return restates_as_percent(level, ch, d->r.value);
}


/* `bằng 95,4% diện tích gieo trồng`: a percentage of another measure
 * named right after it is a level (a ratio), not an index or a plan's share. */
static bool of_measure(role_case *rc) { return rc->d->ratio_of_measure; }


/* `xăng +8,1%, gas -1,2%`: a percentage written with its sign and no
 * verb is a change. */
static bool signed_percent(role_case *rc)
{
    size_t i = rc->d->i;
    if (!(rc->c->tv.t[i].flags & NUM_SIGNED))
        return false;
    /* (an amount too, in a bracket of changes: `(+8,5%; +2.100 tỷ đồng)`) */
    return rc->d->q->percent || (i > 0 && (is_punct(rc->c, i - 1, '(') || is_punct(rc->c, i - 1, ';')));
}


/* `So với cùng kỳ tăng 6 vụ, tỷ lệ 17,6%`: a percentage right after a
 * RATE_WORD and the comma that ends a change of a count (nothing else
 * between) restates that change as a rate. */
static bool rate_restates_change(role_case *rc)
{
    const rctx *c = rc->c;
    size_t i = rc->d->i, last = rc->d->ss->last_change, n = c->out->n_recs;
    if (!rc->d->q->percent || last == NONE || last != n - 1 || in_percent(&c->out->recs[last]))
        return false;
    enum { NOUN_WORDS = 4 };
    size_t m = i > 1 ? PHRASE_BEFORE(c, LT_RATE_WORDS, i, rc->d->nc->sent_start, NULL) : 0;
    if (!m || i < m + 1 || !is_punct(c, i - m - 1, ','))
        return false;
    size_t comma = i - m - 1, k = token_at_offset(c, 0, c->out->recs[last].norm_end);
    if (comma < k || comma - k > NOUN_WORDS)
        return false;
    for (; k < comma; k++)
        if (c->tv.t[k].kind != TOK_WORD)
            return false;   /* (only the change's noun: `6 vụ`, `3 người chết`) */
    return true;
}


/* `CPI tăng 3,2% (cả nước 3,8%)`, `…, cao hơn mức trung bình cả nước
 * 7,52%`: a bare percentage right after the place another value of the
 * sentence's latest change is of (a BASELINE of BC_PLACE) is that
 * place's change. */
static bool place_figure_beside_change(role_case *rc)
{
    const rctx *c = rc->c;
    size_t i = rc->d->i, last = rc->d->ss->last_change, n = c->out->n_recs, idx;
    if (!rc->d->q->percent || last == NONE || last != n - 1 || !in_percent(&c->out->recs[last]) || i == 0)
        return false;
    size_t m = PHRASE_BEFORE(c, LT_BASELINES, i, rc->d->nc->sent_start, &idx);
    return m && (baseline_codes[baselines[idx].id].flags & BC_PLACE);
}


/* A percentage with no verb, compared with an earlier time right after
 * it (`…, bằng 78,2% kế hoạch năm 2023 và 104,5% so với cùng kỳ`): a
 * ratio near 100 is an index. */
static bool compared_ratio(role_case *rc)
{
    const quantity *q = rc->d->q;
    size_t k = q->unit_end_tok, used;
    const char *b = q->percent && q->value >= 50 && k < rc->c->tv.n && compare_word_at(rc->c, k, false)
                        ? baseline_at(rc->c, k, &used) : NULL;
    return b && !(baseline_flags(b) & (BC_PLAN | BC_BUDGET | BC_PLACE));
}


static void take_plan(role_case *rc) { rc->d->plan_code = rc->plan; }
static void mark_restated(role_case *rc) { rc->d->restates_fraction = true; }


/* A fall: the value (and a range's upper bound) below zero, however many
 * signs the text wrote (`giảm 1,2%`, `giảm -1,2%`). */
static void make_fall(vnr_record *r)
{
    r->value = -fabs(r->value);
    r->value_max = -fabs(r->value_max);
}


/* A value with its verb left out goes on with a change: it is one, a
 * fall when `falls` (the sign of the change or verb it goes on with). */
static void become_change(draft *d, bool falls)
{
    d->r.role = VNR_ROLE_CHANGE;
    if (falls)
        make_fall(&d->r);
}


static void apply_trigger_sign(role_case *rc)
{
    if (rc->d->tr->sign < 0)
        make_fall(&rc->d->r);
}


static void sign_of_last_change(role_case *rc)
{
    if (rc->c->out->recs[rc->d->ss->last_change].value < 0)
        make_fall(&rc->d->r);
}


/* The change restated as a rate: its sign, and (indicator.c) its measure. */
static void restated_rate(role_case *rc)
{
    sign_of_last_change(rc);
    rc->d->restates_rate = true;
}


/* `vượt 5% kế hoạch`: 105% of the plan. */
static void exceed_plan(role_case *rc)
{
    rc->d->r.value += 100;
    take_plan(rc);
}


#define K(kind) (1u << (kind))
/* A value with no verb of its own, or only a verb of being. */
#define NO_VERB (K(T_NONE) | K(T_LEVEL) | K(T_TO_LEVEL))

static const role_row role_rows[] = {
    { K(T_CHANGE), counts_places, VNR_ROLE_LEVEL, NULL },
    { K(T_CHANGE), is_times, VNR_ROLE_INDEX, NULL },   /* `tăng 1,5 lần` */
    { K(T_CHANGE), amount_with, VNR_ROLE_LEVEL, NULL },
    { K(T_CHANGE), NULL, VNR_ROLE_CHANGE, apply_trigger_sign },
    { K(T_RESTATE) | K(T_EQUAL), plan_follows, VNR_ROLE_ATTAINMENT, take_plan },
    { K(T_RESTATE) | K(T_EQUAL), restates_fraction, VNR_ROLE_SHARE, mark_restated },
    { K(T_RESTATE) | K(T_EQUAL), bracket_restates_change, VNR_ROLE_CHANGE, sign_of_last_change },
    { K(T_EQUAL), percent_then_baseline, VNR_ROLE_INDEX, NULL },   /* `bằng 105% so với cùng kỳ` */
    { K(T_EQUAL) | K(T_ATTAIN), of_measure, VNR_ROLE_LEVEL, NULL },   /* `bằng 95% diện tích gieo trồng` */
    { K(T_RESTATE) | K(T_EQUAL), restates_last_change, VNR_ROLE_CHANGE, sign_of_last_change },
    { K(T_RESTATE) | K(T_EQUAL), percent_or_times, VNR_ROLE_INDEX, NULL },
    { K(T_INDEX), growth_not_index, VNR_ROLE_CHANGE, NULL },
    { K(T_INDEX), NULL, VNR_ROLE_INDEX, NULL },
    { K(T_ATTAIN), percent_after_outcome_comparison, VNR_ROLE_INDEX, NULL },
    { K(T_ATTAIN), plan_follows_or_precedes, VNR_ROLE_ATTAINMENT, take_plan },
    { K(T_ATTAIN), percent_then_baseline, VNR_ROLE_INDEX, NULL },
    { K(T_ATTAIN), percent_of_amount, VNR_ROLE_ATTAINMENT, NULL },
    { K(T_ATTAIN), parallel_attainment, VNR_ROLE_ATTAINMENT, take_plan },
    { K(T_EXCEED), counts_of_whole, VNR_ROLE_LEVEL, NULL },
    { K(T_EXCEED), times_then_plan, VNR_ROLE_INDEX, take_plan },   /* `vượt 2,2 lần kế hoạch` */
    { K(T_EXCEED), plan_follows, VNR_ROLE_ATTAINMENT, exceed_plan },
    { K(T_EXCEED), plan_between, VNR_ROLE_ATTAINMENT, exceed_plan },   /* `vượt dự toán 9%` */
    { K(T_EXCEED), parallel_attainment, VNR_ROLE_ATTAINMENT, exceed_plan },   /* `…; thu nội địa đạt 10.300 tỷ đồng, vượt 12,4%` */
    { K(T_EXCEED), amount_compared_with_nothing, VNR_ROLE_LEVEL, more_than },
    { K(T_EXCEED), NULL, VNR_ROLE_CHANGE, NULL },
    { K(T_SHARE), is_points, VNR_ROLE_CHANGE, NULL },   /* `chiếm 2,35 điểm % mức tăng`: a contribution */
    { K(T_SHARE), measured_amount, VNR_ROLE_LEVEL, NULL },   /* `bệnh đạo ôn chiếm trên 2.300 ha` */
    { K(T_SHARE), NULL, VNR_ROLE_SHARE, NULL },
    /* `đóng góp 0,85%`, `đóng góp 3,95 điểm phần trăm` to growth: a change;
     * `đóng góp 25.601 ngày công` is an amount */
    { K(T_CONTRIBUTE), percent_of_total, VNR_ROLE_SHARE, NULL },
    { K(T_CONTRIBUTE), percent_or_points, VNR_ROLE_CHANGE, NULL },
    { NO_VERB, plan_follows, VNR_ROLE_ATTAINMENT, take_plan },
    { K(T_LEVEL), change_before_comparison, VNR_ROLE_CHANGE, sign_of_verb_before },
    { K(T_LEVEL), percent_after_comparison, VNR_ROLE_INDEX, NULL },
    { NO_VERB, is_score, VNR_ROLE_LEVEL, NULL },   /* `đứng thứ 3 với 7,12 điểm`, `là 6,41 điểm` */
    { NO_VERB, is_points, VNR_ROLE_CHANGE, NULL },   /* `giảm … 0,5 điểm phần trăm` */
    { NO_VERB, signed_percent, VNR_ROLE_CHANGE, NULL },   /* `xăng +8,1%` */
    { NO_VERB, rate_restates_change, VNR_ROLE_CHANGE, restated_rate },   /* `tăng 6 vụ, tỷ lệ 17,6%` */
    { NO_VERB, place_figure_beside_change, VNR_ROLE_CHANGE, NULL },   /* `(cả nước 3,8%)` */
    { NO_VERB, compared_ratio, VNR_ROLE_INDEX, NULL },    /* `… và 104,5% so với cùng kỳ` */
};


/* A target that keeps its written sign (GUIDELINES, Sign): the value
 * (and a range's upper bound) as written, whatever verb stands before. */
static void make_written_target(vnr_record *r)
{
    r->role = VNR_ROLE_TARGET;
    r->value = fabs(r->value);
    r->value_max = fabs(r->value_max);
}


/* Set the role of a new record from its trigger (the rows above); in a
 * plan part every value is a target. */
void assign_role(rctx *c, draft *d)
{
    role_case rc = { c, d, NULL };
    trigger_kind kind = d->tr ? d->tr->kind : T_NONE;
    const quantity *q = d->q;
    /* asked once here; the role rows, the thing a value names and where the
     * next phrase starts all use the answer */
    d->ratio_of_measure = q->percent && q->unit_end_tok < c->tv.n &&
                          PHRASE_AT(c, LT_MEASURE_NOUNS, q->unit_end_tok, NULL);
    d->plan_code = NULL;
    d->r.role = VNR_ROLE_LEVEL;
    for (size_t k = 0; k < COUNT_OF(role_rows); k++) {
        const role_row *row = &role_rows[k];
        if (!(row->kinds & K(kind)) || (row->when && !row->when(&rc)))
            continue;
        d->r.role = row->role;
        if (row->then)
            row->then(&rc);
        break;
    }
    if (c->in_plan && d->r.role != VNR_ROLE_TARGET)
        make_written_target(&d->r);   /* a plan item: "Giảm số vụ phạm tội: ≥ 5%" */
}


/* Does a ';' stand between the previous record and token i? Then that
 * record belongs to an earlier item: `… tăng 12,5%); hạt điều (214,6
 * triệu USD …` */
static bool item_break_before(const rctx *c, size_t i)
{
    uint32_t prev_end = c->out->recs[c->out->n_recs - 1].norm_end;
    size_t idx;
    for (size_t k = i; k > 0 && c->tv.t[k - 1].start >= prev_end; k--)
        if (is_punct(c, k - 1, ';') ||
            (PHRASE_AT(c, LT_TRIGGERS, k - 1, &idx) && triggers[idx].kind == T_SHARE))
            return true;   /* (`…, trong đó thu nội địa chiếm tỷ trọng chủ yếu (88,4%)`:
                            * the share's own value) */
    return false;
}


/* `(+32,36 tấn)`, `giảm 0,04% (151 tấn)`, `(-11,85%)`: a bracketed value
 * with no verb of its own, right after a change (in the same item) or
 * written with a sign, is a change; unsigned, it takes the sign of the
 * change it restates. */
size_t rate_words_before(const rctx *c, size_t i)
{
    size_t k = i, idx, m;
    k -= k > 0 ? PHRASE_BEFORE(c, LT_RANGE_OPENS, k, k > 3 ? k - 3 : 0, NULL) : 0;   /* `(từ 1-1,5%)` */
    if (k > 0 && (m = PHRASE_BEFORE(c, LT_RATE_WORDS, k, k > 3 ? k - 3 : 0, NULL)) != 0) {
        k -= m;   /* (not `(có 228 ha …)`: a verb alone names a thing of its own) */
        if (k > 0 && (m = PHRASE_BEFORE(c, LT_TRIGGERS, k, k > 3 ? k - 3 : 0, &idx)) != 0 &&
            (triggers[idx].kind == T_ATTAIN || triggers[idx].kind == T_LEVEL))
            k -= m;
    }
    return k;
}


/* Does a bracket open right before value i, perhaps with a rate word
 * and a verb of being between (`(8,5%)`, `(đạt tỷ lệ 8,5%)`)? */
static bool opens_bracket_before(const rctx *c, size_t i)
{
    size_t k = rate_words_before(c, i);
    return k > 0 && is_punct(c, k - 1, '(');
}


/* The comparison between the change ch and the bracket opening at token
 * open (`thấp hơn 5,25% so với chỉ tiêu được giao (91,5%)`): its code,
 * or NULL when none stands there. */
static const char *comparison_before_bracket(rctx *c, const vnr_record *ch, size_t open)
{
    enum { REACH = 24 };
    size_t used;
    for (size_t k = open > REACH ? open - REACH : 0; k < open; k++)
        if (c->tv.t[k].start >= ch->norm_end && compare_word_at(c, k, false)) {
            const char *b = baseline_at(c, k, &used);
            if (b)
                return b;
        }
    return NULL;
}


/* Does the bracket after a change and its comparison hold the value
 * compared with (`giảm 12,4% so với cùng kỳ năm 2023 (60 tỷ đồng)`, the
 * level before it 52,6 tỷ đồng) rather than the change in money? The
 * nearer of the two readings of the level before the change. */
static bool holds_comparand(const rctx *c, const vnr_record *ch, const draft *d)
{
    size_t n = c->out->n_recs;
    if (n < 2 || n - 2 < d->ss->first_rec || !in_percent(ch))
        return false;
    size_t k = n - 1;   /* the level the change is of, past the plan's
                         * figures and attainments after it (`…, bằng 25%
                         * kế hoạch năm (10.000.000 lượt), tăng 12% …`) */
    while (k > d->ss->first_rec && (c->out->recs[k - 1].role == VNR_ROLE_TARGET ||
                                   c->out->recs[k - 1].role == VNR_ROLE_ATTAINMENT))
        k--;
    if (k == d->ss->first_rec)
        return false;   /* (no level of this sentence before the run) */
    const vnr_record *level = &c->out->recs[k - 1];
    if (level->role != VNR_ROLE_LEVEL || !same_unit_as(c, level, d->q) || ch->value <= -100)
        return false;
    double before = level->value / (1 + ch->value / 100);
    return fabs(d->r.value - before) < fabs(d->r.value - fabs(level->value - before));
}


/* `Tổng lượt khách đạt 2.500.000 lượt, bằng 25% so với kế hoạch năm
 * (10.000.000 lượt)`: does a count in brackets count in the unit of the
 * sentence's level right before its other values (its plan's figure may
 * be it), not some other thing (`(trong đó 12 doanh nghiệp …)`)? */
static bool counts_as_statement(const rctx *c, const draft *d)
{
    enum { RECORDS_BACK = 16 };
    size_t n = c->out->n_recs;
    for (size_t k = n; k > d->ss->first_rec && k + RECORDS_BACK > n; k--) {
        const vnr_record *level = &c->out->recs[k - 1];
        if (level->role == VNR_ROLE_LEVEL)   /* (`lượt khách`, then `(10.000.000 lượt)`) */
            return same_unit_as(c, level, d->q) ||
                   (level->unit && contains_words(level->unit, c->text + d->q->unit_start,
                                                  d->q->unit_end - d->q->unit_start));
    }
    return false;
}


void bracket_restatement(rctx *c, draft *d)
{
    vnr_record *r = &d->r;
    const quantity *q = d->q;
    const sentence_state *ss = d->ss;
    size_t i = q->tok, n = c->out->n_recs;
    if (i == 0 || !opens_bracket_before(c, i) || r->role != VNR_ROLE_LEVEL)
        return;
    bool written_sign = c->tv.t[i].flags & NUM_SIGNED;
    bool after_change = n > ss->first_rec && c->out->recs[n - 1].role == VNR_ROLE_CHANGE &&
                        !item_break_before(c, i);
    size_t open = rate_words_before(c, i) - 1;
    if (!written_sign && n > ss->first_rec && plan_ends_at(c, open) && (!q->count || counts_as_statement(c, d))) {
        r->role = VNR_ROLE_TARGET;   /* `vượt kế hoạch năm (1,710 tỷ USD)`, `hoàn thành
                                      * 24,1% kế hoạch năm (1,290 tỷ USD)` */
        d->comparand = true;
        return;
    }
    if (q->count || (!written_sign && !after_change))
        return;
    const char *compared = written_sign ? NULL : comparison_before_bracket(c, &c->out->recs[n - 1], open);
    if (compared && (baseline_flags(compared) & (BC_PLAN | BC_BUDGET))) {
        r->role = VNR_ROLE_TARGET;   /* the plan's own value: `so với chỉ tiêu … (91,5%)` */
        d->comparand = true;
        return;
    }
    if (compared && holds_comparand(c, &c->out->recs[n - 1], d)) {
        d->comparand = true;   /* the level compared with stays a level */
        return;
    }
    if (!written_sign && !q->percent && same_unit_as(c, &c->out->recs[n - 1], q) &&
        fabs(r->value) > fabs(c->out->recs[n - 1].value))
        return;   /* `tăng 8.000 đ/kg (250.000-260.000 đ/kg)`: the price it rose to, no restatement */
    r->role = VNR_ROLE_CHANGE;
    if (!written_sign && c->out->recs[n - 1].value < 0)
        make_fall(r);
}


/* A plan word before the value in its ';'-clause, after the last word of
 * an outcome: `phấn đấu … đạt 8%, thu ngân sách 5.200 tỷ đồng`,
 * `kế hoạch năm 2020 (tăng 7-8%)`. A longer phrase
 * that names a programme or an attainment (`chương trình mục tiêu`, `đạt
 * kế hoạch`) and a document number (`Kế hoạch số 12`) are no cue. */

/* The plan label (`KH`, `kế hoạch năm 2025`, `chỉ tiêu tỉnh giao`) that
 * ends just before token `end`, its length in tokens plus one for the
 * colon after it; 0 when the words there are no plan label. */
static size_t plan_label_before(const rctx *c, size_t end, size_t floor)
{
    enum { LONGEST_LABEL = 9 };   /* `kịch bản tăng trưởng (KBTT)` */
    for (size_t j = end > floor + LONGEST_LABEL ? end - LONGEST_LABEL : floor; j < end; j++)
        if (plan_label_len(c, j, end) == end - j)
            return end - j + 1;
    return 0;
}


/* How far back (tokens) a target cue reaches. */
enum { CUE_REACH = 64 };


/* `so với chỉ tiêu 20.000 người`: a plan compared with (the phrase
 * [from, to) opens with a compare word) right before the value, its giver
 * aside, names the plan's figure (`vượt kế hoạch 2%` names the excess). */
static bool plan_figure_after(const rctx *c, size_t from, size_t to, size_t i)
{
    return compare_word_at(c, from, false) && to + PHRASE_AT(c, LT_PLAN_GIVERS, to, NULL) == i;
}


/* `vượt kịch bản tăng trưởng đề ra (9,96%)`: a value alone in brackets
 * after the words of the plan that ended at `to` names that plan's
 * figure, not the excess (`vượt kế hoạch 2%`). */
static bool plan_figure_in_bracket(const rctx *c, size_t to, size_t i)
{
    enum { PLAN_WORDS = 6 };
    if (i < to + 1 || i - 1 - to > PLAN_WORDS || !is_punct(c, i - 1, '('))
        return false;
    for (size_t k = to; k + 1 < i; k++)
        if (c->tv.t[k].kind != TOK_WORD)
            return false;
    return true;
}


/* An outcome word (TARGET_CUE_STOP) at k: the values after it are
 * outcomes, unless it ends a longer TARGET_CUE (`phấn đấu thực hiện một
 * số chỉ tiêu như: …` strives to achieve them). */
static bool outcome_word_at(const rctx *c, size_t k)
{
    enum { NAME_WORDS = 4 };
    size_t m = PHRASE_AT(c, LT_TARGET_CUE_STOPS, k, NULL);
    if (!m || PHRASE_BEFORE(c, LT_OUTCOME_NAMES, k + m, k + m > NAME_WORDS ? k + m - NAME_WORDS : 0, NULL) > m)
        return false;   /* (`vốn đầu tư xã hội thực hiện`: a name) */
    size_t cue = PHRASE_BEFORE(c, LT_TARGET_CUES, k + m, k + m > 4 ? k + m - 4 : 0, NULL);
    return cue <= m;
}


/* The length of a TARGET_CUE_NOT that ends where the cue at k (m tokens)
 * ends and is longer than it (`vượt kế hoạch` over `kế hoạch`), or 0: a
 * longer cue holding a shorter not-phrase stays a cue (`nhằm đạt mục
 * tiêu`). */
static size_t cue_not_len(const rctx *c, size_t k, size_t m)
{
    enum { CUE_NOT_WORDS = 6 };   /* `đã hoàn thành các mục tiêu` */
    size_t not_len = PHRASE_BEFORE(c, LT_TARGET_CUE_NOTS, k + m, k + m > CUE_NOT_WORDS ? k + m - CUE_NOT_WORDS : 0, NULL);
    return not_len > m ? not_len : 0;
}


/* `đạt 102,5% mục tiêu nghị quyết`: a cue right after a percentage names
 * the plan the value is a share of, and sets no goals. */
static bool cue_after_percent(const rctx *c, size_t k)
{
    return k > 1 && is_punct(c, k - 1, '%') && is_numeric(&c->tv.t[k - 2]);
}


bool target_cue_before(const rctx *c, size_t i, size_t floor, size_t sent_start, bool count)
{
    size_t seg = segment_start(c, i, floor);
    if (seg > floor && is_punct(c, seg - 1, ':'))
        seg -= plan_label_before(c, seg - 1, floor);   /* `(kế hoạch năm 2025: 1.000 ha)` */
    if (seg > floor && is_punct(c, seg - 1, '('))
        seg = segment_start(c, seg - 1, floor);
    /* a cue far back in a huge clause governs nothing here; the bound keeps
     * a line of a million values linear */
    size_t lo = clause_start(c, i, i > CUE_REACH && i - CUE_REACH > sent_start ? i - CUE_REACH : sent_start);
    for (size_t k = i; k > lo; k--)
        if (outcome_word_at(c, k - 1)) {
            lo = k;   /* only a cue after the last outcome word counts */
            break;
        }
    int depth = 0;   /* brackets open at k */
    for (size_t k = lo; k < i; k++) {
        depth += is_punct(c, k, '(') - is_punct(c, k, ')');
        size_t idx;
        size_t m = PHRASE_AT(c, LT_TARGET_CUES, k, &idx);
        if (!m || (cue_after_percent(c, k) && k + m != i) || (depth > 0 && brackets_close_before(c, k, i, depth)))
            continue;   /* (the plan's own figure may follow it: `110,1% kế hoạch năm là 14.000 người`;
                         * a bracket's goal is its own: `đạt 63,47% (mục tiêu 70%), còn … đạt 18,54%`) */
        size_t not_len = cue_not_len(c, k, m);
        if (not_len && (plan_figure_after(c, k + m - not_len, k + m, i) || plan_figure_in_bracket(c, k + m, i)))
            return true;   /* (a count too: `so với chỉ tiêu 20.000 người`) */
        /* a count's plan after a slash or in a bracket, right before its
         * figure (`9.410 con/KH 9.500 con`, `25.300 lao động (KH 24.000 lao
         * động)`), is one too */
        bool slashed = k > 0 && (is_punct(c, k - 1, '/') || is_punct(c, k - 1, '(')) && k + m == i;
        size_t ni_idx, ni = PHRASE_AT(c, LT_NON_INDICATORS, k + m, &ni_idx);
        if ((count && !target_cues[idx].counts && !slashed) || (k < seg && !target_cues[idx].sentence && k + m != i) ||
            not_len ||
            (ni && strcmp(non_indicators[ni_idx].code, "document_number") == 0 && k + m + ni < c->tv.n &&
             is_numeric(&c->tv.t[k + m + ni])))
            continue;   /* (`Kế hoạch số 45/KH-UBND`; not `phấn đấu số doanh nghiệp …`) */
        return true;
    }
    return false;
}


/* Is the sentence cue (`phấn đấu`, `mục tiêu`) at k a plan's, not a
 * name ending in one (`chương trình mục tiêu`)? */
static bool opens_goals(const rctx *c, size_t k, size_t *len)
{
    size_t idx, m = PHRASE_AT(c, LT_TARGET_CUES, k, &idx);
    *len = m ? m : 1;
    return m && target_cues[idx].sentence && !cue_after_percent(c, k) && !cue_not_len(c, k, m);
}


/* `Mục tiêu đến năm 2025, thu nhập … đạt 65 triệu đồng; tổng sản lượng
 * lương thực đạt 60.000 tấn`: a sentence whose first ';' clause holds a
 * sentence cue lists goals, so a value in a later clause is one too,
 * unless an outcome word stands before it in its own clause. The first
 * clause is read once per sentence. */
/* The clause that opens a sentence's list of goals: the first ';' clause
 * with a sentence cue, when the clauses before it hold no value (`Nhiệm
 * kỳ 2025-2030, Đảng bộ … tập trung xây dựng …; phấn đấu …; …`). Sets
 * ss->goal_list (0 or 1) and ss->goal_list_end (that clause's end). */
static void find_goal_list(const rctx *c, size_t sent_start, size_t sent_end, sentence_state *ss)
{
    ss->goal_list = 0;
    size_t k = sent_start, len;
    int depth = 0;   /* (a `;` inside brackets ends no clause) */
    bool value = false, first_clause = true;
    for (; k < sent_end; k += len) {
        if (depth == 0 && is_punct(c, k, ';')) {
            if (ss->goal_list || value)
                break;
            len = 1;
            first_clause = false;
            continue;   /* a preamble with no value: the goals may open in the next clause */
        }
        depth += is_punct(c, k, '(') - is_punct(c, k, ')');
        /* (after a preamble the cue opens its clause, before any value:
         * not `bố trí 100 tỷ đồng … hỗ trợ 8 xã phấn đấu đạt chuẩn …`) */
        if (opens_goals(c, k, &len) && (first_clause || !value))
            ss->goal_list = 1;
        value |= c->tv.t[k].kind == TOK_NUMBER && !(c->tv.t[k].flags & NUM_YEARLIKE);
    }
    ss->goal_list_end = k;
}

bool in_goal_list(const rctx *c, size_t i, size_t sent_start, size_t sent_end, sentence_state *ss)
{
    if (ss->goal_list < 0)
        find_goal_list(c, sent_start, sent_end, ss);
    if (ss->goal_list != 1 || i <= ss->goal_list_end)
        return false;
    size_t lo = i > CUE_REACH && i - CUE_REACH > ss->goal_list_end ? i - CUE_REACH : ss->goal_list_end;
    for (size_t k = clause_start(c, i, lo); k < i; k++)
        if (outcome_word_at(c, k))
            return false;
    return true;
}


/* `Năm 2024, huyện đề ra 18 chỉ tiêu, trong đó … thu ngân sách 520 tỷ
 * đồng`: is value i among the plan's items a count before it set, with
 * no outcome word (`kết quả có 26/29 chỉ tiêu đạt`) between? */
static bool among_plan_items(const rctx *c, const sentence_state *ss, size_t i)
{
    if (!ss->goals_from || i < ss->goals_from)
        return false;
    size_t from = i > CUE_REACH && i - CUE_REACH > ss->goals_from ? i - CUE_REACH : ss->goals_from;
    for (size_t k = from; k < i; k++)   /* (no further back than CUE_REACH: a long list stays linear) */
        if (outcome_word_at(c, k))
            return false;
    return true;
}


/* Does the sentence [s, e) set goals: a target cue that reaches the whole
 * sentence (`phấn đấu`, `mục tiêu`), with at least one target among its
 * records (from first_rec on)? */
/* Does [s, e) hold a goal cue that reaches its whole sentence? (Not one
 * in brackets: `ước tăng 5,2% (mục tiêu cả năm từ 7-7,5%)` sets the
 * bracket's goal only.) */
static bool holds_goal_cue(const rctx *c, size_t s, size_t e)
{
    size_t len;
    int depth = 0;
    for (size_t k = s; k < e; k += len) {
        depth += is_punct(c, k, '(') - is_punct(c, k, ')');
        if (opens_goals(c, k, &len) && depth <= 0)
            return true;
    }
    return false;
}


bool sets_goals(const rctx *c, size_t s, size_t e, size_t first_rec)
{
    bool target = false;
    for (size_t k = first_rec; k < c->out->n_recs && !target; k++)
        target = c->out->recs[k].role == VNR_ROLE_TARGET;
    return target && holds_goal_cue(c, s, e);
}


/* Does the sentence [s, e), which states no value, head a list of goals
 * (`Mục tiêu cụ thể đến năm 2030:`, `Theo đó, phấn đấu đến năm 2025:`):
 * a sentence cue, and a colon at its end? */
bool heads_goals(const rctx *c, size_t s, size_t e)
{
    return e > s + 1 && is_punct(c, e - 1, ':') && holds_goal_cue(c, s, e);
}


/* After a sentence that sets goals (`… phấn đấu đưa giá trị sản xuất đạt
 * 2.150 tỷ đồng. Giá trị sản xuất công nghiệp đạt 4.870 tỷ đồng, …`), does
 * the sentence [s, e) go on listing goals? Not when it reports an outcome:
 * an estimate (not a forecast, `dự kiến`), a word of a result (`đã`,
 * `kết quả`, `thực hiện`), or a
 * plan its value is a share of (`đạt 95% kế hoạch`). */
bool goes_on_with_goals(const rctx *c, size_t s, size_t e)
{
    size_t idx;
    for (size_t k = s; k < e; k++)
        if ((PHRASE_AT(c, LT_ESTIMATES, k, &idx) && !estimates[idx].forecast) ||
            outcome_word_at(c, k) ||
            (k > s && is_numeric(&c->tv.t[k - 1]) && plan_after(c, k + 1)))
            return false;
    return true;
}


/* The role rules that look past the trigger: bracketed restatements,
 * target cues, shares of a structure, a plan's own outline. */
/* Do the tokens [k, link) after a percentage name the side of the
 * measure it is about (`12,5% số vụ, …`, `8,2% về số doanh nghiệp và …`):
 * an ASPECT_HEAD or a VALUE_ASPECT and a few plain words? */
static bool aspect_between(const rctx *c, size_t k, size_t link)
{
    enum { ASPECT_WORDS = 8 };
    size_t m = k < link ? PHRASE_AT(c, LT_ASPECT_HEADS, k, NULL) : 0;
    if (!m && k < link)
        m = PHRASE_AT(c, LT_VALUE_ASPECTS, k, NULL);
    if (!m || link - k > ASPECT_WORDS)
        return false;
    for (size_t j = k + m; j < link; j++)
        if (c->tv.t[j].kind != TOK_WORD || PHRASE_AT(c, LT_TRIGGERS, j, NULL))
            return false;
    return true;
}


/* The link before the bare value at i that joins it to the change prev
 * before it: a SIBLING_LINK right after prev's unit (`tăng 5,65% và
 * 14,82%`), or a SIBLING_LINK or comma after prev's side (`giảm 12,5% số
 * vụ, 8,3% số người chết và 20,4% …`). Its first token, or NONE. */
static size_t link_to_prev(const rctx *c, size_t i, const vnr_record *prev)
{
    size_t m = link_before(c, i);
    if (!m)
        return NONE;
    if (follows_record(c, prev, i - m) && !is_punct(c, i - 1, ','))
        return i - m;
    if (!in_percent(prev))
        return NONE;
    size_t k = token_after_record(c, prev, i > 12 ? i - 12 : 0, i - m);
    return k != NONE && aspect_between(c, k, i - m) ? i - m : NONE;
}


/* `lần lượt tăng: 4,15%, 2,36%, 1,8%`: is value i in a list of bare
 * percentages that a colon after a change verb opens? */
static bool in_colon_list(const rctx *c, size_t i, size_t lo)
{
    size_t k = i;
    while (k > lo && (is_numeric(&c->tv.t[k - 1]) || is_punct(c, k - 1, '%') || is_punct(c, k - 1, ',')))
        k--;
    return k > lo && k < i && is_punct(c, k - 1, ':') && PHRASE_BEFORE(c, LT_TRIGGERS, k - 1, lo, NULL);
}


/* `lần lượt tăng 3,2%, 9,8% và 7,1%`, `giảm tương ứng 1,2%, 0,4%, 0,3%`:
 * is value i, right after prev's unit and a comma, an item of a list of
 * bare values — another value after its own comma or SIBLING_LINK, or one
 * before prev's number and its comma? (A lone comma after a change may
 * open anything: `tăng 5,1%, 45,6% của cả nước`.) */
static bool in_bare_list(const rctx *c, const draft *d, const vnr_record *prev)
{
    size_t i = d->q->tok, k = d->q->unit_end_tok, n = c->out->n_recs, s = d->nc->sent_start;
    if (!is_punct(c, i - 1, ',') || !follows_record(c, prev, i - 1))
        return false;
    size_t m = k >= d->nc->sent_end ? 0 : is_punct(c, k, ',') ? 1 : PHRASE_AT(c, LT_SIBLING_LINKS, k, NULL);
    if (m && k + m < d->nc->sent_end && is_numeric(&c->tv.t[k + m]))
        return true;
    size_t p = token_at_offset(c, s, prev->norm_start);
    return n >= 2 && n - 2 >= d->ss->first_rec && p > s && is_punct(c, p - 1, ',') &&
           follows_record(c, &c->out->recs[n - 2], p - 1);
}


/* `tăng 5,65% và 14,82%`, `giảm 2,1% và 3,4%`, `giảm 12,5% số vụ, 8,3% số
 * người chết`: a bare value joined to the change right before it (see
 * link_to_prev), in the same unit, is a change of the same sign (the
 * comparisons of one verb). */
static void joined_change(const rctx *c, draft *d)
{
    size_t i = d->q->tok, n = c->out->n_recs;
    if (d->r.role != VNR_ROLE_LEVEL || d->tr || n <= d->ss->first_rec || i == 0)
        return;
    const vnr_record *prev = &c->out->recs[n - 1];
    if (prev->role != VNR_ROLE_CHANGE || !same_unit_as(c, prev, d->q) ||
        (link_to_prev(c, i, prev) == NONE && !in_colon_list(c, i, d->nc->sent_start) &&
         !in_bare_list(c, d, prev)))
        return;
    d->r.role = VNR_ROLE_CHANGE;
    d->joined = true;
    if (prev->value < 0)
        make_fall(&d->r);
}


/* `…: giao thông tăng 1,1%; giáo dục 0,25%`: a value whose ';' item names
 * only its thing, after an item of the list that stated a change. */
static bool bare_item_after_change(const rctx *c, const draft *d, size_t i)
{
    enum { ITEM_WORDS = 12 };
    size_t n = c->out->n_recs, s = d->nc->sent_start, semi = NONE;
    if (n <= d->ss->first_rec || c->out->recs[n - 1].role != VNR_ROLE_CHANGE)
        return false;
    for (size_t k = i; k > s && k + ITEM_WORDS > i && semi == NONE; k--) {
        if (is_punct(c, k - 1, ';'))
            semi = k - 1;
        else if (c->tv.t[k - 1].kind != TOK_WORD && !is_punct(c, k - 1, ','))
            return false;
    }
    if (semi == NONE || semi + 1 == i)
        return false;
    /* the item before states that change alone (`giao thông tăng 1,1%`),
     * not a level and its change (`6,78 ngày (tăng 0,6 ngày)`) */
    size_t k = semi;
    while (k > s && !is_punct(c, k - 1, ';') && !is_punct(c, k - 1, ':'))
        k--;
    return n - 1 == d->ss->first_rec || c->out->recs[n - 2].norm_start < c->tv.t[k].start;
}

/* `Có 7 nhóm hàng tăng giá so với tháng trước là: Nhóm đồ uống (0,07%);
 * nhóm giáo dục (1,2%)`: a bare percentage in brackets after an item of a
 * list whose label before the colon holds a change verb is a change, of
 * the sign of the verb nearest the colon. */
static void labelled_change(const rctx *c, draft *d)
{
    enum { LABEL_REACH = 64 };
    size_t i = d->q->tok, s = d->nc->sent_start, colon = NONE, idx;
    if (d->r.role != VNR_ROLE_LEVEL || d->tr || !d->q->percent ||
        !(opens_bracket_before(c, i) || bare_item_after_change(c, d, i)) || (c->tv.t[i].flags & NUM_SIGNED))
        return;
    /* the items go on as the first one said: `có tiến độ giảm, gồm: Nam
     * Định (bằng 92,1%), Thái Bình (95,3%)` compares, changes nothing */
    size_t n = c->out->n_recs;
    if (n > d->ss->first_rec && c->out->recs[n - 1].role == VNR_ROLE_INDEX && in_percent(&c->out->recs[n - 1]) &&
        opens_bracket_before(c, i)) {
        d->r.role = VNR_ROLE_INDEX;
        return;
    }
    for (size_t k = i; k > s && k + LABEL_REACH > i && colon == NONE; k--)
        if (is_punct(c, k - 1, ':'))
            colon = k - 1;
    /* (the verb nearest the colon: `6 nhóm giảm giá …, và 4 nhóm tăng giá là:`) */
    for (size_t k = colon, m; colon != NONE && k > s && k + LABEL_REACH > colon; k--) {
        m = PHRASE_BEFORE(c, LT_TRIGGERS, k, s, &idx);
        if (m && triggers[idx].kind == T_CHANGE) {
            become_change(d, triggers[idx].sign < 0);
            return;
        }
    }
}


/* The token of the number of the sentence's last record when only its
 * own words (no verb), and a bracket after them (`4 vụ (23,5%)`), stand
 * between it and token k; NONE otherwise. */
static size_t record_just_before(const rctx *c, const vnr_record *prev, size_t k, size_t s)
{
    enum { UNIT_WORDS = 6 };
    if (k > s && is_punct(c, k - 1, ')')) {
        while (k > s && !is_punct(c, k - 1, '('))
            k--;
        if (k == s)
            return NONE;
        k--;
    }
    for (size_t w = 0; k > s && w <= UNIT_WORDS; k--, w++) {
        const token *t = &c->tv.t[k - 1];
        if (is_numeric(t))
            return t->start >= prev->norm_start && t->start < prev->norm_end ? k - 1 : NONE;
        if (t->kind != TOK_WORD || PHRASE_AT(c, LT_TRIGGERS, k - 1, NULL))
            return NONE;
    }
    return NONE;
}


/* Does only the record's own words, a bracket after them, and (for a
 * rate) its comparison stand between it and token k? */
static bool compared_after_record(const rctx *c, const vnr_record *prev, size_t k, size_t s)
{
    if (record_just_before(c, prev, k, s) != NONE)
        return true;
    size_t j = k;   /* `tăng 5,4% so với tháng trước, 9,1% …`: back over the comparison */
    while (j > s && c->tv.t[j - 1].kind == TOK_WORD && k - j < 8)
        j--;
    size_t used;
    return j > s && j < k && c->tv.t[j - 1].kind == TOK_PUNCT && c->tv.t[j - 1].cp == '%' &&
           c->tv.t[j - 1].start < prev->norm_end + 2 && baseline_at((rctx *)c, j, &used) && j + used == k;
}


/* `so với tháng trước, tăng 4 vụ (23,5%), 3 người chết (33,3%) và 2 người
 * bị thương`: a count with no verb of its own right after a comma or a
 * SIBLING_LINK that follows a change of a count goes on with that change
 * (the verb is left out), of its sign. */
static void elided_change(const rctx *c, draft *d)
{
    size_t i = d->q->tok, n = c->out->n_recs, s = d->nc->sent_start;
    if (d->r.role != VNR_ROLE_LEVEL || d->tr || !(d->q->count || d->q->percent) || n <= d->ss->first_rec ||
        i <= s + 2 || (c->tv.t[i].flags & NUM_SIGNED))
        return;
    /* (a percentage too, when its own comparison follows: `tăng 5,4% so
     * với tháng trước, 9,1% so với cùng kỳ năm trước`; asked last, it is
     * the dear test) */
    bool compared_rate = !d->q->count && baseline_after((rctx *)c, d->q->unit_end_tok, d->nc->sent_end);
    if (!d->q->count && !compared_rate)
        return;
    size_t k = i - PHRASE_BEFORE(c, LT_SIBLING_LINKS, i, i - 1, NULL);
    if (k > s && is_punct(c, k - 1, ','))
        k--;
    if (k == i)
        return;
    const vnr_record *prev = &c->out->recs[n - 1];
    bool prev_rate = in_percent(prev);
    if (!compared_rate && prev->role == VNR_ROLE_CHANGE && prev_rate && n - 1 > d->ss->first_rec) {
        prev--;   /* the count's restatement in brackets: `4 vụ (23,5%)` */
        prev_rate = in_percent(prev);
    }
    if (prev->role != VNR_ROLE_CHANGE || prev_rate != compared_rate || !compared_after_record(c, prev, k, s))
        return;
    become_change(d, prev->value < 0);
}


/* `gỗ và sản phẩm gỗ giảm 12,5%; hàng dệt may 20,4%; giày dép giảm 8,1%`:
 * a bare percentage of a ';' item that names a thing (no rate, no measure
 * of its own) after an item stating its change alone leaves the verb out. */
static void listed_change(const rctx *c, draft *d)
{
    size_t i = d->q->tok, n = c->out->n_recs, s = d->nc->sent_start;
    if (d->r.role != VNR_ROLE_LEVEL || d->tr || !d->q->percent || (c->tv.t[i].flags & NUM_SIGNED) ||
        !bare_item_after_change(c, d, i))
        return;
    size_t k = i;
    while (k > s && !is_punct(c, k - 1, ';')) {
        k--;
        if (PHRASE_AT(c, LT_RATE_WORDS, k, NULL) || PHRASE_AT(c, LT_MEASURE_NOUNS, k, NULL))
            return;   /* (`…; tỷ lệ hộ nghèo 3,5%` is a rate of its own) */
    }
    become_change(d, c->out->recs[n - 1].value < 0);
}


/* `Quảng Ngãi tăng 11,51%, Hải Phòng 11,2%, … và Bắc Ninh 10,47%`,
 * `huyện Giao Thủy tăng 12,1%, huyện Hải Hậu 9,8%`: a bare percentage
 * whose comma or SIBLING_LINK item is only a place's name (capitalised
 * words, an ADMIN_UNIT before them), right after a change in %, leaves
 * that change's verb out. (A lower-case item is a measure of its own:
 * `tăng 8,5%, tỷ lệ hộ nghèo 3,5%`.) */
static void place_item_change(const rctx *c, draft *d)
{
    enum { NAME_WORDS = 6 };
    size_t i = d->q->tok, n = c->out->n_recs, s = d->nc->sent_start;
    if (d->r.role != VNR_ROLE_LEVEL || d->tr || !d->q->percent || (c->tv.t[i].flags & NUM_SIGNED) ||
        n <= d->ss->first_rec)
        return;
    const vnr_record *prev = &c->out->recs[n - 1];
    if (prev->role != VNR_ROLE_CHANGE || !in_percent(prev))
        return;
    size_t k = i;
    while (k > s && k + NAME_WORDS > i && c->tv.t[k - 1].kind == TOK_WORD && (c->tv.t[k - 1].flags & TOK_UPPER))
        k--;
    k -= k > s ? PHRASE_BEFORE(c, LT_ADMIN_UNITS, k, s, NULL) : 0;
    if (k == i || k <= s || (c->tv.t[k].kind == TOK_WORD && PHRASE_AT(c, LT_TRIGGERS, k, NULL)))
        return;
    size_t m = link_before(c, k);
    if (m && follows_record(c, prev, k - m))
        become_change(d, prev->value < 0);
}


/* `bằng 102% so với tháng trước và 107,5% so với cùng kỳ`, `bằng 91,4% kế
 * hoạch năm và 106,5% so với cùng kỳ`: a bare percentage joined by a
 * SIBLING_LINK to an index or attainment in % (its comparison between)
 * and stating a comparison of its own is an index too. */
static void joined_ratio(rctx *c, draft *d)
{
    enum { BETWEEN = 8 };
    size_t i = d->q->tok, n = c->out->n_recs, used, m;
    if (d->r.role != VNR_ROLE_LEVEL || d->tr || !d->q->percent || n <= d->ss->first_rec || i < 2)
        return;
    const vnr_record *prev = &c->out->recs[n - 1];
    if ((prev->role != VNR_ROLE_INDEX && prev->role != VNR_ROLE_ATTAINMENT) || !in_percent(prev) ||
        !(m = PHRASE_BEFORE(c, LT_SIBLING_LINKS, i, i - 1, NULL)))
        return;
    for (size_t k = i - m; k > 0 && c->tv.t[k - 1].start > prev->norm_end; k--)
        if (is_numeric(&c->tv.t[k - 1]) || is_strong_boundary(c, k - 1) || i - k > BETWEEN)
            return;
    size_t u = d->q->unit_end_tok;
    if (u < d->nc->sent_end && compare_word_at(c, u, false) && baseline_at(c, u, &used))
        d->r.role = VNR_ROLE_INDEX;
}


/* `khu vực dịch vụ tăng 6,8% và thuế sản phẩm là 5,1%`: an item of a list
 * of changes in %, joined to the change before it, that states its value
 * with a level verb (`là`) is a change too (its sign as written). */
static void item_of_changes(const rctx *c, draft *d)
{
    enum { ITEM_WORDS = 8 };
    size_t n = c->out->n_recs;
    if (d->r.role != VNR_ROLE_LEVEL || !d->tr || d->tr->kind != T_LEVEL || !d->q->percent ||
        n <= d->ss->first_rec)
        return;
    const vnr_record *prev = &c->out->recs[n - 1];
    if (prev->role != VNR_ROLE_CHANGE || !in_percent(prev))
        return;
    size_t k = token_after_record(c, prev, d->trig_at > ITEM_WORDS + 3 ? d->trig_at - ITEM_WORDS - 3 : 0,
                                  d->trig_at);
    size_t m = k != NONE ? PHRASE_AT(c, LT_SIBLING_LINKS, k, NULL) : 0;   /* (`, lợi nhuận là 5%` may be a margin) */
    if (!m || k + m >= d->trig_at)
        return;
    for (size_t j = k + m; j < d->trig_at; j++)
        if (c->tv.t[j].kind != TOK_WORD || PHRASE_AT(c, LT_TRIGGERS, j, NULL) || PHRASE_AT(c, LT_RATE_WORDS, j, NULL))
            return;   /* (`…, tỷ lệ lao động qua đào tạo là 65%` is a rate of its own) */
    d->r.role = VNR_ROLE_CHANGE;
}


/* `tăng nhiều nhất là nhóm giao thông, với 1,66%`, `1 nhóm giảm là nhóm
 * bưu chính viễn thông 0,12%`: a percentage after the name a change verb
 * (and its adverb of degree) and a verb of being single out is that
 * item's change, of the verb's sign. */
static void singled_out_change(const rctx *c, draft *d)
{
    enum { NAME_WORDS = 12 };
    size_t i = d->q->tok, s = d->nc->sent_start, idx, m;
    if (d->r.role != VNR_ROLE_LEVEL || !d->q->percent || (c->tv.t[i].flags & NUM_SIGNED) ||
        (d->tr && d->tr->kind != T_LEVEL))
        return;
    for (size_t k = i, words = 0; k > s && words <= NAME_WORDS; k--, words++) {
        const token *t = &c->tv.t[k - 1];
        if (t->kind != TOK_WORD && !is_punct(c, k - 1, ',') && !(is_punct(c, k - 1, '(') && k + 2 >= i))
            return;   /* (`… là nhóm nhà ở (gần 7%)`) */
        if (!(m = PHRASE_BEFORE(c, LT_LINK_WORDS, k, k > 2 ? k - 2 : s, &idx)) || link_words[idx].kind != LW_COPULA)
            continue;
        size_t v = k - m;
        v -= PHRASE_BEFORE(c, LT_GAP_WORDS, v, v > 3 ? v - 3 : s, NULL);
        size_t tl = PHRASE_BEFORE(c, LT_TRIGGERS, v, v > 3 ? v - 3 : s, &idx);
        if (!tl || triggers[idx].kind != T_CHANGE || k == i)
            return;
        become_change(d, triggers[idx].sign < 0);
        return;
    }
}


/* The record whose parts the value may be (NULL when none): the one a
 * breakdown word follows in the sentence (`sentence_state.parts_of`), or
 * the first of the sentence before when a breakdown sentence goes on with
 * it (`…. Trong đó: …`); past a plan beside it (`ước đạt 7,4% (KBTT:
 * 8,1%), trong đó: …`). */
static const vnr_record *parts_head(const rctx *c, const sentence_state *ss)
{
    size_t k = ss->parts_of < c->out->n_recs && ss->parts_of >= ss->first_rec ? ss->parts_of
               : ss->first_rec < ss->own_first_rec                              ? ss->first_rec
                                                                                : NONE;
    if (k == NONE)
        return NULL;
    while (k > ss->first_rec && c->out->recs[k].role == VNR_ROLE_TARGET)
        k--;
    return &c->out->recs[k];
}


/* A percentage among the parts of a head in % takes the head's role when
 * its verb is one of `verbs` (T_NONE: no verb):
 * - `… ước giải ngân đạt 81,2% kế hoạch, trong đó, vốn ngân sách tỉnh đạt
 *   85,6%`: an attainment of the same plan;
 * - `GRDP … đạt 106,52%; trong đó khu vực nông nghiệp đạt 103,4%, khu vực
 *   dịch vụ 108,1%`: an index of the same comparison;
 * - `Tăng trưởng GRDP ước đạt 6,9%, trong đó: khu vực dịch vụ ước đạt
 *   7,22%`: the growth of that part. */
static const struct part_row { vnr_role head; unsigned verbs; } part_rows[] = {
    { VNR_ROLE_ATTAINMENT, K(T_ATTAIN) },
    { VNR_ROLE_INDEX, K(T_NONE) | K(T_ATTAIN) | K(T_LEVEL) },
    { VNR_ROLE_CHANGE, K(T_ATTAIN) },
};

/* `…(đạt 100% kế hoạch), trong đó tỷ lệ có bằng cấp là 30%; giải quyết
 * việc làm …`: a breakdown word with no colon after the record at h opens
 * one part, which its clause's ';' ends. Is token i past that end? */
static bool past_lone_part(const rctx *c, size_t h, size_t i, size_t s)
{
    enum { BREAKDOWN_REACH = 8,   /* (past the record's plan: `% kế hoạch), trong đó`) */
           PART_TOKENS = 64 };     /* how far its ';' is looked for: each value's look is bounded */
    size_t k = token_after_record(c, &c->out->recs[h], s, i);
    for (size_t j = k; k != NONE && j < i && j < k + BREAKDOWN_REACH && !is_punct(c, j, ';'); j++) {
        size_t m = breakdown_after_comma(c, j, k);
        for (size_t e = j + m; m && e < i && e < j + m + PART_TOKENS; e++) {
            if (is_punct(c, e, ':'))
                return false;
            if (is_punct(c, e, ';'))
                return true;
        }
        if (m)
            return false;
    }
    return false;
}


static void part_of_head(const rctx *c, draft *d)
{
    if (d->r.role != VNR_ROLE_LEVEL || !d->q->percent)
        return;
    const vnr_record *head = parts_head(c, d->ss);
    size_t p = d->ss->parts_of;
    if (head && p < c->out->n_recs && head == &c->out->recs[p] && past_lone_part(c, p, d->q->tok, d->nc->sent_start))
        return;
    unsigned verb = K(d->tr ? d->tr->kind : T_NONE);
    for (size_t k = 0; head && k < COUNT_OF(part_rows); k++) {
        if (head->role != part_rows[k].head || !(part_rows[k].verbs & verb))
            continue;
        /* (an attainment of a named plan; an index or growth in %, not of a plan) */
        bool plan = baseline_flags(head->baseline) & (BC_PLAN | BC_BUDGET);
        if (head->role == VNR_ROLE_ATTAINMENT ? !head->baseline : !in_percent(head) || plan)
            return;
        d->r.role = head->role;
        if (head->role == VNR_ROLE_ATTAINMENT)
            d->plan_code = head->baseline;
        return;
    }
}


/* Does a span's opener stand right before token k (`từ 32,5%`, `từ mức
 * 40,1%`)? */
static bool opens_span(const rctx *c, size_t k)
{
    size_t idx, g = k > 0 ? PHRASE_BEFORE(c, LT_GAP_WORDS, k, k > 2 ? k - 2 : 0, &idx) : 0;
    k -= g;
    return k > 0 && PHRASE_BEFORE(c, LT_RANGE_OPENS, k, k > 3 ? k - 3 : 0, &idx) != 0;
}


/* `giảm từ 32,5% trong quý I-2017 xuống còn 32,3%`: is the sentence's
 * latest record a share that opened a span (a RANGE_OPEN before it)? */
static bool from_share(const rctx *c, const sentence_state *ss, size_t i)
{
    size_t n = c->out->n_recs, k = i;
    if (n <= ss->first_rec || c->out->recs[n - 1].role != VNR_ROLE_SHARE)
        return false;
    while (k > 0 && c->tv.t[k - 1].start >= c->out->recs[n - 1].norm_start)
        k--;   /* back to that share's number (only its own words between) */
    return opens_span(c, k);
}


void refine_role(rctx *c, draft *d)
{
    vnr_record *r = &d->r;
    const quantity *q = d->q;
    const trigger_entry *tr = d->tr;
    const number_ctx *nc = d->nc;
    sentence_state *ss = d->ss;
    size_t i = q->tok, n = c->out->n_recs;
    bracket_restatement(c, d);
    joined_change(c, d);
    joined_ratio(c, d);
    labelled_change(c, d);
    elided_change(c, d);
    singled_out_change(c, d);
    listed_change(c, d);
    place_item_change(c, d);
    part_of_head(c, d);
    item_of_changes(c, d);
    if ((r->role == VNR_ROLE_LEVEL || r->role == VNR_ROLE_CHANGE) && !c->in_plan &&
        !(q->count && PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, q->unit_start), NULL))) {
        if (target_cue_before(c, i, nc->floor, nc->sent_start, q->count)) {
            r->role = VNR_ROLE_TARGET;   /* `mục tiêu giảm 10%` keeps its sign */
        } else if (ss->goal || in_goal_list(c, i, nc->sent_start, nc->sent_end, ss) || among_plan_items(c, ss, i)) {
            make_written_target(r);   /* an item of a list of goals, as in a plan part:
                                       * `Tỷ lệ hộ nghèo giảm 3% trở lên` is +3 */
        }
    }
    if (r->role == VNR_ROLE_LEVEL && q->percent) {
        /* the list goes on from the last share, over the shifts between
         * (`nông, lâm, thủy sản 12,35% (giảm 0,82%); công nghiệp 40,2%`) */
        size_t last = n;
        while (last > ss->first_rec && c->out->recs[last - 1].role == VNR_ROLE_CHANGE)
            last--;
        /* (and from one share to the next: `tăng từ 27,4% lên 29,7%`) */
        d->span_end = tr && tr->kind == T_TO_LEVEL && from_share(c, ss, i);
        bool share = (!tr || d->span_end || opens_span(c, i)) && last > ss->first_rec &&
                     c->out->recs[last - 1].role == VNR_ROLE_SHARE;
        for (size_t k = nc->floor; k < i && !share; k++)
            share = PHRASE_AT(c, LT_SHARE_WORDS, k, NULL) != 0;
        if (share)
            r->role = VNR_ROLE_SHARE;   /* `cơ cấu … lần lượt là: 39,75%, 12,04%` */
    }
    if (c->in_plan && r->role == VNR_ROLE_TARGET && q->count &&
        PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, q->unit_start), NULL))
        r->role = VNR_ROLE_LEVEL;   /* `25 chỉ tiêu`: the plan's outline */
}


/* `chỉ thấp hơn tốc độ tăng 6,58%`: is the word before token k the end of
 * a comparative trigger (`thấp hơn`), whose `hơn` is no qualifier? */
static bool ends_comparative(const rctx *c, size_t k, size_t lo)
{
    size_t q = PHRASE_BEFORE(c, LT_QUALIFIERS, k, lo, NULL);
    return q && PHRASE_BEFORE(c, LT_TRIGGERS, k, lo, NULL) > q;
}


/* `tăng cao nhất, với 0,62%`: is the segment [lo, from) before the value
 * one gap word after a comma, so the trigger may stand before the comma? */
static bool gap_after_comma(const rctx *c, size_t lo, size_t from, size_t floor)
{
    return lo > floor + 1 && lo < from && is_punct(c, lo - 1, ',') &&
           PHRASE_AT(c, LT_GAP_WORDS, lo, NULL) == from - lo;
}


/* `lần lượt tăng: 4,15%, 2,36%`: the verb right before the colon that
 * opens the value's segment, the first value of its list right after. */
static const trigger_entry *trigger_before_colon(const rctx *c, draft *d)
{
    size_t colon = d->seg_lo, idx, m;
    if (!d->q->percent || colon == 0 || colon <= d->nc->sent_start || !is_punct(c, colon - 1, ':') ||
        d->q->tok != colon)
        return NULL;   /* (`Số xã … tăng thêm: 12 xã` names a count) */
    m = PHRASE_BEFORE(c, LT_TRIGGERS, colon - 1, d->nc->sent_start, &idx);
    if (!m || triggers[idx].kind != T_CHANGE || continues_name(c, colon - 1 - m))
        return NULL;
    d->trig_at = colon - 1 - m;
    d->trig_len = m;
    return &triggers[idx];
}


/* The value's trigger and the qualifiers around it; trig_at becomes where
 * the value's own phrase ends (before the trigger, or before qualifiers
 * and estimate words when there is none). */
void find_trigger_step(rctx *c, draft *d)
{
    size_t i = d->i, idx;
    d->seg_lo = segment_start(c, i, d->nc->floor);
    d->trig_at = i;
    d->trig_len = 0;
    /* `tăng từ 14 đến 16%`: a range's opener stands between the trigger
     * and its first bound */
    size_t from = i;
    /* (and `giảm từ 1,5% trở lên`: the opener of a bound's qualifier) */
    bool bound = d->q->unit_end_tok < c->tv.n && PHRASE_AT(c, LT_QUALIFIERS_AFTER, d->q->unit_end_tok, NULL);
    if (!isnan(d->q->value_max) || bound)
        from -= PHRASE_BEFORE(c, LT_RANGE_OPENS, i, d->seg_lo, &idx);
    bool rate = d->q->percent || d->q->points;
    d->tr = d->pair_second ? NULL : find_trigger(c, from, d->seg_lo, rate, &d->trig_at, &d->trig_len);
    if (!d->tr && !d->pair_second && gap_after_comma(c, d->seg_lo, from, d->nc->floor))
        d->tr = find_trigger(c, from, segment_start(c, d->seg_lo - 1, d->nc->floor), rate,
                             &d->trig_at, &d->trig_len);
    if (!d->tr && !d->pair_second)
        d->tr = trigger_before_colon(c, d);
    if (!d->tr)
        d->trig_at = i;
    /* qualifiers sit between the trigger and the number ("ít hơn" is a trigger) */
    d->r.qualifier = qualifier_before(c, i, d->tr ? d->trig_at + d->trig_len : d->seg_lo);
    if (!d->r.qualifier && d->tr && d->trig_at > d->seg_lo && !ends_comparative(c, d->trig_at, d->seg_lo))
        d->r.qualifier = qualifier_before(c, d->trig_at, d->seg_lo);
    if (!d->r.qualifier && d->tr && !d->q->count &&
        PHRASE_BEFORE(c, LT_QUALIFIERS, d->trig_at + d->trig_len, d->trig_at, &idx) == d->trig_len)
        d->r.qualifier = qualifiers[idx].q;   /* `đạt và vượt 55% kế hoạch`: the verb says at least
                                               * (not of a count: `đạt và vượt 15/17 chỉ tiêu`) */
    size_t u = d->q->unit_end_tok, qa;
    if (u < c->tv.n && PHRASE_AT(c, LT_QUALIFIERS_AFTER, u, &idx))
        d->r.qualifier = qualifiers_after[idx].q;
    else if (is_punct(c, u, '(') && (qa = PHRASE_AT(c, LT_QUALIFIERS_AFTER, u + 1, &idx)) != 0 &&
             is_punct(c, u + 1 + qa, ')'))
        d->r.qualifier = qualifiers_after[idx].q;   /* `đạt 3,9 tỷ USD (trở lên)` */
    if (d->trig_at == i)
        d->trig_at = i - PHRASE_BEFORE(c, LT_QUALIFIERS, i, d->seg_lo, &idx);
}


/* `Tốc độ tăng trưởng … đạt 3,84%`, `GRDP 9 tháng đạt 8,6%`: a percentage
 * level of a growth rate or of an output in money is a change (the
 * indicator is known only after indicator_step). */
/* `… tốc độ tăng trưởng kinh tế (GRDP) cao nhất vùng, bao gồm: Hải Phòng
 * (12,28%), Quảng Ninh (8,6%)`: a bare percentage in brackets after a
 * province's name, in a sentence that speaks of growth before it. */
static bool province_growth(rctx *c, const draft *d)
{
    size_t i = d->q->tok;
    const char *ind = d->r.indicator;
    size_t n = ind ? strlen(ind) : 0;
    /* bare (`Hải Phòng (12,28%)`, `…; Sóc Trăng 8,72%`), or stated of a
     * province opening a bracket or an item (`(Cần Thơ đạt 7,4%; Vĩnh Long
     * đạt 6,3%)`) */
    bool bare = !d->tr && i > 0 &&
                (is_punct(c, i - 1, '(') || is_punct(c, i - 1, ':') ||
                 (d->ind_a > 0 && d->ind_b == i && (is_punct(c, d->ind_a - 1, ';') || is_punct(c, d->ind_a - 1, ':'))));
    bool stated = d->tr && (d->tr->kind == T_LEVEL || d->tr->kind == T_ATTAIN) && d->ind_a > 0 &&
                  (is_punct(c, d->ind_a - 1, '(') || is_punct(c, d->ind_a - 1, ';'));
    if (!n || (!bare && !stated))
        return false;
    /* a province, or a sector (`trong đó, khu vực dịch vụ: 6,8%`) */
    bool sector = d->ind_a < d->ind_b && PHRASE_AT(c, LT_SECTOR_HEADS, d->ind_a, NULL);
    if (!sector && meta_province_at(ind, n) != n)
        return false;
    /* `Ninh Bình: tăng 10,8%; Hà Nam: 10,39%`: after a province's change */
    sentence_state *ss = d->ss;
    size_t last = c->out->n_recs;
    if (last > ss->first_rec && c->out->recs[last - 1].role == VNR_ROLE_CHANGE &&
        in_percent(&c->out->recs[last - 1]))
        return true;
    /* the search goes on where the last one stopped: a list of every
     * province stays linear */
    size_t k = ss->growth_scanned > d->nc->sent_start ? ss->growth_scanned : d->nc->sent_start;
    for (; k < i && !ss->growth_found; k++)
        ss->growth_found = PHRASE_AT(c, LT_GROWTH_WORDS, k, NULL) != 0;
    if (k > ss->growth_scanned)
        ss->growth_scanned = k;
    return ss->growth_found;
}


/* `…; tốc độ tăng trưởng bình quân đạt 12,4%/năm`: does a growth word
 * stand in the value's own phrase, before its verb? */
static bool growth_in_phrase(const rctx *c, const draft *d)
{
    size_t end = d->tr && d->trig_at > d->ind_a ? d->trig_at : d->ind_b;
    for (size_t k = d->ind_a; k < end; k++)
        if (PHRASE_AT(c, LT_GROWTH_WORDS, k, NULL))
            return true;
    return false;
}


void growth_rate_role(rctx *c, draft *d)
{
    if (!d->q->percent || !(d->r.role == VNR_ROLE_LEVEL || (d->r.role == VNR_ROLE_INDEX && d->tr &&
                                                           d->tr->kind == T_ATTAIN)))
        return;
    if (province_growth(c, d)) {
        /* the province is said of the growth an earlier value named (a few
         * records back: a list of every province stays linear) */
        enum { GROWTH_REACH = 16 };
        size_t n = c->out->n_recs, k = n;
        for (; k > d->ss->first_rec && k + GROWTH_REACH > n; k--)
            if (names_growth_rate(c, c->out->recs[k - 1].indicator)) {
                d->r.subject = d->r.indicator;
                d->r.indicator = c->out->recs[k - 1].indicator;
                break;
            }
        if ((k == d->ss->first_rec || k + GROWTH_REACH == n) && names_growth_rate(c, d->r.subject)) {
            const char *province = d->r.indicator;   /* `Tốc độ tăng GRDP: Hải Phòng 11,2%; …` */
            d->r.indicator = d->r.subject;
            d->r.subject = province;
        }
    } else if (!names_growth_rate(c, d->r.indicator) && !names_output(d->r.indicator) && !growth_in_phrase(c, d) &&
               !(d->tr && d->trig_at > d->nc->floor &&
                 PHRASE_BEFORE(c, LT_GROWTH_WORDS, d->trig_at, d->nc->floor, NULL))) {
        return;   /* (`bình quân 10 tháng, mức tăng đạt 3,1%`: the growth names itself before its verb) */
    }
    /* `tốc độ tăng trưởng … đạt 12,38% so với năm 2020`: a growth rate
     * compared with a year is still the growth; but over 100% with no verb
     * of change (`GRDP … ước cả năm đạt 106,52%`), the output of the
     * period over its comparand's: an index */
    bool was_level = d->r.role == VNR_ROLE_LEVEL;
    bool index = d->r.value > 100 && (!d->tr || d->tr->kind == T_LEVEL || d->tr->kind == T_ATTAIN);
    d->r.role = index ? VNR_ROLE_INDEX : VNR_ROLE_CHANGE;
    if (was_level) {
        /* what a change compares with: `Trong đó, mức tăng trưởng … đạt
         * 19,9%`; but a comparison stated later, in another ';' item
         * (`tốc độ tăng giá trị sản xuất 8,6%; thu nhập … tăng hơn 14% so
         * với năm 2019`), is none of its own */
        size_t pending = d->ss->pending_baseline_from;
        baseline_step(c, d);
        d->ss->pending_baseline_from = pending;
        if (baseline_flags(d->r.baseline) & BC_PLAN)
            d->r.baseline = NULL;   /* `khu vực dịch vụ: 6,8% (kế hoạch 7,1%)`: the plan is a target */
        if (!d->r.baseline)
            d->r.baseline = c->block_baseline;   /* one stated before it in the paragraph */
    }
}
