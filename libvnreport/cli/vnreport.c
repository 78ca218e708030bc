/*
 * vnreport.c — the `vnreport` command: extract, audit, convert, units.
 *
 * Exit status: 0 success, 1 an input could not be read or parsed, 2 usage
 * error. Errors are one line on stderr: "vnreport: FILE: message".
 * Each command parses its options with getopt_long and has its own
 * `vnreport COMMAND --help`.
 */
#include <getopt.h>
#include <stdarg.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>

#include <vnreport/vnreport.h>

#include "commands.h"

static const char usage_text[] =
    "usage: vnreport COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Turn Vietnamese socio-economic reports into indicator records.\n"
    "\n"
    "commands:\n"
    "  extract [--format jsonl|csv|table] [--encoding E] [--lenient] [--jobs N]\n"
    "          [--with-metadata] [--no-progress] FILE|DIR...\n"
    "                        records of each FILE ('-' reads standard input),\n"
    "                        of every file under each DIR\n"
    "  audit [--encoding E] [--lenient] FILE\n"
    "                        every number of FILE with its fate\n"
    "  convert VALUE FROM TO convert VALUE between units\n"
    "  units [--dimension D] [--region R]\n"
    "                        list the unit registry\n"
    "  check [--format text|jsonl] FILE...\n"
    "                        statements whose numbers disagree\n"
    "  panel [--format csv|jsonl] FILE...\n"
    "                        one row per province, period, indicator key\n"
    "\n"
    "'vnreport COMMAND --help' describes a command and its options.\n"
    "\n"
    "options:\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n";

int usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("vnreport: ", stderr);
    if (command)
        fprintf(stderr, "%s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (try 'vnreport %s%s--help')\n", command ? command : "", command ? " " : "");
    va_end(ap);
    return 2;
}

int option_error(const char *command, int c, char **argv)
{
    /* getopt_long leaves the offending argument just before optind */
    const char *arg = argv[optind - 1];
    if (c == ':')
        return usage_error(command, "option '%s' needs a value", arg);
    if (optopt && strncmp(arg, "--", 2) != 0)
        return usage_error(command, "unknown option '-%c'", optopt);
    return usage_error(command, "unknown option '%s'", arg);
}

int print_help(const char *text)
{
    fputs(text, stdout);
    return 0;
}

/*
 * Each report needs buffers above glibc's default mmap threshold (128 KiB):
 * every one would be a fresh mmap, page-faulted in, unmapped at the end of
 * the document, and again for the next. Kept on the heap they are reused:
 * over 500 reports, system time 0.25 s -> 0.02 s and 41,500 -> 600 page
 * faults, with the same peak memory (docs/performance.md).
 */
static void reuse_memory_between_documents(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

/* Every command's exit status: output that did not reach stdout (a full
 * disk, /dev/full, a closed pipe) is a failure, whatever the command. */
static int output_written(int rc)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc == 0) {
        fputs("vnreport: cannot write output\n", stderr);
        return 1;
    }
    return rc;
}

int main(int argc, char **argv)
{
    reuse_memory_between_documents();
    if (argc < 2)
        return usage_error(NULL, "%s", "missing command");
    const char *cmd = argv[1];
    /* `vnreport help COMMAND` is `vnreport COMMAND --help` */
    static char help_option[] = "--help";
    char *help_argv[] = { argv[0], argc > 2 ? argv[2] : NULL, help_option, NULL };
    if (strcmp(cmd, "help") == 0 && argc > 2) {
        argv = help_argv;
        argc = 3;
        cmd = argv[1];
    } else if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        return print_help(usage_text);
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("vnreport %s\n", vnr_version());
        return 0;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {
        { "extract", cmd_extract },
        { "audit", cmd_audit },
        { "convert", cmd_convert },
        { "units", cmd_units },
        { "check", cmd_check },
        { "panel", cmd_panel },
    };
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return output_written(commands[i].run(argc - 1, argv + 1));
    return usage_error(NULL, "unknown command '%s'", cmd);
}
