/*
 * fuzz-units.c — libFuzzer harness for the unit registry and converter
 * (vnr-units.h): unit expression parsing, conversion, converters, and a
 * caller's registry extended with fuzzed definitions and rates.
 *
 * Input: up to three lines, `FROM\nTO\nNAME`. TO defaults to FROM's
 * canonical unit, NAME to FROM. Readable seeds: `tạ/ha\ntấn/ha`.
 *
 * Besides crashes, leaks and sanitizer reports, it checks what the API
 * promises:
 *  - a failure is one of the documented statuses, with a message;
 *  - a parsed unit has a non-empty canonical unit and dimension, a finite
 *    positive factor, and converts into itself as the identity;
 *  - with the built-in registry, its canonical unit parses back to a
 *    compatible unit of factor 1;
 *  - vnr_convert, vnr_convert_ex and a converter agree on status and value;
 *  - the open-count flag only ever accepts more;
 *  - a registry copied from another outlives it (copy-on-write sharing).
 */
#include "utf8.h"

#include <vnreport/vnreport.h>

#include <math.h>
#include <string.h>

#include "fuzz-check.h"

static bool close_to(double a, double b)
{
    if (a == b || (isnan(a) && isnan(b)))
        return true;
    double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-9 * scale;
}

static void check_string(const char *s, const char *what)
{
    FUZZ_ASSERT(s != NULL, "%s is NULL", what);
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t k = utf8_sequence_length((const unsigned char *)s + i, n - i);
        FUZZ_ASSERT(k != 0, "%s: invalid UTF-8 at byte %zu", what, i);
        i += k;
    }
}

/* A failure: a documented status and an error object saying it. Frees it. */
static void check_failure(vnr_status st, vnr_error *err, const char *call)
{
    FUZZ_ASSERT(st == VNR_E_UNKNOWN_UNIT || st == VNR_E_SYNTAX || st == VNR_E_INCOMPATIBLE ||
                    st == VNR_E_NO_RATE || st == VNR_E_INVALID_ARGUMENT || st == VNR_E_NOMEM,
                "%s: undocumented status %s", call, vnr_status_str(st));
    if (!err)
        return;
    FUZZ_ASSERT(vnr_error_status(err) == st, "%s: status %d, error says %d", call, st,
                vnr_error_status(err));
    const char *msg = vnr_error_message(err);
    FUZZ_ASSERT(msg && *msg, "%s failed (%s) with an empty message", call, vnr_status_str(st));
    check_string(msg, "error message");
    vnr_error_free(err);
}

static void check_unit(const vnr_unit *u, const char *text)
{
    FUZZ_ASSERT(strcmp(vnr_unit_text(u), text) == 0, "unit text '%s' for '%s'",
                vnr_unit_text(u), text);
    check_string(vnr_unit_canonical(u), "canonical");
    FUZZ_ASSERT(*vnr_unit_canonical(u), "'%s' has an empty canonical unit", text);
    FUZZ_ASSERT(*vnr_unit_dimension(u), "'%s' has no dimension", text);
    double f = vnr_unit_factor(u), o = vnr_unit_offset(u);
    FUZZ_ASSERT(isfinite(f) && f > 0, "'%s' has factor %g", text, f);
    FUZZ_ASSERT(isfinite(o), "'%s' has offset %g", text, o);
    FUZZ_ASSERT(vnr_unit_compatible(u, u), "'%s' is not compatible with itself", text);
}

/* The canonical unit is itself a unit, of factor 1, compatible with `u`. */
static void check_canonical(const vnr_unit_registry *reg, const vnr_unit *u, const char *text)
{
    const char *canon = vnr_unit_canonical(u);
    vnr_unit *c = NULL;
    vnr_error *err = NULL;
    vnr_status st = vnr_unit_parse_ex(reg, canon, VNR_UNIT_OPEN_COUNT, &c, &err);
    FUZZ_ASSERT(st == VNR_OK, "canonical unit '%s' of '%s' does not parse: %s", canon, text,
                err ? vnr_error_message(err) : vnr_status_str(st));
    FUZZ_ASSERT(strcmp(vnr_unit_canonical(c), canon) == 0,
                "canonical unit '%s' of '%s' has canonical unit '%s'", canon, text,
                vnr_unit_canonical(c));
    FUZZ_ASSERT(close_to(vnr_unit_factor(c), 1.0) && vnr_unit_offset(c) == 0.0,
                "canonical unit '%s' of '%s' has factor %g offset %g", canon, text,
                vnr_unit_factor(c), vnr_unit_offset(c));
    FUZZ_ASSERT(vnr_unit_compatible(u, c), "'%s' does not convert into its canonical '%s'", text,
                canon);
    vnr_unit_free(c);
}

/* Parse `text` with `reg`; returns the unit or NULL after checking the
 * failure. */
static vnr_unit *parse_checked(const vnr_unit_registry *reg, const char *text, unsigned flags)
{
    vnr_unit *u = NULL;
    vnr_error *err = NULL;
    vnr_status st = vnr_unit_parse_ex(reg, text, flags, &u, &err);
    if (st != VNR_OK) {
        FUZZ_ASSERT(u == NULL, "failed parse of '%s' gave a unit", text);
        check_failure(st, err, "vnr_unit_parse_ex");
        return NULL;
    }
    FUZZ_ASSERT(u && !err, "parse of '%s': unit %p err %p", text, (void *)u, (void *)err);
    check_unit(u, text);
    if (!reg)   /* a caller may hide a canonical spelling behind a definition */
        check_canonical(reg, u, text);
    vnr_status self = vnr_convert_ex(reg, 2.5, text, text, &(double){ 0 }, NULL);
    if (flags == 0)   /* vnr_convert_ex parses without the open-count flag */
        FUZZ_ASSERT(self == VNR_OK, "'%s' does not convert into itself: %s", text,
                    vnr_status_str(self));
    return u;
}

/* vnr_convert_ex and a converter agree on `from` → `to` with `reg`. */
static void check_conversion(const vnr_unit_registry *reg, const char *from, const char *to)
{
    double direct = NAN;
    vnr_error *err = NULL;
    vnr_status st = vnr_convert_ex(reg, 1.5, from, to, &direct, &err);
    if (st != VNR_OK)
        check_failure(st, err, "vnr_convert_ex");
    else
        FUZZ_ASSERT(err == NULL, "vnr_convert_ex succeeded and set an error");
    if (!reg) {
        double plain = NAN;
        vnr_status st2 = vnr_convert(1.5, from, to, &plain);
        FUZZ_ASSERT(st2 == st && (st != VNR_OK || close_to(plain, direct)),
                    "vnr_convert %s %g, vnr_convert_ex %s %g", vnr_status_str(st2), plain,
                    vnr_status_str(st), direct);
    }
    vnr_converter *conv = NULL;
    err = NULL;
    vnr_status st3 = vnr_converter_new_ex(reg, from, to, &conv, &err);
    FUZZ_ASSERT(st3 == st, "converter %s, vnr_convert_ex %s for '%s' → '%s'",
                vnr_status_str(st3), vnr_status_str(st), from, to);
    if (st3 != VNR_OK) {
        FUZZ_ASSERT(conv == NULL, "failed converter returned");
        check_failure(st3, err, "vnr_converter_new_ex");
        return;
    }
    double via = vnr_converter_apply(conv, 1.5);
    FUZZ_ASSERT(close_to(via, direct), "converter gives %g, vnr_convert_ex %g for '%s' → '%s'",
                via, direct, from, to);
    double arr[3] = { 0, 1.5, -7 };
    vnr_converter_apply_array(conv, arr, arr, 3);
    FUZZ_ASSERT(close_to(arr[1], via), "apply_array %g, apply %g", arr[1], via);
    FUZZ_ASSERT(close_to(vnr_converter_factor(conv) * 1.5 + vnr_converter_offset(conv), via),
                "factor %g offset %g do not give %g", vnr_converter_factor(conv),
                vnr_converter_offset(conv), via);
    vnr_converter_free(conv);
}

/* Parse with and without the open-count flag: the flag only accepts more,
 * and both readings of a registry unit are the same unit. */
static void check_parses(const vnr_unit_registry *reg, const char *text)
{
    vnr_unit *closed = parse_checked(reg, text, 0);
    vnr_unit *open = parse_checked(reg, text, VNR_UNIT_OPEN_COUNT);
    if (closed) {
        FUZZ_ASSERT(open != NULL, "'%s' parses, but not with the open-count flag", text);
        FUZZ_ASSERT(strcmp(vnr_unit_canonical(closed), vnr_unit_canonical(open)) == 0,
                    "'%s': canonical '%s' closed, '%s' open", text, vnr_unit_canonical(closed),
                    vnr_unit_canonical(open));
    }
    if (closed && open) {
        vnr_converter *conv = NULL;
        vnr_error *err = NULL;
        vnr_status st = vnr_converter_from_units(reg, closed, open, &conv, &err);
        FUZZ_ASSERT(st == VNR_OK, "'%s' does not convert into its open reading: %s", text,
                    err ? vnr_error_message(err) : vnr_status_str(st));
        FUZZ_ASSERT(close_to(vnr_converter_apply(conv, 3.0), 3.0), "'%s' → itself gives %g", text,
                    vnr_converter_apply(conv, 3.0));
        vnr_converter_free(conv);
    }
    vnr_unit_free(closed);
    vnr_unit_free(open);
}

/* Entries a caller added: every accessor answers. */
static void check_user_entries(const vnr_unit_registry *reg, size_t first)
{
    size_t n = vnr_unit_registry_count(reg);
    for (size_t i = first; i < n; i++) {
        FUZZ_ASSERT(vnr_unit_registry_is_user(reg, i), "entry %zu is not the caller's", i);
        check_string(vnr_unit_registry_name(reg, i), "entry name");
        check_string(vnr_unit_registry_canonical(reg, i), "entry canonical");
        check_string(vnr_unit_registry_dimension(reg, i), "entry dimension");
        for (size_t k = 0; vnr_unit_registry_alias(reg, i, k); k++)
            check_string(vnr_unit_registry_alias(reg, i, k), "entry alias");
        (void)vnr_unit_registry_kind(reg, i);
        (void)vnr_unit_registry_factor(reg, i);
        (void)vnr_unit_registry_offset(reg, i);
        (void)vnr_unit_registry_is_regional(reg, i);
    }
    FUZZ_ASSERT(vnr_unit_registry_name(reg, n) == NULL, "entry past the count");
}

/* A caller's registry in a region picked by the input, with a fixed unit
 * and rate, then the input's own definition and rate. */
static void fuzz_caller_registry(const char *from, const char *to, const char *name,
                                 vnr_region region)
{
    vnr_unit_registry *base = vnr_unit_registry_new(NULL);
    if (!base)
        return;
    FUZZ_ASSERT(vnr_unit_registry_set_region(base, region) == VNR_OK, "region %d", region);
    FUZZ_ASSERT(vnr_unit_registry_define(base, "bao", 50, "kg", NULL) == VNR_OK, "define bao");
    FUZZ_ASSERT(vnr_unit_registry_set_rate(base, "USD", "VND", 25400, NULL) == VNR_OK, "rate");
    /* the copy shares base's additions and must outlive it */
    vnr_unit_registry *reg = vnr_unit_registry_new(base);
    vnr_unit_registry_free(base);
    if (!reg)
        return;
    FUZZ_ASSERT(vnr_unit_registry_region(reg) == region, "region lost in the copy");
    size_t before = vnr_unit_registry_count(reg);

    vnr_error *err = NULL;
    vnr_status st = vnr_unit_registry_define(reg, name, 2.0, to, &err);
    if (st != VNR_OK)
        check_failure(st, err, "vnr_unit_registry_define");
    err = NULL;
    st = vnr_unit_registry_define(reg, to, 1.0, NULL, &err);   /* a count noun */
    if (st != VNR_OK)
        check_failure(st, err, "vnr_unit_registry_define (count)");
    err = NULL;
    st = vnr_unit_registry_set_rate(reg, from, to, 3.0, &err);
    if (st != VNR_OK)
        check_failure(st, err, "vnr_unit_registry_set_rate");
    check_user_entries(reg, before - 1);   /* "bao" came from base */

    check_parses(reg, from);
    check_parses(reg, name);
    check_conversion(reg, from, to);
    check_conversion(reg, name, from);
    vnr_unit_registry_free(reg);
}

/* Split `s` at its first '\n' (cut in place); the rest or NULL. */
static char *split_line(char *s)
{
    char *nl = s ? strchr(s, '\n') : NULL;
    if (!nl)
        return NULL;
    *nl = '\0';
    return nl + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *input = malloc(size + 1);
    if (!input)
        return 0;
    memcpy(input, data, size);
    input[size] = '\0';   /* a NUL inside simply ends the input early */
    char *from = input;
    char *to = split_line(from);
    char *name = split_line(to);
    split_line(name);   /* a fourth line is ignored */

    vnr_unit *u = NULL;
    char *canon = NULL;
    if (vnr_unit_parse_ex(NULL, from, VNR_UNIT_OPEN_COUNT, &u, NULL) == VNR_OK)
        canon = strdup(vnr_unit_canonical(u));
    vnr_unit_free(u);
    if (!to)
        to = canon ? canon : "kg";
    if (!name)
        name = from;

    check_parses(NULL, from);
    check_parses(NULL, to);
    check_conversion(NULL, from, to);
    fuzz_caller_registry(from, to, name, (vnr_region)(size % 3));
    free(canon);
    free(input);
    return 0;
}
