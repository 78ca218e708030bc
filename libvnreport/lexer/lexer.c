/*
 * lexer.c — stage 4: normalized text → tokens (see lexer.h).
 *
 * Numbers are read exactly: digits accumulate into a 64-bit mantissa with a
 * decimal exponent and become a double by one correctly rounded division
 * (mantissa < 2^53, power of ten ≤ 10^22), so `0,1` is the double nearest
 * 0.1 and no locale-dependent strtod is involved.
 */
#include "lexer.h"
#include "buf.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const double pow10_table[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static size_t digit_run(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && utf8_is_digit(s[k]))
        k++;
    return k - i;
}

/* Beyond the exact fast path (more than 2^53 or a power of ten above 10^22):
 * strtod rounds correctly, and "<digits>e<exp>" has no decimal point, so
 * the locale cannot change its reading. 800 significant digits plus a sticky
 * digit decide the rounding of any double, so long runs are cut there. */
static double slow_value(const char *s, size_t n, size_t int_end)
{
    enum { KEEP = 800 };
    char buf[KEEP + 32];
    size_t kept = 0;
    long exp10 = 0;
    bool dropped_nonzero = false;
    for (size_t i = 0; i < n; i++) {
        if (!utf8_is_digit(s[i]))
            continue;
        bool frac = i >= int_end;
        if (kept == 0 && s[i] == '0') {
            exp10 -= frac;          /* a leading zero of the fraction */
            continue;
        }
        if (kept < KEEP) {
            buf[kept++] = s[i];
            exp10 -= frac;
        } else {
            dropped_nonzero |= s[i] != '0';
            exp10 += !frac;         /* a dropped integer digit */
        }
    }
    if (kept == 0)
        return 0.0;
    if (dropped_nonzero) {
        buf[kept++] = '1';
        exp10--;
    }
    snprintf(buf + kept, sizeof buf - kept, "e%ld", exp10);
    return strtod(buf, NULL);
}

static double exact_value(const char *s, size_t n, size_t int_end)
{
    uint64_t mant = 0;
    int scale = 0, digits = 0;
    for (size_t k = 0; k < n; k++) {
        if (!utf8_is_digit(s[k]))
            continue;
        if (digits || s[k] != '0')
            digits++;
        mant = mant * 10 + (uint64_t)(s[k] - '0');
        scale += k >= int_end;
        if (digits > 19)
            return slow_value(s, n, int_end);
    }
    if (mant < (1ULL << 53) && scale <= 22)
        return (double)mant / pow10_table[scale];
    if (scale == 0)
        return (double)mant;   /* one correctly rounded conversion */
    return slow_value(s, n, int_end);
}

/* `chained`: the number continues a dotted chain (`1.1.1`), so a dot after
 * it cannot be a decimal point. */
static size_t lex_number_in(const char *s, size_t n, bool chained, double *value,
                            unsigned *flags)
{
    if (!n || !utf8_is_digit(s[0]))
        return 0;
    unsigned f = 0;
    size_t i = digit_run(s, n, 0);
    size_t int_digits = i;
    if (s[0] == '0' && i > 1)
        f |= NUM_LEADING_ZERO;
    /* thousands groups: a dot followed by exactly three digits */
    while (i + 4 <= n && s[i] == '.' && digit_run(s, n, i + 1) == 3 && int_digits <= 3) {
        f |= NUM_GROUPED;
        i += 4;
    }
    size_t int_end = i;
    if (i + 1 < n && s[i] == ',' && utf8_is_digit(s[i + 1])) {
        f |= NUM_DECIMAL;
        i += 1 + digit_run(s, n, i + 1);
    } else if (!chained && i + 1 < n && s[i] == '.' && utf8_is_digit(s[i + 1])) {
        /* a decimal dot slipped in for a comma: `3.5%`, also after thousands
         * groups, one or two digits (`9.332.3 tỷ đồng`) */
        size_t d = digit_run(s, n, i + 1);
        bool more = i + 1 + d < n && (s[i + 1 + d] == '.' && i + 2 + d < n && utf8_is_digit(s[i + 2 + d]));
        if (d != 3 && !more && (!(f & NUM_GROUPED) || d <= 2)) {
            f |= NUM_DECIMAL | NUM_DOT_SLIP;
            i += 1 + d;
        }
    }
    if (!(f & (NUM_GROUPED | NUM_DECIMAL)) && int_digits == 4) {
        unsigned year = (unsigned)((s[0] - '0') * 1000 + (s[1] - '0') * 100 +
                                   (s[2] - '0') * 10 + (s[3] - '0'));
        if (year >= 1900 && year <= 2100)
            f |= NUM_YEARLIKE;
    }
    *value = exact_value(s, i, int_end);
    *flags = f;
    return i;
}

size_t lex_number(const char *s, size_t n, double *value, unsigned *flags)
{
    return lex_number_in(s, n, false, value, flags);
}

bool lex_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
        (cp >= 0x1EA0 && cp <= 0x1EF9))
        return true;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

/* Upper case? The Vietnamese letters are answered from their code-point
 * layout (utf8proc's table look-up is the lexer's main cost otherwise). */
static bool is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xFF)
        return cp <= 0xDE && cp != 0xD7;
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177) ||
        (cp >= 0x1EA0 && cp <= 0x1EFF))
        return (cp & 1) == 0;   /* Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ạ ạ … alternate */
    if (cp == 0x1A0 || cp == 0x1AF)
        return true;            /* Ơ, Ư */
    if (cp == 0x1A1 || cp == 0x1B0)
        return false;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

static bool is_nonspacing_mark(uint32_t cp)
{
    if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF))
        return false;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_MN;
}

typedef struct lexer {
    const char *s;
    size_t begin, end;
    token_vec *out;
    bool space_before;
} lexer;

static bool push(lexer *L, token t)
{
    if (!L->space_before)
        t.flags |= TOK_GLUED;
    L->space_before = false;
    return VEC_PUSH(L->out->t, L->out->n, L->out->cap, t);
}

/* ASCII bytes inside a word. */
enum { AC_NONE, AC_LOWER, AC_UPPER, AC_DIGIT };
static const uint8_t ascii_class[128] = {
    ['0'] = AC_DIGIT, ['1'] = AC_DIGIT, ['2'] = AC_DIGIT, ['3'] = AC_DIGIT, ['4'] = AC_DIGIT,
    ['5'] = AC_DIGIT, ['6'] = AC_DIGIT, ['7'] = AC_DIGIT, ['8'] = AC_DIGIT, ['9'] = AC_DIGIT,
    ['a'] = AC_LOWER, ['b'] = AC_LOWER, ['c'] = AC_LOWER, ['d'] = AC_LOWER, ['e'] = AC_LOWER,
    ['f'] = AC_LOWER, ['g'] = AC_LOWER, ['h'] = AC_LOWER, ['i'] = AC_LOWER, ['j'] = AC_LOWER,
    ['k'] = AC_LOWER, ['l'] = AC_LOWER, ['m'] = AC_LOWER, ['n'] = AC_LOWER, ['o'] = AC_LOWER,
    ['p'] = AC_LOWER, ['q'] = AC_LOWER, ['r'] = AC_LOWER, ['s'] = AC_LOWER, ['t'] = AC_LOWER,
    ['u'] = AC_LOWER, ['v'] = AC_LOWER, ['w'] = AC_LOWER, ['x'] = AC_LOWER, ['y'] = AC_LOWER,
    ['z'] = AC_LOWER,
    ['A'] = AC_UPPER, ['B'] = AC_UPPER, ['C'] = AC_UPPER, ['D'] = AC_UPPER, ['E'] = AC_UPPER,
    ['F'] = AC_UPPER, ['G'] = AC_UPPER, ['H'] = AC_UPPER, ['I'] = AC_UPPER, ['J'] = AC_UPPER,
    ['K'] = AC_UPPER, ['L'] = AC_UPPER, ['M'] = AC_UPPER, ['N'] = AC_UPPER, ['O'] = AC_UPPER,
    ['P'] = AC_UPPER, ['Q'] = AC_UPPER, ['R'] = AC_UPPER, ['S'] = AC_UPPER, ['T'] = AC_UPPER,
    ['U'] = AC_UPPER, ['V'] = AC_UPPER, ['W'] = AC_UPPER, ['X'] = AC_UPPER, ['Y'] = AC_UPPER,
    ['Z'] = AC_UPPER,
};

/* Do the digits at k make a number written with a separator (`68.000`,
 * `10,5`), not a code's digits (`km2`, `pm10`)? */
static bool formatted_number_at(const char *s, size_t k, size_t end)
{
    while (k < end && s[k] >= '0' && s[k] <= '9')
        k++;
    return k + 1 < end && (s[k] == '.' || s[k] == ',') && s[k + 1] >= '0' && s[k + 1] <= '9';
}

/* Word: letters and digits starting with a letter; `m²`/`m³` kept whole.
 * ASCII (most of the bytes) goes through the class table; other code
 * points through the letter and case tests. */
static size_t lex_word(lexer *L, size_t i, token *t)
{
    const char *s = L->s;
    size_t k = i, end = L->end;
    bool first = true, all_upper = true, vietnamese = false;
    int letters = 0;
    uint16_t flags = 0;
    while (k < end) {
        unsigned char b = (unsigned char)s[k];
        if (b < 0x80) {
            unsigned cls = ascii_class[b];
            if (cls == AC_NONE)
                break;
            if (cls == AC_DIGIT) {
                /* `giảm10,07%`, `đạt2.143,2tỷ`: a web page glued a Vietnamese
                 * word to the number after it (m2, CO2, H5N1 are ASCII) */
                if (letters >= 2 && !all_upper && (vietnamese || formatted_number_at(s, k, end)))
                    break;   /* (an ASCII word too before `68.000`: `nguyên con68.000 đ/kg`) */
                flags |= TOK_DIGITS;
            } else {
                if (first && cls == AC_UPPER)
                    flags |= TOK_UPPER;
                all_upper &= cls == AC_UPPER;
                letters++;
            }
            first = false;
            k++;
            continue;
        }
        size_t next = k;
        uint32_t cp = utf8_next_fast(s, end, &next);
        if (cp >= 0x1EA0 && cp <= 0x1EF9) {
            /* the toned letters (Ạ ạ … Ỹ ỹ), a third of Vietnamese
             * syllables: upper and lower case alternate */
            if (first && !(cp & 1))
                flags |= TOK_UPPER;
            all_upper &= !(cp & 1);
            vietnamese = true;
            letters++;
        } else if (lex_is_letter(cp)) {
            if (first && is_upper_cp(cp))
                flags |= TOK_UPPER;
            if (all_upper && !is_upper_cp(cp) && !is_nonspacing_mark(cp))
                all_upper = false;
            vietnamese = true;
            letters++;
        } else if ((cp == 0xB2 || cp == 0xB3) && k > i && (s[k - 1] == 'm' || s[k - 1] == 'M')) {
            /* m², km³ */
        } else {
            break;
        }
        first = false;
        k = next;
    }
    if (all_upper && letters >= 2)
        flags |= TOK_ALLCAPS;
    t->flags |= flags;
    return k;
}

/* Does a name follow the '.' at dot: a letter glued to it (`TP.Đà Nẵng`)
 * or one space and a capital (`TP. Hải Châu`)? */
static bool name_after_dot(const lexer *L, size_t dot)
{
    size_t k = dot + 1;
    if (k < L->end && L->s[k] == ' ')
        k++;
    if (k >= L->end)
        return false;
    size_t next = k;
    uint32_t cp = utf8_next_fast(L->s, L->end, &next);
    return lex_is_letter(cp) && (k == dot + 1 || is_upper_cp(cp) || (cp >= 0x1EA0 && cp <= 0x1EF9 && !(cp & 1)));
}

static const struct glued_word {
    const char *word;
    size_t len;
} glued_words[] = {
#define GLUED_WORD(w) { w, sizeof w - 1 },
#include "glued-words.def"
#undef GLUED_WORD
};


/* The length of a glued word (glued-words.def) that ends the text [.., p)
 * with letters left before it after i, or 0. */
static size_t glued_word_before(const char *s, size_t i, size_t p)
{
    for (size_t g = 0; g < sizeof glued_words / sizeof *glued_words; g++) {
        size_t n = glued_words[g].len;
        if (n < p - i && s[p - 1] == glued_words[g].word[n - 1] && memcmp(s + p - n, glued_words[g].word, n) == 0)
            return n;
    }
    return 0;
}


/* Where the glued words at the end of the word [i, k) begin (`tạotăng` →
 * `tăng`, `xuấttăngso` → `tăngso`), or k. The letters before them hold
 * two or more letters and one of Vietnamese (`Picasso` stays whole). */
static size_t glued_tail_start(const char *s, size_t i, size_t k)
{
    enum { MOST_GLUED = 3 };   /* words stripped from one end: `tăngso` is two */
    size_t p = k, m;
    for (int n = 0; n < MOST_GLUED && (m = glued_word_before(s, i, p)) != 0; n++)
        p -= m;
    if (p == k)
        return k;   /* (most words: one compare of their last byte per row) */
    bool vietnamese = false;
    size_t letters = 0;
    for (size_t q = i; q < p; q++) {
        vietnamese |= (unsigned char)s[q] >= 0x80;
        letters += ((unsigned char)s[q] & 0xC0) != 0x80;   /* a letter's first byte */
    }
    return letters >= 2 && vietnamese ? p : k;
}


/* Lex the word at i and append it; its end, or 0 on allocation failure.
 * An abbreviation's dot before a name is part of the word (`TP. Hải
 * Châu`): a '.' token there would cut the phrase the name belongs to. */
static size_t push_word(lexer *L, size_t i)
{
    token t = { .start = (uint32_t)i, .kind = TOK_WORD };
    size_t e = glued_tail_start(L->s, i, lex_word(L, i, &t));
    t.end = (uint32_t)e;
    if (e < L->end && L->s[e] == '.' && e - i <= 3 && lex_is_abbreviation(&t, L->s) && name_after_dot(L, e))
        t.end = (uint32_t)++e;
    return push(L, t) ? e : 0;
}

static bool is_year(double v, unsigned f)
{
    return (f & NUM_YEARLIKE) && v >= 1900 && v <= 2100;
}

static bool is_code_upper(const char *s, size_t n, size_t k)
{
    return (s[k] >= 'A' && s[k] <= 'Z') ||
           ((unsigned char)s[k] == 0xC4 && k + 1 < n && (unsigned char)s[k + 1] == 0x90);
}

/* After a number at [i, j): a document number `765/BC-UBND`, `58/2020/NQ-HĐND`,
 * `09-CT/TU`? Returns its end or 0. */
static size_t docnum_tail(const char *s, size_t n, size_t j)
{
    size_t k = j;
    while (k < n && s[k] == ' ' && k < j + 2)
        k++;
    if (k >= n || (s[k] != '/' && s[k] != '-'))
        return 0;
    char sep = s[k];
    k++;
    if (sep == '/' && k < n && s[k] == ' ')
        k++;
    /* optional year part: 58/2020/… */
    if (sep == '/' && k < n && utf8_is_digit(s[k])) {
        size_t d = digit_run(s, n, k);
        if (d != 4 || k + d >= n || s[k + d] != '/')
            return 0;
        k += d + 1;
    }
    /* code: an upper-case letter (Đ included) first, then letters, digits,
     * '-' and '/'; lower case only after a letter or a dash (`QĐ-TTg`,
     * `UBBG-VT-m`). Codes are short, so the scan stops after 48 bytes, which
     * also keeps chains like `1-1-1-…` linear. */
    if (k >= n || !is_code_upper(s, n, k))
        return 0;
    size_t code_start = k, letters = 0;
    size_t limit = n - k > 48 ? k + 48 : n;
    while (k < limit) {
        unsigned char c = (unsigned char)s[k];
        unsigned char p = (unsigned char)s[k - 1];
        if ((c >= 'A' && c <= 'Z') || utf8_is_digit((char)c)) {
            letters += !utf8_is_digit((char)c);
            k++;
        } else if (c == 0xC4 && k + 1 < limit && (unsigned char)s[k + 1] == 0x90) { /* Đ */
            letters++;
            k += 2;
        } else if (c >= 'a' && c <= 'z' && k > code_start &&
                   (((p | 0x20) >= 'a' && (p | 0x20) <= 'z') || p == '-')) {
            k++;
        } else if ((c == '-' || c == '/') && k + 1 < limit && k > code_start) {
            k++;
            while (k < limit && s[k] == ' ' && s[k - 1] == '-')
                k++;
        } else {
            break;
        }
    }
    while (k > code_start && (s[k - 1] == '-' || s[k - 1] == '/' || s[k - 1] == ' '))
        k--;
    if (letters < 2)
        return 0;
    if (sep == '-') {
        /* 09-CT/TU needs a slash inside the code */
        if (!memchr(s + code_start, '/', k - code_start))
            return 0;
    }
    return k;
}

/* A dash usable in ranges and year spans: '-', '–' (U+2013), '—' (U+2014). */
static size_t dash_at(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '-')
        return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 3;
    return 0;
}

/* What a shape reader returns when the text after the number is not its
 * shape (every other return is the end of the pushed token, or 0 when the
 * push failed). */
#define NOT_THIS_SHAPE SIZE_MAX

/* Slash shapes after the number t at [i, j) with flags f: a date
 * `16/11/2023`, a month of a year `10/2021`, else a fraction. */
static size_t lex_slash_shape(lexer *L, token t, size_t i, size_t j, unsigned f)
{
    const char *s = L->s;
    size_t n = L->end;
    /* slash shapes: dates and fractions */
    if (j + 1 < n && s[j] == '/' ) {
        size_t k = j + 1;
        while (k < n && s[k] == ' ' && k < j + 3)
            k++;
        if (k < n && utf8_is_digit(s[k])) {
            double v2;
            unsigned f2;
            size_t e2 = k + lex_number(s + k, n - k, &v2, &f2);
            bool small_int = !(f & (NUM_DECIMAL | NUM_GROUPED)) && j - i <= 2;
            if (small_int && t.v >= 1 && t.v <= 31 && e2 + 1 < n && s[e2] == '/' &&
                !(f2 & (NUM_DECIMAL | NUM_GROUPED)) && v2 >= 1 && v2 <= 12 &&
                digit_run(s, n, e2 + 1) == 4) {
                t.kind = TOK_DATE;
                unsigned fy;
                t.v2 = v2;
                lex_number(s + e2 + 1, 4, &t.v, &fy);
                t.start2 = (uint32_t)k;
                t.end = (uint32_t)(e2 + 5);
                return push(L, t) ? t.end : 0;
            }
            if (small_int && t.v >= 1 && t.v <= 12 && is_year(v2, f2) && k == j + 1) {
                t.kind = TOK_DATE; /* month/year: 10/2021 */
                t.v2 = t.v;
                t.v = v2;
                t.start2 = (uint32_t)k;
                t.end = (uint32_t)e2;
                return push(L, t) ? e2 : 0;
            }
            t.kind = TOK_FRACTION;
            t.v2 = v2;
            t.start2 = (uint32_t)k;
            t.end = (uint32_t)e2;
            return push(L, t) ? e2 : 0;
        }
    }
    return NOT_THIS_SHAPE;
}

/* Dash shapes after the number t ending at j with flags f: a year span
 * `2021-2025` or a range `2-2,5`; never after a signed number. */
static size_t lex_dash_shape(lexer *L, token t, size_t j, unsigned f, bool signed_minus)
{
    const char *s = L->s;
    size_t n = L->end;
    /* dash shapes: year spans and ranges (2021-2025, 2-2,5, 2- 2,5, 15 - 18) */
    size_t k = j;
    bool space1 = false;
    if (k < n && s[k] == ' ') {
        k++;
        space1 = true;
    }
    size_t dl = dash_at(s, n, k);
    if (dl && !signed_minus) {
        size_t m = k + dl;
        bool space2 = m < n && s[m] == ' ';
        if (space2)
            m++;
        if (m < n && utf8_is_digit(s[m])) {
            double v2;
            unsigned f2;
            size_t e2 = m + lex_number(s + m, n - m, &v2, &f2);
            bool after_slash = e2 < n && s[e2] == '/';
            if (is_year(t.v, f) && is_year(v2, f2)) {
                t.kind = TOK_YEAR_SPAN;
                t.v2 = v2;
                t.start2 = (uint32_t)m;
                t.end = (uint32_t)e2;
                return push(L, t) ? e2 : 0;
            }
            /* a spaced dash between plain numbers is a range only when it
             * is not a list of separate values; keep `2- 2,5` and `15-18` */
            if (!after_slash && !(space1 && space2 && (f2 & NUM_YEARLIKE)) && v2 >= t.v &&
                !is_year(t.v, f)) {
                t.kind = TOK_RANGE;
                t.v2 = v2;
                t.start2 = (uint32_t)m;
                t.end = (uint32_t)e2;
                return push(L, t) ? e2 : 0;
            }
        }
    }
    return NOT_THIS_SHAPE;
}

/* A date written with hyphens or dots, glued: `5-1-2012`, `31.12.2018`
 * (day-month-year; a dotted thousands group has three digits, so the
 * month's one or two tell them apart). Not with spaces, which lists or
 * ranges use (`15 - 18`), nor inside a longer dotted chain (`1.2.2020.1`). */
static size_t lex_dashed_date(lexer *L, token t, size_t i, size_t j, unsigned f)
{
    const char *s = L->s;
    size_t n = L->end;
    if (j - i > 2 || (f & (NUM_DECIMAL | NUM_GROUPED)) || t.v < 1 || t.v > 31 || j >= n ||
        (s[j] != '-' && s[j] != '.'))
        return NOT_THIS_SHAPE;
    char sep = s[j];
    size_t m = j + 1, e = m;
    while (e < n && e < m + 3 && utf8_is_digit(s[e]))
        e++;
    if (e == m || e - m > 2 || e >= n || s[e] != sep || digit_run(s, n, e + 1) != 4)
        return NOT_THIS_SHAPE;
    if (sep == '.' && e + 6 < n && s[e + 5] == '.' && utf8_is_digit(s[e + 6]))
        return NOT_THIS_SHAPE;
    double month = 0, year = 0;
    unsigned fm = 0, fy = 0;
    lex_number(s + m, e - m, &month, &fm);
    lex_number(s + e + 1, 4, &year, &fy);
    if (month < 1 || month > 12 || !is_year(year, fy))
        return NOT_THIS_SHAPE;
    t.kind = TOK_DATE;
    t.v = year;
    t.v2 = month;
    t.start2 = (uint32_t)m;
    t.end = (uint32_t)(e + 5);
    return push(L, t) ? t.end : 0;
}

/* Numbers and their composite shapes starting at digit position i. */
static size_t lex_numeric(lexer *L, size_t i, bool signed_minus)
{
    const char *s = L->s;
    size_t n = L->end;
    token t = { .start = (uint32_t)i, .kind = TOK_NUMBER };
    unsigned f;
    /* `1.1.1.1`: after "digit." this number continues a dotted chain */
    bool chained = i >= L->begin + 2 && s[i - 1] == '.' && utf8_is_digit(s[i - 2]);
    size_t j = i + lex_number_in(s + i, n - i, chained, &t.v, &f);
    t.flags = (uint16_t)f;
    t.end1 = (uint32_t)j;

    size_t dn = docnum_tail(s, n, j);
    if (dn && !(f & (NUM_DECIMAL | NUM_GROUPED))) {
        t.kind = TOK_DOCNUM;
        t.end = (uint32_t)dn;
        return push(L, t) ? dn : 0;
    }
    size_t shape = lex_slash_shape(L, t, i, j, f);
    if (shape == NOT_THIS_SHAPE && !signed_minus)
        shape = lex_dashed_date(L, t, i, j, f);
    if (shape == NOT_THIS_SHAPE)
        shape = lex_dash_shape(L, t, j, f, signed_minus);
    if (shape != NOT_THIS_SHAPE)
        return shape;
    if (signed_minus) {
        t.v = -t.v;
        t.flags |= NUM_SIGNED;
    }
    t.end = (uint32_t)j;
    return push(L, t) ? j : 0;
}

static const struct signed_unit {
    const char *text;
    size_t len;
    bool spaced;
} signed_units[] = {
#define SIGNED_UNIT(text, spaced) { text, sizeof text - 1, spaced },
#include "signed-units.def"
#undef SIGNED_UNIT
};

/* Does the number that starts at k end right before a SIGNED_UNIT
 * (signed-units.def)? */
static bool signed_unit_after(const lexer *L, size_t k)
{
    while (k < L->end && (utf8_is_digit(L->s[k]) || L->s[k] == ',' || L->s[k] == '.'))
        k++;
    for (size_t u = 0; u < sizeof signed_units / sizeof *signed_units; u++) {
        const struct signed_unit *su = &signed_units[u];
        size_t at = k + su->spaced, e = at + su->len;
        if (e > L->end || (su->spaced && L->s[k] != ' ') || memcmp(L->s + at, su->text, su->len) != 0)
            continue;
        if (!su->spaced || e == L->end || L->s[e] == ' ' || L->s[e] == '\n' ||
            ((unsigned char)L->s[e] < 0x80 && ascii_class[(unsigned char)L->s[e]] == AC_NONE))
            return true;
    }
    return false;
}

/* Does the number that starts at k, and its unit's words, fill the
 * bracket it opens (`(- 265,4 tấn)`, `(+ 12,2 ha)`)? A sign written apart
 * after '(' is the value's then, whatever its unit. */
static bool fills_bracket(const lexer *L, size_t k)
{
    enum { UNIT_BYTES = 40 };
    while (k < L->end && (utf8_is_digit(L->s[k]) || L->s[k] == ',' || L->s[k] == '.'))
        k++;
    for (size_t e = k; e < L->end && e < k + UNIT_BYTES; e++) {
        unsigned char ch = (unsigned char)L->s[e];
        if (ch == ')')
            return true;
        if (!(ch >= 0x80 || ch == ' ' || ch == '/' || ch == '.' || ch == '%' ||
              ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')))
            return false;
    }
    return false;
}

/* Is i the first character of its line but spaces (`- 3,15% số hộ`
 * opening a line is a list item)? */
static bool opens_line(const lexer *L, size_t i)
{
    while (i > L->begin && L->s[i - 1] == ' ')
        i--;
    return i == L->begin || L->s[i - 1] == '\n';
}

/* Where the digits of a number signed by the '-' / '+' at i start (i + 1;
 * i + 2 for a sign written apart: `nông nghiệp - 0,19 điểm phần trăm`,
 * `812 tỷ đồng, + 14,30%`), or 0 when that is no sign. */
static size_t sign_here(lexer *L, size_t i)
{
    if (L->out->n == 0)
        return 0; /* a line-initial dash is a list marker */
    const token *p = &L->out->t[L->out->n - 1];
    bool apart = i + 1 < L->end && L->s[i + 1] == ' ';
    size_t digits = i + 1 + apart;
    if (digits >= L->end || !utf8_is_digit(L->s[digits]))
        return 0;
    if (!L->space_before && !(p->kind == TOK_PUNCT))
        return 0;
    if (apart && opens_line(L, i))
        return 0;
    /* `xăng +8,1%, gas -1,2%`: a sign after a word and a space, before a
     * signed unit (`2021 -2025` follows a number; `quý I -2024` is a date);
     * so is one written apart from its number */
    if (apart && p->kind == TOK_PUNCT && p->cp == '(' && fills_bracket(L, digits))
        return digits;   /* `giảm 2,1% (- 265,4 tấn)` */
    if (p->kind == TOK_WORD || (apart && p->kind == TOK_PUNCT))
        return signed_unit_after(L, digits) &&
               (p->kind == TOK_WORD || p->cp == '(' || p->cp == ':' || p->cp == ',') ? digits : 0;
    if (p->kind != TOK_PUNCT)
        return 0;
    return p->cp == '(' || p->cp == ':' || p->cp == '=' || p->cp == ';' || p->cp == ',' ? digits : 0;
}

/* `đạt 4,8%3 do nhu cầu`: one or two digits glued to a percent sign and
 * followed by a word are a footnote marker (its end, 0 when there is none). */
static size_t percent_footnote_end(const lexer *L, size_t i)
{
    const char *s = L->s;
    if (L->space_before || !L->out->n || !utf8_is_digit(s[i]))
        return 0;
    const token *p = &L->out->t[L->out->n - 1];
    if (p->kind != TOK_PUNCT || p->cp != '%' || p->end != i)
        return 0;
    size_t k = i;
    while (k < L->end && k < i + 3 && utf8_is_digit(s[k]))
        k++;
    if (k - i > 2 || k + 1 >= L->end || s[k] != ' ')
        return 0;
    unsigned char after = (unsigned char)s[k + 1];
    return (after >= 'a' && after <= 'z') || after >= 0x80 ? k : 0;
}

/* `khẩu(1)`, `dùng[3]`, `(GRDP)[1]`: one or two digits in brackets glued
 * to the word before them (or to a closing bracket, for square ones) are
 * a footnote marker (its end, 0 when there is none). */
static size_t bracket_footnote_end(const lexer *L, size_t i)
{
    const char *s = L->s;
    char close = s[i] == '(' ? ')' : s[i] == '[' ? ']' : 0;
    if (!close || L->space_before || !L->out->n)
        return 0;
    const token *before = &L->out->t[L->out->n - 1];
    if (before->kind != TOK_WORD && !(close == ']' && before->kind == TOK_PUNCT && before->cp == ')'))
        return 0;
    size_t k = i + 1;
    while (k < L->end && k < i + 3 && utf8_is_digit(s[k]))
        k++;
    return k > i + 1 && k < L->end && s[k] == close ? k + 1 : 0;
}

/* A footnote marker [i, end) of number v; end, or 0 when out of memory. */
static size_t push_footnote(lexer *L, size_t i, size_t end, double v)
{
    token t = { .start = (uint32_t)i, .end = (uint32_t)end, .kind = TOK_FOOTNOTE, .v = v };
    return push(L, t) ? end : 0;
}

/* `²⁷`: a run of superscript digits from i (the first, d, ends at next) is
 * a footnote marker; its end, or 0 when out of memory. */
static size_t lex_superscripts(lexer *L, size_t i, size_t next, int d)
{
    double v = d;
    size_t k = next;
    while (k < L->end) {
        size_t k2 = k;
        uint32_t c2 = utf8_next_fast(L->s, L->end, &k2);
        if ((d = utf8_superscript_digit(c2)) < 0)
            break;
        v = v * 10 + d;
        k = k2;
    }
    return push_footnote(L, i, k, v);
}

bool lex_span(const char *text, size_t start, size_t end, token_vec *out)
{
    lexer L = { .s = text, .begin = start, .end = end, .out = out, .space_before = true };
    size_t i = start;
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\n') {
            L.space_before = true;
            i++;
            continue;
        }
        size_t pe = percent_footnote_end(&L, i);
        if (pe) {
            if (!(i = push_footnote(&L, i, pe, strtod(text + i, NULL))))
                return false;
            continue;
        }
        if (utf8_is_digit((char)c)) {
            size_t e = lex_numeric(&L, i, false);
            if (!e)
                return false;
            i = e;
            continue;
        }
        size_t digits;
        if ((c == '-' || c == '+') && (digits = sign_here(&L, i)) != 0) {
            size_t e = lex_numeric(&L, digits, c == '-');
            if (!e)
                return false;
            out->t[out->n - 1].start = (uint32_t)i;
            out->t[out->n - 1].flags |= NUM_SIGNED;
            i = e;
            continue;
        }
        if (c < 0x80 && ascii_class[c] != AC_NONE) {
            /* an ASCII letter (digits are handled above) */
            if (!(i = push_word(&L, i)))
                return false;
            continue;
        }
        size_t next = i;
        uint32_t cp = utf8_next_fast(text, end, &next);
        int d = utf8_superscript_digit(cp);
        if (d >= 0) {
            if (!(i = lex_superscripts(&L, i, next, d)))
                return false;
            continue;
        }
        if (lex_is_letter(cp)) {
            if (!(i = push_word(&L, i)))
                return false;
            continue;
        }
        size_t fe = bracket_footnote_end(&L, i);
        if (fe) {
            if (!(i = push_footnote(&L, i, fe, strtod(text + i + 1, NULL))))
                return false;
            continue;
        }
        token t = { .start = (uint32_t)i, .end = (uint32_t)next, .kind = TOK_PUNCT, .cp = cp };
        if (!push(&L, t))
            return false;
        i = next;
    }
    return true;
}
