/*
 * test-lexer.c — the number lexer on Vietnamese report notation.
 *
 * Table-driven: each fixture is a phrase written in the style of provincial
 * reports (our own sentences, not the corpus's) and the numeric tokens the
 * lexer must give for it, in order: kind, exact text, value(s) and flags.
 * Words and punctuation are not listed; a fixture may name the word that
 * must follow its first number glued (`17.601m2` → `m2`).
 *
 * Then: exactness (parsed doubles equal the C literal bit for bit, and a
 * seeded random comparison against strtod on the English spelling), direct
 * lex_number() lengths and flags, span bounds, and linear time on
 * pathological chains.
 *
 * Every input is copied into a buffer of exactly its length (no NUL), so a
 * read past the end is caught by AddressSanitizer.
 */
#include "lexer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "utf8.h"

#include <utf8proc.h>

typedef struct xtok {
    int kind;
    const char *text;
    double v, v2;      /* NaN: not checked */
    unsigned on, off;  /* flags that must be set / clear */
} xtok;

typedef struct lex_case {
    const char *in;
    xtok t[6];         /* terminated by text == NULL */
    const char *glued_word;  /* word that must follow the first number, glued */
} lex_case;

#define N(txt, val) { TOK_NUMBER, txt, val, NAN, 0, 0 }
#define NF(txt, val, on, off) { TOK_NUMBER, txt, val, NAN, on, off }
#define R(txt, a, b) { TOK_RANGE, txt, a, b, 0, 0 }
#define F(txt, a, b) { TOK_FRACTION, txt, a, b, 0, 0 }
#define D(txt, year, month) { TOK_DATE, txt, year, month, 0, 0 }
#define Y(txt, a, b) { TOK_YEAR_SPAN, txt, a, b, 0, 0 }
#define DOC(txt, first) { TOK_DOCNUM, txt, first, NAN, 0, 0 }
#define FN(txt, val) { TOK_FOOTNOTE, txt, val, NAN, 0, 0 }

enum {
    G = NUM_GROUPED,
    DEC = NUM_DECIMAL,
    SLIP = NUM_DOT_SLIP,
    LZ = NUM_LEADING_ZERO,
    YR = NUM_YEARLIKE,
    SG = NUM_SIGNED,
};

static const lex_case cases[] = {
    /* --- thousands dot, decimal comma --- */
    { .in = "Diện tích lúa ước đạt 177.078 ha", .t = { NF("177.078", 177078, G, DEC | SLIP) } },
    { .in = "tăng 0,69% so với cùng kỳ", .t = { NF("0,69", 0.69, DEC, G | LZ) } },
    { .in = "nộp ngân sách 951.688.000 đồng", .t = { NF("951.688.000", 951688000, G, DEC) } },
    { .in = "khai thác 54,735 m³ cát", .t = { NF("54,735", 54.735, DEC, G) } },
    { .in = "diện tích 11,383 ha", .t = { NF("11,383", 11.383, DEC, G) } },
    { .in = "sản lượng 6.208,4 tấn", .t = { NF("6.208,4", 6208.4, G | DEC, SLIP) } },
    { .in = "thu 19.644,318 triệu đồng", .t = { NF("19.644,318", 19644.318, G | DEC, 0) } },
    { .in = "vốn 3.182,466 tỷ đồng", .t = { N("3.182,466", 3182.466) } },
    { .in = "0,899 nghìn lượt khách", .t = { N("0,899", 0.899) } },
    { .in = "lượng 347,820 tấn", .t = { N("347,820", 347.82) } },
    { .in = "chiếm 48,035% tổng vốn", .t = { N("48,035", 48.035) } },
    { .in = "tổng 28.170.275.920 đồng", .t = { NF("28.170.275.920", 28170275920.0, G, DEC) } },
    { .in = "1.234.567,891 đồng", .t = { N("1.234.567,891", 1234567.891) } },
    { .in = "hơn 1.000.000 lượt", .t = { N("1.000.000", 1000000) } },
    /* a decimal dot slipped in after thousands groups (one or two digits) */
    { .in = "đạt 9.332.3 tỷ đồng", .t = { NF("9.332.3", 9332.3, G | DEC | SLIP, 0) } },
    { .in = "đạt 1.204.56 tỷ đồng", .t = { NF("1.204.56", 1204.56, G | DEC | SLIP, 0) } },
    { .in = "giá trị 14.518,5 tỷ đồng", .t = { N("14.518,5", 14518.5) } },
    { .in = "có 1725 doanh nghiệp", .t = { NF("1725", 1725, 0, YR | G) } },
    { .in = "được 1070,86 tấn", .t = { NF("1070,86", 1070.86, DEC, G) } },
    { .in = "5.420 nghìn con", .t = { N("5.420", 5420) } },
    { .in = "155,6 nghìn tỷ đồng", .t = { N("155,6", 155.6) } },
    { .in = "196,41 Triệu Kwh", .t = { N("196,41", 196.41) } },
    { .in = "tăng 0,64 điểm phần trăm", .t = { N("0,64", 0.64) } },
    { .in = "bằng 102,2% so với cùng kỳ", .t = { N("102,2", 102.2) } },
    /* comma followed by a space is punctuation, not a decimal comma */
    { .in = "đạt 4.499, tăng 12", .t = { NF("4.499", 4499, G, DEC), N("12", 12) } },
    { .in = "153.687.774.900, đồng", .t = { N("153.687.774.900", 153687774900.0) } },
    { .in = "3.669,25 ha/3.621,7 ha", .t = { N("3.669,25", 3669.25), N("3.621,7", 3621.7) } },
    { .in = "4.000 đồng/kg - 8.000 đồng/kg", .t = { N("4.000", 4000), N("8.000", 8000) } },
    { .in = "10,7 bác sĩ/1 vạn dân", .t = { N("10,7", 10.7), N("1", 1) } },
    /* --- the English decimal point slip --- */
    { .in = "tăng 4.87% so với năm 2020",
      .t = { NF("4.87", 4.87, DEC | SLIP, G), NF("2020", 2020, YR, 0) } },
    { .in = "năm 2019 đạt 78.53, năm 2020 đạt 81.07",
      .t = { N("2019", 2019), NF("78.53", 78.53, SLIP, G), N("2020", 2020),
        NF("81.07", 81.07, SLIP, G) } },
    { .in = "tăng 50.5%", .t = { NF("50.5", 50.5, SLIP, G) } },
    { .in = "chỉ số 123.45 điểm", .t = { NF("123.45", 123.45, SLIP, G) } },
    { .in = "Chợ 4.0 đầu tiên", .t = { NF("4.0", 4.0, SLIP, G) } },
    { .in = "ứng dụng công nghệ 4.0", .t = { NF("4.0", 4.0, DEC | SLIP, G) } },
    { .in = "Biểu số 01.2 kèm theo", .t = { NF("01.2", 1.2, SLIP | LZ, G) } },
    /* a dotted chain is numbering: every part is an integer */
    { .in = "mục 1.1.1.1 của báo cáo",
      .t = { NF("1", 1, 0, SLIP), NF("1", 1, 0, SLIP), NF("1", 1, 0, SLIP),
        NF("1", 1, 0, SLIP) } },
    { .in = "tiểu mục 2.3.4.", .t = { NF("2", 2, 0, SLIP), NF("3", 3, 0, SLIP), NF("4", 4, 0, SLIP) } },
    /* --- leading zeros (counts, not octal) --- */
    { .in = "xảy ra 03 vụ cháy rừng", .t = { NF("03", 3, LZ, DEC) } },
    { .in = "xây mới 07 chợ", .t = { NF("07", 7, LZ, 0) } },
    { .in = "Tăng 01 bậc", .t = { NF("01", 1, LZ, 0) } },
    { .in = "còn 00 trường hợp", .t = { NF("00", 0, LZ, 0) } },
    { .in = "đạt 0,5%", .t = { NF("0,5", 0.5, DEC, LZ) } },
    { .in = "đạt 08 xã", .t = { NF("08", 8, LZ, 0) } },
    { .in = "mã 009", .t = { NF("009", 9, LZ, 0) } },
    /* --- signs --- */
    { .in = "tốc độ (-2,5%)", .t = { NF("-2,5", -2.5, SG, 0) } },
    { .in = "tăng trưởng (+12,5%)", .t = { NF("+12,5", 12.5, SG, 0) } },
    { .in = "chênh lệch: -0,3 điểm", .t = { NF("-0,3", -0.3, SG, 0) } },
    { .in = "mức = -15%", .t = { NF("-15", -15, SG, 0) } },
    { .in = "quý I: 5; -7 vụ", .t = { N("5", 5), NF("-7", -7, SG, 0) } },
    { .in = "2.283,4 + 156,6 = 2.440",
      .t = { N("2.283,4", 2283.4), NF("156,6", 156.6, 0, SG), N("2.440", 2440) } },
    { .in = "- 12 xã đạt chuẩn", .t = { NF("12", 12, 0, SG) } },
    /* after a word and a space, a sign glued to a percentage only */
    { .in = "trong đó xăng +8,1%", .t = { NF("+8,1", 8.1, SG, 0) } },
    { .in = "gas -1,2%, dầu", .t = { NF("-1,2", -1.2, SG, 0) } },
    { .in = "nhóm A -3 xã", .t = { NF("3", 3, 0, SG) } },
    /* an ASCII word glued to a number written with a separator */
    { .in = "nguyên con68.000 đ/kg", .t = { N("68.000", 68000) } },
    /* a sign written apart after '(' signs a value that fills the bracket */
    { .in = "giảm 2,1% (- 265,4 tấn) so", .t = { N("2,1", 2.1), NF("- 265,4", -265.4, SG, 0) } },
    { .in = "(+ 12,2 ha)", .t = { NF("+ 12,2", 12.2, SG, 0) } },
    { .in = "(- 5 xã, 3 huyện)", .t = { NF("5", 5, 0, SG), N("3", 3) } },
    /* --- ranges --- */
    { .in = "phấn đấu tăng 2-2,5%", .t = { R("2-2,5", 2, 2.5) } },
    { .in = "tăng 2- 2,5% so với năm trước", .t = { R("2- 2,5", 2, 2.5) } },
    { .in = "đạt 4-5%", .t = { R("4-5", 4, 5) } },
    { .in = "đạt 15-18 tiêu chí", .t = { R("15-18", 15, 18) } },
    { .in = "đạt 05-09 tiêu chí", .t = { R("05-09", 5, 9) } },
    { .in = "trẻ từ 6-60 tháng tuổi", .t = { R("6-60", 6, 60) } },
    { .in = "mức độ 3 - 4", .t = { R("3 - 4", 3, 4) } },
    { .in = "tăng 1,5–2,5%", .t = { R("1,5–2,5", 1.5, 2.5) } },
    { .in = "giá 18,5 - 20 triệu", .t = { R("18,5 - 20", 18.5, 20) } },
    { .in = "từ 10-5", .t = { N("10", 10), NF("5", 5, 0, SG) } },
    /* --- fractions n/N --- */
    { .in = "11/11 huyện, thành phố", .t = { F("11/11", 11, 11) } },
    { .in = "đạt 118/152 tiêu chí", .t = { F("118/152", 118, 152) } },
    { .in = "có 337/ 2.600 hộ", .t = { F("337/ 2.600", 337, 2600) } },
    { .in = "03/08 xã hoàn thành", .t = { F("03/08", 3, 8) } },
    { .in = "10/12 huyện", .t = { F("10/12", 10, 12) } },
    { .in = "thu hút 70/882 cơ sở", .t = { F("70/882", 70, 882) } },
    { .in = "xếp hạng 33/63 tỉnh", .t = { F("33/63", 33, 63) } },
    { .in = "đạt 79,35/100 điểm", .t = { F("79,35/100", 79.35, 100) } },
    { .in = "24/24 giờ", .t = { F("24/24", 24, 24) } },
    { .in = "bản đồ tỷ lệ 1/2.000", .t = { F("1/2.000", 1, 2000) } },
    { .in = "(75/150 vụ = 50%)", .t = { F("75/150", 75, 150), N("50", 50) } },
    { .in = "4.574.822/4.927.240 con", .t = { F("4.574.822/4.927.240", 4574822, 4927240) } },
    { .in = "123.887,3/119.016,7 tấn", .t = { F("123.887,3/119.016,7", 123887.3, 119016.7) } },
    { .in = "29/ 22 hiện vật", .t = { F("29/ 22", 29, 22) } },
    { .in = "24,6/24,3 tạ/ha", .t = { F("24,6/24,3", 24.6, 24.3) } },
    { .in = "= 800/800 công dân", .t = { F("800/800", 800, 800) } },
    /* --- numbers glued to units --- */
    { .in = "60 hộ/17.601m2 đất", .t = { N("60", 60), N("17.601", 17601) } },
    { .in = "17.601m2", .t = { N("17.601", 17601) }, .glued_word = "m2" },
    { .in = "19.157,9tấn", .t = { N("19.157,9", 19157.9) }, .glued_word = "tấn" },
    { .in = "dài 420,5km", .t = { N("420,5", 420.5) }, .glued_word = "km" },
    { .in = "khối lượng 87,353m³", .t = { N("87,353", 87.353) }, .glued_word = "m³" },
    { .in = "11.542m³ đất đá", .t = { N("11.542", 11542) }, .glued_word = "m³" },
    { .in = "25.156,5ha", .t = { N("25.156,5", 25156.5) }, .glued_word = "ha" },
    { .in = "công suất 82,2MW", .t = { N("82,2", 82.2) }, .glued_word = "MW" },
    { .in = "521kg/người/năm", .t = { N("521", 521) }, .glued_word = "kg" },
    { .in = "17,77Kg", .t = { N("17,77", 17.77) }, .glued_word = "Kg" },
    { .in = "thưởng 95.000.000đ", .t = { N("95.000.000", 95000000) }, .glued_word = "đ" },
    { .in = "đường dây 110kV", .t = { N("110", 110) }, .glued_word = "kV" },
    { .in = "diện tích 3 km² rừng", .t = { N("3", 3) } },
    /* --- dates and month/year --- */
    { .in = "ngày 09/12/2020", .t = { D("09/12/2020", 2020, 12) } },
    { .in = "ngày 15/11/2021 của", .t = { D("15/11/2021", 2021, 11) } },
    { .in = "ngày 26/4/2021", .t = { D("26/4/2021", 2021, 4) } },
    { .in = "Công văn số 51 ngày 5-1-2012 về", .t = { N("51", 51), D("5-1-2012", 2012, 1) } },
    { .in = "so với ngày 31.12.2018", .t = { D("31.12.2018", 2018, 12) } },
    { .in = "(Tháng 10/2021)", .t = { D("10/2021", 2021, 10) } },
    { .in = "tháng 1/2021", .t = { D("1/2021", 2021, 1) } },
    { .in = "từ 07h00' ngày 22/5/2021", .t = { N("07", 7), D("22/5/2021", 2021, 5) } },
    { .in = "1752 ngày 22/09/2020", .t = { N("1752", 1752), D("22/09/2020", 2020, 9) } },
    { .in = "27/3/1946 – 27/3/2021", .t = { D("27/3/1946", 1946, 3), D("27/3/2021", 2021, 3) } },
    { .in = "(5/6/1991-5/6/2021)", .t = { D("5/6/1991", 1991, 6), D("5/6/2021", 2021, 6) } },
    /* --- document numbers --- */
    { .in = "Nghị quyết số 58/2020/NQ-HĐND ngày 09/12/2020",
      .t = { DOC("58/2020/NQ-HĐND", 58), D("09/12/2020", 2020, 12) } },
    { .in = "Báo cáo số 765/BC-UBND", .t = { DOC("765/BC-UBND", 765) } },
    { .in = "Số: 350 /BC-UBND", .t = { DOC("350 /BC-UBND", 350) } },
    { .in = "Nghị quyết 58/NQ-CP của Chính phủ", .t = { DOC("58/NQ-CP", 58) } },
    { .in = "Chỉ thị số 09-CT/TU", .t = { DOC("09-CT/TU", 9) } },
    { .in = "Nghị quyết số 39-NQ/TW", .t = { DOC("39-NQ/TW", 39) } },
    { .in = "Văn bản số 1335-CV/TU", .t = { DOC("1335-CV/TU", 1335) } },
    { .in = "Quyết định số 2519/QĐ-UBND", .t = { DOC("2519/QĐ-UBND", 2519) } },
    { .in = "Công văn số 123/UBBG-VT-m", .t = { DOC("123/UBBG-VT-m", 123) } },
    { .in = "Quyết định số 90/QĐ-TTg ngày", .t = { DOC("90/QĐ-TTg", 90) } },
    { .in = "Thông tư 12/2021/TT-BTC.", .t = { DOC("12/2021/TT-BTC", 12) } },
    { .in = "Nghị định số 107, 108/NĐ-CP", .t = { N("107", 107), DOC("108/NĐ-CP", 108) } },
    { .in = "Quyết định 304/QĐ- TTg", .t = { DOC("304/QĐ- TTg", 304) } },
    { .in = "Kế hoạch số 134/KH-UBND, ngày 26/4/2021",
      .t = { DOC("134/KH-UBND", 134), D("26/4/2021", 2021, 4) } },
    { .in = "QĐ số 224/QĐ-UBND 8/2/2022", .t = { DOC("224/QĐ-UBND", 224), D("8/2/2022", 2022, 2) } },
    /* --- year spans --- */
    { .in = "giai đoạn 2021-2025", .t = { Y("2021-2025", 2021, 2025) } },
    { .in = "giai đoạn 2021 - 2025", .t = { Y("2021 - 2025", 2021, 2025) } },
    { .in = "niên vụ 2020 – 2021", .t = { Y("2020 – 2021", 2020, 2021) } },
    { .in = "thời kỳ 2021-2030, tầm nhìn đến năm 2050",
      .t = { Y("2021-2030", 2021, 2030), NF("2050", 2050, YR, 0) } },
    { .in = "chuẩn nghèo giai đoạn 2016-2020”", .t = { Y("2016-2020", 2016, 2020) } },
    /* --- years and identifiers that are still plain numbers --- */
    { .in = "so với năm 2021", .t = { NF("2021", 2021, YR, G | DEC) } },
    { .in = "năm 1999", .t = { NF("1999", 1999, YR, 0) } },
    { .in = "mã 2101", .t = { NF("2101", 2101, 0, YR) } },
    { .in = "TCVN ISO 9001:2015", .t = { NF("9001", 9001, 0, YR), NF("2015", 2015, YR, 0) } },
    { .in = "giảm 67 vụ so cùng kỳ năm 2020 = 31%", .t = { N("67", 67), N("2020", 2020), N("31", 31) } },
    /* --- Covid -19 is a name, not a negative number --- */
    { .in = "dịch Covid -19", .t = { NF("19", 19, 0, SG) } },
    { .in = "COVID -19 trên địa bàn", .t = { NF("19", 19, 0, SG) } },
    { .in = "dịch Covid – 19", .t = { NF("19", 19, 0, SG) } },
    { .in = "phòng chống Covid-19", .t = { NF("19", 19, 0, SG) } },
    { .in = "virus SARS-CoV-2", .t = { NF("2", 2, 0, SG) } },
    { .in = "cúm A/H5N6", .t = { { 0, NULL, 0, 0, 0, 0 } } },
    /* --- footnote superscripts --- */
    { .in = "tăng 10,19% so với năm 2021 ¹, trong đó",
      .t = { N("10,19", 10.19), N("2021", 2021), FN("¹", 1) } },
    { .in = "so với cùng kỳ năm 2021²⁷,", .t = { N("2021", 2021), FN("²⁷", 27) } },
    { .in = "đạt 101,10% kế hoạch²;", .t = { N("101,10", 101.1), FN("²", 2) } },
    /* a bracketed number glued to a word is a footnote marker; spaced, it is none */
    { .in = "Kim ngạch nhập khẩu(1) ước đạt 412,5", .t = { FN("(1)", 1), N("412,5", 412.5) } },
    { .in = "Chỉ số giá tiêu dùng[12] tăng 0,35%", .t = { FN("[12]", 12), N("0,35", 0.35) } },
    { .in = "mục (1) đạt 5", .t = { N("1", 1), N("5", 5) } },
    { .in = "(tăng 109,97 ha so với năm 2021)⁵",
      .t = { N("109,97", 109.97), N("2021", 2021), FN("⁵", 5) } },
    { .in = "01 dự án ¹⁶", .t = { NF("01", 1, LZ, 0), FN("¹⁶", 16) } },
    { .in = "Covid-19³⁸", .t = { N("19", 19), FN("³⁸", 38) } },
    { .in = "¹⁰ 07 nhiệm vụ cấp tỉnh", .t = { FN("¹⁰", 10), NF("07", 7, LZ, 0) } },
    { .in = "chỉ tiêu⁴⁰", .t = { FN("⁴⁰", 40) } },
    /* one or two digits glued to a percent sign before a word */
    { .in = "đạt 4,8%3 do nhu cầu", .t = { N("4,8", 4.8), FN("3", 3) } },
    { .in = "đạt 4,8% 3 xã", .t = { N("4,8", 4.8), N("3", 3) } },
};

static const char *const kind_names[] = {
    "word", "number", "range", "fraction", "date", "year_span", "docnum",
    "footnote", "punct",
};

static bool is_numeric_kind(int k)
{
    return k != TOK_WORD && k != TOK_PUNCT;
}

/* The input in a buffer of exactly its length, so overreads are caught. */
static char *exact_copy(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    if (n)
        memcpy(p, s, n);
    return p;
}

static void check_case_tokens(const lex_case *c)
{
    size_t n = strlen(c->in);
    char *s = exact_copy(c->in, n);
    token_vec tv = { 0 };
    check_case = c->in;
    CHECK(lex_span(s, 0, n, &tv));

    size_t want = 0;
    while (want < 6 && c->t[want].text)
        want++;
    size_t got = 0;
    for (size_t i = 0; i < tv.n; i++) {
        const token *t = &tv.t[i];
        CHECKF(t->start < t->end && t->end <= n, "token %zu span [%u,%u) in %zu bytes", i,
               t->start, t->end, n);
        if (i)
            CHECKF(t->start >= tv.t[i - 1].end, "token %zu overlaps the previous", i);
        if (!is_numeric_kind(t->kind))
            continue;
        if (got < want) {
            const xtok *x = &c->t[got];
            CHECKF(t->kind == x->kind, "token %zu: kind %s, expected %s", got,
                   kind_names[t->kind], kind_names[x->kind]);
            CHECK_MEM(s + t->start, t->end - t->start, x->text, strlen(x->text));
            if (!isnan(x->v))
                CHECK_DBL(t->v, x->v);
            if (!isnan(x->v2))
                CHECK_DBL(t->v2, x->v2);
            CHECKF((t->flags & x->on) == x->on, "token '%s': flags 0x%x lack 0x%x", x->text,
                   t->flags, x->on);
            CHECKF((t->flags & x->off) == 0, "token '%s': flags 0x%x must not have 0x%x",
                   x->text, t->flags, x->off);
            if (got == 0 && c->glued_word) {
                CHECKF(i + 1 < tv.n && tv.t[i + 1].kind == TOK_WORD &&
                           (tv.t[i + 1].flags & TOK_GLUED) &&
                           tv.t[i + 1].end - tv.t[i + 1].start == strlen(c->glued_word) &&
                           memcmp(s + tv.t[i + 1].start, c->glued_word,
                                  strlen(c->glued_word)) == 0,
                       "number must be followed by the glued word '%s'", c->glued_word);
            }
        } else {
            CHECKF(0, "unexpected %s token '%.*s'", kind_names[t->kind],
                   (int)(t->end - t->start), s + t->start);
        }
        got++;
    }
    CHECKF(got == want, "%zu numeric tokens, expected %zu", got, want);
    free(tv.t);
    free(s);
    check_case = NULL;
}

/* ---------------------------------------------------------------- */
/* Exactness                                                         */
/* ---------------------------------------------------------------- */

static double lex_value(const char *text, size_t *used)
{
    size_t n = strlen(text);
    char *s = exact_copy(text, n);
    double v = NAN;
    unsigned f = 0;
    *used = lex_number(s, n, &v, &f);
    free(s);
    return v;
}

#define CHECK_EXACT(text, literal)                                            \
    do {                                                                      \
        size_t used_;                                                         \
        check_case = text;                                                    \
        CHECK_DBL(lex_value(text, &used_), literal);                          \
        CHECK_SIZE(used_, strlen(text));                                      \
        check_case = NULL;                                                    \
    } while (0)

static void test_exact_literals(void)
{
    CHECK_EXACT("0,1", 0.1);
    CHECK_EXACT("0,2", 0.2);
    CHECK_EXACT("0,3", 0.3);
    CHECK_EXACT("0,7", 0.7);
    CHECK_EXACT("1,1", 1.1);
    CHECK_EXACT("6.208,4", 6208.4);
    CHECK_EXACT("0,69", 0.69);
    CHECK_EXACT("54,735", 54.735);
    CHECK_EXACT("11,383", 11.383);
    CHECK_EXACT("2,675", 2.675);
    CHECK_EXACT("4.87", 4.87);
    CHECK_EXACT("78.53", 78.53);
    CHECK_EXACT("155,6", 155.6);
    CHECK_EXACT("102,49", 102.49);
    CHECK_EXACT("0,000001", 0.000001);
    CHECK_EXACT("0,0000000000000000000001", 1e-22);
    CHECK_EXACT("28.170.275.920", 28170275920.0);
    CHECK_EXACT("123.456.789,123456", 123456789.123456);
    CHECK_EXACT("21.401,998", 21401.998);
    CHECK_EXACT("9.007.199.254.740.992", 9007199254740992.0);
    CHECK_EXACT("9.007.199.254.740.993", 9007199254740993.0);
    CHECK_EXACT("18.446.744.073.709.551.615", 18446744073709551615.0);
    CHECK_EXACT("99.999.999.999.999.999.999.999", 99999999999999999999999.0);
    CHECK_EXACT("0,12345678901234567", 0.12345678901234567);
    CHECK_EXACT("0,1234567890123456789", 0.1234567890123456789);
    CHECK_EXACT("1,7976931348623157", 1.7976931348623157);
    CHECK_EXACT("3,14159265358979323846264338327950288", 3.14159265358979323846264338327950288);
    CHECK_EXACT("0,30000000000000000000000000000000001", 0.30000000000000000000000000000000001);
    /* 0,1 + 0,2 style: the sum of parsed values is the sum of the literals */
    size_t u;
    CHECK_DBL(lex_value("0,1", &u) + lex_value("0,2", &u), 0.1 + 0.2);
    CHECK_DBL(lex_value("0,899", &u) + lex_value("283,097", &u), 0.899 + 283.097);
}

/* A small deterministic generator (xorshift64*). */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/*
 * Random numbers written both ways: Vietnamese (`1.234.567,89`) for the
 * lexer, C syntax (`1234567.89`) for strtod, which glibc rounds correctly.
 * The program never calls setlocale, so strtod reads '.' as the point.
 */
static void test_exact_random(void)
{
    unsigned mismatches = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char vn[96], c[96];
        size_t nv = 0, nc = 0;
        int int_digits = 1 + (int)(rng() % 19);
        int frac_digits = (int)(rng() % 22);
        bool grouped = int_digits > 3 && (rng() & 1);
        for (int d = 0; d < int_digits; d++) {
            char ch = (char)('0' + rng() % 10);
            if (d == 0 && int_digits > 1 && ch == '0')
                ch = '1';
            if (grouped && d > 0 && (int_digits - d) % 3 == 0)
                vn[nv++] = '.';
            vn[nv++] = ch;
            c[nc++] = ch;
        }
        if (frac_digits) {
            vn[nv++] = ',';
            c[nc++] = '.';
            for (int d = 0; d < frac_digits; d++) {
                char ch = (char)('0' + rng() % 10);
                vn[nv++] = ch;
                c[nc++] = ch;
            }
        }
        c[nc] = '\0';
        double want = strtod(c, NULL), got = NAN;
        unsigned f = 0;
        size_t used = lex_number(vn, nv, &got, &f);
        if (used != nv || !check_same_double(got, want)) {
            if (mismatches++ < 10)
                CHECKF(0, "'%.*s' → %.17g (used %zu of %zu), strtod('%s') = %.17g", (int)nv,
                       vn, got, used, nv, c, want);
        }
    }
    CHECKF(mismatches == 0, "%u of 20000 random numbers differ from strtod", mismatches);
}

/* ---------------------------------------------------------------- */
/* lex_number directly                                               */
/* ---------------------------------------------------------------- */

static void test_lex_number_edges(void)
{
    double v = -1;
    unsigned f = 99;
    CHECK_SIZE(lex_number("", 0, &v, &f), 0);
    CHECK_SIZE(lex_number("abc", 3, &v, &f), 0);
    CHECK_SIZE(lex_number(",5", 2, &v, &f), 0);
    CHECK_SIZE(lex_number("-5", 2, &v, &f), 0);   /* signs belong to the lexer */
    CHECK_SIZE(lex_number("12,", 3, &v, &f), 2);  /* trailing comma is punctuation */
    CHECK_DBL(v, 12.0);
    CHECK_SIZE(lex_number("12.", 3, &v, &f), 2);  /* sentence end */
    CHECK_SIZE(lex_number("1.234.", 6, &v, &f), 5);
    CHECK_DBL(v, 1234.0);
    CHECK_SIZE(lex_number("1.23456", 7, &v, &f), 7); /* not three digits: a slip */
    CHECK(f & NUM_DOT_SLIP);
    /* the buffer length is a hard limit: "177.078" cut after "177.07" */
    CHECK_SIZE(lex_number("177.078", 6, &v, &f), 6);
    CHECK_DBL(v, 177.07);
    CHECK_SIZE(lex_number("177.078", 3, &v, &f), 3);
    CHECK_DBL(v, 177.0);
    /* grouping needs a first group of at most three digits */
    CHECK_SIZE(lex_number("1234.567", 8, &v, &f), 4);
    CHECK_DBL(v, 1234.0);
    CHECK_SIZE(lex_number("6.208,4,5", 9, &v, &f), 7);
    CHECK_DBL(v, 6208.4);
    /* very long digit runs stay finite or become inf, never crash */
    char big[400];
    memset(big, '9', sizeof big);
    CHECK_SIZE(lex_number(big, sizeof big, &v, &f), sizeof big);
    CHECK(isinf(v) || v > 1e300);
    big[1] = ',';
    CHECK_SIZE(lex_number(big, sizeof big, &v, &f), sizeof big);
    CHECK_DBL(v, 10.0); /* 9,999…9 (398 nines) rounds to 10 */
}

/* ---------------------------------------------------------------- */
/* Spans and misc                                                    */
/* ---------------------------------------------------------------- */

static void test_span_bounds(void)
{
    const char *text = "đạt 177.078 ha, tăng 0,69%";
    size_t n = strlen(text);
    char *s = exact_copy(text, n);
    token_vec tv = { 0 };
    /* the span starts at "177" and ends before ", tăng" */
    size_t start = (size_t)(strstr(text, "177") - text);
    size_t end = (size_t)(strstr(text, ",") - text);
    CHECK(lex_span(s, start, end, &tv));
    CHECK_SIZE(tv.n, 2);
    if (tv.n == 2) {
        CHECK_INT(tv.t[0].kind, TOK_NUMBER);
        CHECK_DBL(tv.t[0].v, 177078.0);
        CHECK_INT(tv.t[1].kind, TOK_WORD);
        CHECK_SIZE(tv.t[1].end, end);
    }
    /* appending a second span keeps the first tokens */
    size_t before = tv.n;
    CHECK(lex_span(s, end, n, &tv));
    CHECK(tv.n > before);
    CHECK_DBL(tv.t[tv.n - 2].v, 0.69);
    /* an empty span adds nothing */
    before = tv.n;
    CHECK(lex_span(s, 3, 3, &tv));
    CHECK_SIZE(tv.n, before);
    free(tv.t);
    free(s);

    /* flags on words */
    const char *w = "UBND tỉnh Hà Giang";
    tv = (token_vec){ 0 };
    CHECK(lex_span(w, 0, strlen(w), &tv));
    CHECK_SIZE(tv.n, 4);
    if (tv.n == 4) {
        CHECK(tv.t[0].flags & TOK_ALLCAPS);
        CHECK(!(tv.t[1].flags & TOK_UPPER));
        CHECK(tv.t[2].flags & TOK_UPPER);
        CHECK(!(tv.t[2].flags & TOK_ALLCAPS));
        CHECK(tok_is_word(&tv.t[1], w, "tỉnh"));
    }
    free(tv.t);

    CHECK(lex_is_letter('a'));
    CHECK(lex_is_letter(0x1EA1)); /* ạ */
    CHECK(lex_is_letter(0x0111)); /* đ */
    CHECK(!lex_is_letter('5'));
    CHECK(!lex_is_letter(0x00B9));
    CHECK(!lex_is_letter(0x2013));
}

/* Case flags of words made of one letter: for every letter from U+00C0 to
 * U+024F and U+1E00 to U+1EFF (the Latin letters Vietnamese is written
 * in, the toned ones among them), `Lx` is upper (TOK_UPPER) and `LL`, `XL`
 * all capitals (TOK_ALLCAPS) exactly when utf8proc calls the letter upper
 * case (Lu), and each is one word token. */
static void lex_one_word(const char *w, size_t n, token *out)
{
    char *s = exact_copy(w, n);
    token_vec tv = { 0 };
    CHECK(lex_span(s, 0, n, &tv));
    CHECK_SIZE(tv.n, 1);
    *out = tv.n ? tv.t[0] : (token){ 0 };
    free(tv.t);
    free(s);
}

static void test_letter_case_flags(void)
{
    static const uint32_t ranges[][2] = { { 0xC0, 0x24F }, { 0x1E00, 0x1EFF } };
    size_t letters = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
        for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
            bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
            CHECK(lex_is_letter(cp) == letter || cp == 0xD7 || cp == 0xF7);
            if (!letter)
                continue;
            letters++;
            unsigned failures_before = check_failures;
            bool upper = cat == UTF8PROC_CATEGORY_LU;
            char w[16];
            size_t k = utf8_encode(cp, w);
            token t;
            check_case = "letter then x";
            memcpy(w + k, "x", 1);
            lex_one_word(w, k + 1, &t);
            CHECK(((t.flags & TOK_UPPER) != 0) == upper);
            CHECK(!(t.flags & TOK_ALLCAPS));
            check_case = "letter twice";
            utf8_encode(cp, w + k);
            lex_one_word(w, 2 * k, &t);
            CHECK(((t.flags & TOK_UPPER) != 0) == upper);
            CHECK(((t.flags & TOK_ALLCAPS) != 0) == upper);
            check_case = "X then letter";
            w[0] = 'X';
            utf8_encode(cp, w + 1);
            lex_one_word(w, 1 + k, &t);
            CHECK(t.flags & TOK_UPPER);
            CHECK(((t.flags & TOK_ALLCAPS) != 0) == upper);
            if (check_failures != failures_before)
                fprintf(stderr, "  at U+%04X\n", (unsigned)cp);
        }
    check_case = NULL;
    printf("test-lexer: case flags of %zu letters\n", letters);
}

/* Words a web page glued to the word before them are split off
 * (glued-words.def); a word that only ends in their letters is not. Each
 * case: the input, then its word tokens joined by '|'. */
static void test_glued_words(void)
{
    static const char *const glued_cases[][2] = {
        { "chế tạotăng1,36%", "chế|tạo|tăng" },
        { "đồ uốnggiảm 1,8%", "đồ|uống|giảm" },
        { "sản xuấttăngso tháng", "sản|xuất|tăng|so|tháng" },
        { "xuất khẩuđạt 120", "xuất|khẩu|đạt" },
        { "sản xuấtvà phân phối", "sản|xuất|và|phân|phối" },
        { "Picasso đạt", "Picasso|đạt" },
        { "tăng giảm so", "tăng|giảm|so" },
        { "ạso", "ạso" },
        { "15.563 tỷđồng", "tỷ|đồng" },
        { "310 triệuUSD", "triệu|USD" },
        { "2.150 nghìntấn", "nghìn|tấn" },
    };
    for (size_t k = 0; k < sizeof glued_cases / sizeof *glued_cases; k++) {
        size_t n = strlen(glued_cases[k][0]);
        char *s = exact_copy(glued_cases[k][0], n);
        token_vec tv = { 0 };
        check_case = glued_cases[k][0];
        CHECK(lex_span(s, 0, n, &tv));
        char words[128] = "";
        size_t used = 0;
        for (size_t t = 0; t < tv.n; t++)
            if (tv.t[t].kind == TOK_WORD && used + (tv.t[t].end - tv.t[t].start) + 2 < sizeof words)
                used += (size_t)snprintf(words + used, sizeof words - used, "%s%.*s", used ? "|" : "",
                                         (int)(tv.t[t].end - tv.t[t].start), s + tv.t[t].start);
        CHECKF(strcmp(words, glued_cases[k][1]) == 0, "got '%s', want '%s'", words, glued_cases[k][1]);
        free(tv.t);
        free(s);
    }
    check_case = NULL;
    printf("test-lexer: %zu glued-word cases\n", sizeof glued_cases / sizeof *glued_cases);
}

/* Chains of numbers joined by '-' or '/' must lex in linear time. */
static double lex_seconds(const char *unit, size_t reps, size_t *tokens)
{
    size_t ul = strlen(unit), n = ul * reps;
    char *s = malloc(n);
    for (size_t i = 0; i < reps; i++)
        memcpy(s + i * ul, unit, ul);
    token_vec tv = { 0 };
    clock_t t0 = clock();
    CHECK(lex_span(s, 0, n, &tv));
    double dt = (double)(clock() - t0) / CLOCKS_PER_SEC;
    *tokens = tv.n;
    free(tv.t);
    free(s);
    return dt;
}

static void test_linear_chains(void)
{
    static const char *const units[] = { "1-", "2020/", "12/", "1.", "1,", "58/2020/NQ-",
                                         "09-CT/", "2021-2025-", "1 - ", "¹",
                                         "tăng", "ạso" };
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t tokens;
        double dt = lex_seconds(units[u], 200000, &tokens);
        check_case = units[u];
        /* linear work is a few ms; quadratic work takes minutes */
        CHECKF(dt < 2.0, "200000 × '%s' took %.2f s", units[u], dt);
        CHECK(tokens > 0);
        check_case = NULL;
    }
}

/* Where sentences end (sentence.c): each case lists the text up to and
 * including every token that ends a sentence. */
static void test_sentence_ends(void)
{
    static const struct { const char *in; const char *ends[4]; } ends_cases[] = {
        /* an abbreviation's '.' ends nothing */
        { "Hội nghị tại TP. Hồ Chí Minh có 120 đại biểu.",
          { "Hội nghị tại TP. Hồ Chí Minh có 120 đại biểu." } },
        { "ThS. Nguyễn Văn An phát biểu.", { "ThS. Nguyễn Văn An phát biểu." } },
        /* a '.' before a capital ends one */
        { "Sản lượng tăng 5%. Sản lượng ngô giảm 2%.",
          { "Sản lượng tăng 5%.", "Sản lượng tăng 5%. Sản lượng ngô giảm 2%." } },
        /* `./.` closes a report: its first '.' ends, the last token ends */
        { "Kết thúc báo cáo./.", { "Kết thúc báo cáo.", "Kết thúc báo cáo./." } },
        /* not before a lower-case word, nor before a glued token that is
         * no capitalised word: a unit piece, an acronym, a place after a
         * capital abbreviation */
        { "Đạt 5 tỷ đồng. trong đó vốn tăng", { NULL } },
        { "Đạt 12 tấn.Km hàng hóa", { NULL } },
        { "Đạt 40 triệu HK.KM trong", { NULL } },
        { "Tại TP.Hồ Chí Minh giá tăng", { NULL } },
        /* a web page that lost the space after the full stop */
        { "Tăng 5%.Sản lượng ngô", { "Tăng 5%." } },
        /* before a number; '?', '!' and '…' end too */
        { "Tăng 5%. 120 hộ thoát nghèo", { "Tăng 5%." } },
        { "Vì sao? Do thời tiết! Giá tăng… Cuối cùng",
          { "Vì sao?", "Vì sao? Do thời tiết!", "Vì sao? Do thời tiết! Giá tăng…" } },
        /* other punctuation ends nothing */
        { "Lúa: 5 tấn; ngô, 3 tấn", { NULL } },
    };
    for (size_t k = 0; k < sizeof ends_cases / sizeof *ends_cases; k++) {
        check_case = ends_cases[k].in;
        size_t n = strlen(ends_cases[k].in);
        char *s = exact_copy(ends_cases[k].in, n);
        token_vec tv = { 0 };
        CHECK(s && lex_span(s, 0, n, &tv));
        size_t e = 0;
        for (size_t i = 0; s && i < tv.n; i++) {
            if (!lex_ends_sentence(&tv, s, i))
                continue;
            const char *want = e < 4 ? ends_cases[k].ends[e] : NULL;
            CHECKF(want && strlen(want) == tv.t[i].end && memcmp(want, s, tv.t[i].end) == 0,
                   "end %zu at \"%.*s\", expected \"%s\"", e, (int)tv.t[i].end, s,
                   want ? want : "(none)");
            e++;
        }
        size_t want_n = 0;
        while (want_n < 4 && ends_cases[k].ends[want_n])
            want_n++;
        CHECK_SIZE(e, want_n);
        free(tv.t);
        free(s);
    }
    check_case = NULL;
}

int main(void)
{
    size_t n = sizeof cases / sizeof *cases;
    for (size_t i = 0; i < n; i++)
        check_case_tokens(&cases[i]);
    printf("test-lexer: %zu table cases\n", n);
    test_exact_literals();
    test_exact_random();
    test_lex_number_edges();
    test_span_bounds();
    test_letter_case_flags();
    test_glued_words();
    test_linear_chains();
    test_sentence_ends();
    return check_done("test-lexer");
}
