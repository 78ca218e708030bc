/*
 * rules-harness.h — a recognizer context (rctx) for one short text, built
 * the way recognize.c builds it for a prose block: the whole text lexed as
 * one span, tokens lower-cased and given their lexicon word ids, the shared
 * lexicon index, a zeroed doc_meta (its year settable), an arena and a
 * recognizer_out. The rule modules' tests (test-rules-*.c) call the
 * modules' functions on it directly, or read whole sentences through
 * process_sentence, and free everything with harness_close (the tests run
 * under LeakSanitizer in CI).
 *
 * The text is copied into a buffer of exactly its length (no NUL after
 * it), so a read past its end is caught by AddressSanitizer.
 */
#ifndef VNR_TEST_RULES_HARNESS_H
#define VNR_TEST_RULES_HARNESS_H

#include "rules.h"
#include "normalize.h"
#include "check.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct harness {
    rctx c;
    doc_meta meta;
    vnr_arena arena;
    recognizer_out out;
    char *text;
} harness;


/* Build the context of `text` for a report of year `year` (0: unknown).
 * False (and a failed check) when lexing or the lexicon failed. */
static inline bool harness_open_year(harness *h, const char *text, int year)
{
    memset(h, 0, sizeof *h);
    size_t n = strlen(text);
    h->text = malloc(n ? n : 1);
    if (!h->text) {
        CHECK(!"harness: out of memory");
        return false;
    }
    memcpy(h->text, text, n);
    h->meta.plan_block = SIZE_MAX;
    h->meta.year = year;
    rctx *c = &h->c;
    c->text = h->text;
    c->len = n;
    c->meta = &h->meta;
    c->doc = "test";
    c->arena = &h->arena;
    c->out = &h->out;
    c->section_id = -2;
    const lexicon_index *lx = lexicon_shared();
    CHECK(lx != NULL);
    if (!lx)
        return false;
    c->lex = *lx;
    bool ok = lex_span(c->text, 0, n, &c->tv) && c->tv.n > 0 && lower_tokens(c);
    CHECKF(ok, "harness: could not lex \"%s\"", text);
    return ok;
}


static inline bool harness_open(harness *h, const char *text)
{
    return harness_open_year(h, text, 0);
}


static inline void harness_close(harness *h)
{
    rctx *c = &h->c;
    free_token_arrays(c);
    arena_free(&h->arena);
    free(h->out.recs);
    free(h->out.fates);
    free(h->text);
    memset(h, 0, sizeof *h);
}


/* Index of the n-th (0-based) token whose text, as written, is `w`; the
 * token count (an index no token has) when there is none, so a check on
 * it fails rather than reading out of bounds. */
static inline size_t tok_nth(const harness *h, const char *w, unsigned nth)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < h->c.tv.n; i++) {
        const token *t = &h->c.tv.t[i];
        if (t->end - t->start == n && memcmp(h->text + t->start, w, n) == 0 && nth-- == 0)
            return i;
    }
    CHECKF(0, "harness: no token \"%s\" in the text", w);
    return h->c.tv.n;
}


static inline size_t tok_of(const harness *h, const char *w)
{
    return tok_nth(h, w, 0);
}


/* Read the whole text as process_block reads a prose block: the block's
 * label subject, then each sentence (lex_ends_sentence) in turn. */
static inline bool harness_run(harness *h)
{
    rctx *c = &h->c;
    c->block_subject = sentence_label(c, 0, c->tv.n, &(bool){ false });
    size_t s = 0;
    sentence_state last = { .first_rec = NONE };
    for (size_t i = 0; i < c->tv.n; i++)
        if (lex_ends_sentence(&c->tv, c->text, i) || i + 1 == c->tv.n) {
            if (!process_sentence(c, s, i + 1, &last))
                return false;
            s = i + 1;
        }
    return true;
}


/* The text of the number a record or fate was made from. */
static inline const char *harness_span(const harness *h, uint32_t a, uint32_t b, char *buf,
                                       size_t cap)
{
    size_t n = b - a < cap - 1 ? b - a : cap - 1;
    memcpy(buf, h->text + a, n);
    buf[n] = '\0';
    return buf;
}


/* The fate given to the number written `w` (its first digit run), or NULL. */
static inline const char *harness_fate(const harness *h, const char *w)
{
    size_t n = strlen(w);
    for (size_t f = 0; f < h->out.n_fates; f++) {
        const number_fate *nf = &h->out.fates[f];
        if (nf->norm_end - nf->norm_start == n && memcmp(h->text + nf->norm_start, w, n) == 0)
            return nf->fate;
    }
    return NULL;
}


/* A draft for the number token i as emit_quantity starts one, with its
 * quantity (find_unit) and a fresh sentence over the whole text: what the
 * step functions (find_trigger_step, assign_role, …) are given. */
typedef struct draft_kit {
    quantity q;
    number_ctx nc;
    sentence_state ss;
    draft d;
} draft_kit;


static inline bool draft_init(harness *h, draft_kit *k, size_t i)
{
    rctx *c = &h->c;
    memset(k, 0, sizeof *k);
    if (i >= c->tv.n || !is_numeric(&c->tv.t[i])) {
        CHECKF(0, "harness: token %zu is no number", i);
        return false;
    }
    const token *t = &c->tv.t[i];
    k->q = (quantity){ .tok = i, .value = t->v, .value_max = NAN, .total = NAN,
                       .vstart = t->start, .vend = t->end };
    find_unit(c, i, &k->q);
    k->nc = (number_ctx){ .sent_start = 0, .sent_end = c->tv.n, .floor = 0 };
    k->ss = (sentence_state){ .first_rec = c->out->n_recs, .own_first_rec = c->out->n_recs,
                              .head = NONE, .last_change = NONE, .parts_of = NONE,
                              .pending_baseline_from = NONE, .clause_first = NONE,
                              .clause_tok = NONE, .est_scanned = 0, .est_at = NONE,
                              .prev_head = NONE };
    k->d = (draft){ .i = i, .q = &k->q, .nc = &k->nc, .ss = &k->ss };
    k->d.r.value = k->q.value;
    k->d.r.value_max = k->q.value_max;
    k->d.r.total = k->q.total;
    return true;
}


/* The role a value gets from its trigger: find_trigger_step, then
 * assign_role, on a fresh draft of the number written `num`. */
static inline bool draft_role(harness *h, draft_kit *k, const char *num)
{
    if (!draft_init(h, k, tok_of(h, num)))
        return false;
    find_trigger_step(&h->c, &k->d);
    assign_role(&h->c, &k->d);
    return true;
}

#endif
