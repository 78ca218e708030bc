/*
 * recognize.c — stage 5: blocks → statements → records (see recognize.h).
 *
 * Per block: tokenize its spans, lower-case the words once, split sentences,
 * then for every number decide its fate. A quantity (number + unit) becomes
 * a record whose role comes from the nearest trigger word before it, whose
 * baseline comes from a `so với …` phrase after it (or before it, or from the
 * chain it belongs to), and whose indicator is the phrase before it. All
 * vocabulary is in lexicon.def.
 */
#include "recognize.h"
#include "recognize-table.h"
#include "metadata.h"
#include "lexer.h"
#include "normalize.h"
#include "period.h"
#include "units.h"

#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---------------------------------------------------------------- */
/* Vocabulary tables (from lexicon.def)                              */
/* ---------------------------------------------------------------- */

typedef enum trigger_kind {
    T_NONE, T_LEVEL, T_CHANGE, T_RESTATE, T_INDEX, T_ATTAIN, T_EXCEED, T_SHARE, T_TO_LEVEL
} trigger_kind;

typedef struct trigger_entry { const char *phrase; trigger_kind kind; int sign; } trigger_entry;
typedef struct coded_entry { const char *phrase; const char *code; } coded_entry;
typedef struct qualifier_entry { const char *phrase; vnr_qualifier q; } qualifier_entry;
typedef struct word_entry { const char *phrase; } word_entry;

static const trigger_entry triggers[] = {
#define TRIGGER(p, k, s) { p, k, s },
#include "lexicon.def"
#undef TRIGGER
};
static const coded_entry baselines[] = {
#define BASELINE(p, c) { p, c },
#include "lexicon.def"
#undef BASELINE
};
static const coded_entry plan_words[] = {
#define PLAN_WORD(p, c) { p, c },
#include "lexicon.def"
#undef PLAN_WORD
};
static const qualifier_entry qualifiers[] = {
#define QUALIFIER(p, q) { p, q },
#include "lexicon.def"
#undef QUALIFIER
};
static const qualifier_entry qualifiers_after[] = {
#define QUALIFIER_AFTER(p, q) { p, q },
#include "lexicon.def"
#undef QUALIFIER_AFTER
};
static const word_entry estimates[] = {
#define ESTIMATE(p) { p },
#include "lexicon.def"
#undef ESTIMATE
};
static const word_entry fillers[] = {
#define FILLER(p) { p },
#include "lexicon.def"
#undef FILLER
};
static const coded_entry non_indicators[] = {
#define NON_INDICATOR(p, f) { p, f },
#include "lexicon.def"
#undef NON_INDICATOR
};
static const word_entry chain_heads[] = {
#define CHAIN_HEAD(p) { p },
#include "lexicon.def"
#undef CHAIN_HEAD
};
static const word_entry not_nouns[] = {
#define NOT_A_NOUN(p) { p },
#include "lexicon.def"
#undef NOT_A_NOUN
};
static const word_entry count_nouns[] = {
#define COUNT_NOUN(p) { p },
#include "lexicon.def"
#undef COUNT_NOUN
};

static const word_entry amount_words[] = {
#define AMOUNT_WORD(p) { p },
#include "lexicon.def"
#undef AMOUNT_WORD
};
static const coded_entry periods_after[] = {
#define PERIOD_AFTER(p, f) { p, f },
#include "lexicon.def"
#undef PERIOD_AFTER
};
static const word_entry time_words[] = {
#define TIME_WORD(p) { p },
#include "lexicon.def"
#undef TIME_WORD
};
static const word_entry classifiers[] = {
#define CLASSIFIER(p) { p },
#include "lexicon.def"
#undef CLASSIFIER
};
typedef struct target_cue_entry { const char *phrase; bool counts, sentence; } target_cue_entry;
static const target_cue_entry target_cues[] = {
#define TARGET_CUE(p, n, s) { p, n, s },
#include "lexicon.def"
#undef TARGET_CUE
};
static const word_entry target_cue_nots[] = {
#define TARGET_CUE_NOT(p) { p },
#include "lexicon.def"
#undef TARGET_CUE_NOT
};
static const word_entry target_cue_stops[] = {
#define TARGET_CUE_STOP(p) { p },
#include "lexicon.def"
#undef TARGET_CUE_STOP
};
static const word_entry gap_words[] = {
#define GAP_WORD(p) { p },
#include "lexicon.def"
#undef GAP_WORD
};
static const word_entry range_opens[] = {
#define RANGE_OPEN(p) { p },
#include "lexicon.def"
#undef RANGE_OPEN
};
static const word_entry range_words[] = {
#define RANGE_WORD(p) { p },
#include "lexicon.def"
#undef RANGE_WORD
};
static const word_entry share_words[] = {
#define SHARE_WORD(p) { p },
#include "lexicon.def"
#undef SHARE_WORD
};
static const word_entry plan_structure[] = {
#define PLAN_STRUCTURE(p) { p },
#include "lexicon.def"
#undef PLAN_STRUCTURE
};

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))
#define NONE ((size_t)-1)

/* ---------------------------------------------------------------- */
/* Lexicon index                                                     */
/* ---------------------------------------------------------------- */

/*
 * Phrases used to be matched by comparing strings, walking every entry of
 * a table at every look-up: the recognizer's main cost on real reports
 * (docs/performance.md). So, once per document, every distinct word of the
 * tables gets a small id (1, 2, …) and every phrase becomes a sequence of
 * ids; each token gets the id of its lower-cased text once (0 when no
 * phrase uses it, and always for a plain number). For every word, the
 * entries whose phrase starts with it and those whose phrase ends with it
 * are listed in table order, so a look-up visits only entries that can
 * match and makes the choice the full walk made (the longest phrase, the
 * earliest entry on a tie).
 */

typedef enum lex_table {
    LT_TRIGGERS, LT_BASELINES, LT_PLAN_WORDS, LT_QUALIFIERS, LT_QUALIFIERS_AFTER,
    LT_ESTIMATES, LT_FILLERS, LT_NON_INDICATORS, LT_NOT_NOUNS, LT_COUNT_NOUNS,
    LT_AMOUNT_WORDS, LT_PERIODS_AFTER, LT_TIME_WORDS, LT_CLASSIFIERS, LT_TARGET_CUES,
    LT_TARGET_CUE_NOTS, LT_TARGET_CUE_STOPS, LT_GAP_WORDS, LT_RANGE_OPENS, LT_RANGE_WORDS, LT_SHARE_WORDS, LT_PLAN_STRUCTURE, LT_COUNT
} lex_table;

/* A table as a strided array of phrases (every entry type starts with one). */
typedef struct table_view {
    const char *const *first;
    size_t stride, count;
} table_view;

#define TABLE_VIEW(t) { &(t)[0].phrase, sizeof *(t), COUNT_OF(t) }

static const table_view lex_tables[LT_COUNT] = {
    [LT_TRIGGERS] = TABLE_VIEW(triggers),
    [LT_BASELINES] = TABLE_VIEW(baselines),
    [LT_PLAN_WORDS] = TABLE_VIEW(plan_words),
    [LT_QUALIFIERS] = TABLE_VIEW(qualifiers),
    [LT_QUALIFIERS_AFTER] = TABLE_VIEW(qualifiers_after),
    [LT_ESTIMATES] = TABLE_VIEW(estimates),
    [LT_FILLERS] = TABLE_VIEW(fillers),
    [LT_NON_INDICATORS] = TABLE_VIEW(non_indicators),
    [LT_NOT_NOUNS] = TABLE_VIEW(not_nouns),
    [LT_COUNT_NOUNS] = TABLE_VIEW(count_nouns),
    [LT_AMOUNT_WORDS] = TABLE_VIEW(amount_words),
    [LT_PERIODS_AFTER] = TABLE_VIEW(periods_after),
    [LT_TIME_WORDS] = TABLE_VIEW(time_words),
    [LT_CLASSIFIERS] = TABLE_VIEW(classifiers),
    [LT_TARGET_CUES] = TABLE_VIEW(target_cues),
    [LT_TARGET_CUE_NOTS] = TABLE_VIEW(target_cue_nots),
    [LT_TARGET_CUE_STOPS] = TABLE_VIEW(target_cue_stops),
    [LT_GAP_WORDS] = TABLE_VIEW(gap_words),
    [LT_RANGE_OPENS] = TABLE_VIEW(range_opens),
    [LT_RANGE_WORDS] = TABLE_VIEW(range_words),
    [LT_SHARE_WORDS] = TABLE_VIEW(share_words),
    [LT_PLAN_STRUCTURE] = TABLE_VIEW(plan_structure),
};

static const char *table_phrase(lex_table t, size_t e)
{
    const table_view *v = &lex_tables[t];
    return *(const char *const *)((const char *)v->first + e * v->stride);
}

typedef struct lex_ref {
    uint8_t table;     /* lex_table */
    uint16_t entry;    /* index in that table */
} lex_ref;

/* 8 bytes, so the table stays in the first-level cache. */
typedef struct word_slot {
    uint32_t key;      /* word_key of the word */
    uint16_t len;
    uint16_t id;       /* 0: empty slot */
} word_slot;

typedef struct lexicon_index {
    word_slot *slots;          /* open addressing, mask + 1 slots */
    const char **word;         /* per word id: the word, inside a table phrase */
    size_t mask;
    unsigned shift;            /* 32 − log2(mask + 1) */
    size_t n_words;
    size_t max_len;            /* longest word, in bytes */
    size_t base[LT_COUNT];     /* global number of each table's first entry */
    uint16_t *ids;             /* word ids of every phrase, back to back */
    uint32_t *ids_at;          /* per global entry: its first id in `ids` */
    uint8_t *n_ids;            /* per global entry: words in its phrase */
    uint32_t *first_at;        /* per word id: its run in `first` */
    lex_ref *first;            /* entries by first word, in table order */
    uint32_t *last_at;
    lex_ref *last;             /* entries by last word, in table order */
} lexicon_index;

/* Every token is looked up, so the key is only the length and three bytes
 * (first, middle, last); a slot with the same key is then compared in
 * full. The slot index is the top bits of a Fibonacci product of the key. */
static uint32_t word_key(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint32_t)(n & 0xFF) | (uint32_t)u[0] << 8 | (uint32_t)u[n / 2] << 16 |
           (uint32_t)u[n - 1] << 24;
}

static bool same_word(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* The slot of word s[0..n) (n > 0): where it is, or the empty slot it would
 * take. */
static word_slot *word_slot_of(const lexicon_index *lx, const char *s, size_t n)
{
    uint32_t key = word_key(s, n);
    for (size_t h = (key * 0x9E3779B1u) >> lx->shift;; h = (h + 1) & lx->mask) {
        word_slot *w = &lx->slots[h];
        if (!w->id || (w->key == key && w->len == n && same_word(lx->word[w->id], s, n)))
            return w;
    }
}

/* Id of the word s[0..n), 0 when no phrase has it. */
static uint16_t lexicon_word(const lexicon_index *lx, const char *s, size_t n)
{
    if (n == 0 || n > lx->max_len)
        return 0;
    return word_slot_of(lx, s, n)->id;
}

static uint16_t intern_word(lexicon_index *lx, const char *s, size_t n)
{
    word_slot *w = word_slot_of(lx, s, n);
    if (!w->id) {
        *w = (word_slot){ word_key(s, n), (uint16_t)n, (uint16_t)++lx->n_words };
        lx->word[w->id] = s;
        if (n > lx->max_len)
            lx->max_len = n;
    }
    return w->id;
}

static size_t count_words(const char *phrase)
{
    size_t words = 1;
    for (const char *p = phrase; *p; p++)
        words += *p == ' ';
    return words;
}

/* Lists, for every word id, the entries whose phrase starts (or ends) with
 * it, in table order: runs refs[at[w] .. at[w + 1]). */
static bool index_by_word(const lexicon_index *lx, size_t entries, bool by_last,
                          uint32_t **at_out, lex_ref **refs_out)
{
    uint32_t *at = calloc(lx->n_words + 2, sizeof *at);
    uint32_t *fill = calloc(lx->n_words + 2, sizeof *fill);
    lex_ref *refs = malloc((entries ? entries : 1) * sizeof *refs);
    bool ok = at && fill && refs;
    for (int pass = 0; ok && pass < 2; pass++) {
        for (int t = 0; t < LT_COUNT; t++)
            for (size_t e = 0; e < lex_tables[t].count; e++) {
                size_t g = lx->base[t] + e;
                if (!lx->n_ids[g])
                    continue;
                uint16_t w = lx->ids[lx->ids_at[g] + (by_last ? lx->n_ids[g] - 1u : 0u)];
                if (pass == 0)
                    at[w + 1]++;
                else
                    refs[fill[w]++] = (lex_ref){ (uint8_t)t, (uint16_t)e };
            }
        if (pass == 0) {
            for (size_t w = 1; w < lx->n_words + 2; w++)
                at[w] += at[w - 1];
            memcpy(fill, at, (lx->n_words + 2) * sizeof *fill);
        }
    }
    free(fill);
    if (!ok) {
        free(at);
        free(refs);
        return false;
    }
    *at_out = at;
    *refs_out = refs;
    return true;
}

static void lexicon_free(lexicon_index *lx)
{
    free(lx->slots);
    free(lx->word);
    free(lx->ids);
    free(lx->ids_at);
    free(lx->n_ids);
    free(lx->first_at);
    free(lx->first);
    free(lx->last_at);
    free(lx->last);
    memset(lx, 0, sizeof *lx);
}

static bool lexicon_build(lexicon_index *lx)
{
    memset(lx, 0, sizeof *lx);
    size_t entries = 0, words = 0;
    for (int t = 0; t < LT_COUNT; t++) {
        lx->base[t] = entries;
        entries += lex_tables[t].count;
        for (size_t e = 0; e < lex_tables[t].count; e++)
            words += count_words(table_phrase(t, e));
    }
    size_t slots = 64;
    lx->shift = 32 - 6;
    while (slots < 2 * words) {
        slots *= 2;
        lx->shift--;
    }
    lx->mask = slots - 1;
    lx->slots = calloc(slots, sizeof *lx->slots);
    lx->word = malloc((words + 1) * sizeof *lx->word);
    lx->ids = malloc(words * sizeof *lx->ids);
    lx->ids_at = malloc(entries * sizeof *lx->ids_at);
    lx->n_ids = malloc(entries);
    if (!lx->slots || !lx->word || !lx->ids || !lx->ids_at || !lx->n_ids) {
        lexicon_free(lx);
        return false;
    }
    size_t o = 0;
    for (int t = 0; t < LT_COUNT; t++)
        for (size_t e = 0; e < lex_tables[t].count; e++) {
            size_t g = lx->base[t] + e;
            lx->ids_at[g] = (uint32_t)o;
            bool well_formed = true;
            for (const char *p = table_phrase(t, e); *p;) {
                const char *sp = strchr(p, ' ');
                size_t n = sp ? (size_t)(sp - p) : strlen(p);
                well_formed &= n > 0 && (!sp || sp[1]);
                lx->ids[o++] = n ? intern_word(lx, p, n) : 0;
                p += n + (sp != NULL);
            }
            /* words are separated by single spaces (lexicon.def); a phrase
             * that is not so written matches nothing */
            lx->n_ids[g] = well_formed ? (uint8_t)(o - lx->ids_at[g]) : 0;
        }
    if (!index_by_word(lx, entries, false, &lx->first_at, &lx->first) ||
        !index_by_word(lx, entries, true, &lx->last_at, &lx->last)) {
        lexicon_free(lx);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- */
/* Context                                                           */
/* ---------------------------------------------------------------- */

typedef struct rctx {
    const char *text;
    size_t len;
    const segmentation *seg;
    const doc_meta *meta;
    const char *doc;
    vnr_arena *arena;
    recognizer_out *out;
    token_vec tv;
    vnr_buf lower;          /* lower-cased token texts, back to back */
    uint32_t *lo_off;       /* per token: offset into `lower` */
    uint16_t *lo_len;
    uint16_t *wid;          /* per token: lexicon word id, 0 for none */
    size_t lo_cap;
    lexicon_index lex;
    size_t block;
    bool in_plan;
    const char *block_baseline;   /* last comparison stated in the block's earlier sentences */
    const char *plan_period;    /* period of the plan part the block is in */
    bool is_footnote;
    const char **section;
    size_t section_depth;
    int32_t section_id;     /* section whose path `section` holds; -2 none yet */
    size_t statement;
    const char *block_subject;
    vnr_buf scratch;
    size_t clause_cs, clause_ce;   /* cached clause bounds ... */
    const char *clause_text;       /* ... and its text, shared by its records */
    size_t clause_len;
} rctx;

/* How far back a sentence-wide look-up reaches (keeps a sentence of a
 * million values linear). */
enum { LOOKBACK = 64 };
/* Longest clause copied whole into each record's `text`. */
enum { MAX_CLAUSE_TEXT = 600 };

/* What the recognizer knows about one quantity while building its record. */
typedef struct quantity {
    size_t tok;                /* the number token */
    size_t unit_end_tok;       /* first token after the unit */
    uint32_t unit_start, unit_end; /* unit text span */
    bool percent, count, times, points;
    double value, value_max, total;
    uint32_t vstart, vend;     /* value text span */
    size_t consumed_end;       /* first token after unit and any plan/baseline phrase */
    bool resolved;             /* `info` holds the registry's reading of the unit span */
    unit_info info;
} quantity;

/* Per sentence: state shared by the records of a chain. */
typedef struct number_ctx {
    size_t sent_start, sent_end;
    size_t floor;          /* first token after the previous quantity */
} number_ctx;

typedef struct sentence_state {
    size_t first_rec;          /* index of the first record of the sentence */
    size_t head;               /* most recent level record, or NONE */
    size_t last_change;        /* most recent change record, or NONE */
    const char *baseline;      /* most recent explicit baseline */
    size_t pending_baseline_from; /* first record that still lacks a chain baseline */
    const char *subject;       /* label subject of the sentence */
    size_t clause_first;       /* first record of the current ';' clause */
    size_t clause_tok;         /* token where that clause starts */
    size_t est_scanned;        /* tokens before this were searched for an estimate word */
    size_t est_at;             /* the first estimate word of the sentence, or NONE */
} sentence_state;

/* ---------------------------------------------------------------- */
/* Token text helpers                                                */
/* ---------------------------------------------------------------- */

static inline bool tok_is_n(const rctx *c, size_t i, const char *w, size_t n)
{
    return i < c->tv.n && c->lo_len[i] == n && memcmp(c->lower.data + c->lo_off[i], w, n) == 0;
}

/* Is token i the (lower-case) word w? w is a string literal, so its length
 * is known where the test is compiled and the test stays cheap. */
#define tok_is(c, i, w) tok_is_n((c), (i), "" w, sizeof(w) - 1)

static bool is_punct(const rctx *c, size_t i, uint32_t cp)
{
    return i < c->tv.n && c->tv.t[i].kind == TOK_PUNCT && c->tv.t[i].cp == cp;
}

static bool is_numeric(const token *t)
{
    return t->kind == TOK_NUMBER || t->kind == TOK_RANGE || t->kind == TOK_FRACTION;
}

/* Do the tokens from i on spell the phrase of global entry g? */
static bool ids_match(const rctx *c, size_t i, size_t g)
{
    const lexicon_index *lx = &c->lex;
    size_t n = lx->n_ids[g];
    if (i > c->tv.n || n > c->tv.n - i)
        return false;
    const uint16_t *ids = lx->ids + lx->ids_at[g];
    for (size_t k = 0; k < n; k++)
        if (c->wid[i + k] != ids[k])
            return false;
    return true;
}

/* "so với" at token k: 2 tokens, else 0. */
static size_t so_voi_at(const rctx *c, size_t k)
{
    return tok_is(c, k, "so") && tok_is(c, k + 1, "với") ? 2 : 0;
}

/* Longest phrase of table t ending exactly at token `end` (exclusive) and
 * starting at or after `lo`; returns its token count and the entry index. */
#define PHRASE_BEFORE(c, t, end, lo, idx) phrase_before((c), (end), (lo), (t), (idx))

static size_t phrase_before(const rctx *c, size_t end, size_t lo, lex_table t, size_t *idx)
{
    if (end == 0 || end > c->tv.n || !c->wid[end - 1])
        return 0;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[end - 1];
    size_t room = end - lo, best = 0;
    for (uint32_t r = lx->last_at[w]; r < lx->last_at[w + 1]; r++) {
        lex_ref ref = lx->last[r];
        if (ref.table != t)
            continue;
        size_t g = lx->base[t] + ref.entry, words = lx->n_ids[g];
        if (words > room || words > end || words <= best)
            continue;
        if (ids_match(c, end - words, g)) {
            best = words;
            if (idx)
                *idx = ref.entry;
        }
    }
    return best;
}

/* Longest phrase of table t starting at token i: its token count (0 for
 * none) and entry index. */
#define PHRASE_AT(c, t, i, idx) phrase_longest_at((c), (i), (t), (idx))

static size_t phrase_longest_at(const rctx *c, size_t i, lex_table t, size_t *idx)
{
    if (i >= c->tv.n || !c->wid[i])
        return 0;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[i];
    size_t best = 0;
    for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++) {
        lex_ref ref = lx->first[r];
        if (ref.table != t)
            continue;
        size_t g = lx->base[t] + ref.entry;
        if (lx->n_ids[g] > best && ids_match(c, i, g)) {
            best = lx->n_ids[g];
            if (idx)
                *idx = ref.entry;
        }
    }
    return best;
}

/* First entry of table t, in table order, whose phrase starts at token i. */
static bool phrase_first_at(const rctx *c, size_t i, lex_table t, size_t *idx)
{
    if (i >= c->tv.n || !c->wid[i])
        return false;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[i];
    for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++) {
        lex_ref ref = lx->first[r];
        if (ref.table == t && ids_match(c, i, lx->base[t] + ref.entry)) {
            *idx = ref.entry;
            return true;
        }
    }
    return false;
}

/* Boundaries inside a sentence that end a phrase: , ; : ( ) and brackets. */
static bool is_boundary(const rctx *c, size_t i)
{
    const token *t = &c->tv.t[i];
    if (t->kind != TOK_PUNCT)
        return false;
    switch (t->cp) {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case 0x201C: case 0x201D: case '"':
        return true;
    default:
        return false;
    }
}

static bool is_strong_boundary(const rctx *c, size_t i)
{
    return is_punct(c, i, ';') || is_punct(c, i, ':') || is_punct(c, i, '.');
}

/* Join tokens [a, b) into an arena string, with spaces where the text had them. */
static const char *tokens_text(rctx *c, size_t a, size_t b)
{
    c->scratch.len = 0;
    if (c->arena->failed)
        return NULL;   /* the document is lost already: no more text to build */
    bool ok = true;
    /* runs of tokens whose text already reads so (one space, or none when
     * glued) are copied at once */
    size_t run = a;
    for (size_t i = a; i < b; i++) {
        const token *t = &c->tv.t[i];
        if (i > a) {
            const token *p = &c->tv.t[i - 1];
            bool glued = t->flags & TOK_GLUED;
            if (t->start == p->end + !glued && (glued || c->text[p->end] == ' '))
                continue;
            ok = ok && buf_append(&c->scratch, c->text + c->tv.t[run].start,
                                  p->end - c->tv.t[run].start);
            if (!glued)
                ok = ok && buf_append_char(&c->scratch, ' ');
            run = i;
        }
    }
    if (b > a)
        ok = ok && buf_append(&c->scratch, c->text + c->tv.t[run].start,
                              c->tv.t[b - 1].end - c->tv.t[run].start);
    if (!ok) {
        arena_mark_failed(c->arena);   /* the document reports VNR_E_NOMEM */
        return NULL;
    }
    return arena_strndup(c->arena, c->scratch.data ? c->scratch.data : "", c->scratch.len);
}

/* ---------------------------------------------------------------- */
/* Lower-casing, sentences                                           */
/* ---------------------------------------------------------------- */

/* Lower-case the word s[a..b) into `out`, which has room for 3 × (b − a)
 * bytes (a lower-case letter takes at most 3/2 the bytes of its upper-case
 * form, an invalid byte becomes the 3 bytes of U+FFFD); returns the bytes
 * written. */
static size_t lower_word(const char *s, size_t a, size_t b, char *out)
{
    char *o = out;
    size_t k = a;
    while (k < b) {
        unsigned char ch = (unsigned char)s[k];
        if (ch < 0x80) {
            *o++ = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            k++;
            continue;
        }
        o += utf8_encode(utf8_tolower_cp(utf8_next_fast(s, b, &k)), o);
    }
    return (size_t)(o - out);
}

static bool grow_token_arrays(rctx *c)
{
    if (c->tv.n <= c->lo_cap)
        return true;
    size_t cap = c->tv.n * 2;
    uint32_t *o = realloc(c->lo_off, cap * sizeof *o);
    if (!o)
        return false;
    c->lo_off = o;
    uint16_t *l = realloc(c->lo_len, cap * sizeof *l);
    if (!l)
        return false;
    c->lo_len = l;
    uint16_t *w = realloc(c->wid, cap * sizeof *w);
    if (!w)
        return false;
    c->wid = w;
    c->lo_cap = cap;
    return true;
}

/* Lower-case every token once (words; punctuation as written; numbers as
 * '#') and give each its lexicon word id. */
static bool lower_tokens(rctx *c)
{
    if (!grow_token_arrays(c))
        return false;
    size_t bytes = 0;
    for (size_t i = 0; i < c->tv.n; i++)
        bytes += c->tv.t[i].end - c->tv.t[i].start;
    c->lower.len = 0;
    if (!buf_reserve(&c->lower, 3 * bytes + c->tv.n + 1))
        return false;
    for (size_t i = 0; i < c->tv.n; i++) {
        const token *t = &c->tv.t[i];
        size_t start = c->lower.len, len = t->end - t->start;
        c->lo_off[i] = (uint32_t)start;
        char *o = c->lower.data + start;
        if (t->kind == TOK_WORD) {
            c->lower.len += lower_word(c->text, t->start, t->end, o);
        } else if (t->kind == TOK_PUNCT) {
            memcpy(o, c->text + t->start, len);
            c->lower.len += len;
        } else {
            *o = '#';
            c->lower.len++;
        }
        c->lower.data[c->lower.len] = '\0';
        size_t n = c->lower.len - start;
        c->lo_len[i] = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
        c->wid[i] = t->kind == TOK_NUMBER ? 0 : lexicon_word(&c->lex, c->lower.data + start, c->lo_len[i]);
    }
    return true;
}

static const char *const abbreviations[] = { "tp", "tx", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "th" };

/* Does token i ('.', '!', '?', '…') end a sentence? */
static bool ends_sentence_at(const rctx *c, size_t i)
{
    const token *t = &c->tv.t[i];
    if (t->kind != TOK_PUNCT)
        return false;
    if (t->cp != '.' && t->cp != '!' && t->cp != '?' && t->cp != 0x2026)
        return false;
    if (i + 1 >= c->tv.n)
        return true;
    const token *n = &c->tv.t[i + 1];
    if (n->flags & TOK_GLUED)
        return n->kind == TOK_PUNCT && n->cp == '/';   /* "./." closing */
    if (t->cp == '.' && i > 0 && c->tv.t[i - 1].kind == TOK_WORD) {
        for (size_t a = 0; a < COUNT_OF(abbreviations); a++)
            if (tok_is_n(c, i - 1, abbreviations[a], strlen(abbreviations[a])))
                return false;
    }
    if (n->kind == TOK_WORD)
        return (n->flags & TOK_UPPER) != 0;
    return true;
}

/* ---------------------------------------------------------------- */
/* Fates                                                             */
/* ---------------------------------------------------------------- */

static bool add_fate(rctx *c, uint32_t start, uint32_t end, const char *fate, size_t rec)
{
    number_fate f = { .norm_start = start, .norm_end = end, .fate = fate, .record = rec };
    return VEC_PUSH(c->out->fates, c->out->n_fates, c->out->cap_fates, f);
}

/* First ASCII digit in s[i..end), or end; eight bytes at a time (furniture
 * is mostly text). */
static uint32_t next_digit(const char *s, uint32_t i, uint32_t end)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* a byte is a digit when its bits above 0x0F are 0x30 and the low
         * nibble is below 10 */
        uint64_t x = w ^ 0x3030303030303030ULL;   /* digits become 0..9 */
        if (((x - ones * 10) & ~x & highs) != 0)    /* some byte below 10 */
            break;
        i += 8;
    }
    while (i < end && !(s[i] >= '0' && s[i] <= '9'))
        i++;
    return i;
}

/* Digit runs inside a span that no token accounts for (markers, furniture). */
static bool add_digit_fates(rctx *c, uint32_t start, uint32_t end, const char *fate)
{
    uint32_t i = start;
    while (i < end) {
        i = next_digit(c->text, i, end);
        if (i >= end)
            break;
        if (c->text[i] >= '0' && c->text[i] <= '9') {
            uint32_t j = i;
            while (j < end && ((c->text[j] >= '0' && c->text[j] <= '9') ||
                               ((c->text[j] == '.' || c->text[j] == ',') && j + 1 < end &&
                                c->text[j + 1] >= '0' && c->text[j + 1] <= '9')))
                j++;
            if (!add_fate(c, i, j, fate, NONE))
                return false;
            i = j;
        } else {
            i++;
        }
    }
    return true;
}

/* ---------------------------------------------------------------- */
/* Units after a number                                              */
/* ---------------------------------------------------------------- */

/* Is token i a one-word entry of table t? */
static bool in_table(const rctx *c, size_t i, lex_table t)
{
    if (i >= c->tv.n || !c->wid[i])
        return false;
    const lexicon_index *lx = &c->lex;
    uint16_t w = c->wid[i];
    for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++)
        if (lx->first[r].table == t && lx->n_ids[lx->base[t] + lx->first[r].entry] == 1)
            return true;
    return false;
}

/* The token index that starts at or after text offset `pos`. */
static size_t token_at_offset(const rctx *c, size_t from, uint32_t pos)
{
    size_t i = from;
    while (i < c->tv.n && c->tv.t[i].start < pos)
        i++;
    return i;
}

/* A count noun at token i: a multi-word one from the table, an upper-case
 * abbreviation (HTX), or one lower-case word that is not a function word. */
static bool memchr_digits(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return true;
    return false;
}

static size_t count_noun_at(const rctx *c, size_t i)
{
    if (i >= c->tv.n || c->tv.t[i].kind != TOK_WORD)
        return 0;
    size_t m = PHRASE_AT(c, LT_COUNT_NOUNS, i, NULL);
    if (m)
        return m;
    const token *t = &c->tv.t[i];
    if (in_table(c, i, LT_NOT_NOUNS))
        return 0;
    /* a word with digits glued to the number is part of it: `1e308`, `5G` */
    if ((t->flags & TOK_GLUED) && memchr_digits(c->text + t->start, t->end - t->start))
        return 0;
    if (t->flags & TOK_ALLCAPS)
        return t->end - t->start <= 6 ? 1 : 0;
    if (t->flags & TOK_UPPER)
        return 0;
    return 1;
}

/* A count per something: "bác sĩ/1 vạn dân", "dược sỹ đại học/1 vạn dân",
 * "cán bộ/1 trạm y tế xã": the noun may run on for a few words before the
 * '/', and the denominator (optional leading count, words) after it. */
static void extend_per_unit(const rctx *c, quantity *q)
{
    size_t k = q->unit_end_tok;
    size_t extra = 0;
    while (k < c->tv.n && extra < 3 && c->tv.t[k].kind == TOK_WORD &&
           !(c->tv.t[k].flags & TOK_UPPER) && !in_table(c, k, LT_NOT_NOUNS)) {
        k++;
        extra++;
    }
    if (k + 1 >= c->tv.n || !is_punct(c, k, '/'))
        return;
    size_t d = k + 1;
    if (c->tv.t[d].kind == TOK_NUMBER && !(c->tv.t[d].flags & NUM_DECIMAL))
        d++;
    size_t words = 0;
    while (d < c->tv.n && words < 4 && c->tv.t[d].kind == TOK_WORD &&
           !in_table(c, d, LT_NOT_NOUNS)) {
        d++;
        words++;
    }
    if (!words)
        return;
    q->unit_end = c->tv.t[d - 1].end;
    q->unit_end_tok = d;
}

/*
 * Find the unit after the number token `i`. Scale words, registry units and
 * '/'-compounds come from the unit registry; otherwise a count noun. A '/'
 * followed by a number is a pair (`3.669,25 ha/3.621,7 ha`), not a compound.
 */
static bool find_unit(rctx *c, size_t i, quantity *q)
{
    const token *t = &c->tv.t[i];
    size_t j = i + 1;
    q->unit_start = q->unit_end = t->end;
    q->unit_end_tok = j;
    if (j >= c->tv.n)
        return false;
    const token *n = &c->tv.t[j];
    if (n->kind == TOK_PUNCT && (n->cp == '%' || n->cp == 0x2030)) {
        q->unit_start = n->start;
        q->unit_end = n->end;
        q->unit_end_tok = j + 1;
        q->percent = n->cp == '%';
        /* `%/năm` */
        return true;
    }
    if (n->kind != TOK_WORD)
        return false;
    /* limit the registry match so that "/<digit>" starts a pair */
    size_t limit = c->len;
    for (size_t k = j; k < c->tv.n && k < j + 8; k++) {
        if (is_punct(c, k, '/') && k + 1 < c->tv.n && is_numeric(&c->tv.t[k + 1])) {
            const token *d = &c->tv.t[k + 1];
            bool leading_count = d->kind == TOK_NUMBER && (d->v == 1 || d->v == 10 || d->v == 100 ||
                                                           d->v == 1000) && !(d->flags & NUM_DECIMAL) &&
                                 k + 2 < c->tv.n && c->tv.t[k + 2].kind == TOK_WORD;
            if (!leading_count)
                limit = c->tv.t[k].start;
            break;
        }
        if (c->tv.t[k].kind == TOK_NUMBER)
            break;
    }
    size_t m = units_match_prefix(NULL, c->text + n->start, limit - n->start);
    /* "3G", "4C": one capital letter glued to a number names a thing
     * (a network, a road), not a unit — only W (watt) is written so */
    if (m == 1 && c->text[n->start] >= 'A' && c->text[n->start] <= 'Z' && c->text[n->start] != 'W')
        return false;
    if (m) {
        uint32_t end = (uint32_t)(n->start + m);
        size_t after = token_at_offset(c, j, end);
        /* a scale word alone: take the count noun after it (`5.420 nghìn con`) */
        if (units_scale_word(c->text + n->start, m) > 0) {
            size_t cn = count_noun_at(c, after);
            if (cn) {
                end = c->tv.t[after + cn - 1].end;
                after += cn;
            }
        }
        q->unit_start = n->start;
        q->unit_end = end;
        q->unit_end_tok = after;
        q->points = m >= 6 && memcmp(c->text + n->start, "điểm", 6) == 0;
        q->resolved = units_resolve(NULL, c->text + n->start, end - n->start, true, &q->info) == VNR_OK;
        q->count = q->resolved && strcmp(q->info.dimension, "count") == 0;
        q->times = tok_is(c, j, "lần");
        return true;
    }
    size_t cn = count_noun_at(c, j);
    if (!cn)
        return false;
    q->unit_start = n->start;
    q->unit_end = c->tv.t[j + cn - 1].end;
    q->unit_end_tok = j + cn;
    q->count = true;
    extend_per_unit(c, q);
    return true;
}

/* ---------------------------------------------------------------- */
/* Roles, baselines, qualifiers                                      */
/* ---------------------------------------------------------------- */

/* Start of the phrase that ends at token i: after the last boundary or
 * the previous quantity (`floor`). */
static size_t segment_start(const rctx *c, size_t i, size_t floor)
{
    size_t k = i;
    while (k > floor && !is_boundary(c, k - 1))
        k--;
    return k;
}

/* Start of the indicator phrase ending at token i: back to `floor` (the
 * previous quantity), a ';' or ':', an unbalanced '(' or the sentence start.
 * Commas and whole parenthesised groups are crossed: "Giá trị sản xuất
 * công nghiệp (theo giá hiện hành) ước đạt …", "Tổng đàn trâu, bò …". */
static size_t phrase_floor(const rctx *c, size_t i, size_t floor)
{
    size_t k = i;
    int depth = 0;
    while (k > floor) {
        const token *t = &c->tv.t[k - 1];
        if (t->kind == TOK_PUNCT) {
            if (t->cp == ')') {
                depth++;
            } else if (t->cp == '(') {
                if (depth == 0)
                    break;
                depth--;
            } else if (depth == 0 && (t->cp == ';' || t->cp == ':' || t->cp == '.')) {
                break;
            }
        }
        k--;
    }
    return k;
}

/* Can the tokens [a, b) between a trigger and its number be skipped?
 * Qualifiers, estimate words, fillers and a baseline phrase can. */
static bool gap_skippable(rctx *c, size_t a, size_t b);

/* Nearest trigger before token i (not before lo); sets *at to its first token. */
static const trigger_entry *find_trigger(const rctx *c, size_t i, size_t lo, size_t *at,
                                         size_t *len)
{
    const trigger_entry *level_word = NULL;
    size_t level_at = 0;
    for (size_t e = i; e > lo; e--) {
        size_t idx;
        size_t m = PHRASE_BEFORE(c, LT_TRIGGERS, e, lo, &idx);
        if (!m)
            continue;
        if (!gap_skippable((rctx *)c, e, i))
            break;
        const trigger_entry *tr = &triggers[idx];
        if (tr->kind == T_LEVEL) {
            /* "tăng so với năm 2020 là 170,4 tỷ" — a change verb further back wins */
            if (!level_word) {
                level_word = tr;
                level_at = e - m;
                *len = m;
            }
            e -= m - 1;
            continue;
        }
        *at = e - m;
        *len = m;
        return tr;
    }
    if (level_word)
        *at = level_at;
    return level_word;
}

/* A baseline phrase starting at token i (optionally after "so với"/"so"). */
/* `so với tháng 3/2023` in an April release: a period phrase right after
 * `so với`, read by the period grammar and set against the document's
 * period (period_baseline). Returns the tokens it spans, its code in buf. */
static size_t compared_period_at(rctx *c, size_t k, char *buf, size_t cap)
{
    size_t e = k;
    while (e < c->tv.n && e < k + 8 && !is_boundary(c, e) && !is_strong_boundary(c, e))
        e++;
    if (e == k)
        return 0;
    char low[256];
    size_t span = c->tv.t[e - 1].end - c->tv.t[k].start;
    if (span >= sizeof low / 2)
        return 0;
    size_t n = utf8_lower(c->text + c->tv.t[k].start, span, low, sizeof low);
    period_ref p;
    size_t date_end = period_year_end_date(low, n, &p.year);
    if (date_end) {
        /* `so với 31/12/2023`, `so với thời điểm 31/12/2023` */
        snprintf(buf, cap, "year_end:%d", p.year);
        p.end = date_end;
    } else if (!period_next(low, n, 0, &p) || p.start > 0) {
        return 0;
    } else {
        period_ref current = { .kind = (period_kind)c->meta->period_kind, .n = c->meta->period_n,
                               .year = c->meta->year };
        if (!period_baseline(&p, &current, c->meta->year, buf, cap))
            return 0;
    }
    size_t used = 0;
    while (k + used < e && c->tv.t[k + used].end - c->tv.t[k].start <= p.end)
        used++;
    return used ? used : 1;
}

static const char *baseline_at(rctx *c, size_t i, size_t *consumed)
{
    char buf[32];
    size_t k = i;
    size_t sv = so_voi_at(c, k);
    if (!sv)
        sv = tok_is(c, k, "so") ? 1 : 0;
    k += sv;
    size_t used_period = sv ? compared_period_at(c, k, buf, sizeof buf) : 0;
    if (used_period) {
        *consumed = k + used_period - i;
        return arena_strdup(c->arena, buf);
    }
    size_t idx;
    size_t m = PHRASE_AT(c, LT_BASELINES, k, &idx);
    if (!m)
        return NULL;
    const char *code = baselines[idx].code;
    size_t end = k + m;
    if (code[strlen(code) - 1] == ':') {
        /* year: / year_end: need the year that follows */
        if (end < c->tv.n && c->tv.t[end].kind == TOK_NUMBER && (c->tv.t[end].flags & NUM_YEARLIKE)) {
            snprintf(buf, sizeof buf, "%s%d", code, (int)c->tv.t[end].v);
            *consumed = end + 1 - i;
            return arena_strdup(c->arena, buf);
        }
        if (strcmp(code, "year:") == 0)
            return NULL; /* "năm" alone is not a baseline */
        if (c->meta->year) {
            snprintf(buf, sizeof buf, "%s%d", code, c->meta->year - 1);
            *consumed = end - i;
            return arena_strdup(c->arena, buf);
        }
        return NULL;
    }
    if (!sv && strcmp(code, "plan") != 0 && strncmp(code, "budget", 6) != 0 &&
        strcmp(code, "same_period_last_year") != 0)
        return NULL; /* "năm trước" without "so với" is not necessarily a baseline */
    *consumed = end - i;
    return code;
}

static bool gap_skippable(rctx *c, size_t a, size_t b)
{
    size_t k = a;
    while (k < b) {
        const token *t = &c->tv.t[k];
        if (t->kind == TOK_PUNCT && (t->cp == ',' || t->cp == '(' || t->cp == ')')) {
            k++;
            continue;
        }
        if (t->kind == TOK_FOOTNOTE) {
            k++;
            continue;
        }
        size_t m = PHRASE_AT(c, LT_QUALIFIERS, k, NULL);
        if (!m)
            m = PHRASE_AT(c, LT_ESTIMATES, k, NULL);
        if (!m)
            m = PHRASE_AT(c, LT_GAP_WORDS, k, NULL);
        if (!m) {
            size_t used;
            if (baseline_at(c, k, &used))
                m = used;
        }
        if (!m)
            return false;
        k += m;
    }
    return true;
}

/* Baseline stated after the quantity, before the clause ends. */
static const char *baseline_after(rctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to && k < from + 12; k++) {
        if (is_strong_boundary(c, k) || (is_numeric(&c->tv.t[k]) && k > from))
            break;
        if (is_punct(c, k, '(') || is_punct(c, k, ','))
            continue;
        size_t used;
        if (tok_is(c, k, "so") || PHRASE_AT(c, LT_BASELINES, k, NULL)) {
            const char *b = baseline_at(c, k, &used);
            if (b)
                return b;
        }
    }
    return NULL;
}

/* "so với X" stated before the trigger, inside the same segment. */
static const char *baseline_before(rctx *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++) {
        if (tok_is(c, k, "so")) {
            size_t used;
            const char *b = baseline_at(c, k, &used);
            if (b)
                return b;
        }
    }
    return NULL;
}

/* "so với dự toán TW giao đạt 62%": a plan named before the trigger. */
static const char *plan_before(const rctx *c, size_t i)
{
    size_t k = i;
    while (k > 0 && k + LOOKBACK > i && !is_punct(c, k - 1, ';') && !is_punct(c, k - 1, '.') &&
           !is_numeric(&c->tv.t[k - 1]))
        k--;
    for (; k + 1 < i; k++)
        if (tok_is(c, k, "so") && so_voi_at(c, k)) {
            size_t idx;
            if (PHRASE_AT(c, LT_PLAN_WORDS, k + 2, &idx))
                return plan_words[idx].code;
        }
    return NULL;
}

/* A plan word right after a percentage: "99,5% KH", "144,6% dự toán TW giao". */
static const char *plan_after(const rctx *c, size_t k)
{
    if (so_voi_at(c, k))
        k += 2;
    else if (tok_is(c, k, "so"))
        k += 1;
    size_t idx;
    if (PHRASE_AT(c, LT_PLAN_WORDS, k, &idx))
        return plan_words[idx].code;
    return NULL;
}

static vnr_qualifier qualifier_before(const rctx *c, size_t i, size_t lo)
{
    size_t idx;
    size_t e = i;
    /* skip "là" between qualifier and number: "trên 17 tỷ" / "là trên 17 tỷ" */
    if (PHRASE_BEFORE(c, LT_QUALIFIERS, e, lo, &idx))
        return qualifiers[idx].q;
    return VNR_QUALIFIER_NONE;
}

/* ---------------------------------------------------------------- */
/* Indicator phrases                                                 */
/* ---------------------------------------------------------------- */

static bool is_filler_at(const rctx *c, size_t i, size_t hi, size_t *m)
{
    size_t best = 0;
    if (i < c->tv.n && c->wid[i]) {
        const lexicon_index *lx = &c->lex;
        uint16_t w = c->wid[i];
        for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++) {
            if (lx->first[r].table != LT_FILLERS)
                continue;
            size_t g = lx->base[LT_FILLERS] + lx->first[r].entry, k = lx->n_ids[g];
            if (k > best && i + k <= hi && ids_match(c, i, g))
                best = k;
        }
    }
    *m = best;
    return best > 0;
}

/* Is token k a ')' closing a '(' opened inside [a, k)? "(GRDP)" keeps it. */
static bool closes_bracket(const rctx *c, size_t a, size_t k)
{
    if (!is_punct(c, k, ')'))
        return false;
    for (size_t j = k; j > a; j--)
        if (is_punct(c, j - 1, '('))
            return true;
    return false;
}

/* Trim fillers, baseline phrases and punctuation off both ends of [a, b). */
/* A Roman numeral of a quarter or a month: `Quý III/2023`. */
static bool is_roman_numeral(const rctx *c, size_t k)
{
    const token *t = &c->tv.t[k];
    if (t->kind != TOK_WORD || t->end - t->start > 4)
        return false;
    for (uint32_t p = t->start; p < t->end; p++)
        if (!strchr("IVX", c->text[p]))
            return false;
    return true;
}

/* Tokens of a time adverbial that opens [a, b) and ends in a comma
 * (`Năm 2023,`, `Quý III/2023,`, `Tính đến hết tháng 9/2023,`), the comma
 * included; 0 when there is none. It must hold a time word and a number. */
static size_t time_adverbial_at(const rctx *c, size_t a, size_t b)
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

static void trim_phrase(rctx *c, size_t *a, size_t *b)
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

static bool has_content(const rctx *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (c->tv.t[k].kind == TOK_WORD)
            return true;
    return false;
}

/* ---------------------------------------------------------------- */
/* Records                                                           */
/* ---------------------------------------------------------------- */

/* Canonical value and unit; `known` is the unit already resolved by
 * find_unit (NULL when the unit came from elsewhere). */
static void fill_units(rctx *c, vnr_record *r, const char *unit, const unit_info *known)
{
    r->unit = unit;
    unit_info ui;
    if (known || (*unit && units_resolve(NULL, unit, strlen(unit), true, &ui) == VNR_OK)) {
        if (known)
            ui = *known;
        r->canonical_value = r->value * ui.factor;
        r->canonical_unit = arena_strdup(c->arena, ui.canonical);
        r->dimension = ui.dimension;
    } else {
        r->canonical_value = r->value;
        r->canonical_unit = unit;
        r->dimension = *unit ? "count" : NULL;
    }
}

static bool push_record(rctx *c, vnr_record *r)
{
    r->doc = c->doc;
    if (r->subject && !*r->subject)
        r->subject = NULL;   /* a label that trimmed to nothing names no subject */
    r->section = c->section;
    r->section_depth = c->section_depth;
    return VEC_PUSH(c->out->recs, c->out->n_recs, c->out->cap_recs, *r);
}

/* How much text before a value the period grammar reads (bytes). */
enum { PERIOD_WINDOW = 480, PERIOD_WINDOW_TOKENS = 240 };

/* How far after a value its clause may name its period (tokens). */
enum { PERIOD_AFTER_TOKENS = 16 };

/* The period phrase of tokens [a, b), read by the period grammar
 * (period.c) from their lower-cased text: the last one (`first`: the
 * first one) that is not a comparison. Writes its code into buf. */
static bool period_of_tokens(rctx *c, size_t a, size_t b, bool first, char *buf, size_t cap)
{
    if (a >= b)
        return false;
    if (b - a > PERIOD_WINDOW_TOKENS)
        a = b - PERIOD_WINDOW_TOKENS;   /* a token has at least one byte */
    while (a + 1 < b && c->tv.t[b - 1].end - c->tv.t[a].start > PERIOD_WINDOW)
        a++;   /* keep the window next to the value */
    char low[PERIOD_WINDOW * 2 + 16];
    size_t span = c->tv.t[b - 1].end - c->tv.t[a].start;
    if (span > PERIOD_WINDOW)
        return false;
    size_t n = utf8_lower(c->text + c->tv.t[a].start, span, low, sizeof low);
    period_ref p;
    if (!(first ? period_first(low, n, &p) : period_last(low, n, &p)))
        return false;
    return period_format(&p, c->meta->year, buf, cap);
}

/* The period a value refers to: the nearest period phrase before it in
 * its sentence (`Tính chung 9 tháng, …`, `quý I/2024 tăng …`), else one
 * right after it in its clause (`chiếm 21% … trong tháng 4/2023`), else
 * the document's (a year left unsaid is the document's year). Values of a
 * plan part take the plan's period. */
static const char *record_period(rctx *c, size_t i, const quantity *q, const number_ctx *nc)
{
    if (c->in_plan)
        return *c->plan_period ? c->plan_period : NULL;   /* "": a plan of no stated year */
    char buf[32];
    size_t u = q->unit_end_tok;
    size_t e = u;
    while (e < nc->sent_end && e < u + PERIOD_AFTER_TOKENS && !is_punct(c, e, ';') && !is_punct(c, e, ','))
        e++;
    /* `giảm từ 3,8% năm 2018 xuống còn 3,2% năm 2019`: right after the value */
    if (u < e && period_of_tokens(c, u, u + 1 < e ? u + 2 : e, true, buf, sizeof buf))
        return arena_strdup(c->arena, buf);
    if (period_of_tokens(c, nc->sent_start, i, false, buf, sizeof buf) ||
        period_of_tokens(c, u, e, true, buf, sizeof buf))
        return arena_strdup(c->arena, buf);
    return NULL;
}

/* Longest phrase, in tokens, whose period phrases are looked for. */
enum { PERIOD_TRIM_TOKENS = 64 };

/* Marks in skip[] the tokens of [a, b) that belong to a period phrase the
 * value does not compare with (`9 tháng năm 2024`, `lũy kế 7 tháng`):
 * the guidelines keep them out of indicators. */
static bool mark_period_tokens(const rctx *c, size_t a, size_t b, bool compared, bool *skip)
{
    char low[1024];
    uint32_t off[PERIOD_TRIM_TOKENS + 1];
    size_t n = 0;
    for (size_t k = a; k < b; k++) {
        const token *t = &c->tv.t[k];
        if (n + (t->end - t->start) * 2 + 2 >= sizeof low)
            return false;
        off[k - a] = (uint32_t)n;
        n += utf8_lower(c->text + t->start, t->end - t->start, low + n, sizeof low - n);
        low[n++] = ' ';
        skip[k - a] = false;
    }
    off[b - a] = (uint32_t)n;
    bool any = false;
    period_ref p;
    for (size_t i = 0; period_next(low, n, i, &p); i = p.end) {
        if (p.compared && !compared)
            continue;
        for (size_t k = 0; k < b - a; k++)
            if (off[k] >= p.start && off[k] < p.end) {
                skip[k] = true;
                any = true;
            }
    }
    return any;
}

/* Is number token i inside a period phrase (`lũy kế 10 tháng`, `tháng
 * 8.2019`, `so với tháng 12 năm trước`)? Then it is no quantity. */
static bool in_period_phrase(const rctx *c, size_t i)
{
    size_t a = i >= 3 ? i - 3 : 0;
    size_t b = i + 5 < c->tv.n ? i + 5 : c->tv.n;
    bool skip[PERIOD_TRIM_TOKENS];
    return mark_period_tokens(c, a, b, true, skip) && skip[i - a];
}

/* `07:20`, `16:08:00`: the parts of a clock time, glued by colons. */
static bool is_clock_time(const rctx *c, size_t i)
{
    const token *t = c->tv.t;
    if (i + 2 < c->tv.n && is_punct(c, i + 1, ':') && t[i + 2].kind == TOK_NUMBER &&
        t[i + 1].start == t[i].end && t[i + 2].start == t[i + 1].end)
        return true;
    return i >= 2 && is_punct(c, i - 1, ':') && t[i - 2].kind == TOK_NUMBER &&
           t[i - 1].start == t[i - 2].end && t[i].start == t[i - 1].end;
}

/* Classify a number that cannot be a quantity; NULL if it may be one. */
static const char *non_indicator_fate(const rctx *c, size_t i, size_t lo, bool has_unit,
                                      bool name_follows)
{
    const token *t = &c->tv.t[i];
    if (is_clock_time(c, i))
        return "date";
    if (in_period_phrase(c, i))
        return "period";
    /* dates in words: "ngày 15 tháng 11 năm 2023" */
    if (i > 0 && (tok_is(c, i + 1, "tháng") || tok_is(c, i + 1, "năm")) && i + 2 < c->tv.n &&
        c->tv.t[i + 2].kind == TOK_NUMBER && (tok_is(c, i - 1, "ngày") || tok_is(c, i - 1, "tháng")))
        return "date";
    size_t idx;
    size_t m = PHRASE_BEFORE(c, LT_NON_INDICATORS, i, lo, &idx);
    if (m) {
        const char *fate = non_indicators[idx].code;
        const char *ph = non_indicators[idx].phrase;
        bool weak = strcmp(ph, "số") == 0 || strcmp(ph, "lần") == 0 || strcmp(ph, "chợ") == 0 ||
                    strcmp(ph, "chương trình") == 0 || strcmp(ph, "công nghệ") == 0 ||
                    strcmp(ph, "điều") == 0 || strcmp(ph, "khoản") == 0 || strcmp(ph, "hạng") == 0;
        if (strcmp(ph, "năm") == 0 && !(t->flags & NUM_YEARLIKE))
            return NULL;
        if (strcmp(ph, "tháng") == 0 && (t->v > 12 || has_unit))
            return NULL;
        if (strcmp(ph, "ngày") == 0 && has_unit)
            return NULL;
        if (weak && has_unit && !name_follows)
            return NULL;
        return fate;
    }
    if ((t->flags & NUM_YEARLIKE) && !has_unit)
        return "year";

    if (phrase_first_at(c, i + 1, LT_PERIODS_AFTER, &idx))
        return periods_after[idx].code;
    /* Covid-19, Covid -19 */
    if (i >= 2 && is_punct(c, i - 1, '-') && tok_is(c, i - 2, "covid"))
        return "identifier";
    if (t->flags & NUM_SIGNED && i >= 1 && tok_is(c, i - 1, "covid"))
        return "identifier";
    return NULL;
}

/* Is "đạt X%" here said of an amount (revenue, spending, disbursement),
 * so a share of its plan, rather than of a rate that is itself a percent? */
static bool amount_context(const rctx *c, size_t i, const sentence_state *ss)
{
    if (ss->head != NONE) {
        const vnr_record *h = &c->out->recs[ss->head];
        return h->unit && strcmp(h->unit, "%") != 0 && h->dimension && strcmp(h->dimension, "currency") == 0;
    }
    size_t floor = i > LOOKBACK ? i - LOOKBACK : 0;
    size_t lo = phrase_floor(c, i, floor);
    if (lo > floor && is_punct(c, lo - 1, '('))
        lo = phrase_floor(c, lo - 1, floor);
    for (size_t k = lo; k < i; k++) {
        if ((tok_is(c, k, "tỷ") || tok_is(c, k, "tỉ")) && tok_is(c, k + 1, "lệ"))
            return false;
    }
    return PHRASE_AT(c, LT_AMOUNT_WORDS, lo, NULL) > 0;
}

/* Set the role of a new record from its trigger and surroundings. */
/* `tương đương X` restates the sentence's latest value: a change when that
 * is a change, a level when it is a level (`68,37 triệu đồng (tương đương
 * 2.873 USD)`). */
static bool restates_change(const rctx *c, const sentence_state *ss)
{
    size_t n = c->out->n_recs;
    return n <= ss->first_rec || c->out->recs[n - 1].role != VNR_ROLE_LEVEL;
}

static void assign_role(rctx *c, vnr_record *r, const quantity *q, const trigger_entry *tr,
                        const sentence_state *ss, const char **plan_code)
{
    *plan_code = NULL;
    const char *plan = q->percent ? plan_after(c, q->unit_end_tok) : NULL;
    trigger_kind k = tr ? tr->kind : T_NONE;
    r->role = VNR_ROLE_LEVEL;
    switch (k) {
    case T_CHANGE:
        r->role = q->times ? VNR_ROLE_INDEX : VNR_ROLE_CHANGE;
        if (tr->sign < 0 && r->role == VNR_ROLE_CHANGE) {
            r->value = -r->value;
            r->value_max = -r->value_max;
        }
        if (plan && r->role == VNR_ROLE_CHANGE) {
            /* "tăng 0,19% so với kế hoạch": change against the plan */
        }
        break;
    case T_RESTATE:
        if (plan) {
            r->role = VNR_ROLE_ATTAINMENT;
            *plan_code = plan;
        } else if (ss->last_change != NONE && restates_change(c, ss) &&
                   (strcmp(tr->phrase, "bằng") != 0 || !(q->percent && baseline_after(c, q->unit_end_tok, c->tv.n)))) {
            r->role = VNR_ROLE_CHANGE;
            if (c->out->recs[ss->last_change].value < 0)
                r->value = -r->value;
        } else if (q->percent || q->times) {
            r->role = VNR_ROLE_INDEX;
        }
        break;
    case T_INDEX:
        r->role = VNR_ROLE_INDEX;
        break;
    case T_ATTAIN:
        if (!plan && q->percent)
            plan = plan_before(c, q->tok);
        if (plan) {
            r->role = VNR_ROLE_ATTAINMENT;
            *plan_code = plan;
        } else if (q->percent && baseline_after(c, q->unit_end_tok, c->tv.n)) {
            r->role = VNR_ROLE_INDEX;   /* "đạt 128% so với cùng kỳ" */
        } else if (q->percent && amount_context(c, q->tok, ss)) {
            r->role = VNR_ROLE_ATTAINMENT;   /* "thu … (đạt 21,7%, tăng 7,6%)" */
        }
        break;
    case T_EXCEED:
        if (plan && q->percent) {
            r->role = VNR_ROLE_ATTAINMENT;
            r->value += 100;
            *plan_code = plan;
        } else {
            r->role = VNR_ROLE_CHANGE;
        }
        break;
    case T_SHARE:
        r->role = VNR_ROLE_SHARE;
        break;
    default:
        if (plan && q->percent) {
            r->role = VNR_ROLE_ATTAINMENT;
            *plan_code = plan;
        } else if (q->points) {
            r->role = VNR_ROLE_CHANGE;
        }
        break;
    }
    if (c->in_plan && r->role != VNR_ROLE_TARGET) {
        /* a plan item keeps its written sign: "Giảm số vụ phạm tội: ≥ 5%" */
        r->role = VNR_ROLE_TARGET;
        r->value = fabs(r->value);
        r->value_max = fabs(r->value_max);
    }
}

/* The indicator phrase of a quantity at token i; [*a, *b) is returned. */
/* `(+32,36 tấn)`, `giảm 0,04% (151 tấn)`, `(-11,85%)`: a bracketed value
 * with no verb of its own, right after a change or written with a sign, is
 * a change; unsigned, it takes the sign of the change it restates. */
static void bracket_restatement(const rctx *c, vnr_record *r, const quantity *q,
                                const sentence_state *ss)
{
    size_t i = q->tok, n = c->out->n_recs;
    if (i == 0 || !is_punct(c, i - 1, '(') || r->role != VNR_ROLE_LEVEL || q->count)
        return;
    bool written_sign = c->tv.t[i].flags & NUM_SIGNED;
    bool after_change = n > ss->first_rec && c->out->recs[n - 1].role == VNR_ROLE_CHANGE;
    if (!written_sign && !after_change)
        return;
    r->role = VNR_ROLE_CHANGE;
    if (!written_sign && c->out->recs[n - 1].value < 0) {
        r->value = -fabs(r->value);
        r->value_max = -fabs(r->value_max);
    }
}

/* A plan word before the value in its ';'-clause, after the last word of
 * an outcome: `phấn đấu … đạt 8%, thu ngân sách 5.200 tỷ đồng`,
 * `kế hoạch năm 2020 (tăng 7-8%)`. A longer phrase
 * that names a programme or an attainment (`chương trình mục tiêu`, `đạt
 * kế hoạch`) and a document number (`Kế hoạch số 12`) are no cue. */
static size_t clause_start(const rctx *c, size_t i, size_t sent_start);

/* How far back (tokens) a target cue reaches. */
enum { CUE_REACH = 64 };

static bool target_cue_before(const rctx *c, size_t i, size_t floor, size_t sent_start, bool count)
{
    size_t seg = segment_start(c, i, floor);
    if (seg > floor && is_punct(c, seg - 1, '('))
        seg = segment_start(c, seg - 1, floor);
    /* a cue far back in a huge clause governs nothing here; the bound keeps
     * a line of a million values linear */
    size_t lo = clause_start(c, i, i > CUE_REACH && i - CUE_REACH > sent_start ? i - CUE_REACH : sent_start);
    for (size_t k = i; k > lo; k--)
        if (PHRASE_AT(c, LT_TARGET_CUE_STOPS, k - 1, NULL)) {
            lo = k;   /* only a cue after the last outcome word counts */
            break;
        }
    for (size_t k = lo; k < i; k++) {
        size_t idx;
        size_t m = PHRASE_AT(c, LT_TARGET_CUES, k, &idx);
        if (!m || (count && !target_cues[idx].counts) || (k < seg && !target_cues[idx].sentence))
            continue;
        if (PHRASE_BEFORE(c, LT_TARGET_CUE_NOTS, k + m, k + m > 4 ? k + m - 4 : 0, NULL) ||
            (PHRASE_AT(c, LT_NON_INDICATORS, k + m, &idx) &&
             strcmp(non_indicators[idx].code, "document_number") == 0))
            continue;
        return true;
    }
    return false;
}

/* The text of an indicator or subject phrase [a, b): its tokens without
 * period phrases, each remaining piece trimmed like the whole phrase. */
static const char *phrase_text(rctx *c, size_t a, size_t b)
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

/* The role rules that look past the trigger: bracketed restatements,
 * target cues, shares of a structure, a plan's own outline. */
static void refine_role(rctx *c, vnr_record *r, const quantity *q, const trigger_entry *tr,
                        const number_ctx *nc, const sentence_state *ss)
{
    size_t i = q->tok, n = c->out->n_recs;
    bracket_restatement(c, r, q, ss);
    if ((r->role == VNR_ROLE_LEVEL || r->role == VNR_ROLE_CHANGE) && !c->in_plan &&
        !(q->count && PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, q->unit_start), NULL)) &&
        target_cue_before(c, i, nc->floor, nc->sent_start, q->count)) {
        r->role = VNR_ROLE_TARGET;   /* `mục tiêu giảm 10%` keeps its sign */
    }
    if (r->role == VNR_ROLE_LEVEL && q->percent) {
        bool share = !tr && n > ss->first_rec && c->out->recs[n - 1].role == VNR_ROLE_SHARE;
        for (size_t k = nc->floor; k < i && !share; k++)
            share = PHRASE_AT(c, LT_SHARE_WORDS, k, NULL) != 0;
        if (share)
            r->role = VNR_ROLE_SHARE;   /* `cơ cấu … lần lượt là: 39,75%, 12,04%` */
    }
    if (c->in_plan && r->role == VNR_ROLE_TARGET && q->count &&
        PHRASE_AT(c, LT_PLAN_STRUCTURE, token_at_offset(c, i, q->unit_start), NULL))
        r->role = VNR_ROLE_LEVEL;   /* `25 chỉ tiêu`: the plan's outline */
}

static void indicator_span(rctx *c, size_t i, size_t trig_at, size_t floor, size_t sent_start,
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
static bool contains_words(const char *hay, const char *needle, size_t n)
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
static size_t count_tail_end(const rctx *c, size_t from, size_t limit)
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

static bool emit_quantity(rctx *c, size_t i, quantity *q, number_ctx *nc, sentence_state *ss,
                          bool pair_second, const char *pair_unit);

/* Label at the start of a sentence: "Lúa mùa: Diện tích …". */
static const char *sentence_label(rctx *c, size_t s, size_t e)
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

static size_t clause_start(const rctx *c, size_t i, size_t sent_start)
{
    size_t k = i;
    while (k > sent_start && !is_punct(c, k - 1, ';'))
        k--;
    return k;
}

static size_t clause_end(const rctx *c, size_t i, size_t sent_end)
{
    size_t k = i;
    while (k < sent_end && !is_punct(c, k, ';'))
        k++;
    return k;
}

/* The ';'-clause holding token i, cached: values are visited in order, so
 * every token is scanned a bounded number of times. Returns its start. */
static size_t clause_of(rctx *c, size_t i, const number_ctx *nc)
{
    if (c->clause_text && i >= c->clause_cs && i < c->clause_ce)
        return c->clause_cs;
    if (c->arena->failed)
        return nc->sent_start;   /* the document is lost: skip the scan */
    size_t lo = nc->sent_start;
    if (c->clause_text && c->clause_ce <= i && c->clause_ce >= nc->sent_start)
        lo = c->clause_ce;
    size_t cs = clause_start(c, i, lo);
    size_t ce = clause_end(c, i, nc->sent_end);
    c->clause_cs = cs;
    c->clause_ce = ce;
    c->clause_text = tokens_text(c, cs, ce);
    c->clause_len = c->clause_text ? strlen(c->clause_text) : 0;
    return cs;
}

/* Is there an estimate word in the sentence before token `hi`? The
 * sentence is searched once, left to right, however many values ask. */
static bool estimate_word_before(const rctx *c, sentence_state *ss, size_t sent_start, size_t hi)
{
    if (ss->est_scanned < sent_start)
        ss->est_scanned = sent_start;
    while (ss->est_at == NONE && ss->est_scanned < hi) {
        if (PHRASE_AT(c, LT_ESTIMATES, ss->est_scanned, NULL))
            ss->est_at = ss->est_scanned;
        ss->est_scanned++;
    }
    return ss->est_at != NONE && ss->est_at < hi;
}

static bool emit_quantity(rctx *c, size_t i, quantity *q, number_ctx *nc, sentence_state *ss,
                          bool pair_second, const char *pair_unit)
{
    const token *t = &c->tv.t[i];
    vnr_record r = { 0 };
    r.value = q->value;
    r.value_max = q->value_max;
    r.total = q->total;
    r.norm_start = q->vstart;
    r.norm_end = q->vend;
    r.statement = c->statement;

    size_t seg_lo = segment_start(c, i, nc->floor);
    size_t trig_at = i, trig_len = 0;
    const trigger_entry *tr = pair_second ? NULL : find_trigger(c, i, seg_lo, &trig_at, &trig_len);
    if (!tr)
        trig_at = i;
    /* qualifiers sit between the trigger and the number ("ít hơn" is a trigger) */
    r.qualifier = qualifier_before(c, i, tr ? trig_at + trig_len : seg_lo);
    if (!r.qualifier && tr && trig_at > seg_lo)
        r.qualifier = qualifier_before(c, trig_at, seg_lo);
    if (q->unit_end_tok < c->tv.n) {
        size_t idx;
        if (PHRASE_AT(c, LT_QUALIFIERS_AFTER, q->unit_end_tok, &idx))
            r.qualifier = qualifiers_after[idx].q;
    }
    if (trig_at == i) {
        /* no trigger: the phrase ends before qualifiers/estimate words */
        size_t idx;
        size_t m = PHRASE_BEFORE(c, LT_QUALIFIERS, i, seg_lo, &idx);
        trig_at = i - m;
    }
    const char *plan_code = NULL;
    assign_role(c, &r, q, tr, ss, &plan_code);
    if (!pair_second)
        refine_role(c, &r, q, tr, nc, ss);
    if (pair_second)
        r.role = VNR_ROLE_TARGET;

    /* estimate: an estimate word in this segment, or the statement head's */
    size_t est_lo = segment_start(c, trig_at, nc->floor);
    r.estimate = false;
    for (size_t k = est_lo; k < i; k++)
        if (PHRASE_AT(c, LT_ESTIMATES, k, NULL)) {
            r.estimate = true;
            break;
        }
    /* "Ước 6 tháng đầu năm, số lượt khách đạt …", "… ước đạt 3,4 tỷ USD;
     * lũy kế 5 tháng đạt 14,8 tỷ USD": an estimate word governs the rest of
     * its sentence */
    if (!r.estimate)
        r.estimate = estimate_word_before(c, ss, nc->sent_start, est_lo);
    bool own_verb = tr && tr->kind != T_LEVEL;
    if (!r.estimate && ss->head != NONE && !pair_second &&
        (r.role != VNR_ROLE_LEVEL || !own_verb) && r.role != VNR_ROLE_TARGET)
        r.estimate = c->out->recs[ss->head].estimate;
    if (c->in_plan)
        r.estimate = false;

    /* baseline */
    if (r.role == VNR_ROLE_CHANGE || r.role == VNR_ROLE_INDEX || r.role == VNR_ROLE_ATTAINMENT) {
        const char *b = plan_code;
        if (!b)
            b = baseline_after(c, q->unit_end_tok, nc->sent_end);
        if (!b)
            b = baseline_before(c, seg_lo > nc->floor ? segment_start(c, seg_lo > 0 ? seg_lo - 1 : 0, nc->floor) : seg_lo, i);
        if (!b && (r.role == VNR_ROLE_CHANGE || r.role == VNR_ROLE_INDEX))
            b = ss->baseline;
        if (!b && (r.role == VNR_ROLE_CHANGE || r.role == VNR_ROLE_INDEX))
            b = baseline_before(c, i > LOOKBACK && i - LOOKBACK > nc->sent_start ? i - LOOKBACK : nc->sent_start,
                                i);   /* "tăng so với cùng kỳ gồm: ván ép (tăng 23,9%)" */
        r.baseline = b;
        if (b && !plan_code)
            ss->baseline = b;
        if (!b && ss->pending_baseline_from == NONE)
            ss->pending_baseline_from = c->out->n_recs;
    } else if (r.role == VNR_ROLE_TARGET) {
        /* `kế hoạch tăng từ 14 - 16% so với cuối năm 2020`: only a stated one */
        r.baseline = baseline_after(c, q->unit_end_tok, nc->sent_end);
        if (r.baseline && (strcmp(r.baseline, "plan") == 0 || strncmp(r.baseline, "budget", 6) == 0))
            r.baseline = NULL;
    }

    /* indicator and subject */
    size_t a, b;
    if (pair_second) {
        a = b = 0;
    } else {
        indicator_span(c, i, trig_at, nc->floor, nc->sent_start, &a, &b);
    }
    bool own = has_content(c, a, b);
    const char *own_text = own ? phrase_text(c, a, b) : NULL;
    if (own && !own_text)
        return false;
    if (own && !*own_text)
        own = false;   /* the phrase was only a period: `9 tháng năm 2024, …` */
    bool inherited = false;
    const vnr_record *head = ss->head != NONE ? &c->out->recs[ss->head] : NULL;
    if (!head && c->out->n_recs > ss->first_rec)
        head = &c->out->recs[c->out->n_recs - 1];
    if (pair_second && c->out->n_recs > 0) {
        const vnr_record *prev = &c->out->recs[c->out->n_recs - 1];
        r.indicator = prev->indicator;
        r.subject = prev->subject;
    } else if (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET || r.role == VNR_ROLE_SHARE) {
        r.indicator = own ? own_text : (head ? head->indicator : "");
        inherited = !own && head;
        r.subject = ss->subject ? ss->subject : (own || !head ? c->block_subject : head->subject);
        /* "Cây ngô gieo trồng 1.409 ha, năng suất ước đạt 30,37 tạ/ha": a short
         * measure later in the clause is about the clause's first entity */
        size_t entity = NONE;
        if (ss->clause_first != NONE && ss->clause_tok == clause_of(c, i, nc))
            entity = ss->clause_first;
        else if (c->out->n_recs > ss->first_rec && c->out->recs[ss->first_rec].role == VNR_ROLE_LEVEL)
            entity = ss->first_rec;
        if (own && !r.subject && b - a <= 5 && entity != NONE)
            r.subject = c->out->recs[entity].indicator;
    } else if (own && head && head->indicator && *head->indicator &&
               c->out->n_recs > ss->first_rec) {
        /* a sector in a chain: "khu vực dịch vụ tăng 9,49%" */
        r.subject = own_text;
        r.indicator = head->indicator;
    } else if (own) {
        r.indicator = own_text;
        r.subject = ss->subject ? ss->subject : c->block_subject;
    } else if (head) {
        r.indicator = head->indicator;
        r.subject = head->subject;
        inherited = true;
    } else {
        r.indicator = "";
        r.subject = ss->subject ? ss->subject : c->block_subject;
    }
    bool noun_follows = q->unit_end_tok < nc->sent_end && c->tv.t[q->unit_end_tok].kind == TOK_WORD &&
                        !in_table(c, q->unit_end_tok, LT_NOT_NOUNS);
    if (q->count && inherited && (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET)) {
        /* a count names its own thing: "có 90 doanh nghiệp hoạt động trở lại" */
        r.indicator = "";
        inherited = false;
    }
    if (!pair_second && !inherited && (q->count || (noun_follows && (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET)))) {
        size_t tail = count_tail_end(c, q->unit_end_tok, nc->sent_end);
        size_t from = q->count ? token_at_offset(c, i, q->unit_start) : q->unit_end_tok;
        /* the thing counted, not the scale: `150,2 nghìn con` → `con` */
        while (from + 1 < tail && units_scale_word(c->text + c->tv.t[from].start,
                                                   c->tv.t[from].end - c->tv.t[from].start) > 0)
            from++;
        size_t il = strlen(r.indicator ? r.indicator : "");
        /* a bare classifier after a named thing adds nothing: `Tổng đàn lợn` */
        if (il && tail == from + 1 && in_table(c, from, LT_CLASSIFIERS))
            from = tail;
        /* nor a noun the indicator already names: `cây ăn quả … 5 nghìn cây` */
        if (il && from < tail &&
            contains_words(r.indicator, c->text + c->tv.t[from].start,
                           c->tv.t[tail - 1].end - c->tv.t[from].start))
            from = tail;
        if (from < tail) {
            const char *unit_phrase = tokens_text(c, from, tail);
            c->scratch.len = 0;
            bool ok = unit_phrase != NULL;
            if (ok && il)
                ok = buf_append(&c->scratch, r.indicator, il) &&
                     buf_append_char(&c->scratch, ' ');
            if (ok && buf_append_str(&c->scratch, unit_phrase))
                r.indicator = arena_strndup(c->arena, c->scratch.data, c->scratch.len);
            else
                arena_mark_failed(c->arena);
        }
    }

    if (r.role == VNR_ROLE_LEVEL && q->percent && r.indicator &&
        (strstr(r.indicator, "tăng trưởng") || strstr(r.indicator, "Tăng trưởng") ||
         strstr(r.indicator, "tốc độ tăng") || strstr(r.indicator, "Tốc độ tăng")))
        r.role = VNR_ROLE_CHANGE;   /* "Tốc độ tăng trưởng … đạt 3,84%" */

    /* unit */
    const char *unit = pair_unit ? pair_unit
                                 : arena_strndup(c->arena, c->text + q->unit_start, q->unit_end - q->unit_start);
    fill_units(c, &r, unit, !pair_unit && q->resolved ? &q->info : NULL);

    /* period and clause text (one copy per clause, however many values) */
    size_t cs = clause_of(c, i, nc);
    r.period = record_period(c, i, q, nc);
    r.text = c->clause_text;
    if (c->clause_len > MAX_CLAUSE_TEXT) {
        /* a list of hundreds of values in one clause: keep the part about
         * this value, so output stays proportional to the input */
        size_t from = phrase_floor(c, i, nc->floor);
        size_t to = q->unit_end_tok + 8 < c->clause_ce ? q->unit_end_tok + 8 : c->clause_ce;
        r.text = tokens_text(c, from, to > i ? to : i + 1);
    }

    if (r.role == VNR_ROLE_LEVEL || r.role == VNR_ROLE_TARGET) {
        if (ss->head != NONE && r.role == VNR_ROLE_LEVEL)
            c->statement++;
        r.statement = c->statement;
    }
    /* the next phrase starts after this value's plan or baseline words */
    q->consumed_end = q->unit_end_tok;
    {
        size_t k = q->unit_end_tok, used = 0;
        if (plan_after(c, k)) {
            while (k < nc->sent_end && !is_boundary(c, k) && !is_numeric(&c->tv.t[k]) &&
                   !PHRASE_AT(c, LT_TRIGGERS, k, NULL))
                k++;   /* `đạt 53,5% dự toán và tăng 6,27%`: the verb starts the next */
            q->consumed_end = k;
        } else if (k < nc->sent_end && baseline_at(c, k, &used)) {
            q->consumed_end = k + used;
        }
    }
    size_t index = c->out->n_recs;
    if (cs != ss->clause_tok || ss->clause_first == NONE) {
        ss->clause_tok = cs;
        ss->clause_first = index;
    }
    if (!push_record(c, &r))
        return false;
    if (r.role == VNR_ROLE_LEVEL || (r.role == VNR_ROLE_TARGET && !pair_second))
        ss->head = index;
    if (r.role == VNR_ROLE_CHANGE)
        ss->last_change = index;
    if (!add_fate(c, t->start, t->end, "record", index))
        return false;
    /* digits inside the unit: m2, bác sĩ/1 vạn dân */
    return add_digit_fates(c, q->unit_start, q->unit_end, "unit_part");
}

/* Give chain members without a baseline the one stated later in the sentence. */
static void settle_chain_baseline(rctx *c, sentence_state *ss)
{
    if (ss->pending_baseline_from == NONE)
        return;
    const char *later = NULL;
    for (size_t k = c->out->n_recs; k > ss->pending_baseline_from; k--) {
        vnr_record *r = &c->out->recs[k - 1];
        if (r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
            strcmp(r->baseline, "plan") != 0) {
            later = r->baseline;
            break;
        }
    }
    /* "So với tháng trước, CPI giảm 0,01%. Trong 11 nhóm …, có 6 nhóm tăng
     * gồm: …": a comparison stated earlier in the paragraph reaches the
     * sentences that state none */
    bool carried = !later;
    if (!later)
        later = c->block_baseline;
    if (!later)
        return;
    for (size_t k = ss->pending_baseline_from; k < c->out->n_recs; k++) {
        vnr_record *r = &c->out->recs[k];
        if (!r->baseline && (r->role == VNR_ROLE_CHANGE || (carried && r->role == VNR_ROLE_INDEX)))
            r->baseline = later;
    }
}

/* Remember the sentence's last comparison (not a plan or budget) for the
 * sentences of the block that follow. */
static void remember_block_baseline(rctx *c, const sentence_state *ss)
{
    for (size_t k = c->out->n_recs; k > ss->first_rec; k--) {
        const vnr_record *r = &c->out->recs[k - 1];
        if (r->baseline && (r->role == VNR_ROLE_CHANGE || r->role == VNR_ROLE_INDEX) &&
            strcmp(r->baseline, "plan") != 0 && strncmp(r->baseline, "budget", 6) != 0) {
            c->block_baseline = r->baseline;
            return;
        }
    }
}

/* A bare number ending an item about a rate ("Tỷ lệ …: ≤ 15,8."). */
static bool rate_item(const rctx *c, size_t i, size_t floor, size_t e)
{
    size_t n = i + 1;
    if (!(n >= e || is_punct(c, n, '.') || is_punct(c, n, ';')))
        return false;
    size_t lo = phrase_floor(c, i, floor);
    while (lo > floor && is_punct(c, lo - 1, ':'))
        lo = phrase_floor(c, lo - 1, floor);
    for (size_t k = lo; k < i; k++)
        if ((tok_is(c, k, "tỷ") || tok_is(c, k, "tỉ")) && tok_is(c, k + 1, "lệ"))
            return true;
    return false;
}

/* The tokens joining a range's bounds at `at` (after the first value and
 * its unit) when a number follows: a dash, or a range word (`đến`) after a
 * value opened by `từ`. 0 when there is no range. */
static size_t range_join_at(const rctx *c, size_t i, size_t at, size_t e)
{
    if (at + 1 >= e)
        return 0;
    size_t m = 0;
    if (is_punct(c, at, '-') || is_punct(c, at, 0x2013))
        m = 1;
    else if (i > 0 && PHRASE_BEFORE(c, LT_RANGE_OPENS, i, i > 3 ? i - 3 : 0, NULL))
        m = PHRASE_AT(c, LT_RANGE_WORDS, at, NULL);
    return m && at + m < e && c->tv.t[at + m].kind == TOK_NUMBER ? m : 0;
}

static bool process_sentence(rctx *c, size_t s, size_t e)
{
    sentence_state ss = { .first_rec = c->out->n_recs, .head = NONE, .last_change = NONE,
                          .pending_baseline_from = NONE, .clause_first = NONE, .clause_tok = NONE,
                          .est_scanned = s, .est_at = NONE };
    ss.subject = sentence_label(c, s, e);
    number_ctx nc = { .sent_start = s, .sent_end = e, .floor = s };
    c->statement++;
    c->clause_text = NULL;
    for (size_t i = s; i < e; i++) {
        token *t = &c->tv.t[i];
        switch (t->kind) {
        case TOK_DATE:
            if (!add_fate(c, t->start, t->end, "date", NONE))
                return false;
            continue;
        case TOK_YEAR_SPAN:
            if (!add_fate(c, t->start, t->end, "period", NONE))
                return false;
            continue;
        case TOK_DOCNUM:
            if (!add_fate(c, t->start, t->end, "document_number", NONE))
                return false;
            continue;
        case TOK_FOOTNOTE:
            if (!add_fate(c, t->start, t->end, "footnote_marker", NONE))
                return false;
            continue;
        case TOK_WORD:
            /* digits inside words: m2, UV2, H5N6 (the lexer flags them) */
            if ((t->flags & TOK_DIGITS) && !add_digit_fates(c, t->start, t->end, "identifier"))
                return false;
            continue;
        case TOK_NUMBER:
        case TOK_RANGE:
        case TOK_FRACTION:
            break;
        default:
            continue;
        }
        if (!isfinite(t->v)) {
            /* 10,000 digits: no double holds it, and a null value is no record */
            if (!add_fate(c, t->start, t->end, "out_of_range", NONE))
                return false;
            continue;
        }
        quantity q = { .tok = i, .value = t->v, .value_max = NAN, .total = NAN,
                       .vstart = t->start, .vend = t->end };
        bool has_unit = find_unit(c, i, &q);
        /* "vụ Đông xuân 2021 đảm bảo": a year before a word is still a year */
        bool year_word = (t->flags & NUM_YEARLIKE) && q.count;
        /* "số 20 tỉnh Hà Giang": a count noun followed by a name is a name */
        bool name_follows = q.count && q.unit_end_tok < e && c->tv.t[q.unit_end_tok].kind == TOK_WORD &&
                            (c->tv.t[q.unit_end_tok].flags & TOK_UPPER);
        const char *fate = non_indicator_fate(c, i, segment_start(c, i, nc.floor), has_unit && !year_word,
                                              name_follows);
        if (fate) {
            if (!add_fate(c, t->start, t->end, fate, NONE))
                return false;
            continue;
        }
        size_t join = t->kind == TOK_NUMBER ? range_join_at(c, i, has_unit ? q.unit_end_tok : i + 1, e) : 0;
        if (!has_unit && join && find_unit(c, i + 1 + join, &q)) {
            /* `từ 14 - 16%`, `7-8 %`: the first bound takes the unit of the second */
            has_unit = true;
            q.unit_end_tok = i + 1;
        }
        if (!has_unit && rate_item(c, i, nc.floor, e)) {
            /* "Tỷ lệ trẻ em suy dinh dưỡng: ≤ 15,8." — the unit is the rate's */
            if (!emit_quantity(c, i, &q, &nc, &ss, false, "%"))
                return false;
            nc.floor = i + 1;
            continue;
        }
        if (!has_unit) {
            /* "24,6/24,3 tạ/ha" is a fraction whose unit follows; others are bare */
            if (!add_fate(c, t->start, t->end, "bare_number", NONE))
                return false;
            nc.floor = i + 1;
            continue;
        }
        size_t dash = q.unit_end_tok;
        join = t->kind == TOK_NUMBER ? range_join_at(c, i, dash, e) : 0;
        if (join) {
            size_t hi = dash + join;
            quantity q2 = { .tok = hi };
            if (find_unit(c, hi, &q2) && q2.unit_end - q2.unit_start == q.unit_end - q.unit_start &&
                memcmp(c->text + q2.unit_start, c->text + q.unit_start, q.unit_end - q.unit_start) == 0 &&
                c->tv.t[hi].v > t->v) {
                q.value_max = c->tv.t[hi].v;
                if (!add_fate(c, c->tv.t[hi].start, c->tv.t[hi].end, "range_end", NONE))
                    return false;
                if (!emit_quantity(c, i, &q, &nc, &ss, false, NULL))
                    return false;
                nc.floor = q2.unit_end_tok;
                i = q2.unit_end_tok - 1;
                continue;
            }
        }
        if (t->kind == TOK_RANGE) {
            q.value_max = t->v2;
        } else if (t->kind == TOK_FRACTION) {
            /* a part cannot exceed its whole: "286.540/280.000 con" is actual/plan */
            bool plan_pair = q.count && t->v > t->v2;
            if ((q.count || q.percent) && !plan_pair) {
                q.total = t->v2;
                q.vend = t->end1;
            } else {
                /* actual/plan pair sharing the unit: level then target */
                quantity q2 = q;
                q.vend = t->end1;
                if (!emit_quantity(c, i, &q, &nc, &ss, false, NULL))
                    return false;
                q2.value = t->v2;
                q2.vstart = t->start2;
                q2.vend = t->end;
                const char *unit = c->out->recs[c->out->n_recs - 1].unit;
                if (!emit_quantity(c, i, &q2, &nc, &ss, true, unit))
                    return false;
                c->out->fates[c->out->n_fates - 1].norm_start = t->start2;
                c->out->fates[c->out->n_fates - 2].norm_end = t->end1;
                nc.floor = q.unit_end_tok;
                i = q.unit_end_tok - 1;
                continue;
            }
        }
        /* "3.669,25 ha/3.621,7 ha", "52,43 tạ/51,4 tạ/ha": a pair across '/' */
        size_t u = q.unit_end_tok;
        if (u + 1 < e && is_punct(c, u, '/') && c->tv.t[u + 1].kind == TOK_NUMBER) {
            quantity q2 = { .tok = u + 1, .value = c->tv.t[u + 1].v, .value_max = NAN, .total = NAN,
                            .vstart = c->tv.t[u + 1].start, .vend = c->tv.t[u + 1].end };
            if (find_unit(c, u + 1, &q2)) {
                const char *u1 = arena_strndup(c->arena, c->text + q.unit_start, q.unit_end - q.unit_start);
                const char *u2 = arena_strndup(c->arena, c->text + q2.unit_start, q2.unit_end - q2.unit_start);
                unit_info i1, i2;
                bool same = units_resolve(NULL, u1, strlen(u1), true, &i1) == VNR_OK &&
                            units_resolve(NULL, u2, strlen(u2), true, &i2) == VNR_OK &&
                            strcmp(i1.dimension, i2.dimension) == 0 &&
                            (strcmp(i1.dimension, "count") != 0 || strcmp(i1.canonical, i2.canonical) == 0);
                bool extends = strncmp(u2, u1, strlen(u1)) == 0 && strlen(u2) > strlen(u1) &&
                               u2[strlen(u1)] == '/';
                if (same || extends) {
                    const char *shared = extends ? u2 : u1;
                    if (!emit_quantity(c, i, &q, &nc, &ss, false, extends ? shared : NULL))
                        return false;
                    if (!emit_quantity(c, u + 1, &q2, &nc, &ss, true, extends ? shared : u2))
                        return false;
                    nc.floor = q2.consumed_end;
                    i = q2.unit_end_tok - 1;
                    continue;
                }
            }
        }
        if (!emit_quantity(c, i, &q, &nc, &ss, false, NULL))
            return false;
        nc.floor = q.consumed_end;
        i = q.unit_end_tok - 1;
    }
    settle_chain_baseline(c, &ss);
    remember_block_baseline(c, &ss);
    return true;
}

/* ---------------------------------------------------------------- */
/* Blocks                                                            */
/* ---------------------------------------------------------------- */

/* The section path of a block, copied into the document's arena (the
 * segmentation is freed before the document is handed out). */
static bool set_section(rctx *c, const block *b)
{
    if (b->section == c->section_id && c->section_id != -2)
        return true;
    c->section_id = b->section;
    size_t depth = section_depth(c->seg, b->section);
    c->section_depth = depth;
    c->section = NULL;
    if (!depth)
        return true;
    const char **titles = arena_alloc(c->arena, depth * sizeof *titles);
    if (!titles)
        return false;
    section_path(c->seg, b->section, titles, depth);
    for (size_t k = 0; k < depth; k++)
        if (!(titles[k] = arena_strdup(c->arena, titles[k])))
            return false;
    c->section = titles;
    return true;
}

static bool process_block(rctx *c, size_t bi)
{
    const block *b = &c->seg->blocks[bi];
    if (b->marker_end > b->marker_start &&
        !add_digit_fates(c, b->marker_start, b->marker_end,
                         b->kind == BLK_FOOTNOTE ? "footnote_marker" : "list_marker"))
        return false;
    if (b->kind == BLK_TABLE) {
        table_ctx tc = { c->text, c->seg, c->meta, c->doc, c->arena, c->out, NULL, 0,
                         b->section, &c->statement };
        if (!set_section(c, b))
            return false;
        tc.section = c->section;
        tc.section_depth = c->section_depth;
        return recognize_table(&tc, b);
    }
    if (b->kind == BLK_FURNITURE) {
        for (uint32_t s = 0; s < b->n_spans; s++) {
            const text_span *sp = &c->seg->spans[b->first_span + s];
            if (!add_digit_fates(c, sp->start, sp->end, "furniture"))
                return false;
        }
        return true;
    }
    c->tv.n = 0;
    for (uint32_t s = 0; s < b->n_spans; s++) {
        const text_span *sp = &c->seg->spans[b->first_span + s];
        if (!lex_span(c->text, sp->start, sp->end, &c->tv))
            return false;
    }
    if (!c->tv.n || !lower_tokens(c) || !set_section(c, b))
        return c->tv.n == 0;
    c->block = bi;
    c->plan_period = meta_plan_period(c->meta, c->seg, bi);
    c->in_plan = c->plan_period != NULL;
    c->is_footnote = b->kind == BLK_FOOTNOTE;
    c->block_subject = NULL;
    c->block_baseline = NULL;
    if (b->marker == MK_NONE || b->marker == MK_DASH || b->marker == MK_PLUS || b->marker == MK_PAREN)
        c->block_subject = sentence_label(c, 0, c->tv.n);
    size_t s = 0;
    for (size_t i = 0; i < c->tv.n; i++) {
        if (ends_sentence_at(c, i) || i + 1 == c->tv.n) {
            if (!process_sentence(c, s, i + 1))
                return false;
            s = i + 1;
        }
    }
    return true;
}

/* The lexicon index depends only on the compiled-in tables: it is built
 * once per process (pthread_once, so any thread may be first), then only
 * read, by every parse on every thread; freed when the library unloads. */
static lexicon_index shared_lexicon;
static bool shared_lexicon_ok;
static pthread_once_t shared_lexicon_once = PTHREAD_ONCE_INIT;

static void build_shared_lexicon(void)
{
    shared_lexicon_ok = lexicon_build(&shared_lexicon);
}

__attribute__((destructor)) static void free_shared_lexicon(void)
{
    if (shared_lexicon_ok)
        lexicon_free(&shared_lexicon);
}

bool recognize_document(const char *text, size_t len, const segmentation *seg,
                        const doc_meta *meta, const char *doc_name,
                        vnr_arena *arena, recognizer_out *out)
{
    rctx c = { .text = text, .len = len, .seg = seg, .meta = meta, .doc = doc_name,
               .arena = arena, .out = out, .section_id = -2 };
    pthread_once(&shared_lexicon_once, build_shared_lexicon);
    /* out of memory at the first build: an index of this parse's own */
    bool own_lexicon = !shared_lexicon_ok;
    bool ok = true;
    if (own_lexicon)
        ok = lexicon_build(&c.lex);
    else
        c.lex = shared_lexicon;
    for (size_t b = 0; ok && b < seg->n_blocks; b++)
        ok = process_block(&c, b);
    if (own_lexicon)
        lexicon_free(&c.lex);
    free(c.tv.t);
    free(c.lo_off);
    free(c.lo_len);
    free(c.wid);
    buf_free(&c.lower);
    buf_free(&c.scratch);
    (void)chain_heads;
    return ok;
}
