/*
 * quantity.c — recognize stage: the quantity of a number token: its unit with scale words and per-unit tails, counts, ranges and rate items, canonical values.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "units.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A count noun at token i: a multi-word one from the table, an upper-case
 * abbreviation (HTX), or one lower-case word that is not a function word. */
size_t count_noun_at(const rctx *c, size_t i)
{
    if (i >= c->tv.n || c->tv.t[i].kind != TOK_WORD)
        return 0;
    size_t m = PHRASE_AT(c, LT_COUNT_NOUNS, i, NULL);
    if (m)
        return m;
    const token *t = &c->tv.t[i];
    if (in_table(c, i, LT_NOT_NOUNS))
        return 0;
    /* a word with digits glued to the number is part of it: `1e308`, `5G` */
    if ((t->flags & TOK_GLUED) && utf8_has_digit(c->text + t->start, t->end - t->start))
        return 0;
    if (t->flags & TOK_ALLCAPS)
        return t->end - t->start <= 6 ? 1 : 0;
    if (t->flags & TOK_UPPER)
        return 0;
    return 1;
}


/* A count per something: "bác sĩ/1 vạn dân", "dược sỹ đại học/1 vạn dân",
 * "cán bộ/1 trạm y tế xã": the noun may run on for a few words before the
 * '/', and the denominator (optional leading count, words) after it. */
void extend_per_unit(const rctx *c, quantity *q)
{
    size_t k = q->unit_end_tok;
    size_t extra = 0;
    while (k < c->tv.n && extra < 3 && c->tv.t[k].kind == TOK_WORD &&
           !(c->tv.t[k].flags & TOK_UPPER) && !in_table(c, k, LT_NOT_NOUNS)) {
        k++;
        extra++;
    }
    if (k + 1 >= c->tv.n || !is_punct(c, k, '/'))
        return;
    size_t d = k + 1;
    if (c->tv.t[d].kind == TOK_NUMBER && !(c->tv.t[d].flags & NUM_DECIMAL))
        d++;
    size_t words = 0;
    while (d < c->tv.n && words < 4 && c->tv.t[d].kind == TOK_WORD &&
           !in_table(c, d, LT_NOT_NOUNS)) {
        d++;
        words++;
    }
    if (!words)
        return;
    q->unit_end = c->tv.t[d - 1].end;
    q->unit_end_tok = d;
}


/* Text [s, s + n) with the blanks around a '/' dropped (`tạ/ ha` →
 * `tạ/ha`), into out, which holds cap > n bytes; its length. */
size_t pack_slash(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t k = 0; k < n && o + 1 < cap; k++) {
        bool blank_by_slash = s[k] == ' ' && ((k + 1 < n && s[k + 1] == '/') || (k > 0 && s[k - 1] == '/'));
        if (!blank_by_slash)
            out[o++] = s[k];
    }
    out[o] = '\0';
    return o;
}


/* A rate unit written with a blank by its '/' (`31 tạ/ ha`, `25,5 tạ /ha`):
 * when the unit at `start` (ending at *end) and the words after the slash
 * read as one longer unit once packed, *end moves past them. */
static void spaced_rate_unit(const rctx *c, uint32_t start, uint32_t *end, size_t limit)
{
    enum { RATE_TAIL = 24 };
    uint32_t e = *end, k = e;
    while (k < limit && c->text[k] == ' ')
        k++;
    if (k >= limit || c->text[k] != '/')
        return;
    k++;
    while (k < limit && c->text[k] == ' ')
        k++;
    if (k == e + 1)
        return;   /* no blank: the registry read it already, or it is no unit */
    size_t tail = limit - k < RATE_TAIL ? limit - k : RATE_TAIL;
    char packed[64];
    size_t head = e - start;
    if (head + 1 + tail >= sizeof packed)
        return;
    memcpy(packed, c->text + start, head);
    packed[head] = '/';
    memcpy(packed + head + 1, c->text + k, tail);
    size_t m = units_match_prefix(NULL, packed, head + 1 + tail);
    if (m > head + 1)
        *end = (uint32_t)(k + (m - head - 1));
}


/* Resolve a unit as the text writes it: as written, or packed when a
 * '/' stands in it (`tạ/ ha`). */
static bool resolve_written_unit(const char *text, size_t len, unit_info *info)
{
    char packed[64];
    if (len < sizeof packed && memchr(text, '/', len)) {
        len = pack_slash(text, len, packed, sizeof packed);
        text = packed;
    }
    return units_resolve(NULL, text, len, true, info) == VNR_OK;
}


/* Does token j name a currency (`đồng`, `đ`, `USD`)? */
static bool is_currency_word(const rctx *c, size_t j)
{
    unit_info info;
    const token *t = &c->tv.t[j];
    return units_resolve(NULL, c->text + t->start, t->end - t->start, true, &info) == VNR_OK &&
           strcmp(info.dimension, "currency") == 0;
}


/* Where the registry's match of a unit from token j must end: before a
 * "/<digit>" that starts a pair (`3.669,25 ha/3.621,7 ha`), not before a
 * count of a rate's people (`bác sĩ/10.000 dân`). */
static size_t registry_limit(const rctx *c, size_t j)
{
    for (size_t k = j; k < c->tv.n && k < j + 8; k++) {
        if (is_punct(c, k, '/') && k + 1 < c->tv.n && is_numeric(&c->tv.t[k + 1])) {
            const token *d = &c->tv.t[k + 1];
            bool word_after = d->kind == TOK_NUMBER && !(d->flags & NUM_DECIMAL) && k + 2 < c->tv.n &&
                              c->tv.t[k + 2].kind == TOK_WORD;
            bool round = d->v == 1 || d->v == 10 || d->v == 100 || d->v == 1000 || d->v == 10000 || d->v == 100000;
            /* (`đồng/12 trái`: a price per a count of things; `9 xã/13 xã`,
             * `260 ha/195 hộ` are pairs) */
            bool price_per = d->v >= 2 && d->v <= 1000 && d->v == floor(d->v) && is_currency_word(c, j);
            return word_after && (round || price_per) ? c->len : c->tv.t[k].start;
        }
        if (c->tv.t[k].kind == TOK_NUMBER)
            break;
    }
    return c->len;
}


/*
 * Find the unit after the number token `i`. Scale words, registry units and
 * '/'-compounds come from the unit registry; otherwise a count noun. A '/'
 * followed by a number is a pair (`3.669,25 ha/3.621,7 ha`), not a compound.
 */
bool find_unit(rctx *c, size_t i, quantity *q)
{
    const token *t = &c->tv.t[i];
    size_t j = i + 1;
    q->unit_start = q->unit_end = t->end;
    q->unit_end_tok = j;
    if (j >= c->tv.n)
        return false;
    const token *n = &c->tv.t[j];
    if (n->kind == TOK_PUNCT && (n->cp == '%' || n->cp == 0x2030)) {
        q->unit_start = n->start;
        q->unit_end = n->end;
        q->unit_end_tok = j + 1;
        q->percent = n->cp == '%';
        /* `giảm 1,8%/năm`: the rate's time base goes with it (the unit
         * stays `%`), so `năm` names no next value */
        if (j + 2 < c->tv.n && is_punct(c, j + 1, '/') && c->tv.t[j + 1].start == n->end &&
            c->tv.t[j + 2].start == c->tv.t[j + 1].end && PHRASE_AT(c, LT_TIME_WORDS, j + 2, NULL) == 1)
            q->unit_end_tok = j + 3;
        return true;
    }
    if (n->kind != TOK_WORD)
        return false;
    if (PHRASE_AT(c, LT_GAP_WORDS, j, NULL) > 1)
        return false;   /* `quý III, IV/2022 lần lượt là …`: no `lần` of the year */
    size_t limit = registry_limit(c, j);
    size_t m = units_match_prefix(NULL, c->text + n->start, limit - n->start);
    size_t listed = m ? PHRASE_AT(c, LT_COUNT_NOUNS, j, NULL) : 0;
    if (listed > 1 && c->tv.t[j + listed - 1].end > n->start + m && is_currency_word(c, j))
        m = 0;   /* a count noun the table spells out is longer: `đồng chí`, no `đồng` of money */
    /* "3G", "4C": one capital letter glued to a number names a thing
     * (a network, a road), not a unit — only W (watt) is written so */
    if (m == 1 && c->text[n->start] >= 'A' && c->text[n->start] <= 'Z' && c->text[n->start] != 'W')
        return false;
    if (m) {
        uint32_t end = (uint32_t)(n->start + m);
        spaced_rate_unit(c, n->start, &end, limit);   /* `31 tạ/ ha` */
        size_t after = token_at_offset(c, j, end);
        /* a scale word alone: take the count noun after it (`5.420 nghìn con`) */
        if (units_scale_word(c->text + n->start, m) > 0) {
            size_t cn = count_noun_at(c, after);
            if (cn) {
                end = c->tv.t[after + cn - 1].end;
                after += cn;
            }
        }
        q->unit_start = n->start;
        q->unit_end = end;
        q->unit_end_tok = after;
        /* the unit word must be the whole unit: `điểm` is points, `điểm
         * cầu` a count */
        size_t kind_idx, kind_len = PHRASE_AT(c, LT_UNIT_KINDS, j, &kind_idx);
        unit_kind kind = kind_len && j + kind_len == after ? unit_kinds[kind_idx].kind : UK_NONE;
        q->points = kind == UK_POINTS || kind == UK_POINTS_OR_SCORE;
        q->score = kind == UK_POINTS_OR_SCORE;
        q->resolved = resolve_written_unit(c->text + n->start, end - n->start, &q->info);
        /* (`0,42 điểm`, `6,95 điểm` are points or a score, no count of
         * places: `35 điểm cấp phát thuốc`) */
        q->count = q->resolved && strcmp(q->info.dimension, "count") == 0 &&
                   !(q->score && (c->tv.t[q->tok].flags & NUM_DECIMAL));
        q->times = kind == UK_TIMES;
        return true;
    }
    size_t cn = count_noun_at(c, j);
    if (!cn)
        return false;
    q->unit_start = n->start;
    q->unit_end = c->tv.t[j + cn - 1].end;
    q->unit_end_tok = j + cn;
    q->count = true;
    extend_per_unit(c, q);
    return true;
}


/* Canonical value and unit; `known` is the unit already resolved by
 * find_unit (NULL when the unit came from elsewhere). */
void fill_units(rctx *c, vnr_record *r, const char *unit, const unit_info *known)
{
    r->unit = unit;
    unit_info ui;
    if (known || (*unit && units_resolve(NULL, unit, strlen(unit), true, &ui) == VNR_OK)) {
        if (known)
            ui = *known;
        r->canonical_value = r->value * ui.factor;
        r->canonical_unit = arena_strdup(c->arena, ui.canonical);
        r->dimension = ui.dimension;
    } else {
        r->canonical_value = r->value;
        r->canonical_unit = unit;
        r->dimension = *unit ? "count" : NULL;
    }
}


/* Where the item of the number at i opens: its phrase, and the label
 * before a colon (`Tổng số giường bệnh: 2.411`). */
static size_t item_floor(const rctx *c, size_t i, size_t floor)
{
    size_t lo = phrase_floor(c, i, floor);
    while (lo > floor && is_punct(c, lo - 1, ':'))
        lo = phrase_floor(c, lo - 1, floor);
    return lo;
}


/* A bare number ending an item about a rate ("Tỷ lệ …: ≤ 15,8."). */
bool rate_item(const rctx *c, size_t i, size_t floor, size_t e)
{
    size_t n = i + 1;
    if (!(n >= e || is_punct(c, n, '.') || is_punct(c, n, ';')))
        return false;
    size_t lo = item_floor(c, i, floor);
    for (size_t k = lo; k < i; k++)
        if (PHRASE_AT(c, LT_RATE_WORDS, k, NULL))
            return true;
    return false;
}


/* A bracket that is only a unit and closes right before token b (`Dân số
 * trung bình (nghìn người)`, `Tỷ lệ hộ nghèo (%)`): the unit's first token
 * in *unit and its length in tokens, 0 when there is none. */
size_t unit_bracket_before(const rctx *c, size_t b, size_t floor, size_t *unit)
{
    enum { UNIT_TOKENS = 6 };
    if (b < floor + 3 || !is_punct(c, b - 1, ')'))
        return 0;
    size_t close = b - 1, open = close;
    while (open > floor && close - open <= UNIT_TOKENS && !is_punct(c, open - 1, '('))
        open--;
    if (open <= floor || open == close || close - open > UNIT_TOKENS)
        return 0;
    uint32_t from = c->tv.t[open].start, to = c->tv.t[close - 1].end;
    if (units_match_prefix(NULL, c->text + from, to - from) != to - from)
        return 0;
    *unit = open;
    return close - open;
}


/* `Dân số trung bình (nghìn người): 1.250,3`: a bare number right after a
 * label whose bracket, just before the colon, is a unit (a yearbook's
 * line). The unit's first token in *unit and its length in tokens, 0 when
 * there is none. */
size_t label_unit_of_item(const rctx *c, size_t i, size_t floor, size_t *unit)
{
    return i > floor && is_punct(c, i - 1, ':') ? unit_bracket_before(c, i - 1, floor, unit) : 0;
}


/* `Số bác sỹ bình quân 1 vạn dân (người): 15`: the number and unit a
 * label's bracketed unit (at token `open`, after its `(`) is counted per,
 * when they end the label right before the bracket: its first token in
 * *per and its length in tokens, 0 when there is none. */
size_t label_denominator(const rctx *c, size_t open, size_t floor, size_t *per)
{
    enum { PER_TOKENS = 4 };
    size_t end = open - 1;   /* the `(` */
    for (size_t k = end; k > floor && end - k < PER_TOKENS; k--) {
        if (c->tv.t[k - 1].kind != TOK_NUMBER)
            continue;
        uint32_t from = c->tv.t[k].start, to = c->tv.t[end - 1].end;
        unit_info ui;
        if (k < end && units_resolve(NULL, c->text + from, to - from, true, &ui) == VNR_OK) {
            *per = k - 1;
            return end - k + 1;
        }
        return 0;
    }
    return 0;
}


/* `Số doanh nghiệp thành lập mới đạt 120, tăng 10%`: a bare number that
 * ends its item, whose phrase opens with a COUNT_HEAD and a count noun,
 * counts that noun. The noun's first token in *noun and its length in
 * tokens, 0 when none. */
size_t counted_noun_of_item(const rctx *c, size_t i, size_t floor, size_t e, size_t *noun)
{
    size_t n = i + 1;
    if (!(n >= e || is_punct(c, n, '.') || is_punct(c, n, ';') || is_punct(c, n, ',')))
        return 0;
    enum { NOUN_WORDS = 3 };
    size_t lo = item_floor(c, i, floor);
    size_t h = lo < i ? PHRASE_AT(c, LT_COUNT_HEADS, lo, NULL) : 0;
    if (!h)
        return 0;   /* (the head opens the phrase: `một số nội dung` counts nothing) */
    /* the longest registered count noun after the head (`doanh nghiệp`) */
    for (size_t m = NOUN_WORDS; m > 0; m--) {
        size_t a = lo + h, b = a + m;
        unit_info ui;
        if (b > i || c->tv.t[b - 1].kind != TOK_WORD)
            continue;
        if (units_resolve(NULL, c->text + c->tv.t[a].start, c->tv.t[b - 1].end - c->tv.t[a].start, false, &ui) ==
                VNR_OK && strcmp(ui.dimension, "count") == 0 && ui.factor == 1) {
            *noun = a;
            return m;
        }
    }
    return 0;
}


/* The tokens joining a range's bounds at `at` (after the first value and
 * its unit) when a number follows: a dash, or a range word (`đến`), after
 * a value opened by `từ` or not (`chiếm 32,77% đến 32,79%`: the caller
 * checks that the second bound has the first's unit). 0 when there is no
 * range. */
size_t range_join_at(const rctx *c, size_t i, size_t at, size_t e)
{
    (void)i;
    if (at + 1 >= e)
        return 0;
    size_t m = 0;
    if (is_dash(c, at))
        m = 1;
    else
        m = PHRASE_AT(c, LT_RANGE_WORDS, at, NULL);
    return m && at + m < e && c->tv.t[at + m].kind == TOK_NUMBER ? m : 0;
}
