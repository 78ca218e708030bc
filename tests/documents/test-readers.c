/*
 * test-readers.c — the text the PDF and DOCX readers of the decode stage
 * extract from the inputs make-documents.py wrote (suite 'documents'):
 * page furniture gone, paragraphs rejoined across pages, hyphenated words
 * joined, footnotes apart with superscript markers, the two-column header
 * block read column by column, tables as aligned columns (PDF) and
 * markdown pipe rows (DOCX), list numbers rendered, page runs.
 *
 * usage: test-readers DOCS_DIR
 */
#include "decode.h"

#include <stdlib.h>

#include "../unit/check.h"

static char *read_file(const char *dir, const char *name, size_t *n)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 22);
    *n = buf ? fread(buf, 1, 1 << 22, f) : 0;
    fclose(f);
    return buf;
}

/* Decode `name`; its text NUL-terminated in *text (freed by the caller). */
static bool decode_named(const char *dir, const char *name, decoded *d, char **text)
{
    size_t n = 0;
    char *bytes = read_file(dir, name, &n);
    CHECKF(bytes != NULL, "cannot read %s/%s", dir, name);
    if (!bytes)
        return false;
    vnr_error *err = NULL;
    vnr_status st = decode_input(bytes, n, VNR_ENCODING_AUTO, false, d, &err);
    CHECKF(st == VNR_OK, "%s: %s", name, vnr_error_message(err));
    vnr_error_free(err);
    *text = NULL;
    if (st == VNR_OK) {
        *text = malloc(d->len + 1);
        memcpy(*text, d->text, d->len);
        (*text)[d->len] = '\0';
    }
    free(bytes);
    return st == VNR_OK;
}

static size_t count(const char *hay, const char *needle)
{
    size_t k = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        k++;
    return k;
}

/* Page of decoded position `pos`. */
static uint32_t page_at(const decoded *d, size_t pos)
{
    uint32_t page = 0;
    for (size_t i = 0; i < d->n_pages && d->pages[i].start <= pos; i++)
        page = d->pages[i].page;
    return page;
}

static void test_sample_pdf(const char *dir)
{
    decoded d;
    char *t;
    if (!decode_named(dir, "sample.pdf", &d, &t))
        return;
    CHECK(d.format == FORMAT_PDF && d.n_pages >= 2);
    /* furniture: the running head, page numbers, the header block of page 2 */
    CHECK(count(t, "Báo cáo tình hình kinh tế - xã hội tỉnh Yên Bái năm 2022") == 0);
    CHECK(count(t, "Số: 412/BC-UBND") == 1);
    CHECK(count(t, "ỦY BAN NHÂN DÂN\n") == 1);
    CHECK(strstr(t, "\n2\n") == NULL && strstr(t, "\n1\n") == NULL);
    /* the paragraph that goes over the page, in one line */
    CHECK(strstr(t, "dự toán Trung ương giao, bằng 108,7% so với cùng kỳ.") != NULL);
    const char *para = strstr(t, "3. Thu, chi ngân sách");
    const char *cont = NULL;   /* where page 2 starts: inside that paragraph */
    for (size_t i = 0; i < d.n_pages && !cont; i++)
        if (d.pages[i].page == 2)
            cont = t + d.pages[i].start;
    CHECK(para && cont && cont > para && !memchr(para, '\n', (size_t)(cont - para)));
    /* the raised marker, and the body apart after the paragraph, on page 1 */
    CHECK(strstr(t, "so với năm 2021¹;") != NULL);
    const char *note = strstr(t, "\n¹ Theo số liệu sơ bộ của Cục Thống kê tỉnh.\n");
    CHECK(note && page_at(&d, (size_t)(note - t + 1)) == 1);
    CHECK(note && cont && note > cont);
    free(t);
    decoded_free(&d);
}

static void test_layout_pdf(const char *dir)
{
    decoded d;
    char *t;
    if (!decode_named(dir, "layout.pdf", &d, &t))
        return;
    /* the two-column header block: the left column, then the right one */
    CHECK(strncmp(t, "ỦY BAN NHÂN DÂN\n\nTỈNH YÊN BÁI\n\nSố: 415/BC-UBND\n\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n", 100) == 0);
    CHECK(strstr(t, "cơ cấu ngành (restructuring) được") != NULL);
    CHECK(strstr(t, "so với năm 2021; sản lượng ngô") != NULL);
    /* the table: one row a line, cells apart by a column gap, the numbers
     * (right-aligned in the PDF) ending in the same column */
    const char *rows[] = { "Chỉ tiêu", "Diện tích lúa mùa (ha)", "Sản lượng lương thực (tấn)",
                           "Tổng đàn trâu (con)" };
    const char *ends[] = { "Năm 2022", "19.870,5", "303.410", "94.300" };
    long col[4] = { 0 };
    for (size_t i = 0; i < 4; i++) {
        const char *r = strstr(t, rows[i]);
        const char *e = r ? strstr(r, ends[i]) : NULL;
        CHECKF(r && e && !memchr(r, '\n', (size_t)(e - r)) && strstr(r, "  ") < e &&
                   (e[strlen(ends[i])] == '\n' || e[strlen(ends[i])] == '\0'),
               "table row %zu", i);
        if (!r || !e)
            continue;
        const char *line = r;
        while (line > t && line[-1] != '\n')
            line--;
        for (const char *p = e + strlen(ends[i]); line < p; line++)
            col[i] += ((unsigned char)*line & 0xC0) != 0x80;   /* characters */
    }
    CHECKF(labs(col[1] - col[2]) <= 1 && labs(col[2] - col[3]) <= 1,
           "right-aligned cells end in columns %ld %ld %ld", col[1], col[2], col[3]);
    free(t);
    decoded_free(&d);
}

static void test_docx(const char *dir)
{
    decoded d;
    char *t;
    if (decode_named(dir, "sample.docx", &d, &t)) {
        CHECK(d.format == FORMAT_DOCX && d.n_pages == 0);
        CHECK(strncmp(t, "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n\n", 32) == 0);
        /* list numbers from numbering.xml; bold runs leave no debris */
        CHECK(strstr(t, "\n1. Tăng trưởng kinh tế: Tổng sản phẩm") != NULL);
        CHECK(strstr(t, "\n5. Xã hội:") != NULL);
        CHECK(strstr(t, "\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n") != NULL);   /* by its style */
        CHECK(strchr(t, '*') == NULL);
        CHECK(strstr(t, "so với năm 2021¹;") != NULL);
        CHECK(strstr(t, "6,9%.\n\n¹ Theo số liệu sơ bộ của Cục Thống kê tỉnh.\n") != NULL);
        free(t);
        decoded_free(&d);
    }
    if (decode_named(dir, "sample.odt", &d, &t)) {
        CHECK(d.format == FORMAT_ODT && d.n_pages == 0);
        CHECK(strncmp(t, "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n\n", 32) == 0);
        CHECK(strstr(t, "\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n") != NULL);
        CHECK(strstr(t, "so với năm 2021¹;") != NULL);
        CHECK(strstr(t, "6,9%.\n\n¹ Theo số liệu sơ bộ của Cục Thống kê tỉnh.\n") != NULL);
        CHECK(strstr(t, "\n1. Tăng trưởng kinh tế: Tổng sản phẩm") != NULL);
        free(t);
        decoded_free(&d);
    }
    for (int odt = 0; odt < 2 && decode_named(dir, odt ? "table.odt" : "table.docx", &d, &t);
         odt++) {
        CHECK(strcmp(t, "Biểu số 01. Một số chỉ tiêu nông nghiệp năm 2022\n\n"
                        "| Chỉ tiêu | Năm 2022 |\n| --- | --- |\n"
                        "| Diện tích lúa mùa (ha) | 19.870,5 |\n"
                        "| Sản lượng lương thực (tấn) | 303.410 |\n"
                        "| Tổng đàn trâu (con) | 94.300 |") == 0);
        free(t);
        decoded_free(&d);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test-readers DOCS_DIR\n");
        return 2;
    }
    test_sample_pdf(argv[1]);
    test_layout_pdf(argv[1]);
    test_docx(argv[1]);
    return check_done("test-readers");
}
