/* recognize.c — provisional: every number followed by a unit is a level. */
#include "recognize.h"
#include "lexer.h"
#include "units.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool recognize_document(const char *text, size_t len, const segmentation *seg,
                        const doc_meta *meta, const char *doc_name,
                        vnr_arena *arena, recognizer_out *out)
{
    (void)len;
    (void)meta;
    token_vec tv = { 0 };
    for (size_t b = 0; b < seg->n_blocks; b++) {
        const block *blk = &seg->blocks[b];
        tv.n = 0;
        for (size_t s = 0; s < blk->n_spans; s++) {
            const text_span *sp = &seg->spans[blk->first_span + s];
            if (!lex_span(text, sp->start, sp->end, &tv))
                return false;
        }
        for (size_t i = 0; i < tv.n; i++) {
            token *t = &tv.t[i];
            if (t->kind != TOK_NUMBER)
                continue;
            size_t k = t->end;
            while (k < len && text[k] == ' ')
                k++;
            size_t ul = units_match_prefix(NULL, text + k, len - k);
            vnr_record r = { 0 };
            r.doc = doc_name;
            r.norm_start = t->start;
            r.norm_end = t->end;
            r.value = t->v;
            r.value_max = r.total = NAN;
            r.unit = arena_strndup(arena, text + k, ul);
            unit_info ui;
            if (ul && units_resolve(NULL, text + k, ul, true, &ui) == VNR_OK) {
                r.canonical_value = t->v * ui.factor;
                r.canonical_unit = arena_strdup(arena, ui.canonical);
                r.dimension = ui.dimension;
            } else {
                r.canonical_value = t->v;
            }
            r.indicator = "";
            r.text = "";
            if (!VEC_PUSH(out->recs, out->n_recs, out->cap_recs, r))
                return false;
        }
    }
    free(tv.t);
    return true;
}
