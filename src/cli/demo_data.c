#include "cli/demo_data.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/secret.h"
#include "domain/credit_code.h"
#include "store/enterprises.h"
#include "store/org.h"
#include "store/store.h"
#include "store/users.h"

struct demo_dept { const char *region, *name; };
static const struct demo_dept depts[] = {
	{ "220104", "发展和改革局" }, { "220104", "工业和信息化局" }, { "220104", "商务局" },
	{ "220104", "统计局" }, { "220104", "财政局" }, { "220104", "住房和城乡建设局" },
	{ "220104", "营商环境建设局" }, { "220104", "投资促进局" },
	{ "220105", "发展和改革局" }, { "220105", "统计局" }, { "220105", "投资促进局" },
	{ "220106", "发展和改革局" }, { "220106", "统计局" },
};

struct demo_user {
	const char *username, *display_name, *role, *region, *dept; /* dept name in region */
	int enterprise;   /* 1-based index into ents, 0 none */
	int must_change;
	int admin;        /* takes the administrators' password */
};
static const struct demo_user users[] = {
	{ "sysadmin", "系统管理员", "sysadmin", "220100", NULL, 0, 0, 1 },
	{ "secadmin", "安全管理员", "secadmin", "220100", NULL, 0, 0, 1 },
	{ "auditadmin", "审计管理员", "auditadmin", "220100", NULL, 0, 0, 1 },
	{ "city_leader", "王市长", "leader", "220100", NULL, 0, 0, 0 },
	{ "cy_leader", "李区长", "leader", "220104", NULL, 0, 0, 0 },
	{ "cy_staff", "张科长", "staff", "220104", "发展和改革局", 0, 0, 0 },
	{ "cy_stat", "刘统计", "statistician", "220104", "统计局", 0, 0, 0 },
	{ "cy_invest", "陈招商", "invest_cadre", "220104", "投资促进局", 0, 0, 0 },
	{ "cy_service", "赵包保", "service_cadre", "220104", "营商环境建设局", 0, 0, 0 },
	{ "cy_auditor", "孙审计", "auditor", "220104", NULL, 0, 0, 0 },
	{ "cy_enterprise", "周经理", "enterprise", "220104", NULL, 1, 0, 0 },
	{ "ed_leader", "吴区长", "leader", "220105", NULL, 0, 0, 0 },
	{ "ed_staff", "郑科员", "staff", "220105", "发展和改革局", 0, 0, 0 },
	{ "cy_newuser", "新同事", "staff", "220104", "商务局", 0, 1, 0 },
};

struct demo_ent { const char *region, *org9, *name, *industry; int bad_check; };
static const struct demo_ent ents[] = {
	{ "220104", "MA0C1KX7B", "长春中凯消防车有限公司", "C3663", 0 },
	{ "220104", "MA17QH2R3", "旭阳中法智能科技有限公司", "C3990", 0 },
	{ "220104", "MA0Y4N8L5", "长春诺德电子科技有限公司", "C3982", 0 },
	{ "220104", "7561839X2", "长春北方电器有限公司", "C3851", 0 },
	{ "220104", "MA14B9EJ1", "吉林省朝阳数字科技有限公司", "I6513", 0 },
	{ "220104", "MA0XT6H44", "长春红旗街商业管理有限公司", "F5211", 0 },
	{ "220104", "124400A73", "长春光机科技发展有限责任公司", "M7320", 1 },
	{ "220104", "MA15CD0P8", "长春桂林路餐饮管理有限公司", "H6210", 0 },
	{ "220105", "MA17JJ8W2", "长春凯洛德交通科技有限公司", "C3714", 0 },
	{ "220105", "MA0DQ3T91", "长春赛润装备制造有限公司", "C3491", 0 },
	{ "220105", "MA1A02GY6", "长春新兴建材有限公司", "C3021", 0 },
	{ "220105", "MA0Q5UKR0", "吉林鲁商产业园运营管理有限公司", "L7221", 0 },
	{ "220105", "MA17H6LN5", "长春赫行食育科技有限公司", "C1439", 0 },
	{ "220106", "MA0Y1WCE3", "长春绿园汽车零部件有限公司", "C3670", 0 },
	{ "220106", "MA14TG8B7", "长春西部物流产业园有限公司", "G5990", 0 },
	{ "220102", "MA0DK7F02", "长春南关文旅发展有限公司", "R8720", 0 },
	{ "220103", "MA17XJ5Q9", "长春宽城轨道装备有限公司", "C3714", 0 },
	{ "220173", "MA0C4M6Y1", "长春高新光电子产业有限公司", "C3976", 0 },
};

/* "91" + division + organisation code + check character. */
static void make_code(const struct demo_ent *d, char out[19])
{
	snprintf(out, 19, "91%s%s", d->region, d->org9);
	char check = credit_code_check_char(out);
	out[17] = d->bad_check ? (check == '0' ? '1' : '0') : check;
	out[18] = '\0';
}

static gcode seed_departments(struct db *c, const struct actor *a, int64_t now,
			      struct gerror *e)
{
	for (size_t i = 0; i < sizeof depts / sizeof depts[0]; i++) {
		int64_t id;
		gcode rc = store_department_insert(c, depts[i].region, depts[i].name, now, &id, e);
		json_t *after = rc == G_OK ? store_department_get(c, id) : NULL;
		char oid[24];
		snprintf(oid, sizeof oid, "%lld", (long long)id);
		if (rc == G_OK)
			rc = audit_append(c, a, "create", "department", oid, depts[i].region, NULL,
					  after, e);
		json_decref(after);
		if (rc != G_OK)
			return rc;
	}
	return G_OK;
}

static gcode seed_enterprises(struct db *c, const struct actor *a, int64_t now,
			      int64_t *ids, struct gerror *e)
{
	for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) {
		char code[19];
		make_code(&ents[i], code);
		struct enterprise_fields f = { ents[i].region, code, ents[i].name,
					       ents[i].industry, !ents[i].bad_check };
		gcode rc = store_enterprise_insert(c, &f, now, &ids[i], e);
		json_t *after = rc == G_OK ? store_enterprise_get(c, ids[i]) : NULL;
		char oid[24];
		snprintf(oid, sizeof oid, "%lld", (long long)ids[i]);
		if (rc == G_OK)
			rc = audit_append(c, a, "create", "enterprise", oid, ents[i].region, NULL,
					  after, e);
		json_decref(after);
		if (rc != G_OK)
			return rc;
	}
	return G_OK;
}

static int64_t dept_id(struct db *c, const char *region, const char *name)
{
	struct db_stmt *s;
	int64_t id = 0;
	if (db_prepare_bind(c, "SELECT id FROM departments WHERE region = $1 AND name = $2", &s,
			    NULL, "tt", region, name) != G_OK)
		return 0;
	if (db_step(s, NULL) == DB_ROW)
		id = db_col_i64(s, 0);
	db_finish(s);
	return id;
}

static gcode seed_users(struct db *c, const struct actor *a, const char *admin_pw,
			const int64_t *ent_ids, int64_t now, struct gerror *e)
{
	char hash[SECRET_HASH_MAX], admin_hash[SECRET_HASH_MAX];
	if (!secret_hash_password(DEMO_PASSWORD, strlen(DEMO_PASSWORD), hash) ||
	    !secret_hash_password(admin_pw, strlen(admin_pw), admin_hash))
		return gerr_set(e, G_ERR_INTERNAL, NULL, "密码处理失败", "password hashing failed");
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
		const struct demo_user *u = &users[i];
		struct user_fields f = { u->username, u->display_name, u->role, u->region,
					 u->dept ? dept_id(c, u->region, u->dept) : 0,
					 u->enterprise ? ent_ids[u->enterprise - 1] : 0, 0 };
		int64_t id;
		gcode rc = store_user_insert(c, &f, u->admin ? admin_hash : hash, now, &id, e);
		if (rc == G_OK && !u->must_change)
			rc = db_run(c, "UPDATE users SET must_change_password = 0 WHERE id = $1", NULL,
				    e, "i", id);
		json_t *after = rc == G_OK ? store_user_json(c, id, now) : NULL;
		char oid[24];
		snprintf(oid, sizeof oid, "%lld", (long long)id);
		if (rc == G_OK)
			rc = audit_append(c, a, "create", "user", oid, u->region, NULL, after, e);
		json_decref(after);
		if (rc != G_OK)
			return rc;
	}
	return G_OK;
}

gcode demo_seed(struct db *c, const char *admin_pw, struct gerror *e)
{
	struct actor a = { 0, "demo", NULL };
	int64_t now = (int64_t)time(NULL);
	int64_t ent_ids[sizeof ents / sizeof ents[0]];
	if (!admin_pw)
		admin_pw = DEMO_PASSWORD;
	gcode rc = db_begin(c, e);
	if (rc == G_OK)
		rc = seed_departments(c, &a, now, e);
	if (rc == G_OK)
		rc = seed_enterprises(c, &a, now, ent_ids, e);
	if (rc == G_OK)
		rc = seed_users(c, &a, admin_pw, ent_ids, now, e);
	if (rc == G_OK)
		rc = demo_seed_projects(c, &a, ent_ids, now, e);
	if (rc == G_OK)
		rc = demo_seed_econ(c, &a, now, e);
	if (rc != G_OK) {
		db_rollback(c);
		return rc;
	}
	return db_commit(c, e);
}

void demo_print_logins(FILE *out, const char *admin_pw)
{
	fprintf(out, "演示账号 demo logins (用户名 username / 密码 password):\n");
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
		fprintf(out, "  %-14s %-12s %s%s\n", users[i].username, users[i].role,
			users[i].admin ? (admin_pw ? "(your admin password)" : DEMO_PASSWORD)
				       : DEMO_PASSWORD,
			users[i].must_change ? "  (must change at first login 首次登录须改密)" : "");
}
