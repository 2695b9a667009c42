#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/secret.h"
#include "base/version.h"

void cli_error(const struct gerror *e)
{
	fprintf(stderr, "错误：%s\nerror: %s\n", e->zh[0] ? e->zh : "未知错误",
		e->en[0] ? e->en : "unknown error");
}

bool cli_read_secret(char *out, size_t cap)
{
	if (!fgets(out, (int)cap, stdin))
		return false;
	size_t n = strcspn(out, "\r\n");
	out[n] = '\0';
	return n > 0;
}

const char *cli_flag(const struct cli_args *a, const char *name)
{
	const struct cli_flag *f = a->cmd->flags;
	for (int i = 0; f && f[i].name && i < CLI_MAX_FLAGS; i++)
		if (!strcmp(f[i].name, name))
			return a->flag_val[i];
	return NULL;
}

static void print_help(const struct cli_cmd *c)
{
	printf("用法 usage: guatu %s\n\n%s\n", c->usage, c->summary);
	if ((c->flags && c->flags[0].name) || (c->settings && c->settings[0]))
		printf("\noptions:\n");
	for (const struct cli_flag *f = c->flags; f && f->name; f++)
		printf("  --%-22s %s\n", f->name, f->help);
	for (const char *const *s = c->settings; s && *s; s++) {
		const struct config_opt *o = config_find(*s);
		char flag[64];
		snprintf(flag, sizeof flag, "%s", *s);
		for (char *p = flag; *p; p++)
			if (*p == '_')
				*p = '-';
		printf("  --%-22s %s (default %s)\n", flag, o ? o->help : "",
		       o && *o->def ? o->def : "none");
	}
	printf("  --%-22s %s\n", "help", "show this help");
}

static void print_usage(void)
{
	printf("guatu %s — 挂图作战：区县经济工作平台 (economic work of a district)\n\n"
	       "usage: guatu <command> [options]\n\ncommands:\n", GUATU_VERSION);
	for (const struct cli_cmd *const *c = cli_commands; *c; c++)
		printf("  %-14s %s\n", (*c)->name, (*c)->summary);
	printf("\n`guatu <command> --help` describes each command.\n");
}

static bool takes_setting(const struct cli_cmd *c, const char *name)
{
	for (const char *const *s = c->settings; s && *s; s++)
		if (!strcmp(*s, name))
			return true;
	return !strcmp(name, "config");
}

/* Applies one --name[=value] flag; returns the number of argv used or -1. */
static int one_flag(struct cli_args *a, char **argv, int i, int argc, const char **config_file)
{
	char name[64];
	const char *arg = argv[i] + 2, *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	if (n == 0 || n >= sizeof name)
		return -1;
	memcpy(name, arg, n);
	name[n] = '\0';
	const struct cli_flag *f = a->cmd->flags;
	for (int k = 0; f && f[k].name; k++) {
		if (strcmp(f[k].name, name))
			continue;
		if (!f[k].has_arg) {
			a->flag_val[k] = "";
			return 1;
		}
		a->flag_val[k] = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
		return a->flag_val[k] ? (eq ? 1 : 2) : -1;
	}
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	if (!takes_setting(a->cmd, name))
		return -1;
	const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
	if (!v)
		return -1;
	if (!strcmp(name, "config")) {
		*config_file = v;
		return eq ? 1 : 2;
	}
	struct gerror e;
	if (config_set(&a->cfg, name, v, &e) != G_OK) {
		cli_error(&e);
		return -2;
	}
	return eq ? 1 : 2;
}

/* defaults < file < environment < flags: flags are applied last, so the
 * file and environment are loaded first from a pre-scan for --config. */
static int parse(struct cli_args *a, int argc, char **argv)
{
	const char *config_file = NULL;
	for (int i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "--config=", 9))
			config_file = argv[i] + 9;
		else if (!strcmp(argv[i], "--config") && i + 1 < argc)
			config_file = argv[i + 1];
	}
	struct gerror e;
	config_defaults(&a->cfg);
	if ((config_file && config_load_file(&a->cfg, config_file, &e) != G_OK) ||
	    config_load_env(&a->cfg, &e) != G_OK) {
		cli_error(&e);
		return 2;
	}
	for (int i = 0; i < argc;) {
		if (!strncmp(argv[i], "--", 2)) {
			int used = one_flag(a, argv, i, argc, &config_file);
			if (used < 0) {
				if (used == -1)
					fprintf(stderr, "未知或不完整的选项 unknown or incomplete option: %s\n"
							"see: guatu %s --help\n", argv[i], a->cmd->name);
				return 2;
			}
			i += used;
		} else if (a->npos < CLI_MAX_POS) {
			a->pos[a->npos++] = argv[i++];
		} else {
			fprintf(stderr, "参数过多 too many arguments\n");
			return 2;
		}
	}
	if (a->npos < a->cmd->min_pos || a->npos > a->cmd->max_pos) {
		fprintf(stderr, "参数个数不对 wrong number of arguments\nusage: guatu %s\n",
			a->cmd->usage);
		return 2;
	}
	return 0;
}

static bool wants_help(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

/* Finds "user add" style two-word commands before one-word ones. */
static const struct cli_cmd *find_cmd(int argc, char **argv, int *used)
{
	for (const struct cli_cmd *const *cp = cli_commands; *cp; cp++) {
		const struct cli_cmd *c = *cp;
		const char *sp = strchr(c->name, ' ');
		if (sp && argc >= 2 && !strncmp(c->name, argv[0], (size_t)(sp - c->name)) &&
		    strlen(argv[0]) == (size_t)(sp - c->name) && !strcmp(sp + 1, argv[1])) {
			*used = 2;
			return c;
		}
	}
	for (const struct cli_cmd *const *cp = cli_commands; *cp; cp++)
		if (!strchr((*cp)->name, ' ') && !strcmp((*cp)->name, argv[0])) {
			*used = 1;
			return *cp;
		}
	return NULL;
}

/* "guatu user" alone lists the user subcommands. */
static bool print_group(const char *word)
{
	size_t n = strlen(word);
	bool any = false;
	for (const struct cli_cmd *const *cp = cli_commands; *cp; cp++) {
		const char *name = (*cp)->name;
		if (!strncmp(name, word, n) && name[n] == ' ') {
			printf("  guatu %-40s %s\n", (*cp)->usage, (*cp)->summary);
			any = true;
		}
	}
	return any;
}

int cli_main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		print_usage();
		return argc < 2 ? 2 : 0;
	}
	if (!secret_init()) {
		fprintf(stderr, "libsodium failed to initialise\n");
		return 1;
	}
	int used = 0;
	const struct cli_cmd *c = find_cmd(argc - 1, argv + 1, &used);
	if (!c && print_group(argv[1]))
		return wants_help(argc - 2, argv + 2) ? 0 : 2;
	if (!c) {
		fprintf(stderr, "未知命令 unknown command: %s\n\n", argv[1]);
		print_usage();
		return 2;
	}
	if (wants_help(argc - 1 - used, argv + 1 + used)) {
		print_help(c);
		return 0;
	}
	struct cli_args *a = xcalloc(1, sizeof *a);
	a->cmd = c;
	int rc = parse(a, argc - 1 - used, argv + 1 + used);
	if (rc == 0)
		rc = c->run(a);
	free(a);
	return rc;
}
