/*
 * metadata.c — document metadata from the first lines and the part headings
 * (see metadata.h). Province names and header words are tables
 * (metadata.def), period words too (period.def, through period.h).
 */
#include "metadata.h"
#include "period.h"
#include "utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The 63 provinces and centrally-run cities, as written in reports. */
static const char *const provinces[] = {
#define PROVINCE(name) name,
#include "metadata.def"
#undef PROVINCE
};
/* Other ways reports write them (`Dak Lak`), read as the row's name. */
static const struct province_spelling {
    const char *spelling, *name;
} province_spellings[] = {
#define PROVINCE_SPELLING(spelling, name) { spelling, name },
#include "metadata.def"
#undef PROVINCE_SPELLING
};
enum {
    N_PROVINCES = sizeof provinces / sizeof *provinces,
    N_PROVINCE_FORMS = N_PROVINCES + sizeof province_spellings / sizeof *province_spellings,
};

/* Form i of a province name: the names first, then the other spellings. */
static const char *province_form(size_t i)
{
    return i < N_PROVINCES ? provinces[i] : province_spellings[i - N_PROVINCES].spelling;
}

/* The province that form i names. */
static const char *province_of_form(size_t i)
{
    return i < N_PROVINCES ? provinces[i] : province_spellings[i - N_PROVINCES].name;
}

size_t meta_province_at(const char *s, size_t n)
{
    size_t best = 0;
    for (size_t i = 0; i < N_PROVINCE_FORMS; i++) {
        const char *f = province_form(i);
        size_t l = strlen(f);
        if (l > best && l <= n && memcmp(s, f, l) == 0 &&
            (l == n || !utf8_is_word_byte((unsigned char)s[l])))
            best = l;
    }
    return best;
}

/* The header words of metadata.def, by kind. */
enum meta_word_kind {
    MW_PROVINCE_LEAD, MW_NUMBER_LABEL, MW_DATE_LEAD, MW_DATE_PATTERN,
    MW_TITLE, MW_FIRST_PART, MW_PLAN_TITLE, MW_ISSUER, MW_LOCAL_UNIT, MW_OTHER_PLACE,
};
static const struct meta_word {
    enum meta_word_kind kind;
    const char *phrase;
} meta_words[] = {
#define META_WORD(kind, phrase) { kind, phrase },
#include "metadata.def"
#undef META_WORD
};

/* The phrase of a kind that has one row. */
static const char *meta_word(enum meta_word_kind kind)
{
    for (size_t i = 0; i < sizeof meta_words / sizeof *meta_words; i++)
        if (meta_words[i].kind == kind)
            return meta_words[i].phrase;
    return "";   /* not reached: metadata.def has a row of every kind */
}

/* Does the lower-cased text hold a phrase of this kind? */
static bool has_meta_word(const char *lower, enum meta_word_kind kind)
{
    for (size_t i = 0; i < sizeof meta_words / sizeof *meta_words; i++)
        if (meta_words[i].kind == kind && strstr(lower, meta_words[i].phrase))
            return true;
    return false;
}

/* How many of max ints a pattern of metadata.def (bytes matched as they
 * are, a space matching any run of white space, %d an int) reads from s:
 * what sscanf returns for it as a format, which a table's string cannot
 * be (-Wformat-nonliteral). */
static int scan_pattern(const char *s, const char *pat, int *v, int max)
{
    int got = 0;
    for (; *pat; pat++) {
        if (*pat == ' ') {
            while (isspace((unsigned char)*s))
                s++;
        } else if (pat[0] == '%' && pat[1] == 'd') {
            if (got == max)
                return got;
            char *end;
            long x = strtol(s, &end, 10);
            if (end == s)
                return got;
            v[got++] = (int)x;   /* what sscanf stores, out of range too */
            s = end;
            pat++;
        } else if (*s++ != *pat) {
            return got;
        }
    }
    return got;
}

/* How many lines from the top hold the header, title and period. */
enum { HEADER_LINES = 40, HEADER_BYTES = 32 * 1024 };

/* Lower-cased copy of the first lines (the header area) of the text. */
static char *header_lower(const char *text, size_t len, size_t lines, size_t *out_len, size_t *in_len)
{
    size_t end = 0, count = 0;
    while (end < len && count < lines) {
        const char *nl = memchr(text + end, '\n', len - end);
        end = nl ? (size_t)(nl - text) + 1 : len;
        count++;
    }
    if (end > HEADER_BYTES)   /* 40 "lines" of one endless line are no header */
        end = HEADER_BYTES;
    size_t cap = end * 2 + 16;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    *out_len = utf8_lower(text, end, buf, cap);
    *in_len = end;
    return buf;
}

/* How often each province follows "tỉnh " in the lower-cased text (up to
 * its first NUL, as a C string): one pass over the occurrences of "tỉnh ",
 * not one search per province. memchr and memcmp with lengths keep the
 * pass linear under sanitizers too (their strstr measures the rest of the
 * haystack at every call). */
static void count_provinces(const char *lower, size_t *counts)
{
    enum { N = N_PROVINCE_FORMS };
    const char *tinh = meta_word(MW_PROVINCE_LEAD);
    const size_t tl = strlen(tinh);
    char names[N][64];
    size_t lens[N];
    for (size_t i = 0; i < N; i++)
        lens[i] = utf8_lower(province_form(i), strlen(province_form(i)), names[i], sizeof names[i]);
    const char *end = lower + strlen(lower);
    for (const char *p = lower; (p = memchr(p, tinh[0], (size_t)(end - p))) != NULL; p++) {
        if ((size_t)(end - p) < tl || memcmp(p, tinh, tl) != 0)
            continue;
        const char *after = p + tl;
        for (size_t i = 0; i < N; i++)
            if ((size_t)(end - after) >= lens[i] && memcmp(after, names[i], lens[i]) == 0)
                counts[i]++;
    }
}

/* Does a MW_LOCAL_UNIT word end at h + p (`xã ` before `long an`)? */
static bool after_local_unit(const char *h, size_t p)
{
    for (size_t k = 0; k < sizeof meta_words / sizeof *meta_words; k++) {
        size_t l = strlen(meta_words[k].phrase);
        if (meta_words[k].kind == MW_LOCAL_UNIT && l <= p && memcmp(h + p - l, meta_words[k].phrase, l) == 0)
            return true;
    }
    return false;
}

/* Does a MW_OTHER_PLACE word stand before h + p in its sentence (back to
 * the last `.`, `;` or line, at most OTHER_PLACE_REACH bytes: `sau thành
 * phố Hải Phòng, Hưng Yên, …` lists several)? */
static bool after_other_place(const char *h, size_t p)
{
    enum { OTHER_PLACE_REACH = 64 };
    size_t from = p;
    while (from > 0 && p - from < OTHER_PLACE_REACH && !strchr(".;\n", h[from - 1]))
        from--;
    for (size_t k = 0; k < sizeof meta_words / sizeof *meta_words; k++) {
        if (meta_words[k].kind != MW_OTHER_PLACE)
            continue;
        size_t l = strlen(meta_words[k].phrase);
        for (size_t q = from; q + l <= p; q++)
            if ((q == 0 || h[q - 1] == ' ' || strchr(".,;\n", h[q - 1])) && memcmp(h + q, meta_words[k].phrase, l) == 0)
                return true;
    }
    return false;
}

/* Is the name h[p, p + n) written as a name: a capital letter in it in
 * orig, the text h lowers byte for byte (`Thái Bình`, `HÒA BÌNH`,
 * `thành phố Huế`, not `trạng thái bình thường`, `giữ vững hòa bình`)?
 * Also when glued to other letters, as in a site's name (`kontumtv.vn`),
 * and always when orig is NULL (lowering changed some lengths: no
 * byte-for-byte view). */
static bool written_as_name(const char *orig, const char *h, size_t p, size_t n)
{
    bool glued = (p > 0 && utf8_is_word_byte((unsigned char)h[p - 1])) ||
                 utf8_is_word_byte((unsigned char)h[p + n]);
    return !orig || glued || memcmp(orig + p, h + p, n) != 0;
}

/* Where each of the n names first occurs in h[0..hn), or NULL: one pass
 * over h that tries, at each byte, only the names whose first two bytes
 * hash as the two bytes there do (the same answers as a strstr per name,
 * for a fraction of its work over the several dozen names). orig: h before
 * lowering, or NULL (see written_as_name). */
static void first_occurrences(const char *h, size_t hn, const char *orig, char (*names)[64],
                              const size_t *lens, size_t n, const char **hits)
{
    enum { NO_NAME = 0xFFFF };
    _Static_assert((int)N_PROVINCE_FORMS < (int)NO_NAME, "name indexes fit in 16 bits");
    uint16_t head[256], next[N_PROVINCE_FORMS];
    memset(head, 0xFF, sizeof head);
    size_t left = 0;
    for (size_t i = n; i-- > 0;) {
        hits[i] = NULL;
        if (lens[i] < 2) {   /* never: no province is named in one byte */
            hits[i] = strstr(h, names[i]);
            continue;
        }
        unsigned b = ((unsigned char)names[i][0] * 31u + (unsigned char)names[i][1]) & 255u;
        next[i] = head[b];
        head[b] = (uint16_t)i;
        left++;
    }
    for (size_t p = 0; left && p + 1 < hn; p++) {
        unsigned b = ((unsigned char)h[p] * 31u + (unsigned char)h[p + 1]) & 255u;
        for (uint16_t i = head[b]; i != NO_NAME; i = next[i])
            if (!hits[i] && lens[i] <= hn - p && memcmp(h + p, names[i], lens[i]) == 0 &&
                !after_local_unit(h, p) && !after_other_place(h, p) && written_as_name(orig, h, p, lens[i])) {
                hits[i] = h + p;
                left--;
            }
    }
}

/* Is the first province the header names (at first_pos, below the title
 * line) one of PLACES_IN_A_LIST or more its sentence names? Then the
 * sentence lists places (`gồm: Nam Định (95,2%), Thái Bình (97,1%) và Hà
 * Nam`, a ranking, a regional round-up) and names no report's place. */
static bool names_many_places(const char *h, const char *const *hits, size_t first_pos)
{
    enum { PLACES_IN_A_LIST = 3 };
    const char *nl = strchr(h, '\n');
    if (!nl || first_pos < (size_t)(nl - h))
        return false;
    size_t end = first_pos;
    while (h[end] && !strchr(".?!\n", h[end]))
        end++;
    size_t places = 0;
    for (size_t i = 0; i < N_PROVINCE_FORMS; i++) {
        bool in_sentence = hits[i] && (size_t)(hits[i] - h) >= first_pos && (size_t)(hits[i] - h) < end;
        bool counted = false;   /* (spellings of one province count once) */
        for (size_t k = 0; k < i && in_sentence && !counted; k++)
            counted = hits[k] && province_of_form(k) == province_of_form(i);
        places += in_sentence && !counted;
    }
    return places >= PLACES_IN_A_LIST;
}

static const char *find_province(const char *lower_header, size_t hlen, size_t header_len,
                                 const char *text, size_t len, vnr_arena *arena)
{
    /* prefer "tỉnh X" in the header, then any province named in the header,
     * then the most frequent "tỉnh X" in the whole text */
    char names[N_PROVINCE_FORMS][64];
    size_t lens[N_PROVINCE_FORMS];
    const char *hits[N_PROVINCE_FORMS];
    const char *lead = meta_word(MW_PROVINCE_LEAD);
    size_t best = (size_t)-1, best_pos = (size_t)-1;
    bool best_lead = false;   /* named after `tỉnh` */
    for (size_t i = 0; i < N_PROVINCE_FORMS; i++)
        lens[i] = utf8_lower(province_form(i), strlen(province_form(i)), names[i], sizeof names[i]);
    first_occurrences(lower_header, strlen(lower_header), header_len == hlen ? text : NULL, names, lens,
                      N_PROVINCE_FORMS, hits);
    for (size_t i = 0; i < N_PROVINCE_FORMS; i++) {
        /* "tỉnh X" cannot start before the first X minus "tỉnh ": search
         * for X first (most provinces are not named at all) */
        const char *hit = hits[i];
        if (hit) {
            char pat[80];
            snprintf(pat, sizeof pat, "%s%s", lead, names[i]);
            size_t back = strlen(lead);
            const char *tinh = strstr((size_t)(hit - lower_header) >= back ? hit - back : lower_header, pat);
            if (tinh && tinh < hit)
                hit = tinh;   /* (a later `tỉnh X` does not move X's first mention back) */
        }
        if (hit && (size_t)(hit - lower_header) < best_pos) {
            best_pos = (size_t)(hit - lower_header);
            best = i;
            best_lead = hit != hits[i];
        }
    }
    if (best != (size_t)-1 && !best_lead && names_many_places(lower_header, hits, best_pos))
        best = (size_t)-1;   /* `Năm 2025, Sơn La: 8%; Lai Châu: 9%; …`: a list, no report's place */
    if (best == (size_t)-1) {
        size_t counts[N_PROVINCE_FORMS] = { 0 };
        size_t cap = len * 2 + 16;
        char *all = malloc(cap);
        if (!all) {
            arena_mark_failed(arena);
            return NULL;
        }
        utf8_lower(text, len, all, cap);
        count_provinces(all, counts);
        size_t top = 0;
        for (size_t i = 0; i < N_PROVINCE_FORMS; i++) {
            if (counts[i] > top) {
                top = counts[i];
                best = i;
            }
        }
        free(all);
    }
    return best == (size_t)-1 ? NULL : arena_strdup(arena, province_of_form(best));
}

/* "Số: 765/BC-UBND", "Số: 350 /BC-UBND" → "765/BC-UBND". */
static const char *find_number(const char *lh, vnr_arena *arena)
{
    const char *label = meta_word(MW_NUMBER_LABEL);
    const char *p = strstr(lh, label);
    if (!p || (p != lh && p[-1] != '\n'))
        return NULL;
    p += strlen(label);
    while (*p == ' ')
        p++;
    char out[64];
    size_t o = 0;
    while (*p && *p != '\n' && o + 4 < sizeof out) {
        if (*p != ' ')
            out[o++] = *p;
        p++;
    }
    out[o] = '\0';
    if (!o || !utf8_is_digit(out[0]) || !strchr(out, '/'))
        return NULL;
    /* upper-case the letter code back */
    vnr_buf b = { 0 };
    size_t i = 0;
    while (i < o) {
        uint32_t cp = utf8_next(out, o, &i);
        if (!buf_append_utf8(&b, (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp))) {
            arena_mark_failed(arena);
            buf_free(&b);
            return NULL;
        }
    }
    const char *r = b.data ? arena_strdup(arena, b.data) : NULL;
    buf_free(&b);
    return r;
}

/* "…, ngày 16 tháng 11 năm 2023" → "2023-11-16". */
static const char *find_date(const char *lh, vnr_arena *arena)
{
    const char *lead = meta_word(MW_DATE_LEAD), *pattern = meta_word(MW_DATE_PATTERN);
    for (const char *p = strstr(lh, lead); p; p = strstr(p + 1, lead)) {
        int dmy[3];
        if (scan_pattern(p, pattern, dmy, 3) < 3)
            continue;
        int d = dmy[0], m = dmy[1], y = dmy[2];
        if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1900 && y <= 2100) {
            char iso[16];
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
            return arena_strdup(arena, iso);
        }
    }
    return NULL;
}

/* The reporting year when the text says it only in passing: the first
 * period phrase with a year (`tháng 7/2022`, `năm 2024`), else one year
 * after the first year a value is compared with (`so với cùng kỳ năm
 * 2010` in an 11-month release of 2011), else the first year that is no
 * price base or term. */
static int infer_year(const char *lower, size_t n)
{
    period_ref p;
    int compared = 0, compared_part = 0, same_year = 0, named = 0, own_end = 0;
    for (size_t i = 0; period_next(lower, n, i, &p); i = p.end) {
        if (!p.compared && !own_end)
            own_end = period_end_month(&p);   /* the title's period, its year said or not */
        if (p.year > 0 && !p.compared && !named)
            named = p.year;
        /* (not `giá so sánh năm 2010`) */
        if (p.year <= 0 || !p.comparison)
            continue;
        /* a part of a year compared may be an earlier part of the same year
         * (`tháng 4/2019 … so với tháng 3/2019`, `9 tháng … so mức tăng nửa
         * đầu năm 2025`): it says the year before only when it ends no
         * earlier than the report's own period (`8 tháng … so với tháng
         * 8/2021`), and only when nothing else does */
        bool part = p.kind != PK_YEAR;
        bool earlier = part && own_end && period_end_month(&p) < own_end;
        if (earlier && !same_year)
            same_year = p.year;
        else if (part && !earlier && !compared_part)
            compared_part = p.year + 1;
        else if (!part && !compared)
            compared = p.year + 1;
    }
    /* a comparison with the year before says more than a year named in
     * passing before it (`Đặc biệt, năm 2021, tỉnh thu hút …; … so với
     * cùng kỳ năm 2022` is a report of 2023) */
    if (named || compared)
        return named > compared ? named : compared;
    if (compared_part || same_year)
        return compared_part ? compared_part : same_year;
    return period_plain_year(lower, n);
}

/* Reporting period and kind from the first period a lower-cased title
 * names; `year` is the document's year where the title leaves it unsaid. */
static bool period_from_title(const char *t, size_t n, int year, bool title, vnr_arena *arena,
                              doc_meta *m)
{
    period_ref p;
    char buf[32];
    if (!period_first(t, n, &p))
        return false;
    if (!period_format(&p, year, buf, sizeof buf)) {
        if (title && !m->kind)   /* `6 nhóm hàng tăng giá trong tháng 5`: the kind, no year to date it */
            m->kind = period_doc_kind(&p);
        return false;
    }
    m->period = arena_strdup(arena, buf);
    m->kind = period_doc_kind(&p);
    m->year = period_resolved_year(&p, year);
    m->period_kind = (int)p.kind;
    m->period_n = p.n;
    return m->period != NULL;
}

/* Does the title's first line quote a percentage (`Ninh Bình: Mục tiêu
 * xuyên suốt là tăng trưởng 12%`)? Unless it opens with its plan word,
 * it is then a news headline about a goal, not the title of a plan or
 * resolution: the body reports results too, and its goals carry their
 * own cue words. (Lines after the first may be the plan's first items.) */
static bool headline_with_percent(const char *t, size_t len)
{
    const char *eol = memchr(t, '\n', len);
    return memchr(t, '%', eol ? (size_t)(eol - t) : len) != NULL;
}

/* Header lines are short; the first line longer than this is body text,
 * where `tình hình` no longer announces a title. */
enum { BODY_LINE_BYTES = 250 };

/* The title: the first header line that speaks of the situation or plan,
 * joined with a continuation line ("– an ninh năm 2023; …"); failing
 * that, the first non-empty line when it is short (a web page's headline). */
static const char *find_title(const char *text, size_t len, size_t *title_line_end)
{
    size_t ls = 0, lines = 0;
    const char *first = NULL;
    size_t first_end = 0;
    while (ls < len && lines < HEADER_LINES) {
        const char *nl = memchr(text + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - text) : len;
        if (le - ls > BODY_LINE_BYTES)
            break;
        char low[256], iso[16];
        size_t n = utf8_lower(text + ls, le - ls < 200 ? le - ls : 200, low, sizeof low);
        /* (a sentence of the body under a web page's headline is none:
         * `Báo cáo tình hình kinh tế - xã hội tháng 8/2023 … tăng khá.`) */
        bool sentence = first && le > ls && text[le - 1 - (text[le - 1] == '\r')] == '.';
        if (has_meta_word(low, MW_TITLE) && !sentence) {
            *title_line_end = le;
            return text + ls;
        }
        /* a web page's date line above its headline is no title */
        if (!first && strspn(low, " \t\r") < n && !period_date_line(low, n, iso, sizeof iso)) {
            first = text + ls;
            first_end = le;
        }
        lines++;
        ls = le + 1;
    }
    if (first) {
        *title_line_end = first_end;
        return first;
    }
    return NULL;
}

/* Blanks the date lines of the lowered header h[0..n) (`ngày 06 tháng
 * 01 năm 2022` under a headline): a page's date names no period it
 * reports on. */
static void blank_date_lines(char *h, size_t n)
{
    for (size_t ls = 0; ls < n;) {
        char *nl = memchr(h + ls, '\n', n - ls);
        size_t le = nl ? (size_t)(nl - h) : n;
        char iso[16];
        if (le > ls && period_date_line(h + ls, le - ls, iso, sizeof iso))
            memset(h + ls, ' ', le - ls);
        ls = le + 1;
    }
}

/* `08:45 12/01/2024 Năm 2023, giá trị …`: a web page's time stamp (a
 * clock time and a date, nothing else) opening the line of its lead; its
 * length, 0 when the line opens with none. */
static size_t stamp_before_lead(const char *line, size_t n)
{
    size_t k = 0;
    while (k < n && strchr("0123456789:/-. \t", line[k]))
        k++;
    while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'))
        k--;
    return k >= 10 && k < n && memchr(line, ':', k) && memchr(line, '/', k) ? k : 0;
}


/* A date line at the top of a web page (`Thứ sáu - 27/10/2023 03:14`). */
static const char *find_date_line(const char *text, size_t len, vnr_arena *arena)
{
    size_t ls = 0;
    for (int lines = 0; ls < len && lines < 8; lines++) {
        const char *nl = memchr(text + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - text) : len;
        char low[256], iso[16];
        size_t stamp = stamp_before_lead(text + ls, le - ls);
        if (le - ls < 128 || stamp) {
            size_t n = utf8_lower(text + ls, stamp ? stamp : le - ls, low, sizeof low);
            if (period_date_line(low, n, iso, sizeof iso))
                return arena_strdup(arena, iso);
        }
        ls = le + 1;
    }
    return NULL;
}

static const char *title_string(const char *text, size_t len, const char *start,
                                size_t line_end, vnr_arena *arena)
{
    vnr_buf b = { 0 };
    bool ok = buf_append(&b, start, (size_t)(text + line_end - start));
    /* continuation after a blank line or directly: starts with lower case,
     * or with a dash before lower case (`– an ninh năm 2023`; `- Thu nhập
     * …` is the first item of a list) */
    size_t k = line_end;
    while (k < len && text[k] == '\n')
        k++;
    if (k < len && k - line_end <= 2) {
        size_t i = k;
        uint32_t cp = utf8_next(text, len, &i);
        if (cp == 0x2013 || cp == '-') {
            while (i < len && (text[i] == ' ' || text[i] == '\t'))
                i++;
            cp = i < len ? utf8_next(text, len, &i) : 0;
        }
        bool cont = utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
        const char *nl = memchr(text + k, '\n', len - k);
        size_t e = nl ? (size_t)(nl - text) : len;
        if (cont && e - k < 300) {
            ok = ok && buf_append_char(&b, ' ') && buf_append(&b, text + k, e - k);
        }
    }
    if (!ok)
        arena_mark_failed(arena);
    const char *r = ok && b.data ? arena_strdup(arena, b.data) : NULL;
    buf_free(&b);
    return r;
}

enum { MAX_PLAN_PARTS = 64 };

/* Does the title name `year` (`… năm 2020; các chỉ tiêu … năm 2021`)? */
static bool title_names_year(const char *title, int year)
{
    char digits[16];
    snprintf(digits, sizeof digits, "%d", year);
    return title && strstr(title, digits) != NULL;
}

/* Year of the plan part opened at block i ("Phần thứ hai" + "KẾ HOẠCH … NĂM
 * 2024" on the same or a following line; or a Roman-numbered heading of
 * the plan for a year after the report's that its title names too, `II.
 * Các chỉ tiêu … năm 2021` under `Thành tựu … năm 2020; các chỉ tiêu …
 * năm 2021`), or 0 when it is none. */
static int plan_part_year(const char *text, const segmentation *seg, size_t i, const doc_meta *m)
{
    const block *b = &seg->blocks[i];
    if (b->marker == MK_ROMAN && m->year) {
        const text_span *sp = &seg->spans[b->first_span];
        char low[400];
        size_t n = utf8_lower(text + sp->start, sp->end - sp->start < 300 ? sp->end - sp->start : 300,
                              low, sizeof low);
        int y = has_meta_word(low, MW_PLAN_TITLE) ? period_plain_year(low, n) : 0;
        return y > m->year && title_names_year(m->title, y) ? y : 0;
    }
    if (b->marker != MK_PART)
        return 0;
    const text_span *sp = &seg->spans[b->first_span];
    char low[400];
    size_t n = utf8_lower(text + sp->start, sp->end - sp->start < 300 ? sp->end - sp->start : 300,
                          low, sizeof low);
    if (has_meta_word(low, MW_FIRST_PART) || !n)
        return 0;
    /* look at this line and the next two blocks for the plan title */
    for (size_t j = i; j < seg->n_blocks && j <= i + 2; j++) {
        const text_span *s2 = &seg->spans[seg->blocks[j].first_span];
        char l2[400];
        utf8_lower(text + s2->start, s2->end - s2->start < 300 ? s2->end - s2->start : 300,
                   l2, sizeof l2);
        if (has_meta_word(l2, MW_PLAN_TITLE)) {
            int y = period_plain_year(l2, strlen(l2));
            if (y)
                return y;
        }
    }
    return 0;
}

/* The plan part of each report (one input may hold several reports). */
static bool find_plan_part(const char *text, size_t len, const segmentation *seg,
                           vnr_arena *arena, doc_meta *m)
{
    (void)len;
    m->plan_block = SIZE_MAX;
    size_t *blocks = NULL;
    const char **periods = NULL;
    for (size_t i = 0; i < seg->n_blocks && m->n_plan_parts < MAX_PLAN_PARTS; i++) {
        if (m->n_plan_parts && segment_same_report(seg, blocks[m->n_plan_parts - 1], i))
            continue;   /* one plan part per report */
        int y = plan_part_year(text, seg, i, m);
        if (!y)
            continue;
        char buf[16];
        snprintf(buf, sizeof buf, "%d", y);
        if (!blocks) {
            blocks = arena_alloc(arena, MAX_PLAN_PARTS * sizeof *blocks);
            periods = arena_alloc(arena, MAX_PLAN_PARTS * sizeof *periods);
            if (!blocks || !periods)
                return false;
        }
        blocks[m->n_plan_parts] = i;
        if (!(periods[m->n_plan_parts] = arena_strdup(arena, buf)))
            return false;
        if (!m->n_plan_parts++) {
            m->plan_period = periods[0];
            m->plan_block = i;
        }
    }
    m->plan_blocks = blocks;
    m->plan_periods = periods;
    return true;
}

/* A resolution's target list: the whole input is one plan part. */
static bool plan_document(vnr_arena *arena, doc_meta *m)
{
    size_t *blocks = arena_alloc(arena, sizeof *blocks);
    const char **periods = arena_alloc(arena, sizeof *periods);
    if (!blocks || !periods)
        return false;
    blocks[0] = 0;
    periods[0] = m->period ? m->period : "";
    m->plan_blocks = blocks;
    m->plan_periods = periods;
    m->n_plan_parts = 1;
    m->plan_block = 0;
    m->plan_period = m->period;
    return true;
}

const char *meta_plan_period(const doc_meta *m, const segmentation *seg, size_t bi)
{
    for (size_t k = m->n_plan_parts; k-- > 0;)
        if (m->plan_blocks[k] <= bi)
            return segment_same_report(seg, m->plan_blocks[k], bi) ? m->plan_periods[k] : NULL;
    return NULL;
}

bool extract_metadata(const char *text, size_t len, const segmentation *seg,
                      vnr_arena *arena, doc_meta *out)
{
    memset(out, 0, sizeof *out);
    out->plan_block = SIZE_MAX;
    size_t hlen = 0, header_len = 0;
    char *lh = header_lower(text, len, HEADER_LINES, &hlen, &header_len);
    if (!lh)
        return false;
    out->province = find_province(lh, hlen, header_len, text, len, arena);
    out->number = find_number(lh, arena);
    out->date = find_date(lh, arena);
    if (!out->date)
        out->date = find_date_line(text, len, arena);
    int year = infer_year(lh, hlen);
    if (!year && out->date)
        year = atoi(out->date);   /* last: the year the page or report is dated */
    /* a title's period without a year (`… trong 9 tháng đầu năm`) may take
     * the year of a date in the text (`họp báo … chiều 16-10-2025`); that
     * date alone makes no annual report */
    int title_year = year ? year : period_first_date_year(lh, hlen);
    size_t tle = 0;
    const char *t = find_title(text, len, &tle);
    bool plan = false;
    if (t) {
        out->title = title_string(text, len, t, tle, arena);
        if (out->title) {
            size_t tl = strlen(out->title);
            char *low = malloc(tl * 2 + 16);
            if (!low) {
                free(lh);
                return false;
            }
            size_t n = utf8_lower(out->title, tl, low, tl * 2 + 16);
            period_from_title(low, n, title_year, true, arena, out);
            /* plans are for a year or more: a title's month, quarter or
             * `9 tháng đầu năm` is of results (`… các chỉ tiêu kinh tế ra
             * sao trong 9 tháng đầu năm?`) */
            plan = period_plan_title(low, n) && (!out->kind || strcmp(out->kind, "annual") == 0) &&
                   (period_opens_plan_title(low, n) || !headline_with_percent(t, tle));
            free(low);
        }
    }
    if (!out->period) {
        blank_date_lines(lh, hlen);
        period_from_title(lh, hlen, year, false, arena, out);
    }
    if (!out->period && year) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", year);
        out->period = arena_strdup(arena, buf);
        out->kind = "annual";
        out->year = year;
    }
    if (plan) {
        /* a resolution's target list: every value is a target for its year */
        out->kind = "plan";
    }
    if (has_meta_word(lh, MW_ISSUER)) {
        if (out->province) {
            char buf[96];
            snprintf(buf, sizeof buf, "UBND %s%s", meta_word(MW_PROVINCE_LEAD), out->province);
            out->issuer = arena_strdup(arena, buf);
        }
    }
    bool ok = plan ? plan_document(arena, out) : find_plan_part(text, len, seg, arena, out);
    free(lh);
    return ok;
}
