/*
 * fate.c — recognize stage: number fates: why a number is no quantity (date, year, period, ordinal, identifier, …) and the digits inside markers, units and words.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "units.h"

#include <stdlib.h>
#include <string.h>

bool add_fate(rctx *c, uint32_t start, uint32_t end, const char *fate, size_t rec)
{
    number_fate f = { .norm_start = start, .norm_end = end, .fate = fate, .record = rec };
    return VEC_PUSH(c->out->fates, c->out->n_fates, c->out->cap_fates, f);
}


/* First ASCII digit in s[i..end), or end; eight bytes at a time (furniture
 * is mostly text). */
uint32_t next_digit(const char *s, uint32_t i, uint32_t end)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* a byte is a digit when its bits above 0x0F are 0x30 and the low
         * nibble is below 10 */
        uint64_t x = w ^ 0x3030303030303030ULL;   /* digits become 0..9 */
        if (((x - ones * 10) & ~x & highs) != 0)    /* some byte below 10 */
            break;
        i += 8;
    }
    while (i < end && !utf8_is_digit(s[i]))
        i++;
    return i;
}


/* Digit runs inside a span that no token accounts for (markers, furniture). */
bool add_digit_fates(rctx *c, uint32_t start, uint32_t end, const char *fate)
{
    uint32_t i = start;
    while (i < end) {
        i = next_digit(c->text, i, end);
        if (i >= end)
            break;
        if (utf8_is_digit(c->text[i])) {
            uint32_t j = i;
            while (j < end && (utf8_is_digit(c->text[j]) ||
                               ((c->text[j] == '.' || c->text[j] == ',') && j + 1 < end &&
                                utf8_is_digit(c->text[j + 1]))))
                j++;
            if (!add_fate(c, i, j, fate, NONE))
                return false;
            i = j;
        } else {
            i++;
        }
    }
    return true;
}


/* `14 giờ 30`, `8 giờ 00`: an hour of the clock, an LW_CLOCK word and
 * the minutes. */
static bool hour_and_minutes(const rctx *c, size_t i)
{
    const token *t = c->tv.t;
    size_t idx;
    /* (each range test before its cast: a number past int's range has none) */
    return i + 2 < c->tv.n && t[i].kind == TOK_NUMBER && t[i].v >= 0 && t[i].v <= 24 && t[i].v == (int)t[i].v &&
           t[i + 2].kind == TOK_NUMBER && t[i + 2].v >= 0 && t[i + 2].v < 60 && t[i + 2].v == (int)t[i + 2].v &&
           PHRASE_AT(c, LT_LINK_WORDS, i + 1, &idx) == 1 && link_words[idx].kind == LW_CLOCK;
}


/* `07:20`, `16:08:00`: the parts of a clock time, glued by colons; or
 * an hour and its minutes in words (hour_and_minutes). */
bool is_clock_time(const rctx *c, size_t i)
{
    const token *t = c->tv.t;
    if (i + 2 < c->tv.n && is_punct(c, i + 1, ':') && t[i + 2].kind == TOK_NUMBER &&
        t[i + 1].start == t[i].end && t[i + 2].start == t[i + 1].end)
        return true;
    if (hour_and_minutes(c, i) || (i >= 2 && hour_and_minutes(c, i - 2)))
        return true;
    return i >= 2 && is_punct(c, i - 1, ':') && t[i - 2].kind == TOK_NUMBER &&
           t[i - 1].start == t[i - 2].end && t[i].start == t[i - 1].end;
}


/* A DATE_WORD at token i that may stand before (or after) a date part. */
static bool date_word(const rctx *c, size_t i, bool before)
{
    size_t idx;
    return i < c->tv.n && PHRASE_AT(c, LT_DATE_WORDS, i, &idx) == 1 &&
           (before ? date_words[idx].before : date_words[idx].after);
}


/* Does text [s, e) end with a day and month written with a dot (`8.12`,
 * the `10.12` of `8 - 10.12`): one or two digits of a day, '.', one or two
 * of a month? */
static bool ends_with_dotted_day_month(const char *s, const char *e)
{
    const char *m = e;
    while (m > s && m[-1] >= '0' && m[-1] <= '9')
        m--;
    if (e - m < 1 || e - m > 2 || m - s < 2 || m[-1] != '.')
        return false;
    const char *d = m - 1;
    while (d > s && d[-1] >= '0' && d[-1] <= '9')
        d--;
    if (m - 1 - d < 1 || m - 1 - d > 2 || (d > s && d[-1] != ' ' && d[-1] != '-'))
        return false;
    int day = atoi(d), month = atoi(m);
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}


/* A day and month lexed as a fraction (`30/4`)? */
static bool fraction_day_month(const token *t)
{
    return t->kind == TOK_FRACTION && t->v >= 1 && t->v <= 31 && t->v == (int)t->v && t->v2 >= 1 &&
           t->v2 <= 12 && t->v2 == (int)t->v2;
}


/* `dịp nghỉ lễ 30/4 năm 2024`, `30/4 - 01/5 năm 2024`: a day and month
 * (or two, joined by a dash) before a date word and a year. */
static bool day_month_of_year(const rctx *c, size_t i)
{
    if (!fraction_day_month(&c->tv.t[i]))
        return false;
    size_t j = i + 1;
    if (j + 1 < c->tv.n && is_dash(c, j) && fraction_day_month(&c->tv.t[j + 1]))
        j += 2;   /* the first day of a span (its last day is read as one alone) */
    return j + 1 < c->tv.n && date_word(c, j, false) && (c->tv.t[j + 1].flags & NUM_YEARLIKE);
}


/* A whole number from lo to hi? */
static bool whole_in(const token *t, double lo, double hi)
{
    return t->kind == TOK_NUMBER && !(t->flags & NUM_DECIMAL) && t->v >= lo && t->v <= hi && t->v == (int)t->v;
}


/* The token before number i across a dash (its own, `-10`, or one
 * between), or NONE. */
static size_t before_dash(const rctx *c, size_t i)
{
    if ((c->tv.t[i].flags & NUM_SIGNED) && i >= 1)
        return i - 1;
    return i >= 2 && is_dash(c, i - 1) ? i - 2 : NONE;
}


/* Days written with a dash, as web pages print them: the month of
 * `ngày 25-10` (a day after a date word, then its month), and either end
 * of a span of days `từ 20-24/11` (a day before a later day and its
 * month). No quantity: GUIDELINES, dates. */
static bool dashed_day_month(const rctx *c, size_t i)
{
    const token *t = c->tv.t;
    size_t d = before_dash(c, i);
    if (d != NONE && d > 0 && whole_in(&t[d], 1, 31) && date_word(c, d - 1, true) && whole_in(&t[i], 1, 12))
        return true;   /* the month of `ngày 25-10` */
    if (d != NONE && fraction_day_month(&t[i]) && whole_in(&t[d], 1, 31) && t[d].v < t[i].v)
        return true;   /* the last day and month of `20-24/11` */
    size_t e = i + 1 < c->tv.n && (t[i + 1].flags & NUM_SIGNED)  ? i + 1
               : i + 2 < c->tv.n && is_dash(c, i + 1)            ? i + 2
                                                                  : NONE;
    return e != NONE && fraction_day_month(&t[e]) && whole_in(&t[i], 1, 31) && t[i].v < t[e].v;   /* its first day */
}


/* Is token i a day and month after a date word: `ngày 15/9` (lexed as a
 * fraction), `sáng 18/10`, `ngày 8.12`, `từ ngày 8 - 10.12`; or before the
 * year of its date (`30/4 năm 2024`)? */
bool is_day_month(const rctx *c, size_t i)
{
    const token *t = &c->tv.t[i];
    if (day_month_of_year(c, i))
        return true;
    if (i == 0 || !date_word(c, i - 1, true))
        return false;
    if (t->kind == TOK_FRACTION)
        return fraction_day_month(t);
    return ((t->kind == TOK_NUMBER && (t->flags & NUM_DECIMAL)) || t->kind == TOK_RANGE) &&
           ends_with_dotted_day_month(c->text + t->start, c->text + t->end);
}


/* Does the NON_INDICATOR row apply to number token t (see ni_when)? */
static bool non_indicator_applies(const rctx *c, const non_indicator_entry *e, size_t i, bool has_unit,
                                  bool name_follows)
{
    const token *t = &c->tv.t[i];
    switch (e->when) {
    case NI_DURATION:
        return i + 1 < c->tv.n && PHRASE_AT(c, LT_TIME_WORDS, i + 1, NULL) == 1;
    case NI_WEAK:
        return !has_unit || name_follows;
    case NI_YEARLIKE:
        return (t->flags & NUM_YEARLIKE) != 0;
    case NI_MONTH_NUMBER:
        return t->v <= 12 && !has_unit;
    case NI_UNITLESS:
        return !has_unit;
    case NI_NEVER:
        return false;
    default:
        return true;
    }
}


/* `Covid-19`, `Covid -19`: a name glued to its number by a hyphen or sign. */
static bool hyphened_name(const rctx *c, size_t i)
{
    size_t end = i >= 2 && is_punct(c, i - 1, '-') ? i - 1
                 : (c->tv.t[i].flags & NUM_SIGNED) && i >= 1 ? i : 0;
    size_t idx;
    return end && PHRASE_BEFORE(c, LT_NON_INDICATORS, end, end - 1, &idx) &&
           non_indicators[idx].when == NI_HYPHENED;
}


/* `kế hoạch 5 năm 2021-2025`, `sau 10 năm 2011 - 2020`: a count of
 * years (a TIME_WORD) right before the years it spans names the span, a
 * period, not a quantity. */
static bool counts_years_it_spans(const rctx *c, size_t i)
{
    size_t m = i + 1 < c->tv.n ? PHRASE_AT(c, LT_TIME_WORDS, i + 1, NULL) : 0;
    if (m != 1 || i + 2 >= c->tv.n)
        return false;
    const token *y = &c->tv.t[i + 2];
    return y->kind == TOK_YEAR_SPAN ||
           (y->kind == TOK_NUMBER && (y->flags & NUM_YEARLIKE) && i + 3 < c->tv.n &&
            (is_punct(c, i + 3, '-') || c->tv.t[i + 3].kind == TOK_YEAR_SPAN) );
}


/* `18 tháng 10 năm 2019`, `18 Tháng 10 2019` (a web page's date line,
 * after its weekday): a day, a date word, a month and a year make a date
 * without `ngày` before it. */
static bool day_month_year(const rctx *c, size_t i)
{
    const token *t = c->tv.t;
    if (i + 3 >= c->tv.n || t[i].v < 1 || t[i].v > 31 || t[i].v != (int)t[i].v || !date_word(c, i + 1, false) ||
        t[i + 2].kind != TOK_NUMBER || t[i + 2].v < 1 || t[i + 2].v > 12)
        return false;
    size_t y = i + 3;
    if (date_word(c, y, false) && y + 1 < c->tv.n)
        y++;   /* `năm` */
    return t[y].kind == TOK_NUMBER && (t[y].flags & NUM_YEARLIKE);
}


/* `xếp hạng 46/63 tỉnh, thành phố; 4/5 thành phố trực thuộc Trung ương và
 * 9/13 tỉnh vùng ĐBSCL`: an n/N joined by a list mark (`,` `;` or a
 * SIBLING_LINK) to the places of a rank just before, with no other number
 * between, is a rank too. */
static bool continues_ranks(const rctx *c, size_t i)
{
    enum { PLACE_WORDS = 12 };
    const recognizer_out *o = c->out;
    if (c->tv.t[i].kind != TOK_FRACTION || i == 0 || !o->n_fates ||
        strcmp(o->fates[o->n_fates - 1].fate ? o->fates[o->n_fates - 1].fate : "", "ordinal") != 0)
        return false;
    size_t m = PHRASE_BEFORE(c, LT_SIBLING_LINKS, i, i - 1, NULL);
    if (!m && !is_punct(c, i - 1, ',') && !is_punct(c, i - 1, ';'))
        return false;
    uint32_t rank_end = o->fates[o->n_fates - 1].norm_end;
    size_t k = i - (m ? m : 1), words = 0;
    for (; k > 0 && c->tv.t[k - 1].start >= rank_end; k--) {
        const token *t = &c->tv.t[k - 1];
        if (is_numeric(t) || (t->kind == TOK_PUNCT && t->cp != ',') || ++words > PLACE_WORDS)
            return false;
    }
    return true;
}


/* `đứng thứ ba cả nước trong số 34 tỉnh`: does an ENTITY_RANK with its
 * rank in words, and at most a few words of where, end right before the
 * LW_RANK_OF word at `link`? */
static bool worded_rank_before(const rctx *c, size_t link)
{
    enum { RANK_WORDS = 5 };
    for (size_t k = link; k > 0 && k + RANK_WORDS >= link; k--) {
        if (c->tv.t[k - 1].kind != TOK_WORD)
            return false;
        if (PHRASE_BEFORE(c, LT_ENTITY_RANKS, k, k > 3 ? k - 3 : 0, NULL))
            return true;
    }
    return false;
}


/* `đứng thứ 5 trong 13 tỉnh`, `xếp thứ 12 trên 63 tỉnh`: the count of a
 * rank's field, an LW_RANK_OF word after the rank's number, is no
 * quantity (GUIDELINES: ranks are ordinals). */
static bool rank_field(const rctx *c, size_t i)
{
    const recognizer_out *o = c->out;
    size_t idx, m = i > 1 ? PHRASE_BEFORE(c, LT_LINK_WORDS, i, i > 4 ? i - 4 : 0, &idx) : 0;
    if (!m || link_words[idx].kind != LW_RANK_OF || i < m + 1)
        return false;
    if (worded_rank_before(c, i - m))
        return true;
    if (!o->n_fates || strcmp(o->fates[o->n_fates - 1].fate ? o->fates[o->n_fates - 1].fate : "", "ordinal") != 0)
        return false;
    const token *rank = &c->tv.t[i - m - 1];
    return is_numeric(rank) && rank->start >= o->fates[o->n_fates - 1].norm_start &&
           rank->end <= o->fates[o->n_fates - 1].norm_end;
}


/* `Quảng trường 30 tháng 4`, `lễ 2 tháng 9`: a whole number of a day
 * (1–31) before a DATE_WORD that may stand before a number (`tháng`) and
 * a month's number (1–12) is a date, with no `ngày` before it too —
 * unless a unit follows the month's (`3 tháng 10 ngày`, `15 tháng 11
 * lần`: a length, a count). */
static bool bare_day_of_month(const rctx *c, size_t i)
{
    const token *month = i + 2 < c->tv.n ? &c->tv.t[i + 2] : NULL;
    if (!whole_in(&c->tv.t[i], 1, 31) || !month || !whole_in(month, 1, 12) || !date_word(c, i + 1, false) ||
        !date_word(c, i + 1, true))
        return false;
    const token *next = i + 3 < c->tv.n ? &c->tv.t[i + 3] : NULL;
    return !next || next->kind != TOK_WORD ||
           units_match_prefix(NULL, c->text + next->start, next->end - next->start) != next->end - next->start;
}


/* `bình quân/1 doanh nghiệp`, `/1 người`: "per one", the measure's
 * denominator, no count. */
static bool per_one(const rctx *c, size_t i)
{
    const token *t = &c->tv.t[i];
    return t->kind == TOK_NUMBER && t->v == 1 && i >= 2 && is_punct(c, i - 1, '/') &&
           c->tv.t[i - 2].kind == TOK_WORD;
}


/* A number that only defines what is counted is whole (`dưới 5 tuổi`,
 * `2 con số`); one with decimals is measured: `tuổi thọ trung bình đạt
 * 74,2 tuổi`. */
static bool measured_definition(const token *t, const char *fate)
{
    return (t->flags & NUM_DECIMAL) && strcmp(fate, "definition") == 0;
}


/* Classify a number that cannot be a quantity; NULL if it may be one. */
const char *non_indicator_fate(const rctx *c, size_t i, size_t lo, bool has_unit,
                                      bool name_follows)
{
    const token *t = &c->tv.t[i];
    if (is_clock_time(c, i))
        return "date";
    if (in_period_phrase(c, i) || counts_years_it_spans(c, i))
        return "period";
    /* dates in words: "ngày 15 tháng 11 năm 2023" */
    if (i > 0 && date_word(c, i + 1, false) && i + 2 < c->tv.n &&
        c->tv.t[i + 2].kind == TOK_NUMBER && date_word(c, i - 1, true))
        return "date";
    if (bare_day_of_month(c, i))
        return "date";
    if (per_one(c, i))
        return "definition";
    if (continues_ranks(c, i) || rank_field(c, i))
        return "ordinal";
    if (day_month_year(c, i) || is_day_month(c, i) || dashed_day_month(c, i))
        return "date";   /* (`Đến ngày 15/5 số hộ nghèo …`: no actual/plan pair) */
    size_t idx;
    if (PHRASE_BEFORE(c, LT_NON_INDICATORS, i, lo, &idx) &&
        non_indicator_applies(c, &non_indicators[idx], i, has_unit, name_follows))
        return non_indicators[idx].code;   /* (else what follows may still say: `ở mức 2 con số`) */
    if ((t->flags & NUM_YEARLIKE) && !has_unit)
        return "year";
    if (phrase_first_at(c, i + 1, LT_PERIODS_AFTER, &idx) && !measured_definition(t, periods_after[idx].code))
        return periods_after[idx].code;
    return hyphened_name(c, i) ? "identifier" : NULL;
}
