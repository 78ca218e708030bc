/*
 * keys.c — canonical indicator keys for finished records (a step after
 * recognition: it reads the records' indicator, subject, clause, sections,
 * dimension and role, and writes indicator_key and subject_key).
 *
 * Owns: the confidence rule. A record gets a key only when
 *   1. a phrase family of a row of indicator-keys.def occurs, as whole
 *      accent-folded words, in one of the record's sources, tried in this
 *      order: its indicator phrase; indicator + subject; its clause; its
 *      two innermost section headings — the first source with a
 *      matching row decides, and inside a source the first row in file
 *      order wins (specific rows come before generic ones);
 *   2. the record's dimension is one the row is measured in (or the record
 *      is a change, index, attainment, share or target in %), and its role
 *      is one the row accepts;
 *   3. for a row flagged "subject", a subject of the row's groups is named
 *      by the indicator, the subject or the innermost heading (the first
 *      of these that names one; a text naming two subjects of a group at
 *      different places names none);
 *   4. no '!' phrase of the matching alternative occurs in the source or in
 *      the record's clause.
 * Otherwise both keys stay NULL: no key is ever guessed from the unit alone.
 */
#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

typedef struct key_row {
    const char *key, *name, *codes, *dims, *roles, *subjects, *flags, *patterns;
} key_row;

typedef struct subject_row {
    const char *group, *key, *patterns;
} subject_row;

static const key_row key_rows[] = {
#define INDICATOR(k, n, c, d, r, s, f, p) { k, n, c, d, r, s, f, p },
#include "indicator-keys.def"
#undef INDICATOR
};

static const subject_row subject_rows[] = {
#define SUBJECT(g, k, p) { g, k, p },
#include "indicator-keys.def"
#undef SUBJECT
};

#define N_KEY_ROWS (sizeof key_rows / sizeof *key_rows)
#define N_SUBJECT_ROWS (sizeof subject_rows / sizeof *subject_rows)

/* ---------------------------------------------------------------- */
/* Folding                                                           */
/* ---------------------------------------------------------------- */

/* The five Vietnamese tone marks; breve, circumflex and horn stay (they tell
 * sắn "cassava" from sản "output"). */
static bool is_tone_mark(utf8proc_int32_t cp)
{
    return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 || cp == 0x323;
}

static bool is_word_char(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* The folded form of one non-ASCII code point: its canonical
 * decomposition, case-folded, tone marks dropped, as UTF-8 in `out`
 * (at most 12 bytes), a non-word character as one space. */
static size_t fold_code_point(utf8proc_int32_t cp, char out[12])
{
    utf8proc_int32_t dec[4];
    int boundclass = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, dec, 4,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD,
                                                 &boundclass);
    size_t n = 0;
    for (utf8proc_ssize_t j = 0; j < (k > 0 && k <= 4 ? k : 0); j++) {
        if (is_tone_mark(dec[j]))
            continue;
        if (!is_word_char(dec[j])) {
            out[n++] = ' ';
            continue;
        }
        if (n + 4 > 12)
            break;
        n += (size_t)utf8proc_encode_char(dec[j], (utf8proc_uint8_t *)out + n);
    }
    if (k <= 0)
        out[n++] = ' ';
    return n;
}

/* Recently folded code points: Vietnamese text uses few, and decomposing
 * each through utf8proc is the cost of folding. Direct-mapped. */
typedef struct fold_cache {
    int32_t cp[256];
    uint8_t len[256];
    char bytes[256][12];
} fold_cache;

/* Only the first KEY_TEXT_MAX bytes of a text speak for a record: a
 * "clause" of megabytes (one line of numbers) must not make every record
 * of it cost its whole length. */
#define KEY_TEXT_MAX 1024

static bool fold_with(const char *s, vnr_buf *out, fold_cache *cache)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strnlen((const char *)p, KEY_TEXT_MAX);
    /* a code point folds to at most 12 bytes from at least 2; ASCII 1:1 */
    if (!buf_reserve(out, 6 * n + 2))
        return false;
    char *o = out->data + out->len;
    bool space = true;
    *o++ = ' ';
    while (n > 0) {
        char tmp[12];
        const char *piece = tmp;
        size_t plen;
        if (*p < 0x80) {   /* ASCII: no table look-up */
            unsigned char c = *p++;
            n--;
            bool word = (c >= '0' && c <= '9') || (unsigned)((c | 0x20) - 'a') < 26u;
            tmp[0] = word ? (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c) : ' ';
            plen = 1;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t len = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
            if (len <= 0) {
                len = 1;
                cp = -1;
            }
            p += len;
            n -= (size_t)len;
            size_t slot = (size_t)cp & 255;
            if (cp < 0) {
                tmp[0] = ' ';
                plen = 1;
            } else if (cache && cache->cp[slot] == cp) {
                piece = cache->bytes[slot];
                plen = cache->len[slot];
            } else {
                plen = fold_code_point(cp, tmp);
                if (cache) {
                    cache->cp[slot] = cp;
                    cache->len[slot] = (uint8_t)plen;
                    memcpy(cache->bytes[slot], tmp, plen);
                }
            }
        }
        for (size_t i = 0; i < plen; i++) {
            if (piece[i] == ' ') {
                if (!space)
                    *o++ = ' ';
                space = true;
            } else {
                *o++ = piece[i];
                space = false;
            }
        }
    }
    if (!space)
        *o++ = ' ';
    *o = '\0';
    out->len = (size_t)(o - out->data);
    return true;
}

bool keys_fold(const char *s, vnr_buf *out)
{
    return fold_with(s, out, NULL);
}

/* ---------------------------------------------------------------- */
/* Folded texts with an index of their words                         */
/* ---------------------------------------------------------------- */

/* A folded text and a set of the hashes of its words: a phrase can only
 * occur when its first word does, so most phrases are rejected by one
 * probe instead of a scan of the text (the table has hundreds). */
typedef struct ftext {
    vnr_buf buf;
    uint32_t *set;           /* open addressing, 0 = empty */
    size_t mask, set_cap;
    uint8_t *cand;           /* per alternative of the table: may match here */
    size_t cand_cap;
    uint32_t *cands;         /* the same as a list, ascending */
    size_t n_cands, cands_cap;
} ftext;

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ? h : 1;
}

static void ftext_free(ftext *f)
{
    buf_free(&f->buf);
    free(f->set);
    free(f->cand);
    free(f->cands);
    memset(f, 0, sizeof *f);
}

static bool ftext_has(const ftext *f, uint32_t h)
{
    for (size_t i = h & f->mask;; i = (i + 1) & f->mask) {
        if (f->set[i] == h)
            return true;
        if (!f->set[i])
            return false;
    }
}

/* Index the words of f->buf (separated by spaces or \x01). */
static bool ftext_index(ftext *f)
{
    size_t words = 1;
    for (size_t i = 0; i < f->buf.len; i++)
        words += f->buf.data[i] == ' ';
    size_t cap = 16;
    while (cap < 2 * words)
        cap *= 2;
    if (cap > f->set_cap) {   /* reused from record to record */
        free(f->set);
        f->set = malloc(cap * sizeof *f->set);
        f->set_cap = f->set ? cap : 0;
        if (!f->set)
            return false;
    }
    memset(f->set, 0, cap * sizeof *f->set);
    f->mask = cap - 1;
    const char *p = f->buf.data ? f->buf.data : "", *end = p + f->buf.len;
    while (p < end) {
        size_t n = strcspn(p, " \x01");
        if (n) {
            uint32_t h = word_hash(p, n);
            size_t i = h & f->mask;
            while (f->set[i] && f->set[i] != h)
                i = (i + 1) & f->mask;
            f->set[i] = h;
        }
        p += n + 1;
    }
    return true;
}

static bool ftext_fold(ftext *f, const char *s, fold_cache *cache)
{
    f->buf.len = 0;
    return fold_with(s, &f->buf, cache) && ftext_index(f);
}

/* ---------------------------------------------------------------- */
/* The compiled table                                                */
/* ---------------------------------------------------------------- */

/* One phrase of an alternative: folded, padded with spaces. */
typedef struct term {
    const char *text;
    uint32_t first_word;     /* hash of its first word; 0: matches nothing */
    bool negated;
} term;

/* Alternatives of one row: alt i holds terms [alt_end[i-1], alt_end[i]). */
typedef struct pattern_set {
    size_t first_alt, n_alts;
} pattern_set;

typedef struct key_table {
    vnr_buf folded;          /* every term, NUL-separated */
    term *terms;
    size_t n_terms, cap_terms;
    size_t *alt_end;
    size_t n_alts, cap_alts;
    pattern_set rows[N_KEY_ROWS];
    pattern_set count_units[N_KEY_ROWS];   /* nouns of "count:…", or none */
    unsigned role_mask[N_KEY_ROWS];
    unsigned dim_mask[N_KEY_ROWS];         /* bits of dimension_index() */
    pattern_set subjects[N_SUBJECT_ROWS];
    /* word → alternatives whose first phrase starts with it: the chain
     * head in by_word, the next link in next_alt (SIZE_MAX ends) */
    uint32_t *word_key;
    size_t *by_word, *next_alt, word_mask;
    int32_t *alt_row;        /* key row of each alternative, or -1 */
    uint8_t *alt_neg;        /* the alternative has a '!' phrase */
    /* each row's subject groups as ranges of subject rows (a group's rows
     * are consecutive in the table) */
    struct { uint16_t first, count; } groups[N_KEY_ROWS][4];
    uint8_t n_groups[N_KEY_ROWS];
    fold_cache cache;
} key_table;

static void table_free(key_table *t)
{
    buf_free(&t->folded);
    free(t->terms);
    free(t->alt_end);
    free(t->word_key);
    free(t->by_word);
    free(t->next_alt);
    free(t->alt_row);
    free(t->alt_neg);
}

/* Fold one phrase of a pattern and add it as a term; offsets are fixed up
 * into pointers once the buffer stops moving. */
static bool add_term(key_table *t, const char *s, size_t n)
{
    bool negated = n > 0 && s[0] == '!';
    char tmp[256];
    if (negated) {
        s++;
        n--;
    }
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    size_t at = t->folded.len;
    if (!fold_with(tmp, &t->folded, &t->cache) || !buf_append_char(&t->folded, '\0'))
        return false;
    const char *w = t->folded.data + at + 1;
    size_t wl = strcspn(w, " ");
    term tm = { (const char *)(uintptr_t)at, wl ? word_hash(w, wl) : 0, negated };
    return VEC_PUSH(t->terms, t->n_terms, t->cap_terms, tm);
}

/* Alternatives separated by any of `alt_seps`, phrases inside by '+'. */
static bool compile_patterns(key_table *t, const char *patterns, size_t len,
                             const char *alt_seps, pattern_set *out)
{
    out->first_alt = t->n_alts;
    char seps[8];
    snprintf(seps, sizeof seps, "+%s", alt_seps);
    for (size_t at = 0; at < len;) {
        size_t alt_len = strcspn(patterns + at, alt_seps);
        if (alt_len > len - at)
            alt_len = len - at;
        for (size_t i = 0; i < alt_len;) {
            size_t tl = strcspn(patterns + at + i, seps);
            if (tl > alt_len - i)
                tl = alt_len - i;
            if (!add_term(t, patterns + at + i, tl))
                return false;
            i += tl + 1;
        }
        if (!VEC_PUSH(t->alt_end, t->n_alts, t->cap_alts, t->n_terms))
            return false;
        at += alt_len + 1;
    }
    out->n_alts = t->n_alts - out->first_alt;
    return true;
}

/* Dimensions by index, for the rows' bit masks; any other is index 0. */
static const char *const dimension_names[] = {
    "", "area", "mass", "length", "volume", "energy", "power", "currency", "count",
    "ratio", "rate", "time",
};
#define DIM_COUNT 8u
#define DIM_RATIO 9u

static unsigned dimension_index(const char *name, size_t n)
{
    for (unsigned i = 1; i < sizeof dimension_names / sizeof *dimension_names; i++)
        if (strlen(dimension_names[i]) == n && strncmp(dimension_names[i], name, n) == 0)
            return i;
    return 0;
}

/* Dimensions a row is measured in as a bit mask ("*": all). */
static unsigned dim_mask(const char *dims)
{
    if (strcmp(dims, "*") == 0)
        return ~0u;
    unsigned mask = 0;
    for (const char *p = dims; *p;) {
        size_t l = strcspn(p, "|");
        const char *colon = memchr(p, ':', l);
        mask |= 1u << dimension_index(p, colon ? (size_t)(colon - p) : l);
        p += l + (p[l] ? 1 : 0);
    }
    return mask;
}

/* Roles a row accepts as a bit mask of vnr_role. */
static unsigned role_mask(const char *roles)
{
    if (strcmp(roles, "*") == 0)
        return ~0u;
    unsigned mask = 0;
    for (unsigned r = VNR_ROLE_LEVEL; r <= VNR_ROLE_TARGET; r++) {
        const char *name = vnr_role_name((vnr_role)r);
        size_t n = strlen(name);
        for (const char *p = roles; *p;) {
            size_t l = strcspn(p, "|");
            if (l == n && strncmp(p, name, n) == 0)
                mask |= 1u << r;
            p += l + (p[l] ? 1 : 0);
        }
    }
    return mask;
}

/* The rows of subject group `g` (length n): [*first, *first + return). */
static uint16_t group_range(const char *g, size_t n, uint16_t *first)
{
    uint16_t count = 0;
    for (size_t i = 0; i < N_SUBJECT_ROWS; i++) {
        if (strlen(subject_rows[i].group) != n || strncmp(subject_rows[i].group, g, n) != 0)
            continue;
        if (!count)
            *first = (uint16_t)i;
        count++;
    }
    return count;
}

static bool compile_row(key_table *t, size_t i)
{
    const key_row *row = &key_rows[i];
    t->n_groups[i] = 0;
    for (const char *g = row->subjects; *g && t->n_groups[i] < 4;) {
        size_t l = strcspn(g, "|");
        uint16_t first = 0, count = group_range(g, l, &first);
        t->groups[i][t->n_groups[i]].first = first;
        t->groups[i][t->n_groups[i]++].count = count;
        g += l + (g[l] ? 1 : 0);
    }
    t->role_mask[i] = role_mask(row->roles);
    t->dim_mask[i] = dim_mask(row->dims);
    const char *count = strstr(row->dims, "count:");
    t->count_units[i] = (pattern_set){ t->n_alts, 0 };
    if (count && !compile_patterns(t, count + 6, strcspn(count + 6, "|"), ",",
                                   &t->count_units[i]))
        return false;
    return compile_patterns(t, row->patterns, strlen(row->patterns), "|", &t->rows[i]);
}

/* Chain every alternative under the first word of its first positive
 * phrase (an alternative of negations only is never a candidate). */
static bool index_alternatives(key_table *t)
{
    size_t cap = 16;
    while (cap < 2 * t->n_alts)
        cap *= 2;
    t->word_mask = cap - 1;
    t->word_key = calloc(cap, sizeof *t->word_key);
    t->by_word = malloc(cap * sizeof *t->by_word);
    t->next_alt = malloc((t->n_alts ? t->n_alts : 1) * sizeof *t->next_alt);
    t->alt_row = malloc((t->n_alts ? t->n_alts : 1) * sizeof *t->alt_row);
    t->alt_neg = calloc(t->n_alts ? t->n_alts : 1, 1);
    if (!t->word_key || !t->by_word || !t->next_alt || !t->alt_row || !t->alt_neg)
        return false;
    for (size_t a = 0; a < t->n_alts; a++)
        for (size_t i = a ? t->alt_end[a - 1] : 0; i < t->alt_end[a]; i++)
            t->alt_neg[a] |= t->terms[i].negated;
    for (size_t a = 0; a < t->n_alts; a++)
        t->alt_row[a] = -1;
    for (size_t i = 0; i < N_KEY_ROWS; i++)
        for (size_t a = t->rows[i].first_alt; a < t->rows[i].first_alt + t->rows[i].n_alts; a++)
            t->alt_row[a] = (int32_t)i;
    for (size_t a = t->n_alts; a-- > 0;) {
        size_t from = a ? t->alt_end[a - 1] : 0;
        uint32_t h = 0;
        for (size_t i = from; i < t->alt_end[a] && !h; i++)
            if (!t->terms[i].negated)
                h = t->terms[i].first_word;
        t->next_alt[a] = SIZE_MAX;
        if (!h)
            continue;
        size_t k = h & t->word_mask;
        while (t->word_key[k] && t->word_key[k] != h)
            k = (k + 1) & t->word_mask;
        if (t->word_key[k])
            t->next_alt[a] = t->by_word[k];
        t->word_key[k] = h;
        t->by_word[k] = a;   /* walking backwards: chains in file order */
    }
    return true;
}

static bool table_compile(key_table *t)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < N_KEY_ROWS; i++)
        if (!compile_row(t, i))
            return false;
    for (size_t i = 0; i < N_SUBJECT_ROWS; i++)
        if (!compile_patterns(t, subject_rows[i].patterns, strlen(subject_rows[i].patterns),
                              "|", &t->subjects[i]))
            return false;
    for (size_t i = 0; i < t->n_terms; i++)
        t->terms[i].text = t->folded.data + (uintptr_t)t->terms[i].text;
    return index_alternatives(t);
}

/* Which alternatives may match `f`: those whose first phrase's first word
 * is a word of `f`. */
static bool mark_candidates(const key_table *t, ftext *f)
{
    if (f->cand_cap < t->n_alts) {
        uint8_t *c = calloc(t->n_alts, 1);
        if (!c)
            return false;
        free(f->cand);
        f->cand = c;
        f->cand_cap = t->n_alts;
        f->n_cands = 0;
    }
    /* clear only what the last text set: most texts set a few flags */
    for (size_t i = 0; i < f->n_cands; i++)
        f->cand[f->cands[i]] = 0;
    f->n_cands = 0;
    const char *p = f->buf.data ? f->buf.data : "", *end = p + f->buf.len;
    while (p < end) {
        size_t n = strcspn(p, " \x01");
        if (n) {
            uint32_t h = word_hash(p, n);
            size_t k = h & t->word_mask;
            while (t->word_key[k] && t->word_key[k] != h)
                k = (k + 1) & t->word_mask;
            for (size_t a = t->word_key[k] ? t->by_word[k] : SIZE_MAX; a != SIZE_MAX;
                 a = t->next_alt[a]) {
                if (f->cand[a])
                    continue;
                f->cand[a] = 1;
                if (!VEC_PUSH(f->cands, f->n_cands, f->cands_cap, (uint32_t)a))
                    return false;
            }
        }
        p += n + 1;
    }
    /* ascending = in file order of the rows: a long list is read back
     * from the flags, a short one sorted in place */
    if (f->n_cands > 24) {
        size_t m = 0;
        for (const uint8_t *c = f->cand, *e = c + t->n_alts;
             (c = memchr(c, 1, (size_t)(e - c))) != NULL; c++)
            f->cands[m++] = (uint32_t)(c - f->cand);
        return true;
    }
    for (size_t i = 1; i < f->n_cands; i++) {
        uint32_t v = f->cands[i];
        size_t j = i;
        for (; j > 0 && f->cands[j - 1] > v; j--)
            f->cands[j] = f->cands[j - 1];
        f->cands[j] = v;
    }
    return true;
}

/* ---------------------------------------------------------------- */
/* Matching                                                          */
/* ---------------------------------------------------------------- */

/* Where the term occurs in `f`, or NULL. */
static const char *term_in(const term *tm, const ftext *f)
{
    if (!tm->first_word || !ftext_has(f, tm->first_word))
        return NULL;
    return strstr(f->buf.data, tm->text);
}

/* Does an alternative of `ps` match `text`? A negated phrase must occur
 * neither in `text` nor in `clause` (NULL: not checked): "rừng trồng" in a
 * clause about a forest fire is no planting. */
static bool alt_matches(const key_table *t, size_t a, const ftext *text, const ftext *clause)
{
    size_t from = a ? t->alt_end[a - 1] : 0;
    bool all = from < t->alt_end[a];
    for (size_t i = from; all && i < t->alt_end[a]; i++) {
        const term *tm = &t->terms[i];
        bool found = term_in(tm, text) != NULL;
        if (tm->negated && !found && clause)
            found = term_in(tm, clause) != NULL;
        all = tm->negated ? !found : found;
    }
    return all;
}

static bool set_matches(const key_table *t, const pattern_set *ps, const ftext *text,
                        const ftext *clause)
{
    for (size_t a = ps->first_alt; a < ps->first_alt + ps->n_alts; a++)
        if (text->cand[a] && alt_matches(t, a, text, clause))
            return true;
    return false;
}

/* Where the first phrase of `ps` occurs in `text` (its longest match), or
 * NULL; *len gets the match length. Negations are ignored here. */
static const char *first_match(const key_table *t, const pattern_set *ps, const ftext *text,
                               size_t *len)
{
    const char *best = NULL;
    *len = 0;
    for (size_t a = ps->first_alt; a < ps->first_alt + ps->n_alts; a++) {
        size_t from = a ? t->alt_end[a - 1] : 0;
        if (!text->cand[a])
            continue;
        for (size_t i = from; i < t->alt_end[a]; i++) {
            const term *tm = &t->terms[i];
            const char *at = tm->negated ? NULL : term_in(tm, text);
            size_t l = at ? strlen(tm->text) : 0;
            if (at && l > *len) {
                best = at;
                *len = l;
            }
        }
    }
    return best;
}

/* Does the row fit the record's role and dimension (`dim`, an index of
 * dimension_names)? A "count:w1,w2" row holds a count only when its unit
 * names one of the words (a count of communes is not a count of projects). */
static bool row_fits(const key_table *t, size_t row, const vnr_record *r, unsigned dim,
                     const ftext *(*unit)(void *), void *ctx)
{
    if (!(t->role_mask[row] & (1u << r->role)))
        return false;
    if (t->dim_mask[row] & (1u << dim)) {
        if (dim != DIM_COUNT || !t->count_units[row].n_alts)
            return true;
        const ftext *u = unit(ctx);
        return u && set_matches(t, &t->count_units[row], u, NULL);
    }
    /* a growth rate, an attainment or a share of any level is in % */
    return dim == DIM_RATIO && r->role != VNR_ROLE_LEVEL;
}

/* The texts a record is matched against, folded, in the order tried.
 * Each is folded only when a step needs it (most records are decided by
 * their indicator phrase); the clause and the headings are shared by
 * neighbouring records and folded again only when they change. */
#define KEY_SECTIONS 2   /* outer headings name whole chapters */
enum { SRC_UNIT, SRC_SUBJECT, SRC_COMBINED, SRC_CLAUSE, SRC_SECTION };

typedef struct sources {
    const key_table *t;
    const vnr_record *r;
    ftext indicator, subject, combined, unit;
    ftext clause, section[KEY_SECTIONS];
    const char *clause_of, *section_of[KEY_SECTIONS];
    unsigned ready;          /* bits of SRC_* (+ i for section i) */
    bool oom;
    size_t n_section;
    unsigned dim;            /* the record's dimension_index() */
    uint8_t fits[N_KEY_ROWS];   /* row fits role and unit: 0 unknown, 1 yes, 2 no */
    fold_cache cache;
} sources;

static void sources_free(sources *s)
{
    ftext_free(&s->indicator);
    ftext_free(&s->subject);
    ftext_free(&s->combined);
    ftext_free(&s->unit);
    ftext_free(&s->clause);
    for (size_t i = 0; i < KEY_SECTIONS; i++)
        ftext_free(&s->section[i]);
}

/* Fold `src` into `f` unless `*of` already holds the same text. */
static bool fold_cached(const key_table *t, ftext *f, const char **of, const char *src,
                        fold_cache *cache)
{
    const char *text = src ? src : "";
    if (*of && f->set && (*of == text || strncmp(*of, text, KEY_TEXT_MAX) == 0))
        return true;
    *of = NULL;
    if (!ftext_fold(f, text, cache) || !mark_candidates(t, f))
        return false;
    *of = text;
    return true;
}

static bool build_source(sources *s, unsigned which)
{
    const key_table *t = s->t;
    const vnr_record *r = s->r;
    switch (which) {
    case SRC_UNIT:
        return ftext_fold(&s->unit, r->unit, &s->cache) && mark_candidates(t, &s->unit);
    case SRC_SUBJECT:
        return ftext_fold(&s->subject, r->subject, &s->cache) && mark_candidates(t, &s->subject);
    case SRC_COMBINED:
        s->combined.buf.len = 0;
        return (s->ready & (1u << SRC_SUBJECT) || build_source(s, SRC_SUBJECT)) &&
               (s->ready |= 1u << SRC_SUBJECT) &&
               buf_append(&s->combined.buf, s->indicator.buf.data, s->indicator.buf.len) &&
               buf_append_char(&s->combined.buf, '\x01') &&
               buf_append(&s->combined.buf, s->subject.buf.data, s->subject.buf.len) &&
               ftext_index(&s->combined) && mark_candidates(t, &s->combined);
    case SRC_CLAUSE:
        return fold_cached(t, &s->clause, &s->clause_of, r->text, &s->cache);
    default: {
        size_t i = which - SRC_SECTION;
        return fold_cached(t, &s->section[i], &s->section_of[i],
                           r->section[r->section_depth - 1 - i], &s->cache);
    }
    }
}

/* A source, folded on first use; NULL when out of memory (s->oom). */
static const ftext *source(sources *s, unsigned which)
{
    if (!(s->ready & (1u << which))) {
        if (!build_source(s, which)) {
            s->oom = true;
            return NULL;
        }
        s->ready |= 1u << which;
    }
    switch (which) {
    case SRC_UNIT: return &s->unit;
    case SRC_SUBJECT: return &s->subject;
    case SRC_COMBINED: return &s->combined;
    case SRC_CLAUSE: return &s->clause;
    default: return &s->section[which - SRC_SECTION];
    }
}

/* The subject of `group` a text names: the one with the longest match;
 * NULL when none, or when another subject of the group is named apart from
 * it ("trâu, bò, lợn": no single subject, never a guess). */
static const char *subject_in(const key_table *t, const ftext *text, size_t first,
                              size_t count, bool *ambiguous)
{
    const char *best = NULL, *best_at = NULL;
    size_t best_len = 0;
    *ambiguous = false;
    for (size_t i = first; i < first + count; i++) {
        size_t len;
        const char *at = first_match(t, &t->subjects[i], text, &len);
        if (!at)
            continue;
        /* matches are padded with spaces that neighbours share: compare the
         * words only, [at + 1, at + len - 1) */
        if (best && (at + len - 1 <= best_at + 1 || best_at + best_len - 1 <= at + 1))
            *ambiguous = true;   /* two subjects at different places */
        if (len > best_len) {
            best = subject_rows[i].key;
            best_at = at;
            best_len = len;
        }
    }
    return *ambiguous ? NULL : best;
}

/* First subject of `group` named by the indicator, the subject or the
 * innermost heading, or NULL. */
static const char *find_subject(sources *s, size_t first, size_t count)
{
    for (unsigned k = 0; k < 3 && !s->oom; k++) {
        const ftext *text = k == 0   ? &s->indicator
                            : k == 1 ? source(s, SRC_SUBJECT)
                            : s->n_section ? source(s, SRC_SECTION) : NULL;
        if (!text)
            continue;
        bool ambiguous;
        const char *found = subject_in(s->t, text, first, count, &ambiguous);
        if (found || ambiguous)
            return found;
    }
    return NULL;
}

/* subject_key of a row: its groups' subjects joined with '.'; NULL when
 * none is named (or out of memory: s->oom). */
static const char *row_subject(sources *s, size_t row, vnr_arena *arena)
{
    const char *parts[4];
    size_t n = 0, total = 0;
    for (size_t g = 0; g < s->t->n_groups[row]; g++) {
        const char *found = find_subject(s, s->t->groups[row][g].first,
                                         s->t->groups[row][g].count);
        if (found) {
            parts[n++] = found;
            total += strlen(found) + 1;
        }
    }
    if (n <= 1)
        return n ? parts[0] : NULL;
    char *joined = arena_alloc(arena, total);
    if (!joined) {
        s->oom = true;
        return NULL;
    }
    joined[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(joined, ".");
        strcat(joined, parts[i]);
    }
    return joined;
}

static const ftext *unit_source(void *s)
{
    return source(s, SRC_UNIT);
}

/* Try every fitting row against one source; true when a row decided. */
static bool match_source(sources *s, vnr_record *r, const ftext *text, vnr_arena *arena)
{
    const key_table *t = s->t;
    int32_t failed = -1;   /* a row whose subject is missing: its other alternatives too */
    for (size_t k = 0; text && k < text->n_cands && !s->oom; k++) {
        size_t a = text->cands[k];
        int32_t i = t->alt_row[a];
        if (i < 0 || i == failed)
            continue;
        if (!s->fits[i])
            s->fits[i] = row_fits(t, (size_t)i, r, s->dim, unit_source, s) ? 1 : 2;
        if (s->fits[i] != 1)
            continue;
        const ftext *clause = t->alt_neg[a] ? source(s, SRC_CLAUSE) : NULL;
        if (!alt_matches(t, a, text, clause))
            continue;
        const key_row *row = &key_rows[i];
        failed = i;
        const char *subject = row_subject(s, (size_t)i, arena);
        if (s->oom)
            return true;
        if (strcmp(row->flags, "subject") == 0 && !subject)
            continue;
        r->indicator_key = row->key;
        r->subject_key = subject;
        return true;
    }
    return s->oom;
}

static bool assign_one(const key_table *t, vnr_record *r, sources *s, vnr_arena *arena)
{
    r->indicator_key = r->subject_key = NULL;
    if (!r->dimension)
        return true;
    s->t = t;
    s->r = r;
    s->ready = 0;
    if (!ftext_fold(&s->indicator, r->indicator, &s->cache) ||
        !mark_candidates(t, &s->indicator))
        return false;
    s->dim = dimension_index(r->dimension, strlen(r->dimension));
    s->n_section = r->section_depth < KEY_SECTIONS ? r->section_depth : KEY_SECTIONS;
    memset(s->fits, 0, sizeof s->fits);
    bool done = match_source(s, r, &s->indicator, arena) ||
                match_source(s, r, source(s, SRC_COMBINED), arena) ||
                match_source(s, r, source(s, SRC_CLAUSE), arena);
    for (size_t i = 0; !done && i < s->n_section; i++)
        done = match_source(s, r, source(s, SRC_SECTION + (unsigned)i), arena);
    return !s->oom;
}

bool keys_assign(vnr_record *recs, size_t n, vnr_arena *arena)
{
    if (n == 0)
        return true;
    key_table t;
    sources s;
    memset(&s, 0, sizeof s);
    bool ok = table_compile(&t);
    for (size_t i = 0; ok && i < n; i++)
        ok = assign_one(&t, &recs[i], &s, arena);
    sources_free(&s);
    table_free(&t);
    return ok;
}
