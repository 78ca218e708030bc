/*
 * recognize-table.c — stage 5 for tables (see recognize-table.h).
 *
 * A table's meaning is read in three steps: its columns (which holds the
 * label, the numbering, the unit, the note, and what each value column's
 * header says: role, estimate, baseline, period, unit), then its rows
 * (numbering and markers give the indicator/subject hierarchy, a unit in
 * the label's brackets or the unit column), then one record per number in
 * a value cell. All words come from table-headers.def.
 */
#include "recognize-table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "utf8.h"
#include "period.h"
#include "table.h"
#include "units.h"

typedef enum label_kind {
    LBL_CONTAINER, LBL_GROWTH, LBL_MEASURE, LBL_TOTAL, LBL_CAPTION, LBL_COUNT_LEAD, LBL_COUNTED
} label_kind;
typedef enum period_word_kind {
    PW_YEAR, PW_PREVIOUS, PW_BASE, PW_SAME_PERIOD, PW_PERIOD_BEFORE, PW_THIS_PERIOD, PW_TO_DATE, PW_MONTH_MARK
} period_word_kind;

static const struct header_word {
    const char *phrase;
    vnr_role role;
    bool estimate;
    const char *baseline;
} header_words[] = {
#define HEADER(phrase, role, estimate, baseline) { phrase, role, estimate, baseline },
#include "table-headers.def"
};

static const struct kind_word {
    uint8_t kind;
    const char *phrase;
} label_words[] = {
#define LABEL_WORD(kind, phrase) { kind, phrase },
#include "table-headers.def"
}, period_words[] = {
#define PERIOD_WORD(kind, phrase) { kind, phrase },
#include "table-headers.def"
};

enum { LOW_MAX = 512 };
#define NO_RECORD ((size_t)-1)

static bool has_word(const struct kind_word *w, size_t n, uint8_t kind, const char *lower)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].kind == kind && table_phrase_in(lower, w[i].phrase))
            return true;
    return false;
}
#define HAS_WORD(table, kind, lower) has_word(table, sizeof table / sizeof *table, kind, lower)

static bool compare_role(vnr_role r)
{
    return r == VNR_ROLE_INDEX || r == VNR_ROLE_ATTAINMENT || r == VNR_ROLE_CHANGE;
}

/* How much a header phrase says: a comparison that names what is compared
 * with (`so với cùng kỳ`, `TH/KH`) most, then a change word (`tốc độ
 * tăng`), then a value word; read_header_part makes a comparison a change
 * when a change word stands beside it. */
static int header_rank(const struct header_word *h)
{
    return h->role == VNR_ROLE_CHANGE ? 1 : compare_role(h->role) ? 2 : 0;
}

/* The header phrase that says most (header_rank), then the longer one. */
static const struct header_word *best_header(const char *lower)
{
    const struct header_word *best = NULL;
    for (size_t i = 0; i < sizeof header_words / sizeof *header_words; i++) {
        const struct header_word *h = &header_words[i];
        if (!table_phrase_in(lower, h->phrase))
            continue;
        if (!best || header_rank(h) > header_rank(best) ||
            (header_rank(h) == header_rank(best) && strlen(h->phrase) > strlen(best->phrase)))
            best = h;
    }
    return best;
}

/* Does a lower-cased header hold a phrase of `role` (as whole words)? */
static bool header_names_role(const char *lower, vnr_role role)
{
    for (size_t i = 0; i < sizeof header_words / sizeof *header_words; i++)
        if (header_words[i].role == role && table_phrase_in(lower, header_words[i].phrase))
            return true;
    return false;
}

/* Where a comparison (`so với`, `so sánh`) starts in a lower-cased header,
 * as whole words; NULL when it holds none. */
static const char *compare_phrase(const char *lower)
{
    return table_layout_find(lower, LW_COMPARE);
}

/* ------------------------------------------------------------------ */
/* Periods of headers: the period grammar (period.c) reads `tháng 3 năm */
/* 2023`, `quý I/2023`, `6 tháng đầu năm 2019`, `9 tháng`, `năm 2018`;    */
/* headers add a bare year (`TH 2023`), `năm trước` and `kỳ gốc`.        */
/* ------------------------------------------------------------------ */

typedef struct tperiod {
    period_kind kind;
    int year;        /* 0: unsaid */
    int a;           /* month, quarter, half, or months of a range */
    bool prev_year;  /* `năm trước` */
    bool base;       /* `kỳ gốc` */
} tperiod;

/* Does a header word of this kind (`trước`, `gốc`) stand in s[0..n) as a
 * whole word? */
static bool has_period_word(const char *s, size_t n, int kind)
{
    for (size_t i = 0; i < sizeof period_words / sizeof *period_words; i++) {
        if (period_words[i].kind != kind)
            continue;
        const char *w = period_words[i].phrase;
        size_t L = strlen(w);
        for (const char *hit = s; (hit = strstr(hit, w)) && (size_t)(hit - s) + L <= n; hit++)
            if ((hit == s || strchr(" /:,;()-.", hit[-1])) && strchr(" /:,;()-.", hit[L]))
                return true;
    }
    return false;
}

/* The first date d/m/yyyy of s[0..n): its month and year. */
static bool date_month(const char *s, size_t n, int *month, int *year)
{
    for (size_t i = 0; i < n; i++) {
        if (!utf8_is_digit(s[i]) || (i > 0 && utf8_is_digit(s[i - 1])))
            continue;
        size_t k = i;
        int parts[3] = { 0 }, digits[3] = { 0 }, p = 0;
        while (p < 3 && k < n && utf8_is_digit(s[k])) {
            for (; k < n && utf8_is_digit(s[k]) && digits[p] < 5; k++, digits[p]++)
                parts[p] = parts[p] * 10 + (s[k] - '0');
            if (++p < 3 && (k >= n || s[k] != '/'))
                break;
            k += p < 3;
        }
        if (p == 3 && digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4 && (k >= n || !utf8_is_digit(s[k])) &&
            parts[0] >= 1 && parts[0] <= 31 && parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1900) {
            *month = parts[1];
            *year = parts[2];
            return true;
        }
    }
    return false;
}

/* A header that opens with a PW_MONTH_MARK glued to a month's number
 * (`t1 jan.`, `t12`): the end of that number, its month in *month; 0 when
 * the header opens otherwise. */
static size_t month_mark(const char *lower, size_t n, int *month)
{
    for (size_t i = 0; i < sizeof period_words / sizeof *period_words; i++) {
        size_t k = strlen(period_words[i].phrase), d = k;
        if (period_words[i].kind != PW_MONTH_MARK || strncmp(lower, period_words[i].phrase, k) != 0)
            continue;
        int m = 0;
        while (d < n && d < k + 2 && utf8_is_digit(lower[d]))
            m = m * 10 + (lower[d++] - '0');
        if (d > k && m >= 1 && m <= 12 && (d == n || !utf8_is_word_byte((unsigned char)lower[d]))) {
            *month = m;
            return d;
        }
    }
    return 0;
}

static tperiod parse_period(const char *lower)
{
    size_t n = strlen(lower);
    tperiod p = { .base = has_period_word(lower, n, PW_BASE) };
    period_ref r;
    size_t after = 0;
    if (period_next(lower, n, 0, &r)) {   /* a comparison too: `So với tháng trước` headers */
        p.kind = r.kind;
        p.a = r.n;
        p.year = r.year > 0 ? r.year : 0;
        p.prev_year = r.year == PERIOD_YEAR_BEFORE;   /* `9 tháng năm trước` */
        after = r.end;
    } else if (date_month(lower, n, &p.a, &p.year)) {
        p.kind = PK_MONTH;   /* `Thực hiện đến 31/8/2024`: the month of that day */
        return p;
    } else if ((after = month_mark(lower, n, &p.a)) != 0) {
        p.kind = PK_MONTH;   /* `T1 Jan.` */
    }
    for (size_t i = after; !p.year && i < n; i++)   /* `TH 2023`, `Kỳ gốc 2019` */
        if (i == 0 || !utf8_is_digit(lower[i - 1]))
            p.year = period_year_at(lower, n, i);
    if (!p.year && has_period_word(lower + after, n - after, PW_PREVIOUS) &&
        has_period_word(lower, n, PW_YEAR))
        p.prev_year = true;   /* `Tháng 12 năm trước`, `Năm trước` */
    if (p.kind == PK_NONE && (p.year || p.prev_year))
        p.kind = PK_YEAR;
    return p;
}

static int period_year(const tperiod *p, int fallback)
{
    return p->year ? p->year : p->prev_year ? fallback - 1 : fallback;
}

/* The SPEC code of header period p in year `year` (empty when none). */
static void format_period(const tperiod *p, int year, char *out, size_t cap)
{
    period_ref r = { .kind = p->kind, .n = p->a };
    if (year <= 0 || year > 9999 || !period_format(&r, year, out, cap))
        *out = 0;
}

/* Baseline of a column whose header names the period compared with (`q`)
 * under a group naming the period of the values (`p`). */
static void relative_baseline(const tperiod *p, const tperiod *q, int doc_year, char *out, size_t cap)
{
    *out = 0;
    int py = period_year(p, doc_year), qy = period_year(q, py);
    if (q->base && qy > 0) {
        snprintf(out, cap, "year:%d", qy);
    } else if (q->kind == PK_YEAR && (p->kind == PK_YEAR || p->kind == PK_NONE) && (q->year || q->prev_year)) {
        /* `Năm 2024 so với năm trước`: the previous year; `2022 so với 2021`: that year */
        if (q->year)
            snprintf(out, cap, "year:%d", qy);
        else
            snprintf(out, cap, "previous_year");
    } else if (q->kind == p->kind && q->a == p->a && qy == py - 1 && q->kind != PK_NONE) {
        snprintf(out, cap, "same_period_last_year");
    } else if (q->kind == PK_MONTH && q->a == 12 && qy == py - 1 && qy > 0) {
        snprintf(out, cap, "year_end:%d", qy);
    } else if ((q->kind == PK_MONTH || q->kind == PK_QUARTER) && q->kind == p->kind &&
               ((qy == py && q->a == p->a - 1) || (qy == py - 1 && p->a == 1 &&
                                                   q->a == (q->kind == PK_MONTH ? 12 : 4)))) {
        snprintf(out, cap, "previous_period");
    } else if (q->kind == PK_YEAR && qy == py - 1 && p->kind == PK_YEAR) {
        snprintf(out, cap, "previous_year");
    } else if (q->kind == PK_YEAR && qy > 0 && (q->year || py > 0)) {
        snprintf(out, cap, "year:%d", qy);
    }
}

/* ------------------------------------------------------------------ */
/* Columns                                                             */
/* ------------------------------------------------------------------ */

typedef enum col_kind { COL_OTHER, COL_STT, COL_LABEL, COL_UNIT, COL_NOTE, COL_VALUE } col_kind;

typedef struct col_sem {
    uint8_t kind;            /* col_kind */
    bool has_role, estimate, in_group;
    uint8_t names_earlier;   /* a header cell names an earlier period (PW_SAME_PERIOD, PW_PERIOD_BEFORE; 0 none) */
    bool earlier_levels;     /* levels of that period (`Thực hiện cùng kỳ năm trước`, `Tháng trước`) */
    uint8_t report_period;   /* the header names the report's period (PW_THIS_PERIOD, PW_TO_DATE; 0 none) */
    bool year_ratio;         /* `2023/2022`: an index of one year against another */
    vnr_role role;
    tperiod group_period;
    char baseline[32];
    char period[40];
    char unit[48];
} col_sem;

static const table_cell *cell_at(const table_ctx *tc, const table *t, size_t r, size_t c)
{
    return &tc->seg->tables.cells[t->first_cell + r * t->n_cols + c];
}

static size_t cell_lower(const table_ctx *tc, const table_cell *c, char *out, size_t cap)
{
    return table_lower(tc->text + c->start, c->end - c->start, out, cap);
}

/* A unit written alone or in brackets at the end: `%`, `(Tỷ đồng)`. */
static bool unit_of_text(const char *s, size_t n, bool whole, char *out, size_t cap)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
        n--;
    size_t a = 0, b = n;
    if (!whole) {
        if (n < 3 || s[n - 1] != ')')
            return false;
        a = n - 1;
        while (a > 0 && s[a - 1] != '(')
            a--;
        if (a == 0)
            return false;
        b = n - 1;
    } else if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
        a = 1;
        b = n - 1;
    }
    while (a < b && s[a] == ' ')
        a++;
    if (b <= a || b - a >= cap || utf8_is_digit(s[a]))
        return false;
    unit_info ui;
    bool bracketed = a > 0;
    /* (unbracketed, `Chỉ tiêu` is a header, `Tháng` of `Tháng / trước` a
     * period's word) */
    bool ok = units_resolve(NULL, s + a, b - a, false, &ui) == VNR_OK &&
              (bracketed || !ui.dimension || (strcmp(ui.dimension, "count") != 0 && strcmp(ui.dimension, "time") != 0));
    if (!ok && b - a <= 24) {
        /* `(nghìn người)`: a scale word and a count noun */
        ok = units_resolve(NULL, s + a, b - a, true, &ui) == VNR_OK && ui.factor != 1;
    }
    if (!ok)
        return false;
    memcpy(out, s + a, b - a);
    out[b - a] = 0;
    return true;
}

/* The offset in `orig` of offset `low_at` of its lower-cased copy `low`:
 * lowering keeps one code point for one, not always the byte count, so
 * both texts are walked in step. */
static size_t original_offset(const char *orig, size_t n, const char *low, size_t ln, size_t low_at)
{
    size_t at = 0, k = 0;
    while (at < low_at && at < ln && k < n) {
        (void)utf8_next(low, ln, &at);
        (void)utf8_next(orig, n, &k);
    }
    return k;
}

/* A unit note, `Đơn vị tính: Tỷ đồng`, `ĐVT: triệu USD`, `(Đơn vị: Tấn)`:
 * its unit into out. */
static size_t before_gloss(const char *s, size_t n);

static bool unit_note(const char *s, size_t n, char *out, size_t cap)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    size_t a = 0;
    while (a < n && (s[a] == ' ' || s[a] == '('))
        a++;
    char low[LOW_MAX];
    size_t ln = table_lower(s + a, n - a, low, sizeof low);
    size_t k = table_unit_note_colon(low, ln);
    if (!k)
        return false;
    k = original_offset(s + a, n - a, low, ln, k);
    for (k++; a + k < n && s[a + k] == ' '; k++)
        ;
    return unit_of_text(s + a + k, before_gloss(s + a + k, n - a - k), true, out, cap);
}

/* The length of a unit before its English gloss (`Triệu đồng - Mill.
 * dongs`, `Triệu đồng - Unit: Mill. dongs`): up to its ` - `, or n. */
static size_t before_gloss(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == '-' && s[i - 1] == ' ' && s[i + 1] == ' ')
            return i - 1;
    return n;
}

/* A line that is only a unit, as yearbooks print it above a table (`Ha`,
 * `%`, `Triệu đồng - Mill. dongs`): the unit into out, or false. */
static bool unit_line(const char *s, size_t n, char *out, size_t cap)
{
    size_t a = 0;
    while (a < n && s[a] == ' ')
        a++;
    return a < n && unit_of_text(s + a, before_gloss(s + a, n - a), true, out, cap);
}

/* Line `k` (0: the nearest) of the two non-blank lines above table t, as
 * [*start, *end) of the text; false when there is none. */
static bool line_above(const table_ctx *tc, const table *t, int k, size_t *start, size_t *end)
{
    size_t e = t->start, b = e;
    for (int line = 0; line <= k; line++) {
        e = b;
        while (e > 0 && (tc->text[e - 1] == '\n' || tc->text[e - 1] == ' '))
            e--;
        if (e == 0)
            return false;
        for (b = e; b > 0 && tc->text[b - 1] != '\n'; b--)
            ;
    }
    *start = b;
    *end = e;
    return true;
}

/* The unit a table states once for all its cells: a note on one of the
 * two lines above it, or a caption ending in one (`… (Tỷ đồng)`). */
static void table_note_unit(const table_ctx *tc, const table *t, char *out, size_t cap)
{
    size_t a, b;
    for (int k = 0; k < 2 && line_above(tc, t, k, &a, &b); k++)
        if (unit_note(tc->text + a, b - a, out, cap) || unit_of_text(tc->text + a, b - a, false, out, cap) ||
            unit_line(tc->text + a, b - a, out, cap))
            return;
    *out = 0;
}

/* A caption above the table that ends comparing with an earlier period
 * (`Chỉ số giá tiêu dùng các tháng năm 2020 so với tháng trước`): the
 * words after its comparison lower-cased into out; false when it has none. */
static bool compared_caption(const char *line, size_t n, char *out, size_t cap)
{
    char low[LOW_MAX];
    size_t ln = table_lower(line, n, low, sizeof low);
    const char *cmp = compare_phrase(low);
    if (!cmp)
        return false;
    const char *after = cmp + table_layout_prefix(cmp, LW_COMPARE);
    while (*after == ' ')
        after++;
    size_t an = ln - (size_t)(after - low);
    period_kind kind = parse_period(after).kind;
    if (!has_period_word(after, an, PW_SAME_PERIOD) && !has_period_word(after, an, PW_PERIOD_BEFORE) &&
        kind != PK_YEAR && kind != PK_MONTH)
        return false;   /* (a year is a base: `… so với kỳ gốc 2014`; a month too: `… so với tháng 12 năm 2023`) */
    snprintf(out, cap, "%s", after);
    return true;
}

/* An index base stated in s[0..n) (`(Năm trước = 100)`, `Tháng trước =
 * 100 - Previous month = 100`): the base's words are s[*from, *eq), from
 * after a `(`, `.` or `:` before it to its `=`; false when s states none. */
static bool index_note_at(const char *s, size_t n, size_t *from, size_t *eq)
{
    for (size_t i = 0; i + 3 <= n; i++) {
        size_t j = i + 1;
        while (j < n && s[j] == ' ')
            j++;
        if (s[i] != '=' || n - j < 3 || memcmp(s + j, "100", 3) != 0 || (j + 3 < n && utf8_is_digit(s[j + 3])))
            continue;
        size_t f = i;
        while (f > 0 && s[f - 1] != '(' && s[f - 1] != '.' && s[f - 1] != ':')
            f--;
        *from = f;
        *eq = i;
        return true;
    }
    return false;
}

/* An index table's base, said once above it: `(Năm trước = 100)`,
 * `Tháng trước = 100`, `(Năm 2010 = 100)`: the base's words lower-cased
 * into out; false when there is no such note. *caption: the base came
 * from a caption's comparison instead (compared_caption). */
static bool index_base_note(const table_ctx *tc, const table *t, char *out, size_t cap, bool *caption)
{
    size_t a, b;
    *caption = false;
    enum { CAPTION_LINES = 4 };   /* a bilingual caption and its unit note: `… so với kỳ gốc 2014` /
                                   * `… as compared to base period 2014` / `Đơn vị tính - Unit: %`;
                                   * a note, a unit line and header rows a blank line set apart */
    for (int k = 0; k < CAPTION_LINES && line_above(tc, t, k, &a, &b); k++) {
        size_t from, eq;
        if (index_note_at(tc->text + a, b - a, &from, &eq))
            return table_lower(tc->text + a + from, eq - from, out, cap) > 0;
    }
    for (int k = 0; k < CAPTION_LINES && line_above(tc, t, k, &a, &b); k++)
        if (compared_caption(tc->text + a, b - a, out, cap))
            return *caption = true;
    return false;
}

/* The baseline code of an index whose base the words `base` name. */
static void index_baseline(const char *base, int year, char *out, size_t cap)
{
    size_t n = strlen(base);
    *out = 0;
    if (has_period_word(base, n, PW_SAME_PERIOD)) {
        snprintf(out, cap, "same_period_last_year");
    } else if (has_period_word(base, n, PW_PERIOD_BEFORE)) {
        snprintf(out, cap, "previous_period");
    } else {
        tperiod none = { .kind = PK_NONE }, q = parse_period(base);
        relative_baseline(&none, &q, year, out, cap);
    }
}

/* Under an index note (`Năm trước = 100`), value columns that name no
 * role or unit of their own hold indices against that base. */
static void apply_index_note(const table_ctx *tc, const table *t, col_sem *cols)
{
    char base[LOW_MAX], table_unit[48];
    bool caption;
    if (!index_base_note(tc, t, base, sizeof base, &caption))
        return;
    if (caption)
        table_note_unit(tc, t, table_unit, sizeof table_unit);
    for (size_t c = 0; c < t->n_cols; c++) {
        col_sem *cs = &cols[c];
        /* (a caption's comparison makes indices only of columns in %) */
        if (cs->kind != COL_VALUE || !(cs->role == VNR_ROLE_LEVEL || cs->year_ratio) ||
            cs->earlier_levels || (cs->unit[0] && strcmp(cs->unit, "%") != 0) ||
            (caption && !cs->unit[0] && strcmp(table_unit, "%") != 0))
            continue;
        cs->role = VNR_ROLE_INDEX;
        snprintf(cs->unit, sizeof cs->unit, "%%");
        index_baseline(base, tc->meta->year, cs->baseline, sizeof cs->baseline);
    }
}

/* A header cell under a comparison group (`9 tháng năm 2024 so với` over
 * `Kế hoạch năm (%)`) read as the comparison it completes (`so với kế
 * hoạch`): the header word of the joined text when there is one, else h. */
static const struct header_word *compared_part(const char *lower, const struct header_word *h)
{
    const char *compare = table_layout_first(LW_COMPARE);   /* the full `so với` */
    char joined[LOW_MAX + 32];
    if (!compare || (size_t)snprintf(joined, sizeof joined, "%s %s", compare, lower) >= sizeof joined)
        return h;
    const struct header_word *j = best_header(joined);
    return j && compare_role(j->role) ? j : h;
}

/* A yearbook's ratio of two years, `2023/2022` (the whole cell): an index
 * of the first year against the second. */
static bool year_ratio_header(const char *low, size_t n, col_sem *cs)
{
    int y1 = n == 9 && low[4] == '/' ? period_year_at(low, n, 0) : 0;
    int y2 = y1 ? period_year_at(low, n, 5) : 0;
    if (!y1 || !y2 || y2 >= y1)
        return false;
    cs->role = VNR_ROLE_INDEX;
    cs->has_role = true;
    cs->year_ratio = true;
    snprintf(cs->period, sizeof cs->period, "%d", y1);
    snprintf(cs->baseline, sizeof cs->baseline, "year:%d", y2);
    snprintf(cs->unit, sizeof cs->unit, "%%");
    return true;
}

/* The baseline a header phrase gives its column; `compared`: the header
 * from its comparison on (`so với 31/12/2023 (%)`). Codes ending in `:`
 * take their year from the header: `year:` the year named (`kỳ gốc
 * 2019`), `year_end:` the year named (`cuối năm 2023`, `31/12/2023`) or the
 * one before the values' (`cuối năm trước`, `đầu năm`). */
static void header_baseline(const struct header_word *h, const char *compared, int doc_year, col_sem *cs)
{
    char *out = cs->baseline;
    size_t cap = sizeof cs->baseline;
    if (!h->baseline)
        return;
    tperiod q = parse_period(compared);
    /* past `so với` to a date: `so với 31/12/2023` */
    const char *date = compared + table_layout_prefix(compared, LW_COMPARE);
    while (*date == ' ')
        date++;
    int end_year = 0;
    bool dated = period_year_end_date(date, strlen(date), &end_year) > 0;
    if (dated || !strcmp(h->baseline, "year_end:")) {
        if (!dated && q.year)
            end_year = q.year;   /* `cuối năm 2023` */
        else if (!dated)         /* `cuối năm trước`, `đầu năm`: the values' year before */
            end_year = (cs->period[0] ? atoi(cs->period) : doc_year) - 1;
        if (end_year > 0)
            snprintf(out, cap, "year_end:%d", end_year);
    } else if (!strcmp(h->baseline, "year:")) {
        if (q.year)   /* `Tháng 9 năm 2024 so với kỳ gốc 2019` */
            snprintf(out, cap, "year:%d", q.year);
    } else if (h->baseline[0]) {
        snprintf(out, cap, "%s", h->baseline);
    } else if (!out[0]) {
        /* `Tháng 12 năm trước`, `So với tháng 12 năm 2023`: the period
         * compared with, relative to the values' period */
        relative_baseline(&cs->group_period, &q, doc_year, out, cap);
    }
}

/* What one header cell adds to its column. */
static void read_header_part(const table_ctx *tc, const table_cell *c, col_sem *cs)
{
    char low[LOW_MAX];
    size_t n = cell_lower(tc, c, low, sizeof low);
    if (!n || year_ratio_header(low, n, cs))
        return;
    const char *s = tc->text + c->start;
    size_t sn = c->end - c->start;
    if (has_period_word(low, n, PW_TO_DATE))
        cs->report_period = PW_TO_DATE;
    else if (!cs->report_period && has_period_word(low, n, PW_THIS_PERIOD))
        cs->report_period = PW_THIS_PERIOD;
    if (has_period_word(low, n, PW_SAME_PERIOD))
        cs->names_earlier = PW_SAME_PERIOD;
    else if (!cs->names_earlier && has_period_word(low, n, PW_PERIOD_BEFORE))
        cs->names_earlier = PW_PERIOD_BEFORE;
    if (!cs->unit[0])
        (void)(unit_of_text(s, sn, true, cs->unit, sizeof cs->unit) ||
               unit_of_text(s, sn, false, cs->unit, sizeof cs->unit) ||
               unit_note(s, sn, cs->unit, sizeof cs->unit));
    const struct header_word *h = best_header(low);
    int year = tc->meta->year;
    /* the words before `so với` name the period of the values */
    char *cmp = (char *)compare_phrase(low);
    if (cmp) {
        char save = *cmp;
        *cmp = 0;
        tperiod p = parse_period(low);
        *cmp = save;
        if (p.kind != PK_NONE) {
            format_period(&p, period_year(&p, year), cs->period, sizeof cs->period);
            cs->group_period = p;
        }
        cs->in_group = true;
    } else if (cs->in_group) {
        tperiod q = parse_period(low);
        if (!cs->baseline[0])
            relative_baseline(&cs->group_period, &q, year, cs->baseline, sizeof cs->baseline);
        h = compared_part(low, h);
    } else if (!(h && compare_role(h->role))) {
        /* (in `Tháng 12 năm trước`, `Kỳ gốc 2019` the period is the baseline's) */
        tperiod p = parse_period(low);
        if (p.kind != PK_NONE)
            format_period(&p, period_year(&p, year), cs->period, sizeof cs->period);
    }
    if (!h)
        return;
    if (!cs->has_role || compare_role(h->role)) {
        cs->role = h->role;
        cs->has_role = true;
    }
    if (h->role == VNR_ROLE_INDEX && header_names_role(low, VNR_ROLE_CHANGE))
        cs->role = VNR_ROLE_CHANGE;   /* `Tốc độ tăng so với cùng kỳ (%)` */
    cs->estimate |= h->estimate;
    header_baseline(h, cmp ? cmp : low, year, cs);
}

/* The header cell of value column c in header row r; an empty one above
 * the last header row lies under a merged cell that spans it from the
 * left (`| Tháng 3 năm 2024 so với: | | |` over `| Kỳ gốc 2019 | Tháng 12
 * năm trước | …`): the nearest filled cell of that row over value columns. */
static const table_cell *spanning_cell(const table_ctx *tc, const table *t, const col_sem *cols, size_t r,
                                       size_t c)
{
    const table_cell *cell = cell_at(tc, t, r, c);
    if (cell->end > cell->start || r + 1 >= t->header_rows || cols[c].kind != COL_VALUE)
        return cell;
    for (size_t k = c; k-- > 0 && cols[k].kind == COL_VALUE;) {
        const table_cell *left = cell_at(tc, t, r, k);
        if (left->end > left->start)
            return left;
    }
    return cell;
}

static void read_column_header(const table_ctx *tc, const table *t, const col_sem *cols, size_t c,
                               col_sem *cs)
{
    const table_cell *prev = NULL;
    for (size_t r = 0; r < t->header_rows; r++) {
        const table_cell *cell = spanning_cell(tc, t, cols, r, c);
        if (cell->end > cell->start && !(prev && prev->start == cell->start))
            read_header_part(tc, cell, cs);
        prev = cell;
    }
    if (cs->names_earlier && !cs->in_group && strcmp(cs->unit, "%") != 0) {
        /* `Thực hiện cùng kỳ năm trước`, `Tháng trước`: levels of an
         * earlier period; it is settled beside the other columns' */
        cs->role = VNR_ROLE_LEVEL;
        cs->has_role = true;
        cs->baseline[0] = 0;
        cs->earlier_levels = true;
    }
}

/* Is lower-cased `low` (a colon and spaces at its end aside) exactly a
 * row-label word of `kind`? */
static bool is_label_word(const char *low, uint8_t kind)
{
    size_t n = strlen(low);
    while (n && (low[n - 1] == ':' || low[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < sizeof label_words / sizeof *label_words; i++)
        if (label_words[i].kind == kind && strlen(label_words[i].phrase) == n &&
            !memcmp(low, label_words[i].phrase, n))
            return true;
    return false;
}

static bool header_is(const table_ctx *tc, const table *t, size_t c, uint8_t kind)
{
    for (size_t r = 0; r < t->header_rows; r++) {
        char low[LOW_MAX];
        cell_lower(tc, cell_at(tc, t, r, c), low, sizeof low);
        if (table_layout_is(low, kind, true))
            return true;
    }
    return false;
}

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return true;
    return false;
}

/* Kinds of the columns: numbering, label, unit, note, values. */
static void classify_columns(const table_ctx *tc, const table *t, col_sem *cols)
{
    size_t label = t->form == TF_FLAT ? 1 : SIZE_MAX;
    for (size_t c = 0; c < t->n_cols && label == SIZE_MAX; c++) {
        if (header_is(tc, t, c, LW_STT))
            continue;
        size_t text = 0;
        for (size_t r = t->header_rows; r < t->n_rows; r++) {
            const table_cell *cell = cell_at(tc, t, r, c);
            text += cell->end - cell->start > 4 && has_letter(tc->text + cell->start, cell->end - cell->start);
        }
        if (text > 0)
            label = c;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        col_sem *cs = &cols[c];
        if (c < label || label == SIZE_MAX)
            cs->kind = COL_STT;
        else if (c == label)
            cs->kind = COL_LABEL;
        else if (header_is(tc, t, c, LW_UNIT))
            cs->kind = COL_UNIT;
        else if (header_is(tc, t, c, LW_NOTE))
            cs->kind = COL_NOTE;
        else
            cs->kind = COL_VALUE;
        read_column_header(tc, t, cols, c, cs);
    }
}

/* A period code (`2024-01/2024-09`, `2024-M10`, `2024`) a year earlier:
 * every year in it (four digits at its start or after `/`) less one. */
static void period_year_before(char *code)
{
    for (char *p = code; *p; p++) {
        if ((p != code && p[-1] != '/') || !(utf8_is_digit(p[0]) && utf8_is_digit(p[1]) &&
                                            utf8_is_digit(p[2]) && utf8_is_digit(p[3])))
            continue;
        int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        if (year <= 1)
            continue;
        char four[8];
        snprintf(four, sizeof four, "%04d", year - 1);
        memcpy(p, four, 4);
    }
}

/* A month or quarter code (`2024-M09`, `2024-Q1`) one period earlier;
 * any other code becomes empty (no period before it is named). */
static void period_before(char *code, size_t cap)
{
    int year, k;
    char kind;
    if (sscanf(code, "%4d-%c%2d", &year, &kind, &k) != 3 || (kind != 'M' && kind != 'Q') || k < 1 ||
        year < 2) {
        *code = 0;
        return;
    }
    int last = kind == 'M' ? 12 : 4;
    if (k > last) {
        *code = 0;
        return;
    }
    int y = k == 1 ? year - 1 : year, before = k == 1 ? last : k - 1;
    if (kind == 'M')
        snprintf(code, cap, "%04d-M%02d", y, before);
    else
        snprintf(code, cap, "%04d-Q%d", y, before);
}

/* Levels of an earlier period (`Thực hiện cùng kỳ năm trước`, `Tháng
 * trước`) are of the period of the nearest level column that names one,
 * moved back a year or a period: to the right first, where the report's
 * own values stand in most tables. */
static void settle_earlier_levels(const table *t, col_sem *cols)
{
    for (size_t c = 0; c < t->n_cols; c++) {
        col_sem *cs = &cols[c];
        if (cs->kind != COL_VALUE || !cs->earlier_levels || cs->period[0])
            continue;
        for (size_t d = 1; d < t->n_cols && !cs->period[0]; d++) {
            const size_t at[2] = { c + d, c - d };   /* c - d wraps past 0: not < n_cols */
            for (size_t k = 0; k < 2 && !cs->period[0]; k++) {
                const col_sem *o = at[k] < t->n_cols ? &cols[at[k]] : NULL;
                if (o && o->kind == COL_VALUE && !o->earlier_levels && o->period[0] &&
                    (o->role == VNR_ROLE_LEVEL || o->role == VNR_ROLE_TARGET)) {
                    memcpy(cs->period, o->period, sizeof cs->period);
                    if (cs->names_earlier == PW_SAME_PERIOD)
                        period_year_before(cs->period);
                    else
                        period_before(cs->period, sizeof cs->period);
                    break;
                }
            }
        }
    }
}

/* Table-wide defaults from the label column's header (`Tốc độ phát triển
 * … so với cùng kỳ năm trước (%)`), and `So sánh` read as attainment when
 * the table has a plan column. */
/* Columns that name the report's period without saying it (`Ước tính
 * tháng báo cáo`, `Cộng dồn từ đầu năm`) take `report` (the caption's
 * period, else the document's) or January to its end. */
static void settle_report_periods(const table *t, col_sem *cols, const tperiod *report, int year)
{
    for (size_t c = 0; c < t->n_cols; c++) {
        col_sem *cs = &cols[c];
        if (cs->kind != COL_VALUE || !cs->report_period || cs->period[0] || report->kind == PK_NONE)
            continue;
        period_ref r = { .kind = report->kind, .n = report->a, .year = period_year(report, year) };
        if (cs->report_period == PW_TO_DATE)
            r = period_to_date(&r);
        if (r.kind == PK_NONE || !period_format(&r, r.year, cs->period, sizeof cs->period))
            cs->period[0] = 0;
    }
}

static void settle_columns(const table *t, col_sem *cols, const tperiod *report, int year)
{
    const col_sem *corner = NULL;
    bool plan = false;
    for (size_t c = 0; c < t->n_cols; c++) {
        if (cols[c].kind == COL_LABEL)
            corner = &cols[c];
        plan |= cols[c].kind == COL_VALUE && cols[c].has_role && cols[c].role == VNR_ROLE_TARGET;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        col_sem *cs = &cols[c];
        if (cs->kind != COL_VALUE)
            continue;
        if (!cs->has_role) {
            cs->role = corner && corner->has_role ? corner->role : VNR_ROLE_LEVEL;
            if (corner && !cs->baseline[0])
                memcpy(cs->baseline, corner->baseline, sizeof cs->baseline);
        }
        if (corner && !cs->period[0])
            memcpy(cs->period, corner->period, sizeof cs->period);
        if (corner && !cs->unit[0])
            memcpy(cs->unit, corner->unit, sizeof cs->unit);
        if (cs->role == VNR_ROLE_INDEX && !cs->baseline[0] && plan) {
            cs->role = VNR_ROLE_ATTAINMENT;
            snprintf(cs->baseline, sizeof cs->baseline, "plan");
        }
        if (compare_role(cs->role) && cs->role != VNR_ROLE_CHANGE && !cs->unit[0])
            snprintf(cs->unit, sizeof cs->unit, "%%");
    }
    settle_report_periods(t, cols, report, year);
    settle_earlier_levels(t, cols);
    /* a comparison or share column that names no period compares (parts)
     * the values of the nearest column to its left that does (`Ước thực
     * hiện 2024 | So sánh (%)`, `… | Cơ cấu (%)`) */
    const char *left = "";
    for (size_t c = 0; c < t->n_cols; c++) {
        col_sem *cs = &cols[c];
        if (cs->kind != COL_VALUE)
            continue;
        if ((compare_role(cs->role) || cs->role == VNR_ROLE_SHARE) && !cs->period[0])
            snprintf(cs->period, sizeof cs->period, "%s", left);
        else if (!compare_role(cs->role) && cs->role != VNR_ROLE_TARGET && !cs->earlier_levels && cs->period[0])
            left = cs->period;
    }
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */
/* ------------------------------------------------------------------ */

typedef struct row_sem {
    int rank;                /* RANK_SECTION … RANK_PLUS */
    const char *indicator, *subject;
    const char *label;       /* the label as written, marker and unit trimmed */
    char unit[48];
    const char *counted;     /* what the row counts (`Số giường bệnh`), or NULL */
    bool growth, has_values, section;
    bool names_kinds;        /* a label-word heading (`I. Chỉ tiêu kinh tế`): no subject */
    bool bare_measure;       /* the label is only a measure (`Diện tích`, `Sản lượng`) */
    bool corner_growth;      /* measured by a corner that names a growth rate */
    int month;               /* the row is a month of the column's year (`Tháng 1 - Jan.`), or 0 */
    const char *base;        /* an index base stated by this row or one above (`tháng trước`), or NULL */
} row_sem;

enum { STACK_MAX = 8 };

typedef struct row_ctx {
    row_sem stack[STACK_MAX];
    size_t depth;
    int last_rank;
    bool after_container;
    const char *corner;      /* the label column's header when it names the measure */
    const char *caption;     /* the measure the caption names (caption_measure), or NULL */
    bool corner_growth;      /* ... and that measure is a growth rate (`Tăng trưởng`) */
    char corner_unit[48];    /* the label column's header is a unit note instead */
    const char *base;        /* the last index base a row stated (`Tháng trước = 100`), or NULL */
} row_ctx;

static bool is_roman_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != 'I' && s[i] != 'V' && s[i] != 'X' && s[i] != 'L' && s[i] != '.')
            return false;
    return n > 0;
}

/* Ranks of rows, outermost first: `I.` sections, `A.` parts, `1.` items
 * (`1.1`, `1.1.1` one step deeper each), `a)` sub-items, `-` and `+`
 * lines. Rows under a container (`Trong đó:`) rank one class deeper than
 * the row before it. */
enum {
    RANK_SECTION = 10, RANK_PART = 15, RANK_NUMBERED = 20, RANK_LETTERED = 30, RANK_DASH = 40,
    RANK_PLUS = 50, RANK_CLASS = 10
};

/* Decimal numbering at s: `1`, `1.`, `1.2`, `1.2.3.` (groups of one to
 * three digits); its length in *len and the number of groups, 0 if none.
 * *dot: it ends with a full stop. */
static int decimal_numbering(const char *s, size_t n, size_t *len, bool *dot)
{
    size_t k = 0;
    int groups = 0;
    *dot = false;
    while (k < n && utf8_is_digit(s[k])) {
        size_t d = k;
        while (k < n && utf8_is_digit(s[k]))
            k++;
        if (k - d > 3)
            return 0;
        groups++;
        *dot = k < n && s[k] == '.';
        if (!*dot)
            break;
        k++;
    }
    *len = k;
    return groups;
}

static int numbered_rank(int groups)
{
    return RANK_NUMBERED + (groups > 9 ? 9 : groups - 1);
}

/* Rank of a row from its numbering cell or the label's leading marker;
 * *skip is the marker's length in the label. */
static int label_rank(const char *stt, size_t sn, const char *s, size_t n, size_t *skip)
{
    *skip = 0;
    size_t k;
    bool dot;
    if (sn) {
        /* the numbering cell: its marker, `-` and `+` included */
        size_t stt_skip;
        int groups = decimal_numbering(stt, sn, &k, &dot);
        if (groups && k == sn)
            return numbered_rank(groups);
        int r = is_roman_text(stt, sn) ? RANK_SECTION : label_rank(NULL, 0, stt, sn, &stt_skip);
        return r ? r : utf8_is_digit(stt[0]) ? RANK_NUMBERED
                     : sn <= 2 && stt[0] >= 'A' && stt[0] <= 'Z' ? RANK_PART : RANK_LETTERED;
    }
    if (n >= 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
        *skip = 1;
        return s[0] == '+' ? RANK_PLUS : RANK_DASH;
    }
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0xA2)) {
        *skip = 3;
        return RANK_DASH;
    }
    int groups = decimal_numbering(s, n, &k, &dot);
    if (groups && k < n && s[k] == ' ' && (dot || groups >= 2)) {
        *skip = k;
        return numbered_rank(groups);
    }
    if (n >= 2 && s[0] >= 'a' && s[0] <= 'z' && (s[1] == ')' || s[1] == '.') && (n == 2 || s[2] == ' ')) {
        *skip = 2;
        return RANK_LETTERED;
    }
    if (n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] == ')' || s[1] == '.') && s[2] == ' ') {
        *skip = 2;
        return RANK_PART;   /* `B. Khai khoáng` */
    }
    k = 0;
    while (k < n && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
        k++;
    if (k > 0 && k + 1 < n && s[k] == '.' && s[k + 1] == ' ') {
        *skip = k + 1;
        return RANK_SECTION;
    }
    return 0;
}

/* Label text without marker, container words (`Trong đó:`) and the unit in
 * brackets at its end. */
static const char *clean_label(const table_ctx *tc, const char *s, size_t n, bool *container,
                               char *unit, size_t ucap)
{
    *container = false;
    char low[LOW_MAX];
    size_t ln = table_lower(s, n, low, sizeof low);
    for (size_t i = 0; i < sizeof label_words / sizeof *label_words; i++) {
        const char *p = label_words[i].phrase;
        size_t pn = strlen(p);
        if (label_words[i].kind == LBL_CONTAINER && ln >= pn && !memcmp(low, p, pn) &&
            (low[pn] == ':' || low[pn] == ' ' || !low[pn])) {
            *container = true;
            size_t k = pn;
            while (k < n && (s[k] == ':' || s[k] == ' '))
                k++;
            s += k;
            n -= k;
            break;
        }
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
        n--;
    if (unit_of_text(s, n, false, unit, ucap)) {
        while (n && s[n - 1] != '(')
            n--;
        while (n && (s[n - 1] == '(' || s[n - 1] == ' '))
            n--;
    }
    char *out = arena_strndup(tc->arena, s, n);
    for (size_t i = 0; out && i < n; i++)
        if (out[i] == '\n' || out[i] == '\t')
            out[i] = ' ';   /* a label over several lines reads as one */
    return out;
}

/* The measure a table's caption names: `Biểu 05. Tổng mức bán lẻ hàng hóa
 * tháng 9 năm 2024 (Tỷ đồng)` → `Tổng mức bán lẻ hàng hóa` (the caption
 * word and number, the period and brackets cut off). NULL when the nearest
 * heading is no caption or names nothing; *oom on allocation failure. */
static const char *caption_measure(const table_ctx *tc, bool *oom)
{
    *oom = false;
    const char *cap = tc->section_depth ? tc->section[tc->section_depth - 1] : NULL;
    if (!cap)
        return NULL;
    size_t n = strlen(cap);
    char low[LOW_MAX];
    size_t ln = table_lower(cap, n, low, sizeof low), a = 0;
    for (size_t i = 0; i < sizeof label_words / sizeof *label_words && !a; i++) {
        size_t wn = strlen(label_words[i].phrase);
        if (label_words[i].kind == LBL_CAPTION && wn < ln && !memcmp(low, label_words[i].phrase, wn) &&
            low[wn] == ' ')
            a = wn;
    }
    if (!a)
        return NULL;
    while (a < ln && low[a] == ' ')
        a++;
    while (a < ln && (utf8_is_digit(low[a]) || (low[a] >= 'a' && low[a] <= 'z')))
        a++;   /* the number: `05`, `3a`, `ii` */
    while (a < ln && strchr(".:)- ", low[a]))
        a++;
    period_ref p;
    size_t b = period_next(low, ln, a, &p) ? p.start : ln;
    const char *bracket = memchr(low + a, '(', b - a);
    if (bracket)
        b = (size_t)(bracket - low);
    while (b > a && strchr(" ,:-", low[b - 1]))
        b--;
    if (b <= a)
        return NULL;
    size_t oa = original_offset(cap, n, low, ln, a), ob = original_offset(cap, n, low, ln, b);
    const char *m = arena_strndup(tc->arena, cap + oa, ob - oa);
    *oom = m == NULL;
    return m;
}

/* The label column's header when it names the measure: `Tăng trưởng so
 * với cùng kỳ (%)` measures `Tăng trưởng`; the words from `so với` on say
 * what the values compare with. *corner is NULL when the header names no
 * measure (`Chỉ tiêu so với cùng kỳ`, `So sánh (%)`); *growth: the measure
 * is a growth rate. False only when out of memory. */
static bool corner_label(const table_ctx *tc, const table_cell *h, char *unit, size_t ucap,
                         const char **corner, bool *growth)
{
    bool container;
    const char *label = clean_label(tc, tc->text + h->start, h->end - h->start, &container, unit, ucap);
    *corner = label;
    *growth = false;
    if (!label)
        return false;
    size_t n = strlen(label);
    if (n == 0) {
        *corner = NULL;   /* only a unit (`(Tỷ đồng)`): no measure */
        return true;
    }
    char low[LOW_MAX];
    size_t ln = table_lower(label, n, low, sizeof low);
    char *cmp = (char *)compare_phrase(low);
    if (cmp)
        *cmp = 0;   /* only the words before the comparison name the measure */
    *growth = HAS_WORD(label_words, LBL_GROWTH, low);
    if (!cmp)
        return true;
    size_t cut = original_offset(label, n, low, ln, (size_t)(cmp - low));
    while (cut && strchr(" ,:;-(", label[cut - 1]))
        cut--;
    if (cut == 0 || table_layout_is(low, LW_LABEL, true)) {
        *corner = NULL;
        return true;
    }
    *corner = arena_strndup(tc->arena, label, cut);
    return *corner != NULL;
}

/* The length of the longest label word of `kind` that opens low as whole
 * words, or 0. */
static size_t label_prefix(const char *low, uint8_t kind)
{
    size_t best = 0;
    for (size_t i = 0; i < sizeof label_words / sizeof *label_words; i++) {
        size_t wn = strlen(label_words[i].phrase);
        if (label_words[i].kind == kind && wn > best && !strncmp(low, label_words[i].phrase, wn) &&
            !utf8_is_word_byte((unsigned char)low[wn]))
            best = wn;
    }
    return best;
}

/* What a row counts when its label opens with a counted thing, maybe
 * after a count word: `Số giường bệnh` → `giường bệnh`, `Cơ sở y tế` →
 * itself. The unit of its cells when nothing else gives one; NULL when
 * the label counts nothing (or out of memory: *oom). */
static const char *counted_thing(const table_ctx *tc, const char *label, const char *low, bool *oom)
{
    *oom = false;
    size_t lead = label_prefix(low, LBL_COUNT_LEAD), ln = strlen(low);
    while (lead && low[lead] == ' ')
        lead++;
    if (!label_prefix(low + lead, LBL_COUNTED))
        return NULL;
    size_t n = strlen(label), a = original_offset(label, n, low, ln, lead);
    const char *u = arena_strndup(tc->arena, label + a, n - a);
    *oom = u == NULL;
    return u;
}

/* Indicator and subject of a row from its place in the hierarchy. */
/* The base of an index a row label states (`Tháng trước = 100 - Previous
 * month = 100` → `tháng trước`), lower-cased into the arena; NULL when it
 * states none (*oom on allocation failure). */
static const char *row_index_base(const table_ctx *tc, const char *low, bool *oom)
{
    size_t from, eq;
    *oom = false;
    if (!index_note_at(low, strlen(low), &from, &eq))
        return NULL;
    while (eq > from && low[eq - 1] == ' ')
        eq--;
    const char *base = eq > from ? arena_strndup(tc->arena, low + from, eq - from) : NULL;
    *oom = eq > from && !base;
    return base;
}

/* Month rows under year columns (`Tháng 1 - Jan.` under `2019 2020`):
 * the month a row label names alone, or 0. */
static int row_month(const char *low)
{
    tperiod p = parse_period(low);
    return p.kind == PK_MONTH && !p.year ? p.a : 0;
}

/* Index base and month of a row (row_index_base, row_month); false when
 * out of memory. A month row measures what the table's caption names. */
static bool row_time(const table_ctx *tc, row_ctx *rc, const char *low, row_sem *rs)
{
    bool oom;
    const char *base = row_index_base(tc, low, &oom);
    if (oom)
        return false;
    if (!rc->base && !base && rc->corner) {
        char corner[LOW_MAX];   /* (a header row that is a base: `Tháng trước = 100`) */
        table_lower(rc->corner, strlen(rc->corner), corner, sizeof corner);
        if (!(rc->base = row_index_base(tc, corner, &oom)) && oom)
            return false;
    }
    if (base)
        rc->base = base;
    rs->base = rc->base;
    rs->month = base ? 0 : row_month(low);
    if (rs->month || base) {
        /* (the row is a time or a base, no thing: the measure is the
         * caption's, the section's or, on a page of one table, the title's) */
        const char *cap = tc->section_depth ? tc->section[tc->section_depth - 1] : NULL;
        if (!cap || !table_has_word(cap, strlen(cap)))
            cap = tc->meta->title;   /* (not a unit line made a heading: `%`) */
        bool corner_is_base = rs->indicator == rc->corner && rc->corner && strchr(rc->corner, '=');
        if (rc->caption || (cap && (corner_is_base || rs->indicator == rs->label)))
            rs->indicator = rc->caption ? rc->caption : cap;
        rs->subject = NULL;
    }
    return true;
}

static bool read_row(const table_ctx *tc, row_ctx *rc, const char *stt, size_t sn,
                     const table_cell *lab, bool has_values, row_sem *rs)
{
    const char *s = tc->text + lab->start;
    size_t n = lab->end - lab->start, skip;
    *rs = (row_sem){ .has_values = has_values };
    rs->rank = label_rank(stt, sn, s, n, &skip);
    bool container;
    while (skip < n && s[skip] == ' ')
        skip++;
    rs->label = clean_label(tc, s + skip, n - skip, &container, rs->unit, sizeof rs->unit);
    if (!rs->label)
        return false;
    if (rs->rank == 0)
        rs->rank = container || rc->after_container
                       ? (rc->last_rank ? rc->last_rank : RANK_NUMBERED) + RANK_CLASS
                       : RANK_NUMBERED;
    rc->after_container = container && !*rs->label;
    char low[LOW_MAX];
    table_lower(rs->label, strlen(rs->label), low, sizeof low);
    rs->growth = HAS_WORD(label_words, LBL_GROWTH, low);
    rs->names_kinds = table_layout_prefix(low, LW_LABEL) > 0;
    rs->bare_measure = is_label_word(low, LBL_MEASURE);
    bool oom;
    rs->counted = counted_thing(tc, rs->label, low, &oom);
    if (oom)
        return false;
    rs->section = rs->rank == RANK_SECTION;
    while (rc->depth && rc->stack[rc->depth - 1].rank >= rs->rank)
        rc->depth--;
    const row_sem *parent = rc->depth ? &rc->stack[rc->depth - 1] : NULL;
    /* a section (`I. Kinh tế`) is a subject only of bare measures under
     * it (`I. Lúa mùa` over `1. Diện tích`) */
    if (parent && (parent->names_kinds || (parent->section && !rs->bare_measure)))
        parent = NULL;
    if (parent && *rs->label && !parent->has_values) {
        /* under a heading row without values (`a) Lúa cả năm`): the row
         * names the measure, the heading its subject */
        rs->indicator = rs->label;
        rs->subject = parent->label;
        if (!rs->unit[0] && !strcmp(parent->unit, "%"))
            memcpy(rs->unit, parent->unit, sizeof rs->unit);   /* (under `Cơ cấu (%)`: shares) */
    } else if (parent && *rs->label) {
        /* under a row with values: a breakdown of its measure */
        rs->indicator = parent->indicator;
        rs->subject = rs->label;
        rs->growth |= parent->growth;
        if (!rs->unit[0])
            memcpy(rs->unit, parent->unit, sizeof rs->unit);
    } else if (rc->corner) {
        rs->indicator = rc->corner;
        rs->subject = rs->label;
        rs->corner_growth = rc->corner_growth;
    } else if (rc->caption && is_label_word(low, LBL_TOTAL)) {
        rs->indicator = rc->caption;   /* `Tổng số` of `Biểu 05. Tổng mức bán lẻ …` */
    } else {
        rs->indicator = rs->label;
    }
    if (!row_time(tc, rc, low, rs))
        return false;
    if (*rs->label && !container) {
        if (rc->depth == STACK_MAX)
            rc->depth--;
        rc->stack[rc->depth++] = *rs;
    }
    if (!container)
        rc->last_rank = rs->rank;
    return true;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */
/* ------------------------------------------------------------------ */

static bool add_fate(const table_ctx *tc, uint32_t a, uint32_t b, const char *fate, size_t rec)
{
    number_fate f = { .norm_start = a, .norm_end = b, .fate = fate, .record = rec };
    return VEC_PUSH(tc->out->fates, tc->out->n_fates, tc->out->cap_fates, f);
}

static vnr_qualifier cell_qualifier(const token *t, size_t i)
{
    if (i == 0 || t[i - 1].kind != TOK_PUNCT)
        return VNR_QUALIFIER_NONE;
    switch (t[i - 1].cp) {
    case '<': return VNR_QUALIFIER_LT;
    case '>': return VNR_QUALIFIER_GT;
    case 0x2264: return VNR_QUALIFIER_LE;
    case 0x2265: return VNR_QUALIFIER_GE;
    case '~': return VNR_QUALIFIER_APPROX;
    default: return VNR_QUALIFIER_NONE;
    }
}

/* A unit written in the cell after its number: `8,7%`, `5.120 tỷ đồng`.
 * NULL when there is none, or when out of memory (*oom set). */
static const char *cell_unit(const table_ctx *tc, const token *t, size_t n, size_t i, uint32_t cell_end,
                             bool *oom)
{
    *oom = false;
    if (i + 1 >= n)
        return NULL;
    uint32_t a = t[i + 1].start, b = cell_end;
    for (size_t k = i + 1; k < n; k++)
        if (t[k].kind != TOK_WORD && t[k].kind != TOK_PUNCT) {
            b = t[k].start;
            break;
        }
    while (b > a && (tc->text[b - 1] == ' ' || tc->text[b - 1] == ')' || tc->text[b - 1] == ';'))
        b--;
    unit_info ui;
    if (b > a && units_resolve(NULL, tc->text + a, b - a, false, &ui) == VNR_OK) {
        const char *u = arena_strndup(tc->arena, tc->text + a, b - a);
        *oom = u == NULL;
        return u;
    }
    return NULL;
}

typedef struct cell_job {
    const col_sem *col;
    const row_sem *row;
    const char *row_unit;    /* unit column cell, or NULL */
    const char *table_unit;  /* the table's unit note (`Đơn vị tính: Tỷ đồng`), or "" */
    const char *text;        /* record text */
} cell_job;

static bool fill_record_units(const table_ctx *tc, vnr_record *r)
{
    unit_info ui;
    if (*r->unit && units_resolve(NULL, r->unit, strlen(r->unit), true, &ui) == VNR_OK) {
        r->canonical_value = r->value * ui.factor;
        r->canonical_unit = arena_strdup(tc->arena, ui.canonical);
        r->dimension = ui.dimension;
        return r->canonical_unit != NULL;
    } else {
        r->canonical_value = r->value;
        r->canonical_unit = r->unit;
        r->dimension = *r->unit ? "count" : NULL;
    }
    return true;
}

/* The period and baseline of a cell from its column, and from its row
 * where that names a month of the column's year or an index base (a
 * level in % under `Tháng trước = 100` is an index against last month). */
static void row_cell_time(const table_ctx *tc, const col_sem *cs, const row_sem *rs, const char *unit,
                          vnr_role *role, char *period, char *base)
{
    snprintf(period, sizeof cs->period, "%s", cs->period);
    snprintf(base, sizeof cs->baseline, "%s", cs->baseline);
    if (rs->month && strlen(cs->period) == 4 && utf8_is_digit(cs->period[0]))
        snprintf(period, sizeof cs->period, "%.4s-M%02d", cs->period, rs->month);
    if (rs->base && *role == VNR_ROLE_LEVEL && !strcmp(unit, "%")) {
        *role = VNR_ROLE_INDEX;
        index_baseline(rs->base, period[0] ? atoi(period) : tc->meta->year, base, sizeof cs->baseline);
    }
}

static bool emit_cell_number(const table_ctx *tc, const cell_job *j, const token *t, size_t n,
                             size_t i, uint32_t cell_end)
{
    const col_sem *cs = j->col;
    const row_sem *rs = j->row;
    vnr_record r = { .doc = tc->doc, .statement = *tc->statement, .section_id = tc->section_id,
                     .section = tc->section, .section_depth = tc->section_depth,
                     .value = t[i].v, .value_max = NAN, .total = NAN,
                     .norm_start = t[i].start, .norm_end = t[i].end, .text = j->text };
    r.indicator = rs->indicator && *rs->indicator ? rs->indicator : "";
    r.subject = rs->subject && *rs->subject ? rs->subject : NULL;
    r.qualifier = cell_qualifier(t, i);
    if (i == 1 && t[0].kind == TOK_PUNCT && (t[0].cp == '-' || t[0].cp == 0x2212) && r.value > 0 &&
        t[0].end == t[1].start)
        r.value = -r.value;   /* "-4,13%": a negative cell keeps its sign */
    if (t[i].kind == TOK_RANGE) {
        r.value_max = t[i].v2;
        r.norm_end = t[i].end1;
    }
    bool oom;
    const char *unit = cell_unit(tc, t, n, i, cell_end, &oom);
    if (oom)
        return false;
    if (!unit)
        unit = cs->unit[0] ? cs->unit : j->row_unit ? j->row_unit : rs->unit[0] ? rs->unit : j->table_unit;
    if (!strcmp(rs->unit, "%") && strcmp(unit, "%") != 0)
        unit = rs->unit;   /* `Cơ cấu (%)` under columns in `Tr. đồng`: the row's shares */
    if (!*unit && rs->counted)
        unit = rs->counted;   /* `Số giường bệnh | 3.120`: a count of beds */
    if (!*unit)   /* no unit from cell, column, row or table: a bare number, as in prose */
        return add_fate(tc, t[i].start, t[i].end, "bare_number", NO_RECORD);
    r.unit = arena_strdup(tc->arena, unit);
    if (!r.unit)
        return false;
    r.role = cs->role;
    /* a growth rate in % is a change, also where the corner's `so với cùng
     * kỳ` made the column a comparison (`Tăng trưởng so với cùng kỳ (%)`) */
    if (((r.role == VNR_ROLE_LEVEL && rs->growth) || (r.role == VNR_ROLE_INDEX && rs->corner_growth)) &&
        !strcmp(unit, "%"))
        r.role = VNR_ROLE_CHANGE;
    r.estimate = cs->estimate;
    char period[sizeof cs->period], base[sizeof cs->baseline];
    row_cell_time(tc, cs, rs, unit, &r.role, period, base);
    r.baseline = compare_role(r.role) && base[0] ? arena_strdup(tc->arena, base) : NULL;
    r.period = period[0] ? arena_strdup(tc->arena, period) : NULL;
    if ((compare_role(r.role) && base[0] && !r.baseline) || (period[0] && !r.period) ||
        !fill_record_units(tc, &r))
        return false;
    size_t index = tc->out->n_recs;
    if (!VEC_PUSH(tc->out->recs, tc->out->n_recs, tc->out->cap_recs, r) ||
        !add_fate(tc, t[i].start, t[i].kind == TOK_RANGE ? t[i].end1 : t[i].end, "record", index))
        return false;
    return t[i].kind != TOK_RANGE || add_fate(tc, t[i].start2, t[i].end, "range_end", NO_RECORD);
}

static bool emit_cell(const table_ctx *tc, const cell_job *j, const table_cell *cell, token_vec *tv)
{
    tv->n = 0;
    if (cell->end <= cell->start || !lex_span(tc->text, cell->start, cell->end, tv))
        return cell->end <= cell->start;
    for (size_t i = 0; i < tv->n; i++) {
        uint16_t k = tv->t[i].kind;
        if ((k == TOK_NUMBER || k == TOK_RANGE) && !emit_cell_number(tc, j, tv->t, tv->n, i, cell->end))
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

static int fate_cmp(const void *a, const void *b)
{
    const number_fate *x = a, *y = b;
    return (x->norm_start > y->norm_start) - (x->norm_start < y->norm_start);
}

/* Every digit run of the table that no record took: header digits are
 * periods, the others numbering or names. */
static bool table_digit_fates(const table_ctx *tc, const table *t, size_t first_fate, uint32_t data_start)
{
    /* no number of the input has a fate yet: there is no array to offset */
    number_fate *mine = tc->out->fates ? tc->out->fates + first_fate : NULL;
    size_t n_mine = tc->out->n_fates - first_fate, m = 0;
    if (n_mine > 1)
        qsort(mine, n_mine, sizeof *mine, fate_cmp);
    for (uint32_t i = t->start; i < t->end;) {
        if (!utf8_is_digit(tc->text[i])) {
            i++;
            continue;
        }
        uint32_t j = i;
        while (j < t->end && (utf8_is_digit(tc->text[j]) ||
                              ((tc->text[j] == '.' || tc->text[j] == ',') && j + 1 < t->end &&
                               utf8_is_digit(tc->text[j + 1]))))
            j++;
        while (m < n_mine && tc->out->fates[first_fate + m].norm_end <= i)
            m++;
        bool taken = m < n_mine && tc->out->fates[first_fate + m].norm_start <= i;
        if (!taken && !add_fate(tc, i, j, i < data_start ? "period" : "identifier", NO_RECORD))
            return false;
        i = j;
    }
    return true;
}

static const char *row_text(const table_ctx *tc, const table *t, size_t r)
{
    uint32_t s = UINT32_MAX, e = 0;   /* over the row's non-empty cells */
    for (size_t c = 0; c < t->n_cols; c++) {
        const table_cell *x = cell_at(tc, t, r, c);
        if (x->end > x->start && x->start < s)
            s = x->start;
        if (x->end > x->start && x->end > e)
            e = x->end;
    }
    return e > s ? arena_strndup(tc->arena, tc->text + s, e - s) : "";
}

/* The unit of a row's unit cell into *unit: its text on one line
 * (`Nghìn` / `Lượt khách` → `Nghìn Lượt khách`), the row above's for a
 * ditto mark (`"`), NULL for an empty cell. False when out of memory. */
static bool row_unit(const table_ctx *tc, const table_cell *u, const char **unit)
{
    char low[LOW_MAX];
    if (u->end <= u->start) {
        *unit = NULL;
        return true;
    }
    table_lower(tc->text + u->start, u->end - u->start, low, sizeof low);
    if (table_layout_is(low, LW_DITTO, true))
        return true;   /* (keeps the row above's) */
    char *out = arena_strndup(tc->arena, tc->text + u->start, u->end - u->start);
    if (!out)
        return false;
    size_t w = 0;
    for (size_t k = 0; out[k]; k++) {
        bool blank = out[k] == ' ' || out[k] == '\n' || out[k] == '\t' || out[k] == '\r';
        if (!blank || (w && out[w - 1] != ' '))
            out[w++] = blank ? ' ' : out[k];
    }
    while (w && out[w - 1] == ' ')
        w--;
    out[w] = '\0';
    *unit = out;
    return true;
}

static bool table_rows(const table_ctx *tc, const table *t, const col_sem *cols, row_ctx *rc, token_vec *tv)
{
    char table_unit[48];
    table_note_unit(tc, t, table_unit, sizeof table_unit);
    if (!table_unit[0])
        memcpy(table_unit, rc->corner_unit, sizeof table_unit);
    size_t label = SIZE_MAX, unit_col = SIZE_MAX;
    const char *last_unit = NULL;
    for (size_t c = 0; c < t->n_cols; c++) {
        if (cols[c].kind == COL_LABEL && label == SIZE_MAX)
            label = c;
        if (cols[c].kind == COL_UNIT)
            unit_col = c;
    }
    for (size_t r = t->header_rows; r < t->n_rows; r++) {
        const table_row_info *ri = &tc->seg->tables.rows[t->first_row + r];
        const char *stt = tc->text + ri->stt_start;
        size_t sn = ri->stt_end - ri->stt_start;
        for (size_t c = 0; c < t->n_cols && !sn && label != SIZE_MAX && c < label; c++) {
            const table_cell *x = cell_at(tc, t, r, c);
            stt = tc->text + x->start;
            sn = x->end - x->start;
        }
        row_sem rs;
        table_cell none = { 0, 0, 0, 0 };
        bool has_values = false;
        for (size_t c = 0; c < t->n_cols; c++) {
            const table_cell *x = cell_at(tc, t, r, c);
            for (uint32_t k = x->start; cols[c].kind == COL_VALUE && k < x->end && !has_values; k++)
                has_values = utf8_is_digit(tc->text[k]);
        }
        if (!read_row(tc, rc, stt, sn, label == SIZE_MAX ? &none : cell_at(tc, t, r, label), has_values, &rs))
            return false;
        cell_job j = { .row = &rs, .table_unit = table_unit, .text = row_text(tc, t, r) };
        if (!j.text)
            return false;
        if (unit_col != SIZE_MAX && !row_unit(tc, cell_at(tc, t, r, unit_col), &last_unit))
            return false;
        j.row_unit = last_unit;
        size_t before = tc->out->n_recs;
        for (size_t c = 0; c < t->n_cols; c++) {
            if (cols[c].kind != COL_VALUE)
                continue;
            j.col = &cols[c];
            if (!emit_cell(tc, &j, cell_at(tc, t, r, c), tv))
                return false;
        }
        if (tc->out->n_recs > before)
            (*tc->statement)++;
    }
    return true;
}

/* The period the table reports on: its caption's (the nearest heading),
 * else the document's. */
static tperiod report_period(const table_ctx *tc)
{
    if (tc->section_depth > 0 && tc->section[tc->section_depth - 1]) {
        const char *caption = tc->section[tc->section_depth - 1];
        char low[LOW_MAX];
        table_lower(caption, strlen(caption), low, sizeof low);
        tperiod p = parse_period(low);
        if (p.kind != PK_NONE)
            return p;
    }
    return (tperiod){ .kind = (period_kind)tc->meta->period_kind, .a = tc->meta->period_n,
                      .year = tc->meta->year };
}

bool recognize_table(const table_ctx *tc, const block *b)
{
    const table *t = &tc->seg->tables.tables[b->table];
    col_sem *cols = calloc(t->n_cols ? t->n_cols : 1, sizeof *cols);
    if (!cols)
        return false;
    classify_columns(tc, t, cols);
    tperiod report = report_period(tc);
    settle_columns(t, cols, &report, tc->meta->year);
    apply_index_note(tc, t, cols);
    row_ctx rc = { 0 };
    bool oom;
    rc.caption = caption_measure(tc, &oom);
    if (oom) {
        free(cols);
        return false;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        if (cols[c].kind != COL_LABEL || t->header_rows == 0)
            continue;
        /* a label header that names the measure (not just `Chỉ tiêu`) */
        const table_cell *h = cell_at(tc, t, t->header_rows - 1, c);
        if (h->end > h->start && unit_note(tc->text + h->start, h->end - h->start, rc.corner_unit,
                                           sizeof rc.corner_unit)) {
            /* `Đơn vị tính: Tỷ đồng` in the corner: a unit, no measure */
        } else if (h->end > h->start && !header_is(tc, t, c, LW_LABEL)) {
            if (!corner_label(tc, h, rc.corner_unit, sizeof rc.corner_unit, &rc.corner, &rc.corner_growth)) {
                free(cols);
                return false;
            }
        }
        break;
    }
    token_vec tv = { 0 };
    size_t first_fate = tc->out->n_fates;
    uint32_t data_start = t->header_rows < t->n_rows ? t->end : t->end;
    for (size_t r = t->header_rows; r < t->n_rows && data_start == t->end; r++)
        for (size_t c = 0; c < t->n_cols; c++) {
            const table_cell *x = cell_at(tc, t, r, c);
            if (x->end > x->start && x->start < data_start)
                data_start = x->start;
        }
    bool ok = table_rows(tc, t, cols, &rc, &tv) && table_digit_fates(tc, t, first_fate, data_start);
    free(tv.t);
    free(cols);
    return ok;
}
