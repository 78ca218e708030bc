/*
 * legacy.c — 8-bit Vietnamese encodings (see legacy.h).
 *
 * Every encoding here is a table of 256 bytes; what differs is how marks
 * behave. TCVN3 and Windows-1258 have combining tone bytes that follow a
 * letter (`a` + 0xB3 in TCVN3, `â` + 0xEC in Windows-1258): composed with
 * it when Unicode has the letter, kept as a combining mark otherwise, as
 * glibc's iconv does. VNI's mark bytes (one or two marks each) only exist
 * after a letter, so a mark with nothing to join is a fault. Output is
 * precomposed wherever a precomposed letter exists, so later stages and
 * detection see `ấ`, not `a` + U+0302 + U+0301.
 */
#include "legacy.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>

/* ---------------------------------------------------------------- */
/* Tables                                                            */
/* ---------------------------------------------------------------- */

typedef struct charmap_entry {
    uint8_t byte;
    uint16_t cp;
} charmap_entry;

typedef struct vni_mark_entry {
    uint8_t byte;
    uint16_t mark, mark2;
} vni_mark_entry;

#define CHARMAP(b, c) { b, c },
#define VNI_MARK(b, m, m2)
static const charmap_entry tcvn3_map[] = {
#include "charmap-tcvn3.def"
};
static const charmap_entry viscii_map[] = {
#include "charmap-viscii.def"
};
static const charmap_entry vni_chars[] = {
#include "charmap-vni.def"
};
#undef CHARMAP
#undef VNI_MARK

#define CHARMAP(b, c)
#define VNI_MARK(b, m, m2) { b, m, m2 },
static const vni_mark_entry vni_marks[] = {
#include "charmap-vni.def"
};
#undef CHARMAP
#undef VNI_MARK

bool legacy_is_legacy(vnr_encoding e)
{
    return e == VNR_ENCODING_TCVN3 || e == VNR_ENCODING_VNI || e == VNR_ENCODING_VISCII ||
           e == VNR_ENCODING_CP1258;
}

static void set_byte(legacy_table *t, unsigned b, uint32_t cp)
{
    t->cp[b] = (uint16_t)cp;
    t->role[b] = u_getCombiningClass((UChar32)cp) ? BYTE_COMBINING : BYTE_CHAR;
}

/* ASCII below 0x80 (NUL excepted: never text), nothing from 0x80 up. */
static void ascii_base(legacy_table *t)
{
    memset(t->role, BYTE_UNDEFINED, sizeof t->role);
    memset(t->cp, 0, sizeof t->cp);
    memset(t->cp2, 0, sizeof t->cp2);
    for (unsigned b = 1; b < 0x80; b++)
        set_byte(t, b, b);
}

static void apply_charmap(legacy_table *t, const charmap_entry *map, size_t count)
{
    for (size_t i = 0; i < count; i++)
        set_byte(t, map[i].byte, map[i].cp);
}

static void vni_table(legacy_table *t)
{
    apply_charmap(t, vni_chars, sizeof vni_chars / sizeof *vni_chars);
    for (size_t i = 0; i < sizeof vni_marks / sizeof *vni_marks; i++) {
        const vni_mark_entry *m = &vni_marks[i];
        t->role[m->byte] = BYTE_VNI_MARK;
        t->cp[m->byte] = m->mark;
        t->cp2[m->byte] = m->mark2;
    }
}

/* Windows-1258 from ICU's converter, one byte at a time (it is a
 * single-byte charset). ICU maps the bytes Windows-1258 leaves undefined
 * (0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E) to C1 controls so that they
 * round-trip; they are not text, so they stay undefined here. */
/* An ICU failure: out of memory, or ICU's data lacks what we need. */
static vnr_status icu_failure(UErrorCode err, const char *what, vnr_error **error)
{
    /* ICU's data is linked in (libicudata): failing to "access" it means
     * an allocation failed while ICU loaded it, not a missing file */
    if (err == U_MEMORY_ALLOCATION_ERROR || err == U_FILE_ACCESS_ERROR)
        return error_set(error, VNR_E_NOMEM, 0, VNR_NO_POSITION,
                         "out of memory while ICU loaded its %s (%s)", what, u_errorName(err));
    return error_set(error, VNR_E_INTERNAL, 0, VNR_NO_POSITION, "ICU has no %s: %s", what,
                     u_errorName(err));
}

static vnr_status cp1258_table(legacy_table *t, vnr_error **error)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cv = ucnv_open("windows-1258", &err);
    if (U_FAILURE(err))
        return icu_failure(err, "windows-1258 converter", error);
    ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    for (unsigned b = 0x80; b < 0x100; b++) {
        char in = (char)b;
        UChar u[4];
        err = U_ZERO_ERROR;
        int32_t k = ucnv_toUChars(cv, u, 4, &in, 1, &err);
        if (U_SUCCESS(err) && k == 1 && !(u[0] >= 0x80 && u[0] <= 0x9F))
            set_byte(t, b, u[0]);
    }
    ucnv_close(cv);
    return VNR_OK;
}

vnr_status legacy_table_init(legacy_table *t, vnr_encoding e, vnr_error **error)
{
    ascii_base(t);
    t->encoding = e;
    UErrorCode err = U_ZERO_ERROR;
    t->nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        return icu_failure(err, "NFC data", error);
    switch (e) {
    case VNR_ENCODING_TCVN3:
        apply_charmap(t, tcvn3_map, sizeof tcvn3_map / sizeof *tcvn3_map);
        return VNR_OK;
    case VNR_ENCODING_VISCII:
        apply_charmap(t, viscii_map, sizeof viscii_map / sizeof *viscii_map);
        return VNR_OK;
    case VNR_ENCODING_VNI:
        vni_table(t);
        return VNR_OK;
    case VNR_ENCODING_CP1258:
        return cp1258_table(t, error);
    default:
        return error_set(error, VNR_E_INVALID_ARGUMENT, 0, VNR_NO_POSITION,
                         "'%s' is not an 8-bit legacy encoding",
                         vnr_encoding_name(e) ? vnr_encoding_name(e) : "?");
    }
}

const char *legacy_fault_text(legacy_fault fault)
{
    switch (fault) {
    case LEGACY_FAULT_NUL:
        return "NUL byte";
    case LEGACY_FAULT_LONE_MARK:
        return "mark byte with no letter before it";
    case LEGACY_FAULT_UNDEFINED:
        return "undefined byte";
    default:
        return "no fault";
    }
}

/* ---------------------------------------------------------------- */
/* Composition                                                       */
/* ---------------------------------------------------------------- */

/* The precomposed letter for `base` + `mark` (+ `mark2`), or 0 when
 * Unicode has none. The pairwise composition covers nearly every case;
 * marks that a precomposed letter does not take directly (`â` + dot below
 * is `ậ`, but `ậ` decomposes as `ạ` + circumflex) go through NFC, which
 * reorders them first. */
static uint32_t compose(const legacy_table *t, uint32_t base, uint32_t mark, uint32_t mark2)
{
    const UNormalizer2 *nfc = t->nfc;
    if (!base)
        return 0;
    UChar32 c = unorm2_composePair(nfc, (UChar32)base, (UChar32)mark);
    if (c >= 0 && mark2)
        c = unorm2_composePair(nfc, c, (UChar32)mark2);
    if (c >= 0 && c <= 0xFFFF)
        return (uint32_t)c;
    UChar in[3] = { (UChar)base, (UChar)mark, (UChar)mark2 };
    UChar outbuf[8];
    UErrorCode err = U_ZERO_ERROR;
    int32_t k = unorm2_normalize(nfc, in, mark2 ? 3 : 2, outbuf, 8, &err);
    if (U_FAILURE(err) || k != 1 || U16_IS_SURROGATE(outbuf[0]))
        return 0;
    return outbuf[0];
}

/* ---------------------------------------------------------------- */
/* Decoding                                                          */
/* ---------------------------------------------------------------- */

typedef struct decoder {
    const legacy_table *t;
    vnr_buf *out;
    offmap *map;
    uint32_t last_cp;    /* last character written, 0 when no mark may join it */
    size_t last_out;     /* its position in `out` */
    size_t last_src;     /* the offset of its byte */
} decoder;

static bool emit(decoder *d, uint32_t cp, size_t src)
{
    size_t at = d->out->len;
    if (d->map && !offmap_add(d->map, at, src, cp < 0x80 ? 1 : 0))
        return false;
    if (!buf_append_utf8(d->out, cp))
        return false;
    d->last_cp = cp;
    d->last_out = at;
    d->last_src = src;
    return true;
}

/* Replace the last character by `cp` (a letter composed with a mark). */
static bool recompose_last(decoder *d, uint32_t cp)
{
    d->out->len = d->last_out;
    if (d->map && !offmap_add(d->map, d->last_out, d->last_src, 0))
        return false;
    if (!buf_append_utf8(d->out, cp))
        return false;
    d->last_cp = cp;
    return true;
}

/* One byte of a mark role at offset i. Sets *fault when it cannot be
 * decoded (a VNI mark with nothing to join). */
static bool decode_mark(decoder *d, unsigned b, size_t i, legacy_fault *fault)
{
    const legacy_table *t = d->t;
    uint32_t composed = compose(t, d->last_cp, t->cp[b], t->cp2[b]);
    if (composed)
        return recompose_last(d, composed);
    if (t->role[b] == BYTE_VNI_MARK) {
        *fault = LEGACY_FAULT_LONE_MARK;
        return true;
    }
    /* a combining byte on a base that has no precomposed form: keep it,
     * and let nothing else join the pair */
    if (!emit(d, t->cp[b], i))
        return false;
    d->last_cp = 0;
    return true;
}

static bool reads_as_ascii(const legacy_table *t, unsigned b)
{
    return b < 0x80 && t->role[b] == BYTE_CHAR && t->cp[b] == b;
}

/* A run of bytes that read as themselves, copied at once (most of any
 * text: spaces, digits, unaccented letters). Returns its end. */
static size_t copy_ascii_run(decoder *d, const unsigned char *s, size_t n, size_t i, bool *ok)
{
    size_t j = i + 1;
    while (j < n && reads_as_ascii(d->t, s[j]))
        j++;
    size_t at = d->out->len;
    *ok = (!d->map || offmap_add(d->map, at, i, 1)) &&
          buf_append(d->out, (const char *)s + i, j - i);
    d->last_cp = s[j - 1];
    d->last_out = at + (j - 1 - i);
    d->last_src = j - 1;
    return j;
}

bool legacy_decode(const legacy_table *t, const unsigned char *s, size_t n, bool strict,
                   vnr_buf *out, offmap *map, legacy_stats *stats)
{
    decoder d = { .t = t, .out = out, .map = map };
    stats->replacements = 0;
    stats->first_bad = n;
    stats->fault = LEGACY_FAULT_NONE;
    for (size_t i = 0; i < n; i++) {
        unsigned b = s[i];
        if (reads_as_ascii(t, b)) {
            bool ok;
            i = copy_ascii_run(&d, s, n, i, &ok) - 1;
            if (!ok)
                return false;
            continue;
        }
        legacy_fault fault = LEGACY_FAULT_NONE;
        bool ok;
        switch (t->role[b]) {
        case BYTE_CHAR:
            ok = emit(&d, t->cp[b], i);
            break;
        case BYTE_COMBINING:
        case BYTE_VNI_MARK:
            ok = decode_mark(&d, b, i, &fault);
            break;
        default:
            fault = b ? LEGACY_FAULT_UNDEFINED : LEGACY_FAULT_NUL;
            ok = true;
            break;
        }
        if (!ok)
            return false;
        if (fault == LEGACY_FAULT_NONE)
            continue;
        if (stats->first_bad == n) {
            stats->first_bad = i;
            stats->fault = fault;
        }
        if (strict)
            return true;
        if (!emit(&d, 0xFFFD, i))
            return false;
        d.last_cp = 0;
        stats->replacements++;
    }
    return !map || offmap_add(map, out->len, n, 1);
}
