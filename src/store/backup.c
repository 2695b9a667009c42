#include "store/backup.h"

#include <spawn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/db.h"

extern char **environ;

static bool is_pg(const char *url)
{
	return !strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13);
}

static gcode run_tool(char *const argv[], struct gerror *e)
{
	pid_t pid;
	int status;
	if (posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ) != 0)
		return gerr_set(e, G_ERR_IO, NULL, "无法运行PostgreSQL工具（需安装postgresql-client）",
				"cannot run the PostgreSQL tool (install postgresql-client)");
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return gerr_set(e, G_ERR_IO, NULL, "PostgreSQL工具执行失败", "the PostgreSQL tool failed");
	return G_OK;
}

gcode store_backup(const char *url, const char *file, struct gerror *e)
{
	struct stat st;
	if (stat(file, &st) == 0)
		return gerr_set(e, G_ERR_EXISTS, "file", "备份文件已存在，不会覆盖",
				"the backup file exists: it will not be overwritten");
	if (is_pg(url)) {
		char *argv[] = { "pg_dump", "--format=custom", "--file", (char *)file,
				 (char *)url, NULL };
		return run_tool(argv, e);
	}
	struct db *c;
	gcode rc = db_open(url, &c, e);
	if (rc != G_OK)
		return rc;
	rc = db_run(c, "VACUUM INTO $1", NULL, e, "t", file);
	db_close(c);
	return rc;
}

static gcode sqlite_restore(const char *path, const char *file, struct gerror *e)
{
	sqlite3 *src = NULL, *dst = NULL;
	gcode rc = G_OK;
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_exec(src, "SELECT 1 FROM audit_head", NULL, NULL, NULL) != SQLITE_OK) {
		rc = gerr_set(e, G_ERR_INVALID, "file", "不是Guatu的备份文件",
			      "not a Guatu backup file");
		goto out;
	}
	if (sqlite3_open(path, &dst) != SQLITE_OK) {
		rc = gerr_set(e, G_ERR_IO, "db", "无法打开数据库", "cannot open the database");
		goto out;
	}
	sqlite3_busy_timeout(dst, 10000);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int r = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	if (b)
		sqlite3_backup_finish(b);
	if (r != SQLITE_DONE)
		rc = gerr_set(e, G_ERR_IO, NULL, "恢复失败，数据库未改变", "restore failed; nothing changed");
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	return rc;
}

gcode store_restore(const char *url, const char *file, struct gerror *e)
{
	struct stat st;
	if (stat(file, &st) != 0)
		return gerr_set(e, G_ERR_NOTFOUND, "file", "备份文件不存在", "the backup file does not exist");
	if (is_pg(url)) {
		char *argv[] = { "pg_restore", "--clean", "--if-exists", "--single-transaction",
				 "--no-owner", "--dbname", (char *)url, (char *)file, NULL };
		return run_tool(argv, e);
	}
	return sqlite_restore(strncmp(url, "sqlite:", 7) ? url : url + 7, file, e);
}

gcode store_check_integrity(const char *url, struct gerror *e)
{
	if (is_pg(url))
		return G_OK; /* PostgreSQL enforces its constraints on every write */
	struct db *c;
	gcode rc = db_open(url, &c, e);
	if (rc != G_OK)
		return rc;
	struct db_stmt *s;
	rc = db_prepare(c, "PRAGMA integrity_check", &s, e);
	if (rc == G_OK) {
		if (db_step(s, e) != DB_ROW || strcmp(db_col_text(s, 0), "ok"))
			rc = gerr_set(e, G_ERR_DB, NULL, "数据库文件损坏（integrity_check）",
				      "the database file is damaged (integrity_check)");
		db_finish(s);
	}
	if (rc == G_OK && (rc = db_prepare(c, "PRAGMA foreign_key_check", &s, e)) == G_OK) {
		if (db_step(s, e) == DB_ROW)
			rc = gerr_set(e, G_ERR_DB, NULL, "存在失效的外键引用",
				      "there are broken foreign-key references");
		db_finish(s);
	}
	db_close(c);
	return rc;
}
