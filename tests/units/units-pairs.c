/*
 * units-pairs.c — lists libvnreport's conversions for the differential test
 * against GNU units (diff-gnu-units.py).
 *
 * Takes the built-in registry's standard part (every spelling of every
 * measurement unit and currency; no count nouns) plus scaled, compound and
 * odd-case expressions, and prints tab-separated lines:
 *   S  word  multiplier            a scale word
 *   E  expr  dimension             an expression (GNU must know it)
 *   P  from  to  factor  offset    a conversion libvnreport performs
 *   N  from  to                    a pair it refuses as incompatible
 * Uses only the public API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnreport/vnreport.h>

/* Exercises scale words, compounds, regional units in compounds, time in
 * denominators, energy per time (= power) and odd case as reports write it. */
static const char *const extra_expressions[] = {
    "nghìn tấn", "triệu tấn", "vạn tấn", "nghìn ha", "vạn ha", "trăm ha", "triệu m3",
    "nghìn lít", "tỷ đồng", "tỉ đồng", "triệu đồng", "nghìn đồng", "nghìn tỷ đồng",
    "ngàn tỉ đồng", "triệu USD", "tỷ USD", "triệu kWh", "Triệu Kwh", "KWh", "Kg", "VNĐ",
    "nghìn MW", "tạ/ha", "tạ/hạ", "tấn/ha", "kg/ha", "kg/m2", "yến/sào", "tạ/mẫu",
    "nghìn tấn/nghìn ha", "đồng/kg", "triệu đồng/tấn", "nghìn đồng/kg", "VND/kg",
    "USD/tấn", "triệu USD/nghìn tấn", "tỷ đồng/ha", "đồng/m2", "triệu đồng/sào",
    "kWh/năm", "triệu kWh/năm", "Wh/ngày", "GWh/tháng", "m3/ngày", "lít/giây",
    "m3/giờ", "km/giờ", "m/giây", "km/h", "%/năm", "%/tháng", "tấn/năm",
    "nghìn tấn/năm", "kg/tháng", "triệu đồng/tháng", "USD/năm", "tỷ đồng/năm",
    "lít/ngày/ha", "m3/giây/km2",
};

typedef struct expr_list {
    char **items;
    size_t n, cap;
} expr_list;

static void add_expression(expr_list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return;
    vnr_unit *u = NULL;
    if (vnr_unit_parse(s, &u) != VNR_OK)
        return;  /* spellings valid only after '/' (`hạ`) */
    vnr_unit_free(u);
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (!l->items)
            exit(2);
    }
    l->items[l->n++] = strdup(s);
}

static void collect(expr_list *l)
{
    const vnr_unit_registry *reg = vnr_unit_registry_builtin();
    size_t n = vnr_unit_registry_count(reg);
    for (size_t i = 0; i < n; i++) {
        if (vnr_unit_registry_kind(reg, i) == VNR_UNIT_KIND_SCALE)
            printf("S\t%s\t%.17g\n", vnr_unit_registry_name(reg, i), vnr_unit_registry_factor(reg, i));
        if (vnr_unit_registry_kind(reg, i) != VNR_UNIT_KIND_UNIT)
            continue;
        add_expression(l, vnr_unit_registry_name(reg, i));
        const char *alias;
        for (size_t k = 0; (alias = vnr_unit_registry_alias(reg, i, k)) != NULL; k++)
            add_expression(l, alias);
    }
    for (size_t i = 0; i < sizeof extra_expressions / sizeof *extra_expressions; i++)
        add_expression(l, extra_expressions[i]);
}

int main(void)
{
    expr_list l = { 0 };
    collect(&l);
    vnr_unit **units = calloc(l.n, sizeof *units);
    size_t *group = calloc(l.n, sizeof *group);
    if (!units || !group)
        return 2;
    for (size_t i = 0; i < l.n; i++) {
        vnr_unit_parse(l.items[i], &units[i]);
        printf("E\t%s\t%s\n", l.items[i], vnr_unit_dimension(units[i]));
        group[i] = i;
    }
    for (size_t i = 0; i < l.n; i++) {
        for (size_t j = 0; j < l.n; j++) {
            vnr_converter *c = NULL;
            if (i == j || vnr_converter_from_units(NULL, units[i], units[j], &c, NULL) != VNR_OK)
                continue;
            printf("P\t%s\t%s\t%.17g\t%.17g\n", l.items[i], l.items[j], vnr_converter_factor(c),
                   vnr_converter_offset(c));
            vnr_converter_free(c);
            if (group[j] == j && j > i)
                group[j] = group[i];
        }
    }
    /* One refused pair per two groups: their first members. */
    for (size_t i = 0; i < l.n; i++) {
        for (size_t j = i + 1; j < l.n; j++) {
            if (group[i] != i || group[j] != j)
                continue;
            vnr_error *err = NULL;
            double out;
            vnr_status st = vnr_convert_ex(NULL, 1, l.items[i], l.items[j], &out, &err);
            if (st == VNR_E_INCOMPATIBLE || st == VNR_E_NO_RATE)
                printf("N\t%s\t%s\n", l.items[i], l.items[j]);
            else
                printf("X\t%s\t%s\tgroups differ but status %d\n", l.items[i], l.items[j], (int)st);
            vnr_error_free(err);
        }
    }
    for (size_t i = 0; i < l.n; i++) {
        vnr_unit_free(units[i]);
        free(l.items[i]);
    }
    free(units);
    free(group);
    free(l.items);
    return 0;
}
