/*
 * decode-docx.c — stage 1, DOCX and ODT reader: a Word or OpenDocument
 * text document's XML → report text (see decode-formats.h).
 *
 * Owns: opening the ZIP archive from memory (libzip) with its limits —
 * entry count, uncompressed size read (never the size the archive
 * claims), no entry named out of the archive —; streaming its XML parts
 * through libxml2's reader with no network, no DTD and no entity loading
 * (a DOCTYPE is refused outright: Word never writes one); paragraphs in
 * order with their list numbering rendered from numbering.xml (given by
 * the paragraph or by its style in styles.xml); runs as
 * plain text (bold and italic leave no debris); footnotes from
 * footnotes.xml as superscript markers plus `¹ body` paragraphs after the
 * paragraph that cites them; tables (w:tbl) as markdown pipe rows, one per
 * table row, for the table recognizer. ODT (content.xml) the same way:
 * text:p and text:h, text:note footnotes, table:table rows (list numbers
 * of ODT list styles are not rendered).
 */
#include "decode-formats.h"
#include "buf.h"
#include "error.h"
#include "utf8.h"

#ifndef VNR_HAVE_DOCX

vnr_status decode_zipped(const char *bytes, size_t n, decoded *out, vnr_error **error)
{
    (void)bytes, (void)n, (void)out;
    return error_set(error, VNR_E_UNSUPPORTED_FORMAT, 0, VNR_NO_POSITION,
                     "a ZIP archive (DOCX or ODT?), but this libvnreport was built without "
                     "DOCX support (libxml2, libzip): rebuild with -Ddocx=enabled or save "
                     "the document as text first");
}

#else

#include <libxml/xmlreader.h>
#include <zip.h>

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- */
/* The archive                                                       */
/* ---------------------------------------------------------------- */

/* An entry name that would leave the archive when extracted: absolute,
 * with a drive, a backslash or a `..` component. We never extract, but
 * such an archive was made to attack someone. */
static bool unsafe_name(const char *name)
{
    if (!name || name[0] == '/' || name[0] == '\0' || strchr(name, '\\') ||
        (name[0] && name[1] == ':'))
        return true;
    for (const char *p = name; (p = strstr(p, "..")) != NULL; p += 2)
        if ((p == name || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
            return true;
    return false;
}

static vnr_status open_archive(const char *bytes, size_t n, zip_t **za, vnr_error **error)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, n, 0, &ze);
    *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!*za) {
        vnr_status st = error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                                  "damaged ZIP archive (DOCX/ODT): %s", zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return st;
    }
    zip_error_fini(&ze);
    zip_int64_t entries = zip_get_num_entries(*za, 0);
    if (entries > ZIP_MAX_ENTRIES)
        return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                         "ZIP archive of %lld entries exceeds the %d-entry limit",
                         (long long)entries, ZIP_MAX_ENTRIES);
    for (zip_int64_t i = 0; i < entries; i++) {
        const char *name = zip_get_name(*za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (unsafe_name(name))
            return error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                             "unsafe ZIP archive: an entry is named out of the archive (%.60s)",
                             name ? name : "(no name)");
    }
    return VNR_OK;
}

/* The uncompressed bytes of entry `name`, at most ZIP_MAX_PART of them
 * whatever the archive claims. *data is NULL when the entry is absent. */
static vnr_status read_part(zip_t *za, const char *name, char **data, size_t *len,
                            vnr_error **error)
{
    *data = NULL;
    *len = 0;
    zip_int64_t idx = zip_name_locate(za, name, 0);
    if (idx < 0)
        return VNR_OK;
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf)
        return error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                         "cannot read %s from the archive: %s", name, zip_strerror(za));
    vnr_buf b = { 0 };
    vnr_status st = VNR_OK;
    for (;;) {
        if (!buf_reserve(&b, 1 << 16)) {
            st = error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
            break;
        }
        zip_int64_t got = zip_fread(zf, b.data + b.len, 1 << 16);
        if (got < 0) {
            st = error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                           "damaged %s in the archive: %s", name, zip_file_strerror(zf));
            break;
        }
        if (got == 0)
            break;
        b.len += (size_t)got;
        if (b.len > ZIP_MAX_PART) {
            st = error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                           "%s expands beyond the %zu-byte limit (a zip bomb?)", name,
                           ZIP_MAX_PART);
            break;
        }
    }
    zip_fclose(zf);
    if (st != VNR_OK) {
        buf_free(&b);
        return st;
    }
    *len = b.len;
    *data = b.data ? buf_steal(&b) : calloc(1, 1);
    return *data ? VNR_OK : error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
}

/* ---------------------------------------------------------------- */
/* XML                                                               */
/* ---------------------------------------------------------------- */

static void quiet_errors(void *arg, const char *msg, xmlParserSeverities severity,
                         xmlTextReaderLocatorPtr locator)
{
    (void)arg, (void)msg, (void)severity, (void)locator;
}

/* A DOCTYPE in the prolog (it must come before the root element, so the
 * first kilobytes tell): entity declarations, never read. */
static bool has_doctype(const char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 9 <= n; i++)
        if (data[i] == '<' && data[i + 1] == '!' && memcmp(data + i + 2, "DOCTYPE", 7) == 0)
            return true;
    return false;
}

/* No network, no DTD loading, no entity substitution (those would need
 * XML_PARSE_DTDLOAD and XML_PARSE_NOENT, never passed). NULL for an XML
 * part with a DOCTYPE (xml_open_failure says which). */
static xmlTextReaderPtr xml_open(const char *data, size_t len, const char *name)
{
    if (len > (size_t)INT32_MAX || has_doctype(data, len))
        return NULL;
    xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, name, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING);
    if (r)
        xmlTextReaderSetErrorHandler(r, quiet_errors, NULL);
    return r;
}

static vnr_status xml_open_failure(const char *data, size_t len, const char *part,
                                   vnr_error **error)
{
    if (has_doctype(data, len))
        return error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                         "unsafe %s: a DOCTYPE (entity declarations are refused)", part);
    return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
}

typedef enum xml_step { XML_STEP_NODE, XML_STEP_END, XML_STEP_FAIL, XML_STEP_DOCTYPE } xml_step;

/* Next node; a DOCTYPE (where entities would be declared) is refused. */
static xml_step xml_next(xmlTextReaderPtr r)
{
    int rc = xmlTextReaderRead(r);
    if (rc == 0)
        return XML_STEP_END;
    if (rc < 0)
        return XML_STEP_FAIL;
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_DOCUMENT_TYPE ? XML_STEP_DOCTYPE
                                                                      : XML_STEP_NODE;
}

static vnr_status xml_failure(xml_step s, const char *part, vnr_error **error)
{
    if (s == XML_STEP_DOCTYPE)
        return error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                         "unsafe %s: a DOCTYPE (entity declarations are refused)", part);
    return error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                     "damaged %s: not well-formed XML (or nested too deep)", part);
}

static bool is_elem(xmlTextReaderPtr r, const char *local)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r);
    return n && strcmp((const char *)n, local) == 0;
}

static bool is_start(xmlTextReaderPtr r, const char *local)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && is_elem(r, local);
}

static bool is_end(xmlTextReaderPtr r, const char *local)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT && is_elem(r, local);
}

/* Integer value of attribute w:`name` (any prefix), or `dflt`. */
static int attr_int(xmlTextReaderPtr r, const char *name, int dflt)
{
    int v = dflt;
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return v;
    do {
        if (is_elem(r, name)) {
            const xmlChar *s = xmlTextReaderConstValue(r);
            v = s ? atoi((const char *)s) : dflt;
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
    return v;
}

/* Copy attribute `name` into out[cap]; "" when absent. */
static void attr_str(xmlTextReaderPtr r, const char *name, char *out, size_t cap)
{
    out[0] = '\0';
    if (xmlTextReaderMoveToFirstAttribute(r) != 1)
        return;
    do {
        if (is_elem(r, name)) {
            const xmlChar *s = xmlTextReaderConstValue(r);
            if (s)
                snprintf(out, cap, "%s", (const char *)s);
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(r) == 1);
    xmlTextReaderMoveToElement(r);
}

/* ---------------------------------------------------------------- */
/* Numbering (numbering.xml)                                         */
/* ---------------------------------------------------------------- */

enum { MAX_LEVELS = 9, MAX_LISTS = 4096 };

typedef struct num_level {
    int start;
    char fmt[16];
    char text[24];
} num_level;

typedef struct abstract_num {
    int id;
    num_level lvl[MAX_LEVELS];
    int count[MAX_LEVELS];
    bool started[MAX_LEVELS];
} abstract_num;

typedef struct num_map {
    int num_id, abstract_id;
} num_map;

typedef struct numbering {
    abstract_num *abs;
    size_t n_abs, cap_abs;
    num_map *nums;
    size_t n_nums, cap_nums;
} numbering;

static void numbering_level(xmlTextReaderPtr r, abstract_num *a, int lvl)
{
    if (!a || lvl < 0 || lvl >= MAX_LEVELS)
        return;
    num_level *l = &a->lvl[lvl];
    if (is_start(r, "start"))
        l->start = attr_int(r, "val", 1);
    else if (is_start(r, "numFmt"))
        attr_str(r, "val", l->fmt, sizeof l->fmt);
    else if (is_start(r, "lvlText"))
        attr_str(r, "val", l->text, sizeof l->text);
}

static vnr_status parse_numbering(const char *data, size_t len, numbering *nb, vnr_error **error)
{
    xmlTextReaderPtr r = xml_open(data, len, "numbering.xml");
    if (!r)
        return xml_open_failure(data, len, "word/numbering.xml", error);
    abstract_num *cur = NULL;
    int lvl = -1, num = -1;
    xml_step s;
    bool ok = true;
    while (ok && (s = xml_next(r)) == XML_STEP_NODE) {
        if (is_start(r, "abstractNum") && nb->n_abs < MAX_LISTS) {
            abstract_num a = { .id = attr_int(r, "abstractNumId", -1) };
            for (int i = 0; i < MAX_LEVELS; i++)
                a.lvl[i].start = 1;
            ok = VEC_PUSH(nb->abs, nb->n_abs, nb->cap_abs, a);
            cur = ok ? &nb->abs[nb->n_abs - 1] : NULL;
        } else if (is_end(r, "abstractNum")) {
            cur = NULL;
        } else if (is_start(r, "lvl")) {
            lvl = attr_int(r, "ilvl", -1);
        } else if (is_start(r, "num")) {
            num = attr_int(r, "numId", -1);
        } else if (is_start(r, "abstractNumId") && !cur && num >= 0 && nb->n_nums < MAX_LISTS) {
            num_map m = { num, attr_int(r, "val", -1) };
            ok = VEC_PUSH(nb->nums, nb->n_nums, nb->cap_nums, m);
        } else if (cur) {
            numbering_level(r, cur, lvl);
        }
    }
    xmlFreeTextReader(r);
    if (!ok)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    return s == XML_STEP_END ? VNR_OK : xml_failure(s, "word/numbering.xml", error);
}

static abstract_num *find_list(numbering *nb, int num_id)
{
    for (size_t i = 0; i < nb->n_nums; i++)
        if (nb->nums[i].num_id == num_id)
            for (size_t k = 0; k < nb->n_abs; k++)
                if (nb->abs[k].id == nb->nums[i].abstract_id)
                    return &nb->abs[k];
    return NULL;
}

static bool append_roman(vnr_buf *b, int v, bool upper)
{
    static const struct { int v; const char *s; } r[] = {
        { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
        { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
    };
    for (size_t i = 0; i < sizeof r / sizeof *r && v > 0 && v < 4000; i++)
        for (; v >= r[i].v; v -= r[i].v)
            for (const char *p = r[i].s; *p; p++)
                if (!buf_append_char(b, upper ? (char)(*p - 'a' + 'A') : *p))
                    return false;
    return true;
}

/* Counter `v` in Word's number format `fmt`. */
static bool append_counter(vnr_buf *b, int v, const char *fmt)
{
    if (strcmp(fmt, "upperRoman") == 0 || strcmp(fmt, "lowerRoman") == 0)
        return append_roman(b, v, fmt[0] == 'u');
    if ((strcmp(fmt, "upperLetter") == 0 || strcmp(fmt, "lowerLetter") == 0) && v > 0) {
        char c = (char)((fmt[0] == 'u' ? 'A' : 'a') + (v - 1) % 26);
        for (int k = 0; k <= (v - 1) / 26 && k < 8; k++)
            if (!buf_append_char(b, c))
                return false;
        return true;
    }
    if (strcmp(fmt, "decimalZero") == 0 && v < 10 && !buf_append_char(b, '0'))
        return false;
    return buf_printf(b, "%d", v);
}

/* The list marker of a paragraph of list `num_id` at level `ilvl`, and a
 * space after it, as Word shows it; bullets are written `-` (or `+`). */
static bool append_marker(vnr_buf *b, numbering *nb, int num_id, int ilvl)
{
    abstract_num *a = find_list(nb, num_id);
    if (!a || ilvl < 0 || ilvl >= MAX_LEVELS)
        return true;
    a->count[ilvl] = a->started[ilvl] ? a->count[ilvl] + 1 : a->lvl[ilvl].start;
    a->started[ilvl] = true;
    for (int k = ilvl + 1; k < MAX_LEVELS; k++)
        a->started[k] = false;
    const num_level *l = &a->lvl[ilvl];
    if (strcmp(l->fmt, "none") == 0)
        return true;
    if (strcmp(l->fmt, "bullet") == 0)
        return buf_append_str(b, strcmp(l->text, "+") == 0 ? "+ " : "- ");
    for (const char *p = l->text; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            if (!append_counter(b, a->started[k] ? a->count[k] : a->lvl[k].start, a->lvl[k].fmt))
                return false;
            p++;
        } else if (!buf_append_char(b, *p)) {
            return false;
        }
    }
    return buf_append_char(b, ' ');
}

/* ---------------------------------------------------------------- */
/* Styles (styles.xml): the list a paragraph style numbers with       */
/* ---------------------------------------------------------------- */

typedef struct style_num {
    char id[64];
    int num_id, ilvl;
} style_num;

typedef struct styles {
    style_num *v;
    size_t n, cap;
} styles;

static vnr_status parse_styles(const char *data, size_t len, styles *sy, vnr_error **error)
{
    xmlTextReaderPtr r = xml_open(data, len, "styles.xml");
    if (!r)
        return xml_open_failure(data, len, "word/styles.xml", error);
    style_num cur = { .num_id = -1 };
    bool ok = true;
    xml_step s;
    while (ok && (s = xml_next(r)) == XML_STEP_NODE) {
        if (is_start(r, "style")) {
            cur = (style_num){ .num_id = -1 };
            attr_str(r, "styleId", cur.id, sizeof cur.id);
        } else if (is_start(r, "numId")) {
            cur.num_id = attr_int(r, "val", -1);
        } else if (is_start(r, "ilvl")) {
            cur.ilvl = attr_int(r, "val", 0);
        } else if (is_end(r, "style") && cur.num_id > 0 && sy->n < MAX_LISTS) {
            ok = VEC_PUSH(sy->v, sy->n, sy->cap, cur);
        }
    }
    xmlFreeTextReader(r);
    if (!ok)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    return s == XML_STEP_END ? VNR_OK : xml_failure(s, "word/styles.xml", error);
}

static const style_num *find_style(const styles *sy, const char *id)
{
    for (size_t i = 0; id[0] && i < sy->n; i++)
        if (strcmp(sy->v[i].id, id) == 0)
            return &sy->v[i];
    return NULL;
}

/* ---------------------------------------------------------------- */
/* Footnotes (footnotes.xml)                                         */
/* ---------------------------------------------------------------- */

typedef struct footnote {
    int id;
    char *text;
    int number;     /* the number its first marker showed, 0 if never cited */
} footnote;

typedef struct footnotes {
    footnote *v;
    size_t n, cap;
} footnotes;

static bool close_footnote(footnotes *fn, int id, vnr_buf *t)
{
    size_t a = 0, e = t->len;
    while (a < e && t->data[a] == ' ')
        a++;
    while (e > a && t->data[e - 1] == ' ')
        e--;
    footnote f = { id, malloc(e - a + 1), 0 };
    if (!f.text)
        return false;
    memcpy(f.text, t->data ? t->data + a : "", e - a);
    f.text[e - a] = '\0';
    t->len = 0;
    if (VEC_PUSH(fn->v, fn->n, fn->cap, f))
        return true;
    free(f.text);
    return false;
}

static vnr_status parse_footnotes(const char *data, size_t len, footnotes *fn, vnr_error **error)
{
    xmlTextReaderPtr r = xml_open(data, len, "footnotes.xml");
    if (!r)
        return xml_open_failure(data, len, "word/footnotes.xml", error);
    vnr_buf t = { 0 };
    int id = 0;
    bool in_note = false, in_t = false, ok = true;
    xml_step s;
    while (ok && (s = xml_next(r)) == XML_STEP_NODE) {
        int type = xmlTextReaderNodeType(r);
        if (is_start(r, "footnote")) {
            id = attr_int(r, "id", 0);
            in_note = !xmlTextReaderIsEmptyElement(r);
            t.len = 0;
        } else if (is_end(r, "footnote") && in_note) {
            ok = close_footnote(fn, id, &t);
            in_note = false;
        } else if (is_start(r, "t")) {
            in_t = !xmlTextReaderIsEmptyElement(r);
        } else if (is_end(r, "t")) {
            in_t = false;
        } else if (in_note && (is_end(r, "p") || is_start(r, "tab"))) {
            ok = buf_append_char(&t, ' ');
        } else if (in_t && (type == XML_READER_TYPE_TEXT ||
                            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            ok = buf_append_str(&t, (const char *)xmlTextReaderConstValue(r));
        }
        ok = ok && t.len <= DOC_MAX_TEXT;
    }
    xmlFreeTextReader(r);
    buf_free(&t);
    if (!ok)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    return s == XML_STEP_END ? VNR_OK : xml_failure(s, "word/footnotes.xml", error);
}

static footnote *find_footnote(footnotes *fn, int id)
{
    for (size_t i = 0; i < fn->n; i++)
        if (fn->v[i].id == id)
            return &fn->v[i];
    return NULL;
}

static bool append_superscript(vnr_buf *b, int v)
{
    char digits[16];
    int n = snprintf(digits, sizeof digits, "%d", v);
    for (int i = 0; i < n; i++)
        if (!buf_append_utf8(b, utf8_superscript_of(digits[i] - '0')))
            return false;
    return true;
}

/* ---------------------------------------------------------------- */
/* The body (document.xml)                                           */
/* ---------------------------------------------------------------- */

typedef struct body {
    vnr_buf out;          /* the text */
    vnr_buf para;         /* the paragraph being read */
    vnr_buf row;          /* the table row being read */
    vnr_buf notes;        /* footnote bodies cited, written after the paragraph */
    numbering *nb;
    footnotes *fn;
    styles *sy;
    char style[64];       /* style of the paragraph being read */
    int num_id, ilvl;     /* its own list (-1: none said, 0: none) */
    int tbl_depth;
    size_t rows;          /* rows of the outermost table so far */
    size_t cells;         /* cells of the row being read */
    int notes_cited;
    bool in_t;
} body;

/* Trim spaces at both ends of b[from..): they are layout, not text. */
static void trim_tail(vnr_buf *b, size_t from)
{
    size_t a = from;
    while (a < b->len && (b->data[a] == ' ' || b->data[a] == '\t'))
        a++;
    memmove(b->data + from, b->data + a, b->len - a);
    b->len -= a - from;
    while (b->len > from && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
        b->len--;
}

static bool flush_notes(body *bd)
{
    bool ok = buf_append(&bd->out, bd->notes.data ? bd->notes.data : "", bd->notes.len);
    bd->notes.len = 0;
    return ok;
}

static bool end_paragraph(body *bd)
{
    trim_tail(&bd->para, 0);
    bool ok = true;
    if (bd->tbl_depth > 0) {
        /* paragraphs of a cell run on in the cell; a `|` would cut it */
        for (size_t i = 0; i < bd->para.len; i++)
            if (bd->para.data[i] == '|' || bd->para.data[i] == '\n')
                bd->para.data[i] = bd->para.data[i] == '|' ? '/' : ' ';
        if (bd->para.len && bd->row.len && bd->row.data[bd->row.len - 1] != ' ')
            ok = buf_append_char(&bd->row, ' ');
        ok = ok && buf_append(&bd->row, bd->para.data ? bd->para.data : "", bd->para.len);
    } else if (bd->para.len) {
        const style_num *sn = bd->num_id < 0 ? find_style(bd->sy, bd->style) : NULL;
        if (sn) {   /* numbered by its style (headings often are) */
            bd->num_id = sn->num_id;
            bd->ilvl = bd->ilvl >= 0 ? bd->ilvl : sn->ilvl;
        }
        ok = (bd->num_id <= 0 || append_marker(&bd->out, bd->nb, bd->num_id, bd->ilvl)) &&
             buf_append(&bd->out, bd->para.data, bd->para.len) &&
             buf_append(&bd->out, "\n\n", 2) && flush_notes(bd);
    }
    bd->para.len = 0;
    bd->num_id = bd->ilvl = -1;
    bd->style[0] = '\0';
    return ok;
}

/* A cited footnote: its marker in the text, its body queued. */
static bool cite_footnote(body *bd, int id)
{
    footnote *f = find_footnote(bd->fn, id);
    if (!f)
        return true;
    if (!f->number)
        f->number = ++bd->notes_cited;
    return append_superscript(&bd->para, f->number) &&
           append_superscript(&bd->notes, f->number) && buf_append_char(&bd->notes, ' ') &&
           buf_append_str(&bd->notes, f->text) && buf_append(&bd->notes, "\n\n", 2);
}

static bool end_row(body *bd)
{
    if (bd->tbl_depth != 1)
        return true;
    bool ok = buf_append(&bd->out, "|", 1) && buf_append(&bd->out, bd->row.data, bd->row.len) &&
              buf_append(&bd->out, "\n", 1);
    if (ok && ++bd->rows == 1) {
        ok = buf_append_char(&bd->out, '|');
        for (size_t i = 0; ok && i < bd->cells; i++)
            ok = buf_append_str(&bd->out, " --- |");
        ok = ok && buf_append_char(&bd->out, '\n');
    }
    bd->row.len = 0;
    bd->cells = 0;
    return ok;
}

/* A cell ends: ` text |`, and empty cells for the columns it spans. */
static bool end_cell(body *bd, int span)
{
    if (bd->tbl_depth != 1)
        return buf_append_char(&bd->row, ' ');
    bool ok = true;
    for (int k = 0; ok && k < (span > 1 && span < 64 ? span : 1); k++) {
        ok = buf_append_str(&bd->row, k ? "  |" : " |");
        bd->cells++;
    }
    return ok;
}

static bool on_table_node(body *bd, xmlTextReaderPtr r, int *span)
{
    if (is_start(r, "tbl") && !xmlTextReaderIsEmptyElement(r)) {
        if (++bd->tbl_depth == 1)
            bd->rows = 0;
    } else if (is_end(r, "tbl")) {
        if (--bd->tbl_depth == 0)
            return buf_append_char(&bd->out, '\n') && flush_notes(bd);
    } else if (is_start(r, "tc")) {
        *span = 1;
        if (bd->tbl_depth == 1 && !buf_append_char(&bd->row, ' '))
            return false;
    } else if (is_start(r, "gridSpan")) {
        *span = attr_int(r, "val", 1);
    } else if (is_end(r, "tc")) {
        return end_cell(bd, *span);
    } else if (is_end(r, "tr")) {
        return end_row(bd);
    }
    return true;
}

/* A line break ends a line of the text as in the document; a page or
 * column break does not end the paragraph it falls in. */
static bool line_break(xmlTextReaderPtr r)
{
    char type[16];
    attr_str(r, "type", type, sizeof type);
    return is_elem(r, "cr") || type[0] == '\0' || strcmp(type, "textWrapping") == 0;
}

/* One node of document.xml. False when out of memory. */
static bool on_body_node(body *bd, xmlTextReaderPtr r, int *span)
{
    int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        return !bd->in_t || buf_append_str(&bd->para, (const char *)xmlTextReaderConstValue(r));
    if (is_start(r, "t"))
        bd->in_t = !xmlTextReaderIsEmptyElement(r);
    else if (is_end(r, "t"))
        bd->in_t = false;
    else if (is_start(r, "tab"))
        return buf_append_char(&bd->para, ' ');
    else if (is_start(r, "br") || is_start(r, "cr"))
        return buf_append_char(&bd->para, line_break(r) ? '\n' : ' ');
    else if (is_start(r, "noBreakHyphen"))
        return buf_append_char(&bd->para, '-');
    else if (is_start(r, "numId"))
        bd->num_id = attr_int(r, "val", -1);
    else if (is_start(r, "pStyle"))
        attr_str(r, "val", bd->style, sizeof bd->style);
    else if (is_start(r, "ilvl"))
        bd->ilvl = attr_int(r, "val", 0);
    else if (is_start(r, "footnoteReference"))
        return cite_footnote(bd, attr_int(r, "id", 0));
    else if (is_end(r, "p"))
        return end_paragraph(bd);
    else
        return on_table_node(bd, r, span);
    return true;
}

/* Elements whose content is not text of the document: deleted revisions,
 * the fallback copy of alternate content, field instructions; in ODT
 * comments and tracked changes. */
static bool skipped(xmlTextReaderPtr r)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
           (is_elem(r, "del") || is_elem(r, "Fallback") || is_elem(r, "instrText") ||
            is_elem(r, "delText") || is_elem(r, "annotation") || is_elem(r, "tracked-changes"));
}

typedef bool (*node_fn)(void *ctx, xmlTextReaderPtr r);

/* Stream the XML part `part` through `on_node` (false: out of memory),
 * bounding the text that `bd` gathers. */
static vnr_status walk_body(const char *data, size_t len, const char *part, node_fn on_node,
                            void *ctx, const body *bd, vnr_error **error)
{
    xmlTextReaderPtr r = xml_open(data, len, part);
    if (!r)
        return xml_open_failure(data, len, part, error);
    bool ok = true;
    xml_step s = xml_next(r);
    while (ok && s == XML_STEP_NODE) {
        if (skipped(r) && !xmlTextReaderIsEmptyElement(r)) {
            /* the reader's Next() steps over the subtree */
            int rc = xmlTextReaderNext(r);
            s = rc > 0 ? XML_STEP_NODE : rc == 0 ? XML_STEP_END : XML_STEP_FAIL;
            continue;
        }
        ok = on_node(ctx, r);
        if (bd->out.len + bd->para.len + bd->row.len + bd->notes.len > DOC_MAX_TEXT) {
            xmlFreeTextReader(r);
            return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                             "document text exceeds the %zu-byte limit", DOC_MAX_TEXT);
        }
        s = xml_next(r);
    }
    xmlFreeTextReader(r);
    if (!ok)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    return s == XML_STEP_END ? VNR_OK : xml_failure(s, part, error);
}

typedef struct docx_walk {
    body *bd;
    int span;
} docx_walk;

static bool on_docx_node(void *ctx, xmlTextReaderPtr r)
{
    docx_walk *w = ctx;
    return on_body_node(w->bd, r, &w->span);
}

static vnr_status parse_body(const char *data, size_t len, body *bd, vnr_error **error)
{
    docx_walk w = { bd, 1 };
    return walk_body(data, len, "word/document.xml", on_docx_node, &w, bd, error);
}

/* ---------------------------------------------------------------- */
/* ODT (content.xml)                                                 */
/* ---------------------------------------------------------------- */

enum { ODT_TEXT, ODT_NOTE, ODT_CITATION, ODT_NOTE_BODY };

typedef struct odt_walk {
    body *bd;
    int in_para;          /* open text:p / text:h */
    int where;            /* ODT_TEXT or a part of a text:note */
    vnr_buf cite, note;   /* the note being read: its citation and body */
    int repeat;           /* columns the cell being read stands for */
} odt_walk;

static bool odt_text(odt_walk *w, const char *s)
{
    if (w->where == ODT_CITATION)
        return buf_append_str(&w->cite, s);
    if (w->where == ODT_NOTE_BODY)
        return buf_append_str(&w->note, s);
    return w->where != ODT_TEXT || w->in_para <= 0 || buf_append_str(&w->bd->para, s);
}

/* A footnote ends: its marker in the paragraph, its body queued. */
static bool odt_end_note(odt_walk *w)
{
    body *bd = w->bd;
    int n = w->cite.data ? atoi(w->cite.data) : 0;
    n = n > 0 && n < 100000 ? n : bd->notes_cited + 1;
    bd->notes_cited = n;
    trim_tail(&w->note, 0);
    bool ok = append_superscript(&bd->para, n) && append_superscript(&bd->notes, n) &&
              buf_append_char(&bd->notes, ' ') &&
              buf_append(&bd->notes, w->note.data ? w->note.data : "", w->note.len) &&
              buf_append(&bd->notes, "\n\n", 2);
    w->cite.len = w->note.len = 0;
    w->where = ODT_TEXT;
    return ok;
}

static bool odt_note_node(odt_walk *w, xmlTextReaderPtr r)
{
    if (is_start(r, "note-citation") && !xmlTextReaderIsEmptyElement(r))
        w->where = ODT_CITATION;
    else if (is_start(r, "note-body") && !xmlTextReaderIsEmptyElement(r))
        w->where = ODT_NOTE_BODY;
    else if (is_end(r, "note-citation") || is_end(r, "note-body"))
        w->where = ODT_NOTE;
    else if (is_end(r, "note"))
        return odt_end_note(w);
    else if (w->where == ODT_NOTE_BODY && (is_end(r, "p") || is_end(r, "h")))
        return buf_append_char(&w->note, ' ');
    return true;
}

static bool odt_table_node(odt_walk *w, xmlTextReaderPtr r)
{
    body *bd = w->bd;
    bool empty = xmlTextReaderIsEmptyElement(r);
    if (is_start(r, "table") && !empty) {
        if (++bd->tbl_depth == 1)
            bd->rows = 0;
    } else if (is_end(r, "table") && bd->tbl_depth > 0) {
        if (--bd->tbl_depth == 0)
            return buf_append_char(&bd->out, '\n') && flush_notes(bd);
    } else if (is_start(r, "table-cell") || is_start(r, "covered-table-cell")) {
        /* a merged cell is followed by covered cells: repeat, not span */
        w->repeat = attr_int(r, "number-columns-repeated", 1);
        if (bd->tbl_depth == 1 && !buf_append_char(&bd->row, ' '))
            return false;
        return !empty || end_cell(bd, w->repeat);
    } else if (is_end(r, "table-cell") || is_end(r, "covered-table-cell")) {
        return end_cell(bd, w->repeat);
    } else if (is_end(r, "table-row")) {
        return end_row(bd);
    }
    return true;
}

static bool on_odt_node(void *ctx, xmlTextReaderPtr r)
{
    odt_walk *w = ctx;
    int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        return odt_text(w, (const char *)xmlTextReaderConstValue(r));
    if (is_start(r, "note") && !xmlTextReaderIsEmptyElement(r)) {
        w->where = ODT_NOTE;
        return true;
    }
    if (w->where != ODT_TEXT)
        return odt_note_node(w, r);
    if ((is_start(r, "p") || is_start(r, "h")) && !xmlTextReaderIsEmptyElement(r))
        w->in_para++;
    else if (is_end(r, "p") || is_end(r, "h")) {
        w->in_para--;
        return end_paragraph(w->bd);
    } else if (is_start(r, "s")) {
        int n = attr_int(r, "c", 1);
        for (int i = 0; i < (n > 0 && n < 64 ? n : 1); i++)
            if (!odt_text(w, " "))
                return false;
    } else if (is_start(r, "tab"))
        return odt_text(w, " ");
    else if (is_start(r, "line-break"))
        return odt_text(w, "\n");
    else
        return odt_table_node(w, r);
    return true;
}

static vnr_status parse_odt(const char *data, size_t len, body *bd, vnr_error **error)
{
    odt_walk w = { .bd = bd, .repeat = 1 };
    vnr_status st = walk_body(data, len, "content.xml", on_odt_node, &w, bd, error);
    buf_free(&w.cite);
    buf_free(&w.note);
    return st;
}

/* ---------------------------------------------------------------- */
/* The document                                                      */
/* ---------------------------------------------------------------- */

typedef struct docx_parts {
    char *document, *numbering, *footnotes, *styles;
    size_t document_len, numbering_len, footnotes_len, styles_len;
    bool odt;             /* `document` is an ODT's content.xml */
} docx_parts;

static vnr_status read_parts(zip_t *za, docx_parts *p, vnr_error **error)
{
    vnr_status st = read_part(za, "word/document.xml", &p->document, &p->document_len, error);
    if (st == VNR_OK && !p->document) {
        st = read_part(za, "content.xml", &p->document, &p->document_len, error);
        p->odt = p->document != NULL;
        if (st == VNR_OK && !p->document)
            st = error_set(error, VNR_E_UNSUPPORTED_FORMAT, 0, VNR_NO_POSITION,
                           "a ZIP archive that is not a DOCX or ODT document "
                           "(no word/document.xml, no content.xml)");
        return st;
    }
    if (st == VNR_OK)
        st = read_part(za, "word/numbering.xml", &p->numbering, &p->numbering_len, error);
    if (st == VNR_OK)
        st = read_part(za, "word/footnotes.xml", &p->footnotes, &p->footnotes_len, error);
    if (st == VNR_OK)
        st = read_part(za, "word/styles.xml", &p->styles, &p->styles_len, error);
    return st;
}

static void docx_free(docx_parts *p, numbering *nb, footnotes *fn, body *bd)
{
    free(p->document);
    free(p->numbering);
    free(p->footnotes);
    free(p->styles);
    free(bd->sy->v);
    free(nb->abs);
    free(nb->nums);
    for (size_t i = 0; i < fn->n; i++)
        free(fn->v[i].text);
    free(fn->v);
    buf_free(&bd->para);
    buf_free(&bd->row);
    buf_free(&bd->notes);
    buf_free(&bd->out);
}

static vnr_status read_docx(zip_t *za, decoded *out, vnr_error **error)
{
    docx_parts p = { 0 };
    numbering nb = { 0 };
    footnotes fn = { 0 };
    styles sy = { 0 };
    body bd = { .nb = &nb, .fn = &fn, .sy = &sy, .num_id = -1, .ilvl = -1 };
    vnr_status st = read_parts(za, &p, error);
    if (st == VNR_OK && p.styles)
        st = parse_styles(p.styles, p.styles_len, &sy, error);
    if (st == VNR_OK && p.numbering)
        st = parse_numbering(p.numbering, p.numbering_len, &nb, error);
    if (st == VNR_OK && p.footnotes)
        st = parse_footnotes(p.footnotes, p.footnotes_len, &fn, error);
    if (st == VNR_OK)
        st = p.odt ? parse_odt(p.document, p.document_len, &bd, error)
                   : parse_body(p.document, p.document_len, &bd, error);
    if (st == VNR_OK && !flush_notes(&bd))
        st = error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    if (st == VNR_OK) {
        while (bd.out.len && bd.out.data[bd.out.len - 1] == '\n')
            bd.out.len--;
        if (bd.out.len == 0)
            st = error_set(error, VNR_E_EMPTY, 0, VNR_NO_POSITION, "%s document with no text",
                           p.odt ? "ODT" : "DOCX");
    }
    if (st == VNR_OK) {
        out->format = p.odt ? FORMAT_ODT : FORMAT_DOCX;
        out->len = bd.out.len;
        out->owned = buf_steal(&bd.out);
        out->text = out->owned;
    }
    docx_free(&p, &nb, &fn, &bd);
    return st;
}

vnr_status decode_zipped(const char *bytes, size_t n, decoded *out, vnr_error **error)
{
    zip_t *za = NULL;
    vnr_status st = open_archive(bytes, n, &za, error);
    if (st == VNR_OK)
        st = read_docx(za, out, error);
    if (za)
        zip_discard(za);
    return st;
}

#endif
