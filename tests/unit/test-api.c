/*
 * test-api.c — the public C API as a caller sees it (links only the shared
 * library): version macros against the run-time version, status strings,
 * the error object, NULL arguments to every parse/document/record function,
 * freeing NULL, ownership rules (out-parameters set to NULL on failure,
 * *error untouched on success, documents outliving their parser), and
 * vnr_parse_file() on missing and unreadable paths.
 *
 * The unit converter's API has its own suite (tests/units).
 */
#include <vnreport/vnreport.h>

#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static const char sample[] =
    "UBND TỈNH MẪU\n"
    "Số: 12/BC-UBND\n"
    "\n"
    "BÁO CÁO\n"
    "Tình hình kinh tế - xã hội năm 2023\n"
    "\n"
    "1. Nông nghiệp\n"
    "Tổng diện tích gieo trồng cây hàng năm ước đạt 12.345 ha, tăng 1,5% so với năm 2022.\n"
    "Sản lượng lương thực đạt 67.890,5 tấn.\n";

static void test_version(void)
{
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", VNR_VERSION_MAJOR, VNR_VERSION_MINOR,
             VNR_VERSION_MICRO);
    CHECK_STR(VNR_VERSION_STRING, expect);
    CHECK_STR(vnr_version(), VNR_VERSION_STRING);
    CHECK_INT(vnr_version_number(),
              VNR_VERSION_MAJOR * 1000000 + VNR_VERSION_MINOR * 1000 + VNR_VERSION_MICRO);
    CHECK(VNR_VERSION_ATLEAST(0, 0, 0));
    CHECK(VNR_VERSION_ATLEAST(VNR_VERSION_MAJOR, VNR_VERSION_MINOR, VNR_VERSION_MICRO));
    CHECK(!VNR_VERSION_ATLEAST(VNR_VERSION_MAJOR, VNR_VERSION_MINOR, VNR_VERSION_MICRO + 1));
    CHECK(!VNR_VERSION_ATLEAST(VNR_VERSION_MAJOR, VNR_VERSION_MINOR + 1, 0));
    CHECK(!VNR_VERSION_ATLEAST(VNR_VERSION_MAJOR + 1, 0, 0));
    if (VNR_VERSION_MINOR > 0)
        CHECK(VNR_VERSION_ATLEAST(VNR_VERSION_MAJOR, VNR_VERSION_MINOR - 1, 99));
    CHECK(vnr_version() == vnr_version()); /* static, not allocated per call */
}

static void test_status_strings(void)
{
    const vnr_status codes[] = {
        VNR_OK, VNR_E_INVALID_ARGUMENT, VNR_E_NOMEM, VNR_E_IO, VNR_E_ENCODING,
        VNR_E_EMPTY, VNR_E_TOO_LARGE, VNR_E_UNKNOWN_UNIT, VNR_E_INCOMPATIBLE,
        VNR_E_SYNTAX, VNR_E_NO_RATE, VNR_E_NOT_FOUND, VNR_E_INTERNAL,
        VNR_E_UNSUPPORTED_FORMAT, VNR_E_NO_TEXT_LAYER, VNR_E_BAD_DOCUMENT,
    };
    const size_t n = sizeof codes / sizeof *codes;
    /* the values are part of the ABI */
    for (size_t i = 0; i < n; i++)
        CHECK_INT(codes[i], (int)i);
    const char *unknown = vnr_status_str((vnr_status)9999);
    CHECK(unknown && *unknown);
    for (size_t i = 0; i < n; i++) {
        const char *s = vnr_status_str(codes[i]);
        CHECKF(s && *s, "status %zu has no string", i);
        CHECKF(s && strcmp(s, unknown) != 0, "status %zu is called '%s'", i, s);
        for (size_t j = 0; j < i; j++)
            CHECKF(strcmp(s, vnr_status_str(codes[j])) != 0, "statuses %zu and %zu share '%s'",
                   i, j, s);
    }
    CHECK_STR(vnr_status_str((vnr_status)16), unknown);
    CHECK_STR(vnr_status_str((vnr_status)-1), unknown);
}

static void test_error_object_null(void)
{
    CHECK_INT(vnr_error_status(NULL), VNR_OK);
    CHECK_STR(vnr_error_message(NULL), "");
    CHECK_SIZE(vnr_error_line(NULL), 0);
    CHECK_SIZE(vnr_error_byte(NULL), (size_t)-1);
    vnr_error_free(NULL);
}

static void test_names(void)
{
    static const char *const roles[] = { NULL, "level", "change", "index",
                                         "attainment", "share", "target" };
    for (int r = 0; r <= 6; r++)
        CHECK_STR(vnr_role_name((vnr_role)r), roles[r]);
    CHECK_STR(vnr_role_name((vnr_role)7), NULL);
    CHECK_STR(vnr_role_name((vnr_role)-1), NULL);

    static const char *const quals[] = { NULL, "approx", "gt", "ge", "lt", "le" };
    for (int q = 0; q <= 5; q++)
        CHECK_STR(vnr_qualifier_name((vnr_qualifier)q), quals[q]);
    CHECK_STR(vnr_qualifier_name((vnr_qualifier)6), NULL);

    for (int e = VNR_ENCODING_AUTO; e <= VNR_ENCODING_VISCII; e++) {
        const char *name = vnr_encoding_name((vnr_encoding)e);
        vnr_encoding back = (vnr_encoding)-1;
        CHECKF(name != NULL, "encoding %d has no name", e);
        if (name) {
            CHECK_INT(vnr_encoding_from_name(name, &back), VNR_OK);
            CHECK_INT(back, e);
        }
    }
    CHECK_STR(vnr_encoding_name((vnr_encoding)99), NULL);
    vnr_encoding enc = VNR_ENCODING_AUTO;
    CHECK_INT(vnr_encoding_from_name("UTF-8", &enc), VNR_OK);
    CHECK_INT(enc, VNR_ENCODING_UTF8);
    CHECK_INT(vnr_encoding_from_name("Windows-1258", &enc), VNR_OK);
    CHECK_INT(enc, VNR_ENCODING_CP1258);
    CHECK_INT(vnr_encoding_from_name(NULL, &enc), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_encoding_from_name("utf8", NULL), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_encoding_from_name("klingon", &enc), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_encoding_from_name("", &enc), VNR_E_INVALID_ARGUMENT);
}

static void test_parser_null(void)
{
    vnr_parser_free(NULL);
    CHECK_INT(vnr_parser_set_encoding(NULL, VNR_ENCODING_UTF8), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_parser_set_lenient(NULL, 1), VNR_E_INVALID_ARGUMENT);
    vnr_parser *p = vnr_parser_new();
    CHECK(p != NULL);
    CHECK_INT(vnr_parser_set_encoding(p, (vnr_encoding)99), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_parser_set_encoding(p, (vnr_encoding)-1), VNR_E_INVALID_ARGUMENT);
    CHECK_INT(vnr_parser_set_encoding(p, VNR_ENCODING_UTF8), VNR_OK);
    CHECK_INT(vnr_parser_set_lenient(p, 0), VNR_OK);
    CHECK_INT(vnr_parser_set_lenient(p, 42), VNR_OK);
    vnr_parser_free(p);
}

/* A pointer value no call may leave behind on failure. */
static vnr_document *const STALE = (vnr_document *)(uintptr_t)0x5a5a5a50;

static void test_parse_arguments(void)
{
    vnr_document *doc = STALE;
    vnr_error *err = NULL;

    /* out NULL */
    CHECK_INT(vnr_parse(NULL, sample, strlen(sample), "x", NULL, &err), VNR_E_INVALID_ARGUMENT);
    CHECK(err != NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_INVALID_ARGUMENT);
    CHECK(strlen(vnr_error_message(err)) > 0);
    CHECK_SIZE(vnr_error_line(err), 0);
    CHECK_SIZE(vnr_error_byte(err), (size_t)-1);
    vnr_error_free(err);
    err = NULL;

    /* data NULL with a length */
    CHECK_INT(vnr_parse(NULL, NULL, 10, "x", &doc, &err), VNR_E_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_INVALID_ARGUMENT);
    vnr_error_free(err);
    err = NULL;

    /* nothing to parse: empty, however it is spelled */
    doc = STALE;
    CHECK_INT(vnr_parse(NULL, NULL, 0, "x", &doc, &err), VNR_E_EMPTY);
    CHECK(doc == NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_EMPTY);
    vnr_error_free(err);
    err = NULL;
    doc = STALE;
    CHECK_INT(vnr_parse(NULL, "", 0, NULL, &doc, NULL), VNR_E_EMPTY);
    CHECK(doc == NULL);

    /* the error out-parameter is optional */
    CHECK_INT(vnr_parse(NULL, NULL, 3, NULL, NULL, NULL), VNR_E_INVALID_ARGUMENT);

    /* success: *error untouched, default name "-" */
    vnr_error *sentinel = (vnr_error *)(uintptr_t)0x1234;
    err = sentinel;
    CHECK_INT(vnr_parse(NULL, sample, strlen(sample), NULL, &doc, &err), VNR_OK);
    CHECK(err == sentinel);
    CHECK(doc != NULL && doc != STALE);
    CHECK_STR(vnr_document_meta(doc, "doc"), "-");
    CHECK_STR(vnr_document_meta(doc, "language"), "vi");
    CHECK_STR(vnr_document_meta(doc, "encoding"), "utf-8");
    CHECK(vnr_document_encoding_confidence(doc) > 0.0);
    CHECK(vnr_document_encoding_confidence(doc) <= 1.0);
    CHECK_SIZE(vnr_document_replacements(doc), 0);
    vnr_document_unref(doc);

    /* the parser's options are copied: a document outlives its parser */
    vnr_parser *p = vnr_parser_new();
    CHECK_INT(vnr_parser_set_encoding(p, VNR_ENCODING_UTF8), VNR_OK);
    char name[] = "mau-2023.txt";
    CHECK_INT(vnr_parse(p, sample, strlen(sample), name, &doc, NULL), VNR_OK);
    vnr_parser_free(p);
    name[0] = 'X';   /* the name was copied too */
    CHECK_STR(vnr_document_meta(doc, "doc"), "mau-2023.txt");
    size_t n = vnr_document_record_count(doc);
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++)
        CHECK_STR(vnr_record_doc(vnr_document_record(doc, i)), "mau-2023.txt");
    vnr_document_unref(doc);
}

static void test_document_null_and_refs(void)
{
    CHECK(vnr_document_ref(NULL) == NULL);
    vnr_document_unref(NULL);
    CHECK(vnr_document_meta(NULL, "doc") == NULL);
    CHECK(vnr_document_encoding_confidence(NULL) == 0.0);
    CHECK_SIZE(vnr_document_replacements(NULL), 0);
    CHECK_SIZE(vnr_document_record_count(NULL), 0);
    CHECK(vnr_document_record(NULL, 0) == NULL);
    CHECK_SIZE(vnr_document_number_count(NULL), 0);
    size_t off = 7, len = 7, line = 7, rec = 7;
    CHECK(vnr_document_number(NULL, 0, &off, &len, &line, &rec) == NULL);

    vnr_document *doc = NULL;
    CHECK_INT(vnr_parse(NULL, sample, strlen(sample), "mau", &doc, NULL), VNR_OK);
    CHECK(vnr_document_meta(doc, NULL) == NULL);
    CHECK(vnr_document_meta(doc, "no such field") == NULL);
    CHECK(vnr_document_meta(doc, "") == NULL);
    size_t n = vnr_document_record_count(doc);
    CHECK(vnr_document_record(doc, n) == NULL);
    CHECK(vnr_document_record(doc, (size_t)-1) == NULL);
    size_t nn = vnr_document_number_count(doc);
    CHECK(nn >= n);
    CHECK(vnr_document_number(doc, nn, &off, &len, &line, &rec) == NULL);
    if (nn) {
        /* every out-parameter may be NULL */
        CHECK(vnr_document_number(doc, 0, NULL, NULL, NULL, NULL) != NULL);
        CHECK(vnr_document_number(doc, 0, &off, &len, &line, &rec) != NULL);
        CHECK(off + len <= strlen(sample));
        CHECK(line >= 1);
    }

    /* references: two refs, three unrefs in total; ASan sees the free */
    CHECK(vnr_document_ref(doc) == doc);
    CHECK(vnr_document_ref(doc) == doc);
    vnr_document_unref(doc);
    vnr_document_unref(doc);
    CHECK_SIZE(vnr_document_record_count(doc), n); /* still alive */
    vnr_document_unref(doc);
}

/* Case k: the province text names as its place (NULL: none). */
static void check_province(size_t k, const char *text, const char *province)
{
    vnr_document *doc = NULL;
    CHECK_INT(vnr_parse(NULL, text, strlen(text), "p", &doc, NULL), VNR_OK);
    const char *got = vnr_document_meta(doc, "province");
    CHECKF(province ? got && strcmp(got, province) == 0 : got == NULL, "case %zu: province %s", k,
           got ? got : "(null)");
    vnr_document_unref(doc);
}

/* The province as metadata.def names it, however the report spells it
 * (PROVINCE_SPELLING rows): `Dak Lak` is Đắk Lắk. */
static void test_province_spellings(void)
{
    static const struct { const char *text, *province; } cases[] = {
        { "CPI tháng 3-2025 giảm 0,04%\nTheo Sở Công thương Dak Lak, chỉ số giá giảm 0,04%.\n",
          "Đắk Lắk" },
        { "Tình hình kinh tế tỉnh Kontum tháng 5\nSản lượng lúa đạt 1.200 tấn.\n", "Kon Tum" },
        { "Báo cáo của UBND tỉnh Kon Tum\nSản lượng lúa đạt 1.200 tấn.\n", "Kon Tum" },
        /* the first mention wins: a later `tỉnh X` does not move X behind
         * a news agency's dateline */
        { "Lào Cai phấn đấu tăng trưởng 10% năm 2026\n\nHà Nội (TTXVN 4/12) HĐND tỉnh Lào Cai "
          "thông qua kế hoạch năm 2026.\n",
          "Lào Cai" },
        { "Kinh tế TP.HCM tháng 10 năm 2025\nTổng mức bán lẻ đạt 95.300 tỷ đồng.\n", "Hồ Chí Minh" },
        { "Tình hình kinh tế - xã hội TPHCM quý I/2024\nThu ngân sách đạt 120.000 tỷ đồng.\n",
          "Hồ Chí Minh" },
        { "Tình hình kinh tế - xã hội tháng 10 năm 2025 thành phố Huế\nThu ngân sách đạt 900 tỷ đồng.\n",
          "Huế" },
        /* a commune named like a province is no mention of it */
        { "Xã Hòa Bình tổng kết năm 2023\nXã Hòa Bình, huyện Tân Châu, tỉnh Tây Ninh có 1.200 hộ.\n",
          "Tây Ninh" },
        /* a name is written as one: `trạng thái bình thường`, `hòa bình`
         * (peace) in lower case name no province */
        { "Tình hình thủy sản tháng 11 năm 2024\nSản xuất trở lại trạng thái bình thường. Tỉnh Cà Mau "
          "thu hoạch 1.200 tấn tôm.\n",
          "Cà Mau" },
        { "Nhân dân giữ vững hòa bình, ổn định năm 2024\nTỉnh Sơn La có 1.200 hộ thoát nghèo.\n", "Sơn La" },
        /* `thuế` holds `huế`: a tax line names no city */
        { "Thu thuế tháng 5 năm 2025 tỉnh Quảng Trị\nThu thuế đạt 900 tỷ đồng.\n", "Quảng Trị" },
        /* the places a rank names after `sau` are others */
        { "Cục Thống kê công bố số liệu quý III năm 2024\nGRDP ước tăng 6,2%, đứng thứ 3 trong vùng, chỉ "
          "sau thành phố Hà Nội, tỉnh Bắc Giang. Tỉnh Ninh Bình tạo việc làm cho 5.200 lao động.\n",
          "Ninh Bình" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        check_province(k, cases[k].text, cases[k].province);
}

/* A header whose first province is one of a list in its sentence names
 * no report's place; one named alone before a list still does. */
static void test_province_lists(void)
{
    static const struct { const char *text, *province; } cases[] = {
        { "Mục tiêu tăng trưởng năm 2026 của một số tỉnh\nNăm 2026, Điện Biên: 8%; Lai Châu: 9%; "
          "Hà Giang: 8,5%.\n",
          NULL },
        { "Tiến độ gieo cấy lúa xuân tháng 2 năm 2025\nMột số địa phương gieo cấy chậm, gồm: Hưng Yên "
          "(92,1%), Hải Dương (94,3%) và Bắc Ninh (95,0%).\n",
          NULL },
        /* a place left out (`trừ`) is none of the text's */
        { "Kết quả trồng rừng 9 tháng năm 2024 các tỉnh Tây Nguyên\nCác tỉnh trong vùng (trừ Kon Tum) trồng "
          "mới 8.100 ha rừng.\n",
          NULL },
        { "Một tỉnh tăng 9 bậc về thu ngân sách\nNăm 2024, Ninh Bình thu ngân sách 21.000 tỷ đồng. Tỉnh "
          "đứng sau Hà Nội, Hải Phòng, Quảng Ninh.\n",
          "Ninh Bình" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        check_province(k, cases[k].text, cases[k].province);
}

/* vnr_document_number_text(): the run as read, whatever the encoding. */
static void test_number_text(void)
{
    CHECK(vnr_document_number_text(NULL, 0) == NULL);
    /* UTF-8: the text is the input's bytes at the run's offset */
    vnr_document *doc = NULL;
    CHECK_INT(vnr_parse(NULL, sample, strlen(sample), "mau", &doc, NULL), VNR_OK);
    size_t nn = vnr_document_number_count(doc);
    CHECK(nn > 0);
    for (size_t i = 0; i < nn; i++) {
        size_t off, len;
        CHECK(vnr_document_number(doc, i, &off, &len, NULL, NULL) != NULL);
        CHECK_MEM(vnr_document_number_text(doc, i), strlen(vnr_document_number_text(doc, i)),
                  sample + off, len);
    }
    CHECK(vnr_document_number_text(doc, nn) == NULL);
    vnr_document_unref(doc);

    /* UTF-16LE: "Đạt 1.234 tấn.\n" — the text is UTF-8, the offset UTF-16 */
    static const char utf16[] =
        "\xFF\xFE" "\x10\x01" "\xA1\x1E" "t\0" " \0" "1\0" ".\0" "2\0" "3\0" "4\0"
        " \0" "t\0" "\xA5\x1E" "n\0" ".\0" "\n\0";
    CHECK_INT(vnr_parse(NULL, utf16, sizeof utf16 - 1, "u16", &doc, NULL), VNR_OK);
    CHECK_SIZE(vnr_document_number_count(doc), 1);
    size_t off, len;
    CHECK(vnr_document_number(doc, 0, &off, &len, NULL, NULL) != NULL);
    CHECK_STR(vnr_document_number_text(doc, 0), "1.234");
    CHECK_SIZE(off, 10);
    CHECK_SIZE(len, 10);
    vnr_document_unref(doc);
}

static void test_record_null(void)
{
    const vnr_record *r = NULL;
    CHECK(vnr_record_doc(r) == NULL);
    CHECK_SIZE(vnr_record_statement(r), 0);
    CHECK_SIZE(vnr_record_line(r), 0);
    CHECK_SIZE(vnr_record_col(r), 0);
    CHECK_SIZE(vnr_record_offset(r), 0);
    CHECK_SIZE(vnr_record_length(r), 0);
    CHECK_SIZE(vnr_record_section_depth(r), 0);
    CHECK(vnr_record_section(r, 0) == NULL);
    CHECK(vnr_record_subject(r) == NULL);
    CHECK(vnr_record_indicator(r) == NULL);
    CHECK_INT(vnr_record_role(r), VNR_ROLE_NONE);
    CHECK(isnan(vnr_record_value(r)));
    CHECK(isnan(vnr_record_value_max(r)));
    CHECK(isnan(vnr_record_total(r)));
    CHECK(vnr_record_unit(r) == NULL);
    CHECK(isnan(vnr_record_canonical_value(r)));
    CHECK(vnr_record_canonical_unit(r) == NULL);
    CHECK(vnr_record_dimension(r) == NULL);
    CHECK_INT(vnr_record_qualifier(r), VNR_QUALIFIER_NONE);
    CHECK_INT(vnr_record_estimate(r), 0);
    CHECK(vnr_record_baseline(r) == NULL);
    CHECK(vnr_record_period(r) == NULL);
    CHECK(vnr_record_text(r) == NULL);
}

/* Records of a real parse: every accessor answers within its contract. */
static void test_record_contracts(void)
{
    vnr_document *doc = NULL;
    CHECK_INT(vnr_parse(NULL, sample, strlen(sample), "mau", &doc, NULL), VNR_OK);
    size_t n = vnr_document_record_count(doc);
    for (size_t i = 0; i < n; i++) {
        const vnr_record *r = vnr_document_record(doc, i);
        CHECK(r != NULL);
        CHECK(r == vnr_document_record(doc, i)); /* stable, borrowed */
        CHECK(vnr_record_line(r) >= 1);
        CHECK(vnr_record_col(r) >= 1);
        CHECK(vnr_record_length(r) >= 1);
        CHECK(vnr_record_offset(r) + vnr_record_length(r) <= strlen(sample));
        CHECK(vnr_record_indicator(r) != NULL);
        CHECK(vnr_record_unit(r) != NULL);
        CHECK(vnr_record_text(r) != NULL);
        CHECK(!isnan(vnr_record_value(r)));
        int role = (int)vnr_record_role(r);
        CHECK(role >= VNR_ROLE_NONE && role <= VNR_ROLE_TARGET);
        int q = (int)vnr_record_qualifier(r);
        CHECK(q >= VNR_QUALIFIER_NONE && q <= VNR_QUALIFIER_LE);
        size_t depth = vnr_record_section_depth(r);
        for (size_t d = 0; d < depth; d++)
            CHECK(vnr_record_section(r, d) != NULL);
        CHECK(vnr_record_section(r, depth) == NULL);
        CHECK(vnr_record_section(r, (size_t)-1) == NULL);
        /* line and column agree with the offset */
        size_t line = 1, col = 1;
        for (size_t k = 0; k < vnr_record_offset(r); k++) {
            col++;
            if (sample[k] == '\n') {
                line++;
                col = 1;
            }
        }
        CHECK_SIZE(vnr_record_line(r), line);
        CHECK_SIZE(vnr_record_col(r), col);
    }
    /* the two indicator values of the sample are among the records */
    bool seen_area = false, seen_food = false;
    for (size_t i = 0; i < n; i++) {
        double v = vnr_record_value(vnr_document_record(doc, i));
        seen_area |= v == 12345.0;
        seen_food |= v == 67890.5;
    }
    CHECK(seen_area);
    CHECK(seen_food);
    vnr_document_unref(doc);
}

static void test_parse_file(void)
{
    vnr_document *doc = STALE;
    vnr_error *err = NULL;

    CHECK_INT(vnr_parse_file(NULL, NULL, &doc, &err), VNR_E_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_INVALID_ARGUMENT);
    vnr_error_free(err);
    err = NULL;
    CHECK_INT(vnr_parse_file(NULL, "x.txt", NULL, NULL), VNR_E_INVALID_ARGUMENT);

    /* a missing file: VNR_E_IO, a message naming it */
    const char *missing = "/nonexistent-dir-vnr/khong-co-bao-cao.txt";
    doc = STALE;
    CHECK_INT(vnr_parse_file(NULL, missing, &doc, &err), VNR_E_IO);
    CHECK(doc == NULL);
    CHECK_INT(vnr_error_status(err), VNR_E_IO);
    CHECKF(strstr(vnr_error_message(err), "khong-co-bao-cao.txt") != NULL,
           "message '%s' does not name the file", vnr_error_message(err));
    vnr_error_free(err);
    err = NULL;
    CHECK_INT(vnr_parse_file(NULL, missing, &doc, NULL), VNR_E_IO);

    /* a directory opens but cannot be read */
    CHECK_INT(vnr_parse_file(NULL, "/", &doc, &err), VNR_E_IO);
    CHECK(doc == NULL);
    CHECK(strlen(vnr_error_message(err)) > 0);
    vnr_error_free(err);
    err = NULL;

    /* a real file: named after its base name; same records as vnr_parse */
    char path[] = "/tmp/vnr-test-api-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK(write(fd, sample, strlen(sample)) == (ssize_t)strlen(sample));
    close(fd);
    CHECK_INT(vnr_parse_file(NULL, path, &doc, &err), VNR_OK);
    CHECK(err == NULL);
    CHECK_STR(vnr_document_meta(doc, "doc"), strrchr(path, '/') + 1);
    vnr_document *mem = NULL;
    CHECK_INT(vnr_parse(NULL, sample, strlen(sample), "m", &mem, NULL), VNR_OK);
    CHECK_SIZE(vnr_document_record_count(doc), vnr_document_record_count(mem));
    for (size_t i = 0; i < vnr_document_record_count(mem); i++) {
        const vnr_record *a = vnr_document_record(doc, i), *b = vnr_document_record(mem, i);
        CHECK_DBL(vnr_record_value(a), vnr_record_value(b));
        CHECK_SIZE(vnr_record_offset(a), vnr_record_offset(b));
    }
    vnr_document_unref(mem);
    vnr_document_unref(doc);

    /* an empty file is empty input */
    fd = open(path, O_WRONLY | O_TRUNC);
    if (fd >= 0)
        close(fd);
    doc = STALE;
    CHECK_INT(vnr_parse_file(NULL, path, &doc, NULL), VNR_E_EMPTY);
    CHECK(doc == NULL);
    unlink(path);
}

int main(void)
{
    test_version();
    test_status_strings();
    test_error_object_null();
    test_names();
    test_parser_null();
    test_parse_arguments();
    test_document_null_and_refs();
    test_province_spellings();
    test_province_lists();
    test_number_text();
    test_record_null();
    test_record_contracts();
    test_parse_file();
    return check_done("test-api");
}
