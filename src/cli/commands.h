/* The commands, gathered into cli_commands by commands.c. */
#ifndef GUATU_CLI_COMMANDS_H
#define GUATU_CLI_COMMANDS_H
#include "cli/cli.h"

extern const struct cli_cmd cmd_serve, cmd_demo, cmd_migrate, cmd_backup, cmd_restore,
	cmd_verify, cmd_version, cmd_gen, cmd_config, cmd_region_add, cmd_import_enterprises, cmd_export_enterprises, cmd_import_indicators, cmd_user_add, cmd_user_list, cmd_user_passwd;

gcode cli_migrate_url(const char *url, int *version, struct gerror *e);
/* NULL passes; otherwise the password policy applies. */
gcode cli_demo_check_admin_pw(const char *pw, struct gerror *e);

#endif
