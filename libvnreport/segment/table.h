/*
 * table.h — stage 3 (segment): finding tables in normalized text.
 *
 * Owns: the layout of tables as reports carry them — markdown pipe rows
 * (with or without the `|---|` rule, rows spanning lines), tab-separated
 * rows, space-aligned columns as `pdftotext -layout` prints them (read from
 * the decoded text, since normalizing collapses the gaps) and the
 * one-cell-per-line layout web pages flatten tables into. Gives each table
 * as a grid of cells (normalized spans) with its header rows; what the
 * headers mean is the recognizer's business (recognize-table.c).
 *
 * May include: base and normalize (the normalized text and its offsets
 * back to the decoded text).
 */
#ifndef VNR_TABLE_H
#define VNR_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "normalize.h"

typedef enum table_form {
    TF_PIPE,     /* | a | b | */
    TF_TAB,      /* a\tb */
    TF_SPACED,   /* a    b (pdftotext -layout) */
    TF_FLAT      /* one cell per line */
} table_form;

typedef struct table_cell {
    uint32_t start, end;   /* trimmed normalized text; empty when start == end */
    uint16_t row, col;
} table_cell;

/* Row of a flattened table whose numbering stood in a cell of its own. */
typedef struct table_row_info {
    uint32_t stt_start, stt_end;   /* the `Stt` cell, if any (start == end: none) */
} table_row_info;

typedef struct table {
    uint32_t start, end;          /* normalized extent: whole lines */
    uint32_t first_cell, n_cells; /* into table_set.cells, row-major */
    uint32_t first_row;           /* into table_set.rows (n_rows entries) */
    uint16_t n_rows, n_cols;
    uint16_t header_rows;         /* leading rows that are column headers */
    uint8_t form;                 /* table_form */
} table;

typedef struct table_set {
    table *tables;
    size_t n_tables, cap_tables;
    table_cell *cells;
    size_t n_cells, cap_cells;
    table_row_info *rows;
    size_t n_rows, cap_rows;
} table_set;

/* Where the text came from: lets the finder see the tabs and runs of
 * spaces that normalizing collapsed. Both may be NULL (then only pipe and
 * flattened tables are found). */
typedef struct layout_source {
    const normalized *norm;
    const char *decoded;
    size_t decoded_len;
} layout_source;

/* Find the tables of text[0..len). False on allocation failure. */
bool tables_find(const char *text, size_t len, const layout_source *src, table_set *out);
void table_set_free(table_set *ts);

/* Does s[0..n) hold a word: two letters in a row (a byte of a Vietnamese
 * letter counts as one)? Shared with the recognizer. */
bool table_has_word(const char *s, size_t n);

/* Is s[0..n) a cell holding only a number (sign, qualifier, range, `%`,
 * a parenthetical `(còn 4,33%)`)? Shared with the recognizer. */
bool table_numeric_cell(const char *s, size_t n);

/* Kinds of the layout words of table-headers.def: the numbering, label,
 * unit and note columns, a comparison group, a note cell, a period word of
 * a header cell, a cell that says there is no value, a ditto mark (the
 * cell above, again). */
typedef enum layout_kind {
    LW_STT, LW_LABEL, LW_UNIT, LW_NOTE, LW_COMPARE, LW_NOTE_CELL, LW_PERIOD, LW_NO_VALUE, LW_DITTO
} layout_kind;

/* Is lower-cased `lower` exactly a layout word of `kind` (spaces, colons,
 * commas and full stops at its end aside) — or, when !exact, does it hold
 * one as whole words? */
bool table_layout_is(const char *lower, layout_kind kind, bool exact);
/* Where the first layout word of `kind` (in the table's order) that
 * `lower` holds as whole words starts; NULL when it holds none. */
const char *table_layout_find(const char *lower, layout_kind kind);
/* Length of the first layout word of `kind` that `lower` starts with as
 * whole words; 0 when none. */
size_t table_layout_prefix(const char *lower, layout_kind kind);
/* A unit note's lead in a lower-cased cell or line (`đơn vị tính:`,
 * `đvt :`): the offset of its ':', or 0 when it opens with none. */
size_t table_unit_note_colon(const char *lower, size_t n);
/* The first layout word of `kind` in the table (the full form, e.g. `so
 * với`); NULL when the kind has none. */
const char *table_layout_first(layout_kind kind);

/* Lower-case s[0..n) into out (line breaks and tabs become spaces). */
size_t table_lower(const char *s, size_t n, char *out, size_t cap);
/* Does `phrase` occur in `lower` as whole words? */
bool table_phrase_in(const char *lower, const char *phrase);
/* Where `phrase` first occurs in `lower` as whole words (NULL: nowhere). */
const char *table_phrase_find(const char *lower, const char *phrase);

#endif
