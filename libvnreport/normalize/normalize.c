/*
 * normalize.c — stage 2: decoded UTF-8 → normalized UTF-8 (see normalize.h).
 *
 * Two passes, each recording where it moved text:
 *  1. cleanup: line endings, whitespace, invisible characters, markdown and
 *     LaTeX debris, footnote superscripts split off. Runs of ordinary
 *     characters are copied in bulk; on the way it marks the words the
 *     second pass must see.
 *  2. unicode: NFC through utf8proc, but only for words holding a code point
 *     outside the ranges known to be NFC-stable (almost never in practice),
 *     and the tone-mark placement fix (`hoà` → `hòa`, `thuỷ` → `thủy`).
 *     Only the marked words are rewritten; the rest is copied in bulk, and
 *     with no mark at all the pass is skipped.
 *
 * Measured on the corpus concatenated to 50 MB: about 5× the speed of one
 * utf8proc NFC call over the whole text (which reads every code point).
 */
#include "normalize.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---------------------------------------------------------------- */
/* Character classes of the unicode pass, also used by the cleanup   */
/* pass to mark the words that need it                               */
/* ---------------------------------------------------------------- */

/* Code points ≥ U+0080 that are NFC-stable whatever surrounds them (no
 * combining class, no singleton decomposition). Anything else sends its word
 * through utf8proc. */
static bool nfc_safe(uint32_t cp)
{
    if (cp < 0x0300)
        return true;
    if (cp >= 0x1E00 && cp <= 0x1EFF)
        return true;
    if (cp >= 0x2002 && cp <= 0x20CF)
        return true;
    if (cp >= 0x2100 && cp <= 0x2BFF)
        return cp != 0x2126 && cp != 0x212A && cp != 0x212B && cp != 0x2329 && cp != 0x232A &&
               cp != 0x2ADC; /* the singletons of the range (checked against utf8proc) */
    if (cp >= 0xFF00 && cp <= 0xFFFD)
        return true;
    if (cp >= 0x1F000 && cp <= 0x1FAFF)
        return true;
    return false;
}

/* Toned vowels: [vowel][tone-1] for a e y o u and upper case A E Y O U. */
static const uint32_t toned[10][5] = {
    { 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1 }, /* a */
    { 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9 }, /* e */
    { 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5 }, /* y */
    { 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD }, /* o */
    { 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5 }, /* u */
    { 0x00C0, 0x00C1, 0x1EA2, 0x00C3, 0x1EA0 }, /* A */
    { 0x00C8, 0x00C9, 0x1EBA, 0x1EBC, 0x1EB8 }, /* E */
    { 0x1EF2, 0x00DD, 0x1EF6, 0x1EF8, 0x1EF4 }, /* Y */
    { 0x00D2, 0x00D3, 0x1ECE, 0x00D5, 0x1ECC }, /* O */
    { 0x00D9, 0x00DA, 0x1EE6, 0x0168, 0x1EE4 }, /* U */
};
static const char toned_base[10] = { 'a', 'e', 'y', 'o', 'u', 'A', 'E', 'Y', 'O', 'U' };

static int tone_of(uint32_t cp, int *vowel)
{
    for (int v = 0; v < 10; v++)
        for (int t = 0; t < 5; t++)
            if (toned[v][t] == cp) {
                *vowel = v;
                return t + 1;
            }
    return 0;
}

/* Is `cp` a toned a/e/y (either case), the second vowel of a glide? */
static bool is_toned_glide_vowel(uint32_t cp)
{
    /* the a, e, y, A, E, Y rows of `toned`, as a switch: the cleaner asks
     * after every o and u */
    switch (cp) {
    case 0x00E0: case 0x00E1: case 0x1EA3: case 0x00E3: case 0x1EA1:   /* a */
    case 0x00E8: case 0x00E9: case 0x1EBB: case 0x1EBD: case 0x1EB9:   /* e */
    case 0x1EF3: case 0x00FD: case 0x1EF7: case 0x1EF9: case 0x1EF5:   /* y */
    case 0x00C0: case 0x00C1: case 0x1EA2: case 0x00C3: case 0x1EA0:   /* A */
    case 0x00C8: case 0x00C9: case 0x1EBA: case 0x1EBC: case 0x1EB8:   /* E */
    case 0x1EF2: case 0x00DD: case 0x1EF6: case 0x1EF8: case 0x1EF4:   /* Y */
        return true;
    default:
        return false;
    }
}

/* Is `cp` a toned u (either case): after `q` the tone belongs on the
 * vowel after it (`Qúy` → `Quý`)? */
static bool is_toned_u(uint32_t cp)
{
    int v;
    return cp >= 0x80 && tone_of(cp, &v) && (v == 4 || v == 9);
}

/* Does the unicode pass have work at code point `cp`, written after the
 * byte `prev`? (Not NFC-stable, or the toned vowel of an o/u glide.) */
static bool needs_unicode_pass(uint32_t cp, char prev)
{
    if (!nfc_safe(cp))
        return true;
    return ((prev == 'o' || prev == 'O' || prev == 'u' || prev == 'U') && is_toned_glide_vowel(cp)) ||
           ((prev == 'q' || prev == 'Q') && is_toned_u(cp));
}

/* ---------------------------------------------------------------- */
/* Pass 1: cleanup                                                   */
/* ---------------------------------------------------------------- */

typedef struct cleaner {
    const char *in;
    size_t n;
    vnr_buf out;
    offmap *map;
    size_t delta_src;   /* src - out for the current run */
    size_t gap_src;     /* first source byte dropped since the last output */
    bool gap_open;      /* bytes were dropped since the last output */
    bool pending_space;
    size_t *hot;        /* output positions where the unicode pass has work */
    size_t n_hot, cap_hot;
    bool ok;
} cleaner;

/* The unicode pass must look at the word around output position `pos`. */
static void mark_hot(cleaner *c, size_t pos)
{
    if (c->n_hot && c->hot[c->n_hot - 1] == pos)
        return;
    if (!VEC_PUSH(c->hot, c->n_hot, c->cap_hot, pos))
        c->ok = false;
}

/* Record that out.len corresponds to source position `src`. */
static void sync(cleaner *c, size_t src)
{
    if (c->out.len + c->delta_src != src) {
        c->delta_src = src - c->out.len;
        if (!offmap_add(c->map, c->out.len, src, 1))
            c->ok = false;
    }
}

/* Source byte `src` is dropped (whitespace, markup, invisible). */
static void drop(cleaner *c, size_t src)
{
    if (!c->gap_open) {
        c->gap_open = true;
        c->gap_src = src;
    }
}

/* A space is owed before the next output (collapsed whitespace, or the
 * split before a footnote marker at `src`). */
static void owe_space(cleaner *c, size_t src)
{
    drop(c, src);
    c->pending_space = true;
}

/*
 * Characters the cleaner makes up (the one space standing for a run of
 * whitespace and markup, the line break standing for trailing blanks and
 * CR LF) map to the first dropped byte. So the end of a number before them
 * maps to the end of its digits: `177.078   ha`, `2021¹`, `5 \r\n`.
 */
static void flush_space(cleaner *c)
{
    if (c->pending_space) {
        c->pending_space = false;
        if (c->out.len && c->out.data[c->out.len - 1] != '\n') {
            sync(c, c->gap_src);
            if (!buf_append_char(&c->out, ' '))
                c->ok = false;
        }
    }
}

static void emit(cleaner *c, size_t src, const char *s, size_t k)
{
    flush_space(c);
    sync(c, src);
    if (!buf_append(&c->out, s, k))
        c->ok = false;
    c->gap_open = false;
}

static void emit_newline(cleaner *c, size_t src)
{
    c->pending_space = false;
    sync(c, c->gap_open ? c->gap_src : src);
    if (!buf_append_char(&c->out, '\n'))
        c->ok = false;
    c->gap_open = false;
}

static char last_out(const cleaner *c)
{
    return c->out.len ? c->out.data[c->out.len - 1] : '\n';
}

static bool is_invisible_cp(uint32_t cp)
{
    return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
           cp == 0x2060 || cp == 0xFEFF || cp == 0x200E || cp == 0x200F;
}

/* `m²`, `km³`, `m2`: a superscript right after a length unit is a power. */
static bool follows_length_unit(const cleaner *c)
{
    size_t n = c->out.len;
    if (n == 0 || (c->out.data[n - 1] != 'm' && c->out.data[n - 1] != 'M'))
        return false;
    if (n == 1)
        return true;
    char p = c->out.data[n - 2];
    if (p == 'k' || p == 'c' || p == 'd' || p == 'h' || p == 'K')
        return n == 2 || !((c->out.data[n - 3] | 0x20) >= 'a' && (c->out.data[n - 3] | 0x20) <= 'z');
    return !((p | 0x20) >= 'a' && (p | 0x20) <= 'z') && !((unsigned char)p >= 0x80);
}

/* Was the last code point written a superscript digit (same marker)? */
static bool ends_with_superscript(const cleaner *c)
{
    size_t j = c->out.len;
    return j > 0 && utf8_superscript_digit(utf8_prev(c->out.data, &j)) >= 0;
}

/* LaTeX command → replacement text (NULL: drop the command). */
static const struct {
    const char *cmd;
    const char *text;
} latex_commands[] = {
    { "leq", "≤" }, { "le", "≤" }, { "leqslant", "≤" },
    { "geq", "≥" }, { "ge", "≥" }, { "geqslant", "≥" },
    { "times", "×" }, { "approx", "≈" }, { "sim", "~" }, { "neq", "≠" },
    { "pm", "±" }, { "cdot", "·" }, { "%", "%" }, { ",", " " }, { ";", " " },
    { " ", " " }, { "lt", "<" }, { "gt", ">" },
};

/* A line break starts at s[k]: LF, CR, U+0085, U+2028 or U+2029. Markup
 * never spans one, so dropping markup never drops a line. */
static bool line_break_at(const char *s, size_t n, size_t k)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[k] == '\n' || u[k] == '\r')
        return true;
    if (u[k] == 0xC2)
        return k + 1 < n && u[k + 1] == 0x85;
    return u[k] == 0xE2 && k + 2 < n && u[k + 1] == 0x80 && (u[k + 2] == 0xA8 || u[k + 2] == 0xA9);
}

/* Find the closing `$` of inline math starting at `i` (which is `$`). */
static size_t math_end(const char *s, size_t n, size_t i)
{
    for (size_t k = i + 1; k < n && k < i + 200; k++) {
        if (line_break_at(s, n, k))
            return 0;
        if (s[k] == '$')
            return k > i + 1 ? k : 0;
    }
    return 0;
}

static void clean_math(cleaner *c, size_t start, size_t end)
{
    const char *s = c->in;
    size_t i = start + 1;
    while (i < end) {
        char ch = s[i];
        if (ch == '\\') {
            size_t k = i + 1;
            if (k < end && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')) {
                while (k < end && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
                    k++;
            } else if (k < end) {
                utf8_next(s, end, &k);   /* one whole character: `\%`, `\≤` */
            }
            const char *rep = NULL;
            for (size_t t = 0; t < sizeof latex_commands / sizeof *latex_commands; t++) {
                size_t L = strlen(latex_commands[t].cmd);
                if (L == k - i - 1 && memcmp(latex_commands[t].cmd, s + i + 1, L) == 0) {
                    rep = latex_commands[t].text;
                    break;
                }
            }
            if (rep && strcmp(rep, " ") == 0)
                owe_space(c, i);
            else if (!rep)
                drop(c, i);
            else if (rep)
                emit(c, i, rep, strlen(rep));
            i = k;
        } else if (ch == '{' || ch == '}' || ch == '^' || ch == '_') {
            drop(c, i);
            i++;
        } else if (ch == ' ' || ch == '~') {
            owe_space(c, i);
            i++;
        } else {
            emit(c, i, s + i, 1);
            if ((unsigned char)s[i] >= 0x80)
                mark_hot(c, c->out.len - 1);  /* let the unicode pass look */
            i++;
        }
    }
}

/* `[text](url)`: returns the end of the link and sets text bounds, or 0. */
static size_t link_end(const char *s, size_t n, size_t i, size_t *text_end)
{
    size_t k = i + 1;
    while (k < n && s[k] != ']' && !line_break_at(s, n, k) && k < i + 500)
        k++;
    if (k + 1 >= n || s[k] != ']' || s[k + 1] != '(')
        return 0;
    *text_end = k;
    k += 2;
    while (k < n && s[k] != ')' && !line_break_at(s, n, k) && s[k] != ' ')
        k++;
    return (k < n && s[k] == ')') ? k + 1 : 0;
}

static bool is_ascii_punct(char ch)
{
    return ch && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", ch) != NULL;
}

static size_t clean_ascii_or_copy_next(cleaner *c, size_t i);

/* A link `[text](url)` keeps its text, an image `![alt](url)` goes whole:
 * returns the position after it, or 0 when s[i] ('!' or '[') opens none. */
static size_t clean_link(cleaner *c, size_t i)
{
    const char *s = c->in;
    size_t n = c->n;
    char ch = s[i];
    size_t open = ch == '!' ? i + 1 : i;
    size_t text_end;
    if (open < n && s[open] == '[') {
        size_t end = link_end(s, n, open, &text_end);
        if (end) {
            drop(c, i);
            if (ch == '[') {
                /* keep the link text, drop the target; markup inside
                 * the text may not reach past it */
                size_t saved_n = c->n;
                c->n = text_end;
                for (size_t k = open + 1; k < text_end; )
                    k = clean_ascii_or_copy_next(c, k);
                c->n = saved_n;
                drop(c, text_end);
            }
            return end;
        }
    }
    return 0;
}

/* Handle one ASCII byte at position i; returns the next position. */
static size_t clean_ascii(cleaner *c, size_t i)
{
    const char *s = c->in;
    size_t n = c->n;
    char ch = s[i];
    switch (ch) {
    case '\r':
        if (i + 1 < n && s[i + 1] == '\n') {
            drop(c, i);
            return i + 1;
        }
        /* fall through */
    case '\n':
        emit_newline(c, i);
        return i + 1;
    case ' ':
    case '\t':
    case '\f':
    case '\v':
        owe_space(c, i);
        return i + 1;
    case '*': {
        /* keep a lone `(*)` marker; any other run of asterisks is emphasis */
        if (last_out(c) == '(' && i + 1 < n && s[i + 1] == ')') {
            emit(c, i, "*", 1);
            return i + 1;
        }
        size_t k = i;
        while (k < n && s[k] == '*')
            k++;
        drop(c, i);
        return k;
    }
    case '#':
        if (last_out(c) == '\n') {
            size_t k = i;
            while (k < n && s[k] == '#')
                k++;
            if (k < n && s[k] == ' ') {
                drop(c, i);
                return k;
            }
        }
        break;
    case '$': {
        size_t end = math_end(s, n, i);
        if (end) {
            drop(c, i);
            clean_math(c, i, end);
            drop(c, end);
            return end + 1;
        }
        break;
    }
    case '\\':
        if (i + 1 < n && is_ascii_punct(s[i + 1])) {
            drop(c, i);
            emit(c, i + 1, s + i + 1, 1);
            return i + 2;
        }
        break;
    case '!':
    case '[': {
        size_t end = clean_link(c, i);
        if (end)
            return end;
        break;
    }
    default:
        break;
    }
    emit(c, i, s + i, 1);
    return i + 1;
}

/* Handle one non-ASCII code point at position i; returns the next position. */
static size_t clean_nonascii(cleaner *c, size_t i)
{
    size_t k = i;
    uint32_t cp = utf8_next(c->in, c->n, &k);
    if (utf8_is_space_cp(cp)) {
        owe_space(c, i);
        return k;
    }
    if (is_invisible_cp(cp)) {
        drop(c, i);
        return k;
    }
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        /* Unicode line separators end lines too */
        emit_newline(c, i);
        return k;
    }
    if (utf8_superscript_digit(cp) >= 0 && !follows_length_unit(c) && !c->pending_space &&
        !ends_with_superscript(c)) {
        /* a footnote marker: split it from the word or number it follows */
        char prev = last_out(c);
        if (prev != ' ' && prev != '\n')
            owe_space(c, i);
    }
    char prev = last_out(c);
    emit(c, i, c->in + i, k - i);
    if (needs_unicode_pass(cp, prev))
        mark_hot(c, c->out.len - (k - i));
    return k;
}

static size_t clean_ascii_or_copy_next(cleaner *c, size_t i)
{
    if ((unsigned char)c->in[i] < 0x80)
        return clean_ascii(c, i);
    return clean_nonascii(c, i);
}

/*
 * Length of a character at s[k] that the cleaner copies unchanged whatever
 * surrounds it, or 0: ASCII other than whitespace and markup, U+00C0–U+07FF
 * (Latin letters and combining marks) and U+1E00–U+1EFF (Vietnamese). None
 * of the spaces, invisibles, line separators or superscripts is among them.
 */
static const bool ascii_special[128] = {
    [0] = true, ['\r'] = true, ['\n'] = true, [' '] = true, ['\t'] = true, ['\f'] = true,
    ['\v'] = true, ['*'] = true, ['#'] = true, ['$'] = true, ['\\'] = true, ['!'] = true,
    ['['] = true,
};

static size_t plain_char(const unsigned char *s, size_t k, size_t n)
{
    unsigned char b = s[k];
    if (b < 0x80)
        return ascii_special[b] ? 0 : 1;
    if (b >= 0xC3 && b <= 0xDF)
        return k + 1 < n && utf8_is_cont(s[k + 1]) ? 2 : 0;
    if (b == 0xE1)
        return k + 2 < n && s[k + 1] >= 0xB8 && s[k + 1] <= 0xBB &&
               utf8_is_cont(s[k + 2]) ? 3 : 0;
    return 0;
}

/* Copy the run of plain characters (and single spaces between them)
 * starting at i, marking where the unicode pass has work; most text is
 * such runs. Returns the end of the run (i when there is none). */
static size_t copy_plain_run(cleaner *c, size_t i)
{
    const unsigned char *s = (const unsigned char *)c->in;
    size_t n = c->n, k = i;
    size_t out0 = c->out.len;   /* output position of s[i] */
    while (k < n) {
        if (s[k] < 0x80 && !ascii_special[s[k]]) {
            k++;   /* plain ASCII, most of the text */
            continue;
        }
        size_t len = plain_char(s, k, n);
        if (!len) {
            if (s[k] == ' ' && k > i && k + 1 < n && plain_char(s, k + 1, n))
                len = 1;
            else
                break;
        }
        if (len > 1) {
            char prev = k > i ? (char)s[k - 1] : last_out(c);
            if ((s[k] == 0xE1 || s[k] <= 0xCB) && prev != 'o' && prev != 'O' && prev != 'u' &&
                prev != 'U' && prev != 'q' && prev != 'Q') {
                /* U+00C0–U+02FF and U+1E00–U+1EFF are NFC-stable and only
                 * a toned vowel after o/u (or a toned u after q) needs the
                 * pass: no decoding */
                k += len;
                continue;
            }
            /* plain_char has checked the sequence: the short decoder takes it */
            size_t at = k;
            uint32_t cp = 0;
            utf8_next_short(c->in, n, &at, &cp);
            if (needs_unicode_pass(cp, prev))
                mark_hot(c, out0 + (k - i));
        }
        k += len;
    }
    if (k > i) {
        sync(c, i);
        if (!buf_append(&c->out, c->in + i, k - i))
            c->ok = false;
        c->gap_open = false;
    }
    return k;
}

/* The cleaned text, its map, and the sorted positions (in the cleaned
 * text) of the words the unicode pass must see. */
static vnr_status clean_text(const char *in, size_t n, vnr_buf *out, offmap *map,
                             size_t **hot, size_t *n_hot)
{
    cleaner c = { .in = in, .n = n, .map = map, .ok = true };
    if (!buf_reserve(&c.out, n + 16))
        return VNR_E_NOMEM;
    const unsigned char *u = (const unsigned char *)in;
    size_t i = 0;
    while (i < n && c.ok) {
        if (!c.pending_space) {
            size_t k = copy_plain_run(&c, i);
            if (k > i) {
                i = k;
                continue;
            }
        }
        i = u[i] >= 0x80 ? clean_nonascii(&c, i) : clean_ascii(&c, i);
    }
    c.out.data[c.out.len] = '\0';
    *out = c.out;
    *hot = c.hot;
    *n_hot = c.n_hot;
    return c.ok ? VNR_OK : VNR_E_NOMEM;
}

/* ---------------------------------------------------------------- */
/* Pass 2: NFC and tone placement                                    */
/* ---------------------------------------------------------------- */

static bool is_letter_cp(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* The row of `toned` for the plain ASCII vowel c (a e y o, either
 * case), else -1. */
static int untoned_vowel_row(char c)
{
    for (int v = 0; v < 10; v++)
        if (toned_base[v] == c && v != 4 && v != 9)
            return v;
    return -1;
}

/*
 * Traditional placement: in an open syllable with the glide `o` + `a`/`e` or
 * `u` + `y` (not after `q`), the mark sits on the first vowel. Rewrites the
 * word w[0..n) into `out`; returns false on allocation failure.
 */
static bool place_tones(const char *w, size_t n, vnr_buf *out)
{
    size_t i = 0;
    size_t prev_start = (size_t)-1, prev2_start = (size_t)-1;
    uint32_t prev = 0, prev2 = 0;
    size_t flushed = 0;
    while (i < n) {
        size_t start = i;
        uint32_t cp = utf8_next_fast(w, n, &i);
        int v;
        int t = cp >= 0x80 ? tone_of(cp, &v) : 0;
        if (t && (v == 4 || v == 9) && (prev == 'q' || prev == 'Q')) {
            /* `qu` is the initial: `Qúy` → `Quý`, `qúa` → `quá` */
            int next_v = i < n ? untoned_vowel_row(w[i]) : -1;
            if (next_v >= 0) {
                if (!buf_append(out, w + flushed, start - flushed) || !buf_append_char(out, toned_base[v]) ||
                    !buf_append_utf8(out, toned[next_v][t - 1]))
                    return false;
                flushed = ++i;
                prev2 = prev;
                prev = (uint32_t)(unsigned char)w[i - 1];
                prev_start = i - 1;
                continue;
            }
        }
        if (t && prev_start != (size_t)-1) {
            char b = toned_base[v];
            char pb = (char)prev;
            bool glide = ((b == 'a' || b == 'e' || b == 'A' || b == 'E') && (pb == 'o' || pb == 'O')) ||
                         ((b == 'y' || b == 'Y') && (pb == 'u' || pb == 'U') &&
                          !(prev2 == 'q' || prev2 == 'Q'));
            size_t after = i;
            bool open = true;
            if (after < n) {
                size_t k = after;
                open = !is_letter_cp(utf8_next_fast(w, n, &k));
            }
            if (glide && open) {
                int pv = (pb == 'o') ? 3 : (pb == 'u') ? 4 : (pb == 'O') ? 8 : 9;
                if (!buf_append(out, w + flushed, prev_start - flushed) ||
                    !buf_append_utf8(out, toned[pv][t - 1]) ||
                    !buf_append_char(out, b))
                    return false;
                flushed = i;
            }
        }
        prev2 = prev;
        prev2_start = prev_start;
        prev = cp;
        prev_start = start;
    }
    (void)prev2_start;
    return buf_append(out, w + flushed, n - flushed);
}

/* Does the word need NFC, or hold o/u + a toned a/e/y (a tone candidate)? */
static void scan_word(const char *w, size_t n, bool *needs_nfc, bool *tone_candidate)
{
    *needs_nfc = *tone_candidate = false;
    size_t i = 0;
    char prev = 0;
    while (i < n) {
        unsigned char b = (unsigned char)w[i];
        if (b < 0x80) {
            prev = (char)b;
            i++;
            continue;
        }
        uint32_t cp = utf8_next_fast(w, n, &i);
        if (!nfc_safe(cp))
            *needs_nfc = true;
        if (((prev == 'o' || prev == 'O' || prev == 'u' || prev == 'U') && is_toned_glide_vowel(cp)) ||
            ((prev == 'q' || prev == 'Q') && is_toned_u(cp)))
            *tone_candidate = true;
        prev = 0;
    }
}

/* Code-point buffer reused by every NFC call of one normalization, so a
 * decomposed document costs no allocation per word. */
typedef struct nfc_scratch {
    utf8proc_int32_t *cp;
    size_t cap;
} nfc_scratch;

/* NFC of w[0..n) into the scratch (as UTF-8); its length, or < 0 when
 * utf8proc refuses the input or memory runs out. */
static utf8proc_ssize_t nfc_word(const char *w, size_t n, nfc_scratch *sc)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)w;
    utf8proc_ssize_t r = utf8proc_decompose(u, (utf8proc_ssize_t)n, sc->cp,
                                            (utf8proc_ssize_t)sc->cap, opts);
    if (r >= 0 && (size_t)r > sc->cap) {
        if (!vec_grow((void **)&sc->cp, &sc->cap, (size_t)r, sizeof *sc->cp))
            return UTF8PROC_ERROR_NOMEM;
        r = utf8proc_decompose(u, (utf8proc_ssize_t)n, sc->cp, (utf8proc_ssize_t)sc->cap, opts);
    }
    if (r < 0)
        return r;
    /* composes, then writes UTF-8 over the code points (it always fits) */
    return utf8proc_reencode(sc->cp, r, opts);
}

static bool normalize_word(const char *w, size_t n, nfc_scratch *sc, vnr_buf *out,
                           bool *changed)
{
    bool needs_nfc, tone_candidate;
    scan_word(w, n, &needs_nfc, &tone_candidate);
    *changed = false;
    if (!needs_nfc && !tone_candidate)
        return buf_append(out, w, n);
    const char *src = w;
    size_t len = n;
    if (needs_nfc) {
        utf8proc_ssize_t r = nfc_word(w, n, sc);
        if (r == UTF8PROC_ERROR_NOMEM)
            return false;   /* not "utf8proc refused it": keeping w would change the text */
        if (r >= 0) {
            src = (const char *)sc->cp;
            len = (size_t)r;
            /* NFC may expose a glide + toned vowel pair */
            tone_candidate = true;
        }
    }
    size_t before = out->len;
    bool ok = tone_candidate ? place_tones(src, len, out) : buf_append(out, src, len);
    *changed = ok && (out->len - before != n || memcmp(out->data + before, w, n) != 0);
    return ok;
}

/*
 * Normalize in[i..w), a word holding non-ASCII text, piece by piece: runs of
 * ASCII digits (with a sign right before them) are copied as they are and
 * the pieces between them go
 * through normalize_word. A piece that changes gets anchors at both ends,
 * so digits glued to a rewritten word (`năm2021` in NFD, `tuỳ2021`) keep
 * their exact positions. Digits are not letters, so cutting there changes
 * neither NFC nor tone placement. Inside a rewritten piece every position
 * maps to the piece's start (step 0): NFC can make a piece longer (U+0A33
 * → U+0A32 U+0A3C), and a linear map would point past its end, even past
 * the end of the text.
 */
/* Does a number start at in[k] (k < w): a digit, or a sign right before
 * one (`(-3`), whose position a record's value text starts at? */
static bool starts_number(const char *in, size_t w, size_t k)
{
    return utf8_is_digit(in[k]) || ((in[k] == '-' || in[k] == '+') && k + 1 < w && utf8_is_digit(in[k + 1]));
}


static bool normalize_pieces(const char *in, size_t i, size_t w, nfc_scratch *sc,
                             vnr_buf *out, offmap *map)
{
    while (i < w) {
        size_t k = i;
        bool digits = starts_number(in, w, k);
        if (digits && !utf8_is_digit(in[k]))
            k++;   /* the sign goes with its digits */
        while (k < w && (digits ? utf8_is_digit(in[k]) : !starts_number(in, w, k)))
            k++;
        if (digits) {
            if (!buf_append(out, in + i, k - i))
                return false;
        } else {
            size_t out_start = out->len;
            bool changed;
            if (!normalize_word(in + i, k - i, sc, out, &changed))
                return false;
            if (changed && (!offmap_add(map, out_start, i, 0) ||
                            !offmap_add(map, out->len, k, 1)))
                return false;
        }
        i = k;
    }
    return true;
}

/* Where the word holding hot position p starts and ends; it may not start
 * before `done`, the end of the word rewritten last. */
static void hot_word(const char *in, size_t n, size_t p, size_t done, size_t *ws, size_t *we)
{
    size_t s = p, e = p;
    while (s > done && in[s - 1] != ' ' && in[s - 1] != '\n')
        s--;
    while (e < n && in[e] != ' ' && in[e] != '\n')
        e++;
    *ws = s;
    *we = e;
}

/* A rewritten piece of the same length: text[at..at+len) gets bytes. */
typedef struct piece_edit {
    size_t at, len, bytes_at;
} piece_edit;

typedef struct edit_list {
    piece_edit *e;
    size_t n, cap;
    vnr_buf bytes;       /* the new bytes of every edit, back to back */
    vnr_buf word;        /* scratch for one piece */
    nfc_scratch sc;
} edit_list;

/* The edits of the words holding a hot position, as unicode_pass would
 * make them (same words, same pieces); *fits is false when a piece
 * changes length. */
static bool collect_edits(const char *text, size_t n, const size_t *hot, size_t n_hot,
                          edit_list *ed, bool *fits)
{
    *fits = true;
    size_t done = 0;
    for (size_t h = 0; h < n_hot && *fits; h++) {
        if (hot[h] < done)
            continue;
        size_t ws, we;
        hot_word(text, n, hot[h], done, &ws, &we);
        for (size_t i = ws; i < we && *fits;) {
            size_t k = i;
            bool digits = utf8_is_digit(text[k]);
            while (k < we && utf8_is_digit(text[k]) == digits)
                k++;
            bool changed = false;
            ed->word.len = 0;
            if (!digits && !normalize_word(text + i, k - i, &ed->sc, &ed->word, &changed))
                return false;
            if (changed && ed->word.len != k - i) {
                *fits = false;
            } else if (changed) {
                piece_edit e = { i, k - i, ed->bytes.len };
                if (!buf_append(&ed->bytes, ed->word.data, ed->word.len) ||
                    !VEC_PUSH(ed->e, ed->n, ed->cap, e))
                    return false;
            }
            i = k;
        }
        done = we;
    }
    return true;
}

/*
 * The unicode pass in place, when every rewritten piece keeps its length
 * (moving a tone mark, `hoà` → `hòa`, does; NFC of decomposed input usually
 * does not): the cleaned text is edited where it changes instead of being
 * copied whole, which saves the memory of a second copy of the document.
 * Output positions then equal input positions, so the anchors are those
 * unicode_pass would record. *applied is false, and nothing is changed,
 * when some piece changes length: then unicode_pass runs.
 */
static vnr_status unicode_in_place(char *text, size_t n, const size_t *hot, size_t n_hot,
                                   offmap *map, bool *applied)
{
    edit_list ed = { 0 };
    bool fits = false;
    bool ok = collect_edits(text, n, hot, n_hot, &ed, &fits);
    *applied = false;
    for (size_t k = 0; ok && fits && k < ed.n; k++) {
        const piece_edit *e = &ed.e[k];
        memcpy(text + e->at, ed.bytes.data + e->bytes_at, e->len);
        ok = offmap_add(map, e->at, e->at, 0) && offmap_add(map, e->at + e->len, e->at + e->len, 1);
    }
    *applied = ok && fits;
    free(ed.e);
    buf_free(&ed.bytes);
    buf_free(&ed.word);
    free(ed.sc.cp);
    return ok ? VNR_OK : VNR_E_NOMEM;
}

/* Rewrite the words holding a hot position; copy everything else in bulk. */
static vnr_status unicode_pass(const char *in, size_t n, const size_t *hot, size_t n_hot,
                               vnr_buf *out, offmap *map)
{
    if (!buf_reserve(out, n + 16))
        return VNR_E_NOMEM;
    nfc_scratch sc = { 0 };
    size_t done = 0;   /* in[0..done) is written; always a word boundary */
    for (size_t h = 0; h < n_hot; h++) {
        size_t p = hot[h];
        if (p < done)
            continue;  /* inside a word already rewritten */
        size_t ws, we;
        hot_word(in, n, p, done, &ws, &we);
        if (!buf_append(out, in + done, ws - done) ||
            !normalize_pieces(in, ws, we, &sc, out, map)) {
            free(sc.cp);
            return VNR_E_NOMEM;
        }
        done = we;
    }
    free(sc.cp);
    if (!buf_append(out, in + done, n - done))
        return VNR_E_NOMEM;
    return VNR_OK;
}

vnr_status normalize_text(const char *in, size_t n, normalized *out, vnr_error **error)
{
    memset(out, 0, sizeof *out);
    vnr_buf clean = { 0 }, uni = { 0 };
    size_t *hot = NULL, n_hot = 0;
    vnr_status st = clean_text(in, n, &clean, &out->cleanup, &hot, &n_hot);
    if (st == VNR_OK && n_hot == 0) {
        /* already NFC with one tone convention: the cleaned text is final */
        out->len = clean.len;
        out->text = buf_steal(&clean);
        return VNR_OK;
    }
    bool in_place = false;
    if (st == VNR_OK)
        st = unicode_in_place(clean.data, clean.len, hot, n_hot, &out->unicode, &in_place);
    if (st == VNR_OK && in_place) {
        free(hot);
        out->len = clean.len;
        out->text = buf_steal(&clean);
        return VNR_OK;
    }
    if (st == VNR_OK)
        st = unicode_pass(clean.data, clean.len, hot, n_hot, &uni, &out->unicode);
    free(hot);
    buf_free(&clean);
    if (st != VNR_OK) {
        buf_free(&uni);
        normalized_free(out);
        return error_set(error, st, 0, VNR_NO_POSITION, "out of memory while normalizing");
    }
    out->len = uni.len;
    out->text = buf_steal(&uni);
    return VNR_OK;
}

size_t normalized_to_decoded_near(const normalized *nt, size_t pos, norm_cursor *cur)
{
    return offmap_lookup_near(&nt->cleanup, offmap_lookup_near(&nt->unicode, pos, &cur->unicode),
                              &cur->cleanup);
}

size_t normalized_end_to_decoded_near(const normalized *nt, size_t end, norm_cursor *cur)
{
    if (end == 0 || end > nt->len)
        return normalized_to_decoded_near(nt, end, cur);
    size_t start = end - 1;
    while (start > 0 && utf8_is_cont((unsigned char)nt->text[start]))
        start--;
    return normalized_to_decoded_near(nt, start, cur) + (end - start);
}

size_t normalized_to_decoded(const normalized *nt, size_t pos)
{
    norm_cursor cur = { 0, 0 };
    return normalized_to_decoded_near(nt, pos, &cur);
}

size_t normalized_end_to_decoded(const normalized *nt, size_t end)
{
    norm_cursor cur = { 0, 0 };
    return normalized_end_to_decoded_near(nt, end, &cur);
}

void normalized_free(normalized *nt)
{
    free(nt->text);
    offmap_free(&nt->cleanup);
    offmap_free(&nt->unicode);
    memset(nt, 0, sizeof *nt);
}

bool normalize_fragment(const char *s, size_t n, vnr_buf *out)
{
    normalized nt;
    if (normalize_text(s, n, &nt, NULL) != VNR_OK)
        return false;
    size_t a = 0, b = nt.len;
    while (a < b && (nt.text[a] == ' ' || nt.text[a] == '\n'))
        a++;
    while (b > a && (nt.text[b - 1] == ' ' || nt.text[b - 1] == '\n'))
        b--;
    bool ok = buf_append(out, nt.text + a, b - a);
    normalized_free(&nt);
    return ok;
}
