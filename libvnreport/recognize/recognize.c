/*
 * recognize.c — recognize stage: the driver: blocks → sentences → numbers; hands each quantity (single, range, fraction or pair) to emit.c.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "recognize-table.h"
#include "metadata.h"
#include "period.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A token that is no number: dates, year spans, document numbers and
 * footnote markers get their fate; so do the digits inside words. */
static bool mark_token(rctx *c, const token *t)
{
    switch (t->kind) {
    case TOK_DATE:
        return add_fate(c, t->start, t->end, "date", NONE);
    case TOK_YEAR_SPAN:
        return add_fate(c, t->start, t->end, "period", NONE);
    case TOK_DOCNUM:
        return add_fate(c, t->start, t->end, "document_number", NONE);
    case TOK_FOOTNOTE:
        return add_fate(c, t->start, t->end, "footnote_marker", NONE);
    case TOK_WORD:
        /* digits inside words: m2, UV2, H5N6 (the lexer flags them) */
        return !(t->flags & TOK_DIGITS) || add_digit_fates(c, t->start, t->end, "identifier");
    default:
        return true;
    }
}


/* The unit of the number at i (into q, *has_unit) and, when it is no
 * quantity (a year, a date, an ordinal …), its fate. */
static const char *quantity_or_fate(rctx *c, const sentence_walk *w, size_t i, quantity *q, bool *has_unit)
{
    const token *t = &c->tv.t[i];
    *has_unit = find_unit(c, i, q);
    /* "vụ Đông xuân 2021 đảm bảo": a year before a word is still a year */
    bool year_word = (t->flags & NUM_YEARLIKE) && q->count;
    /* "số 20 tỉnh Hà Giang": a count noun followed by a name is a name */
    size_t after = q->unit_end_tok;
    bool name_follows = q->count && after < w->end && c->tv.t[after].kind == TOK_WORD &&
                        (c->tv.t[after].flags & TOK_UPPER);
    return non_indicator_fate(c, i, segment_start(c, i, w->nc.floor), *has_unit && !year_word,
                              name_follows);
}


/* The unit of a label's bracket [u, u + m): `người`, or `người/1 vạn dân`
 * after a denominator; NULL when out of memory. */
static const char *label_unit(rctx *c, size_t u, size_t m, size_t floor)
{
    size_t per, pm = label_denominator(c, u, floor, &per);
    const char *unit = tokens_text(c, u, u + m);
    if (!pm || !unit)
        return unit;
    return join_text(c, unit, '/', tokens_text(c, per, per + pm));
}


/* `Đà Nẵng (2.323 ca), Gia Lai (2.027), Đồng Tháp (1.355)`: the unit of
 * a bare number alone in brackets after an item's words, when the item
 * before it, across a list mark, ended with its own bracketed value, its
 * verb perhaps before it (the list states its unit once); NULL
 * otherwise. */
static const char *bracket_item_unit(const rctx *c, const sentence_walk *w, size_t i)
{
    enum { ITEM_WORDS = 8 };
    size_t n = c->out->n_recs, s = w->nc.sent_start, k = i - 1;
    if (n <= w->ss.own_first_rec || i < s + 3 || c->tv.t[i].kind != TOK_NUMBER || !is_punct(c, i - 1, '(') ||
        !is_punct(c, i + 1, ')'))
        return NULL;
    while (k > s && c->tv.t[k - 1].kind == TOK_WORD && k + ITEM_WORDS > i)
        k--;
    if (k == i - 1 || k < s + 2 || !(is_punct(c, k - 1, ',') || is_punct(c, k - 1, ';')) ||
        !is_punct(c, k - 2, ')'))
        return NULL;
    const vnr_record *prev = &c->out->recs[n - 1];
    size_t p = token_at_offset(c, s, prev->norm_start);
    p -= p > s ? PHRASE_BEFORE(c, LT_TRIGGERS, p, s, NULL) : 0;   /* `Giao Thủy (giảm 0,61 điểm), Hải Hậu (0,55)` */
    /* (a count's or a measure's unit: a percentage list spells its `%`) */
    return p > s && is_punct(c, p - 1, '(') && follows_record(c, prev, k - 2) && prev->unit && *prev->unit &&
                   strcmp(prev->unit, "%") != 0
               ? prev->unit : NULL;
}


/* A number without a unit: a label's bracketed unit is its unit, an item
 * about a rate takes `%` ("Tỷ lệ trẻ em
 * suy dinh dưỡng: ≤ 15,8."), one about a count its noun ("Số doanh
 * nghiệp … đạt 120,"); any other is a bare number ("24,6/24,3 tạ/ha" is a
 * fraction whose unit follows). */
static bool read_unitless(rctx *c, sentence_walk *w, size_t i, quantity *q)
{
    bool ok;
    size_t noun, m;
    const char *unit;
    if ((m = label_unit_of_item(c, i, w->nc.floor, &noun)) != 0) {
        /* `Dân số trung bình (nghìn người): 1.250,3`: the label's unit; per
         * what it names before it (`… bình quân 1 vạn dân (người): 15`) */
        unit = label_unit(c, noun, m, w->nc.sent_start);
        ok = unit && emit_quantity(c, i, q, &w->nc, &w->ss, false, unit);
    } else if ((unit = bracket_item_unit(c, w, i)) != NULL) {
        ok = emit_quantity(c, i, q, &w->nc, &w->ss, false, unit);
    } else if (rate_item(c, i, w->nc.floor, w->end)) {
        ok = emit_quantity(c, i, q, &w->nc, &w->ss, false, "%");
    } else if ((m = counted_noun_of_item(c, i, w->nc.floor, w->end, &noun)) != 0) {
        /* `Số doanh nghiệp thành lập mới đạt 120,`: the noun the measure counts */
        unit = tokens_text(c, noun, noun + m);
        ok = unit && emit_quantity(c, i, q, &w->nc, &w->ss, false, unit);
    } else
        ok = add_fate(c, c->tv.t[i].start, c->tv.t[i].end, "bare_number", NONE);
    w->nc.floor = i + 1;
    return ok;
}


/* `36 trong tổng số 37 chỉ tiêu`: a bare number, a FRACTION_LINK and a
 * count no smaller: the part takes the count's unit and the count is its
 * total (into q). The whole's token, NONE when there is none. */
static size_t whole_after(rctx *c, size_t i, size_t e, quantity *q)
{
    const token *t = &c->tv.t[i];
    size_t m = t->kind == TOK_NUMBER && !(t->flags & NUM_YEARLIKE) && i + 1 < e
                   ? PHRASE_AT(c, LT_FRACTION_LINKS, i + 1, NULL) : 0;
    size_t k = i + 1 + m;
    if (!m || k >= e || c->tv.t[k].kind != TOK_NUMBER || c->tv.t[k].v < t->v)
        return NONE;
    quantity whole = *q;
    if (!find_unit(c, k, &whole) || !whole.count)
        return NONE;
    *q = whole;
    q->tok = i;
    q->value = t->v;
    q->total = c->tv.t[k].v;
    return k;
}


/* Is unitless number i joined by one SIBLING_LINK word to a plain number
 * right after (`2,1 và 4,6%`)? */
static bool shares_next_unit(const rctx *c, size_t i, size_t e)
{
    return i + 2 < e && PHRASE_AT(c, LT_SIBLING_LINKS, i + 1, NULL) == 1 && c->tv.t[i + 1].kind == TOK_WORD &&
           c->tv.t[i + 2].kind == TOK_NUMBER && !(c->tv.t[i + 2].flags & NUM_YEARLIKE);
}


/* The number at token i: its fate, or its record(s); *next is the token
 * to read after it. */
static bool read_number(rctx *c, sentence_walk *w, size_t i, size_t *next)
{
    const token *t = &c->tv.t[i];
    if (!isfinite(t->v))   /* 10,000 digits: no double holds it, and a null value is no record */
        return add_fate(c, t->start, t->end, "out_of_range", NONE);
    quantity q = { .tok = i, .value = t->v, .value_max = NAN, .total = NAN,
                   .vstart = t->start, .vend = t->end };
    bool has_unit;
    const char *fate = quantity_or_fate(c, w, i, &q, &has_unit);
    if (fate)
        return add_fate(c, t->start, t->end, fate, NONE);
    size_t join = t->kind == TOK_NUMBER ? range_join_at(c, i, has_unit ? q.unit_end_tok : i + 1, w->end) : 0;
    if (!has_unit && join && find_unit(c, i + 1 + join, &q)) {
        /* `từ 14 - 16%`, `7-8 %`: the first bound takes the unit of the second */
        has_unit = true;
        q.unit_end_tok = i + 1;
    }
    if (!has_unit && t->kind == TOK_NUMBER && !(t->flags & NUM_YEARLIKE) && shares_next_unit(c, i, w->end) &&
        find_unit(c, i + 2, &q)) {
        /* `lần lượt tăng 2,1 và 4,6%`, `đạt 120 và 35 nghìn tấn`: the first
         * of two values joined by a SIBLING_LINK takes the unit of the second */
        has_unit = true;
        q.unit_end_tok = i + 1;
    }
    size_t whole = NONE;
    if (!has_unit && (whole = whole_after(c, i, w->end, &q)) != NONE)
        has_unit = true;   /* `36 trong tổng số 37 chỉ tiêu`: 36 of 37 */
    if (!has_unit)
        return read_unitless(c, w, i, &q);
    pair_step step = whole == NONE ? read_mixed_scale(c, w, i, &q, next) : PAIR_NONE;
    if (step == PAIR_NONE)
        step = read_range(c, w, i, &q, next);
    if (step == PAIR_NONE && t->kind == TOK_RANGE)
        q.value_max = t->v2;
    else if (step == PAIR_NONE && t->kind == TOK_FRACTION)
        step = read_fraction(c, w, i, &q, next);
    if (step == PAIR_NONE)
        step = read_slash_pair(c, w, i, &q, next);
    if (step != PAIR_NONE)
        return step == PAIR_READ;
    if (!emit_quantity(c, i, &q, &w->nc, &w->ss, false, NULL))
        return false;
    if (whole != NONE && !add_fate(c, c->tv.t[whole].start, c->tv.t[whole].end, "record", c->out->n_recs - 1))
        return false;   /* (the whole is that record's total) */
    w->nc.floor = q.consumed_end;
    *next = q.unit_end_tok;
    return true;
}


/* Does the sentence at token s open with a breakdown word and its comma
 * or colon (`Trong đó, …`, `Trong đó: …`), or a level verb and its
 * number (`Trong đó có 160.750 lượt khách …`)? */
static bool opens_breakdown(const rctx *c, size_t s, size_t e)
{
    size_t idx, m = PHRASE_AT(c, LT_BREAKDOWN_WORDS, s, NULL);
    if (!m || s + m >= e)
        return false;
    /* (or a level verb right after it: `Trong đó có 160.750 lượt khách …`;
     * or a part of the economy: `Trong đó khu vực dịch vụ tăng 6,42%`) */
    size_t v = PHRASE_AT(c, LT_TRIGGERS, s + m, &idx);
    return is_punct(c, s + m, ',') || is_punct(c, s + m, ':') || PHRASE_AT(c, LT_SECTOR_HEADS, s + m, NULL) ||
           (v && triggers[idx].kind == T_LEVEL && s + m + v < e && is_numeric(&c->tv.t[s + m + v]));
}


/* How far back from a year a compare word makes it a comparand (`so với
 * ước thực hiện năm 2023`). */
enum { COMPARAND_REACH = 6 };

/* Does a compare word end right before token k (`so với | ước thực hiện`)? */
static bool after_compare_word(const rctx *c, size_t s, size_t k)
{
    for (size_t j = k > s + 2 ? k - 2 : s; j < k; j++) {
        size_t m = compare_word_at(c, j, false);
        if (m && j + m == k)
            return true;
    }
    return false;
}

/* The year token k (in a sentence from s) names as a time (`Năm 2023`,
 * `… chỉ tiêu năm 2023`), or 0. */
static int time_year_at(const rctx *c, size_t s, size_t k)
{
    const token *t = &c->tv.t[k];
    return t->kind == TOK_NUMBER && (t->flags & NUM_YEARLIKE) && PHRASE_BEFORE(c, LT_TIME_WORDS, k, s, NULL)
               ? (int)t->v : 0;
}


/* Does sentence [s, e) name a year before the plan's as its time, not as
 * a comparand (`Năm 2023, GRDP tăng 7,6%`, `… hoàn thành 18/23 chỉ tiêu
 * năm 2023` in the plan for 2024; not `tăng 8% so với năm 2023`)? */
static bool names_year_before_plan(const rctx *c, size_t s, size_t e)
{
    int plan_year = c->plan_period ? atoi(c->plan_period) : 0;
    for (size_t k = s + 1; plan_year && k < e; k++) {
        int y = time_year_at(c, s, k);
        if (!y || y >= plan_year)
            continue;
        bool comparand = false;
        for (size_t j = k > s + COMPARAND_REACH ? k - COMPARAND_REACH : s; j < k && !comparand; j++)
            comparand = compare_word_at(c, j, false) != 0;
        if (!comparand)
            return true;
    }
    return false;
}


/* In a plan part, does sentence [s, e) report results rather than set
 * targets (a REVIEW_CUE: `nhiều chỉ tiêu đạt cao như …`, `ước tăng`; or
 * an earlier year as its time)? */
static bool reviews_results(const rctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (PHRASE_AT(c, LT_REVIEW_CUES, k, NULL) && !after_compare_word(c, s, k))
            return true;   /* (not a comparand: `tăng 1,19% so với ước thực hiện năm 2017`) */
    return names_year_before_plan(c, s, e);
}


/* Does sentence [s, e) compare as only outcomes are compared: with the
 * same period a year earlier (`tăng 22% so với cùng kỳ`), or as a share of
 * a plan (`bằng 94,2% kế hoạch`, `vượt 7% so với nghị quyết`)? */
static bool compares_outcomes(const rctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++) {
        size_t m = compare_word_at(c, k, false);
        if ((m && same_period_at(c, k + m)) || (is_punct(c, k, '%') && k > s && is_numeric(&c->tv.t[k - 1]) &&
                                                 plan_after(c, k + 1)))
            return true;
    }
    return false;
}


/* Does sentence [s, e) set goals in its own words (a TARGET_CUE that
 * governs a sentence: `phấn đấu`, `mục tiêu`)? */
static bool sets_goals_itself(const rctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++) {
        size_t idx;
        if (PHRASE_AT(c, LT_TARGET_CUES, k, &idx) && target_cues[idx].sentence)
            return true;
    }
    return false;
}


/* Does sentence [s, e) name the plan's year or a later one as its time
 * (`Năm 2026, …`)? */
static bool names_plan_year(const rctx *c, size_t s, size_t e)
{
    int plan_year = c->plan_period ? atoi(c->plan_period) : 0;
    for (size_t k = s + 1; plan_year && k < e; k++)
        if (time_year_at(c, s, k) >= plan_year)
            return true;
    return false;
}


/* In a plan part, are the values of sentence [s, e) outcomes: it reviews
 * results, or sets no goals in its own words and compares as outcomes
 * are compared (even of the plan's year: `Năm 2024, doanh thu … vượt 5%
 * so với nghị quyết`), or goes on from an earlier sentence of its
 * paragraph (or of the one a `Trong đó,` goes on with) that did, naming
 * no year of the plan? Remembers the answer for the next. */
static bool tells_outcomes(rctx *c, size_t s, size_t e)
{
    /* (only a news piece on a plan tells outcomes this way; a report's plan
     * part, `Phần thứ hai`, compares its goals so: `giải ngân 100% kế
     * hoạch vốn giao trong năm`) */
    bool news = c->meta->kind && strcmp(c->meta->kind, "plan") == 0;
    bool goals = sets_goals_itself(c, s, e);
    bool outcomes = reviews_results(c, s, e) ||
                    (news && !goals &&
                     (compares_outcomes(c, s, e) || (c->outcomes_carry && !names_plan_year(c, s, e))));
    c->outcomes_carry = outcomes && !goals;
    return outcomes;
}


static bool walk_sentence(rctx *c, size_t s, size_t e, sentence_state *last);

/* Every token of the sentence [s, e) in order; the sentence's records
 * share a statement head, a chain baseline and a label subject. `last`
 * holds the block's previous sentence: one that opens with `Trong đó,`
 * names the parts of what that sentence named, so it goes on with its
 * head and first record (`Chỉ số … tăng 4,2%. Trong đó, ngành khai khoáng
 * tăng 1,8%` reads as with a comma). On return `last` is this sentence. */
bool process_sentence(rctx *c, size_t s, size_t e, sentence_state *last)
{
    bool in_plan = c->in_plan;
    if (in_plan && tells_outcomes(c, s, e))
        c->in_plan = false;   /* its values are outcomes, for this sentence */
    bool ok = walk_sentence(c, s, e, last);
    c->in_plan = in_plan;
    return ok;
}


static bool walk_sentence(rctx *c, size_t s, size_t e, sentence_state *last)
{
    sentence_walk w = {
        .nc = { .sent_start = s, .sent_end = e, .floor = s },
        .ss = { .first_rec = c->out->n_recs, .own_first_rec = c->out->n_recs, .head = NONE, .outer_head = NONE,
                .last_change = NONE, .chain_last = NONE, .parts_of = NONE,
                .pending_baseline_from = NONE, .clause_first = NONE, .clause_tok = NONE, .goal_list = -1,
                .est_scanned = s, .est_at = NONE,
                .prev_head = last->first_rec == NONE ? NONE : last->head,
                .prev_last = last->first_rec == NONE ? NONE : last->chain_last,
                .sent_start = s, .sent_end = e },
        .end = e,
    };
    /* not after a count, whose parts are no sectors of a measure (`có 10/11
     * nhóm … tăng. Trong đó, tăng cao nhất là …`) */
    size_t from = last->first_rec;
    const vnr_record *carried = from < c->out->n_recs ? &c->out->recs[from] : NULL;
    if (carried && is_count(carried) && last->clause_first != NONE && last->clause_first > from &&
        last->clause_first < c->out->n_recs && !is_count(&c->out->recs[last->clause_first]))
        carried = &c->out->recs[from = last->clause_first];   /* (its last ';' clause's measure: `có 18/22
                                                               * sản phẩm … tăng; Chỉ số … tăng 11,25%.
                                                               * Trong đó: …`) */
    /* (a breakdown sentence's parts may go on in sentences of their own:
     * `Trong đó, khu vực nông nghiệp đạt …. Khu vực dịch vụ đạt …`) */
    bool goes_on = last->first_rec < last->own_first_rec && PHRASE_AT(c, LT_SECTOR_HEADS, s, NULL);
    if (carried && !is_count(carried) && (opens_breakdown(c, s, e) || goes_on)) {
        w.ss.first_rec = from;
        w.ss.head = last->head != NONE && last->head >= from ? last->head : NONE;
        w.ss.outer_head = last->outer_head != NONE && last->outer_head >= from ? last->outer_head : NONE;
        w.ss.head_in_bracket = w.ss.head != NONE && last->head_in_bracket;
        w.ss.last_change = last->last_change != NONE && last->last_change >= from ? last->last_change : NONE;
        w.ss.chain_last = last->chain_last;
        w.ss.bd_scanned = s;
        w.ss.bd_found = true;
    }
    w.ss.goal = (c->goal_carry || (c->list_item && c->list_goals)) && !c->in_plan && goes_on_with_goals(c, s, e);
    w.ss.measure_label = measure_label(c, s, e);
    if (w.ss.measure_label && prev_head_named_by(c, &w.ss, w.ss.measure_label))
        w.ss.measure_label = c->out->recs[w.ss.prev_head].indicator;   /* `Sản lượng chia theo nhóm sản phẩm: Cá …` */
    w.ss.subject = w.ss.measure_label ? NULL : sentence_label(c, s, e, &w.ss.list_label);
    if (!w.ss.subject && !w.ss.measure_label)
        w.ss.subject = valueless_head(c, s, e);
    if (!w.ss.subject && !w.ss.measure_label && !carried && last->sent_end == s && last->sent_start < s &&
        last->own_first_rec == c->out->n_recs && opens_breakdown(c, s, e)) {
        /* `…. Cụ thể, 1.200 tỷ đồng …`: the measure of values that name
         * none; of parts that name themselves (`Cụ thể, khu vực dịch vụ
         * tăng …`), the subject */
        const char *head = valueless_sentence(c, last->sent_start, s);
        size_t first = s + PHRASE_AT(c, LT_BREAKDOWN_WORDS, s, NULL) + 1;
        while (first < e && (PHRASE_AT(c, LT_TIME_WORDS, first, NULL) ||
                             (is_numeric(&c->tv.t[first]) && in_period_phrase(c, first))))
            first++;   /* (`Cụ thể, năm 2016 đạt 410 triệu USD`) */
        if (first < e && (is_numeric(&c->tv.t[first]) || PHRASE_AT(c, LT_TRIGGERS, first, NULL)))
            w.ss.measure_label = head;
        else
            w.ss.subject = head;
    }
    c->statement++;
    c->clause_text = NULL;
    for (size_t i = s; i < e;) {
        const token *t = &c->tv.t[i];
        size_t next = i + 1;
        if (!(is_numeric(t) ? read_number(c, &w, i, &next) : mark_token(c, t)))
            return false;
        i = next;
    }
    settle_chain_baseline(c, &w.ss);
    remember_block_baseline(c, &w.ss, s, e);
    if (c->out->n_recs > w.ss.own_first_rec)   /* a sentence without values changes nothing */
        c->goal_carry = w.ss.goal || sets_goals(c, s, e, w.ss.own_first_rec) ||
                        w.ss.goals_from != 0;   /* (`Đại hội đã thông qua 33 chỉ tiêu chủ yếu.`: its list follows) */
    *last = w.ss;
    return true;
}


/* The period section `id`'s own title names (`I. Thành tựu kinh tế - xã
 * hội năm 2020`), in the code record_period gives; "" when it names none,
 * NULL when out of memory. Each title is read once per document. */
static const char *title_period(rctx *c, int32_t id)
{
    if (!c->title_periods) {
        size_t bytes = c->seg->n_sections * sizeof *c->title_periods;
        if (!(c->title_periods = arena_alloc(c->arena, bytes)))
            return NULL;
        memset(c->title_periods, 0, bytes);
    }
    if (c->title_periods[id])
        return c->title_periods[id];
    const char *title = c->seg->sections[id].title;
    char low[512], buf[32];
    size_t n = utf8_lower(title, strnlen(title, 240), low, sizeof low);
    period_ref p;
    bool named = period_first(low, n, &p) && period_format(&p, c->meta->year, buf, sizeof buf);
    return c->title_periods[id] = named ? arena_strdup(c->arena, buf) : "";
}


/* The period the innermost heading from section `id` up that names one
 * names (*out, NULL when none does); false when out of memory. */
static bool heading_period(rctx *c, int32_t id, const char **out)
{
    *out = NULL;
    for (; id >= 0; id = c->seg->sections[id].parent) {
        const char *p = title_period(c, id);
        if (!p)
            return false;
        if (*p) {
            *out = p;
            return true;
        }
    }
    return true;
}


/* The section path of a block, copied into the document's arena (the
 * segmentation is freed before the document is handed out), and the
 * period its headings name. */
bool set_section(rctx *c, const block *b)
{
    if (b->section == c->section_id && c->section_id != -2) {
        /* a block that is its section's heading line speaks of itself:
         * `2. Thu ngân sách … ; riêng tháng 12 thu …` is no heading of
         * its own values */
        c->heading_period = c->section_periods[b->opens_section];
        return true;
    }
    c->section_id = b->section;
    size_t depth = section_depth(c->seg, b->section);
    c->section_depth = depth;
    c->section = NULL;
    c->heading_period = c->section_periods[0] = c->section_periods[1] = NULL;
    if (!depth)
        return true;
    const char **titles = arena_alloc(c->arena, depth * sizeof *titles);
    if (!titles)
        return false;
    section_path(c->seg, b->section, titles, depth);
    for (size_t k = 0; k < depth; k++)
        if (!(titles[k] = arena_strdup(c->arena, titles[k])))
            return false;
    c->section = titles;
    if (!heading_period(c, b->section, &c->section_periods[0]) ||
        !heading_period(c, c->seg->sections[b->section].parent, &c->section_periods[1]))
        return false;
    c->heading_period = c->section_periods[b->opens_section];
    return true;
}


/* Does the block's text end with a breakdown word and a colon (`Trong
 * đó:`, `…; trong đó:`), announcing its parts in the list items below?
 * *in_sentence: the word goes on with a sentence (after ';' or ','). */
static bool ends_announcing_parts(const rctx *c, bool *in_sentence)
{
    enum { BREAKDOWN_TOKENS = 3 };
    size_t n = c->tv.n;
    if (n < 2 || !is_punct(c, n - 1, ':'))
        return false;
    for (size_t m = 1; m <= BREAKDOWN_TOKENS && m < n; m++)
        if (PHRASE_AT(c, LT_BREAKDOWN_WORDS, n - 1 - m, NULL) == m) {
            size_t k = n - 1 - m;
            *in_sentence = k > 0 && (is_punct(c, k - 1, ';') || is_punct(c, k - 1, ','));
            return true;
        }
    return false;
}


/* A list item (`- Lúa gieo trồng …, giảm 1,8%`) after a paragraph that
 * announced its parts goes on with that paragraph's comparison, and with
 * its estimate when the items go on with its sentence (`… ước đạt …;
 * trong đó:`). (Only those: the head's words are no subject every item
 * shares.) */
static void resume_announced_list(rctx *c, const block *b)
{
    bool item = b->marker == MK_DASH || b->marker == MK_PLUS || b->marker == MK_PAREN;
    c->list_item = item && c->list_open;
    if (c->list_item) {
        if (c->list_baseline)
            c->block_baseline = c->list_baseline;
    } else {
        c->list_open = c->list_estimate = c->list_goals = false;
        c->list_baseline = c->list_period = NULL;
    }
}


/* After a text block (its records from first_rec on): remember what a
 * paragraph that announced its parts says of them. */
static void remember_announced_list(rctx *c, size_t first_rec, size_t last_sentence)
{
    bool in_sentence = false;
    if (c->out->n_recs == first_rec && heads_goals(c, last_sentence, c->tv.n)) {
        /* `Mục tiêu cụ thể đến năm 2030:`: its items are goals of that year */
        char buf[32];
        c->list_open = c->list_goals = true;
        c->list_baseline = NULL;
        c->list_estimate = false;
        c->list_period = period_of_tokens(c, last_sentence, c->tv.n, true, buf, sizeof buf)
                             ? arena_strdup(c->arena, buf) : NULL;
        return;
    }
    /* (a last sentence with no value announces its items too: `Diện tích
     * … so với cùng kỳ năm trước như sau:`) */
    size_t n = c->out->n_recs;
    bool heading = c->tv.n > 1 && is_punct(c, c->tv.n - 1, ':') && last_sentence < c->tv.n &&
                   (n == first_rec || c->out->recs[n - 1].norm_start < c->tv.t[last_sentence].start);
    if (!ends_announcing_parts(c, &in_sentence) && !heading)
        return;   /* (an item may announce parts of its own) */
    c->list_open = true;
    c->list_goals = false;
    c->list_baseline = c->block_baseline;
    c->list_estimate = in_sentence && n > first_rec && c->out->recs[n - 1].estimate;
    c->list_period = in_sentence && n > first_rec ? c->out->recs[n - 1].period : NULL;
}


/* Is the text block just read (its records from first_rec on) a web
 * page's debris, no text a `Trong đó:` after it goes on with: a short
 * line with no record (a photo's caption, a player's `0:00 / 0:00`)? */
static bool is_caption(const rctx *c, size_t first_rec)
{
    enum { CAPTION_TOKENS = 40 };
    return c->out->n_recs == first_rec && c->tv.n <= CAPTION_TOKENS && !is_punct(c, c->tv.n - 1, ':');
}


/* A web page's unnumbered subheading between paragraphs: a short block
 * of one line, below the title, with no value (a year aside) and no
 * sentence's end (`Bức tranh kinh tế năm 2025 nhiều gam sáng` in a text of
 * 2026). The other year it names stands for the values under it that name no period, until the
 * next one or a numbered heading (record_period); false only when out of
 * memory. */
static bool subheading(rctx *c, const block *b, size_t bi)
{
    enum { SUBHEADING_BYTES = 120 };
    const text_span *sp = &c->seg->spans[b->first_span];
    if (b->opens_section)
        c->subheading_period = NULL;   /* (a numbered heading starts afresh) */
    if (bi == 0 || b->marker != MK_NONE || b->opens_section || b->n_spans != 1 ||
        sp->end - sp->start > SUBHEADING_BYTES || memchr(c->text + sp->start, '\n', sp->end - sp->start))
        return true;
    for (size_t k = 0; k < c->tv.n; k++)
        if ((is_numeric(&c->tv.t[k]) && !(c->tv.t[k].flags & NUM_YEARLIKE)) ||
            (c->tv.t[k].kind == TOK_PUNCT && strchr(".:;?!", (int)c->tv.t[k].cp)))
            return true;
    char buf[32];
    if (!period_of_tokens(c, 0, c->tv.n, true, buf, sizeof buf) || strlen(buf) != 4 || atoi(buf) == c->meta->year)
        return true;   /* (a year only, not the text's own: a photo's caption names the month of its
                        * event, a monthly report's part may name its year) */
    c->subheading_period = arena_strdup(c->arena, buf);
    return c->subheading_period != NULL;
}


/* `Trong đó,` on a new line goes on with the paragraph before: its parts,
 * that paragraph's head (from record carried_rec on) and comparison; a
 * paragraph that spells it out (`Cụ thể, …`, LW_DETAIL) also with its
 * goals (`… đặt mục tiêu … từ 10% trở lên.` then `Cụ thể, …: 10%; …`; not
 * `Trong đó, …` after a headline's `phấn đấu`). */
static void resume_paragraph_before(rctx *c, size_t carried_rec, bool goals_before, sentence_state *last)
{
    last->first_rec = carried_rec;
    last->head = c->carry_head;
    last->last_change = c->carry_last_change;
    last->chain_last = c->carry_chain_last;
    c->block_baseline = c->carry_baseline;
    size_t idx;
    c->goal_carry = goals_before && PHRASE_AT(c, LT_LINK_WORDS, 0, &idx) && link_words[idx].kind == LW_DETAIL;
}


/* Does the paragraph open with an LW_GOES_ON word (`Tiếp đến là …`, `Ở
 * chiều ngược lại, …`), going on listing the parts of the one before? */
static bool goes_on_listing(const rctx *c)
{
    size_t idx;
    return PHRASE_AT(c, LT_LINK_WORDS, 0, &idx) && link_words[idx].kind == LW_GOES_ON;
}


bool process_block(rctx *c, size_t bi)
{
    const block *b = &c->seg->blocks[bi];
    if (b->marker_end > b->marker_start &&
        !add_digit_fates(c, b->marker_start, b->marker_end,
                         b->kind == BLK_FOOTNOTE ? "footnote_marker" : "list_marker"))
        return false;
    size_t carried_rec = c->carry_first_rec, block_first_rec = c->out->n_recs;
    c->carry_first_rec = NONE;   /* only text right after text goes on */
    if (b->kind == BLK_TABLE) {
        table_ctx tc = { c->text, c->seg, c->meta, c->doc, c->arena, c->out, NULL, 0,
                         b->section, &c->statement };
        if (!set_section(c, b))
            return false;
        tc.section = c->section;
        tc.section_depth = c->section_depth;
        return recognize_table(&tc, b);
    }
    if (b->kind == BLK_FURNITURE) {
        c->carry_first_rec = carried_rec;   /* (a page's debris between a head and its `Trong đó:`) */
        for (uint32_t s = 0; s < b->n_spans; s++) {
            const text_span *sp = &c->seg->spans[b->first_span + s];
            if (!add_digit_fates(c, sp->start, sp->end, "furniture"))
                return false;
        }
        return true;
    }
    c->tv.n = 0;
    for (uint32_t s = 0; s < b->n_spans; s++) {
        const text_span *sp = &c->seg->spans[b->first_span + s];
        if (!lex_span(c->text, sp->start, sp->end, &c->tv))
            return false;
    }
    if (!c->tv.n || !lower_tokens(c) || !set_section(c, b))
        return c->tv.n == 0;
    c->plan_period = meta_plan_period(c->meta, c->seg, bi);
    c->in_plan = c->plan_period != NULL;
    c->outcomes_carry = c->outcomes_carry && carried_rec != NONE && opens_breakdown(c, 0, c->tv.n);
    c->block_subject = NULL;
    c->block_baseline = NULL;
    c->block_pair[0] = c->block_pair[1] = NULL;
    bool goals_before = c->goal_carry;
    c->goal_carry = false;
    if (b->marker == MK_NONE || b->marker == MK_DASH || b->marker == MK_PLUS || b->marker == MK_PAREN)
        c->block_subject = sentence_label(c, 0, c->tv.n, &(bool){ false });
    size_t s = 0;
    sentence_state last = { .first_rec = NONE };
    if (carried_rec != NONE && opens_breakdown(c, 0, c->tv.n))
        resume_paragraph_before(c, carried_rec, goals_before, &last);
    else if (carried_rec != NONE && goes_on_listing(c))
        c->block_baseline = c->carry_baseline;   /* `Tiếp đến là nhóm giao thông (tăng 2,7%)`: compared as before */
    resume_announced_list(c, b);
    if (!subheading(c, b, bi))
        return false;
    for (size_t i = 0; i < c->tv.n; i++) {
        /* only punctuation ends a sentence (lex_ends_sentence): no call per word */
        if ((c->tv.t[i].kind == TOK_PUNCT && lex_ends_sentence(&c->tv, c->text, i)) ||
            i + 1 == c->tv.n) {
            if (!process_sentence(c, s, i + 1, &last))
                return false;
            s = i + 1;
        }
    }
    if (is_caption(c, block_first_rec)) {
        c->carry_first_rec = carried_rec;   /* a photo's caption between a head and its `Trong đó:` */
    } else {
        c->carry_first_rec = last.first_rec;
        c->carry_head = last.head;
        c->carry_last_change = last.last_change;
        c->carry_chain_last = last.chain_last;
        c->carry_baseline = c->block_baseline;
    }
    remember_announced_list(c, block_first_rec, last.sent_start);
    return true;
}


bool recognize_document(const char *text, size_t len, const segmentation *seg,
                        const doc_meta *meta, const char *doc_name,
                        vnr_arena *arena, recognizer_out *out)
{
    rctx c = { .text = text, .len = len, .seg = seg, .meta = meta, .doc = doc_name,
               .arena = arena, .out = out, .section_id = -2, .carry_first_rec = NONE };
    const lexicon_index *shared = lexicon_shared();
    /* out of memory at the first build: an index of this parse's own */
    bool own_lexicon = !shared;
    bool ok = true;
    if (own_lexicon)
        ok = lexicon_build(&c.lex);
    else
        c.lex = *shared;
    for (size_t b = 0; ok && b < seg->n_blocks; b++)
        ok = process_block(&c, b);
    if (own_lexicon)
        lexicon_free(&c.lex);
    free_token_arrays(&c);
    return ok;
}
