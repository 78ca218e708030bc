/*
 * units.h — the unit registry as seen from inside the library.
 *
 * Owns: units, aliases, scale words and compound unit expressions (tables as
 * data in units-table.def, unit-names.def and scale-words.def). Used by the
 * recognizer to find and canonicalize units in running text, and by the
 * public conversion API (vnr-units.h, implemented in units-api.c).
 *
 * May include: base (buf.h, error.h, utf8.h), the public headers and
 * utf8proc — no text stage: units stand apart, just above base.
 */
#ifndef VNR_UNITS_H
#define VNR_UNITS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vnreport/vnreport.h"
#include "buf.h"

typedef struct unit_info {
    double factor;          /* written value × factor = canonical value */
    char canonical[96];     /* "m2", "VND/người/năm", "con", "%" */
    const char *dimension;  /* static: "area", "mass", "count", "rate", … */
} unit_info;

/*
 * Resolve a unit expression as written (NFC UTF-8, any case, scale words,
 * compounds with '/', leading counts `1 vạn dân`). With `open_count` (a
 * unit as running text wrote it), words not in the registry, and names the
 * text matcher never takes (`công`), are count nouns (canonical = the NFC
 * lower-case noun, dimension "count"); without it unknown words are
 * VNR_E_UNKNOWN_UNIT.
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

/* A scale word a web page glued to the unit after it at the start of
 * s[0..n) (`tỷđồng`, `triệuUSD`; not the start of a longer syllable:
 * `tỉnh`, `ngành`): its length in bytes of s, else 0. */
size_t units_glued_scale(const char *s, size_t n);

/* Is s[0..n) exactly a scale word (nghìn, triệu, tỷ, …)? Its multiplier, else 0. */
double units_scale_word(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Shared by units.c (parsing) and units-api.c (public API)            */
/* ------------------------------------------------------------------ */

#define UNIT_CANON_MAX 96   /* canonical text, NUL included */
#define UNIT_TEXT_MAX 256   /* longest unit expression accepted, in bytes */
#define UNIT_FOLD_MAX (2 * UNIT_TEXT_MAX)  /* its decomposition / folded form never exceeds this */
#define UNIT_MAX_ATOMS 8    /* distinct count nouns / currencies in one expression */

/* Base quantities of the exponent vector (see units-table.def). */
enum unit_base { B_LENGTH, B_MASS, B_TIME, B_TEMP, B_RATIO, B_POINT, B_LABOUR, UNIT_BASES };

/* A named base that is not physical: a count noun or a currency. Its text
 * is canonical[off .. off+len) of the expression that holds it. */
enum atom_kind { ATOM_COUNT = 1, ATOM_CURRENCY = 2 };
typedef struct unit_atom {
    uint8_t off, len;
    int8_t exp;
    uint8_t kind;
    uint8_t currency;  /* canonical-table index of the currency (ATOM_CURRENCY) */
} unit_atom;

/* A parsed unit expression. Factors are kept as a ratio num/den of (where
 * possible) integral doubles, so `tạ/ha` → `tấn/ha` is one exact division
 * (30,37 → 3.037, not 3.0370000000000004). */
typedef struct unit_expr {
    double factor, offset;   /* written × factor + offset = canonical value */
    double si_num, si_den;   /* written × si_num / si_den + si_offset = base value */
    double si_offset;
    int8_t exps[UNIT_BASES];
    uint8_t n_atoms;
    uint8_t n_parts;
    unit_atom atoms[UNIT_MAX_ATOMS];
    const char *dimension;   /* static */
    size_t canon_len;
    char canonical[UNIT_CANON_MAX];
} unit_expr;

/* What one '/'-free part of an expression stands for. */
typedef struct part_value {
    double factor, offset;   /* to the canonical text below */
    double si_num, si_den, si_offset;
    int8_t exps[UNIT_BASES];
    const char *canon;       /* not NUL-terminated: canon_len bytes */
    size_t canon_len;
    const char *dimension;
    uint8_t atom_kind;       /* 0, ATOM_COUNT or ATOM_CURRENCY */
    uint8_t currency;
} part_value;

/* A caller-defined unit of a registry overlay. */
typedef struct user_unit {
    char *key;               /* folded spelling (arena) */
    size_t key_len;
    char *name;              /* spelling as the caller gave it (arena) */
    part_value value;        /* canon points into the arena */
} user_unit;

typedef struct user_rate {
    uint8_t from, to;        /* canonical-table indexes of currencies */
    double rate;             /* 1 from = rate to */
} user_rate;

/* What a caller added to a registry; shared copy-on-write between copies. */
typedef struct unit_overlay {
    atomic_size_t refs;
    user_unit *units;
    size_t n_units, cap_units;
    user_rate *rates;
    size_t n_rates, cap_rates;
    vnr_arena arena;
} unit_overlay;

struct vnr_unit_registry {
    bool builtin;            /* the static one: never modified or freed */
    int region;              /* vnr_region */
    unit_overlay *overlay;   /* NULL while the caller added nothing */
};

/* Parse flags. */
#define UNITS_OPEN_COUNT 1u  /* any unknown noun phrase is a count noun */
#define UNITS_RUNNING_TEXT 2u  /* a unit as a report wrote it: a NOTEXT name (`công`) is a count noun */

/* The immutable built-in registry (Northern regional units). */
const vnr_unit_registry *units_builtin(void);

/* Parse s[0..n) into `out`. Errors carry the byte offset of the offending
 * word within s and name it. */
vnr_status units_parse(const vnr_unit_registry *reg, const char *s, size_t n,
                       unsigned flags, unit_expr *out, vnr_error **error);

/* Factor (num/den) and offset turning a value in `from` into `to`:
 * out = v×num/den + offset. VNR_E_INCOMPATIBLE or VNR_E_NO_RATE with a
 * message naming both units as written (from_text, to_text). */
vnr_status units_conversion(const vnr_unit_registry *reg, const unit_expr *from,
                            const unit_expr *to, const char *from_text, const char *to_text,
                            double *num, double *den, double *offset, vnr_error **error);

/* Apply a num/den factor with as few roundings as possible. */
static inline double units_scale(double v, double num, double den)
{
    if (den == 1)
        return v * num;
    if (num == 1)
        return v / den;
    return v * num / den;
}

/* Fold a unit spelling (NFC, lower case, single spaces, trimmed) into out,
 * NUL-terminated; returns its length or (size_t)-1 if invalid/too long. */
size_t units_fold(const char *s, size_t n, char *out, size_t cap);

/* Built-in table access for listing (units-api.c). Index order: units,
 * scale words, count nouns. */
enum listing_kind { LIST_UNIT, LIST_SCALE, LIST_COUNT };
typedef struct listing_entry {
    enum listing_kind kind;
    const char *name;        /* display spelling */
    const char *canonical;   /* "m2", "VND", the noun, "1" for scale words */
    const char *dimension;
    double factor[3];        /* per region (identical unless regional) */
    double offset;
    bool regional;
    size_t table_index;      /* index within its own table */
} listing_entry;
size_t units_builtin_count(void);
bool units_builtin_entry(size_t index, listing_entry *out);
/* The idx-th folded spelling of built-in unit `table_index` (kind LIST_UNIT),
 * NULL past the last. */
const char *units_builtin_alias(size_t table_index, size_t idx);

/* Check the data tables: names sorted, every unit named, keys folded.
 * Returns NULL when fine, else a static description of the first problem
 * (written into `buf`). Used by the table test. */
const char *units_check_tables(char *buf, size_t cap);

#endif
