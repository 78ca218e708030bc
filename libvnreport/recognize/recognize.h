/*
 * recognize.h — stage 5: blocks → statements → records. The stage's only
 * public face; its modules share the private rules.h.
 *
 * May include: base/, units/, lexer/, segment/, period/, metadata/ (every
 * stage below it); included by document/ only.
 *
 * Owns: statement and clause splitting over tokens, classification of every
 * number (a quantity, or why not: date, year, document number, …), units
 * with their scale words, roles, sign, baselines, qualifiers, estimate,
 * indicator and subject phrases, periods and targets. All vocabulary lives in
 * lexicon.def; sentence ends come from the lexer (lex_ends_sentence). Table blocks go to recognize-table.c (table-headers.def).
 * Reads the normalized text, the segmentation and the metadata; writes
 * records and number fates with normalized positions (the document layer
 * maps them back to the original input).
 */
#ifndef VNR_RECOGNIZE_H
#define VNR_RECOGNIZE_H

#include "buf.h"
#include "record.h"
#include "segment.h"

typedef struct recognizer_out {
    vnr_record *recs;
    size_t n_recs, cap_recs;
    number_fate *fates;
    size_t n_fates, cap_fates;
} recognizer_out;

bool recognize_document(const char *text, size_t len, const segmentation *seg,
                        const doc_meta *meta, const char *doc_name,
                        vnr_arena *arena, recognizer_out *out);

#endif
