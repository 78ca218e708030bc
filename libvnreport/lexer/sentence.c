/*
 * sentence.c — lexer stage: where sentences end, on tokens.
 *
 * A sentence end needs what only tokens know — a '.' glued to the next
 * token (`./.`), a '.' after an abbreviation, a capital after the stop —
 * so it is answered here, beside the tokenizer, not in segment (which
 * works on lines before there are tokens). The recognizer walks the
 * sentences this gives. May include base/ and lexer.h only.
 */

#include "lexer.h"

#include <string.h>

static const char *const abbreviations[] = {
#define ABBREVIATION(w) w,
#include "abbreviations.def"
#undef ABBREVIATION
};


/* Is token t the ASCII word w, ignoring case? */
static bool word_is_ascii_ci(const token *t, const char *text, const char *w)
{
    size_t n = strlen(w);
    if (t->kind != TOK_WORD || t->end - t->start != n)
        return false;
    for (size_t k = 0; k < n; k++) {
        char ch = text[t->start + k];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != w[k])
            return false;
    }
    return true;
}


bool lex_is_abbreviation(const token *t, const char *text)
{
    for (size_t a = 0; a < sizeof abbreviations / sizeof *abbreviations; a++)
        if (word_is_ascii_ci(t, text, abbreviations[a]))
            return true;
    return false;
}


/* A web page that lost the space after a full stop: `cùng kỳ.Tính chung`.
 * The next word opens with a capital and is no unit piece (`tấn.Km`: two
 * letters) nor an acronym (`HK.KM`), and the word before is no capital
 * abbreviation (`TP.Hồ Chí Minh`, `Tp.Huế`). */
static bool glued_sentence(const token_vec *tv, size_t i)
{
    const token *t = &tv->t[i], *n = &tv->t[i + 1];
    if (t->cp != '.' || n->kind != TOK_WORD || !(n->flags & TOK_UPPER) || (n->flags & TOK_ALLCAPS) ||
        n->end - n->start < 3 || i == 0)
        return false;
    const token *p = &tv->t[i - 1];
    return !(p->kind == TOK_WORD && (p->flags & TOK_UPPER));
}

bool lex_ends_sentence(const token_vec *tv, const char *text, size_t i)
{
    const token *t = &tv->t[i];
    if (t->kind != TOK_PUNCT)
        return false;
    if (t->cp != '.' && t->cp != '!' && t->cp != '?' && t->cp != 0x2026)
        return false;
    if (i + 1 >= tv->n)
        return true;
    const token *n = &tv->t[i + 1];
    if (n->flags & TOK_GLUED)
        return (n->kind == TOK_PUNCT && n->cp == '/') ||   /* "./." closing */
               glued_sentence(tv, i);
    if (t->cp == '.' && i > 0 && lex_is_abbreviation(&tv->t[i - 1], text))
        return false;
    if (n->kind == TOK_WORD)
        return (n->flags & TOK_UPPER) != 0;
    return true;
}
