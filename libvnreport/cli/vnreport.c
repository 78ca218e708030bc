/*
 * vnreport.c — the `vnreport` command: extract, audit, convert, units.
 *
 * Exit status: 0 success, 1 an input could not be parsed, 2 usage error.
 * Errors are one line on stderr: "vnreport: FILE: message".
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnreport/vnreport.h>

#include "commands.h"
#include "output.h"

static const char usage_text[] =
    "usage: vnreport COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Turn Vietnamese socio-economic reports into indicator records.\n"
    "\n"
    "commands:\n"
    "  extract [--format jsonl|csv|table] [--encoding E] [--lenient] FILE...\n"
    "                        records of each FILE ('-' reads standard input)\n"
    "  audit [--encoding E] [--lenient] FILE\n"
    "                        every number of FILE with its fate\n"
    "  convert VALUE FROM TO convert VALUE between units\n"
    "  units [--dimension D] list the unit registry\n"
    "  check [--format text|jsonl] FILE...\n"
    "                        statements whose numbers disagree\n"
    "  panel [--format csv|jsonl] FILE...\n"
    "                        one row per province, period, indicator key\n"
    "\n"
    "options:\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n";

__attribute__((format(printf, 1, 2)))
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("vnreport: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (try 'vnreport --help')\n", stderr);
    va_end(ap);
    return 2;
}

typedef struct parse_options {
    output_format format;
    vnr_parser *parser;
    int first_file;
} parse_options;

/* Shared options of extract and audit; returns 0 or an exit status. */
static int parse_common(int argc, char **argv, parse_options *o, bool allow_format)
{
    o->format = FORMAT_JSONL;
    o->parser = vnr_parser_new();
    if (!o->parser) {
        fputs("vnreport: out of memory\n", stderr);
        return 1;
    }
    int i = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[32];
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name)
            return usage_error("unknown option '%s'", a);
        memcpy(name, a, nl);
        name[nl] = '\0';
        if (strcmp(name, "--lenient") == 0) {
            vnr_parser_set_lenient(o->parser, 1);
            continue;
        }
        if (strcmp(name, "--format") == 0 || strcmp(name, "--encoding") == 0) {
            val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                return usage_error("option '%s' needs a value", name);
        } else {
            return usage_error("unknown option '%s'", a);
        }
        if (strcmp(name, "--format") == 0) {
            if (!allow_format)
                return usage_error("'%s' is not an option of this command", name);
            if (strcmp(val, "jsonl") == 0)
                o->format = FORMAT_JSONL;
            else if (strcmp(val, "csv") == 0)
                o->format = FORMAT_CSV;
            else if (strcmp(val, "table") == 0)
                o->format = FORMAT_TABLE;
            else
                return usage_error("unknown format '%s' (jsonl, csv or table)", val);
        } else {
            vnr_encoding enc;
            if (vnr_encoding_from_name(val, &enc) != VNR_OK)
                return usage_error("unknown encoding '%s'", val);
            vnr_parser_set_encoding(o->parser, enc);
        }
    }
    o->first_file = i;
    if (i >= argc)
        return usage_error("%s", "no input file");
    return 0;
}

static vnr_document *parse_or_report(vnr_parser *parser, const char *path)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    if (vnr_parse_file(parser, path, &doc, &err) != VNR_OK) {
        fprintf(stderr, "vnreport: %s: %s\n", path, vnr_error_message(err));
        vnr_error_free(err);
        return NULL;
    }
    return doc;
}

int cmd_extract(int argc, char **argv)
{
    parse_options o;
    int rc = parse_common(argc, argv, &o, true);
    if (rc) {
        vnr_parser_free(o.parser);
        return rc;
    }
    if (o.format == FORMAT_CSV)
        write_csv_header(stdout);
    else if (o.format == FORMAT_TABLE)
        write_table_header(stdout);
    for (int i = o.first_file; i < argc; i++) {
        vnr_document *doc = parse_or_report(o.parser, argv[i]);
        if (!doc) {
            rc = 1;
            continue;
        }
        if (o.format == FORMAT_JSONL)
            write_document_jsonl(stdout, doc);
        for (size_t r = 0; r < vnr_document_record_count(doc); r++) {
            const vnr_record *rec = vnr_document_record(doc, r);
            if (o.format == FORMAT_JSONL)
                write_record_jsonl(stdout, rec);
            else if (o.format == FORMAT_CSV)
                write_record_csv(stdout, rec);
            else
                write_record_table(stdout, rec);
        }
        vnr_document_unref(doc);
    }
    vnr_parser_free(o.parser);
    if (fflush(stdout) != 0) {
        fputs("vnreport: cannot write output\n", stderr);
        return 1;
    }
    return rc;
}

int cmd_audit(int argc, char **argv)
{
    parse_options o;
    int rc = parse_common(argc, argv, &o, false);
    if (rc) {
        vnr_parser_free(o.parser);
        return rc;
    }
    if (argc - o.first_file != 1) {
        vnr_parser_free(o.parser);
        return usage_error("%s", "audit takes exactly one file");
    }
    vnr_document *doc = parse_or_report(o.parser, argv[o.first_file]);
    vnr_parser_free(o.parser);
    if (!doc)
        return 1;
    /* Each number as the library read it: the original bytes may be
     * UTF-16 or a legacy encoding, and stdin cannot be read twice. */
    printf("line\toffset\tnumber\tfate\trecord\n");
    for (size_t i = 0; i < vnr_document_number_count(doc); i++) {
        size_t off, line, rec;
        const char *fate = vnr_document_number(doc, i, &off, NULL, &line, &rec);
        printf("%zu\t%zu\t%s\t%s\t", line, off, vnr_document_number_text(doc, i), fate);
        if (rec != (size_t)-1)
            printf("%zu", rec);
        putchar('\n');
    }
    vnr_document_unref(doc);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "missing command");
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("vnreport %s\n", vnr_version());
        return 0;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {
        { "extract", cmd_extract },
        { "audit", cmd_audit },
        { "convert", cmd_convert },
        { "units", cmd_units },
        { "check", cmd_check },
        { "panel", cmd_panel },
    };
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}
