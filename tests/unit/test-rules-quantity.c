/*
 * test-rules-quantity.c — quantity.c: the unit after a number (percent,
 * registry units with scale words, count nouns, points, times, per-unit
 * tails, a '/' before a number left to the pair reader), count nouns,
 * rate items, range joins, canonical values.
 */
#include "rules-harness.h"

typedef struct unit_case {
    const char *text, *num;
    bool found;
    const char *unit;      /* the unit span as written */
    bool percent, count, points, times;
    const char *dimension; /* NULL: unresolved by the registry */
    const char *after;     /* the token after the unit, or NULL for the end */
} unit_case;


static void check_unit_case(const unit_case *u)
{
    harness h;
    check_case = u->text;
    if (!harness_open(&h, u->text))
        return;
    size_t i = tok_of(&h, u->num);
    if (i >= h.c.tv.n) {
        harness_close(&h);
        return;
    }
    quantity q = { .tok = i };
    CHECK(find_unit(&h.c, i, &q) == u->found);
    CHECK_MEM(h.text + q.unit_start, q.unit_end - q.unit_start, u->unit, strlen(u->unit));
    CHECK(q.percent == u->percent);
    CHECK(q.count == u->count);
    CHECK(q.points == u->points);
    CHECK(q.times == u->times);
    CHECK_STR(q.resolved ? q.info.dimension : NULL, u->dimension);
    if (u->after)
        CHECK_SIZE(q.unit_end_tok, tok_of(&h, u->after));
    else
        CHECK_SIZE(q.unit_end_tok, h.c.tv.n);
    harness_close(&h);
}


static void test_find_unit(void)
{
    static const unit_case cases[] = {
        { "tăng 5%", "5", true, "%", true, false, false, false, NULL, NULL },
        { "tăng 5% so với cùng kỳ", "5", true, "%", true, false, false, false, NULL, "so" },
        { "có 120 doanh nghiệp mới", "120", true, "doanh nghiệp", false, true, false, false, "count", "mới" },
        { "có 264 vụ vi phạm", "264", true, "vụ", false, true, false, false, "count", "vi" },
        { "thành lập 07 HTX", "07", true, "HTX", false, true, false, false, "count", NULL },
        { "tăng 0,5 điểm %", "0,5", true, "điểm %", false, false, true, false, "ratio", NULL },
        { "tăng 0,64 điểm phần trăm", "0,64", true, "điểm phần trăm", false, false, true, false, "ratio", NULL },
        { "tăng 1,5 lần", "1,5", true, "lần", false, false, false, true, "ratio", NULL },
        { "đàn lợn 5.420 nghìn con", "5.420", true, "nghìn con", false, true, false, false, "count", NULL },
        { "ước đạt 1.101,1 triệu USD", "1.101,1", true, "triệu USD", false, false, false, false, "currency", NULL },
        { "năng suất 30,37 tạ/ha", "30,37", true, "tạ/ha", false, false, false, false, "rate", NULL },
        { "có 10,7 bác sĩ/1 vạn dân", "10,7", true, "bác sĩ/1 vạn dân", false, false, false, false, "rate", NULL },
        /* a '/' before a number starts a pair: the unit stops before it */
        { "3.669,25 ha/3.621,7 ha", "3.669,25", true, "ha", false, false, false, false, "area", "/" },
        /* no unit: a function word, a name, a capital glued to the number */
        { "đạt 15 so với", "15", false, "", false, false, false, false, NULL, "so" },
        { "tại 15 Hà Nội", "15", false, "", false, false, false, false, NULL, "Hà" },
        { "mạng 3G phủ sóng", "3", false, "", false, false, false, false, NULL, "G" },
        { "tổng 15", "15", false, "", false, false, false, false, NULL, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        check_unit_case(&cases[k]);
    check_case = NULL;
}


static void test_count_noun_at(void)
{
    harness h;
    if (!harness_open(&h, "120 hợp tác xã, 5 HTX, 7 xã, 3 Hà Giang, 8 tăng"))
        return;
    rctx *c = &h.c;
    CHECK_SIZE(count_noun_at(c, tok_of(&h, "hợp")), 3);   /* multi-word, from the table */
    CHECK_SIZE(count_noun_at(c, tok_of(&h, "HTX")), 1);   /* a short all-caps abbreviation */
    CHECK_SIZE(count_noun_at(c, tok_of(&h, "xã")), 1);    /* one lower-case word */
    CHECK_SIZE(count_noun_at(c, tok_of(&h, "Hà")), 0);    /* a name */
    CHECK_SIZE(count_noun_at(c, tok_of(&h, "tăng")), 0);  /* a NOT_A_NOUN word */
    CHECK_SIZE(count_noun_at(c, tok_of(&h, "120")), 0);   /* no word */
    CHECK_SIZE(count_noun_at(c, c->tv.n), 0);
    harness_close(&h);
}


static void test_rate_item(void)
{
    static const struct { const char *text, *num; bool rate; } cases[] = {
        { "Tỷ lệ trẻ em suy dinh dưỡng: ≤ 15,8.", "15,8", true },
        { "Tỉ lệ hộ nghèo: 3,5", "3,5", true },
        { "Tỷ lệ che phủ rừng: 58; diện tích 12.", "58", true },
        { "Diện tích: 15,8.", "15,8", false },
        /* a number that does not end the item */
        { "Tỷ lệ hộ nghèo: 3,5 và 4.", "3,5", false },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        CHECK(rate_item(&h.c, tok_of(&h, cases[k].num), 0, h.c.tv.n) == cases[k].rate);
        harness_close(&h);
    }
    check_case = NULL;
}


/* range_join_at(i, at, e): the joining tokens at `at` (after the first
 * value and its unit) when a number follows. */
static void test_range_join(void)
{
    static const struct { const char *text, *num, *at; size_t join; } cases[] = {
        { "tăng từ 14 đến 16%", "14", "đến", 1 },
        { "tăng từ 1,21% đến 13,16%", "1,21", "đến", 1 },
        { "dao động từ 14 tới 16%", "14", "tới", 1 },
        { "tăng 14% - 16%", "14", "-", 1 },
        { "tăng 14% – 16%", "14", "–", 1 },
        /* `đến` joins without `từ` too (read_range then wants one unit) */
        { "tăng 14 đến 16%", "14", "đến", 1 },
        { "chiếm 32,77% đến 32,79%", "32,77", "đến", 1 },
        /* a word, not a number, after the join */
        { "tăng từ 14 đến nay", "14", "đến", 0 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        size_t i = tok_of(&h, cases[k].num);
        CHECK_SIZE(range_join_at(&h.c, i, tok_of(&h, cases[k].at), h.c.tv.n), cases[k].join);
        harness_close(&h);
    }
    check_case = NULL;
    /* `14 - 16%` with spaces is one range token for the lexer, not a join */
    harness h;
    if (!harness_open(&h, "tăng từ 14 - 16%"))
        return;
    size_t r = tok_of(&h, "14 - 16");
    CHECK(r < h.c.tv.n && h.c.tv.t[r].kind == TOK_RANGE);
    CHECK_DBL(r < h.c.tv.n ? h.c.tv.t[r].v2 : 0, 16.0);
    harness_close(&h);
    /* the end of the sentence bounds the join */
    if (!harness_open(&h, "từ 14 đến 16%"))
        return;
    CHECK_SIZE(range_join_at(&h.c, tok_of(&h, "14"), tok_of(&h, "đến"), tok_of(&h, "16")), 0);
    harness_close(&h);
}


static void test_fill_units(void)
{
    harness h;
    if (!harness_open(&h, "đạt 1.101,1 triệu USD"))
        return;
    size_t i = tok_of(&h, "1.101,1");
    quantity q = { .tok = i };
    CHECK(find_unit(&h.c, i, &q) && q.resolved);
    vnr_record r = { .value = 1101.1 };
    fill_units(&h.c, &r, "triệu USD", q.resolved ? &q.info : NULL);
    CHECK_STR(r.unit, "triệu USD");
    CHECK_DBL(r.canonical_value, 1101.1 * 1e6);
    CHECK_STR(r.canonical_unit, "USD");
    CHECK_STR(r.dimension, "currency");
    /* a unit the registry does not know is a count of itself */
    vnr_record r2 = { .value = 7 };
    fill_units(&h.c, &r2, "xyz", NULL);
    CHECK_STR(r2.unit, "xyz");
    CHECK_STR(r2.canonical_unit, "xyz");
    CHECK_DBL(r2.canonical_value, 7.0);
    CHECK_STR(r2.dimension, "count");
    vnr_record r3 = { .value = 7 };
    fill_units(&h.c, &r3, "", NULL);
    CHECK_STR(r3.dimension, NULL);
    harness_close(&h);
}


int main(void)
{
    test_find_unit();
    test_count_noun_at();
    test_rate_item();
    test_range_join();
    test_fill_units();
    return check_done("test-rules-quantity");
}
