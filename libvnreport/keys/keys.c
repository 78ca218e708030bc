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
 *
 * Also owns how that is made fast: the table is compiled once per process
 * (read-only afterwards, shared by every parse on every thread), its
 * phrases are sequences of word ids of the table's own vocabulary, and a
 * record's folded texts are matched word by word (see "Folded texts").
 */
#include "keys.h"
#include "utf8.h"

#include <pthread.h>
#include <stdint.h>
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
        n += utf8_encode((uint32_t)dec[j], out + n);
    }
    if (k <= 0)
        out[n++] = ' ';
    return n;
}

/* The folded forms of the code points Vietnamese reports are written in,
 * computed once with the table: Latin-1 and Latin Extended-A/B
 * (U+0080–U+024F), Latin Extended Additional (U+1E00–U+1EFF, the toned
 * letters) and General Punctuation (U+2000–U+206F, dashes and quotes).
 * Decomposing each code point through utf8proc was the cost of folding. */
typedef struct fold_entry {
    uint8_t len;
    char bytes[12];
} fold_entry;

#define FOLD_LATIN_END 0x250
typedef struct fold_table {
    fold_entry latin[FOLD_LATIN_END];
    fold_entry extended[0x100];   /* U+1E00.. */
    fold_entry punct[0x70];       /* U+2000.. */
} fold_table;

static void fold_table_fill(fold_table *ft)
{
    for (int32_t cp = 0x80; cp < FOLD_LATIN_END; cp++)
        ft->latin[cp].len = (uint8_t)fold_code_point(cp, ft->latin[cp].bytes);
    for (int32_t i = 0; i < 0x100; i++)
        ft->extended[i].len = (uint8_t)fold_code_point(0x1E00 + i, ft->extended[i].bytes);
    for (int32_t i = 0; i < 0x70; i++)
        ft->punct[i].len = (uint8_t)fold_code_point(0x2000 + i, ft->punct[i].bytes);
}

static const fold_entry *fold_table_get(const fold_table *ft, int32_t cp)
{
    if (!ft)
        return NULL;
    if (cp >= 0x80 && cp < FOLD_LATIN_END)
        return &ft->latin[cp];
    if (cp >= 0x1E00 && cp < 0x1F00)
        return &ft->extended[cp - 0x1E00];
    if (cp >= 0x2000 && cp < 0x2070)
        return &ft->punct[cp - 0x2000];
    return NULL;
}

/* Other code points folded recently: direct-mapped, one per call of
 * keys_assign (so never shared between threads). */
typedef struct fold_cache {
    int32_t cp[256];
    uint8_t len[256];
    char bytes[256][12];
} fold_cache;

/* The folded bytes of non-ASCII code point `cp`. */
static const char *fold_piece(int32_t cp, const fold_table *ft, fold_cache *cache,
                              char tmp[12], size_t *len)
{
    const fold_entry *e = fold_table_get(ft, cp);
    if (e) {
        *len = e->len;
        return e->bytes;
    }
    size_t slot = (size_t)cp & 255;
    if (cache && cache->cp[slot] == cp) {
        *len = cache->len[slot];
        return cache->bytes[slot];
    }
    *len = fold_code_point(cp, tmp);
    if (cache) {
        cache->cp[slot] = cp;
        cache->len[slot] = (uint8_t)*len;
        memcpy(cache->bytes[slot], tmp, *len);
    }
    return tmp;
}

/* Only the first KEY_TEXT_MAX bytes of a text speak for a record: a
 * "clause" of megabytes (one line of numbers) must not make every record
 * of it cost its whole length. */
#define KEY_TEXT_MAX 1024

static bool fold_with(const char *s, vnr_buf *out, const fold_table *ft, fold_cache *cache)
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
        if (*p < 0x80) {   /* ASCII: no table look-up */
            unsigned char c = *p++;
            n--;
            if ((c >= '0' && c <= '9') || (unsigned)((c | 0x20) - 'a') < 26u) {
                *o++ = (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
                space = false;
            } else if (!space) {
                *o++ = ' ';
                space = true;
            }
            continue;
        }
        /* a malformed byte is U+FFFD, which folds to a space */
        size_t len = 0;
        int32_t cp = (int32_t)utf8_next_fast((const char *)p, n, &len);
        p += len;
        n -= len;
        char tmp[12];
        size_t plen;
        const char *piece = fold_piece(cp, ft, cache, tmp, &plen);
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
    return fold_with(s, out, NULL, NULL);
}

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

/* ---------------------------------------------------------------- */
/* The compiled table                                                */
/* ---------------------------------------------------------------- */

/* The words of the table's folded phrases, each with an id (1, 2, …; 0 is
 * "not a word of the table"): a phrase is a sequence of ids, and so is a
 * record's text once folded, so a phrase is found by comparing integers
 * instead of by strstr over the text. */
typedef struct vocab_word {
    uint32_t off, len;       /* in the vocabulary's `text` */
} vocab_word;

typedef struct vocabulary {
    vnr_buf text;            /* the words back to back */
    vocab_word *word;        /* by id; word[0] unused */
    size_t n, cap;           /* ids 1..n-1 used */
    uint32_t *slot_id;       /* open addressing over word_hash; 0 = empty */
    uint32_t *slot_hash;     /* the word_hash of each slot's word */
    size_t mask;
} vocabulary;

/* The id of word w (n bytes), or 0 when the table has no such word. */
static uint32_t vocab_find(const vocabulary *v, const char *w, size_t n)
{
    for (size_t i = word_hash(w, n) & v->mask;; i = (i + 1) & v->mask) {
        uint32_t id = v->slot_id[i];
        if (!id || (v->word[id].len == n &&
                    memcmp(v->text.data + v->word[id].off, w, n) == 0))
            return id;
    }
}

static bool vocab_rehash(vocabulary *v, size_t cap)
{
    uint32_t *slots = calloc(cap, sizeof *slots), *hashes = calloc(cap, sizeof *hashes);
    if (!slots || !hashes) {
        free(slots);
        free(hashes);
        return false;
    }
    for (uint32_t id = 1; id < v->n; id++) {
        uint32_t h = word_hash(v->text.data + v->word[id].off, v->word[id].len);
        size_t i = h & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = id;
        hashes[i] = h;
    }
    free(v->slot_id);
    free(v->slot_hash);
    v->slot_id = slots;
    v->slot_hash = hashes;
    v->mask = cap - 1;
    return true;
}

/* The id of word w, added when new; 0 when out of memory. */
static uint32_t vocab_add(vocabulary *v, const char *w, size_t n)
{
    vocab_word none = { 0, 0 };
    if (!v->slot_id && (!vocab_rehash(v, 1024) || !VEC_PUSH(v->word, v->n, v->cap, none)))
        return 0;
    uint32_t id = vocab_find(v, w, n);
    if (id)
        return id;
    if (4 * (v->n + 1) > 3 * (v->mask + 1) && !vocab_rehash(v, 2 * (v->mask + 1)))
        return 0;
    vocab_word vw = { (uint32_t)v->text.len, (uint32_t)n };
    if (!buf_append(&v->text, w, n) || !VEC_PUSH(v->word, v->n, v->cap, vw))
        return 0;
    id = (uint32_t)(v->n - 1);
    uint32_t h = word_hash(w, n);
    size_t i = h & v->mask;
    while (v->slot_id[i])
        i = (i + 1) & v->mask;
    v->slot_id[i] = id;
    v->slot_hash[i] = h;
    return id;
}

static void vocab_free(vocabulary *v)
{
    buf_free(&v->text);
    free(v->word);
    free(v->slot_id);
    free(v->slot_hash);
}

/* One phrase of an alternative: folded, padded with spaces, and as the ids
 * of its words (words[0 .. n_words) of the table's word list). */
typedef struct term {
    size_t text_at, text_len;  /* in the table's `folded` */
    size_t words_at;
    uint32_t n_words;        /* 0: matches nothing */
    bool negated;
} term;

/* Alternatives of one row: alt i holds terms [alt_end[i-1], alt_end[i]). */
typedef struct pattern_set {
    size_t first_alt, n_alts;
} pattern_set;

typedef struct key_table {
    vnr_buf folded;          /* every term, NUL-separated */
    vocabulary vocab;
    uint32_t *words;         /* word ids of every term, back to back */
    size_t n_words, cap_words;
    term *terms;
    size_t n_terms, cap_terms;
    size_t *alt_end;
    size_t n_alts, cap_alts;
    pattern_set rows[N_KEY_ROWS];
    pattern_set count_units[N_KEY_ROWS];   /* nouns of "count:…", or none */
    unsigned role_mask[N_KEY_ROWS];
    unsigned dim_mask[N_KEY_ROWS];         /* bits of dimension_index() */
    pattern_set subjects[N_SUBJECT_ROWS];
    /* word id → alternatives whose first phrase starts with it: the chain
     * head in by_word (per id), the next link in next_alt (SIZE_MAX ends) */
    size_t *by_word, *next_alt;
    uint32_t *alt_word;      /* the word each alternative is chained under, or 0 */
    int32_t *alt_row;        /* key row of each alternative, or -1 */
    uint8_t *alt_neg;        /* the alternative has a '!' phrase */
    uint8_t *row_subject;    /* the row's flags are "subject" */
    /* each row's subject groups as ranges of subject rows (a group's rows
     * are consecutive in the table) */
    struct { uint16_t first, count; } groups[N_KEY_ROWS][4];
    uint8_t n_groups[N_KEY_ROWS];
    fold_table fold;
} key_table;

static void table_free(key_table *t)
{
    buf_free(&t->folded);
    vocab_free(&t->vocab);
    free(t->words);
    free(t->terms);
    free(t->alt_end);
    free(t->by_word);
    free(t->next_alt);
    free(t->alt_word);
    free(t->alt_row);
    free(t->alt_neg);
    free(t->row_subject);
}

/* The words of the folded term at t->folded[at..] as vocabulary ids. */
static bool term_words(key_table *t, term *tm)
{
    tm->words_at = t->n_words;
    for (size_t i = tm->text_at; i < tm->text_at + tm->text_len;) {
        const char *w = t->folded.data + i;
        size_t n = strcspn(w, " ");
        if (n) {
            uint32_t id = vocab_add(&t->vocab, w, n);
            if (!id || !VEC_PUSH(t->words, t->n_words, t->cap_words, id))
                return false;
            tm->n_words++;
        }
        i += n + 1;
    }
    return true;
}

/* Fold one phrase of a pattern and add it as a term. */
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
    if (!fold_with(tmp, &t->folded, &t->fold, NULL))
        return false;
    term tm = { at, t->folded.len - at, 0, 0, negated };
    return buf_append_char(&t->folded, '\0') && term_words(t, &tm) &&
           VEC_PUSH(t->terms, t->n_terms, t->cap_terms, tm);
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

/* The word alternative `a` is chained under. A subject alternative: the
 * first word of its first positive phrase (subject_in takes any phrase of
 * a candidate, so its candidates must stay what they were). Any other is
 * only a candidate for alt_matches, which needs every positive phrase: it
 * goes under the word of its positive phrases that the fewest alternatives
 * use (`freq`), so common words bring short chains. 0: never a candidate
 * (negations only). */
static uint32_t chain_word(const key_table *t, size_t a, const uint32_t *freq)
{
    bool subject = N_SUBJECT_ROWS && a >= t->subjects[0].first_alt;
    uint32_t best = 0;
    for (size_t i = a ? t->alt_end[a - 1] : 0; i < t->alt_end[a]; i++) {
        const term *tm = &t->terms[i];
        for (uint32_t k = 0; !tm->negated && k < tm->n_words; k++) {
            uint32_t w = t->words[tm->words_at + k];
            if (subject)
                return w;
            if (!best || (freq && freq[w] < freq[best]))
                best = w;
        }
    }
    return best;
}

/* How many non-subject alternatives use each word in a positive phrase. */
static uint32_t *word_frequencies(const key_table *t)
{
    uint32_t *freq = calloc(t->vocab.n ? t->vocab.n : 1, sizeof *freq);
    size_t end = N_SUBJECT_ROWS ? t->subjects[0].first_alt : t->n_alts;
    for (size_t a = 0; freq && a < end; a++)
        for (size_t i = a ? t->alt_end[a - 1] : 0; i < t->alt_end[a]; i++)
            for (uint32_t k = 0; !t->terms[i].negated && k < t->terms[i].n_words; k++)
                freq[t->words[t->terms[i].words_at + k]]++;
    return freq;
}

/* Chain every alternative under its chain_word(). */
static bool index_alternatives(key_table *t)
{
    size_t n_alts = t->n_alts ? t->n_alts : 1, n_ids = t->vocab.n ? t->vocab.n : 1;
    t->by_word = malloc(n_ids * sizeof *t->by_word);
    t->next_alt = malloc(n_alts * sizeof *t->next_alt);
    t->alt_word = calloc(n_alts, sizeof *t->alt_word);
    t->alt_row = malloc(n_alts * sizeof *t->alt_row);
    t->alt_neg = calloc(n_alts, 1);
    if (!t->by_word || !t->next_alt || !t->alt_word || !t->alt_row || !t->alt_neg)
        return false;
    for (size_t id = 0; id < n_ids; id++)
        t->by_word[id] = SIZE_MAX;
    for (size_t a = 0; a < t->n_alts; a++) {
        t->alt_row[a] = -1;
        for (size_t i = a ? t->alt_end[a - 1] : 0; i < t->alt_end[a]; i++)
            t->alt_neg[a] |= t->terms[i].negated;
    }
    for (size_t i = 0; i < N_KEY_ROWS; i++)
        for (size_t a = t->rows[i].first_alt; a < t->rows[i].first_alt + t->rows[i].n_alts; a++)
            t->alt_row[a] = (int32_t)i;
    uint32_t *freq = word_frequencies(t);
    if (!freq)
        return false;
    for (size_t a = t->n_alts; a-- > 0;) {
        uint32_t w = chain_word(t, a, freq);
        t->next_alt[a] = SIZE_MAX;
        t->alt_word[a] = w;
        if (!w)
            continue;
        t->next_alt[a] = t->by_word[w];
        t->by_word[w] = a;   /* walking backwards: chains in file order */
    }
    free(freq);
    return true;
}

static bool table_compile(key_table *t)
{
    memset(t, 0, sizeof *t);
    fold_table_fill(&t->fold);
    t->row_subject = calloc(N_KEY_ROWS, 1);
    if (!t->row_subject)
        return false;
    for (size_t i = 0; i < N_KEY_ROWS; i++) {
        t->row_subject[i] = strcmp(key_rows[i].flags, "subject") == 0;
        if (!compile_row(t, i))
            return false;
    }
    for (size_t i = 0; i < N_SUBJECT_ROWS; i++)
        if (!compile_patterns(t, subject_rows[i].patterns, strlen(subject_rows[i].patterns),
                              "|", &t->subjects[i]))
            return false;
    return index_alternatives(t);
}

/* The table depends only on the compiled-in rows: it is compiled once per
 * process (pthread_once, so any thread may be first), then only read, by
 * every parse on every thread; freed when the library unloads. Should that
 * first compilation run out of memory, each call compiles its own. */
static key_table shared_table;
static bool shared_table_ok;
static pthread_once_t shared_table_once = PTHREAD_ONCE_INIT;

static void compile_shared_table(void)
{
    shared_table_ok = table_compile(&shared_table);
    if (!shared_table_ok)
        table_free(&shared_table);
}

__attribute__((destructor)) static void free_shared_table(void)
{
    if (shared_table_ok)
        table_free(&shared_table);
}

/* ---------------------------------------------------------------- */
/* Folded texts                                                      */
/* ---------------------------------------------------------------- */

/* A folded text as the vocabulary ids of its words. A phrase occurs in it
 * (as whole words, which is what strstr of the space-padded phrase in the
 * space-separated text found) where its ids follow each other; where the
 * first id occurs is kept per id, so a phrase whose first word is absent
 * costs one look-up. Alternatives whose first phrase's first word occurs
 * are the text's candidates, listed in table order. */
#define NO_WORD UINT32_MAX       /* end of a position chain */
#define BARRIER UINT32_MAX       /* the \x01 between two texts: no phrase spans it */

typedef struct ftext {
    vnr_buf buf;
    uint32_t *id, *off;      /* per word: vocabulary id, byte offset in buf */
    uint32_t *next_same;     /* per word: next position of the same id */
    size_t n, cap;
    uint32_t *first, *stamp; /* per vocabulary id: first position, valid when
                              * stamp == gen (no clearing between texts) */
    uint32_t gen;
    size_t n_ids;
    uint64_t *cand_bits;     /* candidates as a bit set while listing them */
    uint32_t *cands;         /* candidate alternatives, ascending (room for all) */
    size_t n_cands;
    uint64_t folds;          /* how many texts it has held: tells a change */
} ftext;

static void ftext_free(ftext *f)
{
    buf_free(&f->buf);
    free(f->id);
    free(f->off);
    free(f->next_same);
    free(f->first);
    free(f->stamp);
    free(f->cand_bits);
    free(f->cands);
    memset(f, 0, sizeof *f);
}

static bool ftext_reserve(const key_table *t, ftext *f, size_t words)
{
    if (!f->stamp) {
        f->n_ids = t->vocab.n ? t->vocab.n : 1;
        f->first = malloc(f->n_ids * sizeof *f->first);
        f->stamp = calloc(f->n_ids, sizeof *f->stamp);
        f->cand_bits = calloc(t->n_alts / 64 + 1, sizeof *f->cand_bits);
        f->cands = malloc((t->n_alts ? t->n_alts : 1) * sizeof *f->cands);
        if (!f->first || !f->stamp || !f->cand_bits || !f->cands)
            return false;
    }
    if (words <= f->cap)
        return true;
    size_t cap = f->cap ? f->cap : 64;
    while (cap < words)
        cap *= 2;
    uint32_t *id = realloc(f->id, cap * sizeof *id);
    if (id)
        f->id = id;
    uint32_t *off = realloc(f->off, cap * sizeof *off);
    if (off)
        f->off = off;
    uint32_t *next = realloc(f->next_same, cap * sizeof *next);
    if (next)
        f->next_same = next;
    if (!id || !off || !next)
        return false;
    f->cap = cap;
    return true;
}

/* Split f->buf into words (separated by spaces; \x01 is a barrier) and
 * look each up, hashing it on the way. */
static bool ftext_split(const key_table *t, ftext *f)
{
    /* at most a word per byte (texts are at most a few KB) */
    if (!ftext_reserve(t, f, f->buf.len + 1))
        return false;
    const vocabulary *v = &t->vocab;
    const char *p = f->buf.data ? f->buf.data : "", *end = p + f->buf.len;
    size_t n = 0;
    for (const char *w = p; w < end;) {
        if (*w == ' ') {
            w++;
            continue;
        }
        f->off[n] = (uint32_t)(w - p);
        if (*w == '\x01') {
            f->id[n++] = BARRIER;
            w++;
            continue;
        }
        uint32_t h = 2166136261u;
        const char *e = w;
        for (; e < end && *e != ' ' && *e != '\x01'; e++)
            h = (h ^ (unsigned char)*e) * 16777619u;
        uint32_t id;
        for (size_t i = h & v->mask;; i = (i + 1) & v->mask) {
            id = v->slot_id[i];
            if (!id || (v->slot_hash[i] == h && v->word[id].len == (size_t)(e - w) &&
                        memcmp(v->text.data + v->word[id].off, w, (size_t)(e - w)) == 0))
                break;
        }
        f->id[n++] = id;
        w = e;
    }
    f->n = n;
    return true;
}

/* Chain the positions of each id and list the candidates: a word seen for
 * the first time (walking backwards, so `first` ends up the first) brings
 * the alternatives chained under it; each alternative hangs under one word,
 * so none comes twice. */
static void ftext_chain(const key_table *t, ftext *f);

static bool ftext_index(const key_table *t, ftext *f)
{
    if (!ftext_split(t, f))
        return false;
    ftext_chain(t, f);
    return true;
}

/* The chains and candidates of f's words (ftext_index after the split). */
static void ftext_chain(const key_table *t, ftext *f)
{
    if (++f->gen == 0) {   /* wrapped: forget every stamp */
        memset(f->stamp, 0, f->n_ids * sizeof *f->stamp);
        f->gen = 1;
    }
    size_t n_cands = 0;
    for (size_t i = f->n; i-- > 0;) {
        uint32_t id = f->id[i];
        f->next_same[i] = NO_WORD;
        if (id == 0 || id == BARRIER)
            continue;
        if (f->stamp[id] == f->gen) {
            f->next_same[i] = f->first[id];
        } else {
            f->stamp[id] = f->gen;
            for (size_t a = t->by_word[id]; a != SIZE_MAX; a = t->next_alt[a], n_cands++)
                f->cand_bits[a >> 6] |= 1ull << (a & 63);
        }
        f->first[id] = (uint32_t)i;
    }
    f->n_cands = 0;
    for (size_t k = 0; n_cands && k <= t->n_alts / 64; k++) {
        for (uint64_t b = f->cand_bits[k]; b; b &= b - 1)
            f->cands[f->n_cands++] = (uint32_t)(k * 64 + (size_t)__builtin_ctzll(b));
        f->cand_bits[k] = 0;
    }
    f->folds++;
}

/* May alternative `a` match `f`: does the word it is chained under occur? */
static bool is_candidate(const key_table *t, const ftext *f, size_t a)
{
    uint32_t w = t->alt_word[a];
    return w && f->stamp[w] == f->gen;
}

static bool ftext_fold(const key_table *t, ftext *f, const char *s, fold_cache *cache)
{
    f->buf.len = 0;
    return fold_with(s, &f->buf, &t->fold, cache) && ftext_index(t, f);
}

/* ---------------------------------------------------------------- */
/* Matching                                                          */
/* ---------------------------------------------------------------- */

/* Where the term occurs in `f` (its padding space before the first word),
 * or NULL: the first place where its word ids follow each other. */
static const char *term_in(const key_table *t, const term *tm, const ftext *f)
{
    if (!tm->n_words)
        return NULL;
    const uint32_t *w = t->words + tm->words_at;
    if (f->stamp[w[0]] != f->gen)
        return NULL;
    for (uint32_t p = f->first[w[0]]; p != NO_WORD; p = f->next_same[p]) {
        if (p + tm->n_words > f->n)
            return NULL;   /* later positions are further right */
        uint32_t k = 1;
        while (k < tm->n_words && f->id[p + k] == w[k])
            k++;
        if (k == tm->n_words)
            return f->buf.data + f->off[p] - 1;
    }
    return NULL;
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
        bool found = term_in(t, tm, text) != NULL;
        if (tm->negated && !found && clause)
            found = term_in(t, tm, clause) != NULL;
        all = tm->negated ? !found : found;
    }
    return all;
}

static bool set_matches(const key_table *t, const pattern_set *ps, const ftext *text,
                        const ftext *clause)
{
    for (size_t a = ps->first_alt; a < ps->first_alt + ps->n_alts; a++)
        if (is_candidate(t, text, a) && alt_matches(t, a, text, clause))
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
        if (!is_candidate(t, text, a))
            continue;
        for (size_t i = from; i < t->alt_end[a]; i++) {
            const term *tm = &t->terms[i];
            const char *at = tm->negated ? NULL : term_in(t, tm, text);
            size_t l = at ? tm->text_len : 0;
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
 * their indicator phrase), and only when it differs from the same text of
 * the record before (neighbouring records share clause and headings, and
 * often indicator, subject and unit). */
#define KEY_SECTIONS 2   /* outer headings name whole chapters */
enum { SRC_UNIT, SRC_SUBJECT, SRC_COMBINED, SRC_CLAUSE, SRC_SECTION };

typedef struct sources {
    const key_table *t;
    const vnr_record *r;
    ftext indicator, subject, combined, unit;
    ftext clause, section[KEY_SECTIONS];
    const char *clause_of, *section_of[KEY_SECTIONS];
    const char *indicator_of, *subject_of, *unit_of;
    uint64_t combined_of[2]; /* folds of indicator and subject it was made of */
    unsigned ready;          /* bits of SRC_* (+ i for section i) */
    bool oom;
    size_t n_section;
    unsigned dim;            /* the record's dimension_index() */
    uint8_t fits[N_KEY_ROWS];   /* row fits role and unit: 0 unknown, 1 yes, 2 no */
    fold_cache cache;        /* code points beyond the table's folds */
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
    if (*of && f->stamp && (*of == text || strncmp(*of, text, KEY_TEXT_MAX) == 0))
        return true;
    *of = NULL;
    if (!ftext_fold(t, f, text, cache))
        return false;
    *of = text;
    return true;
}

/* The indicator and the subject as one text, with a barrier between. */
static bool build_combined(sources *s)
{
    ftext *c = &s->combined;
    if (c->stamp && s->combined_of[0] == s->indicator.folds &&
        s->combined_of[1] == s->subject.folds)
        return true;
    s->combined_of[0] = s->combined_of[1] = 0;
    c->buf.len = 0;
    const ftext *ind = &s->indicator, *sub = &s->subject;
    if (!buf_append(&c->buf, ind->buf.data, ind->buf.len) ||
        !buf_append_char(&c->buf, '\x01') ||
        !buf_append(&c->buf, sub->buf.data, sub->buf.len) ||
        !ftext_reserve(s->t, c, c->buf.len + 1))
        return false;
    /* the words of the two texts, already looked up, with the barrier
     * between: what splitting c->buf would give */
    for (size_t k = 0; k < ind->n; k++) {
        c->id[k] = ind->id[k];
        c->off[k] = ind->off[k];
    }
    c->id[ind->n] = BARRIER;
    c->off[ind->n] = (uint32_t)ind->buf.len;
    for (size_t k = 0; k < sub->n; k++) {
        c->id[ind->n + 1 + k] = sub->id[k];
        c->off[ind->n + 1 + k] = sub->off[k] + (uint32_t)ind->buf.len + 1;
    }
    c->n = ind->n + 1 + sub->n;
    ftext_chain(s->t, c);
    s->combined_of[0] = s->indicator.folds;
    s->combined_of[1] = s->subject.folds;
    return true;
}

static bool build_source(sources *s, unsigned which)
{
    const key_table *t = s->t;
    const vnr_record *r = s->r;
    switch (which) {
    case SRC_UNIT:
        return fold_cached(t, &s->unit, &s->unit_of, r->unit, &s->cache);
    case SRC_SUBJECT:
        return fold_cached(t, &s->subject, &s->subject_of, r->subject, &s->cache);
    case SRC_COMBINED:
        return (s->ready & (1u << SRC_SUBJECT) || build_source(s, SRC_SUBJECT)) &&
               (s->ready |= 1u << SRC_SUBJECT) && build_combined(s);
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
        if (t->row_subject[i] && !subject)
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
    if (!fold_cached(t, &s->indicator, &s->indicator_of, r->indicator, &s->cache))
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
    pthread_once(&shared_table_once, compile_shared_table);
    key_table *own = NULL;
    const key_table *t = &shared_table;
    if (!shared_table_ok) {
        own = malloc(sizeof *own);
        if (!own || !table_compile(own)) {
            if (own)
                table_free(own);
            free(own);
            return false;
        }
        t = own;
    }
    sources *s = calloc(1, sizeof *s);
    bool ok = s != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = assign_one(t, &recs[i], s, arena);
    if (s)
        sources_free(s);
    free(s);
    if (own)
        table_free(own);
    free(own);
    return ok;
}
