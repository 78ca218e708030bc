/*
 * metadata.h — document metadata from the segmented text.
 *
 * Owns: province, issuer, document number, date, title, reporting period and
 * kind, and where a plan part for a later period begins (its records are
 * targets for that period). Reads blocks and text; writes doc_meta.
 */
#ifndef VNR_METADATA_H
#define VNR_METADATA_H

#include "buf.h"
#include "record.h"
#include "segment.h"

bool extract_metadata(const char *text, size_t len, const segmentation *seg,
                      vnr_arena *arena, doc_meta *out);

#endif
