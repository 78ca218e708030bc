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


bool emit_quantity(rctx *c, size_t i, quantity *q, number_ctx *nc, sentence_state *ss,
                          bool pair_second, const char *pair_unit)
{
    const token *t = &c->tv.t[i];
    vnr_record r = { 0 };
    r.value = q->value;
    r.value_max = q->value_max;
    r.total = q->total;
    r.norm_start = q->vstart;
    r.norm_end = q->vend;
    r.statement = c->statement;

    size_t seg_lo = segment_start(c, i, nc->floor);
    size_t trig_at = i, trig_len = 0;
    const trigger_entry *tr = pair_second ? NULL : find_trigger(c, i, seg_lo, &trig_at, &trig_len);
    if (!tr)
        trig_at = i;
    /* qualifiers sit between the trigger and the number ("ít hơn" is a trigger) */
    r.qualifier = qualifier_before(c, i, tr ? trig_at + trig_len : seg_lo);
    if (!r.qualifier && tr && trig_at > seg_lo)
        r.qualifier = qualifier_before(c, trig_at, seg_lo);
    if (q->unit_end_tok < c->tv.n) {
        size_t idx;
        if (PHRASE_AT(c, LT_QUALIFIERS_AFTER, q->unit_end_tok, &idx))
            r.qualifier = qualifiers_after[idx].q;
    }
    if (trig_at == i) {
        /* no trigger: the phrase ends before qualifiers/estimate words */
        size_t idx;
        size_t m = PHRASE_BEFORE(c, LT_QUALIFIERS, i, seg_lo, &idx);
        trig_at = i - m;
    }
    const char *plan_code = NULL;
    assign_role(c, &r, q, tr, ss, &plan_code);
    if (!pair_second)
        refine_role(c, &r, q, tr, nc, ss);
    if (pair_second)
        r.role = VNR_ROLE_TARGET;

    /* estimate: an estimate word in this segment, or the statement head's */
    size_t est_lo = segment_start(c, trig_at, nc->floor);
    r.estimate = false;
    for (size_t k = est_lo; k < i; k++)
        if (PHRASE_AT(c, LT_ESTIMATES, k, NULL)) {
            r.estimate = true;
            break;
        }
    /* "Ước 6 tháng đầu năm, số lượt khách đạt …", "… ước đạt 3,4 tỷ USD;
     * lũy kế 5 tháng đạt 14,8 tỷ USD": an estimate word governs the rest of
     * its sentence */
    if (!r.estimate)
        r.estimate = estimate_word_before(c, ss, nc->sent_start, est_lo);
    bool own_verb = tr && tr->kind != T_LEVEL;
    if (!r.estimate && ss->head != NONE && !pair_second &&
        (r.role != VNR_ROLE_LEVEL || !own_verb) && r.role != VNR_ROLE_TARGET)
        r.estimate = c->out->recs[ss->head].estimate;
    if (c->in_plan)
        r.estimate = false;

    /* baseline */
    if (r.role == VNR_ROLE_CHANGE || r.role == VNR_ROLE_INDEX || r.role == VNR_ROLE_ATTAINMENT) {
        const char *b = plan_code;
        if (!b)
            b = baseline_after(c, q->unit_end_tok, nc->sent_end);
        if (!b)
            b = baseline_before(c, seg_lo > nc->floor ? segment_start(c, seg_lo > 0 ? seg_lo - 1 : 0, nc->floor) : seg_lo, i);
        if (!b && (r.role == VNR_ROLE_CHANGE || r.role == VNR_ROLE_INDEX))
            b = ss->baseline;
        if (!b && (r.role == VNR_ROLE_CHANGE || r.role == VNR_ROLE_INDEX))
            b = baseline_before(c, i > LOOKBACK && i - LOOKBACK > nc->sent_start ? i - LOOKBACK : nc->sent_start,
                                i);   /* "tăng so với cùng kỳ gồm: ván ép (tăng 23,9%)" */
        r.baseline = b;
        if (b && !plan_code)
            ss->baseline = b;
        if (!b && ss->pending_baseline_from == NONE)
            ss->pending_baseline_from = c->out->n_recs;
    } else if (r.role == VNR_ROLE_TARGET) {
        /* `kế hoạch tăng từ 14 - 16% so với cuối năm 2020`: only a stated one */
        r.baseline = baseline_after(c, q->unit_end_tok, nc->sent_end);
        if (r.baseline && (strcmp(r.baseline, "plan") == 0 || strncmp(r.baseline, "budget", 6) == 0))
            r.baseline = NULL;
    }

    /* indicator and subject */
    size_t a, b;
    if (pair_second) {
        a = b = 0;
    } else {
        indicator_span(c, i, trig_at, nc->floor, nc->sent_start, &a, &b);
    }
    bool own = has_content(c, a, b);
    const char *own_text = own ? phrase_text(c, a, b) : NULL;
    if (own && !own_text)
        return false;
    if (own && !*own_text)
        own = false;   /* the phrase was only a period: `9 tháng năm 2024, …` */
    bool inherited = false;
    const vnr_record *head = ss->head != NONE ? &c->out->recs[ss->head] : NULL;
    if (!head && c->out->n_recs > ss->first_rec)
        head = &c->out->recs[c->out->n_recs - 1];
    if (pair_second && c->out->n_recs > 0) {
        const vnr_record *prev = &c->out->recs[c->out->n_recs - 1];
        r.indicator = prev->indicator;
        r.subject = prev->subject;
    } else if (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET || r.role == VNR_ROLE_SHARE) {
        r.indicator = own ? own_text : (head ? head->indicator : "");
        inherited = !own && head;
        r.subject = ss->subject ? ss->subject : (own || !head ? c->block_subject : head->subject);
        /* "Cây ngô gieo trồng 1.409 ha, năng suất ước đạt 30,37 tạ/ha": a short
         * measure later in the clause is about the clause's first entity */
        size_t entity = NONE;
        if (ss->clause_first != NONE && ss->clause_tok == clause_of(c, i, nc))
            entity = ss->clause_first;
        else if (c->out->n_recs > ss->first_rec && c->out->recs[ss->first_rec].role == VNR_ROLE_LEVEL)
            entity = ss->first_rec;
        if (own && !r.subject && b - a <= 5 && entity != NONE)
            r.subject = c->out->recs[entity].indicator;
    } else if (own && head && head->indicator && *head->indicator &&
               c->out->n_recs > ss->first_rec) {
        /* a sector in a chain: "khu vực dịch vụ tăng 9,49%" */
        r.subject = own_text;
        r.indicator = head->indicator;
    } else if (own) {
        r.indicator = own_text;
        r.subject = ss->subject ? ss->subject : c->block_subject;
    } else if (head) {
        r.indicator = head->indicator;
        r.subject = head->subject;
        inherited = true;
    } else {
        r.indicator = "";
        r.subject = ss->subject ? ss->subject : c->block_subject;
    }
    bool noun_follows = q->unit_end_tok < nc->sent_end && c->tv.t[q->unit_end_tok].kind == TOK_WORD &&
                        !in_table(c, q->unit_end_tok, LT_NOT_NOUNS);
    if (q->count && inherited && (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET)) {
        /* a count names its own thing: "có 90 doanh nghiệp hoạt động trở lại" */
        r.indicator = "";
        inherited = false;
    }
    if (!pair_second && !inherited && (q->count || (noun_follows && (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET)))) {
        size_t tail = count_tail_end(c, q->unit_end_tok, nc->sent_end);
        size_t from = q->count ? token_at_offset(c, i, q->unit_start) : q->unit_end_tok;
        /* the thing counted, not the scale: `150,2 nghìn con` → `con` */
        while (from + 1 < tail && units_scale_word(c->text + c->tv.t[from].start,
                                                   c->tv.t[from].end - c->tv.t[from].start) > 0)
            from++;
        size_t il = strlen(r.indicator ? r.indicator : "");
        /* a bare classifier after a named thing adds nothing: `Tổng đàn lợn` */
        if (il && tail == from + 1 && in_table(c, from, LT_CLASSIFIERS))
            from = tail;
        /* nor a noun the indicator already names: `cây ăn quả … 5 nghìn cây` */
        if (il && from < tail &&
            contains_words(r.indicator, c->text + c->tv.t[from].start,
                           c->tv.t[tail - 1].end - c->tv.t[from].start))
            from = tail;
        if (from < tail) {
            const char *unit_phrase = tokens_text(c, from, tail);
            c->scratch.len = 0;
            bool ok = unit_phrase != NULL;
            if (ok && il)
                ok = buf_append(&c->scratch, r.indicator, il) &&
                     buf_append_char(&c->scratch, ' ');
            if (ok && buf_append_str(&c->scratch, unit_phrase))
                r.indicator = arena_strndup(c->arena, c->scratch.data, c->scratch.len);
            else
                arena_mark_failed(c->arena);
        }
    }

    if (r.role == VNR_ROLE_LEVEL && q->percent && r.indicator &&
        (strstr(r.indicator, "tăng trưởng") || strstr(r.indicator, "Tăng trưởng") ||
         strstr(r.indicator, "tốc độ tăng") || strstr(r.indicator, "Tốc độ tăng")))
        r.role = VNR_ROLE_CHANGE;   /* "Tốc độ tăng trưởng … đạt 3,84%" */

    /* unit */
    const char *unit = pair_unit ? pair_unit
                                 : arena_strndup(c->arena, c->text + q->unit_start, q->unit_end - q->unit_start);
    fill_units(c, &r, unit, !pair_unit && q->resolved ? &q->info : NULL);

    /* period and clause text (one copy per clause, however many values) */
    size_t cs = clause_of(c, i, nc);
    r.period = record_period(c, i, q, nc);
    r.text = c->clause_text;
    if (c->clause_len > MAX_CLAUSE_TEXT) {
        /* a list of hundreds of values in one clause: keep the part about
         * this value, so output stays proportional to the input */
        size_t from = phrase_floor(c, i, nc->floor);
        size_t to = q->unit_end_tok + 8 < c->clause_ce ? q->unit_end_tok + 8 : c->clause_ce;
        r.text = tokens_text(c, from, to > i ? to : i + 1);
    }

    if (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET) {
        if (ss->head != NONE && r.role == VNR_ROLE_LEVEL)
            c->statement++;
        r.statement = c->statement;
    }
    /* the next phrase starts after this value's plan or baseline words */
    q->consumed_end = q->unit_end_tok;
    {
        size_t k = q->unit_end_tok, used = 0;
        if (plan_after(c, k)) {
            while (k < nc->sent_end && !is_boundary(c, k) && !is_numeric(&c->tv.t[k]) &&
                   !PHRASE_AT(c, LT_TRIGGERS, k, NULL))
                k++;   /* `đạt 53,5% dự toán và tăng 6,27%`: the verb starts the next */
            q->consumed_end = k;
        } else if (k < nc->sent_end && baseline_at(c, k, &used)) {
            q->consumed_end = k + used;
        }
    }
    size_t index = c->out->n_recs;
    if (cs != ss->clause_tok || ss->clause_first == NONE) {
        ss->clause_tok = cs;
        ss->clause_first = index;
    }
    if (!push_record(c, &r))
        return false;
    if (r.role == VNR_ROLE_LEVEL || (r.role == VNR_ROLE_TARGET && !pair_second))
        ss->head = index;
    if (r.role == VNR_ROLE_CHANGE)
        ss->last_change = index;
    if (!add_fate(c, t->start, t->end, "record", index))
        return false;
    /* digits inside the unit: m2, bác sĩ/1 vạn dân */
    return add_digit_fates(c, q->unit_start, q->unit_end, "unit_part");
}
