/*
 * test-units-internal.c — the contract the recognizer depends on
 * (units_resolve, units_match_prefix, units_scale_word) and the invariants
 * of the data tables (sorted names, folded spellings, every unit named).
 */
#include <string.h>

#include "check.h"
#include "units.h"

typedef struct resolve_case {
    const char *written;
    bool open_count;
    vnr_status status;
    double factor;
    const char *canonical;
    const char *dimension;
} resolve_case;

/* Canonical units and factors as SPEC §5 and eval/score.py expect them. */
static const resolve_case resolve_cases[] = {
    { "ha", false, VNR_OK, 1e4, "m2", "area" },
    { "héc-ta", false, VNR_OK, 1e4, "m2", "area" },
    { "km2", false, VNR_OK, 1e6, "m2", "area" },
    { "km²", false, VNR_OK, 1e6, "m2", "area" },
    { "m²", false, VNR_OK, 1, "m2", "area" },
    { "sào", false, VNR_OK, 360, "m2", "area" },
    { "mẫu", false, VNR_OK, 3600, "m2", "area" },
    { "mét", false, VNR_OK, 1, "m", "length" },
    { "km", false, VNR_OK, 1e3, "m", "length" },
    { "m³", false, VNR_OK, 1, "m3", "volume" },
    { "lít", false, VNR_OK, 1e-3, "m3", "volume" },
    { "tấn", false, VNR_OK, 1e3, "kg", "mass" },
    { "tạ", false, VNR_OK, 100, "kg", "mass" },
    { "yến", false, VNR_OK, 10, "kg", "mass" },
    { "Kg", false, VNR_OK, 1, "kg", "mass" },
    { "g", false, VNR_OK, 1e-3, "kg", "mass" },
    { "đồng", false, VNR_OK, 1, "VND", "currency" },
    { "VNĐ", false, VNR_OK, 1, "VND", "currency" },
    { "đ", false, VNR_OK, 1, "VND", "currency" },
    { "USD", false, VNR_OK, 1, "USD", "currency" },
    { "MW", false, VNR_OK, 1e6, "W", "power" },
    { "kW", false, VNR_OK, 1e3, "W", "power" },
    { "Kwh", false, VNR_OK, 1e3, "Wh", "energy" },
    { "KWh", false, VNR_OK, 1e3, "Wh", "energy" },
    { "GWh", false, VNR_OK, 1e9, "Wh", "energy" },
    { "Triệu Kwh", false, VNR_OK, 1e9, "Wh", "energy" },
    { "%", false, VNR_OK, 1, "%", "ratio" },
    { "‰", false, VNR_OK, 0.1, "%", "ratio" },
    { "điểm phần trăm", false, VNR_OK, 1, "pp", "ratio" },
    { "điểm %", false, VNR_OK, 1, "pp", "ratio" },
    { "lần", false, VNR_OK, 1, "x", "ratio" },
    { "năm", false, VNR_OK, 1, "năm", "time" },
    { "ngày công", false, VNR_OK, 1, "ngày công", "time" },
    { "tỷ đồng", false, VNR_OK, 1e9, "VND", "currency" },
    { "tỉ đồng", false, VNR_OK, 1e9, "VND", "currency" },
    { "nghìn tỷ đồng", false, VNR_OK, 1e12, "VND", "currency" },
    { "ngàn tỷ đồng", false, VNR_OK, 1e12, "VND", "currency" },
    { "triệu USD", false, VNR_OK, 1e6, "USD", "currency" },
    { "tỷ", false, VNR_OK, 1e9, "1", "count" },
    { "nghìn con", false, VNR_OK, 1e3, "con", "count" },
    { "nghìn con", true, VNR_OK, 1e3, "con", "count" },
    { "lượt khách", true, VNR_OK, 1, "lượt khách", "count" },
    { "Doanh Nghiệp", false, VNR_OK, 1, "doanh nghiệp", "count" },
    { "HTX", false, VNR_OK, 1, "htx", "count" },
    { "triệu tem", true, VNR_OK, 1e6, "tem", "count" },
    { "con gà", true, VNR_OK, 1, "con gà", "count" },
    { "con gà", false, VNR_E_UNKNOWN_UNIT, 0, NULL, NULL },
    { "triệu lượt HK.Km", true, VNR_OK, 1e6, "lượt hk.km", "count" },
    { "tạ/ha", false, VNR_OK, 0.01, "kg/m2", "rate" },
    { "tạ/hạ", false, VNR_OK, 0.01, "kg/m2", "rate" },
    { "hạ", false, VNR_E_UNKNOWN_UNIT, 0, NULL, NULL },
    { "đồng/kg", false, VNR_OK, 1, "VND/kg", "rate" },
    { "triệu đồng/người", false, VNR_OK, 1e6, "VND/người", "rate" },
    { "triệu đồng/người/năm", false, VNR_OK, 1e6, "VND/người/năm", "rate" },
    { "kg/người/năm", false, VNR_OK, 1, "kg/người/năm", "rate" },
    { "%/năm", false, VNR_OK, 1, "%/năm", "rate" },
    { "bác sĩ/1 vạn dân", false, VNR_OK, 1e-4, "bác sĩ/dân", "rate" },
    { "giường bệnh/vạn dân", false, VNR_OK, 1e-4, "giường bệnh/dân", "rate" },
    { "thuê bao/100 dân", false, VNR_OK, 1e-2, "thuê bao/dân", "rate" },
    { "bác sĩ/10.000 dân", false, VNR_OK, 1e-4, "bác sĩ/dân", "rate" },   /* a thousands dot */
    { "tiêu chí/xã", false, VNR_OK, 1, "tiêu chí/xã", "rate" },
    { " tạ / ha ", false, VNR_OK, 0.01, "kg/m2", "rate" },
    { "tấn\xc2\xa0/\xc2\xa0ha", false, VNR_OK, 0.1, "kg/m2", "rate" },
    { "nghìn  tỷ   đồng", false, VNR_OK, 1e12, "VND", "currency" },
    /* NFD input: t + a + circumflex + acute + n */
    { "ta\xcc\x82\xcc\x81n", false, VNR_OK, 1e3, "kg", "mass" },
    { "TẤN", false, VNR_OK, 1e3, "kg", "mass" },
    { "", false, VNR_E_SYNTAX, 0, NULL, NULL },
    { "tạ//ha", false, VNR_E_SYNTAX, 0, NULL, NULL },
    { "/ha", false, VNR_E_SYNTAX, 0, NULL, NULL },
    { "người/0 dân", false, VNR_E_SYNTAX, 0, NULL, NULL },
    { "nghìn °C", false, VNR_E_SYNTAX, 0, NULL, NULL },
    { "\xff", true, VNR_E_SYNTAX, 0, NULL, NULL },
    { "xyz", false, VNR_E_UNKNOWN_UNIT, 0, NULL, NULL },
    /* a name the text matcher never takes is a count noun in running text */
    { "công", true, VNR_OK, 1, "công", "count" },
    { "công", false, VNR_OK, 360, "m2", "area" },   /* the Northern registry: 1 công = 1 sào */
    { "tỷđồng", true, VNR_OK, 1e9, "VND", "currency" },
};

static void test_resolve(void)
{
    for (size_t i = 0; i < sizeof resolve_cases / sizeof *resolve_cases; i++) {
        const resolve_case *c = &resolve_cases[i];
        check_case = c->written;
        unit_info ui;
        vnr_status st = units_resolve(NULL, c->written, strlen(c->written), c->open_count, &ui);
        CHECK_INT(st, c->status);
        if (st != VNR_OK || c->status != VNR_OK)
            continue;
        CHECKF(fabs(ui.factor - c->factor) <= 1e-15 * c->factor, "factor %.17g, want %.17g",
               ui.factor, c->factor);
        CHECK_STR(ui.canonical, c->canonical);
        CHECK_STR(ui.dimension, c->dimension);
    }
    check_case = NULL;
}

typedef struct match_case {
    const char *text;
    const char *matched;  /* expected prefix */
} match_case;

static const match_case match_cases[] = {
    { "ha, tăng 240 ha", "ha" },
    { "tấn quả tươi", "tấn" },
    { "tấn.", "tấn" },
    { "tỷ đồng, tăng", "tỷ đồng" },
    { "nghìn tỷ đồng.", "nghìn tỷ đồng" },
    { "triệu USD (tăng", "triệu USD" },
    { "Triệu Kwh; sản lượng", "Triệu Kwh" },
    { "tạ/ha, tăng", "tạ/ha" },
    { "tạ/hạ", "tạ/hạ" },
    { "tạ/51,4 tạ/ha", "tạ" },
    { "ha/3.621,7 ha", "ha" },
    { "đồng/kg - 8.000 đồng/kg", "đồng/kg" },
    { "triệu đồng/người/năm, đạt", "triệu đồng/người/năm" },
    { "kg/người/năm", "kg/người/năm" },
    { "m³ gỗ các loại", "m³" },
    { "m3", "m3" },
    { "%, tăng", "%" },
    { "%/năm trở lên", "%/năm" },
    { "%/tổng dư nợ", "%" },
    { "% KH", "%" },
    { "điểm phần trăm so với", "điểm phần trăm" },
    { "điểm cầu", "điểm cầu" },
    { "lần so với", "lần" },
    { "km đường bê tông", "km" },
    { "MW và", "MW" },
    { "Kg Heroín", "Kg" },
    { "đ (chín", "đ" },
    { "đơn thư", "đơn thư" },
    { "nghìn con", "nghìn con" },
    { "nghìn lượt khách", "nghìn lượt khách" },
    { "lượt HK.Km", "lượt HK.Km" },
    { "triệu lượt HK.Km", "triệu lượt HK.Km" },
    { "doanh nghiệp thành lập mới", "doanh nghiệp" },
    { "hộ gia đình", "hộ gia đình" },
    { "công trình", "công trình" },
    { "công nhân", "công nhân" },
    { "bác sĩ/1 vạn dân", "bác sĩ/1 vạn dân" },
    { "bác sĩ/10.000 dân", "bác sĩ/10.000 dân" },
    { "Tr.USD, tăng", "Tr.USD" },   /* triệu abbreviated, glued by its dot */
    { "tr.người.km", "tr.người.km" },
    { "giường bệnh/vạn dân", "giường bệnh/vạn dân" },
    { "thuê bao/100 dân", "thuê bao/100 dân" },
    { "triệu với 62 lượt", "triệu" },
    { "tỷ (trong đó", "tỷ" },
    { "triệu  đồng", "triệu  đồng" },
    { "hạ tầng", "" },
    { "công", "" },
    { "hecta", "hecta" },
    { "hàng", "" },
    { " ha", "" },
    { "giờ sau tiêm", "giờ" },
    { "ngày công lao động", "ngày công" },
    { "hải lý", "hải lý" },
    { "", "" },
};

static void test_match_prefix(void)
{
    for (size_t i = 0; i < sizeof match_cases / sizeof *match_cases; i++) {
        const match_case *c = &match_cases[i];
        check_case = c->text;
        size_t got = units_match_prefix(NULL, c->text, strlen(c->text));
        CHECK_MEM(c->text, got, c->matched, strlen(c->matched));
    }
    check_case = NULL;
    /* a length limit inside a word must not produce a partial match */
    CHECK_SIZE(units_match_prefix(NULL, "hab", 2), 2);
    CHECK_SIZE(units_match_prefix(NULL, "tấn", 2), 0);
}

static void test_scale_word(void)
{
    /* a scale word glued to its unit, never a syllable's start */
    CHECK_INT((int)units_glued_scale("tỷđồng", strlen("tỷđồng")), (int)strlen("tỷ"));
    CHECK_INT((int)units_glued_scale("triệuUSD", strlen("triệuUSD")), (int)strlen("triệu"));
    CHECK_INT((int)units_glued_scale("tỷ đồng", strlen("tỷ đồng")), 0);
    CHECK_INT((int)units_glued_scale("tỉnh", strlen("tỉnh")), 0);
    CHECK_INT((int)units_glued_scale("ngành", strlen("ngành")), 0);
    CHECK_DBL(units_scale_word("nghìn", strlen("nghìn")), 1e3);
    CHECK_DBL(units_scale_word("ngàn", strlen("ngàn")), 1e3);
    CHECK_DBL(units_scale_word("vạn", strlen("vạn")), 1e4);
    CHECK_DBL(units_scale_word("Triệu", strlen("Triệu")), 1e6);
    CHECK_DBL(units_scale_word("tỷ", strlen("tỷ")), 1e9);
    CHECK_DBL(units_scale_word("tỉ", strlen("tỉ")), 1e9);
    CHECK_DBL(units_scale_word("nghìn tỷ", strlen("nghìn tỷ")), 1e12);
    CHECK_DBL(units_scale_word("trăm", strlen("trăm")), 1e2);
    CHECK_DBL(units_scale_word("tỷ đồng", strlen("tỷ đồng")), 0);
    CHECK_DBL(units_scale_word("ha", 2), 0);
    CHECK_DBL(units_scale_word("", 0), 0);
}

static void test_tables(void)
{
    char buf[256];
    const char *problem = units_check_tables(buf, sizeof buf);
    CHECKF(problem == NULL, "%s", problem ? problem : "");
}

/* A caller registry's units and region reach the recognizer's functions. */
static void test_registry_overlay(void)
{
    vnr_unit_registry *reg = vnr_unit_registry_new(NULL);
    CHECK(reg != NULL);
    CHECK_INT(vnr_unit_registry_define(reg, "bao", 50, "kg", NULL), VNR_OK);
    unit_info ui;
    CHECK_INT(units_resolve(reg, "nghìn bao", strlen("nghìn bao"), false, &ui), VNR_OK);
    CHECK_DBL(ui.factor, 5e4);
    CHECK_STR(ui.canonical, "kg");
    CHECK_SIZE(units_match_prefix(reg, "bao gạo", strlen("bao gạo")), 3);
    CHECK_SIZE(units_match_prefix(NULL, "bao gạo", strlen("bao gạo")), 0);
    CHECK_INT(vnr_unit_registry_set_region(reg, VNR_REGION_SOUTH), VNR_OK);
    CHECK_INT(units_resolve(reg, "sào", strlen("sào"), false, &ui), VNR_OK);
    CHECK_DBL(ui.factor, 1000);
    vnr_unit_registry_free(reg);
}

/* Folding lower-cases after composing, so a lower-case letter may compose
 * anew with the mark after it ('İ' + U+0311 → 'i' + U+0311 → 'ȋ'). The
 * canonical spelling of an open count must fold to itself, or it names a
 * different unit when parsed back (found by fuzz-units). */
static void test_fold_fixed_point(void)
{
    static const char *const inputs[] = {
        "\xc4\xb0\xcc\x91\xc3\xb4[gam",   /* İ̑ô[gam */
        "\xc4\xb0\xcc\x91",                 /* İ̑ */
        "A\xcc\x8a\xcc\x81 con",            /* Ǻ con, NFD */
        "\xe1\xba\xa4N",                     /* ẤN */
        "\xc4\xb0",                           /* İ */
    };
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        char once[256], twice[256];
        size_t n1 = units_fold(inputs[k], strlen(inputs[k]), once, sizeof once);
        CHECKF(n1 != (size_t)-1, "fold of input %zu failed", k);
        if (n1 == (size_t)-1)
            continue;
        size_t n2 = units_fold(once, n1, twice, sizeof twice);
        CHECKF(n2 == n1 && memcmp(once, twice, n1) == 0,
               "input %zu folds to '%.60s', which folds to '%.60s'", k, once, twice);
        unit_info ui, again;
        if (units_resolve(NULL, inputs[k], strlen(inputs[k]), true, &ui) != VNR_OK)
            continue;
        char canon[256];
        snprintf(canon, sizeof canon, "%s", ui.canonical);
        CHECK_INT(units_resolve(NULL, canon, strlen(canon), true, &again), VNR_OK);
        CHECKF(strcmp(again.canonical, canon) == 0, "canonical '%.60s' of input %zu resolves to '%.60s'",
               canon, k, again.canonical);
    }
}

int main(void)
{
    test_tables();
    test_fold_fixed_point();
    test_resolve();
    test_match_prefix();
    test_scale_word();
    test_registry_overlay();
    return check_done("test-units-internal");
}
