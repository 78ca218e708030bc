/*
 * detect.h — which legacy encoding do bytes that are not UTF-8 use?
 *
 * Owns: the sample (the words around non-ASCII bytes, at most 64 KB
 * whatever the input size), the trial decodings with each 8-bit encoding,
 * the test of how Vietnamese a decoding reads (syllable structure from
 * syllables.def, letters from vowels.def, frequent syllables) and the
 * confidence. Takes the input bytes, gives an encoding or "none fits".
 *
 * May include: base, legacy.h and ICU — not decode.h (decode.c calls
 * detect.c, not the other way round).
 */
#ifndef VNR_DETECT_H
#define VNR_DETECT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* How one candidate decoding of the sample fared. */
typedef struct candidate_score {
    vnr_encoding encoding;
    size_t judged;        /* sample words holding a non-ASCII byte, with a letter */
    size_t undecodable;   /* faulty bytes in the sample */
    size_t syllables;     /* judged words that are well-formed syllables */
    double good;          /* 1 per frequent syllable, 0.5 per other syllable */
    double ratio;         /* good / (judged + undecodable): ranks candidates */
    unsigned long long digest;  /* of the decoded words: equal readings compare equal */
} candidate_score;

enum { DETECT_CANDIDATES = 4 };

typedef struct detection {
    /* The choice: a legacy encoding, or VNR_ENCODING_AUTO when none reads
     * as Vietnamese (or the bytes look like damaged UTF-8). */
    vnr_encoding encoding;
    /* In [0, 1]: how Vietnamese the chosen reading is (its share of
     * well-formed syllables) times how decisively it beats the best reading
     * that differs from it, 1 - exp(-words × margin / 4): the margin of
     * ratios, weighed by the number of words it was measured on. */
    double confidence;
    bool utf8_like;       /* valid multi-byte UTF-8 outnumbers invalid bytes */
    size_t sample_bytes;
    candidate_score scores[DETECT_CANDIDATES];  /* TCVN3, VNI, Windows-1258, VISCII */
} detection;

/* Examine `bytes` (not valid UTF-8). Fails only for lack of memory or ICU
 * data. */
vnr_status detect_encoding(const char *bytes, size_t n, detection *out, vnr_error **error);

/* Vietnamese letters by code point (from vowels.def): vowel, tone, case. */
typedef struct letter_info {
    unsigned char kind;    /* LETTER_NONE, LETTER_CONSONANT, LETTER_VOWEL */
    unsigned char vowel;   /* index into vowels.def */
    unsigned char tone;    /* 0 ngang … 5 nặng */
    unsigned char lower;   /* consonants: the lower-case ASCII letter, 0 for đ */
    unsigned char upper;   /* an upper-case letter */
} letter_info;

enum { LETTER_NONE = 0, LETTER_CONSONANT, LETTER_VOWEL };

/* U+0000–U+007F, U+00C0–U+01B0 and U+1EA0–U+1EF9, end to end. */
typedef struct vn_letters {
    letter_info all[0x80 + (0x1B1 - 0xC0) + (0x1EFA - 0x1EA0)];
} vn_letters;

void vn_letters_init(vn_letters *v);

/* How Vietnamese is the word w[0..n) (UTF-8)? 0: not a syllable, 1: a
 * well-formed syllable (onset, rhyme, one tone that the rhyme allows),
 * 2: a frequent one. */
int vietnamese_word_class(const vn_letters *v, const char *w, size_t n);

/* Self-check of the data tables for the tests: rhymes and frequent
 * syllables sorted without duplicates, every frequent syllable well formed.
 * Returns NULL when all is well, else what is wrong (a static string). */
const char *detect_tables_problem(void);

#endif
