/*
 * check.h — the unit tests' tiny assertion kit.
 *
 * Every CHECK counts; a failing one prints file:line, the expression and,
 * for the typed forms, both values, then the test goes on (one run shows
 * every failure). A table-driven test sets check_case to the fixture it is
 * on, so a failure also names the input. check_done() prints a summary and
 * gives the exit status: non-zero when anything failed.
 */
#ifndef VNR_TEST_CHECK_H
#define VNR_TEST_CHECK_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned check_count, check_failures;
static const char *check_case;   /* fixture being checked, or NULL */

static inline void check_report(const char *file, int line, const char *what)
{
    check_failures++;
    fprintf(stderr, "%s:%d: FAIL: %s", file, line, what);
    if (check_case)
        fprintf(stderr, "  [case: %s]", check_case);
    fputc('\n', stderr);
}

#define CHECK(cond)                                                           \
    do {                                                                      \
        check_count++;                                                        \
        if (!(cond))                                                          \
            check_report(__FILE__, __LINE__, #cond);                          \
    } while (0)

/* CHECK with a printf-style explanation on failure. */
#define CHECKF(cond, ...)                                                     \
    do {                                                                      \
        check_count++;                                                        \
        if (!(cond)) {                                                        \
            char check_msg_[512];                                             \
            snprintf(check_msg_, sizeof check_msg_, __VA_ARGS__);             \
            check_report(__FILE__, __LINE__, check_msg_);                     \
        }                                                                     \
    } while (0)

#define CHECK_INT(a, b)                                                       \
    do {                                                                      \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);       \
        CHECKF(check_a_ == check_b_, "%s == %s (%lld vs %lld)", #a, #b,       \
               check_a_, check_b_);                                           \
    } while (0)

#define CHECK_SIZE(a, b)                                                      \
    do {                                                                      \
        size_t check_a_ = (size_t)(a), check_b_ = (size_t)(b);                \
        CHECKF(check_a_ == check_b_, "%s == %s (%zu vs %zu)", #a, #b,         \
               check_a_, check_b_);                                           \
    } while (0)

/* Strings; NULL equals only NULL. */
#define CHECK_STR(a, b)                                                       \
    do {                                                                      \
        const char *check_a_ = (a), *check_b_ = (b);                          \
        CHECKF((!check_a_ && !check_b_) ||                                    \
                   (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0), \
               "%s == %s (\"%s\" vs \"%s\")", #a, #b,                         \
               check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
    } while (0)

/* Two byte strings of given lengths. */
#define CHECK_MEM(a, alen, b, blen)                                           \
    do {                                                                      \
        size_t check_al_ = (alen), check_bl_ = (blen);                        \
        CHECKF(check_al_ == check_bl_ && memcmp((a), (b), check_al_) == 0,    \
               "%s == %s (\"%.*s\" vs \"%.*s\")", #a, #b, (int)check_al_,     \
               (const char *)(a), (int)check_bl_, (const char *)(b));         \
    } while (0)

/* Doubles bit for bit (NaN equals NaN): "exact" means exact. */
static inline int check_same_double(double a, double b)
{
    if (isnan(a) && isnan(b))
        return 1;
    return memcmp(&a, &b, sizeof a) == 0;
}

#define CHECK_DBL(a, b)                                                       \
    do {                                                                      \
        double check_a_ = (a), check_b_ = (b);                                \
        CHECKF(check_same_double(check_a_, check_b_),                         \
               "%s == %s (%.17g vs %.17g)", #a, #b, check_a_, check_b_);      \
    } while (0)

static inline int check_done(const char *program)
{
    printf("%s: %u checks, %u failed\n", program, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
