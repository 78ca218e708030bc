/*
 * test-keys.c — canonical indicator keys (keys.c, indicator-keys.def): the
 * folding, the confidence rule on hand-made records, and the table itself
 * (keys ASCII and stable in form, every subject group defined and used,
 * dimensions and roles spelled as the library spells them).
 */
#include "keys.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *fold(const char *s)
{
    /* rotating buffers: one CHECK compares two folds */
    static char outs[2][512];
    static int turn;
    char *out = outs[turn ^= 1];
    vnr_buf b = { 0 };
    CHECK(keys_fold(s, &b));
    snprintf(out, sizeof outs[0], "%s", b.data ? b.data : "");
    buf_free(&b);
    return out;
}

static void test_fold(void)
{
    CHECK_STR(fold("Tổng sản lượng"), fold("tông san lương"));   /* tones go */
    CHECK_STR(fold("Hoà Bình"), fold("Hòa Bình"));                /* old/new placement */
    CHECK_STR(fold("nông, lâm nghiệp - thủy sản"), fold("nông lâm nghiệp thủy sản"));
    CHECK(strcmp(fold("sắn"), fold("sản")) != 0);               /* breve stays */
    CHECK_STR(fold("GRDP"), " grdp ");
    CHECK_STR(fold(""), " ");
    CHECK_STR(fold(NULL), " ");
    CHECK_STR(fold("\xff\xfe x"), " x ");                           /* bad UTF-8: a separator */
}

typedef struct rec_case {
    const char *indicator, *subject, *text, *section, *unit, *dimension;
    vnr_role role;
    const char *key, *subject_key;
} rec_case;

static const rec_case rec_cases[] = {
    { "Tổng sản phẩm trên địa bàn (GRDP)", NULL, "GRDP tăng 6,5%", NULL, "%", "ratio",
      VNR_ROLE_CHANGE, "grdp.growth", NULL },
    { "Tổng sản phẩm trên địa bàn", NULL, "", NULL, "tỷ đồng", "currency",
      VNR_ROLE_LEVEL, "grdp", NULL },
    { "khu vực dịch vụ", NULL, "khu vực dịch vụ tăng 7%", "2. Tăng trưởng kinh tế", "%",
      "ratio", VNR_ROLE_CHANGE, "grdp.growth", "services" },
    { "Sản lượng", "Lúa đông xuân", "", NULL, "tấn", "mass",
      VNR_ROLE_LEVEL, "agri.crop.output", "rice.winter_spring" },
    /* "sản lượng" with no crop named: no guess */
    { "Sản lượng", NULL, "", NULL, "tấn", "mass", VNR_ROLE_LEVEL, NULL, NULL },
    /* two animals named apart: the key, but no subject */
    { "tổng đàn gia súc (trâu, bò)", NULL, "", NULL, "con", "count",
      VNR_ROLE_LEVEL, "agri.livestock.herd", NULL },
    /* a count must be counted in the row's own noun */
    { "tổng đàn gia súc", NULL, "", NULL, "dự án", "count", VNR_ROLE_LEVEL, NULL, NULL },
    /* a level in % of a currency concept is no level of it */
    { "Thu ngân sách nhà nước trên địa bàn", NULL, "", NULL, "%", "ratio",
      VNR_ROLE_LEVEL, NULL, NULL },
    { "Thu ngân sách nhà nước trên địa bàn", NULL, "", NULL, "%", "ratio",
      VNR_ROLE_ATTAINMENT, "budget.revenue", NULL },
    { "tổng thu ngân sách địa phương", NULL, "", NULL, "tỷ đồng", "currency",
      VNR_ROLE_LEVEL, "budget.revenue.local", NULL },
    /* a negated phrase in the clause: burnt forest is no planting */
    { "rừng trồng", NULL, "xảy ra 12 vụ cháy rừng, rừng trồng 13 ha", NULL, "ha", "area",
      VNR_ROLE_LEVEL, "forestry.fire_damage", NULL },
    { "rừng trồng", NULL, "trồng rừng tập trung 1.862 ha", NULL, "ha", "area",
      VNR_ROLE_LEVEL, "forestry.planted", NULL },
    /* the section speaks when the phrase does not */
    { "Năng suất", "Ngô xuân", "", "- Cây lương thực có hạt", "tạ/ha", "rate",
      VNR_ROLE_LEVEL, "agri.crop.yield", "maize.spring" },
    { "nhóm đồ uống và thuốc lá", NULL, "chỉ số giá tiêu dùng tăng 0,5%", NULL, "%", "ratio",
      VNR_ROLE_CHANGE, "prices.cpi", "beverages_tobacco" },
    /* no dimension (a bare number): no key */
    { "Tổng sản phẩm trên địa bàn", NULL, "", NULL, "", NULL, VNR_ROLE_LEVEL, NULL, NULL },
    /* time units name no concept here */
    { "Kim ngạch xuất khẩu", NULL, "", NULL, "tháng", "time", VNR_ROLE_LEVEL, NULL, NULL },
    /* `điện tử` and `xe điện` are no electricity */
    { "ngành sản xuất linh kiện điện tử", NULL, "ngành sản xuất linh kiện điện tử tăng 13,8%", NULL, "%",
      "ratio", VNR_ROLE_CHANGE, NULL, NULL },
    { "Sản lượng ô tô", NULL, "Sản lượng ô tô giảm 7% do cạnh tranh với xe điện", NULL, "%", "ratio",
      VNR_ROLE_CHANGE, NULL, NULL },
    { "điện thương phẩm", NULL, "điện thương phẩm tăng 8,2%", NULL, "%", "ratio", VNR_ROLE_CHANGE,
      "energy.electricity.output", NULL },
};

static void test_records(void)
{
    size_t n = sizeof rec_cases / sizeof *rec_cases;
    vnr_record *recs = calloc(n, sizeof *recs);
    const char **sections = calloc(n, sizeof *sections);
    vnr_arena arena = { 0 };
    CHECK(recs && sections);
    if (!recs || !sections)
        return;
    for (size_t i = 0; i < n; i++) {
        const rec_case *c = &rec_cases[i];
        recs[i] = (vnr_record){ .indicator = c->indicator, .subject = c->subject,
                                .text = c->text, .unit = c->unit, .dimension = c->dimension,
                                .role = c->role, .value = 1 };
        if (c->section) {
            sections[i] = c->section;
            recs[i].section = &sections[i];
            recs[i].section_depth = 1;
        }
    }
    CHECK(keys_assign(recs, n, &arena));
    for (size_t i = 0; i < n; i++) {
        check_case = rec_cases[i].indicator;
        CHECK_STR(recs[i].indicator_key, rec_cases[i].key);
        CHECK_STR(recs[i].subject_key, rec_cases[i].subject_key);
    }
    check_case = NULL;
    CHECK(keys_assign(recs, 0, &arena));
    arena_free(&arena);
    free(sections);
    free(recs);
}

/* ---- the table ---------------------------------------------------- */

typedef struct row {
    const char *key, *name, *codes, *dims, *roles, *subjects, *flags, *patterns;
} row;
static const row rows[] = {
#define INDICATOR(k, n, c, d, r, s, f, p) { k, n, c, d, r, s, f, p },
#include "indicator-keys.def"
#undef INDICATOR
};
typedef struct subject { const char *group, *key, *patterns; } subject;
static const subject subjects[] = {
#define SUBJECT(g, k, p) { g, k, p },
#include "indicator-keys.def"
#undef SUBJECT
};

static int key_chars_ok(const char *k)
{
    if (!islower((unsigned char)*k))
        return 0;
    for (; *k; k++)
        if (!(islower((unsigned char)*k) || isdigit((unsigned char)*k) || *k == '.' || *k == '_'))
            return 0;
    return k[-1] != '.';
}

static int word_in(const char *word, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(*list, word, n) == 0)
            return 1;
    return 0;
}

static int group_defined(const char *g, size_t n)
{
    for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++)
        if (strlen(subjects[i].group) == n && strncmp(subjects[i].group, g, n) == 0)
            return 1;
    return 0;
}

static void test_table(void)
{
    static const char *const dims[] = { "area", "mass", "length", "volume", "energy",
                                        "power", "currency", "count", "ratio", "rate",
                                        "time", "*", NULL };
    static const char *const roles[] = { "level", "change", "index", "attainment", "share",
                                         "target", "*", NULL };
    size_t n = sizeof rows / sizeof *rows, distinct = 0;
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        check_case = r->key;
        CHECK(key_chars_ok(r->key));
        CHECK(*r->name && *r->patterns);
        CHECK(strcmp(r->flags, "") == 0 || strcmp(r->flags, "subject") == 0);
        CHECK(strcmp(r->flags, "subject") != 0 || *r->subjects);
        for (const char *p = r->dims; *p;) {
            size_t l = strcspn(p, "|"), name = strcspn(p, "|:");
            CHECK(word_in(p, name < l ? name : l, dims));
            p += l + (p[l] ? 1 : 0);
        }
        for (const char *p = r->roles; *p;) {
            size_t l = strcspn(p, "|");
            CHECK(word_in(p, l, roles));
            p += l + (p[l] ? 1 : 0);
        }
        for (const char *p = r->subjects; *p;) {
            size_t l = strcspn(p, "|");
            CHECK(group_defined(p, l));
            p += l + (p[l] ? 1 : 0);
        }
        size_t first = 0;
        while (strcmp(rows[first].key, r->key) != 0)
            first++;
        if (first == i)
            distinct++;
        else   /* a concept's rows agree on its name */
            CHECK_STR(rows[first].name, r->name);
    }
    check_case = NULL;
    CHECKF(distinct >= 80, "at least 80 concepts (%zu)", distinct);
    for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++) {
        check_case = subjects[i].key;
        CHECK(key_chars_ok(subjects[i].key));
        int used = 0;
        for (size_t k = 0; k < n && !used; k++)
            used = strstr(rows[k].subjects, subjects[i].group) != NULL;
        CHECK(used);
    }
    check_case = NULL;
}

int main(void)
{
    test_fold();
    test_records();
    test_table();
    return check_done("test-keys");
}
