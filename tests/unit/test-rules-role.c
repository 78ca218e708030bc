/*
 * test-rules-role.c — role.c: the decision rows that set a value's role
 * and sign from its trigger (find_trigger_step, then assign_role, on a
 * fresh draft), qualifiers, then the rules that look past the trigger
 * (restatements, brackets, target cues, shares, growth rates) on whole
 * sentences through process_sentence.
 */
#include "rules-harness.h"

typedef struct role_case {
    const char *text, *num;
    const char *trigger;   /* phrase of the trigger found, NULL for none */
    vnr_role role;
    double value;
    const char *plan;      /* plan_code the row took, or NULL */
} role_case;


static void test_decision_rows(void)
{
    static const role_case cases[] = {
        /* a change takes the trigger's sign */
        { "Sản lượng giảm 5%.", "5", "giảm", VNR_ROLE_CHANGE, -5, NULL },
        { "Sản lượng tăng 5%.", "5", "tăng", VNR_ROLE_CHANGE, 5, NULL },
        { "Sản lượng sụt giảm 4.968,6 tấn.", "4.968,6", "sụt giảm", VNR_ROLE_CHANGE, -4968.6, NULL },
        { "Sản lượng ít hơn 5 tấn.", "5", "ít hơn", VNR_ROLE_CHANGE, -5, NULL },
        { "Sản lượng tăng nhẹ 0,04%.", "0,04", "tăng", VNR_ROLE_CHANGE, 0.04, NULL },
        /* times after a change verb: an index */
        { "Giá trị tăng 1,5 lần.", "1,5", "tăng", VNR_ROLE_INDEX, 1.5, NULL },
        { "Số hộ gấp 2 lần.", "2", "gấp", VNR_ROLE_INDEX, 2, NULL },
        /* đạt before a plan word: attainment with the plan */
        { "Thu ngân sách đạt 98% kế hoạch.", "98", "đạt", VNR_ROLE_ATTAINMENT, 98, "plan" },
        { "Thu ngân sách đạt 99,5% KH.", "99,5", "đạt", VNR_ROLE_ATTAINMENT, 99.5, "plan" },
        { "Thu ngân sách đạt 144,6% dự toán TW giao.", "144,6", "đạt", VNR_ROLE_ATTAINMENT, 144.6, "budget_central" },
        { "Thu ngân sách so với dự toán TW giao đạt 62%.", "62", "đạt", VNR_ROLE_ATTAINMENT, 62, "budget_central" },
        /* đạt a percentage compared with a baseline: an index */
        { "Doanh thu đạt 128% so với cùng kỳ.", "128", "đạt", VNR_ROLE_INDEX, 128, NULL },
        /* đạt a percentage of an amount: its plan's share, no plan named */
        { "Thu ngân sách đạt 21,7%.", "21,7", "đạt", VNR_ROLE_ATTAINMENT, 21.7, NULL },
        /* … but not of a rate */
        { "Tỷ lệ thu ngân sách đạt 21,7%.", "21,7", "đạt", VNR_ROLE_LEVEL, 21.7, NULL },
        { "Doanh thu đạt 500 tỷ đồng.", "500", "đạt", VNR_ROLE_LEVEL, 500, NULL },
        /* vượt X% of a plan: attainment 100 + X */
        { "Sản lượng vượt 5% kế hoạch.", "5", "vượt", VNR_ROLE_ATTAINMENT, 105, "plan" },
        { "Sản lượng vượt 5%.", "5", "vượt", VNR_ROLE_CHANGE, 5, NULL },
        /* shares, the longest share phrase */
        { "Công nghiệp chiếm 30%.", "30", "chiếm", VNR_ROLE_SHARE, 30, NULL },
        { "Công nghiệp chiếm tỷ trọng 30%.", "30", "chiếm tỷ trọng", VNR_ROLE_SHARE, 30, NULL },
        { "Công nghiệp chiếm khoảng 61% tổng sản lượng.", "61", "chiếm", VNR_ROLE_SHARE, 61, NULL },
        /* bằng a percentage with a baseline: an index; with a plan: attainment */
        { "Chỉ số bằng 105% so với cùng kỳ.", "105", "bằng", VNR_ROLE_INDEX, 105, NULL },
        { "Chi ngân sách bằng 101% dự toán.", "101", "bằng", VNR_ROLE_ATTAINMENT, 101, "budget" },
        { "Chỉ số bằng 105%.", "105", "bằng", VNR_ROLE_INDEX, 105, NULL },
        { "Sản lượng bằng 6.888,3 tấn.", "6.888,3", "bằng", VNR_ROLE_LEVEL, 6888.3, NULL },
        /* no verb: points are a change, a plan word makes an attainment */
        { "Tỷ lệ hộ nghèo 5 điểm %.", "5", NULL, VNR_ROLE_CHANGE, 5, NULL },
        { "Tỷ lệ hộ nghèo 0,64 điểm phần trăm.", "0,64", NULL, VNR_ROLE_CHANGE, 0.64, NULL },
        { "Thu ngân sách 99,5% KH.", "99,5", NULL, VNR_ROLE_ATTAINMENT, 99.5, "plan" },
        { "Tổng đàn lợn 286.540 con.", "286.540", NULL, VNR_ROLE_LEVEL, 286540, NULL },
        /* a verb of reaching (found before the verb of being after it): a level */
        { "Tỷ lệ hộ nghèo còn là 18,54%.", "18,54", "còn", VNR_ROLE_LEVEL, 18.54, NULL },
        { "Toàn tỉnh có 165 trang trại.", "165", "có", VNR_ROLE_LEVEL, 165, NULL },
        { "Sản lượng xuống còn 120 tấn.", "120", "xuống còn", VNR_ROLE_LEVEL, 120, NULL },
        /* `là` nearer the value than a change verb: the change wins */
        { "Thu tăng so với năm 2020 là 170,4 tỷ đồng.", "170,4", "tăng", VNR_ROLE_CHANGE, 170.4, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const role_case *rc = &cases[k];
        harness h;
        draft_kit dk;
        check_case = rc->text;
        if (!harness_open(&h, rc->text))
            continue;
        if (draft_role(&h, &dk, rc->num)) {
            CHECK_STR(dk.d.tr ? dk.d.tr->phrase : NULL, rc->trigger);
            CHECK_INT(dk.d.r.role, rc->role);
            CHECK_DBL(dk.d.r.value, rc->value);
            CHECK_STR(dk.d.plan_code, rc->plan);
        }
        harness_close(&h);
    }
    check_case = NULL;
}


/* Where the trigger is and what qualifies the value. */
static void test_trigger_step(void)
{
    static const struct {
        const char *text, *num, *trig_word;   /* trig_at: first token written so */
        size_t trig_len;
        vnr_qualifier q;
    } cases[] = {
        { "Sản lượng ước đạt trên 17 tỷ đồng.", "17", "ước", 2, VNR_QUALIFIER_GT },
        { "Sản lượng đạt khoảng 120 tấn.", "120", "đạt", 1, VNR_QUALIFIER_APPROX },
        { "Số hộ tăng ít nhất 5 hộ.", "5", "tăng", 1, VNR_QUALIFIER_GE },
        { "Toàn tỉnh hiện có 120 trang trại.", "120", "hiện", 2, VNR_QUALIFIER_NONE },
        { "Lãi suất giảm dưới 5%.", "5", "giảm", 1, VNR_QUALIFIER_LT },
        { "Tỷ lệ hộ nghèo: ≤ 15,8%.", "15,8", "≤", 0, VNR_QUALIFIER_LE },
        { "Diện tích 80 ha trở lên.", "80", "80", 0, VNR_QUALIFIER_GE },
        /* a trigger behind a word no gap may hold is not the value's */
        { "Sản lượng tăng nhờ 120 tấn.", "120", "120", 0, VNR_QUALIFIER_NONE },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        draft_kit dk;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        if (draft_init(&h, &dk, tok_of(&h, cases[k].num))) {
            find_trigger_step(&h.c, &dk.d);
            CHECK_SIZE(dk.d.trig_at, tok_of(&h, cases[k].trig_word));
            CHECK_SIZE(dk.d.trig_len, cases[k].trig_len);
            CHECK_INT(dk.d.r.qualifier, cases[k].q);
        }
        harness_close(&h);
    }
    check_case = NULL;
    /* a plan part makes every value a target, with its written sign */
    harness h;
    draft_kit dk;
    if (!harness_open(&h, "Giảm số vụ phạm tội: ≥ 5%."))
        return;
    h.c.in_plan = true;
    if (draft_role(&h, &dk, "5")) {
        CHECK_INT(dk.d.r.role, VNR_ROLE_TARGET);
        CHECK_DBL(dk.d.r.value, 5.0);
        CHECK_INT(dk.d.r.qualifier, VNR_QUALIFIER_GE);
    }
    harness_close(&h);
}


typedef struct sent_case {
    const char *text;
    size_t n;               /* records */
    vnr_role role[3];
    double value[3];
} sent_case;


/* Roles that look past the trigger, on whole sentences. */
static void test_sentences(void)
{
    static const sent_case cases[] = {
        /* tương đương after a change restates it, with its sign */
        { "Sản lượng giảm 5%, tương đương 120 tấn.", 2,
          { VNR_ROLE_CHANGE, VNR_ROLE_CHANGE }, { -5, -120 } },
        /* after a level it restates the level */
        { "Sản lượng đạt 2.000 tấn (tương đương 5 tỷ đồng).", 2,
          { VNR_ROLE_LEVEL, VNR_ROLE_LEVEL }, { 2000, 5 } },
        /* a bracket without a verb after a change is a change, signed as it */
        { "Sản lượng giảm 0,04% (151 tấn).", 2, { VNR_ROLE_CHANGE, VNR_ROLE_CHANGE }, { -0.04, -151 } },
        { "Diện tích giảm 1.686 ha (bằng 2,24%).", 2, { VNR_ROLE_CHANGE, VNR_ROLE_CHANGE }, { -1686, -2.24 } },
        /* a signed bracket is a change */
        { "Công nghiệp (-11,85%).", 1, { VNR_ROLE_CHANGE }, { -11.85 } },
        { "Giá trị tăng 5% (+32,36 tấn).", 2, { VNR_ROLE_CHANGE, VNR_ROLE_CHANGE }, { 5, 32.36 } },
        /* a growth rate's percentage level is a change */
        { "Tốc độ tăng trưởng kinh tế đạt 3,84%.", 1, { VNR_ROLE_CHANGE }, { 3.84 } },
        /* a structure's percentages are shares */
        { "Cơ cấu kinh tế: nông nghiệp 39,75%, công nghiệp 12,04%.", 2,
          { VNR_ROLE_SHARE, VNR_ROLE_SHARE }, { 39.75, 12.04 } },
        /* target cues */
        { "Phấn đấu tổng vốn đầu tư đạt 5.200 tỷ đồng.", 1, { VNR_ROLE_TARGET }, { 5200 } },
        { "Kế hoạch năm 2021 tăng 7%.", 1, { VNR_ROLE_TARGET }, { 7 } },
        /* a cue that names an attainment is none */
        { "Hoàn thành kế hoạch với 120 tấn.", 1, { VNR_ROLE_LEVEL }, { 120 } },
        /* a bare count after `kế hoạch` names a plan, sets no target */
        { "Triển khai kế hoạch tại 8 xã.", 1, { VNR_ROLE_LEVEL }, { 8 } },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const sent_case *sc = &cases[k];
        harness h;
        check_case = sc->text;
        if (!harness_open(&h, sc->text))
            continue;
        CHECK(harness_run(&h));
        CHECK_SIZE(h.out.n_recs, sc->n);
        for (size_t r = 0; r < sc->n && r < h.out.n_recs; r++) {
            CHECK_INT(h.out.recs[r].role, sc->role[r]);
            CHECK_DBL(h.out.recs[r].value, sc->value[r]);
        }
        harness_close(&h);
    }
    check_case = NULL;
}


static void test_target_cue(void)
{
    static const struct { const char *text, *num; bool count, cue; } cases[] = {
        { "Phấn đấu tăng 8%.", "8", false, true },
        { "Mục tiêu đến năm 2025 có 30 xã.", "30", true, true },
        { "Kế hoạch giao 30 xã.", "30", true, false },       /* counts 0 */
        { "Kế hoạch giao 30%.", "30", false, true },
        { "Chương trình mục tiêu hỗ trợ 30%.", "30", false, false },
        { "Kế hoạch số 12 đạt 30%.", "30", false, false },  /* a document number */
        { "Kế hoạch đã thực hiện 30%.", "30", false, false }, /* an outcome word after the cue */
        { "Sản lượng đạt 30%.", "30", false, false },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        CHECK(target_cue_before(&h.c, tok_of(&h, cases[k].num), 0, 0, cases[k].count) == cases[k].cue);
        harness_close(&h);
    }
    check_case = NULL;
}


int main(void)
{
    test_decision_rows();
    test_trigger_step();
    test_sentences();
    test_target_cue();
    return check_done("test-rules-role");
}
