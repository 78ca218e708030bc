/*
 * fuzz-check.h — invariants the harnesses assert, and the one entry point
 * every harness defines.
 *
 * A broken invariant is a bug as real as a crash, so it must stop libFuzzer
 * the same way: print what was wrong and abort(), which libFuzzer reports
 * as a crash and saves the input for. The replay driver (fuzz-replay.c)
 * runs the same code outside libFuzzer, where abort() fails the meson test.
 */
#ifndef VNR_FUZZ_CHECK_H
#define VNR_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond, ...)                                              \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__,      \
                    __LINE__, #cond);                                       \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)

#endif
