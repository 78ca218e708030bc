/*
 * test-units-api.c — the public unit API as a caller sees it: conversions
 * of the acceptance list, properties (round trip, transitivity,
 * scale words compose), every error code with its message, NFD and odd-case
 * input, caller registries (definitions, exchange rates, regions,
 * copy-on-write) and listing.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <vnreport/vnreport.h>

#include "check.h"

static double convert(const char *from, const char *to, double v)
{
    double out = NAN;
    vnr_status st = vnr_convert(v, from, to, &out);
    CHECKF(st == VNR_OK, "convert %g %s -> %s: %s", v, from, to, vnr_status_str(st));
    return out;
}

static void test_acceptance(void)
{
    CHECK_DBL(convert("nghìn con", "con", 5420), 5420000);
    CHECK_DBL(convert("tạ/ha", "tấn/ha", 30.37), 3.037);
    CHECK_DBL(convert("ha", "km2", 177078), 1770.78);
    double out;
    CHECK_INT(vnr_convert(1, "ha", "tấn", &out), VNR_E_INCOMPATIBLE);
}

static void test_values(void)
{
    CHECK_DBL(convert("nghìn tỷ đồng", "VND", 1), 1e12);
    CHECK_DBL(convert("nghìn tỷ đồng", "tỷ đồng", 1), 1e3);
    CHECK_DBL(convert("tỷ đồng", "triệu đồng", 7288.6), 7288600);
    /* a scale word glued to its unit, as web pages print it */
    CHECK_DBL(convert("tỷđồng", "triệu đồng", 2), 2000);
    CHECK_DBL(convert("triệuUSD", "USD", 3), 3e6);
    CHECK_DBL(convert("nghìntấn", "kg", 1), 1e6);
    CHECK_DBL(convert("nghìn tỷđồng", "tỷ đồng", 1), 1e3);
    double glued_out;   /* `ngàn` + `h` is the word `ngành`, no thousand hours */
    CHECK(vnr_convert(1, "ngành", "giờ", &glued_out) != VNR_OK);
    CHECK_DBL(convert("Triệu Kwh", "GWh", 196.41), 196.41);
    CHECK_DBL(convert("triệu kWh", "kWh", 2), 2e6);
    CHECK_DBL(convert("sào", "m2", 1), 360);
    CHECK_DBL(convert("mẫu", "sào", 1), 10);
    CHECK_DBL(convert("mẫu", "ha", 1), 0.36);
    CHECK_DBL(convert("ngày", "giờ", 1), 24);
    CHECK_DBL(convert("năm", "tháng", 1), 12);
    CHECK_DBL(convert("quý", "tháng", 1), 3);
    CHECK_DBL(convert("%/năm", "%/tháng", 12), 1);
    CHECK_DBL(convert("%", "‰", 1), 10);
    CHECK_DBL(convert("lần", "%", 2), 200);
    CHECK_DBL(convert("kWh/giờ", "kW", 5), 5);
    CHECK_DBL(convert("triệu đồng/người/năm", "VND/người/năm", 39.68), 39680000);
    CHECK_DBL(convert("bác sĩ/1 vạn dân", "bác sĩ/dân", 10), 1e-3);
    CHECK_DBL(convert("thuê bao/100 dân", "thuê bao/dân", 84), 0.84);
    CHECK_DBL(convert("đồng/kg", "nghìn đồng/tấn", 4000), 4000);
    CHECK_DBL(convert("°F", "°C", 212), 100);
    CHECK_DBL(convert("°C", "K", 0), 273.15);
    CHECK_DBL(convert("m³", "lít", 1), 1000);
    CHECK_DBL(convert("hải lý", "km", 1), 1.852);
}

static void test_odd_input(void)
{
    /* NFD tấn (a + U+0302 + U+0301), capitals, odd spacing, NBSP */
    CHECK_DBL(convert("ta\xcc\x82\xcc\x81n", "kg", 1), 1000);
    CHECK_DBL(convert("TẤN", "kg", 2), 2000);
    CHECK_DBL(convert("KWh", "Wh", 1), 1000);
    CHECK_DBL(convert("kwh", "Wh", 1), 1000);
    CHECK_DBL(convert("Kg", "g", 1), 1000);
    CHECK_DBL(convert("  triệu   đồng ", "đồng", 1), 1e6);
    CHECK_DBL(convert("tạ\xc2\xa0/\xc2\xa0ha", "kg/m2", 100), 1);
    CHECK_DBL(convert("NGHÌN TỶ ĐỒNG", "VND", 1), 1e12);
    /* NFD throughout: nghìn tỷ đồng decomposed */
    CHECK_DBL(convert("nghi\xcc\x80n ty\xcc\x89 \xc4\x91o\xcc\x82\xcc\x80ng", "VND", 1), 1e12);
}

static const char *const property_units[][4] = {
    { "ha", "km2", "sào", "m2" },
    { "tấn", "tạ", "yến", "g" },
    { "tạ/ha", "tấn/ha", "kg/m2", "yến/sào" },
    { "MWh", "triệu kWh", "GWh", "Wh" },
    { "tỷ đồng", "nghìn tỷ đồng", "triệu đồng", "đ" },
    { "năm", "tháng", "ngày", "giờ" },
    { "°C", "°F", "K", "°C" },
    { "nghìn con", "con", "vạn con", "triệu con" },
};

static bool near(double a, double b)
{
    return fabs(a - b) <= 1e-12 * fmax(fabs(a), fabs(b));
}

/* Affine units (temperatures) lose relative precision near zero, where
 * their offsets cancel: there the bound is absolute. */
static bool near_abs(double a, double b, bool affine)
{
    return near(a, b) || (affine && fabs(a - b) <= 1e-9);
}

static void test_properties(void)
{
    const double values[] = { 1, 30.37, 177078, 0.001, 5420 };
    for (size_t g = 0; g < sizeof property_units / sizeof *property_units; g++) {
        for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
            const char *const *u = property_units[g];
            bool affine = strcmp(u[0], "°C") == 0;
            double x = values[v];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double ab = convert(u[i], u[j], x);
                    double back = convert(u[j], u[i], ab);
                    CHECKF(near_abs(back, x, affine), "round trip %g %s -> %s -> %s = %.17g", x, u[i], u[j],
                           u[i], back);
                    for (int k = 0; k < 4; k++) {
                        double via = convert(u[j], u[k], ab);
                        double direct = convert(u[i], u[k], x);
                        CHECKF(near_abs(via, direct, affine), "transitivity %g %s -> %s -> %s: %.17g vs %.17g",
                               x, u[i], u[j], u[k], via, direct);
                    }
                }
            }
        }
    }
    /* scale words compose: nghìn tỷ = nghìn × tỷ, and each is its multiplier */
    static const struct { const char *scale; double mult; } scales[] = {
        { "nghìn", 1e3 }, { "ngàn", 1e3 }, { "vạn", 1e4 }, { "triệu", 1e6 },
        { "tỷ", 1e9 }, { "tỉ", 1e9 }, { "trăm", 1e2 },
    };
    for (size_t a = 0; a < sizeof scales / sizeof *scales; a++) {
        for (size_t b = 0; b < sizeof scales / sizeof *scales; b++) {
            char unit[64];
            snprintf(unit, sizeof unit, "%s %s đồng", scales[a].scale, scales[b].scale);
            check_case = unit;
            CHECK(near(convert(unit, "VND", 1), scales[a].mult * scales[b].mult));
        }
    }
    check_case = NULL;
}

static void test_unit_objects(void)
{
    vnr_unit *u = NULL;
    CHECK_INT(vnr_unit_parse("triệu đồng/người/năm", &u), VNR_OK);
    CHECK_STR(vnr_unit_text(u), "triệu đồng/người/năm");
    CHECK_STR(vnr_unit_canonical(u), "VND/người/năm");
    CHECK_STR(vnr_unit_dimension(u), "rate");
    CHECK_DBL(vnr_unit_factor(u), 1e6);
    CHECK_DBL(vnr_unit_offset(u), 0);
    vnr_unit *v = NULL;
    CHECK_INT(vnr_unit_parse("VND/người/năm", &v), VNR_OK);
    CHECK(vnr_unit_compatible(u, v));
    vnr_converter *c = NULL;
    CHECK_INT(vnr_converter_from_units(NULL, u, v, &c, NULL), VNR_OK);
    CHECK_DBL(vnr_converter_apply(c, 39.68), 39680000);
    CHECK_DBL(vnr_converter_factor(c), 1e6);
    double in[3] = { 1, 2, 3 }, out[3];
    vnr_converter_apply_array(c, in, out, 3);
    CHECK_DBL(out[2], 3e6);
    vnr_converter_free(c);
    vnr_unit_free(u);
    vnr_unit_free(v);

    CHECK_INT(vnr_unit_parse("con gà", &u), VNR_E_UNKNOWN_UNIT);
    CHECK_INT(vnr_unit_parse_ex(NULL, "Con Gà", VNR_UNIT_OPEN_COUNT, &u, NULL), VNR_OK);
    CHECK_STR(vnr_unit_canonical(u), "con gà");
    CHECK_STR(vnr_unit_dimension(u), "count");
    vnr_unit_free(u);

    /* arrays give bit-identical results to one value at a time, whatever
     * the kind (multiply, exact division, both, affine) */
    static const char *const kinds[][2] = {
        { "tấn", "kg" }, { "ha", "km2" }, { "tạ/ha", "tấn/ha" }, { "sào", "ha" }, { "°F", "°C" },
    };
    enum { N = 20000 };
    static double xs[N], ys[N];
    unsigned seed = 12345;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        xs[i] = (double)seed / 4096.0 * (i % 7 ? 1e-3 : 1e9);
    }
    xs[0] = INFINITY, xs[1] = -INFINITY, xs[2] = NAN, xs[3] = 0, xs[4] = -0.0, xs[5] = 30.37;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        CHECK_INT(vnr_converter_new(kinds[k][0], kinds[k][1], &c), VNR_OK);
        vnr_converter_apply_array(c, xs, ys, N);
        size_t differ = 0;
        for (size_t i = 0; i < N; i++)
            differ += !check_same_double(ys[i], vnr_converter_apply(c, xs[i]));
        CHECKF(differ == 0, "%s -> %s: %zu array results differ", kinds[k][0], kinds[k][1], differ);
        vnr_converter_free(c);
    }

    CHECK_INT(vnr_converter_new("°F", "°C", &c), VNR_OK);
    CHECK_DBL(vnr_converter_apply(c, 32), 0);
    CHECK(near(vnr_converter_offset(c), -160.0 / 9.0));
    vnr_converter_free(c);

    vnr_unit_free(NULL);
    vnr_converter_free(NULL);
    CHECK_STR(vnr_unit_canonical(NULL), "");
    CHECK(isnan(vnr_unit_factor(NULL)));
    CHECK(isnan(vnr_converter_factor(NULL)));
}

/* Every error code, with a message naming the unit and, where it applies,
 * the byte offset of the offending word. */
static void expect_error(const vnr_unit_registry *reg, const char *from, const char *to,
                         vnr_status want, const char *message_part, size_t byte)
{
    vnr_error *err = NULL;
    double out = 0;
    vnr_status st = vnr_convert_ex(reg, 1, from, to, &out, &err);
    check_case = from;
    CHECK_INT(st, want);
    CHECK_INT(vnr_error_status(err), want);
    const char *msg = vnr_error_message(err);
    CHECKF(strstr(msg, message_part) != NULL, "message '%s' lacks '%s'", msg, message_part);
    CHECK_SIZE(vnr_error_line(err), 0);
    CHECK_SIZE(vnr_error_byte(err), byte);
    vnr_error_free(err);
    check_case = NULL;
}

static void test_errors(void)
{
    const size_t none = (size_t)-1;
    expect_error(NULL, "ha", "tấn", VNR_E_INCOMPATIBLE,
                 "cannot convert 'ha' (area, m2) to 'tấn' (mass, kg)", none);
    expect_error(NULL, "con", "người", VNR_E_INCOMPATIBLE, "'con' (count, con)", none);
    expect_error(NULL, "%", "pp", VNR_E_INCOMPATIBLE, "incompatible", none);
    expect_error(NULL, "xyz", "m", VNR_E_UNKNOWN_UNIT, "unknown unit 'xyz' at byte 0", 0);
    expect_error(NULL, "m", "tạ/xyz", VNR_E_UNKNOWN_UNIT, "unknown unit 'xyz' at byte 5 of unit 'tạ/xyz'", 5);
    expect_error(NULL, "triệu foo", "m", VNR_E_UNKNOWN_UNIT, "unknown unit 'foo'", 8);
    expect_error(NULL, "tạ//ha", "m", VNR_E_SYNTAX, "empty part at byte 5", 5);
    expect_error(NULL, "", "m", VNR_E_SYNTAX, "empty unit", 0);
    expect_error(NULL, "m", "a\xff", VNR_E_SYNTAX, "invalid UTF-8 at byte 1", 1);
    expect_error(NULL, "người/0 dân", "m", VNR_E_SYNTAX, "'0 dân' at byte 9", 9);
    expect_error(NULL, "USD", "VND", VNR_E_NO_RATE, "no exchange rate from USD to VND", none);
    expect_error(NULL, "triệu USD/tấn", "đồng/kg", VNR_E_NO_RATE, "USD to VND", none);

    char long_unit[400];
    memset(long_unit, 'a', sizeof long_unit - 1);
    long_unit[sizeof long_unit - 1] = '\0';
    expect_error(NULL, long_unit, "m", VNR_E_SYNTAX, "too long", 0);

    vnr_error *err = NULL;
    CHECK_INT(vnr_convert_ex(NULL, 1, NULL, "m", NULL, &err), VNR_E_INVALID_ARGUMENT);
    vnr_error_free(err);
    double out;
    CHECK_INT(vnr_convert(1, NULL, "m", &out), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_convert(1, "m", "km", NULL), VNR_E_INVALID_ARGUMENT);
    vnr_unit *u;
    CHECK_INT(vnr_unit_parse(NULL, &u), VNR_E_INVALID_ARGUMENT);
}

static void test_registry(void)
{
    const vnr_unit_registry *builtin = vnr_unit_registry_builtin();
    CHECK(builtin != NULL);
    CHECK_INT(vnr_unit_registry_region(builtin), VNR_REGION_NORTH);
    CHECK_INT(vnr_unit_registry_define((vnr_unit_registry *)builtin, "bao", 50, "kg", NULL),
              VNR_E_INVALID_ARGUMENT);
    vnr_unit_registry_free((vnr_unit_registry *)builtin);  /* ignored */

    vnr_unit_registry *reg = vnr_unit_registry_new(NULL);
    CHECK(reg != NULL);
    double out;
    /* regions */
    static const struct { vnr_region region; double sao, mau, cong; } regions[] = {
        { VNR_REGION_NORTH, 360, 3600, 360 },
        { VNR_REGION_CENTRAL, 500, 5000, 500 },
        { VNR_REGION_SOUTH, 1000, 10000, 1000 },
    };
    for (size_t i = 0; i < 3; i++) {
        CHECK_INT(vnr_unit_registry_set_region(reg, regions[i].region), VNR_OK);
        CHECK_INT(vnr_convert_ex(reg, 1, "sào", "m2", &out, NULL), VNR_OK);
        CHECK_DBL(out, regions[i].sao);
        CHECK_INT(vnr_convert_ex(reg, 1, "mẫu", "m2", &out, NULL), VNR_OK);
        CHECK_DBL(out, regions[i].mau);
        CHECK_INT(vnr_convert_ex(reg, 1, "công", "m2", &out, NULL), VNR_OK);
        CHECK_DBL(out, regions[i].cong);
    }
    CHECK_INT(vnr_unit_registry_set_region(reg, (vnr_region)7), VNR_E_INVALID_ARGUMENT);
    vnr_region r;
    CHECK_INT(vnr_region_from_name("Trung Bộ", &r), VNR_OK);
    CHECK_INT(r, VNR_REGION_CENTRAL);
    CHECK_STR(vnr_region_name(VNR_REGION_SOUTH), "south");
    CHECK_INT(vnr_region_from_name("east", &r), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_unit_registry_set_region(reg, VNR_REGION_NORTH), VNR_OK);

    /* caller-defined units */
    CHECK_INT(vnr_unit_registry_define(reg, "bao", 50, "kg", NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 3, "nghìn bao", "tấn", &out, NULL), VNR_OK);
    CHECK_DBL(out, 150);
    CHECK_INT(vnr_unit_registry_define(reg, "công tầm lớn", 1296, "m2", NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 10, "công tầm lớn", "ha", &out, NULL), VNR_OK);
    CHECK(near(out, 1.296));
    CHECK_INT(vnr_unit_registry_define(reg, "bao tải", 0, NULL, NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 2, "nghìn bao tải", "bao tải", &out, NULL), VNR_OK);
    CHECK_DBL(out, 2000);
    CHECK_INT(vnr_convert(1, "bao", "kg", &out), VNR_E_UNKNOWN_UNIT);  /* built-in untouched */
    vnr_error *err = NULL;
    CHECK_INT(vnr_unit_registry_define(reg, "a/b", 1, "kg", &err), VNR_E_SYNTAX);
    vnr_error_free(err);
    err = NULL;
    CHECK_INT(vnr_unit_registry_define(reg, "tỷ", 1, "kg", &err), VNR_E_SYNTAX);
    vnr_error_free(err);
    err = NULL;
    CHECK_INT(vnr_unit_registry_define(reg, "x2", 1, "tạ/ha", &err), VNR_E_SYNTAX);
    vnr_error_free(err);
    err = NULL;
    CHECK_INT(vnr_unit_registry_define(reg, "zz", 1, "qqq", &err), VNR_E_UNKNOWN_UNIT);
    CHECK(strstr(vnr_error_message(err), "qqq") != NULL);
    vnr_error_free(err);
    CHECK_INT(vnr_unit_registry_define(reg, "zz", -1, "kg", NULL), VNR_E_INVALID_ARGUMENT);

    /* exchange rates: none built in, direct, inverse, scaled, one hop */
    CHECK_INT(vnr_unit_registry_set_rate(reg, "USD", "VND", 25000, NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 2, "triệu USD", "tỷ đồng", &out, NULL), VNR_OK);
    CHECK_DBL(out, 50);
    CHECK_INT(vnr_convert_ex(reg, 50000, "đồng", "USD", &out, NULL), VNR_OK);
    CHECK_DBL(out, 2);
    CHECK_INT(vnr_convert_ex(reg, 100, "USD/tấn", "đồng/kg", &out, NULL), VNR_OK);
    CHECK_DBL(out, 2500);
    CHECK_INT(vnr_unit_registry_set_rate(reg, "EUR", "nghìn đồng", 27.5, NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 1, "EUR", "VND", &out, NULL), VNR_OK);
    CHECK_DBL(out, 27500);
    CHECK_INT(vnr_convert_ex(reg, 1, "EUR", "USD", &out, NULL), VNR_OK);
    CHECK(near(out, 1.1));
    CHECK_INT(vnr_convert_ex(reg, 1, "JPY", "VND", &out, NULL), VNR_E_NO_RATE);
    err = NULL;
    CHECK_INT(vnr_unit_registry_set_rate(reg, "USD", "kg", 1, &err), VNR_E_INCOMPATIBLE);
    CHECK(strstr(vnr_error_message(err), "'kg' is not a currency") != NULL);
    vnr_error_free(err);
    CHECK_INT(vnr_unit_registry_set_rate(reg, "USD", "đô la Mỹ", 1, NULL), VNR_E_INCOMPATIBLE);
    CHECK_INT(vnr_unit_registry_set_rate(reg, "USD", "VND", NAN, NULL), VNR_E_INVALID_ARGUMENT);

    /* copy-on-write: a copy shares, then each side changes alone */
    vnr_unit_registry *copy = vnr_unit_registry_new(reg);
    CHECK(copy != NULL);
    CHECK_INT(vnr_convert_ex(copy, 1, "bao", "kg", &out, NULL), VNR_OK);
    CHECK_INT(vnr_unit_registry_define(copy, "thùng", 20, "lít", NULL), VNR_OK);
    CHECK_INT(vnr_unit_registry_set_rate(copy, "USD", "VND", 26000, NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 1, "thùng", "lít", &out, NULL), VNR_E_UNKNOWN_UNIT);
    CHECK_INT(vnr_convert_ex(copy, 1, "thùng", "lít", &out, NULL), VNR_OK);
    CHECK_INT(vnr_convert_ex(reg, 1, "USD", "VND", &out, NULL), VNR_OK);
    CHECK_DBL(out, 25000);
    CHECK_INT(vnr_convert_ex(copy, 1, "USD", "VND", &out, NULL), VNR_OK);
    CHECK_DBL(out, 26000);
    vnr_unit_registry_free(reg);  /* the copy outlives its origin */
    CHECK_INT(vnr_convert_ex(copy, 2, "bao", "kg", &out, NULL), VNR_OK);
    CHECK_DBL(out, 100);
    CHECK_INT(vnr_convert_ex(copy, 1, "công tầm lớn", "m2", &out, NULL), VNR_OK);
    CHECK_DBL(out, 1296);

    /* listing sees caller units after the built-in ones */
    size_t n = vnr_unit_registry_count(copy), builtin_n = vnr_unit_registry_count(NULL);
    CHECK_SIZE(n, builtin_n + 4);
    CHECK_STR(vnr_unit_registry_name(copy, builtin_n), "bao");
    CHECK_STR(vnr_unit_registry_canonical(copy, builtin_n), "kg");
    CHECK_DBL(vnr_unit_registry_factor(copy, builtin_n), 50);
    CHECK(vnr_unit_registry_is_user(copy, builtin_n));
    CHECK_INT(vnr_unit_registry_kind(copy, builtin_n + 2), VNR_UNIT_KIND_COUNT);
    CHECK_STR(vnr_unit_registry_canonical(copy, builtin_n + 2), "bao tải");
    CHECK(vnr_unit_registry_name(copy, n) == NULL);
    vnr_unit_registry_free(copy);
    vnr_unit_registry_free(NULL);
}

static void test_listing(void)
{
    size_t n = vnr_unit_registry_count(NULL);
    bool seen_sao = false, seen_scale = false, seen_count = false;
    for (size_t i = 0; i < n; i++) {
        const char *name = vnr_unit_registry_name(NULL, i);
        CHECK(name != NULL);
        CHECK(vnr_unit_registry_dimension(NULL, i) != NULL);
        CHECK(vnr_unit_registry_canonical(NULL, i) != NULL);
        CHECK(!isnan(vnr_unit_registry_factor(NULL, i)));
        CHECK(vnr_unit_registry_alias(NULL, i, 0) != NULL);
        CHECK(!vnr_unit_registry_is_user(NULL, i));
        if (strcmp(name, "sào") == 0) {
            seen_sao = true;
            CHECK(vnr_unit_registry_is_regional(NULL, i));
            CHECK_DBL(vnr_unit_registry_factor_in(NULL, i, VNR_REGION_CENTRAL), 500);
        }
        seen_scale |= vnr_unit_registry_kind(NULL, i) == VNR_UNIT_KIND_SCALE;
        seen_count |= vnr_unit_registry_kind(NULL, i) == VNR_UNIT_KIND_COUNT;
        /* every listed unit parses back to its own canonical unit */
        if (vnr_unit_registry_kind(NULL, i) == VNR_UNIT_KIND_UNIT) {
            vnr_unit *u = NULL;
            check_case = name;
            CHECK_INT(vnr_unit_parse(name, &u), VNR_OK);
            CHECK_STR(vnr_unit_canonical(u), vnr_unit_registry_canonical(NULL, i));
            vnr_unit_free(u);
        }
    }
    check_case = NULL;
    CHECK(seen_sao && seen_scale && seen_count);
    CHECK(vnr_unit_registry_name(NULL, n) == NULL);
    CHECK(isnan(vnr_unit_registry_factor(NULL, n)));
}

/* No global mutable state: threads converting at once through the
 * built-in registry and one shared caller registry all get exact answers. */
typedef struct thread_job {
    const vnr_unit_registry *reg;
    unsigned wrong;
} thread_job;

static void *convert_many(void *arg)
{
    thread_job *job = arg;
    for (int i = 0; i < 20000; i++) {
        double a = NAN, b = NAN, c = NAN;
        vnr_convert(30.37, "tạ/ha", "tấn/ha", &a);
        vnr_convert_ex(job->reg, 1, "sào", "m2", &b, NULL);
        vnr_convert_ex(job->reg, 2, "triệu USD", "tỷ đồng", &c, NULL);
        job->wrong += a != 3.037 || b != 500 || c != 50;
    }
    return NULL;
}

static void test_threads(void)
{
    vnr_unit_registry *reg = vnr_unit_registry_new(NULL);
    vnr_unit_registry_set_region(reg, VNR_REGION_CENTRAL);
    vnr_unit_registry_set_rate(reg, "USD", "VND", 25000, NULL);
    pthread_t t[4];
    thread_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){ reg, 0 };
        CHECK(pthread_create(&t[i], NULL, convert_many, &jobs[i]) == 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        CHECK_INT(jobs[i].wrong, 0);
    }
    vnr_unit_registry_free(reg);
}

int main(void)
{
    test_threads();
    test_acceptance();
    test_values();
    test_odd_input();
    test_properties();
    test_unit_objects();
    test_errors();
    test_registry();
    test_listing();
    return check_done("test-units-api");
}
