/*
 * summary.c — a small program using the libvnreport C API.
 *
 * Parses each report given on the command line and prints its metadata and
 * its "level" records (indicator, value, unit, canonical value), then
 * converts one value with the unit API. Build it against an installed
 * library with
 *
 *     cc summary.c $(pkg-config --cflags --libs vnreport) -o summary
 *
 * Usage: summary REPORT…
 */
#include <math.h>
#include <stdio.h>

#include <vnreport/vnreport.h>

static void print_meta(const vnr_document *doc)
{
    static const char *const fields[] = { "province", "number", "date", "period", "kind" };
    printf("%s\n", vnr_document_meta(doc, "doc"));
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *value = vnr_document_meta(doc, fields[i]);
        printf("  %-9s %s\n", fields[i], value ? value : "-");
    }
    printf("  %-9s %zu\n", "records", vnr_document_record_count(doc));
}

static void print_levels(const vnr_document *doc)
{
    for (size_t i = 0; i < vnr_document_record_count(doc); i++) {
        /* Borrowed: valid as long as we hold our reference to doc. */
        const vnr_record *rec = vnr_document_record(doc, i);
        if (vnr_record_role(rec) != VNR_ROLE_LEVEL)
            continue;
        const char *subject = vnr_record_subject(rec);
        printf("  line %-4zu %s%s%s = %g %s", vnr_record_line(rec),
               subject ? subject : "", subject ? ": " : "", vnr_record_indicator(rec),
               vnr_record_value(rec), vnr_record_unit(rec));
        const char *canonical = vnr_record_canonical_unit(rec);
        if (canonical && !isnan(vnr_record_canonical_value(rec)))
            printf("  (= %g %s)", vnr_record_canonical_value(rec), canonical);
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s REPORT...\n", argv[0]);
        return 2;
    }
    printf("libvnreport %s\n", vnr_version());
    int status = 0;
    for (int i = 1; i < argc; i++) {
        vnr_document *doc = NULL;
        vnr_error *error = NULL;
        if (vnr_parse_file(NULL, argv[i], &doc, &error) != VNR_OK) {
            fprintf(stderr, "%s: %s\n", argv[i], vnr_error_message(error));
            vnr_error_free(error);
            status = 1;
            continue;
        }
        print_meta(doc);
        print_levels(doc);
        vnr_document_unref(doc);
    }

    double km2 = 0;
    vnr_status st = vnr_convert(177078, "ha", "km2", &km2);
    if (st != VNR_OK) {
        fprintf(stderr, "convert: %s\n", vnr_status_str(st));
        return 1;
    }
    printf("177078 ha = %g km2\n", km2);
    return status;
}
