/*
 * recognize.c — recognize stage: the driver: blocks → sentences → numbers; hands each quantity (single, range, fraction or pair) to emit.c.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"
#include "recognize-table.h"
#include "metadata.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool process_sentence(rctx *c, size_t s, size_t e)
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


/* The section path of a block, copied into the document's arena (the
 * segmentation is freed before the document is handed out). */
bool set_section(rctx *c, const block *b)
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


bool process_block(rctx *c, size_t bi)
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


bool recognize_document(const char *text, size_t len, const segmentation *seg,
                        const doc_meta *meta, const char *doc_name,
                        vnr_arena *arena, recognizer_out *out)
{
    rctx c = { .text = text, .len = len, .seg = seg, .meta = meta, .doc = doc_name,
               .arena = arena, .out = out, .section_id = -2 };
    const lexicon_index *shared = lexicon_shared();
    /* out of memory at the first build: an index of this parse's own */
    bool own_lexicon = !shared;
    bool ok = true;
    if (own_lexicon)
        ok = lexicon_build(&c.lex);
    else
        c.lex = *shared;
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
    return ok;
}
