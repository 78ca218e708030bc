/*
 * fuzz-replay.c — a main() for the harnesses without libFuzzer.
 *
 * Feeds every file named on the command line, and every regular file of
 * every directory named there (sorted, so runs are reproducible), to
 * LLVMFuzzerTestOneInput, each in a buffer of exactly its size so an
 * overread trips ASan as it would under libFuzzer. This is how the saved
 * regressions and the seed corpora run as ordinary meson tests in every
 * build, gcc or clang, with or without sanitizers (utf8proc's fuzz_main.c
 * does the same).
 *
 * Exit status: 0 when every input ran (a broken invariant aborts), 1 when
 * a file could not be read, 77 (skip) when there was no input at all.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz-check.h"

/* Read a whole file into an exactly sized buffer. */
static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *data = NULL;
    size_t n = 0;
    if (fseek(f, 0, SEEK_END) == 0) {
        long end = ftell(f);
        if (end >= 0 && fseek(f, 0, SEEK_SET) == 0) {
            n = (size_t)end;
            data = malloc(n ? n : 1);
            if (data && fread(data, 1, n, f) != n) {
                free(data);
                data = NULL;
            }
        }
    }
    fclose(f);
    *size = n;
    return data;
}

static int run_file(const char *path)
{
    size_t size;
    unsigned char *data = read_file(path, &size);
    if (!data) {
        fprintf(stderr, "fuzz-replay: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    fprintf(stderr, "fuzz-replay: %s (%zu bytes)\n", path, size);
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 1;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Run every regular file of `dir` (not recursive); the number run, or -1. */
static int run_dir(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, by_name);
    if (n < 0) {
        fprintf(stderr, "fuzz-replay: cannot list %s: %s\n", dir, strerror(errno));
        return -1;
    }
    int ran = 0, failed = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
        char *path = malloc(len);
        struct stat st;
        if (path) {
            snprintf(path, len, "%s/%s", dir, names[i]->d_name);
            if (names[i]->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                if (run_file(path) < 0)
                    failed = 1;
                else
                    ran++;
            }
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return failed ? -1 : ran;
}

int main(int argc, char **argv)
{
    int total = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "fuzz-replay: %s: %s\n", argv[i], strerror(errno));
            failed = 1;
            continue;
        }
        int ran = S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i]);
        if (ran < 0)
            failed = 1;
        else
            total += ran;
    }
    printf("fuzz-replay: %d inputs\n", total);
    if (failed)
        return 1;
    return total ? 0 : 77;
}
