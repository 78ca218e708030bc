/*
 * period.c — the period grammar (see period.h). Words are in period.def;
 * this file only knows the shapes: a head word, numbers, Roman numerals,
 * a year suffix, and what may stand before a phrase.
 */
#include "period.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

typedef enum period_unit { PU_MONTH, PU_QUARTER, PU_YEAR } period_unit;

typedef struct unit_word { const char *phrase; period_unit unit; size_t len; } unit_word;
typedef struct count_word { const char *phrase; int n; } count_word;
typedef struct plain_word { const char *phrase; } plain_word;
/* What a PERIOD_BLOCKER says of the period phrase after it. */
typedef enum blocker_kind {
    BLOCKS_SPAN,        /* a base or span, no reporting period: `nhiệm kỳ 2020 - 2025` */
    BLOCKS_COMPARAND,   /* what a value is compared with: `so với tháng 3` */
    BLOCKS_PRICE_BASE   /* a price base, which only a year can be: `giá so sánh 2010` */
} blocker_kind;
typedef struct first_word { const char *phrase; int half; } first_word;

static const unit_word unit_words[] = {
#define PERIOD_UNIT(p, k) { p, k, sizeof(p) - 1 },
#include "period.def"
#undef PERIOD_UNIT
};

#define PERIOD_UNIT(p, k) _Static_assert(sizeof(p) - 1 <= PERIOD_HEAD_MAX && sizeof(p) > 1, "a head word over PERIOD_HEAD_MAX, or empty");
#define PERIOD_BLOCKER(p, c) _Static_assert(sizeof(p) > 1, "an empty blocker");
#include "period.def"
#undef PERIOD_UNIT
#undef PERIOD_BLOCKER
static const count_word count_words[] = {
#define PERIOD_COUNT_WORD(p, n) { p, n },
#include "period.def"
#undef PERIOD_COUNT_WORD
};
static const count_word month_names[] = {
#define PERIOD_MONTH_NAME(p, n) { p, n },
#include "period.def"
#undef PERIOD_MONTH_NAME
};
static const count_word quarter_words[] = {
#define PERIOD_QUARTER_WORD(p, n) { p, n },
#include "period.def"
#undef PERIOD_QUARTER_WORD
};
static const plain_word cumulative_words[] = {
#define PERIOD_CUMULATIVE(p) { p },
#include "period.def"
#undef PERIOD_CUMULATIVE
};
static const plain_word comparand_leads[] = {
#define PERIOD_COMPARAND_LEAD(p) { p },
#include "period.def"
#undef PERIOD_COMPARAND_LEAD
};
static const plain_word duration_leads[] = {
#define PERIOD_DURATION_LEAD(p) { p },
#include "period.def"
#undef PERIOD_DURATION_LEAD
};
static const first_word first_words[] = {
#define PERIOD_FIRST(p, h) { p, h },
#include "period.def"
#undef PERIOD_FIRST
};
static const first_word half_words[] = {
#define PERIOD_HALF(p, h) { p, h },
#include "period.def"
#undef PERIOD_HALF
};
static const plain_word this_year_words[] = {
#define PERIOD_THIS_YEAR(p) { p },
#include "period.def"
#undef PERIOD_THIS_YEAR
};
static const plain_word year_link_words[] = {
#define PERIOD_YEAR_LINK(p) { p },
#include "period.def"
#undef PERIOD_YEAR_LINK
};
static const plain_word last_year_words[] = {
#define PERIOD_LAST_YEAR(p) { p },
#include "period.def"
#undef PERIOD_LAST_YEAR
};
static const plain_word span_tail_words[] = {
#define PERIOD_SPAN_TAIL(p) { p },
#include "period.def"
#undef PERIOD_SPAN_TAIL
};
static const plain_word since_january_words[] = {
#define PERIOD_SINCE_JANUARY(p) { p },
#include "period.def"
#undef PERIOD_SINCE_JANUARY
};
static const plain_word until_words[] = {
#define PERIOD_UNTIL(p) { p },
#include "period.def"
#undef PERIOD_UNTIL
};
static const plain_word past_words[] = {
#define PERIOD_PAST(p) { p },
#include "period.def"
#undef PERIOD_PAST
};
typedef struct blocker_word { const char *phrase; blocker_kind kind; size_t len; } blocker_word;
static const blocker_word blockers[] = {
#define PERIOD_BLOCKER(p, c) { p, c, sizeof(p) - 1 },
#include "period.def"
#undef PERIOD_BLOCKER
};
typedef struct plan_title_word { const char *phrase; bool plan, dated; } plan_title_word;
static const plan_title_word plan_title_words[] = {
#define PLAN_TITLE(p) { p, true, false },
#define PLAN_TITLE_NOT(p) { p, false, false },
#define PLAN_TITLE_DATED(p) { p, true, true },
#include "period.def"
#undef PLAN_TITLE
#undef PLAN_TITLE_NOT
#undef PLAN_TITLE_DATED
};
static const plain_word achieved_title_words[] = {
#define ACHIEVED_TITLE(p) { p },
#include "period.def"
#undef ACHIEVED_TITLE
};
static const plain_word date_line_words[] = {
#define DATE_LINE_WORD(p) { p },
#include "period.def"
#undef DATE_LINE_WORD
};

static const plain_word as_of_words[] = {
#define AS_OF_WORD(p) { p },
#include "period.def"
#undef AS_OF_WORD
};
static const plain_word date_leads[] = {
#define DATE_LEAD(p) { p },
#include "period.def"
#undef DATE_LEAD
};

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))
#define NO_MATCH ((size_t)-1)

/* Blanks between the words of a phrase: spaces, tabs and one line break
 * (a web page's hard wrap: `9 tháng⏎đầu năm 2025`); a blank line ends
 * the phrase. */
static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    bool wrapped = false;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
            i++;
        else if (s[i] == '\n' && !wrapped)
            i++, wrapped = true;
        else
            break;
    }
    return i;
}

/* End of `phrase` when s[i..) starts with it as whole words, else NO_MATCH. */
static size_t match_at(const char *s, size_t n, size_t i, const char *phrase)
{
    size_t L = strlen(phrase);
    if (i + L > n || memcmp(s + i, phrase, L) != 0)
        return NO_MATCH;
    /* (a word glued to the number after it ends there: `tháng10`, as a
     * web page prints it) */
    if (i + L < n && utf8_is_word_byte((unsigned char)s[i + L]) && !utf8_is_digit(s[i + L]) &&
        utf8_is_word_byte((unsigned char)phrase[L - 1]))
        return NO_MATCH;
    return i + L;
}

/* The longest entry of a table matching at i; its index in *idx. */
static inline size_t match_table(const char *s, size_t n, size_t i, const char *const *first,
                                 size_t stride, size_t count, size_t *idx)
{
    size_t best = NO_MATCH;
    if (i >= n)
        return NO_MATCH;
    for (size_t k = 0; k < count; k++) {
        const char *phrase = *(const char *const *)((const char *)first + k * stride);
        if (phrase[0] != s[i])
            continue;   /* most tries: the tables are tried at every word */
        size_t e = match_at(s, n, i, phrase);
        if (e != NO_MATCH && (best == NO_MATCH || e > best)) {
            best = e;
            if (idx)
                *idx = k;
        }
    }
    return best;
}

#define MATCH_TABLE(s, n, i, t, idx) \
    match_table(s, n, i, &(t)[0].phrase, sizeof *(t), COUNT_OF(t), idx)

int period_year_at(const char *s, size_t n, size_t i)
{
    if (i + 4 > n || !utf8_is_digit(s[i]) || !utf8_is_digit(s[i + 1]) || !utf8_is_digit(s[i + 2]) || !utf8_is_digit(s[i + 3]))
        return 0;
    if (i + 4 < n && utf8_is_digit(s[i + 4]))
        return 0;
    int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* A small whole number (1–2 digits, no digit, decimal or date part after). */
static size_t small_number(const char *s, size_t n, size_t i, int *v)
{
    size_t e = i;
    int x = 0;
    while (e < n && utf8_is_digit(s[e]) && e - i < 3)
        x = x * 10 + (s[e++] - '0');
    if (e == i || e - i > 2 || (e < n && utf8_is_digit(s[e])))
        return NO_MATCH;
    if (e + 1 < n && s[e] == ',' && utf8_is_digit(s[e + 1]))
        return NO_MATCH;   /* `3,5 tháng` is a duration, not a count of months */
    *v = x;
    return e;
}

/* Is the byte at i the start of an en or em dash? */
static size_t dash_at(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '-')
        return i + 1;
    if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return i + 3;
    return NO_MATCH;
}

/* After a month, quarter or count: `/2024`, `-2024`, `.2024`, ` năm 2024`. */
static size_t year_suffix(const char *s, size_t n, size_t i, int *year)
{
    size_t j = skip_blanks(s, n, i);
    size_t l = j > i ? MATCH_TABLE(s, n, j, year_link_words, NULL) : NO_MATCH;
    if (l != NO_MATCH && skip_blanks(s, n, l) > l)
        j = skip_blanks(s, n, l);   /* `9 tháng của năm 2016` (only `năm` may follow, below) */
    size_t d = dash_at(s, n, j);
    if (d == NO_MATCH && j < n && (s[j] == '/' || s[j] == '.'))
        d = j + 1;
    if (d != NO_MATCH) {
        size_t k = skip_blanks(s, n, d);
        int y = period_year_at(s, n, k);
        if (y) {
            *year = y;
            return k + 4;
        }
        return i;
    }
    int bare = j > i ? period_year_at(s, n, j) : 0;
    if (bare && dash_at(s, n, j + 4) == NO_MATCH) {
        *year = bare;   /* `6 tháng 2017`, without `năm` */
        return j + 4;
    }
    size_t idx;
    size_t e = MATCH_TABLE(s, n, j, unit_words, &idx);
    if (e != NO_MATCH && unit_words[idx].unit == PU_YEAR) {
        size_t k = skip_blanks(s, n, e);
        int y = period_year_at(s, n, k);
        if (y && dash_at(s, n, k + 4) == NO_MATCH) {
            *year = y;
            return k + 4;
        }
        size_t before = k > e ? MATCH_TABLE(s, n, k, last_year_words, NULL) : NO_MATCH;
        if (before != NO_MATCH) {
            *year = PERIOD_YEAR_BEFORE;   /* `9 tháng năm trước` */
            return before;
        }
        size_t now = k > e ? MATCH_TABLE(s, n, k, this_year_words, NULL) : NO_MATCH;
        if (now != NO_MATCH)
            return now;   /* `9 tháng năm nay`: the report's year */
    }
    return i;
}

/* `tháng 9`, `quý III`, `năm 2024` at i (a head word). */
static size_t unit_phrase(const char *s, size_t n, size_t i, period_ref *p)
{
    size_t idx;
    size_t e = MATCH_TABLE(s, n, i, unit_words, &idx);
    if (e == NO_MATCH)
        return NO_MATCH;
    size_t j = skip_blanks(s, n, e);
    if (j == e && !(j < n && utf8_is_digit(s[j])))
        return NO_MATCH;   /* (a web page's glued `tháng10`, `quý3` reads as spaced) */
    int v = 0;
    if (unit_words[idx].unit == PU_YEAR) {
        int y = period_year_at(s, n, j);
        size_t d = y ? dash_at(s, n, skip_blanks(s, n, j + 4)) : NO_MATCH;
        if (!y || (d != NO_MATCH && period_year_at(s, n, skip_blanks(s, n, d))))
            return NO_MATCH;   /* `năm 2021-2025` is a span */
        *p = (period_ref){ .kind = PK_YEAR, .year = y };
        return j + 4;
    }
    size_t k;
    if (unit_words[idx].unit == PU_QUARTER) {
        static const char *const roman[] = { "iv", "iii", "ii", "i", "4", "3", "2", "1" };
        static const int value[] = { 4, 3, 2, 1, 4, 3, 2, 1 };
        k = NO_MATCH;
        for (size_t r = 0; r < COUNT_OF(roman) && k == NO_MATCH; r++)
            if ((k = match_at(s, n, j, roman[r])) != NO_MATCH)
                v = value[r];
        size_t idx_word;
        if (k == NO_MATCH && (k = MATCH_TABLE(s, n, j, quarter_words, &idx_word)) != NO_MATCH)
            v = quarter_words[idx_word].n;   /* `quý đầu năm` */
        if (k == NO_MATCH || (k < n && utf8_is_digit(s[k])))
            return NO_MATCH;
        *p = (period_ref){ .kind = PK_QUARTER, .n = v };
    } else {
        k = small_number(s, n, j, &v);
        size_t idx_name;
        if (k == NO_MATCH && (k = MATCH_TABLE(s, n, j, month_names, &idx_name)) != NO_MATCH)
            v = month_names[idx_name].n;   /* `tháng Mười` */
        if (k == NO_MATCH || v < 1 || v > 12)
            return NO_MATCH;
        if (k < n && s[k] == '/' && k + 1 < n && utf8_is_digit(s[k + 1]) && !period_year_at(s, n, k + 1))
            return NO_MATCH;   /* `tháng 10/12`: not a month of a year */
        *p = (period_ref){ .kind = PK_MONTH, .n = v };
    }
    return year_suffix(s, n, k, &p->year);
}

/* The count of `N tháng`: digits or a word (`sáu`). */
static size_t month_count(const char *s, size_t n, size_t i, int *v)
{
    size_t e = small_number(s, n, i, v);
    if (e != NO_MATCH)
        return e;
    size_t idx;
    e = MATCH_TABLE(s, n, i, count_words, &idx);
    if (e != NO_MATCH)
        *v = count_words[idx].n;
    return e;
}

/* The first v months of a year as the guidelines code them: 3 the first
 * quarter, 6 the first half, 12 the year, others a month range. */
static period_ref months_from_january(int v)
{
    if (v == 12)
        return (period_ref){ .kind = PK_YEAR };
    if (v == 6)
        return (period_ref){ .kind = PK_HALF, .n = 1 };
    if (v == 3)
        return (period_ref){ .kind = PK_QUARTER, .n = 1 };
    return (period_ref){ .kind = PK_MONTHS, .n = v };
}

/* `[lũy kế] N tháng [đầu năm|qua] [năm 2024]` at i. */
/* A month's number in digits alone at i, before its year or no word (`01`
 * of `06 tháng 01 năm 2022`, not the `9` of `11 tháng 9.625,4 tỷ đồng`
 * nor the `12` of `9 tháng 12 dự án`)? */
static bool month_number_at(const char *s, size_t n, size_t i)
{
    int month = 0;
    size_t e = i < n && utf8_is_digit(s[i]) ? month_count(s, n, i, &month) : NO_MATCH;
    if (e == NO_MATCH || month < 1 || month > 12)
        return false;
    if (e < n && (s[e] == '.' || s[e] == ',') && e + 1 < n && utf8_is_digit(s[e + 1]))
        return false;
    size_t k = skip_blanks(s, n, e), idx;
    if (k >= n || !utf8_is_word_byte((unsigned char)s[k]))
        return true;
    size_t w = MATCH_TABLE(s, n, k, unit_words, &idx);
    return w != NO_MATCH && unit_words[idx].unit == PU_YEAR;
}

static size_t count_phrase(const char *s, size_t n, size_t i, period_ref *p)
{
    size_t j = MATCH_TABLE(s, n, i, cumulative_words, NULL);
    j = j == NO_MATCH ? i : skip_blanks(s, n, j);
    int v = 0;
    size_t e = month_count(s, n, j, &v);
    if (e == NO_MATCH || v < 1 || v > 12)
        return NO_MATCH;
    size_t idx;
    size_t m = MATCH_TABLE(s, n, skip_blanks(s, n, e), unit_words, &idx);
    /* (a count in words needs its blank; digits may be glued by a web
     * page: `9tháng`) */
    if (m == NO_MATCH || unit_words[idx].unit == PU_YEAR || (skip_blanks(s, n, e) == e && !utf8_is_digit(s[e - 1])))
        return NO_MATCH;
    if (unit_words[idx].unit == PU_MONTH && month_number_at(s, n, skip_blanks(s, n, m)))
        return NO_MATCH;   /* `Ngày 06 tháng 01 năm 2022`: a day and its month, no count of months */
    if (unit_words[idx].unit == PU_QUARTER) {
        if (v > 4 || !utf8_is_digit(s[j]))
            return NO_MATCH;   /* (`trong ba quý còn lại`: the quarters to come) */
        v *= 3;   /* `Tính chung 3 quý`: nine months */
    }
    int half = 0;
    p->year = 0;
    size_t f = MATCH_TABLE(s, n, skip_blanks(s, n, m), first_words, &idx);
    if (f != NO_MATCH) {
        half = first_words[idx].half;
        m = f;
        size_t y = skip_blanks(s, n, m);
        if (y > m && period_year_at(s, n, y) && dash_at(s, n, y + 4) == NO_MATCH) {
            p->year = period_year_at(s, n, y);   /* `đầu năm 2025` */
            m = y + 4;
        } else if (y > m && (f = MATCH_TABLE(s, n, y, this_year_words, NULL)) != NO_MATCH) {
            m = f;   /* `6 tháng đầu năm nay`: the report's year, left unsaid */
        }
    } else if ((f = MATCH_TABLE(s, n, skip_blanks(s, n, m), past_words, NULL)) != NO_MATCH) {
        m = f;
    }
    int said = p->year;
    if (half == 2 && v == 6)
        *p = (period_ref){ .kind = PK_HALF, .n = 2 };
    else if (half == 2 && v != 12)
        return NO_MATCH;   /* `3 tháng cuối năm`: no code for it */
    else
        *p = months_from_january(v);
    p->year = said;
    return said ? m : year_suffix(s, n, m, &p->year);
}

/* How many words before a period phrase a comparison word may stand:
 * `so với thời điểm cuối năm 2022` puts four between, `so chính thức vụ
 * đông xuân năm 2021` five. */
enum { COMPARED_WORDS = 6 };

/* Does s[0..j) end with `phrase` (L bytes) as whole words? */
static bool ends_with_phrase(const char *s, size_t j, const char *phrase, size_t L)
{
    return L && j >= L && s[j - 1] == phrase[L - 1] && memcmp(s + j - L, phrase, L) == 0 &&
           (j == L || !utf8_is_word_byte((unsigned char)s[j - L - 1]));
}

/* The length of the phrase of table t (n entries) that the text before
 * j ends with, blanks before j passed over (0 when none); *at: where
 * that phrase starts. */
static size_t ends_with_word_of(const char *s, size_t j, const plain_word *t, size_t n, size_t *at)
{
    while (j > 0 && s[j - 1] == ' ')
        j--;
    for (size_t b = 0; b < n; b++) {
        size_t len = strlen(t[b].phrase);
        if (ends_with_phrase(s, j, t[b].phrase, len)) {
            *at = j - len;
            return len;
        }
    }
    return 0;
}

/* Does a comparison word stand in the words before `start`? Sets
 * *comparison when it compares values (`so với`), not a price base or a
 * term (`giá so sánh`, `nhiệm kỳ`). */
static bool compared_before(const char *s, size_t start, period_kind kind, bool *comparison)
{
    size_t j = start;
    for (int w = 0; w < COMPARED_WORDS; w++) {
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
            j--;
        if (j == 0 || !utf8_is_word_byte((unsigned char)s[j - 1]))
            return false;
        for (size_t b = 0; b < COUNT_OF(blockers); b++) {
            if (ends_with_phrase(s, j, blockers[b].phrase, blockers[b].len)) {
                if (blockers[b].kind == BLOCKS_PRICE_BASE && kind != PK_YEAR)
                    return false;
                *comparison = blockers[b].kind == BLOCKS_COMPARAND;
                return true;
            }
        }
        while (j > 0 && utf8_is_word_byte((unsigned char)s[j - 1]))
            j--;
    }
    return false;
}

/* Is the word right before `start` a PERIOD_DURATION_LEAD (`dưới 3
 * tháng`): a length of time, not the period a value is of? */
static bool duration_before(const char *s, size_t start)
{
    size_t at;
    return ends_with_word_of(s, start, duration_leads, COUNT_OF(duration_leads), &at) != 0;
}

/* `Căn cứ Luật … ngày 16 tháng 6 năm 2025`: does a day, after a DATE_LEAD
 * or alone, and no AS_OF_WORD before them, stand before the period at
 * start (a month there is part of a date of reference, no period of the
 * report)? */
static bool day_of_date_before(const char *s, size_t start)
{
    size_t j = start;
    while (j > 0 && s[j - 1] == ' ')
        j--;
    size_t digits = 0;
    while (j > 0 && utf8_is_digit(s[j - 1]) && digits < 3)
        j--, digits++;
    size_t lead, as_of;
    unsigned day = 0;
    for (size_t k = j; k < j + digits; k++)
        day = day * 10 + (unsigned)(s[k] - '0');
    if (digits < 1 || digits > 2 || day > 31 || (j > 0 && (utf8_is_digit(s[j - 1]) || s[j - 1] == ',')))
        return false;
    if (!ends_with_word_of(s, j, date_leads, COUNT_OF(date_leads), &lead))
        lead = j;   /* a day alone: `tại Quảng trường 30 tháng 4`, `dịp lễ 2 tháng 9` */
    /* (`tính đến ngày 31 tháng 8`: the month of a stock) */
    return !ends_with_word_of(s, lead, as_of_words, COUNT_OF(as_of_words), &as_of);
}

/* Every period phrase holds a head word (tháng, quý, năm) and starts at
 * most this many bytes before it (`tính chung mười một tháng`). */
enum { HEAD_REACH = 40 };

/* The bytes a head word (PERIOD_UNIT) starts with, as a 256-bit set:
 * filled from the table per search (a few head words), so that most
 * bytes of a text are passed over with one test. */
typedef struct head_starts { uint64_t bits[4]; } head_starts;

static void head_starts_fill(head_starts *hs)
{
    memset(hs, 0, sizeof *hs);
    for (size_t u = 0; u < COUNT_OF(unit_words); u++) {
        unsigned char c = (unsigned char)unit_words[u].phrase[0];
        hs->bits[c >> 6] |= 1ull << (c & 63);
    }
}

static inline bool head_starts_has(const head_starts *hs, unsigned char c)
{
    return (hs->bits[c >> 6] >> (c & 63)) & 1;
}

/* The first head word (PERIOD_UNIT) at or after `from`, as whole words; n
 * when there is none. Searching for them first keeps the grammar off the
 * text that names no period, which is most of it. */
static size_t next_head(const char *s, size_t n, size_t from)
{
    /* one pass from word start to word start, trying the head words whose
     * first byte is the word's: a memmem per head word cost more on the
     * short texts this is called on, many times each */
    head_starts hs;
    head_starts_fill(&hs);
    size_t at = from;
    if (at > 0)   /* `from` inside a word: its rest is no start */
        while (at < n && utf8_is_word_byte((unsigned char)s[at]) && utf8_is_word_byte((unsigned char)s[at - 1]))
            at++;
    while (at < n) {
        unsigned char c = (unsigned char)s[at];
        if (!utf8_is_word_byte(c)) {
            at++;
            continue;
        }
        for (size_t u = 0; head_starts_has(&hs, c) && u < COUNT_OF(unit_words); u++) {
            const unit_word *w = &unit_words[u];
            if ((unsigned char)w->phrase[0] == c && at + w->len <= n &&
                memcmp(s + at, w->phrase, w->len) == 0 &&
                (at + w->len >= n || !utf8_is_word_byte((unsigned char)s[at + w->len]) ||
                 utf8_is_digit(s[at + w->len])))
                return at;   /* (also glued to its number: `tháng10`) */
        }
        /* (letters right after digits start a word too: `9tháng`, glued
         * by a web page) */
        for (at++; at < n && utf8_is_word_byte((unsigned char)s[at]) &&
                   !(utf8_is_digit(s[at - 1]) && !utf8_is_digit(s[at]));
             at++)
            ;
    }
    return n;
}

bool period_holds_head(const char *s, size_t n)
{
    /* Horspool's search for several words at once over their first m bytes
     * (m: the shortest head word): the byte at the end of the m-byte window
     * says how far the window may move before a head word could start in
     * it — most bytes of a text are no byte of "tháng", "quý", "năm", so
     * the search steps m bytes at a time; where a window ends in a head
     * word's m-th byte, the words are compared there. */
    size_t m = PERIOD_HEAD_MAX;
    for (size_t u = 0; u < COUNT_OF(unit_words); u++)
        if (unit_words[u].len < m)
            m = unit_words[u].len;
    if (m == 0 || n < m)
        return false;
    uint8_t shift[256];
    memset(shift, (int)m, sizeof shift);
    for (size_t u = 0; u < COUNT_OF(unit_words); u++)
        for (size_t j = 0; j < m; j++) {
            unsigned char b = (unsigned char)unit_words[u].phrase[j];
            if (shift[b] > m - 1 - j)
                shift[b] = (uint8_t)(m - 1 - j);
        }
    for (size_t e = m - 1; e < n;) {
        size_t step = shift[(unsigned char)s[e]];
        if (step) {
            e += step;
            continue;
        }
        size_t i = e + 1 - m;
        for (size_t u = 0; u < COUNT_OF(unit_words); u++) {
            const unit_word *w = &unit_words[u];
            if (w->len <= n - i && memcmp(s + i, w->phrase, w->len) == 0)
                return true;
        }
        e++;
    }
    return false;
}

/* `từ đầu năm đến [hết|cuối] tháng 7/2022` at i: the months from January
 * to that month, as `7 tháng năm 2022` is. */
static size_t since_january_phrase(const char *s, size_t n, size_t i, period_ref *p)
{
    size_t j = MATCH_TABLE(s, n, i, since_january_words, NULL);
    if (j == NO_MATCH)
        return NO_MATCH;
    j = skip_blanks(s, n, j);
    size_t u = MATCH_TABLE(s, n, j, until_words, NULL);
    if (u != NO_MATCH)
        j = skip_blanks(s, n, u);
    size_t e = unit_phrase(s, n, j, p);
    if (e == NO_MATCH || p->kind != PK_MONTH)
        return NO_MATCH;
    int year = p->year;
    *p = months_from_january(p->n);
    p->year = year;
    return e;
}

/* `nửa đầu năm [2024]`, `nửa cuối năm`: a half of the year at i; `cả
 * năm [2024]`, the whole year. */
static size_t half_phrase(const char *s, size_t n, size_t i, period_ref *p)
{
    size_t idx, j = MATCH_TABLE(s, n, i, half_words, &idx);
    if (j == NO_MATCH)
        return NO_MATCH;
    int half = half_words[idx].half;
    *p = (period_ref){ .kind = half ? PK_HALF : PK_YEAR, .n = half };
    size_t e = year_suffix(s, n, j, &p->year);
    if (e != j)
        return e;
    size_t k = skip_blanks(s, n, j), u;
    size_t m = k > j ? MATCH_TABLE(s, n, k, unit_words, &u) : NO_MATCH;
    if (m == NO_MATCH || unit_words[u].unit != PU_YEAR)
        return NO_MATCH;   /* not `nửa đầu tháng` */
    size_t t = skip_blanks(s, n, m), y = t > m ? MATCH_TABLE(s, n, t, this_year_words, NULL) : NO_MATCH;
    return y != NO_MATCH ? y : m;   /* `nửa đầu năm nay`: the report's year, left unsaid */
}

/* A period phrase starting exactly at word start i, or false. */
static bool phrase_at(const char *s, size_t n, size_t i, period_ref *out)
{
    if ((i > 0 && utf8_is_word_byte((unsigned char)s[i - 1])) || !utf8_is_word_byte((unsigned char)s[i]))
        return false;
    if (i >= 2 && (s[i - 1] == ',' || s[i - 1] == '.') && utf8_is_digit(s[i - 2]))
        return false;   /* the decimals of `3,5 tháng` */
    period_ref p;
    size_t e = count_phrase(s, n, i, &p);
    if (e == NO_MATCH)
        e = since_january_phrase(s, n, i, &p);
    if (e == NO_MATCH)
        e = half_phrase(s, n, i, &p);
    if (e == NO_MATCH)
        e = unit_phrase(s, n, i, &p);
    if (e == NO_MATCH)
        return false;
    p.start = i;
    p.end = e;
    /* (a count opened by `tính chung`, `lũy kế` is a reporting period:
     * `tăng 4,3% so cùng kỳ và tính chung 9 tháng tăng 3,6%`) */
    p.compared = MATCH_TABLE(s, n, i, cumulative_words, NULL) == NO_MATCH &&
                 compared_before(s, i, p.kind, &p.comparison);
    if (!p.compared && (duration_before(s, i) || (p.kind == PK_MONTH && day_of_date_before(s, i)))) {
        p.compared = true;   /* `dưới 3 tháng`: a length of time; `ngày 16 tháng 6 năm 2025`: a date */
        p.comparison = false;
    }
    if (!p.compared && MATCH_TABLE(s, n, skip_blanks(s, n, e), span_tail_words, NULL) != NO_MATCH) {
        p.compared = true;   /* `từ năm 2014 đến nay`: a span looked back on, as after `kể từ` */
        p.comparison = false;
    }
    *out = p;
    return true;
}

bool period_next(const char *s, size_t n, size_t from, period_ref *out)
{
    size_t scanned = from;   /* starts before this were tried */
    while (scanned < n) {
        size_t h = next_head(s, n, scanned);
        if (h >= n)
            return false;
        size_t lo = h > HEAD_REACH && h - HEAD_REACH > scanned ? h - HEAD_REACH : scanned;
        for (size_t i = lo; i <= h; i++)
            if (phrase_at(s, n, i, out))
                return true;
        scanned = h + 1;
    }
    return false;
}

bool period_first(const char *s, size_t n, period_ref *out)
{
    period_ref p;
    for (size_t i = 0; period_next(s, n, i, &p); i = p.end)
        if (!p.compared) {
            *out = p;
            return true;
        }
    return false;
}

bool period_last(const char *s, size_t n, period_ref *out)
{
    bool found = false;
    period_ref p;
    for (size_t i = 0; period_next(s, n, i, &p); i = p.end)
        if (!p.compared) {
            *out = p;
            found = true;
        }
    return found;
}

int period_resolved_year(const period_ref *p, int year)
{
    if (p->year == PERIOD_YEAR_BEFORE)
        return year ? year - 1 : 0;
    return p->year ? p->year : year;
}

bool period_format(const period_ref *p, int year, char *buf, size_t cap)
{
    int y = period_resolved_year(p, year);
    if (y <= 0)
        return false;
    int w;
    switch (p->kind) {
    case PK_MONTH: w = snprintf(buf, cap, "%d-M%02d", y, p->n); break;
    case PK_QUARTER: w = snprintf(buf, cap, "%d-Q%d", y, p->n); break;
    case PK_HALF: w = snprintf(buf, cap, "%d-H%d", y, p->n); break;
    case PK_MONTHS: w = snprintf(buf, cap, "%d-01/%d-%02d", y, y, p->n); break;
    case PK_YEAR: w = snprintf(buf, cap, "%d", y); break;
    default: return false;
    }
    return w > 0 && (size_t)w < cap;
}

period_ref period_to_date(const period_ref *p)
{
    int months = p->kind == PK_MONTH ? p->n : p->kind == PK_QUARTER ? 3 * p->n
               : p->kind == PK_HALF ? 6 * p->n : p->kind == PK_MONTHS ? p->n
               : p->kind == PK_YEAR ? 12 : 0;
    period_ref r = { .kind = PK_NONE };
    if (months >= 1 && months <= 12)
        r = months_from_january(months);
    r.year = p->year;
    return r;
}

const char *period_doc_kind(const period_ref *p)
{
    switch (p->kind) {
    case PK_MONTH: return "monthly";
    case PK_QUARTER: return "quarterly";
    case PK_HALF: return "half_year";
    case PK_MONTHS: return "year_to_date";
    default: return "annual";
    }
}

/* Does any phrase of the table occur in s[0..n) as whole words? */
static bool has_any(const char *s, size_t n, const char *const *first, size_t stride, size_t count)
{
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || !utf8_is_word_byte((unsigned char)s[i - 1])) &&
            match_table(s, n, i, first, stride, count, NULL) != NO_MATCH)
            return true;
    return false;
}

#define HAS_ANY(s, n, t) has_any(s, n, &(t)[0].phrase, sizeof *(t), COUNT_OF(t))

static bool names_year(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || !utf8_is_word_byte((unsigned char)s[i - 1])) && period_year_at(s, n, i))
            return true;
    return false;
}

/* A plan word at i (`kế hoạch`, `chỉ tiêu`): the end of the longest
 * PLAN_TITLE, PLAN_TITLE_NOT or PLAN_TITLE_DATED phrase there (*plan says
 * whether it plans in the title s[0..n)), or NO_MATCH. */
static size_t plan_title_word_at(const char *s, size_t n, size_t i, bool *plan)
{
    size_t idx, e = MATCH_TABLE(s, n, i, plan_title_words, &idx);
    *plan = e != NO_MATCH && plan_title_words[idx].plan && (!plan_title_words[idx].dated || names_year(s, n));
    return e;
}

bool period_plan_title(const char *s, size_t n)
{
    bool plan = false;
    for (size_t i = 0; i < n && !plan; i++) {
        if (i > 0 && utf8_is_word_byte((unsigned char)s[i - 1]))
            continue;
        size_t e = plan_title_word_at(s, n, i, &plan);
        if (e != NO_MATCH && !plan)
            i = e - 1;   /* `Một số chỉ tiêu`: its `chỉ tiêu` plans nothing */
    }
    return plan && !HAS_ANY(s, n, achieved_title_words);
}

bool period_opens_plan_title(const char *s, size_t n)
{
    bool plan;
    return plan_title_word_at(s, n, 0, &plan) != NO_MATCH && plan;
}

/* `27/10/2023`, `11-12-2023`, `27.03.2018` at i: day, month, year. */
/* The separator of a date's parts at e: `/`, `-`, `.`, or, on a date line
 * (spaced), ` - ` as news pages print it (`22 - 03 - 2016`); its length. */
static size_t date_separator(const char *s, size_t n, size_t e, bool spaced)
{
    if (e < n && (s[e] == '/' || s[e] == '-' || s[e] == '.'))
        return 1;
    if (spaced && e + 2 < n && s[e] == ' ' && s[e + 1] == '-' && s[e + 2] == ' ')
        return 3;
    return 0;
}

/* `02 tháng 12 2019`, `9 tháng 3 năm 2017` at i: a date with its month
 * word, as web pages print it after the weekday. */
static size_t date_in_words(const char *s, size_t n, size_t i, int *d, int *m, int *y)
{
    size_t idx, e = small_number(s, n, i, d);
    size_t j = e == NO_MATCH ? e : skip_blanks(s, n, e);
    size_t u = j != NO_MATCH && j > e ? MATCH_TABLE(s, n, j, unit_words, &idx) : NO_MATCH;
    if (u == NO_MATCH || unit_words[idx].unit != PU_MONTH)
        return NO_MATCH;
    size_t k = skip_blanks(s, n, u);
    size_t f = k > u ? small_number(s, n, k, m) : NO_MATCH;
    if (f == NO_MATCH)
        return NO_MATCH;
    size_t g = skip_blanks(s, n, f);
    size_t w = MATCH_TABLE(s, n, g, unit_words, &idx);
    if (w != NO_MATCH && unit_words[idx].unit == PU_YEAR)
        g = skip_blanks(s, n, w);   /* `năm 2017` */
    if (g == f || !(*y = period_year_at(s, n, g)) || *d < 1 || *d > 31 || *m < 1 || *m > 12)
        return NO_MATCH;
    return g + 4;
}

static size_t date_at(const char *s, size_t n, size_t i, bool spaced, int *d, int *m, int *y)
{
    size_t e = small_number(s, n, i, d);
    size_t sep = e == NO_MATCH ? 0 : date_separator(s, n, e, spaced);
    if (!sep)
        return NO_MATCH;
    size_t f = small_number(s, n, e + sep, m);
    if (f == NO_MATCH || date_separator(s, n, f, spaced) != sep || memcmp(s + e, s + f, sep) != 0 ||
        !(*y = period_year_at(s, n, f + sep)))
        return NO_MATCH;
    if (*d < 1 || *d > 31 || *m < 1 || *m > 12)
        return NO_MATCH;
    return f + sep + 4;
}

/* A date line's date in the English order some sites print (`11/28/2019`):
 * read so only when the day-first order cannot be a date. */
static size_t month_first_date_at(const char *s, size_t n, size_t i, int *d, int *m, int *y)
{
    size_t e = small_number(s, n, i, m);
    size_t f = e != NO_MATCH && e < n && s[e] == '/' ? small_number(s, n, e + 1, d) : NO_MATCH;
    if (f == NO_MATCH || f >= n || s[f] != '/' || !(*y = period_year_at(s, n, f + 1)))
        return NO_MATCH;
    return *m >= 1 && *m <= 12 && *d > 12 && *d <= 31 ? f + 5 : NO_MATCH;
}

/* How many words of a byline may stand before a date line's date
 * (`Thanh An 06/12/2023 - 16:15`, `Minh Anh | 03/07/2025`). */
enum { BYLINE_WORDS = 4 };

/* Is there a time `hh:mm` in s[i..n)? */
static bool time_after(const char *s, size_t n, size_t i)
{
    for (; i + 2 < n; i++)
        if (s[i] == ':' && utf8_is_digit(s[i - 1]) && utf8_is_digit(s[i + 1]))
            return true;
    return false;
}

/* A date-line word glued to the time after it (`cập nhật lúc17:38`): its
 * end, else NO_MATCH. */
static size_t glued_date_word(const char *s, size_t n, size_t i)
{
    for (size_t k = 0; k < COUNT_OF(date_line_words); k++) {
        size_t L = strlen(date_line_words[k].phrase);
        if (i + L < n && memcmp(s + i, date_line_words[k].phrase, L) == 0 && utf8_is_digit(s[i + L]))
            return i + L;
    }
    return NO_MATCH;
}

bool period_date_line(const char *s, size_t n, char *buf, size_t cap)
{
    if (n > 80 || cap < 11)
        return false;
    int d = 0, m = 0, y = 0;
    bool dated = false, bar = false, bar_after_date = false, cue = false;
    size_t byline = 0;
    for (size_t i = 0; i < n;) {
        size_t e = NO_MATCH;
        if (!dated && (i == 0 || !utf8_is_digit(s[i - 1])) && utf8_is_digit(s[i]) &&
            ((e = date_at(s, n, i, true, &d, &m, &y)) != NO_MATCH ||
             (e = month_first_date_at(s, n, i, &d, &m, &y)) != NO_MATCH ||
             (e = date_in_words(s, n, i, &d, &m, &y)) != NO_MATCH)) {
            dated = true;
            i = e;
            continue;
        }
        if ((i == 0 || !utf8_is_word_byte((unsigned char)s[i - 1])) &&
            ((e = MATCH_TABLE(s, n, i, date_line_words, NULL)) != NO_MATCH ||
             (e = glued_date_word(s, n, i)) != NO_MATCH)) {
            i = e;
            cue = true;
            continue;
        }
        bar |= s[i] == '|';
        bar_after_date |= dated && s[i] == '|';
        /* (`08:30' - 12/09/2022`: a minute's mark) */
        if (!strchr("0123456789:/-.,|+()[]' \t\r", s[i]) && dash_at(s, n, i) == NO_MATCH) {
            if (bar_after_date)
                break;          /* `15/08/2022 | Tác giả: … Lượt xem: 88`: the page's byline */
            if (dated || byline == BYLINE_WORDS || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '('))
                return false;   /* words of a sentence: not a date line */
            byline++;           /* a name before the date */
            while (i < n && s[i] != ' ')
                i++;
            continue;
        }
        i = dash_at(s, n, i) != NO_MATCH ? dash_at(s, n, i) : i + 1;
    }
    /* a byline (or a section's name: `Thời sự - Ngày đăng : 10:15,
     * 07/12/2023`) only before a date printed with its time (before or
     * after it: `Minh Anh - 14:20, 03/10/2023`), after a bar or after a
     * date-line word */
    if (!dated || (byline && !bar && !cue && !time_after(s, n, 1)))
        return false;
    snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
    return true;
}

/* Months since year 0 of the last month a period covers. */
int period_end_month(const period_ref *p)
{
    switch (p->kind) {
    case PK_MONTH: return p->n;
    case PK_QUARTER: return p->n * 3;
    case PK_HALF: return p->n * 6;
    case PK_MONTHS: return p->n;
    case PK_YEAR: return 12;
    default: return 0;
    }
}

static int last_month(const period_ref *p, int year)
{
    int y = p->year ? p->year : year, m = period_end_month(p);
    return y * 12 + (m ? m : 12) - 1;
}

/* How many months a period spans (a year: 12). */
static int span_months(const period_ref *p)
{
    switch (p->kind) {
    case PK_MONTH: return 1;
    case PK_QUARTER: return 3;
    case PK_HALF: return 6;
    case PK_MONTHS: return p->n;
    default: return 12;
    }
}

bool period_baseline(const period_ref *compared_as_said, const period_ref *current, int year,
                     char *buf, size_t cap)
{
    period_ref said = *compared_as_said;
    if (said.year == PERIOD_YEAR_BEFORE)
        said.year = period_resolved_year(&said, year);   /* `so với 9 tháng năm trước` */
    const period_ref *compared = &said;
    if (compared->kind == PK_NONE || compared->kind == PK_YEAR || !year)
        return false;
    int cy = compared->year ? compared->year : year;
    if (compared->kind == PK_MONTH && compared->n == 12 && (cy == year - 1 || !compared->year)) {
        snprintf(buf, cap, "year_end:%d", year - 1);
        return true;
    }
    if (compared->year == year - 1 && compared->kind != PK_MONTH && compared->kind != current->kind) {
        /* `so với 6 tháng đầu năm 2017` in a June 2018 release: the span
         * the value is about is the document's other view of its period
         * (its half, quarter, months so far), a year earlier */
        snprintf(buf, cap, "same_period_last_year");
        return true;
    }
    period_ref year_end_part;
    if (current->kind == PK_YEAR && (compared->kind == PK_MONTH || compared->kind == PK_QUARTER)) {
        /* `CPI tháng 12 tăng 0,12% so với tháng 11` in a year's report
         * speaks of the year's last month (quarter) */
        year_end_part = (period_ref){ .kind = compared->kind, .n = compared->kind == PK_MONTH ? 12 : 4,
                                      .year = current->year };
        current = &year_end_part;
    }
    if (current->kind == PK_NONE || current->kind == PK_YEAR)
        return false;
    int cur = last_month(current, year), was = last_month(compared, year);
    const char *code = NULL;
    if (span_months(compared) == span_months(current) && compared->kind == current->kind) {
        if (was == cur - span_months(current))
            code = "previous_period";
        else if (was == cur - 12)
            code = "same_period_last_year";
    } else if (compared->kind == PK_MONTH) {
        /* a month compared in a quarterly or cumulative release speaks of
         * the release's last month: `so tháng 3/2016` in a report of 4
         * months of 2016, `so với tháng 8/2021` in one of 8 months of 2022 */
        if (was == cur - 1)
            code = "previous_period";
        else if (was == cur - 12)
            code = "same_period_last_year";
    }
    if (!code)
        return false;
    snprintf(buf, cap, "%s", code);
    return true;
}

size_t period_lead_length(const char *s, size_t n)
{
    size_t e = MATCH_TABLE(s, n, 0, comparand_leads, NULL);
    size_t k = e == NO_MATCH ? 0 : skip_blanks(s, n, e);
    e = MATCH_TABLE(s, n, k, cumulative_words, NULL);
    return e == NO_MATCH ? k : skip_blanks(s, n, e);
}

size_t period_year_end_date(const char *s, size_t n, int *year)
{
    size_t i = MATCH_TABLE(s, n, 0, date_leads, NULL);
    i = i == NO_MATCH ? 0 : skip_blanks(s, n, i);
    int d = 0, m = 0, y = 0;
    size_t e = utf8_is_digit(s[i]) ? date_at(s, n, i, false, &d, &m, &y) : NO_MATCH;
    if (e == NO_MATCH || d != 31 || m != 12)
        return 0;
    *year = y;
    return e;
}

/* Does the year at i close a span (`nhiệm kỳ 2020 - 2025`, `2021–2025`)?
 * Then it is no more the reporting year than the span's first year. */
static bool closes_year_span(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
        j--;
    size_t d = NO_MATCH;
    if (j >= 1 && s[j - 1] == '-')
        d = j - 1;
    else if (j >= 3 && dash_at(s, j, j - 3) == j)
        d = j - 3;
    if (d == NO_MATCH)
        return false;
    while (d > 0 && (s[d - 1] == ' ' || s[d - 1] == '\t'))
        d--;
    return d >= 4 && period_year_at(s, d, d - 4) != 0;
}

int period_first_date_year(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!utf8_is_digit(s[i]) || (i > 0 && (utf8_is_digit(s[i - 1]) || utf8_is_word_byte((unsigned char)s[i - 1]))))
            continue;
        int d, m, y;
        if (date_at(s, n, i, false, &d, &m, &y) != NO_MATCH && y)
            return y;
    }
    return 0;
}

int period_plain_year(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (utf8_is_digit(s[i - 1]) || utf8_is_word_byte((unsigned char)s[i - 1])))
            continue;
        int y = period_year_at(s, n, i);
        if (!y)
            continue;
        size_t d = dash_at(s, n, skip_blanks(s, n, i + 4));
        bool span = d != NO_MATCH && period_year_at(s, n, skip_blanks(s, n, d));
        bool comparison;
        if (!span && !(i >= 1 && (s[i - 1] == '-' || s[i - 1] == '/')) && !closes_year_span(s, i) &&
            !compared_before(s, i, PK_YEAR, &comparison))
            return y;
    }
    return 0;
}
