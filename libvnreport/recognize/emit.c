/*
 * emit.c — recognize stage: one record from one quantity: runs the rule modules in order (role, estimate, baseline, indicator, unit, period) and stores it.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "units.h"

#include <math.h>
#include <string.h>

bool push_record(rctx *c, vnr_record *r)
{
    r->doc = c->doc;
    if (r->subject && !*r->subject)
        r->subject = NULL;   /* a label that trimmed to nothing names no subject */
    r->section = c->section;
    r->section_depth = c->section_depth;
    return VEC_PUSH(c->out->recs, c->out->n_recs, c->out->cap_recs, *r);
}


/* `15.563 tỷđồng`, `310 triệuUSD`: a scale word a web page glued to its
 * unit is written apart in the record (GUIDELINES: glued text reads as
 * spaced). */
static const char *spaced_scale(rctx *c, const char *unit)
{
    size_t n = strlen(unit), k = units_glued_scale(unit, n);
    char *out = k ? arena_alloc(c->arena, n + 2) : NULL;
    if (!out)
        return unit;
    memcpy(out, unit, k);
    out[k] = ' ';
    memcpy(out + k + 1, unit + k, n - k + 1);
    return out;
}


/* The unit as written, blanks by its '/' dropped (`tạ/ ha` → `tạ/ha`). */
static const char *unit_text(rctx *c, const quantity *q)
{
    size_t n = q->unit_end - q->unit_start;
    char *out = arena_alloc(c->arena, n + 1);
    if (!out)
        return "";   /* out of memory: the arena marks the document lost */
    pack_slash(c->text + q->unit_start, n, out, n + 1);
    return out;
}


/* The unit of a record: the pair's or range's shared one, else the
 * quantity's own, canonicalised. */
static void unit_step(rctx *c, draft *d)
{
    const quantity *q = d->q;
    const char *unit = d->pair_unit ? d->pair_unit : spaced_scale(c, unit_text(c, q));
    fill_units(c, &d->r, unit, !d->pair_unit && q->resolved ? &q->info : NULL);
}


/* Period and clause text (one copy per clause, however many values). */
static void period_and_text_step(rctx *c, draft *d)
{
    const quantity *q = d->q;
    size_t i = d->i;
    d->r.period = record_period(c, i, q, d->nc, d->comparand_year);
    /* `quý I tăng 6,9%, quý II tăng 7,6%; khu vực …`: a list of items named
     * by their periods gives each its own; they are not the period of the
     * values after the list */
    bool period_item = d->period_only && d->tr && d->trig_at > 0 && !is_punct(c, d->trig_at - 1, ',');
    if (period_item && d->ss->period_items++ > 0)
        end_period_items(c, d->nc, i);
    else if (!period_item)
        d->ss->period_items = 0;
    d->r.text = c->clause_text;
    if (c->clause_len > MAX_CLAUSE_TEXT) {
        /* a list of hundreds of values in one clause: keep the part about
         * this value, so output stays proportional to the input */
        size_t from = phrase_floor(c, i, d->nc->floor);
        size_t to = q->unit_end_tok + 8 < c->clause_ce ? q->unit_end_tok + 8 : c->clause_ce;
        d->r.text = tokens_text(c, from, to > i ? to : i + 1);
    }
}


/* A qualifier at k right before a number (`hơn 48%`)? */
static bool qualifier_then_number(const rctx *c, size_t k)
{
    size_t m = PHRASE_AT(c, LT_QUALIFIERS, k, NULL);
    return m && k + m < c->tv.n && is_numeric(&c->tv.t[k + m]);
}


/* The next phrase starts after this value's plan or baseline words, or
 * after the words its count named. */
static void mark_consumed(rctx *c, draft *d)
{
    quantity *q = d->q;
    size_t k = q->unit_end_tok, used = 0, end = d->nc->sent_end;
    q->consumed_end = k;
    bool plan = false;
    if ((d->ratio_of_measure && (d->r.role == VNR_ROLE_LEVEL || d->r.role == VNR_ROLE_SHARE)) ||
        (plan = plan_after(c, k))) {
        while (k < end && !is_boundary(c, k) && !is_numeric(&c->tv.t[k]) &&
               !PHRASE_AT(c, LT_TRIGGERS, k, NULL) && !qualifier_then_number(c, k) &&
               !(plan && k > q->unit_end_tok && PHRASE_AT(c, LT_SIBLING_LINKS, k, NULL)))
            k++;   /* `đạt 53,5% dự toán và tăng 6,27%`, `bằng 95% diện tích gieo
                    * trồng, giảm 1%`, `chiếm 5,97% tổng mức và tăng 8,67%`:
                    * the verb or comma starts the next; so does the
                    * qualifier of the next value (`45% diện tích và hơn 48%`),
                    * and after a plan `và` (`bằng 48,1% dự toán và chi ngân
                    * sách đạt …`; a whole's name may hold one: `tổng mức bán
                    * lẻ hàng hóa và dịch vụ`) */
        q->consumed_end = k;
    } else if (k < end && baseline_at(c, k, &used)) {
        q->consumed_end = k + used;
    } else if (k < end && d->r.role == VNR_ROLE_CHANGE && baseline_id_of(d->r.baseline ? d->r.baseline : "") ==
                                                              BL_PREVIOUS_PERIOD && baseline_at_ex(c, k, true, &used)) {
        q->consumed_end = k + used;   /* `tăng 6,2% tháng trước`: its comparison */
    }
    size_t qa = k < end ? PHRASE_AT(c, LT_QUALIFIERS_AFTER, k, NULL) : 0;
    if (qa && k + qa > q->consumed_end)
        q->consumed_end = k + qa;   /* `giảm 2% trở lên, tỷ lệ …` */
    if (d->named_until > q->consumed_end)
        q->consumed_end = d->named_until;   /* `142 vụ vi phạm, xử phạt …` */
}


/* `đề ra 18 chỉ tiêu`, `thông qua 25 chỉ tiêu`: a count of a plan's items
 * right after an LW_SETS_GOALS word (of all of them: `với 18/20 chỉ tiêu`
 * counts the ones met). */
static bool sets_plan_items(const rctx *c, const draft *d)
{
    size_t idx, i = d->q->tok, m = i > 0 ? PHRASE_BEFORE(c, LT_LINK_WORDS, i, i > 3 ? i - 3 : 0, &idx) : 0;
    return d->q->count && isnan(d->r.total) && m && link_words[idx].kind == LW_SETS_GOALS &&
           PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, d->q->unit_start), NULL);
}


/* Store the record and what the sentence remembers of it: statement,
 * clause, head, latest change, and the number's fate. */
static bool store_record(rctx *c, draft *d, size_t clause_tok)
{
    sentence_state *ss = d->ss;
    vnr_record *r = &d->r;
    if (r->role == VNR_ROLE_LEVEL || r->role == VNR_ROLE_TARGET) {
        if (ss->head != NONE && r->role == VNR_ROLE_LEVEL)
            c->statement++;
        r->statement = c->statement;
    }
    size_t index = c->out->n_recs;
    if (clause_tok != ss->clause_tok || ss->clause_first == NONE) {
        ss->clause_tok = clause_tok;
        ss->clause_first = index;
    }
    if (!push_record(c, r))
        return false;
    if (r->role == VNR_ROLE_LEVEL || (r->role == VNR_ROLE_TARGET && !d->pair_second)) {
        ss->head = index;
        ss->head_in_bracket = open_bracket_before(c, d->nc->sent_start, d->i) != NONE;
        if (!ss->head_in_bracket)
            ss->outer_head = index;
    }
    if (r->role == VNR_ROLE_CHANGE)
        ss->last_change = index;
    if (!d->own_measure && !d->aside_of_prev)
        ss->chain_last = index;   /* (an aside heads nothing: `…(tác động làm CPI tăng 0,12%); nhóm giao thông giảm …`) */
    size_t k = d->q->consumed_end;
    if (k < d->nc->sent_end && is_punct(c, k, ')'))
        k++;   /* (a plan in brackets: `ước đạt 7,4% (KBTT: 8,1%), trong đó: …`) */
    if (k < d->nc->sent_end && (is_punct(c, k, ',') || is_punct(c, k, ';')))
        k++;
    if (k < d->nc->sent_end && PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL))
        ss->parts_of = index;   /* `…, trong đó: nông nghiệp …; công nghiệp …` */
    if (sets_plan_items(c, d))
        ss->goals_from = d->q->unit_end_tok;   /* `huyện đề ra 18 chỉ tiêu, trong đó …`: the values after it are those goals */
    const token *t = &c->tv.t[d->i];
    if (!add_fate(c, t->start, t->end, "record", index))
        return false;
    /* digits inside the unit: m2, bác sĩ/1 vạn dân */
    return add_digit_fates(c, d->q->unit_start, d->q->unit_end, "unit_part");
}


/* One record from one quantity: the rule modules' steps in order. */
bool emit_quantity(rctx *c, size_t i, quantity *q, number_ctx *nc, sentence_state *ss,
                   bool pair_second, const char *pair_unit)
{
    draft d = { .i = i, .q = q, .nc = nc, .ss = ss, .pair_second = pair_second,
                .pair_unit = pair_unit };
    d.r.value = q->value;
    d.r.value_max = q->value_max;
    d.r.total = q->total;
    d.r.norm_start = q->vstart;
    d.r.norm_end = q->vend;
    d.r.statement = c->statement;
    find_trigger_step(c, &d);
    assign_role(c, &d);
    if (pair_second)
        d.r.role = VNR_ROLE_TARGET;
    else
        refine_role(c, &d);
    estimate_step(c, &d);
    baseline_step(c, &d);
    if (!indicator_step(c, &d))
        return false;
    growth_rate_role(c, &d);
    comparand_figure_step(c, &d);
    unit_step(c, &d);
    size_t clause_tok = clause_of(c, i, nc);
    period_and_text_step(c, &d);
    mark_consumed(c, &d);
    return store_record(c, &d, clause_tok);
}
