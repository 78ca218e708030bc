/*
 * test-rules-record-period.c — record-period.c: the period of a record
 * (the nearest period phrase before it in its sentence, one right after
 * it, a year left unsaid taken as the report's, a plan part's own), and
 * the tokens of period phrases (kept out of indicators, no quantities).
 */
#include "rules-harness.h"
#include "period.h"

typedef struct per_case {
    const char *text;
    int year;
    size_t rec;
    const char *period;
} per_case;


static void test_record_periods(void)
{
    static const per_case cases[] = {
        { "Sản lượng 6 tháng đầu năm 2024 ước đạt 1.200 tấn, tăng 5% so với cùng kỳ.", 0, 0, "2024-H1" },
        { "Sản lượng 6 tháng đầu năm 2024 ước đạt 1.200 tấn, tăng 5% so với cùng kỳ.", 0, 1, "2024-H1" },
        /* a year left unsaid is the report's */
        { "Ước 6 tháng đầu năm, số lượt khách đạt 1.200 lượt.", 2024, 0, "2024-H1" },
        { "Ước 6 tháng đầu năm, số lượt khách đạt 1.200 lượt.", 0, 0, NULL },
        { "Tính chung 9 tháng năm 2024, kim ngạch xuất khẩu ước đạt 1.101,1 triệu USD.", 0, 0,
          "2024-01/2024-09" },
        { "Lũy kế 7 tháng, giá trị ước đạt 1.101,1 triệu USD.", 2024, 0, "2024-01/2024-07" },
        { "Sản lượng quý III/2024 tăng 5%.", 0, 0, "2024-Q3" },
        { "Năm 2023, sản lượng đạt 50 tấn.", 0, 0, "2023" },
        { "Sản lượng tháng 9 năm 2024 đạt 50 tấn.", 0, 0, "2024-M09" },
        /* after the value, in its clause */
        { "Sản lượng tăng 5% trong tháng 4/2023.", 0, 0, "2023-M04" },
        /* right after each value */
        { "Tỷ lệ giảm từ 3,8% năm 2018 xuống còn 3,2% năm 2019.", 0, 0, "2018" },
        { "Tỷ lệ giảm từ 3,8% năm 2018 xuống còn 3,2% năm 2019.", 0, 1, "2019" },
        /* a compared period is not the record's */
        { "Sản lượng tăng 5% so với năm 2020.", 0, 0, NULL },
        /* none named */
        { "Sản lượng đạt 50 tấn.", 2024, 0, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open_year(&h, cases[k].text, cases[k].year))
            continue;
        CHECK(harness_run(&h));
        CHECK(cases[k].rec < h.out.n_recs);
        if (cases[k].rec < h.out.n_recs)
            CHECK_STR(h.out.recs[cases[k].rec].period, cases[k].period);
        harness_close(&h);
    }
    check_case = NULL;
}


/* A plan part's values take the plan's period, stated or not. */
static void test_plan_period(void)
{
    harness h;
    if (!harness_open_year(&h, "Trồng rừng 6 tháng đầu năm: 3.485 ha.", 2024))
        return;
    h.c.in_plan = true;
    h.c.plan_period = "2025";
    CHECK(harness_run(&h));
    CHECK_SIZE(h.out.n_recs, 1);
    if (h.out.n_recs) {
        CHECK_STR(h.out.recs[0].period, "2025");
        CHECK_INT(h.out.recs[0].role, VNR_ROLE_TARGET);
    }
    harness_close(&h);
    if (!harness_open_year(&h, "Trồng rừng: 3.485 ha.", 2024))
        return;
    h.c.in_plan = true;
    h.c.plan_period = "";
    CHECK(harness_run(&h));
    CHECK(h.out.n_recs == 1 && h.out.recs[0].period == NULL);
    harness_close(&h);
}


static void test_period_tokens(void)
{
    harness h;
    if (!harness_open(&h, "Lũy kế 7 tháng năm 2024 sản lượng tăng 5% so với tháng 12 năm trước"))
        return;
    rctx *c = &h.c;
    CHECK(in_period_phrase(c, tok_of(&h, "7")));
    CHECK(in_period_phrase(c, tok_of(&h, "2024")));
    CHECK(!in_period_phrase(c, tok_of(&h, "5")));
    CHECK(in_period_phrase(c, tok_of(&h, "12")));   /* a compared period is no quantity either */
    /* kept out of indicators: the compared one only when asked */
    size_t n = c->tv.n;
    bool skip[PERIOD_TRIM_TOKENS];
    CHECK(n <= PERIOD_TRIM_TOKENS);
    CHECK(mark_period_tokens(c, 0, n, false, skip));
    CHECK(skip[tok_of(&h, "7")] && skip[tok_of(&h, "tháng")] && skip[tok_of(&h, "2024")]);
    CHECK(!skip[tok_of(&h, "sản")] && !skip[tok_of(&h, "5")]);
    CHECK(!skip[tok_of(&h, "12")]);
    CHECK(mark_period_tokens(c, 0, n, true, skip));
    CHECK(skip[tok_of(&h, "12")]);
    char buf[32];
    CHECK(period_of_tokens(c, 0, tok_of(&h, "sản"), false, buf, sizeof buf));
    CHECK_STR(buf, "2024-01/2024-07");
    CHECK(!period_of_tokens(c, tok_of(&h, "sản"), tok_of(&h, "so"), false, buf, sizeof buf));
    CHECK(!period_of_tokens(c, 3, 3, false, buf, sizeof buf));
    harness_close(&h);
}


/* The block's lower-cased copy answers as utf8_lower would, slice by
 * slice (its stop before cap included), whether or not the copy is exact
 * (İ, the Kelvin sign and ẞ lower to fewer bytes), and the period of every
 * window is what the grammar reads in utf8_lower's text: the look for a
 * head word skips only windows where the grammar finds nothing. */
static void test_lowered_copy(void)
{
    static const char *const texts[] = {
        "QUÝ III/2024 SẢN LƯỢNG ĐẠT 12,5 NGHÌN TẤN, TĂNG 3% SO VỚI THÁNG 9 NĂM TRƯỚC",
        "Tính chung 9 tháng, vốn đầu tư đạt 1.234 tỷ đồng; tháng 10/2024 tăng 2,1%",
        "İstanbul gửi 12 tấn hàng trong tháng 5 năm 2023",
        "Nhiệt độ 300 \xE2\x84\xAA trong Quý II, lũy kế 6 tháng đầu năm 2024",
        "Hàng \xE1\xBA\x9E 7 tháng năm 2022 đạt 5 tỷ đồng, cả năm 2022 tăng 4%",
        "thángnăm 12 quýx 3 năm2024 tháng",
    };
    char want[2048], got[2048];
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        harness h;
        if (!harness_open_year(&h, texts[k], 2024))
            continue;
        rctx *c = &h.c;
        for (size_t a = 0; a < c->tv.n; a++)
            for (size_t b = a + 1; b <= c->tv.n; b++) {
                size_t from = c->tv.t[a].start, len = c->tv.t[b - 1].end - from;
                for (size_t cap = 1; cap < 3 * len + 8; cap += 1 + cap / 4) {
                    size_t nw = utf8_lower(c->text + from, len, want, cap);
                    size_t ng = lower_text(c, from, len, got, cap);
                    CHECKF(nw == ng && memcmp(want, got, nw + 1) == 0,
                           "lower_text of text %zu, tokens [%zu, %zu), cap %zu", k, a, b, cap);
                }
                size_t n = utf8_lower(c->text + from, len, want, sizeof want);
                period_ref p;
                char direct[32] = "", via[32] = "";
                bool d = period_last(want, n, &p) && period_format(&p, 2024, direct, sizeof direct);
                bool v = period_of_tokens(c, a, b, false, via, sizeof via);
                CHECKF(d == v && strcmp(direct, via) == 0,
                       "period of text %zu, tokens [%zu, %zu): %s vs %s", k, a, b, direct, via);
            }
        harness_close(&h);
    }
}


int main(void)
{
    test_record_periods();
    test_plan_period();
    test_period_tokens();
    test_lowered_copy();
    return check_done("test-rules-record-period");
}
