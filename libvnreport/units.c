/*
 * units.c — TEMPORARY minimal registry so the pipeline links; the units
 * module (issue 3) replaces this file wholesale.
 */
#include "units.h"
#include "buf.h"
#include "normalize.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

static const struct { const char *name; double factor; const char *canon; const char *dim; } stub_units[] = {
    { "ha", 1e4, "m2", "area" }, { "m2", 1, "m2", "area" }, { "km2", 1e6, "m2", "area" },
    { "m", 1, "m", "length" }, { "km", 1e3, "m", "length" }, { "m3", 1, "m3", "volume" },
    { "m³", 1, "m3", "volume" }, { "tấn", 1e3, "kg", "mass" }, { "tạ", 100, "kg", "mass" },
    { "kg", 1, "kg", "mass" }, { "đồng", 1, "VND", "currency" }, { "usd", 1, "USD", "currency" },
    { "%", 1, "%", "ratio" }, { "lần", 1, "x", "ratio" }, { "kwh", 1e3, "Wh", "energy" },
    { "mw", 1e6, "W", "power" }, { "điểm phần trăm", 1, "pp", "ratio" },
};
static const struct { const char *name; double mult; } stub_scales[] = {
    { "nghìn tỷ", 1e12 }, { "nghìn", 1e3 }, { "ngàn", 1e3 }, { "vạn", 1e4 },
    { "triệu", 1e6 }, { "tỷ", 1e9 }, { "tỉ", 1e9 },
};

static size_t lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    while (i < n && o + 5 < cap) {
        uint32_t cp = utf8_next(s, n, &i);
        o += (size_t)utf8proc_encode_char(utf8proc_tolower((utf8proc_int32_t)cp), (utf8proc_uint8_t *)out + o);
    }
    out[o] = 0;
    return o;
}

double units_scale_word(const char *s, size_t n)
{
    char l[64];
    size_t m = lower(s, n, l, sizeof l);
    for (size_t i = 0; i < sizeof stub_scales / sizeof *stub_scales; i++)
        if (strlen(stub_scales[i].name) == m && memcmp(stub_scales[i].name, l, m) == 0)
            return stub_scales[i].mult;
    return 0;
}

static bool boundary(const char *s, size_t n, size_t k)
{
    if (k >= n)
        return true;
    size_t j = k;
    uint32_t cp = utf8_next(s, n, &j);
    return !(cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9') : cp >= 0xC0);
}

size_t units_match_prefix(const vnr_unit_registry *reg, const char *s, size_t n)
{
    (void)reg;
    char l[128];
    size_t m = lower(s, n < 100 ? n : 100, l, sizeof l);
    size_t best = 0, pos = 0;
    for (size_t i = 0; i < sizeof stub_scales / sizeof *stub_scales; i++) {
        size_t L = strlen(stub_scales[i].name);
        if (L <= m && memcmp(l, stub_scales[i].name, L) == 0 && boundary(l, m, L)) {
            pos = L + (L < m && l[L] == ' ');
            best = L;
            break;
        }
    }
    for (size_t i = 0; i < sizeof stub_units / sizeof *stub_units; i++) {
        size_t L = strlen(stub_units[i].name);
        if (pos + L <= m && memcmp(l + pos, stub_units[i].name, L) == 0 && boundary(l, m, pos + L) &&
            pos + L > best)
            best = pos + L;
    }
    return best;
}

vnr_status units_resolve(const vnr_unit_registry *reg, const char *s, size_t n,
                         bool open_count, unit_info *out)
{
    (void)reg;
    char l[128];
    size_t m = lower(s, n, l, sizeof l);
    out->factor = 1;
    out->dimension = "count";
    size_t pos = 0;
    for (size_t i = 0; i < sizeof stub_scales / sizeof *stub_scales; i++) {
        size_t L = strlen(stub_scales[i].name);
        if (L <= m && memcmp(l, stub_scales[i].name, L) == 0 && (L == m || l[L] == ' ')) {
            out->factor = stub_scales[i].mult;
            pos = L + (L < m);
            break;
        }
    }
    const char *part = l + pos;
    char *slash = strchr(part, '/');
    size_t plen = slash ? (size_t)(slash - part) : strlen(part);
    for (size_t i = 0; i < sizeof stub_units / sizeof *stub_units; i++) {
        if (strlen(stub_units[i].name) == plen && memcmp(stub_units[i].name, part, plen) == 0) {
            out->factor *= stub_units[i].factor;
            snprintf(out->canonical, sizeof out->canonical, "%s%s", stub_units[i].canon, slash ? slash : "");
            out->dimension = slash ? "rate" : stub_units[i].dim;
            return VNR_OK;
        }
    }
    if (!open_count)
        return VNR_E_UNKNOWN_UNIT;
    snprintf(out->canonical, sizeof out->canonical, "%s", part);
    return VNR_OK;
}
