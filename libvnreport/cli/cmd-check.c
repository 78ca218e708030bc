/*
 * cmd-check.c — `vnreport check FILE…`: statements whose numbers disagree.
 *
 * Works on finished records only (public API). Each check compares numbers
 * of one statement and allows for the rounding of every number as written
 * (half a unit of its last written decimal, propagated; a whole unit for an
 * attainment, which reports often truncate), plus 0.1 % of the expected
 * value:
 *   restated_change   a level L, its change p% and the restated absolute
 *                     change a: p must be a / (L − a) × 100
 *   attainment        a level L with a target T (or `L/T`) and `đạt X%`:
 *                     X must be L / T × 100
 *   shares_over_100   shares of one whole (same key family) sum past 100 %
 *   part_over_total   a `trong đó` part larger than the total before it
 * Exit status: 0 no finding, 1 findings or unreadable input, 2 usage error.
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

/* Half a unit of the last decimal `v` is written with (at most 6). */
double check_half_unit(double v)
{
    double a = fabs(v);
    for (int d = 0; d <= 6; d++) {
        double scaled = a * pow(10, d);
        if (fabs(scaled - round(scaled)) < 1e-6 * (scaled > 1 ? scaled : 1))
            return 0.5 * pow(10, -d);
    }
    return 0.5e-6;
}

static double canon_half_unit(const vnr_record *r)
{
    double v = vnr_record_value(r), c = vnr_record_canonical_value(r);
    double factor = v != 0 && !isnan(c) ? c / v : 1;
    return check_half_unit(v) * fabs(factor);
}

static bool is_percent(const vnr_record *r)
{
    return strcmp(vnr_record_unit(r), "%") == 0;
}

static bool same_unit(const vnr_record *a, const vnr_record *b)
{
    const char *x = vnr_record_canonical_unit(a), *y = vnr_record_canonical_unit(b);
    return x && y && strcmp(x, y) == 0 && !isnan(vnr_record_canonical_value(a)) &&
           !isnan(vnr_record_canonical_value(b));
}

static bool emit(check_sink *sink, const char *kind, const vnr_record *a, const vnr_record *b,
                 double found, double expected, double tolerance, const char *what)
{
    if (fabs(found - expected) <= tolerance)
        return false;
    check_finding f = { kind, a, b, found, expected, tolerance, what };
    sink->emit(sink, &f);
    return true;
}

/* Level L, change p%, restated absolute change a (same unit as L). */
static void check_restated(const vnr_document *doc, size_t i, size_t end, check_sink *sink)
{
    const vnr_record *p = vnr_document_record(doc, i);
    if (vnr_record_role(p) != VNR_ROLE_CHANGE || !is_percent(p) || i + 1 >= end || i == 0)
        return;
    const vnr_record *a = vnr_document_record(doc, i + 1);
    const vnr_record *l = vnr_document_record(doc, i - 1);
    if (vnr_record_role(a) != VNR_ROLE_CHANGE || vnr_record_role(l) != VNR_ROLE_LEVEL ||
        !same_unit(l, a) || is_percent(l))
        return;
    double L = vnr_record_canonical_value(l), A = vnr_record_canonical_value(a);
    double prev = L - A;
    if (prev <= 0)
        return;
    double uL = canon_half_unit(l), uA = canon_half_unit(a), P = vnr_record_value(p);
    double expected = A / prev * 100;
    double tol = check_half_unit(P) + 100 * (uA / prev + fabs(A) * (uA + uL) / (prev * prev)) +
                 0.001 * fabs(expected);
    emit(sink, "restated_change", l, p, P, expected, tol,
         "the % change disagrees with the level and the restated absolute change");
}

/* đạt X% with a level and its target (`L/T`, or L then T) before it. */
static void check_attainment(const vnr_document *doc, size_t first, size_t i, check_sink *sink)
{
    const vnr_record *x = vnr_document_record(doc, i);
    if (vnr_record_role(x) != VNR_ROLE_ATTAINMENT || !is_percent(x) || i == first)
        return;
    const vnr_record *t = vnr_document_record(doc, i - 1), *l = t;
    double T, L;
    double uT, uL;
    if (vnr_record_role(t) == VNR_ROLE_TARGET && i - 1 > first) {
        l = vnr_document_record(doc, i - 2);
        if (vnr_record_role(l) != VNR_ROLE_LEVEL || !same_unit(l, t))
            return;
        T = vnr_record_canonical_value(t), L = vnr_record_canonical_value(l);
        uT = canon_half_unit(t), uL = canon_half_unit(l);
    } else if (vnr_record_role(t) == VNR_ROLE_LEVEL && !isnan(vnr_record_total(t))) {
        T = vnr_record_total(t), L = vnr_record_value(t);
        uT = check_half_unit(T), uL = check_half_unit(L);
    } else {
        return;
    }
    if (T <= 0)
        return;
    double X = vnr_record_value(x), expected = L / T * 100;
    /* reports truncate as often as they round: `đạt 94%` for 94,6 % */
    double tol = 2 * check_half_unit(X) + 100 * (uL / T + fabs(L) * uT / (T * T)) +
                 0.001 * fabs(expected);
    emit(sink, "attainment", l, x, X, expected, tol,
         "the attainment disagrees with the level and its target");
}

static bool mentions_parts(const char *text);

/* A share of a part of a share (`riêng công nghiệp chiếm 7,5%`). */
static bool sub_share(const vnr_record *r)
{
    const char *t = vnr_record_text(r);
    return t && (strstr(t, "riêng") || strstr(t, "Riêng") || mentions_parts(t));
}

/* Same whole: keys equal up to their second component (`budget.revenue`
 * holds budget.revenue.domestic and budget.revenue.trade). */
static bool same_family(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    size_t la = strcspn(a, "."), lb = strcspn(b, ".");
    if (a[la])
        la += 1 + strcspn(a + la + 1, ".");
    if (b[lb])
        lb += 1 + strcspn(b + lb + 1, ".");
    return la == lb && strncmp(a, b, la) == 0;
}

/* Shares of one whole (same key family) in one statement. */
static void check_shares(const vnr_document *doc, size_t first, size_t end, check_sink *sink)
{
    for (size_t i = first; i < end; i++) {
        const vnr_record *a = vnr_document_record(doc, i);
        const char *key = vnr_record_indicator_key(a);
        if (vnr_record_role(a) != VNR_ROLE_SHARE || !is_percent(a) || !key || sub_share(a))
            continue;
        bool seen = false;
        for (size_t k = first; k < i && !seen; k++) {
            const vnr_record *b = vnr_document_record(doc, k);
            seen = vnr_record_role(b) == VNR_ROLE_SHARE &&
                   same_family(vnr_record_indicator_key(b), key) && is_percent(b);
        }
        if (seen)
            continue;   /* group already summed from its first share */
        /* a statement may give two complete sets (this year's structure
         * and "cơ cấu tương ứng" of last year's): a set that reaches 100 %
         * starts a new one */
        double sum = 0, tol = 0;
        size_t n = 0;
        const vnr_record *set_first = a;
        for (size_t k = i; k < end; k++) {
            const vnr_record *b = vnr_document_record(doc, k);
            if (vnr_record_role(b) != VNR_ROLE_SHARE || !is_percent(b) || sub_share(b) ||
                !same_family(vnr_record_indicator_key(b), key))
                continue;
            if (!n)
                set_first = b;
            sum += vnr_record_value(b);
            tol += check_half_unit(vnr_record_value(b));
            n++;
            if (n >= 2 && sum > 100 + tol) {
                emit(sink, "shares_over_100", set_first, b, sum, 100, tol,
                     "shares of one whole sum past 100 %");
                break;
            }
            if (fabs(sum - 100) <= tol)
                sum = tol = 0, n = 0;
        }
    }
}

static bool mentions_parts(const char *text)
{
    return text && (strstr(text, "trong đó") || strstr(text, "Trong đó"));
}

/* Same clause? Compared over a bounded prefix: one "clause" of megabytes
 * (a line of numbers) must not make each comparison cost its length. */
#define CHECK_TEXT_MAX 4096
#define CHECK_CLAUSE_RECORDS 64   /* records of one clause looked at */

static bool same_text(const vnr_record *a, const vnr_record *b)
{
    const char *x = vnr_record_text(a), *y = vnr_record_text(b);
    return x && y && (x == y || strncmp(x, y, CHECK_TEXT_MAX) == 0);
}

/* Does the clause open with `trong đó` (its numbers are all parts)? */
static bool opens_with_parts(const char *text)
{
    while (*text == ' ' || *text == '(' || *text == '-' || *text == '+')
        text++;
    return strncmp(text, "trong đó", strlen("trong đó")) == 0 ||
           strncmp(text, "Trong đó", strlen("Trong đó")) == 0;
}

/* Index of the first level record of the clause of record k (its head). */
static size_t clause_head(const vnr_document *doc, size_t k)
{
    const vnr_record *r = vnr_document_record(doc, k);
    size_t head = vnr_record_role(r) == VNR_ROLE_LEVEL ? k : SIZE_MAX;
    for (size_t j = k; j-- > 0 && k - j <= CHECK_CLAUSE_RECORDS;) {
        const vnr_record *q = vnr_document_record(doc, j);
        if (!same_text(q, r))
            break;
        if (vnr_record_role(q) == VNR_ROLE_LEVEL)
            head = j;
    }
    return head;
}

/* A `trong đó` part larger than its total. The total of a part is the head
 * of its clause (`Tổng … đạt 2.440 tấn, trong đó …`), in the same unit;
 * a clause that opens with `trong đó` holds parts of the nearest level of
 * the unit before it that is a clause head or has the part's own period
 * and key family (and no other period), at most three statements back (a restated change
 * in brackets is a statement of its own). A
 * clause listing several parts is checked only when it opens with
 * `trong đó` (lists of parts may hold sub-totals). */
static void check_parts(const vnr_document *doc, size_t i, check_sink *sink)
{
    const vnr_record *part = vnr_document_record(doc, i);
    const char *text = vnr_record_text(part);
    if (vnr_record_role(part) != VNR_ROLE_LEVEL || is_percent(part) || !mentions_parts(text))
        return;
    size_t head = clause_head(doc, i), in_clause = 0;
    const vnr_record *total = NULL;
    if (head == SIZE_MAX)
        return;
    size_t n = vnr_document_record_count(doc);
    for (size_t k = head; k < n && k - head <= CHECK_CLAUSE_RECORDS; k++) {
        const vnr_record *r = vnr_document_record(doc, k);
        if (!same_text(r, part))
            break;
        in_clause += vnr_record_role(r) == VNR_ROLE_LEVEL && same_unit(r, part);
    }
    if (!opens_with_parts(text)) {
        if (head == i || in_clause > 2)
            return;
        total = vnr_document_record(doc, head);
    } else {
        for (size_t k = head; k-- > 0 && !total && head - k <= CHECK_CLAUSE_RECORDS;) {
            const vnr_record *r = vnr_document_record(doc, k);
            if (vnr_record_statement(r) + 3 < vnr_record_statement(part))
                break;
            if (vnr_record_role(r) != VNR_ROLE_LEVEL || !same_unit(r, part))
                continue;
            /* a restated change in brackets is no total: a clause head, or
             * a level of the part's own period */
            const char *pp = vnr_record_period(part), *rp = vnr_record_period(r);
            bool same_period = pp && rp && strcmp(pp, rp) == 0 &&
                               same_family(vnr_record_indicator_key(r),
                                           vnr_record_indicator_key(part));
            if ((pp && rp && !same_period) || (!same_period && clause_head(doc, k) != k))
                continue;
            total = r;
        }
    }
    if (!total || !same_unit(total, part))
        return;
    double T = vnr_record_canonical_value(total), P = vnr_record_canonical_value(part);
    if (P > T)
        emit(sink, "part_over_total", total, part, P, T,
             canon_half_unit(total) + canon_half_unit(part),
             "a `trong đó` part is larger than its total");
}

size_t check_document(const vnr_document *doc, check_sink *sink)
{
    size_t n = vnr_document_record_count(doc), before = sink->count;
    for (size_t first = 0; first < n;) {
        size_t stmt = vnr_record_statement(vnr_document_record(doc, first)), end = first;
        while (end < n && vnr_record_statement(vnr_document_record(doc, end)) == stmt)
            end++;
        for (size_t i = first; i < end; i++) {
            check_restated(doc, i, end, sink);
            check_attainment(doc, first, i, sink);
            check_parts(doc, i, sink);
        }
        check_shares(doc, first, end, sink);
        first = end;
    }
    return sink->count - before;
}

/* ---- the command ---- */

static void emit_jsonl(check_sink *sink, const check_finding *f)
{
    FILE *out = sink->data;
    sink->count++;
    fputs("{\"type\":\"finding\",\"check\":", out);
    write_json_string(out, f->kind);
    fputs(",\"doc\":", out);
    write_json_string(out, vnr_record_doc(f->a));
    fprintf(out, ",\"line_a\":%zu,\"line_b\":%zu,\"value_a\":", vnr_record_line(f->a),
            vnr_record_line(f->b));
    write_json_number(out, vnr_record_value(f->a));
    fputs(",\"unit_a\":", out);
    write_json_string(out, vnr_record_unit(f->a));
    fputs(",\"value_b\":", out);
    write_json_number(out, vnr_record_value(f->b));
    fputs(",\"unit_b\":", out);
    write_json_string(out, vnr_record_unit(f->b));
    fputs(",\"found\":", out);
    write_json_number(out, f->found);
    fputs(",\"expected\":", out);
    write_json_number(out, f->expected);
    fputs(",\"tolerance\":", out);
    write_json_number(out, f->tolerance);
    fputs(",\"message\":", out);
    write_json_string(out, f->message);
    fputs(",\"text_a\":", out);
    write_json_string(out, vnr_record_text(f->a));
    fputs(",\"text_b\":", out);
    write_json_string(out, vnr_record_text(f->b));
    fputs("}\n", out);
}

static void emit_text(check_sink *sink, const check_finding *f)
{
    FILE *out = sink->data;
    sink->count++;
    fprintf(out, "%s:%zu:%zu: %s: %s: found %.6g, expected %.6g ± %.3g (%.6g %s / %.6g %s)\n",
            vnr_record_doc(f->a), vnr_record_line(f->a), vnr_record_line(f->b), f->kind,
            f->message, f->found, f->expected, f->tolerance, vnr_record_value(f->a),
            vnr_record_unit(f->a), vnr_record_value(f->b), vnr_record_unit(f->b));
}

int cmd_check(int argc, char **argv)
{
    bool jsonl = false;
    int i = 1;   /* argv[0] is the command's name */
    for (int k = 1; k < argc; k++)
        if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
            printf("usage: vnreport check [--format text|jsonl] FILE...\n\nStatements whose numbers disagree with each other (a level, its change and\nthe restated change; attainments; shares past 100 %%; parts larger than\ntheir total), each with both lines, the numbers, the expected value and\nthe tolerance.\n");
            return 0;
        }
    for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "-") != 0; i++) {
        if (strcmp(argv[i], "--format=jsonl") == 0 ||
            (strcmp(argv[i], "--format") == 0 && i + 1 < argc && strcmp(argv[i + 1], "jsonl") == 0 && ++i))
            jsonl = true;
        else if (strcmp(argv[i], "--format=text") == 0 ||
                 (strcmp(argv[i], "--format") == 0 && i + 1 < argc && strcmp(argv[i + 1], "text") == 0 && ++i))
            jsonl = false;
        else {
            fprintf(stderr, "vnreport: check: unknown option '%s' (try 'vnreport --help')\n", argv[i]);
            return 2;
        }
    }
    if (i >= argc) {
        fputs("vnreport: check: no input file (try 'vnreport --help')\n", stderr);
        return 2;
    }
    check_sink sink = { jsonl ? emit_jsonl : emit_text, 0, stdout };
    int rc = 0;
    for (; i < argc; i++) {
        vnr_document *doc = NULL;
        vnr_error *err = NULL;
        if (vnr_parse_file(NULL, argv[i], &doc, &err) != VNR_OK) {
            fprintf(stderr, "vnreport: %s: %s\n", argv[i], vnr_error_message(err));
            vnr_error_free(err);
            rc = 1;
            continue;
        }
        check_document(doc, &sink);
        vnr_document_unref(doc);
    }
    if (fflush(stdout) != 0) {
        fputs("vnreport: cannot write output\n", stderr);
        return 1;
    }
    return rc ? rc : sink.count ? 1 : 0;
}
