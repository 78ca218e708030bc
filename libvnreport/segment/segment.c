/*
 * segment.c — stage 3: normalized text → blocks and sections (see segment.h).
 *
 * One pass over lines. Each line is classified by its leading marker (a
 * table below maps marker kinds to heading ranks), footnote bodies are
 * recognised by a leading superscript number (or a plain number that names
 * a marker with no body yet), page-break continuations are appended to the
 * open paragraph, and the section stack gives every block its path.
 * Tables (found first, by table.c) become blocks of their own, a short line
 * before one naming it; "Nơi nhận" opens the signature block, which the
 * next annex, heading, body paragraph or report closes. The words it reads
 * lines by (furniture, signature, annex, part headings) are in segment.def.
 */
#include "segment.h"
#include "utf8.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Heading rank of each marker kind; 0xFF = never a section by itself. */
static const uint8_t marker_rank[] = {
    [MK_NONE] = 0xFF,
    [MK_PART] = 0,
    [MK_ROMAN] = 1,
    [MK_ROMAN_ARABIC] = 2,
    [MK_ARABIC] = 3,
    [MK_ARABIC2] = 4,
    [MK_LETTER] = 5,
    [MK_PAREN] = 0xFF,
    [MK_DASH] = 6,
    [MK_PLUS] = 7,
    [MK_FOOTNOTE] = 0xFF,
};
enum { RANK_LABEL = 8, RANK_TABLE = 9 };

/* segment_line lower-cases this many bytes of a line start (utf8_lower
 * fills at least 5 fewer when the line has more); every prefix of
 * segment.def must fit in what it fills, which the build checks. */
enum { LINE_LOWER_CAP = 40, LINE_PREFIX_MAX = LINE_LOWER_CAP - 5 };
#define PREFIX_FITS(p) \
    _Static_assert(sizeof p - 1 <= LINE_PREFIX_MAX, "segment.def: prefix too long: " p);
#define FURNITURE(p, max_len, digits, sentence) PREFIX_FITS(p)
#define SIGNATURE_OPEN(p) PREFIX_FITS(p)
#define NEW_PART(p, annex) PREFIX_FITS(p)
#define PART_HEADING(p) PREFIX_FITS(p)
#include "segment.def"
#undef FURNITURE
#undef SIGNATURE_OPEN
#undef NEW_PART
#undef PART_HEADING

/* Lines that belong to the page furniture of an official report (the
 * FURNITURE rows of segment.def): the prefix, the longest such line,
 * whether it may hold digits and whether it may end like a sentence. */
static const struct furniture_rule {
    const char *prefix;
    uint16_t max_len;
    bool digits, sentence;
} furniture_rules[] = {
#define FURNITURE(p, max_len, digits, sentence) { p, max_len, digits, sentence },
#include "segment.def"
#undef FURNITURE
};
static const char *const closing_prefixes[] = {
#define SIGNATURE_OPEN(p) p,
#include "segment.def"
#undef SIGNATURE_OPEN
};
/* Lines that end a signature block: what follows is read again (an annex,
 * the next report of a concatenation); an annex is a top-level section. */
static const struct new_part {
    const char *prefix;
    bool annex;
} new_parts[] = {
#define NEW_PART(p, annex) { p, annex },
#include "segment.def"
#undef NEW_PART
};
static const char *const part_prefixes[] = {
#define PART_HEADING(p) p,
#include "segment.def"
#undef PART_HEADING
};
static const char *const title_prefixes[] = {
#define TITLE_LINE(p) p,
#include "segment.def"
#undef TITLE_LINE
};
static const char *const goes_on_words[] = {
#define LINE_GOES_ON(w) w,
#include "segment.def"
#undef LINE_GOES_ON
};
enum { SIGNATURE_LINE_MAX = 100 };

static bool has_prefix(const char *lower, const char *p)
{
    return strncmp(lower, p, strlen(p)) == 0;
}

static bool has_any_prefix(const char *lower, const char *const *prefixes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (has_prefix(lower, prefixes[i]))
            return true;
    return false;
}
#define HAS_ANY_PREFIX(lower, table) has_any_prefix(lower, table, sizeof table / sizeof *table)

static bool is_roman_char(char c)
{
    return c == 'I' || c == 'V' || c == 'X' || c == 'L';
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* Roman: I. II- IV. and I.1.; MK_NONE when the line has no such marker. */
static marker_kind roman_marker(const char *s, size_t n, size_t *content)
{
    if (is_roman_char(s[0])) {
        size_t k = 0;
        while (k < n && is_roman_char(s[k]))
            k++;
        if (k < n && (s[k] == '.' || s[k] == '-')) {
            size_t after = k + 1;
            if (s[k] == '.' && after < n && utf8_is_digit(s[after])) {
                size_t d = after;
                while (d < n && utf8_is_digit(s[d]))
                    d++;
                if (d < n && s[d] == '.')
                    d++;
                if (d >= n || s[d] == ' ') {
                    *content = skip_spaces(s, n, d);
                    return MK_ROMAN_ARABIC;
                }
            }
            if (after >= n || s[after] == ' ') {
                *content = skip_spaces(s, n, after);
                return MK_ROMAN;
            }
        }
    }
    return MK_NONE;
}

/* Arabic: 1. 1.1. 2.1 (second part at most two digits) at a line that
 * starts with a digit; MK_NONE when the digits are no marker. */
static marker_kind arabic_marker(const char *s, size_t n, size_t *content)
{
    size_t d = 0;
    while (d < n && utf8_is_digit(s[d]))
        d++;
    if (d <= 2 && d < n && s[d] == '.') {
        size_t e = d + 1;
        if (e >= n || s[e] == ' ') {
            *content = skip_spaces(s, n, e);
            return MK_ARABIC;
        }
        size_t d2 = e;
        while (d2 < n && utf8_is_digit(s[d2]))
            d2++;
        if (d2 - e >= 1 && d2 - e <= 2) {
            if (d2 < n && s[d2] == '.')
                d2++;
            if (d2 >= n || s[d2] == ' ') {
                *content = skip_spaces(s, n, d2);
                return MK_ARABIC2;
            }
        }
    }
    return MK_NONE;
}

/* Letter: a) b. đ) */
static marker_kind letter_marker(const char *s, size_t n, size_t *content)
{
    size_t k = 0;
    uint32_t cp = utf8_next(s, n, &k);
    bool letter = (cp >= 'a' && cp <= 'z') || cp == 0x111; /* đ */
    if (letter && k < n && (s[k] == ')' || (s[k] == '.' && k + 1 < n && s[k + 1] == ' ')) &&
        (k + 1 >= n || s[k + 1] == ' ')) {
        *content = skip_spaces(s, n, k + 1);
        return MK_LETTER;
    }
    return MK_NONE;
}

/* (1). (1) */
static marker_kind paren_marker(const char *s, size_t n, size_t *content)
{
    if (s[0] == '(') {
        size_t d = 1;
        while (d < n && utf8_is_digit(s[d]))
            d++;
        if (d > 1 && d <= 3 && d < n && s[d] == ')') {
            size_t e = d + 1;
            if (e < n && s[e] == '.')
                e++;
            if (e >= n || s[e] == ' ') {
                *content = skip_spaces(s, n, e);
                return MK_PAREN;
            }
        }
    }
    return MK_NONE;
}

/* Dash / plus items, possibly followed by a (n). marker */
static marker_kind dash_marker(const char *s, size_t n, size_t *content)
{
    size_t i = 0;
    size_t dash_len = 0;
    if (s[0] == '-' || s[0] == '+' || s[0] == '*')
        dash_len = 1;
    else if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
             ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0xA2))
        dash_len = 3; /* – or • */
    if (dash_len && (dash_len >= n || s[dash_len] == ' ')) {
        i = skip_spaces(s, n, dash_len);
        marker_kind mk = s[0] == '+' ? MK_PLUS : MK_DASH;
        if (i < n && s[i] == '(') {
            size_t c2;
            marker_kind sub = paren_marker(s + i, n - i, &c2);
            if (sub == MK_PAREN) {
                *content = i + c2;
                return MK_PAREN;
            }
        }
        *content = i;
        return mk;
    }
    return MK_NONE;
}

/* Leading marker of a line: kind and the offset where the content starts. */
static marker_kind line_marker(const char *s, size_t n, const char *lower, size_t *content)
{
    *content = 0;
    if (HAS_ANY_PREFIX(lower, part_prefixes))
        return MK_PART;   /* "Phần thứ nhất" + optional title on the same line */
    /* superscript footnote body: ¹ text */
    size_t sl;
    if (utf8_superscript_at(s, n, 0, &sl) >= 0) {
        size_t k = sl;
        while (k < n && utf8_superscript_at(s, n, k, &sl) >= 0)
            k += sl;
        *content = skip_spaces(s, n, k);
        return MK_FOOTNOTE;
    }
    marker_kind mk = roman_marker(s, n, content);
    if (mk != MK_NONE)
        return mk;
    if (utf8_is_digit(s[0]))
        return arabic_marker(s, n, content);
    if ((mk = letter_marker(s, n, content)) != MK_NONE)
        return mk;
    if ((mk = dash_marker(s, n, content)) != MK_NONE)
        return mk;
    return paren_marker(s, n, content);
}

static bool ends_sentence(const char *s, size_t start, size_t end)
{
    while (end > start && s[end - 1] == ' ')
        end--;
    if (end == start)
        return true;
    unsigned char c = (unsigned char)s[end - 1];
    if (c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')' || c == '"')
        return true;
    /* ” (E2 80 9D) and … */
    if (end - start >= 3 && (unsigned char)s[end - 3] == 0xE2 && (unsigned char)s[end - 2] == 0x80 &&
        ((unsigned char)s[end - 1] == 0x9D || (unsigned char)s[end - 1] == 0xA6))
        return true;
    return false;
}

/* A continuation line starts with a lower-case letter, a digit or '%'. */
static bool starts_continuation(const char *s, size_t n)
{
    if (!n)
        return false;
    if (utf8_is_digit(s[0]) || s[0] == '%')
        return true;
    size_t k = 0;
    uint32_t cp = utf8_next(s, n, &k);
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

static bool add_span(segmentation *sg, size_t start, size_t end)
{
    text_span sp = { (uint32_t)start, (uint32_t)end };
    return VEC_PUSH(sg->spans, sg->n_spans, sg->cap_spans, sp);
}

/* Section title: the label before ':' when short, else the line cut at a
 * sentence end or word boundary. */
static size_t title_end(const char *s, size_t start, size_t end, bool *label)
{
    *label = false;
    for (size_t k = start; k < end && k < start + 160; k++) {
        if (s[k] == ':') {
            *label = true;
            return k;
        }
    }
    if (end - start <= 200)
        return end;
    size_t cut = start + 160;
    while (cut > start && s[cut] != ' ')
        cut--;
    if (cut > start)
        return cut;
    /* one long word: cut it between characters, never inside one */
    cut = start + 160;
    while (cut > start && utf8_is_cont((unsigned char)s[cut]))
        cut--;
    return cut;
}

static int32_t open_section(segmentation *sg, int32_t current, uint8_t rank,
                            const char *s, size_t start, size_t end)
{
    while (current >= 0 && sg->sections[current].rank >= rank)
        current = sg->sections[current].parent;
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '.' || s[end - 1] == ':'))
        end--;
    section sec = { current, rank, arena_strndup(&sg->arena, s + start, end - start) };
    if (!sec.title || !VEC_PUSH(sg->sections, sg->n_sections, sg->cap_sections, sec))
        return -2;
    return (int32_t)(sg->n_sections - 1);
}

/* Marker numbers seen inside text (superscripts not at a line start): a
 * plain-number line naming one of them with no body yet is its body. */
typedef struct footnote_book {
    uint8_t seen[1024];   /* 1 = marker seen, 2 = body seen */
} footnote_book;

/* First position in s[i..end) of a byte C2 or E2 (the lead bytes of the
 * superscript digits), or end. Eight bytes at a time: most lines have
 * none. */
static size_t next_superscript_lead(const char *s, size_t i, size_t end)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t x = (w | 0x2020202020202020ULL) ^ 0xE2E2E2E2E2E2E2E2ULL;  /* 0 where C2/E2 */
        if ((x - ones) & ~x & highs)
            break;
        i += 8;
    }
    while (i < end && ((unsigned char)s[i] | 0x20) != 0xE2)
        i++;
    return i;
}

static void note_markers(footnote_book *fb, const char *s, size_t start, size_t end)
{
    size_t i = start;
    while (i < end) {
        size_t len;
        i = next_superscript_lead(s, i, end);
        if (i >= end)
            break;
        int d = utf8_superscript_at(s, end, i, &len);
        if (d >= 0) {
            int v = 0;
            while (i < end && (d = utf8_superscript_at(s, end, i, &len)) >= 0) {
                v = v * 10 + d;
                i += len;
                if (v > 1000)
                    break;
            }
            if (v > 0 && v < 1024 && i > start + 1 && !fb->seen[v])
                fb->seen[v] = 1;
            continue;
        }
        i++;
    }
}

static int plain_footnote_number(const footnote_book *fb, const char *s, size_t n, size_t *content)
{
    size_t d = 0;
    while (d < n && utf8_is_digit(s[d]))
        d++;
    if (d == 0 || d > 3 || d >= n || s[d] != ' ')
        return -1;
    int v = 0;
    for (size_t k = 0; k < d; k++)
        v = v * 10 + (s[k] - '0');
    if (v <= 0 || v >= 1024 || fb->seen[v] != 1)
        return -1;
    /* followed by a capital letter: "29 Chương trình …" */
    size_t k = d + 1;
    uint32_t cp = utf8_next(s, n, &k);
    if (utf8proc_category((utf8proc_int32_t)cp) != UTF8PROC_CATEGORY_LU)
        return -1;
    *content = d + 1;
    return v;
}

typedef struct pending_footnote {
    block b;
    size_t start, end;
} pending_footnote;

typedef struct seg_state {
    segmentation *sg;
    pending_footnote *pending;   /* footnote bodies met inside an open paragraph */
    size_t n_pending, cap_pending;
    const char *text;
    int32_t section;
    ptrdiff_t open_para;   /* block index of a paragraph that may continue */
    bool furniture_tail;   /* after "Nơi nhận": everything is furniture */
    footnote_book fb;
} seg_state;

static bool add_block(seg_state *st, block b, size_t start, size_t end)
{
    segmentation *sg = st->sg;
    b.first_span = (uint32_t)sg->n_spans;
    b.n_spans = 1;
    if (!add_span(sg, start, end))
        return false;
    return VEC_PUSH(sg->blocks, sg->n_blocks, sg->cap_blocks, b);
}

/* Footnote bodies that interrupted a paragraph become blocks once the
 * paragraph is closed, so that its spans stay contiguous. */
static bool flush_footnotes(seg_state *st)
{
    for (size_t i = 0; i < st->n_pending; i++)
        if (!add_block(st, st->pending[i].b, st->pending[i].start, st->pending[i].end))
            return false;
    st->n_pending = 0;
    return true;
}

/* Does the line start with a NEW_PART word of segment.def (any, or one
 * that opens an annex)? */
static bool new_part_line(const char *lower, bool annex_only)
{
    for (size_t i = 0; i < sizeof new_parts / sizeof *new_parts; i++)
        if ((!annex_only || new_parts[i].annex) && has_prefix(lower, new_parts[i].prefix))
            return true;
    return false;
}

static bool is_furniture(const char *lower, const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof furniture_rules / sizeof *furniture_rules; i++) {
        const struct furniture_rule *r = &furniture_rules[i];
        if (!has_prefix(lower, r->prefix))
            continue;
        if (n > r->max_len || (!r->sentence && (s[n - 1] == '.' || s[n - 1] == ';')))
            return false;
        for (size_t k = 0; !r->digits && k < n; k++)
            if (utf8_is_digit(s[k]))
                return false;
        return true;
    }
    return false;
}

/* Does this line end the signature block that "Nơi nhận" opened? An annex,
 * a new report, a numbered heading or a body paragraph does. */
static bool ends_signature(const char *s, size_t n, const char *lower)
{
    if (new_part_line(lower, false) || n > SIGNATURE_LINE_MAX)
        return true;
    size_t content;
    marker_kind mk = line_marker(s, n, lower, &content);
    return mk == MK_PART || mk == MK_ROMAN || mk == MK_ARABIC || mk == MK_ROMAN_ARABIC;
}

/* "Nơi nhận" opens the signature block; an annex, a heading, a body
 * paragraph or a new report ends it. False on allocation failure. */
static bool track_signature(seg_state *st, const char *s, size_t n, const char *lower)
{
    if (HAS_ANY_PREFIX(lower, closing_prefixes)) {
        st->furniture_tail = true;
        return true;
    }
    if (!st->furniture_tail || !ends_signature(s, n, lower))
        return true;
    st->furniture_tail = false;
    if (new_part_line(lower, true))
        return true;
    /* a new report: its footnotes are numbered afresh */
    memset(&st->fb, 0, sizeof st->fb);
    size_t at = st->sg->n_blocks;
    return VEC_PUSH(st->sg->report_starts, st->sg->n_report_starts, st->sg->cap_report_starts, at);
}

/* The number of a footnote body that starts with superscript digits. */
static int superscript_number(const char *s, size_t n)
{
    size_t k = 0, len;
    int v = 0, d;
    while (k < n && (d = utf8_superscript_at(s, n, k, &len)) >= 0) {
        v = v * 10 + d;
        k += len;
    }
    return v;
}

/* A footnote body (number fn, text from ls + content to le). */
static bool add_footnote(seg_state *st, block b, int fn, size_t ls, size_t content, size_t le)
{
    if (fn > 0 && fn < 1024)
        st->fb.seen[fn] = 2;
    b.kind = BLK_FOOTNOTE;
    b.marker = MK_FOOTNOTE;
    b.footnote = fn;
    b.marker_start = (uint32_t)ls;
    b.marker_end = (uint32_t)(ls + content);
    b.section = st->section;
    /* a footnote body does not close the paragraph it interrupts */
    if (st->open_para >= 0) {
        pending_footnote pf = { b, ls + content, le };
        return VEC_PUSH(st->pending, st->n_pending, st->cap_pending, pf);
    }
    return add_block(st, b, ls + content, le);
}

/* Does the line [s, s + n) end with a LINE_GOES_ON word (whole, in any
 * letter case)? */
static bool ends_with_goes_on(const char *s, size_t n)
{
    enum { TAIL = 24 };
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    size_t from = n > TAIL ? n - TAIL : 0;
    while (from < n && (s[from] & 0xC0) == 0x80)
        from++;   /* (a whole character first) */
    char tail[2 * TAIL + 8];
    size_t len = utf8_lower(s + from, n - from, tail, sizeof tail);
    for (size_t w = 0; w < sizeof goes_on_words / sizeof *goes_on_words; w++) {
        size_t l = strlen(goes_on_words[w]);
        if (l <= len && memcmp(tail + len - l, goes_on_words[w], l) == 0 &&
            (l == len || tail[len - l - 1] == ' '))
            return true;
    }
    return false;
}

/* Does the line s (no marker) continue the open paragraph across a page
 * break: it starts in lower case, a digit or '%', and the paragraph, the
 * last block, ends without a sentence end, or with `;` or `,`? */
static bool continues_paragraph(const seg_state *st, const char *s, size_t n)
{
    if (st->open_para < 0 || !starts_continuation(s, n))
        return false;
    const block *op = &st->sg->blocks[st->open_para];
    const text_span *last = &st->sg->spans[op->first_span + op->n_spans - 1];
    /* the document's first line may be its title (a release, a web page):
     * `Tình hình kinh tế - xã hội 6 tháng đầu năm 2024` ends at its line */
    if (st->open_para == 0 && op->n_spans == 1) {
        char lower[40];
        utf8_lower(st->text + last->start, last->end - last->start, lower, sizeof lower);
        if (has_any_prefix(lower, title_prefixes, sizeof title_prefixes / sizeof *title_prefixes))
            return false;
        /* a short first line above one that opens with a number is a
         * headline before its text (`Thái Bình sắp cán đích thu ngân
         * sách` / `9 tháng đầu năm, tổng thu …`), with or without a blank
         * line between, unless it ends with a LINE_GOES_ON word */
        enum { HEADLINE_BYTES = 160 };
        if (utf8_is_digit(s[0]) && last->end - last->start <= HEADLINE_BYTES &&
            !ends_with_goes_on(st->text + last->start, last->end - last->start))
            return false;
    }
    bool last_is_final = op->first_span + op->n_spans == st->sg->n_spans;
    if (last_is_final && !ends_sentence(st->text, last->start, last->end))
        return true;
    /* `;` or `,` at a page end followed by a lower-case line */
    return last_is_final && utf8_is_digit(s[0]) == false && s[0] != '%' &&
           ends_sentence(st->text, last->start, last->end) &&
           st->text[last->end - 1] != '.' && st->text[last->end - 1] != ':';
}

/* A heading or paragraph line with marker mk, its text from ls + content
 * to le: it opens a section when its marker ranks as a heading (a dash
 * item only as a short label), when it names an annex, or when it is a
 * short label line of its own; then it is the paragraph that may go on. */
static bool add_line_block(seg_state *st, block b, marker_kind mk, const char *lower,
                           size_t ls, size_t content, size_t le)
{
    b.marker = (uint8_t)mk;
    b.marker_start = (uint32_t)ls;
    b.marker_end = (uint32_t)(ls + content);
    uint8_t rank = marker_rank[mk];
    size_t body = ls + content;
    bool label = false;
    size_t te = title_end(st->text, body, le, &label);
    bool heading = rank != 0xFF;
    if (heading && (mk == MK_DASH || mk == MK_PLUS)) {
        /* dash items are headings only as labels: "- Về trồng trọt:" */
        heading = label && te - body <= 80;
    }
    if (!heading && mk == MK_NONE && new_part_line(lower, true)) {
        heading = true;   /* an annex is a part of its own, named by its whole line */
        rank = 0;
        te = le;
        label = false;
    } else if (!heading && mk == MK_NONE && label && te - body <= 60 && te + 1 >= le) {
        /* a label line of its own: "Kết quả sản xuất vụ Đông Xuân:" */
        heading = true;
        rank = RANK_LABEL;
    }
    if (heading) {
        int32_t id = open_section(st->sg, st->section, rank, st->text, ls, te);
        if (id == -2)
            return false;
        st->section = id;
        b.opens_section = true;
        b.label_heading = label;
    }
    b.section = st->section;
    if (!add_block(st, b, body, le))
        return false;
    st->open_para = (ptrdiff_t)st->sg->n_blocks - 1;
    return true;
}

static bool segment_line(seg_state *st, size_t ls, size_t le)
{
    const char *s = st->text + ls;
    size_t n = le - ls;
    /* only prefixes are tested (segment.def's, at most LINE_PREFIX_MAX
     * bytes), so LINE_LOWER_CAP lower-cased bytes are as good as the whole
     * line start */
    char lower[LINE_LOWER_CAP];
    utf8_lower(s, n < 80 ? n : 80, lower, sizeof lower);
    block b = { .kind = BLK_PARAGRAPH, .footnote = -1, .table = -1 };

    if (!track_signature(st, s, n, lower))
        return false;
    if (st->furniture_tail || is_furniture(lower, s, n)) {
        b.kind = BLK_FURNITURE;
        b.section = st->section;
        st->open_para = -1;
        return flush_footnotes(st) && add_block(st, b, ls, le);
    }

    size_t content = 0;
    marker_kind mk = line_marker(s, n, lower, &content);
    int fn = -1;
    if (mk == MK_FOOTNOTE) {
        fn = superscript_number(s, n);
    } else if (mk == MK_NONE || mk == MK_ARABIC2) {
        size_t c2;
        int v = plain_footnote_number(&st->fb, s, n, &c2);
        if (v > 0 && mk == MK_NONE) {
            mk = MK_FOOTNOTE;
            fn = v;
            content = c2;
        }
    }
    if (mk == MK_FOOTNOTE)
        return add_footnote(st, b, fn, ls, content, le);

    note_markers(&st->fb, st->text, ls, le);

    /* page-break continuation of the open paragraph */
    if (mk == MK_NONE && continues_paragraph(st, s, n)) {
        if (!add_span(st->sg, ls, le))
            return false;
        st->sg->blocks[st->open_para].n_spans++;
        return true;
    }

    if (!flush_footnotes(st))
        return false;
    return add_line_block(st, b, mk, lower, ls, content, le);
}

/* A short line just before a table (no sentence end) is its title: it
 * opens a section that the table's records name. */
static bool name_table(seg_state *st)
{
    segmentation *sg = st->sg;
    /* the title, or the line before a bracketed note under it */
    for (size_t back = 1; back <= 3 && back <= sg->n_blocks; back++) {
        block *tb = &sg->blocks[sg->n_blocks - back];
        if (tb->kind != BLK_PARAGRAPH || tb->opens_section || tb->n_spans != 1)
            return true;
        const text_span *sp = &sg->spans[tb->first_span];
        if (sp->end - sp->start > 200 || st->text[sp->end - 1] == '.')
            return true;
        if (st->text[sp->start] == '(' || st->text[sp->start] == '|')
            continue;   /* a bracketed note under the title, a stray cell rule */
        int32_t id = open_section(sg, st->section, RANK_TABLE, st->text, sp->start, sp->end);
        if (id == -2)
            return false;
        tb->opens_section = true;
        for (size_t k = sg->n_blocks - back; k < sg->n_blocks; k++)
            sg->blocks[k].section = id;
        st->section = id;
        return true;
    }
    return true;
}

static bool add_table_block(seg_state *st, size_t ti)
{
    const table *t = &st->sg->tables.tables[ti];
    st->furniture_tail = false;
    st->open_para = -1;
    if (!flush_footnotes(st) || !name_table(st))
        return false;
    block b = { .kind = BLK_TABLE, .footnote = -1, .table = (int32_t)ti, .section = st->section };
    return add_block(st, b, t->start, t->end);
}

bool segment_text_layout(const char *text, size_t len, const layout_source *src,
                         segmentation *out)
{
    memset(out, 0, sizeof *out);
    seg_state st = { .sg = out, .text = text, .section = -1, .open_para = -1 };
    bool ok = tables_find(text, len, src, &out->tables);
    size_t ls = 0, ti = 0;
    while (ok && ls <= len) {
        if (ti < out->tables.n_tables && ls >= out->tables.tables[ti].start) {
            ok = add_table_block(&st, ti);
            ls = out->tables.tables[ti++].end + 1;
            continue;
        }
        const char *nl = memchr(text + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - text) : len;
        if (le > ls)
            ok = segment_line(&st, ls, le);
        if (!nl)
            break;
        ls = le + 1;
    }
    ok = ok && flush_footnotes(&st);
    free(st.pending);
    if (!ok)
        segmentation_free(out);
    return ok;
}

bool segment_text(const char *text, size_t len, segmentation *out)
{
    return segment_text_layout(text, len, NULL, out);
}

void segmentation_free(segmentation *s)
{
    free(s->blocks);
    free(s->spans);
    free(s->sections);
    table_set_free(&s->tables);
    free(s->report_starts);
    arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}

bool segment_same_report(const segmentation *s, size_t a, size_t b)
{
    for (size_t i = 0; i < s->n_report_starts; i++)
        if (s->report_starts[i] > a && s->report_starts[i] <= b)
            return false;
    return true;
}

size_t section_depth(const segmentation *s, int32_t id)
{
    size_t d = 0;
    while (id >= 0) {
        d++;
        id = s->sections[id].parent;
    }
    return d;
}

void section_path(const segmentation *s, int32_t id, const char **titles, size_t depth)
{
    size_t k = depth;
    while (id >= 0 && k > 0) {
        titles[--k] = s->sections[id].title;
        id = s->sections[id].parent;
    }
}
