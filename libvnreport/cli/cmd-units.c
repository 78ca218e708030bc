/* cmd-units.c — `vnreport convert` and `vnreport units` (placeholder until
 * the units module lands). */
#include <stdio.h>

#include "commands.h"

int cmd_convert(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("vnreport: convert is not implemented yet\n", stderr);
    return 2;
}

int cmd_units(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("vnreport: units is not implemented yet\n", stderr);
    return 2;
}
