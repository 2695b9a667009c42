/* guatu user add | list | passwd: the operator's way to create the first
 * administrators and to recover access. Recorded in the audit log as "cli". */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "base/secret.h"
#include "base/text.h"
#include "cli/commands.h"
#include "domain/password.h"
#include "domain/region.h"
#include "domain/role.h"
#include "store/org.h"
#include "store/store.h"
#include "store/users.h"

static gcode policy(const char *pw, const char *username, struct gerror *e)
{
	enum pw_result r = password_check(pw, strlen(pw), username);
	return r == PW_OK ? G_OK
			  : gerr_set(e, G_ERR_INVALID, "password", password_result_zh(r),
				     password_result_en(r));
}

gcode cli_demo_check_admin_pw(const char *pw, struct gerror *e)
{
	return pw ? policy(pw, "sysadmin", e) : G_OK;
}

static gcode read_password(char *pw, size_t cap, const char *username, struct gerror *e)
{
	if (!cli_read_secret(pw, cap))
		return gerr_set(e, G_ERR_INVALID, "password", "未从标准输入读到密码",
				"no password on standard input");
	return policy(pw, username, e);
}

static gcode open_migrated(const char *url, struct db **c, struct gerror *e)
{
	int version;
	gcode rc = cli_migrate_url(url, &version, e);
	return rc == G_OK ? db_open(url, c, e) : rc;
}

static gcode add_user(struct db *c, const struct user_fields *f, const char *hash,
		      struct gerror *e)
{
	struct actor a = { 0, "cli", NULL };
	int64_t now = (int64_t)time(NULL), id = 0;
	gcode rc = db_begin(c, e);
	if (rc == G_OK)
		rc = store_user_insert(c, f, hash, now, &id, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "username", "用户名已存在", "this username is taken");
	json_t *after = rc == G_OK ? store_user_json(c, id, now) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	if (rc == G_OK)
		rc = audit_append(c, &a, "create", "user", oid, f->region, NULL, after, e);
	json_decref(after);
	if (rc == G_OK)
		return db_commit(c, e);
	db_rollback(c);
	return rc;
}

static gcode check_user_args(struct cli_args *a, struct user_fields *f, struct gerror *e)
{
	int64_t dept = 0;
	const char *d = cli_flag(a, "department");
	f->username = a->pos[0];
	f->role = cli_flag(a, "role");
	f->region = cli_flag(a, "region");
	f->display_name = cli_flag(a, "display-name") ? cli_flag(a, "display-name") : a->pos[0];
	if (!f->role || role_from_code(f->role) == ROLE_NONE)
		return gerr_set(e, G_ERR_INVALID, "role", "须用 --role 指定有效角色",
				"--role must name a valid role (see guatu user add --help)");
	if (!f->region || !region_code_valid(f->region, strlen(f->region)))
		return gerr_set(e, G_ERR_INVALID, "region", "须用 --region 指定6位区划代码",
				"--region must be a 6-digit region code");
	if (d && !text_to_i64(d, 1, INT64_MAX, &dept))
		return gerr_set(e, G_ERR_INVALID, "department", "部门编号无效", "invalid department id");
	f->department_id = dept;
	const char *ent = cli_flag(a, "enterprise");
	int64_t ent_id = 0;
	if (ent && !text_to_i64(ent, 1, INT64_MAX, &ent_id))
		return gerr_set(e, G_ERR_INVALID, "enterprise", "企业编号无效", "invalid enterprise id");
	f->enterprise_id = ent_id;
	if (role_from_code(f->role) == ROLE_ENTERPRISE && !ent_id)
		return gerr_set(e, G_ERR_INVALID, "enterprise", "企业联系人须用 --enterprise 关联企业",
				"an enterprise contact needs --enterprise ID");
	return G_OK;
}

static int run_add(struct cli_args *a)
{
	struct gerror e;
	struct user_fields f = { 0 };
	char pw[200], hash[SECRET_HASH_MAX];
	struct db *c = NULL;
	gcode rc = check_user_args(a, &f, &e);
	if (rc == G_OK && !cli_flag(a, "password-stdin"))
		rc = gerr_set(&e, G_ERR_INVALID, "password", "须用 --password-stdin 从标准输入提供密码",
			      "give the password on standard input with --password-stdin");
	if (rc == G_OK)
		rc = read_password(pw, sizeof pw, f.username, &e);
	if (rc == G_OK && !secret_hash_password(pw, strlen(pw), hash))
		rc = gerr_set(&e, G_ERR_INTERNAL, NULL, "密码处理失败", "password hashing failed");
	mem_wipe(pw, sizeof pw);
	if (rc == G_OK)
		rc = open_migrated(a->cfg.db, &c, &e);
	json_t *reg = rc == G_OK ? store_region_get(c, f.region) : NULL;
	if (rc == G_OK && !reg)
		rc = gerr_set(&e, G_ERR_INVALID, "region", "区划不存在，请先用 guatu region add 添加",
			      "no such region: add it first with guatu region add");
	json_decref(reg);
	if (rc == G_OK)
		rc = add_user(c, &f, hash, &e);
	mem_wipe(hash, sizeof hash);
	db_close(c);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已创建用户 created user %s (%s, %s); 首次登录须修改密码 must change the password at first login\n",
	       f.username, f.role, f.region);
	return 0;
}

static int run_list(struct cli_args *a)
{
	struct gerror e;
	struct db *c;
	json_t *out = NULL;
	gcode rc = open_migrated(a->cfg.db, &c, &e);
	if (rc == G_OK) {
		rc = store_user_list(c, "000000", "999999", NULL, NULL, 100000, 0,
				     (int64_t)time(NULL), &out, &e);
		db_close(c);
	}
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("%-6s %-20s %-14s %-8s %-6s %s\n", "id", "username", "role", "region", "state",
	       "name");
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(out, "items"), i, u) {
		const char *state = json_is_true(json_object_get(u, "disabled")) ? "停用"
				    : json_is_true(json_object_get(u, "locked")) ? "锁定"
										: "正常";
		printf("%-6lld %-20s %-14s %-8s %-6s %s\n",
		       (long long)json_integer_value(json_object_get(u, "id")),
		       json_string_value(json_object_get(u, "username")),
		       json_string_value(json_object_get(u, "role")),
		       json_string_value(json_object_get(u, "region")), state,
		       json_string_value(json_object_get(u, "display_name")));
	}
	json_decref(out);
	return 0;
}

static gcode set_password(struct db *c, const char *username, const char *hash,
			  struct gerror *e)
{
	struct user_row u;
	struct actor a = { 0, "cli", NULL };
	int64_t now = (int64_t)time(NULL);
	gcode rc = store_user_by_name(c, username, &u, e);
	if (rc == G_OK)
		rc = db_begin(c, e);
	if (rc == G_OK)
		rc = store_user_set_password(c, u.id, hash, 1, now, e);
	if (rc == G_OK)
		rc = store_session_delete_user(c, u.id, e);
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)u.id);
	if (rc == G_OK)
		rc = audit_append(c, &a, "password_reset", "user", oid, u.region, NULL, NULL, e);
	if (rc == G_OK)
		return db_commit(c, e);
	db_rollback(c);
	return rc;
}

static int run_passwd(struct cli_args *a)
{
	struct gerror e;
	char pw[200], hash[SECRET_HASH_MAX];
	struct db *c = NULL;
	gcode rc = cli_flag(a, "password-stdin")
			   ? read_password(pw, sizeof pw, a->pos[0], &e)
			   : gerr_set(&e, G_ERR_INVALID, "password",
				      "须用 --password-stdin 从标准输入提供密码",
				      "give the password on standard input with --password-stdin");
	if (rc == G_OK && !secret_hash_password(pw, strlen(pw), hash))
		rc = gerr_set(&e, G_ERR_INTERNAL, NULL, "密码处理失败", "password hashing failed");
	mem_wipe(pw, sizeof pw);
	if (rc == G_OK)
		rc = open_migrated(a->cfg.db, &c, &e);
	if (rc == G_OK)
		rc = set_password(c, a->pos[0], hash, &e);
	mem_wipe(hash, sizeof hash);
	db_close(c);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已重置密码 password reset for %s; unlocked, sessions ended, must change at next login\n",
	       a->pos[0]);
	return 0;
}

static const char *const db_only[] = { "db", NULL };

static const struct cli_flag add_flags[] = {
	{ "role", true, "leader staff statistician invest_cadre service_cadre enterprise auditor sysadmin secadmin auditadmin" },
	{ "region", true, "6-digit GB/T 2260 code, e.g. 220104" },
	{ "department", true, "department id (see the administration page)" },
	{ "enterprise", true, "enterprise id, for the enterprise role (企业联系人)" },
	{ "display-name", true, "the person's name (default: the username)" },
	{ "password-stdin", false, "read the initial password from standard input" },
	{ 0 },
};
static const struct cli_flag passwd_flags[] = {
	{ "password-stdin", false, "read the new password from standard input" },
	{ 0 },
};

const struct cli_cmd cmd_user_add = { "user add",
	"user add NAME --role ROLE --region CODE [--department ID] [--enterprise ID] --password-stdin",
	"添加用户 add an account", add_flags, db_only, 1, 1, run_add };
const struct cli_cmd cmd_user_list = { "user list", "user list [--db PATH|URL]",
	"列出用户 list accounts", NULL, db_only, 0, 0, run_list };
const struct cli_cmd cmd_user_passwd = { "user passwd", "user passwd NAME --password-stdin",
	"重置密码 reset a password (unlocks; must change at next login)", passwd_flags, db_only,
	1, 1, run_passwd };
