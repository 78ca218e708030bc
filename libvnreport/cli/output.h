/*
 * output.h — record writers of the `vnreport` CLI: JSON Lines, CSV, table.
 *
 * Everything is written through one out_buf (a 64 KiB buffer flushed to a
 * FILE), never through stdio per field, and nothing is allocated per
 * record. Record fields are one table (output.c, record_fields): their
 * names and order are the same in JSON Lines and CSV, and adding a field
 * is one line there.
 *
 * May include: the public API and the header-only helpers of base/utf8.h;
 * never a private stage header.
 */
#ifndef VNR_CLI_OUTPUT_H
#define VNR_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include <vnreport/vnreport.h>

typedef enum output_format { FORMAT_JSONL, FORMAT_CSV, FORMAT_TABLE } output_format;

#define OUT_BUF_SIZE 65536

typedef struct out_buf {
    FILE *file;
    size_t len;
    bool failed;          /* a write to `file` failed */
    char data[OUT_BUF_SIZE];
} out_buf;

void out_init(out_buf *o, FILE *file);
/* Write what is buffered; false when this or an earlier write failed. */
bool out_flush(out_buf *o);
void out_write(out_buf *o, const char *s, size_t n);
void out_str(out_buf *o, const char *s);
void out_char(out_buf *o, char c);

/* Shortest text that reads back as exactly `v` (%.17g at most), as the
 * C library's "%.{15,16,17}g" would print it; returns its length. `buf`
 * needs 32 bytes. Exposed for the formatter test. */
size_t format_double(char *buf, double v);

/* One JSON string (null for NULL) or number (null for NaN) written to
 * `f`; one CSV cell (empty for NULL and NaN), quoted as RFC 4180 says. */
void write_json_string(FILE *f, const char *s);
void write_json_number(FILE *f, double v);
void write_csv_string(FILE *f, const char *s);
void write_csv_number(FILE *f, double v);

typedef struct output_options {
    output_format format;
    bool with_metadata;   /* CSV: the document's metadata on every row */
    bool doc_column;      /* table: a column naming the input file */
} output_options;

/* Before the first document (CSV and table headers). */
void write_header(out_buf *o, const output_options *opt);
/* One document: its line (JSONL) and its records. */
void write_document(out_buf *o, const output_options *opt, const vnr_document *doc);

#endif
