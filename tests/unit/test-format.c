/*
 * test-format.c — the CLI's number formatter (format_double, output.c)
 * against the C library: for every value, the same text as the shortest
 * of "%.15g", "%.16g", "%.17g" that reads back, and strtod of the text
 * gives the value back bit for bit.
 *
 * Values: every decimal a report can write (m / 10^k for many m up to 15
 * digits and k up to 17, both signs), values computed the way the lexer
 * and the unit conversions compute them (products with scale words and
 * factors), integers near powers of ten, and random bit patterns.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "check.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void reference(char *buf, size_t cap, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, cap, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

static unsigned long compared;

static void check_value(double v)
{
    char want[64], got[64];
    if (isnan(v) || isinf(v))
        return;
    reference(want, sizeof want, v);
    size_t n = format_double(got, v);
    compared++;
    CHECKF(strcmp(got, want) == 0 && n == strlen(got), "%.17g: got '%s', printf '%s'", v, got,
           want);
    double back = strtod(got, NULL);
    CHECKF(memcmp(&back, &v, sizeof v) == 0, "%.17g: '%s' reads back as %.17g", v, got, back);
}

static const double pow10_table[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                      1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17 };

int main(void)
{
    static const double fixed[] = {
        0.0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1.66, 4968.6, -4968.6, 2939.1, 421499, 102.2,
        30.37, 3.037, 1770780000, 2939100000000, 1e15, 999999999999999, 1e15 - 1,
        123456789012345, 1234567890123456, 0.0001, 0.00012345, 0.000099999, 1e-5, 5e-324,
        1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993.0, 0.1 + 0.2,
        1.0 / 3, 2.0 / 3, 100.0 / 7, 1e21, 1e22, 1e23, 123.456e10,
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        check_value(fixed[i]);

    /* decimals as written: m / 10^k, 1 to 15 digits, and negatives */
    for (int i = 0; i < 100000; i++) {
        int digits = 1 + (int)(rng() % 15);
        uint64_t m = rng() % (uint64_t)pow10_table[digits];
        int k = (int)(rng() % 18);
        double v = (double)m / pow10_table[k];
        check_value(v);
        check_value(-v);
        /* as the lexer builds them: integer part plus fraction */
        double frac = (double)(rng() % 1000) / 1000.0;
        check_value((double)(m % 1000000) + frac);
        /* scale words and unit factors applied */
        check_value(v * 1e3);
        check_value(v * 1e6);
        check_value(v * 1e9);
        check_value(v * 10000.0);
        check_value(v * 360.0);
        check_value(v * 0.001);
        check_value(v / 100.0);
    }
    /* integers around powers of ten */
    for (int e = 0; e <= 17; e++)
        for (int d = -3; d <= 3; d++)
            check_value(pow10_table[e] + d);
    /* any double at all */
    for (int i = 0; i < 100000; i++) {
        uint64_t bits = rng();
        double v;
        memcpy(&v, &bits, sizeof v);
        check_value(v);
    }
    printf("test-format: %lu values compared with printf\n", compared);
    return check_done("test-format");
}
