/* The command line: one table of commands, each with its own flags; the
 * settings flags (--db, --listen, ...) come from config_opts. */
#ifndef GUATU_CLI_CLI_H
#define GUATU_CLI_CLI_H
#include <jansson.h>
#include <stdbool.h>

#include "config/config.h"

#define CLI_MAX_POS 4
#define CLI_MAX_FLAGS 8

struct cli_flag {
	const char *name;  /* without dashes */
	bool has_arg;
	const char *help;
};

struct cli_args {
	const struct cli_cmd *cmd;
	struct config cfg;
	const char *pos[CLI_MAX_POS];
	int npos;
	const char *flag_val[CLI_MAX_FLAGS]; /* by index into the command's flags; "" for set switches */
};

struct cli_cmd {
	const char *name;       /* "serve", "user add" */
	const char *usage;
	const char *summary;
	const struct cli_flag *flags;
	const char *const *settings; /* config options this command takes, NULL-terminated */
	int min_pos, max_pos;
	int (*run)(struct cli_args *a);
};

int cli_main(int argc, char **argv);
/* The value of the command's flag name, or NULL. */
const char *cli_flag(const struct cli_args *a, const char *name);
/* Reads one line from standard input (a password), without the newline. */
bool cli_read_secret(char *out, size_t cap);
/* Prints an error in both languages to stderr. */
void cli_error(const struct gerror *e);

/* Commands (cmd_*.c). */
extern const struct cli_cmd *const cli_commands[];

#endif
