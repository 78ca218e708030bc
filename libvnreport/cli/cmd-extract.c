/*
 * cmd-extract.c — `vnreport extract` (records of many files, parsed on
 * every core, written in input order) and `vnreport audit` (every number
 * of one file with its fate).
 *
 * extract streams: vnr_batch hands documents back in input order and each
 * is written and dropped before the next, so memory stays at one document
 * per worker whatever the number of files.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vnreport/vnreport.h>

#include "commands.h"
#include "output.h"

static const char extract_help[] =
    "usage: vnreport extract [OPTIONS] FILE|DIR...\n"
    "\n"
    "Print the indicator records of each FILE ('-' reads standard input); a\n"
    "DIR stands for every file under it, recursively, in name order.\n"
    "\n"
    "options:\n"
    "  -f, --format F        jsonl (default), csv or table\n"
    "  -e, --encoding E      input encoding: auto (default), utf-8, utf-16le,\n"
    "                        utf-16be, windows-1258, tcvn3, vni, viscii\n"
    "      --lenient         replace invalid bytes with U+FFFD instead of failing\n"
    "  -j, --jobs N          parse N files at once (default: one per processor)\n"
    "      --with-metadata   csv: add the document's metadata to every row\n"
    "      --no-progress     no progress line (shown on a terminal for 20+ files)\n"
    "  -h, --help            show this help\n";

static const char audit_help[] =
    "usage: vnreport audit [OPTIONS] FILE\n"
    "\n"
    "List every number of FILE with its fate (what became of it).\n"
    "\n"
    "options:\n"
    "  -e, --encoding E      input encoding (see 'vnreport extract --help')\n"
    "      --lenient         replace invalid bytes with U+FFFD instead of failing\n"
    "  -h, --help            show this help\n";

enum { OPT_LENIENT = 256, OPT_WITH_METADATA, OPT_NO_PROGRESS };

/* What option parsing returns after --help: stop, exit status 0. */
#define HELP_SHOWN (-1)

/* Batches smaller than this finish before a progress line helps. */
#define PROGRESS_MIN_FILES 20

typedef struct extract_options {
    output_options out;
    vnr_parser *parser;
    unsigned jobs;        /* 0: one per processor */
    bool progress;
} extract_options;

static int set_encoding(const char *command, vnr_parser *parser, const char *name)
{
    vnr_encoding enc;
    if (vnr_encoding_from_name(name, &enc) != VNR_OK)
        return usage_error(command, "unknown encoding '%s' (auto, utf-8, utf-16le, utf-16be, "
                                    "windows-1258, tcvn3, vni, viscii)", name);
    vnr_parser_set_encoding(parser, enc);
    return 0;
}

static int set_format(output_options *out, const char *name)
{
    static const struct { const char *name; output_format format; } formats[] = {
        { "jsonl", FORMAT_JSONL }, { "csv", FORMAT_CSV }, { "table", FORMAT_TABLE },
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(name, formats[i].name) == 0) {
            out->format = formats[i].format;
            return 0;
        }
    return usage_error("extract", "unknown format '%s' (jsonl, csv or table)", name);
}

static int set_jobs(extract_options *o, const char *text)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || n < 1 || n > 256)
        return usage_error("extract", "--jobs takes a number from 1 to 256, not '%s'", text);
    o->jobs = (unsigned)n;
    return 0;
}

/* Options of extract; returns 0 (files from optind on) or an exit status. */
static int parse_extract_options(int argc, char **argv, extract_options *o)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' },
        { "encoding", required_argument, NULL, 'e' },
        { "jobs", required_argument, NULL, 'j' },
        { "lenient", no_argument, NULL, OPT_LENIENT },
        { "with-metadata", no_argument, NULL, OPT_WITH_METADATA },
        { "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, rc = 0;
    opterr = 0;
    optind = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, ":f:e:j:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': rc = set_format(&o->out, optarg); break;
        case 'e': rc = set_encoding("extract", o->parser, optarg); break;
        case 'j': rc = set_jobs(o, optarg); break;
        case OPT_LENIENT: vnr_parser_set_lenient(o->parser, 1); break;
        case OPT_WITH_METADATA: o->out.with_metadata = true; break;
        case OPT_NO_PROGRESS: o->progress = false; break;
        case 'h': print_help(extract_help);
            return HELP_SHOWN;
        default: return option_error("extract", c, argv);
        }
    }
    if (rc == 0 && o->out.with_metadata && o->out.format != FORMAT_CSV)
        rc = usage_error("extract", "%s", "--with-metadata goes with --format csv");
    if (rc == 0 && optind >= argc)
        rc = usage_error("extract", "%s", "no input file");
    return rc;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct progress {
    bool on;
    double last;
    size_t total;
} progress;

static void progress_show(progress *p, size_t done, bool final)
{
    double now = seconds_now();
    if (!p->on || (!final && now - p->last < 0.2))
        return;
    p->last = now;
    fprintf(stderr, "\rvnreport: extract: %zu/%zu files%s", done, p->total, final ? "\n" : "");
}

/* A line of stderr that must not land in the middle of the progress line. */
static void progress_clear(const progress *p)
{
    if (p->on)
        fputs("\r\033[K", stderr);
}

/* A forced UTF-16 reading of text that is not UTF-16 parses, into
 * nothing: say so instead of printing no records silently. */
static void warn_unreadable_encoding(const char *path, const vnr_document *doc)
{
    const char *enc = vnr_document_meta(doc, "encoding");
    double confidence = vnr_document_encoding_confidence(doc);
    if (enc && strncmp(enc, "utf-16", 6) == 0 && confidence < 0.5)
        fprintf(stderr, "vnreport: %s: warning: the text does not read as %s (%.0f%% of it "
                        "is Latin or Vietnamese); check --encoding\n",
                path, enc, confidence * 100);
}

static int run_extract(const extract_options *o, const input_list *inputs, out_buf *out)
{
    vnr_batch *batch = NULL;
    vnr_error *err = NULL;
    if (vnr_batch_new(o->parser, (const char *const *)inputs->paths, inputs->count, o->jobs,
                      &batch, &err) != VNR_OK) {
        fprintf(stderr, "vnreport: %s\n", vnr_error_message(err));
        vnr_error_free(err);
        return 1;
    }
    progress prog = { .on = o->progress && inputs->count >= PROGRESS_MIN_FILES &&
                            isatty(STDERR_FILENO),
                      .total = inputs->count };
    int rc = 0;
    write_header(out, &o->out);
    for (;;) {
        size_t i;
        vnr_document *doc = NULL;
        vnr_status st = vnr_batch_next(batch, &i, &doc, &err);
        if (st == VNR_OK && !doc)
            break;
        if (st != VNR_OK) {
            progress_clear(&prog);
            fprintf(stderr, "vnreport: %s: %s\n", inputs->paths[i], vnr_error_message(err));
            vnr_error_free(err);
            err = NULL;
            rc = 1;
        } else {
            warn_unreadable_encoding(inputs->paths[i], doc);
            write_document(out, &o->out, doc);
            vnr_document_unref(doc);
        }
        progress_show(&prog, i + 1, i + 1 == inputs->count);
    }
    vnr_batch_free(batch);
    return rc;
}

int cmd_extract(int argc, char **argv)
{
    extract_options o = { .out.format = FORMAT_JSONL, .parser = vnr_parser_new(),
                          .progress = true };
    if (!o.parser) {
        fputs("vnreport: out of memory\n", stderr);
        return 1;
    }
    int rc = parse_extract_options(argc, argv, &o);
    if (rc != 0) {
        vnr_parser_free(o.parser);
        return rc == HELP_SHOWN ? 0 : rc;
    }
    input_list inputs = { 0 };
    rc = collect_inputs(argv + optind, (size_t)(argc - optind), &inputs);
    o.out.doc_column = inputs.count > 1;
    static out_buf out;
    out_init(&out, stdout);
    if (inputs.count > 0 && run_extract(&o, &inputs, &out) != 0)
        rc = 1;
    input_list_free(&inputs);
    vnr_parser_free(o.parser);
    if (!out_flush(&out) || fflush(stdout) != 0) {
        fputs("vnreport: cannot write output\n", stderr);
        return 1;
    }
    return rc;
}

/* ---------------------------------------------------------------- */
/* audit                                                             */
/* ---------------------------------------------------------------- */

static int parse_audit_options(int argc, char **argv, vnr_parser *parser)
{
    static const struct option longopts[] = {
        { "encoding", required_argument, NULL, 'e' },
        { "lenient", no_argument, NULL, OPT_LENIENT },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c, rc = 0;
    opterr = 0;
    optind = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, ":e:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'e': rc = set_encoding("audit", parser, optarg); break;
        case OPT_LENIENT: vnr_parser_set_lenient(parser, 1); break;
        case 'h': print_help(audit_help);
            return HELP_SHOWN;
        default: return option_error("audit", c, argv);
        }
    }
    if (rc == 0 && argc - optind != 1)
        rc = usage_error("audit", "%s", "audit takes exactly one file");
    return rc;
}

static void print_audit(const vnr_document *doc)
{
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
}

/* One line on stderr (stdout stays a table): how many numbers got each
 * fate, the ones no stage could place ("unplaced") named apart. */
static void print_audit_summary(const vnr_document *doc)
{
    enum { MAX_FATES = 32 };
    const char *names[MAX_FATES];
    size_t counts[MAX_FATES], kinds = 0, unplaced = 0, n = vnr_document_number_count(doc);
    for (size_t i = 0; i < n; i++) {
        const char *fate = vnr_document_number(doc, i, NULL, NULL, NULL, NULL);
        unplaced += strcmp(fate, "unplaced") == 0;
        size_t k = 0;
        while (k < kinds && strcmp(names[k], fate) != 0)
            k++;
        if (k == kinds && kinds < MAX_FATES) {
            names[kinds] = fate;
            counts[kinds++] = 0;
        }
        if (k < kinds)
            counts[k]++;
    }
    fprintf(stderr, "vnreport audit: %zu numbers", n);
    for (size_t k = 0; k < kinds; k++)
        fprintf(stderr, "%s %zu %s", k ? "," : ":", counts[k], names[k]);
    fprintf(stderr, "; %zu unplaced (no stage could place them)\n", unplaced);
}

int cmd_audit(int argc, char **argv)
{
    vnr_parser *parser = vnr_parser_new();
    if (!parser) {
        fputs("vnreport: out of memory\n", stderr);
        return 1;
    }
    int rc = parse_audit_options(argc, argv, parser);
    if (rc != 0) {
        vnr_parser_free(parser);
        return rc == HELP_SHOWN ? 0 : rc;
    }
    const char *path = argv[optind];
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    if (vnr_parse_file(parser, path, &doc, &err) != VNR_OK) {
        fprintf(stderr, "vnreport: %s: %s\n", path, vnr_error_message(err));
        vnr_error_free(err);
        rc = 1;
    } else {
        print_audit(doc);
        print_audit_summary(doc);
        vnr_document_unref(doc);
    }
    vnr_parser_free(parser);
    if (fflush(stdout) != 0) {
        fputs("vnreport: cannot write output\n", stderr);
        return 1;
    }
    return rc;
}
