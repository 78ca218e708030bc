/*
 * commands.h — subcommands of the `vnreport` CLI.
 *
 * Each takes the arguments after the subcommand name and returns the exit
 * status (0 success, 1 bad input/data, 2 usage error).
 */
#ifndef VNR_CLI_COMMANDS_H
#define VNR_CLI_COMMANDS_H

int cmd_extract(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_units(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_panel(int argc, char **argv);

#endif
