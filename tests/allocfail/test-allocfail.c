/*
 * test-allocfail.c — every allocation of a run fails once, one run per
 * allocation (after jansson's test_chaos.c).
 *
 * Each scenario drives public entry points and writes everything they
 * return into one text: document metadata, every accessor of every record,
 * every audited number, unit parses, conversions and caller registries, and
 * the C API's edge cases (NULL arguments, missing files, documents that
 * outlive their parser, registries copied from registries). A first run
 * with no failure gives the reference text and the number of allocations
 * N. Then for n = 1..N the run is repeated with allocation n failing: it
 * must end either with the reference text exactly or with a call returning
 * VNR_E_NOMEM (whose error object says so) — never a changed result, a
 * crash or a block left allocated (alloc-shim.h counts them).
 *
 * Inputs: the two sample reports of examples/data (paths in argv) and
 * reports written here in the same style: a header-and-lists report, one
 * with tables, ranges and superscripts, the same as UTF-16LE, and one with
 * invalid bytes read leniently.
 */
#include <vnreport/vnreport.h>

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc-shim.h"

/* ------------------------------------------------------------------ */
/* The text a run produces                                             */
/* ------------------------------------------------------------------ */

typedef struct run_out {
    char *s;
    size_t len, cap;
    bool nomem;      /* a call returned VNR_E_NOMEM (or NULL for "no memory") */
    bool bad_error;  /* a NOMEM status whose error object said otherwise */
} run_out;

static void out_printf(run_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        abort();
    if (o->len + (size_t)n + 1 > o->cap) {
        size_t cap = (o->len + (size_t)n + 1) * 2;
        char *p = __real_realloc(o->s, cap);   /* the test's own memory: never failed */
        if (!p)
            abort();
        o->s = p;
        o->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(o->s + o->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    o->len += (size_t)n;
}

static void out_str(run_out *o, const char *label, const char *s)
{
    out_printf(o, "%s=%s\n", label, s ? s : "(null)");
}

/* Record a status; true when the scenario should go on. A failure's error
 * object must carry the same status and a message. */
static bool status_ok(run_out *o, const char *call, vnr_status st, vnr_error *err)
{
    if (st == VNR_E_NOMEM) {
        o->nomem = true;
        if (err && vnr_error_status(err) != VNR_E_NOMEM)
            o->bad_error = true;
        vnr_error_free(err);
        return false;
    }
    out_printf(o, "%s: %s", call, vnr_status_str(st));
    if (err) {
        out_printf(o, " [%d] %s (line %zu, byte %zu)", (int)vnr_error_status(err),
                   vnr_error_message(err), vnr_error_line(err), vnr_error_byte(err));
        vnr_error_free(err);
    }
    out_printf(o, "\n");
    return true;
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

static void dump_record(run_out *o, const vnr_record *r)
{
    out_printf(o, "record %s st=%zu line=%zu col=%zu off=%zu len=%zu depth=%zu\n",
               vnr_record_doc(r), vnr_record_statement(r), vnr_record_line(r),
               vnr_record_col(r), vnr_record_offset(r), vnr_record_length(r),
               vnr_record_section_depth(r));
    for (size_t k = 0; k <= vnr_record_section_depth(r); k++)
        out_str(o, " section", vnr_record_section(r, k));
    out_str(o, " subject", vnr_record_subject(r));
    out_str(o, " indicator", vnr_record_indicator(r));
    out_str(o, " role", vnr_role_name(vnr_record_role(r)));
    out_printf(o, " value=%.17g max=%.17g total=%.17g canonical=%.17g\n", vnr_record_value(r),
               vnr_record_value_max(r), vnr_record_total(r), vnr_record_canonical_value(r));
    out_str(o, " unit", vnr_record_unit(r));
    out_str(o, " canonical_unit", vnr_record_canonical_unit(r));
    out_str(o, " dimension", vnr_record_dimension(r));
    out_str(o, " qualifier", vnr_qualifier_name(vnr_record_qualifier(r)));
    out_printf(o, " estimate=%d\n", vnr_record_estimate(r));
    out_str(o, " baseline", vnr_record_baseline(r));
    out_str(o, " period", vnr_record_period(r));
    out_str(o, " text", vnr_record_text(r));
}

static void dump_document(run_out *o, const vnr_document *doc)
{
    static const char *const fields[] = { "doc", "province", "issuer", "number", "date",
                                          "title", "period", "kind", "language", "encoding" };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        out_str(o, fields[i], vnr_document_meta(doc, fields[i]));
    out_printf(o, "confidence=%.17g replacements=%zu\n", vnr_document_encoding_confidence(doc),
               vnr_document_replacements(doc));
    for (size_t i = 0; i < vnr_document_record_count(doc); i++)
        dump_record(o, vnr_document_record(doc, i));
    for (size_t i = 0; i < vnr_document_number_count(doc); i++) {
        size_t off = 0, len = 0, line = 0, rec = 0;
        const char *fate = vnr_document_number(doc, i, &off, &len, &line, &rec);
        out_printf(o, "number %zu %zu+%zu line %zu rec %zd %s '%s'\n", i, off, len, line,
                   (ssize_t)rec, fate ? fate : "(null)", vnr_document_number_text(doc, i));
    }
}

typedef struct doc_input {
    const char *name;
    const char *data;
    size_t len;
    const char *path;      /* read with vnr_parse_file instead, when set */
    vnr_encoding encoding;
    bool lenient;
} doc_input;

static void run_document(const void *arg, run_out *o)
{
    const doc_input *in = arg;
    vnr_parser *p = vnr_parser_new();
    if (!p) {
        o->nomem = true;
        return;
    }
    vnr_parser_set_encoding(p, in->encoding);
    vnr_parser_set_lenient(p, in->lenient);
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    vnr_status st = in->path ? vnr_parse_file(p, in->path, &doc, &err)
                             : vnr_parse(p, in->data, in->len, in->name, &doc, &err);
    vnr_parser_free(p);   /* the document outlives its parser */
    if (st != VNR_OK) {
        status_ok(o, "parse", st, err);
        return;
    }
    dump_document(o, doc);
    vnr_document_unref(doc);
}

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

static bool dump_unit(run_out *o, const vnr_unit_registry *reg, const char *text)
{
    vnr_unit *u = NULL;
    vnr_error *err = NULL;
    vnr_status st = vnr_unit_parse_ex(reg, text, 0, &u, &err);
    if (st != VNR_OK)
        return status_ok(o, text, st, err);
    out_printf(o, "unit %s: %s = %.17g %s + %.17g [%s]\n", text, vnr_unit_text(u),
               vnr_unit_factor(u), vnr_unit_canonical(u), vnr_unit_offset(u),
               vnr_unit_dimension(u));
    vnr_unit_free(u);
    return true;
}

static bool dump_conversion(run_out *o, const vnr_unit_registry *reg, const char *from,
                            const char *to)
{
    double v = NAN;
    vnr_error *err = NULL;
    vnr_status st = vnr_convert_ex(reg, 1234.5, from, to, &v, &err);
    if (st != VNR_OK)
        return status_ok(o, "convert", st, err);
    out_printf(o, "1234.5 %s = %.17g %s\n", from, v, to);
    vnr_converter *c = NULL;
    err = NULL;
    st = vnr_converter_new_ex(reg, from, to, &c, &err);
    if (st != VNR_OK)
        return status_ok(o, "converter", st, err);
    double in[3] = { 1, 2.5, -7 }, res[3];
    vnr_converter_apply_array(c, in, res, 3);
    out_printf(o, "converter %.17g %.17g: %.17g %.17g %.17g\n", vnr_converter_factor(c),
               vnr_converter_offset(c), res[0], res[1], res[2]);
    vnr_converter_free(c);
    return true;
}

static const char *const unit_texts[] = {
    "tấn", "tạ/ha", "nghìn tỷ đồng", "triệu USD", "km²", "m3/ngày.đêm", "°C", "sào",
    "nghìn con", "người/km2", "tỷ đồng/năm", "không-có-đơn-vị", "kg//m", "%",
};
static const char *const unit_pairs[][2] = {
    { "ha", "km2" }, { "tạ/ha", "tấn/ha" }, { "tỷ đồng", "triệu đồng" }, { "°C", "°F" },
    { "USD", "đồng" }, { "sào", "m2" }, { "tấn", "ha" }, { "mẫu", "ha" }, { "gạo", "tấn" },
};

/* The caller's registry: definitions, a rate, a region, a copy of it. */
static bool run_registry(run_out *o, vnr_unit_registry *reg)
{
    vnr_error *err = NULL;
    vnr_status st = vnr_unit_registry_define(reg, "bao", 50, "kg", &err);
    if (st != VNR_OK && !status_ok(o, "define bao", st, err))
        return false;
    err = NULL;
    st = vnr_unit_registry_define(reg, "thùng", 20, "lít", &err);
    if (st != VNR_OK && !status_ok(o, "define thùng", st, err))
        return false;
    err = NULL;
    st = vnr_unit_registry_define(reg, "bad", -1, "kg", &err);
    if (!status_ok(o, "define bad", st, err))
        return false;
    err = NULL;
    st = vnr_unit_registry_set_rate(reg, "USD", "đồng", 24000, &err);
    if (st != VNR_OK && !status_ok(o, "rate", st, err))
        return false;
    st = vnr_unit_registry_set_region(reg, VNR_REGION_SOUTH);
    if (st != VNR_OK && !status_ok(o, "region", st, NULL))
        return false;
    vnr_unit_registry *copy = vnr_unit_registry_new(reg);
    if (!copy) {
        o->nomem = true;
        return false;
    }
    err = NULL;
    st = vnr_unit_registry_define(copy, "bì", 2, "bao", &err);
    bool ok = (st == VNR_OK || status_ok(o, "define bì", st, err)) &&
              dump_unit(o, copy, "bì/ha") && dump_unit(o, reg, "bì") &&
              dump_conversion(o, copy, "bao", "tấn") && dump_conversion(o, copy, "USD", "đồng") &&
              dump_conversion(o, reg, "sào", "m2");
    size_t n = vnr_unit_registry_count(copy);
    for (size_t i = 0; ok && i < n; i++) {
        if (!vnr_unit_registry_is_user(copy, i))
            continue;
        out_printf(o, "user %s %s %.17g %s\n", vnr_unit_registry_name(copy, i),
                   vnr_unit_registry_canonical(copy, i), vnr_unit_registry_factor(copy, i),
                   vnr_unit_registry_dimension(copy, i));
    }
    vnr_unit_registry_free(copy);
    return ok;
}

static void run_units(const void *arg, run_out *o)
{
    (void)arg;
    for (size_t i = 0; i < sizeof unit_texts / sizeof *unit_texts; i++)
        if (!dump_unit(o, NULL, unit_texts[i]))
            return;
    for (size_t i = 0; i < sizeof unit_pairs / sizeof *unit_pairs; i++)
        if (!dump_conversion(o, NULL, unit_pairs[i][0], unit_pairs[i][1]))
            return;
    double v = 0;
    vnr_status st = vnr_convert(3, "mẫu", "ha", &v);
    if (!status_ok(o, "vnr_convert", st, NULL))
        return;
    out_printf(o, "3 mẫu = %.17g ha\n", v);
    vnr_unit *a = NULL, *b = NULL;
    st = vnr_unit_parse("tấn/ha", &a);
    if (!status_ok(o, "parse a", st, NULL))
        return;
    st = vnr_unit_parse("kg/m2", &b);
    if (status_ok(o, "parse b", st, NULL)) {
        out_printf(o, "compatible %d\n", vnr_unit_compatible(a, b));
        vnr_converter *c = NULL;
        vnr_error *err = NULL;
        st = vnr_converter_from_units(NULL, a, b, &c, &err);
        if (status_ok(o, "from_units", st, err))
            out_printf(o, "factor %.17g\n", vnr_converter_factor(c));
        vnr_converter_free(c);
    }
    vnr_unit_free(a);
    vnr_unit_free(b);
    if (o->nomem)
        return;
    vnr_unit_registry *reg = vnr_unit_registry_new(NULL);
    if (!reg) {
        o->nomem = true;
        return;
    }
    run_registry(o, reg);
    vnr_unit_registry_free(reg);
}

/* ------------------------------------------------------------------ */
/* The C API's edge cases (as tests/unit/test-api.c probes them)        */
/* ------------------------------------------------------------------ */

static void run_api_edges(const void *arg, run_out *o)
{
    const char *sample = arg;
    vnr_document *doc = NULL;
    vnr_error *err = NULL;
    /* NULL and out-of-range arguments, missing files: statuses. */
    vnr_status st = vnr_parse(NULL, NULL, 3, "x", &doc, &err);
    if (!status_ok(o, "parse NULL data", st, err))
        return;
    err = NULL;
    st = vnr_parse(NULL, "", 0, "x", &doc, &err);
    if (!status_ok(o, "parse empty", st, err))
        return;
    err = NULL;
    st = vnr_parse_file(NULL, "/nonexistent/vnr-allocfail", &doc, &err);
    if (!status_ok(o, "parse missing file", st, err))
        return;
    err = NULL;
    st = vnr_parse_file(NULL, "/", &doc, &err);
    if (!status_ok(o, "parse a directory", st, err))
        return;
    vnr_encoding enc;
    if (!status_ok(o, "encoding name", vnr_encoding_from_name("tcvn3", &enc), NULL))
        return;
    /* Default parser, no error out-parameter, two references. */
    st = vnr_parse(NULL, sample, strlen(sample), NULL, &doc, NULL);
    if (!status_ok(o, "parse sample", st, NULL))
        return;
    vnr_document *again = vnr_document_ref(doc);
    vnr_document_unref(doc);
    out_printf(o, "records %zu, numbers %zu, record 99 %p\n", vnr_document_record_count(again),
               vnr_document_number_count(again),
               (void *)vnr_document_record(again, 99));
    dump_document(o, again);
    vnr_document_unref(again);
    /* A strict parse of invalid UTF-8: the error with its position. */
    static const char invalid[] = "Dòng một\nSản lượng \xC3\x28 đạt 12 tấn\n";
    doc = NULL;
    err = NULL;
    vnr_parser *p = vnr_parser_new();
    if (!p) {
        o->nomem = true;
        return;
    }
    vnr_parser_set_encoding(p, VNR_ENCODING_UTF8);
    st = vnr_parse(p, invalid, sizeof invalid - 1, "bad", &doc, &err);
    vnr_parser_free(p);
    if (status_ok(o, "parse invalid", st, err) && doc)
        vnr_document_unref(doc);
}

/* ------------------------------------------------------------------ */
/* Inputs written for this test (in the corpus's style)                */
/* ------------------------------------------------------------------ */

static const char report_header[] =
    "UBND TỈNH MẪU\n"
    "Số: 118/BC-UBND\n"
    "\n"
    "BÁO CÁO\n"
    "Tình hình kinh tế - xã hội quý I năm 2024\n"
    "\n"
    "1. Nông nghiệp\n"
    "Tổng diện tích gieo trồng cây hàng năm ước đạt 12.345 ha, tăng 1,5% so với cùng kỳ.\n"
    "Sản lượng lương thực đạt 67.890,5 tấn, bằng 102,2% so với năm 2023.\n"
    "2. Công nghiệp\n"
    "- Chỉ số sản xuất công nghiệp (IIP) tăng 8,12%; giá trị sản xuất đạt 4.567 tỷ đồng.\n"
    "- Vốn đầu tư thực hiện khoảng 1.234,56 tỷ đồng, đạt 45,6% kế hoạch năm.\n";

static const char report_tables[] =
    "ỦY BAN NHÂN DÂN TỈNH THỬ\n"
    "Số: 2051/BC-UBND                         Thử, ngày 15 tháng 6 năm 2023\n"
    "BÁO CÁO\n"
    "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2023\n"
    "I. KINH TẾ\n"
    "1.1. Tốc độ tăng trưởng GRDP ước đạt 6,8-7,2%, cao hơn 0,5 điểm phần trăm so với cùng kỳ¹.\n"
    "1.2. Thu ngân sách trên địa bàn 3.210,7 tỷ đồng, trong đó thu nội địa 2.900 tỷ đồng.\n"
    "| Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện |\n"
    "| Diện tích nhà ở bình quân | m²/người | 25 | 26,4 |\n"
    "| Tỷ lệ hộ nghèo | % | 3,5 | 2,91 |\n"
    "Khách du lịch đạt trên 1,2 triệu lượt, doanh thu từ 800 đến 950 tỷ đồng.\n"
    "Giá trị xuất khẩu 245,3 triệu USD; nhập khẩu giảm 12,4 triệu USD.\n"
    "Lượng nước sạch cung cấp 3.500 m³/ngày.đêm; thu nhập bình quân 58,2 triệu đồng/người/năm.\n"
    "______\n"
    "¹ Số liệu sơ bộ của Cục Thống kê.\n"
    "Nơi nhận:\n"
    "- Như trên;\n"
    "CHỦ TỊCH\n";

/* Decomposed letters (NFD) and the old tone placement (`hoà`): the
 * normalizer's rewriting paths. */
static const char report_nfd[] =
    "T\x6f\xcc\x82\xcc\x89ng thu ngân sách đạt 1.234 tỷ đồng; số hộ hoà mạng tăng 12,5%.\n";

/* A longer report: the other inputs back to back, many times, so buffers
 * and vectors grow through several sizes. */
static char *long_report(const char *sample, size_t *out_len)
{
    size_t one = strlen(sample) + strlen(report_tables) + strlen(report_nfd) + 2;
    char *s = __real_malloc(one * 25 + 1);
    size_t k = 0;
    for (int i = 0; i < 25; i++) {
        k += (size_t)sprintf(s + k, "%s\n%s%s\n", i ? "" : sample, report_tables, report_nfd);
    }
    *out_len = k;
    return s;
}

/* UTF-16LE with a BOM, built from report_header. */
static char *utf16le(const char *s, size_t *out_len)
{
    size_t n = strlen(s), k = 0;
    char *u = __real_malloc(2 * n + 4);
    u[k++] = (char)0xFF;
    u[k++] = (char)0xFE;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp, len = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;   /* BMP only here */
        cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : (c & 0x0Fu);
        for (unsigned j = 1; j < len; j++)
            cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3Fu);
        u[k++] = (char)(cp & 0xFF);
        u[k++] = (char)(cp >> 8);
        i += len;
    }
    *out_len = k;
    return u;
}

static const char report_lenient[] =
    "BÁO CÁO\nTình hình \xFF\xFE sản xuất tháng 5\n"
    "Sản lượng thủy sản đạt 1.250 tấn\x80, tăng 3,4%.\nDoanh thu \xC3 đạt 12 tỷ đồng.\n";

/* ------------------------------------------------------------------ */
/* The loop                                                            */
/* ------------------------------------------------------------------ */

typedef void (*scenario_fn)(const void *arg, run_out *o);

static unsigned failures;

static void run_once(scenario_fn fn, const void *arg, unsigned long fail_at, run_out *o)
{
    memset(o, 0, sizeof *o);
    shim_count = 0;
    shim_fail_at = fail_at;
    shim_fired = false;
    shim_live = 0;
    shim_armed = true;
    fn(arg, o);
    shim_armed = false;
}

static void check_scenario(const char *name, scenario_fn fn, const void *arg)
{
    run_out ref, o;
    clock_t t0 = clock();
    /* a first run, not counted: the library builds its process-wide,
     * read-only lexicon index at the first parse (kept until unload) */
    run_once(fn, arg, 0, &ref);
    __real_free(ref.s);
    run_once(fn, arg, 0, &ref);
    unsigned long total = shim_count;
    if (ref.nomem || shim_live != 0 || ref.len == 0) {
        fprintf(stderr, "FAIL %s: reference run (nomem %d, live blocks %ld)\n", name,
                ref.nomem, shim_live);
        failures++;
    }
    unsigned long changed = 0, leaked = 0, nomem = 0, same = 0;
    for (unsigned long n = 1; n <= total; n++) {
        run_once(fn, arg, n, &o);
        if (shim_live != 0) {
            if (leaked++ < 5)
                fprintf(stderr, "FAIL %s: allocation %lu failed: %ld blocks leaked\n", name, n,
                        shim_live);
        }
        if (o.bad_error) {
            fprintf(stderr, "FAIL %s: allocation %lu: VNR_E_NOMEM with another error\n", name,
                    n);
            changed++;
        }
        if (o.nomem) {
            nomem++;
        } else if (o.len == ref.len && memcmp(o.s, ref.s, ref.len) == 0) {
            same++;
        } else {
            if (changed++ < 5) {
                size_t k = 0;
                while (k < o.len && k < ref.len && o.s[k] == ref.s[k])
                    k++;
                size_t from = k > 60 ? k - 60 : 0;
                fprintf(stderr,
                        "FAIL %s: allocation %lu failed: output changed at byte %zu\n"
                        "  expected: ...%.160s\n  got:      ...%.160s\n",
                        name, n, k, ref.s + from, o.s ? o.s + from : "");
            }
        }
        __real_free(o.s);
    }
    failures += (unsigned)(changed + leaked);
    printf("%-22s %5lu allocations: %lu VNR_E_NOMEM, %lu identical, %lu changed, %lu leaked "
           "(%.1f s)\n",
           name, total, nomem, same, changed, leaked, (double)(clock() - t0) / CLOCKS_PER_SEC);
    __real_free(ref.s);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = __real_malloc(1 << 20);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SAMPLE-REPORT SAMPLE-REPORT-2\n", argv[0]);
        return 2;
    }
    /* Built-in tables initialised once, outside the counted runs. */
    double warm;
    vnr_convert(1, "ha", "m2", &warm);

    size_t len1 = 0, len2 = 0, len16 = 0;
    char *sample1 = read_file(argv[1], &len1);
    char *sample2 = read_file(argv[2], &len2);
    if (!sample1 || !sample2) {
        fprintf(stderr, "cannot read %s or %s\n", argv[1], argv[2]);
        return 2;
    }
    char *header16 = utf16le(report_header, &len16);
    size_t len_long = 0;
    char *longer = long_report(report_header, &len_long);
    const doc_input inputs[] = {
        { "sample-report.txt", sample1, len1, NULL, VNR_ENCODING_AUTO, false },
        { "sample-report-2", NULL, 0, argv[2], VNR_ENCODING_AUTO, false },
        { "header", report_header, sizeof report_header - 1, NULL, VNR_ENCODING_AUTO, false },
        { "tables", report_tables, sizeof report_tables - 1, NULL, VNR_ENCODING_UTF8, false },
        { "header-utf16le", header16, len16, NULL, VNR_ENCODING_AUTO, false },
        { "header-as-tcvn3", report_header, sizeof report_header - 1, NULL, VNR_ENCODING_TCVN3,
          false },
        { "tables-as-cp1258", report_tables, sizeof report_tables - 1, NULL, VNR_ENCODING_CP1258,
          true },
        { "nfd", report_nfd, sizeof report_nfd - 1, NULL, VNR_ENCODING_AUTO, false },
        { "long", longer, len_long, NULL, VNR_ENCODING_AUTO, false },
        { "lenient", report_lenient, sizeof report_lenient - 1, NULL, VNR_ENCODING_UTF8, true },
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        check_scenario(inputs[i].name, run_document, &inputs[i]);
    check_scenario("units", run_units, NULL);
    check_scenario("api-edges", run_api_edges, report_header);
    __real_free(sample1);
    __real_free(sample2);
    __real_free(header16);
    __real_free(longer);
    printf("%s\n", failures ? "FAILED" : "all runs identical or VNR_E_NOMEM, none leaked");
    return failures ? 1 : 0;
}
