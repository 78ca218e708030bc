/*
 * test-rules-lexicon.c — lexicon.c: the tables of lexicon.def and their
 * word index. Look-ups take the longest phrase (at a token, ending at a
 * token, within a floor), phrase_first_at takes the earliest entry, the
 * index is built once; every phrase of every table is written as the
 * index expects (non-empty, lower case, single-spaced, fully indexed) and
 * every BASELINE_CODE row has a code its id is found by.
 */
#include "rules-harness.h"

/* The phrase of the triggers entry a look-up returned. */
static const char *trigger_phrase(size_t idx)
{
    return idx < table_size(LT_TRIGGERS) ? triggers[idx].phrase : "(out of table)";
}


static void test_shared_index(void)
{
    const lexicon_index *a = lexicon_shared(), *b = lexicon_shared();
    CHECK(a != NULL);
    CHECK(a == b);
    CHECK(a && a->n_words > 0);
    /* a word of the tables has an id, any other word none */
    CHECK(a && lexicon_word(a, "chiếm", strlen("chiếm")) != 0);
    CHECK(a && lexicon_word(a, "xyzzy", 5) == 0);
    CHECK(a && lexicon_word(a, "", 0) == 0);
}


static void test_longest_at(void)
{
    harness h;
    if (!harness_open(&h, "Ngành dịch vụ chiếm tỷ trọng 30% trong cơ cấu kinh tế."))
        return;
    rctx *c = &h.c;
    size_t at = tok_of(&h, "chiếm"), num = tok_of(&h, "30"), idx = SIZE_MAX;
    CHECK_SIZE(PHRASE_AT(c, LT_TRIGGERS, at, &idx), 3);
    CHECK_STR(trigger_phrase(idx), "chiếm tỷ trọng");
    CHECK_INT(triggers[idx < table_size(LT_TRIGGERS) ? idx : 0].kind, T_SHARE);
    idx = SIZE_MAX;
    CHECK_SIZE(PHRASE_BEFORE(c, LT_TRIGGERS, num, 0, &idx), 3);
    CHECK_STR(trigger_phrase(idx), "chiếm tỷ trọng");
    /* the floor cuts the phrase: from `tỷ` on, no trigger ends at `trọng` */
    CHECK_SIZE(PHRASE_BEFORE(c, LT_TRIGGERS, num, at + 1, NULL), 0);
    /* no phrase ends at a number, none starts at one */
    CHECK_SIZE(PHRASE_BEFORE(c, LT_TRIGGERS, num + 1, 0, NULL), 0);
    CHECK_SIZE(PHRASE_AT(c, LT_TRIGGERS, num, NULL), 0);
    /* `tỷ trọng` is a share word on its own */
    CHECK_SIZE(PHRASE_AT(c, LT_SHARE_WORDS, at + 1, NULL), 2);
    /* out of range is no match, not a read past the tokens */
    CHECK_SIZE(PHRASE_AT(c, LT_TRIGGERS, c->tv.n, NULL), 0);
    CHECK_SIZE(PHRASE_BEFORE(c, LT_TRIGGERS, 0, 0, NULL), 0);
    harness_close(&h);
}


static void test_longest_before(void)
{
    harness h;
    if (!harness_open(&h, "Tốc độ tăng trưởng 6,1%; giá xuống còn 12 nghìn đồng."))
        return;
    rctx *c = &h.c;
    size_t idx = SIZE_MAX;
    /* ending at `trưởng`: `tăng trưởng`, not `tốc độ tăng` (which ends a word earlier) */
    CHECK_SIZE(PHRASE_BEFORE(c, LT_TRIGGERS, tok_of(&h, "6,1"), 0, &idx), 2);
    CHECK_STR(trigger_phrase(idx), "tăng trưởng");
    /* starting at `Tốc` (upper case in the text): `tốc độ tăng` */
    idx = SIZE_MAX;
    CHECK_SIZE(PHRASE_AT(c, LT_TRIGGERS, tok_of(&h, "Tốc"), &idx), 3);
    CHECK_STR(trigger_phrase(idx), "tốc độ tăng");
    idx = SIZE_MAX;
    CHECK_SIZE(PHRASE_AT(c, LT_TRIGGERS, tok_of(&h, "tăng"), &idx), 2);
    CHECK_STR(trigger_phrase(idx), "tăng trưởng");
    idx = SIZE_MAX;
    CHECK_SIZE(PHRASE_BEFORE(c, LT_TRIGGERS, tok_of(&h, "12"), 0, &idx), 2);
    CHECK_STR(trigger_phrase(idx), "xuống còn");
    harness_close(&h);
}


static void test_first_and_one_word(void)
{
    harness h;
    if (!harness_open(&h, "Doanh thu ước đạt 500 tỷ đồng, so với năm trước."))
        return;
    rctx *c = &h.c;
    size_t uoc = tok_of(&h, "ước"), idx = SIZE_MAX;
    /* the longest estimate phrase at `ước` is `ước đạt`; the first entry is `ước` */
    CHECK_SIZE(PHRASE_AT(c, LT_ESTIMATES, uoc, &idx), 2);
    CHECK_STR(idx < table_size(LT_ESTIMATES) ? estimates[idx].phrase : NULL, "ước đạt");
    idx = SIZE_MAX;
    CHECK(phrase_first_at(c, uoc, LT_ESTIMATES, &idx));
    CHECK_STR(idx < table_size(LT_ESTIMATES) ? estimates[idx].phrase : NULL, "ước");
    CHECK(!phrase_first_at(c, tok_of(&h, "Doanh"), LT_ESTIMATES, &idx));
    /* in_table: one-word entries only */
    CHECK(in_table(c, tok_of(&h, "so"), LT_COUNT_NOUN_STOPS));
    CHECK(in_table(c, tok_of(&h, "so"), LT_NOT_NOUNS));
    CHECK(!in_table(c, tok_of(&h, "Doanh"), LT_AMOUNT_WORDS));   /* `doanh` is in no one-word entry */
    CHECK(in_table(c, tok_of(&h, "thu"), LT_AMOUNT_WORDS));
    CHECK(!in_table(c, tok_of(&h, "so"), LT_TRIGGERS));
    /* `so với` is a full comparison word, `so` alone is not */
    CHECK(PHRASE_AT(c, LT_COMPARE_WORDS, tok_of(&h, "so"), &idx) == 2 && compare_words[idx].full);
    harness_close(&h);
}


static bool single_spaced(const char *p)
{
    size_t n = strlen(p);
    if (n == 0 || p[0] == ' ' || p[n - 1] == ' ')
        return false;
    return strstr(p, "  ") == NULL && strchr(p, '\t') == NULL && strchr(p, '\n') == NULL;
}


/* Every phrase of every table: non-empty, lower case, single-spaced, and
 * indexed with all its words (a phrase the index could not read would
 * silently match nothing). */
static void test_table_phrases(void)
{
    const lexicon_index *lx = lexicon_shared();
    if (!lx)
        return;
    size_t phrases = 0;
    for (int t = 0; t < LT_COUNT; t++) {
        CHECKF(table_size((lex_table)t) > 0, "table %d is empty", t);
        for (size_t e = 0; e < table_size((lex_table)t); e++) {
            const char *p = table_phrase((lex_table)t, e);
            CHECKF(p && *p, "table %d entry %zu: empty phrase", t, e);
            if (!p || !*p)
                continue;
            phrases++;
            char low[256];
            size_t n = strlen(p);
            CHECKF(n < sizeof low && utf8_lower(p, n, low, sizeof low) == n &&
                       memcmp(low, p, n) == 0,
                   "table %d entry %zu: \"%s\" is not lower case", t, e, p);
            CHECKF(single_spaced(p), "table %d entry %zu: \"%s\" is not single-spaced", t, e, p);
            CHECKF(lx->n_ids[lx->base[t] + e] == count_words(p),
                   "table %d entry %zu: \"%s\" indexed with %u of %zu words", t, e, p,
                   (unsigned)lx->n_ids[lx->base[t] + e], count_words(p));
        }
    }
    CHECK(phrases > 300);
}


/* Every BASELINE_CODE id has its code, found again by baseline_id_of;
 * every BASELINE and PLAN_WORD row names a real id; every trigger a kind
 * and a sign. */
static void test_codes_and_kinds(void)
{
    for (size_t id = 0; id < BL_COUNT; id++) {
        const char *code = baseline_codes[id].code;
        CHECKF(code && *code, "BASELINE_CODE %zu has no code", id);
        if (!code || !*code)
            continue;
        char spelled[64];
        snprintf(spelled, sizeof spelled, "%s%s", code,
                 baseline_codes[id].flags & BC_TAKES_YEAR ? "2020" : "");
        /* (a row that only reads its year otherwise, BC_YEAR_START, shares
         * the code of the first row that spells it) */
        size_t first = id;
        for (size_t k = 0; k < id; k++)
            if (strcmp(baseline_codes[k].code, code) == 0) {
                first = k;
                break;
            }
        CHECKF(first == id || (baseline_codes[id].flags & BC_YEAR_START),
               "BASELINE_CODE %zu repeats the code \"%s\"", id, code);
        CHECKF(baseline_id_of(spelled) == (baseline_id)first, "baseline_id_of(\"%s\") is %d, not %zu",
               spelled, (int)baseline_id_of(spelled), first);
        /* a year is appended only to a code that ends ready for it */
        if (baseline_codes[id].flags & BC_TAKES_YEAR)
            CHECKF(code[strlen(code) - 1] == ':', "\"%s\" takes a year but ends without ':'", code);
    }
    for (size_t e = 0; e < table_size(LT_BASELINES); e++)
        CHECKF(baselines[e].id < BL_COUNT, "BASELINE \"%s\" names no code", baselines[e].phrase);
    for (size_t e = 0; e < table_size(LT_PLAN_WORDS); e++)
        CHECKF(plan_words[e].id < BL_COUNT && (baseline_codes[plan_words[e].id].flags & (BC_PLAN | BC_BUDGET)),
               "PLAN_WORD \"%s\" names no plan or budget", plan_words[e].phrase);
    for (size_t e = 0; e < table_size(LT_TRIGGERS); e++)
        CHECKF(triggers[e].kind > T_NONE && triggers[e].kind < T_KIND_COUNT &&
                   triggers[e].sign >= -1 && triggers[e].sign <= 1,
               "TRIGGER \"%s\": kind %d sign %d", triggers[e].phrase, (int)triggers[e].kind,
               triggers[e].sign);
    /* exactly the decreasing changes carry a minus sign */
    for (size_t e = 0; e < table_size(LT_TRIGGERS); e++)
        if (triggers[e].sign < 0)
            CHECKF(triggers[e].kind == T_CHANGE, "\"%s\" is negative but no change", triggers[e].phrase);
    CHECK_INT(baseline_id_of("month:3/2023"), BL_OTHER);
    CHECK_INT(baseline_flags(NULL), 0);
}


/* Tokens are matched in normalized text, so a phrase not in the form
 * normalize.c gives (NFC, its tone placement) never matches; a phrase
 * twice in one table is dead weight. */
static void test_phrases_normal_and_unique(void)
{
    for (int t = 0; t < LT_COUNT; t++)
        for (size_t e = 0; e < table_size((lex_table)t); e++) {
            const char *p = table_phrase((lex_table)t, e);
            vnr_buf b = { 0 };
            bool ok = normalize_fragment(p, strlen(p), &b);
            CHECK(ok);
            CHECKF(ok && b.data && strcmp(b.data, p) == 0, "table %d: \"%s\" normalizes to \"%s\"",
                   t, p, b.data ? b.data : "(null)");
            buf_free(&b);
            bool dup = false;
            for (size_t f = 0; f < e && !dup; f++)
                dup = strcmp(table_phrase((lex_table)t, f), p) == 0;
            CHECKF(!dup, "table %d: \"%s\" twice", t, p);
        }
}

int main(void)
{
    test_shared_index();
    test_longest_at();
    test_longest_before();
    test_first_and_one_word();
    test_table_phrases();
    test_codes_and_kinds();
    test_phrases_normal_and_unique();
    return check_done("test-rules-lexicon");
}
