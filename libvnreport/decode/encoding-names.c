/*
 * encoding-names.c — the names of the input encodings (decode stage):
 * vnr_encoding_name and vnr_encoding_from_name of the public API, and the
 * names decode.c and legacy.c put in their messages.
 *
 * Owns: the one table of encoding names and aliases (`utf-8`/`utf8`,
 * `windows-1258`/`cp1258`, `tcvn3`/`tcvn`, …); names compare without case.
 * May include: the public headers and the C library.
 */
#include "vnreport/vnreport.h"

#include <stddef.h>
#include <strings.h>

static const struct {
    const char *name;
    vnr_encoding enc;
} encoding_names[] = {
    { "auto", VNR_ENCODING_AUTO },       { "utf-8", VNR_ENCODING_UTF8 },
    { "utf8", VNR_ENCODING_UTF8 },       { "utf-16le", VNR_ENCODING_UTF16LE },
    { "utf16le", VNR_ENCODING_UTF16LE }, { "utf-16be", VNR_ENCODING_UTF16BE },
    { "utf16be", VNR_ENCODING_UTF16BE }, { "windows-1258", VNR_ENCODING_CP1258 },
    { "cp1258", VNR_ENCODING_CP1258 },   { "tcvn3", VNR_ENCODING_TCVN3 },
    { "tcvn", VNR_ENCODING_TCVN3 },      { "vni", VNR_ENCODING_VNI },
    { "viscii", VNR_ENCODING_VISCII },
};

const char *vnr_encoding_name(vnr_encoding encoding)
{
    for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
        if (encoding_names[i].enc == encoding)
            return encoding_names[i].name;
    return NULL;
}

vnr_status vnr_encoding_from_name(const char *name, vnr_encoding *out)
{
    if (!name || !out)
        return VNR_E_INVALID_ARGUMENT;
    for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
        if (strcasecmp(encoding_names[i].name, name) == 0) {
            *out = encoding_names[i].enc;
            return VNR_OK;
        }
    return VNR_E_INVALID_ARGUMENT;
}
