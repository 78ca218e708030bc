/*
 * table.c — stage 3 (segment): tables in normalized text (see table.h).
 *
 * Lines are classified once (pipe row, rule row, lone pipe, gapped row with
 * its cells, blank, other), then each form is assembled from runs of its
 * lines. Gapped rows come from the decoded text: a normalized space whose
 * decoded counterpart is a tab, or two spaces or more, separates cells.
 * Flattened tables (one cell per line) are rebuilt into rows from the
 * shape of their cells: a label followed by as many numbers as the table
 * has value columns, an optional numbering cell before it and an optional
 * note after.
 */
#include "table.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

enum {
    MAX_CELLS = 64,          /* columns of a table */
    MAX_ROWS = 4096,         /* rows of one table; more start the next table */
    FLAT_LINE_MAX = 160,     /* longest line that is one cell of a flattened table */
    SPACED_LABEL_MAX = 80,   /* longest label line between gapped rows */
    GAPPED_LINE_MAX = 4096   /* longer lines are prose, never table rows */
};

_Static_assert(FLAT_LINE_MAX < 256, "line_info.spaced_label holds an offset into a flat line");

typedef enum line_kind { LK_BLANK, LK_PIPE, LK_RULE, LK_LONE_PIPE, LK_GAPPED, LK_TEXT } line_kind;

typedef struct gap_cell {
    uint32_t start, end;     /* normalized */
    uint32_t col0, col1;     /* display columns in the decoded line */
    uint32_t tab_col;        /* in a tab row: tabs before it (empty cells count) */
} gap_cell;

typedef struct line_info {
    uint32_t start, end;     /* normalized, trimmed */
    uint8_t kind;            /* line_kind */
    bool tabbed;             /* gapped by tabs (else by runs of spaces) */
    uint16_t lead_tabs;      /* empty leading cells of a tab row */
    uint32_t first_gap, n_gap; /* into finder.gcells */
    uint8_t spaced_label;      /* a text line that is a spaced row: where its label ends (spaced_row_label_end), else 0 */
} line_info;

typedef struct finder {
    const char *text;
    size_t len;
    const layout_source *src;
    norm_cursor cur;
    line_info *lines;
    size_t n_lines, cap_lines;
    gap_cell *gcells;
    size_t n_gcells, cap_gcells;
    table_set *out;
} finder;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void trim(const char *s, uint32_t *a, uint32_t *b)
{
    while (*a < *b && is_blank(s[*a]))
        (*a)++;
    while (*b > *a && is_blank(s[*b - 1]))
        (*b)--;
}

/* A leading qualifier or sign before the number of a cell: < > ≤ ≥ ~ ± + - − */
static size_t number_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        if (i < n && (s[i] == '<' || s[i] == '>' || s[i] == '~' || s[i] == '+' || s[i] == '-' ||
                      s[i] == ' ' || s[i] == '='))
            i++;
        else if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
                 (((unsigned char)s[i + 1] == 0x89 && ((unsigned char)s[i + 2] == 0xA4 ||
                                                        (unsigned char)s[i + 2] == 0xA5)) ||
                  ((unsigned char)s[i + 1] == 0x88 && (unsigned char)s[i + 2] == 0x92)))
            i += 3;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB1)
            i += 2;
        else
            return i;
    }
}

bool table_has_word(const char *s, size_t n)
{
    size_t run = 0;
    for (size_t k = 0; k < n && run < 2; k++)
        run = (unsigned char)s[k] >= 0x80 || ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') ? run + 1 : 0;
    return run >= 2;
}

bool table_numeric_cell(const char *s, size_t n)
{
    while (n && is_blank(s[n - 1]))
        n--;
    if (n == 0 || n > 48)
        return false;
    if (s[0] == '(' && s[n - 1] == ')') {
        for (size_t i = 1; i + 1 < n; i++)
            if (utf8_is_digit(s[i]))
                return n <= 32;
        return false;
    }
    size_t i = number_prefix(s, n);
    if (i >= n || !utf8_is_digit(s[i]))
        return false;
    /* after the number: at most a short unit, no second sentence */
    size_t words = 0;
    for (size_t k = i; k < n; k++) {
        if (s[k] == ' ')
            words++;
        if (s[k] == ';' || (s[k] == '.' && k + 1 < n && s[k + 1] == ' '))
            return false;
    }
    return words <= 3;
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

static bool is_rule_row(const char *s, size_t n)
{
    bool dash = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-')
            dash = true;
        else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '+')
            return false;
    }
    return dash && s[0] == '|';
}

static bool only_pipes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '|' && s[i] != ' ')
            return false;
    return n > 0;
}

/* Display column of decoded position d, counted on from (*at, *col): the
 * cells of a line are measured left to right, each once. */
static uint32_t display_col(const char *dec, size_t *at, uint32_t *col, size_t d)
{
    for (; *at < d; (*at)++)
        if (!utf8_is_cont((unsigned char)dec[*at]))
            *col += dec[*at] == '\t' ? 8 - *col % 8 : 1;
    return *col;
}

/* Does s[0..n) hold two spaces in a row? Eight pairs at a time: the bytes
 * of a word that are spaces, and of the word one byte on. */
static bool has_double_space(const char *s, size_t n)
{
    size_t k = 0;
    for (uint64_t x, y; k + 9 <= n; k += 8) {
        memcpy(&x, s + k, sizeof x);
        memcpy(&y, s + k + 1, sizeof y);
        if (utf8_bytes_equal(x, ' ') & utf8_bytes_equal(y, ' '))
            return true;
    }
    for (; k + 1 < n; k++)
        if (s[k] == ' ' && s[k + 1] == ' ')
            return true;
    return false;
}

/* Cells of a line separated by tabs or runs of spaces in the decoded text. */
static bool gap_cells(finder *f, line_info *li)
{
    const normalized *nt = f->src->norm;
    const char *dec = f->src->decoded;
    size_t ds = normalized_to_decoded_near(nt, li->start, &f->cur);
    size_t de = normalized_end_to_decoded_near(nt, li->end, &f->cur);
    if (de > f->src->decoded_len || ds >= de)
        return true;
    size_t dl = ds;
    while (dl > 0 && dec[dl - 1] != '\n')
        dl--;
    bool tab = memchr(dec + ds, '\t', de - ds) != NULL;
    bool wide = has_double_space(dec + ds, de - ds);
    if (!tab && !wide)
        return true;
    for (size_t k = dl; k < ds && dec[k] == '\t'; k++)
        li->lead_tabs++;
    size_t at = dl;
    uint32_t col = 0;
    display_col(dec, &at, &col, ds);   /* start counting at the text */
    li->first_gap = (uint32_t)f->n_gcells;
    uint32_t cell_start = li->start, tabs = li->lead_tabs;
    for (uint32_t p = li->start; p <= li->end; p++) {
        bool split = p == li->end;
        size_t sp = 0, tb = 0;
        if (!split && f->text[p] == ' ') {
            size_t d0 = normalized_to_decoded_near(nt, p, &f->cur);
            size_t d1 = normalized_to_decoded_near(nt, p + 1, &f->cur);
            for (size_t k = d0; k < d1 && k < de; k++) {
                sp += dec[k] == ' ';
                tb += dec[k] == '\t';
            }
            split = tab ? tb > 0 : sp >= 2;
        }
        if (!split)
            continue;
        gap_cell g = { cell_start, p, 0, 0, tabs };
        tabs += (uint32_t)tb;   /* `a⇥⇥b`: b stands two columns on */
        trim(f->text, &g.start, &g.end);
        g.col0 = display_col(dec, &at, &col, normalized_to_decoded_near(nt, g.start, &f->cur));
        g.col1 = display_col(dec, &at, &col, normalized_end_to_decoded_near(nt, g.end, &f->cur));
        if (g.end > g.start && !VEC_PUSH(f->gcells, f->n_gcells, f->cap_gcells, g))
            return false;
        cell_start = p + 1;
    }
    li->n_gap = (uint32_t)(f->n_gcells - li->first_gap);
    if (li->n_gap >= 2) {
        li->kind = LK_GAPPED;
        li->tabbed = tab;
    } else {
        f->n_gcells = li->first_gap;
        li->n_gap = 0;
    }
    return true;
}

static size_t spaced_row_label_end(const char *s, size_t n);

static bool classify_lines(finder *f)
{
    size_t ls = 0;
    while (ls <= f->len) {
        const char *nl = memchr(f->text + ls, '\n', f->len - ls);
        size_t le = nl ? (size_t)(nl - f->text) : f->len;
        line_info li = { .start = (uint32_t)ls, .end = (uint32_t)le, .kind = LK_TEXT };
        trim(f->text, &li.start, &li.end);
        const char *s = f->text + li.start;
        size_t n = li.end - li.start;
        if (n == 0)
            li.kind = LK_BLANK;
        else if (only_pipes(s, n))
            li.kind = LK_LONE_PIPE;
        else if (is_rule_row(s, n))
            li.kind = LK_RULE;
        else if (s[0] == '|')
            li.kind = LK_PIPE;
        else if (f->src && f->src->norm && f->src->decoded && n <= GAPPED_LINE_MAX &&
                 memchr(s, ' ', n) && !gap_cells(f, &li))
            return false;
        if (li.kind == LK_TEXT && n <= FLAT_LINE_MAX)
            li.spaced_label = (uint8_t)spaced_row_label_end(s, n);
        if (!VEC_PUSH(f->lines, f->n_lines, f->cap_lines, li))
            return false;
        if (!nl)
            break;
        ls = le + 1;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Building tables                                                     */
/* ------------------------------------------------------------------ */

static bool begin_table(finder *f, table_form form, uint32_t start)
{
    table t = { .start = start, .first_cell = (uint32_t)f->out->n_cells,
                .first_row = (uint32_t)f->out->n_rows, .form = (uint8_t)form };
    return VEC_PUSH(f->out->tables, f->out->n_tables, f->out->cap_tables, t);
}

static bool push_cell(finder *f, uint32_t a, uint32_t b, uint16_t row, uint16_t col)
{
    trim(f->text, &a, &b);
    table_cell c = { a, b, row, col };
    return VEC_PUSH(f->out->cells, f->out->n_cells, f->out->cap_cells, c);
}

static bool push_row(finder *f, uint32_t stt_start, uint32_t stt_end)
{
    table_row_info r = { stt_start, stt_end };
    return VEC_PUSH(f->out->rows, f->out->n_rows, f->out->cap_rows, r);
}

/* Rows are pushed cell by cell in any order of columns; make the grid
 * row-major and complete (missing cells empty, at the row's end). */
static bool finish_table(finder *f, uint32_t end, uint16_t header_rows)
{
    table *t = &f->out->tables[f->out->n_tables - 1];
    table_cell *c = f->out->cells + t->first_cell;
    size_t n = f->out->n_cells - t->first_cell;
    uint16_t rows = 0, cols = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].row + 1 > rows)
            rows = (uint16_t)(c[i].row + 1);
        if (c[i].col + 1 > cols)
            cols = (uint16_t)(c[i].col + 1);
    }
    table_cell *grid = calloc((size_t)rows * cols + 1, sizeof *grid);
    if (!grid)
        return false;
    for (size_t i = 0; i < (size_t)rows * cols; i++)
        grid[i] = (table_cell){ end, end, (uint16_t)(i / cols), (uint16_t)(i % cols) };
    for (size_t i = 0; i < n; i++) {
        table_cell *g = &grid[(size_t)c[i].row * cols + c[i].col];
        if (g->start == end)
            *g = c[i];
        else if (c[i].end > g->end)
            g->end = c[i].end;   /* two pieces of one cell: join them */
    }
    f->out->n_cells = t->first_cell;
    for (size_t i = 0; i < (size_t)rows * cols; i++)
        if (!VEC_PUSH(f->out->cells, f->out->n_cells, f->out->cap_cells, grid[i])) {
            free(grid);
            return false;
        }
    free(grid);
    while (f->out->n_rows < t->first_row + rows)
        if (!push_row(f, 0, 0))
            return false;
    t = &f->out->tables[f->out->n_tables - 1];
    t->end = end;
    t->n_cells = (uint32_t)rows * cols;
    t->n_rows = rows;
    t->n_cols = cols;
    t->header_rows = header_rows;
    return true;
}

/* Does s[0..n) (a cell that starts with a number) name a period: a
 * period word (`tháng`, `quý`, `năm`) among its words? Most cells are
 * plain numbers, so those without a letter are answered before lowering. */
static bool names_period(const char *s, size_t n)
{
    char low[128];
    bool letter = false;
    for (size_t i = 0; i < n && !letter; i++)
        letter = (unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
    if (!letter || n >= sizeof low / 2)
        return false;
    table_lower(s, n, low, sizeof low);
    return table_layout_is(low, LW_PERIOD, false);
}

/* Four digits from 1900 to 2099 at s. */
static bool year_digits(const char *s)
{
    for (size_t i = 0; i < 4; i++)
        if (!utf8_is_digit(s[i]))
            return false;
    return (s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0');
}

/* A year alone (`2023`), a year over the one before (`2019/2018`, a
 * yearbook's index column) or a bracketed cell: a header's, not a value. */
static bool header_number(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '(' && s[n - 1] == ')')
        return true;
    if (names_period(s, n))
        return true;   /* `9 tháng năm 2024`, `6 tháng đầu năm` */
    if (n == 9 && s[4] == '/' && year_digits(s) && year_digits(s + 5))
        return true;
    return n == 4 && year_digits(s);
}

/* A data cell: after the first column, only a number, and not a year. */
static bool data_cell(const finder *f, const table_cell *c)
{
    const char *s = f->text + c->start;
    size_t n = c->end - c->start;
    return c->col > 0 && table_numeric_cell(s, n) && !header_number(s, n);
}

static void drop_table(finder *f)
{
    table *t = &f->out->tables[--f->out->n_tables];
    f->out->n_cells = t->first_cell;
    f->out->n_rows = t->first_row;
}

/* Row numbering: `1`, `1.`, `1.1`, `II`, `IV.`, `a)`, `B.`. */
static bool row_numbering(const char *s, size_t n)
{
    while (n && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    if (n == 0 || n > 8)
        return false;
    bool digits = true, roman = true;
    for (size_t i = 0; i < n; i++) {
        digits &= utf8_is_digit(s[i]) || (s[i] == '.' && i > 0);
        roman &= s[i] == 'I' || s[i] == 'V' || s[i] == 'X';
    }
    return digits || roman || (n == 1 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'));
}

/* A section row (`1 | Đàn trâu | | |`): numbered, with a label of words
 * and no data. Header rows have neither; a row of column codes (`A | B |
 * 1 | 2`) has no label of words. */
static bool numbered_label_row(const finder *f, uint16_t row)
{
    const table *t = &f->out->tables[f->out->n_tables - 1];
    bool numbered = false, label = false;
    for (size_t i = t->first_cell; i < f->out->n_cells; i++) {
        const table_cell *c = &f->out->cells[i];
        if (c->row != row || c->end == c->start)
            continue;
        if (c->col == 0)
            numbered = row_numbering(f->text + c->start, c->end - c->start);
        else if (c->end - c->start >= 4 && !utf8_is_digit(f->text[c->start]))
            label = true;
    }
    return numbered && label;
}

/* Leading rows without numbers are headers (when no rule row said): the
 * rows before the first row with a data cell or the first numbered
 * section row. */
static uint16_t count_header_rows(finder *f, uint16_t rows)
{
    uint16_t h = rows;
    for (size_t i = f->out->tables[f->out->n_tables - 1].first_cell; i < f->out->n_cells; i++)
        if (f->out->cells[i].row < h && data_cell(f, &f->out->cells[i]))
            h = f->out->cells[i].row;
    for (uint16_t r = 1; r < h; r++)
        if (numbered_label_row(f, r))
            return r;
    return h;
}

/* Rows right under the rule row that go on the header: the second header
 * row of a merged header, which DOCX and ODT tables (and some writers)
 * put after the rule (`| | | Ước tính | So với cùng kỳ (%) |`) — rows
 * with no number cell, an empty first cell and at least two cells of
 * text. A `| | Trong đó: | |` row has one and stays a body row. */
static uint16_t header_after_rule(finder *f, uint16_t header, uint16_t rows)
{
    const table *t = &f->out->tables[f->out->n_tables - 1];
    for (uint16_t r = header; r < rows; r++) {
        size_t texts = 0;
        for (size_t i = t->first_cell; i < f->out->n_cells; i++) {
            const table_cell *c = &f->out->cells[i];
            if (c->row != r || c->end == c->start)
                continue;
            if (c->col == 0 || data_cell(f, c))
                return r;
            texts++;
        }
        if (texts < 2)
            return r;
    }
    return header;   /* no body row left: the rule's header stands */
}

/* ------------------------------------------------------------------ */
/* Words of the layout                                                 */
/* ------------------------------------------------------------------ */

static const struct layout_word {
    uint8_t kind;
    const char *phrase;
} layout_words[] = {
#define LAYOUT_WORD(kind, phrase) { kind, phrase },
#include "table-headers.def"
};

const char *table_phrase_find(const char *lower, const char *phrase)
{
    size_t pn = strlen(phrase);
    for (const char *p = strstr(lower, phrase); p; p = strstr(p + 1, phrase)) {
        bool left = p == lower || !utf8_is_word_byte((unsigned char)p[-1]);
        bool right = !utf8_is_word_byte((unsigned char)p[pn]);
        if (left && right)
            return p;
    }
    return NULL;
}

bool table_phrase_in(const char *lower, const char *phrase)
{
    return table_phrase_find(lower, phrase) != NULL;
}

size_t table_lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = utf8_lower(s, n, out, cap);
    for (size_t i = 0; i < k; i++)
        if (out[i] == '\n' || out[i] == '\t')
            out[i] = ' ';
    return k;
}

bool table_layout_is(const char *lower, layout_kind kind, bool exact)
{
    size_t n = strlen(lower);
    while (n && strchr(":., ", lower[n - 1]))
        n--;
    for (size_t i = 0; i < sizeof layout_words / sizeof *layout_words; i++) {
        if (layout_words[i].kind != kind)
            continue;
        const char *w = layout_words[i].phrase;
        if (exact ? strlen(w) == n && !memcmp(lower, w, n) : table_phrase_in(lower, w))
            return true;
    }
    return false;
}

const char *table_layout_find(const char *lower, layout_kind kind)
{
    for (size_t i = 0; i < sizeof layout_words / sizeof *layout_words; i++) {
        const char *at = layout_words[i].kind == kind ? table_phrase_find(lower, layout_words[i].phrase) : NULL;
        if (at)
            return at;
    }
    return NULL;
}

size_t table_layout_prefix(const char *lower, layout_kind kind)
{
    for (size_t i = 0; i < sizeof layout_words / sizeof *layout_words; i++) {
        size_t wn = strlen(layout_words[i].phrase);
        if (layout_words[i].kind == kind && !strncmp(lower, layout_words[i].phrase, wn) &&
            !utf8_is_word_byte((unsigned char)lower[wn]))
            return wn;
    }
    return 0;
}

size_t table_unit_note_colon(const char *lower, size_t n)
{
    size_t k = table_layout_prefix(lower, LW_UNIT);
    while (k && k < n && lower[k] == ' ')
        k++;
    return k && k < n && lower[k] == ':' ? k : 0;
}

const char *table_layout_first(layout_kind kind)
{
    for (size_t i = 0; i < sizeof layout_words / sizeof *layout_words; i++)
        if (layout_words[i].kind == kind)
            return layout_words[i].phrase;
    return NULL;
}

/* Does the cell s[0..n) contain (whole) / equal (exact) a layout word of `kind`? */
static bool layout_is(const char *s, size_t n, layout_kind kind, bool exact)
{
    char low[256];
    table_lower(s, n, low, sizeof low);
    return table_layout_is(low, kind, exact);
}

/* ------------------------------------------------------------------ */
/* Pipe rows                                                           */
/* ------------------------------------------------------------------ */

static bool pipe_cells(finder *f, uint32_t a, uint32_t b, uint16_t row)
{
    const char *s = f->text;
    if (a < b && s[a] == '|')
        a++;
    if (b > a && s[b - 1] == '|')
        b--;
    uint16_t col = 0;
    uint32_t cs = a;
    for (uint32_t p = a; p <= b; p++) {
        if (p < b && s[p] != '|')
            continue;
        if (col < MAX_CELLS && !push_cell(f, cs, p, row, col))
            return false;
        col++;
        cs = p + 1;
    }
    return true;
}

static bool find_pipe(finder *f, size_t i, size_t *next)
{
    if (f->lines[i].kind != LK_PIPE)
        return true;
    if (!begin_table(f, TF_PIPE, f->lines[i].start))
        return false;
    uint16_t row = 0, header = 0;
    bool rule = false;
    size_t k = i;
    uint32_t end = f->lines[i].end;
    while (k < f->n_lines && row < MAX_ROWS) {
        const line_info *li = &f->lines[k];
        if (li->kind == LK_RULE) {
            if (!rule)
                header = row;
            rule = true;
            end = li->end;
            k++;
            continue;
        }
        if (li->kind != LK_PIPE)
            break;
        /* a row goes on over the next lines until one ends with '|' */
        size_t m = k;
        while (f->text[f->lines[m].end - 1] != '|' && m + 1 < f->n_lines && m - k < 6 &&
               (f->lines[m + 1].kind == LK_TEXT || f->lines[m + 1].kind == LK_GAPPED))
            m++;
        if (!pipe_cells(f, li->start, f->lines[m].end, row++))
            return false;
        end = f->lines[m].end;
        k = m + 1;
    }
    if (row < 2) {
        drop_table(f);
        return true;
    }
    header = rule ? header_after_rule(f, header, row) : count_header_rows(f, row);
    *next = k;
    return finish_table(f, end, header);
}

/* ------------------------------------------------------------------ */
/* Tab and space-aligned rows                                          */
/* ------------------------------------------------------------------ */

static bool gapped_data_row(const finder *f, const line_info *li)
{
    for (uint32_t g = 1; g < li->n_gap; g++) {
        const gap_cell *c = &f->gcells[li->first_gap + g];
        if (table_numeric_cell(f->text + c->start, c->end - c->start) &&
            !header_number(f->text + c->start, c->end - c->start))
            return true;
    }
    return false;
}

/* Lines i..last of one gapped table: gapped lines of one kind, with one
 * or two blank lines (web pages print a row a paragraph) and short label
 * lines (`Trong đó:`) between them. */
static size_t gapped_extent(const finder *f, size_t i)
{
    enum { GAP_LINES = 4 };   /* lines between two rows: a label and the blanks around it */
    bool tabbed = f->lines[i].tabbed;
    size_t last = i, k = i + 1;
    while (k < f->n_lines && k - i < MAX_ROWS) {
        const line_info *li = &f->lines[k];
        bool third_blank = li->kind == LK_BLANK && f->lines[k - 1].kind == LK_BLANK && k >= 2 &&
                           f->lines[k - 2].kind == LK_BLANK;
        if (li->kind == LK_GAPPED && li->tabbed == tabbed)
            last = k;
        else if (!(li->kind == LK_BLANK && !third_blank) &&
                 !(li->kind == LK_TEXT && li->end - li->start <= SPACED_LABEL_MAX))
            break;
        else if (k > last + GAP_LINES)
            break;
        k++;
    }
    return last;
}

/* Column of a cell of a space-aligned row: the data column it overlaps
 * most, else the nearest. */
static uint16_t aligned_col(const uint32_t (*cols)[2], uint16_t ncols, const gap_cell *c)
{
    uint16_t best = 0;
    long best_score = -1000000;
    for (uint16_t k = 0; k < ncols; k++) {
        long lo = c->col0 > cols[k][0] ? c->col0 : cols[k][0];
        long hi = c->col1 < cols[k][1] ? c->col1 : cols[k][1];
        long score = hi - lo;   /* overlap, or minus the distance */
        if (score > best_score) {
            best_score = score;
            best = k;
        }
    }
    return best;
}

static bool gapped_rows(finder *f, size_t first, size_t last, const uint32_t (*cols)[2], uint16_t ncols,
                        uint16_t row)
{
    for (size_t k = first; k <= last; k++) {
        const line_info *li = &f->lines[k];
        if (li->kind == LK_BLANK)
            continue;
        if (li->kind == LK_TEXT) {
            if (!push_cell(f, li->start, li->end, row, 0))
                return false;
        }
        for (uint32_t g = 0; g < li->n_gap; g++) {
            const gap_cell *c = &f->gcells[li->first_gap + g];
            uint32_t tc = c->tab_col < MAX_CELLS ? c->tab_col : MAX_CELLS;
            uint16_t col = li->tabbed ? (uint16_t)tc : aligned_col(cols, ncols, c);
            if (col < MAX_CELLS && !push_cell(f, c->start, c->end, row, col))
                return false;
        }
        row++;
    }
    return true;
}

/* A tab table of one data row (`Chỉ tiêu⇥Tháng 9⇥9 tháng` over `Bán lẻ⇥2.977,0⇥25.710,9`):
 * a tabbed header line before it and two or more number cells in it — a
 * space-aligned line of one row is too easily prose. */
static bool one_row_tab_table(const finder *f, size_t first, size_t data_line)
{
    if (data_line == SIZE_MAX || data_line == first || !f->lines[data_line].tabbed ||
        !f->lines[first].tabbed || f->lines[first].kind != LK_GAPPED)
        return false;
    const line_info *li = &f->lines[data_line];
    size_t numbers = 0;
    for (uint32_t g = 1; g < li->n_gap; g++) {
        const gap_cell *c = &f->gcells[li->first_gap + g];
        numbers += table_numeric_cell(f->text + c->start, c->end - c->start) &&
                   !header_number(f->text + c->start, c->end - c->start);
    }
    return numbers >= 2;
}

/* A space-aligned table's group header on a line of its own above it
 * (`            Ước TH 2024 so với (%)` over `… TH 2023   KH 2024`): one
 * indented cell holding a comparison word. Its display columns into span. */
static bool group_line_above(finder *f, size_t i, uint32_t span[2])
{
    if (i == 0 || !f->src || !f->src->norm || !f->src->decoded)
        return false;
    const line_info *li = &f->lines[i - 1];
    if (li->kind != LK_TEXT || !layout_is(f->text + li->start, li->end - li->start, LW_COMPARE, false) ||
        (f->out->n_tables && f->out->tables[f->out->n_tables - 1].end > li->start))
        return false;   /* (a line the table before holds is not this one's) */
    const char *dec = f->src->decoded;
    size_t ds = normalized_to_decoded(f->src->norm, li->start);
    size_t de = normalized_end_to_decoded(f->src->norm, li->end);
    if (de > f->src->decoded_len || ds >= de)
        return false;
    size_t dl = ds;
    while (dl > 0 && dec[dl - 1] != '\n')
        dl--;
    size_t at = dl;
    uint32_t col = 0;
    span[0] = display_col(dec, &at, &col, ds);
    span[1] = display_col(dec, &at, &col, de);
    return span[0] >= 8;   /* indented: it stands over value columns */
}

/* The group line as header row 0: its cell over every value column it
 * overlaps (a merged cell). */
static bool group_cells(finder *f, const line_info *li, const uint32_t span[2], const uint32_t (*cols)[2],
                        uint16_t ncols)
{
    for (uint16_t k = 1; k < ncols; k++)
        if (span[0] < cols[k][1] && cols[k][0] < span[1] && !push_cell(f, li->start, li->end, 0, k))
            return false;
    return true;
}

static bool find_gapped(finder *f, size_t i, size_t *next)
{
    if (f->lines[i].kind != LK_GAPPED)
        return true;
    size_t last = gapped_extent(f, i), first_data = SIZE_MAX;
    size_t data = 0;
    uint32_t ncols = 0;
    for (size_t k = i; k <= last; k++)
        if (f->lines[k].kind == LK_GAPPED && gapped_data_row(f, &f->lines[k])) {
            data++;
            if (first_data == SIZE_MAX)
                first_data = k;
            if (f->lines[k].n_gap > ncols)
                ncols = f->lines[k].n_gap;
        }
    if ((data < 2 && !one_row_tab_table(f, i, first_data)) || ncols > MAX_CELLS) {
        *next = last + 1;
        return true;
    }
    uint32_t cols[MAX_CELLS][2];
    for (uint32_t k = 0; k < ncols; k++) {
        cols[k][0] = UINT32_MAX;
        cols[k][1] = 0;
    }
    for (size_t k = first_data; k <= last; k++) {
        const line_info *li = &f->lines[k];
        if (li->kind != LK_GAPPED || li->n_gap != ncols)
            continue;
        for (uint32_t g = 0; g < ncols; g++) {
            const gap_cell *c = &f->gcells[li->first_gap + g];
            if (c->col0 < cols[g][0])
                cols[g][0] = c->col0;
            if (c->col1 > cols[g][1])
                cols[g][1] = c->col1;
        }
    }
    uint32_t span[2];
    bool group = !f->lines[i].tabbed && group_line_above(f, i, span);
    if (!begin_table(f, f->lines[i].tabbed ? TF_TAB : TF_SPACED, f->lines[group ? i - 1 : i].start) ||
        (group && !group_cells(f, &f->lines[i - 1], span, (const uint32_t (*)[2])cols, (uint16_t)ncols)) ||
        !gapped_rows(f, i, last, (const uint32_t (*)[2])cols, (uint16_t)ncols, group))
        return false;
    uint16_t rows = group;
    for (size_t k = i; k <= last; k++)
        rows += f->lines[k].kind != LK_BLANK;
    *next = last + 1;
    return finish_table(f, f->lines[last].end, count_header_rows(f, rows));
}

/* ------------------------------------------------------------------ */
/* One cell per line                                                   */
/* ------------------------------------------------------------------ */

/* FC_NONE: a value cell that holds no value (`x`, `-`, `…`) */
typedef enum flat_class { FC_TEXT, FC_NUM, FC_PAREN, FC_STT, FC_UNIT, FC_NONE } flat_class;

typedef struct flat_cell {
    uint32_t start, end;
    uint8_t cls;
    bool small_int;     /* 1–3 plain digits: a value or a row number */
} flat_cell;

static bool is_roman_or_letter(const char *s, size_t n)
{
    if (n == 0 || n > 5)
        return false;
    size_t k = n;
    if (s[k - 1] == '.' || s[k - 1] == ')')
        k--;
    if (k == 1 && s[0] >= 'a' && s[0] <= 'z')
        return true;
    for (size_t i = 0; i < k; i++)
        if (s[i] != 'I' && s[i] != 'V' && s[i] != 'X' && s[i] != 'L')
            return false;
    return k > 0;
}

static bool has_letter_or_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (utf8_is_word_byte((unsigned char)s[i]))
            return true;
    return false;
}

/* Item numbering of two or more levels: `1.1`, `2.3.1`, `1.2.` (groups of
 * one or two digits — a number's thousands groups have three). */
static bool sub_numbering(const char *s, size_t n)
{
    size_t k = 0, groups = 0;
    while (k < n) {
        size_t d = k;
        while (k < n && utf8_is_digit(s[k]))
            k++;
        if (k == d || k - d > 2)
            return false;
        groups++;
        if (k < n && s[k] != '.')
            return false;
        k++;
    }
    return groups >= 2;
}

/* A value cell that says there is no value (`x`, `-`, `…`): exactly a
 * LW_NO_VALUE word. */
static bool no_value_cell(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof layout_words / sizeof *layout_words; i++)
        if (layout_words[i].kind == LW_NO_VALUE && strlen(layout_words[i].phrase) == n &&
            !memcmp(s, layout_words[i].phrase, n))
            return true;
    return false;
}

static flat_cell classify_flat(const finder *f, uint32_t a, uint32_t b)
{
    while (b > a && (f->text[b - 1] == '|' || is_blank(f->text[b - 1])))
        b--;   /* a page that ends each cell's line with a bar: `Chỉ số giá tiêu dùng |` */
    const char *s = f->text + a;
    size_t n = b - a;
    flat_cell c = { a, b, FC_TEXT, false };
    if (no_value_cell(s, n)) {
        c.cls = FC_NONE;
    } else if (sub_numbering(s, n) || (n >= 2 && n <= 3 && (s[n - 1] == '.' || s[n - 1] == ')') &&
                                       utf8_is_digit(s[0]) && utf8_is_digit(s[n - 2]))) {
        c.cls = FC_STT;   /* `1.1`, `2.3.1`, `1.`, `12)`: no number of Vietnamese notation */
    } else if (n == 9 && header_number(s, n)) {
        c.cls = FC_TEXT;  /* `2019/2018`: a column's header */
    } else if (table_numeric_cell(s, n)) {
        c.cls = s[0] == '(' ? FC_PAREN : FC_NUM;
        size_t d = 0;
        while (d < n && utf8_is_digit(s[d]))
            d++;
        c.small_int = d == n && d <= 3;
    } else if (is_roman_or_letter(s, n)) {
        c.cls = FC_STT;
    } else if (!has_letter_or_digit(s, n) ||
               (n <= 24 && s[0] == '(' && s[n - 1] == ')')) {
        c.cls = FC_UNIT;
    }
    return c;
}

/* A value of a spaced row: a number (`104,10`, `-2,3`, `2023`) or a
 * cell that says there is none (`x`, `-`). */
static bool spaced_value(const char *s, size_t n)
{
    return n > 0 && s[0] != '(' && (no_value_cell(s, n) || (table_numeric_cell(s, n) && !memchr(s, ' ', n)));
}

/* A table row printed with single spaces, as text layers of PDF
 * yearbooks give it (`Toàn ngành 104,10 106,20 108,30`, a header
 * `Ngành 2021 2022 2023`): a label with a letter, then two values or
 * more to the end of the line. Where the label ends, or 0 when the line
 * is no such row. */
static size_t spaced_row_label_end(const char *s, size_t n)
{
    size_t values = 0, end = n;
    while (end > 0) {
        size_t a = end;
        while (a > 0 && s[a - 1] != ' ')
            a--;
        if (!spaced_value(s + a, end - a))
            break;
        values++;
        end = a;
        while (end > 0 && s[end - 1] == ' ')
            end--;
    }
    return values >= 2 && table_has_word(s, end) && end < n ? end : 0;
}

/* Is a number alone on one of the three cells (text lines) after line i,
 * with blank lines, a unit or a row label between (`I. Lưu trú | 1. Tổng
 * lượt khách | Nghìn lượt | 169,8`)? */
static bool number_cell_follows(const finder *f, size_t i)
{
    size_t cells = 0;
    for (size_t k = i + 1; k < f->n_lines && cells <= 3; k++) {
        const line_info *li = &f->lines[k];
        if (li->kind == LK_BLANK)
            continue;
        if (li->kind != LK_TEXT || li->end - li->start > FLAT_LINE_MAX)
            return false;
        if (table_numeric_cell(f->text + li->start, li->end - li->start))
            return true;
        cells += f->lines[k - 1].kind == LK_BLANK;   /* (a cell may take several lines) */
    }
    return false;
}

/* Lines that may hold a cell of a flattened table. */
static bool flat_line(const finder *f, const line_info *li)
{
    if (li->kind == LK_BLANK || li->kind == LK_LONE_PIPE)
        return true;
    if (li->kind != LK_TEXT || li->end - li->start > FLAT_LINE_MAX)
        return false;
    /* a numbered heading "1. …", "II. …" ends the table; a numbered row
     * label does not: numbers follow it (`1. Tổng lượt khách | Nghìn lượt
     * | 169,8`), or end its line (a spaced row) */
    const char *s = f->text + li->start;
    size_t n = li->end - li->start, k = 0;
    while (k < n && (utf8_is_digit(s[k]) || s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
        k++;
    return !(k > 0 && k + 1 < n && s[k] == '.' && s[k + 1] == ' ') || li->spaced_label ||
           number_cell_follows(f, (size_t)(li - f->lines));
}

typedef struct flat {
    flat_cell *cells;
    size_t n, cap;
    size_t first_line, end_line;   /* region lines [first, end) */
} flat;

static size_t line_spaced_label_end(const finder *f, size_t i)
{
    return f->lines[i].spaced_label;
}

/* Does the run of text lines [k, m] hold two lines that are numbers
 * alone, or two spaced rows? Then it is no cell of several lines (`Kỳ /
 * gốc / 2019`) but cells one a line, with no blank line between them. */
static bool run_of_line_cells(const finder *f, size_t k, size_t m)
{
    size_t numbers = 0, spaced = 0;
    for (size_t i = k; i <= m && numbers < 2 && spaced < 2; i++) {
        numbers += table_numeric_cell(f->text + f->lines[i].start, f->lines[i].end - f->lines[i].start);
        spaced += line_spaced_label_end(f, i) != 0;
    }
    return numbers >= 2 || spaced >= 2;
}

static bool push_flat_cell(flat *fl, flat_cell c)
{
    return VEC_PUSH(fl->cells, fl->n, fl->cap, c);
}

static bool numbering_cell(const finder *f, const flat_cell *c);

/* No byte of s[0..n) is of a Vietnamese letter: an English gloss. */
static bool all_ascii(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] >= 0x80)
            return false;
    return true;
}

/* Is the label [a, e) of spaced row i the English gloss of the Vietnamese
 * line above it, the last cell read (`Hàng ăn và dịch vụ ăn uống` over
 * `Food and foodstuff 104,94 106,38`)? Then the two are one label. */
static bool gloss_of_cell_above(const finder *f, const flat *fl, size_t i, uint32_t a, uint32_t e)
{
    if (i == 0 || !fl->n || fl->cells[fl->n - 1].cls != FC_TEXT || fl->cells[fl->n - 1].start != f->lines[i - 1].start ||
        f->lines[i - 1].kind != LK_TEXT || line_spaced_label_end(f, i - 1))
        return false;
    return !all_ascii(f->text + f->lines[i - 1].start, f->lines[i - 1].end - f->lines[i - 1].start) &&
           all_ascii(f->text + a, e - a);
}

enum { PERIOD_HEADER_CELLS = 16 };

/* A header line of period columns printed with single spaces (`Tháng 1
 * Tháng 2 Tháng 3`, `Quý I Quý II`): each a LW_PERIOD word and its number;
 * their ranges into cells, their count (0 when the line is no such header). */
static size_t period_header_cells(const finder *f, size_t i, uint32_t cells[][2])
{
    const char *s = f->text;
    uint32_t k = f->lines[i].start, end = f->lines[i].end;
    size_t n = 0;
    while (k < end && n < PERIOD_HEADER_CELLS) {
        uint32_t w = k, v;
        while (w < end && s[w] != ' ')
            w++;
        char low[16];
        if (w - k >= 12 || (table_lower(s + k, w - k, low, sizeof low), !table_layout_is(low, LW_PERIOD, true)))
            return 0;
        for (v = w; v < end && s[v] == ' '; v++)
            ;
        uint32_t e = v;
        while (e < end && s[e] != ' ')
            e++;
        if (e == v || !(utf8_is_digit(s[v]) || s[v] == 'I' || s[v] == 'V' || s[v] == 'X'))
            return 0;
        cells[n][0] = k;
        cells[n++][1] = e;
        for (k = e; k < end && s[k] == ' '; k++)
            ;
    }
    return k >= end && n >= 2 ? n : 0;
}

/* Is line i the English gloss of the period header above it (`Jan. Feb.
 * Mar.` under `Tháng 1 Tháng 2 Tháng 3`): ASCII, one word a column? */
static bool gloss_of_period_header(const finder *f, size_t i)
{
    uint32_t cells[PERIOD_HEADER_CELLS][2];
    const char *s = f->text + f->lines[i].start;
    size_t len = f->lines[i].end - f->lines[i].start;
    if (!all_ascii(s, len))
        return false;   /* (a gloss is English) */
    size_t n = i > 0 && f->lines[i - 1].kind == LK_TEXT ? period_header_cells(f, i - 1, cells) : 0, words = 0;
    for (size_t k = 0; n && k < len; k++)
        words += s[k] != ' ' && (k == 0 || s[k - 1] == ' ');
    return n && words == n;
}

/* The cells of a period header line, or none for its gloss line; false
 * when out of memory. *done: line i was one of them. */
static bool period_header_line(const finder *f, flat *fl, size_t i, bool *done)
{
    uint32_t cells[PERIOD_HEADER_CELLS][2];
    size_t n = period_header_cells(f, i, cells);
    *done = n || gloss_of_period_header(f, i);
    for (size_t k = 0; k < n; k++)
        if (!push_flat_cell(fl, (flat_cell){ cells[k][0], cells[k][1], FC_TEXT, false }))
            return false;
    return true;
}

/* The cells of line i read a cell a line: itself, or the label and
 * values of a spaced row. */
static bool line_cells(const finder *f, flat *fl, size_t i)
{
    uint32_t a = f->lines[i].start, b = f->lines[i].end, label_end = (uint32_t)line_spaced_label_end(f, i);
    bool header = false;
    if (!label_end && !period_header_line(f, fl, i, &header))
        return false;
    if (!label_end)
        return header || push_flat_cell(fl, classify_flat(f, a, b));
    uint32_t label = a;   /* a numbering first (`1.`, `II`) is a cell of its own */
    while (label < a + label_end && f->text[label] != ' ')
        label++;
    flat_cell numbering = classify_flat(f, a, label);
    if (label < a + label_end && numbering_cell(f, &numbering)) {
        if (!push_flat_cell(fl, numbering))
            return false;
        while (f->text[label] == ' ')
            label++;
    } else {
        label = a;
    }
    if (gloss_of_cell_above(f, fl, i, label, a + label_end))
        fl->cells[fl->n - 1] = classify_flat(f, fl->cells[fl->n - 1].start, a + label_end);
    else if (!push_flat_cell(fl, classify_flat(f, label, a + label_end)))
        return false;
    for (uint32_t v = a + label_end; v < b;) {
        while (f->text[v] == ' ')
            v++;
        uint32_t e = v;
        while (e < b && f->text[e] != ' ')
            e++;
        if (!push_flat_cell(fl, classify_flat(f, v, e)))
            return false;
        v = e;
    }
    return true;
}

/* Cells of the region: runs of text lines, split at blank and pipe lines
 * (or a cell a line, when the run holds numbers alone on their lines). */
/* Does line i end with a bar (`100,40 |`)? */
static bool ends_with_bar(const finder *f, size_t i)
{
    uint32_t b = f->lines[i].end;
    while (b > f->lines[i].start && is_blank(f->text[b - 1]))
        b--;
    return b > f->lines[i].start && f->text[b - 1] == '|';
}

/* Do most lines of [k, m] end with a bar: a page that prints each cell
 * on a line of its own and closes it so? */
static bool bar_ended_lines(const finder *f, size_t k, size_t m)
{
    size_t barred = 0;
    for (size_t i = k; i <= m; i++)
        barred += ends_with_bar(f, i);
    return barred * 4 >= (m - k + 1) * 3;
}


static bool flat_cells(finder *f, flat *fl)
{
    size_t k = fl->first_line;
    while (k < fl->end_line) {
        if (f->lines[k].kind != LK_TEXT) {
            k++;
            continue;
        }
        size_t m = k;
        while (m + 1 < fl->end_line && f->lines[m + 1].kind == LK_TEXT)
            m++;
        if (run_of_line_cells(f, k, m)) {
            bool barred = bar_ended_lines(f, k, m);
            for (size_t i = k; i <= m; i++) {
                if (barred && i < m && !ends_with_bar(f, i) && !line_spaced_label_end(f, i)) {
                    /* `Nhà ở và vật liệu xây` / `dựng |`: one cell wrapped */
                    if (!push_flat_cell(fl, classify_flat(f, f->lines[i].start, f->lines[i + 1].end)))
                        return false;
                    i++;
                } else if (!line_cells(f, fl, i)) {
                    return false;
                }
            }
        } else if (!push_flat_cell(fl, classify_flat(f, f->lines[k].start, f->lines[m].end))) {
            return false;
        }
        k = m + 1;
    }
    return true;
}

/* The year a cell is, or 0: four digits from 1900 to 2099 alone. */
static int year_cell(const finder *f, const flat_cell *c)
{
    const char *s = f->text + c->start;
    if (c->cls != FC_NUM || c->end - c->start != 4 || !header_number(s, 4))
        return 0;
    return (int)strtol(s, NULL, 10);
}

/* Column headers that are bare years (`NĂM`, `CHỈ TIÊU`, `2016`, `2017`,
 * …): a run of two or more years counting up by one right after a text
 * cell is a header, not a row of values, so it becomes text. */
static void flat_year_headers(const finder *f, flat *fl)
{
    for (size_t i = 1; i + 1 < fl->n; i++) {
        if (fl->cells[i - 1].cls != FC_TEXT || !year_cell(f, &fl->cells[i]))
            continue;
        size_t k = i + 1;
        while (k < fl->n && year_cell(f, &fl->cells[k]) == year_cell(f, &fl->cells[k - 1]) + 1)
            k++;
        for (size_t j = i; k - i >= 2 && j < k; j++)
            fl->cells[j].cls = FC_TEXT;
        i = k - 1;
    }
}

/* A cell that may number a row: `I`, `a)`, `1.1`, a small integer, `-`
 * (`x` holds no value, it numbers nothing). */
static bool numbering_cell(const finder *f, const flat_cell *c)
{
    return c->cls == FC_STT || c->small_int || (c->cls == FC_NONE && f->text[c->start] == '-');
}

static bool is_label_cell(const flat *fl, size_t k)
{
    return k < fl->n && fl->cells[k].cls == FC_TEXT;
}

/* The number of value columns: the most common length of the runs of
 * numbers that follow a label (0 when fewer than two rows agree). */
static bool dash_cell(const finder *f, const flat_cell *c);

/* A table of one row (`Thực hiện tháng 9 năm 2024 | Ước tính tháng 10
 * năm 2024 | Tổng số | 4736,0 | 4671,4`): its values are columns when
 * it is the only label with a run of them (count[]: labels by run
 * length) and as many header cells before it name a period or a
 * comparison. */
static size_t one_row_columns(const finder *f, const flat *fl, const size_t count[16])
{
    size_t run = 0;
    for (size_t r = 2; r < 16; r++) {
        if (count[r] > 1 || (count[r] == 1 && run))
            return 0;
        run = count[r] ? r : run;
    }
    size_t headers = 0;
    for (size_t i = 0; run && i < fl->n && fl->cells[i].cls == FC_TEXT; i++) {
        const char *t = f->text + fl->cells[i].start;
        size_t n = fl->cells[i].end - fl->cells[i].start;
        headers += names_period(t, n) || layout_is(t, n, LW_COMPARE, false);
    }
    return run && headers >= run ? run : 0;
}


static size_t flat_value_columns(const finder *f, const flat *fl)
{
    size_t count[16] = { 0 };
    for (size_t i = 0; i + 1 < fl->n; i++) {
        if (fl->cells[i].cls != FC_TEXT)
            continue;
        size_t run = 0;
        for (size_t k = i + 1; k < fl->n && fl->cells[k].cls != FC_TEXT && fl->cells[k].cls != FC_STT; k++) {
            if (fl->cells[k].small_int && is_label_cell(fl, k + 1))
                break;   /* most likely the next row's numbering */
            run += fl->cells[k].cls == FC_NUM;
        }
        size_t m = 0;   /* sub-item labels before: one number each per column */
        while (m <= i && fl->cells[i - m].cls == FC_TEXT && dash_cell(f, &fl->cells[i - m]))
            m++;
        if (m >= 2 && run % m == 0)
            run /= m;
        if (run >= 2 && run < 16)
            count[run]++;
    }
    size_t best = 0;
    for (size_t r = 2; r < 16; r++)
        if (count[r] >= 2 && count[r] >= count[best])
            best = r;
    return best ? best : one_row_columns(f, fl, count);
}

/* Does a row start at cell k: [numbering] label [unit], then two numbers
 * (one could be the next row's numbering)? */
static bool flat_row_at(const finder *f, const flat *fl, size_t k)
{
    if (k < fl->n && numbering_cell(f, &fl->cells[k]) && is_label_cell(fl, k + 1))
        k++;
    if (!is_label_cell(fl, k))
        return false;
    size_t v = k + 1 < fl->n && fl->cells[k + 1].cls == FC_UNIT ? k + 2 : k + 1;
    return v + 1 < fl->n && fl->cells[v].cls == FC_NUM && fl->cells[v + 1].cls == FC_NUM;
}

/* A unit note of its own line (`Đơn vị tính: Tỷ đồng`): the unit of every
 * value column (read in recognize-table.c). */
static bool unit_note_cell(const finder *f, const flat_cell *c)
{
    char low[256];
    size_t n = c->cls == FC_TEXT ? table_lower(f->text + c->start, c->end - c->start, low, sizeof low) : 0;
    return n && table_unit_note_colon(low, n);
}

typedef struct flat_header {
    size_t start;              /* first header cell */
    ptrdiff_t stt, corner, group, note, unit, unit_header;
    size_t values[16];         /* value header cells, in column order */
    size_t n_values;
    size_t n_group_children;   /* values[0..n) sit under the group */
} flat_header;

/* A text cell numbered in its own text: `I. Dịch vụ lưu trú`, `2. Ngô`. */
static bool numbered_label_cell(const finder *f, const flat_cell *c)
{
    const char *s = f->text + c->start;
    size_t n = c->end - c->start, k = 0;
    while (k < n && s[k] != ' ')
        k++;
    return c->cls == FC_TEXT && k + 1 < n && k > 1 && s[k - 1] == '.' && row_numbering(s, k);
}

/* Read the header backwards from the first row: unit and note cells, the
 * value headers, a group header ending in ':' or `so với`, the label
 * header and the numbering header. Cells before it are the title. */
static void flat_read_header(const finder *f, const flat *fl, size_t floor, size_t data, size_t nv,
                             flat_header *h)
{
    *h = (flat_header){ .stt = -1, .corner = -1, .group = -1, .note = -1, .unit = -1, .unit_header = -1 };
    size_t rev[16], nrev = 0;
    ptrdiff_t j = (ptrdiff_t)data - 1, lo = (ptrdiff_t)floor;
    /* section rows ("I", "Kinh tế"; "I. Dịch vụ lưu trú") between the
     * header and the first row */
    for (;;) {
        if (j >= lo + 1 && fl->cells[j].cls == FC_TEXT && numbering_cell(f, &fl->cells[j - 1]))
            j -= 2;
        else if (j >= lo && numbered_label_cell(f, &fl->cells[j]))
            j--;
        else
            break;
    }
    for (; j >= lo; j--) {
        const flat_cell *c = &fl->cells[j];
        const char *s = f->text + c->start;
        size_t n = c->end - c->start;
        if ((c->cls == FC_UNIT || unit_note_cell(f, c)) && !nrev && h->unit < 0)
            h->unit = j;
        else if (!nrev && h->note < 0 && layout_is(s, n, LW_NOTE, true))
            h->note = j;
        else if (nrev < nv && c->cls == FC_TEXT)
            rev[nrev++] = (size_t)j;
        else
            break;
    }
    if (j >= lo && fl->cells[j].cls == FC_TEXT &&
        layout_is(f->text + fl->cells[j].start, fl->cells[j].end - fl->cells[j].start, LW_UNIT, true))
        h->unit_header = j--;
    if (j >= lo && fl->cells[j].cls == FC_TEXT) {
        const flat_cell *c = &fl->cells[j];
        char low[256];
        size_t k = table_lower(f->text + c->start, c->end - c->start, low, sizeof low);
        while (k && low[k - 1] == ' ')
            k--;
        if (k >= 1 && low[k - 1] == ':')
            h->group = j--;
    }
    if (j >= lo && fl->cells[j].cls == FC_TEXT) {
        const flat_cell *c = &fl->cells[j];
        const char *s = f->text + c->start;
        size_t n = c->end - c->start;
        if (layout_is(s, n, LW_LABEL, false) || layout_is(s, n, LW_COMPARE, false) ||
            (n > 2 && s[n - 1] == ')' && memchr(s, '(', n)))
            h->corner = j--;
    }
    if (j >= lo && fl->cells[j].cls == FC_TEXT && layout_is(f->text + fl->cells[j].start,
                                                          fl->cells[j].end - fl->cells[j].start, LW_STT, true))
        h->stt = j--;
    h->start = (size_t)(j + 1);
    /* column order: a group's children first, then the headers of the
     * group's own row that carry their own comparison (they were printed
     * before the children) */
    size_t lead = 0;
    if (h->group >= 0)
        while (lead < nrev && layout_is(f->text + fl->cells[rev[nrev - 1 - lead]].start,
                                        fl->cells[rev[nrev - 1 - lead]].end -
                                            fl->cells[rev[nrev - 1 - lead]].start, LW_COMPARE, false))
            lead++;
    for (size_t k = lead; k < nrev; k++)
        h->values[h->n_values++] = rev[nrev - 1 - k];
    h->n_group_children = h->n_values;
    for (size_t k = 0; k < lead; k++)
        h->values[h->n_values++] = rev[nrev - 1 - k];
}

/* Grid of a flattened table: column 0 the numbering, 1 the label, 2.. the
 * values, last the note. A group header and a unit cell are header rows of
 * their own over the value columns. */
static bool flat_header_rows(finder *f, const flat *fl, const flat_header *h, size_t nv, uint16_t *rows)
{
    uint16_t r = 0;
    if (h->group >= 0) {
        for (size_t k = 0; k < h->n_group_children; k++)
            if (!push_cell(f, fl->cells[h->group].start, fl->cells[h->group].end, r, (uint16_t)(2 + k)))
                return false;
        r++;
    }
    const flat_cell *c = fl->cells;
    if ((h->stt >= 0 && !push_cell(f, c[h->stt].start, c[h->stt].end, r, 0)) ||
        (h->corner >= 0 && !push_cell(f, c[h->corner].start, c[h->corner].end, r, 1)) ||
        (h->note >= 0 && !push_cell(f, c[h->note].start, c[h->note].end, r, (uint16_t)(2 + nv))) ||
        (h->unit_header >= 0 &&
         !push_cell(f, c[h->unit_header].start, c[h->unit_header].end, r, (uint16_t)(3 + nv))))
        return false;
    for (size_t k = 0; k < h->n_values; k++)
        if (!push_cell(f, c[h->values[k]].start, c[h->values[k]].end, r, (uint16_t)(2 + k)))
            return false;
    r++;
    if (h->unit >= 0) {
        for (size_t k = 0; k < nv; k++)
            if (!push_cell(f, c[h->unit].start, c[h->unit].end, r, (uint16_t)(2 + k)))
                return false;
        r++;
    }
    *rows = r;
    return true;
}

/* Does the cell open with a dash or plus (a sub-item: `-Theo cân nặng`)? */
static bool dash_cell(const finder *f, const flat_cell *c)
{
    const unsigned char *s = (const unsigned char *)f->text + c->start;
    size_t n = c->end - c->start;
    return n > 1 && (s[0] == '-' || s[0] == '+' ||
                     (n > 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x93));
}

/* A label followed by m ≥ 2 sub-item labels, then m numbers per value
 * column (each cell held one number per sub-item, flattened column by
 * column): m rows of their own, after the label's row. *k is past the
 * label; on success *k and *row move past the sub-rows. */
static bool flat_sub_rows(finder *f, const flat *fl, size_t *k, size_t nv, uint16_t *row, bool *done)
{
    const flat_cell *c = fl->cells;
    size_t m = 0, run = 0;
    *done = false;
    while (*k + m < fl->n && is_label_cell(fl, *k + m) && dash_cell(f, &c[*k + m]))
        m++;
    while (*k + m + run < fl->n && c[*k + m + run].cls == FC_NUM)
        run++;
    if (m < 2 || run < m * nv || *row + m + 1 >= MAX_ROWS)
        return true;
    if (!push_row(f, 0, 0))   /* the label's own row, without values */
        return false;
    uint16_t r0 = (uint16_t)(*row + 1);
    for (size_t j = 0; j < m; j++) {
        const flat_cell *lab = &c[*k + j];
        if (!push_cell(f, lab->start, lab->end, (uint16_t)(r0 + j), 1) || !push_row(f, 0, 0))
            return false;
        for (size_t col = 0; col < nv; col++) {
            const flat_cell *v = &c[*k + m + col * m + j];
            if (!push_cell(f, v->start, v->end, (uint16_t)(r0 + j), (uint16_t)(2 + col)))
                return false;
        }
    }
    *k += m + m * nv;
    if (*k < fl->n && is_label_cell(fl, *k) &&
        layout_is(f->text + c[*k].start, c[*k].end - c[*k].start, LW_NOTE_CELL, true)) {
        if (!push_cell(f, c[*k].start, c[*k].end, (uint16_t)(r0 + m - 1), (uint16_t)(2 + nv)))
            return false;
        (*k)++;
    }
    *row = (uint16_t)(r0 + m);
    *done = true;
    return true;
}

/* Rows from cell k on; returns the cell after the last row with values. */
static bool flat_data_rows(finder *f, const flat *fl, size_t k, size_t nv, bool unit_col, uint16_t row,
                           size_t *end_cell, uint16_t *n_rows)
{
    size_t last_end = k;
    uint16_t last_rows = row;
    long next_stt = 1;   /* numbering cells count up: 1, 2, 3 … */
    while (k < fl->n && row < MAX_ROWS) {
        const flat_cell *c = fl->cells;
        uint32_t stt_s = 0, stt_e = 0;
        if (numbering_cell(f, &c[k]) && is_label_cell(fl, k + 1)) {
            stt_s = c[k].start;
            stt_e = c[k].end;
            if (c[k].small_int)
                next_stt = strtol(f->text + c[k].start, NULL, 10) + 1;
            if (!push_cell(f, c[k].start, c[k].end, row, 0))
                return false;
            k++;
        }
        size_t before = k;
        if (is_label_cell(fl, k) && !push_cell(f, c[k].start, c[k].end, row, 1))
            return false;
        k += is_label_cell(fl, k);
        bool sub = false;
        if (k > before && !flat_sub_rows(f, fl, &k, nv, &row, &sub))
            return false;
        if (sub) {
            last_end = k;
            last_rows = row;
            continue;
        }
        if (unit_col && k > before && k < fl->n && (c[k].cls == FC_UNIT || c[k].cls == FC_TEXT) &&
            k + 1 < fl->n && c[k + 1].cls == FC_NUM) {
            if (!push_cell(f, c[k].start, c[k].end, row, (uint16_t)(3 + nv)))
                return false;
            k++;
        }
        size_t v = 0;
        while (k < fl->n && v < nv && (c[k].cls == FC_NUM || c[k].cls == FC_PAREN || c[k].cls == FC_NONE)) {
            if (numbering_cell(f, &c[k]) && c[k].cls == FC_NONE && is_label_cell(fl, k + 1))
                break;   /* `-` before a label: the next row's marker */
            if (c[k].cls == FC_NONE) {
                v++;   /* its column holds no value: the next cell is the next column's */
                k++;
                continue;
            }
            if (c[k].small_int && is_label_cell(fl, k + 1) &&
                strtol(f->text + c[k].start, NULL, 10) == next_stt)
                break;   /* the next row's number */
            uint32_t e = c[k].end;
            size_t m = k + 1;
            while (m < fl->n && c[m].cls == FC_PAREN && c[k].cls == FC_NUM)
                e = c[m++].end;   /* "0,7%" then "(còn 4,33%)": one cell */
            if (!push_cell(f, c[k].start, e, row, (uint16_t)(2 + v++)))
                return false;
            k = m;
        }
        if (v && is_label_cell(fl, k) &&
            layout_is(f->text + c[k].start, c[k].end - c[k].start, LW_NOTE_CELL, true)) {
            if (!push_cell(f, c[k].start, c[k].end, row, (uint16_t)(2 + nv)))
                return false;
            k++;
        }
        if (k == before && !push_cell(f, c[k].start, c[k].end, row, 1))
            return false;   /* a lone cell: a label of its own */
        k += k == before;
        if (!push_row(f, stt_s, stt_e))
            return false;
        row++;
        if (v) {
            last_end = k;
            last_rows = row;
        }
    }
    *end_cell = last_end;
    *n_rows = last_rows;
    return true;
}

/* Is the row found at cell `data` really the unit cell of a row whose label
 * stands before it? So when the header (cells from `from` on) has a unit
 * column (`Đơn vị tính`), the cell is short text and a label precedes it. */
static bool unit_cell_first(const finder *f, const flat *fl, size_t from, size_t data)
{
    const flat_cell *c = fl->cells;
    if (data < from + 2 || c[data].cls != FC_TEXT || c[data].end - c[data].start > 24 ||
        !is_label_cell(fl, data - 1))
        return false;
    for (size_t k = from; k + 1 < data; k++)
        if (c[k].cls == FC_TEXT && layout_is(f->text + c[k].start, c[k].end - c[k].start, LW_UNIT, true))
            return true;
    return false;
}

/* One table from cell *from on; *from moves past it (to the end when there
 * is none). */
static bool build_flat(finder *f, flat *fl, size_t nv, size_t *from)
{
    size_t data = *from;
    while (data < fl->n && !flat_row_at(f, fl, data))
        data++;
    if (data >= fl->n) {
        *from = fl->n;
        return true;
    }
    if (unit_cell_first(f, fl, *from, data))
        data--;   /* `Vốn đăng ký mới | Tỷ đồng | 524,6 …`: the row starts at its label */
    flat_header h;
    flat_read_header(f, fl, *from, data, nv, &h);
    if (h.n_values == 0) {
        *from = fl->n;
        return true;
    }
    size_t hs = h.values[0];
    ptrdiff_t extra[] = { h.stt, h.corner, h.group, h.note, h.unit, h.unit_header };
    for (size_t k = 0; k < h.n_values; k++)
        if (h.values[k] < hs)
            hs = h.values[k];
    for (size_t k = 0; k < sizeof extra / sizeof *extra; k++)
        if (extra[k] >= 0 && (size_t)extra[k] < hs)
            hs = (size_t)extra[k];
    if (!begin_table(f, TF_FLAT, (uint32_t)utf8_line_start(f->text, fl->cells[hs].start)))
        return false;
    uint16_t hrows = 0, rows = 0;
    size_t end_cell = 0;
    if (!flat_header_rows(f, fl, &h, nv, &hrows))
        return false;
    for (uint16_t r = 0; r < hrows; r++)
        if (!push_row(f, 0, 0))
            return false;
    /* section rows before the first row belong to the table too */
    size_t first = data;
    while (first >= 2 && fl->cells[first - 1].cls == FC_TEXT && numbering_cell(f, &fl->cells[first - 2]) &&
           first - 2 > (h.unit >= 0 ? (size_t)h.unit : h.note >= 0 ? (size_t)h.note : h.values[0]))
        first -= 2;
    if (!flat_data_rows(f, fl, first, nv, h.unit_header >= 0, hrows, &end_cell, &rows))
        return false;
    table *t = &f->out->tables[f->out->n_tables - 1];
    size_t w = t->first_cell;
    for (size_t i = t->first_cell; i < f->out->n_cells; i++)
        if (f->out->cells[i].row < rows)
            f->out->cells[w++] = f->out->cells[i];
    f->out->n_cells = w;
    f->out->n_rows = t->first_row + rows;
    uint32_t end = fl->cells[end_cell - 1].end;
    *from = end_cell;
    return finish_table(f, end, hrows);
}

static bool find_flat(finder *f, size_t i, size_t *next)
{
    if (f->lines[i].kind != LK_TEXT || !flat_line(f, &f->lines[i]))
        return true;
    flat fl = { .first_line = i, .end_line = i };
    while (fl.end_line < f->n_lines && flat_line(f, &f->lines[fl.end_line]))
        fl.end_line++;
    *next = fl.end_line;
    size_t nums = 0;
    bool ok = flat_cells(f, &fl);
    if (ok)
        flat_year_headers(f, &fl);
    for (size_t k = 0; ok && k < fl.n; k++)
        nums += fl.cells[k].cls == FC_NUM;
    size_t nv = ok && nums >= 2 ? flat_value_columns(f, &fl) : 0;   /* (one row of two: one_row_columns) */
    for (size_t from = 0; ok && nv >= 2 && from < fl.n;)
        ok = build_flat(f, &fl, nv, &from);
    free(fl.cells);
    return ok;
}

bool tables_find(const char *text, size_t len, const layout_source *src, table_set *out)
{
    memset(out, 0, sizeof *out);
    finder f = { .text = text, .len = len, .src = src, .out = out };
    bool ok = classify_lines(&f);
    size_t i = 0;
    while (ok && i < f.n_lines) {
        size_t next = i + 1;
        ok = find_pipe(&f, i, &next) && (next > i + 1 || find_gapped(&f, i, &next)) &&
             (next > i + 1 || find_flat(&f, i, &next));
        i = next;
    }
    free(f.lines);
    free(f.gcells);
    if (!ok)
        table_set_free(out);
    return ok;
}

void table_set_free(table_set *ts)
{
    free(ts->tables);
    free(ts->cells);
    free(ts->rows);
    memset(ts, 0, sizeof *ts);
}
