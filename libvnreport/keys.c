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

bool keys_fold(const char *s, vnr_buf *out)
{
    bool space = true;
    if (!buf_append_char(out, ' '))
        return false;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    size_t n = strlen((const char *)p);
    while (n > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
        if (len <= 0) {
            len = 1;
            cp = ' ';
        }
        p += len;
        n -= (size_t)len;
        utf8proc_int32_t dec[8];
        int boundclass = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &boundclass);
        for (utf8proc_ssize_t j = 0; j < (k > 0 ? k : 0) && j < 8; j++) {
            if (is_tone_mark(dec[j]))
                continue;
            if (!is_word_char(dec[j])) {
                if (!space && !buf_append_char(out, ' '))
                    return false;
                space = true;
                continue;
            }
            if (!buf_append_utf8(out, (uint32_t)dec[j]))
                return false;
            space = false;
        }
    }
    return space || buf_append_char(out, ' ');
}

/* ---------------------------------------------------------------- */
/* The compiled table                                                */
/* ---------------------------------------------------------------- */

/* One phrase of an alternative: folded, padded with spaces. */
typedef struct term {
    const char *text;
    bool negated;
} term;

/* Alternatives of one row: terms[first .. first+count), split by `ends`. */
typedef struct pattern_set {
    size_t first_alt, n_alts;
} pattern_set;

typedef struct key_table {
    vnr_buf folded;          /* every term, NUL-separated */
    term *terms;
    size_t n_terms, cap_terms;
    size_t *alt_end;         /* alt i: terms [alt_end[i-1], alt_end[i]) */
    size_t n_alts, cap_alts;
    pattern_set rows[N_KEY_ROWS];
    pattern_set subjects[N_SUBJECT_ROWS];
} key_table;

static void table_free(key_table *t)
{
    buf_free(&t->folded);
    free(t->terms);
    free(t->alt_end);
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
    if (!keys_fold(tmp, &t->folded) || !buf_append_char(&t->folded, '\0'))
        return false;
    term tm = { (const char *)(uintptr_t)at, negated };
    return VEC_PUSH(t->terms, t->n_terms, t->cap_terms, tm);
}

static bool compile_patterns(key_table *t, const char *patterns, pattern_set *out)
{
    out->first_alt = t->n_alts;
    const char *p = patterns;
    for (;;) {
        size_t alt_len = strcspn(p, "|");
        for (size_t i = 0; i < alt_len;) {
            size_t tl = strcspn(p + i, "+|");
            if (tl > alt_len - i)
                tl = alt_len - i;
            if (!add_term(t, p + i, tl))
                return false;
            i += tl + 1;
        }
        if (!VEC_PUSH(t->alt_end, t->n_alts, t->cap_alts, t->n_terms))
            return false;
        if (!p[alt_len])
            break;
        p += alt_len + 1;
    }
    out->n_alts = t->n_alts - out->first_alt;
    return true;
}

static bool table_compile(key_table *t)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < N_KEY_ROWS; i++)
        if (!compile_patterns(t, key_rows[i].patterns, &t->rows[i]))
            return false;
    for (size_t i = 0; i < N_SUBJECT_ROWS; i++)
        if (!compile_patterns(t, subject_rows[i].patterns, &t->subjects[i]))
            return false;
    for (size_t i = 0; i < t->n_terms; i++)
        t->terms[i].text = t->folded.data + (uintptr_t)t->terms[i].text;
    return true;
}

/* ---------------------------------------------------------------- */
/* Matching                                                          */
/* ---------------------------------------------------------------- */

/* Does an alternative of `ps` match `text`? A negated phrase must occur
 * neither in `text` nor in `clause` (NULL: not checked): "rừng trồng" in a
 * clause about a forest fire is no planting. */
static bool set_matches(const key_table *t, const pattern_set *ps, const char *text,
                        const char *clause)
{
    for (size_t a = ps->first_alt; a < ps->first_alt + ps->n_alts; a++) {
        size_t from = a ? t->alt_end[a - 1] : 0;
        bool all = from < t->alt_end[a];
        for (size_t i = from; all && i < t->alt_end[a]; i++) {
            const term *tm = &t->terms[i];
            /* a term folded to nothing ("  ") matches nothing */
            bool found = tm->text[1] && strstr(text, tm->text);
            if (tm->negated && !found && clause)
                found = tm->text[1] && strstr(clause, tm->text);
            all = tm->negated ? !found : found;
        }
        if (all)
            return true;
    }
    return false;
}

/* Where the first phrase of `ps` occurs in `text` (its longest match), or
 * NULL; *len gets the match length. Negations are ignored here. */
static const char *first_match(const key_table *t, const pattern_set *ps, const char *text,
                               size_t *len)
{
    const char *best = NULL;
    *len = 0;
    for (size_t a = ps->first_alt; a < ps->first_alt + ps->n_alts; a++) {
        size_t from = a ? t->alt_end[a - 1] : 0;
        for (size_t i = from; i < t->alt_end[a]; i++) {
            const term *tm = &t->terms[i];
            const char *at = tm->negated || !tm->text[1] ? NULL : strstr(text, tm->text);
            size_t l = strlen(tm->text);
            if (at && l > *len) {
                best = at;
                *len = l;
            }
        }
    }
    return best;
}

/* Is `word` one of the '|'-separated words of `list` ("*" = all)? */
static bool in_list(const char *list, const char *word)
{
    if (strcmp(list, "*") == 0)
        return true;
    if (!word)
        return false;
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        size_t l = strcspn(p, "|");
        if (l == n && strncmp(p, word, n) == 0)
            return true;
        p += l + (p[l] ? 1 : 0);
    }
    return false;
}

/* Does the dims list of a row hold the record's dimension? A token
 * "count:w1,w2" holds a count only when its unit names one of the words
 * (a count of communes is not a count of projects). */
static bool dims_hold(const char *dims, const char *dimension, const char *unit_folded)
{
    if (strcmp(dims, "*") == 0)
        return true;
    size_t n = strlen(dimension);
    for (const char *p = dims; *p;) {
        size_t l = strcspn(p, "|");
        const char *colon = memchr(p, ':', l);
        size_t name_len = colon ? (size_t)(colon - p) : l;
        if (name_len == n && strncmp(p, dimension, n) == 0) {
            if (!colon)
                return true;
            for (const char *w = colon + 1; w < p + l;) {
                size_t wl = strcspn(w, ",|");
                char word[64];
                vnr_buf folded = { 0 };
                if (wl < sizeof word) {
                    memcpy(word, w, wl);
                    word[wl] = '\0';
                    bool hit = keys_fold(word, &folded) && strstr(unit_folded, folded.data);
                    buf_free(&folded);
                    if (hit)
                        return true;
                }
                w += wl + 1;
            }
        }
        p += l + (p[l] ? 1 : 0);
    }
    return false;
}

static bool row_fits(const key_row *row, const vnr_record *r, const char *unit_folded)
{
    if (!r->dimension || !in_list(row->roles, vnr_role_name(r->role)))
        return false;
    if (dims_hold(row->dims, r->dimension, unit_folded))
        return true;
    /* a growth rate, an attainment or a share of any level is in % */
    return strcmp(r->dimension, "ratio") == 0 && r->role != VNR_ROLE_LEVEL;
}

/* The texts a record is matched against, folded, in the order tried. */
typedef struct sources {
    vnr_buf indicator, subject, clause, combined, unit;
    vnr_buf *section;        /* innermost first */
    size_t n_section;
} sources;

static void sources_free(sources *s)
{
    buf_free(&s->indicator);
    buf_free(&s->subject);
    buf_free(&s->clause);
    buf_free(&s->combined);
    buf_free(&s->unit);
    for (size_t i = 0; i < s->n_section; i++)
        buf_free(&s->section[i]);
    free(s->section);
}

static bool sources_build(sources *s, const vnr_record *r)
{
    memset(s, 0, sizeof *s);
    if (!keys_fold(r->indicator, &s->indicator) || !keys_fold(r->subject, &s->subject) ||
        !keys_fold(r->text, &s->clause) || !keys_fold(r->unit, &s->unit) ||
        !buf_append(&s->combined, s->indicator.data, s->indicator.len) ||
        !buf_append_char(&s->combined, '\x01') ||
        !buf_append(&s->combined, s->subject.data, s->subject.len))
        return false;
    if (r->section_depth) {
        s->section = calloc(r->section_depth, sizeof *s->section);
        if (!s->section)
            return false;
        s->n_section = r->section_depth;
        for (size_t i = 0; i < r->section_depth; i++)
            if (!keys_fold(r->section[r->section_depth - 1 - i], &s->section[i]))
                return false;
    }
    return true;
}

/* The subject of `group` a text names: the one with the longest match;
 * NULL when none, or when another subject of the group is named apart from
 * it ("trâu, bò, lợn": no single subject, never a guess). */
static const char *subject_in(const key_table *t, const char *text, const char *group,
                              size_t group_len, bool *ambiguous)
{
    const char *best = NULL, *best_at = NULL;
    size_t best_len = 0;
    *ambiguous = false;
    for (size_t i = 0; i < N_SUBJECT_ROWS; i++) {
        if (strlen(subject_rows[i].group) != group_len ||
            strncmp(subject_rows[i].group, group, group_len) != 0)
            continue;
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
    if (*ambiguous)
        return NULL;
    return best;
}

/* First subject of `group` named by the indicator, the subject or the
 * innermost heading, or NULL. */
static const char *find_subject(const key_table *t, const sources *s, const char *group,
                                size_t group_len)
{
    const char *texts[] = { s->indicator.data, s->subject.data,
                            s->n_section ? s->section[0].data : NULL };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        bool ambiguous;
        const char *found = texts[k] ? subject_in(t, texts[k], group, group_len, &ambiguous)
                                     : NULL;
        if (found || (texts[k] && ambiguous))
            return found;
    }
    return NULL;
}

/* subject_key of a row: its groups' subjects joined with '.'; NULL when
 * none is named, *oom on allocation failure. */
static const char *row_subject(const key_table *t, const key_row *row, const sources *s,
                               vnr_arena *arena, bool *oom)
{
    const char *parts[4];
    size_t n = 0, total = 0;
    for (const char *g = row->subjects; *g && n < 4;) {
        size_t l = strcspn(g, "|");
        const char *found = find_subject(t, s, g, l);
        if (found) {
            parts[n++] = found;
            total += strlen(found) + 1;
        }
        g += l + (g[l] ? 1 : 0);
    }
    if (n <= 1)
        return n ? parts[0] : NULL;
    char *joined = arena_alloc(arena, total);
    if (!joined) {
        *oom = true;
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

/* Try every row against one source; true when a row decided. */
static bool match_source(const key_table *t, vnr_record *r, const sources *s, const char *text,
                         vnr_arena *arena, bool *oom)
{
    for (size_t i = 0; i < N_KEY_ROWS; i++) {
        const key_row *row = &key_rows[i];
        if (!row_fits(row, r, s->unit.data) || !set_matches(t, &t->rows[i], text, s->clause.data))
            continue;
        const char *subject = row_subject(t, row, s, arena, oom);
        if (*oom)
            return true;
        if (strcmp(row->flags, "subject") == 0 && !subject)
            continue;
        r->indicator_key = row->key;
        r->subject_key = subject;
        return true;
    }
    return false;
}

static bool assign_one(const key_table *t, vnr_record *r, vnr_arena *arena)
{
    r->indicator_key = r->subject_key = NULL;
    if (!r->dimension)
        return true;
    sources s;
    bool oom = false;
    if (!sources_build(&s, r)) {
        sources_free(&s);
        return false;
    }
    bool done = match_source(t, r, &s, s.indicator.data, arena, &oom) ||
                match_source(t, r, &s, s.combined.data, arena, &oom) ||
                match_source(t, r, &s, s.clause.data, arena, &oom);
    /* outer headings name whole chapters ("Thương mại, tín dụng, đầu tư"):
     * only the two innermost speak for a record */
    for (size_t i = 0; !done && i < s.n_section && i < 2; i++)
        done = match_source(t, r, &s, s.section[i].data, arena, &oom);
    sources_free(&s);
    return !oom;
}

bool keys_assign(vnr_record *recs, size_t n, vnr_arena *arena)
{
    if (n == 0)
        return true;
    key_table t;
    bool ok = table_compile(&t);
    for (size_t i = 0; ok && i < n; i++)
        ok = assign_one(&t, &recs[i], arena);
    table_free(&t);
    return ok;
}
