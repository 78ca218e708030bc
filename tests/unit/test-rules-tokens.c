/*
 * test-rules-tokens.c — tokens.c: the token texts lower-cased once per
 * block (lower_tokens). Its shortcuts — eight ASCII bytes at a time, the
 * toned letters and the two-byte letters of Vietnamese copied with their
 * case bit set instead of decoded — must give, for every character they
 * take, the text utf8_lower gives; a character that lowers to a different
 * length (İ, K) must leave the block's copy aside and still be right.
 */
#include "rules-harness.h"

/* Every word token of `text` lower-cased (lower_text, which reads the
 * block's copy) as utf8_lower lowers its source, and given the word id of
 * that lower-cased text. */
static void check_words_lowered(const char *text)
{
    harness h;
    if (!harness_open(&h, text))
        return;
    const rctx *c = &h.c;
    for (size_t i = 0; i < c->tv.n; i++) {
        const token *t = &c->tv.t[i];
        if (t->kind != TOK_WORD)
            continue;
        char want[256], got[256];
        size_t len = t->end - t->start;
        size_t n = utf8_lower(h.text + t->start, len, want, sizeof want);
        size_t m = lower_text(c, t->start, len, got, sizeof got);
        CHECKF(m == n && memcmp(got, want, n) == 0,
               "\"%.*s\" in \"%.40s…\": lowered to \"%.40s\", utf8_lower gives \"%.40s\"", (int)len,
               h.text + t->start, text, got, want);
        CHECKF(c->wid[i] == lexicon_word(&c->lex, want, n),
               "\"%.*s\" in \"%.40s…\": word id %u, its lower case has %u", (int)len, h.text + t->start,
               text, (unsigned)c->wid[i], (unsigned)lexicon_word(&c->lex, want, n));
    }
    harness_close(&h);
}

/* Each code point of [from, to] inside words of mixed case and ASCII runs
 * long enough for the eight-byte step, several to a block. */
static void check_range(uint32_t from, uint32_t to)
{
    for (uint32_t cp = from; cp <= to; cp += 4) {
        char text[512];
        size_t o = 0;
        for (uint32_t k = cp; k < cp + 4 && k <= to; k++) {
            if (k >= 0xD800 && k <= 0xDFFF)
                continue;
            o += (size_t)snprintf(text + o, sizeof text - o, "Ab");
            o += utf8_encode(k, text + o);
            o += (size_t)snprintf(text + o, sizeof text - o, "cD HOANG");
            o += utf8_encode(k, text + o);
            o += (size_t)snprintf(text + o, sizeof text - o, "ABCDEFGHIJ ");
        }
        text[o] = '\0';
        check_words_lowered(text);
    }
}

static void test_two_byte_letters(void)
{
    check_range(0x80, 0x7FF);
}

static void test_toned_letters(void)
{
    check_range(0x1E00, 0x1EFF);
}

/* The letters of Vietnamese by name, upper and lower case, and the
 * characters that change length, which turn the block copy off. */
static void test_vietnamese_words(void)
{
    check_words_lowered("ĐẦU TƯ Ơ Ư Ă Â Ê Ô Đ ĩ Ĩ ũ Ũ tăng trưởng KINH TẾ Quý IV");
    check_words_lowered("TỔNG SẢN PHẨM İstanbul Kelvin ẞ ĐỒNG");
    check_words_lowered("Sản lượng lúa ĐẠT 1.234 tấn, TĂNG 5%");
    check_words_lowered("SO VỚI CÙNG KỲ NĂM TRƯỚC, GIÁ TRỊ SẢN XUẤT İL ĐẠT");
}

/* Index of the n-th '.' token of the harness text. */
static size_t nth_dot(const rctx *c, int n)
{
    for (size_t i = 0; i < c->tv.n; i++)
        if (c->tv.t[i].kind == TOK_PUNCT && c->tv.t[i].cp == '.' && n-- == 0)
            return i;
    return c->tv.n;
}

/* A '.' glued between words is part of a name (`người.km`, `tấn.km`) and
 * ends no clause; one followed by a space does. */
static void test_glued_dot(void)
{
    harness h;
    if (!harness_open(&h, "luân chuyển 9 triệu tấn, tăng 2% về tấn.km so với cùng kỳ. Người.km tăng"))
        return;
    const rctx *c = &h.c;
    size_t glued = nth_dot(c, 0), end = nth_dot(c, 1), name = nth_dot(c, 2);
    CHECK(glued < c->tv.n && end < c->tv.n && name < c->tv.n);
    if (name < c->tv.n) {
        CHECK(is_glued_dot(c, glued));
        CHECK(!is_strong_boundary(c, glued));
        CHECK(!is_glued_dot(c, end));
        CHECK(is_strong_boundary(c, end));
        CHECK(is_glued_dot(c, name));
    }
    harness_close(&h);
}

int main(void)
{
    test_glued_dot();
    test_two_byte_letters();
    test_toned_letters();
    test_vietnamese_words();
    return check_done("test-rules-tokens");
}
