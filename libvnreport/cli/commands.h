/*
 * commands.h — subcommands of the `vnreport` CLI and what they share.
 *
 * Each command takes its name and the arguments after it (argv[0] is the
 * command name, as getopt_long expects) and returns the exit status: 0
 * success, 1 an input could not be read or parsed, 2 usage error.
 *
 * May include: the public API and the header-only helpers of base/utf8.h;
 * never a private stage header.
 */
#ifndef VNR_CLI_COMMANDS_H
#define VNR_CLI_COMMANDS_H

#include <stddef.h>

int cmd_extract(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_units(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_panel(int argc, char **argv);

/* "vnreport: COMMAND: message (try 'vnreport COMMAND --help')" on stderr;
 * returns 2, the usage-error status. */
int usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Report getopt_long's error return `c` ('?' unknown option, ':' missing
 * value; getopt must run with opterr = 0 and a ':'-first optstring);
 * returns 2. */
int option_error(const char *command, int c, char **argv);

/* Print a command's help text to stdout; returns 0. */
int print_help(const char *text);

/* ---- inputs (inputs.c) ---- */

/* The files named on the command line, directories expanded: every
 * regular file under them, recursively, names sorted bytewise, hidden
 * entries ('.' first) and links to directories skipped. "-" stays itself. */
typedef struct input_list {
    char **paths;
    size_t count;
} input_list;

/* Fill `list` from `n` arguments; returns 0, or 1 after printing one
 * "vnreport: PATH: message" line per argument that is neither a file nor a
 * readable directory (those are left out, the rest kept). */
int collect_inputs(char *const *args, size_t n, input_list *list);
void input_list_free(input_list *list);

#endif
