/*
 * detect.c — legacy encoding detection (see detect.h).
 *
 * The bytes that tell encodings apart are the non-ASCII ones, so the sample
 * is the words around them: a window from the word holding a non-ASCII
 * byte to about half a kilobyte past it, until 64 KB are taken. Each word
 * of the sample holding such a byte is decoded with every candidate
 * encoding and judged: is it a Vietnamese syllable (onset + rhyme + one
 * tone the rhyme allows), and a frequent one? The right encoding turns
 * nine words in ten into frequent syllables; a wrong one gives strings like
 * `caực` (VNI read as TCVN3) or `nĂm`. The candidate with the best share of
 * good words wins if that share is high enough to be Vietnamese at all.
 *
 * Before that, if valid multi-byte UTF-8 outnumbers invalid bytes in the
 * sample, the input is damaged UTF-8, not a legacy encoding.
 */
#include "detect.h"
#include "buf.h"
#include "utf8.h"
#include "legacy.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* ---------------------------------------------------------------- */
/* Tables                                                            */
/* ---------------------------------------------------------------- */

typedef struct vowel_row {
    const char *base;        /* UTF-8, lower case, no tone */
    uint16_t lower[6], upper[6];
} vowel_row;

#define VOWEL(b, l0, l1, l2, l3, l4, l5, u0, u1, u2, u3, u4, u5) \
    { b, { l0, l1, l2, l3, l4, l5 }, { u0, u1, u2, u3, u4, u5 } },
static const vowel_row vowels[] = {
#include "vowels.def"
};
#undef VOWEL

typedef struct frequent_syllable {
    const char *text;
    unsigned char tone;
} frequent_syllable;

#define ONSET(s) s,
#define RHYME(s)
#define FREQUENT(s, t)
static const char *const onsets[] = {
#include "syllables.def"
};
#undef ONSET
#undef RHYME
#define ONSET(s)
#define RHYME(s) s,
static const char *const rhymes[] = {
#include "syllables.def"
};
#undef RHYME
#undef FREQUENT
#define RHYME(s)
#define FREQUENT(s, t) { s, t },
static const frequent_syllable frequent[] = {
#include "syllables.def"
};
#undef ONSET
#undef RHYME
#undef FREQUENT

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---------------------------------------------------------------- */
/* Letters                                                           */
/* ---------------------------------------------------------------- */

/* Index of `cp` in the three ranges of vn_letters laid end to end, or -1. */
static long letter_index(uint32_t cp)
{
    const long latin = 0x80, extended = latin + (0x1B1 - 0xC0);
    if (cp < 0x80)
        return (long)cp;
    if (cp >= 0xC0 && cp < 0x1B1)
        return latin + (long)(cp - 0xC0);
    if (cp >= 0x1EA0 && cp < 0x1EFA)
        return extended + (long)(cp - 0x1EA0);
    return -1;
}

static void set_letter(vn_letters *v, uint32_t cp, letter_info li)
{
    long k = letter_index(cp);
    if (k >= 0)
        v->all[k] = li;
}

static const letter_info *letter_of(const vn_letters *v, uint32_t cp)
{
    long k = letter_index(cp);
    return k < 0 ? NULL : &v->all[k];
}

void vn_letters_init(vn_letters *v)
{
    memset(v, 0, sizeof *v);
    for (unsigned c = 'a'; c <= 'z'; c++) {
        letter_info consonant = { LETTER_CONSONANT, 0, 0, (unsigned char)c, 0 };
        set_letter(v, c, consonant);
        consonant.upper = 1;
        set_letter(v, c - 'a' + 'A', consonant);
    }
    for (size_t i = 0; i < COUNT(vowels); i++)
        for (unsigned t = 0; t < 6; t++) {
            letter_info vowel = { LETTER_VOWEL, (unsigned char)i, (unsigned char)t, 0, 0 };
            set_letter(v, vowels[i].lower[t], vowel);
            vowel.upper = 1;
            set_letter(v, vowels[i].upper[t], vowel);
        }
    letter_info d_bar = { LETTER_CONSONANT, 0, 0, 0, 0 };
    set_letter(v, 0x0111, d_bar);
    d_bar.upper = 1;
    set_letter(v, 0x0110, d_bar);
}

/* ---------------------------------------------------------------- */
/* Syllables                                                         */
/* ---------------------------------------------------------------- */

static int compare_rhyme(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

static bool is_stop_rhyme(const char *r)
{
    size_t n = strlen(r);
    return n && (r[n - 1] == 'p' || r[n - 1] == 't' || r[n - 1] == 'c' ||
                 (n >= 2 && r[n - 2] == 'c' && r[n - 1] == 'h'));
}

/* A known rhyme with a tone it can take: rhymes closed by p, t, c, ch
 * take only sắc or nặng. */
static bool rhyme_takes(const char *r, int tone)
{
    if (!bsearch(r, rhymes, COUNT(rhymes), sizeof *rhymes, compare_rhyme))
        return false;
    return !is_stop_rhyme(r) || tone == 2 || tone == 5;
}

static bool starts_front_vowel(const char *r)
{
    return r[0] == 'i' || r[0] == 'e' || strncmp(r, "ê", 2) == 0;
}

/* Spelling rules of onsets: k, gh, ngh only before i e ê (k also y);
 * c, g, ng never there; qu needs a rhyme that does not start with u or o;
 * gi may share its i with the rhyme (giêng = gi + iêng, gì = gi + i). */
static bool onset_takes(const char *onset, const char *rest, int tone)
{
    if (strcmp(onset, "gi") == 0) {
        char with_i[40];
        if (strlen(rest) + 2 > sizeof with_i)
            return false;
        with_i[0] = 'i';
        strcpy(with_i + 1, rest);
        return (rest[0] && rhyme_takes(rest, tone)) || rhyme_takes(with_i, tone);
    }
    if (!rhyme_takes(rest, tone))
        return false;
    bool front = starts_front_vowel(rest);
    if (strcmp(onset, "k") == 0)
        return front || rest[0] == 'y';
    if (strcmp(onset, "gh") == 0 || strcmp(onset, "ngh") == 0)
        return front;
    if (strcmp(onset, "c") == 0)
        return !front && rest[0] != 'y';
    if (strcmp(onset, "g") == 0 || strcmp(onset, "ng") == 0)
        return !front;
    if (strcmp(onset, "qu") == 0)
        return rest[0] != 'u' && rest[0] != 'o';
    return true;
}

static bool is_syllable(const char *plain, int tone)
{
    for (size_t k = 0; k <= COUNT(onsets); k++) {
        const char *onset = k < COUNT(onsets) ? onsets[k] : "";
        size_t len = strlen(onset);
        if (strncmp(plain, onset, len) == 0 && onset_takes(onset, plain + len, tone))
            return true;
    }
    return false;
}

static int compare_frequent(const void *key, const void *item)
{
    const frequent_syllable *a = key, *b = item;
    int c = strcmp(a->text, b->text);
    return c ? c : (int)a->tone - (int)b->tone;
}

static bool is_frequent(const char *plain, int tone)
{
    frequent_syllable key = { plain, (unsigned char)tone };
    return bsearch(&key, frequent, COUNT(frequent), sizeof *frequent, compare_frequent) != NULL;
}

/* The word as lower-case letters without tone (`Nghiệp` → "nghiêp") and
 * its tone; false when it holds anything but Vietnamese letters, more than
 * one tone, mixed case other than a capital first letter (`nĂm` is what a
 * wrong decoding looks like) or is too long to be a syllable. */
static bool strip_tone(const vn_letters *v, const char *w, size_t n, char *plain, size_t cap,
                       int *tone)
{
    size_t len = 0, i = 0, letters = 0, uppers = 0;
    bool first_upper = false;
    *tone = 0;
    while (i < n) {
        const letter_info *li = letter_of(v, utf8_next(w, n, &i));
        if (!li || li->kind == LETTER_NONE)
            return false;
        if (li->upper) {
            uppers++;
            first_upper |= letters == 0;
        }
        letters++;
        char one[1];
        const char *piece = "đ";
        size_t piece_len = 2;
        if (li->kind == LETTER_VOWEL) {
            if (li->tone && *tone)
                return false;
            if (li->tone)
                *tone = li->tone;
            piece = vowels[li->vowel].base;
            piece_len = strlen(piece);
        } else if (li->lower) {
            one[0] = (char)li->lower;
            piece = one;
            piece_len = 1;
        }
        if (len + piece_len >= cap)
            return false;
        memcpy(plain + len, piece, piece_len);
        len += piece_len;
    }
    plain[len] = '\0';
    bool case_ok = uppers == 0 || uppers == letters || (uppers == 1 && first_upper);
    return len > 0 && case_ok;
}

int vietnamese_word_class(const vn_letters *v, const char *w, size_t n)
{
    char plain[24];
    int tone;
    if (!strip_tone(v, w, n, plain, sizeof plain, &tone) || !is_syllable(plain, tone))
        return 0;
    return is_frequent(plain, tone) ? 2 : 1;
}

const char *detect_tables_problem(void)
{
    for (size_t i = 1; i < COUNT(rhymes); i++)
        if (strcmp(rhymes[i - 1], rhymes[i]) >= 0)
            return "rhymes are not sorted (or repeat one)";
    for (size_t i = 1; i < COUNT(frequent); i++)
        if (compare_frequent(&frequent[i - 1], &frequent[i]) >= 0)
            return "frequent syllables are not sorted (or repeat one)";
    for (size_t i = 0; i < COUNT(frequent); i++)
        if (!is_syllable(frequent[i].text, frequent[i].tone))
            return frequent[i].text;
    return NULL;
}

/* ---------------------------------------------------------------- */
/* Sample                                                            */
/* ---------------------------------------------------------------- */

enum {
    SAMPLE_BUDGET = 64 * 1024,
    WINDOW_AFTER = 512,     /* bytes taken past a non-ASCII byte */
    WORD_LIMIT = 64         /* longer "words" are cut: no syllable is that long */
};

/* Bytes that may be part of a word in some candidate encoding: letters,
 * every non-ASCII byte, and the C0 bytes VISCII and TCVN3 use for rare
 * upper-case letters (but not tab, line ends or form feed). */
static bool is_word_byte(unsigned char c)
{
    if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return true;
    return c >= 0x01 && c < 0x20 && (c < '\t' || c > '\r');
}

static bool word_has_special_byte(const unsigned char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] >= 0x80 || w[i] < 0x20)
            return true;
    return false;
}

/* Offset of the first byte ≥ 0x80 at or after i (n when none). */
static size_t next_high_byte(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        if (s[i] & 0x80)
            return i;
        i++;
    }
    return n;
}

typedef struct span {
    size_t start, end;
} span;

typedef struct sample {
    span *spans;
    size_t n_spans, cap;
    size_t bytes;
} sample;

/* Windows around non-ASCII bytes, each starting at a word start and
 * ending at a word end, until the budget is spent. */
static bool collect_sample(const unsigned char *s, size_t n, sample *sm)
{
    size_t i = 0;
    while (sm->bytes < SAMPLE_BUDGET) {
        size_t h = next_high_byte(s, n, i);
        if (h == n)
            break;
        size_t start = h;
        while (start > i && is_word_byte(s[start - 1]) && h - start < WORD_LIMIT)
            start--;
        size_t end = n - h > WINDOW_AFTER ? h + WINDOW_AFTER : n;
        size_t stop = n - end > WORD_LIMIT ? end + WORD_LIMIT : n;
        while (end < stop && is_word_byte(s[end]))
            end++;
        span sp = { start, end };
        if (!VEC_PUSH(sm->spans, sm->n_spans, sm->cap, sp))
            return false;
        sm->bytes += end - start;
        i = end;
    }
    return true;
}

/* Does the sample read better as UTF-8 with some damage than as anything
 * else? (Valid multi-byte sequences at least as many as invalid bytes.) */
static bool sample_is_utf8_like(const unsigned char *s, size_t n, const sample *sm)
{
    size_t valid = 0, invalid = 0;
    for (size_t k = 0; k < sm->n_spans; k++) {
        size_t i = sm->spans[k].start;
        while (i < sm->spans[k].end) {
            if (s[i] < 0x80) {
                i++;
                continue;
            }
            size_t len = utf8_sequence_length(s + i, n - i);
            if (len) {
                valid++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
    }
    return valid > 0 && valid >= invalid;
}

/* ---------------------------------------------------------------- */
/* Scoring                                                           */
/* ---------------------------------------------------------------- */

typedef struct judge {
    const vn_letters *letters;
    legacy_table tables[DETECT_CANDIDATES];
    vnr_buf scratch;
} judge;

static const vnr_encoding candidate_order[DETECT_CANDIDATES] = {
    VNR_ENCODING_TCVN3, VNR_ENCODING_VNI, VNR_ENCODING_CP1258, VNR_ENCODING_VISCII,
};

static unsigned long long digest_add(unsigned long long h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return (h ^ 0xFF) * 1099511628211ULL;
}

/* The word with non-letters (quotes, brackets, stray marks) cut from both
 * ends; empty when no letter is left. */
static void trim_to_letters(const char *w, size_t n, size_t *from, size_t *to)
{
    size_t i = 0, first = n, last = n;
    while (i < n) {
        size_t at = i;
        uint32_t cp = utf8_next(w, n, &i);
        if (u_isalpha((UChar32)cp)) {
            if (first == n)
                first = at;
            last = i;
        }
    }
    *from = first;
    *to = first == n ? n : last;
}

static bool judge_word(judge *jg, const unsigned char *w, size_t n, candidate_score *sc)
{
    for (int c = 0; c < DETECT_CANDIDATES; c++) {
        legacy_stats ls;
        jg->scratch.len = 0;
        if (!legacy_decode(&jg->tables[c], w, n, false, &jg->scratch, NULL, &ls))
            return false;
        sc[c].undecodable += ls.replacements;
        size_t from, to;
        trim_to_letters(jg->scratch.data, jg->scratch.len, &from, &to);
        if (from == to)
            continue;
        const char *text = jg->scratch.data + from;
        int cls = vietnamese_word_class(jg->letters, text, to - from);
        sc[c].judged++;
        sc[c].syllables += cls > 0;
        sc[c].good += cls == 2 ? 1.0 : cls == 1 ? 0.5 : 0.0;
        sc[c].digest = digest_add(sc[c].digest, text, to - from);
    }
    return true;
}

static bool judge_span(judge *jg, const unsigned char *s, span sp, candidate_score *sc)
{
    size_t i = sp.start;
    while (i < sp.end) {
        if (!is_word_byte(s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < sp.end && is_word_byte(s[i]) && i - start < WORD_LIMIT)
            i++;
        if (word_has_special_byte(s + start, i - start) &&
            !judge_word(jg, s + start, i - start, sc))
            return false;
    }
    return true;
}

/* Pick the candidate with the best ratio, if it reads as Vietnamese at
 * all. Two encodings that read the sample alike (same digest) are not
 * rivals: the margin is taken over the best reading that differs. */
static void choose(detection *d)
{
    enum { MIN_GOOD = 2 };
    const double min_ratio = 0.5, words_per_unit = 4.0;
    int best = 0;
    for (int c = 0; c < DETECT_CANDIDATES; c++) {
        candidate_score *sc = &d->scores[c];
        size_t denom = sc->judged + sc->undecodable;
        sc->ratio = denom ? sc->good / (double)denom : 0.0;
        if (sc->ratio > d->scores[best].ratio)
            best = c;
    }
    const candidate_score *b = &d->scores[best];
    if (b->ratio < min_ratio || b->good < MIN_GOOD)
        return;
    double rival = 0.0;
    for (int c = 0; c < DETECT_CANDIDATES; c++)
        if (c != best && d->scores[c].digest != b->digest && d->scores[c].ratio > rival)
            rival = d->scores[c].ratio;
    double words = (double)(b->judged + b->undecodable);
    double plausible = (double)b->syllables / words;
    double decisive = 1.0 - exp(-words * (b->ratio - rival) / words_per_unit);
    double confidence = plausible * decisive;
    d->encoding = b->encoding;
    d->confidence = confidence < 0 ? 0 : confidence > 1 ? 1 : confidence;
}

vnr_status detect_encoding(const char *bytes, size_t n, detection *out, vnr_error **error)
{
    const unsigned char *s = (const unsigned char *)bytes;
    memset(out, 0, sizeof *out);
    out->encoding = VNR_ENCODING_AUTO;
    sample sm = { 0 };
    if (!collect_sample(s, n, &sm)) {
        free(sm.spans);
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    }
    out->sample_bytes = sm.bytes;
    out->utf8_like = sample_is_utf8_like(s, n, &sm);
    if (out->utf8_like) {
        free(sm.spans);
        return VNR_OK;
    }
    vn_letters letters;
    vn_letters_init(&letters);
    judge jg = { .letters = &letters };
    vnr_status st = VNR_OK;
    for (int c = 0; c < DETECT_CANDIDATES && st == VNR_OK; c++) {
        out->scores[c].encoding = candidate_order[c];
        out->scores[c].digest = 14695981039346656037ULL;
        st = legacy_table_init(&jg.tables[c], candidate_order[c], error);
    }
    for (size_t k = 0; k < sm.n_spans && st == VNR_OK; k++)
        if (!judge_span(&jg, s, sm.spans[k], out->scores))
            st = error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    if (st == VNR_OK)
        choose(out);
    buf_free(&jg.scratch);
    free(sm.spans);
    return st;
}
