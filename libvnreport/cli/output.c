/*
 * output.c — JSON Lines, CSV and table writers for records (see output.h).
 *
 * Numbers are printed with the shortest %.*g that reads back to the same
 * double, so values round-trip exactly; NaN (a null field) prints as null
 * in JSON and as an empty cell elsewhere.
 */
#include "output.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const metadata_fields[] = {
    "doc", "province", "issuer", "number", "date", "title", "period", "kind",
    "language", "encoding",
};

void write_json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* copy runs that need no escaping in one call */
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != '"' && *q != '\\')
            q++;
        if (q > p) {
            fwrite(p, 1, (size_t)(q - p), f);
            p = q;
            if (!*p)
                break;
        }
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

static void format_number(char *buf, size_t cap, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, cap, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

void write_json_number(FILE *f, double v)
{
    if (isnan(v) || isinf(v)) {
        fputs("null", f);
        return;
    }
    char buf[40];
    format_number(buf, sizeof buf, v);
    fputs(buf, f);
}

void write_document_jsonl(FILE *f, const vnr_document *doc)
{
    fputs("{\"type\":\"document\"", f);
    for (size_t i = 0; i < sizeof metadata_fields / sizeof *metadata_fields; i++) {
        fprintf(f, ",\"%s\":", metadata_fields[i]);
        write_json_string(f, vnr_document_meta(doc, metadata_fields[i]));
    }
    fputs(",\"encoding_confidence\":", f);
    write_json_number(f, vnr_document_encoding_confidence(doc));
    fprintf(f, ",\"replacements\":%zu,\"records\":%zu}\n", vnr_document_replacements(doc),
            vnr_document_record_count(doc));
}

void write_record_jsonl(FILE *f, const vnr_record *r)
{
    fputs("{\"type\":\"record\",\"doc\":", f);
    write_json_string(f, vnr_record_doc(r));
    fprintf(f, ",\"statement\":%zu,\"line\":%zu,\"col\":%zu,\"offset\":%zu,\"length\":%zu",
            vnr_record_statement(r), vnr_record_line(r), vnr_record_col(r),
            vnr_record_offset(r), vnr_record_length(r));
    fputs(",\"section\":[", f);
    for (size_t i = 0; i < vnr_record_section_depth(r); i++) {
        if (i)
            fputc(',', f);
        write_json_string(f, vnr_record_section(r, i));
    }
    fputs("],\"subject\":", f);
    write_json_string(f, vnr_record_subject(r));
    fputs(",\"indicator\":", f);
    write_json_string(f, vnr_record_indicator(r));
    fputs(",\"role\":", f);
    write_json_string(f, vnr_role_name(vnr_record_role(r)));
    fputs(",\"value\":", f);
    write_json_number(f, vnr_record_value(r));
    fputs(",\"value_max\":", f);
    write_json_number(f, vnr_record_value_max(r));
    fputs(",\"total\":", f);
    write_json_number(f, vnr_record_total(r));
    fputs(",\"unit\":", f);
    write_json_string(f, vnr_record_unit(r));
    fputs(",\"canonical_value\":", f);
    write_json_number(f, vnr_record_canonical_value(r));
    fputs(",\"canonical_unit\":", f);
    write_json_string(f, vnr_record_canonical_unit(r));
    fputs(",\"dimension\":", f);
    write_json_string(f, vnr_record_dimension(r));
    fputs(",\"qualifier\":", f);
    write_json_string(f, vnr_qualifier_name(vnr_record_qualifier(r)));
    fprintf(f, ",\"estimate\":%s", vnr_record_estimate(r) ? "true" : "false");
    fputs(",\"baseline\":", f);
    write_json_string(f, vnr_record_baseline(r));
    fputs(",\"period\":", f);
    write_json_string(f, vnr_record_period(r));
    fputs(",\"text\":", f);
    write_json_string(f, vnr_record_text(r));
    fputs(",\"indicator_key\":", f);
    write_json_string(f, vnr_record_indicator_key(r));
    fputs(",\"subject_key\":", f);
    write_json_string(f, vnr_record_subject_key(r));
    fputs("}\n", f);
}

/* ---- CSV (RFC 4180 quoting) ---- */

static void csv_string(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void csv_number(FILE *f, double v)
{
    if (isnan(v) || isinf(v))
        return;
    char buf[40];
    format_number(buf, sizeof buf, v);
    fputs(buf, f);
}

void write_csv_header(FILE *f)
{
    fputs("doc,statement,line,col,offset,length,section,subject,indicator,role,value,"
          "value_max,total,unit,canonical_value,canonical_unit,dimension,qualifier,"
          "estimate,baseline,period,text,indicator_key,subject_key\n", f);
}

static void section_joined(FILE *f, const vnr_record *r, const char *sep, void (*str)(FILE *, const char *))
{
    size_t n = vnr_record_section_depth(r);
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(vnr_record_section(r, i)) + strlen(sep);
    char *buf = malloc(total);
    if (!buf)
        return;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(buf, sep);
        strcat(buf, vnr_record_section(r, i));
    }
    str(f, buf);
    free(buf);
}

void write_record_csv(FILE *f, const vnr_record *r)
{
    csv_string(f, vnr_record_doc(r));
    fprintf(f, ",%zu,%zu,%zu,%zu,%zu,", vnr_record_statement(r), vnr_record_line(r),
            vnr_record_col(r), vnr_record_offset(r), vnr_record_length(r));
    section_joined(f, r, " > ", csv_string);
    fputc(',', f);
    csv_string(f, vnr_record_subject(r));
    fputc(',', f);
    csv_string(f, vnr_record_indicator(r));
    fputc(',', f);
    csv_string(f, vnr_role_name(vnr_record_role(r)));
    fputc(',', f);
    csv_number(f, vnr_record_value(r));
    fputc(',', f);
    csv_number(f, vnr_record_value_max(r));
    fputc(',', f);
    csv_number(f, vnr_record_total(r));
    fputc(',', f);
    csv_string(f, vnr_record_unit(r));
    fputc(',', f);
    csv_number(f, vnr_record_canonical_value(r));
    fputc(',', f);
    csv_string(f, vnr_record_canonical_unit(r));
    fputc(',', f);
    csv_string(f, vnr_record_dimension(r));
    fputc(',', f);
    csv_string(f, vnr_qualifier_name(vnr_record_qualifier(r)));
    fputs(vnr_record_estimate(r) ? ",true," : ",false,", f);
    csv_string(f, vnr_record_baseline(r));
    fputc(',', f);
    csv_string(f, vnr_record_period(r));
    fputc(',', f);
    csv_string(f, vnr_record_text(r));
    fputc(',', f);
    csv_string(f, vnr_record_indicator_key(r));
    fputc(',', f);
    csv_string(f, vnr_record_subject_key(r));
    fputc('\n', f);
}

/* ---- table: a readable summary for people ---- */

/* Print at most `width` display columns of s (UTF-8 aware), padded. */
static void cell(FILE *f, const char *s, int width)
{
    int cols = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p && cols < width) {
        int len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if (cols == width - 1 && p[len]) {
            fputs("…", f);
            cols++;
            break;
        }
        fwrite(p, 1, (size_t)len, f);
        p += len;
        /* combining marks (U+0300..U+036F) take no column */
        cols++;
    }
    for (; cols < width; cols++)
        fputc(' ', f);
}

void write_table_header(FILE *f)
{
    cell(f, "line", 5);
    fputc(' ', f);
    cell(f, "role", 10);
    fputc(' ', f);
    cell(f, "value", 14);
    fputc(' ', f);
    cell(f, "unit", 14);
    fputc(' ', f);
    cell(f, "baseline", 22);
    fputc(' ', f);
    fputs("subject / indicator\n", f);
}

void write_record_table(FILE *f, const vnr_record *r)
{
    char num[64], lo[28], hi[28];
    fprintf(f, "%-5zu ", vnr_record_line(r));
    cell(f, vnr_role_name(vnr_record_role(r)), 10);
    fputc(' ', f);
    format_number(lo, sizeof lo, vnr_record_value(r));
    if (!isnan(vnr_record_value_max(r))) {
        format_number(hi, sizeof hi, vnr_record_value_max(r));
        snprintf(num, sizeof num, "%s-%s", lo, hi);
    } else if (!isnan(vnr_record_total(r))) {
        format_number(hi, sizeof hi, vnr_record_total(r));
        snprintf(num, sizeof num, "%s/%s", lo, hi);
    } else {
        snprintf(num, sizeof num, "%s", lo);
    }
    cell(f, num, 14);
    fputc(' ', f);
    cell(f, vnr_record_unit(r), 14);
    fputc(' ', f);
    cell(f, vnr_record_baseline(r) ? vnr_record_baseline(r) : "", 22);
    fputc(' ', f);
    const char *subj = vnr_record_subject(r);
    if (subj && *subj) {
        fputs(subj, f);
        fputs(" / ", f);
    }
    fputs(vnr_record_indicator(r), f);
    fputc('\n', f);
}
