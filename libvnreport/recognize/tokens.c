/*
 * tokens.c — recognize stage: token helpers of the recognizer: the block's text lower-cased once and slices of it, each token's word id read in that copy, phrase and clause bounds, token text joined back into arena strings.
 *
 * Shares rules.h with the other rule modules; vocabulary only from
 * lexicon.def (no word is spelled here).
 */

#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* Boundaries inside a sentence that end a phrase: , ; : ( ) and brackets. */
bool is_boundary(const rctx *c, size_t i)
{
    const token *t = &c->tv.t[i];
    if (t->kind != TOK_PUNCT)
        return false;
    switch (t->cp) {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case 0x201C: case 0x201D: case '"':
        return true;
    default:
        return false;
    }
}


bool is_glued_dot(const rctx *c, size_t i)
{
    const token *t = c->tv.t;
    return is_punct(c, i, '.') && i > 0 && i + 1 < c->tv.n && t[i - 1].kind == TOK_WORD &&
           t[i + 1].kind == TOK_WORD && (t[i].flags & TOK_GLUED) && (t[i + 1].flags & TOK_GLUED);
}


bool is_strong_boundary(const rctx *c, size_t i)
{
    return is_punct(c, i, ';') || is_punct(c, i, ':') || (is_punct(c, i, '.') && !is_glued_dot(c, i));
}


/* `a`, sep, `b` as one arena string (`tăng trưởng` `vào mức tăng chung`,
 * `người` / `1 vạn dân`); NULL when either is NULL or out of memory. */
const char *join_text(rctx *c, const char *a, char sep, const char *b)
{
    c->scratch.len = 0;
    if (!a || !b || !buf_append_str(&c->scratch, a) || !buf_append_char(&c->scratch, sep) ||
        !buf_append_str(&c->scratch, b))
        return NULL;
    return arena_strndup(c->arena, c->scratch.data, c->scratch.len);
}


/* Join tokens [a, b) into an arena string, with spaces where the text had them. */
const char *tokens_text(rctx *c, size_t a, size_t b)
{
    c->scratch.len = 0;
    if (c->arena->failed)
        return NULL;   /* the document is lost already: no more text to build */
    bool ok = true;
    /* runs of tokens whose text already reads so (one space, or none when
     * glued) are copied at once */
    size_t run = a;
    for (size_t i = a; i < b; i++) {
        const token *t = &c->tv.t[i];
        if (i > a) {
            const token *p = &c->tv.t[i - 1];
            bool glued = t->flags & TOK_GLUED;
            if (t->start == p->end + !glued && (glued || c->text[p->end] == ' '))
                continue;
            ok = ok && buf_append(&c->scratch, c->text + c->tv.t[run].start,
                                  p->end - c->tv.t[run].start);
            if (!glued)
                ok = ok && buf_append_char(&c->scratch, ' ');
            run = i;
        }
    }
    if (b > a)
        ok = ok && buf_append(&c->scratch, c->text + c->tv.t[run].start,
                              c->tv.t[b - 1].end - c->tv.t[run].start);
    if (!ok) {
        arena_mark_failed(c->arena);   /* the document reports VNR_E_NOMEM */
        return NULL;
    }
    return arena_strndup(c->arena, c->scratch.data ? c->scratch.data : "", c->scratch.len);
}


/* Everything a parse's rctx allocated for its tokens and blocks. */
void free_token_arrays(rctx *c)
{
    free(c->tv.t);
    free(c->wid);
    buf_free(&c->lower);
    buf_free(&c->block_low);
    buf_free(&c->scratch);
}


bool grow_token_arrays(rctx *c)
{
    if (c->tv.n <= c->lo_cap)
        return true;
    size_t cap = c->tv.n * 2;
    uint16_t *w = realloc(c->wid, cap * sizeof *w);
    if (!w)
        return false;
    c->wid = w;
    c->lo_cap = cap;
    return true;
}


enum { BLOCK_LOW_MAX = 1 << 16 };   /* a longer block: no copy (its memory is not budgeted twice) */


/* Lower-case the ASCII bytes of s[i..end) into o[i..) up to the first
 * other byte; returns its offset. Eight bytes at a time while all are
 * ASCII: a byte gets 0x20 added where it lies in 'A'..'Z' (the bit 7 of
 * (b + 0x3F) ^ (b + 0x25) for b < 0x80, no carry crossing bytes). */
static size_t lower_ascii_run(const char *s, size_t i, size_t end, char *o)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x80 * ones;
    for (uint64_t x; end - i >= sizeof x; i += sizeof x) {
        memcpy(&x, s + i, sizeof x);
        if (x & high)
            break;
        uint64_t upper = ((x + (0x80 - 'A') * ones) ^ (x + (0x7F - 'Z') * ones)) & high;
        x |= upper >> 2;
        memcpy(o + i, &x, sizeof x);
    }
    for (; i < end && (unsigned char)s[i] < 0x80; i++) {
        unsigned char b = (unsigned char)s[i];
        o[i] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
    return i;
}


/* Lower-case the block's text, from its first token to its last, once:
 * the period grammar and the token texts read slices of it (lower_text)
 * instead of lower-casing the same bytes again for every value. Exact
 * when every character lowers to as many bytes as it had (all of
 * Vietnamese does; an invalid byte, `İ` or `K` do not), so that an offset
 * of the text is the same offset of the copy. A block longer than
 * BLOCK_LOW_MAX gets no copy. */
static bool lower_block(rctx *c)
{
    size_t from = c->tv.t[0].start, to = c->tv.t[c->tv.n - 1].end;
    c->block_from = from;
    c->block_low.len = 0;
    c->block_low_exact = false;
    memset(c->heads_seen, 0, sizeof c->heads_seen);   /* answers about the last block's copy */
    if (to - from > BLOCK_LOW_MAX)
        return true;   /* paragraphs are far shorter; a run-on input lowers slice by slice */
    /* + 8: a character is written before its length is checked against the block's */
    if (!buf_reserve(&c->block_low, to - from + 8))
        return false;
    char *o = c->block_low.data - from;
    const char *s = c->text;
    size_t i = from;
    while (i < to) {
        i = lower_ascii_run(s, i, to, o);
        if (i >= to)
            break;
        size_t letter = utf8_lower_letter(s, i, to, o + i);
        if (letter) {
            i += letter;
            continue;
        }
        size_t k = i;
        if (utf8_encode(utf8_tolower_cp(utf8_next_fast(s, to, &k)), o + i) != k - i)
            return true;   /* not exact: lower_text lowers every slice itself */
        i = k;
    }
    c->block_low.len = to - from;
    c->block_low.data[c->block_low.len] = '\0';
    c->block_low_exact = true;
    return true;
}


/* Is text [from, from + len) a slice of the block's exact lower-cased
 * copy that starts and ends on characters of it? */
static inline bool whole_slice(const rctx *c, size_t from, size_t len)
{
    size_t end = c->block_from + c->block_low.len;
    return c->block_low_exact && from >= c->block_from && from + len <= end &&
           (!len || !utf8_is_cont((unsigned char)c->text[from])) &&
           (from + len == end || !utf8_is_cont((unsigned char)c->text[from + len]));
}


/* utf8_lower(c->text + from, len, out, cap), byte for byte (its stop
 * before cap included), from the block's lower-cased copy when that is
 * exact and the slice starts and ends on characters of it. */
size_t lower_text(const rctx *c, size_t from, size_t len, char *out, size_t cap)
{
    if (!whole_slice(c, from, len))
        return utf8_lower(c->text + from, len, out, cap);
    const char *low = c->block_low.data + (from - c->block_from);
    size_t o = len;
    if (len + 5 >= cap)   /* utf8_lower stops at the first character at cap - 5 or later */
        for (o = 0; o < len && o + 5 < cap; o += utf8_lead_length((unsigned char)low[o]))
            ;
    memcpy(out, low, o);
    if (cap)
        out[o] = '\0';
    return o;
}


/* The lexicon word id of token i: of its lower-cased text for a word
 * (read in the block's copy when that is exact, else lowered into the
 * scratch buffer `lower`), its text as written for punctuation, "#" for
 * any other token but a number, which has none. False when out of memory. */
static bool token_word_id(rctx *c, size_t i)
{
    const token *t = &c->tv.t[i];
    size_t len = t->end - t->start;
    const char *text;
    size_t n;
    if (t->kind == TOK_NUMBER) {
        c->wid[i] = 0;
        return true;
    }
    if (t->kind == TOK_WORD && whole_slice(c, t->start, len)) {
        text = c->block_low.data + (t->start - c->block_from);
        n = len;
    } else if (t->kind == TOK_WORD) {
        /* at most 3 × len bytes (a lower-case letter takes at most 3/2 the
         * bytes of its capital, an invalid byte becomes the 3 of U+FFFD);
         * the cap only has to keep utf8_lower from stopping early */
        c->lower.len = 0;
        if (!buf_reserve(&c->lower, 3 * len + 8))
            return false;
        n = lower_text(c, t->start, len, c->lower.data, 3 * len + 6);
        text = c->lower.data;
    } else if (t->kind == TOK_PUNCT) {
        text = c->text + t->start;
        n = len;
    } else {
        text = "#";
        n = 1;
    }
    c->wid[i] = lexicon_word(&c->lex, text, n > 0xFFFF ? 0xFFFF : n);
    return true;
}


/* Lower-case the block once and give every token its lexicon word id;
 * the last syllable of an LW_COMPOUND word (`mặt bằng`) gets none, so no
 * rule reads it as the word it spells alone. */
bool lower_tokens(rctx *c)
{
    if (!grow_token_arrays(c) || !lower_block(c))
        return false;
    for (size_t i = 0; i < c->tv.n; i++)
        if (!token_word_id(c, i))
            return false;
    for (size_t i = 0; i + 1 < c->tv.n; i++) {
        size_t idx, m;
        if (!c->wid[i] || !c->wid[i + 1] || !word_in_tables(c->lex.first_tables, c->wid[i], LT_LINK_WORDS) ||
            !word_in_tables(c->lex.last_tables, c->wid[i + 1], LT_LINK_WORDS))
            continue;   /* (most pairs of words open no link word: no look-up) */
        if ((m = PHRASE_AT(c, LT_LINK_WORDS, i, &idx)) > 1 && link_words[idx].kind == LW_COMPOUND)
            c->wid[i + m - 1] = 0;
    }
    return true;
}


/* Where a record's unit ends when the text spells it from offset `at`,
 * blanks aside (the record writes `tỷ đồng` for `tỷđồng`, `tạ/ha` for
 * `tạ/ ha`); 0 when it does not, or the unit is empty. */
static size_t unit_spelled_at(const rctx *c, const char *unit, size_t at)
{
    const char *u = unit ? unit : "";
    if (!*u)
        return 0;
    while (*u && at < c->len) {
        if (*u == ' ')
            u++;
        else if (c->text[at] == ' ')
            at++;
        else if (c->text[at] == *u)
            at++, u++;
        else
            return 0;
    }
    return *u ? 0 : at;
}


/* The length of a BREAKDOWN_WORD at token k right after a comma (k past
 * lo): `…, trong đó …` opens the parts of what the comma closed; 0 when
 * there is none. */
size_t breakdown_after_comma(const rctx *c, size_t k, size_t lo)
{
    return k > lo && is_punct(c, k - 1, ',') ? PHRASE_AT(c, LT_BREAKDOWN_WORDS, k, NULL) : 0;
}


/* Do the m tokens at k end inside a proper name: their last word
 * capitalised and a capitalised word after it (`huyện Giao Thủy` is no
 * `huyện giao`)? */
bool ends_in_name(const rctx *c, size_t k, size_t m)
{
    size_t last = k + m - 1;
    return m && last + 1 < c->tv.n && (c->tv.t[last].flags & TOK_UPPER) && c->tv.t[last + 1].kind == TOK_WORD &&
           (c->tv.t[last + 1].flags & TOK_UPPER);
}


/* Does token k open right after record r's number and its unit, with only
 * blanks between (`4,38% và`, `8,57 % (`)? */
bool follows_record(const rctx *c, const vnr_record *r, size_t k)
{
    uint32_t from = r->norm_end, to = k < c->tv.n ? c->tv.t[k].start : from;
    if (to < from)
        return false;
    while (from < to && c->text[from] == ' ')
        from++;
    /* (no unit there: a value whose unit comes after the next, `2,1 và
     * 4,6%`) */
    size_t at = unit_spelled_at(c, r->unit, from);
    if (at) {
        if (at > to)
            return false;   /* token k is inside the unit (`%` itself) */
        from = (uint32_t)at;
    }
    for (; from < to; from++)
        if (c->text[from] != ' ')
            return false;
    return true;
}


/* Is record r's unit the quantity q's, as written? */
bool same_unit_as(const rctx *c, const vnr_record *r, const quantity *q)
{
    return unit_spelled_at(c, r->unit, q->unit_start) == q->unit_end;
}


/* Does record r count things (dimension `count`)? */
bool is_count(const vnr_record *r)
{
    return r->dimension && strcmp(r->dimension, "count") == 0;
}


/* The first token in [from, to) that follows record r's unit (see
 * follows_record), or NONE. */
size_t token_after_record(const rctx *c, const vnr_record *r, size_t from, size_t to)
{
    for (size_t k = token_at_offset(c, from, r->norm_end); k < to; k++)
        if (follows_record(c, r, k))
            return k;
    return NONE;
}


/* Do the `depth` brackets open at token k all close before token i? */
bool brackets_close_before(const rctx *c, size_t k, size_t i, int depth)
{
    for (; k < i && depth > 0; k++)
        depth -= is_punct(c, k, ')') - is_punct(c, k, '(');
    return depth <= 0;
}


/* Is every token of [a, b) a word that opens with a capital (`Lý Nhân`)? */
bool capitalised_words(const rctx *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (c->tv.t[k].kind != TOK_WORD || !(c->tv.t[k].flags & TOK_UPPER))
            return false;
    return true;
}


/* The token index that starts at or after text offset `pos`. */
size_t token_at_offset(const rctx *c, size_t from, uint32_t pos)
{
    /* (token starts grow: a binary search, so a look-up from far back
     * costs no walk over a line of a million tokens) */
    size_t lo = from, hi = c->tv.n > from ? c->tv.n : from;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->tv.t[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/* Start of the phrase that ends at token i: after the last boundary or
 * the previous quantity (`floor`). */
size_t segment_start(const rctx *c, size_t i, size_t floor)
{
    size_t k = i;
    while (k > floor && !is_boundary(c, k - 1))
        k--;
    return k;
}


/* Start of the indicator phrase ending at token i: back to `floor` (the
 * previous quantity), a ';' or ':', an unbalanced '(' or the sentence start.
 * Commas and whole parenthesised groups are crossed: "Giá trị sản xuất
 * công nghiệp (theo giá hiện hành) ước đạt …", "Tổng đàn trâu, bò …". */
/* Is the '.' at token k glued to a word before and a digit after
 * (`quý II.2024`, `tháng 8.2024`)? Then it ends no phrase. */
static bool glued_dot(const rctx *c, size_t k)
{
    return k > 0 && k + 1 < c->tv.n && c->tv.t[k - 1].end == c->tv.t[k].start &&
           c->tv.t[k + 1].start == c->tv.t[k].end && c->tv.t[k + 1].kind == TOK_NUMBER;
}

size_t phrase_floor(const rctx *c, size_t i, size_t floor)
{
    size_t k = i;
    int depth = 0;
    while (k > floor) {
        const token *t = &c->tv.t[k - 1];
        if (t->kind == TOK_PUNCT) {
            if (t->cp == ')') {
                depth++;
            } else if (t->cp == '(') {
                if (depth == 0)
                    break;
                depth--;
            } else if (depth == 0 && (t->cp == ';' || t->cp == ':' || (t->cp == '.' && !glued_dot(c, k - 1)))) {
                break;
            }
        }
        k--;
    }
    return k;
}


bool is_filler_at(const rctx *c, size_t i, size_t hi, size_t *m)
{
    size_t best = 0;
    if (i < c->tv.n && c->wid[i] && word_in_tables(c->lex.first_tables, c->wid[i], LT_FILLERS)) {
        const lexicon_index *lx = &c->lex;
        uint16_t w = c->wid[i];
        for (uint32_t r = lx->first_at[w]; r < lx->first_at[w + 1]; r++) {
            if (lx->first[r].table != LT_FILLERS)
                continue;
            size_t g = lx->base[LT_FILLERS] + lx->first[r].entry, k = lx->n_ids[g];
            if (k > best && i + k <= hi && ids_match(c, i, g))
                best = k;
        }
    }
    *m = best;
    return best > 0;
}


/* Is token k a ')' closing a '(' opened inside [a, k)? "(GRDP)" keeps it. */
bool closes_bracket(const rctx *c, size_t a, size_t k)
{
    if (!is_punct(c, k, ')'))
        return false;
    for (size_t j = k; j > a; j--)
        if (is_punct(c, j - 1, '('))
            return true;
    return false;
}


/* Trim fillers, baseline phrases and punctuation off both ends of [a, b). */
/* A Roman numeral of a quarter or a month: `Quý III/2023`. */
bool is_roman_numeral(const rctx *c, size_t k)
{
    const token *t = &c->tv.t[k];
    if (t->kind != TOK_WORD || t->end - t->start > 4)
        return false;
    for (uint32_t p = t->start; p < t->end; p++)
        if (!strchr("IVX", c->text[p]))
            return false;
    return true;
}


bool has_content(const rctx *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (c->tv.t[k].kind == TOK_WORD)
            return true;
    return false;
}


size_t clause_start(const rctx *c, size_t i, size_t sent_start)
{
    size_t k = i;
    while (k > sent_start && !is_punct(c, k - 1, ';'))
        k--;
    return k;
}


size_t clause_end(const rctx *c, size_t i, size_t sent_end)
{
    size_t k = i;
    while (k < sent_end && !is_punct(c, k, ';'))
        k++;
    return k;
}


/* The ';'-clause holding token i, cached: values are visited in order, so
 * every token is scanned a bounded number of times. Returns its start. */
size_t clause_of(rctx *c, size_t i, const number_ctx *nc)
{
    if (c->clause_text && i >= c->clause_cs && i < c->clause_ce)
        return c->clause_cs;
    if (c->arena->failed)
        return nc->sent_start;   /* the document is lost: skip the scan */
    size_t lo = nc->sent_start;
    if (c->clause_text && c->clause_ce <= i && c->clause_ce >= nc->sent_start)
        lo = c->clause_ce;
    size_t cs = clause_start(c, i, lo);
    size_t ce = clause_end(c, i, nc->sent_end);
    c->clause_cs = cs;
    c->clause_ce = ce;
    c->clause_text = tokens_text(c, cs, ce);
    c->clause_len = c->clause_text ? strlen(c->clause_text) : 0;
    return cs;
}


/* The '(' of a bracket opened in [lo, i) and not closed before token i,
 * NONE when there is none. It looks back at most BRACKET_TOKENS (how far
 * an aside reaches), so a line of a million values stays linear. */
size_t open_bracket_before(const rctx *c, size_t lo, size_t i)
{
    enum { BRACKET_TOKENS = 240 };
    for (size_t k = i; k > lo && k + BRACKET_TOKENS > i; k--) {
        if (is_punct(c, k - 1, ')'))
            return NONE;
        if (is_punct(c, k - 1, '('))
            return k - 1;
    }
    return NONE;
}


/* The link right before token i that joins a value to the one before
 * it: a SIBLING_LINK (`và`), or a comma. Its length in tokens, 0 when
 * there is none. */
size_t link_before(const rctx *c, size_t i)
{
    size_t m = i > 0 ? PHRASE_BEFORE(c, LT_SIBLING_LINKS, i, i - 1, NULL) : 0;
    return m ? m : i > 0 && is_punct(c, i - 1, ',');
}
