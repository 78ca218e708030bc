/*
 * test-rules-emit.c — emit.c: every field of the records one sentence
 * makes (the architecture's example sentence), statements, the fates that
 * point at records, the digits inside a unit, the phrase after a value
 * consumed by its plan or baseline, and emit_quantity on a quantity built
 * by hand.
 */
#include "rules-harness.h"

#define EXAMPLE "Tính chung 9 tháng năm 2024, kim ngạch xuất khẩu ước đạt khoảng 1.101,1 " \
                "triệu USD, tăng 8,2% so với cùng kỳ."

static void test_whole_records(void)
{
    harness h;
    if (!harness_open(&h, EXAMPLE))
        return;
    CHECK(harness_run(&h));
    CHECK_SIZE(h.out.n_recs, 2);
    if (h.out.n_recs != 2) {
        harness_close(&h);
        return;
    }
    char buf[32];
    const vnr_record *a = &h.out.recs[0], *b = &h.out.recs[1];
    CHECK_STR(a->doc, "test");
    CHECK_SIZE(a->statement, 1);
    CHECK_STR(harness_span(&h, a->norm_start, a->norm_end, buf, sizeof buf), "1.101,1");
    CHECK(a->section == NULL && a->section_depth == 0);
    CHECK_INT(a->role, VNR_ROLE_LEVEL);
    CHECK_DBL(a->value, 1101.1);
    CHECK_DBL(a->value_max, NAN);
    CHECK_DBL(a->total, NAN);
    CHECK_STR(a->unit, "triệu USD");
    CHECK_DBL(a->canonical_value, 1101.1 * 1e6);
    CHECK_STR(a->canonical_unit, "USD");
    CHECK_STR(a->dimension, "currency");
    CHECK_INT(a->qualifier, VNR_QUALIFIER_APPROX);
    CHECK(a->estimate);
    CHECK_STR(a->indicator, "kim ngạch xuất khẩu");
    CHECK_STR(a->subject, NULL);
    CHECK_STR(a->baseline, NULL);
    CHECK_STR(a->period, "2024-01/2024-09");
    CHECK_STR(a->text, EXAMPLE);
    CHECK_STR(a->indicator_key, NULL);   /* keys come later (keys.c) */

    CHECK_SIZE(b->statement, 1);
    CHECK_STR(harness_span(&h, b->norm_start, b->norm_end, buf, sizeof buf), "8,2");
    CHECK_INT(b->role, VNR_ROLE_CHANGE);
    CHECK_DBL(b->value, 8.2);
    CHECK_DBL(b->value_max, NAN);
    CHECK_STR(b->unit, "%");
    CHECK_STR(b->canonical_unit, "%");
    CHECK_DBL(b->canonical_value, 8.2);
    CHECK_STR(b->dimension, "ratio");
    CHECK_INT(b->qualifier, VNR_QUALIFIER_NONE);
    CHECK(b->estimate);
    CHECK_STR(b->indicator, "kim ngạch xuất khẩu");
    CHECK_STR(b->subject, NULL);
    CHECK_STR(b->baseline, "same_period_last_year");
    CHECK_STR(b->period, "2024-01/2024-09");
    CHECK(b->text == a->text);   /* one copy per clause */

    /* every digit run has its fate; the records' point at them */
    CHECK_SIZE(h.out.n_fates, 4);
    CHECK_STR(harness_fate(&h, "9"), "period");
    CHECK_STR(harness_fate(&h, "2024"), "period");
    CHECK_STR(harness_fate(&h, "1.101,1"), "record");
    CHECK_STR(harness_fate(&h, "8,2"), "record");
    for (size_t f = 0; f < h.out.n_fates; f++)
        if (strcmp(h.out.fates[f].fate, "record") == 0)
            CHECK(h.out.fates[f].record < 2 &&
                  h.out.recs[h.out.fates[f].record].norm_start == h.out.fates[f].norm_start);
        else
            CHECK_SIZE(h.out.fates[f].record, NONE);
    harness_close(&h);
}


/* A new level in a sentence opens a new statement; its changes share it. */
static void test_statements(void)
{
    harness h;
    if (!harness_open(&h, "Lúa đạt 120 tấn, tăng 5%; ngô đạt 80 tấn, giảm 2%. Khoai đạt 30 tấn."))
        return;
    CHECK(harness_run(&h));
    static const size_t stmt[] = { 1, 1, 2, 2, 3 };
    CHECK_SIZE(h.out.n_recs, 5);
    for (size_t r = 0; r < 5 && r < h.out.n_recs; r++)
        CHECKF(h.out.recs[r].statement == stmt[r], "record %zu: statement %zu", r, h.out.recs[r].statement);
    /* each clause its own text */
    if (h.out.n_recs == 5) {
        CHECK_STR(h.out.recs[0].text, "Lúa đạt 120 tấn, tăng 5%");
        CHECK_STR(h.out.recs[2].text, "ngô đạt 80 tấn, giảm 2%.");
        CHECK_STR(h.out.recs[4].text, "Khoai đạt 30 tấn.");
        CHECK_STR(h.out.recs[3].indicator, "ngô");
        CHECK_DBL(h.out.recs[3].value, -2.0);
    }
    harness_close(&h);
}


static void test_unit_digits_and_consumed(void)
{
    harness h;
    if (!harness_open(&h, "Nhà ở xây mới 17.601 m2 sàn."))
        return;
    CHECK(harness_run(&h));
    CHECK_SIZE(h.out.n_recs, 1);
    CHECK_STR(harness_fate(&h, "17.601"), "record");
    CHECK_STR(harness_fate(&h, "2"), "unit_part");
    if (h.out.n_recs)
        CHECK_STR(h.out.recs[0].unit, "m2");
    harness_close(&h);

    /* `đạt 53,5% dự toán và tăng 6,27%`: the plan words are the first
     * value's; the verb starts the next value's phrase */
    if (!harness_open(&h, "Thu ngân sách đạt 53,5% dự toán và tăng 6,27%."))
        return;
    CHECK(harness_run(&h));
    CHECK_SIZE(h.out.n_recs, 2);
    if (h.out.n_recs == 2) {
        CHECK_INT(h.out.recs[0].role, VNR_ROLE_ATTAINMENT);
        CHECK_STR(h.out.recs[0].baseline, "budget");
        CHECK_INT(h.out.recs[1].role, VNR_ROLE_CHANGE);
        CHECK_STR(h.out.recs[1].baseline, NULL);
        CHECK_STR(h.out.recs[1].indicator, "Thu ngân sách");
    }
    harness_close(&h);
}


/* emit_quantity on a quantity found by find_unit, as read_number does. */
static void test_emit_quantity(void)
{
    harness h;
    if (!harness_open_year(&h, "Sản lượng lúa ước đạt 177.078 tấn.", 2023))
        return;
    draft_kit dk;
    size_t i = tok_of(&h, "177.078");
    if (!draft_init(&h, &dk, i)) {
        harness_close(&h);
        return;
    }
    h.c.statement = 1;
    CHECK(emit_quantity(&h.c, i, &dk.q, &dk.nc, &dk.ss, false, NULL));
    CHECK_SIZE(h.out.n_recs, 1);
    CHECK_SIZE(dk.ss.head, 0);
    CHECK_SIZE(dk.q.consumed_end, tok_of(&h, "."));
    if (h.out.n_recs) {
        const vnr_record *r = &h.out.recs[0];
        CHECK_INT(r->role, VNR_ROLE_LEVEL);
        CHECK_DBL(r->value, 177078.0);
        CHECK_STR(r->unit, "tấn");
        CHECK_STR(r->canonical_unit, "kg");
        CHECK_DBL(r->canonical_value, 177078.0 * 1000);
        CHECK_STR(r->indicator, "Sản lượng lúa");
        CHECK(r->estimate);
        CHECK_STR(r->period, NULL);
    }
    /* a pair's second value: a target sharing the unit and indicator */
    quantity q2 = dk.q;
    q2.value = 180000;
    CHECK(emit_quantity(&h.c, i, &q2, &dk.nc, &dk.ss, true, "tấn"));
    CHECK_SIZE(h.out.n_recs, 2);
    if (h.out.n_recs == 2) {
        CHECK_INT(h.out.recs[1].role, VNR_ROLE_TARGET);
        CHECK_DBL(h.out.recs[1].value, 180000.0);
        CHECK_STR(h.out.recs[1].indicator, "Sản lượng lúa");
        CHECK_STR(h.out.recs[1].unit, "tấn");
    }
    harness_close(&h);
}


/* push_record: an empty subject is none; the context's section and doc. */
static void test_push_record(void)
{
    harness h;
    if (!harness_open(&h, "x"))
        return;
    static const char *titles[] = { "I. KINH TẾ" };
    h.c.section = titles;
    h.c.section_depth = 1;
    vnr_record r = { .subject = "", .indicator = "a" };
    CHECK(push_record(&h.c, &r));
    CHECK_SIZE(h.out.n_recs, 1);
    if (h.out.n_recs) {
        CHECK_STR(h.out.recs[0].subject, NULL);
        CHECK_STR(h.out.recs[0].doc, "test");
        CHECK(h.out.recs[0].section == titles && h.out.recs[0].section_depth == 1);
    }
    harness_close(&h);
}


int main(void)
{
    test_whole_records();
    test_statements();
    test_unit_digits_and_consumed();
    test_emit_quantity();
    test_push_record();
    return check_done("test-rules-emit");
}
