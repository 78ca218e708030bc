/*
 * segment.h — stage 3: normalized text → blocks.
 *
 * Owns: the line structure of a report. Classifies lines (header furniture,
 * heading, list item, paragraph, footnote body, distribution list,
 * signature), strips list/heading markers, rejoins paragraphs split across
 * page breaks (skipping interleaved footnote bodies), and builds the heading
 * tree that gives every block its section path. Tables (table.h) become
 * blocks of their own; a short line just before a table names it (a
 * section), as do annex lines (`Phụ lục`, `Biểu số`). Gives blocks made of one or
 * more spans of the normalized text; tokenizing them is the lexer's job.
 *
 * May include: base, normalize and its own table.h.
 */
#ifndef VNR_SEGMENT_H
#define VNR_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "table.h"

typedef enum block_kind {
    BLK_PARAGRAPH,  /* body text (may also open a section) */
    BLK_FOOTNOTE,   /* a footnote body; `footnote` is its number */
    BLK_FURNITURE,  /* header block, distribution list, signature: no records */
    BLK_TABLE       /* a table: `table` indexes segmentation.tables */
} block_kind;

typedef enum marker_kind {
    MK_NONE,
    MK_PART,        /* Phần thứ nhất */
    MK_ROMAN,       /* I. */
    MK_ROMAN_ARABIC,/* I.1. */
    MK_ARABIC,      /* 1. */
    MK_ARABIC2,     /* 1.1. */
    MK_LETTER,      /* a) đ) a. */
    MK_PAREN,       /* (1). (1) */
    MK_DASH,        /* - */
    MK_PLUS,        /* + */
    MK_FOOTNOTE,    /* ¹ or a plain number starting a footnote body */
} marker_kind;

typedef struct text_span {
    uint32_t start, end;  /* normalized text */
} text_span;

typedef struct section {
    int32_t parent;       /* -1 at top level */
    uint8_t rank;
    const char *title;    /* arena string, as written, numbering included */
} section;

typedef struct block {
    uint8_t kind;         /* block_kind */
    uint8_t marker;       /* marker_kind */
    uint32_t marker_start, marker_end; /* the list/heading marker, if any */
    uint32_t first_span, n_spans;      /* into segmentation.spans */
    int32_t footnote;     /* footnote number (BLK_FOOTNOTE), else -1 */
    int32_t table;        /* BLK_TABLE: index into segmentation.tables.tables */
    int32_t section;      /* innermost section in force, -1 for none */
    bool opens_section;   /* this block's first line is a heading */
    bool label_heading;   /* heading is a label before ':' (rest is body) */
} block;

typedef struct segmentation {
    block *blocks;
    size_t n_blocks, cap_blocks;
    text_span *spans;
    size_t n_spans, cap_spans;
    section *sections;
    size_t n_sections, cap_sections;
    table_set tables;
    size_t *report_starts;   /* first block of each report after a signature */
    size_t n_report_starts, cap_report_starts;
    vnr_arena arena;
} segmentation;

bool segment_text(const char *text, size_t len, segmentation *out);
/* The same, also finding the tables that only the layout of the decoded
 * text shows (tabs, runs of spaces). `src` may be NULL. */
bool segment_text_layout(const char *text, size_t len, const layout_source *src,
                         segmentation *out);
void segmentation_free(segmentation *s);

/* Do blocks a <= b belong to one report (no signature block ended between
 * them and a new report began)? */
bool segment_same_report(const segmentation *s, size_t a, size_t b);

/* Depth of section `id` and its titles outermost first (titles[] must hold
 * `depth` entries). */
size_t section_depth(const segmentation *s, int32_t id);
void section_path(const segmentation *s, int32_t id, const char **titles, size_t depth);

#endif
