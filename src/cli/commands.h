/* The commands, gathered into cli_commands by commands.c. */
#ifndef GUATU_CLI_COMMANDS_H
#define GUATU_CLI_COMMANDS_H
#include <jansson.h>

#include "base/buf.h"
#include "io/sheet.h"
#include "store/db.h"
#include "cli/cli.h"

extern const struct cli_cmd cmd_serve, cmd_demo, cmd_migrate, cmd_backup, cmd_restore,
	cmd_verify, cmd_version, cmd_gen, cmd_config, cmd_region_add, cmd_import_enterprises, cmd_export_enterprises, cmd_import_indicators, cmd_user_add, cmd_user_list, cmd_user_passwd;

extern const struct cli_cmd cmd_import_projects, cmd_import_reports, cmd_export_projects;

extern const struct cli_cmd cmd_report_briefing;
gcode cli_migrate_url(const char *url, int *version, struct gerror *e);
/* NULL passes; otherwise the password policy applies. */
gcode cli_demo_check_admin_pw(const char *pw, struct gerror *e);

/* Spreadsheet commands (cmd_sheets.c): a file ("-": standard input) read
 * whole into b; an import report's errors and warnings to stderr; b
 * written to path (NULL: standard output), 0 on success. */
gcode cli_read_file(const char *path, struct buf *b, struct gerror *e);
void cli_print_report(const json_t *rep);
int cli_write_out(const char *path, const struct buf *b);
/* The settings and flags every import command takes: --db, --dry-run. */
extern const char *const cli_db_only[];
extern const struct cli_flag cli_import_flags[];
/* An import command: reads the file of the first argument, runs fn on the
 * database (--dry-run passed on), prints the report; exit status 0 or 1. */
typedef gcode (*cli_import_fn)(struct db *c, const void *data, size_t len, bool dry_run,
			       json_t **report, struct gerror *e);
int cli_import_sheet(struct cli_args *a, cli_import_fn fn);
/* An export command: fn fills out from the database; written to --out or
 * standard output (XLSX not to a terminal); exit status 0, 1 or 2. */
typedef gcode (*cli_export_fn)(struct db *c, void *arg, enum sheet_format fmt, struct buf *out,
			       struct gerror *e);
int cli_export_sheet(struct cli_args *a, enum sheet_format fmt, cli_export_fn fn, void *arg);

#endif
