/*
 * decode.c — stage 1: bytes → UTF-8 (see decode.h).
 *
 * UTF-8 is validated in one pass that skips eight ASCII bytes at a time;
 * invalid input is an error naming line and byte unless lenient mode asks
 * for U+FFFD replacement. UTF-16 needs a BOM (or a hint). The 8-bit
 * Vietnamese encodings (TCVN3, VNI, VISCII, Windows-1258) are decoded by
 * legacy.c; with no hint, input that is not UTF-8 goes to detect.c, and if
 * no legacy encoding reads as Vietnamese it is reported as invalid UTF-8.
 */
#include "decode.h"
#include "buf.h"
#include "decode-formats.h"
#include "detect.h"
#include "legacy.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* VNR_E_ENCODING for the byte at `at`: "<what> at line L, byte B (column
 * C): 0xXX<note>". */
static vnr_status encoding_error(const char *bytes, size_t at, const char *what,
                                 const char *note, vnr_error **error)
{
    size_t line = utf8_line_of_offset(bytes, at);
    size_t line_start = utf8_line_start(bytes, at);
    return error_set(error, VNR_E_ENCODING, line, at,
                     "%s at line %zu, byte %zu (column %zu): 0x%02X%s",
                     what, line, at, at - line_start + 1,
                     (unsigned)(unsigned char)bytes[at], note);
}

/* Lenient UTF-8: copy bytes[start..n), replacing every invalid sequence
 * by U+FFFD. */
static vnr_status utf8_repair(const char *bytes, size_t n, size_t start, decoded *out)
{
    vnr_buf b = { 0 };
    if (!buf_reserve(&b, n + n / 8 + 16) || !offmap_add(&out->map, 0, start, 1))
        goto nomem;
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = start;
    while (i < n) {
        size_t k = utf8_sequence_length(s + i, n - i);
        if (k) {
            if (!buf_append(&b, bytes + i, k))
                goto nomem;
            i += k;
            continue;
        }
        if (!offmap_add(&out->map, b.len, i, 0) || !buf_append(&b, "\xEF\xBF\xBD", 3))
            goto nomem;
        out->replacements++;
        i += utf8_maximal_subpart(s + i, n - i);
        if (!offmap_add(&out->map, b.len, i, 1))
            goto nomem;
    }
    out->len = b.len;
    out->owned = buf_steal(&b);
    out->text = out->owned;
    return VNR_OK;
nomem:
    buf_free(&b);
    return VNR_E_NOMEM;
}

/* UTF-8 text starting at `start` (3 after a BOM) whose first invalid byte
 * is at `bad` (n when none); `note` ends the error message. */
static vnr_status decode_utf8(const char *bytes, size_t n, size_t start, size_t bad,
                              bool lenient, const char *note, decoded *out, vnr_error **error)
{
    out->encoding = VNR_ENCODING_UTF8;
    if (bad == n) {
        out->text = bytes + start;
        out->len = n - start;
        if (start && !offmap_add(&out->map, 0, start, 1))
            return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
        return VNR_OK;
    }
    if (!lenient)
        return encoding_error(bytes, bad, bytes[bad] ? "invalid UTF-8" : "NUL byte", note,
                              error);
    vnr_status st = utf8_repair(bytes, n, start, out);
    return st == VNR_OK ? VNR_OK : error_set(error, st, 0, VNR_NO_POSITION, "out of memory");
}

static unsigned utf16_unit(const unsigned char *s, size_t i, bool big)
{
    return big ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
}

/* 1-based line of byte `pos` of UTF-16 text starting at `start` (LF, CR LF
 * and lone CR end lines, as for UTF-8). */
static size_t utf16_line_of(const unsigned char *s, size_t start, size_t pos, bool big)
{
    size_t line = 1;
    for (size_t i = start; i + 2 <= pos; i += 2) {
        unsigned u = utf16_unit(s, i, big);
        if (u == '\n' || (u == '\r' && !(i + 4 <= pos && utf16_unit(s, i + 2, big) == '\n')))
            line++;
    }
    return line;
}

/* Is u a character of Vietnamese text: Latin letters, combining marks,
 * Vietnamese precomposed letters, general punctuation? */
static bool utf16_reads_latin(uint32_t u)
{
    return u < 0x250 || (u >= 0x300 && u < 0x370) || (u >= 0x1EA0 && u <= 0x1EFF) ||
           (u >= 0x2000 && u < 0x2070);
}

static vnr_status decode_utf16(const char *bytes, size_t n, size_t start, bool big,
                               bool lenient, decoded *out, vnr_error **error)
{
    const unsigned char *s = (const unsigned char *)bytes;
    vnr_buf b = { 0 };
    if (!buf_reserve(&b, n + 16))
        goto nomem;
    size_t i = start, units = 0, latin = 0;
    while (i < n) {
        if (i + 1 >= n)
            goto bad;
        uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        size_t used = 2;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= n)
                goto bad;
            uint32_t lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (lo < 0xDC00 || lo > 0xDFFF)
                goto bad;
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            used = 4;
        } else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0) {
            goto bad;
        }
        if (!offmap_add(&out->map, b.len, i, u < 0x80 ? 2 : 0) || !buf_append_utf8(&b, u))
            goto nomem;
        units++;
        latin += utf16_reads_latin(u);
        i += used;
        continue;
bad:
        if (!lenient) {
            buf_free(&b);
            size_t line = utf16_line_of(s, start, i, big);
            return error_set(error, VNR_E_ENCODING, line, i,
                             "invalid UTF-16 at line %zu, byte %zu", line, i);
        }
        if (!offmap_add(&out->map, b.len, i, 0) || !buf_append_utf8(&b, 0xFFFD))
            goto nomem;
        out->replacements++;
        i += 2;
    }
    out->encoding = big ? VNR_ENCODING_UTF16BE : VNR_ENCODING_UTF16LE;
    /* Without a BOM the caller's word is all we have: UTF-8 or 8-bit bytes
     * read as UTF-16 give CJK and other scripts, rarely a Vietnamese letter */
    if (start == 0 && units)
        out->confidence = (double)latin / (double)units;
    out->len = b.len;
    out->owned = buf_steal(&b);
    out->text = out->owned;
    return VNR_OK;
nomem:
    buf_free(&b);
    return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
}

/* An 8-bit legacy encoding, chosen by the caller (confidence 1) or by
 * detection. */
static vnr_status decode_legacy(const char *bytes, size_t n, vnr_encoding enc,
                                double confidence, bool detected, bool lenient,
                                decoded *out, vnr_error **error)
{
    legacy_table table;
    vnr_status st = legacy_table_init(&table, enc, error);
    if (st != VNR_OK)
        return st;
    vnr_buf b = { 0 };
    legacy_stats stats;
    if (!buf_reserve(&b, n + n / 2 + 16) ||
        !legacy_decode(&table, (const unsigned char *)bytes, n, !lenient, &b, &out->map,
                       &stats)) {
        buf_free(&b);
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION, "out of memory");
    }
    out->encoding = enc;
    out->confidence = confidence;
    if (!lenient && stats.first_bad < n) {
        buf_free(&b);
        char what[128], note[64] = "";
        snprintf(what, sizeof what, "%s in %s", legacy_fault_text(stats.fault),
                 vnr_encoding_name(enc));
        if (detected)
            snprintf(note, sizeof note, " (%s was detected with confidence %.2f)",
                     vnr_encoding_name(enc), confidence);
        return encoding_error(bytes, stats.first_bad, what, note, error);
    }
    out->replacements = stats.replacements;
    out->len = b.len;
    out->owned = buf_steal(&b);
    out->text = out->owned;
    return VNR_OK;
}

/* No BOM, no hint and not valid UTF-8 (first invalid byte at `bad`): the
 * legacy encoding that reads as Vietnamese, else damaged UTF-8. */
static vnr_status decode_detected(const char *bytes, size_t n, size_t bad, bool lenient,
                                  decoded *out, vnr_error **error)
{
    detection det;
    vnr_status st = detect_encoding(bytes, n, &det, error);
    if (st != VNR_OK)
        return st;
    if (det.encoding != VNR_ENCODING_AUTO)
        return decode_legacy(bytes, n, det.encoding, det.confidence, true, lenient, out, error);
    const char *note = det.utf8_like ? ""
        : " (nor does the input read as TCVN3, VNI, VISCII or Windows-1258)";
    return decode_utf8(bytes, n, 0, bad, lenient, note, out, error);
}

static vnr_status decode_any(const char *bytes, size_t n, vnr_encoding hint,
                             bool lenient, decoded *out, vnr_error **error)
{
    const unsigned char *s = (const unsigned char *)bytes;
    bool bom8 = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
    bool bom16le = n >= 2 && s[0] == 0xFF && s[1] == 0xFE;
    bool bom16be = n >= 2 && s[0] == 0xFE && s[1] == 0xFF;

    if ((hint == VNR_ENCODING_AUTO || hint == VNR_ENCODING_UTF16LE) && bom16le)
        return decode_utf16(bytes, n, 2, false, lenient, out, error);
    if ((hint == VNR_ENCODING_AUTO || hint == VNR_ENCODING_UTF16BE) && bom16be)
        return decode_utf16(bytes, n, 2, true, lenient, out, error);
    if (hint == VNR_ENCODING_UTF16LE || hint == VNR_ENCODING_UTF16BE)
        return decode_utf16(bytes, n, 0, hint == VNR_ENCODING_UTF16BE, lenient, out, error);
    if (legacy_is_legacy(hint))
        return decode_legacy(bytes, n, hint, 1.0, false, lenient, out, error);
    if (hint != VNR_ENCODING_AUTO && hint != VNR_ENCODING_UTF8)
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "unknown encoding %d", (int)hint);
    size_t start = bom8 ? 3 : 0;
    size_t bad = start + utf8_first_invalid(s + start, n - start);
    if (bad < n && hint == VNR_ENCODING_AUTO && !bom8)
        return decode_detected(bytes, n, bad, lenient, out, error);
    return decode_utf8(bytes, n, start, bad, lenient, "", out, error);
}

const char *input_format_name(input_format f)
{
    static const char *const names[] = {
        [FORMAT_TEXT] = "text", [FORMAT_PDF] = "pdf", [FORMAT_DOCX] = "docx",
        [FORMAT_ODT] = "odt",   [FORMAT_ZIP] = "zip", [FORMAT_DOC] = "doc",
    };
    return (unsigned)f < sizeof names / sizeof *names ? names[f] : "text";
}

input_format sniff_format(const char *bytes, size_t n)
{
    if (n >= 5 && memcmp(bytes, "%PDF-", 5) == 0)
        return FORMAT_PDF;
    if (n >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0)
        return FORMAT_ZIP;
    if (n >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return FORMAT_DOC;
    return FORMAT_TEXT;
}

/* Documents are recognized by content whatever the encoding hint: their
 * bytes are never text. */
static vnr_status decode_document(input_format f, const char *bytes, size_t n, decoded *out,
                                  vnr_error **error)
{
    out->encoding = VNR_ENCODING_UTF8;
    out->format = f;
    if (f == FORMAT_PDF)
        return decode_pdf(bytes, n, out, error);
    if (f == FORMAT_ZIP)
        return decode_zipped(bytes, n, out, error);
    return error_set(error, VNR_E_UNSUPPORTED_FORMAT, 0, VNR_NO_POSITION,
                     "a Word 97-2003 .doc file: save it as DOCX (or PDF) first");
}

vnr_status decode_input(const char *bytes, size_t n, vnr_encoding hint,
                        bool lenient, decoded *out, vnr_error **error)
{
    memset(out, 0, sizeof *out);
    out->confidence = 1.0;
    input_format f = sniff_format(bytes, n);
    vnr_status st = f != FORMAT_TEXT ? decode_document(f, bytes, n, out, error)
                                     : decode_any(bytes, n, hint, lenient, out, error);
    if (st == VNR_OK && out->len == 0)   /* a byte-order mark and nothing else */
        st = error_set(error, VNR_E_EMPTY, 0, VNR_NO_POSITION, f == FORMAT_TEXT
                       ? "empty input (a byte-order mark only)"
                       : "empty document (no text)");
    if (st != VNR_OK)
        decoded_free(out);   /* a failed decode owns nothing */
    return st;
}

void decoded_free(decoded *d)
{
    free(d->owned);
    free(d->pages);
    offmap_free(&d->map);
    memset(d, 0, sizeof *d);
}
