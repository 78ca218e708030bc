/*
 * check.h — arithmetic checks over a document's records (cmd-check.c).
 *
 * Owns: the findings (two records, the found and expected values, the
 * tolerance) and the sink they go to; `vnreport panel` reuses them.
 * May include: the public API and the header-only helpers of base/utf8.h;
 * never a private stage header.
 */
#ifndef VNR_CLI_CHECK_H
#define VNR_CLI_CHECK_H

#include <stddef.h>

#include <vnreport/vnreport.h>

typedef struct check_finding {
    const char *kind;            /* restated_change, attainment, … */
    const vnr_record *a, *b;     /* the two statements' records */
    double found, expected, tolerance;
    const char *message;
} check_finding;

typedef struct check_sink check_sink;
struct check_sink {
    void (*emit)(check_sink *sink, const check_finding *finding);
    size_t count;
    void *data;
};

/* Run every check over `doc`; returns the number of findings emitted. */
size_t check_document(const vnr_document *doc, check_sink *sink);
/* Half a unit of the last decimal `v` is written with. */
double check_half_unit(double v);

#endif
