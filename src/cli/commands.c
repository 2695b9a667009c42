#include "cli/commands.h"

const struct cli_cmd *const cli_commands[] = {
	&cmd_serve, &cmd_demo, &cmd_migrate, &cmd_backup, &cmd_restore, &cmd_verify,
	&cmd_region_add, &cmd_user_add, &cmd_user_list, &cmd_user_passwd, &cmd_import_enterprises, &cmd_export_enterprises,
	&cmd_import_projects, &cmd_import_reports, &cmd_export_projects, &cmd_import_indicators, &cmd_gen, &cmd_config,
	&cmd_version, &cmd_report_briefing, NULL,
};
