/*
 * fuzz-decode.c — libFuzzer harness for stages 1 and 2: decode + normalize.
 *
 * Input: one selector byte, then the bytes to decode. The selector picks the
 * encoding hint (every value vnr_encoding_name() knows, so encodings added
 * to the decoder are fuzzed as soon as they are named). Each input is
 * decoded twice, strict and lenient, and every decoded text is normalized.
 *
 * Besides crashes, leaks and sanitizer reports, it checks what the stages
 * promise (decode.h, normalize.h):
 *  - a failure is a status with a message, never a half-filled result;
 *  - decoded text is valid UTF-8 without NUL, in the encoding asked for,
 *    and its offset map stays inside the input and never goes backwards;
 *  - what strict mode accepts, lenient mode decodes to the same text, and
 *    lenient mode never fails on the bytes themselves;
 *  - normalized text is NUL-terminated valid UTF-8, keeps line breaks one
 *    for one, and each of its ASCII digits maps back to the same digit of
 *    the decoded text, in increasing order, with digit runs ending exactly.
 */
#include "decode.h"
#include "normalize.h"
#include "utf8.h"

#include <string.h>

#include "fuzz-check.h"

/* Number of vnr_encoding values: the names are contiguous from AUTO = 0. */
static unsigned encoding_count(void)
{
    unsigned n = 0;
    while (vnr_encoding_name((vnr_encoding)n))
        n++;
    return n;
}

static void check_error(vnr_status st, const vnr_error *err, const char *stage)
{
    FUZZ_ASSERT(err != NULL, "%s failed (%s) without an error object", stage,
                vnr_status_str(st));
    FUZZ_ASSERT(vnr_error_status(err) == st, "%s: status %d, error says %d", stage, st,
                vnr_error_status(err));
    const char *msg = vnr_error_message(err);
    FUZZ_ASSERT(msg && *msg, "%s failed (%s) with an empty message", stage,
                vnr_status_str(st));
}

/* Valid UTF-8 without NUL: what every later stage may assume. */
static void check_utf8(const char *s, size_t n, const char *what)
{
    size_t i = 0;
    while (i < n) {
        size_t k = utf8_sequence_length((const unsigned char *)s + i, n - i);
        FUZZ_ASSERT(k != 0, "%s: invalid UTF-8 or NUL at byte %zu of %zu (0x%02X)", what, i, n,
                    (unsigned)(unsigned char)s[i]);
        i += k;
    }
}

/* An offset map is monotone and, as its runs are linear, that holds when it
 * holds where runs meet: just before each anchor and at the anchor. The
 * whole map is then bounded by where `out_len` maps. Checking anchors, not
 * every position, keeps big inputs fast. */
static void check_offmap(const offmap *m, size_t out_len, size_t src_len, const char *what)
{
    for (size_t k = 0; k < m->n; k++) {
        const offmap_anchor *a = &m->a[k];
        FUZZ_ASSERT(a->out <= out_len, "%s: anchor %zu at %zu past the end %zu", what, k, a->out,
                    out_len);
        if (a->out == 0)
            continue;
        size_t before = offmap_lookup(m, a->out - 1);
        FUZZ_ASSERT(before <= a->src, "%s: position %zu maps to %zu, position %zu back to %zu",
                    what, a->out - 1, before, a->out, a->src);
    }
    size_t end = offmap_lookup(m, out_len);
    FUZZ_ASSERT(end <= src_len, "%s: end %zu maps to %zu of %zu", what, out_len, end, src_len);
}

static void check_decoded(const decoded *d, size_t n, vnr_encoding hint)
{
    FUZZ_ASSERT(d->text != NULL && d->len > 0, "decoded text %p of %zu bytes",
                (const void *)d->text, d->len);
    check_utf8(d->text, d->len, "decoded text");
    if (hint != VNR_ENCODING_AUTO)
        FUZZ_ASSERT(d->encoding == hint, "asked for %s, decoded as %s",
                    vnr_encoding_name(hint), vnr_encoding_name(d->encoding));
    FUZZ_ASSERT(vnr_encoding_name(d->encoding) && d->encoding != VNR_ENCODING_AUTO,
                "decoded with no encoding (%d)", (int)d->encoding);
    FUZZ_ASSERT(d->confidence >= 0.0 && d->confidence <= 1.0, "confidence %g",
                d->confidence);
    check_offmap(&d->map, d->len, n, "decode map");
}

/* Line breaks as normalize.c counts them: LF, CR LF, lone CR, U+0085,
 * U+2028, U+2029. */
static size_t count_line_breaks(const char *s, size_t n)
{
    size_t lines = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
            lines++;
        else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85)
            lines++;
        else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
            lines++;
    }
    return lines;
}

static size_t count_newlines(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Each ASCII digit of the normalized text maps back to the same digit of
 * the decoded text, in increasing order; a digit run's end maps just past
 * its last digit. Record offsets rest on this. */
static void check_digit_map(const char *in, size_t n, const normalized *nt)
{
    size_t last = 0;
    bool first = true;
    for (size_t p = 0; p < nt->len; p++) {
        if (!is_digit(nt->text[p]))
            continue;
        size_t q = normalized_to_decoded(nt, p);
        FUZZ_ASSERT(q < n && in[q] == nt->text[p] && (first || q > last),
                    "digit '%c' at normalized %zu maps to decoded %zu of %zu ('%c', previous %zu)",
                    nt->text[p], p, q, n, q < n ? in[q] : '?', last);
        last = q;
        first = false;
        if (p + 1 == nt->len || !is_digit(nt->text[p + 1])) {
            size_t e = normalized_end_to_decoded(nt, p + 1);
            FUZZ_ASSERT(e == q + 1, "digit run ending at normalized %zu ends at decoded %zu, not %zu",
                        p + 1, e, q + 1);
        }
    }
}

static void check_normalized(const decoded *d)
{
    normalized nt;
    vnr_error *err = NULL;
    vnr_status st = normalize_text(d->text, d->len, &nt, &err);
    if (st != VNR_OK) {
        check_error(st, err, "normalize_text");
        vnr_error_free(err);
        return;
    }
    FUZZ_ASSERT(err == NULL, "normalize_text succeeded and set an error");
    FUZZ_ASSERT(nt.text != NULL && nt.text[nt.len] == '\0', "normalized text not terminated");
    check_utf8(nt.text, nt.len, "normalized text");
    size_t in_lines = count_line_breaks(d->text, d->len);
    size_t out_lines = count_newlines(nt.text, nt.len);
    FUZZ_ASSERT(in_lines == out_lines, "%zu line breaks in, %zu out", in_lines, out_lines);
    /* both maps monotone and the end inside: every position maps inside */
    check_offmap(&nt.unicode, nt.len, SIZE_MAX, "normalize unicode map");
    check_offmap(&nt.cleanup, offmap_lookup(&nt.unicode, nt.len), d->len, "normalize cleanup map");
    size_t end = normalized_to_decoded(&nt, nt.len);
    FUZZ_ASSERT(end <= d->len, "normalized end %zu maps to decoded %zu of %zu", nt.len, end,
                d->len);
    check_digit_map(d->text, d->len, &nt);
    normalized_free(&nt);
}

/* Decode once; returns the status, `out` filled on success. */
static vnr_status decode_checked(const char *bytes, size_t n, vnr_encoding hint, bool lenient,
                                 decoded *out)
{
    vnr_error *err = NULL;
    vnr_status st = decode_input(bytes, n, hint, lenient, out, &err);
    if (st != VNR_OK) {
        check_error(st, err, lenient ? "decode_input (lenient)" : "decode_input");
        FUZZ_ASSERT(out->owned == NULL && out->map.a == NULL, "failed decode left memory");
        vnr_error_free(err);
        return st;
    }
    FUZZ_ASSERT(err == NULL, "decode_input succeeded and set an error");
    check_decoded(out, n, hint);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    vnr_encoding hint = (vnr_encoding)(data[0] % encoding_count());
    const char *bytes = (const char *)data + 1;
    size_t n = size - 1;

    decoded strict, lenient;
    vnr_status st_strict = decode_checked(bytes, n, hint, false, &strict);
    vnr_status st_lenient = decode_checked(bytes, n, hint, true, &lenient);
    FUZZ_ASSERT(st_lenient != VNR_E_ENCODING, "lenient decode refused the bytes");
    if (st_strict == VNR_OK) {
        FUZZ_ASSERT(st_lenient == VNR_OK, "strict decode accepted, lenient refused (%s)",
                    vnr_status_str(st_lenient));
        FUZZ_ASSERT(strict.replacements == 0, "strict decode made %zu replacements",
                    strict.replacements);
        FUZZ_ASSERT(lenient.len == strict.len && memcmp(lenient.text, strict.text, strict.len) == 0,
                    "strict and lenient decodes differ (%zu vs %zu bytes)", strict.len,
                    lenient.len);
        FUZZ_ASSERT(lenient.encoding == strict.encoding, "strict %s, lenient %s",
                    vnr_encoding_name(strict.encoding), vnr_encoding_name(lenient.encoding));
        check_normalized(&strict);
        decoded_free(&strict);
    }
    if (st_lenient == VNR_OK) {
        if (st_strict != VNR_OK)
            check_normalized(&lenient);
        decoded_free(&lenient);
    }
    return 0;
}
