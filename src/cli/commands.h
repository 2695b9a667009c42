/* The commands, gathered into cli_commands by commands.c. */
#ifndef GUATU_CLI_COMMANDS_H
#define GUATU_CLI_COMMANDS_H
#include "cli/cli.h"

extern const struct cli_cmd cmd_serve, cmd_demo, cmd_migrate, cmd_backup, cmd_restore,
	cmd_verify, cmd_version, cmd_gen, cmd_config, cmd_region_add, cmd_import_enterprises, cmd_export_enterprises, cmd_import_indicators, cmd_user_add, cmd_user_list, cmd_user_passwd;

extern const struct cli_cmd cmd_report_briefing;

/* Writes b to the file path (created or truncated), or to standard output
 * when path is NULL; 0 on success, 1 after printing why not. */
struct buf;
int cli_write_out(const char *path, const struct buf *b);
gcode cli_migrate_url(const char *url, int *version, struct gerror *e);
/* NULL passes; otherwise the password policy applies. */
gcode cli_demo_check_admin_pw(const char *pw, struct gerror *e);

#endif
