/*
 * record-period.c — recognize stage: the period a record refers to, read from the tokens around it by the shared period grammar (period/), and the tokens of period phrases.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How much text before a value the period grammar reads (bytes). */
enum { PERIOD_WINDOW = 480, PERIOD_WINDOW_TOKENS = 240 };


/* How far after a value its clause may name its period (tokens). */
enum { PERIOD_AFTER_TOKENS = 16 };


/* May the lower-cased text [from, to) of the block hold a period phrase?
 * False when the block's copy is exact and holds no head word there: the
 * grammar then finds nothing in that text, nor in its tokens joined by
 * spaces (a head word is letters only, inside one token). Most windows
 * before a value hold none; this look costs a fraction of the grammar's. */
static bool may_hold_period(const rctx *c, size_t from, size_t to)
{
    if (!c->block_low_exact || from < c->block_from || to > c->block_from + c->block_low.len)
        return true;
    return period_holds_head(c->block_low.data + (from - c->block_from), to - from);
}


/* may_hold_period for the windows before a sentence's values, which start
 * at the same place and grow: an answer for [from, seen) is kept, and only
 * the bytes a head word could reach past `seen` are looked at again. */
static bool may_hold_period_grown(rctx *c, size_t from, size_t to)
{
    size_t k = 0;
    while (k < 4 && !(c->heads_seen[k].to > from && c->heads_seen[k].from == from &&
                      c->heads_seen[k].to <= to))
        k++;
    if (k < 4 && c->heads_seen[k].holds)
        return true;   /* a head word in [from, seen) is in [from, to) */
    size_t start = from;
    if (k < 4 && c->heads_seen[k].to - from > PERIOD_HEAD_MAX)
        start = c->heads_seen[k].to - PERIOD_HEAD_MAX;   /* none in [from, seen) */
    if (k == 4)
        k = c->heads_next++ % 4;
    bool holds = may_hold_period(c, start, to);
    c->heads_seen[k].from = from;
    c->heads_seen[k].to = to;
    c->heads_seen[k].holds = holds;
    return holds;
}


/* The lower-cased text of tokens [*a, b) into low (cap bytes), *a moved
 * on until the window is at most PERIOD_WINDOW bytes and next to b; its
 * length, or 0 when the window is empty or holds no head word (then the
 * grammar finds nothing in it). `grown`: windows that start at the same
 * token and grow, one per value of a sentence (may_hold_period_grown). */
static size_t period_window(rctx *c, size_t *a, size_t b, bool grown, char *low, size_t cap)
{
    if (*a >= b)
        return 0;
    while (*a + 1 < b && c->tv.t[b - 1].end - c->tv.t[*a].start > PERIOD_WINDOW)
        (*a)++;   /* keep the window next to the value */
    size_t from = c->tv.t[*a].start, to = c->tv.t[b - 1].end;
    if (to - from > PERIOD_WINDOW ||
        !(grown ? may_hold_period_grown(c, from, to) : may_hold_period(c, from, to)))
        return 0;
    return lower_text(c, from, to - from, low, cap);
}


/* The period phrase of tokens [a, b), read by the period grammar
 * (period.c) from their lower-cased text: the last one (`first`: the
 * first one) that is not a comparison. Writes its code into buf. */
/* Does the period phrase p read in the window from token a follow a plan
 * word (`đạt 80% kế hoạch năm 2021`)? The plan's year, not a period. */
static bool plan_year(const rctx *c, size_t a, size_t b, const period_ref *p)
{
    size_t k = a;
    while (k < b && c->tv.t[k].start - c->tv.t[a].start < p->start)
        k++;
    return k > a && plan_ends_at(c, k);
}


/* The last period phrase of the window that is no comparison, and no
 * plan's year when another one is there (`Trong 10 tháng đầu năm 2021, …,
 * đạt 80% kế hoạch năm 2021; đồng thời …`); a plan's year alone stands
 * for the period (`…, bằng 96% kế hoạch năm 2025`). */
static bool last_own_period(const rctx *c, size_t a, size_t b, const char *low, size_t n, period_ref *out)
{
    bool found = false, plan_only = false;
    /* (a plan's year that opens the value's own clause, no value before
     * it there, is its period: `…, kế hoạch năm 2023 đạt 6.900 tỷ đồng`;
     * not `đạt 30,9% kế hoạch năm 2021 và đạt 130% so với cùng kỳ`) */
    size_t clause = n;
    while (clause > 0 && low[clause - 1] != ',' && low[clause - 1] != ';')
        clause--;
    period_ref p;
    for (size_t i = 0; period_next(low, n, i, &p); i = p.end) {
        if (p.compared)
            continue;
        bool opens_clause = p.start >= clause;
        for (size_t k = clause; opens_clause && k < p.start; k++)
            opens_clause = !utf8_is_digit(low[k]);
        size_t before = p.start;
        while (before > 0 && low[before - 1] == ' ')
            before--;
        if (before > 0 && low[before - 1] == '%' && p.end < n)
            continue;   /* `tăng 4,1% năm 2022; …`: the year of the value before it, none of later ones */
        bool plan = !opens_clause && plan_year(c, a, b, &p);
        if ((plan && found && !plan_only) || (plan && p.kind == PK_YEAR && p.year == 0))
            continue;   /* (`đạt 92,2% kế hoạch cả năm`: the plan's, not the value's, year) */
        *out = p;
        plan_only = plan && (!found || plan_only);
        found = true;
    }
    return found;
}


/* The first token of the window period_of_tokens reads before token b,
 * from a on: at most PERIOD_WINDOW_TOKENS (a token has at least one byte)
 * and PERIOD_WINDOW bytes, next to b. */
static size_t window_start(const rctx *c, size_t a, size_t b)
{
    if (b > a && b - a > PERIOD_WINDOW_TOKENS)
        a = b - PERIOD_WINDOW_TOKENS;
    while (a + 1 < b && c->tv.t[b - 1].end - c->tv.t[a].start > PERIOD_WINDOW)
        a++;
    return a;
}


bool period_of_tokens(rctx *c, size_t a, size_t b, bool first, char *buf, size_t cap)
{
    a = window_start(c, a, b);
    char low[PERIOD_WINDOW * 2 + 16];
    size_t n = period_window(c, &a, b, true, low, sizeof low);
    period_ref p;
    if (!n || !(first ? period_first(low, n, &p) : last_own_period(c, a, b, low, n, &p)))
        return false;
    return period_format(&p, c->meta->year, buf, cap);
}


/* A period phrase that ends sentence [a, b) (its final punctuation
 * aside): `…, tăng 8,58%, chiếm 21% tổng lượng tôm trong tháng
 * 4/2023.` names the period of every value before it. */
static bool sentence_final_period(rctx *c, size_t a, size_t b, char *buf, size_t cap)
{
    while (b > a && c->tv.t[b - 1].kind == TOK_PUNCT)
        b--;
    if (b > a && b - a > PERIOD_AFTER_TOKENS * 4)
        a = b - PERIOD_AFTER_TOKENS * 4;
    char low[PERIOD_WINDOW * 2 + 16];
    size_t n = period_window(c, &a, b, false, low, sizeof low);
    period_ref p;
    if (!n || !period_last(low, n, &p) || p.end != n)
        return false;
    /* only a time adverbial (`trong tháng 4/2023`), not a duration (`dưới 3
     * tháng`) nor a comparison (`ngang bằng năm 2020`) */
    size_t k = a;
    while (k < b && c->tv.t[k].start - c->tv.t[a].start < p.start)
        k++;
    return k > a && in_table(c, k - 1, LT_TIME_WORDS) && period_format(&p, c->meta->year, buf, cap);
}


/* The last bracket closed before token i in [lo, i) that holds a value of
 * its own (`so với cùng kỳ (quý II/2021 tăng 5,02%); trong đó …`): an
 * aside about another period. Its '(' in *open, its ')' in *close. */
static bool aside_before(const rctx *c, size_t lo, size_t i, size_t *open, size_t *close)
{
    if (i - lo > PERIOD_WINDOW_TOKENS)
        lo = i - PERIOD_WINDOW_TOKENS;   /* the grammar reads no further back */
    size_t k = i;
    while (k > lo && !is_punct(c, k - 1, ')'))
        if (is_punct(c, --k, '('))
            return false;   /* the value is inside a bracket */
    if (k == lo)
        return false;
    *close = k - 1;
    bool value = false;
    int depth = 0;   /* brackets inside it: `(quý I/2018 tăng 6,93% (2) so với cùng kỳ)` */
    for (k = *close; k > lo; k--) {
        if (is_punct(c, k - 1, ')'))
            depth++;
        else if (is_punct(c, k - 1, '(') && depth > 0)
            depth--;
        else if (is_punct(c, k - 1, '(')) {
            *open = k - 1;
            return value;
        }
        value |= is_numeric(&c->tv.t[k - 1]) && !in_period_phrase(c, k - 1);
    }
    return false;
}


/* The '(' before token i in [lo, i) that no ')' closes: i is inside it. */
static bool inside_bracket(const rctx *c, size_t lo, size_t i, size_t *open)
{
    *open = open_bracket_before(c, lo, i);
    return *open != NONE;
}


static bool comparand_period(rctx *c, const number_ctx *nc, int year, char *buf, size_t cap);

/* `Ngành xây dựng tăng 7,2% (cùng kỳ tăng 4,15%)`, `(cơ cấu tương ứng của
 * cùng kỳ năm 2023 là: 26,8%; 31,9%)`: a value in a bracket opened at
 * `open` whose own words (no value before it) name the same period a year
 * earlier, not as a comparison (no compare word or verb before it), is of the compared
 * value's span in that year (comparand_period) — as the bracket's values
 * before it are. */
static bool same_period_aside(rctx *c, const number_ctx *nc, size_t open, size_t i, char *buf, size_t cap)
{
    size_t k = open + 1, m = 0;
    for (; k < i && !(m = same_period_at(c, k)); k++)
        if (is_numeric(&c->tv.t[k]))
            return false;
    if (!m)
        return false;
    for (size_t j = open + 1; j < k; j++) {
        size_t idx;
        if (compare_word_at(c, j, false) ||
            (PHRASE_AT(c, LT_TRIGGERS, j, &idx) && (trigger_kind_flags[triggers[idx].kind] & TK_COMPARES)))
            return false;   /* `(so với cùng kỳ …)`, `(cao hơn cùng kỳ 3,2%)`: a comparison */
    }
    int year = 0;
    for (size_t j = k + m; j < i && j < k + m + 2 && !year; j++)
        year = (c->tv.t[j].flags & NUM_YEARLIKE) ? (int)c->tv.t[j].v : 0;
    const vnr_record *last = c->out->n_recs ? &c->out->recs[c->out->n_recs - 1] : NULL;
    if (!(last && last->norm_start >= c->tv.t[open].end && last->period))
        return comparand_period(c, nc, year, buf, cap);
    size_t n = strlen(last->period);   /* a sibling in the bracket: its period */
    if (n >= cap)
        return false;
    memcpy(buf, last->period, n + 1);
    return true;
}


/* How many asides period_before steps over before it reads the rest. */
enum { ASIDES_SKIPPED = 8 };

/* period_of_tokens over [s, i), window by window back from i while a
 * window finds none: a long chain keeps the period its sentence opened
 * with (`Tính đến hết tháng 4 năm 2024, toàn tỉnh có …, trong đó: …; …;
 * Bảo hiểm y tế là …, tăng 20.400 người …`). The windows overlap by a few
 * tokens (a phrase cut at one edge is read whole in the next); at most
 * BACK_WINDOWS, so a sentence of a million values stays linear. */
static bool period_reaching_back(rctx *c, size_t s, size_t i, char *buf, size_t cap)
{
    enum { BACK_WINDOWS = 4, OVERLAP_TOKENS = 12 };
    for (int w = 0; w < BACK_WINDOWS && i > s; w++) {
        if (period_of_tokens(c, s, i, false, buf, cap))
            return true;
        size_t a = window_start(c, s, i);
        if (a <= s || a + OVERLAP_TOKENS >= i)
            return false;
        i = a + OVERLAP_TOKENS;
    }
    return false;
}


/* The nearest period phrase before token i in its sentence, asides
 * skipped: `(6 tháng tăng 11,29%, quý III tăng 9,09%), trong đó: … (công
 * nghiệp tăng 19,7%); dịch vụ …` keeps the sentence's own period for
 * `dịch vụ`, behind two asides. */
static bool period_before(rctx *c, const number_ctx *nc, size_t s, size_t i, char *buf, size_t cap)
{
    size_t open, close;
    if (inside_bracket(c, s, i, &open)) {
        /* `(công nghiệp tăng 11,3%)`: its own words, then what it details */
        if (period_of_tokens(c, open + 1, i, false, buf, cap) || same_period_aside(c, nc, open, i, buf, cap))
            return true;
        i = open;
    }
    for (int n = 0; n < ASIDES_SKIPPED && aside_before(c, s, i, &open, &close); n++) {
        if (period_of_tokens(c, close + 1, i, false, buf, cap))
            return true;
        i = open;
    }
    return period_reaching_back(c, s, i, buf, cap);
}


/* `giảm từ 6,40% cuối năm 2023 xuống còn 4,55% cuối năm 2024`: a period
 * phrase that opens right at token u (after the value), or after a
 * TIME_WORD there, at least three tokens before e. */
static bool period_opening_at(rctx *c, size_t u, size_t e, char *buf, size_t cap)
{
    enum { OPENING_TOKENS = 6 };   /* (read whole: `trong quý I-2017`) */
    if (u + 3 > e)
        return false;
    char low[PERIOD_WINDOW * 2 + 16];
    size_t a = u, n = period_window(c, &a, u + OPENING_TOKENS < e ? u + OPENING_TOKENS : e, false, low, sizeof low);
    period_ref p;
    /* (the grammar reads `năm 2023`; the TIME_WORD before it is the value's) */
    size_t lead = PHRASE_AT(c, LT_TIME_WORDS, u, NULL) == 1 ? c->tv.t[u + 1].start - c->tv.t[u].start : 0;
    return n && period_first(low, n, &p) && (p.start == 0 || (lead && p.start == lead)) && !p.compared &&
           period_format(&p, c->meta->year, buf, cap);
}


/* The period a value refers to: the nearest period phrase before it in
 * its sentence (`Tính chung 9 tháng, …`, `quý I/2024 tăng …`), not in
 * an aside in brackets about another period, else one
 * right after it in its clause, else one that ends its sentence
 * (`chiếm 21% … trong tháng 4/2023.`), else the document's (a year left
 * unsaid is the document's year). The year right after a multiple is
 * what it is a multiple of (`gấp 3 lần năm 2015`), not its period. Values of a plan part take the plan's
 * period. */
/* How many tokens a period joined to its value may take (`6 tháng đầu năm 2023`). */
enum { LINKED_PERIOD_TOKENS = 6 };


/* `5,1% của 6 tháng đầu năm 2023`: a PERIOD_LINK at u, then a period
 * phrase right after it, before e. */
static bool linked_period(rctx *c, size_t u, size_t e, number_ctx *nc, char *buf, size_t cap)
{
    size_t idx, l = u < e ? PHRASE_AT(c, LT_PERIOD_LINKS, u, &idx) : 0;
    if (!l || u + l >= e || !(is_numeric(&c->tv.t[u + l]) || PHRASE_AT(c, LT_TIME_WORDS, u + l, NULL)))
        return false;
    size_t b = u + l + LINKED_PERIOD_TOKENS < e ? u + l + LINKED_PERIOD_TOKENS : e;
    if (!period_of_tokens(c, u + l, b, true, buf, cap))
        return false;
    if (!period_links[idx].shared)
        nc->period_lo = b;   /* that period is this value's, not the next one's */
    return true;
}


void end_period_items(rctx *c, number_ctx *nc, size_t i)
{
    size_t open;
    if (!inside_bracket(c, nc->sent_start, i, &open))
        nc->period_lo = i;   /* (an aside's periods are skipped anyway: `(quý I tăng 7,2%, …)`) */
}


/* Does a bracket open at k that states a value of its own (a verb in it:
 * `(năm 2020 chỉ tăng 2,1%)`, `(năm 2020 là 58%)`)? Its period is its
 * own, not the value's before it; `(6 tháng năm 2023)` is that value's. */
static bool opens_value_aside(const rctx *c, size_t k, size_t end)
{
    enum { ASIDE_REACH = 12 };
    if (!is_punct(c, k, '('))
        return false;
    for (size_t j = k + 1; j < end && j < k + ASIDE_REACH && !is_punct(c, j, ')'); j++)
        if (PHRASE_AT(c, LT_TRIGGERS, j, NULL))
            return true;
    return false;
}


/* `1.200 tỷ đồng (năm 2015), 2.300 tỷ đồng (năm 2020)`: a bracket right
 * after the value that holds only its period (no verb of a value of its
 * own) names the value's period. */
static bool bracketed_period(rctx *c, size_t u, size_t e, char *buf, size_t cap)
{
    enum { BRACKET_PERIOD_TOKENS = 8 };
    if (!is_punct(c, u, '(') || opens_value_aside(c, u, e))
        return false;
    size_t close = u + 1;
    while (close < e && close < u + BRACKET_PERIOD_TOKENS && !is_punct(c, close, ')'))
        close++;
    return close < e && is_punct(c, close, ')') && close > u + 1 &&
           period_of_tokens(c, u + 1, close, true, buf, cap);
}


/* The period of a comparand's own figure (comparand_figure_year: the year
 * it names, 0 for the year before): the period of the value compared (the
 * sentence's last record; `Tính chung chín tháng, GRDP … tăng 7,12%, cao
 * hơn mức tăng 5,08% cùng kỳ năm 2023` → 2023-01/2023-09), else the
 * report's, in that year: its code into buf; false when there is none. */
static bool comparand_period(rctx *c, const number_ctx *nc, int year, char *buf, size_t cap)
{
    const vnr_record *last = c->out->n_recs ? &c->out->recs[c->out->n_recs - 1] : NULL;
    const char *compared = last && last->norm_start >= c->tv.t[nc->sent_start].start ? last->period : NULL;
    int own = compared ? atoi(compared) : 0;
    int to = year ? year : own - 1;
    if (own >= 1000 && to >= 1000 && to <= 9999 && strlen(compared) < cap) {
        /* the same span, its years moved: `2024-01/2024-09` → `2023-01/2023-09` */
        size_t o = 0;
        for (const char *p = compared; *p;) {
            bool at_year = (p == compared || p[-1] == '/') && atoi(p) == own;
            if (at_year) {
                snprintf(buf + o, cap - o, "%04d", to);
                o += 4;
                p += 4;
            } else {
                buf[o++] = *p++;
            }
        }
        buf[o] = '\0';
        return true;
    }
    if (!c->meta->year || !c->meta->period_kind)
        return false;
    period_ref p = { .kind = (period_kind)c->meta->period_kind, .n = c->meta->period_n,
                     .year = year ? year : c->meta->year - 1 };
    return period_format(&p, p.year, buf, cap);
}


/* `IIP tháng 11 ước tăng 5,5% so với tháng trước; lũy kế ước tăng 10%`:
 * does a bare YEAR_TO_DATE_WORD (no count of months after it) stand in
 * the value's ';' clause before it, within YTD_REACH tokens (each value's
 * look is bounded: a clause of a million values stays linear)? */
static bool year_to_date_clause(rctx *c, size_t i, number_ctx *nc)
{
    enum { YTD_REACH = 64 };
    size_t from = clause_of(c, i, nc);
    if (i > from + YTD_REACH)
        from = i - YTD_REACH;
    for (size_t k = from; k < i; k++) {
        size_t m = PHRASE_AT(c, LT_YEAR_TO_DATE_WORDS, k, NULL);
        if (m && !(k + m < i && is_numeric(&c->tv.t[k + m])))
            return true;
    }
    return false;
}


/* The period found for a value of a year-to-date clause: a month becomes
 * the months from January to it (`2025-M11` → `2025-01/2025-11`). */
static const char *to_date(rctx *c, size_t i, number_ctx *nc, const char *period)
{
    int year, month;
    char tail;
    if (sscanf(period, "%d-M%d%c", &year, &month, &tail) != 2 || month < 2 || !year_to_date_clause(c, i, nc))
        return arena_strdup(c->arena, period);
    char buf[32];
    snprintf(buf, sizeof buf, "%d-01/%d-%02d", year, year, month);
    return arena_strdup(c->arena, buf);
}


const char *record_period(rctx *c, size_t i, const quantity *q, number_ctx *nc, int comparand_year)
{
    if (c->in_plan)
        return *c->plan_period ? c->plan_period : NULL;   /* "": a plan of no stated year */
    char buf[32];
    size_t u = q->unit_end_tok;
    size_t compared;
    if (comparand_year >= 0)
        return comparand_period(c, nc, comparand_year, buf, sizeof buf) ? arena_strdup(c->arena, buf) : NULL;
    if (q->times && u < nc->sent_end && baseline_at_ex(c, u, true, &compared))
        u += compared;   /* `gấp 3 lần năm 2015`: the comparand */
    size_t e = u;
    while (e < nc->sent_end && e < u + PERIOD_AFTER_TOKENS && !is_punct(c, e, ';') && !is_punct(c, e, ',') &&
           !opens_value_aside(c, e, nc->sent_end))
        e++;
    /* `giảm từ 3,8% năm 2018 xuống còn 3,2% năm 2019`: right after the value */
    if (u < e && (period_opening_at(c, u, e, buf, sizeof buf) ||
                  period_of_tokens(c, u, u + 1 < e ? u + 2 : e, true, buf, sizeof buf)))
        return arena_strdup(c->arena, buf);
    if (bracketed_period(c, u, nc->sent_end, buf, sizeof buf))
        return arena_strdup(c->arena, buf);
    if (linked_period(c, u, e, nc, buf, sizeof buf))
        return arena_strdup(c->arena, buf);
    if (period_before(c, nc, nc->period_lo > nc->sent_start ? nc->period_lo : nc->sent_start, i, buf, sizeof buf))
        return to_date(c, i, nc, buf);
    if (period_of_tokens(c, u, e, true, buf, sizeof buf) || sentence_final_period(c, e, nc->sent_end, buf, sizeof buf))
        return arena_strdup(c->arena, buf);
    if (c->list_item && c->list_period)
        return c->list_period;   /* `… tháng 7 ước đạt …; trong đó:` then its items */
    /* `I. Thành tựu kinh tế - xã hội năm 2020` above it, else a web page's
     * subheading (`Bức tranh kinh tế năm 2025 nhiều gam sáng`) */
    return c->heading_period ? c->heading_period : c->subheading_period;
}


/* Marks in skip[] the tokens of [a, b) that belong to a period phrase the
 * value does not compare with (`9 tháng năm 2024`, `lũy kế 7 tháng`):
 * the guidelines keep them out of indicators. */
bool mark_period_tokens(const rctx *c, size_t a, size_t b, bool compared, bool *skip)
{
    if (a >= b || !may_hold_period(c, c->tv.t[a].start, c->tv.t[b - 1].end))
        return false;
    char low[1024];
    uint32_t off[PERIOD_TRIM_TOKENS + 1];
    size_t n = 0;
    for (size_t k = a; k < b; k++) {
        const token *t = &c->tv.t[k];
        if (n + (t->end - t->start) * 2 + 2 >= sizeof low)
            return false;
        off[k - a] = (uint32_t)n;
        n += lower_text(c, t->start, t->end - t->start, low + n, sizeof low - n);
        low[n++] = ' ';
        skip[k - a] = false;
    }
    off[b - a] = (uint32_t)n;
    bool any = false;
    period_ref p;
    for (size_t i = 0; period_next(low, n, i, &p); i = p.end) {
        if (p.compared && !compared)
            continue;
        for (size_t k = 0; k < b - a; k++)
            if (off[k] >= p.start && off[k] < p.end) {
                /* (with a TIME_WORD right before it: `cuối năm 2023`; not a
                 * head word, `cây hằng năm 9 tháng năm 2024`) */
                if (k > 0 && !skip[k - 1] && off[k - 1] < p.start && PHRASE_AT(c, LT_TIME_WORDS, a + k - 1, NULL) == 1 &&
                    !period_holds_head(low + off[k - 1], off[k] - off[k - 1]))
                    skip[k - 1] = true;
                skip[k] = true;
                any = true;
            }
    }
    return any;
}


/* Is number token i inside a period phrase (`lũy kế 10 tháng`, `tháng
 * 8.2019`, `so với tháng 12 năm trước`)? Then it is no quantity. */
bool in_period_phrase(const rctx *c, size_t i)
{
    size_t a = i >= 3 ? i - 3 : 0;
    size_t b = i + 5 < c->tv.n ? i + 5 : c->tv.n;
    bool skip[PERIOD_TRIM_TOKENS];
    return mark_period_tokens(c, a, b, true, skip) && skip[i - a];
}
