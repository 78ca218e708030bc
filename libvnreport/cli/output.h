/*
 * output.h — record writers of the `vnreport` CLI: JSON Lines, CSV, table.
 *
 * Field names and order are SPEC §4's, identical in every format.
 */
#ifndef VNR_CLI_OUTPUT_H
#define VNR_CLI_OUTPUT_H

#include <stdio.h>

#include <vnreport/vnreport.h>

typedef enum output_format { FORMAT_JSONL, FORMAT_CSV, FORMAT_TABLE } output_format;

void write_json_string(FILE *f, const char *s);
void write_json_number(FILE *f, double v);
void write_document_jsonl(FILE *f, const vnr_document *doc);
void write_record_jsonl(FILE *f, const vnr_record *rec);
void write_csv_header(FILE *f);
void write_record_csv(FILE *f, const vnr_record *rec);
void write_table_header(FILE *f);
void write_record_table(FILE *f, const vnr_record *rec);

#endif
