/*
 * lexer.h — stage 4: a span of normalized text → tokens.
 *
 * Owns: Vietnamese number notation (thousands `.`, decimal `,`, the English
 * slip `4.87`, leading zeros, signs), composite numeric shapes (ranges
 * `2-2,5`, fractions `11/11`, dates `09/12/2020`, `10/2021`, document
 * numbers `58/2020/NQ-HĐND`, year spans `2021-2025`), words (a number glued
 * to a word, `17.601m2`, is split and flagged), punctuation and footnote
 * superscripts. Gives a flat token array; no allocation per token.
 *
 * May include: base (buf.h, utf8.h), utf8proc and the C library — no
 * other stage.
 */
#ifndef VNR_LEXER_H
#define VNR_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum tok_kind {
    TOK_WORD,
    TOK_NUMBER,     /* v */
    TOK_RANGE,      /* v .. v2 */
    TOK_FRACTION,   /* v / v2 */
    TOK_DATE,       /* day/month/year or month/year; v = year, v2 = month */
    TOK_YEAR_SPAN,  /* v - v2, both years */
    TOK_DOCNUM,     /* 58/2020/NQ-HĐND, 765/BC-UBND */
    TOK_FOOTNOTE,   /* superscript digits; v = the marker number */
    TOK_PUNCT       /* one punctuation or symbol code point */
} tok_kind;

enum {
    NUM_GROUPED = 1 << 0,      /* thousands dots: 177.078 */
    NUM_DECIMAL = 1 << 1,      /* decimal comma (or slipped dot) */
    NUM_DOT_SLIP = 1 << 2,     /* 4.87: English decimal point */
    NUM_LEADING_ZERO = 1 << 3, /* 03 */
    NUM_YEARLIKE = 1 << 4,     /* four ungrouped digits 1900..2100 */
    NUM_SIGNED = 1 << 5,       /* written with an explicit sign */
    TOK_GLUED = 1 << 6,        /* no space before this token */
    TOK_UPPER = 1 << 7,        /* word starts with an upper-case letter */
    TOK_ALLCAPS = 1 << 8,      /* word is all capitals (≥ 2 letters) */
    TOK_DIGITS = 1 << 9,       /* word holds ASCII digits: m2, UV2, H5N6 */
};

typedef struct token {
    uint32_t start, end;   /* byte span in the normalized text */
    uint16_t kind;         /* tok_kind */
    uint16_t flags;
    uint32_t cp;           /* TOK_PUNCT: the code point */
    uint32_t end1;         /* composite tokens: end of the first number */
    uint32_t start2;       /* composite tokens: start of the second number */
    double v, v2;
} token;

typedef struct token_vec {
    token *t;
    size_t n, cap;
} token_vec;

/* Tokenize text[start..end) and append to `out`. False on allocation failure. */
bool lex_span(const char *text, size_t start, size_t end, token_vec *out);

/* Parse one number in Vietnamese notation at s[0..n). Returns the bytes used
 * (0 when s does not start with a digit); value and NUM_* flags out. */
size_t lex_number(const char *s, size_t n, double *value, unsigned *flags);

/* Does token i ('.', '!', '?', '…') of tv end a sentence? Not after an
 * abbreviation (abbreviations.def), not before a glued token other than
 * the `/` of `./.`, not before a lower-case word (sentence.c). */
bool lex_ends_sentence(const token_vec *tv, const char *text, size_t i);

/* Does the word token t (TOK_WORD, text without its dot) spell an
 * abbreviation of abbreviations.def (`TP`, `ThS`)? (sentence.c) */
bool lex_is_abbreviation(const token *t, const char *text);

/* Is code point `cp` a letter for tokenizing purposes? */
bool lex_is_letter(uint32_t cp);

static inline bool tok_is_word(const token *t, const char *text, const char *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return t->kind == TOK_WORD && t->end - t->start == n &&
           __builtin_memcmp(text + t->start, w, n) == 0;
}

#endif
