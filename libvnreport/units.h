/*
 * units.h — the unit registry as seen from inside the library.
 *
 * Owns: units, aliases, scale words and compound unit expressions (tables as
 * data in units-table.def / scale-words.def). Used by the recognizer to find
 * and canonicalize units in running text, and by the public conversion API
 * (vnr-units.h).
 */
#ifndef VNR_UNITS_H
#define VNR_UNITS_H

#include <stdbool.h>
#include <stddef.h>

#include "vnreport/vnreport.h"

typedef struct unit_info {
    double factor;          /* written value × factor = canonical value */
    char canonical[96];     /* "m2", "VND/người/năm", "con", "%" */
    const char *dimension;  /* static: "area", "mass", "count", "rate", … */
} unit_info;

/*
 * Resolve a unit expression as written (NFC UTF-8, any case, scale words,
 * compounds with '/', leading counts `1 vạn dân`). With `open_count`, words
 * not in the registry are count nouns (canonical = the NFC lower-case noun,
 * dimension "count"); without it they are VNR_E_UNKNOWN_UNIT.
 * `reg` NULL means the built-in registry.
 */
vnr_status units_resolve(const vnr_unit_registry *reg, const char *s, size_t n,
                         bool open_count, unit_info *out);

/*
 * Length in bytes of the longest registry unit expression at the start of
 * s[0..n): scale words, known units and '/'-compounds of them (`tỷ đồng`,
 * `tạ/ha`, `triệu đồng/người/năm`, `m³`, `%`, `điểm phần trăm`); count nouns
 * only when they are in the registry's count table. It must end at a word
 * boundary. 0 when nothing matches.
 */
size_t units_match_prefix(const vnr_unit_registry *reg, const char *s, size_t n);

/* Is s[0..n) exactly a scale word (nghìn, triệu, tỷ, …)? Its multiplier, else 0. */
double units_scale_word(const char *s, size_t n);

#endif
