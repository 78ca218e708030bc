/*
 * cmd-panel.c — `vnreport panel FILE…`: one tidy row per (province, period,
 * indicator_key, subject_key, role, baseline), what an analyst pivots on.
 *
 * Only records with an indicator key take part. The period is the record's
 * own, else the document's. Duplicates within one report (the same tuple
 * stated twice, e.g. in the summary and again in the body) are resolved by
 * one rule: the first statement in reading order wins; the row says how
 * many others were dropped (`duplicates`) and how many of those disagree
 * with the kept value beyond rounding (`conflicts`).
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnreport/vnreport.h>

#include "check.h"
#include "commands.h"
#include "output.h"

typedef struct panel_row {
    const vnr_record *rec;
    const char *period;
    size_t duplicates, conflicts;
} panel_row;

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static const char *row_period(const vnr_document *doc, const vnr_record *r)
{
    const char *p = vnr_record_period(r);
    return p ? p : vnr_document_meta(doc, "period");
}

static bool same_tuple(const panel_row *row, const vnr_record *r, const char *period)
{
    const vnr_record *k = row->rec;
    return str_eq(row->period, period) &&
           str_eq(vnr_record_indicator_key(k), vnr_record_indicator_key(r)) &&
           str_eq(vnr_record_subject_key(k), vnr_record_subject_key(r)) &&
           vnr_record_role(k) == vnr_record_role(r) &&
           str_eq(vnr_record_baseline(k), vnr_record_baseline(r)) &&
           str_eq(vnr_record_canonical_unit(k), vnr_record_canonical_unit(r));
}

static bool disagree(const vnr_record *a, const vnr_record *b)
{
    double x = vnr_record_canonical_value(a), y = vnr_record_canonical_value(b);
    if (isnan(x) || isnan(y))
        return !(isnan(x) && isnan(y));
    double scale = fabs(x) > fabs(y) ? fabs(x) : fabs(y);
    return fabs(x - y) > 0.005 * scale + 1e-9;
}

/* Rows of one document, duplicates folded; NULL when out of memory. */
static panel_row *collect(const vnr_document *doc, size_t *n_rows)
{
    size_t n = vnr_document_record_count(doc), m = 0;
    panel_row *rows = calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        if (!vnr_record_indicator_key(r))
            continue;
        const char *period = row_period(doc, r);
        size_t k = 0;
        while (k < m && !same_tuple(&rows[k], r, period))
            k++;
        if (k < m) {
            rows[k].duplicates++;
            rows[k].conflicts += disagree(rows[k].rec, r);
            continue;
        }
        rows[m++] = (panel_row){ r, period, 0, 0 };
    }
    *n_rows = m;
    return rows;
}

static const char *const columns[] = {
    "province", "period", "indicator_key", "subject_key", "role", "baseline", "value",
    "unit", "canonical_value", "canonical_unit", "doc", "line", "duplicates", "conflicts",
};

/* One cell of a row: its value is text, a number or a count. */
typedef struct panel_cell {
    enum { CELL_TEXT, CELL_NUMBER, CELL_COUNT } kind;
    const char *text;
    double number;
    size_t count;
} panel_cell;

#define TEXT(v) { CELL_TEXT, (v), 0, 0 }
#define NUMBER(v) { CELL_NUMBER, NULL, (v), 0 }
#define COUNT(v) { CELL_COUNT, NULL, 0, (v) }

/* One row, its cells in the order of `columns`, as JSON Lines or CSV
 * through the record writer's escaping and number formatting. */
static void write_row(FILE *f, const vnr_document *doc, const panel_row *row, bool jsonl)
{
    const vnr_record *r = row->rec;
    const panel_cell cells[] = {
        TEXT(vnr_document_meta(doc, "province")), TEXT(row->period),
        TEXT(vnr_record_indicator_key(r)), TEXT(vnr_record_subject_key(r)),
        TEXT(vnr_role_name(vnr_record_role(r))), TEXT(vnr_record_baseline(r)),
        NUMBER(vnr_record_value(r)), TEXT(vnr_record_unit(r)),
        NUMBER(vnr_record_canonical_value(r)), TEXT(vnr_record_canonical_unit(r)),
        TEXT(vnr_record_doc(r)), COUNT(vnr_record_line(r)), COUNT(row->duplicates),
        COUNT(row->conflicts),
    };
    _Static_assert(sizeof cells / sizeof *cells == sizeof columns / sizeof *columns,
                   "one cell per column");
    if (jsonl)
        fputs("{\"type\":\"panel\"", f);
    for (size_t c = 0; c < sizeof cells / sizeof *cells; c++) {
        if (jsonl)
            fprintf(f, ",\"%s\":", columns[c]);
        else if (c)
            fputc(',', f);
        switch (cells[c].kind) {
        case CELL_TEXT:
            (jsonl ? write_json_string : write_csv_string)(f, cells[c].text);
            break;
        case CELL_NUMBER:
            (jsonl ? write_json_number : write_csv_number)(f, cells[c].number);
            break;
        case CELL_COUNT:
            fprintf(f, "%zu", cells[c].count);
            break;
        }
    }
    fputs(jsonl ? "}\n" : "\n", f);
}

static int panel_file(const char *path, bool jsonl)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    if (vnr_parse_file(NULL, path, &doc, &err) != VNR_OK) {
        fprintf(stderr, "vnreport: %s: %s\n", path, vnr_error_message(err));
        vnr_error_free(err);
        return 1;
    }
    size_t n = 0;
    panel_row *rows = collect(doc, &n);
    if (!rows) {
        fprintf(stderr, "vnreport: %s: out of memory\n", path);
        vnr_document_unref(doc);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        write_row(stdout, doc, &rows[i], jsonl);
    free(rows);
    vnr_document_unref(doc);
    return 0;
}

int cmd_panel(int argc, char **argv)
{
    bool jsonl = false;
    int i = 1;   /* argv[0] is the command's name */
    for (int k = 1; k < argc; k++)
        if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
            printf("usage: vnreport panel [--format csv|jsonl] FILE...\n\nOne tidy row per (province, period, indicator_key, subject_key, role,\nbaseline) with the canonical value and unit and the source doc and line;\nrepeats within a report are counted in duplicates and conflicts.\n");
            return 0;
        }
    for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "-") != 0; i++) {
        const char *val = strncmp(argv[i], "--format=", 9) == 0 ? argv[i] + 9
                          : strcmp(argv[i], "--format") == 0 && i + 1 < argc ? argv[++i]
                                                                             : NULL;
        if (!val || (strcmp(val, "csv") != 0 && strcmp(val, "jsonl") != 0)) {
            fprintf(stderr, "vnreport: panel: bad option '%s' (--format csv|jsonl)\n", argv[i]);
            return 2;
        }
        jsonl = strcmp(val, "jsonl") == 0;
    }
    if (i >= argc) {
        fputs("vnreport: panel: no input file (try 'vnreport --help')\n", stderr);
        return 2;
    }
    if (!jsonl) {
        for (size_t c = 0; c < sizeof columns / sizeof *columns; c++)
            fprintf(stdout, "%s%s", c ? "," : "", columns[c]);
        fputc('\n', stdout);
    }
    int rc = 0;
    for (; i < argc; i++)
        rc |= panel_file(argv[i], jsonl);
    if (fflush(stdout) != 0) {
        fputs("vnreport: cannot write output\n", stderr);
        return 1;
    }
    return rc;
}
