/*
 * recognize-table.h — stage 5 for tables: a table block → records.
 *
 * Owns: what table headers and row labels mean (table-headers.def): the
 * role, period, estimate and baseline of each value column, the unit of a
 * row or column, the indicator/subject hierarchy of numbered rows, and one
 * record per numeric cell with that cell's position. Cells `-`, `x`, `…`
 * and empty cells are not quantities. recognize.c hands table blocks here.
 */
#ifndef VNR_RECOGNIZE_TABLE_H
#define VNR_RECOGNIZE_TABLE_H

#include "buf.h"
#include "recognize.h"
#include "record.h"
#include "segment.h"

typedef struct table_ctx {
    const char *text;
    const segmentation *seg;
    const doc_meta *meta;
    const char *doc;
    vnr_arena *arena;
    recognizer_out *out;
    const char **section;      /* section path of the block (arena) */
    size_t section_depth;
    int32_t section_id;
    size_t *statement;         /* statement counter shared with recognize.c */
} table_ctx;

/* Records and number fates of table block `b`. False on allocation failure. */
bool recognize_table(const table_ctx *tc, const block *b);

#endif
