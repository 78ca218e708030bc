/*
 * test-rules-baseline.c — baseline.c: what a value is compared with.
 * baseline_at (with or without `so với`, codes that take a year, the
 * report's year, compared periods), compare_word_at, baseline codes and
 * their flags, plan words after and before a value, and the baselines a
 * chain and a block carry (through process_sentence).
 */
#include "rules-harness.h"

typedef struct bl_case {
    const char *text, *at;   /* baseline_at at the first token written `at` */
    int year, period_kind, period_n;   /* the report's */
    const char *code;        /* NULL: no baseline */
    size_t used;
} bl_case;


static void test_baseline_at(void)
{
    static const bl_case cases[] = {
        { "tăng 5% so với cùng kỳ.", "so", 0, 0, 0, "same_period_last_year", 4 },
        { "tăng 5% so cùng kỳ năm trước", "so", 0, 0, 0, "same_period_last_year", 5 },
        { "tăng 5% cùng kỳ", "cùng", 0, 0, 0, "same_period_last_year", 2 },
        { "tăng 5% so với năm 2020.", "so", 0, 0, 0, "year:2020", 4 },
        { "tăng 5% so với năm trước", "so", 0, 0, 0, "previous_year", 4 },
        { "tăng 5% so với tháng trước", "so", 0, 0, 0, "previous_period", 4 },
        { "tăng 5% so với cuối năm 2020", "so", 0, 0, 0, "year_end:2020", 5 },
        { "tăng 5% so với 31/12/2020", "so", 0, 0, 0, "year_end:2020", 3 },
        { "đạt 98% kế hoạch", "kế", 0, 0, 0, "plan", 2 },
        { "đạt 99,5% KH", "KH", 0, 0, 0, "plan", 1 },
        { "đạt 62% so với kế hoạch", "so", 0, 0, 0, "plan", 4 },
        { "đạt 144,6% dự toán TW giao", "dự", 0, 0, 0, "budget_central", 4 },
        { "đạt 80% dự toán tỉnh giao", "dự", 0, 0, 0, "budget_local", 4 },
        { "cao hơn so với cả nước", "so", 0, 0, 0, "national", 4 },
        /* `năm` alone names no baseline, nor `năm nay` */
        { "tăng 5% năm nay", "năm", 0, 0, 0, NULL, 0 },
        { "tăng 5% so với năm nay", "so", 0, 0, 0, NULL, 0 },
        /* `năm trước` without `so với` is not necessarily a baseline */
        { "tăng 5% năm trước", "năm", 0, 0, 0, NULL, 0 },
        /* a year-end without its year: the report's year − 1, or none */
        { "tăng 5% so với cuối năm trước", "so", 0, 0, 0, NULL, 0 },
        { "tăng 5% so với cuối năm trước", "so", 2023, 0, 0, "year_end:2022", 5 },
        { "tăng 5% so với đầu năm", "so", 2023, 0, 0, "year_end:2022", 4 },
        /* a compared period against the report's (April 2023) */
        { "tăng 5% so với tháng 3/2023", "so", 2023, 1, 4, "previous_period", 4 },
        { "tăng 5% so với tháng 4/2022", "so", 2023, 1, 4, "same_period_last_year", 4 },
        /* not at a baseline */
        { "tăng 5% so với", "tăng", 0, 0, 0, NULL, 0 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const bl_case *b = &cases[k];
        harness h;
        check_case = b->text;
        if (!harness_open_year(&h, b->text, b->year))
            continue;
        h.meta.period_kind = b->period_kind;
        h.meta.period_n = b->period_n;
        size_t used = 12345;
        const char *code = baseline_at(&h.c, tok_of(&h, b->at), &used);
        CHECK_STR(code, b->code);
        if (b->code)
            CHECK_SIZE(used, b->used);
        harness_close(&h);
    }
    check_case = NULL;
}


static void test_compare_word(void)
{
    harness h;
    if (!harness_open(&h, "tăng 5% so với cùng kỳ, giảm 2% so cùng kỳ"))
        return;
    size_t full = tok_nth(&h, "so", 0), bare = tok_nth(&h, "so", 1);
    CHECK_SIZE(compare_word_at(&h.c, full, false), 2);
    CHECK_SIZE(compare_word_at(&h.c, full, true), 2);
    CHECK_SIZE(compare_word_at(&h.c, bare, false), 1);
    CHECK_SIZE(compare_word_at(&h.c, bare, true), 0);
    CHECK_SIZE(compare_word_at(&h.c, tok_of(&h, "tăng"), false), 0);
    harness_close(&h);
}


static void test_codes(void)
{
    CHECK_INT(baseline_id_of("same_period_last_year"), BL_SAME_PERIOD_LAST_YEAR);
    CHECK_INT(baseline_id_of("year:2020"), BL_YEAR);
    CHECK_INT(baseline_id_of("year_end:2022"), BL_YEAR_END);
    CHECK_INT(baseline_id_of("plan"), BL_PLAN);
    CHECK_INT(baseline_id_of("budget_central"), BL_BUDGET_CENTRAL);
    /* a code that takes no year matches only whole */
    CHECK_INT(baseline_id_of("plan2020"), BL_OTHER);
    CHECK_INT(baseline_id_of("month:3/2023"), BL_OTHER);
    CHECK_INT(baseline_flags("plan"), BC_BARE | BC_PLAN);
    CHECK_INT(baseline_flags("budget"), BC_BARE | BC_BUDGET);
    CHECK_INT(baseline_flags("year:2020"), BC_TAKES_YEAR | BC_NEEDS_YEAR);
    CHECK_INT(baseline_flags("year_end:2020"), BC_TAKES_YEAR);
    CHECK_INT(baseline_flags("previous_year"), 0);
    CHECK_INT(baseline_flags("same_period_last_year"), BC_BARE);
    CHECK_INT(baseline_flags("month:3/2023"), 0);
    CHECK_INT(baseline_flags(NULL), 0);
}


static void test_plan_words(void)
{
    static const struct { const char *text, *at, *plan; } after[] = {
        { "đạt 99,5% KH", "KH", "plan" },
        { "đạt 98% kế hoạch năm", "kế", "plan" },
        { "đạt 98% so với kế hoạch", "so", "plan" },
        { "đạt 80% nhiệm vụ", "nhiệm", "plan" },
        { "đạt 144,6% dự toán TW giao", "dự", "budget_central" },
        { "đạt 51% dự toán", "dự", "budget" },
        { "tăng 5% so với cùng kỳ", "so", NULL },
        { "tăng 5% cùng kỳ", "cùng", NULL },
    };
    for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
        harness h;
        check_case = after[k].text;
        if (!harness_open(&h, after[k].text))
            continue;
        CHECK_STR(plan_after(&h.c, tok_of(&h, after[k].at)), after[k].plan);
        harness_close(&h);
    }
    check_case = NULL;
    harness h;
    /* a plan named before the trigger, after a full `so với` only */
    if (!harness_open(&h, "Thu ngân sách so với dự toán TW giao đạt 62%."))
        return;
    CHECK_STR(plan_before(&h.c, tok_of(&h, "62")), "budget_central");
    harness_close(&h);
    if (!harness_open(&h, "Thu ngân sách so kế hoạch đạt 62%."))
        return;
    CHECK_STR(plan_before(&h.c, tok_of(&h, "62")), NULL);
    harness_close(&h);
    /* not across a number: the plan belongs to the earlier value */
    if (!harness_open(&h, "so với kế hoạch đạt 5 tỷ, tăng 62%."))
        return;
    CHECK_STR(plan_before(&h.c, tok_of(&h, "62")), NULL);
    harness_close(&h);
}


static void test_after_and_before(void)
{
    harness h;
    if (!harness_open(&h, "So với cùng kỳ, sản lượng tăng 5% (đạt 2 tấn), giá giảm 3%; tăng 4% so với năm trước."))
        return;
    rctx *c = &h.c;
    size_t five = tok_of(&h, "5"), three = tok_of(&h, "3"), four = tok_of(&h, "4");
    CHECK_STR(baseline_before(c, 0, five), "same_period_last_year");
    CHECK_STR(baseline_before(c, tok_of(&h, "sản"), five), NULL);
    /* after a value: up to a strong boundary or the next number */
    CHECK_STR(baseline_after(c, three + 2, c->tv.n), NULL);   /* the ';' comes first */
    CHECK_STR(baseline_after(c, four + 2, c->tv.n), "previous_year");
    CHECK_STR(baseline_after(c, five + 2, c->tv.n), NULL);    /* `(đạt 2 tấn)`: a number first */
    CHECK(gap_skippable(c, tok_of(&h, "(") , tok_of(&h, "(") + 1));
    CHECK(!gap_skippable(c, tok_of(&h, "giá"), tok_of(&h, "giá") + 1));
    harness_close(&h);
}


/* Records of whole sentences: the baseline rows and what a chain and a
 * block carry. */
static void test_sentences(void)
{
    static const struct {
        const char *text;
        size_t rec;
        const char *baseline;
    } cases[] = {
        { "Sản lượng tăng 5% so với cùng kỳ.", 0, "same_period_last_year" },
        { "So với cùng kỳ, sản lượng tăng 5%.", 0, "same_period_last_year" },
        { "Thu ngân sách đạt 99,5% KH.", 0, "plan" },
        /* a baseline stated once for a chain reaches each change */
        { "Nông nghiệp tăng 3,5%; công nghiệp tăng 7,2% so với năm trước.", 0, "previous_year" },
        { "Nông nghiệp tăng 3,5%; công nghiệp tăng 7,2% so với năm trước.", 1, "previous_year" },
        /* a level has none */
        { "Sản lượng đạt 120 tấn, tăng 5% so với cùng kỳ.", 0, NULL },
        { "Sản lượng đạt 120 tấn, tăng 5% so với cùng kỳ.", 1, "same_period_last_year" },
        /* a comparison stated earlier in the block reaches a later sentence */
        { "So với tháng trước, chỉ số giá giảm 0,01%. Nhóm giáo dục tăng 0,5%.", 1, "previous_period" },
        /* but a plan does not */
        { "Thu ngân sách đạt 99,5% KH. Chi ngân sách tăng 3%.", 1, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        CHECK(harness_run(&h));
        CHECK(cases[k].rec < h.out.n_recs);
        if (cases[k].rec < h.out.n_recs)
            CHECK_STR(h.out.recs[cases[k].rec].baseline, cases[k].baseline);
        harness_close(&h);
    }
    check_case = NULL;
}


int main(void)
{
    test_baseline_at();
    test_compare_word();
    test_codes();
    test_plan_words();
    test_after_and_before();
    test_sentences();
    return check_done("test-rules-baseline");
}
