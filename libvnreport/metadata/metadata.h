/*
 * metadata.h — document metadata from the segmented text.
 *
 * Owns: province, issuer, document number, date, title, reporting period and
 * kind, and where a plan part for a later period begins (its records are
 * targets for that period). Reads blocks and text; writes doc_meta.
 *
 * May include: base, segment (blocks), period (the grammar) and, below
 * them, normalize.
 */
#ifndef VNR_METADATA_H
#define VNR_METADATA_H

#include "buf.h"
#include "record.h"
#include "segment.h"

bool extract_metadata(const char *text, size_t len, const segmentation *seg,
                      vnr_arena *arena, doc_meta *out);

/* Period of the plan part that block `bi` lies in (its report's), or
 * NULL when the block is not in a plan part. */
const char *meta_plan_period(const doc_meta *m, const segmentation *seg, size_t bi);

/* Length of the province or centrally-run city name (any spelling of
 * metadata.def, as written: `Khánh Hòa`) that s[0..n) opens with, whole
 * words; 0 when none. */
size_t meta_province_at(const char *s, size_t n);

#endif
