/*
 * decode-pdf.c — stage 1, PDF reader: a PDF's text layer → report text
 * (see decode-formats.h).
 *
 * Owns: reading pages through poppler-glib; rebuilding physical rows from
 * glyph boxes, so table cells stay aligned columns as in `pdftotext
 * -layout` and raised footnote markers become superscript digits; page
 * furniture (page numbers, running heads and feet, the `Số:` header block
 * repeated on every page); rejoining rows into paragraphs, also across
 * pages, with words hyphenated at a row end joined; footnote bodies kept
 * apart, after the paragraph they interrupt; the page of every byte of
 * text. A scan (no text layer), an encrypted or damaged file and a file
 * over the limits are statuses, never crashes.
 */
#include "decode-formats.h"
#include "buf.h"
#include "error.h"
#include "utf8.h"

#ifndef VNR_HAVE_PDF

vnr_status decode_pdf(const char *bytes, size_t n, decoded *out, vnr_error **error)
{
    (void)bytes, (void)n, (void)out;
    return error_set(error, VNR_E_UNSUPPORTED_FORMAT, 0, VNR_NO_POSITION,
                     "a PDF file, but this libvnreport was built without PDF support "
                     "(poppler-glib): rebuild with -Dpdf=enabled or convert it to text "
                     "first (pdftotext -layout)");
}

#else

#include <poppler.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct glyph {
    double x0, y0, x1, y1;
    gunichar cp;
} glyph;

/* Text between two newlines of poppler's text: one run of glyphs. */
typedef struct pline {
    size_t g0, g1;          /* glyphs [g0, g1) */
    double x0, y0, x1, y1;  /* box of the non-space glyphs */
} pline;

typedef struct row {
    char *text;             /* UTF-8, NUL-terminated, owned */
    size_t len;
    double x0, x1, y0, y1, height;
    double first_word;      /* width of the row's first word */
    bool table;             /* cells apart by column gaps */
    bool furniture;
    bool small;             /* smaller type than the page body */
} row;

typedef struct page {
    row *rows;
    size_t n, cap;
    double width, height;
    double char_w, body_h, left, right;
} page;

typedef struct pdf_reader {
    page *pages;
    size_t n_pages;
    size_t text_bytes;      /* total row text, bounded by DOC_MAX_TEXT */
    size_t glyphs;          /* non-space glyphs of the whole file */
    bool images;            /* some page shows an image */
    bool too_big;           /* a page over DOC_MAX_PAGE_TEXT */
} pdf_reader;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* A glyph that draws nothing between words: a space, tab, no-break space
 * or a carriage return poppler leaves in a line. */
static bool is_blank_glyph(gunichar c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == '\r';
}

/* Glyphs of a page from poppler's text and its box per character; NULL
 * with *too_big set for a page of more text than any report page has (a
 * form drawn over and over: a PDF bomb). */
static glyph *page_glyphs(PopplerPage *pp, size_t *n_out, bool *too_big)
{
    *n_out = 0;
    char *text = poppler_page_get_text(pp);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (text && strlen(text) > DOC_MAX_PAGE_TEXT) {
        g_free(text);
        *too_big = true;
        return NULL;
    }
    if (!text || !poppler_page_get_text_layout(pp, &rects, &n_rects)) {
        /* no text on the page (a scanned page, a blank one) */
        g_free(text);
        g_free(rects);
        text = NULL;
        rects = NULL;
        n_rects = 0;
    }
    glyph *g = malloc((n_rects + 1) * sizeof *g);
    size_t n = 0;
    for (const char *p = text ? text : ""; g && *p && n < n_rects; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        PopplerRectangle *r = &rects[n];
        g[n++] = (glyph){ fmin(r->x1, r->x2), fmin(r->y1, r->y2), fmax(r->x1, r->x2),
                          fmax(r->y1, r->y2), c };
    }
    g_free(text);
    g_free(rects);
    *n_out = n;
    return g;
}

/* Cut the glyphs at newlines into lines with the box of their ink. */
static pline *split_lines(const glyph *g, size_t n, size_t *n_out)
{
    pline *l = malloc((n + 1) * sizeof *l);
    size_t k = 0;
    for (size_t i = 0; l && i < n;) {
        size_t e = i;
        while (e < n && g[e].cp != '\n')
            e++;
        pline pl = { i, e, INFINITY, INFINITY, -INFINITY, -INFINITY };
        for (size_t j = i; j < e; j++) {
            if (is_blank_glyph(g[j].cp))
                continue;
            pl.x0 = fmin(pl.x0, g[j].x0);
            pl.y0 = fmin(pl.y0, g[j].y0);
            pl.x1 = fmax(pl.x1, g[j].x1);
            pl.y1 = fmax(pl.y1, g[j].y1);
        }
        if (pl.x0 < INFINITY)
            l[k++] = pl;
        i = e + 1;
    }
    *n_out = k;
    return l;
}

static int cmp_line_y(const void *a, const void *b)
{
    const pline *x = a, *y = b;
    double cx = x->y0 + x->y1, cy = y->y0 + y->y1;
    if (cx != cy)
        return (cx > cy) - (cx < cy);
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int cmp_line_x(const void *a, const void *b)
{
    const pline *x = a, *y = b;
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Median height and baseline of the non-space glyphs of lines [a, b). */
static void row_metrics(const glyph *g, const pline *l, size_t a, size_t b, double *height,
                        double *base)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += l[i].g1 - l[i].g0;
    double *h = malloc((n + 1) * sizeof *h), *y = malloc((n + 1) * sizeof *y);
    size_t k = 0;
    for (size_t i = a; h && y && i < b; i++)
        for (size_t j = l[i].g0; j < l[i].g1; j++)
            if (!is_blank_glyph(g[j].cp)) {
                h[k] = g[j].y1 - g[j].y0;
                y[k++] = g[j].y1;
            }
    *height = h && y ? median(h, k) : l[a].y1 - l[a].y0;
    *base = h && y ? median(y, k) : l[a].y1;
    free(h);
    free(y);
}

/* Append spaces up to display column `col` (at least `min`). */
static bool pad_to(vnr_buf *b, size_t *cur_col, size_t col, size_t min)
{
    size_t k = col > *cur_col + min ? col - *cur_col : min;
    for (size_t i = 0; i < k; i++)
        if (!buf_append_char(b, ' '))
            return false;
    *cur_col += k;
    return true;
}

/* The text of the row made of lines [a, b) (sorted left to right): a gap
 * wider than two characters is a column gap, padded to the column the
 * glyph stands in; a small raised digit is a footnote marker. */
static bool row_text(const glyph *g, const pline *l, size_t a, size_t b, const page *pg,
                     row *r)
{
    double base;
    row_metrics(g, l, a, b, &r->height, &base);
    vnr_buf t = { 0 };
    size_t col = 0;
    bool any = false, space = false;
    double last_x1 = 0;
    for (size_t i = a; i < b; i++) {
        for (size_t j = l[i].g0; j < l[i].g1; j++) {
            const glyph *c = &g[j];
            if (is_blank_glyph(c->cp)) {
                space = any;
                continue;
            }
            double gap = c->x0 - last_x1;
            if (any && r->first_word == 0 && (space || gap > 0.2 * pg->char_w))
                r->first_word = last_x1 - r->x0;
            /* the column the glyph stands in; glyphs far off the page pad
             * no further than a wide table row */
            double column = floor((c->x0 - pg->left) / pg->char_w + 0.5);
            size_t at = (size_t)fmax(0, fmin(column, (double)col + 160));
            bool ok = true;
            if (any && gap > 2.0 * pg->char_w) {
                ok = pad_to(&t, &col, at, 2);
                r->table = true;
            } else if (any && (space || (j == l[i].g0 && gap > 0.2 * pg->char_w))) {
                ok = buf_append_char(&t, ' ');
                col++;
            }
            gunichar cp = c->cp;
            if (cp >= '0' && cp <= '9' && c->y1 - c->y0 < 0.8 * r->height &&
                c->y1 < base - 0.2 * r->height)
                cp = utf8_superscript_of((int)(cp - '0'));
            if (!ok || !buf_append_utf8(&t, cp)) {
                buf_free(&t);
                return false;
            }
            col++;
            any = true;
            space = false;
            last_x1 = c->x1;
        }
    }
    if (r->first_word == 0)
        r->first_word = last_x1 - r->x0;
    r->len = t.len;
    r->text = t.data ? buf_steal(&t) : NULL;
    return r->text != NULL;
}

/* Page-wide measures: character width, left and right text edges. */
static void page_measures(const glyph *g, size_t n, const pline *l, size_t nl, page *pg)
{
    double *w = malloc((n + 1) * sizeof *w);
    size_t k = 0;
    for (size_t i = 0; w && i < n; i++)
        if (!is_blank_glyph(g[i].cp) && g[i].cp != '\n' && g[i].x1 > g[i].x0)
            w[k++] = g[i].x1 - g[i].x0;
    pg->char_w = w && k ? median(w, k) : 5.0;
    if (pg->char_w < 1.0)
        pg->char_w = 1.0;
    free(w);
    pg->left = INFINITY;
    pg->right = -INFINITY;
    for (size_t i = 0; i < nl; i++) {
        pg->left = fmin(pg->left, l[i].x0);
        pg->right = fmax(pg->right, l[i].x1);
    }
}

/* Group lines into physical rows (lines whose vertical extents mostly
 * overlap), each row read left to right. */
static bool build_rows(const glyph *g, pline *l, size_t nl, page *pg, pdf_reader *rd)
{
    qsort(l, nl, sizeof *l, cmp_line_y);
    for (size_t a = 0; a < nl;) {
        size_t b = a + 1;
        double y0 = l[a].y0, y1 = l[a].y1;
        while (b < nl) {
            double h = fmin(y1 - y0, l[b].y1 - l[b].y0);
            if (fmin(y1, l[b].y1) - fmax(y0, l[b].y0) < 0.5 * h)
                break;
            y0 = fmin(y0, l[b].y0);
            y1 = fmax(y1, l[b].y1);
            b++;
        }
        qsort(l + a, b - a, sizeof *l, cmp_line_x);
        row r = { .x0 = INFINITY, .x1 = -INFINITY, .y0 = y0, .y1 = y1 };
        for (size_t i = a; i < b; i++) {
            r.x0 = fmin(r.x0, l[i].x0);
            r.x1 = fmax(r.x1, l[i].x1);
        }
        if (!row_text(g, l, a, b, pg, &r) || !VEC_PUSH(pg->rows, pg->n, pg->cap, r)) {
            free(r.text);
            return false;
        }
        rd->text_bytes += r.len + 2;
        a = b;
    }
    return true;
}

static void page_body_height(page *pg)
{
    double *h = malloc((pg->n + 1) * sizeof *h);
    for (size_t i = 0; h && i < pg->n; i++)
        h[i] = pg->rows[i].height;
    pg->body_h = h ? median(h, pg->n) : 10.0;
    free(h);
    /* the text edges are those of the body type: a running head in small
     * type may stand wider */
    double left = INFINITY, right = -INFINITY;
    for (size_t i = 0; i < pg->n; i++) {
        row *r = &pg->rows[i];
        r->small = r->height < 0.85 * pg->body_h;
        if (!r->small && !r->table) {
            left = fmin(left, r->x0);
            right = fmax(right, r->x1);
        }
    }
    if (left < INFINITY) {
        pg->left = left;
        pg->right = right;
    }
}

/* Read one page into rows. False when out of memory or, with
 * rd->too_big, over the page text limit. */
static bool read_page(PopplerPage *pp, page *pg, pdf_reader *rd)
{
    poppler_page_get_size(pp, &pg->width, &pg->height);
    size_t n = 0, nl = 0;
    glyph *g = page_glyphs(pp, &n, &rd->too_big);
    pline *l = g ? split_lines(g, n, &nl) : NULL;
    bool ok = g && l;
    if (ok) {
        page_measures(g, n, l, nl, pg);
        ok = build_rows(g, l, nl, pg, rd);
        for (size_t i = 0; i < nl; i++)
            rd->glyphs += l[i].g1 - l[i].g0;
    }
    free(g);
    free(l);
    if (ok && nl == 0) {
        GList *images = poppler_page_get_image_mapping(pp);
        rd->images |= images != NULL;
        poppler_page_free_image_mapping(images);
    }
    if (ok)
        page_body_height(pg);
    return ok;
}

/* ---------------------------------------------------------------- */
/* Page furniture                                                    */
/* ---------------------------------------------------------------- */

enum { TOP_ROWS = 8, BOTTOM_ROWS = 3 };

typedef struct furniture_key {
    char *key;        /* row text, digit runs as '#', spaces dropped */
    size_t page, row;
} furniture_key;

static char *furniture_key_of(const row *r)
{
    char *k = malloc(r->len + 1);
    size_t n = 0;
    for (size_t i = 0; k && i < r->len; i++) {
        char c = r->text[i];
        if (c == ' ')
            continue;
        if (utf8_is_digit(c)) {
            if (n == 0 || k[n - 1] != '#')
                k[n++] = '#';
            continue;
        }
        k[n++] = c;
    }
    if (k)
        k[n] = '\0';
    return k;
}

/* A page number: `3`, `- 3 -`, `Trang 3`, `3/12`, `Page 3 of 12`. */
static bool is_page_number(const char *key)
{
    static const char *const forms[] = { "#", "-#-", "–#–", "Trang#", "trang#", "#/#",
                                         "Trang#/#", "Page#", "Page#of#", "[#]" };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (strcmp(key, forms[i]) == 0)
            return true;
    return false;
}

static bool in_margin_zone(const page *pg, size_t i)
{
    return i < TOP_ROWS || i + BOTTOM_ROWS >= pg->n;
}

static int cmp_key(const void *a, const void *b)
{
    const furniture_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* Mark rows of keys [a, b) (one key, sorted by page) as furniture when they
 * repeat on two pages or more. Page 1 keeps its copy of the header block
 * (metadata reads it) but not running heads or feet in smaller type. */
static void mark_repeats(pdf_reader *rd, furniture_key *k, size_t a, size_t b)
{
    size_t pages = 0;
    for (size_t i = a; i < b; i++)
        pages += i == a || k[i].page != k[i - 1].page;
    if (pages < 2 || strlen(k[a].key) < 3)
        return;
    for (size_t i = a; i < b; i++) {
        row *r = &rd->pages[k[i].page].rows[k[i].row];
        if (k[i].page > 0 || r->small)
            r->furniture = true;
    }
}

static bool mark_furniture(pdf_reader *rd)
{
    furniture_key *keys = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (size_t p = 0; ok && p < rd->n_pages; p++) {
        page *pg = &rd->pages[p];
        for (size_t i = 0; ok && i < pg->n; i++) {
            if (!in_margin_zone(pg, i))
                continue;
            furniture_key fk = { furniture_key_of(&pg->rows[i]), p, i };
            ok = fk.key && VEC_PUSH(keys, n, cap, fk);
            if (!ok)
                free(fk.key);
            else if ((i < 2 || i + 2 >= pg->n) && is_page_number(fk.key))
                pg->rows[i].furniture = true;
        }
    }
    if (ok) {
        qsort(keys, n, sizeof *keys, cmp_key);
        for (size_t a = 0; a < n;) {
            size_t b = a + 1;
            while (b < n && strcmp(keys[a].key, keys[b].key) == 0)
                b++;
            mark_repeats(rd, keys, a, b);
            a = b;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(keys[i].key);
    free(keys);
    return ok;
}

/* ---------------------------------------------------------------- */
/* Paragraphs                                                        */
/* ---------------------------------------------------------------- */

typedef struct assembler {
    vnr_buf out;
    page_run *runs;
    size_t n_runs, cap_runs;
    uint32_t *page_lines;     /* newlines emitted so far per page */
    uint32_t cur_page;        /* page of the text being written (1-based) */
    bool open;                /* a paragraph is being written */
    const row *last;          /* last row of the open paragraph */
    const page *last_page;
    vnr_buf notes;            /* footnote bodies waiting for the paragraph's end */
    uint32_t notes_page;
} assembler;

/* From here on the text comes from page `p` (1-based). */
static bool switch_page(assembler *as, uint32_t p)
{
    if (as->n_runs && as->cur_page == p)
        return true;
    as->cur_page = p;
    page_run r = { as->out.len, p, as->page_lines[p - 1] + 1 };
    if (as->n_runs && as->runs[as->n_runs - 1].start == as->out.len)
        as->runs[--as->n_runs] = r, as->n_runs++;
    else if (!VEC_PUSH(as->runs, as->n_runs, as->cap_runs, r))
        return false;
    return true;
}

static bool emit(assembler *as, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        as->page_lines[as->cur_page - 1] += s[i] == '\n';
    return buf_append(&as->out, s, n);
}

/* Close the open paragraph, then write the footnote bodies it kept back. */
static bool close_paragraph(assembler *as)
{
    if (as->open && !emit(as, "\n\n", 2))
        return false;
    as->open = false;
    as->last = NULL;
    if (as->notes.len) {
        if (!switch_page(as, as->notes_page) || !emit(as, as->notes.data, as->notes.len))
            return false;
        as->notes.len = 0;
    }
    return true;
}

static bool ends_sentence(const row *r)
{
    char c = r->len ? r->text[r->len - 1] : '.';
    return c == '.' || c == ':' || c == '!' || c == '?';
}

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A list or heading marker at the start of a row: `- `, `+ `, `• `,
 * `1.` `1)` `(1)` `IV.` `a)`. */
static bool starts_marker(const char *s)
{
    if ((s[0] == '-' || s[0] == '+') && s[1] == ' ')
        return true;
    if (strncmp(s, "• ", strlen("• ")) == 0)
        return true;
    size_t i = s[0] == '(';
    size_t d = i;
    while (utf8_is_digit(s[d]))
        d++;
    if (d > i)
        return s[d] == '.' || s[d] == ')';
    while (s[d] == 'I' || s[d] == 'V' || s[d] == 'X' || s[d] == 'L')
        d++;
    if (d > i)
        return s[d] == '.';
    return s[0] >= 'a' && s[0] <= 'z' && s[1] == ')';
}

/* Does row `r` of page `pg` go on with the paragraph whose last row is
 * `prev` (of page `pp`)? Not when this one is indented, in other type, a
 * table row or after a wider gap. Else it does when its first word would
 * not have fitted at the end of the previous one (the line was broken
 * there, not ended), and also when the previous row ends in no sentence
 * punctuation, spans most of the text width and this one starts no list
 * item (a longer row elsewhere, a hyphenated word, may set the edge). */
static bool continues(const row *prev, const page *pp, const row *r, const page *pg,
                      bool same_page)
{
    if (!prev || prev->table || r->table || prev->small != r->small)
        return false;
    if (r->x0 > pg->left + 1.5 * pg->char_w)
        return false;
    bool word_fits = prev->x1 + pp->char_w + r->first_word < pp->right - 0.5 * pp->char_w;
    bool long_row = prev->x1 - pp->left > 0.75 * (pp->right - pp->left);
    char last = prev->text[prev->len - 1];
    bool sentence_end = last == '.' || last == ':' || last == ';' || last == '!' || last == '?';
    if (word_fits && (sentence_end || !long_row || starts_marker(r->text)))
        return false;
    if (same_page && r->y0 - prev->y1 > 0.6 * pg->body_h)
        return false;
    if (!same_page && ends_sentence(prev) && !(r->text[0] >= 'a' && r->text[0] <= 'z'))
        return false;
    return fabs(r->height - prev->height) < 0.2 * prev->height;
}

/* Join `r` to the open paragraph: a word hyphenated at the row end is
 * joined without its hyphen (Latin letters on both sides only: in
 * Vietnamese a hyphen at a row end is more often part of `kinh tế-xã
 * hội`). */
static bool join_row(assembler *as, const row *r)
{
    vnr_buf *b = &as->out;
    bool hyphen = b->len >= 2 && b->data[b->len - 1] == '-' && is_ascii_letter(b->data[b->len - 2]) &&
                  r->text[0] >= 'a' && r->text[0] <= 'z';
    bool soft = b->len >= 2 && memcmp(b->data + b->len - 2, "\xC2\xAD", 2) == 0;
    if (hyphen || soft)
        b->len -= hyphen ? 1 : 2;
    else if (!emit(as, " ", 1))
        return false;
    return emit(as, r->text, r->len);
}

/* A footnote body: smaller type, in the lower part of the page, starting
 * with its number. */
static bool is_footnote_row(const row *r, const page *pg)
{
    if (!r->small || r->y0 < 0.5 * pg->height)
        return false;
    gunichar c = g_utf8_get_char(r->text);
    return (c >= '0' && c <= '9') || utf8_superscript_digit(c) >= 0;   /* a digit, ¹ ² ³ ⁰ ⁴…⁹ */
}

static bool add_footnote_row(assembler *as, const row *r, bool starts, uint32_t p)
{
    vnr_buf *n = &as->notes;
    if (starts && n->len && !buf_append(n, "\n\n", 2))
        return false;
    if (!starts && n->len && !buf_append_char(n, ' '))
        return false;
    as->notes_page = p;
    return buf_append(n, r->text, r->len);
}

static bool add_row(assembler *as, const row *r, const page *pg, uint32_t p)
{
    bool same_page = as->last_page == pg;
    if (as->open && continues(as->last, as->last_page, r, pg, same_page)) {
        if (!switch_page(as, p) || !join_row(as, r))
            return false;
    } else {
        bool table_run = as->last && as->last->table && r->table && same_page;
        if (table_run) {
            if (!emit(as, "\n", 1))
                return false;
            as->open = false;
        } else if (!close_paragraph(as)) {
            return false;
        }
        if (!switch_page(as, p) || !emit(as, r->text, r->len))
            return false;
    }
    as->open = true;
    as->last = r;
    as->last_page = pg;
    return true;
}

/* Where the two cells of a header row part: the start of the first run of
 * two spaces or more, when there is exactly one such run; else 0. */
static size_t two_cell_gap(const row *r)
{
    const char *gap = r->table ? strstr(r->text, "  ") : NULL;
    if (!gap || gap == r->text)
        return 0;
    const char *right = gap;
    while (*right == ' ')
        right++;
    return *right && !strstr(right, "  ") ? (size_t)(gap - r->text) : 0;
}

/* The header block of an official report is printed in two columns (the
 * issuing body and the document number on the left, the national motto
 * and the place and date on the right): leading rows of two cells are
 * written as the left column, then the right one, as the text form of a
 * report has them. Returns the index of the first row after the block. */
static size_t split_header_block(assembler *as, const page *pg, bool *ok)
{
    size_t k = 0;
    while (k < pg->n && (pg->rows[k].furniture || two_cell_gap(&pg->rows[k])))
        k++;
    if (k < 2)
        return 0;
    for (int side = 0; side < 2 && *ok; side++) {
        for (size_t i = 0; i < k && *ok; i++) {
            const row *r = &pg->rows[i];
            size_t gap = r->furniture ? 0 : two_cell_gap(r);
            if (!gap)
                continue;
            const char *s = side ? r->text + gap + strspn(r->text + gap, " ") : r->text;
            size_t n = side ? strlen(s) : gap;
            *ok = close_paragraph(as) && emit(as, s, n);
            as->open = *ok;
        }
    }
    return k;
}

static bool assemble_page(assembler *as, const page *pg, uint32_t p)
{
    bool in_note = false, ok = switch_page(as, p);
    size_t first = ok && p == 1 ? split_header_block(as, pg, &ok) : 0;
    if (!ok)
        return false;
    for (size_t i = first; i < pg->n; i++) {
        const row *r = &pg->rows[i];
        if (r->furniture || !r->len)
            continue;
        bool note_start = is_footnote_row(r, pg);
        if (note_start || (in_note && r->small)) {
            if (!add_footnote_row(as, r, note_start, p))
                return false;
            in_note = true;
            continue;
        }
        in_note = false;
        if (!add_row(as, r, pg, p))
            return false;
    }
    /* the notes of this page wait for the end of a paragraph that goes on
     * over the page; anything else closes here */
    if (as->notes.len && as->notes.data[as->notes.len - 1] != '\n' &&
        !buf_append(&as->notes, "\n\n", 2))
        return false;
    return true;
}

static vnr_status assemble(pdf_reader *rd, decoded *out, vnr_error **error)
{
    assembler as = { .page_lines = calloc(rd->n_pages + 1, sizeof(uint32_t)) };
    bool ok = as.page_lines != NULL && buf_reserve(&as.out, rd->text_bytes + 16);
    for (size_t p = 0; ok && p < rd->n_pages; p++)
        ok = assemble_page(&as, &rd->pages[p], (uint32_t)(p + 1));
    ok = ok && close_paragraph(&as);
    free(as.page_lines);
    buf_free(&as.notes);
    if (!ok) {
        buf_free(&as.out);
        free(as.runs);
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory reading the PDF");
    }
    while (as.out.len && as.out.data[as.out.len - 1] == '\n')
        as.out.len--;
    /* pages that ended up giving no text leave no run */
    while (as.n_runs && as.runs[as.n_runs - 1].start >= as.out.len)
        as.n_runs--;
    if (as.out.len == 0) {
        buf_free(&as.out);
        free(as.runs);
        return error_set(error, VNR_E_EMPTY, 0, VNR_NO_POSITION,
                         "PDF with no text but page furniture");
    }
    out->len = as.out.len;
    out->owned = as.out.len ? buf_steal(&as.out) : NULL;
    buf_free(&as.out);
    out->text = out->owned;
    out->pages = as.runs;
    out->n_pages = as.n_runs;
    return VNR_OK;
}

/* ---------------------------------------------------------------- */
/* The document                                                      */
/* ---------------------------------------------------------------- */

static vnr_status open_error(GError *gerr, vnr_error **error)
{
    bool encrypted = gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED;
    vnr_status st = error_set(error, VNR_E_BAD_DOCUMENT, 0, VNR_NO_POSITION,
                              encrypted ? "encrypted PDF: it needs a password (remove it first, "
                                          "e.g. qpdf --decrypt --password=… in.pdf out.pdf)"
                                        : "damaged PDF: %s",
                              gerr ? gerr->message : "poppler cannot open it");
    if (gerr)
        g_error_free(gerr);
    return st;
}

static void reader_free(pdf_reader *rd)
{
    for (size_t p = 0; p < rd->n_pages; p++) {
        for (size_t i = 0; i < rd->pages[p].n; i++)
            free(rd->pages[p].rows[i].text);
        free(rd->pages[p].rows);
    }
    free(rd->pages);
}

static vnr_status read_pages(PopplerDocument *doc, pdf_reader *rd, vnr_error **error)
{
    int n = poppler_document_get_n_pages(doc);
    if (n > DOC_MAX_PAGES)
        return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                         "PDF of %d pages exceeds the %d-page limit", n, DOC_MAX_PAGES);
    rd->pages = calloc((size_t)(n > 0 ? n : 1), sizeof *rd->pages);
    if (!rd->pages)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    for (int i = 0; i < n; i++) {
        PopplerPage *pp = poppler_document_get_page(doc, i);
        rd->n_pages = (size_t)i + 1;
        bool ok = !pp || read_page(pp, &rd->pages[i], rd);
        if (pp)
            g_object_unref(pp);
        if (rd->too_big)
            return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                             "page %d of the PDF holds more than %zu bytes of text", i + 1,
                             DOC_MAX_PAGE_TEXT);
        if (!ok)
            return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
        if (rd->text_bytes > DOC_MAX_TEXT)
            return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION,
                             "PDF text exceeds the %zu-byte limit", DOC_MAX_TEXT);
    }
    return VNR_OK;
}

vnr_status decode_pdf(const char *bytes, size_t n, decoded *out, vnr_error **error)
{
    if (n > (size_t)G_MAXINT)
        return error_set(error, VNR_E_TOO_LARGE, 0, VNR_NO_POSITION, "PDF too large");
    GError *gerr = NULL;
    GBytes *gb = g_bytes_new_static(bytes, n);
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &gerr);
    g_bytes_unref(gb);
    if (!doc)
        return open_error(gerr, error);
    pdf_reader rd = { 0 };
    vnr_status st = read_pages(doc, &rd, error);
    g_object_unref(doc);
    if (st == VNR_OK && rd.glyphs == 0)
        st = error_set(error, VNR_E_NO_TEXT_LAYER, 0, VNR_NO_POSITION,
                       "PDF with no text layer (%s): run OCR first, e.g. "
                       "ocrmypdf -l vie in.pdf out.pdf (tesseract with tesseract-ocr-vie)",
                       rd.images ? "a scan" : "no text on any page");
    if (st == VNR_OK && !mark_furniture(&rd))
        st = error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    if (st == VNR_OK)
        st = assemble(&rd, out, error);
    reader_free(&rd);
    return st;
}

#endif
