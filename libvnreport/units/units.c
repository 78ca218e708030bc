/*
 * units.c — the unit registry and the unit-expression parser.
 *
 * Owns: the built-in tables (units-table.def: canonical units and units;
 * unit-names.def: every folded spelling, sorted for binary search;
 * scale-words.def), folding of spellings (NFC, lower case, single spaces),
 * parsing of expressions (`triệu đồng/người/năm`, `bác sĩ/1 vạn dân`) into
 * a factor to the canonical unit plus an exponent vector for conversion,
 * and longest-match of unit expressions in running text for the recognizer.
 * Takes: unit text and an optional caller registry (its overlay of
 * caller-defined units, exchange rates and region). Gives: unit_expr /
 * unit_info, match lengths, conversion factors.
 *
 * Nothing here allocates: every buffer is on the stack, so the recognizer can
 * call it per number and threads never share mutable state.
 */
#include "units.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "error.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* Tables                                                               */
/* ------------------------------------------------------------------ */

enum canon_kind { PLAIN, CURRENCY };

enum canon_id {
#define CANON(id, ...) C_##id,
#include "units-table.def"
    CANON_N
};

typedef struct canon_def {
    const char *name;
    const char *dimension;
    double si, si_offset;
    int8_t exps[UNIT_BASES];
    uint8_t kind;
} canon_def;

static const canon_def canons[] = {
#define CANON(id, nm, dim, si, off, L, M, T, K, R, P, W, kind) \
    { nm, dim, si, off, { L, M, T, K, R, P, W }, kind },
#include "units-table.def"
};

enum unit_id {
#define UNIT(id, ...) U_##id,
#define REGIONAL(id, ...) U_##id,
#include "units-table.def"
    UNIT_N,
    U_COUNT_NOUN = UNIT_N  /* names that are count nouns, not table units */
};

typedef struct unit_def {
    const char *name;
    uint8_t canon;
    bool regional;
    double factor[3];      /* per vnr_region */
    double offset;
} unit_def;

static const unit_def unit_defs[] = {
#define UNIT(id, nm, c, f, off) { nm, C_##c, false, { f, f, f }, off },
#define REGIONAL(id, nm, c, n, ce, s) { nm, C_##c, true, { n, ce, s }, 0 },
#include "units-table.def"
};

enum name_flags { NOTEXT = 1, DENOM = 2, NUMER = 4 };

typedef struct name_def {
    const char *key;
    uint8_t len;
    uint8_t flags;
    uint16_t unit;
} name_def;

static const name_def names[] = {
#define NAME(k, id, fl) { k, sizeof k - 1, fl, U_##id },
#include "unit-names.def"
};
#define NAMES_N (sizeof names / sizeof *names)

/* Longest spelling in unit-names.def (checked by units_check_tables). */
#define MAX_KEY_LEN 48

typedef struct scale_def {
    const char *key;
    uint8_t len;
    double mult;
} scale_def;

static const scale_def scales[] = {
#define SCALE(k, m) { k, sizeof k - 1, m },
#include "scale-words.def"
};
#define SCALES_N (sizeof scales / sizeof *scales)

static const vnr_unit_registry builtin_registry = { true, 0, NULL };

const vnr_unit_registry *units_builtin(void)
{
    return &builtin_registry;
}

/* ------------------------------------------------------------------ */
/* Exact ratios                                                         */
/* ------------------------------------------------------------------ */

#define EXACT_INT_MAX 9007199254740992.0  /* 2^53 */

static bool is_exact_int(double x)
{
    return x == floor(x) && fabs(x) < EXACT_INT_MAX;
}

/* x as num/den with integral parts where x is an integer or 1/integer
 * (100 → 100/1, 0.001 → 1/1000), else x/1. */
static void to_ratio(double x, double *num, double *den)
{
    if (is_exact_int(x) || x == 0) {
        *num = x, *den = 1;
        return;
    }
    double inv = nearbyint(1 / x);
    if (inv != 0 && is_exact_int(inv) && 1 / inv == x) {
        *num = x < 0 ? -1 : 1, *den = fabs(inv);
        return;
    }
    *num = x, *den = 1;
}

static void reduce_ratio(double *num, double *den)
{
    if (*den == 1 || *num == 1)
        return;  /* the usual case: nothing to reduce */
    if (!is_exact_int(*num) || !is_exact_int(*den) || *num == 0 || *den == 0) {
        if (*den != 1 && *num != 1) {  /* keep one rounding, not a growing pair */
            *num = *num / *den;
            *den = 1;
        }
        return;
    }
    double a = fabs(*num), b = fabs(*den);
    while (b != 0) {
        double t = fmod(a, b);
        a = b;
        b = t;
    }
    *num /= a;
    *den /= a;
}

/* (num/den) *= (mnum/mden), staying exact while the parts are integers. */
static void mul_ratio(double *num, double *den, double mnum, double mden)
{
    *num *= mnum;
    *den *= mden;
    reduce_ratio(num, den);
}

/* ------------------------------------------------------------------ */
/* Folding                                                              */
/* ------------------------------------------------------------------ */

/* Letters, marks and digits make words; `%`, `²`, `/`, `.` do not. */
static bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    /* Vietnamese letters without a table look-up: Latin-1 and Latin
     * Extended-A/B letters, combining marks, Latin Extended Additional. */
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
        (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF))
        return true;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
        return true;
    default:
        return false;
    }
}

/* Append code point cp (lower-cased, spaces collapsed) to out[*o]. */
static bool fold_put(uint32_t cp, char *out, size_t cap, size_t *o, bool *pending_space)
{
    if (utf8_is_space_cp(cp)) {
        *pending_space = *o > 0;
        return true;
    }
    if (*pending_space) {
        if (*o + 1 >= cap)
            return false;
        out[(*o)++] = ' ';
        *pending_space = false;
    }
    char tmp[4];
    size_t k = utf8_encode(utf8_tolower_cp(cp), tmp);
    if (*o + k >= cap)
        return false;
    memcpy(out + *o, tmp, k);
    *o += k;
    return true;
}

/* Is the code point certainly NFC on its own and never part of a
 * composition? Precomposed Vietnamese letters and the symbols units use. */
static bool is_plain_nfc(uint32_t cp)
{
    return (cp > 0 && cp < 0x300) || (cp >= 0x1E00 && cp <= 0x1EFF) || cp == 0x2030 ||
           cp == 0x20AC || cp == 0x2009 || cp == 0x202F;
}

/* Text made only of such code points (the usual case: reports are NFC)
 * needs no normalization pass; false sends it through utf8proc. */
static bool fold_plain(const char *s, size_t n, char *out, size_t cap, size_t *len)
{
    size_t i = 0, o = 0;
    bool pending = false;
    while (i < n) {
        uint32_t cp = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i++] : utf8_next_fast(s, n, &i);
        if (!is_plain_nfc(cp) || !fold_put(cp, out, cap, &o, &pending))
            return false;
    }
    out[o] = '\0';
    *len = o;
    return true;
}

size_t units_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    bool pending = false;
    if (fold_plain(s, n, out, cap, &o))
        return o;
    /* Lower-case between decomposing and composing: lower-casing a composed
     * letter may give a letter that composes with the next mark ('İ' + U+0311
     * → 'i' + U+0311 → 'ȋ'), and a fold must fold to itself. */
    utf8proc_int32_t cps[UNIT_FOLD_MAX];
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                            cps, UNIT_FOLD_MAX, opt);
    if (m < 0 || m > UNIT_FOLD_MAX)
        return (size_t)-1;
    for (utf8proc_ssize_t k = 0; k < m; k++)
        cps[k] = (utf8proc_int32_t)utf8_tolower_cp((uint32_t)cps[k]);
    m = utf8proc_normalize_utf32(cps, m, opt);
    if (m < 0)
        return (size_t)-1;
    for (utf8proc_ssize_t k = 0; k < m; k++)
        if (cps[k] == 0 || !fold_put((uint32_t)cps[k], out, cap, &o, &pending))
            return (size_t)-1;
    out[o] = '\0';
    return o;
}

/* ------------------------------------------------------------------ */
/* Lookups                                                              */
/* ------------------------------------------------------------------ */

/* strcmp order of a table key and s[0..n). Keys are a few bytes long: an
 * inline loop beats a call to memcmp in the binary search. */
static int compare_key(const name_def *d, const char *s, size_t n)
{
    const unsigned char *k = (const unsigned char *)d->key, *t = (const unsigned char *)s;
    size_t m = d->len < n ? d->len : n;
    for (size_t i = 0; i < m; i++)
        if (k[i] != t[i])
            return k[i] < t[i] ? -1 : 1;
    return (d->len > n) - (d->len < n);
}

/* The first name (in their sorted order) not below s[0..n), or NULL: a
 * name starting with s[0..n) is there if any is. */
static const name_def *first_name_from(const char *s, size_t n)
{
    size_t lo = 0, hi = NAMES_N;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_key(&names[mid], s, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < NAMES_N ? &names[lo] : NULL;
}

static const name_def *find_name(const char *s, size_t n)
{
    size_t lo = 0, hi = NAMES_N;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_key(&names[mid], s, n);
        if (c == 0)
            return &names[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const user_unit *find_user_unit(const vnr_unit_registry *reg, const char *s, size_t n)
{
    const unit_overlay *ov = reg->overlay;
    if (!ov)
        return NULL;
    for (size_t i = ov->n_units; i-- > 0;)  /* newest definition wins */
        if (ov->units[i].key_len == n && memcmp(ov->units[i].key, s, n) == 0)
            return &ov->units[i];
    return NULL;
}

/* Multiplier of the scale word exactly s[0..n), else 0. */
static double find_scale(const char *s, size_t n)
{
    for (size_t i = 0; i < SCALES_N; i++)
        if (scales[i].len == n && memcmp(scales[i].key, s, n) == 0)
            return scales[i].mult;
    return 0;
}

double units_scale_word(const char *s, size_t n)
{
    char f[UNIT_FOLD_MAX + 1];
    size_t len = units_fold(s, n, f, sizeof f);
    if (len == (size_t)-1 || len == 0)
        return 0;
    double mult = 1;
    size_t i = 0;
    while (i < len) {  /* `nghìn tỷ` composes */
        size_t j = i;
        while (j < len && f[j] != ' ')
            j++;
        double m = find_scale(f + i, j - i);
        if (m == 0)
            return 0;
        mult *= m;
        i = j + 1;
    }
    return mult;
}

/* ------------------------------------------------------------------ */
/* Parts and expressions                                                */
/* ------------------------------------------------------------------ */

static void part_from_unit(const vnr_unit_registry *reg, const unit_def *u, part_value *pv)
{
    const canon_def *c = &canons[u->canon];
    double f = u->factor[reg->region];
    double fn, fd;
    pv->factor = f;
    pv->offset = u->offset;
    to_ratio(c->si, &pv->si_num, &pv->si_den);
    to_ratio(f, &fn, &fd);
    mul_ratio(&pv->si_num, &pv->si_den, fn, fd);
    /* written×f + off = canonical; canonical×si + si_off = base */
    pv->si_offset = u->offset * c->si + c->si_offset;
    memcpy(pv->exps, c->exps, sizeof pv->exps);
    pv->canon = c->name;
    pv->canon_len = strlen(c->name);
    pv->dimension = c->dimension;
    pv->atom_kind = c->kind == CURRENCY ? ATOM_CURRENCY : 0;
    pv->currency = u->canon;
}

static void part_count_noun(const char *noun, size_t n, part_value *pv)
{
    memset(pv, 0, sizeof *pv);
    pv->factor = 1;
    pv->si_num = pv->si_den = 1;
    pv->canon = noun;
    pv->canon_len = n;
    pv->dimension = "count";
    pv->atom_kind = ATOM_COUNT;
}

static void part_number(part_value *pv)
{
    memset(pv, 0, sizeof *pv);
    pv->factor = 1;
    pv->si_num = pv->si_den = 1;
    pv->canon = "1";
    pv->canon_len = 1;
    pv->dimension = "count";
}

/* Where a parse failed: the word `word` of part `part`. */
typedef struct parse_spot {
    size_t part, word;
} parse_spot;

/* The unit named exactly p[0..n) (no scale words), if any. In running
 * text (`open`: a unit a report wrote) a name the text matcher never
 * takes (NOTEXT: `công`) is a count noun, as the matcher read it. */
static bool lookup_unit(const vnr_unit_registry *reg, const char *p, size_t n,
                        bool denominator, bool open, part_value *pv)
{
    const user_unit *uu = find_user_unit(reg, p, n);
    if (uu) {
        *pv = uu->value;
        return true;
    }
    const name_def *d = find_name(p, n);
    if (!d || ((d->flags & DENOM) && !denominator) || ((d->flags & NUMER) && denominator))
        return false;
    if (d->unit == U_COUNT_NOUN || (open && (d->flags & NOTEXT)))
        part_count_noun(d->key, d->len, pv);
    else
        part_from_unit(reg, &unit_defs[d->unit], pv);
    return true;
}

/* Could the letter c go on with the syllable a scale word ending in
 * byte `last` spells (`ngàn` + `h` is `ngành`, `tỉ` + `nh` is `tỉnh`)? */
static bool continues_syllable(char last, char c)
{
    return last == 'n' ? c == 'g' || c == 'h' : c == 'n' || c == 'c';
}


/* A scale word glued to the unit after it, as web pages print them
 * (`tỷđồng`, `triệuusd`) in s[0..n): the scale word's length and
 * *mult, else 0. The unit has two bytes or more and opens a syllable of
 * its own. */
static size_t glued_scale(const vnr_unit_registry *reg, const char *s, size_t n, bool denominator,
                          double *mult)
{
    part_value unit;
    for (size_t i = 0; i < SCALES_N; i++) {
        size_t l = scales[i].len;
        if (l + 2 <= n && memcmp(scales[i].key, s, l) == 0 && !continues_syllable(s[l - 1], s[l]) &&
            lookup_unit(reg, s + l, n - l, denominator, false, &unit)) {
            *mult = scales[i].mult;
            return l;
        }
    }
    return 0;
}

/* The end of the digits of a count at p[i..n), a dot between groups of
 * three allowed (`10.000`); its value in *v. */
static size_t count_digits_end(const char *p, size_t n, size_t i, double *v)
{
    *v = 0;
    while (i < n && utf8_is_digit(p[i])) {
        *v = *v * 10 + (p[i++] - '0');
        if (i + 3 < n && p[i] == '.' && utf8_is_digit(p[i + 1]) && utf8_is_digit(p[i + 2]) &&
            utf8_is_digit(p[i + 3]) && (i + 4 == n || !utf8_is_digit(p[i + 4])))
            i++;   /* a thousands dot */
    }
    return i;
}

/* Leading count of a part (`1 vạn dân`, `100 dân`, `10.000 dân`): its
 * value and the length eaten (digits, dots between groups of three, and
 * one space); 0 when there is none. */
static size_t leading_count(const char *p, size_t n, double *count)
{
    double v;
    size_t i = count_digits_end(p, n, 0, &v);
    if (i == 0 || (i < n && p[i] != ' '))
        return 0;
    *count = v;
    return i < n ? i + 1 : i;
}

/* Resolve one '/'-free part p[0..n) (folded, trimmed): [count] scale* unit.
 * A leading count multiplies the part (`100 dân` is a hundred people), so
 * `thuê bao/100 dân` is 0.01 thuê bao/dân and `bác sĩ/1 vạn dân` 1e-4. */
static vnr_status resolve_part(const vnr_unit_registry *reg, const char *p, size_t n,
                               bool denominator, unsigned flags, part_value *pv,
                               size_t *bad_word)
{
    double mult = 1, count = 0;
    size_t i = leading_count(p, n, &count), word = 0;
    *bad_word = 0;
    part_number(pv);
    if (i) {
        if (count == 0)
            return VNR_E_SYNTAX;
        mult = count;
        word = 1;
    }
    while (i < n) {
        if (lookup_unit(reg, p + i, n - i, denominator, (flags & UNITS_RUNNING_TEXT) != 0, pv))
            break;
        size_t j = i;
        while (j < n && p[j] != ' ')
            j++;
        double m = find_scale(p + i, j - i);
        size_t glued = m == 0 ? glued_scale(reg, p + i, n - i, denominator, &m) : 0;
        if (glued) {
            mult *= m;   /* the unit after it is looked up next */
            i += glued;
            continue;
        }
        if (m == 0) {
            /* a number is no noun, even an open one: `vạn 0`, `nghìn 5`;
             * nor a word holding digits: the `e308` of `1e308` */
            bool number = utf8_has_digit(p + i, n - i);
            if (!(flags & UNITS_OPEN_COUNT) || number) {
                *bad_word = word;
                return VNR_E_UNKNOWN_UNIT;
            }
            part_count_noun(p + i, n - i, pv);
            break;
        }
        mult *= m;
        if (!isfinite(mult) || mult == 0) {
            /* `nghìn tỷ nghìn tỷ …`: past what a double holds */
            *bad_word = word;
            pv->factor = mult;
            return VNR_E_SYNTAX;
        }
        word++;
        if (j == n)  /* scale words only: `tỷ` */
            part_number(pv);
        i = j + 1;
    }
    if ((pv->offset != 0 || pv->si_offset != 0) && mult != 1) {
        *bad_word = word;
        return VNR_E_SYNTAX;  /* `nghìn °C` means nothing */
    }
    double mn, md;
    to_ratio(mult, &mn, &md);
    pv->factor *= mult;
    mul_ratio(&pv->si_num, &pv->si_den, mn, md);
    return VNR_OK;
}

static void expr_init(unit_expr *e)
{
    memset(e, 0, offsetof(unit_expr, canonical));
    e->factor = 1;
    e->si_num = e->si_den = 1;
    e->canonical[0] = '\0';
}

static unit_atom *find_atom(unit_expr *e, const char *text, size_t len, uint8_t kind)
{
    for (size_t i = 0; i < e->n_atoms; i++) {
        unit_atom *a = &e->atoms[i];
        if (a->kind == kind && a->len == len && memcmp(e->canonical + a->off, text, len) == 0)
            return a;
    }
    return NULL;
}

static bool expr_add_atom(unit_expr *e, const part_value *pv, size_t off, int sign)
{
    unit_atom *a = find_atom(e, pv->canon, pv->canon_len, pv->atom_kind);
    if (a) {
        a->exp = (int8_t)(a->exp + sign);
        if (a->exp == 0)
            *a = e->atoms[--e->n_atoms];
        return true;
    }
    if (e->n_atoms == UNIT_MAX_ATOMS)
        return false;
    e->atoms[e->n_atoms++] = (unit_atom){ (uint8_t)off, (uint8_t)pv->canon_len,
                                          (int8_t)sign, pv->atom_kind, pv->currency };
    return true;
}

/* Multiply (sign +1) or divide (sign -1) the expression by a part. */
static bool expr_add_part(unit_expr *e, const part_value *pv, int sign)
{
    if (sign > 0) {
        e->factor *= pv->factor;
        mul_ratio(&e->si_num, &e->si_den, pv->si_num, pv->si_den);
    } else {
        e->factor /= pv->factor;
        mul_ratio(&e->si_num, &e->si_den, pv->si_den, pv->si_num);
    }
    for (int b = 0; b < UNIT_BASES; b++)
        e->exps[b] = (int8_t)(e->exps[b] + sign * pv->exps[b]);
    if (pv->offset != 0 || pv->si_offset != 0) {
        e->offset = pv->offset;
        e->si_offset = pv->si_offset;
    }
    e->dimension = e->n_parts++ == 0 ? pv->dimension : "rate";
    if (pv->canon_len == 1 && pv->canon[0] == '1')
        return true;  /* scale-only parts drop out of the canonical text */
    /* a denominator with nothing left above it: `nghìn/ha` is 1/m2, not m2 */
    bool reciprocal = sign < 0 && e->canon_len == 0;
    size_t need = e->canon_len + (e->canon_len > 0 || reciprocal) + reciprocal + pv->canon_len;
    if (need >= UNIT_CANON_MAX)
        return false;
    if (reciprocal)
        e->canonical[e->canon_len++] = '1';
    if (e->canon_len > 0)
        e->canonical[e->canon_len++] = '/';
    size_t off = e->canon_len;
    memcpy(e->canonical + off, pv->canon, pv->canon_len);
    e->canon_len += pv->canon_len;
    e->canonical[e->canon_len] = '\0';
    return !pv->atom_kind || expr_add_atom(e, pv, off, sign);
}

/* Bytes of the whitespace character at s[i] (space, tab, NBSP), else 0. */
static size_t space_at(const char *s, size_t n, size_t i)
{
    if (s[i] == ' ' || s[i] == '\t')
        return 1;
    if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

/* Byte offset in the original text of word `word` of part `part`, for
 * error positions (folding keeps parts and words in order). */
static size_t source_offset(const char *s, size_t n, parse_spot spot)
{
    size_t i = 0;
    for (size_t p = 0; p < spot.part && i < n; i++)
        if (s[i] == '/')
            p++;
    for (size_t w = 0;; w++) {
        size_t k;
        while (i < n && (k = space_at(s, n, i)) != 0)
            i += k;
        if (w == spot.word || i >= n)
            return i;
        while (i < n && s[i] != '/' && space_at(s, n, i) == 0)
            i++;
    }
}

static vnr_status parse_error(vnr_error **error, vnr_status st, const char *s, size_t n,
                              parse_spot spot, const char *what)
{
    size_t at = source_offset(s, n, spot);
    size_t end = at;
    while (end < n && s[end] != '/')
        end++;
    while (end > at && s[end - 1] == ' ')
        end--;
    if (end == at)
        return error_set(error, st, 0, at, "%s at byte %zu of unit '%.*s'", what, at, (int)n, s);
    return error_set(error, st, 0, at, "%s '%.*s' at byte %zu of unit '%.*s'", what,
                     (int)(end - at), s + at, at, (int)n, s);
}

/* Every factor of a unit is a finite, non-zero number: a product of scale
 * words or parts can leave that range (1e300 × 1e300) without any one
 * factor doing so. */
static bool factor_in_range(const unit_expr *e)
{
    return isfinite(e->factor) && e->factor != 0 && isfinite(e->si_num) && e->si_num != 0 &&
           isfinite(e->si_den) && e->si_den != 0;
}

vnr_status units_parse(const vnr_unit_registry *reg, const char *s, size_t n,
                       unsigned flags, unit_expr *out, vnr_error **error)
{
    if (!reg)
        reg = &builtin_registry;
    expr_init(out);
    if (n > UNIT_TEXT_MAX)
        return error_set(error, VNR_E_SYNTAX, 0, 0, "unit '%.40s…' is too long (%zu bytes, at most %d)",
                         s, n, UNIT_TEXT_MAX);
    char f[UNIT_FOLD_MAX + 1];
    size_t len = units_fold(s, n, f, sizeof f);
    if (len == (size_t)-1) {
        size_t at = utf8_first_invalid((const unsigned char *)s, n);
        return error_set(error, VNR_E_SYNTAX, 0, at, "invalid UTF-8 at byte %zu of a unit name", at);
    }
    if (len == 0)
        return error_set(error, VNR_E_SYNTAX, 0, 0, "empty unit");
    size_t start = 0;
    for (size_t part = 0; start <= len; part++) {
        size_t end = start;
        while (end < len && f[end] != '/')
            end++;
        size_t a = start, b = end;
        while (a < b && f[a] == ' ')
            a++;
        while (b > a && f[b - 1] == ' ')
            b--;
        parse_spot spot = { part, 0 };
        if (a == b)
            return parse_error(error, VNR_E_SYNTAX, s, n, spot, "empty part");
        part_value pv;
        vnr_status st = resolve_part(reg, f + a, b - a, part > 0, flags, &pv, &spot.word);
        if (st == VNR_E_UNKNOWN_UNIT)
            return parse_error(error, st, s, n, spot, "unknown unit");
        if (st != VNR_OK && (!isfinite(pv.factor) || pv.factor == 0))
            return parse_error(error, st, s, n, spot, "scale words multiply out of range from");
        if (st != VNR_OK)
            return parse_error(error, st, s, n, spot, "bad unit part");
        if (!expr_add_part(out, &pv, part == 0 ? 1 : -1))
            return parse_error(error, VNR_E_SYNTAX, s, n, spot, "unit too complex near");
        if (!factor_in_range(out))
            return parse_error(error, VNR_E_SYNTAX, s, n, spot,
                               "unit factor out of range (not a finite, non-zero number) from");
        start = end + 1;
    }
    if ((out->offset != 0 || out->si_offset != 0) && out->n_parts > 1)
        return error_set(error, VNR_E_SYNTAX, 0, 0,
                         "temperature unit inside compound unit '%.*s'", (int)n, s);
    if (out->canon_len == 0) {
        out->canonical[0] = '1';
        out->canonical[1] = '\0';
        out->canon_len = 1;
    }
    return VNR_OK;
}

vnr_status units_resolve(const vnr_unit_registry *reg, const char *s, size_t n,
                         bool open_count, unit_info *out)
{
    unit_expr e;
    vnr_status st = units_parse(reg, s, n, open_count ? UNITS_OPEN_COUNT | UNITS_RUNNING_TEXT : 0, &e, NULL);
    if (st != VNR_OK)
        return st;
    out->factor = e.factor;
    memcpy(out->canonical, e.canonical, e.canon_len + 1);
    out->dimension = e.dimension;
    return VNR_OK;
}

/* ------------------------------------------------------------------ */
/* Conversion                                                           */
/* ------------------------------------------------------------------ */

/* The atoms of one kind (count nouns, currencies) are the same in a and b. */
static bool same_atoms(const unit_expr *a, const unit_expr *b, uint8_t kind)
{
    size_t na = 0, nb = 0;
    for (size_t i = 0; i < a->n_atoms; i++) {
        const unit_atom *x = &a->atoms[i];
        if (x->kind != kind)
            continue;
        na++;
        bool found = false;
        for (size_t j = 0; j < b->n_atoms && !found; j++) {
            const unit_atom *y = &b->atoms[j];
            found = y->kind == kind && y->exp == x->exp && y->len == x->len &&
                    memcmp(a->canonical + x->off, b->canonical + y->off, x->len) == 0;
        }
        if (!found)
            return false;
    }
    for (size_t j = 0; j < b->n_atoms; j++)
        nb += b->atoms[j].kind == kind;
    return na == nb;
}

/* The only currency atom of e, or NULL; *many set when there are several. */
static const unit_atom *sole_currency(const unit_expr *e, bool *many)
{
    const unit_atom *found = NULL;
    for (size_t i = 0; i < e->n_atoms; i++) {
        if (e->atoms[i].kind != ATOM_CURRENCY)
            continue;
        if (found)
            *many = true;
        found = &e->atoms[i];
    }
    return found;
}

static bool direct_rate(const unit_overlay *ov, uint8_t from, uint8_t to, double *rate)
{
    for (size_t i = ov->n_rates; i-- > 0;) {
        const user_rate *r = &ov->rates[i];
        if (r->from == from && r->to == to) {
            *rate = r->rate;
            return true;
        }
        if (r->from == to && r->to == from) {
            *rate = 1 / r->rate;
            return true;
        }
    }
    return false;
}

/* 1 `from` = *rate `to`: a caller rate, its inverse, or one hop through a
 * third currency (USD→VND and EUR→VND give EUR→USD). */
static bool find_rate(const vnr_unit_registry *reg, uint8_t from, uint8_t to, double *rate)
{
    const unit_overlay *ov = reg->overlay;
    if (!ov)
        return false;
    if (direct_rate(ov, from, to, rate))
        return true;
    for (uint8_t via = 0; via < CANON_N; via++) {
        double r1, r2;
        if (canons[via].kind == CURRENCY && via != from && via != to &&
            direct_rate(ov, from, via, &r1) && direct_rate(ov, via, to, &r2)) {
            *rate = r1 * r2;
            return true;
        }
    }
    return false;
}

static vnr_status incompatible(vnr_error **error, const unit_expr *from, const unit_expr *to,
                               const char *from_text, const char *to_text)
{
    return error_set(error, VNR_E_INCOMPATIBLE, 0, VNR_NO_POSITION,
                     "cannot convert '%s' (%s, %s) to '%s' (%s, %s): incompatible dimensions",
                     from_text, from->dimension, from->canonical, to_text, to->dimension,
                     to->canonical);
}

/* Exchange-rate part of a conversion between two currency-bearing units. */
static vnr_status currency_factor(const vnr_unit_registry *reg, const unit_expr *from,
                                  const unit_expr *to, const char *from_text,
                                  const char *to_text, double *num, double *den,
                                  vnr_error **error)
{
    bool many = false;
    const unit_atom *a = sole_currency(from, &many);
    const unit_atom *b = sole_currency(to, &many);
    if (!a && !b)
        return VNR_OK;
    if (many)   /* `đồng/USD`: into the same currencies only, and no rate */
        return same_atoms(from, to, ATOM_CURRENCY) ? VNR_OK
                                                  : incompatible(error, from, to, from_text, to_text);
    if (!a || !b || a->exp != b->exp)
        return incompatible(error, from, to, from_text, to_text);
    if (a->currency == b->currency)
        return VNR_OK;
    double rate;
    if (!find_rate(reg, a->currency, b->currency, &rate))
        return error_set(error, VNR_E_NO_RATE, 0, VNR_NO_POSITION,
                         "no exchange rate from %s to %s (set one with vnr_unit_registry_set_rate())",
                         canons[a->currency].name, canons[b->currency].name);
    double r = pow(rate, a->exp), rn, rd;
    to_ratio(r, &rn, &rd);
    mul_ratio(num, den, rn, rd);
    return VNR_OK;
}

vnr_status units_conversion(const vnr_unit_registry *reg, const unit_expr *from,
                            const unit_expr *to, const char *from_text, const char *to_text,
                            double *num, double *den, double *offset, vnr_error **error)
{
    if (!reg)
        reg = &builtin_registry;
    if (memcmp(from->exps, to->exps, sizeof from->exps) != 0 || !same_atoms(from, to, ATOM_COUNT))
        return incompatible(error, from, to, from_text, to_text);
    *num = from->si_num;
    *den = from->si_den;
    mul_ratio(num, den, to->si_den, to->si_num);
    vnr_status st = currency_factor(reg, from, to, from_text, to_text, num, den, error);
    if (st != VNR_OK)
        return st;
    double factor = *num / *den;
    if (!isfinite(factor) || factor == 0)   /* each unit in range, their ratio not */
        return error_set(error, VNR_E_SYNTAX, 0, VNR_NO_POSITION,
                         "converting '%s' to '%s' needs a factor out of the range of numbers",
                         from_text, to_text);
    *offset = 0;
    if (from->si_offset != to->si_offset) {
        /* Temperatures share one canonical unit (°C): going through its
         * offsets avoids adding and removing 273.15 (°F→°C stays exact). */
        if (strcmp(from->canonical, to->canonical) == 0)
            *offset = (from->offset - to->offset) / to->factor;
        else
            *offset = (from->si_offset - to->si_offset) * to->si_den / to->si_num;
    }
    return VNR_OK;
}

/* ------------------------------------------------------------------ */
/* Running text                                                         */
/* ------------------------------------------------------------------ */

#define RUN_MAX 96

/* The start of running text, folded, with the source offset of each byte. */
typedef struct running_text {
    char s[RUN_MAX + 8];
    uint16_t src[RUN_MAX + 9];
    size_t len;
} running_text;

/* Characters that never occur inside a unit expression end the window. */
static bool ends_window(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == ',' || cp == ';' || cp == ':' || cp == '(' ||
           cp == ')' || cp == '[' || cp == ']' || cp == '"' || cp == 0 || cp == 0xFFFD;
}

static void fold_running(const char *s, size_t n, running_text *rt)
{
    size_t i = 0, o = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i++] : utf8_next_fast(s, n, &i);
        if (ends_window(cp) || (o == 0 && utf8_is_space_cp(cp))) {
            i = at;
            break;
        }
        if (utf8_is_space_cp(cp)) {  /* collapse a run into its first character */
            if (rt->s[o - 1] != ' ' && o < RUN_MAX) {
                rt->src[o] = (uint16_t)at;
                rt->s[o++] = ' ';
            }
            continue;
        }
        char tmp[4];
        size_t k = utf8_encode(utf8_tolower_cp(cp), tmp);
        if (o + k > RUN_MAX) {
            i = at;
            break;
        }
        for (size_t b = 0; b < k; b++) {
            rt->src[o] = (uint16_t)at;
            rt->s[o++] = (char)tmp[b];
        }
    }
    if (o > 0 && rt->s[o - 1] == ' ')
        o--;  /* src[o] already holds where that space started */
    else
        rt->src[o] = (uint16_t)i;
    rt->len = o;
    rt->s[o] = '\0';
}

static uint32_t cp_at(const char *f, size_t len, size_t pos)
{
    size_t i = pos;
    return utf8_next(f, len, &i);
}


/* May a unit end at pos? Not between two word characters, not after a space. */
static bool ends_at_boundary(const char *f, size_t len, size_t pos)
{
    if (pos < len && utf8_is_cont((unsigned char)f[pos]))
        return false;
    if (f[pos - 1] == ' ')
        return false;
    size_t before = pos;
    return pos == len || !is_word_cp(utf8_prev(f, &before)) || !is_word_cp(cp_at(f, len, pos));
}

static bool name_usable(const name_def *d, bool denominator)
{
    return !(d->flags & NOTEXT) && (!(d->flags & DENOM) || denominator) && !((d->flags & NUMER) && denominator);
}

/* Ends of possible spellings at f[i..): code-point positions that are not
 * inside a word and not after a space, up to MAX_KEY_LEN bytes, ascending. */
static size_t candidate_ends(const char *f, size_t len, size_t i, size_t *ends, size_t cap)
{
    size_t n = 0, p = i;
    bool prev_word = false;
    while (p < len && n < cap) {
        size_t q = p;
        uint32_t cp = (unsigned char)f[p] < 0x80 ? (unsigned char)f[q++] : utf8_next_fast(f, len, &q);
        bool word = is_word_cp(cp);
        if (p > i && !(prev_word && word) && f[p - 1] != ' ')
            ends[n++] = p;
        if (q - i > MAX_KEY_LEN)
            return n;
        prev_word = word;
        p = q;
    }
    if (p == len && p > i && f[p - 1] != ' ' && n < cap)
        ends[n++] = p;
    return n;
}

/* Length of the longest unit or count-noun spelling at f[i..). */
static size_t longest_unit_at(const vnr_unit_registry *reg, const char *f, size_t len,
                              size_t i, bool denominator)
{
    size_t best = 0;
    const unit_overlay *ov = reg->overlay;
    for (size_t k = 0; ov && k < ov->n_units; k++) {
        const user_unit *u = &ov->units[k];
        if (u->key_len > best && i + u->key_len <= len && memcmp(f + i, u->key, u->key_len) == 0 &&
            ends_at_boundary(f, len, i + u->key_len))
            best = u->key_len;
    }
    /* the candidate ends, shortest first: once no name starts with the
     * text up to one, no longer one is a name either */
    size_t ends[MAX_KEY_LEN];
    size_t n = candidate_ends(f, len, i, ends, MAX_KEY_LEN);
    size_t found = 0;
    for (size_t k = 0; k < n; k++) {
        size_t e = ends[k] - i;
        const name_def *d = first_name_from(f + i, e);
        if (!d || d->len < e || memcmp(d->key, f + i, e) != 0)
            break;
        if (d->len == e && name_usable(d, denominator))
            found = e;
    }
    return found > best ? found : best;
}

/* Length of a scale word at f[i..) followed by a space or a boundary, or
 * glued to a unit as web pages print it (`15.563 tỷđồng`, `310
 * triệuUSD`): *glued tells which. */
static size_t scale_at(const vnr_unit_registry *reg, const char *f, size_t len, size_t i, bool *glued)
{
    for (size_t k = 0; k < SCALES_N; k++) {
        size_t l = scales[k].len;
        if (i + l > len || memcmp(f + i, scales[k].key, l) != 0)
            continue;
        *glued = !ends_at_boundary(f, len, i + l);
        if (!*glued)
            return l;
        size_t u = !continues_syllable(f[i + l - 1], f[i + l]) ? longest_unit_at(reg, f, len, i + l, false) : 0;
        if (u >= 2)
            return l;
    }
    return 0;
}

/* End of one part of an expression at f[i..): [count] scale* unit. 0 when
 * none; *scale_end = end of the scale words when only those matched. */
static size_t match_part(const vnr_unit_registry *reg, const running_text *rt, size_t i,
                         bool denominator, size_t *scale_end)
{
    const char *f = rt->s;
    size_t len = rt->len;
    *scale_end = 0;
    if (denominator && i < len && utf8_is_digit(f[i])) {
        double count;
        size_t j = count_digits_end(f, len, i, &count);
        if (j + 1 >= len || f[j] != ' ')
            return 0;
        i = j + 1;
    }
    for (;;) {
        size_t u = longest_unit_at(reg, f, len, i, denominator);
        if (u)
            return i + u;
        bool glued;
        size_t sw = scale_at(reg, f, len, i, &glued);
        if (!sw)
            return 0;
        *scale_end = i + sw;
        if (glued || (f[i + sw - 1] == '.' && i + sw < len && f[i + sw] != ' ')) {
            i += sw;   /* (an abbreviation's dot is its end: `tr.người.km`) */
            continue;
        }
        if (i + sw + 1 >= len || f[i + sw] != ' ')
            return 0;
        i += sw + 1;
    }
}

size_t units_glued_scale(const char *s, size_t n)
{
    running_text rt;
    fold_running(s, n, &rt);
    bool glued = false;
    size_t l = rt.len ? scale_at(&builtin_registry, rt.s, rt.len, 0, &glued) : 0;
    return l && glued ? rt.src[l] : 0;
}

size_t units_match_prefix(const vnr_unit_registry *reg, const char *s, size_t n)
{
    if (!reg)
        reg = &builtin_registry;
    running_text rt;
    fold_running(s, n, &rt);
    if (rt.len == 0)
        return 0;
    size_t scale_end;
    size_t end = match_part(reg, &rt, 0, false, &scale_end);
    if (!end)
        return scale_end ? rt.src[scale_end] : 0;
    while (end < rt.len && rt.s[end] == '/') {
        size_t ignored, next = match_part(reg, &rt, end + 1, true, &ignored);
        if (!next)
            break;
        end = next;
    }
    return rt.src[end];
}

/* ------------------------------------------------------------------ */
/* Listing and self-checks                                              */
/* ------------------------------------------------------------------ */

static size_t count_noun_total(void)
{
    size_t c = 0;
    for (size_t i = 0; i < NAMES_N; i++)
        c += names[i].unit == U_COUNT_NOUN;
    return c;
}

size_t units_builtin_count(void)
{
    return UNIT_N + SCALES_N + count_noun_total();
}

static const name_def *nth_count_noun(size_t k)
{
    for (size_t i = 0; i < NAMES_N; i++)
        if (names[i].unit == U_COUNT_NOUN && k-- == 0)
            return &names[i];
    return NULL;
}

bool units_builtin_entry(size_t index, listing_entry *out)
{
    memset(out, 0, sizeof *out);
    out->table_index = index;
    if (index < UNIT_N) {
        const unit_def *u = &unit_defs[index];
        const canon_def *c = &canons[u->canon];
        out->kind = LIST_UNIT;
        out->name = u->name;
        out->canonical = c->name;
        out->dimension = c->dimension;
        memcpy(out->factor, u->factor, sizeof out->factor);
        out->offset = u->offset;
        out->regional = u->regional;
        return true;
    }
    index -= UNIT_N;
    if (index < SCALES_N) {
        out->kind = LIST_SCALE;
        out->name = scales[index].key;
        out->canonical = "1";
        out->dimension = "count";
        out->factor[0] = out->factor[1] = out->factor[2] = scales[index].mult;
        out->table_index = index;
        return true;
    }
    index -= SCALES_N;
    const name_def *d = nth_count_noun(index);
    if (!d)
        return false;
    out->kind = LIST_COUNT;
    out->name = d->key;
    out->canonical = d->key;
    out->dimension = "count";
    out->factor[0] = out->factor[1] = out->factor[2] = 1;
    out->table_index = index;
    return true;
}

const char *units_builtin_alias(size_t table_index, size_t idx)
{
    for (size_t i = 0; i < NAMES_N; i++)
        if (names[i].unit == table_index && idx-- == 0)
            return names[i].key;
    return NULL;
}

const char *units_check_tables(char *buf, size_t cap)
{
    char f[UNIT_FOLD_MAX + 1];
    for (size_t i = 0; i < NAMES_N; i++) {
        const name_def *d = &names[i];
        if (i > 0 && compare_key(&names[i - 1], d->key, d->len) >= 0) {
            snprintf(buf, cap, "unit-names.def: '%s' must come before '%s'", d->key, names[i - 1].key);
            return buf;
        }
        if (d->len > MAX_KEY_LEN || units_fold(d->key, d->len, f, sizeof f) != d->len ||
            memcmp(f, d->key, d->len) != 0) {
            snprintf(buf, cap, "unit-names.def: '%s' is not folded or longer than %d bytes",
                     d->key, MAX_KEY_LEN);
            return buf;
        }
        if (find_scale(d->key, d->len) != 0) {
            snprintf(buf, cap, "unit-names.def: '%s' is also a scale word", d->key);
            return buf;
        }
    }
    for (size_t u = 0; u < UNIT_N; u++) {
        size_t fl = units_fold(unit_defs[u].name, strlen(unit_defs[u].name), f, sizeof f);
        const name_def *d = find_name(f, fl);
        if (!d || d->unit != u) {
            snprintf(buf, cap, "units-table.def: unit '%s' has no matching row in unit-names.def",
                     unit_defs[u].name);
            return buf;
        }
    }
    for (size_t k = 0; k < SCALES_N; k++)
        if (units_fold(scales[k].key, scales[k].len, f, sizeof f) != scales[k].len) {
            snprintf(buf, cap, "scale-words.def: '%s' is not folded", scales[k].key);
            return buf;
        }
    return NULL;
}
