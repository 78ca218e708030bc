/*
 * bench-units.c — conversions per second, libvnreport side by side with
 * UDUNITS-2 in the same run (when built with it, meson option
 * `udunits_bench`).
 *
 *   (a) string → string: libvnreport vnr_convert(); UDUNITS-2 ut_parse() of
 *       both units + ut_get_converter() + cv_convert_double() (+ frees),
 *       every time.
 *   (b) pre-resolved: vnr_converter_apply() vs cv_convert_double() on
 *       converters made once; also the array forms.
 *
 * Both libraries do the same conversions, each written in its own
 * vocabulary (`tạ/ha` for libvnreport is `100 kg/ha` for UDUNITS-2); the
 * program checks that their results agree before timing anything.
 *
 * Each measurement runs REPEATS times, the two libraries taking turns, and
 * the best run of each is reported, so a busy machine disturbs both alike.
 *
 * usage: bench-units [SCALE]   (SCALE multiplies the iteration counts;
 *                               0.001 makes a quick smoke run)
 * Not a timed test: numbers depend on the machine.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <vnreport/vnreport.h>

#ifdef HAVE_UDUNITS
#include <udunits2.h>
#endif

typedef struct workload {
    const char *vnr_from, *vnr_to;
    const char *ud_from, *ud_to;
} workload;

/* Conversions from Vietnamese reports, with what UDUNITS-2 calls them. */
static const workload work[] = {
    { "ha", "km2", "ha", "km2" },
    { "tạ/ha", "tấn/ha", "100 kg/ha", "1000 kg/ha" },
    { "tấn", "kg", "t", "kg" },
    { "triệu kWh", "GWh", "1e6 kW.h", "GW.h" },
    { "MW", "kW", "MW", "kW" },
    { "m3", "lít", "m3", "L" },
    { "km", "m", "km", "m" },
    { "ngày", "giờ", "day", "h" },
    { "kg/m2", "tạ/ha", "kg/m2", "100 kg/ha" },
    { "°C", "K", "°C", "K" },
};
#define WORK_N (sizeof work / sizeof *work)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile double sink;  /* keeps results observable */

typedef struct result {
    double per_second;
    double seconds;
} result;

static result rate(size_t conversions, double t0)
{
    double dt = now() - t0;
    return (result){ dt > 0 ? (double)conversions / dt : INFINITY, dt };
}

static result vnr_strings(size_t rounds)
{
    double t0 = now(), acc = 0;
    for (size_t r = 0; r < rounds; r++)
        for (size_t k = 0; k < WORK_N; k++) {
            double out;
            if (vnr_convert((double)r, work[k].vnr_from, work[k].vnr_to, &out) != VNR_OK)
                abort();
            acc += out;
        }
    sink = acc;
    return rate(rounds * WORK_N, t0);
}

static result vnr_resolved(vnr_converter **conv, size_t rounds)
{
    double t0 = now(), acc = 0;
    for (size_t r = 0; r < rounds; r++)
        for (size_t k = 0; k < WORK_N; k++)
            acc += vnr_converter_apply(conv[k], (double)r);
    sink = acc;
    return rate(rounds * WORK_N, t0);
}

static result vnr_arrays(vnr_converter **conv, double *in, double *out, size_t len, size_t rounds)
{
    double t0 = now(), acc = 0;
    for (size_t r = 0; r < rounds; r++)
        for (size_t k = 0; k < WORK_N; k++) {
            vnr_converter_apply_array(conv[k], in, out, len);
            acc += out[r % len];
        }
    sink = acc;
    return rate(rounds * WORK_N * len, t0);
}

#ifdef HAVE_UDUNITS
static cv_converter *ud_converter(ut_system *sys, const char *from, const char *to)
{
    ut_unit *a = ut_parse(sys, from, UT_UTF8), *b = ut_parse(sys, to, UT_UTF8);
    cv_converter *c = a && b ? ut_get_converter(a, b) : NULL;
    ut_free(a);
    ut_free(b);
    return c;
}

static result ud_strings(ut_system *sys, size_t rounds)
{
    double t0 = now(), acc = 0;
    for (size_t r = 0; r < rounds; r++)
        for (size_t k = 0; k < WORK_N; k++) {
            cv_converter *c = ud_converter(sys, work[k].ud_from, work[k].ud_to);
            if (!c)
                abort();
            acc += cv_convert_double(c, (double)r);
            cv_free(c);
        }
    sink = acc;
    return rate(rounds * WORK_N, t0);
}

static result ud_resolved(cv_converter **conv, size_t rounds)
{
    double t0 = now(), acc = 0;
    for (size_t r = 0; r < rounds; r++)
        for (size_t k = 0; k < WORK_N; k++)
            acc += cv_convert_double(conv[k], (double)r);
    sink = acc;
    return rate(rounds * WORK_N, t0);
}

static result ud_arrays(cv_converter **conv, double *in, double *out, size_t len, size_t rounds)
{
    double t0 = now(), acc = 0;
    for (size_t r = 0; r < rounds; r++)
        for (size_t k = 0; k < WORK_N; k++) {
            cv_convert_doubles(conv[k], in, len, out);
            acc += out[r % len];
        }
    sink = acc;
    return rate(rounds * WORK_N * len, t0);
}
#endif

#define REPEATS 9

static result best(result a, result b)
{
    return a.per_second >= b.per_second ? a : b;
}

static void print_row(const char *what, result lib, const result *peer)
{
    printf("%-34s %14.0f/s", what, lib.per_second);
    if (peer)
        printf("  %14.0f/s  ×%.2f", peer->per_second, lib.per_second / peer->per_second);
    putchar('\n');
}

static size_t scaled(double scale, double n)
{
    double v = n * scale;
    return v < 1 ? 1 : (size_t)v;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    if (!(scale > 0)) {
        fputs("usage: bench-units [SCALE]\n", stderr);
        return 2;
    }
    size_t string_rounds = scaled(scale, 20000), value_rounds = scaled(scale, 2000000);
    size_t array_rounds = scaled(scale, 4000), array_len = 1000;

    vnr_converter *conv[WORK_N];
    for (size_t k = 0; k < WORK_N; k++)
        if (vnr_converter_new(work[k].vnr_from, work[k].vnr_to, &conv[k]) != VNR_OK) {
            fprintf(stderr, "libvnreport cannot convert %s -> %s\n", work[k].vnr_from, work[k].vnr_to);
            return 1;
        }
    double *in = malloc(array_len * sizeof *in), *out = malloc(array_len * sizeof *out);
    if (!in || !out)
        return 1;
    for (size_t i = 0; i < array_len; i++)
        in[i] = (double)i * 0.5;

    result a_lib = { 0, 0 }, b_lib = { 0, 0 }, c_lib = { 0, 0 };
    const result *a_peer = NULL, *b_peer = NULL, *c_peer = NULL;

#ifdef HAVE_UDUNITS
    ut_set_error_message_handler(ut_ignore);
    ut_system *sys = ut_read_xml(NULL);
    if (!sys) {
        fputs("UDUNITS-2 could not read its unit database\n", stderr);
        return 1;
    }
    cv_converter *ud[WORK_N];
    for (size_t k = 0; k < WORK_N; k++) {
        ud[k] = ud_converter(sys, work[k].ud_from, work[k].ud_to);
        double x = 30.37, mine = vnr_converter_apply(conv[k], x);
        double theirs = ud[k] ? cv_convert_double(ud[k], x) : NAN;
        if (!(fabs(mine - theirs) <= 1e-9 * fabs(mine))) {
            fprintf(stderr, "results differ for %s -> %s: %.17g vs UDUNITS-2 %.17g\n",
                    work[k].vnr_from, work[k].vnr_to, mine, theirs);
            return 1;
        }
    }
    result a_ud = { 0, 0 }, b_ud = { 0, 0 }, c_ud = { 0, 0 };
#endif
    for (int rep = 0; rep < REPEATS; rep++) {
        a_lib = best(a_lib, vnr_strings(string_rounds));
        b_lib = best(b_lib, vnr_resolved(conv, value_rounds));
        c_lib = best(c_lib, vnr_arrays(conv, in, out, array_len, array_rounds));
#ifdef HAVE_UDUNITS
        a_ud = best(a_ud, ud_strings(sys, string_rounds));
        b_ud = best(b_ud, ud_resolved(ud, value_rounds));
        c_ud = best(c_ud, ud_arrays(ud, in, out, array_len, array_rounds));
        a_peer = &a_ud, b_peer = &b_ud, c_peer = &c_ud;
#endif
    }

    printf("%zu conversions (%s), libvnreport %s\n", WORK_N,
           "ha→km2, tạ/ha→tấn/ha, tấn→kg, triệu kWh→GWh, MW→kW, m3→lít, km→m, ngày→giờ, "
           "kg/m2→tạ/ha, °C→K", vnr_version());
    printf("%-34s %16s", "", "libvnreport");
    if (a_peer)
        printf("  %16s  %s", "UDUNITS-2", "ratio");
    putchar('\n');
    print_row("(a) string -> string", a_lib, a_peer);
    print_row("(b) pre-resolved, one value", b_lib, b_peer);
    print_row("(b) pre-resolved, arrays of 1000", c_lib, c_peer);
    if (!a_peer)
        puts("(built without UDUNITS-2: meson option udunits_bench)");

#ifdef HAVE_UDUNITS
    for (size_t k = 0; k < WORK_N; k++)
        cv_free(ud[k]);
    ut_free_system(sys);
#endif
    for (size_t k = 0; k < WORK_N; k++)
        vnr_converter_free(conv[k]);
    free(in);
    free(out);
    return 0;
}
