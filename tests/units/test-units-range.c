/*
 * test-units-range.c — unit factors stay finite and non-zero (issue 18).
 *
 * A chain of scale words, a quotient of two huge units, a caller's unit
 * defined from a huge factor times a huge unit and an exchange rate that
 * overflows once stored are each refused with a status and a message that
 * says where; nothing converts to inf or NaN. Also: copying a registry
 * whose base defines units but no rates (memcpy from NULL under UBSan),
 * and control characters of a unit name never reach a message raw.
 */
#include <vnreport/vnreport.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* `word ` repeated `n` times, then `tail`. */
static char *chain(const char *word, int n, const char *tail)
{
    size_t wl = strlen(word), tl = strlen(tail);
    char *s = malloc((wl + 1) * (size_t)n + tl + 1);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        memcpy(s + k, word, wl);
        k += wl;
        s[k++] = ' ';
    }
    memcpy(s + k, tail, tl + 1);
    return s;
}

static void test_scale_chains(void)
{
    /* 35 × tỷ = 1e315: the product leaves the doubles */
    char *big = chain("tỷ", 35, "đồng");
    vnr_unit *u = NULL;
    vnr_error *err = NULL;
    CHECK_INT(vnr_unit_parse_ex(NULL, big, 0, &u, &err), VNR_E_SYNTAX);
    CHECK(u == NULL);
    CHECK(strstr(vnr_error_message(err), "out of range") != NULL);
    /* the offending position: the 35th scale word (34 × "tỷ " before it) */
    CHECK_SIZE(vnr_error_byte(err), 34 * strlen("tỷ "));
    vnr_error_free(err);
    double v = 0;
    CHECK_INT(vnr_convert(1, big, "đồng", &v), VNR_E_SYNTAX);
    CHECK_INT(vnr_convert(1, big, big, &v), VNR_E_SYNTAX);
    free(big);

    /* 34 × tỷ = 1e306 still is a number */
    char *fits = chain("tỷ", 34, "đồng");
    CHECK_INT(vnr_unit_parse(fits, &u), VNR_OK);
    CHECK(isfinite(vnr_unit_factor(u)) && vnr_unit_factor(u) > 1e305);
    vnr_unit_free(u);
    /* …but 1e306 đồng/ha in đồng per 1e306 ha is 1e612 */
    char *per_ha = chain("tỷ", 34, "đồng/ha");
    char *per_big = malloc(strlen(fits) + 16);
    snprintf(per_big, strlen(fits) + 16, "đồng/%s", fits);
    per_big[strlen(per_big) - strlen("đồng")] = '\0';
    strcat(per_big, "ha");
    err = NULL;
    CHECK_INT(vnr_convert_ex(NULL, 1, per_ha, per_big, &v, &err), VNR_E_SYNTAX);
    CHECK(strstr(vnr_error_message(err), "out of") != NULL);
    vnr_error_free(err);
    vnr_converter *c = NULL;
    CHECK_INT(vnr_converter_new(per_ha, per_big, &c), VNR_E_SYNTAX);
    CHECK(c == NULL);
    free(fits);
    free(per_ha);
    free(per_big);
}

static void test_caller_units(void)
{
    vnr_unit_registry *reg = vnr_unit_registry_new(NULL);
    char *huge = chain("tỷ", 33, "kg");   /* 1e297 kg */
    vnr_error *err = NULL;
    /* 1e300 × 1e297 kg: each factor fine, the product inf */
    CHECK_INT(vnr_unit_registry_define(reg, "núi", 1e300, huge, &err), VNR_E_INVALID_ARGUMENT);
    CHECK(strstr(vnr_error_message(err), "out of the range") != NULL);
    vnr_error_free(err);
    err = NULL;
    /* 1e-300 × 1e-30 g underflows to 0 */
    CHECK_INT(vnr_unit_registry_define(reg, "bụi", 1e-300, "phần nghìn tỷ tỷ tỷ g", &err) == VNR_OK,
              0);
    vnr_error_free(err);
    err = NULL;
    CHECK_INT(vnr_unit_registry_define(reg, "bụi", 1e-300, "mg", &err), VNR_OK);
    vnr_unit *u = NULL;
    CHECK_INT(vnr_unit_parse_ex(reg, "bụi", 0, &u, NULL), VNR_OK);
    CHECK(vnr_unit_factor(u) > 0 && isfinite(vnr_unit_factor(u)));
    vnr_unit_free(u);
    /* a rate that overflows once expressed in đồng */
    err = NULL;
    CHECK_INT(vnr_unit_registry_set_rate(reg, "USD", "nghìn tỷ tỷ đồng", 1e300, &err),
              VNR_E_INVALID_ARGUMENT);
    vnr_error_free(err);
    free(huge);

    /* a copy of a registry that defines units but no rates */
    vnr_unit_registry *child = vnr_unit_registry_new(reg);
    CHECK_INT(vnr_unit_registry_define(child, "bao", 50, "kg", NULL), VNR_OK);
    vnr_unit_registry *grandchild = vnr_unit_registry_new(child);
    CHECK_INT(vnr_unit_registry_define(grandchild, "thùng", 20, "lít", NULL), VNR_OK);
    double v = 0;
    CHECK_INT(vnr_convert_ex(grandchild, 2, "bao", "kg", &v, NULL), VNR_OK);
    CHECK(v == 100);
    vnr_unit_registry_free(grandchild);
    vnr_unit_registry_free(child);
    vnr_unit_registry_free(reg);
}

/* No byte below 0x20 (nor DEL) of a unit name gets into a message. */
static void test_control_characters(void)
{
    static const char *const names[] = { "\x1b[31mđỏ", "kg\x1b]0;title\x07", "m\r\nx", "\x7f" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        vnr_error *err = NULL;
        vnr_unit *u = NULL;
        check_case = names[i];
        CHECK(vnr_unit_parse_ex(NULL, names[i], 0, &u, &err) != VNR_OK);
        const char *m = vnr_error_message(err);
        for (const char *p = m; *p; p++)
            CHECKF((unsigned char)*p >= 0x20 && *p != 0x7f, "control byte 0x%02x in '%s'",
                   (unsigned char)*p, m);
        vnr_error_free(err);
    }
    check_case = NULL;
}

int main(void)
{
    test_scale_chains();
    test_caller_units();
    test_control_characters();
    return check_done("test-units-range");
}
