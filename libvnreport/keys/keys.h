/*
 * keys.h — canonical indicator keys: a post-recognition step that gives
 * finished records an indicator_key and a subject_key from the table in
 * indicator-keys.def.
 *
 * Owns: the key table's compiled form and the confidence rule (see keys.c).
 * Uses records only; never looks at the recognizer's state.
 *
 * May include: base/ (records, buffers, UTF-8); included by document/ only.
 */
#ifndef VNR_KEYS_H
#define VNR_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "record.h"

/* Give every record its indicator_key and subject_key (NULL when no row of
 * the table matches with confidence). Keys are static strings; a subject
 * key of two parts is allocated in `arena`. False when out of memory. */
bool keys_assign(vnr_record *recs, size_t n, vnr_arena *arena);

/* Accent-fold `s` into `out` (appended): lower case, tone marks dropped,
 * every run of non-letters and non-digits one space, a space on both ends.
 * False when out of memory. */
bool keys_fold(const char *s, vnr_buf *out);

#endif
