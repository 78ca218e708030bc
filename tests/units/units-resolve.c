/*
 * units-resolve.c — prints units_resolve() (the recognizer's view, count
 * nouns open) for each line of standard input, as
 * "unit<TAB>status<TAB>factor<TAB>canonical<TAB>dimension". Used by
 * check-score-oracle.py to compare with eval/score.py's unit table.
 */
#include <stdio.h>
#include <string.h>

#include "units.h"

int main(void)
{
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        unit_info ui;
        vnr_status st = units_resolve(NULL, line, n, true, &ui);
        if (st == VNR_OK)
            printf("%s\t0\t%.17g\t%s\t%s\n", line, ui.factor, ui.canonical, ui.dimension);
        else
            printf("%s\t%d\t\t\t\n", line, (int)st);
    }
    return 0;
}
