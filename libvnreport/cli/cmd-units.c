/*
 * cmd-units.c — `vnreport convert VALUE FROM TO` and
 * `vnreport units [--dimension D] [--region R]`.
 *
 * Takes: command-line arguments after the subcommand name. Gives: the
 * converted value (shortest decimal that reads back to the same double) or
 * the registry as an aligned table. Uses only the public API.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnreport/vnreport.h>

#include "commands.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* convert                                                             */
/* ------------------------------------------------------------------ */

/*
 * Read a value written the Vietnamese way (`30,37`, `5.420`, `1.234,5`) or
 * the plain way (`3.5`, `-0.25`, `1e6`). ',' is the decimal mark; '.' groups
 * thousands when a ',' follows or when every group after it has exactly
 * three digits (`5.420` = 5420, `1.151.996`); otherwise '.' is a decimal
 * point (`3.5`). `*ambiguous` is set for a lone `d.ddd`, which reports mean
 * as thousands but C would read as a decimal.
 */
static bool parse_value(const char *s, double *out, bool *ambiguous)
{
    char buf[128];
    size_t n = strlen(s), o = 0, dots = 0, commas = 0;
    if (n == 0 || n >= sizeof buf)
        return false;
    for (size_t i = 0; i < n; i++) {
        dots += s[i] == '.';
        commas += s[i] == ',';
    }
    bool grouped = commas == 1 || (commas == 0 && dots > 0);
    for (size_t i = 0; grouped && commas == 0 && i < n; i++)
        if (s[i] == '.') {  /* every group after a '.' must be 3 digits */
            size_t j = i + 1;
            while (j < n && utf8_is_digit(s[j]))
                j++;
            grouped = j - i - 1 == 3 && (j == n || s[j] == '.');
        }
    if (commas > 1)
        return false;
    *ambiguous = commas == 0 && dots == 1 && grouped;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.' && grouped)
            continue;
        buf[o++] = c == ',' ? '.' : c;
    }
    buf[o] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (end == buf || *end != '\0' || errno == ERANGE || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* The shortest of %.15g, %.16g, %.17g that reads back as v. */
static void print_shortest(double v)
{
    char buf[64];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    puts(buf);
}

static const char convert_help[] =
    "usage: vnreport convert VALUE FROM TO\n"
    "\n"
    "Convert VALUE from unit FROM to unit TO and print the result:\n"
    "  vnreport convert 30,37 'tạ/ha' 'tấn/ha'   prints 3.037\n"
    "VALUE is written the Vietnamese way ('1.234,5') or with a decimal point.\n"
    "\n"
    "options:\n"
    "  -h, --help            show this help\n";

int cmd_convert(int argc, char **argv)
{
    /* Not getopt: a VALUE such as '-5' would read as an option. */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return print_help(convert_help);
    argc--;
    argv++;
    if (argc != 3) {
        fputs("vnreport: usage: vnreport convert VALUE FROM TO (try 'vnreport convert --help')\n",
              stderr);
        return 2;
    }
    double value, out;
    bool ambiguous = false;
    if (!parse_value(argv[0], &value, &ambiguous)) {
        fprintf(stderr, "vnreport: convert: '%s' is not a number\n", argv[0]);
        return 2;
    }
    if (ambiguous)
        fprintf(stderr, "vnreport: note: reading '%s' as %.17g ('.' groups thousands); "
                        "write a decimal with ','\n", argv[0], value);
    vnr_error *err = NULL;
    vnr_status st = vnr_convert_ex(NULL, value, argv[1], argv[2], &out, &err);
    if (st != VNR_OK) {
        fprintf(stderr, "vnreport: convert: %s\n",
                err ? vnr_error_message(err) : vnr_status_str(st));
        vnr_error_free(err);
        return 1;
    }
    print_shortest(out);
    return 0;
}

/* ------------------------------------------------------------------ */
/* units                                                               */
/* ------------------------------------------------------------------ */

/* Display columns of UTF-8 text: one per code point that is not a
 * combining mark continuation (registry text is NFC, so one per char). */
static size_t columns(const char *s)
{
    size_t c = 0;
    for (; *s; s++)
        c += !utf8_is_cont((unsigned char)*s);
    return c;
}

/* s, then spaces up to `width` columns and at least one. */
static void print_padded(const char *s, size_t width)
{
    fputs(s, stdout);
    size_t c = columns(s);
    do
        putchar(' ');
    while (++c < width);
}

static const char *kind_name(vnr_unit_kind kind)
{
    switch (kind) {
    case VNR_UNIT_KIND_SCALE: return "scale";
    case VNR_UNIT_KIND_COUNT: return "count noun";
    default: return "unit";
    }
}

/* Spellings other than the display name, comma-separated. */
static void format_aliases(const vnr_unit_registry *reg, size_t i, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    const char *a;
    for (size_t k = 0; (a = vnr_unit_registry_alias(reg, i, k)) != NULL; k++) {
        int w = snprintf(buf + o, cap - o, "%s%s", o ? ", " : "", a);
        if (w < 0 || (size_t)w >= cap - o)
            break;
        o += (size_t)w;
    }
}

static bool wanted(const vnr_unit_registry *reg, size_t i, const char *dimension)
{
    return !dimension || strcmp(vnr_unit_registry_dimension(reg, i), dimension) == 0;
}

static void print_registry(const vnr_unit_registry *reg, const char *dimension)
{
    enum { NAME_W = 18, KIND_W = 11, DIM_W = 12, CANON_W = 18, FACTOR_W = 14 };
    print_padded("NAME", NAME_W);
    print_padded("KIND", KIND_W);
    print_padded("DIMENSION", DIM_W);
    print_padded("CANONICAL", CANON_W);
    print_padded("FACTOR", FACTOR_W);
    puts("SPELLINGS");
    size_t n = vnr_unit_registry_count(reg);
    for (size_t i = 0; i < n; i++) {
        if (!wanted(reg, i, dimension))
            continue;
        char factor[32], aliases[512];
        snprintf(factor, sizeof factor, "%.15g", vnr_unit_registry_factor(reg, i));
        double offset = vnr_unit_registry_offset(reg, i);
        if (offset != 0)
            snprintf(factor + strlen(factor), sizeof factor - strlen(factor), " %+.6g", offset);
        format_aliases(reg, i, aliases, sizeof aliases);
        print_padded(vnr_unit_registry_name(reg, i), NAME_W);
        print_padded(kind_name(vnr_unit_registry_kind(reg, i)), KIND_W);
        print_padded(vnr_unit_registry_dimension(reg, i), DIM_W);
        print_padded(vnr_unit_registry_canonical(reg, i), CANON_W);
        print_padded(factor, FACTOR_W);
        puts(aliases);
    }
}

static bool known_dimension(const vnr_unit_registry *reg, const char *dimension)
{
    size_t n = vnr_unit_registry_count(reg);
    for (size_t i = 0; i < n; i++)
        if (wanted(reg, i, dimension))
            return true;
    return false;
}

static const char units_help[] =
    "usage: vnreport units [--dimension D] [--region R]\n"
    "\n"
    "List the unit registry: name, dimension, canonical unit, factor.\n"
    "\n"
    "options:\n"
    "  -d, --dimension D     only units of dimension D (area, mass, currency, ...)\n"
    "  -r, --region R        regional units as in R: north (default), central, south\n"
    "  -h, --help            show this help\n";

int cmd_units(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "dimension", required_argument, NULL, 'd' },
        { "region", required_argument, NULL, 'r' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *dimension = NULL;
    vnr_region region = VNR_REGION_NORTH;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":d:r:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            dimension = optarg;
            break;
        case 'r':
            if (vnr_region_from_name(optarg, &region) != VNR_OK)
                return usage_error("units", "unknown region '%s' (north, central, south)", optarg);
            break;
        case 'h':
            return print_help(units_help);
        default:
            return option_error("units", c, argv);
        }
    }
    if (optind < argc)
        return usage_error("units", "unexpected argument '%s'", argv[optind]);
    vnr_unit_registry *reg = vnr_unit_registry_new(NULL);
    if (!reg) {
        fputs("vnreport: out of memory\n", stderr);
        return 1;
    }
    vnr_unit_registry_set_region(reg, region);
    int rc = 0;
    if (dimension && !known_dimension(reg, dimension)) {
        fprintf(stderr, "vnreport: units: no unit has dimension '%s'\n", dimension);
        rc = 1;
    } else {
        print_registry(reg, dimension);
    }
    vnr_unit_registry_free(reg);
    return rc;
}
