/*
 * indicator.c — recognize stage: the indicator and subject phrases of a record: the phrase before the value trimmed of fillers, periods and baselines, sentence labels and the noun phrase after a count.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "units.h"

#include <string.h>

/* Tokens of a time adverbial that opens [a, b) and ends in a comma
 * (`Năm 2023,`, `Quý III/2023,`, `Tính đến hết tháng 9/2023,`), the comma
 * included; 0 when there is none. It must hold a time word and a number. */
size_t time_adverbial_at(const rctx *c, size_t a, size_t b)
{
    bool word = false, number = false;
    /* it opens a sentence or a clause, not a baseline: `so với tháng 02, đạt` */
    if (a > 0 && c->tv.t[a - 1].kind != TOK_PUNCT)
        return 0;
    size_t k = a;
    while (k < b && k < a + 10) {
        const token *t = &c->tv.t[k];
        size_t m;
        if (is_punct(c, k, ','))
            return word && number ? k + 1 - a : 0;
        if ((m = PHRASE_AT(c, LT_TIME_WORDS, k, NULL)) != 0) {
            word = true;
            k += m;
            continue;
        }
        if (is_numeric(t) || t->kind == TOK_DATE || t->kind == TOK_YEAR_SPAN)
            number = true;
        else if (!is_roman_numeral(c, k) && !is_punct(c, k, '/') && !is_punct(c, k, '-'))
            return 0;
        k++;
    }
    return 0;
}


void trim_phrase(rctx *c, size_t *a, size_t *b)
{
    size_t m;
    for (;;) {
        while (*a < *b && (c->tv.t[*a].kind == TOK_PUNCT || c->tv.t[*a].kind == TOK_FOOTNOTE))
            (*a)++;
        if ((m = time_adverbial_at(c, *a, *b)) != 0) {
            *a += m;
            continue;
        }
        if (*a < *b && tok_is(c, *a, "so")) {
            size_t used;
            if (baseline_at(c, *a, &used)) {
                *a += used;
                continue;
            }
        }
        if (*a < *b && is_filler_at(c, *a, *b, &m)) {
            *a += m;
            continue;
        }
        break;
    }
    for (;;) {
        while (*b > *a && (c->tv.t[*b - 1].kind == TOK_PUNCT || c->tv.t[*b - 1].kind == TOK_FOOTNOTE) &&
               !closes_bracket(c, *a, *b - 1))
            (*b)--;
        size_t idx;
        size_t k = PHRASE_BEFORE(c, LT_FILLERS, *b, *a, &idx);
        if (k) {
            *b -= k;
            continue;
        }
        break;
    }
    /* a baseline phrase at the end: "… so với năm trước" */
    for (size_t k = *a; k < *b; k++) {
        if (tok_is(c, k, "so") && so_voi_at(c, k)) {
            *b = k;
            break;
        }
    }
    while (*b > *a && c->tv.t[*b - 1].kind == TOK_PUNCT && !closes_bracket(c, *a, *b - 1))
        (*b)--;
}


/* The text of an indicator or subject phrase [a, b): its tokens without
 * period phrases, each remaining piece trimmed like the whole phrase. */
const char *phrase_text(rctx *c, size_t a, size_t b)
{
    bool skip[PERIOD_TRIM_TOKENS];
    if (b - a > PERIOD_TRIM_TOKENS || !mark_period_tokens(c, a, b, false, skip))
        return tokens_text(c, a, b);
    vnr_buf joined = { 0 };
    bool ok = true;
    for (size_t x = a; x < b && ok;) {
        if (skip[x - a]) {
            x++;
            continue;
        }
        size_t y = x;
        while (y < b && !skip[y - a])
            y++;
        size_t pa = x, pb = y;
        trim_phrase(c, &pa, &pb);
        if (has_content(c, pa, pb)) {
            const char *piece = tokens_text(c, pa, pb);
            ok = piece && (!joined.len || buf_append_char(&joined, ' ')) && buf_append_str(&joined, piece);
        }
        x = y;
    }
    const char *r = ok ? arena_strndup(c->arena, joined.data ? joined.data : "", joined.len) : NULL;
    buf_free(&joined);
    return r;
}


void indicator_span(rctx *c, size_t i, size_t trig_at, size_t floor, size_t sent_start,
                           size_t *a, size_t *b)
{
    size_t end = trig_at;
    size_t start = phrase_floor(c, end, floor);
    size_t pa = start, pb = end;
    trim_phrase(c, &pa, &pb);
    if (!has_content(c, pa, pb) && start > floor &&
        (is_punct(c, start - 1, '(') || is_punct(c, start - 1, ':'))) {
        /* "khí đốt (tăng 13,52%)", "Vi phạm về quản lý rừng: 18 vụ": the
         * phrase is the one before the bracket or the colon */
        pb = start - 1;
        pa = phrase_floor(c, pb, floor);
        trim_phrase(c, &pa, &pb);
    }
    (void)i;
    (void)sent_start;
    *a = pa;
    *b = pb;
}


/* Does `hay` hold needle[0..n) as whole words (bounded by spaces,
 * punctuation or the ends)? */
bool contains_words(const char *hay, const char *needle, size_t n)
{
    if (n == 0)
        return false;
    for (const char *p = hay; *p; p++) {
        if (strncmp(p, needle, n) != 0)
            continue;
        bool open = p == hay || p[-1] == ' ' || p[-1] == ',' || p[-1] == '(';
        char after = p[n];
        bool close = after == '\0' || after == ' ' || after == ',' || after == ')';
        if (open && close)
            return true;
    }
    return false;
}


/* The noun phrase after a count: "264 vụ vi phạm Luật Lâm nghiệp". */
size_t count_tail_end(const rctx *c, size_t from, size_t limit)
{
    size_t k = from;
    while (k < limit && k < from + 10) {
        const token *t = &c->tv.t[k];
        if (is_numeric(t) || is_strong_boundary(c, k) || is_punct(c, k, '(') || is_punct(c, k, ')'))
            break;
        if (tok_is(c, k, "so") || tok_is(c, k, "với"))
            break;
        if ((tok_is(c, k, "tăng") || tok_is(c, k, "giảm") || tok_is(c, k, "đạt") ||
             tok_is(c, k, "chiếm") || tok_is(c, k, "bằng")) &&
            (k + 1 >= limit || is_numeric(&c->tv.t[k + 1]) || PHRASE_AT(c, LT_QUALIFIERS, k + 1, NULL)))
            break;
        k++;
    }
    while (k > from && c->tv.t[k - 1].kind == TOK_PUNCT)
        k--;
    return k;
}


/* Label at the start of a sentence: "Lúa mùa: Diện tích …". */
const char *sentence_label(rctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e && k < s + 7; k++) {
        if (is_punct(c, k, ':')) {
            if (k == s || !has_content(c, s, k))
                return NULL;
            if (tok_is(c, s, "về") || tok_is(c, s, "trong") || tok_is(c, s, "gồm") || tok_is(c, s, "như"))
                return NULL;
            for (size_t j = s; j < k; j++)
                if (is_numeric(&c->tv.t[j]) || c->tv.t[j].kind == TOK_DATE)
                    return NULL;
            return tokens_text(c, s, k);
        }
        if (c->tv.t[k].kind == TOK_PUNCT && c->tv.t[k].cp != '-' && c->tv.t[k].cp != '/')
            return NULL;
    }
    return NULL;
}
