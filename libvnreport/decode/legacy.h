/*
 * legacy.h — the 8-bit Vietnamese encodings: TCVN3, VNI-Windows, VISCII
 * and Windows-1258.
 *
 * Owns: their byte tables (charmap-*.def, kept as data; Windows-1258's is
 * read from ICU's converter) and decoding with them. A byte is a character,
 * a combining mark that joins the letter before it (composed into one
 * precomposed letter, as NFC would: TCVN3's 0xB0–0xB4, Windows-1258's tone
 * bytes, VNI's mark bytes), or undefined. Takes bytes, gives UTF-8 plus
 * offset-map anchors back to the original bytes. Used by decode.c for the
 * chosen encoding and by detect.c for trial decodings of a sample.
 *
 * May include: base and ICU.
 */
#ifndef VNR_LEGACY_H
#define VNR_LEGACY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/unorm2.h>

#include "buf.h"
#include "error.h"
#include "offmap.h"

typedef enum byte_role {
    BYTE_UNDEFINED = 0,
    BYTE_CHAR,        /* a character of its own */
    BYTE_COMBINING,   /* a combining mark: joins the letter before, else stands alone */
    BYTE_VNI_MARK     /* VNI mark(s): must join the letter before */
} byte_role;

typedef struct legacy_table {
    vnr_encoding encoding;
    uint8_t role[256];
    uint16_t cp[256];     /* the character or (first) mark */
    uint16_t cp2[256];    /* second mark of a VNI mark byte, else 0 */
    const UNormalizer2 *nfc;  /* ICU's NFC normalizer (composition of marks) */
} legacy_table;

/* Why decoding stopped (strict) or replaced a byte (lenient). */
typedef enum legacy_fault {
    LEGACY_FAULT_NONE = 0,
    LEGACY_FAULT_UNDEFINED,   /* the byte has no meaning in the encoding */
    LEGACY_FAULT_NUL,         /* a NUL byte: never text */
    LEGACY_FAULT_LONE_MARK    /* a VNI mark byte with no letter to carry it */
} legacy_fault;

typedef struct legacy_stats {
    size_t replacements;      /* U+FFFD written (lenient) */
    size_t first_bad;         /* offset of the first faulty byte, or n */
    legacy_fault fault;       /* what was wrong with it */
} legacy_stats;

/* Is `e` one of the four 8-bit encodings decoded here? */
bool legacy_is_legacy(vnr_encoding e);

/* Fill `t` for encoding `e`. Fails only when ICU runs out of memory
 * (VNR_E_NOMEM) or lacks its Windows-1258 converter or normalizer data
 * (VNR_E_INTERNAL). */
vnr_status legacy_table_init(legacy_table *t, vnr_encoding e, vnr_error **error);

/*
 * Decode s[0..n), appending UTF-8 to `out`. With `map` non-NULL, anchors
 * map every output character to the offset in `s` of its first byte (a
 * composed letter to its base letter's byte), plus the end to n. A faulty
 * byte stops decoding when `strict` (stats->first_bad says where), or
 * becomes U+FFFD. Returns false only when memory runs out.
 */
bool legacy_decode(const legacy_table *t, const unsigned char *s, size_t n, bool strict,
                   vnr_buf *out, offmap *map, legacy_stats *stats);

/* Short description of a fault for error messages. */
const char *legacy_fault_text(legacy_fault fault);

#endif
