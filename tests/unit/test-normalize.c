/*
 * test-normalize.c — the normalization stage: NFC, tone-mark placement,
 * whitespace, line endings, markdown and LaTeX debris, footnote markers, and
 * above all the offset map.
 *
 * The key property, checked on every fixture and on seeded random inputs:
 * each ASCII digit of the normalized text maps back (normalized_to_decoded)
 * to a byte holding the same digit in the input, in increasing order, and
 * every input digit is accounted for; the end of each digit run maps
 * (normalized_end_to_decoded) to the byte just after it in the input.
 */
#include "normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "check.h"

enum {
    DROPS_DIGITS = 1 << 0,   /* input digits legitimately removed (link targets) */
    NOT_IDEMPOTENT = 1 << 1, /* a second pass may change it again (escapes) */
};

typedef struct norm_case {
    const char *in;
    const char *out;
    unsigned flags;
} norm_case;

static const norm_case cases[] = {
    /* --- NFC of decomposed input --- */
    { "Vie\xcc\xa3\xcc\x82t Nam", "Việt Nam", 0 },
    { "Vie\xcc\x82\xcc\xa3t Nam", "Việt Nam", 0 },          /* marks out of canonical order */
    { "Ha\xcc\x80 Giang", "Hà Giang", 0 },
    { "ta\xcc\x86ng 0,69% so vo\xcc\x9b\xcc\x81i", "tăng 0,69% so với", 0 },
    { "na\xcc\x86m2021", "năm2021", 0 },                     /* digits glued after NFC */
    { "19.157,9ta\xcc\x82\xcc\x81n", "19.157,9tấn", 0 },
    { "2021na\xcc\x86m 2022", "2021năm 2022", 0 },
    { "\xc4\x90ie\xcc\xa3\xcc\x82n Bie\xcc\x82n 2022", "Điện Biên 2022", 0 },
    { "nhie\xcc\xa3\xcc\x82t \xc4\x91o\xcc\xa3\xcc\x82 25\xc2\xb0" "C", "nhiệt độ 25°C", 0 },
    { "100 \xe2\x84\xaa", "100 K", 0 },                        /* KELVIN SIGN singleton */
    { "a \xe2\xab\x9c b", "a \xe2\xab\x9d\xcc\xb8 b", 0 },        /* U+2ADC → U+2ADD U+0338 */
    { "Việt Nam 2021", "Việt Nam 2021", 0 },                  /* already NFC: unchanged */
    /* --- tone-mark placement: traditional convention --- */
    { "hoà", "hòa", 0 },
    { "Hoà Bình", "Hòa Bình", 0 },
    { "HOÀ", "HÒA", 0 },
    { "thuỷ", "thủy", 0 },
    { "Thuỷ điện", "Thủy điện", 0 },
    { "THUỶ LỢI", "THỦY LỢI", 0 },
    { "văn hoá", "văn hóa", 0 },
    { "sức khoẻ", "sức khỏe", 0 },
    { "toạ đàm", "tọa đàm", 0 },
    { "xoá đói", "xóa đói", 0 },
    { "tuỳ theo", "tùy theo", 0 },
    { "Uỷ ban nhân dân", "Ủy ban nhân dân", 0 },
    { "thuý", "thúy", 0 },
    { "hoè", "hòe", 0 },
    { "khoả thân", "khỏa thân", 0 },
    { "hoa\xcc\x80 bi\xcc\x80nh", "hòa bình", 0 },            /* NFD + tone */
    { "hoà2021", "hòa2021", 0 },
    { "tuỳ2021 và 5", "tùy2021 và 5", 0 },                    /* shorter after placement */
    { "(hoà)", "(hòa)", 0 },
    { "quý", "quý", 0 },
    { "Quý I/2021", "Quý I/2021", 0 },
    { "quỳ", "quỳ", 0 },
    /* after `q` the tone belongs on the vowel after `u` */
    { "Qúy I/2024", "Quý I/2024", 0 },
    { "so với qúy trước", "so với quý trước", 0 },
    { "QÚY II", "QUÝ II", 0 },
    { "qúa cao", "quá cao", 0 },
    { "qụa", "quạ", 0 },
    { "qú", "qú", 0 },
    { "qúân", "qúân", 0 },
    { "hoàng", "hoàng", 0 },
    { "hoạt động", "hoạt động", 0 },
    { "toàn tỉnh", "toàn tỉnh", 0 },
    { "ngoài", "ngoài", 0 },
    { "khoản", "khoản", 0 },
    { "quả", "quả", 0 },
    { "của", "của", 0 },
    { "hòa thủy", "hòa thủy", 0 },
    { "Quỳnh", "Quỳnh", 0 },
    { "khuya", "khuya", 0 },
    /* --- whitespace --- */
    { "a\xc2\xa0" "b", "a b", 0 },
    { "Trong mùa\xc2\xa0 Đông", "Trong mùa Đông", 0 },
    { "thu hút \xc2\xa0" "3.102 người", "thu hút 3.102 người", 0 },
    { "307 người.\xc2\xa0 Thực hiện", "307 người. Thực hiện", 0 },
    { "đạt   177.078\t\tha", "đạt 177.078 ha", 0 },
    { "   thụt đầu dòng", "thụt đầu dòng", 0 },
    { "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0 Kỷ niệm 75 năm", "Kỷ niệm 75 năm", 0 },
    { "dòng cuối 12   \nmới", "dòng cuối 12\nmới", 0 },
    { "a\n\xc2\xa0\xc2\xa0\nb", "a\n\nb", 0 },
    { "a\n\nb", "a\n\nb", 0 },
    { "số\xe2\x80\x8b liệu 5", "số liệu 5", 0 },               /* zero width space */
    { "tổng\xc2\xadsố 7", "tổngsố 7", 0 },                     /* soft hyphen */
    { "\xef\xbb\xbf" "đầu 1", "đầu 1", 0 },                    /* stray BOM */
    { "a\xe2\x80\x83" "b\xe2\x80\x89" "c", "a b c", 0 },       /* em space, thin space */
    { "a\xe2\x80\xa8" "b", "a\nb", 0 },                        /* LINE SEPARATOR */
    { "  \n  ", "\n", 0 },
    /* --- line endings --- */
    { "Dòng 1\r\nDòng 2", "Dòng 1\nDòng 2", 0 },
    { "a 1\rb 2", "a 1\nb 2", 0 },
    { "a\r\n\r\nb", "a\n\nb", 0 },
    { "đạt 177.078 ha  \r\n", "đạt 177.078 ha\n", 0 },
    { "đạt 177.078\r\n0,69", "đạt 177.078\n0,69", 0 },
    /* --- markdown --- */
    { "**13 dự án**", "13 dự án", 0 },
    { "**01 dự án**¹⁶", "01 dự án ¹⁶", 0 },
    { "(*công nghiệp tăng 11,9%; xây dựng tăng 8,71%*)",
      "(công nghiệp tăng 11,9%; xây dựng tăng 8,71%)", 0 },
    { "*Điển hình*: xã A", "Điển hình: xã A", 0 },
    { "*** Đánh giá chung:**", "Đánh giá chung:", 0 },
    { "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", 0 },
    { "có **13** dự án", "có 13 dự án", 0 },
    { "[Facebook.com/trang](https://www.facebook.com/trang)", "Facebook.com/trang", 0 },
    { "xem [báo cáo 2021](http://x.vn/2021.pdf) nhé", "xem báo cáo 2021 nhé", DROPS_DIGITS },
    { "ảnh ![hình 1](a1.png) x", "ảnh x", DROPS_DIGITS },
    { "a \\* b", "a * b", NOT_IDEMPOTENT },
    { "1\\. Mục", "1. Mục", NOT_IDEMPOTENT },
    { "\\[12\\]", "[12]", 0 },
    { "ghi chú (*)", "ghi chú (*)", 0 },
    { "## Tiêu đề 2", "Tiêu đề 2", 0 },
    { "# 1. Mục", "1. Mục", 0 },
    { "#hashtag", "#hashtag", 0 },
    { "“*Ngày Nước thế giới*”", "“Ngày Nước thế giới”", 0 },
    /* --- LaTeX debris --- */
    { "$\\leq 15,8$", "≤ 15,8", 0 },
    { "tỷ lệ $>90\\%$", "tỷ lệ >90%", 0 },
    { "$\\geq 80\\%$", "≥ 80%", 0 },
    { "đạt $\\geq 5\\%$;", "đạt ≥ 5%;", 0 },
    { "$\\le 2$ lần", "≤ 2 lần", 0 },
    { "$5 \\times 3$", "5 × 3", 0 },
    { "khoảng $\\approx 1,2$ triệu", "khoảng ≈ 1,2 triệu", 0 },
    { "giá 5$ một cái", "giá 5$ một cái", 0 },
    /* --- footnote superscripts split off; powers kept --- */
    { "so với năm 2021¹, trong đó", "so với năm 2021 ¹, trong đó", 0 },
    { "cùng kỳ năm 2021²⁷,", "cùng kỳ năm 2021 ²⁷,", 0 },
    { "đạt 101,10% kế hoạch²;", "đạt 101,10% kế hoạch ²;", 0 },
    { "năm 2021)⁵", "năm 2021) ⁵", 0 },
    { "Covid-19³⁸", "Covid-19 ³⁸", 0 },
    { "lạm phát²", "lạm phát ²", 0 },
    { "khai thác 54,735 m³", "khai thác 54,735 m³", 0 },
    { "87,353m³ đất", "87,353m³ đất", 0 },
    { "diện tích 3 km²", "diện tích 3 km²", 0 },
    { "2 cm³ và 5 Km²", "2 cm³ và 5 Km²", 0 },
    { "năm³", "năm ³", 0 },
    { "¹⁰ 07 nhiệm vụ", "¹⁰ 07 nhiệm vụ", 0 },
    { "ghi chú ¹", "ghi chú ¹", 0 },
    { "vắc xin UV2⁽⁺⁾", "vắc xin UV2⁽⁺⁾", 0 },
};

/* The input in a buffer of exactly its length (no NUL): overreads trap. */
static char *exact_copy(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    if (n)
        memcpy(p, s, n);
    return p;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t count_digits(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += is_digit(s[i]);
    return k;
}

/* The offset-map property (see the file comment). */
static void check_digit_map(const char *in, size_t n, const normalized *nt, bool all_digits)
{
    size_t last = 0;
    bool first = true;
    unsigned bad = 0;
    for (size_t p = 0; p < nt->len; p++) {
        if (!is_digit(nt->text[p]))
            continue;
        size_t q = normalized_to_decoded(nt, p);
        bool ok = q < n && in[q] == nt->text[p] && (first || q > last);
        if (!ok && bad++ < 3)
            CHECKF(0, "digit '%c' at normalized %zu maps to input %zu ('%c')", nt->text[p], p,
                   q, q < n ? in[q] : '?');
        last = q;
        first = false;
        /* the end of a digit run maps just past its last digit */
        if (p + 1 == nt->len || !is_digit(nt->text[p + 1])) {
            size_t e = normalized_end_to_decoded(nt, p + 1);
            if (e != q + 1 && bad++ < 3)
                CHECKF(0, "digit run ending at normalized %zu ends at input %zu, not %zu",
                       p + 1, e, q + 1);
        }
    }
    CHECKF(bad == 0, "%u offset-map errors", bad);
    if (all_digits)
        CHECK_SIZE(count_digits(nt->text, nt->len), count_digits(in, n));
}

static void check_case_output(const norm_case *c)
{
    size_t n = strlen(c->in);
    char *in = exact_copy(c->in, n);
    normalized nt;
    check_case = c->in;
    CHECK_INT(normalize_text(in, n, &nt, NULL), VNR_OK);
    CHECK_MEM(nt.text, nt.len, c->out, strlen(c->out));
    CHECK(nt.text[nt.len] == '\0');
    check_digit_map(in, n, &nt, !(c->flags & DROPS_DIGITS));
    if (!(c->flags & NOT_IDEMPOTENT)) {
        normalized again;
        CHECK_INT(normalize_text(nt.text, nt.len, &again, NULL), VNR_OK);
        CHECK_MEM(again.text, again.len, nt.text, nt.len);
        normalized_free(&again);
    }
    normalized_free(&nt);
    free(in);
    check_case = NULL;
}

/* ---------------------------------------------------------------- */

static char *normalize_str(const char *s)
{
    normalized nt;
    if (normalize_text(s, strlen(s), &nt, NULL) != VNR_OK)
        return NULL;
    char *r = nt.text;
    nt.text = NULL;
    normalized_free(&nt);
    return r;
}

/* hoà and hòa (and their NFD spellings) compare equal after normalization. */
static void test_spellings_compare_equal(void)
{
    static const char *const groups[][4] = {
        { "Hoà Bình", "Hòa Bình", "Ho\xcc\x80" "a Bi\xcc\x80nh", "Hoa\xcc\x80 Bi\xcc\x80nh" },
        { "thuỷ điện", "thủy điện", "thuy\xcc\x89 \xc4\x91ie\xcc\xa3\xcc\x82n",
          "thu\xcc\x89y \xc4\x91ie\xcc\x82\xcc\xa3n" },
        { "HOÀ", "HÒA", "HOA\xcc\x80", "HO\xcc\x80" "A" },
        { "khoẻ", "khỏe", "khoe\xcc\x89", "kho\xcc\x89" "e" },
    };
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
        char *ref = normalize_str(groups[g][1]);
        check_case = groups[g][1];
        CHECK_STR(ref, groups[g][1]);
        for (size_t k = 0; k < 4; k++) {
            char *v = normalize_str(groups[g][k]);
            CHECK_STR(v, ref);
            free(v);
        }
        free(ref);
    }
    check_case = NULL;
}

/* Whole NFC sentences, decomposed by utf8proc, come back byte for byte. */
static void test_nfd_roundtrip(void)
{
    static const char *const sentences[] = {
        "Tổng diện tích gieo trồng cây hàng năm ước đạt 20.717,45 ha, giảm 1,2%.",
        "Thu ngân sách nhà nước trên địa bàn ước đạt 1.559 tỷ đồng, bằng 104,1% dự toán.",
        "Sản lượng thủy sản 3.182,466 tấn; giá trị xuất khẩu 245 triệu USD.",
        "Ủy ban nhân dân tỉnh Điện Biên, Hòa Bình, Thừa Thiên Huế: 11/11 huyện đạt chuẩn.",
        "Lúa mùa: năng suất 52,43 tạ/ha, sản lượng 19.157,9tấn (tăng 0,64 điểm phần trăm).",
    };
    for (size_t s = 0; s < sizeof sentences / sizeof *sentences; s++) {
        utf8proc_uint8_t *nfd = NULL;
        utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)sentences[s], 0, &nfd,
                                            UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                                UTF8PROC_DECOMPOSE);
        check_case = sentences[s];
        CHECK(len > (utf8proc_ssize_t)strlen(sentences[s]));
        char *in = exact_copy((const char *)nfd, (size_t)len);
        normalized nt;
        CHECK_INT(normalize_text(in, (size_t)len, &nt, NULL), VNR_OK);
        CHECK_MEM(nt.text, nt.len, sentences[s], strlen(sentences[s]));
        check_digit_map(in, (size_t)len, &nt, true);
        normalized_free(&nt);
        free(in);
        free(nfd);
    }
    check_case = NULL;
}

/* NFC text needs no rewriting: same bytes, empty maps. */
static void test_clean_input_is_identity(void)
{
    const char *s = "Tổng sản lượng lương thực ước đạt 421.499 tấn, tăng 1,66%.\n"
                    "Chăn nuôi: đàn trâu 5.420 nghìn con.";
    normalized nt;
    CHECK_INT(normalize_text(s, strlen(s), &nt, NULL), VNR_OK);
    CHECK_MEM(nt.text, nt.len, s, strlen(s));
    CHECK_SIZE(nt.cleanup.n, 0);
    CHECK_SIZE(nt.unicode.n, 0);
    for (size_t p = 0; p <= nt.len; p++)
        if (normalized_to_decoded(&nt, p) != p) {
            CHECKF(0, "identity map broken at %zu", p);
            break;
        }
    normalized_free(&nt);

    CHECK_INT(normalize_text("", 0, &nt, NULL), VNR_OK);
    CHECK_SIZE(nt.len, 0);
    CHECK(nt.text != NULL && nt.text[0] == '\0');
    normalized_free(&nt);
}

static void test_fragments(void)
{
    static const struct {
        const char *in, *out;
    } frags[] = {
        { "  Triệu   Kwh ", "Triệu Kwh" },
        { "tạ/ha", "tạ/ha" },
        { "\nnghìn\xc2\xa0tỷ đồng\n", "nghìn tỷ đồng" },
        { "Hoà", "Hòa" },
        { "ngh\xc3\xac" "n", "nghìn" },
        { "nghi\xcc\x80n", "nghìn" },
        { "", "" },
        { "   ", "" },
    };
    for (size_t i = 0; i < sizeof frags / sizeof *frags; i++) {
        vnr_buf b = { 0 };
        check_case = frags[i].in;
        CHECK(normalize_fragment(frags[i].in, strlen(frags[i].in), &b));
        CHECK_MEM(b.data ? b.data : "", b.len, frags[i].out, strlen(frags[i].out));
        buf_free(&b);
    }
    /* appends, does not overwrite */
    vnr_buf b = { 0 };
    CHECK(buf_append_str(&b, "x:"));
    CHECK(normalize_fragment(" ha ", 4, &b));
    CHECK_MEM(b.data, b.len, "x:ha", 4);
    buf_free(&b);
    check_case = NULL;
}

/* The anchor list itself: identity when empty, runs with steps, redundant
 * anchors not stored, an anchor at the same position replaced. */
static void test_offmap(void)
{
    offmap m = { 0 };
    CHECK_SIZE(offmap_lookup(&m, 0), 0);
    CHECK_SIZE(offmap_lookup(&m, 1234), 1234);
    CHECK(offmap_add(&m, 0, 0, 1));         /* identity: nothing stored */
    CHECK_SIZE(m.n, 0);
    CHECK(offmap_add(&m, 10, 13, 1));       /* 3 bytes dropped before out 10 */
    CHECK(offmap_add(&m, 12, 15, 1));       /* implied by the previous anchor */
    CHECK_SIZE(m.n, 1);
    CHECK(offmap_add(&m, 20, 40, 2));       /* UTF-16 ASCII: 2 source bytes each */
    CHECK(offmap_add(&m, 20, 41, 2));       /* same position: replaced */
    CHECK_SIZE(m.n, 2);
    CHECK_SIZE(offmap_lookup(&m, 5), 5);
    CHECK_SIZE(offmap_lookup(&m, 10), 13);
    CHECK_SIZE(offmap_lookup(&m, 19), 22);
    CHECK_SIZE(offmap_lookup(&m, 20), 41);
    CHECK_SIZE(offmap_lookup(&m, 23), 47);
    CHECK(offmap_add(&m, 30, 100, 0));      /* one code unit for several bytes */
    CHECK_SIZE(offmap_lookup(&m, 32), 100);
    offmap_free(&m);
    CHECK_SIZE(m.n, 0);
    CHECK(m.a == NULL);
    offmap_free(&m);                         /* twice is harmless */
}

/* ---------------------------------------------------------------- */
/* Seeded random documents made of the debris the corpus shows       */
/* ---------------------------------------------------------------- */

static uint64_t rng_state = 0x243F6A8885A308D3ULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static void test_random_debris(void)
{
    static const char *const pieces[] = {
        "177.078", "0,69", "2021", "03", "6.208,4", " ", "  ", "\t", "\xc2\xa0", "\n",
        "\r\n", "\r", "**", "*", "hoà", "tuỳ", "thuỷ", "quý", "na\xcc\x86m",
        "ta\xcc\x82\xcc\x81n", "\xc4\x91\xe1\xba\xa1t", "¹", "²⁷", "m³", "km²", "$\\leq 15,8$",
        "$>90\\%$", "[báo cáo 12](http://a.vn/34)", "\\*", "# ", "\xe2\x80\x8b", "\xc2\xad",
        "Covid -19", "(", ")", "%", ",", ".", "/", "-", "–", "ha", "tỷ đồng", "\xe2\x80\xa8",
        "(*)", "$", "[", "]", "\\",
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    char buf[2048];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 0;
        int count = 1 + (int)(rng() % 40);
        for (int k = 0; k < count; k++) {
            const char *p = pieces[rng() % np];
            size_t l = strlen(p);
            if (n + l > sizeof buf)
                break;
            memcpy(buf + n, p, l);
            n += l;
        }
        char *in = exact_copy(buf, n);
        normalized nt;
        char label[64];
        snprintf(label, sizeof label, "random document %d", iter);
        check_case = label;
        CHECK_INT(normalize_text(in, n, &nt, NULL), VNR_OK);
        check_digit_map(in, n, &nt, false);
        /* lines are kept one for one (no U+2028 among these without '\n' count) */
        normalized_free(&nt);
        free(in);
        if (check_failures > 50)
            break;
    }
    check_case = NULL;
}

/* Arbitrary bytes (normalize_fragment may see anything): no crash, no
 * overread, output NUL-terminated. */
static void test_random_bytes(void)
{
    char buf[512];
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = rng() % sizeof buf;
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)(rng() & 0xFF);
        char *in = exact_copy(buf, n);
        normalized nt;
        CHECK_INT(normalize_text(in, n, &nt, NULL), VNR_OK);
        CHECK(nt.text && nt.text[nt.len] == '\0');
        for (size_t p = 0; p < nt.len; p++)
            if (is_digit(nt.text[p]) && normalized_to_decoded(&nt, p) >= n) {
                CHECKF(0, "digit maps outside the input");
                break;
            }
        normalized_free(&nt);
        free(in);
    }
}

int main(void)
{
    size_t n = sizeof cases / sizeof *cases;
    for (size_t i = 0; i < n; i++)
        check_case_output(&cases[i]);
    printf("test-normalize: %zu table cases\n", n);
    test_spellings_compare_equal();
    test_nfd_roundtrip();
    test_clean_input_is_identity();
    test_fragments();
    test_offmap();
    test_random_debris();
    test_random_bytes();
    return check_done("test-normalize");
}
