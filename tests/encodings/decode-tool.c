/*
 * decode-tool.c — the decode stage on the command line, for the encoding
 * tests written in Python (check_*.py).
 *
 *   decode-tool [--encoding E] [--lenient] [--normalize | --offsets] FILE
 *       First line: "encoding=E confidence=C replacements=K". Then the
 *       decoded text (with --normalize: after the normalize stage), or with
 *       --offsets one line "OUT SRC" per decoded character: its byte
 *       position in the decoded text and the offset the map gives for it in
 *       FILE, then the end of the text. On a decoding error: one line
 *       "error STATUS line L byte B: MESSAGE", exit status 3.
 *   decode-tool --detect FILE...
 *       One line per file: "FILE ENCODING CONFIDENCE" (or "FILE error").
 */
#include "decode.h"
#include "normalize.h"

#include <vnreport/vnreport.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *data = malloc(cap);
    size_t k;
    while (data && (k = fread(data + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            char *grown = realloc(data, cap *= 2);
            if (!grown)
                free(data);
            data = grown;
        }
    }
    fclose(f);
    *n = len;
    return data;
}

static int detect_files(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        size_t n;
        char *data = read_file(argv[i], &n);
        decoded d;
        if (!data || decode_input(data, n, VNR_ENCODING_AUTO, false, &d, NULL) != VNR_OK) {
            printf("%s error\n", argv[i]);
        } else {
            printf("%s %s %.4f\n", argv[i], vnr_encoding_name(d.encoding), d.confidence);
            decoded_free(&d);
        }
        free(data);
    }
    return 0;
}

static void print_offsets(const decoded *d)
{
    for (size_t i = 0; i < d->len; i++) {
        if (((unsigned char)d->text[i] & 0xC0) == 0x80)
            continue;
        printf("%zu %zu\n", i, offmap_lookup(&d->map, i));
    }
    printf("%zu %zu\n", d->len, offmap_lookup(&d->map, d->len));
}

static int print_normalized(const decoded *d)
{
    normalized nt;
    vnr_error *err = NULL;
    if (normalize_text(d->text, d->len, &nt, &err) != VNR_OK) {
        printf("error normalize: %s\n", vnr_error_message(err));
        vnr_error_free(err);
        return 3;
    }
    fwrite(nt.text, 1, nt.len, stdout);
    normalized_free(&nt);
    return 0;
}

int main(int argc, char **argv)
{
    vnr_encoding enc = VNR_ENCODING_AUTO;
    bool lenient = false, normalize = false, offsets = false;
    int i = 1;
    if (argc > 1 && strcmp(argv[1], "--detect") == 0)
        return detect_files(argc - 2, argv + 2);
    for (; i < argc - 1; i++) {
        if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc - 1) {
            if (vnr_encoding_from_name(argv[++i], &enc) != VNR_OK) {
                fprintf(stderr, "decode-tool: unknown encoding %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--lenient") == 0) {
            lenient = true;
        } else if (strcmp(argv[i], "--normalize") == 0) {
            normalize = true;
        } else if (strcmp(argv[i], "--offsets") == 0) {
            offsets = true;
        } else {
            break;
        }
    }
    if (i != argc - 1) {
        fprintf(stderr, "usage: decode-tool [--encoding E] [--lenient] [--normalize|--offsets] FILE\n"
                        "       decode-tool --detect FILE...\n");
        return 2;
    }
    size_t n;
    char *data = read_file(argv[i], &n);
    if (!data) {
        fprintf(stderr, "decode-tool: cannot read %s\n", argv[i]);
        return 2;
    }
    decoded d;
    vnr_error *err = NULL;
    vnr_status st = decode_input(data, n, enc, lenient, &d, &err);
    int rc = 0;
    if (st != VNR_OK) {
        printf("error %d line %zu byte %zu: %s\n", (int)st, vnr_error_line(err),
               vnr_error_byte(err), vnr_error_message(err));
        vnr_error_free(err);
        rc = 3;
    } else {
        printf("encoding=%s confidence=%.4f replacements=%zu\n", vnr_encoding_name(d.encoding),
               d.confidence, d.replacements);
        if (offsets)
            print_offsets(&d);
        else if (normalize)
            rc = print_normalized(&d);
        else
            fwrite(d.text, 1, d.len, stdout);
        decoded_free(&d);
    }
    free(data);
    return rc;
}
