/*
 * record.h — private layout of records, number fates and document metadata.
 *
 * Owns: the data the recognizer fills and the public accessors read. Every
 * string points into the document's arena.
 *
 * It sits in base because the stages from recognize up (keys, document)
 * share it. May include: the public headers and the C library.
 */
#ifndef VNR_RECORD_H
#define VNR_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vnreport/vnreport.h"

struct vnr_record {
    const char *doc;
    size_t statement;
    size_t line, col, offset, length;     /* original input */
    size_t page;                          /* 1-based page of a PDF, else 0 */
    uint32_t norm_start, norm_end;        /* normalized text */
    int32_t section_id;
    const char **section;
    size_t section_depth;
    const char *subject;
    const char *indicator;
    const char *unit;
    const char *canonical_unit;
    const char *dimension;
    const char *baseline;
    const char *period;
    const char *text;
    const char *indicator_key;   /* static string (keys.c) or NULL */
    const char *subject_key;     /* static or arena string, or NULL */
    vnr_role role;
    vnr_qualifier qualifier;
    bool estimate;
    double value, value_max, total, canonical_value;
};

/* What became of one digit run of the input. */
typedef struct number_fate {
    uint32_t norm_start, norm_end;
    const char *fate;        /* static string: "record", "date", … */
    size_t record;           /* first record index or (size_t)-1 */
    size_t offset, length, line;
    const char *text;        /* the run as decoded and normalized (arena) */
} number_fate;

typedef struct doc_meta {
    const char *province, *issuer, *number, *date, *title, *period, *kind;
    const char *plan_period;      /* period of the plan part, if any */
    size_t plan_block;            /* first block of the plan part, or SIZE_MAX */
    /* every plan part, one per report of a concatenation, in block order */
    const size_t *plan_blocks;
    const char *const *plan_periods;
    size_t n_plan_parts;
    int year;                     /* reporting year, 0 when unknown */
    int period_kind, period_n;    /* the period as period.h reads it (0: none) */
} doc_meta;

#endif
