/*
 * test-rules-pairs.c — pairs.c through process_sentence: a value and its
 * target across '/' (`3.669,25 ha/3.621,7 ha`, `52,43 tạ/51,4 tạ/ha`), an
 * actual/plan fraction (`286.540/280.000 con`), a part of a whole (`12/20
 * xã`), ranges as one record with value_max (`14 - 16%`, `từ 1,21% đến
 * 13,16%`), and what is no pair.
 */
#include "rules-harness.h"

typedef struct xrec {
    vnr_role role;
    double value, value_max, total;
    const char *unit, *num;   /* num: the value's text span */
} xrec;

typedef struct pair_case {
    const char *text;
    size_t n;
    xrec r[2];
    const char *range_end;    /* a number whose fate must be range_end, or NULL */
} pair_case;


static void test_pairs(void)
{
    static const pair_case cases[] = {
        { "Diện tích 3.669,25 ha/3.621,7 ha.", 2,
          { { VNR_ROLE_LEVEL, 3669.25, NAN, NAN, "ha", "3.669,25" },
            { VNR_ROLE_TARGET, 3621.7, NAN, NAN, "ha", "3.621,7" } }, NULL },
        /* the second unit extends the first: both take it */
        { "Năng suất 52,43 tạ/51,4 tạ/ha.", 2,
          { { VNR_ROLE_LEVEL, 52.43, NAN, NAN, "tạ/ha", "52,43" },
            { VNR_ROLE_TARGET, 51.4, NAN, NAN, "tạ/ha", "51,4" } }, NULL },
        /* a part larger than its whole: actual, then plan */
        { "Tổng đàn lợn 286.540/280.000 con.", 2,
          { { VNR_ROLE_LEVEL, 286540, NAN, NAN, "con", "286.540" },
            { VNR_ROLE_TARGET, 280000, NAN, NAN, "con", "280.000" } }, NULL },
        /* a part of its whole: one value with its total */
        { "Có 12/20 xã đạt chuẩn.", 1, { { VNR_ROLE_LEVEL, 12, NAN, 20, "xã", "12" } }, NULL },
        { "Có 11/11 huyện hoàn thành.", 1, { { VNR_ROLE_LEVEL, 11, NAN, 11, "huyện", "11" } }, NULL },
        { "Tỷ lệ đạt 45/50%.", 1, { { VNR_ROLE_LEVEL, 45, NAN, 50, "%", "45" } }, NULL },
        /* ranges: one record */
        { "Tỷ lệ che phủ rừng từ 14 - 16%.", 1,
          { { VNR_ROLE_LEVEL, 14, 16, NAN, "%", "14 - 16" } }, NULL },
        { "Kế hoạch tăng từ 14 - 16%.", 1,
          { { VNR_ROLE_TARGET, 14, 16, NAN, "%", "14 - 16" } }, NULL },
        { "Tăng 7-8 %.", 1, { { VNR_ROLE_CHANGE, 7, 8, NAN, "%", "7-8" } }, NULL },
        { "Lãi suất dao động từ 1,21% đến 13,16%.", 1,
          { { VNR_ROLE_LEVEL, 1.21, 13.16, NAN, "%", "1,21" } }, "13,16" },
        { "Lãi suất dao động từ 12 đến 16%.", 1,
          { { VNR_ROLE_LEVEL, 12, 16, NAN, "%", "12" } }, "16" },
        { "Tăng 14% - 16%.", 1, { { VNR_ROLE_CHANGE, 14, 16, NAN, "%", "14" } }, "16" },
        /* no pair: units of different measures, a falling `range` */
        { "Diện tích 3.669,25 ha/3.621,7 tấn.", 2,
          { { VNR_ROLE_LEVEL, 3669.25, NAN, NAN, "ha", "3.669,25" },
            { VNR_ROLE_LEVEL, 3621.7, NAN, NAN, "tấn", "3.621,7" } }, NULL },
        { "Lãi suất từ 16% - 14%.", 2,
          { { VNR_ROLE_LEVEL, 16, NAN, NAN, "%", "16" },
            { VNR_ROLE_LEVEL, 14, NAN, NAN, "%", "14" } }, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const pair_case *pc = &cases[k];
        harness h;
        check_case = pc->text;
        if (!harness_open(&h, pc->text))
            continue;
        CHECK(harness_run(&h));
        CHECK_SIZE(h.out.n_recs, pc->n);
        for (size_t r = 0; r < pc->n && r < h.out.n_recs; r++) {
            const vnr_record *got = &h.out.recs[r];
            const xrec *x = &pc->r[r];
            char buf[32];
            CHECK_INT(got->role, x->role);
            CHECK_DBL(got->value, x->value);
            CHECK_DBL(got->value_max, x->value_max);
            CHECK_DBL(got->total, x->total);
            CHECK_STR(got->unit, x->unit);
            CHECK_STR(harness_span(&h, got->norm_start, got->norm_end, buf, sizeof buf), x->num);
            /* a pair's second value shares the first's indicator */
            if (r > 0)
                CHECK_STR(got->indicator, h.out.recs[0].indicator);
        }
        if (pc->range_end)
            CHECK_STR(harness_fate(&h, pc->range_end), "range_end");
        harness_close(&h);
    }
    check_case = NULL;
}


/* The fates of a fraction pair point at each half of the token. */
static void test_fraction_fates(void)
{
    harness h;
    if (!harness_open(&h, "Tổng đàn lợn 286.540/280.000 con."))
        return;
    CHECK(harness_run(&h));
    CHECK_STR(harness_fate(&h, "286.540"), "record");
    CHECK_STR(harness_fate(&h, "280.000"), "record");
    CHECK_SIZE(h.out.n_fates, 2);
    for (size_t f = 0; f < h.out.n_fates && f < 2; f++)
        CHECK_SIZE(h.out.fates[f].record, f);
    harness_close(&h);
}


int main(void)
{
    test_pairs();
    test_fraction_fates();
    return check_done("test-rules-pairs");
}
