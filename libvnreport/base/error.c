/*
 * error.c — status strings and the vnr_error object (see vnr-common.h).
 */
#include "error.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vnr_error {
    vnr_status status;
    size_t line;
    size_t byte;
    char *message;   /* points just past the struct, or to a literal */
};

static const char *const status_strings[] = {
    [VNR_OK] = "success",
    [VNR_E_INVALID_ARGUMENT] = "invalid argument",
    [VNR_E_NOMEM] = "out of memory",
    [VNR_E_IO] = "input/output error",
    [VNR_E_ENCODING] = "invalid byte sequence for the input encoding",
    [VNR_E_EMPTY] = "empty input",
    [VNR_E_TOO_LARGE] = "input too large",
    [VNR_E_UNKNOWN_UNIT] = "unknown unit",
    [VNR_E_INCOMPATIBLE] = "incompatible units",
    [VNR_E_SYNTAX] = "syntax error",
    [VNR_E_NO_RATE] = "no exchange rate",
    [VNR_E_NOT_FOUND] = "not found",
    [VNR_E_INTERNAL] = "internal error",
    [VNR_E_UNSUPPORTED_FORMAT] = "input format not supported by this build",
    [VNR_E_NO_TEXT_LAYER] = "no text layer (a scanned document needs OCR first)",
    [VNR_E_BAD_DOCUMENT] = "damaged, encrypted or unsafe document",
};

const char *vnr_status_str(vnr_status status)
{
    if ((unsigned)status < sizeof status_strings / sizeof *status_strings &&
        status_strings[status])
        return status_strings[status];
    return "unknown status";
}

/* Messages quote what the caller passed (unit names, expressions cut to a
 * length), which need not be valid UTF-8, while bindings decode every
 * message as UTF-8: each byte that does not start a valid sequence becomes
 * '?', in place. So does each control character (escape sequences, line
 * breaks): a message is one line of text and never drives a terminal. */
static void replace_invalid_utf8(char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = utf8_sequence_length((const unsigned char *)s + i, n - i);
        if (k == 0 || (unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
            s[i] = '?';
            k = 1;
        }
        i += k;
    }
}

/* Used when even the error object cannot be allocated. */
static char nomem_message[] = "out of memory";
static vnr_error nomem_error = { VNR_E_NOMEM, 0, VNR_NO_POSITION, nomem_message };

vnr_status error_set(vnr_error **error, vnr_status status, size_t line,
                     size_t byte, const char *fmt, ...)
{
    if (!error)
        return status;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    vnr_error *e = malloc(sizeof *e + (size_t)n + 1);
    if (!e) {
        /* The caller asked for the error and gets one that is true: the
         * call ran out of memory, whatever it was about to report. */
        *error = &nomem_error;
        return VNR_E_NOMEM;
    }
    e->status = status;
    e->line = line;
    e->byte = byte;
    e->message = (char *)(e + 1);
    va_start(ap, fmt);
    vsnprintf(e->message, (size_t)n + 1, fmt, ap);
    va_end(ap);
    replace_invalid_utf8(e->message, (size_t)n);
    *error = e;
    return status;
}

vnr_status vnr_error_status(const vnr_error *error)
{
    return error ? error->status : VNR_OK;
}

const char *vnr_error_message(const vnr_error *error)
{
    return error ? error->message : "";
}

size_t vnr_error_line(const vnr_error *error)
{
    return error ? error->line : 0;
}

size_t vnr_error_byte(const vnr_error *error)
{
    return error ? error->byte : VNR_NO_POSITION;
}

void vnr_error_free(vnr_error *error)
{
    if (error && error != &nomem_error)
        free(error);
}
