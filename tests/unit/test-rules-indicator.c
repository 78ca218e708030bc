/*
 * test-rules-indicator.c — indicator.c: the noun phrase after a count
 * (count_tail_end stops at the count's own verb), sentence labels, growth
 * rates, time adverbials, trimming of fillers and comparisons, period
 * phrases taken out of an indicator, and the indicator and subject of
 * whole sentences' records.
 */
#include "rules-harness.h"

static void test_count_tail(void)
{
    static const struct { const char *text, *from, *end; } cases[] = {
        /* a change verb before a number: the verb of the count, not its noun */
        { "Có 120 doanh nghiệp tăng 5%.", "tăng", "tăng" },
        { "Có 120 doanh nghiệp sụt giảm 5%.", "sụt", "sụt" },
        { "Có 120 doanh nghiệp hoạt động trở lại tăng khoảng 5%.", "hoạt", "tăng" },
        /* a change verb before a word is part of the noun phrase */
        { "Có 120 doanh nghiệp tăng vốn.", "tăng", "." },
        { "Phát hiện 264 vụ vi phạm Luật Lâm nghiệp.", "vụ", "." },
        /* stops: `so`, a bracket, a strong boundary, a number */
        { "Có 120 hộ nghèo so với năm trước.", "hộ", "so" },
        { "Có 120 hộ nghèo (tăng 5 hộ).", "hộ", "(" },
        { "Có 120 hộ nghèo; 30 hộ cận nghèo.", "hộ", ";" },
        /* a comma stops when a clause with a number of its own follows… */
        { "Phát hiện 264 vụ vi phạm, xử phạt 5 tỷ đồng.", "vụ", "," },
        /* …but not before more words naming the thing, */
        { "Có 35 dự án tạm dừng, chấm dứt hoạt động.", "dự", "." },
        /* nor before another thing counted with it */
        { "Kiểm tra 25 xã, phường thuộc 11 huyện.", "xã", "11" },
        { "Có 216 doanh nghiệp, đơn vị đăng ký với 2.101 tỷ đồng.", "doanh", "với" },
        /* a function word before a number opens the next value */
        { "Thu hút 12.500 tỷ đồng vốn trong nước và 320 triệu USD.", "vốn", "và" },
        { "Tổ chức tại 145 điểm cầu với 3.200 người.", "điểm", "với" },
        /* a time phrase with its number ends it; a time word alone does not */
        { "Đón 245,6 nghìn lượt trong quý III/2024.", "lượt", "trong" },
        { "Có 12 xã đạt chuẩn năm 2024.", "xã", "năm" },
        { "Trồng 5 nghìn ha cây hàng năm.", "cây", "." },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        CHECK_SIZE(count_tail_end(&h.c, tok_of(&h, cases[k].from), h.c.tv.n), tok_of(&h, cases[k].end));
        harness_close(&h);
    }
    check_case = NULL;
    /* at most sixteen tokens, and never past the limit */
    harness h;
    if (!harness_open(&h, "Có 5 a b c d e f g h i j k l m n o p q r s"))
        return;
    size_t a = tok_of(&h, "a");
    CHECK_SIZE(count_tail_end(&h.c, a, h.c.tv.n), a + 16);
    CHECK_SIZE(count_tail_end(&h.c, a, a + 3), a + 3);
    harness_close(&h);
}


static void test_sentence_label(void)
{
    static const struct { const char *text, *label; bool list; } cases[] = {
        { "Lúa mùa: Diện tích gieo trồng đạt 1.200 ha.", "Lúa mùa", false },
        { "Cây công nghiệp lâu năm: diện tích 500 ha.", "Cây công nghiệp lâu năm", false },
        { "Vi phạm về quản lý rừng: 18 vụ.", "Vi phạm về quản lý rừng", false },
        { "Huyện Bắc Mê - Yên Minh: 12 xã.", "Huyện Bắc Mê - Yên Minh", false },
        /* a LABEL_NOT word opens no label */
        { "Trong đó: vốn ngân sách 300 tỷ đồng.", NULL, false },
        { "Gồm: 5 xã.", NULL, false },
        /* numbers, dates, other punctuation, a late or missing colon */
        { "Năm 2023: sản lượng 50 tấn.", NULL, false },
        { "Ngày 15/11/2023: họp 5 lần.", NULL, false },
        { "Sản lượng, giá cả: tăng 5%.", NULL, false },
        { "Một hai ba bốn năm sáu bảy tám: 5 tấn.", NULL, false },
        { "Sản lượng đạt 50 tấn.", NULL, false },
        { ": 50 tấn.", NULL, false },
        /* a list cue before the colon allows a long label with numbers,
         * dates and commas; its comparison is cut */
        { "Kết quả tiêm phòng cho gia súc, gia cầm đợt 2 năm 2023 tính đến ngày 15/10/2023 như sau: "
          "vắc xin cúm gia cầm 3.700 con.", "Kết quả tiêm phòng cho gia súc, gia cầm đợt 2", true },
        { "Một số khoản thu nội địa có mức tăng cao so cùng kỳ năm trước là: thu thuế tăng 5%.",
          "Một số khoản thu nội địa có mức tăng cao", true },
        /* an EMPTY_LABEL says nothing of the items */
        { "Một số kết quả cụ thể như sau: thu hút 77 dự án.", NULL, false },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        bool list;
        CHECK_STR(sentence_label(&h.c, 0, h.c.tv.n, &list), cases[k].label);
        CHECK(list == cases[k].list);
        harness_close(&h);
    }
    check_case = NULL;
}


static void test_growth_and_words(void)
{
    harness h;
    if (!harness_open(&h, "x"))
        return;
    CHECK(names_growth_rate(&h.c, "Tốc độ tăng trưởng kinh tế"));
    CHECK(names_growth_rate(&h.c, "TĂNG TRƯỞNG GRDP"));
    CHECK(names_growth_rate(&h.c, "tốc độ tăng giá"));
    CHECK(!names_growth_rate(&h.c, "Doanh thu"));
    CHECK(!names_growth_rate(&h.c, "tăng"));
    CHECK(!names_growth_rate(&h.c, ""));
    CHECK(!names_growth_rate(&h.c, NULL));
    harness_close(&h);
    CHECK(contains_words("cây ăn quả", "cây", strlen("cây")));
    CHECK(contains_words("đàn (lợn)", "lợn", strlen("lợn")));
    CHECK(!contains_words("cây ăn quả", "ăn q", strlen("ăn q")));
    CHECK(!contains_words("túi", "tủ", strlen("tủ")));
    CHECK(!contains_words("cây", "", 0));
    /* in any case: the indicator starts a sentence, the unit noun does not */
    CHECK(contains_words("Cây ăn quả", "cây", strlen("cây")));
    CHECK(contains_words("ĐÀN BÒ", "bò", strlen("bò")));
}


static void test_trim(void)
{
    static const struct { const char *text; size_t adverbial; const char *phrase; } cases[] = {
        { "Năm 2023, sản lượng lúa đạt", 3, "sản lượng lúa" },
        { "Quý III/2023, tổng vốn tăng", 5, "tổng vốn" },
        { "Tính đến hết tháng 9/2023, dư nợ đạt", 6, "dư nợ" },
        { "Sản lượng lúa đã thực hiện được", 0, "Sản lượng lúa" },
        { "Trong đó, vốn ngân sách", 0, "vốn ngân sách" },
        { "Giá trị xuất khẩu so với năm trước", 0, "Giá trị xuất khẩu" },
        { "Tổng sản phẩm (GRDP)", 0, "Tổng sản phẩm (GRDP)" },
        /* the filler `tăng` goes, but not from the growth word `tăng trưởng` */
        { "tăng thu ngân sách", 0, "thu ngân sách" },
        { "Phấn đấu tăng trưởng kinh tế", 0, "tăng trưởng kinh tế" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open(&h, cases[k].text))
            continue;
        CHECK_SIZE(time_adverbial_at(&h.c, 0, h.c.tv.n), cases[k].adverbial);
        size_t a = 0, b = h.c.tv.n;
        trim_phrase(&h.c, &a, &b);
        CHECK_STR(tokens_text(&h.c, a, b), cases[k].phrase);
        harness_close(&h);
    }
    check_case = NULL;
    /* a time adverbial opens a sentence or clause, not a comparison */
    harness h;
    if (!harness_open(&h, "so với tháng 02, đạt"))
        return;
    CHECK_SIZE(time_adverbial_at(&h.c, tok_of(&h, "tháng"), h.c.tv.n), 0);
    harness_close(&h);
    /* period phrases leave the indicator */
    if (!harness_open(&h, "Kim ngạch xuất khẩu 6 tháng đầu năm 2024"))
        return;
    CHECK_STR(phrase_text(&h.c, 0, h.c.tv.n), "Kim ngạch xuất khẩu");
    harness_close(&h);
    if (!harness_open(&h, "9 tháng năm 2024"))
        return;
    CHECK_STR(phrase_text(&h.c, 0, h.c.tv.n), "");
    harness_close(&h);
}


typedef struct ind_case {
    const char *text;
    size_t rec;
    const char *indicator, *subject;
} ind_case;


static void test_sentences(void)
{
    static const ind_case cases[] = {
        { "Kim ngạch xuất khẩu 6 tháng đầu năm 2024 ước đạt 1.101,1 triệu USD, tăng 8,2% so với cùng kỳ.",
          0, "Kim ngạch xuất khẩu", NULL },
        { "Kim ngạch xuất khẩu 6 tháng đầu năm 2024 ước đạt 1.101,1 triệu USD, tăng 8,2% so với cùng kỳ.",
          1, "Kim ngạch xuất khẩu", NULL },
        { "Lũy kế 9 tháng, giá trị ước đạt 1.101,1 triệu USD.", 0, "giá trị", NULL },
        { "Lúa mùa: Diện tích gieo trồng đạt 1.200 ha.", 0, "Diện tích gieo trồng", "Lúa mùa" },
        /* a count names its thing; a classifier after a named thing adds nothing */
        { "Phát hiện và xử lý 264 vụ vi phạm Luật Lâm nghiệp.", 0,
          "Phát hiện và xử lý vụ vi phạm Luật Lâm nghiệp", NULL },
        { "Có 90 doanh nghiệp hoạt động trở lại.", 0, "doanh nghiệp hoạt động trở lại", NULL },
        { "Tổng đàn lợn 150,2 nghìn con.", 0, "Tổng đàn lợn", NULL },
        { "Có 120 doanh nghiệp tăng 5%.", 1, "doanh nghiệp", NULL },
        /* a sector in a chain is its subject; the indicator is the head's */
        { "Tổng sản phẩm tăng 7,5%, khu vực dịch vụ tăng 9,49%.", 1, "Tổng sản phẩm", "khu vực dịch vụ" },
        /* the head of a `trong đó:` list is its items' subject */
        { "Tổng vốn ước đạt 500 tỷ đồng, trong đó: vốn ngân sách 300 tỷ đồng.", 1,
          "vốn ngân sách", "Tổng vốn" },
        /* a short measure later in a clause is about its first entity */
        { "Cây ngô gieo trồng 1.409 ha, năng suất ước đạt 30,37 tạ/ha.", 1, "năng suất", "Cây ngô gieo trồng" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        harness h;
        check_case = cases[k].text;
        if (!harness_open_year(&h, cases[k].text, 2024))
            continue;
        CHECK(harness_run(&h));
        CHECK(cases[k].rec < h.out.n_recs);
        if (cases[k].rec < h.out.n_recs) {
            CHECK_STR(h.out.recs[cases[k].rec].indicator, cases[k].indicator);
            CHECK_STR(h.out.recs[cases[k].rec].subject, cases[k].subject);
        }
        harness_close(&h);
    }
    check_case = NULL;
}


int main(void)
{
    test_count_tail();
    test_sentence_label();
    test_growth_and_words();
    test_trim();
    test_sentences();
    return check_done("test-rules-indicator");
}
