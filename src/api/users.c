/* Accounts: the system administrator keeps business accounts, the security
 * administrator the administrators' accounts, unlocks and password resets
 * (三权分立: no account holds two administrator roles; each has one role). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "base/mem.h"
#include "base/secret.h"
#include "domain/region.h"
#include "domain/role.h"
#include "store/enterprises.h"
#include "store/org.h"
#include "store/users.h"

static enum action action_for(enum role target)
{
	return role_is_admin(target) ? ACT_ADMIN : ACT_WRITE;
}

gcode h_users_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	int64_t limit, offset;
	gcode rc = api_check(rq, RES_USER, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = api_paging(rq, &limit, &offset, e);
	if (rc != G_OK)
		return rc;
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	const char *region = api_query(rq, "region");
	if (region) {
		if (!region_code_valid(region, strlen(region)))
			return gerr_set(e, G_ERR_INVALID, "region", "区划代码无效", "invalid region code");
		if (!region_covers(rq->who.region, region))
			return api_ok(rs, 200, json_pack("{s:[],s:i}", "items", "total", 0));
		region_range(region, lo, hi);
	}
	json_t *out;
	const char *q, *role;
	rc = api_query_text(rq, "q", 200, &q, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "role", 32, &role, e);
	if (rc == G_OK)
		rc = store_user_list(rq->db, lo, hi, q, role, limit, offset, rq->now, &out, e);
	if (rc != G_OK)
		return rc;
	json_object_set_new(out, "page", json_integer(offset / limit + 1));
	json_object_set_new(out, "per_page", json_integer(limit));
	return api_ok(rs, 200, out);
}

/* Loads a user the caller may act on, or 404/403. */
static gcode visible_user(struct api_req *rq, enum action act, struct user_row *u,
			  struct gerror *e)
{
	int64_t id;
	gcode rc = api_path_id(rq, 0, &id, e);
	if (rc == G_OK)
		rc = store_user_by_id(rq->db, id, u, e);
	if (rc == G_ERR_NOTFOUND)
		return api_not_found(e);
	if (rc != G_OK)
		return rc;
	mem_wipe(u->password_hash, sizeof u->password_hash);
	struct obj_scope o = { .region = u->region };
	if (act == ACT_WRITE)
		act = action_for(role_from_code(u->role));
	return api_check(rq, RES_USER, act, &o, e);
}

gcode h_users_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct user_row u;
	gcode rc = visible_user(rq, ACT_READ, &u, e);
	if (rc != G_OK)
		return rc;
	json_t *o = store_user_json(rq->db, u.id, rq->now);
	api_set_etag(rs, u.version);
	return api_ok(rs, 200, o);
}

static bool username_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 3 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_.-@", s[i]))
			return false;
	return true;
}

/* Checks role, region, department and enterprise of an account. */
static gcode check_fields(struct api_req *rq, const struct user_fields *f, enum action act,
			  struct gerror *e)
{
	enum role r = role_from_code(f->role);
	if (r == ROLE_NONE)
		return gerr_set(e, G_ERR_INVALID, "role", "角色无效", "unknown role");
	if (!scope_may_assign_role(&rq->who, r))
		return gerr_set(e, G_ERR_FORBIDDEN, "role", "无权授予该角色",
				"you may not grant this role");
	json_t *reg = store_region_get(rq->db, f->region);
	bool known = reg != NULL;
	json_decref(reg);
	if (!known)
		return gerr_set(e, G_ERR_INVALID, "region", "所属区划不存在", "no such region");
	struct obj_scope o = { .region = f->region };
	gcode rc = api_check(rq, RES_USER, act, &o, e);
	if (rc != G_OK)
		return rc == G_ERR_NOTFOUND
			       ? gerr_set(e, G_ERR_INVALID, "region", "所属区划不在您的管辖范围内",
					  "the region is outside your scope")
			       : rc;
	if (f->department_id) {
		json_t *d = store_department_get(rq->db, f->department_id);
		bool same = d && !strcmp(json_string_value(json_object_get(d, "region")), f->region);
		json_decref(d);
		if (!same)
			return gerr_set(e, G_ERR_INVALID, "department_id", "部门不存在或不属于该区划",
					"the department does not exist in this region");
	}
	if (r == ROLE_ENTERPRISE && !f->enterprise_id)
		return gerr_set(e, G_ERR_INVALID, "enterprise_id", "企业联系人须关联企业",
				"an enterprise contact needs an enterprise");
	if (f->enterprise_id) { /* in the account's own region, or the contact could not see it */
		json_t *ent = store_enterprise_get(rq->db, f->enterprise_id);
		bool same = ent && !strcmp(json_string_value(json_object_get(ent, "region")), f->region);
		json_decref(ent);
		if (!same)
			return gerr_set(e, G_ERR_INVALID, "enterprise_id", "企业不存在或不在该区划",
					"the enterprise does not exist in this region");
	}
	return G_OK;
}

static const struct field_spec create_spec[] = {
	{ "username", 's', true, false, 64, "用户名" },
	{ "display_name", 's', true, false, 50, "姓名" },
	{ "role", 's', true, false, 32, "角色" },
	{ "region", 's', true, false, 6, "所属区划" },
	{ "department_id", 'i', false, true, 0, "部门" },
	{ "enterprise_id", 'i', false, true, 0, "企业" },
	{ "password", 's', true, false, 128, "初始密码" },
	{ 0 },
};

static gcode insert_user(struct api_req *rq, const struct user_fields *f, const char *hash,
			 int64_t *id, struct gerror *e)
{
	struct actor a = api_actor(rq);
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_user_insert(rq->db, f, hash, rq->now, id, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "username", "用户名已存在", "this username is taken");
	json_t *after = rc == G_OK ? store_user_json(rq->db, *id, rq->now) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)*id);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "create", "user", oid, f->region, NULL, after, e);
	json_decref(after);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_users_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = body_check(rq->json, create_spec, e);
	if (rc != G_OK)
		return rc;
	struct user_fields f = {
		.username = body_str(rq->json, "username"),
		.display_name = body_str(rq->json, "display_name"),
		.role = body_str(rq->json, "role"),
		.region = body_str(rq->json, "region"),
		.department_id = body_int(rq->json, "department_id", 0),
		.enterprise_id = body_int(rq->json, "enterprise_id", 0),
	};
	if (!username_ok(f.username))
		return gerr_set(e, G_ERR_INVALID, "username",
				"用户名为3到64位字母、数字或 _ . - @",
				"username: 3 to 64 letters, digits or _ . - @");
	rc = check_fields(rq, &f, action_for(role_from_code(f.role)), e);
	const char *pw = body_str(rq->json, "password");
	if (rc == G_OK)
		rc = api_password_policy(pw, f.username, "password", e);
	char hash[SECRET_HASH_MAX];
	if (rc == G_OK && !secret_hash_password(pw, strlen(pw), hash))
		rc = gerr_set(e, G_ERR_INTERNAL, NULL, "密码处理失败", "password hashing failed");
	mem_wipe((char *)pw, strlen(pw));
	int64_t id = 0;
	if (rc == G_OK)
		rc = insert_user(rq, &f, hash, &id, e);
	mem_wipe(hash, sizeof hash);
	if (rc != G_OK)
		return rc;
	api_set_etag(rs, 1);
	return api_ok(rs, 201, store_user_json(rq->db, id, rq->now));
}

static const struct field_spec update_spec[] = {
	{ "display_name", 's', false, false, 50, "姓名" },
	{ "role", 's', false, false, 32, "角色" },
	{ "region", 's', false, false, 6, "所属区划" },
	{ "department_id", 'i', false, true, 0, "部门" },
	{ "enterprise_id", 'i', false, true, 0, "企业" },
	{ "disabled", 'b', false, false, 0, "停用" },
	{ 0 },
};

static void merge_fields(const json_t *b, const struct user_row *u, struct user_fields *f)
{
	f->username = u->username;
	f->display_name = body_has(b, "display_name") ? body_str(b, "display_name") : u->display_name;
	f->role = body_has(b, "role") ? body_str(b, "role") : u->role;
	f->region = body_has(b, "region") ? body_str(b, "region") : u->region;
	f->department_id = body_has(b, "department_id") ? body_int(b, "department_id", 0)
							: u->department_id;
	f->enterprise_id = body_has(b, "enterprise_id") ? body_int(b, "enterprise_id", 0)
							: u->enterprise_id;
	f->disabled = body_has(b, "disabled") ? json_is_true(json_object_get(b, "disabled"))
					      : u->disabled;
}

gcode h_users_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct user_row u;
	struct user_fields f;
	int64_t version = 0;
	gcode rc = visible_user(rq, ACT_READ, &u, e);
	if (rc == G_OK)
		rc = body_check(rq->json, update_spec, e);
	if (rc != G_OK)
		return rc;
	merge_fields(rq->json, &u, &f);
	/* An administrator's account, or making someone one, is the security
	 * administrator's; every other account is the system administrator's. */
	bool admin = role_is_admin(role_from_code(u.role)) || role_is_admin(role_from_code(f.role));
	if (role_from_code(f.role) != ROLE_NONE && !scope_may_assign_role(&rq->who, role_from_code(f.role)))
		return gerr_set(e, G_ERR_FORBIDDEN, "role", "无权授予该角色", "you may not grant this role");
	struct obj_scope o = { .region = u.region };
	rc = api_check(rq, RES_USER, admin ? ACT_ADMIN : ACT_WRITE, &o, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = check_fields(rq, &f, admin ? ACT_ADMIN : ACT_WRITE, e);
	json_t *before = store_user_json(rq->db, u.id, rq->now), *after = NULL;
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_user_update(rq->db, u.id, version, &f, rq->now, e);
	if (rc == G_OK && f.disabled) /* a disabled account is logged out at once */
		rc = store_session_delete_user(rq->db, u.id, e);
	if (rc == G_OK)
		after = store_user_json(rq->db, u.id, rq->now);
	return api_commit_change(rq, rs, rc, "update", "user", rq->params[0], u.region, before, after,
				 200, e);
}

gcode h_users_unlock(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct user_row u;
	gcode rc = visible_user(rq, ACT_ADMIN, &u, e);
	struct actor a = api_actor(rq);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_user_set_login_state(rq->db, u.id, 0, 0, 0, e);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "unlock", "user", rq->params[0], u.region, NULL, NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	if (rc != G_OK)
		return rc;
	return api_ok(rs, 200, store_user_json(rq->db, u.id, rq->now));
}

static const struct field_spec reset_spec[] = {
	{ "password", 's', true, false, 128, "新密码" },
	{ 0 },
};

gcode h_users_password(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct user_row u;
	char hash[SECRET_HASH_MAX];
	gcode rc = visible_user(rq, ACT_ADMIN, &u, e);
	if (rc == G_OK)
		rc = body_check(rq->json, reset_spec, e);
	const char *pw = rc == G_OK ? body_str(rq->json, "password") : NULL;
	if (rc == G_OK)
		rc = api_password_policy(pw, u.username, "password", e);
	if (rc == G_OK && !secret_hash_password(pw, strlen(pw), hash))
		rc = gerr_set(e, G_ERR_INTERNAL, NULL, "密码处理失败", "password hashing failed");
	if (pw)
		mem_wipe((char *)pw, strlen(pw));
	struct actor a = api_actor(rq);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK) /* the user must choose a new one at the next login */
		rc = store_user_set_password(rq->db, u.id, hash, 1, rq->now, e);
	if (rc == G_OK)
		rc = store_session_delete_user(rq->db, u.id, e);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "password_reset", "user", rq->params[0], u.region,
				  NULL, NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	mem_wipe(hash, sizeof hash);
	if (rc != G_OK)
		return rc;
	return api_ok(rs, 200, store_user_json(rq->db, u.id, rq->now));
}
