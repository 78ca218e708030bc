/*
 * test-period.c — the period grammar (period.c) and the document metadata
 * it gives (metadata.c, through vnr_parse): periods and their codes,
 * comparisons, baselines against the report's period, web date lines,
 * kinds of documents, titles.
 */
#include "check.h"
#include "period.h"

#include <vnreport/vnreport.h>

/* The code of the first period phrase of `s` (year 2024 when unsaid), and
 * whether it is a comparison. */
static const char *first_code(const char *s, bool *compared, char *buf, size_t cap)
{
    period_ref p;
    if (!period_next(s, strlen(s), 0, &p) || !period_format(&p, 2024, buf, cap))
        return NULL;
    if (compared)
        *compared = p.compared;
    return buf;
}

static void test_codes(void)
{
    static const struct { const char *text, *code; bool compared; } cases[] = {
        { "tháng 9/2023 tăng", "2023-M09", false },
        { "tháng 9 năm 2023", "2023-M09", false },
        { "tháng 3-2013", "2013-M03", false },
        { "tháng 8.2019 đạt", "2019-M08", false },
        { "tháng mười năm 2023", "2023-M10", false },
        { "tháng giêng", "2024-M01", false },
        { "tháng một năm 2025", "2025-M01", false },
        { "tháng năm năm 2025", "2025-M05", false },
        { "tháng mười hai năm 2022", "2022-M12", false },
        { "6 tháng năm 2023", "2023-H1", false },
        { "tháng 10", "2024-M10", false },
        { "9 tháng năm 2023", "2023-01/2023-09", false },
        { "lũy kế 7 tháng", "2024-01/2024-07", false },
        { "tính chung 11 tháng", "2024-01/2024-11", false },
        { "bình quân 6 tháng", "2024-H1", false },
        { "3 tháng đầu năm", "2024-Q1", false },
        { "6 tháng đầu năm 2023", "2023-H1", false },
        { "sáu tháng cuối năm", "2024-H2", false },
        { "qua 5 tháng đầu năm 2025", "2025-01/2025-05", false },
        { "quý iii/2024", "2024-Q3", false },
        { "quý i-2020", "2020-Q1", false },
        { "năm 2019", "2019", false },
        { "so với tháng 3/2023", "2023-M03", true },
        { "so với cùng kỳ năm 2022", "2022", true },
        { "so với thời điểm cuối năm 2022", "2022", true },
        { "giá so sánh năm 2010", "2010", true },
        { "nửa đầu năm 2024", "2024-H1", false },
        { "trong nửa cuối năm, doanh thu", "2024-H2", false },
        { "nửa đầu năm nay, kim ngạch", "2024-H1", false },
        { "từ năm 2014 đến nay", "2014", true },
        { "9 tháng của năm 2016", "2016-01/2016-09", false },
        { "grdp 9tháng của tỉnh ước tăng", "2024-01/2024-09", false },   /* glued by a web page */
        { "dưới 3 tháng", "2024-Q1", true },   /* a length of time, not the value's period */
        { "năm tháng đầu năm, có 250 doanh nghiệp", "2024-01/2024-05", false },
        { "so với 9 tháng năm trước", "2023-01/2023-09", true },   /* the report's year before */
        { "quý i năm ngoái", "2023-Q1", false },
        { "trong quý đầu năm, chỉ số", "2024-Q1", false },   /* a quarter in words */
        { "quý đầu năm 2025", "2025-Q1", false },
        { "tháng đầu tiên của năm 2024", "2024-M01", false },
        { "5 thàng đầu năm", "2024-01/2024-05", false },   /* a web page's typo */
        { "quý cuối năm 2023", "2023-Q4", false },
        { "6 tháng 2017 tăng", "2017-H1", false },   /* the year without `năm` */
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        check_case = cases[i].text;
        bool compared = !cases[i].compared;
        CHECK_STR(first_code(cases[i].text, &compared, buf, sizeof buf), cases[i].code);
        CHECK(compared == cases[i].compared);
    }
    check_case = NULL;
    /* spans, durations and terms are no period */
    static const char *const none[] = { "năm 2021-2025", "nhiệm kỳ 2021 – 2026", "3,5 tháng",
                                        "tháng 10/12", "24 tháng", "kế hoạch",
                                        "nửa đầu tháng" };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        check_case = none[i];
        CHECK(first_code(none[i], NULL, buf, sizeof buf) == NULL);
    }
    check_case = NULL;
}

/* The year a text names only in passing: not one that closes a span or a
 * term, however the dash is spaced. */
static void test_plain_year(void)
{
    static const struct { const char *text; int year; } cases[] = {
        { "hội nghị khóa xviii, nhiệm kỳ 2020 - 2025. theo báo cáo, 6 tháng đầu năm", 0 },
        { "giai đoạn 2021 – 2025", 0 },
        { "giai đoạn 2021-2025", 0 },
        { "nhiệm kỳ 2020 - 2025, kết quả 2023 cho thấy", 2023 },
        { "báo cáo 2024", 2024 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        check_case = cases[i].text;
        CHECK(period_plain_year(cases[i].text, strlen(cases[i].text)) == cases[i].year);
    }
    check_case = NULL;
}

static void test_baselines(void)
{
    period_ref april = { .kind = PK_MONTH, .n = 4, .year = 2023 };
    period_ref q1 = { .kind = PK_QUARTER, .n = 1, .year = 2018 };
    period_ref march = { .kind = PK_MONTH, .n = 3, .year = 2023 };
    period_ref april22 = { .kind = PK_MONTH, .n = 4, .year = 2022 };
    period_ref dec22 = { .kind = PK_MONTH, .n = 12, .year = 2022 };
    period_ref dec = { .kind = PK_MONTH, .n = 12 };
    period_ref q1_17 = { .kind = PK_QUARTER, .n = 1, .year = 2017 };
    char buf[32];
    CHECK(period_baseline(&march, &april, 2023, buf, sizeof buf));
    CHECK_STR(buf, "previous_period");
    CHECK(period_baseline(&april22, &april, 2023, buf, sizeof buf));
    CHECK_STR(buf, "same_period_last_year");
    CHECK(period_baseline(&dec22, &april, 2023, buf, sizeof buf));
    CHECK_STR(buf, "year_end:2022");
    CHECK(period_baseline(&dec, &april, 2023, buf, sizeof buf));
    CHECK_STR(buf, "year_end:2022");
    CHECK(period_baseline(&q1_17, &q1, 2018, buf, sizeof buf));
    CHECK_STR(buf, "same_period_last_year");
    CHECK(!period_baseline(&q1_17, &april, 2023, buf, sizeof buf));
    /* a June 2018 release compared with the first half of 2017 */
    period_ref june = { .kind = PK_MONTH, .n = 6, .year = 2018 };
    period_ref h1_17 = { .kind = PK_HALF, .n = 1, .year = 2017 };
    CHECK(period_baseline(&h1_17, &june, 2018, buf, sizeof buf));
    CHECK_STR(buf, "same_period_last_year");
    period_ref may17 = { .kind = PK_MONTH, .n = 5, .year = 2017 };
    CHECK(!period_baseline(&may17, &june, 2018, buf, sizeof buf));   /* no month is that */
    CHECK_SIZE(period_lead_length("bình quân quý iv", strlen("bình quân quý iv")), strlen("bình quân "));
    CHECK_SIZE(period_lead_length("quý iv", strlen("quý iv")), 0);
    int year = 0;
    CHECK(period_year_end_date("31/12/2020", 10, &year) && year == 2020);
    CHECK(period_year_end_date("thời điểm 31/12/2023", strlen("thời điểm 31/12/2023"), &year) &&
          year == 2023);
    CHECK(!period_year_end_date("30/11/2021", 10, &year));
}

static void test_date_lines(void)
{
    static const struct { const char *line, *date; } cases[] = {
        { "thứ sáu - 27/10/2023 03:14", "2023-10-27" },
        { "09:05, 31/05/2021", "2021-05-31" },
        { "28/02/2024 | 07:20 gmt+7", "2024-02-28" },
        { "ngày 06/10/2021-16:08:00 pm", "2021-10-06" },
        { "cập nhật: thứ năm, 05/07/2018 08:09", "2018-07-05" },
        { "20:03 11-12-2023", "2023-12-11" },
        { "27.03.2018", "2018-03-27" },
        { "đăng ngày 22 - 03 - 2016", "2016-03-22" },
        { "30 - 10 - 2023 08:40", "2023-10-30" },
        { "22 - 03/2016", NULL },
        { "ngày 23/10, ubnd tỉnh họp", NULL },
        { "doanh thu tháng 10/2023 đạt 5 tỷ đồng", NULL },
        { "thứ 5, 22/09/2022 | 19:53:47", "2022-09-22" },
        /* a byline before the date: with a time or a bar only */
        { "thanh an 06/12/2023 - 16:15", "2023-12-06" },
        { "minh anh | 03/07/2025", "2025-07-03" },
        { "minh anh 03/07/2025", NULL },
        { "báo long an 26/09/2025", "2025-09-26" },   /* a newspaper's name */
        { "tân văn (báo lao động) 16/09/2025 14:58 (gmt+7)", "2025-09-16" },
        { "báo cáo tình hình kinh tế 26/09/2025", NULL },
        { "xuân hải - 09:49, 09/07/2024", "2024-07-09" },   /* the time before the date */
        { "chủ nhật, 05/12/2021, 21:49 [gmt+7]", "2021-12-05" },
        { "cập nhật lúc17:38, thứ năm, 28/11/2019 (gmt+7)", "2019-11-28" },
        { "tình hình kinh tế xã hội 06/12/2023 - 16:15", NULL },
        /* a section's name before a date-line word, the time before the date */
        { "thời sự - ngày đăng : 10:15, 07/12/2023", "2023-12-07" },
        /* month first when day first is no date */
        { "11/28/2019", "2019-11-28" },
        { "ngày 11/28/2019 lúc 08:00", "2019-11-28" },
        { "13/13/2019", NULL },
        /* the page's byline after a bar, a minute's mark before the date */
        { "15/08/2022 | tác giả: lan anh lượt xem: 88", "2022-08-15" },
        { "08:30' - 12/09/2022", "2022-09-12" },
        { "15/08/2022 tác giả lan anh", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[16];
        check_case = cases[i].line;
        bool got = period_date_line(cases[i].line, strlen(cases[i].line), buf, sizeof buf);
        CHECK_STR(got ? buf : NULL, cases[i].date);
    }
    check_case = NULL;
}

/* Document metadata of a small text, through the public API. */
static void check_meta(const char *text, const char *kind, const char *period, const char *date,
                       const char *title)
{
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    check_case = text;
    if (vnr_parse(NULL, text, strlen(text), "t", &doc, &err) != VNR_OK) {
        CHECKF(false, "parse failed: %s", vnr_error_message(err));
        vnr_error_free(err);
        return;
    }
    CHECK_STR(vnr_document_meta(doc, "kind"), kind);
    CHECK_STR(vnr_document_meta(doc, "period"), period);
    CHECK_STR(vnr_document_meta(doc, "date"), date);
    if (title)
        CHECK_STR(vnr_document_meta(doc, "title"), title);
    vnr_document_unref(doc);
    check_case = NULL;
}

static void test_metadata(void)
{
    check_meta("Tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2024\n\nDoanh thu đạt 5 tỷ đồng.\n",
               "monthly", "2024-M09", NULL, NULL);
    /* a month written as a word (`tháng Mười`) is the month of a monthly release */
    check_meta("Tình hình kinh tế - xã hội tháng Mười và 10 tháng năm 2023\n\nĐăng ngày 30 - 10 - 2023\n\n"
               "Doanh thu đạt 5 tỷ đồng.\n", "monthly", "2023-M10", "2023-10-30", NULL);
    /* `tháng Năm`, `tháng Một` are months too, before their year */
    check_meta("Tình hình kinh tế - xã hội tỉnh Nghệ An tháng Năm năm 2025\n\nDoanh thu đạt 5 tỷ đồng.\n",
               "monthly", "2025-M05", NULL, NULL);
    /* a law's date in a resolution's legal basis is no period of the plan;
     * the cut-off date of a stock is (`Tính đến ngày 31 tháng 8 năm 2024`) */
    check_meta("Nghị quyết về kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030\n\n"
               "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"
               "Tốc độ tăng GRDP bình quân đến năm 2030 từ 9% trở lên.\n", "plan", "2030", NULL, NULL);
    check_meta("Tín dụng doanh nghiệp tỉnh Vĩnh Phúc\n\nTính đến ngày 31 tháng 8 năm 2024, dư nợ đạt "
               "55.300 tỷ đồng.\n", "monthly", "2024-M08", NULL, NULL);
    /* the lunar `tháng Chạp` of a Tết article is no month of the calendar */
    check_meta("Du lịch dịp Tết Nguyên đán 2025\n\nTừ 28 tháng Chạp đến mùng 3 Tết, khách đạt 15.000 lượt.\n",
               "annual", "2025", NULL, NULL);
    check_meta("Tình hình kinh tế - xã hội 9 tháng năm 2024\n\nDoanh thu đạt 5 tỷ đồng.\n",
               "year_to_date", "2024-01/2024-09", NULL, NULL);
    check_meta("Tình hình kinh tế - xã hội quý III và 9 tháng năm 2024\n\nThu đạt 5 tỷ đồng.\n",
               "quarterly", "2024-Q3", NULL, NULL);
    check_meta("Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025\n"
               "- Tốc độ tăng trưởng GRDP từ 8% trở lên.\n", "plan", "2025", NULL, NULL);
    /* a web page: headline, date line, then the text */
    check_meta("Xuất khẩu tháng 5 tăng mạnh\n\nThứ hai - 03/06/2024 08:15\n\n"
               "Kim ngạch xuất khẩu đạt 512 triệu USD, tăng 8% so với cùng kỳ năm 2023.\n",
               "monthly", "2024-M05", "2024-06-03", "Xuất khẩu tháng 5 tăng mạnh");
    /* a web page's time stamp opening the line of its lead */
    check_meta("Huyện Kim Thành: Giá trị sản xuất công nghiệp tăng 7%\n"
               "08:45 12/01/2024 Năm 2023, giá trị sản xuất công nghiệp đạt 9.400 tỷ đồng.\n",
               "annual", "2023", "2024-01-12", NULL);
    /* a sentence of the body under a web page's headline is no title, even
     * when it speaks of the situation */
    check_meta("Đồng Nai thu hút 1,2 tỷ USD vốn FDI sau 8 tháng\n\n"
               "Báo cáo tình hình kinh tế - xã hội tháng 8/2023 của UBND tỉnh cho thấy vốn FDI tăng khá.\n",
               "year_to_date", "2023-01/2023-08", NULL, "Đồng Nai thu hút 1,2 tỷ USD vốn FDI sau 8 tháng");
    /* a date line first is no title */
    check_meta("09:05, 31/05/2024\n\nTháng 5: Doanh thu bán lẻ đạt 10.125 tỷ đồng\n\n"
               "Doanh thu bán lẻ tháng 5 đạt 10.125 tỷ đồng.\n",
               "monthly", "2024-M05", "2024-05-31", "Tháng 5: Doanh thu bán lẻ đạt 10.125 tỷ đồng");
    /* the year from a comparison with the year before, never from a price base */
    check_meta("Giá trị xuất siêu trong 11 tháng đầu năm tăng\n\n"
               "Xuất khẩu đạt 1,7 tỷ USD, tăng 30% so với cùng kỳ năm 2010.\n",
               "year_to_date", "2011-01/2011-11", NULL, NULL);
    /* a dash before a capital opens the first item of a list, no line of
     * the title (`– an ninh năm 2023` before lower case is one) */
    check_meta("Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025\n\n"
               "- Thu nhập bình quân tăng ít nhất 1,8 lần so với năm 2020.\n", "plan", "2025", NULL,
               "Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025");
    check_meta("Báo cáo tình hình kinh tế - xã hội\n– an ninh năm 2023\n\nThu ngân sách đạt 5 tỷ đồng.\n",
               "annual", "2023", NULL, "Báo cáo tình hình kinh tế - xã hội – an ninh năm 2023");
    /* a page's date line in words names no period (`06 tháng 01` is a
     * day and its month, no count of months) */
    check_meta("Chỉ số sản xuất công nghiệp ước tăng 8,1%\n\nNgày 08 tháng 01 năm 2025\n\n"
               "Năm 2024, chỉ số sản xuất công nghiệp ước tăng 8,1% so với năm 2023.\n",
               "annual", "2024", "2025-01-08", NULL);
    /* a plan's horizon is no period of the text */
    check_meta("Thị xã Ninh Hòa sắp lên thành phố\nTheo quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm "
               "2050, thị xã sẽ lên thành phố. Năm 2024, thu ngân sách đạt 900 tỷ đồng.\n",
               "annual", "2024", NULL, NULL);
    /* `Một số chỉ tiêu …` names some statistics, no plan */
    check_meta("Một số chỉ tiêu y tế tỉnh Lai Châu năm 2023\n\nSố giường bệnh đạt 2.100 giường.\n",
               "annual", "2023", NULL, NULL);
    /* a headline of results that names the plan's items is no plan */
    check_meta("Nhiều chỉ tiêu kinh tế - xã hội của huyện Tân Uyên tăng trưởng cao\n\n"
               "Năm 2023, thu ngân sách huyện đạt 410 tỷ đồng.\n", "annual", "2023", NULL, NULL);
    check_meta("Nhiều chỉ tiêu kinh tế - xã hội của huyện tăng khá\n\n"
               "Năm 2022, giá trị sản xuất công nghiệp giảm 2,4%.\n", "annual", "2022", NULL, NULL);
    /* … nor a question about results, a month's or 9 months' headline */
    check_meta("Các chỉ tiêu kinh tế của tỉnh ra sao trong 9 tháng đầu năm 2022?\n\n"
               "Thu ngân sách đạt 8.400 tỷ đồng.\n", "year_to_date", "2022-01/2022-09", NULL, NULL);
    check_meta("Các chỉ tiêu kinh tế tỉnh Tây Ninh tháng 5 năm 2023\n\nThu ngân sách đạt 800 tỷ đồng.\n",
               "monthly", "2023-M05", NULL, NULL);
    check_meta("HĐND xã thông qua 20 chỉ tiêu phát triển năm 2026\n\nThu ngân sách đạt 45 tỷ đồng.\n",
               "plan", "2026", NULL, NULL);
    check_meta("SỐ CHỈ TIÊU\n\n- Tổng sản phẩm theo giá so sánh năm 2010 tăng bình quân 8%.\n",
               "plan", NULL, NULL, NULL);
    /* a headline that names a period but no year: its kind, no period */
    check_meta("7 nhóm hàng tăng giá trong tháng 8\n\nChỉ số giá tháng 8 tăng 0,3%.\n",
               "monthly", NULL, NULL, NULL);
    /* … but a date in the text dates it; that date alone makes no annual report */
    check_meta("Kinh tế thành phố tăng 7,4% trong 9 tháng đầu năm\n\n"
               "Thông tin được đưa ra tại cuộc họp báo chiều 16-10-2025.\n", "year_to_date",
               "2025-01/2025-09", NULL, NULL);
    check_meta("Tổng dư nợ tín dụng đạt 86.215 tỷ đồng, tăng 7,02% so với 31/12/2023.\n", NULL, NULL, NULL,
               NULL);
    /* a month compared is the month before, of the same year, when a year
     * is named; alone it says the year before */
    check_meta("Tháng 4, sản lượng điện tăng khá\n\n"
               "Trong tháng 4/2019, sản lượng điện tăng 12,4% so với tháng 3/2019.\n",
               "monthly", "2019-M04", NULL, NULL);
    check_meta("Chỉ số giá tiêu dùng 8 tháng tăng 1,77%\n\n"
               "Trong tháng 8, chỉ số giá tiêu dùng tăng 2,63% so với tháng 8/2021.\n",
               "year_to_date", "2022-01/2022-08", NULL, NULL);
    /* an earlier part of the year compared is of the same year */
    check_meta("Kinh tế thành phố 9 tháng tăng hơn 7%\n\n"
               "Tăng trưởng 9 tháng đạt 7,07%, cao hơn 0,51 điểm phần trăm so mức tăng nửa đầu năm 2025.\n",
               "year_to_date", "2025-01/2025-09", NULL, NULL);
    /* a date line with its weekday and the month in words */
    check_meta("Tình hình kinh tế - xã hội tháng 11 năm 2019\n\nThứ hai, 02 Tháng 12 2019\n\n"
               "Doanh thu đạt 5 tỷ đồng.\n", "monthly", "2019-M11", "2019-12-02", NULL);
}

/* period_holds_head against the plain search it shortcuts: for texts
 * built from the head words, their first bytes, their pieces and other
 * letters, at every length, the answer is "a head word lies whole in the
 * text". The words are the head words of period.def. */
static bool holds_plainly(const char *s, size_t n)
{
    static const char *const heads[] = { "tháng", "quý", "năm" };
    for (size_t h = 0; h < sizeof heads / sizeof *heads; h++) {
        size_t len = strlen(heads[h]);
        for (size_t i = 0; i + len <= n; i++)
            if (memcmp(s + i, heads[h], len) == 0)
                return true;
    }
    return false;
}

static void test_holds_head(void)
{
    static const char *const pieces[] = {
        "tháng", "quý", "năm", "th", "thá", "\xC3", "\xA1", "qu", "q", "n", "nă", "\xC4", "\x83",
        "m", "ng", " ", "a", "tăng", "quy", "nam", "thang", "ý", "á", "ă", "1",
    };
    enum { NP = sizeof pieces / sizeof *pieces };
    uint32_t seed = 12345;
    size_t checks = 0, holding = 0;
    for (int round = 0; round < 20000; round++) {
        char text[96];
        size_t n = 0;
        size_t parts = (size_t)(round % 9) + 1;
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % NP];
            size_t l = strlen(p);
            if (n + l >= sizeof text)
                break;
            memcpy(text + n, p, l);
            n += l;
        }
        /* every prefix too: a head word cut by the end of the text is none */
        for (size_t cut = 0; cut <= n; cut++) {
            bool want = holds_plainly(text, cut);
            CHECKF(period_holds_head(text, cut) == want, "period_holds_head(\"%.*s\") is not %d",
                   (int)cut, text, want);
            checks++;
            holding += want;
        }
    }
    CHECKF(holding > checks / 10 && holding < checks - checks / 10,
           "the texts hold a head word in %zu of %zu cases: too one-sided to test", holding, checks);
}

int main(void)
{
    test_codes();
    test_holds_head();
    test_plain_year();
    test_baselines();
    test_date_lines();
    test_metadata();
    return check_done("test-period");
}
