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
/* Do tokens [k - 2, k) read a day and month after a date word: `ngày
 * 15/9` (lexed as a fraction)? Such a date ends a time adverbial as a
 * full date does. */
static bool ends_day_month(const rctx *c, size_t a, size_t k)
{
    return k >= a + 2 && is_day_month(c, k - 1);
}


enum { TIME_TAIL_WORDS = 3 };   /* words after `trong 5 ngày` that say what the days were */

size_t time_adverbial_at(const rctx *c, size_t a, size_t b)
{
    bool number = false;
    /* it opens a sentence or a clause, not a baseline: `so với tháng 02,
     * đạt`; or it goes on from a time word trimmed before it (`Tính đến
     * 31/12/2021, …`) */
    bool word = a > 0 && PHRASE_BEFORE(c, LT_TIME_WORDS, a, 0, NULL) > 0;
    if (a > 0 && c->tv.t[a - 1].kind != TOK_PUNCT && !word)
        return 0;
    size_t k = a, tail = 0;
    while (k < b && k < a + 10) {
        const token *t = &c->tv.t[k];
        size_t m;
        if (is_punct(c, k, ','))   /* (time words alone, two or more: `Trong tuần, …`, `Đến nay, …`) */
            return word && (number || k >= a + 2) ? k + 1 - a : 0;
        if (tail && t->kind == TOK_WORD && tail++ <= TIME_TAIL_WORDS) {
            k++;   /* what the stretch of time was: `Trong 5 ngày nghỉ lễ, …` */
            continue;
        }
        if ((m = PHRASE_AT(c, LT_TIME_WORDS, k, NULL)) != 0) {
            tail = word && number && k > a && t->kind == TOK_WORD && is_numeric(&c->tv.t[k - 1]);
            word = true;
            k += m;
            continue;
        }
        if (is_numeric(t) || t->kind == TOK_DATE || t->kind == TOK_YEAR_SPAN)
            number = true;
        else if (word && k > a && (c->tv.t[k - 1].kind == TOK_DATE || ends_day_month(c, a, k)))
            return k - a;   /* a full date ends it, comma or not: `Từ đầu năm đến 30/11/2022 có …` */
        else if (!is_roman_numeral(c, k) && !is_punct(c, k, '/') && !is_punct(c, k, '-'))
            return 0;
        k++;
    }
    /* the whole phrase a time adverbial ending at a date: `Từ đầu năm đến
     * 30/11/2022 | có 318 doanh nghiệp` */
    return k == b && word && k > a && c->tv.t[k - 1].kind == TOK_DATE ? k - a : 0;
}


/* A clause that opens with a CLAUSE_LEAD and ends at a comma before b
 * (`Theo báo cáo của Cục Thống kê tỉnh, …`, `Theo đó, …`), or an
 * LW_COMMA_LEAD word and its comma (`Kết quả, …`): its tokens and the
 * comma; 0 when there is none. */
static size_t lead_clause_at(const rctx *c, size_t a, size_t b)
{
    size_t idx, l = PHRASE_AT(c, LT_LINK_WORDS, a, &idx);
    if (l && link_words[idx].kind == LW_COMMA_LEAD && a + l < b && is_punct(c, a + l, ','))
        return l + 1;   /* `Kết quả, …` */
    if (!PHRASE_AT(c, LT_CLAUSE_LEADS, a, NULL))
        return 0;
    for (size_t k = a + 1; k < b && k < a + 16; k++) {
        if (is_punct(c, k, ','))
            return k + 1 - a;
        if (is_strong_boundary(c, k))
            return 0;
    }
    return 0;
}


/* `thu ngân sách đạt khá, thu nội địa ước đạt …`: do the tokens before
 * the comma at `comma` (not before a) end in a trigger and an adverb of
 * degree (GAP_WORD), a statement with no value of its own? */
static bool ends_valueless_statement(const rctx *c, size_t a, size_t comma)
{
    size_t g = PHRASE_BEFORE(c, LT_GAP_WORDS, comma, a, NULL);
    return g && comma - g > a && PHRASE_BEFORE(c, LT_TRIGGERS, comma - g, a, NULL);
}


/* Do tokens [a, b) hold a word other than time, estimate and verb words
 * (`ước 9 tháng năm 2018 là` holds none)? */
static bool names_more_than_time(const rctx *c, size_t a, size_t b)
{
    for (size_t k = a, m; k < b; k += m) {
        m = c->tv.t[k].kind != TOK_WORD ? 1 : PHRASE_AT(c, LT_TIME_WORDS, k, NULL);
        if (!m && !(m = PHRASE_AT(c, LT_ESTIMATES, k, NULL)) && !(m = PHRASE_AT(c, LT_TRIGGERS, k, NULL)) &&
            !(m = PHRASE_AT(c, LT_GAP_WORDS, k, NULL)))
            return true;
    }
    return false;
}


/* Where the phrase [a, b) starts again after words that belong to what
 * came before: the tail of a bracket opened before it (`2024), khách quốc
 * tế`) or a clause that a breakdown word or a clause link closes (`cao
 * nhất kể từ năm 2018, trong đó khu vực dịch vụ`, `…, theo đó tỉnh`). */
static size_t restart_of_phrase(const rctx *c, size_t a, size_t b)
{
    size_t from = a, m_ex;
    int depth = 0;
    for (size_t k = a; k < b; k++) {
        if (is_punct(c, k, '('))
            depth++;
        else if (is_punct(c, k, ')') && --depth < 0) {
            from = k + 1;   /* closes a bracket opened before the phrase */
            depth = 0;
        } else if (depth == 0 && ((m_ex = PHRASE_AT(c, LT_EXAMPLE_LEADS, k, NULL)) ||
                                  (m_ex = PHRASE_AT(c, LT_REPORT_VERBS, k, NULL))) && k + m_ex < b) {
            from = k + m_ex;   /* `… đạt cao như thu ngân sách …`, `Sở … cho biết, …` */
        } else if (k == a && (m_ex = PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL)) && k + m_ex < b &&
                   c->tv.t[k + m_ex].kind == TOK_WORD) {
            from = k + m_ex;   /* `Cụ thể GRDP …`, without its comma */
        } else if (k > a && is_punct(c, k - 1, ',') && depth == 0) {
            size_t m = PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL);
            if (!m)
                m = PHRASE_AT(c, LT_CLAUSE_LINKS, k, NULL);
            if (m && k + m < b)
                from = k + m;
            else if (k < b && ends_valueless_statement(c, a, k - 1) && names_more_than_time(c, k, b))
                from = k;   /* (`Thu ngân sách đạt khá, ước 9 tháng … là X`: only
                             * its time, so the statement's measure) */
        }
    }
    return from;
}


/* Is [a, b) only a bracketed aside, punctuation around it: `(giá so sánh
 * năm 2010)` between a value and the next one's verb names no measure. */
static bool aside_only(const rctx *c, size_t a, size_t b)
{
    while (a < b && is_punct(c, a, ','))
        a++;
    if (a >= b || !is_punct(c, a, '('))
        return false;
    int depth = 0;
    size_t k = a;
    for (; k < b; k++) {
        if (is_punct(c, k, '('))
            depth++;
        else if (is_punct(c, k, ')') && --depth == 0)
            break;
    }
    for (k++; k < b; k++)
        if (c->tv.t[k].kind != TOK_PUNCT)
            return false;
    return depth == 0;
}


/* The end of a phrase [a, b) cut back past punctuation, fillers, a verb
 * with its adverb of degree, and a bracketed unit. */
static void trim_phrase_end(const rctx *c, size_t a, size_t *b)
{
    for (;;) {
        while (*b > a && (c->tv.t[*b - 1].kind == TOK_PUNCT || c->tv.t[*b - 1].kind == TOK_FOOTNOTE) &&
               !closes_bracket(c, a, *b - 1))
            (*b)--;
        size_t idx;
        size_t k = PHRASE_BEFORE(c, LT_FILLERS, *b, a, &idx);
        /* a capitalised word ends a name, not a filler: `thành phố Cao Bằng` */
        if (k && !(c->tv.t[*b - k].flags & TOK_UPPER)) {
            *b -= k;
            continue;
        }
        size_t unit;
        if (unit_bracket_before(c, *b, a, &unit)) {
            *b = unit - 1;   /* `Dân số trung bình (nghìn người)`: the unit is the value's */
            continue;
        }
        /* a verb and its adverb of degree: `quý I giảm mạnh (-6,2%)` */
        size_t g = PHRASE_BEFORE(c, LT_GAP_WORDS, *b, a, NULL);
        size_t v = g && *b - g > a ? PHRASE_BEFORE(c, LT_TRIGGERS, *b - g, a, NULL) : 0;
        /* (a growth word after its GROWTH_HOLDER is the measure, not a verb:
         * `tốc độ tăng trưởng bình quân đạt 12,4%/năm`) */
        if (v && *b - g - v > a && PHRASE_BEFORE(c, LT_GROWTH_WORDS, *b - g, a, NULL) >= v &&
            PHRASE_BEFORE(c, LT_GROWTH_HOLDERS, *b - g - v, a, NULL))
            v = 0;
        if (v && *b - g - v > a && !(c->tv.t[*b - g - v].flags & TOK_UPPER)) {   /* `Cao Bằng đến`: a name */
            *b -= g + v;
            continue;
        }
        break;
    }
}


void trim_phrase(rctx *c, size_t *a, size_t *b)
{
    size_t m;
    if (aside_only(c, *a, *b)) {
        *a = *b;
        return;
    }
    *a = restart_of_phrase(c, *a, *b);
    for (;;) {
        while (*a < *b && (c->tv.t[*a].kind == TOK_PUNCT || c->tv.t[*a].kind == TOK_FOOTNOTE))
            (*a)++;
        if ((m = time_adverbial_at(c, *a, *b)) != 0 || (m = lead_clause_at(c, *a, *b)) != 0 ||
            (m = plan_label_len(c, *a, *b)) != 0 || (m = PHRASE_AT(c, LT_PLACE_LEADS, *a, NULL)) != 0) {
            *a += m;
            continue;
        }
        if (*a < *b && compare_word_at(c, *a, false)) {
            size_t used;
            if (baseline_at(c, *a, &used)) {
                *a += used;
                continue;
            }
        }
        if (*a > 0 && *a < *b && is_punct(c, *a - 1, '(') && (m = same_period_at(c, *a)) != 0) {
            *a += m;   /* `(cùng kỳ tăng 4,15%)`: the time of an aside, no measure */
            continue;
        }
        /* a filler word that begins a growth word is none: `Phấn đấu
         * tăng trưởng kinh tế …` keeps `tăng trưởng` */
        if (*a < *b && is_filler_at(c, *a, *b, &m) && PHRASE_AT(c, LT_GROWTH_WORDS, *a, NULL) <= m) {
            *a += m;
            continue;
        }
        break;
    }
    trim_phrase_end(c, *a, b);
    /* a baseline phrase at the end: "… so với năm trước"; one in the
     * middle ends a clause, and the words after it are the value's own:
     * "… tăng so với cùng kỳ, gồm thủy sản chế biến" */
    for (size_t k = *a; k < *b; k++) {
        if (!compare_word_at(c, k, true))
            continue;
        size_t used = 0, after = k;
        if (baseline_at(c, k, &used))
            after = k + used;
        while (after < *b && c->tv.t[after].kind == TOK_PUNCT)
            after++;
        if (after > k && after < *b && is_punct(c, after - 1, ',')) {
            *a = after;
            trim_phrase(c, a, b);   /* the rest trimmed like a phrase of its own */
            return;
        }
        *b = k;
        break;
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


/* A growth word that is the value's trigger belongs to the measure when
 * the phrase before it ends with a holder of it: `đạt tốc độ tăng trưởng
 * 8,2%` (but `Kinh tế tăng trưởng 6,5%`; after an empty phrase the
 * chain's measure goes on: `đạt 8.820 tỷ đồng, tăng trưởng 6,1%`), or
 * when it opens the sentence (`Tăng trưởng 10,34%.`: the growth is the
 * measure; GENERIC_MEASURE lets the sentence before lend a better one).
 * Where the phrase then ends: after the growth word, else at trig_at. */
static size_t growth_phrase_end(rctx *c, size_t i, size_t trig_at, size_t pa, size_t pb, bool opens)
{
    size_t m = PHRASE_AT(c, LT_GROWTH_WORDS, trig_at, NULL);
    if (!m || trig_at + m > i)
        return trig_at;
    if (!has_content(c, pa, pb))
        return opens ? trig_at + m : trig_at;
    /* the holder right before the growth word, trimmed or not (`đạt mức
     * tăng trưởng`: `mức` is a filler) */
    if (!PHRASE_BEFORE(c, LT_GROWTH_HOLDERS, pb, pa, NULL) && !PHRASE_BEFORE(c, LT_GROWTH_HOLDERS, trig_at, pa, NULL))
        return trig_at;
    return trig_at + m;
}


void indicator_span(rctx *c, size_t i, size_t trig_at, size_t floor, size_t sent_start,
                           size_t *a, size_t *b)
{
    size_t end = trig_at;
    size_t start = phrase_floor(c, end, floor);
    size_t pa = start, pb = end;
    trim_phrase(c, &pa, &pb);
    if (i > trig_at && (end = growth_phrase_end(c, i, trig_at, pa, pb, start == sent_start)) != trig_at) {
        pa = start;
        pb = end;
        trim_phrase(c, &pa, &pb);
    }
    if (!has_content(c, pa, pb) && start > floor &&
        (is_punct(c, start - 1, '(') || is_punct(c, start - 1, ':'))) {
        /* "khí đốt (tăng 13,52%)", "Vi phạm về quản lý rừng: 18 vụ": the
         * phrase is the one before the bracket or the colon */
        pb = start - 1;
        pa = phrase_floor(c, pb, floor);
        trim_phrase(c, &pa, &pb);
    }
    *a = pa;
    *b = pb;
}


/* Does `hay` hold needle[0..n) as whole words (bounded by spaces,
 * punctuation or the ends), in any case (`Cây ăn quả` holds `cây`)? Only
 * the first bytes of a very long `hay` are searched. */
bool contains_words(const char *hay, const char *needle, size_t n)
{
    char low_hay[1024], low_needle[256];
    if (n == 0 || 3 * n + 6 > sizeof low_needle)
        return false;
    size_t hn = utf8_lower(hay, strlen(hay), low_hay, sizeof low_hay);
    n = utf8_lower(needle, n, low_needle, sizeof low_needle);
    for (size_t k = 0; k + n <= hn; k++) {
        const char *p = low_hay + k;
        if (p[0] != low_needle[0] || memcmp(p, low_needle, n) != 0)
            continue;
        bool open = k == 0 || p[-1] == ' ' || p[-1] == ',' || p[-1] == '(';
        char after = p[n];
        bool close = after == '\0' || after == ' ' || after == ',' || after == ')';
        if (open && close)
            return true;
    }
    return false;
}


/* Does token w, after a comma in the thing a count names, name another
 * thing counted with it: a count noun of the lexicon or of the unit
 * registry (`xã, phường`, `doanh nghiệp, đơn vị`), or a short
 * abbreviation (`doanh nghiệp, HTX`)? */
static bool lists_another_thing(const rctx *c, size_t w, size_t limit)
{
    if (w >= limit || c->tv.t[w].kind != TOK_WORD)
        return false;
    const token *t = &c->tv.t[w];
    if (PHRASE_AT(c, LT_COUNT_NOUNS, w, NULL) || ((t->flags & TOK_ALLCAPS) && t->end - t->start <= 6))
        return true;
    size_t m = units_match_prefix(NULL, c->text + t->start, c->tv.t[limit - 1].end - t->start);
    unit_info ui;
    return m && units_resolve(NULL, c->text + t->start, m, false, &ui) == VNR_OK &&
           strcmp(ui.dimension, "count") == 0;
}


/* Does the comma at token k end the thing a count names? When the clause
 * after it (to the next comma or sentence end) holds a number of its own
 * (`264 vụ vi phạm, xử phạt 5 tỷ đồng`) and does not start with another
 * thing counted (`25 xã, phường thuộc 11/11 huyện`); a clause without a
 * number goes on naming it (`63 dự án dừng, kết thúc dự án`). */
static bool comma_opens_counted_clause(const rctx *c, size_t k, size_t limit, size_t unit_last)
{
    size_t j = k + 1;
    while (j < limit && !is_punct(c, j, ',') && !is_strong_boundary(c, j) && !is_numeric(&c->tv.t[j]))
        j++;
    if (j >= limit || !is_numeric(&c->tv.t[j]))
        return false;
    /* (a clause counted in the same last unit word is the next item:
     * `khách quốc tế 180.000 lượt, khách nội địa 1.970.000 lượt`) */
    const token *u = &c->tv.t[unit_last], *v = j + 1 < limit ? &c->tv.t[j + 1] : NULL;
    if (v && u->kind == TOK_WORD && v->end - v->start == u->end - u->start &&
        memcmp(c->text + v->start, c->text + u->start, u->end - u->start) == 0)
        return true;
    return !lists_another_thing(c, k + 1, limit);
}


/* Does a RATE_WORD and its number open at token k (`tỷ lệ 20,6%`)? */
static bool rate_follows(const rctx *c, size_t k, size_t limit)
{
    size_t m = k < limit ? PHRASE_AT(c, LT_RATE_WORDS, k, NULL) : 0;
    return m && k + m < limit && is_numeric(&c->tv.t[k + m]);
}


/* Does a time phrase with a number open at token k (`lượt trong quý
 * III/2024`, `xã đạt chuẩn năm 2024`)? A time word with no number near
 * (`cây hàng năm`) opens none. */
static bool opens_period(const rctx *c, size_t k, size_t limit)
{
    size_t m = PHRASE_AT(c, LT_TIME_WORDS, k, NULL);
    if (!m)
        return false;
    size_t j = k + m;
    if (j < limit)
        j += PHRASE_AT(c, LT_TIME_WORDS, j, NULL);   /* `trong quý`, `đến năm` */
    /* the number right after (`năm 2024`), or after a Roman numeral (`quý III/2024`) */
    if (j < limit && is_roman_numeral(c, j))
        j++;
    while (j < limit && (is_punct(c, j, '/') || is_punct(c, j, '-')))
        j++;
    return j < limit && (is_numeric(&c->tv.t[j]) || c->tv.t[j].kind == TOK_DATE);
}


/* How many tokens the noun phrase after a count may take: `10/10 xã trên
 * địa bàn huyện Tân Lạc đã đạt chuẩn nông thôn mới` needs 13; a cut in
 * the middle of a name (`nông | thôn mới`) is worse than a long phrase. */
enum { COUNT_TAIL_TOKENS = 16 };

/* The noun phrase after a count: "264 vụ vi phạm Luật Lâm nghiệp". */
/* The end of a bracket right after a count's noun that only restates the
 * count (`96/120 xã (80%) đạt chuẩn …`, `61 vụ (chiếm 63,5%) do chập
 * điện`: one value in it, a share's verb before it at most), or `at` when
 * there is none. */
static size_t restating_bracket_end(const rctx *c, size_t at, size_t limit)
{
    size_t idx, v = at + 1;
    if (!is_punct(c, at, '('))
        return at;
    size_t m = v < limit ? PHRASE_AT(c, LT_TRIGGERS, v, &idx) : 0;
    if (m && triggers[idx].kind == T_SHARE)
        v += m;
    if (v + 1 >= limit || !is_numeric(&c->tv.t[v]))
        return at;
    size_t k = v + 1;
    if (k < limit && is_punct(c, k, '%'))
        k++;
    return k < limit && is_punct(c, k, ')') && k + 1 < limit && c->tv.t[k + 1].kind == TOK_WORD ? k + 1 : at;
}

size_t count_tail_end(const rctx *c, size_t from, size_t limit)
{
    size_t start = from, k = restating_bracket_end(c, from, limit), idx, m;
    from = k;
    while (k < limit && k < from + COUNT_TAIL_TOKENS) {
        const token *t = &c->tv.t[k];
        if (is_numeric(t) && k > from && (m = PHRASE_AT(c, LT_PERIODS_AFTER, k + 1, &idx)) != 0 &&
            strcmp(periods_after[idx].code, "definition") == 0) {
            k += 1 + m;   /* a class in the name: `64 sản phẩm đạt OCOP 3 sao` */
            continue;
        }
        if (is_numeric(t) || t->kind == TOK_FOOTNOTE || is_strong_boundary(c, k) || is_punct(c, k, '(') ||
            is_punct(c, k, ')'))
            break;
        if (is_punct(c, k, ',') && ((start > 0 && comma_opens_counted_clause(c, k, limit, start - 1)) ||
                                    rate_follows(c, k + 1, limit)))
            break;   /* (`tăng 21 vụ, tỷ lệ 20,6%`: the rate restates the count) */
        if (in_table(c, k, LT_COUNT_NOUN_STOPS) || opens_period(c, k, limit) ||
            breakdown_after_comma(c, k, from))
            break;   /* (`2,4 triệu lượt, trong đó, khách quốc tế …`: the parts follow) */
        /* a function word before a number opens the next value: `… vốn
         * trong nước và 320 triệu USD`, `1.616 cuộc với 7.286 lượt người` */
        if (k > from && k + 1 < limit && is_numeric(&c->tv.t[k + 1]) && in_table(c, k, LT_NOT_NOUNS))
            break;
        m = PHRASE_AT(c, LT_TRIGGERS, k, &idx);
        if (m && (trigger_kind_flags[triggers[idx].kind] & TK_ENDS_COUNT_NOUN) &&
            (k + m >= limit || is_numeric(&c->tv.t[k + m]) || PHRASE_AT(c, LT_QUALIFIERS, k + m, NULL)) &&
            !(k > from && PHRASE_BEFORE(c, LT_NEGATIONS, k, from, NULL)))
            break;   /* `có 120 doanh nghiệp sụt giảm 5%`: the verb of the count
                      * (not a negated one: `3 chỉ tiêu không đạt`) */
        k++;
    }
    /* and without the connector it stopped before: `106 cá nhân và 9 tổ
     * chức`, `4 trạm quan trắc tự động gồm: …` */
    for (m = 1; m;) {
        while (k > from && c->tv.t[k - 1].kind == TOK_PUNCT)
            k--;
        m = PHRASE_BEFORE(c, LT_FILLERS, k, from, NULL);
        if (m && PHRASE_BEFORE(c, LT_NEGATIONS, k - m, from, NULL))
            break;   /* `không đạt` says which are counted */
        if (m && PHRASE_BEFORE(c, LT_TRIGGERS, k, from, &idx) == m && triggers[idx].kind != T_LEVEL &&
            triggers[idx].kind != T_TO_LEVEL)
            break;   /* `4 ngành có chỉ số tăng, 1 ngành …`, `24 chỉ tiêu đạt so với
                      * kế hoạch`, `13 chỉ tiêu vượt`: the verb says which */
        k -= m;
    }
    return k > from ? k : start;   /* (the bracket alone names nothing) */
}


/* The words of a counted thing [from, tail): without a bracket that only
 * restates the count right after its noun (`xã (80%) đạt chuẩn …` → `xã
 * đạt chuẩn …`); NULL when out of memory. */
static const char *counted_phrase_text(rctx *c, size_t from, size_t tail, size_t noun_end)
{
    size_t br = restating_bracket_end(c, noun_end, tail);
    if (br == noun_end || from >= noun_end)
        return tokens_text(c, from, tail);
    const char *head = tokens_text(c, from, noun_end), *rest = head ? tokens_text(c, br, tail) : NULL;
    return join_text(c, head, ' ', rest);
}


/* Kinds of label (label_colon): a plain one, one that names a measure,
 * one that ends in a LIST_CUE. */
typedef enum label_kind { LABEL_PLAIN, LABEL_MEASURE, LABEL_LIST } label_kind;


/* May token k stand inside a label? Punctuation but '-' and '/' ends one;
 * a label that names a measure or announces a list may also hold brackets
 * (`(IIP)`) and commas (`Kết quả tiêm phòng cho gia súc, gia cầm … như
 * sau:`, `Tăng trưởng kinh tế có xu hướng cải thiện, quý sau cao hơn quý
 * trước:`). */
static bool label_punct_ok(const rctx *c, size_t k, label_kind kind)
{
    uint32_t cp = c->tv.t[k].cp;
    return cp == '-' || cp == '/' || (kind != LABEL_PLAIN && (cp == '(' || cp == ')' || cp == ','));
}


/* May token j, a number or a date, stand inside a label of this kind? A
 * measure label holds those of a period phrase (`Chỉ số sản xuất công
 * nghiệp tháng 9 so với cùng kỳ:`); a list label any (`đợt 2 năm 2023
 * tính đến ngày 15/10/2023 như sau:`): its cue says the values follow. */
static bool label_number_ok(const rctx *c, size_t j, label_kind kind)
{
    return kind == LABEL_LIST || (kind == LABEL_MEASURE && in_period_phrase(c, j));
}


/* The colon that ends a label of at most `longest` tokens at the start of
 * [s, e), or NONE: no number or date before it but label_number_ok's and
 * no punctuation but label_punct_ok's. */
static size_t label_colon(rctx *c, size_t s, size_t e, size_t longest, label_kind kind)
{
    for (size_t k = s; k < e && k < s + longest; k++) {
        if (is_punct(c, k, ':')) {
            if (k == s || !has_content(c, s, k) ||
                (kind != LABEL_LIST && PHRASE_AT(c, LT_LABEL_NOTS, s, NULL)))
                return NONE;   /* (a list cue says the items follow: `Trong quý, … là:`) */
            for (size_t j = s; j < k; j++)
                if ((is_numeric(&c->tv.t[j]) || c->tv.t[j].kind == TOK_DATE) && !label_number_ok(c, j, kind))
                    return NONE;
            return k;
        }
        if (c->tv.t[k].kind == TOK_PUNCT && !label_punct_ok(c, k, kind))
            return NONE;
    }
    return NONE;
}


/* Label at the start of a sentence: "Lúa mùa: Diện tích …". */
/* How far a valueless head clause may reach before its breakdown word,
 * and how long it may be once trimmed (a longer one is narrative). */
enum { HEAD_CLAUSE_TOKENS = 40, HEAD_CLAUSE_WORDS = 14 };


/* `… các loại cây trồng vụ thu mùa đã cơ bản thu hoạch xong; trong đó, lúa
 * 108.827 ha, …`: a sentence that opens with a clause holding no value and
 * then a breakdown word states what its items are parts of, as a label
 * does: that clause, trimmed, or NULL. */
const char *valueless_head(rctx *c, size_t s, size_t e)
{
    /* the breakdown word first: punctuation tests only, so most sentences
     * cost no phrase or period lookup */
    size_t bd = NONE;
    for (size_t k = s + 2; k < e && k < s + HEAD_CLAUSE_TOKENS && bd == NONE; k++) {
        if (!is_punct(c, k - 1, ';') && !is_punct(c, k - 1, ','))
            continue;
        if (PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL))
            bd = k;
        else if (is_punct(c, k - 1, ';'))
            return NULL;   /* one clause only */
    }
    if (bd == NONE)
        return NULL;
    for (size_t k = s; k < bd; k++)
        if (is_numeric(&c->tv.t[k]) && !in_period_phrase(c, k))
            return NULL;
    size_t a = s, b = bd - 1;
    trim_phrase(c, &a, &b);
    return has_content(c, a, b) && b - a <= HEAD_CLAUSE_WORDS ? phrase_text(c, a, b) : NULL;
}


/* `Tổng thu ngân sách của tỉnh tăng qua các năm. Cụ thể, 1.200 tỷ đồng
 * năm 2015, …`: a short sentence without values before one that opens
 * with a breakdown word says what that one's values are of: its words,
 * trimmed, or NULL. */
const char *valueless_sentence(rctx *c, size_t s, size_t e)
{
    if (e <= s || e - s > HEAD_CLAUSE_TOKENS)
        return NULL;
    for (size_t k = s; k < e; k++)
        if (is_numeric(&c->tv.t[k]) && !in_period_phrase(c, k))
            return NULL;
    size_t a = s, b = e;
    trim_phrase(c, &a, &b);
    return has_content(c, a, b) && b - a <= HEAD_CLAUSE_WORDS ? phrase_text(c, a, b) : NULL;
}


static bool opens_with(const char *text, lex_table t, bool whole);


/* How long a label may be that ends in a LIST_CUE before its colon. */
enum { LIST_LABEL_TOKENS = 24 };


/* How many tokens a sentence's topic may take before its comma. */
enum { TOPIC_TOKENS = 16 };


/* `Về tổng thu ngân sách nhà nước năm 2022, …`: the topic a TOPIC_LEAD
 * opens the sentence with, up to its comma; NONE when there is none. */
static size_t topic_end(const rctx *c, size_t s, size_t e, size_t *from)
{
    size_t m = PHRASE_AT(c, LT_TOPIC_LEADS, s, NULL);
    for (size_t k = s + m; m && k < e && k < s + m + TOPIC_TOKENS; k++) {
        if (is_punct(c, k, ','))
            return k > s + m ? (*from = s + m, k) : NONE;
        if (c->tv.t[k].kind != TOK_WORD && c->tv.t[k].kind != TOK_NUMBER && !is_punct(c, k, '(') &&
            !is_punct(c, k, ')'))
            return NONE;   /* (a value of its own ends no topic; `(NTM)` is of it) */
        if (is_numeric(&c->tv.t[k]) && !(c->tv.t[k].flags & NUM_YEARLIKE))
            return NONE;
    }
    return NONE;
}


const char *sentence_label(rctx *c, size_t s, size_t e, bool *list)
{
    *list = false;
    size_t k = label_colon(c, s, e, 7, LABEL_PLAIN), from;
    if (k != NONE)
        return tokens_text(c, s, k);
    if ((k = topic_end(c, s, e, &from)) != NONE)
        return tokens_text(c, from, k);
    /* `Kết quả gieo trồng vụ đông năm 2023 - 2024 … như sau: Ngô …` */
    k = label_colon(c, s, e, LIST_LABEL_TOKENS, LABEL_LIST);
    if (k == NONE)
        return NULL;
    size_t m = PHRASE_BEFORE(c, LT_LIST_CUES, k, s, NULL);
    size_t a = s, b = k - m, used, compared_end = NONE;
    for (size_t j = s + 1; j < b; j++)
        if (compare_word_at(c, j, false) && baseline_at(c, j, &used)) {
            b = j;   /* its comparison: `… có mức tăng cao so cùng kỳ năm trước là:` */
            compared_end = j + used;
            break;
        }
    /* (a comparison that ends the label, or its scope after it, is a cue
     * too: `Các ngành cấp I đều tăng so với tháng trước: khai khoáng
     * (+4,2%), …`, `… tăng so với cùng kỳ ở các ngành: Xây dựng …`) */
    if (!m && compared_end != NONE && compared_end < k &&
        (PHRASE_AT(c, LT_LABEL_SCOPES, compared_end, NULL) ||
         compared_end + PHRASE_AT(c, LT_PLACE_LIST_CUES, compared_end, NULL) == k))
        compared_end = k;   /* (`… tăng so với cùng kỳ như: hạt điều …`) */
    if ((!m && compared_end != k) || b <= s)
        return NULL;
    trim_phrase(c, &a, &b);
    *list = has_content(c, a, b);
    const char *label = *list ? phrase_text(c, a, b) : NULL;
    if (label && opens_with(label, LT_EMPTY_LABELS, true))
        *list = false;   /* `Một số kết quả cụ thể như sau:` names nothing */
    return *list ? label : NULL;
}


/* How many tokens a label that names a measure may have: `Diện tích gieo
 * trồng của các địa phương:` is one. */
enum { MEASURE_LABEL_TOKENS = 28 };   /* (`… trong 6 tháng đầu năm tăng so cùng kỳ năm trước như:`) */


/* Does the label at token s open with a measure: a MEASURE_NOUN, or a
 * growth word after an optional holder (`Tốc độ tăng trưởng kinh tế …:
 * Bắc Ninh (+6,12%), …`)? Growth words are no MEASURE_NOUN rows, since in
 * a chain they restate the measure before them rather than start one. */
static bool opens_label_measure(rctx *c, size_t s)
{
    size_t holder = PHRASE_AT(c, LT_GROWTH_HOLDERS, s, NULL);
    return PHRASE_AT(c, LT_MEASURE_NOUNS, s, NULL) || PHRASE_AT(c, LT_GROWTH_WORDS, s + holder, NULL);
}


/* A label at the start of a sentence that names a measure, whose items
 * then name the things measured: `Diện tích gieo trồng tính đến nay: ngô
 * 5.290 ha, tăng 1%; sắn …`. NULL when the label is none or names a thing
 * (`Lúa mùa: …`). */
const char *measure_label(rctx *c, size_t s, size_t e)
{
    /* (after the time it is of: `Trong 6 tháng năm 2024, kim ngạch xuất
     * khẩu một số mặt hàng tăng so với cùng kỳ: …`) */
    for (size_t m; s < e && (m = time_adverbial_at(c, s, e)) != 0;)
        for (s += m; s < e && is_punct(c, s, ','); s++)
            ;
    if (!opens_label_measure(c, s))
        return NULL;
    size_t k = label_colon(c, s, e, MEASURE_LABEL_TOKENS, LABEL_MEASURE);
    if (k == NONE)
        return NULL;
    size_t used;
    for (size_t j = s + 1; j < k; j++)
        if ((compare_word_at(c, j, false) && baseline_at(c, j, &used)) ||
            PHRASE_AT(c, LT_LABEL_SCOPES, j, NULL))
            k = j;   /* the comparison the label states and the scope of its
                      * items are no part of its measure */
    trim_phrase_end(c, s, &k);   /* nor is its verb: `… sang một số thị trường tăng mạnh so với cùng kỳ:` */
    return phrase_text(c, s, k);
}


/* Does an indicator name a growth rate (a GROWTH_WORD in any letter case),
 * so that a percentage level of it is a change? */
bool names_growth_rate(rctx *c, const char *indicator)
{
    size_t n = indicator ? strlen(indicator) : 0;
    if (!n)
        return false;
    size_t cap = 2 * n + 8;   /* lower case never grows a letter past double */
    c->scratch.len = 0;
    if (!buf_reserve(&c->scratch, cap)) {
        arena_mark_failed(c->arena);
        return false;
    }
    utf8_lower(indicator, n, c->scratch.data, cap);
    for (size_t g = 0; g < table_size(LT_GROWTH_WORDS); g++)
        if (strstr(c->scratch.data, growth_words[g].phrase))
            return true;
    return false;
}


/* Does text end with a phrase of table t as whole words, in any case
 * (`…, GRDP`)? */
static bool closes_with(const char *text, lex_table t)
{
    enum { TAIL = 40 };
    size_t len = strlen(text), from = len > TAIL ? len - TAIL : 0;
    while (from > 0 && from < len && text[from - 1] != ' ')
        from++;   /* a whole word: the tail opens after a space */
    char low[2 * TAIL + 8];
    size_t n = utf8_lower(text + from, len - from, low, sizeof low);
    for (size_t e = 0; e < table_size(t); e++) {
        const char *p = table_phrase(t, e);
        size_t m = strlen(p);
        if (n >= m && memcmp(low + n - m, p, m) == 0 && (n == m || low[n - m - 1] == ' '))
            return true;
    }
    return false;
}


/* Does an indicator open or close with an OUTPUT_MEASURE (`GRDP của
 * tỉnh`, `Tại Quảng Ninh, … GRDP`)? */
bool names_output(const char *indicator)
{
    return indicator && (opens_with(indicator, LT_OUTPUT_MEASURES, false) ||
                         closes_with(indicator, LT_OUTPUT_MEASURES));
}


/* A level, target or share: its own phrase, else the statement head's;
 * its subject the sentence's label, else the block's; a short measure
 * later in a clause is about the clause's first entity (`Cây ngô gieo
 * trồng 1.409 ha, năng suất ước đạt 30,37 tạ/ha`). */
/* Does text open with a phrase of table t, as whole words, in any case
 * (whole: is it all of text)? opening_len: the length of the longest one
 * (lower case keeps the byte length of Vietnamese letters), 0 for none. */
static size_t opening_len(const char *text, lex_table t, bool whole)
{
    char low[64];
    size_t len = strnlen(text, 41);
    if (whole && len > 40)
        return 0;
    size_t n = utf8_lower(text, len > 40 ? 40 : len, low, sizeof low);
    size_t best = 0;
    for (size_t e = 0; e < table_size(t); e++) {
        const char *p = table_phrase(t, e);
        size_t m = strlen(p);
        if (m > best && m <= n && memcmp(low, p, m) == 0 && (m == n || (!whole && low[m] == ' ')))
            best = m;
    }
    return best;
}


static bool opens_with(const char *text, lex_table t, bool whole)
{
    return opening_len(text, t, whole) != 0;
}


/* Between the sentence's first record rec and token i, does a breakdown
 * word or a colon open the parts of what rec named, or is rec a total
 * (`tổng diện tích …; cây lạc …`)? The search goes on where the last one
 * stopped, so a sentence of a million values stays linear. */
static bool breakdown_between(const rctx *c, sentence_state *ss, const vnr_record *rec, size_t from,
                              size_t i, const char *own_text)
{
    /* a change that names a measure of its own (own_text, NULL: not asked)
     * is no part of a total: `Tổng vốn đầu tư tăng 6,8%; tổng mức bán lẻ
     * tăng 9,1%` lists two measures (a level keeps the total's thing as its
     * subject: `Tổng đàn trâu …; sản lượng thịt hơi …`) */
    if (rec->indicator && opens_with(rec->indicator, LT_TOTAL_HEADS, false) &&
        !(own_text && opens_with(own_text, LT_MEASURE_NOUNS, false)))
        return true;
    size_t k = ss->bd_scanned > from ? ss->bd_scanned : from;
    while (k < i && c->tv.t[k].start < rec->norm_end)
        k++;
    for (; k < i && !ss->bd_found; k++)
        ss->bd_found = is_punct(c, k, ':') || PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL);
    if (k > ss->bd_scanned)
        ss->bd_scanned = k;
    return ss->bd_found;
}


/* Is own_text a measure beside the one `indicator` names (`lượng khách lưu
 * trú`, `kim ngạch xuất khẩu`), not an entity it could be said of (`Xã A
 * có …`) nor a total that holds parts (`Tổng đàn trâu`, `tổng lượng thủy
 * sản`)? A measure's level beside another measure is its sibling:
 * `lượng khách … ước đạt 215 nghìn lượt, doanh thu lưu trú ước đạt 380 tỷ
 * đồng` gives `doanh thu lưu trú` no subject. */
/* Does `indicator` name the measure own_text opens with (`Sản lượng thủy
 * sản nuôi trồng` and `sản lượng tôm`)? False when own_text opens with none. */
static bool names_same_measure(const char *indicator, const char *own_text)
{
    size_t m = opening_len(own_text, LT_MEASURE_NOUNS, false);
    return m && contains_words(indicator, own_text, m);
}


static bool sibling_of_measure(const char *indicator, const char *own_text)
{
    if (opens_with(indicator, LT_TOTAL_HEADS, false) || !opens_with(indicator, LT_MEASURE_NOUNS, false))
        return false;
    /* the same measure of a narrower thing is a part: `Sản lượng thủy sản
     * nuôi trồng …, sản lượng tôm …` */
    return !names_same_measure(indicator, own_text);
}


/* `Tổng lượt khách … ước đạt 2,4 triệu lượt, trong đó …; tổng thu từ du
 * lịch ước đạt 1.950 tỷ đồng`: a later total is no part of the one before. */
static bool another_total(const char *own_text)
{
    return own_text && opens_with(own_text, LT_TOTAL_HEADS, false);
}


static bool phrase_names_place(const rctx *c, const draft *d, const char *own_text);
static bool names_only_place(const char *ind);


/* Does text end with a place's name (`… dẫn đầu là Bắc Giang`)? */
static bool ends_with_place(const char *text)
{
    for (const char *p = text; p && *p; p = strchr(p + 1, ' '))
        if (names_only_place(*p == ' ' ? p + 1 : p))
            return true;
    return false;
}


/* `Diện tích lúa đạt 40,3 nghìn ha, bằng 99,1%, riêng huyện Kim Sơn đạt
 * 11,5 nghìn ha`: a place's value after the statement head, not an item
 * of a list of places (`Bắc Giang (13,82%), Hòa Bình (12,76%)`, `huyện Tây
 * Hòa 77 ca (tăng 65 ca), thành phố Tuy Hòa 57 ca`): the value before it
 * is the head or in another unit, and the head names no place last. */
static bool singles_out_place(const rctx *c, const draft *d, const vnr_record *head)
{
    if (c->out->n_recs <= d->ss->first_rec)
        return false;
    const vnr_record *prev = &c->out->recs[c->out->n_recs - 1];
    return (prev == head || !same_unit_as(c, prev, d->q)) && !ends_with_place(head->indicator);
}

/* `cấp mới cho 14 dự án (9 dự án FDI, 05 dự án DDI)`, `thu hút 52 dự án,
 * bao gồm 45 dự án FDI và 7 dự án DDI`: the sentence's first count of
 * the value's thing, when the value breaks it down — in a bracket right
 * after its unit, or after a BREAKDOWN_WORD there — or NULL. */
static const vnr_record *count_broken_down(const rctx *c, const draft *d)
{
    enum { TAIL_WORDS = 6, RECORDS_SCANNED = 32 };   /* (a line of a million values stays linear) */
    const sentence_state *ss = d->ss;
    for (size_t k = ss->first_rec; k < c->out->n_recs && k < ss->first_rec + RECORDS_SCANNED; k++) {
        const vnr_record *whole = &c->out->recs[k];
        if (!is_count(whole) || !same_unit_as(c, whole, d->q))
            continue;
        size_t after = token_after_record(c, whole, d->nc->sent_start, d->i);
        if (after == NONE || !whole->indicator || !*whole->indicator)
            return NULL;
        for (size_t w = 0; w < TAIL_WORDS && after < d->i && c->tv.t[after].kind == TOK_WORD &&
                           !PHRASE_AT(c, LT_BREAKDOWN_WORDS, after, NULL); w++)
            after++;   /* (the whole's words after its noun: `52 dự án đầu tư, bao gồm …`) */
        if (is_punct(c, after, '('))
            return brackets_close_before(c, after + 1, d->i, 1) ? NULL : whole;   /* (the value in that bracket) */
        after += after < d->i && is_punct(c, after, ',');
        return after < d->i && PHRASE_AT(c, LT_BREAKDOWN_WORDS, after, NULL) ? whole : NULL;
    }
    return NULL;
}


static void level_indicator(rctx *c, draft *d, const char *own_text, const vnr_record *head)
{
    const sentence_state *ss = d->ss;
    vnr_record *r = &d->r;
    if (own_text && head && *head->indicator && opens_with(own_text, LT_GENERIC_MEASURES, true))
        own_text = NULL;   /* `…; lũy kế 10 tháng, giá trị ước đạt …`: the measure goes on */
    if (own_text && head && *head->indicator && !d->q->count && same_unit_as(c, head, d->q) &&
        phrase_names_place(c, d, own_text) && singles_out_place(c, d, head)) {
        r->indicator = head->indicator;   /* `…, riêng huyện Kim Sơn đạt 11,5 nghìn ha`: of a place */
        r->subject = own_text;
        return;
    }
    r->indicator = own_text ? own_text : (head ? head->indicator : "");
    d->inherited = !own_text && head;
    r->subject = ss->subject ? ss->subject : (own_text || !head ? c->block_subject : head->subject);
    size_t entity = NONE;
    bool part = false;   /* a part of a breakdown, however long its name */
    if (ss->clause_first != NONE && ss->clause_tok == clause_of(c, d->i, d->nc)) {
        entity = ss->clause_first;
        /* (`…, trong đó nông – lâm – thủy sản ước đạt 900 tỷ đồng`: a part in the
         * head's clause; not of a count: `đề ra 18 chỉ tiêu, trong đó …` lists goals) */
        size_t k = d->ind_a;
        while (k > d->nc->sent_start && c->tv.t[k - 1].kind == TOK_PUNCT)
            k--;
        part = c->out->recs[entity].role == VNR_ROLE_LEVEL && !is_count(&c->out->recs[entity]) &&
               !another_total(own_text) && k > d->nc->sent_start &&
               PHRASE_BEFORE(c, LT_BREAKDOWN_WORDS, k, d->nc->sent_start, NULL);
    } else if (c->out->n_recs > ss->first_rec && c->out->recs[ss->first_rec].role == VNR_ROLE_LEVEL &&
             !another_total(own_text) &&
             breakdown_between(c, d->ss, &c->out->recs[ss->first_rec], d->nc->sent_start, d->i, NULL)) {
        entity = ss->first_rec;   /* an earlier ';' item is a part only after `trong đó`, `:` */
        part = true;
    }
    /* not for a count, which names its own thing (`…, đã giải quyết đúng
     * hạn 1.298 hồ sơ`), nor after a growth rate, which is a measure and
     * no entity (`tốc độ tăng trưởng … 8% trở lên, thu ngân sách …`) */
    if (own_text && !r->subject && (part || d->ind_b - d->ind_a <= 5) && entity != NONE && !d->q->count &&
        !names_growth_rate(c, c->out->recs[entity].indicator) &&
        (part || !sibling_of_measure(c->out->recs[entity].indicator, own_text) ||
         breakdown_between(c, d->ss, &c->out->recs[entity], d->nc->sent_start, d->i, NULL)) &&
        !(d->ind_a > 0 && PHRASE_BEFORE(c, LT_SIBLING_LINKS, d->ind_a, d->ind_a > 2 ? d->ind_a - 2 : 0, NULL)))
        r->subject = c->out->recs[entity].subject && c->out->recs[entity].subject == ss->entity
                         ? ss->entity   /* (`X xảy ra 3 vụ, thiệt hại …`: where it happened) */
                         : c->out->recs[entity].indicator;   /* (not after `và`: a sibling) */
    const vnr_record *whole;
    if (!r->subject && d->q->count && (whole = count_broken_down(c, d)) != NULL)
        r->subject = whole->indicator;   /* a part of a count: its own thing, the whole's measure */
}


/* Is a chained value's own phrase a measure of its own (`… và chỉ số giá
 * đô la Mỹ giảm 0,63%`) rather than a sector of the chain's measure? Not
 * after `trong đó` or a colon: there its parts are sectors. */
/* `Khu vực dịch vụ tăng 6,9%; khu vực công nghiệp tăng 9,8%`: after a
 * head that names a part of the economy, not a measure, an item is a part
 * beside it, with its own indicator; after `trong đó` or a colon it is a
 * part of it. */
static bool sibling_sector(const rctx *c, draft *d, const vnr_record *head)
{
    const sentence_state *ss = d->ss;
    return opens_with(head->indicator, LT_SECTOR_HEADS, false) &&
           !breakdown_between(c, d->ss, &c->out->recs[ss->first_rec], d->nc->sent_start, d->i, NULL);
}


static bool sibling_measure(const rctx *c, draft *d, const char *own_text)
{
    const sentence_state *ss = d->ss;
    if (c->out->n_recs <= ss->first_rec || !opens_with(own_text, LT_MEASURE_NOUNS, false))
        return false;
    /* a measure the breakdown's total does not name is none of its parts:
     * `Tổng mức bán lẻ … Cụ thể, …, góp phần đưa chỉ số giá tiêu dùng …` */
    const vnr_record *first = &c->out->recs[ss->first_rec];
    return !names_same_measure(first->indicator, own_text) ||
           !breakdown_between(c, d->ss, first, d->nc->sent_start, d->i, own_text);
}


/* Does `text` end with the words s[0..n) (after a space)? */
static bool ends_with_words(const char *text, const char *s, size_t n)
{
    size_t len = strlen(text);
    return len > n && text[len - n - 1] == ' ' && memcmp(text + len - n, s, n) == 0;
}


/* How many records back an elliptic measure looks for its thing. */
enum { ELLIPSIS_REACH = 4 };


/* The thing a measure's indicator names after its measure noun and any
 * tail (`Năng suất cây lạc` → `cây lạc`); NULL when it names none. */
static const char *thing_after_measure(rctx *c, const char *indicator)
{
    size_t m = indicator ? opening_len(indicator, LT_MEASURE_NOUNS, false) : 0;
    if (!m)
        return NULL;
    const char *rest = indicator + m + (indicator[m] == ' ');
    size_t tail = *rest ? opening_len(rest, LT_MEASURE_TAILS, false) : 0;
    rest += tail + (tail && rest[tail] == ' ');
    size_t len = strlen(rest);
    for (size_t e = 0; e < table_size(LT_MEASURE_TAILS); e++) {
        /* `lúa gieo cấy` → `lúa` (a tail is lower case in running text) */
        const char *p = table_phrase(LT_MEASURE_TAILS, e);
        size_t k = strlen(p);
        if (ends_with_words(rest, p, k))
            return arena_strndup(c->arena, rest, len - k - 1);
    }
    return len ? rest : NULL;
}


/* `Năng suất cây lạc ước đạt …; sản lượng ước đạt 3.260 tấn`: a measure
 * named alone (or with a tail: `năng suất thu hoạch`) measures the thing
 * the sentence's measure before it named. */
/* Is `subject` the sentence's or the block's label, the context of its
 * values rather than the thing one of them is said of? */
static bool label_subject(const rctx *c, const draft *d, const char *subject)
{
    return subject == d->ss->subject || subject == c->block_subject;
}


/* The thing record p (before an elliptic measure) measures: its subject,
 * the thing after its measure noun, or a crop named alone with its area
 * (`cây lúa ước đạt 12.500 ha`); NULL when none, *stop when p is no
 * measure's and the search ends. */
static const char *thing_measured(rctx *c, const draft *d, const vnr_record *p, bool *stop)
{
    *stop = false;
    if (p->indicator && opens_with(p->indicator, LT_MEASURE_NOUNS, false))
        return p->subject && !label_subject(c, d, p->subject) ? p->subject : thing_after_measure(c, p->indicator);
    if (p->role == VNR_ROLE_CHANGE)
        return NULL;   /* (its change: the level before says it) */
    if (p->role == VNR_ROLE_LEVEL && p->indicator && *p->indicator && p->dimension &&
        strcmp(p->dimension, "area") == 0) {
        if (p->subject && !label_subject(c, d, p->subject))
            return p->subject;   /* `…, thu hoạch 5.100 ha` of `lúa` */
        return opens_with(p->indicator, LT_MEASURE_TAILS, true) ? NULL : p->indicator;
    }
    *stop = true;   /* the thing before is no measure's */
    return NULL;
}


static void elliptic_thing(rctx *c, draft *d, const char *own_text)
{
    vnr_record *r = &d->r;
    /* (a label's thing stays: `Cây khoai lang: Diện tích …; năng suất …`) */
    if (!own_text || r->subject || r->indicator != own_text)
        return;
    size_t m = opening_len(own_text, LT_ELLIPTIC_MEASURES, false);
    /* (an area named by its tail alone is one too: `Diện tích lúa gieo cấy
     * 12.400 ha, thu hoạch 5.100 ha`) */
    bool tail_alone = !m && d->q->resolved && strcmp(d->q->info.dimension, "area") == 0 &&
                      opens_with(own_text, LT_MEASURE_TAILS, true);
    if (!tail_alone && (!m || (own_text[m] && !opens_with(own_text + m + 1, LT_MEASURE_TAILS, true))))
        return;
    size_t first = d->ss->own_first_rec, n = c->out->n_recs;
    bool stop = false;
    for (size_t k = n; k > first && k + ELLIPSIS_REACH > n && !stop; k--) {
        const char *thing = thing_measured(c, d, &c->out->recs[k - 1], &stop);
        if (thing) {
            r->subject = thing;
            return;
        }
    }
}


/* How far the words after a MEASURE_INTO phrase may reach. */
enum { MEASURE_INTO_REACH = 10 };


/* The tokens after the value that say what a named measure goes into
 * (`vào mức tăng trưởng chung`), up to punctuation or a number: their end,
 * or `from` when there are none. */
static size_t measure_into_end(const rctx *c, size_t from, size_t sent_end)
{
    size_t m = from < sent_end ? PHRASE_AT(c, LT_MEASURE_INTOS, from, NULL) : 0;
    if (!m)
        return from;
    size_t e = from + m;
    while (e < sent_end && e < from + m + MEASURE_INTO_REACH && c->tv.t[e].kind != TOK_PUNCT &&
           !is_numeric(&c->tv.t[e]))
        e++;
    return e > from + m ? e : from;
}


/* `GRDP khu vực dịch vụ tăng 6,9%, đóng góp 2,6 điểm % vào mức tăng trưởng
 * chung`: a trigger that names its value's measure (TK_NAMES_MEASURE) is
 * the indicator, with what it goes into; the thing it is said of is the
 * subject: the value's own phrase, else the sentence's record before it
 * (its subject, or its indicator when that names the thing). */
static void own_measure_indicator(rctx *c, draft *d, const char *own_text)
{
    vnr_record *r = &d->r;
    size_t into = d->q->unit_end_tok, into_end = measure_into_end(c, into, d->nc->sent_end);
    const char *measure = tokens_text(c, d->trig_at, d->trig_at + d->trig_len);
    if (measure && into_end > into) {
        measure = join_text(c, measure, ' ', tokens_text(c, into, into_end));
        d->named_until = into_end;   /* those words are no later value's phrase */
    }
    if (!measure) {
        arena_mark_failed(c->arena);
        return;
    }
    r->indicator = measure;
    r->subject = own_text;
    if (!own_text && c->out->n_recs > d->ss->own_first_rec) {
        /* a label's subject is the sentence's context, not the thing */
        const vnr_record *prev = &c->out->recs[c->out->n_recs - 1];
        const char *total = c->out->recs[d->ss->first_rec].indicator;
        /* (nor the total a part of a breakdown is said of: `… tăng 6,1%,
         * trong đó khu vực lâm nghiệp đạt 1.200 tỷ đồng, tăng 3,1%, đóng góp
         * 0,45 điểm phần trăm` is the part's) */
        bool own_thing = prev->subject && !label_subject(c, d, prev->subject) &&
                         !(total && prev != &c->out->recs[d->ss->first_rec] && strcmp(prev->subject, total) == 0);
        r->subject = own_thing ? prev->subject : prev->indicator;
    }
}


static bool names_own_measure(const draft *d)
{
    return d->tr && !d->pair_second && (trigger_kind_flags[d->tr->kind] & TK_NAMES_MEASURE) &&
           d->r.role == VNR_ROLE_CHANGE;
}


/* Do two phrases open with the same word, in any case (`chi đầu tư …`,
 * `chi an sinh xã hội`): items of one list? */
static bool same_first_word(const char *a, const char *b)
{
    char la[32], lb[32];
    size_t na = strcspn(a, " "), nb = strcspn(b, " ");
    if (na >= sizeof la / 2 || nb >= sizeof lb / 2)
        return false;
    na = utf8_lower(a, na, la, sizeof la);
    nb = utf8_lower(b, nb, lb, sizeof lb);
    return na == nb && memcmp(la, lb, na) == 0;
}


/* `Trong đó, chi đầu tư 823,7 tỷ đồng, …; chi thường xuyên 1.574 tỷ đồng, …;
 * chi an sinh xã hội đạt 27,3%`: after a breakdown, an item parallel to
 * the head (same first word) is no part of it but of the breakdown's total. */
static const vnr_record *parallel_head(rctx *c, draft *d, const char *own_text, const vnr_record *head)
{
    sentence_state *ss = d->ss;
    if (!own_text || !head || !same_first_word(own_text, head->indicator))
        return head;
    const vnr_record *total = &c->out->recs[ss->first_rec];
    if (total != head && total->role == VNR_ROLE_LEVEL &&
        breakdown_between(c, ss, total, d->nc->sent_start, d->i, NULL))
        return total;
    return head;
}


/* The record a value without a head of its own goes on with: the
 * statement head, its ';' clause's first record, the chain's last, or the
 * previous sentence's head (then own_text is dropped). */
static const vnr_record *chain_head(rctx *c, draft *d, const char **own_text)
{
    const sentence_state *ss = d->ss;
    size_t h = ss->head;
    /* a level inside a bracket closed before the value was a part of the
     * statement: `… 1.200.000 lượt khách (trong đó: khách quốc tế 100.000
     * lượt, …) bằng 40% kế hoạch` goes on with the total */
    if (ss->head_in_bracket && ss->outer_head != NONE && open_bracket_before(c, d->nc->sent_start, d->i) == NONE)
        h = ss->outer_head;
    /* a ';' clause that began after the head speaks of its own first
     * record's thing: `…; nhóm thủy sản chiếm tỷ trọng 3,65%, đạt 118,9
     * triệu USD` */
    if (ss->clause_first != NONE && (h == NONE || ss->clause_first > h) &&
        *c->out->recs[ss->clause_first].indicator && ss->clause_tok == clause_of(c, d->i, d->nc))
        h = ss->clause_first;
    /* the ';' items after `…, trong đó:` are parts of the record before it,
     * not of the statement's head (`Tổng vốn … đạt 5.200 tỷ đồng; giá trị
     * sản xuất tăng 12,4%, trong đó: nông nghiệp …; công nghiệp …`) */
    else if (ss->parts_of < c->out->n_recs && (h == NONE || ss->parts_of > h) && *c->out->recs[ss->parts_of].indicator)
        h = ss->parts_of;
    const vnr_record *head = h != NONE ? &c->out->recs[h] : NULL;
    if (!head && ss->chain_last != NONE && ss->chain_last >= ss->first_rec)
        head = &c->out->recs[ss->chain_last];
    if (!head && ss->prev_head != NONE && !d->q->count && *c->out->recs[ss->prev_head].indicator &&
        clause_of(c, d->i, d->nc) == d->nc->sent_start &&
        (!*own_text || opens_with(*own_text, LT_GENERIC_MEASURES, true))) {
        /* a sentence that names no measure of its own goes on with the one
         * before: `Kim ngạch xuất khẩu tháng 9 ước đạt 41,6 triệu USD. Lũy
         * kế 9 tháng ước đạt 352,8 triệu USD` — in its first clause (a
         * later one follows its own), and not a count, which names its
         * own thing */
        head = &c->out->recs[ss->prev_head];
        *own_text = NULL;
    }
    return head;
}


/* Does the value's bracket open right after the previous record's value
 * and unit (`thuế sản phẩm chiếm 8,57% (tăng 0,24% …)`)? Then it speaks
 * of that record's thing, whatever the clause's first record was. */
static bool bracket_after_prev(const rctx *c, const draft *d, const vnr_record *prev)
{
    /* (`(đạt tỷ lệ 8,5%)`: a rate word and its verb may open it) */
    size_t open = d->tr ? d->trig_at : rate_words_before(c, d->i);
    if (!prev || open == 0 || !is_punct(c, open - 1, '(') || c->out->n_recs <= d->ss->first_rec)
        return false;
    /* (or right after the words it named: `giảm 4 người chết (7%)`) */
    return follows_record(c, prev, open - 1) ||
           (c->tv.t[open - 1].start >= prev->norm_end && open - 1 == d->nc->floor);
}


/* Does the bracket the value is in open right after the value before
 * and its unit (`tăng 1,20% (tác động làm CPI tăng 0,11%)`)? */
static bool aside_after(const rctx *c, const draft *d, const vnr_record *prev)
{
    size_t open = open_bracket_before(c, d->nc->sent_start, d->i);
    return open != NONE && c->out->n_recs > d->ss->own_first_rec && follows_record(c, prev, open);
}


/* `Nhóm hàng ăn … tăng 1,32% …, trong đó: Chỉ số giá lương thực tăng
 * 0,28% so với tháng trước, tăng 7,6% so với cùng kỳ`: a change with no
 * phrase of its own right after a part of the head's breakdown that named
 * a measure of its own, in its ';' clause, goes on with that part. (No
 * breakdown, no part: `CPI tháng 12 giảm 0,25% …, CPI bình quân quý IV
 * tăng 5,03% …, tăng 5% so với tháng 12 năm trước` is the head's again.) */
static bool goes_on_with_prev(rctx *c, const draft *d, const vnr_record *head, const vnr_record *prev)
{
    sentence_state *ss = d->ss;
    if (!prev || prev == head || c->out->n_recs <= ss->first_rec ||
        (d->r.role != VNR_ROLE_CHANGE && d->r.role != VNR_ROLE_INDEX) ||
        (prev->role != VNR_ROLE_CHANGE && prev->role != VNR_ROLE_INDEX) || !prev->indicator ||
        !*prev->indicator || (head->indicator && strcmp(prev->indicator, head->indicator) == 0))
        return false;
    return prev->norm_start >= c->tv.t[clause_of(c, d->i, d->nc)].start &&
           head == &c->out->recs[ss->first_rec] && breakdown_between(c, ss, head, d->nc->sent_start, d->i, NULL);
}


static bool names_only_place(const char *ind);

static bool admin_place(const rctx *c, size_t ea, size_t eb);

/* Is [a, b) only a place named with its ADMIN_UNIT, every word of its
 * name capitalised (`huyện Đông Sơn`, `thị xã Ba Đồn`)? */
static bool only_admin_place(const rctx *c, size_t a, size_t b)
{
    return admin_place(c, a, b) && capitalised_words(c, a + PHRASE_AT(c, LT_ADMIN_UNITS, a, NULL), b);
}


/* Is the value's own phrase (its words, own_text) all of a phrase of
 * table t that ends its span (`Lũy kế 6 tháng của tỉnh này`)? */
static bool own_phrase_is(const rctx *c, const draft *d, const char *own_text, lex_table t)
{
    size_t m = d->ind_a < d->ind_b ? PHRASE_BEFORE(c, t, d->ind_b, d->ind_a, NULL) : 0;
    size_t words = 1;
    for (const char *p = own_text; *p; p++)
        words += *p == ' ';
    return m && words == m;
}


/* `Lũy kế 11 tháng qua, chỉ số này ước tăng 7,1%`: a value whose phrase
 * is a MEASURE_REFERENCE takes the measure (and part) of the value before
 * it in its sentence, or of the sentence before's head. */
static bool refers_back(rctx *c, draft *d, const char *own_text)
{
    const sentence_state *ss = d->ss;
    /* (in a sentence of its own, what the sentence before was about: its head) */
    size_t before = c->out->n_recs > ss->first_rec ? c->out->n_recs - 1
                    : ss->prev_head != NONE ? ss->prev_head : ss->prev_last;
    if (!own_text || before == NONE || !own_phrase_is(c, d, own_text, LT_MEASURE_REFERENCES))
        return false;
    const vnr_record *r = &c->out->recs[before];
    if (!r->indicator || !*r->indicator)
        return false;
    d->r.indicator = r->indicator;
    d->r.subject = r->subject;
    return true;
}


/* Does the value's own phrase name only a place (`Huyện Kim Sơn`,
 * `Quảng Ngãi`)? */
static bool phrase_names_place(const rctx *c, const draft *d, const char *own_text)
{
    return names_only_place(own_text) || only_admin_place(c, d->ind_a, d->ind_b) ||
           own_phrase_is(c, d, own_text, LT_PLACE_REFERENCES);
}


/* Does a BREAKDOWN_WORD open [k, e), punctuation aside (`; trong đó, …`)? */
static bool opens_with_breakdown(const rctx *c, size_t k, size_t e)
{
    while (k < e && c->tv.t[k].kind == TOK_PUNCT)
        k++;
    return k < e && PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL);
}


/* `Ba thành phố có tăng trưởng kinh tế năm 2024 khá cao (Đà Nẵng tăng
 * 7,5%, Cần Thơ tăng 6,8%)`: does the bracket at k open a list of places
 * (a capitalised name first) after a head [from, k) that holds no value
 * but its period's? Then the bracket stands for a list colon. */
static bool places_in_bracket(const rctx *c, size_t from, size_t k)
{
    if (!is_punct(c, k, '(') || k == from || k + 1 >= c->tv.n || !capitalised_words(c, k + 1, k + 2))
        return false;
    for (size_t j = from; j < k; j++)
        if ((is_numeric(&c->tv.t[j]) && !in_period_phrase(c, j)) || is_punct(c, j, '('))
            return false;
    return true;
}


/* The first colon of the sentence that a LIST_CUE or PLACE_LIST_CUE
 * closes (or a bracket of places: places_in_bracket), at most
 * MEASURE_LABEL_TOKENS after the sentence or its ';' clause that a
 * BREAKDOWN_WORD opens (`…; trong đó, 3 địa phương tăng trưởng trên 9%
 * gồm:`): found once a sentence, into ss. */
static void find_list_colon(const rctx *c, const draft *d, sentence_state *ss)
{
    ss->list_colon_known = 1;
    ss->list_colon = NONE;
    size_t from = d->nc->sent_start;
    for (size_t k = from + 1; k < d->nc->sent_end && ss->list_colon == NONE; k++) {
        if (is_punct(c, k, ';') && opens_with_breakdown(c, k + 1, d->nc->sent_end))
            from = k + 1;
        else if (k <= from + MEASURE_LABEL_TOKENS && is_punct(c, k, ':') &&
                 ((ss->list_cue = PHRASE_BEFORE(c, LT_LIST_CUES, k, from, NULL)) ||
                  (ss->list_cue = PHRASE_BEFORE(c, LT_PLACE_LIST_CUES, k, from, NULL)))) {
            ss->list_colon = k;
            ss->list_head = from;
        } else if (k <= from + MEASURE_LABEL_TOKENS && places_in_bracket(c, from, k)) {
            ss->list_cue = 0;
            ss->list_colon = k;
            ss->list_head = from;
        }
    }
}


/* A list head [*a, b) trimmed from `from` that opens with a
 * LIST_QUANTIFIER or a number and a LIST_MEMBER (`Các xã có …`, `3 địa
 * phương …`; the quantifier may have been trimmed as a filler) names the
 * kind of its items, unless a record of the sentence (from first_rec on)
 * stands in it after the member (the list's length may): *a moves past
 * them, and true. */
static bool names_members(const rctx *c, size_t from, size_t first_rec, size_t *a, size_t b)
{
    size_t k = *a;
    if (k < b && is_numeric(&c->tv.t[k]))
        k++;
    else
        k += PHRASE_AT(c, LT_LIST_QUANTIFIERS, k, NULL);
    bool quantified = k > *a || PHRASE_BEFORE(c, LT_LIST_QUANTIFIERS, k, from, NULL);
    size_t m = quantified && k < b ? PHRASE_AT(c, LT_LIST_MEMBERS, k, NULL) : 0;
    if (!m || k + m >= b)
        return false;
    for (size_t r = first_rec; r < c->out->n_recs; r++)
        if (c->out->recs[r].norm_start >= c->tv.t[k + m].start && c->out->recs[r].norm_start < c->tv.t[b - 1].end)
            return false;   /* (a head with values of its own is a sentence, not a kind of items) */
    *a = k + m;
    return true;
}


/* Where the measure of a value whose own phrase is only a place would
 * be, [*a, *b): a growth-word trigger (`Năm 2026, tỉnh phấn đấu tăng
 * trưởng 12%`, `Hưng Yên đặt mục tiêu tăng trưởng 10%`), else the head of
 * a list a LIST_CUE or PLACE_LIST_CUE and a colon opened (`Một số huyện
 * có tỷ lệ giải ngân khá như: huyện Đông Sơn (71,4%), …`); false when
 * neither. *members: the head named the kind of its items (names_members),
 * so any item is a subject. */
static bool place_measure(rctx *c, const draft *d, size_t *a, size_t *b, bool *members)
{
    *members = false;
    size_t m = d->tr && d->trig_len ? PHRASE_AT(c, LT_GROWTH_WORDS, d->trig_at, NULL) : 0;
    if (m) {
        *a = d->trig_at;
        *b = d->trig_at + m;
        return true;
    }
    sentence_state *ss = d->ss;
    if (!ss->list_colon_known)
        find_list_colon(c, d, ss);
    size_t colon = ss->list_colon, cue = ss->list_cue;
    if (colon == NONE || colon >= d->i)
        return false;
    size_t end = colon - cue;
    *a = ss->list_head;
    *b = end;
    trim_phrase(c, a, b);
    if ((*members = names_members(c, ss->list_head, ss->first_rec, a, end))) {
        size_t from = *a;
        *b = end;
        trim_phrase(c, a, b);
        if (!has_content(c, *a, *b)) {   /* `2 địa phương tăng trưởng cao nhất gồm:`: the growth is the measure */
            *a = from;
            *b = end - PHRASE_BEFORE(c, LT_GAP_WORDS, end, from, NULL);
        }
    }
    while (*a < *b && is_numeric(&c->tv.t[*a]))
        (*a)++;   /* (`3 địa phương có tốc độ tăng …`: the list's length is no part of its measure) */
    return has_content(c, *a, *b);
}


/* `…: Lý Nhân (giảm 0,42 điểm), …`, `…: Hoa Kỳ (tăng 12%)`: is a list
 * item's own phrase [a, b) a name alone (every word capitalised) before
 * its value's bracket? */
static bool named_bracket_item(const rctx *c, size_t a, size_t b)
{
    enum { NAME_WORDS = 4 };
    return a < b && b - a <= NAME_WORDS && b < c->tv.n && is_punct(c, b, '(') && capitalised_words(c, a, b);
}


/* A value whose own phrase is only a place (`tỉnh`, `Hưng Yên`, `huyện
 * Đông Sơn`) and whose measure place_measure finds: that place is its
 * subject. True when it set indicator and subject. (The measure is looked
 * for first: it is rarely there, and cheaper to find than a province.) */
static bool of_place(rctx *c, draft *d, const char *own_text)
{
    size_t a, b;
    bool members;
    if (!own_text || !place_measure(c, d, &a, &b, &members) ||
        !(members || names_only_place(own_text) || only_admin_place(c, d->ind_a, d->ind_b) ||
          named_bracket_item(c, d->ind_a, d->ind_b)))
        return false;
    const char *measure = d->tr && a == d->trig_at ? tokens_text(c, a, b) : phrase_text(c, a, b);
    if (!measure)
        return false;
    d->r.indicator = measure;
    d->r.subject = own_text;
    return true;
}


/* `… toàn tỉnh gieo cấy được 45,2 nghìn ha lúa mùa. Huyện Kim Sơn đạt 12,1
 * nghìn ha, …`: a sentence's first value whose phrase names only a place
 * goes on with the measure of the sentence before's head, in its unit;
 * the place is its subject. (Not a count, which names its own thing.) */
static bool place_goes_on(rctx *c, draft *d, const char *own_text)
{
    const sentence_state *ss = d->ss;
    if (!own_text || d->q->count || c->out->n_recs > ss->first_rec || ss->prev_head == NONE ||
        clause_of(c, d->i, d->nc) != d->nc->sent_start || !phrase_names_place(c, d, own_text))
        return false;
    const vnr_record *head = &c->out->recs[ss->prev_head];
    if (!head->indicator || !*head->indicator || !same_unit_as(c, head, d->q))
        return false;
    d->r.indicator = head->indicator;
    d->r.subject = own_text;
    return true;
}


/* Is phrase the first words, in any case, of the sentence before's head
 * measure (`doanh thu` of `Doanh thu hoạt động kho bãi …`)? */
bool prev_head_named_by(const rctx *c, const sentence_state *ss, const char *phrase)
{
    enum { SHORT_NAME = 64 };
    if (ss->prev_head == NONE)
        return false;
    const char *ind = c->out->recs[ss->prev_head].indicator;
    size_t n = strlen(phrase), hn = ind ? strlen(ind) : 0;
    char own[SHORT_NAME * 2], lead[SHORT_NAME * 2];
    if (n == 0 || n > SHORT_NAME || hn <= n || ind[n] != ' ')
        return false;
    size_t a = utf8_lower(phrase, n, own, sizeof own), b = utf8_lower(ind, n, lead, sizeof lead);
    return a == b && memcmp(own, lead, a) == 0;
}


/* `Doanh thu hoạt động kho bãi … ước đạt 7,9 nghìn tỷ đồng. Tính chung
 * 10 tháng, doanh thu đạt 75,6 nghìn tỷ đồng`: a sentence's first value
 * whose phrase is only the first words of the sentence before's head
 * measure names that measure again, in short. */
static bool repeats_prev_head(rctx *c, draft *d, const char *own_text)
{
    const sentence_state *ss = d->ss;
    if (!own_text || c->out->n_recs > ss->first_rec || !prev_head_named_by(c, ss, own_text))
        return false;
    const vnr_record *head = &c->out->recs[ss->prev_head];
    d->r.indicator = head->indicator;
    d->r.subject = head->subject;
    return true;
}


/* Does the value's phrase name only a place, a short form or a pointer,
 * so that its measure comes from a list label or the value before? Then
 * indicator and subject are set. */
static bool measure_from_elsewhere(rctx *c, draft *d, const char *own_text)
{
    return of_place(c, d, own_text) || place_goes_on(c, d, own_text) || repeats_prev_head(c, d, own_text) ||
           refers_back(c, d, own_text);
}


/* Indicator and subject from the value's own phrase (own_text, NULL when
 * it has none) and the sentence's earlier records. */
static void choose_indicator(rctx *c, draft *d, const char *own_text)
{
    if (measure_from_elsewhere(c, d, own_text))
        return;
    const sentence_state *ss = d->ss;
    vnr_record *r = &d->r;
    const vnr_record *head = chain_head(c, d, &own_text);
    bool chained = head && head->indicator && *head->indicator && c->out->n_recs > ss->first_rec;
    if (chained && r->role != VNR_ROLE_LEVEL && r->role != VNR_ROLE_TARGET && r->role != VNR_ROLE_SHARE)
        head = parallel_head(c, d, own_text, head);
    const vnr_record *prev = c->out->n_recs > 0 ? &c->out->recs[c->out->n_recs - 1] : NULL;
    /* a plan beside the outcome before it (`ước tăng 10,85%/KH tăng 7,5-8,5%`,
     * `đạt 58 triệu đồng (KH 55 triệu đồng)`) is the target of that outcome */
    bool beside_outcome = r->role == VNR_ROLE_TARGET && !own_text && c->out->n_recs > ss->first_rec &&
                          prev->role != VNR_ROLE_TARGET;
    /* (`…, đạt 35,1% kế hoạch vốn giao và đạt tỷ lệ 40,2% kế hoạch …`: a
     * rate word alone names the measure of the attainment before it, or
     * of the level it attains: `đạt 9.000 tỷ đồng, đạt tỷ lệ 83% dự toán`) */
    const vnr_record *attained = NULL;
    if (own_text && r->role == VNR_ROLE_ATTAINMENT && opens_with(own_text, LT_RATE_WORDS, true))
        for (size_t k = c->out->n_recs; k > ss->first_rec && !attained; k--) {
            const vnr_record *before = &c->out->recs[k - 1];
            attained = before->role == VNR_ROLE_ATTAINMENT || before->role == VNR_ROLE_LEVEL ? before : NULL;
        }
    bool rate_alone = attained != NULL;
    if (rate_alone)
        prev = attained;
    /* `nhóm giao thông tăng 1,2% (tác động làm CPI tăng 0,11%)`: a change
     * in a bracket right after the value before, with words of its own,
     * measures that value's thing so: its words, that thing as subject */
    d->aside_of_prev = own_text && prev && !d->q->count && !rate_alone &&
                       (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
                       opens_with(own_text, LT_ASIDE_MEASURES, false) && aside_after(c, d, prev) &&
                       prev->indicator && *prev->indicator;
    if (d->aside_of_prev) {
        r->indicator = own_text;
        r->subject = prev->subject ? prev->subject : prev->indicator;
        return;
    }
    /* `320/411 xã …, tương đương 77,86%`: the share restates the fraction */
    if (prev && (d->pair_second || beside_outcome || d->comparand || (d->span_end && !own_text) || rate_alone ||
                 (d->restates_fraction && r->role == VNR_ROLE_SHARE) || d->restates_rate ||
                 ((!own_text || opens_with(own_text, LT_RATE_WORDS, true)) && !d->q->count &&
                  (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) && bracket_after_prev(c, d, prev)))) {
        r->indicator = prev->indicator;
        r->subject = prev->subject;
    } else if (r->role == VNR_ROLE_LEVEL || r->role == VNR_ROLE_TARGET || r->role == VNR_ROLE_SHARE) {
        level_indicator(c, d, own_text, head);
    } else if (own_text && chained && !ss->list_label && !sibling_measure(c, d, own_text) &&
               !sibling_sector(c, d, head)) {
        /* (under a list label each item names its own thing) */
        r->subject = own_text;   /* a sector in a chain: "khu vực dịch vụ tăng 9,49%" */
        r->indicator = head->indicator;
    } else if (own_text) {
        r->indicator = own_text;
        r->subject = ss->subject ? ss->subject : c->block_subject;
    } else if (head) {
        const vnr_record *from = goes_on_with_prev(c, d, head, prev) ? prev : head;
        r->indicator = from->indicator;
        r->subject = from->subject;
        d->inherited = true;
    } else if (ss->prev_last != NONE && *c->out->recs[ss->prev_last].indicator && !d->q->count) {
        /* `… CPI … tăng 5,14%. Bình quân 6 tháng đầu năm so cùng kỳ tăng
         * 4,52%`: a value with no phrase and no head in its sentence goes
         * on with the measure of the sentence before */
        r->indicator = c->out->recs[ss->prev_last].indicator;
        r->subject = c->out->recs[ss->prev_last].subject;
        d->inherited = true;
    } else {
        r->indicator = "";
        r->subject = ss->subject ? ss->subject : c->block_subject;
    }
    if (ss->measure_label && !d->pair_second && r->indicator != ss->measure_label &&
        !opens_with(r->indicator, LT_MEASURE_NOUNS, false)) {
        /* an item under a measure label names the thing measured */
        r->subject = *r->indicator ? r->indicator : r->subject;
        r->indicator = ss->measure_label;
    }
    elliptic_thing(c, d, own_text);
}


/* `nghìn lượt` → `lượt`: the counted noun after the scale words. */
static void skip_scale_words(const char **s, size_t *n)
{
    for (;;) {
        size_t w = 0;
        while (w < *n && (*s)[w] != ' ')
            w++;
        if (w == *n || !units_scale_word(*s, w))
            return;
        *s += w + 1;
        *n -= w + 1;
    }
}


/* The first token of the thing a count names after its value (`150,2
 * nghìn con` → `con`), or `tail` when it adds nothing to `indicator`. */
static size_t counted_thing_start(const rctx *c, const draft *d, size_t tail, size_t il)
{
    const quantity *q = d->q;
    size_t from = q->count ? token_at_offset(c, d->i, q->unit_start) : q->unit_end_tok;
    while (from + 1 < tail && units_scale_word(c->text + c->tv.t[from].start,
                                               c->tv.t[from].end - c->tv.t[from].start) > 0 &&
           !PHRASE_AT(c, LT_RATE_WORDS, from, NULL))
        from++;   /* (`tỉ lệ` is no scale word and its noun: `giảm 15% tỉ lệ hộ nghèo`) */
    /* a bare classifier after a named thing adds nothing: `Tổng đàn lợn`,
     * nor one before a noun the indicator names: `Đàn bò … 1.200 con bò` */
    if (il && from < tail && in_table(c, from, LT_CLASSIFIERS) &&
        (tail == from + 1 || contains_words(d->r.indicator, c->text + c->tv.t[from + 1].start,
                                            c->tv.t[tail - 1].end - c->tv.t[from + 1].start)))
        return tail;
    /* nor a bare count noun after a measure's own name: `Số lao động …
     * là 9.850 người` */
    size_t head = d->ind_a < d->ind_b ? PHRASE_AT(c, LT_MEASURE_HEADS, d->ind_a, NULL) : 0;
    size_t u = token_at_offset(c, d->i, q->unit_start);
    if (!head && d->ind_a < d->ind_b && q->count && u < tail &&
        units_scale_word(c->text + c->tv.t[u].start, c->tv.t[u].end - c->tv.t[u].start) > 0 &&
        opens_with(d->r.indicator, LT_MEASURE_NOUNS, false))
        head = 1;   /* a volume counted in thousands: `lượng khách lưu trú … 226 nghìn lượt` */
    if (il && (tail == q->unit_end_tok || q->percent) && head && d->ind_a + head < d->ind_b)
        return tail;   /* (`Tổng số 43 dự án` keeps its thing); nor the base of a rate: `Tỷ lệ … 94,7% dân số` */
    /* nor a product unit (`tấn.km`, `người.km`): it measures work done,
     * it names no thing counted */
    if (il && q->count && q->unit_end > q->unit_start &&
        memchr(c->text + q->unit_start, '.', q->unit_end - q->unit_start))
        return tail;
    /* nor a noun the indicator already names: `cây ăn quả … 5 nghìn cây` */
    if (il && from < tail &&
        contains_words(d->r.indicator, c->text + c->tv.t[from].start,
                       c->tv.t[tail - 1].end - c->tv.t[from].start))
        return tail;
    return from;
}


/* Where the words a value named (from..tail) end for the next value:
 * after a comma or a function word before its number (`142 vụ vi phạm,
 * xử phạt 1,2 tỷ đồng`, `… vốn trong nước và 320 triệu USD`); 0 when
 * none, or when they hold a verb the next value may need (`8 nhóm có chỉ
 * số giá tăng nhẹ từ 0,3%`). */
static size_t named_words_end(const rctx *c, size_t from, size_t tail, size_t end)
{
    if (tail >= end)
        return 0;
    if (is_punct(c, tail, ',') && tail + 1 < end && is_numeric(&c->tv.t[tail + 1]))
        return tail + 1;   /* the next value opens with its number: `18 ngành có chỉ số tăng, 9 ngành …` */
    size_t w = PHRASE_AT(c, LT_ENTITY_WITHS, tail, NULL);
    if (w && tail + w < end && (PHRASE_AT(c, LT_MEASURE_NOUNS, tail + w, NULL) ||
                                PHRASE_AT(c, LT_TOTAL_HEADS, tail + w, NULL)))
        return tail + w;   /* `900 dự án trong nước còn hiệu lực với tổng vốn …`: the
                            * measure after `với` is the next value's phrase */
    for (size_t k = from; k < tail; k++)
        if (PHRASE_AT(c, LT_TRIGGERS, k, NULL))
            return 0;
    if (is_punct(c, tail, ','))
        return tail + 1;
    if (is_punct(c, tail, '(') && tail + 1 < end && is_numeric(&c->tv.t[tail + 1]))
        return tail;   /* its restatement in brackets: `giảm 4 người chết (7%)` */
    if (tail + 1 < end && is_numeric(&c->tv.t[tail + 1]) && in_table(c, tail, LT_NOT_NOUNS) &&
        !PHRASE_AT(c, LT_TRIGGERS, tail, NULL))
        return tail + 1;   /* not a verb of the next value: `157 người tăng 348,9%` */
    return 0;
}


/* How many records back a count looks for the counts of its sentence (a
 * bound, so a sentence of a million counts stays linear). */
enum { COUNT_REACH = 32 };


/* The sentence's latest count of the same noun as the value's, or NULL. */
static const vnr_record *count_of_noun(const rctx *c, const draft *d)
{
    size_t n = c->out->n_recs;
    for (size_t k = n; k > d->ss->first_rec && k + COUNT_REACH > n; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (is_count(r) && same_unit_as(c, r, d->q) && r->indicator && *r->indicator)
            return r;
    }
    return NULL;
}


/* `… xảy ra 5 vụ cháy. So với cùng kỳ năm 2023 giảm 2 vụ, …`: a sentence
 * that opens with a change of a bare count (d, no words of its own)
 * compares the last count level of that noun in the paragraph's earlier
 * sentences (within COUNT_REACH records): d takes its indicator and
 * subject. A count with words of its own after its noun (`… tăng 2 vụ,
 * giảm 3 người chết`, after other changes only) names its own thing: it
 * compares the level whose measure holds those words (`làm chết 9
 * người`) and takes only that level's subject (`Đường sắt xảy ra 12 vụ, …`). */
static void compare_count_before_sentence(rctx *c, draft *d)
{
    size_t first = d->ss->first_rec, u = d->q->unit_end_tok;
    size_t tail = count_tail_end(c, u, d->nc->sent_end);
    const char *own = tail > u ? tokens_text(c, u, tail) : NULL;
    if (tail > u && !own)
        return;
    /* (a count of its own may follow other changes of the sentence:
     * `… tăng 2 vụ, giảm 3 người chết`) */
    for (size_t k = first; k < c->out->n_recs; k++)
        if (!own || c->out->recs[k].role != VNR_ROLE_CHANGE)
            return;
    for (size_t k = first; k > 0 && k + COUNT_REACH > first; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->norm_start < c->block_from)
            return;
        if (!is_count(r) || r->role != VNR_ROLE_LEVEL || !same_unit_as(c, r, d->q) || !r->indicator || !*r->indicator)
            continue;
        if (own && !contains_words(r->indicator, own, strlen(own)))
            continue;
        d->r.subject = r->subject;
        if (!own) {
            d->r.indicator = r->indicator;
            d->inherited = true;
        }
        return;
    }
}


/* Does the count's noun differ from those of the sentence's counts that
 * carry the indicator it went on with (one at least)? Not for a change
 * in brackets, which restates the value before it in its own words
 * (`2.740 lao động (tăng 1.629 người …)`). */
static bool counts_other_thing(rctx *c, const draft *d)
{
    size_t n = c->out->n_recs, len = d->q->unit_end - d->q->unit_start;
    if (d->tr && d->trig_at > 0 && is_punct(c, d->trig_at - 1, '('))
        return false;
    /* a change after a count level in its clause (no other count between),
     * counting a word of that level's noun, is of that level (`18.400 lượt
     * người, tăng 1.500 người`, `871.500 lượt khách, tăng 52.000 khách`) */
    const char *noun = c->text + d->q->unit_start;
    uint32_t clause = c->tv.t[clause_of(c, d->i, d->nc)].start;
    for (size_t k = n; k > d->ss->first_rec && k + COUNT_REACH > n && c->out->recs[k - 1].norm_start >= clause; k--) {
        const vnr_record *prev = &c->out->recs[k - 1];   /* (past `đạt 102% kế hoạch`) */
        if (!is_count(prev))
            continue;
        if (prev->role == VNR_ROLE_LEVEL && prev->unit && contains_words(prev->unit, noun, len))
            return false;
        break;
    }
    /* words of its own after the noun that the measure lacks name another
     * thing: `giảm 23 người chết; tăng 29 người bị thương` */
    size_t tail = count_tail_end(c, d->q->unit_end_tok, d->nc->sent_end);
    bool plain = tail > d->q->unit_end_tok && d->r.indicator && *d->r.indicator;
    for (size_t k = d->q->unit_end_tok; plain && k < tail; k++)
        plain = c->tv.t[k].kind == TOK_WORD && !PHRASE_AT(c, LT_TRIGGERS, k, NULL);
    if (plain) {
        const char *own = tokens_text(c, d->q->unit_end_tok, tail);
        if (own && !contains_words(d->r.indicator, own, strlen(own)))
            return true;
    }
    bool counted = false;
    for (size_t k = n; k > d->ss->first_rec && k + COUNT_REACH > n; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (!is_count(r) || !r->indicator || !d->r.indicator || strcmp(r->indicator, d->r.indicator) != 0)
            continue;
        if (same_unit_as(c, r, d->q))
            return false;
        counted = true;
    }
    /* a measure that counts nothing (`vốn đầu tư … giảm 9% …; giảm 64 hộ
     * nghèo`) is another thing unless it names the noun (`Tỷ lệ hộ nghèo
     * 3,5%, giảm 120 hộ`) */
    return counted || (d->r.indicator && *d->r.indicator &&
                       !contains_words(d->r.indicator, c->text + d->q->unit_start, len));
}


/* The LW_COUNT_VERB right before a count (`hoàn thành 18/22 chỉ tiêu`),
 * which its indicator keeps; NULL when none (or out of memory). */
static const char *count_verb(rctx *c, const draft *d)
{
    size_t idx;
    if (!d->tr || d->trig_at + d->trig_len != d->q->tok ||
        PHRASE_AT(c, LT_LINK_WORDS, d->trig_at, &idx) != d->trig_len || link_words[idx].kind != LW_COUNT_VERB)
        return NULL;
    return tokens_text(c, d->trig_at, d->trig_at + d->trig_len);
}


/* Does text end with a phrase of table t (whole words)? */
static bool ends_in_table(const char *text, lex_table t)
{
    for (size_t e = 0; e < table_size(t); e++) {
        const char *p = table_phrase(t, e);
        if (ends_with_words(text, p, strlen(p)))
            return true;
    }
    return false;
}


/* `Năm 2024 có 12 bác sĩ/10.000 dân`: a count per something whose
 * phrase does not name the thing before its '/' measures that thing (a
 * phrase it took from the value before, `… và 35 giường bệnh/10.000
 * dân`, gives way to it). */
static void name_rate_numerator(rctx *c, draft *d)
{
    const quantity *q = d->q;
    const char *unit = c->text + q->unit_start;
    const char *slash = memchr(unit, '/', q->unit_end - q->unit_start);
    const char *ind = d->r.indicator ? d->r.indicator : "";
    if (!slash)
        return;
    while (slash > unit && slash[-1] == ' ')
        slash--;
    size_t n = (size_t)(slash - unit);
    unit_info numerator;
    if (!n || units_resolve(NULL, unit, n, true, &numerator) != VNR_OK || strcmp(numerator.dimension, "count") != 0 ||
        contains_words(ind, unit, n))
        return;
    /* (a phrase of its own that ends in a measure head, naming no thing,
     * takes it after it: `đạt tỷ lệ 20,4 bác sỹ/10.000 dân` → `tỷ lệ bác
     * sỹ`; `tỷ lệ mắc sốt xuất huyết là 25 ca/100.000 dân` names one) */
    bool own = *ind && !d->inherited;
    if (own && !ends_in_table(ind, LT_MEASURE_HEADS))
        return;
    c->scratch.len = 0;
    if (!((!own || (buf_append_str(&c->scratch, ind) && buf_append_char(&c->scratch, ' '))) &&
          buf_append(&c->scratch, unit, n) &&
          (d->r.indicator = arena_strndup(c->arena, c->scratch.data, c->scratch.len)) != NULL))
        arena_mark_failed(c->arena);
    d->inherited = false;
}


/* `Số khách quốc tế và khách nội địa lần lượt đạt 12.500 người và 450.000
 * người`: is this count joined (a SIBLING_LINK or a comma) right after a
 * count level in the same unit that a RESPECTIVE_WORD shortly before
 * opened? Then it goes onto the joint measure, as that count did. */
static bool respective_count(const rctx *c, const draft *d)
{
    enum { RESPECTIVE_REACH = 6 };
    size_t n = c->out->n_recs, i = d->q->tok, s = d->nc->sent_start;
    if (n <= d->ss->first_rec || i <= s + 1)
        return false;
    const vnr_record *prev = &c->out->recs[n - 1];
    size_t m = link_before(c, i);
    if (!m || prev->role != VNR_ROLE_LEVEL || !is_count(prev) || !same_unit_as(c, prev, d->q) ||
        !follows_record(c, prev, i - m))
        return false;
    size_t p = token_at_offset(c, s, prev->norm_start);
    for (size_t k = p; k > s && k + RESPECTIVE_REACH > p; k--)
        if (PHRASE_AT(c, LT_RESPECTIVE_WORDS, k - 1, NULL))
            return true;
    return false;
}


/* `Bảo hiểm y tế là 1.150.200 người, tăng 8.400 người …, đạt 93,6% dân
 * số`: a percentage with no phrase of its own before a RATE_BASE, right
 * after a count's record, is the coverage of what that count counted: it
 * takes that record's measure (into d), not the base's name. */
static bool rate_of_count_before(rctx *c, draft *d)
{
    size_t n = c->out->n_recs, k = d->q->unit_end_tok;
    if (!d->inherited || n <= d->ss->first_rec || k >= d->nc->sent_end || !PHRASE_AT(c, LT_RATE_BASES, k, NULL))
        return false;
    const vnr_record *count = &c->out->recs[n - 1];
    if (!is_count(count) || !count->indicator || !*count->indicator)
        return false;
    d->r.indicator = count->indicator;
    d->r.subject = count->subject;
    return true;
}


/* Is the count's unit, past its scale words, one CLASSIFIER (`nghìn
 * lượt`, `con`): a noun that names no thing? */
static bool bare_classifier(const rctx *c, const draft *d)
{
    size_t u = token_at_offset(c, d->i, d->q->unit_start);
    while (u + 1 < d->q->unit_end_tok &&
           units_scale_word(c->text + c->tv.t[u].start, c->tv.t[u].end - c->tv.t[u].start) > 0)
        u++;
    return u + 1 == d->q->unit_end_tok && in_table(c, u, LT_CLASSIFIERS);
}


/* A count names its own thing: `có 90 doanh nghiệp hoạt động trở lại`,
 * `264 vụ vi phạm Luật Lâm nghiệp` — the noun phrase after it joins the
 * indicator; so does the thing after a measure (`12.848 ha lúa mùa`). A
 * measure in a list with no phrase of its own takes the words of the list
 * before its first thing and its own thing: `thu hoạch 12.848 ha lúa mùa,
 * 143.920 tấn ngô` → `thu hoạch ngô`; a count, its own thing alone. */
static void name_counted_thing(rctx *c, draft *d)
{
    const quantity *q = d->q;
    vnr_record *r = &d->r;
    bool level = r->role == VNR_ROLE_LEVEL || r->role == VNR_ROLE_TARGET;
    /* (`bằng 95% diện tích gieo trồng` names the measure it is a ratio
     * to, not the thing this value measures) */
    bool noun_follows = q->unit_end_tok < d->nc->sent_end && c->tv.t[q->unit_end_tok].kind == TOK_WORD &&
                        !in_table(c, q->unit_end_tok, LT_NOT_NOUNS) && !d->ratio_of_measure;
    /* (nor does a period after it: `6,40% cuối năm 2023 và 4,55% cuối năm
     * 2024`; asked last, of levels only) */
    bool names_thing = q->count || (noun_follows && level && !in_period_phrase(c, q->unit_end_tok));
    if (names_thing && q->percent && rate_of_count_before(c, d))
        return;
    if (d->inherited && level && names_thing && !(q->count && respective_count(c, d))) {
        /* a count of the thing the statement's measure counts goes on with
         * it (`… trong tháng 7 là 84 doanh nghiệp; tính chung 7 tháng là 596
         * doanh nghiệp`) */
        const char *noun = c->text + q->unit_start;
        size_t noun_len = q->unit_end - q->unit_start;
        skip_scale_words(&noun, &noun_len);   /* `nghìn lượt` counts `lượt` */
        if (memchr(noun, '.', noun_len))
            return;   /* work done, no thing: `… 1.816 nghìn lượt người, giảm 1,4% và
                       * 173,2 triệu lượt người.km` goes on with its measure */
        if (q->count && *r->indicator && count_tail_end(c, q->unit_end_tok, d->nc->sent_end) == q->unit_end_tok &&
            (opens_with(r->indicator, LT_MEASURE_HEADS, false) ? contains_words(r->indicator, noun, noun_len)
                                                               : (d->period_only && ends_with_words(r->indicator, noun, noun_len)) ||
                                                                     bare_classifier(c, d)))
            return;   /* (no words of its own after the noun; after a phrase
                       * that was only a period, `Khách quốc tế lượt` named this
                       * same noun: `…; 6 tháng ước đạt 61,8 nghìn lượt`; a
                       * CLASSIFIER names no thing: `…; 7 tháng ước đạt 58,2
                       * nghìn lượt`) */
        /* else a count names its thing alone (`…, 35 hợp tác xã`) */
        r->indicator = !q->count && d->ss->list_stem ? d->ss->list_stem : "";
        d->inherited = false;
    }
    if (d->inherited && q->count && r->role == VNR_ROLE_CHANGE && counts_other_thing(c, d)) {
        /* `So với tháng 10, giảm 2 vụ, giảm 2 người chết`: a change that
         * counts another noun than the measure it went on with is of the
         * sentence's count of that noun (`xảy ra 27 vụ tai nạn …, thiệt
         * hại … (giảm 16 vụ …)`), else names its own thing */
        bool own_words = count_tail_end(c, q->unit_end_tok, d->nc->sent_end) > q->unit_end_tok;
        const vnr_record *same = own_words ? NULL : count_of_noun(c, d);
        r->indicator = same ? same->indicator : "";
        r->subject = same ? same->subject : NULL;
        d->inherited = same != NULL;
    }
    if (!d->inherited && q->count && r->role == VNR_ROLE_CHANGE && !*r->indicator)
        compare_count_before_sentence(c, d);
    if (d->pair_second || d->inherited || !names_thing)
        return;
    size_t tail = count_tail_end(c, q->unit_end_tok, d->nc->sent_end);
    d->named_until = named_words_end(c, q->unit_end_tok, tail, d->nc->sent_end);   /* see mark_consumed */
    size_t il = strlen(r->indicator ? r->indicator : "");
    size_t from = counted_thing_start(c, d, tail, il);
    if (from >= tail)
        return;
    if (!d->ss->list_stem)
        d->ss->list_stem = r->indicator ? r->indicator : "";
    const char *unit_phrase = counted_phrase_text(c, from, tail, q->unit_end_tok);
    const char *verb = count_verb(c, d);
    c->scratch.len = 0;
    bool ok = unit_phrase != NULL;
    if (ok && il)
        ok = buf_append(&c->scratch, r->indicator, il) && buf_append_char(&c->scratch, ' ');
    if (ok && verb)
        ok = buf_append_str(&c->scratch, verb) && buf_append_char(&c->scratch, ' ');
    if (ok && buf_append_str(&c->scratch, unit_phrase))
        r->indicator = arena_strndup(c->arena, c->scratch.data, c->scratch.len);
    else
        arena_mark_failed(c->arena);
    /* `82 doanh nghiệp thành lập mới, …; có 25 doanh nghiệp đăng ký tạm
     * ngừng`: a thing of the same kind as the subject it took over is its
     * sibling, not said of it */
    if (r->indicator && r->subject && !label_subject(c, d, r->subject) &&
        same_first_word(r->subject, r->indicator))
        r->subject = d->ss->subject ? d->ss->subject : c->block_subject;
}


/* How far the words after a VALUE_ASPECT may reach: an aspect ends before
 * then, or it is none (`về cơ bản đáp ứng …`). */
enum { VALUE_ASPECT_REACH = 8 };


/* Does token k end the words of a value's aspect? */
static bool ends_aspect(const rctx *c, size_t k)
{
    const token *t = &c->tv.t[k];
    return (t->kind == TOK_PUNCT && !is_glued_dot(c, k)) || is_numeric(t) ||
           compare_word_at(c, k, false) || PHRASE_AT(c, LT_SIBLING_LINKS, k, NULL) ||
           PHRASE_AT(c, LT_TRIGGERS, k, NULL);
}


/* `giảm 12,1% về số doanh nghiệp và tăng 238,7% về số vốn đăng ký so với
 * cùng kỳ`: the words a VALUE_ASPECT opens after a percentage name the side
 * of the measure it is about, its subject; they are no later value's
 * phrase. False when out of memory. */
/* Does the aspect, less a COUNT_HEAD (`số doanh nghiệp`: the count of
 * them) and letter case, end the words of w (`nghìn tấn` ends in `tấn`)? */
static bool aspect_names(const char *aspect, const char *w)
{
    char a[96], b[96];
    size_t head = opening_len(aspect, LT_COUNT_HEADS, false);
    while (aspect[head] == ' ')
        head++;
    size_t na = utf8_lower(aspect + head, strnlen(aspect + head, 60), a, sizeof a);
    size_t nw = utf8_lower(w, strnlen(w, 60), b, sizeof b);
    return na && nw >= na && memcmp(b + nw - na, a, na) == 0 && (nw == na || b[nw - na - 1] == ' ');
}

/* `95 doanh nghiệp …, số vốn đăng ký 812 tỷ đồng, tăng 4,4% về số doanh
 * nghiệp và giảm 12,6% về vốn đăng ký`, `… tăng 8,51% về tấn và 9,23% về
 * tấn.km`: the sentence's earlier record whose unit or measure the aspect
 * names, or NULL. */
static const vnr_record *record_of_aspect(const rctx *c, const draft *d, const char *aspect)
{
    for (size_t k = d->ss->first_rec; k != NONE && k < c->out->n_recs; k++) {
        const vnr_record *r = &c->out->recs[k];
        if (r->role == VNR_ROLE_LEVEL && r->unit &&
            (aspect_names(aspect, r->unit) || (r->indicator && *r->indicator && aspect_names(aspect, r->indicator))))
            return r;
    }
    return NULL;
}

static bool value_aspect(rctx *c, draft *d)
{
    size_t from = d->q->unit_end_tok, end = d->nc->sent_end;
    size_t m = from < end ? PHRASE_AT(c, LT_VALUE_ASPECTS, from, NULL) : 0;
    /* (after a level or ratio, `98,5% số hộ …`, `bằng 12,5% số vốn`, the
     * words name what it is a part of, not a side of a change) */
    size_t head = !m && from < end && d->r.role == VNR_ROLE_CHANGE ? PHRASE_AT(c, LT_ASPECT_HEADS, from, NULL) : 0;
    if (!(m || head) || d->pair_second || !(d->q->percent || d->q->points || d->q->times))
        return true;   /* after a count, `về` names what is counted: `12 dự án về thủy điện` */
    size_t e = from + m + head;
    while (e < end && e < from + m + VALUE_ASPECT_REACH && !ends_aspect(c, e))
        e++;
    if (e == from + m + head || (e < end && !ends_aspect(c, e)))
        return true;
    const char *aspect = tokens_text(c, from + m, e);   /* (an ASPECT_HEAD is of it) */
    if (!aspect)
        return false;
    const vnr_record *of = record_of_aspect(c, d, aspect);
    if (!of && d->r.indicator && *d->r.indicator && phrase_names_place(c, d, d->r.indicator)) {
        d->r.subject = d->r.indicator;   /* `Yên Bái tăng 4,35% sản lượng thịt hơi`: the place's measure */
        d->r.indicator = aspect;
    } else {
        d->r.subject = of ? of->subject : aspect;
        if (of)
            d->r.indicator = of->indicator;
    }
    if (e > d->named_until)
        d->named_until = e;
    return true;
}


/* Where the entity of [a, k) starts and ends: in its last comma clause
 * (`last_clause`) or from a;
 * after an ENTITY_RANK, behind an ENTITY_LEAD (`Đứng ở vị trí thứ hai là
 * Khánh Hòa`), else before it (`Bắc Giang dẫn đầu cả nước`). */
static void entity_bounds(const rctx *c, size_t a, size_t k, bool last_clause, size_t *ea, size_t *eb)
{
    *ea = a;
    *eb = k;
    for (size_t j = a; last_clause && j < k; j++)
        if (is_punct(c, j, ','))
            *ea = j + 1;
    size_t rank = *ea;
    while (rank < k && !PHRASE_AT(c, LT_ENTITY_RANKS, rank, NULL))
        rank++;
    if (rank == k)
        return;
    size_t from = *ea;
    for (size_t j = rank; j < k; j++) {
        size_t l = PHRASE_AT(c, LT_ENTITY_LEADS, j, NULL);
        if (l)
            *ea = j + l;
    }
    if (*ea == from)
        *eb = rank;
}


/* Is [ea, eb) a place named with its ADMIN_UNIT (`huyện Bố Trạch`,
 * `thành phố Cao Bằng`): the unit, then a capitalised name? */
static bool admin_place(const rctx *c, size_t ea, size_t eb)
{
    size_t m = ea < eb ? PHRASE_AT(c, LT_ADMIN_UNITS, ea, NULL) : 0;
    return m && ea + m < eb && (c->tv.t[ea + m].flags & TOK_UPPER);
}


/* `Đứng ở vị trí thứ hai là Khánh Hòa với GRDP tăng 12,73%`, `huyện Bố
 * Trạch dẫn đầu toàn tỉnh với đàn trâu 7.235 con`: an ENTITY_WITH before
 * a measure (a MEASURE_NOUN or a growth word; after a place named with
 * its ADMIN_UNIT, any phrase) splits the value's phrase: the measure
 * after it is the phrase, the entity before it the subject (*entity),
 * also of the sentence's later values. False when out of memory. */
static bool split_entity_with(rctx *c, draft *d, const char **own_text, const char **entity)
{
    size_t a = d->ind_a, b = d->ind_b;
    for (size_t k = a + 1; k < b; k++) {
        size_t m = PHRASE_AT(c, LT_ENTITY_WITHS, k, NULL);
        if (!m || k + m >= b)
            continue;
        size_t ea, eb;
        entity_bounds(c, a, k, true, &ea, &eb);
        bool place = has_content(c, ea, eb) && admin_place(c, ea, eb);
        if (!place) {
            /* `huyện Bố Trạch dẫn đầu về tổng đàn gia súc, gia cầm với …`:
             * the place opens the phrase, before a list's commas */
            size_t pa, pb;
            entity_bounds(c, a, k, false, &pa, &pb);
            if ((place = pb < k && has_content(c, pa, pb) && admin_place(c, pa, pb))) {
                ea = pa;
                eb = pb;
            }
        }
        if (!place &&
            !(PHRASE_AT(c, LT_MEASURE_NOUNS, k + m, NULL) || PHRASE_AT(c, LT_GROWTH_WORDS, k + m, NULL)))
            continue;
        /* only a place is such an entity: `nhóm hàng CN-TTCN là nhóm hàng
         * xuất khẩu chính với kim ngạch …` names a part */
        if (!place && (!has_content(c, ea, eb) ||
                       !meta_province_at(c->text + c->tv.t[ea].start, c->tv.t[eb - 1].end - c->tv.t[ea].start)))
            return true;
        const char *who = phrase_text(c, ea, eb), *what = phrase_text(c, k + m, b);
        if (!who || !what)
            return false;
        if (*who && *what) {
            *entity = who;
            *own_text = what;
            if (place)
                d->ss->entity = who;   /* (a ranking's provinces each come with their own) */
        }
        return true;
    }
    return true;
}


/* `Đà Nẵng đứng thứ 12 với mức tăng 7,4%; Cần Thơ xếp thứ 30 với …`: a
 * phrase that is a place and its rank (an ENTITY_RANK and the rank's
 * number or word, to its end) names the value's subject, no measure:
 * *entity is the place, *own_text NULL. False when out of memory. */
static bool split_ranked_place(rctx *c, draft *d, const char **own_text, const char **entity)
{
    size_t a = d->ind_a, b = d->ind_b;
    for (size_t k = a + 1; k + 1 < b; k++) {
        size_t m = PHRASE_AT(c, LT_ENTITY_RANKS, k, NULL);
        if (!m || k + m + 1 != b || c->tv.t[k + m].kind == TOK_PUNCT)
            continue;   /* (the rank is one word or number after it) */
        const char *place = phrase_text(c, a, k);
        if (!place)
            return false;
        if (!names_only_place(place) && !only_admin_place(c, a, k))
            return true;
        *entity = place;
        d->ss->entity = place;
        /* the measure goes on from the sentence or the one before; with
         * none, it is the words of the growth after the rank (`với mức
         * tăng`) */
        *own_text = NULL;
        if (c->out->n_recs <= d->ss->first_rec && d->ss->prev_last == NONE) {
            size_t w = b + PHRASE_AT(c, LT_ENTITY_WITHS, b, NULL);
            *own_text = w < d->i && has_content(c, w, d->i) ? tokens_text(c, w, d->i) : NULL;
        }
        return true;
    }
    return true;
}


/* `Tuyến đường sắt xảy ra 4 vụ, làm chết 3 người`: an EVENT_VERB that
 * ends the value's phrase splits off where it happened, the subject of
 * this value and of the sentence's later ones (its own phrase keeps the
 * verb). False when out of memory. */
static bool split_event_holder(rctx *c, draft *d, const char **own_text, const char **entity)
{
    size_t a = d->ind_a, b = d->ind_b;
    size_t m = a < b ? PHRASE_BEFORE(c, LT_EVENT_VERBS, b, a, NULL) : 0;
    if (!m || b - m <= a)
        return true;
    size_t ea, eb;
    entity_bounds(c, a, b - m, true, &ea, &eb);
    trim_phrase(c, &ea, &eb);
    if (!has_content(c, ea, eb))
        return true;
    const char *who = phrase_text(c, ea, eb), *what = tokens_text(c, b - m, b);
    if (!who || !what)
        return false;
    if (strchr(who, ' ')) {   /* (one word is no place or kind of event: `cũng đã xảy ra`) */
        *entity = d->ss->entity = who;
        *own_text = what;
    }
    return true;
}


/* The indicator and subject of a record; false when out of memory. */
/* Tokens [a, e) become the value's own indicator, `subject` its subject.
 * False when out of memory. */
static bool indicator_from_tokens(rctx *c, draft *d, size_t a, size_t e, const char *subject)
{
    const char *text = tokens_text(c, a, e);   /* (an arena copy already) */
    if (!text)
        return false;
    d->r.indicator = text;
    d->r.subject = subject;
    d->inherited = false;
    return true;
}


/* Is indicator text `ind` only a place: a province (`Cà Mau`), an
 * administrative word (`Tỉnh`), or one before a province's name? */
static bool names_only_place(const char *ind)
{
    size_t n = ind ? strlen(ind) : 0;
    if (!n)
        return false;
    if (meta_province_at(ind, n) == n)
        return true;
    size_t a = opening_len(ind, LT_ADMIN_UNITS, false);
    while (a && a < n && ind[a] == ' ')
        a++;
    return a && (a >= n || meta_province_at(ind + a, n - a) == n - a);
}


/* `Cà Mau chiếm 21% tổng sản lượng tôm của cả nước`, `Tỉnh chiếm 45% diện
 * tích và hơn 48% sản lượng hồ tiêu`: a place's share names the whole it
 * is a share of after it; that whole is the indicator, the place its
 * subject. */
static bool share_of_named_whole(rctx *c, draft *d)
{
    enum { WHOLE_TOKENS = 8 };
    vnr_record *r = &d->r;
    if (r->role != VNR_ROLE_SHARE || !d->q->percent)
        return true;
    /* (the next share of the place goes on with it: `… và hơn 48% sản lượng`) */
    bool place = names_only_place(r->indicator);
    if (!place && !(d->inherited && names_only_place(r->subject)))
        return true;
    size_t a = d->q->unit_end_tok, e = a;
    while (e < d->nc->sent_end && e < a + WHOLE_TOKENS && c->tv.t[e].kind == TOK_WORD &&
           !PHRASE_AT(c, LT_TRIGGERS, e, NULL) && !PHRASE_AT(c, LT_SIBLING_LINKS, e, NULL) &&
           !PHRASE_AT(c, LT_TIME_WORDS, e, NULL) && !PHRASE_AT(c, LT_QUALIFIERS, e, NULL))
        e++;
    return e == a || indicator_from_tokens(c, d, a, e, place ? r->indicator : r->subject);
}


/* `45,6 triệu USD là tổng vốn đầu tư trực tiếp nước ngoài vào tỉnh trong 6
 * tháng …`: a value that opens its sentence and is followed by a verb of
 * being names its measure after that verb (up to punctuation, a period
 * link or another value). */
static bool measure_after_copula(rctx *c, draft *d)
{
    enum { COPULA_MEASURE_TOKENS = 12 };
    size_t u = d->q->unit_end_tok, idx, m;
    uint32_t at = c->tv.t[d->i].start;
    while (at > 0 && c->text[at - 1] == ' ')
        at--;
    bool opens = d->i == d->nc->sent_start || at == 0 || c->text[at - 1] == '\n';   /* (or its line) */
    if (!opens || u >= d->nc->sent_end || !(m = PHRASE_AT(c, LT_LINK_WORDS, u, &idx)) ||
        link_words[idx].kind != LW_COPULA)
        return true;
    size_t a = u + m, e = a;
    while (e < d->nc->sent_end && e < a + COPULA_MEASURE_TOKENS && c->tv.t[e].kind == TOK_WORD &&
           !PHRASE_AT(c, LT_PERIOD_LINKS, e, NULL) && !PHRASE_AT(c, LT_TRIGGERS, e, NULL))
        e++;
    return e == a || indicator_from_tokens(c, d, a, e, NULL);
}


static bool indicator_parts(rctx *c, draft *d);

/* `Cây đậu tương: Diện tích …; Rau các loại: Diện tích gieo trồng đạt 540
 * ha`: a ';' clause opening with a label of its own gives its values that
 * subject in the sentence's stead. */
static const char *clause_label(rctx *c, draft *d)
{
    sentence_state *ss = d->ss;
    size_t cs = clause_of(c, d->i, d->nc);
    if (cs <= d->nc->sent_start || !is_punct(c, cs - 1, ';'))
        return NULL;
    if (cs != ss->label_clause) {   /* (read once per clause) */
        ss->label_clause = cs;
        size_t k = label_colon(c, cs, d->nc->sent_end, 7, LABEL_PLAIN);
        ss->clause_subject = k != NONE && k < d->i ? tokens_text(c, cs, k) : NULL;
    }
    return ss->clause_subject;
}


/* The RESPECTIVE_WORD whose list the value at i is in: only bare values,
 * punctuation, SIBLING_LINKs and an LW_COPULA between (`cùng kỳ năm 2024
 * tương ứng là: 5,6%; 59,8%; 27,1% và 7,5%`). Its first token, or NONE. */
static size_t respective_word_before(const rctx *c, size_t i, size_t s)
{
    enum { LIST_TOKENS = 64 };   /* (a list's reach: a line of a million values stays linear) */
    size_t idx, m;
    for (size_t k = i; k > s && k + LIST_TOKENS > i; k--) {
        const token *t = &c->tv.t[k - 1];
        if (t->kind != TOK_WORD)
            continue;
        if ((m = PHRASE_BEFORE(c, LT_RESPECTIVE_WORDS, k, s, NULL)) != 0)
            return k - m;
        if (PHRASE_BEFORE(c, LT_PERIOD_LINKS, k, k - 1, NULL) ||
            ((in_table(c, k - 1, LT_TIME_WORDS) || is_roman_numeral(c, k - 1)) && in_period_phrase(c, k - 1)))
            continue;   /* the time the list is of: `cơ cấu tương ứng của 6 tháng đầu năm 2024 là: …` */
        if ((m = PHRASE_BEFORE(c, LT_SIBLING_LINKS, k, s, NULL)) == 0 &&
            ((m = PHRASE_BEFORE(c, LT_LINK_WORDS, k, s, &idx)) == 0 || link_words[idx].kind != LW_COPULA))
            return NONE;
        k -= m - 1;
    }
    return NONE;
}


/* `Khu vực I chiếm 5,12%; khu vực II chiếm 60,4%; … (cùng kỳ năm 2024
 * tương ứng là: 5,6%; 59,8%; …)`: the j-th value of a RESPECTIVE_WORD's
 * list is of the j-th thing of the run of records in its unit (two at
 * least) that the sentence stated right before that word: their measure
 * is its subject, or, with no phrase of its own, its measure too. */
static void respective_item(rctx *c, draft *d)
{
    size_t s = d->nc->sent_start, w = respective_word_before(c, d->q->tok, s), n = c->out->n_recs;
    if (w == NONE)
        return;
    uint32_t at = c->tv.t[w].start;
    size_t first = n;   /* the list's first record */
    while (first > d->ss->first_rec && c->out->recs[first - 1].norm_start > at)
        first--;
    size_t run = first;   /* the run before the word */
    while (run > d->ss->first_rec && same_unit_as(c, &c->out->recs[run - 1], d->q))
        run--;
    size_t j = n - first;
    if (first - run < 2 || j >= first - run)
        return;
    const vnr_record *thing = &c->out->recs[run + j], *head = &c->out->recs[first];
    if (!thing->indicator || !*thing->indicator)
        return;
    /* the list's own measure: its first value's phrase (`cơ cấu tương ứng
     * của cùng kỳ năm 2019`), unless that value took the run's first */
    const char *own = j ? head->indicator : d->inherited ? NULL : d->r.indicator;
    const char *first_thing = c->out->recs[run].indicator;
    if (own && *own && (!j || !first_thing || strcmp(own, first_thing) != 0)) {
        d->r.indicator = own;
        d->r.subject = thing->indicator;
    } else {
        d->r.indicator = thing->indicator;
        d->r.subject = thing->subject;
    }
}


bool indicator_step(rctx *c, draft *d)
{
    /* the clause's own label stands for the sentence's, for its values only */
    const char *sentence_subject = d->ss->subject, *label = clause_label(c, d);
    if (label)
        d->ss->subject = label;
    bool ok = indicator_parts(c, d);
    d->ss->subject = sentence_subject;
    if (label && !d->r.subject && d->r.indicator && strcmp(d->r.indicator, label) == 0)
        d->r.subject = sentence_subject;   /* (a label that is the measure keeps the list's head: `Tổng sản lượng: …; Thủy sản nuôi trồng: …`) */
    return ok;
}


static bool indicator_parts(rctx *c, draft *d)
{
    d->ind_a = d->ind_b = 0;
    if (!d->pair_second)
        indicator_span(c, d->i, d->trig_at, d->nc->floor, d->nc->sent_start, &d->ind_a, &d->ind_b);
    const char *own_text = NULL;
    if (has_content(c, d->ind_a, d->ind_b)) {
        own_text = phrase_text(c, d->ind_a, d->ind_b);
        if (!own_text)
            return false;
        if (!*own_text) {
            own_text = NULL;   /* the phrase was only a period: `9 tháng năm 2024, …` */
            d->period_only = true;
        } else if (opens_with(own_text, LT_EMPTY_PHRASES, true)) {
            own_text = NULL;   /* `mới có 2.150 tỷ đồng`: an adverb names nothing */
        }
    }
    const char *entity = NULL;
    if (own_text && !split_ranked_place(c, d, &own_text, &entity))
        return false;
    if (own_text && (!split_entity_with(c, d, &own_text, &entity) ||
                     (!entity && !split_event_holder(c, d, &own_text, &entity))))
        return false;
    d->own_measure = names_own_measure(d);
    if (d->own_measure)
        own_measure_indicator(c, d, own_text);
    else
        choose_indicator(c, d, own_text);
    if (entity && (own_text ? d->r.indicator == own_text && !d->r.subject : true))
        d->r.subject = entity;   /* `Khánh Hòa với GRDP tăng 12,73%`; a ranked place, whatever the
                                  * measure went on from: `…; Cần Thơ xếp thứ 30 với mức tăng 6,9%` */
    else if (!entity && d->ss->entity && (!d->r.subject || d->inherited))
        d->r.subject = d->ss->entity;   /* `…; đàn bò 23.800 con, tăng 7,2%` of the same place */
    name_counted_thing(c, d);
    name_rate_numerator(c, d);
    if (!value_aspect(c, d) || !share_of_named_whole(c, d) || !measure_after_copula(c, d))
        return false;
    respective_item(c, d);
    /* a label that is itself the measure (`Số doanh nghiệp giải thể: 27
     * doanh nghiệp`) names no subject besides it */
    if (d->r.subject && d->r.indicator && strcmp(d->r.subject, d->r.indicator) == 0)
        d->r.subject = NULL;
    return true;
}
