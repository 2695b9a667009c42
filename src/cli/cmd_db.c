/* guatu migrate, backup, restore, verify, version. */
#include <stdio.h>
#include <string.h>

#include "base/version.h"
#include "cli/commands.h"
#include "store/audit.h"
#include "store/backup.h"
#include "store/migrations.h"

static int run_migrate(struct cli_args *a)
{
	struct gerror e;
	int version;
	if (cli_migrate_url(a->cfg.db, &version, &e) != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("数据库版本 schema version %d (latest %d): %s\n", version, migrations_latest(),
	       a->cfg.db);
	return 0;
}

static int run_backup(struct cli_args *a)
{
	struct gerror e;
	if (store_backup(a->cfg.db, a->pos[0], &e) != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已备份 backed up %s to %s\n", a->cfg.db, a->pos[0]);
	return 0;
}

static int run_restore(struct cli_args *a)
{
	struct gerror e;
	if (store_restore(a->cfg.db, a->pos[0], &e) != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已恢复 restored %s from %s\n", a->cfg.db, a->pos[0]);
	return 0;
}

static int run_verify(struct cli_args *a)
{
	struct gerror e;
	gerr_clear(&e);
	struct db *c;
	struct audit_verifier v;
	if (store_check_integrity(a->cfg.db, &e) != G_OK) {
		cli_error(&e);
		return 1;
	}
	if (db_open(a->cfg.db, &c, &e) != G_OK) {
		cli_error(&e);
		return 1;
	}
	gcode rc = audit_verify_db(c, &v, &e);
	db_close(c);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	if (v.bad_id) {
		printf("审计链已被破坏 AUDIT CHAIN BROKEN at record %lld: %s / %s\n",
		       (long long)v.bad_id, v.reason_zh ? v.reason_zh : "", v.reason_en ? v.reason_en : "");
		return 1;
	}
	printf("完好 intact: %lld audit records, chain verified; database consistent\n",
	       (long long)v.count);
	return 0;
}

static int run_version(struct cli_args *a)
{
	(void)a;
	printf("guatu %s (schema %d)\n", GUATU_VERSION, migrations_latest());
	return 0;
}

static int run_config(struct cli_args *a)
{
	(void)a;
	config_write_sample(stdout);
	return 0;
}

static const char *const db_only[] = { "db", NULL };

const struct cli_cmd cmd_migrate = { "migrate", "migrate [--db PATH|URL]",
	"升级数据库结构 apply pending schema migrations", NULL, db_only, 0, 0, run_migrate };
const struct cli_cmd cmd_backup = { "backup", "backup FILE [--db PATH|URL]",
	"在线备份 back up the database while it runs (consistent snapshot)", NULL, db_only, 1, 1,
	run_backup };
const struct cli_cmd cmd_restore = { "restore", "restore FILE [--db PATH|URL]",
	"从备份恢复 replace the database's contents with a backup", NULL, db_only, 1, 1,
	run_restore };
const struct cli_cmd cmd_verify = { "verify", "verify [--db PATH|URL]",
	"校验审计链和数据库 check the audit chain and the database (exit 1 if altered)", NULL,
	db_only, 0, 0, run_verify };
const struct cli_cmd cmd_version = { "version", "version", "显示版本 print the version",
	NULL, NULL, 0, 0, run_version };
const struct cli_cmd cmd_config = { "config", "config > guatu.ini",
	"输出带注释的配置样例 print a commented sample configuration with every setting",
	NULL, NULL, 0, 0, run_config };
