/*
 * test-rules-estimate.c — estimate.c: an estimate word in the value's
 * segment or earlier in its sentence (searched once, left to right), the
 * statement head's estimate for the values of its chain, never in a plan
 * part.
 */
#include "rules-harness.h"

static void test_word_before(void)
{
    harness h;
    if (!harness_open(&h, "Sản lượng đạt 120 tấn, dự kiến cả năm đạt 150 tấn, tăng 5%."))
        return;
    sentence_state ss = { .est_scanned = 0, .est_at = NONE };
    size_t dk = tok_of(&h, "dự"), first = tok_of(&h, "120"), second = tok_of(&h, "150");
    CHECK(!estimate_word_before(&h.c, &ss, 0, first));
    CHECK_SIZE(ss.est_scanned, first);   /* scanned up to the value, no further */
    CHECK(estimate_word_before(&h.c, &ss, 0, second));
    CHECK_SIZE(ss.est_at, dk);
    /* once found, the word answers every later value without a scan */
    size_t scanned = ss.est_scanned;
    CHECK(estimate_word_before(&h.c, &ss, 0, h.c.tv.n));
    CHECK_SIZE(ss.est_scanned, scanned);
    /* … but not a value before it */
    CHECK(!estimate_word_before(&h.c, &ss, 0, dk));
    harness_close(&h);
}


typedef struct est_case {
    const char *text;
    bool in_plan;
    size_t n;
    bool est[4];
} est_case;


static void test_sentences(void)
{
    static const est_case cases[] = {
        { "Sản lượng ước đạt 177.078 tấn.", false, 1, { true } },
        { "Sản lượng đạt 177.078 tấn.", false, 1, { false } },
        /* an estimate word at the head of the sentence governs its later figures */
        { "Ước 6 tháng đầu năm, số lượt khách đạt 1.200 lượt.", false, 1, { true } },
        { "Doanh thu dự kiến tăng 8,01%; trong đó ngành chế biến tăng 2,01%.", false, 2, { true, true } },
        /* the changes of an estimated statement */
        { "Sản lượng ước đạt 1.200 tấn, tăng 5% so với cùng kỳ.", false, 2, { true, true } },
        /* a later estimate word does not reach back */
        { "Sản lượng đạt 120 tấn; dự kiến cả năm đạt 150 tấn.", false, 2, { false, true } },
        /* a chain's head: `trong đó` items take its estimate */
        { "Tổng vốn ước đạt 500 tỷ đồng, trong đó: vốn ngân sách 300 tỷ đồng.", false, 2, { true, true } },
        /* never in a plan part: a target is no estimate … */
        { "Sản lượng dự kiến đạt 177.078 tấn.", true, 1, { false } },
        /* … but `ước đạt` there reports an outcome (REVIEW_CUE) */
        { "Sản lượng ước đạt 177.078 tấn.", true, 1, { true } },
        { "Ước tính thu 5 tỷ đồng.", false, 1, { true } },
        /* one after the first value governs its own ';' clause only; a later
         * clause with its own word is estimated again */
        { "GRDP tăng 7,2%; thu nội địa ước đạt 620 tỷ đồng; xuất khẩu tăng 17,4%.", false, 3,
          { false, true, false } },
        { "Chi đầu tư đạt 800 tỷ đồng, ước đạt 48%; chi thường xuyên ước đạt 25% và giảm 19%.", false, 4,
          { false, true, true, true } },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        h.c.in_plan = cases[k].in_plan;
        h.c.plan_period = "";
        CHECK(harness_run(&h));
        CHECK_SIZE(h.out.n_recs, cases[k].n);
        for (size_t r = 0; r < cases[k].n && r < h.out.n_recs; r++)
            CHECKF(h.out.recs[r].estimate == cases[k].est[r], "record %zu: estimate %d", r,
                   (int)h.out.recs[r].estimate);
        harness_close(&h);
    }
    check_case = NULL;
}


/* estimate_step alone, on a draft whose trigger step has run. */
static void test_step(void)
{
    harness h;
    draft_kit dk;
    if (!harness_open(&h, "Kim ngạch ước đạt 1.101,1 triệu USD."))
        return;
    if (draft_role(&h, &dk, "1.101,1")) {
        estimate_step(&h.c, &dk.d);
        CHECK(dk.d.r.estimate);
    }
    harness_close(&h);
    if (!harness_open(&h, "Kim ngạch đạt 1.101,1 triệu USD."))
        return;
    if (draft_role(&h, &dk, "1.101,1")) {
        estimate_step(&h.c, &dk.d);
        CHECK(!dk.d.r.estimate);
    }
    harness_close(&h);
}


int main(void)
{
    test_word_before();
    test_sentences();
    test_step();
    return check_done("test-rules-estimate");
}
