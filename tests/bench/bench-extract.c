/*
 * bench-extract.c — extraction speed and memory on reports replicated to a
 * chosen size.
 *
 * The input is a set of reports (default: every *.txt of the shared corpus,
 * else of examples/data), replicated as whole reports (every copy a
 * complete report) until the requested size is reached. It is measured in
 * two views:
 *
 *   one document  the replicated input concatenated and parsed as ONE
 *                 document (a single vnr_parse call on it all);
 *   N documents   every report copy parsed as a document of its own, the
 *                 way a batch of reports is fed in.
 *
 * First, what a user runs, end to end: every report copy written to a file
 * of its own under /tmp, then read, parsed and written as JSON Lines to a
 * file (the CLI's writer, one thread), beside `wc -w` over the same files
 * in the same run, alternating, as CPU time and their ratio.
 *
 * For both views: full extraction (vnr_parse to a finished document) and each
 * stage alone (decode, normalize, segment, metadata, lexer+recognize; the
 * lexer also alone, for information), as MB/s of input, best of K runs.
 * Peak memory is measured in a fresh child process (this program re-run
 * with a hidden option), from /proc/self/status VmHWM, with the scaling of
 * time and memory over 1×, 10×, 100× copies of the input set.
 *
 * The program also checks itself: the stage-by-stage pipeline must find as
 * many records as vnr_parse, and N copies of the input set N times the
 * records of one copy. A mismatch exits with status 1.
 *
 * usage: bench-extract [--size MB] [--runs K] [--scales 1,10,100] [--json]
 *                      [--full-only [--view one|many]] [--wall] [--corpus DIR]
 *                      [FILE...]
 * Times are CPU time of the process unless --wall is given. --full-only measures vnr_parse alone (both views, or the one named by
 * --view), for running under a profiler.
 * Not a timed test: the numbers depend on the machine.
 */
/* wait4() gives the peak RSS of one child, not of all children so far */
#define _DEFAULT_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "decode.h"
#include "output.h"
#include "lexer.h"
#include "metadata.h"
#include "normalize.h"
#include "recognize.h"
#include "segment.h"

#ifndef BENCH_CORPUS_DIR
#define BENCH_CORPUS_DIR "../shared/corpus"
#endif
#ifndef BENCH_EXAMPLES_DIR
#define BENCH_EXAMPLES_DIR "examples/data"
#endif
#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

#define MB 1e6
#define MAX_SCALES 8

extern char **environ;

/* ---------------------------------------------------------------- */
/* Inputs                                                            */
/* ---------------------------------------------------------------- */

typedef struct report {
    char *name;
    char *path;
    char *data;
    size_t len;
} report;

typedef struct report_set {
    report *r;
    size_t n;
    size_t bytes;    /* one copy of every report */
    const char *origin;
} report_set;

/* One document of a replicated input: a slice of the shared buffer. */
typedef struct doc_slice {
    const char *data;
    size_t len;
    const char *name;
} doc_slice;

typedef struct replicated {
    char *buf;
    size_t len;
    size_t copies;
    doc_slice *docs;   /* every report copy */
    size_t n_docs;
} replicated;

static void die(const char *what)
{
    fprintf(stderr, "bench-extract: %s\n", what);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf)
                die("out of memory");
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void add_report(report_set *set, const char *path)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        fprintf(stderr, "bench-extract: cannot read %s: %s\n", path, strerror(errno));
        exit(2);
    }
    if (len == 0) {
        free(data);
        return;
    }
    set->r = realloc(set->r, (set->n + 1) * sizeof *set->r);
    if (!set->r)
        die("out of memory");
    const char *slash = strrchr(path, '/');
    set->r[set->n++] = (report){ strdup(slash ? slash + 1 : path), strdup(path), data, len };
    set->bytes += len;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt of `dir`, in name order; false when the directory has none. */
static bool add_directory(report_set *set, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t L = strlen(e->d_name);
        if (L > 4 && strcmp(e->d_name + L - 4, ".txt") == 0) {
            names = realloc(names, (n + 1) * sizeof *names);
            if (!names)
                die("out of memory");
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        add_report(set, path);
        free(names[i]);
    }
    free(names);
    set->origin = dir;
    return set->n > 0;
}

static void free_reports(report_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        free(set->r[i].name);
        free(set->r[i].path);
        free(set->r[i].data);
    }
    free(set->r);
}

/* `copies` copies of every report, back to back, each ending with a line
 * break so the next report starts on a line of its own. */
static replicated replicate(const report_set *set, size_t copies)
{
    replicated rp = { .copies = copies, .n_docs = set->n * copies };
    size_t per_copy = 0;
    for (size_t i = 0; i < set->n; i++)
        per_copy += set->r[i].len + (set->r[i].data[set->r[i].len - 1] != '\n');
    rp.buf = xmalloc(per_copy * copies + 1);
    rp.docs = xmalloc(rp.n_docs * sizeof *rp.docs);
    size_t o = 0, d = 0;
    for (size_t c = 0; c < copies; c++)
        for (size_t i = 0; i < set->n; i++) {
            const report *r = &set->r[i];
            memcpy(rp.buf + o, r->data, r->len);
            size_t len = r->len;
            if (r->data[r->len - 1] != '\n')
                rp.buf[o + len++] = '\n';
            rp.docs[d++] = (doc_slice){ rp.buf + o, len, r->name };
            o += len;
        }
    rp.len = o;
    rp.buf[o] = '\0';
    return rp;
}

static void free_replicated(replicated *rp)
{
    free(rp->buf);
    free(rp->docs);
}

/* ---------------------------------------------------------------- */
/* Timing                                                            */
/* ---------------------------------------------------------------- */

/* Times are CPU time of this process (single-threaded), so other jobs on a
 * busy machine slow the numbers down less than they would wall time;
 * --wall measures wall time instead. */
static clockid_t bench_clock = CLOCK_PROCESS_CPUTIME_ID;

static double now(void)
{
    struct timespec ts;
    clock_gettime(bench_clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

enum stage {
    ST_DECODE,
    ST_NORMALIZE,
    ST_SEGMENT,
    ST_METADATA,
    ST_RECOGNIZE,   /* lexer + recognizer: recognize_document tokenizes per block */
    ST_LEXER,       /* the lexer alone over the same blocks (informational) */
    ST_COUNT
};

static const char *const stage_names[ST_COUNT] = {
    "decode", "normalize", "segment", "metadata", "lexer+recognize", "lexer alone",
};
static const char *const stage_keys[ST_COUNT] = {
    "decode", "normalize", "segment", "metadata", "lexer_recognize", "lexer",
};

typedef struct measure {
    double full;              /* seconds, vnr_parse of every document */
    double stage[ST_COUNT];   /* seconds per stage over every document */
    size_t records;           /* from vnr_parse */
    size_t stage_records;     /* from the stage-by-stage pipeline */
    size_t runs;
} measure;

/* vnr_parse of every document; returns seconds spent parsing (freeing is
 * not counted) and the records found. */
static double parse_all(const doc_slice *docs, size_t n, size_t *records)
{
    double spent = 0;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        double t0 = now();
        vnr_status st = vnr_parse(NULL, docs[i].data, docs[i].len, docs[i].name, &doc, &err);
        spent += now() - t0;
        if (st != VNR_OK) {
            fprintf(stderr, "bench-extract: %s: %s\n", docs[i].name, vnr_error_message(err));
            exit(1);
        }
        total += vnr_document_record_count(doc);
        vnr_document_unref(doc);
    }
    *records = total;
    return spent;
}

/* Tokenize every non-furniture block as recognize_document does. */
static bool lex_blocks(const char *text, const segmentation *seg, token_vec *tv)
{
    for (size_t b = 0; b < seg->n_blocks; b++) {
        const block *bl = &seg->blocks[b];
        if (bl->kind == BLK_FURNITURE || bl->kind == BLK_TABLE)
            continue;
        tv->n = 0;
        for (uint32_t s = 0; s < bl->n_spans; s++) {
            const text_span *sp = &seg->spans[bl->first_span + s];
            if (!lex_span(text, sp->start, sp->end, tv))
                return false;
        }
    }
    return true;
}

/* One document through the stages one at a time, each timed alone. */
static void stages_one(const doc_slice *d, double *t, size_t *records)
{
    decoded dec;
    normalized norm;
    segmentation seg;
    doc_meta meta;
    vnr_arena arena = { 0 };
    recognizer_out out = { 0 };
    token_vec tv = { 0 };

    double t0 = now();
    if (decode_input(d->data, d->len, VNR_ENCODING_AUTO, false, &dec, NULL) != VNR_OK)
        die("decode failed");
    double t1 = now();
    if (normalize_text(dec.text, dec.len, &norm, NULL) != VNR_OK)
        die("normalize failed");
    double t2 = now();
    layout_source layout = { &norm, dec.text, dec.len };
    if (!segment_text_layout(norm.text, norm.len, &layout, &seg))
        die("segment failed");
    double t3 = now();
    if (!extract_metadata(norm.text, norm.len, &seg, &arena, &meta))
        die("metadata failed");
    double t4 = now();
    if (!recognize_document(norm.text, norm.len, &seg, &meta, d->name, &arena, &out))
        die("recognize failed");
    double t5 = now();
    if (!lex_blocks(norm.text, &seg, &tv))
        die("lexer failed");
    double t6 = now();

    t[ST_DECODE] += t1 - t0;
    t[ST_NORMALIZE] += t2 - t1;
    t[ST_SEGMENT] += t3 - t2;
    t[ST_METADATA] += t4 - t3;
    t[ST_RECOGNIZE] += t5 - t4;
    t[ST_LEXER] += t6 - t5;
    *records += out.n_recs;

    free(tv.t);
    free(out.recs);
    free(out.fates);
    arena_free(&arena);
    segmentation_free(&seg);
    normalized_free(&norm);
    decoded_free(&dec);
}

static void keep_best(double *best, double v)
{
    if (*best == 0 || v < *best)
        *best = v;
}

/* Best of at least `runs` runs, and of as many as fit in `budget` seconds
 * (small inputs get more runs, so their best is not a timer artefact). */
static measure measure_view(const doc_slice *docs, size_t n, size_t runs, double budget,
                            bool full_only)
{
    measure m = { 0 };
    double start = now();
    for (size_t r = 0; r < runs || (now() - start < budget && r < 1000); r++) {
        size_t recs;
        keep_best(&m.full, parse_all(docs, n, &recs));
        m.records = recs;
        m.runs = r + 1;
        if (full_only)
            continue;
        double t[ST_COUNT] = { 0 };
        size_t stage_recs = 0;
        for (size_t i = 0; i < n; i++)
            stages_one(&docs[i], t, &stage_recs);
        for (int s = 0; s < ST_COUNT; s++)
            keep_best(&m.stage[s], t[s]);
        m.stage_records = stage_recs;
    }
    return m;
}

/* ---------------------------------------------------------------- */
/* Memory, in a fresh child process                                  */
/* ---------------------------------------------------------------- */

/* VmHWM / VmRSS of this process in kB, 0 when unknown. */
static long status_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    char line[256];
    long kb = 0;
    size_t L = strlen(field);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, L) == 0 && line[L] == ':') {
            kb = atol(line + L + 1);
            break;
        }
    fclose(f);
    return kb;
}

/* Reset VmHWM to the current RSS (Linux clear_refs "5"); false if refused. */
static bool reset_peak(void)
{
    int fd = open("/proc/self/clear_refs", O_WRONLY);
    if (fd < 0)
        return false;
    bool ok = write(fd, "5", 1) == 1;
    close(fd);
    return ok;
}

typedef struct memory {
    long before_kb;   /* RSS with the input built, before parsing */
    long peak_kb;     /* peak RSS of the child while parsing */
    size_t records;
    bool reset;       /* the peak was reset after building the input */
    bool ok;
} memory;

/* The child: build `copies` copies, parse them in one view, report. With
 * `many`, every report copy is its own document and all stay alive until
 * the end (a batch that keeps its results). */
static int rss_child(bool many, size_t copies, report_set *set)
{
    replicated rp = replicate(set, copies);   /* its documents keep the report names */
    bool reset = reset_peak();
    long before = status_kb("VmRSS");
    size_t n = many ? rp.n_docs : 1;
    doc_slice whole = { rp.buf, rp.len, "replicated" };
    const doc_slice *docs = many ? rp.docs : &whole;
    vnr_document **kept = xmalloc(n * sizeof *kept);
    size_t records = 0;
    for (size_t i = 0; i < n; i++) {
        if (vnr_parse(NULL, docs[i].data, docs[i].len, docs[i].name, &kept[i], NULL) != VNR_OK)
            return 1;
        records += vnr_document_record_count(kept[i]);
    }
    long peak = status_kb("VmHWM");
    printf("%ld %ld %zu %d\n", before, peak, records, reset ? 1 : 0);
    fflush(stdout);
    for (size_t i = 0; i < n; i++)
        vnr_document_unref(kept[i]);
    free(kept);
    free_replicated(&rp);
    free_reports(set);
    return 0;
}

static memory measure_memory(bool many, size_t copies, char **files, int n_files)
{
    memory m = { 0 };
    int fd[2];
    if (pipe(fd) != 0)
        return m;
    char copies_arg[32];
    snprintf(copies_arg, sizeof copies_arg, "%zu", copies);
    char **argv = xmalloc((size_t)(n_files + 5) * sizeof *argv);
    int a = 0;
    argv[a++] = "bench-extract";
    argv[a++] = "--rss-child";
    argv[a++] = many ? "many" : "one";
    argv[a++] = copies_arg;
    for (int i = 0; i < n_files; i++)
        argv[a++] = files[i];
    argv[a] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, fd[0]);
    pid_t pid;
    fflush(stdout);
    int rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    close(fd[1]);
    if (rc != 0) {
        close(fd[0]);
        return m;
    }
    FILE *f = fdopen(fd[0], "r");
    int reset = 0;
    if (f && fscanf(f, "%ld %ld %zu %d", &m.before_kb, &m.peak_kb, &m.records, &reset) == 4)
        m.ok = true;
    if (f)
        fclose(f);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        m.ok = false;
    if (m.ok && !reset && ru.ru_maxrss > m.peak_kb)
        m.peak_kb = ru.ru_maxrss;
    m.reset = reset != 0;
    return m;
}

/* ---------------------------------------------------------------- */
/* Reporting                                                         */
/* ---------------------------------------------------------------- */

typedef struct scale_row {
    size_t copies;
    size_t bytes;
    measure one, many;
    memory mem_one, mem_many;
} scale_row;

typedef struct options {
    double size_mb;
    size_t runs;
    size_t scales[MAX_SCALES];
    size_t n_scales;
    bool json;
    bool full_only;
    int view;          /* --full-only: 1 one document, 2 N documents, 3 both */
    const char *corpus;
    char **files;
    int n_files;
} options;

static double mbps(size_t bytes, double seconds)
{
    return seconds > 0 ? (double)bytes / MB / seconds : INFINITY;
}

/* Memory the parse needs beyond its input: peak RSS − input size. */
static double over_input_mb(const memory *m, size_t bytes)
{
    return ((double)m->peak_kb * 1024 - (double)bytes) / MB;
}

static double budget_mb(size_t bytes)
{
    return 3 * (double)bytes / MB + 16 * 1.048576;   /* 3 × input + 16 MiB */
}

static void print_view_header(const replicated *rp, const report_set *set, const options *o)
{
    printf("bench-extract: libvnreport %s, %s build, %s time\n", vnr_version(), BENCH_BUILDTYPE,
           bench_clock == CLOCK_MONOTONIC ? "wall" : "CPU");
    printf("input: %zu reports from %s, %.3f MB per copy\n", set->n, set->origin,
           (double)set->bytes / MB);
    printf("replicated to %.2f MB (requested %.2f MB): %zu copies of every report, "
           "%zu report copies\n",
           (double)rp->len / MB, o->size_mb, rp->copies, rp->n_docs);
    printf("  one document: the whole replicated input parsed as ONE document "
           "(a single vnr_parse call)\n");
    printf("  N documents:  every report copy parsed as its own document "
           "(%zu vnr_parse calls)\n", rp->n_docs);
    printf("  (a signature block ends where the next report begins, so both views\n"
           "   find the same records)\n\n");
}

static void print_main(const replicated *rp, const scale_row *main_row, const options *o)
{
    const measure *v[2] = { &main_row->one, &main_row->many };
    printf("full extraction (vnr_parse, best of >= %zu runs)   one document   N documents\n",
           o->runs);
    printf("  seconds                                     %14.4f %13.4f\n", v[0]->full, v[1]->full);
    printf("  MB/s                                        %14.1f %13.1f\n",
           mbps(rp->len, v[0]->full), mbps(rp->len, v[1]->full));
    printf("  records                                     %14zu %13zu\n", v[0]->records, v[1]->records);
    printf("  records/s                                   %14.0f %13.0f\n",
           v[0]->records / v[0]->full, v[1]->records / v[1]->full);
    printf("per stage, MB/s of input (share of full time)\n");
    for (int s = 0; s < ST_COUNT; s++) {
        printf("  %-20s", stage_names[s]);
        for (int k = 0; k < 2; k++)
            printf("   %10.1f (%4.1f%%)", mbps(rp->len, v[k]->stage[s]),
                   100 * v[k]->stage[s] / v[k]->full);
        putchar('\n');
    }
    printf("  %-20s", "positions+document");
    for (int k = 0; k < 2; k++) {
        double rest = v[k]->full;
        for (int s = 0; s < ST_LEXER; s++)
            rest -= v[k]->stage[s];
        printf("   %10s (%4.1f%%)", "", 100 * rest / v[k]->full);
    }
    printf("   (full minus the stages)\n\n");
}

static const char *linearity(double ratio, double growth)
{
    return ratio > growth * 1.3 ? "  NON-LINEAR" : "";
}

static void print_memory(const scale_row *rows, size_t n)
{
    printf("peak memory (fresh child process, VmHWM; input = the replicated bytes)\n");
    printf("  copies   input MB | one doc: peak MB  peak-input MB  budget 3x+16MB | "
           "N docs kept: peak MB  peak-input MB\n");
    for (size_t i = 0; i < n; i++) {
        const scale_row *r = &rows[i];
        if (!r->mem_one.ok || !r->mem_many.ok) {
            printf("  %6zu   %8.2f | (child failed)\n", r->copies, (double)r->bytes / MB);
            continue;
        }
        double peak1 = (double)r->mem_one.peak_kb * 1024 / MB;
        printf("  %6zu   %8.2f | %16.1f %14.1f %9.1f %-4s | %20.1f %14.1f\n", r->copies,
               (double)r->bytes / MB, peak1, over_input_mb(&r->mem_one, r->bytes),
               budget_mb(r->bytes), peak1 <= budget_mb(r->bytes) ? "ok" : "OVER",
               (double)r->mem_many.peak_kb * 1024 / MB, over_input_mb(&r->mem_many, r->bytes));
    }
    putchar('\n');
}

static void print_scaling(const scale_row *rows, size_t n)
{
    printf("scaling (ratio to the previous row; linear = the input growth; "
           "NON-LINEAR when 30%% above)\n");
    printf("  copies  growth | one doc: s    time ratio         memory ratio | "
           "N docs: s    time ratio\n");
    for (size_t i = 0; i < n; i++) {
        const scale_row *r = &rows[i];
        printf("  %6zu", r->copies);
        if (i == 0) {
            printf("  %6s | %10.4f  %19s %21s | %9.4f\n", "", r->one.full, "", "", r->many.full);
            continue;
        }
        const scale_row *p = &rows[i - 1];
        double growth = (double)r->bytes / (double)p->bytes;
        double t1 = r->one.full / p->one.full, tn = r->many.full / p->many.full;
        double d_now = (double)(r->mem_one.peak_kb - r->mem_one.before_kb);
        double d_prev = (double)(p->mem_one.peak_kb - p->mem_one.before_kb);
        double mratio = d_prev > 0 ? d_now / d_prev : NAN;
        /* memory: growth of what the parse added (peak − RSS before it) */
        printf("  %5.1fx | %10.4f  %6.2fx%-12s %8.2fx%-12s | %9.4f  %6.2fx%s\n", growth,
               r->one.full, t1, linearity(t1, growth), mratio, linearity(mratio, growth),
               r->many.full, tn, linearity(tn, growth));
    }
    putchar('\n');
}

static void json_measure(const char *key, const measure *m, size_t bytes, bool comma)
{
    printf("    \"%s\": {\"seconds\": %.6f, \"mb_per_s\": %.3f, \"records\": %zu, "
           "\"records_per_s\": %.1f, \"runs\": %zu, \"stages\": {",
           key, m->full, mbps(bytes, m->full), m->records, m->records / m->full, m->runs);
    for (int s = 0; s < ST_COUNT; s++)
        printf("%s\"%s\": {\"seconds\": %.6f, \"mb_per_s\": %.3f}", s ? ", " : "",
               stage_keys[s], m->stage[s], mbps(bytes, m->stage[s]));
    printf("}}%s\n", comma ? "," : "");
}

static void json_memory(const char *key, const memory *m, size_t bytes, bool comma)
{
    printf("\"%s\": {\"ok\": %s, \"before_kb\": %ld, \"peak_kb\": %ld, "
           "\"peak_minus_input_mb\": %.3f, \"records\": %zu}%s",
           key, m->ok ? "true" : "false", m->before_kb, m->peak_kb, over_input_mb(m, bytes),
           m->records, comma ? ", " : "");
}

static void print_json(const replicated *rp, const report_set *set, const scale_row *main_row,
                       const scale_row *rows, size_t n)
{
    printf("{\n  \"library\": \"%s\", \"build\": \"%s\", \"clock\": \"%s\", \"reports\": %zu, "
           "\"bytes_per_copy\": %zu,\n",
           vnr_version(), BENCH_BUILDTYPE, bench_clock == CLOCK_MONOTONIC ? "wall" : "cpu", set->n,
           set->bytes);
    printf("  \"main\": {\"bytes\": %zu, \"copies\": %zu, \"documents\": %zu,\n", rp->len,
           rp->copies, rp->n_docs);
    json_measure("one_document", &main_row->one, rp->len, true);
    json_measure("n_documents", &main_row->many, rp->len, false);
    printf("  },\n  \"scaling\": [\n");
    for (size_t i = 0; i < n; i++) {
        const scale_row *r = &rows[i];
        printf("   {\"copies\": %zu, \"bytes\": %zu,\n", r->copies, r->bytes);
        json_measure("one_document", &r->one, r->bytes, true);
        json_measure("n_documents", &r->many, r->bytes, true);
        printf("    \"memory\": {");
        json_memory("one_document", &r->mem_one, r->bytes, true);
        json_memory("n_documents_kept", &r->mem_many, r->bytes, false);
        printf("}, \"budget_mb\": %.3f}%s\n", budget_mb(r->bytes), i + 1 < n ? "," : "");
    }
    printf("  ]\n}\n");
}

/* ---------------------------------------------------------------- */
/* Self-checks and main                                              */
/* ---------------------------------------------------------------- */

static bool check_measure(const char *what, const measure *m)
{
    if (m->records == m->stage_records)
        return true;
    fprintf(stderr, "bench-extract: %s: vnr_parse found %zu records, the stages %zu\n", what,
            m->records, m->stage_records);
    return false;
}

/* Separate documents: N copies give N times the records of one copy. */
static bool check_linear_records(const scale_row *rows, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        size_t per_copy = rows[0].many.records / rows[0].copies;
        if (rows[i].many.records != per_copy * rows[i].copies) {
            fprintf(stderr, "bench-extract: %zu copies gave %zu records, expected %zu\n",
                    rows[i].copies, rows[i].many.records, per_copy * rows[i].copies);
            return false;
        }
    }
    return true;
}

/* ---------------------------------------------------------------- */
/* End to end: files on disk → JSON Lines in a file, beside wc -w      */
/* ---------------------------------------------------------------- */

/* What a user runs: every report copy a file of its own (in a temporary
 * directory under /tmp), read, parsed and written as JSON Lines to a file
 * through the CLI's writer, one file after the other on one thread; and
 * `wc -w` over the same files, alternating, in the same run. Both as CPU
 * time (this process's for the extraction, the child's from wait4 for
 * wc), so the ratio holds on a busy machine. */
typedef struct end_to_end {
    bool ok;
    size_t files;
    double extract, wc;     /* CPU seconds, median of the runs */
    size_t records;
    double out_mb;
} end_to_end;

static char **write_copies(const replicated *rp, char *dir)
{
    if (!mkdtemp(dir))
        die("cannot make a temporary directory");
    char **paths = xmalloc(rp->n_docs * sizeof *paths);
    for (size_t i = 0; i < rp->n_docs; i++) {
        paths[i] = xmalloc(strlen(dir) + 32);
        sprintf(paths[i], "%s/r%05zu.txt", dir, i);
        FILE *f = fopen(paths[i], "wb");
        if (!f || fwrite(rp->docs[i].data, 1, rp->docs[i].len, f) != rp->docs[i].len ||
            fclose(f) != 0)
            die("cannot write a report copy");
    }
    return paths;
}

static double wc_cpu(char **paths, size_t n)
{
    char **argv = xmalloc((n + 3) * sizeof *argv);
    argv[0] = "wc";
    argv[1] = "-w";
    memcpy(argv + 2, paths, n * sizeof *argv);
    argv[n + 2] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    double cpu = -1;
    int status;
    struct rusage ru;
    if (posix_spawnp(&pid, "wc", &fa, NULL, argv, environ) == 0 &&
        wait4(pid, &status, 0, &ru) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
              (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    return cpu;
}

static double extract_cpu(char **paths, size_t n, const char *out_path, size_t *records)
{
    static out_buf out;
    output_options opt = { .format = FORMAT_JSONL };
    FILE *f = fopen(out_path, "wb");
    if (!f)
        die("cannot write the JSON Lines output");
    out_init(&out, f);
    *records = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    for (size_t i = 0; i < n; i++) {
        vnr_document *doc = NULL;
        if (vnr_parse_file(NULL, paths[i], &doc, NULL) != VNR_OK)
            die("a report copy does not parse");
        write_document(&out, &opt, doc);
        *records += vnr_document_record_count(doc);
        vnr_document_unref(doc);
    }
    bool written = out_flush(&out) && fflush(f) == 0;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    if (fclose(f) != 0 || !written)
        die("cannot write the JSON Lines output");
    return (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static end_to_end measure_end_to_end(const replicated *rp, size_t runs)
{
    end_to_end e = { .files = rp->n_docs };
    char dir[] = "/tmp/bench-extract-XXXXXX";
    char **paths = write_copies(rp, dir);
    char out_path[sizeof dir + 16];
    snprintf(out_path, sizeof out_path, "%s/out.jsonl", dir);
    double *ex = xmalloc(runs * sizeof *ex), *wc = xmalloc(runs * sizeof *wc);
    e.ok = true;
    for (size_t r = 0; r < runs; r++) {
        wc[r] = wc_cpu(paths, rp->n_docs);
        ex[r] = extract_cpu(paths, rp->n_docs, out_path, &e.records);
        e.ok &= wc[r] >= 0;
    }
    qsort(ex, runs, sizeof *ex, compare_doubles);
    qsort(wc, runs, sizeof *wc, compare_doubles);
    e.extract = ex[runs / 2];
    e.wc = wc[runs / 2];
    struct stat st;
    e.out_mb = stat(out_path, &st) == 0 ? (double)st.st_size / MB : 0;
    remove(out_path);
    for (size_t i = 0; i < rp->n_docs; i++) {
        remove(paths[i]);
        free(paths[i]);
    }
    rmdir(dir);
    free(paths);
    free(ex);
    free(wc);
    return e;
}

static void print_end_to_end(const end_to_end *e, size_t bytes, size_t runs)
{
    printf("end to end, N documents: %zu files on disk -> JSON Lines file (%.1f MB), one thread\n",
           e->files, e->out_mb);
    printf("  CPU seconds, median of %zu alternating runs: extract %.3f (%.1f MB/s, %zu records),"
           " wc -w %.3f (%.1f MB/s)\n", runs, e->extract, mbps(bytes, e->extract), e->records,
           e->wc, mbps(bytes, e->wc));
    printf("  extract / wc -w: %.2f%s\n\n", e->extract / e->wc,
           e->extract <= e->wc ? "" : "  (slower than wc -w)");
}

static void usage(void)
{
    fputs("usage: bench-extract [--size MB] [--runs K] [--scales 1,10,100] [--json]\n"
          "                     [--full-only [--view one|many]] [--wall] [--corpus DIR]\n"
          "                     [FILE...]\n",
          stderr);
    exit(2);
}

static void parse_scales(options *o, const char *s)
{
    o->n_scales = 0;
    while (*s && o->n_scales < MAX_SCALES) {
        char *end;
        unsigned long v = strtoul(s, &end, 10);
        if (end == s || v == 0)
            usage();
        o->scales[o->n_scales++] = v;
        s = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            usage();
    }
}

static options parse_options(int argc, char **argv)
{
    options o = { .size_mb = 50, .runs = 5, .scales = { 1, 10, 100 }, .n_scales = 3, .view = 3 };
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--size") == 0 && has_value)
            o.size_mb = atof(argv[++i]);
        else if (strcmp(a, "--runs") == 0 && has_value)
            o.runs = (size_t)atol(argv[++i]);
        else if (strcmp(a, "--scales") == 0 && has_value)
            parse_scales(&o, argv[++i]);
        else if (strcmp(a, "--corpus") == 0 && has_value)
            o.corpus = argv[++i];
        else if (strcmp(a, "--json") == 0)
            o.json = true;
        else if (strcmp(a, "--wall") == 0)
            bench_clock = CLOCK_MONOTONIC;
        else if (strcmp(a, "--full-only") == 0)
            o.full_only = true;
        else if (strcmp(a, "--view") == 0 && has_value) {
            const char *v = argv[++i];
            o.view = strcmp(v, "one") == 0 ? 1 : strcmp(v, "many") == 0 ? 2 : 0;
            if (!o.view)
                usage();
        }
        else
            usage();
    }
    if (!(o.size_mb > 0) || o.runs == 0)
        usage();
    o.files = argv + i;
    o.n_files = argc - i;
    return o;
}

static report_set load_reports(const options *o)
{
    report_set set = { 0 };
    if (o->n_files) {
        for (int i = 0; i < o->n_files; i++)
            add_report(&set, o->files[i]);
        set.origin = "the command line";
    } else if (o->corpus) {
        add_directory(&set, o->corpus);
    } else if (!add_directory(&set, BENCH_CORPUS_DIR)) {
        add_directory(&set, BENCH_EXAMPLES_DIR);
    }
    if (!set.n)
        die("no input reports (give FILEs or --corpus DIR)");
    return set;
}

/* Paths of the reports, for the memory children to read them again. */
static char **report_paths(const report_set *set)
{
    char **paths = xmalloc(set->n * sizeof *paths);
    for (size_t i = 0; i < set->n; i++)
        paths[i] = set->r[i].path;
    return paths;
}

static scale_row measure_scale(const report_set *set, size_t copies, const options *o)
{
    scale_row row = { .copies = copies };
    replicated rp = replicate(set, copies);
    row.bytes = rp.len;
    doc_slice whole = { rp.buf, rp.len, "replicated" };
    row.one = measure_view(&whole, 1, o->runs, 0.5, false);
    row.many = measure_view(rp.docs, rp.n_docs, o->runs, 0.5, false);
    free_replicated(&rp);
    char **paths = report_paths(set);
    row.mem_one = measure_memory(false, copies, paths, (int)set->n);
    row.mem_many = measure_memory(true, copies, paths, (int)set->n);
    free(paths);
    return row;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "--rss-child") == 0) {
        report_set set = { 0 };
        for (int i = 4; i < argc; i++)
            add_report(&set, argv[i]);
        return rss_child(strcmp(argv[2], "many") == 0, (size_t)atol(argv[3]), &set);
    }
    options o = parse_options(argc, argv);
    report_set set = load_reports(&o);

    size_t copies = (size_t)ceil(o.size_mb * MB / (double)set.bytes);
    replicated rp = replicate(&set, copies ? copies : 1);
    scale_row main_row = { .copies = rp.copies, .bytes = rp.len };
    doc_slice whole = { rp.buf, rp.len, "replicated" };
    if (o.view & 1)
        main_row.one = measure_view(&whole, 1, o.runs, 0, o.full_only);
    if (o.view & 2)
        main_row.many = measure_view(rp.docs, rp.n_docs, o.runs, 0, o.full_only);
    if (o.full_only) {
        /* for profilers: vnr_parse only, no stages, scaling or children */
        printf("full extraction of %.2f MB: one document %.1f MB/s (%zu records), "
               "N documents %.1f MB/s (%zu records)\n", (double)rp.len / MB,
               mbps(rp.len, main_row.one.full), main_row.one.records,
               mbps(rp.len, main_row.many.full), main_row.many.records);
        free_replicated(&rp);
        free_reports(&set);
        return 0;
    }

    end_to_end e2e = measure_end_to_end(&rp, o.runs);
    scale_row rows[MAX_SCALES];
    for (size_t i = 0; i < o.n_scales; i++)
        rows[i] = measure_scale(&set, o.scales[i], &o);

    if (!e2e.ok || e2e.records != main_row.many.records) {
        fprintf(stderr, "bench-extract: end to end, wc -w failed or other records were found\n");
        return 1;
    }
    bool ok = check_measure("one document", &main_row.one) &&
              check_measure("N documents", &main_row.many) &&
              check_linear_records(rows, o.n_scales);
    for (size_t i = 0; ok && i < o.n_scales; i++) {
        ok = check_measure("one document", &rows[i].one) && check_measure("N documents", &rows[i].many);
        if (!rows[i].mem_one.ok || !rows[i].mem_many.ok) {
            fprintf(stderr, "bench-extract: the memory child for %zu copies failed\n", rows[i].copies);
            ok = false;
        } else if (rows[i].mem_one.records != rows[i].one.records ||
                   rows[i].mem_many.records != rows[i].many.records) {
            fprintf(stderr, "bench-extract: the memory child for %zu copies found other records\n",
                    rows[i].copies);
            ok = false;
        }
    }
    if (o.json) {
        print_json(&rp, &set, &main_row, rows, o.n_scales);
    } else {
        print_view_header(&rp, &set, &o);
        print_end_to_end(&e2e, rp.len, o.runs);
        print_main(&rp, &main_row, &o);
        print_memory(rows, o.n_scales);
        print_scaling(rows, o.n_scales);
    }
    free_replicated(&rp);
    free_reports(&set);
    return ok ? 0 : 1;
}
