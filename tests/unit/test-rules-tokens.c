/*
 * test-rules-tokens.c — tokens.c: the token texts lower-cased once per
 * block (lower_tokens). Its shortcuts — eight ASCII bytes at a time, the
 * toned letters and the two-byte letters of Vietnamese copied with their
 * case bit set instead of decoded — must give, for every character they
 * take, the text utf8_lower gives; a character that lowers to a different
 * length (İ, K) must leave the block's copy aside and still be right.
 */
#include "rules-harness.h"

/* Every word token of `text` lower-cased as utf8_lower lowers its source. */
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
        char want[256];
        size_t n = utf8_lower(h.text + t->start, t->end - t->start, want, sizeof want);
        CHECKF(c->lo_len[i] == n && memcmp(c->lower.data + c->lo_off[i], want, n) == 0,
               "\"%.*s\" in \"%s\": lowered to \"%.*s\", utf8_lower gives \"%s\"",
               (int)(t->end - t->start), h.text + t->start, text, (int)c->lo_len[i],
               c->lower.data + c->lo_off[i], want);
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
}

int main(void)
{
    test_two_byte_letters();
    test_toned_letters();
    test_vietnamese_words();
    return check_done("test-rules-tokens");
}
