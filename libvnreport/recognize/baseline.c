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

/* A comparison opener (COMPARE_WORD) at token k: its tokens, 0 for none;
 * `full_only` asks for the complete form (`so với`, not a bare `so`). */
size_t compare_word_at(const rctx *c, size_t k, bool full_only)
{
    size_t idx;
    size_t m = PHRASE_AT(c, LT_COMPARE_WORDS, k, &idx);
    return m && (!full_only || compare_words[idx].full) ? m : 0;
}


/* The id of a baseline code as a record carries it: a BASELINE_CODE
 * spelling, followed by a year for a code that takes one; BL_OTHER for any
 * other code (a compared period such as `month:3/2023`). */
baseline_id baseline_id_of(const char *code)
{
    for (size_t id = 0; id < BL_COUNT; id++) {
        const baseline_code_entry *e = &baseline_codes[id];
        bool same = e->flags & BC_TAKES_YEAR ? strncmp(code, e->code, strlen(e->code)) == 0
                                             : strcmp(code, e->code) == 0;
        if (same)
            return (baseline_id)id;
    }
    return BL_OTHER;
}


/* The BC_ flags of a record's baseline code (0 for NULL or another code). */
unsigned baseline_flags(const char *code)
{
    baseline_id id = code ? baseline_id_of(code) : BL_OTHER;
    return id == BL_OTHER ? 0 : baseline_codes[id].flags;
}


/* The lower-cased text of tokens [k, e) into low (cap bytes, room for
 * any lower-casing to grow); 0 when it would not fit. */
static size_t lower_span(const rctx *c, size_t k, size_t e, char *low, size_t cap)
{
    size_t span = c->tv.t[e - 1].end - c->tv.t[k].start;
    return span < cap / 2 ? lower_text(c, c->tv.t[k].start, span, low, cap) : 0;
}


/* How many tokens from k, before e, the first `bytes` bytes of their text
 * take (whole tokens). */
static size_t tokens_within(const rctx *c, size_t k, size_t e, size_t bytes)
{
    size_t used = 0;
    while (k + used < e && c->tv.t[k + used].end - c->tv.t[k].start <= bytes)
        used++;
    return used;
}


/* The last period the text before token k names in its clause (back to
 * a strong boundary, at most CLAUSE_PERIOD_REACH tokens), not compared
 * itself: `Chỉ số … tháng 7/2024 ước tăng … so với …`. False when none. */
static bool clause_period_before(const rctx *c, size_t k, period_ref *out)
{
    enum { CLAUSE_PERIOD_REACH = 24 };
    size_t s = k;
    while (s > 0 && k - s < CLAUSE_PERIOD_REACH && !is_strong_boundary(c, s - 1))
        s--;
    char low[512];
    size_t n = s < k ? lower_span(c, s, k, low, sizeof low) : 0;
    return n && period_last(low, n, out) && out->kind != PK_YEAR;
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
    char low[256];
    size_t n = e > k ? lower_span(c, k, e, low, sizeof low) : 0;
    if (!n)
        return 0;
    period_ref p;
    size_t date_end = period_year_end_date(low, n, &p.year);
    if (date_end) {
        /* `so với 31/12/2023`, `so với thời điểm 31/12/2023` */
        snprintf(buf, cap, "year_end:%d", p.year);
        p.end = date_end;
    } else if (!period_next(low, n, 0, &p) || p.start > period_lead_length(low, n)) {
        return 0;
    } else {
        period_ref current = { .kind = (period_kind)c->meta->period_kind, .n = c->meta->period_n,
                               .year = c->meta->year };
        period_ref own;
        if (!period_baseline(&p, &current, c->meta->year, buf, cap) &&
            !(clause_period_before(c, k, &own) &&
              period_baseline(&p, &own, own.year ? own.year : c->meta->year, buf, cap)))
            return 0;   /* (`tháng 7/2024 ước tăng 3,08% so với tháng 6/2024` in a year's report: of its clause's month) */
    }
    size_t used = tokens_within(c, k, e, p.end);
    return used ? used : 1;
}


/* `cùng kỳ năm 2021`: the tokens of the compared period's year after a
 * baseline phrase (`năm` and the year), which go with it; 0 when none. */
static size_t year_after(const rctx *c, size_t k)
{
    size_t idx, m = k < c->tv.n ? PHRASE_AT(c, LT_BASELINES, k, &idx) : 0;
    if (!m || baselines[idx].id != BL_YEAR || k + m >= c->tv.n)
        return 0;
    const token *y = &c->tv.t[k + m];
    return y->kind == TOK_NUMBER && (y->flags & NUM_YEARLIKE) ? m + 1 : 0;
}


size_t same_period_at(const rctx *c, size_t k)
{
    size_t idx, m = k < c->tv.n ? PHRASE_AT(c, LT_BASELINES, k, &idx) : 0;
    return m && baselines[idx].id == BL_SAME_PERIOD_LAST_YEAR ? m : 0;
}


/* The baseline stated at token i (`so với cùng kỳ`, `cùng kỳ`); its
 * length in tokens in *consumed. */
const char *baseline_at(rctx *c, size_t i, size_t *consumed)
{
    return baseline_at_ex(c, i, false, consumed);
}


/* The tokens of a comparand's lead at k, after a compare word (`so với
 * ước thực hiện năm 2017`, `so với cả năm 2018`), read by the period
 * grammar's period_lead_length; 0 when there is none. */
static size_t comparand_lead_at(rctx *c, size_t k)
{
    enum { LEAD_TOKENS = 5 };   /* the longest lead and a word after it */
    size_t e = k;
    while (e < c->tv.n && e < k + LEAD_TOKENS && c->tv.t[e].kind == TOK_WORD)
        e++;
    char low[128];
    size_t n = e > k ? lower_span(c, k, e, low, sizeof low) : 0;
    if (!n)
        return 0;
    size_t used = tokens_within(c, k, e, period_lead_length(low, n));
    return k + used < e ? used : 0;   /* the comparand itself follows */
}


/* `so với 9 tháng cùng kỳ năm 2014`, `so với quý I cùng kỳ`: the tokens
 * of a period phrase at k, after a compare word, that a same-period
 * baseline follows (the period says which part of the year is compared
 * with); 0 when there is none. */
static size_t period_before_same_period(rctx *c, size_t k)
{
    enum { PERIOD_TOKENS = 6 };
    size_t e = k;
    while (e < c->tv.n && e < k + PERIOD_TOKENS && !is_boundary(c, e) && !is_strong_boundary(c, e))
        e++;
    char low[128];
    size_t n = e > k ? lower_span(c, k, e, low, sizeof low) : 0;
    period_ref p;
    if (!n || !period_next(low, n, 0, &p) || p.start != 0)
        return 0;
    size_t used = tokens_within(c, k, e, p.end);
    return used && same_period_at(c, k + used) ? used : 0;
}


/* The year of a date stated earlier in the sentence (`Đến 31/5/2022, dư
 * nợ … tăng 7,0% so với đầu năm`), for a report whose title names no
 * year; 0 when none. */
static int sentence_date_year(const rctx *c, size_t i)
{
    enum { DATE_REACH = 40 };
    for (size_t k = i; k > 0 && k + DATE_REACH > i; k--) {
        const token *t = &c->tv.t[k - 1];
        if (t->kind == TOK_PUNCT && (t->cp == '.' || t->cp == ';' || t->cp == '\n'))
            break;
        if (t->kind == TOK_DATE)
            return (int)t->v;
    }
    return 0;
}


/* How far after a bare `dự toán` its giver may stand (`dự toán của cả
 * năm mà Trung ương giao`). */
enum { BUDGET_GIVER_REACH = 8 };

/* The budget a bare `dự toán` ending before token `end` names: the
 * BUDGET_GIVER a few words on in its clause, or BL_BUDGET; *giver_end
 * after that giver (else end). */
static baseline_id budget_of_giver(const rctx *c, size_t end, size_t *giver_end)
{
    *giver_end = end;
    for (size_t k = end; k < c->tv.n && k < end + BUDGET_GIVER_REACH && c->tv.t[k].kind != TOK_PUNCT; k++) {
        size_t idx, g = PHRASE_AT(c, LT_BUDGET_GIVERS, k, &idx);
        if (g) {
            *giver_end = k + g;
            return budget_givers[idx].id;
        }
        if (compare_word_at(c, k, false) || PHRASE_AT(c, LT_TRIGGERS, k, NULL))
            break;   /* another comparison or statement */
    }
    return BL_BUDGET;
}


/* As baseline_at; `compared`: the words before already compare (`gấp 3
 * lần năm 2015`, `gấp 1,1 lần cả nước`: a multiple names what it is a
 * multiple of without `so với`). */
const char *baseline_at_ex(rctx *c, size_t i, bool compared, size_t *consumed)
{
    char buf[32];
    size_t k = i;
    if (k >= c->tv.n)
        return NULL;
    size_t sv = compare_word_at(c, k, false);
    if (!sv && compared && c->tv.t[k].kind == TOK_WORD) {
        /* `lần năm 2015`: the year is the comparand, as after `so với` */
        size_t used_period = compared_period_at(c, k, buf, sizeof buf);
        if (used_period) {
            *consumed = used_period;
            return arena_strdup(c->arena, buf);
        }
    }
    k += sv;
    size_t used_period = sv ? compared_period_at(c, k, buf, sizeof buf) : 0;
    if (used_period) {
        *consumed = k + used_period - i;
        return arena_strdup(c->arena, buf);
    }
    size_t idx;
    size_t m = PHRASE_AT(c, LT_BASELINES, k, &idx);
    if (ends_in_name(c, k, m))
        m = 0;   /* `huyện Giao Thủy`: a place, no giver */
    size_t lead = !m && sv ? comparand_lead_at(c, k) : 0;
    if (!m && sv && !lead)
        lead = period_before_same_period(c, k);
    if (lead && (m = PHRASE_AT(c, LT_BASELINES, k + lead, &idx)) != 0)
        k += lead;
    if (!m && sv && k < c->tv.n && c->tv.t[k].kind == TOK_NUMBER && (c->tv.t[k].flags & NUM_YEARLIKE)) {
        /* `so với 2021`: the year without `năm` */
        snprintf(buf, sizeof buf, "%s%d", baseline_codes[BL_YEAR].code, (int)c->tv.t[k].v);
        *consumed = k + 1 - i;
        return arena_strdup(c->arena, buf);
    }
    if (!m)
        return NULL;
    baseline_id id = baselines[idx].id;
    size_t end = k + m;
    if (id == BL_BUDGET)
        id = budget_of_giver(c, end, &end);
    const baseline_code_entry *bc = &baseline_codes[id];
    const char *code = bc->code;
    if (bc->flags & BC_PLAN)
        end += PHRASE_AT(c, LT_PLAN_GIVERS, end, NULL);   /* `chỉ tiêu Quốc hội giao` */
    if (!sv && !compared && !(bc->flags & BC_BARE))
        return NULL; /* `năm 2024`, `năm trước` without `so với` are no baseline: `đạt 8% vào năm 2024` */
    if (bc->flags & BC_TAKES_YEAR) {
        /* year: / year_end: need the year that follows */
        if (end < c->tv.n && c->tv.t[end].kind == TOK_NUMBER && (c->tv.t[end].flags & NUM_YEARLIKE)) {
            snprintf(buf, sizeof buf, "%s%d", code, (int)c->tv.t[end].v - !!(bc->flags & BC_YEAR_START));
            *consumed = end + 1 - i;
            return arena_strdup(c->arena, buf);
        }
        if (bc->flags & BC_NEEDS_YEAR)
            return NULL; /* "năm" alone is not a baseline */
        int year = c->meta->year ? c->meta->year : sentence_date_year(c, i);
        if (year) {
            snprintf(buf, sizeof buf, "%s%d", code, year - 1);
            *consumed = end - i;
            return arena_strdup(c->arena, buf);
        }
        return NULL;
    }
    *consumed = end - i + year_after(c, end);
    return code;
}


/* `(KBTT)` at k: a one-word abbreviation in brackets after the phrase it
 * shortens; its length in tokens, else 0. */
static size_t bracketed_abbreviation(const rctx *c, size_t k, size_t b)
{
    return k + 2 < b && is_punct(c, k, '(') && c->tv.t[k + 1].kind == TOK_WORD && is_punct(c, k + 2, ')') ? 3 : 0;
}


/* `(KH 55-56 triệu đồng)`, `21.400 tấn/KH 21.000 tấn`, `(kế hoạch năm
 * 2022: tăng 8%)`, `(kịch bản tăng trưởng (KBTT): 7,87%)`: a plan named on
 * its own before a value marks the value as a target and names no
 * measure. The plan phrase's length in tokens (giver, year and
 * abbreviation included) when nothing but punctuation follows it before
 * b; 0 otherwise (`Kế hoạch vốn đầu tư công` is a measure). */
size_t plan_label_len(const rctx *c, size_t a, size_t b)
{
    size_t idx, m = a < b ? PHRASE_AT(c, LT_BASELINES, a, &idx) : 0;
    if (!m || !(baseline_codes[baselines[idx].id].flags & BC_PLAN))
        return 0;
    size_t end = a + m;
    end += PHRASE_AT(c, LT_PLAN_GIVERS, end, NULL);
    end += year_after(c, end);
    end += bracketed_abbreviation(c, end, b);
    size_t k = end;
    while (k < b && c->tv.t[k].kind == TOK_PUNCT)
        k++;
    return k >= b ? end - a : 0;
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
/* Does a trigger and its number follow token k directly: is a baseline
 * phrase that ends at k the next value's, fronted (`và so với cùng kỳ
 * tăng 3,3%`)? After a comma it is this value's: `tăng 2,6% so tháng
 * trước, tăng 6,93% so cùng kỳ`. */
static bool opens_next_value(const rctx *c, size_t k, size_t to)
{
    enum { UNIT_TOKENS = 3 };
    size_t m = k < to ? PHRASE_AT(c, LT_TRIGGERS, k, NULL) : 0;
    if (!m || k + m >= to || !is_numeric(&c->tv.t[k + m]))
        return false;
    /* not when that value names its own comparand (`tăng 9% so với cùng kỳ
     * đạt 31,6% kế hoạch năm`): the comparison is this one's */
    for (size_t j = k + m + 1; j < to && j <= k + m + UNIT_TOKENS && !is_numeric(&c->tv.t[j]); j++)
        if (compare_word_at(c, j, false) || PHRASE_AT(c, LT_BASELINES, j, NULL) ||
            PHRASE_AT(c, LT_PLAN_WORDS, j, NULL))
            return false;
    return true;
}


/* Does a number follow within a few words from k, before any punctuation
 * (`… mục tiêu đề ra là 60%`)? */
static bool figure_soon_after(const rctx *c, size_t k, size_t to)
{
    enum { FIGURE_WORDS = 4 };
    for (size_t j = k; j < to && j <= k + FIGURE_WORDS; j++) {
        if (is_numeric(&c->tv.t[j]) && !(c->tv.t[j].flags & NUM_YEARLIKE))
            return true;   /* (not the plan's year: `đạt 92%, kế hoạch năm 2024`) */
        if (c->tv.t[j].kind == TOK_PUNCT)
            return false;
    }
    return false;
}


/* Is the baseline phrase [k, e) the next value's, written between its
 * trigger and its number (`đạt 92%, vượt kế hoạch 2%`)? */
static bool names_next_value(const rctx *c, size_t k, size_t e, size_t to)
{
    return e < to && is_numeric(&c->tv.t[e]) && k > 0 &&
           PHRASE_BEFORE(c, LT_TRIGGERS, k, k > 3 ? k - 3 : 0, NULL);
}


/* The ')' closing the bracket opened at k, within a few tokens and before
 * the clause ends, when the bracket states no comparison of its own (`(so
 * với năm 2022)` is one); k otherwise. */
static size_t bracket_close(const rctx *c, size_t k, size_t to)
{
    enum { BRACKET_REACH = 10 };
    for (size_t j = k + 1; j < to && j <= k + BRACKET_REACH; j++) {
        if (is_punct(c, j, ')'))
            return j;
        if (is_strong_boundary(c, j) || is_punct(c, j, '(') || compare_word_at(c, j, false) ||
            PHRASE_AT(c, LT_BASELINES, j, NULL))
            break;
    }
    return k;
}


/* `đạt 4,2% (kế hoạch 4,0%)`, `(chỉ tiêu kế hoạch là 3,88%)`: does the
 * bracket opening at k name a plan and that plan's own value? Then it is
 * an aside beside the value (GUIDELINES: actual and plan), no comparison
 * of it. */
static bool plan_value_bracket(rctx *c, size_t k, size_t to)
{
    enum { BRACKET_REACH = 10 };
    size_t used;
    const char *b = k + 1 < to ? baseline_at_ex(c, k + 1, true, &used) : NULL;
    if (!b || !(baseline_flags(b) & BC_PLAN))
        return false;
    int depth = 0;   /* (`(kịch bản tăng trưởng (KBTT): 7,87%)`) */
    for (size_t j = k + 1 + used; j < to && j <= k + BRACKET_REACH && (depth || !is_punct(c, j, ')')); j++) {
        depth += is_punct(c, j, '(') - is_punct(c, j, ')');
        if (is_numeric(&c->tv.t[j]))
            return true;
    }
    return false;
}


const char *baseline_after(rctx *c, size_t from, size_t to)
{
    bool comma = false;
    if (from < to && is_punct(c, from, '(') && plan_value_bracket(c, from, to))
        return NULL;
    for (size_t k = from; k < to && k < from + 12; k++) {
        if (is_strong_boundary(c, k) || (is_numeric(&c->tv.t[k]) && k > from && !in_period_phrase(c, k)))
            break;   /* (the year of `tăng 9,2% trong năm 2023 so với cùng kỳ` is passed) */
        if (k == from && is_punct(c, k, '(') && bracket_close(c, k, to) > k) {
            /* the comparison after a restatement governs the value too:
             * `tăng 2,63% (1,32 tạ/ha) so với vụ mùa 2018` */
            k = bracket_close(c, k, to);
            continue;
        }
        if (is_punct(c, k, '(') || is_punct(c, k, ',')) {
            comma = true;
            continue;
        }
        if (comma && PHRASE_AT(c, LT_TRIGGERS, k, NULL))
            break;   /* `đạt 12,16%, vượt kế hoạch`, `đạt 9,16% (vượt kế hoạch
                      * đề ra)`: a remark of its own */
        size_t link = PHRASE_AT(c, LT_SIBLING_LINKS, k, NULL);
        if (link && k + link < to && PHRASE_AT(c, LT_TRIGGERS, k + link, NULL))
            break;   /* `tăng 12% và vượt kế hoạch năm`: a statement of its own */
        size_t used;
        bool compared = compare_word_at(c, k, false);
        if (compared || PHRASE_AT(c, LT_BASELINES, k, NULL)) {
            const char *b = baseline_at(c, k, &used);
            if (b && (opens_next_value(c, k + used, to) || names_next_value(c, k, k + used, to) ||
                      (comma && !compared && figure_soon_after(c, k + used, to))))
                return NULL;   /* `tăng 1,72% và so với cùng kỳ tăng 3,3%`; `đạt 52,3%, mục
                                * tiêu đề ra là 60%`: the plan's own figure */
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
        if (compare_word_at(c, k, false)) {
            size_t used;
            const char *b = baseline_at(c, k, &used);
            if (b)
                return b;
        }
    }
    return NULL;
}


/* The plan or budget named at token k (`KH`, `dự toán TW giao`): a
 * BASELINE row of a plan or budget code, or a PLAN_WORD row (words that
 * name a plan only after a value: `đạt 60% nhiệm vụ`); NULL when none. */
static const char *plan_code_at(const rctx *c, size_t k)
{
    size_t idx;
    size_t m = PHRASE_AT(c, LT_BASELINES, k, &idx);
    if (m) {
        baseline_id id = baselines[idx].id;
        size_t giver_end;
        if (id == BL_BUDGET)
            id = budget_of_giver(c, k + m, &giver_end);
        const baseline_code_entry *bc = &baseline_codes[id];
        if (bc->flags & (BC_PLAN | BC_BUDGET))
            return bc->code;
    }
    if (PHRASE_AT(c, LT_PLAN_WORDS, k, &idx))
        return baseline_codes[plan_words[idx].id].code;
    return NULL;
}


/* `vượt kế hoạch năm (1,710 tỷ USD)`: does a plan's phrase end right
 * before token `end` (a few plain words of it, `năm`, `đề ra`, after its
 * plan word)? */
bool plan_ends_at(const rctx *c, size_t end)
{
    enum { PLAN_TAIL = 4, GIVEN_PLAN_TAIL = 12 };
    /* (a plan's giver ends it, its words may run longer: `chỉ tiêu của
     * Chương trình do Quốc hội, Chính phủ giao`) */
    size_t g = end > 0 ? PHRASE_BEFORE(c, LT_PLAN_GIVERS, end, end > 4 ? end - 4 : 0, NULL) : 0;
    size_t tail = g ? GIVEN_PLAN_TAIL : PLAN_TAIL;
    for (size_t k = end; k > 0 && k + tail > end; k--) {
        if (c->tv.t[k - 1].kind == TOK_NUMBER && (c->tv.t[k - 1].flags & NUM_YEARLIKE)) {
            tail++;   /* (its year: `so với kế hoạch năm 2025 (20.000 tỷ đồng)`) */
            continue;
        }
        if (c->tv.t[k - 1].kind != TOK_WORD && !(g && is_punct(c, k - 1, ',')))
            return false;
        if (plan_code_at(c, k - 1))
            return true;
    }
    return false;
}


/* "so với dự toán TW giao đạt 62%": a plan named before the trigger. */
const char *plan_before(const rctx *c, size_t i)
{
    enum { FIGURE_TOKENS = 8 };   /* a plan's figure in brackets: `(5.320,7 tỷ đồng)` */
    size_t k = i;
    /* (back over a plan's year: `So với kế hoạch năm 2022, … đạt 41,5%`,
     * and its figure: `So với kế hoạch Thủ tướng Chính phủ giao (5.320,7
     * tỷ đồng), tỷ lệ giải ngân đạt 41,2%`) */
    while (k > 0 && k + LOOKBACK > i && !is_punct(c, k - 1, ';') && !is_punct(c, k - 1, '.')) {
        if (is_punct(c, k - 1, ')')) {
            size_t open = k - 1;
            while (open > 0 && open + FIGURE_TOKENS > k && !is_punct(c, open - 1, '(') && !is_punct(c, open - 1, ')'))
                open--;
            if (open == 0 || !is_punct(c, open - 1, '('))
                break;
            k = open - 1;
            continue;
        }
        if (is_numeric(&c->tv.t[k - 1]) && !(c->tv.t[k - 1].flags & NUM_YEARLIKE))
            break;
        k--;
    }
    for (; k + 1 < i; k++) {
        size_t m = compare_word_at(c, k, true);
        const char *code = m ? plan_code_at(c, k + m) : NULL;
        if (code)
            return code;
    }
    return NULL;
}


/* A plan word right after a percentage: "99,5% KH", "144,6% dự toán TW giao". */
const char *plan_after(const rctx *c, size_t k)
{
    k += compare_word_at(c, k, false);
    return k < c->tv.n ? plan_code_at(c, k) : NULL;
}


/* Give chain members without a baseline the one stated later in the sentence. */
static void settle_chain_plan(rctx *c, const sentence_state *ss);

/* Does record r state a comparison a chain member may take? */
static bool states_comparison(const vnr_record *r)
{
    return r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
           !(baseline_flags(r->baseline) & (BC_PLAN | BC_PLACE));
}

void settle_chain_baseline(rctx *c, sentence_state *ss)
{
    if (ss->pending_baseline_from == NONE)
        return;
    settle_chain_plan(c, ss);
    const char *last = NULL;
    for (size_t k = c->out->n_recs; k > ss->pending_baseline_from && !last; k--)
        if (states_comparison(&c->out->recs[k - 1]))
            last = c->out->recs[k - 1].baseline;
    /* "So với tháng trước, CPI giảm 0,01%. Trong 11 nhóm …, có 6 nhóm tăng
     * gồm: …": a comparison stated earlier in the paragraph reaches the
     * sentences that state none */
    if (!last)
        last = c->block_baseline;
    if (!last)
        return;
    /* each takes the nearest comparison stated after it (`tăng 2,63% (1,32
     * tạ/ha) so với vụ mùa 2018; … tăng 1,14% (0,68 tạ/ha) so với năm
     * 2018`), the last one when none follows */
    const char *next = NULL;
    for (size_t k = c->out->n_recs; k > ss->pending_baseline_from; k--) {
        vnr_record *r = &c->out->recs[k - 1];
        if (states_comparison(r))
            next = r->baseline;
        else if (!r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX))
            r->baseline = next ? next : last;
    }
}


/* `… đạt 9,1%; … đạt 10,4%; … đạt 13,2% kế hoạch năm`: attainments that
 * name no plan are of the plan a later one in the sentence names. */
static void settle_chain_plan(rctx *c, const sentence_state *ss)
{
    const char *plan = NULL;
    for (size_t k = c->out->n_recs; k > ss->pending_baseline_from && !plan; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->role == VNR_ROLE_ATTAINMENT && r->baseline)
            plan = r->baseline;
    }
    for (size_t k = ss->pending_baseline_from; plan && k < c->out->n_recs; k++) {
        vnr_record *r = &c->out->recs[k];
        if (!r->baseline && r->role == VNR_ROLE_ATTAINMENT)
            r->baseline = plan;
    }
}


/* Does a comparison at k end the sentence [.., e) (only punctuation after
 * it, or a LIST_CUE before its colon): `có 5 nhóm tăng, 4 nhóm giảm và 2
 * nhóm ổn định so với tháng trước.`, `… so với cùng kỳ năm trước như
 * sau:`? Its code (not a plan or budget), or NULL. */
static const char *closing_comparison(rctx *c, size_t k, size_t e)
{
    size_t used;
    const char *code = compare_word_at(c, k, false) ? baseline_at(c, k, &used) : NULL;
    if (!code || (baseline_flags(code) & (BC_PLAN | BC_BUDGET)))
        return NULL;
    size_t j = k + used;
    j += PHRASE_AT(c, LT_LIST_CUES, j, NULL);
    for (; j < e; j++)
        if (c->tv.t[j].kind != TOK_PUNCT)
            return NULL;
    return code;
}


/* A change verb right before a comparison, with no value between, in
 * tokens [s, e): `có 30 ngành … tăng so với cùng kỳ. Trong đó, …` states
 * the comparison its breakdown goes on with; so does a comparison that
 * closes the sentence. Its code, or NULL. */
/* Does a T_CHANGE trigger stand in [a, e)? */
static bool change_verb_in(const rctx *c, size_t a, size_t e)
{
    for (size_t k = a; k < e; k++) {
        size_t idx;
        if (PHRASE_AT(c, LT_TRIGGERS, k, &idx) && triggers[idx].kind == T_CHANGE)
            return true;
    }
    return false;
}


static const char *valueless_comparison(rctx *c, size_t s, size_t e)
{
    enum { CLOSING_REACH = 10 };   /* a comparison and its period: `so với cùng kỳ năm 2022.` */
    for (size_t k = e > s + CLOSING_REACH ? e - CLOSING_REACH : s; k < e; k++) {
        const char *code = closing_comparison(c, k, e);
        if (code)
            return code;
    }
    for (size_t k = s; k < e; k++) {
        size_t idx, used;
        size_t m = PHRASE_AT(c, LT_TRIGGERS, k, &idx);
        const char *code = NULL;
        if (m && triggers[idx].kind == T_CHANGE && k + m < e && compare_word_at(c, k + m, false))
            code = baseline_at(c, k + m, &used);
        else if (compare_word_at(c, k, true) && (code = baseline_at(c, k, &used)) != NULL &&
                 !(k + used < e && (m = PHRASE_AT(c, LT_TRIGGERS, k + used, &idx)) != 0 &&
                   triggers[idx].kind == T_CHANGE) &&
                 !(k == s && k + used < e && is_punct(c, k + used, ',') && change_verb_in(c, k + used, e)))
            code = NULL;   /* (fronted, before the verb: `so với cùng kỳ tăng ở 58 địa phương`, or
                            * opening the sentence: `So với 6 tháng đầu năm 2024, tai nạn giao thông giảm …`) */
        if (code && !(baseline_flags(code) & (BC_PLAN | BC_BUDGET)))
            return code;
    }
    return NULL;
}


/* Remember the sentence's last comparison (not a plan or budget) for the
 * sentences of the block that follow; a sentence whose records compare
 * with nothing may still state one with no value (valueless_comparison). */
/* The sentence's first and last comparisons when they differ, for the
 * `Tương ứng, … tăng X% và Y%` after it; one comparison only forgets
 * the pair, none keeps it. */
static void remember_block_pair(rctx *c, const sentence_state *ss)
{
    const char *first = NULL, *last = NULL;
    for (size_t k = ss->own_first_rec; k < c->out->n_recs; k++)
        if (states_comparison(&c->out->recs[k])) {
            last = c->out->recs[k].baseline;
            if (!first)
                first = last;
        }
    if (!first)
        return;
    c->block_pair[0] = first != last && strcmp(first, last) ? first : NULL;
    c->block_pair[1] = c->block_pair[0] ? last : NULL;
}


void remember_block_baseline(rctx *c, const sentence_state *ss, size_t s, size_t e)
{
    remember_block_pair(c, ss);
    for (size_t k = c->out->n_recs; k > ss->first_rec; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
            !(baseline_flags(r->baseline) & (BC_PLAN | BC_BUDGET | BC_PLACE))) {
            c->block_baseline = r->baseline;
            return;
        }
    }
    const char *stated = valueless_comparison(c, s, e);
    if (stated && !(baseline_flags(stated) & BC_PLACE))
        c->block_baseline = stated;   /* (`… cao hơn nhiều so với trung bình cả nước.` compares no value) */
}


/*
 * The baseline of a record: rows read top to bottom; the first row for
 * the record's role whose source finds one wins. A change or index with
 * none yet may get the one stated later in its sentence
 * (settle_chain_baseline).
 */
typedef const char *(*baseline_source)(rctx *c, const draft *d);

static const char *from_plan_word(rctx *c, const draft *d)
{
    (void)c;
    return d->plan_code;   /* `đạt 99,5% KH` */
}


static const char *stated_after(rctx *c, const draft *d)
{
    size_t k = d->q->unit_end_tok, used;
    /* a multiple, or an index in % (`chỉ bằng 72,4% năm 2024`), names what
     * it is of without `so với` */
    bool ratio = d->q->times || (d->q->percent && d->r.role == VNR_ROLE_INDEX);
    const char *b = ratio && k < d->nc->sent_end ? baseline_at_ex(c, k, true, &used) : NULL;
    if (!b && d->r.role == VNR_ROLE_CHANGE && k < d->nc->sent_end &&
        (b = baseline_at_ex(c, k, true, &used)) != NULL && baseline_id_of(b) != BL_PREVIOUS_PERIOD)
        b = NULL;   /* `tăng 6,2% tháng trước`: right after a change, `so với` left out */
    return b ? b : baseline_after(c, k, d->nc->sent_end);
}


/* Between the trigger and the value: `vượt kế hoạch 2%`, `tăng so với
 * cùng kỳ 5%` (`vượt` compares by itself). */
static const char *stated_after_trigger(rctx *c, const draft *d)
{
    size_t k = d->trig_at + d->trig_len, used;
    if (!d->tr || k >= d->i)
        return NULL;
    const char *b = baseline_at_ex(c, k, d->tr->kind == T_EXCEED, &used);
    return b && gap_skippable(c, k + used, d->i) ? b : NULL;
}


/* How many records back an attainment looks for its chain's plan (and a
 * change for the attainment that claimed one). */
enum { CHAIN_PLAN_REACH = 32 };


/* Is a plan or budget no comparison of this change's or index's but an
 * attainment's before it (`đạt 80,1% so với dự toán, tăng 9,3%`)? Not
 * when the value restates that attainment in brackets (`đạt 102,42% so
 * kế hoạch (tăng 2.182 ha)`). */
static bool foreign_plan(const rctx *c, const draft *d, const char *b)
{
    size_t n = c->out->n_recs;
    if (!b || (d->r.role != VNR_ROLE_CHANGE && d->r.role != VNR_ROLE_INDEX) ||
        !(baseline_flags(b) & (BC_PLAN | BC_BUDGET)) || n <= d->ss->own_first_rec)
        return false;
    size_t open = d->tr ? d->trig_at : d->i;
    if (open > 0 && is_punct(c, open - 1, '('))
        return false;
    for (size_t k = n; k > d->ss->own_first_rec && k + CHAIN_PLAN_REACH > n; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->role == VNR_ROLE_ATTAINMENT && r->baseline && strcmp(r->baseline, b) == 0)
            return true;
    }
    return false;
}


/* In the value's segment or the one before: `so với cùng kỳ, tăng 5%`. */
static const char *stated_just_before(rctx *c, const draft *d)
{
    const char *own = baseline_before(c, d->seg_lo, d->i);
    if (own || d->seg_lo <= d->nc->floor)
        return own;
    const char *b = baseline_before(c, segment_start(c, d->seg_lo > 0 ? d->seg_lo - 1 : 0, d->nc->floor), d->i);
    return foreign_plan(c, d, b) ? NULL : b;
}


static const char *chain_baseline(rctx *c, const draft *d)
{
    (void)c;
    return d->ss->baseline;
}


/* `… bằng 48,5% dự toán. Trong đó: chi đầu tư 1.350 tỷ đồng, đạt 41,2%`:
 * an attainment that names no plan is of the plan the chain's latest
 * attainment named (the sentence's records, or the head's it goes on). */
static const char *chain_plan(rctx *c, const draft *d)
{
    size_t first = d->ss->first_rec, n = c->out->n_recs;
    for (size_t k = n; k > first && k + CHAIN_PLAN_REACH > n; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->role == VNR_ROLE_ATTAINMENT && r->baseline)
            return r->baseline;
    }
    return NULL;
}


/* `so với tháng trước và cùng kỳ`: a comparison at k naming two
 * comparands (no plan or budget); its length in tokens and the two codes
 * in pair, else 0. */
static size_t comparison_pair_at(rctx *c, size_t k, const char *pair[2])
{
    size_t used, link, second_used;
    const char *first = compare_word_at(c, k, false) ? baseline_at(c, k, &used) : NULL;
    if (!first || (baseline_flags(first) & (BC_PLAN | BC_BUDGET)) || k + used + 1 >= c->tv.n ||
        !(link = PHRASE_AT(c, LT_SIBLING_LINKS, k + used, NULL)) || k + used + link >= c->tv.n)
        return 0;
    const char *second = baseline_at_ex(c, k + used + link, true, &second_used);
    if (!second || !strcmp(first, second) || (baseline_flags(second) & (BC_PLAN | BC_BUDGET)))
        return 0;
    pair[0] = first;
    pair[1] = second;
    return used + link + second_used;
}


/* Is the value the second of a pair of changes, `tăng 4,4% và (tăng)
 * 2,1%`: joined to the change right before it by a SIBLING_LINK? */
static bool second_of_pair(const rctx *c, const draft *d)
{
    size_t n = c->out->n_recs, m;
    if (d->r.role != VNR_ROLE_CHANGE || n <= d->ss->own_first_rec ||
        c->out->recs[n - 1].role != VNR_ROLE_CHANGE)
        return false;
    if (d->joined)
        return true;
    if (!d->tr || d->tr->kind != T_CHANGE || d->trig_at == 0 ||
        !(m = PHRASE_BEFORE(c, LT_SIBLING_LINKS, d->trig_at, d->trig_at - 1, NULL)))
        return false;
    return follows_record(c, &c->out->recs[n - 1], d->trig_at - m);
}


/* A comparison pair stated in the sentence before the value (`… tương
 * ứng so với tháng trước và cùng kỳ như sau: …`), searched once. */
static const char *const *sentence_pair(rctx *c, const draft *d)
{
    sentence_state *ss = d->ss;
    size_t k = ss->pair_scanned > d->nc->sent_start ? ss->pair_scanned : d->nc->sent_start;
    for (; k < d->i && !ss->pair[1]; k++)
        comparison_pair_at(c, k, ss->pair);
    if (k > ss->pair_scanned)
        ss->pair_scanned = k;
    return ss->pair[1] ? ss->pair : NULL;
}


/* Give the pair of values its comparisons, respectively: the first value
 * (the record before) the first, this one the second. */
static const char *pair_out(rctx *c, const char *const pair[2])
{
    vnr_record *first = &c->out->recs[c->out->n_recs - 1];
    /* (the first may have taken the chain's last comparison, the pair's
     * second: `…, tăng 9,2% so với cùng kỳ; trong đó, X tăng 1,8% và …`) */
    if (first->baseline && strcmp(first->baseline, pair[0]) && strcmp(first->baseline, pair[1]))
        return NULL;
    first->baseline = pair[0];
    return pair[1];
}


/* `tăng 4,4% và 2,1% so với tháng trước và cùng kỳ`: the pair stated
 * right after the second value. */
static const char *stated_pair_after(rctx *c, const draft *d)
{
    const char *pair[2];
    size_t k = d->q->unit_end_tok;
    if (k >= d->nc->sent_end || !second_of_pair(c, d) || !comparison_pair_at(c, k, pair))
        return NULL;
    d->ss->pair[0] = pair[0];   /* and for the sentence's later pairs */
    d->ss->pair[1] = pair[1];
    return pair_out(c, pair);
}


/* `… tương ứng so với tháng trước và cùng kỳ như sau: khai khoáng tăng
 * 4,38% và tăng 2,11%`, or `… tăng 5,54% so tháng trước và tăng 13,84% so
 * cùng kỳ. Tương ứng, công nghiệp chế biến tăng 5,65% và 14,82%`: a pair
 * that states no comparison of its own takes the sentence's pair, else
 * the last sentence's two, respectively. */
static const char *respective_pair(rctx *c, const draft *d)
{
    if (!second_of_pair(c, d))
        return NULL;
    const char *const *pair = sentence_pair(c, d);
    if (!pair)
        pair = c->block_pair;
    return pair[1] ? pair_out(c, pair) : NULL;
}


/* "tăng so với cùng kỳ gồm: ván ép (tăng 23,9%)" */
static const char *stated_earlier_in_sentence(rctx *c, const draft *d)
{
    size_t i = d->i, s = d->nc->sent_start;
    const char *b = baseline_before(c, i > LOOKBACK && i - LOOKBACK > s ? i - LOOKBACK : s, i);
    return foreign_plan(c, d, b) ? NULL : b;
}


/* `kế hoạch tăng từ 14 - 16% so với cuối năm 2020`: only a stated
 * comparison, not the plan the target belongs to. */
static const char *stated_after_not_plan(rctx *c, const draft *d)
{
    const char *b = stated_after(c, d);
    return baseline_flags(b) & (BC_PLAN | BC_BUDGET) ? NULL : b;
}


#define ROLE_BIT(role) (1u << (role))
#define COMPARED (ROLE_BIT(VNR_ROLE_CHANGE) | ROLE_BIT(VNR_ROLE_INDEX) | ROLE_BIT(VNR_ROLE_ATTAINMENT))

/* `chains`: the baseline found becomes the chain's comparison, which the
 * values after it that state none take (chain_baseline). */
static const struct baseline_row {
    unsigned roles;
    baseline_source find;
    bool chains;
    bool stated;   /* the comparison is stated at the value itself */
} baseline_rows[] = {
    { COMPARED, from_plan_word, true, false },
    { ROLE_BIT(VNR_ROLE_CHANGE), stated_pair_after, false, true },
    { COMPARED, stated_after, true, true },
    { COMPARED, stated_after_trigger, true, true },
    { COMPARED, stated_just_before, true, true },
    { ROLE_BIT(VNR_ROLE_ATTAINMENT), chain_plan, true, false },
    { ROLE_BIT(VNR_ROLE_CHANGE), respective_pair, false, false },
    { ROLE_BIT(VNR_ROLE_CHANGE) | ROLE_BIT(VNR_ROLE_INDEX), chain_baseline, true, false },
    { ROLE_BIT(VNR_ROLE_CHANGE) | ROLE_BIT(VNR_ROLE_INDEX), stated_earlier_in_sentence, true, false },
    { ROLE_BIT(VNR_ROLE_TARGET), stated_after_not_plan, true, false },
};


/* `tăng 1,5% so với tháng trước và tăng 9,2% so với cùng kỳ; trong đó,
 * ngành chế biến tăng 1,8% và tăng 10,1%`: two changes joined, each
 * stating its own comparison, make the sentence's pair for the pairs of
 * its parts (respective_pair). */
static void remember_stated_pair(rctx *c, const draft *d, const char *b)
{
    sentence_state *ss = d->ss;
    size_t n = c->out->n_recs, m, used;
    if (ss->pair[1] || n <= ss->own_first_rec || !d->tr || d->tr->kind != T_CHANGE || d->trig_at == 0)
        return;
    const vnr_record *prev = &c->out->recs[n - 1];
    if (prev->role != VNR_ROLE_CHANGE || !prev->baseline || strcmp(prev->baseline, b) == 0 ||
        !(m = PHRASE_BEFORE(c, LT_SIBLING_LINKS, d->trig_at, d->trig_at - 1, NULL)))
        return;
    /* the first's own comparison, then the link, then this one's verb */
    enum { PAIR_GAP = 16 };   /* the first's unit and comparison: a few tokens */
    size_t lo = d->trig_at > d->nc->sent_start + PAIR_GAP ? d->trig_at - PAIR_GAP : d->nc->sent_start;
    size_t k = token_after_record(c, prev, lo, d->trig_at);
    if (k == NONE || !compare_word_at(c, k, false) || !baseline_at(c, k, &used) || k + used + m != d->trig_at)
        return;
    ss->pair[0] = prev->baseline;
    ss->pair[1] = b;
}


/* Does an LW_COMPARATIVE word (`cao hơn`, `mức tăng`) stand shortly
 * before token k, with no number between? */
static bool comparative_before(const rctx *c, size_t k)
{
    enum { COMPARATIVE_REACH = 5 };   /* `cao hơn so với`, `mức tăng của` */
    for (size_t j = k; j > 0 && j + COMPARATIVE_REACH > k; j--) {
        size_t idx, m = PHRASE_BEFORE(c, LT_LINK_WORDS, j, j > 3 ? j - 3 : 0, &idx);
        if (m && link_words[idx].kind == LW_COMPARATIVE)
            return true;
        if (is_numeric(&c->tv.t[j - 1]))
            return false;
    }
    return false;
}


/* `thấp hơn mức tăng của cùng kỳ năm trước (6,8%)`, `cao hơn so với cùng
 * kỳ năm 2023 (35,2%)`: an unsigned value alone in brackets right after a
 * same-period comparand that a comparative set the measure against is
 * the comparand's own figure, and so is one between the comparative and
 * the comparand (`cao hơn mức tăng 3,94% cùng kỳ năm 2023`); after a
 * change (`tăng 20 vụ so với cùng kỳ (8,7%)`) the bracket restates the
 * change. The year it names (0: none, the report's year before), or -1
 * when value i (its unit ending at token u) is no such figure. */
static int comparand_figure_year(const rctx *c, size_t i, size_t u)
{
    enum { COMPARAND_TOKENS = 6 };   /* `cùng kỳ năm trước`, `cùng kỳ năm 2023` */
    if (i < 2 || (c->tv.t[i].flags & NUM_SIGNED))
        return -1;
    size_t m = u < c->tv.n ? same_period_at(c, u) : 0, y = m ? year_after(c, u + m) : 0;
    if (m && comparative_before(c, i))
        return y ? (int)c->tv.t[u + m + y - 1].v : 0;   /* `cao hơn mức tăng 3,94% cùng kỳ năm 2023` */
    if (!is_punct(c, i - 1, '(') || u >= c->tv.n || !is_punct(c, u, ')'))
        return -1;
    size_t open = i - 1;
    for (size_t k = open > COMPARAND_TOKENS ? open - COMPARAND_TOKENS : 0; k < open; k++) {
        m = same_period_at(c, k), y = m ? year_after(c, k + m) : 0;
        if (m && k + m + y == open && comparative_before(c, k))
            return y ? (int)c->tv.t[k + m + y - 1].v : 0;
    }
    return -1;
}


/* The comparand's own figure (comparand_figure_year, kept in the draft
 * for its period) is compared with nothing and is no estimate of the
 * report's: `tăng 5,2% (ước tính) … cùng kỳ năm trước (6,8%)`. */
void comparand_figure_step(rctx *c, draft *d)
{
    d->comparand_year = comparand_figure_year(c, d->i, d->q->unit_end_tok);
    if (d->comparand_year < 0)
        return;
    d->r.baseline = NULL;
    d->r.estimate = false;
    size_t n = c->out->n_recs;
    if (n > d->ss->own_first_rec) {
        /* of the measure compared, in its role: the sentence's last
         * value's, not the words of the comparison (`cao hơn`, `cùng kỳ
         * năm trước`) */
        const vnr_record *compared = &c->out->recs[n - 1];
        d->r.indicator = compared->indicator;
        d->r.subject = compared->subject;
        d->r.role = compared->role;
        if (compared->role == VNR_ROLE_ATTAINMENT)
            d->r.baseline = compared->baseline;   /* (of the same plan, if named) */
    }
}


void baseline_step(rctx *c, draft *d)
{
    unsigned role = ROLE_BIT(d->r.role);
    const char *b = NULL;
    bool chains = false, stated = false;
    for (size_t k = 0; k < COUNT_OF(baseline_rows) && !b; k++)
        if (baseline_rows[k].roles & role) {
            b = baseline_rows[k].find(c, d);
            chains = baseline_rows[k].chains;
            stated = baseline_rows[k].stated;
        }
    if (b && stated && d->r.role == VNR_ROLE_CHANGE)
        remember_stated_pair(c, d, b);
    d->r.baseline = b;
    if (b && d->r.role == VNR_ROLE_INDEX && d->q->percent && (baseline_flags(b) & (BC_PLAN | BC_BUDGET))) {
        /* `so với kế hoạch năm còn thấp (bằng 9,6%)`; but an aim (`Phấn đấu
         * … đạt từ 18-20% theo kế hoạch đề ra`) is the plan's own figure */
        bool aim = !c->in_plan && target_cue_before(c, d->i, d->nc->floor, d->nc->sent_start, d->q->count);
        d->r.role = aim ? VNR_ROLE_TARGET : VNR_ROLE_ATTAINMENT;
        if (aim)
            d->r.baseline = b = NULL;
    }
    if (!(role & COMPARED))
        return;
    if (b && chains && !d->plan_code && d->r.role != VNR_ROLE_ATTAINMENT)
        d->ss->baseline = b;   /* the chain's comparison, for the values after */
    if (!b && d->ss->pending_baseline_from == NONE)
        d->ss->pending_baseline_from = c->out->n_recs;
}
