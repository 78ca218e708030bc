/*
 * test-rules-fate.c — fate.c: why a number is no quantity. The NON_INDICATOR
 * rows and their `when` (a year-like number after `năm`, a month number
 * after `tháng`, a unitless number after `ngày`, a name after `số …`, a
 * hyphened name `Covid-19`), dates in words, clock times, period phrases;
 * then the fates the driver gives those numbers in a whole sentence.
 */
#include "rules-harness.h"

/* non_indicator_fate for the number written `num` in `text`, its segment
 * starting at the text's start, with the given unit and name flags. */
static const char *fate_at(const char *text, const char *num, bool has_unit, bool name_follows)
{
    harness h;
    if (!harness_open(&h, text))
        return "(no context)";
    size_t i = tok_of(&h, num);
    const char *f = i < h.c.tv.n ? non_indicator_fate(&h.c, i, 0, has_unit, name_follows)
                                 : "(no token)";
    harness_close(&h);   /* fates are static strings: they outlive the context */
    return f;
}


static void test_non_indicator_rows(void)
{
    static const struct {
        const char *text, *num;
        bool has_unit, name_follows;
        const char *fate;   /* NULL: may be a quantity */
    } cases[] = {
        /* `năm 2023` is a period phrase before it is a year-like number */
        { "Năm 2023 toàn tỉnh có nhiều đổi mới", "2023", false, false, "period" },
        /* `năm` takes only a year-like number */
        { "trong năm 15 xã đạt chuẩn", "15", false, false, NULL },
        { "trong năm 15 xã đạt chuẩn", "15", true, false, NULL },
        /* a month number after `tháng`, not a larger one */
        { "trong tháng 5 cấp phép", "5", false, false, "period" },
        { "trong tháng 15 hộ thoát nghèo", "15", false, false, NULL },
        /* a count of months is a period phrase too: `5 tháng` */
        { "thi công trong 5 tháng", "5", true, false, "period" },
        /* `ngày` takes only a unitless number */
        { "ngày 15 tổ chức hội nghị", "15", false, false, "date" },
        { "mỗi ngày 15 tấn rác", "15", true, false, NULL },
        /* NI_WEAK: a unitless number, or one a name follows */
        { "hỗ trợ số 20 tỉnh Hà Giang", "20", true, true, "document_number" },
        { "hỗ trợ số 20 tỉnh Hà Giang", "20", false, false, "document_number" },
        { "hỗ trợ số 20 hộ nghèo", "20", true, false, NULL },
        { "chợ 5 tấn hàng", "5", true, false, NULL },
        { "chợ 5 họp phiên", "5", false, false, "identifier" },
        /* NI_ALWAYS */
        { "đại hội lần thứ 5 thành công", "5", true, false, "ordinal" },
        { "Quốc lộ 4 sạt lở", "4", true, false, "identifier" },
        { "trong giai đoạn 5 năm", "5", true, false, "period" },
        /* NI_HYPHENED: a name glued to its number by a hyphen or a sign */
        { "dịch Covid-19 ảnh hưởng", "19", false, false, "identifier" },
        { "dịch Covid -19 ảnh hưởng", "19", false, false, "identifier" },
        { "dịch Covid-19 ảnh hưởng", "19", true, true, "identifier" },
        /* a year-like number without a unit, with no word before it */
        { "vụ Đông xuân 2021 đảm bảo", "2021", false, false, "year" },
        { "khoảng 2021 tấn", "2021", true, false, NULL },
        /* PERIOD_AFTER: a number that defines what is counted */
        { "trẻ em dưới 5 tuổi", "5", true, false, "definition" },
        /* nothing about it: a quantity */
        { "sản lượng đạt 15 tấn", "15", true, false, NULL },
        { "sản lượng đạt 15", "15", false, false, NULL },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        check_case = cases[k].text;
        CHECK_STR(fate_at(cases[k].text, cases[k].num, cases[k].has_unit, cases[k].name_follows),
                  cases[k].fate);
    }
    check_case = NULL;
}


static void test_dates_and_clock(void)
{
    harness h;
    if (!harness_open(&h, "Ký ngày 15 tháng 11 năm 2023 lúc 07:20 tại tỉnh."))
        return;
    rctx *c = &h.c;
    size_t d = tok_of(&h, "15"), hh = tok_of(&h, "07"), mm = tok_of(&h, "20");
    /* a date in words: `ngày` before, `tháng` and a number after */
    CHECK_STR(non_indicator_fate(c, d, 0, false, false), "date");
    CHECK_STR(non_indicator_fate(c, d, 0, true, false), "date");
    /* the month and year of that date are read by the period grammar first */
    CHECK_STR(non_indicator_fate(c, tok_of(&h, "11"), 0, false, false), "period");
    CHECK_STR(non_indicator_fate(c, tok_of(&h, "2023"), 0, false, false), "period");
    CHECK(is_clock_time(c, hh));
    CHECK(is_clock_time(c, mm));
    CHECK(!is_clock_time(c, d));
    CHECK_STR(non_indicator_fate(c, hh, 0, false, false), "date");
    CHECK_STR(non_indicator_fate(c, mm, 0, true, false), "date");
    harness_close(&h);
    /* `15 tháng 11` without `ngày` before it is no date in words */
    if (!harness_open(&h, "có 15 tháng 11 lần"))
        return;
    CHECK_STR(non_indicator_fate(&h.c, tok_of(&h, "15"), 0, true, false), NULL);
    harness_close(&h);
    /* …but a day and a month's number with no unit after them are one
     * (`Quảng trường 30 tháng 4`) */
    if (!harness_open(&h, "tại Quảng trường 30 tháng 4 thu hút"))
        return;
    CHECK_STR(non_indicator_fate(&h.c, tok_of(&h, "30"), 0, true, false), "date");
    harness_close(&h);
}


/* The segment floor: a NON_INDICATOR phrase before `lo` governs nothing. */
static void test_floor(void)
{
    harness h;
    if (!harness_open(&h, "chợ, 5 họp phiên"))
        return;
    size_t i = tok_of(&h, "5");
    CHECK_STR(non_indicator_fate(&h.c, i, 0, false, false), NULL);   /* `chợ ,` ends in a comma */
    harness_close(&h);
    if (!harness_open(&h, "xây chợ 5 họp phiên"))
        return;
    i = tok_of(&h, "5");
    CHECK_STR(non_indicator_fate(&h.c, i, 0, false, false), "identifier");
    CHECK_STR(non_indicator_fate(&h.c, i, i, false, false), NULL);   /* floor at the number */
    harness_close(&h);
}


/* What the driver makes of those numbers in whole sentences. */
static void test_sentence_fates(void)
{
    static const struct { const char *text, *num, *fate; } cases[] = {
        { "Năm 2023, sản lượng lúa đạt 50 nghìn tấn.", "2023", "period" },
        { "Năm 2023, sản lượng lúa đạt 50 nghìn tấn.", "50", "record" },
        { "Ký ngày 15 tháng 11 năm 2023 tại tỉnh.", "15", "date" },
        { "Hỗ trợ số 20 tỉnh Hà Giang.", "20", "document_number" },
        { "Hỗ trợ 20 hộ nghèo.", "20", "record" },
        { "Dịch Covid-19 ảnh hưởng lớn.", "19", "identifier" },
        { "Trong tháng 5 cấp 120 giấy phép.", "5", "period" },
        { "Trong tháng 5 cấp 120 giấy phép.", "120", "record" },
        { "Công suất 5 tháng đầu năm đạt 90%.", "5", "period" },
        { "Theo Nghị quyết 58/2020/NQ-HĐND.", "58/2020/NQ-HĐND", "document_number" },
        { "Diện tích: 15,8.", "15,8", "bare_number" },
        { "Xây nhà 17.601m2 sàn.", "2", "unit_part" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        check_case = cases[k].text;
        harness h;
        if (!harness_open(&h, cases[k].text))
            continue;
        CHECK(harness_run(&h));
        CHECK_STR(harness_fate(&h, cases[k].num), cases[k].fate);
        harness_close(&h);
    }
    check_case = NULL;
}


/* Digit runs inside a span no token accounts for. */
static void test_digit_fates(void)
{
    harness h;
    if (!harness_open(&h, "mục 1.2 và H5N6, 12,5"))
        return;
    CHECK(add_digit_fates(&h.c, 0, (uint32_t)h.c.len, "list_marker"));
    CHECK_SIZE(h.out.n_fates, 4);
    static const char *const runs[] = { "1.2", "5", "6", "12,5" };
    char buf[16];
    for (size_t k = 0; k < 4 && k < h.out.n_fates; k++) {
        CHECK_STR(harness_span(&h, h.out.fates[k].norm_start, h.out.fates[k].norm_end, buf, sizeof buf),
                  runs[k]);
        CHECK_STR(h.out.fates[k].fate, "list_marker");
        CHECK_SIZE(h.out.fates[k].record, NONE);
    }
    /* next_digit: eight bytes at a time, then byte by byte */
    const char *s = "abcdefghijklmnop7";
    CHECK_INT(next_digit(s, 0, (uint32_t)strlen(s)), 16);
    CHECK_INT(next_digit(s, 0, 16), 16);
    CHECK_INT(next_digit("0", 0, 1), 0);
    harness_close(&h);
}


int main(void)
{
    test_non_indicator_rows();
    test_dates_and_clock();
    test_floor();
    test_sentence_fates();
    test_digit_fates();
    return check_done("test-rules-fate");
}
