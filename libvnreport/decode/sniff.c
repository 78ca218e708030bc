/*
 * sniff.c — binary formats by magic bytes (see sniff.h).
 */
#include "sniff.h"

#include <string.h>

typedef struct magic {
    const char *bytes;
    size_t len;
    const char *what;
} magic;

#define MAGIC(lit, what) { lit, sizeof lit - 1, what }

/* Checked in order at byte 0. */
static const magic magics[] = {
    MAGIC("%PDF-", "a PDF file"),
    MAGIC("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Word 97-2003 or Excel 97-2003 file (.doc, .xls)"),
    MAGIC("{\\rtf", "an RTF file"),
    MAGIC("\x89PNG\r\n\x1A\n", "a PNG image"),
    MAGIC("\xFF\xD8\xFF", "a JPEG image"),
    MAGIC("GIF8", "a GIF image"),
    MAGIC("II*\0", "a TIFF image"),
    MAGIC("MM\0*", "a TIFF image"),
    MAGIC("\x1F\x8B", "a gzip archive"),
    MAGIC("7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    MAGIC("Rar!\x1A\x07", "a RAR archive"),
    MAGIC("\x7F" "ELF", "an executable (ELF) file"),
};

/* Inside a ZIP archive: a member name tells the office format. */
static const magic zip_members[] = {
    MAGIC("word/", "a Word (.docx) file"),
    MAGIC("xl/", "an Excel (.xlsx) file"),
    MAGIC("ppt/", "a PowerPoint (.pptx) file"),
    MAGIC("opendocument.text", "an OpenDocument text (.odt) file"),
    MAGIC("opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods) file"),
};

/* Bytes looked at: magic numbers and member names sit at the start. */
#define SNIFF_WINDOW 4096

static bool window_contains(const unsigned char *s, size_t n, const magic *m)
{
    for (size_t i = 0; i + m->len <= n; i++)
        if (s[i] == (unsigned char)m->bytes[0] && memcmp(s + i, m->bytes, m->len) == 0)
            return true;
    return false;
}

static const char *zip_kind(const unsigned char *s, size_t n)
{
    size_t w = n < SNIFF_WINDOW ? n : SNIFF_WINDOW;
    for (size_t i = 0; i < sizeof zip_members / sizeof *zip_members; i++)
        if (window_contains(s, w, &zip_members[i]))
            return zip_members[i].what;
    return "a ZIP archive";
}

/*
 * Text has few control bytes: a report may hold a stray NUL or form feed
 * (lenient mode repairs those), never one byte in a hundred.
 */
static bool looks_binary(const unsigned char *s, size_t n)
{
    size_t w = n < SNIFF_WINDOW ? n : SNIFF_WINDOW, controls = 0;
    for (size_t i = 0; i < w; i++)
        if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v' && s[i] != 0x1A /* DOS end of file */)
            controls++;
    return controls >= 8 && controls * 100 >= w;
}

const char *sniff_binary(const unsigned char *s, size_t n, bool utf16)
{
    for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
        if (n >= magics[i].len && memcmp(s, magics[i].bytes, magics[i].len) == 0)
            return magics[i].what;
    if (n >= 4 && memcmp(s, "PK\x03\x04", 4) == 0)
        return zip_kind(s, n);
    if (!utf16 && looks_binary(s, n))
        return "binary data, not text";
    return NULL;
}
