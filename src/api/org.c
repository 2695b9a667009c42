/* Roles, regions and departments. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "domain/region.h"
#include "domain/role.h"
#include "store/org.h"

gcode h_roles(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	(void)rq;
	(void)e;
	json_t *items = json_array();
	for (int r = ROLE_NONE + 1; r < ROLE_COUNT; r++)
		json_array_append_new(items, json_pack("{s:s,s:s,s:s,s:b}", "code", role_code(r),
						       "name_zh", role_name_zh(r), "name_en",
						       role_name_en(r), "admin", role_is_admin(r)));
	return api_ok(rs, 200, json_pack("{s:o,s:I}", "items", items, "total",
					 (json_int_t)json_array_size(items)));
}

gcode h_regions_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_REGION, ACT_READ, NULL, e);
	json_t *out;
	if (rc == G_OK)
		rc = store_region_list(rq->db, &out, e);
	return rc == G_OK ? api_ok(rs, 200, out) : rc;
}

gcode h_regions_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_REGION, ACT_READ, NULL, e);
	if (rc != G_OK)
		return rc;
	json_t *o = store_region_get(rq->db, rq->params[0]);
	if (!o)
		return api_not_found(e);
	api_set_etag(rs, json_integer_value(json_object_get(o, "version")));
	return api_ok(rs, 200, o);
}

static const struct field_spec region_spec[] = {
	{ "code", 's', true, false, 6, "区划代码" },
	{ "name", 's', true, false, 50, "名称" },
	{ "name_en", 's', false, true, 100, "英文名称" },
	{ "parent", 's', true, false, 6, "上级区划" },
	{ 0 },
};

gcode h_regions_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_REGION, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, region_spec, e);
	if (rc != G_OK)
		return rc;
	const char *code = body_str(rq->json, "code"), *parent = body_str(rq->json, "parent");
	if (!region_code_valid(code, strlen(code)))
		return gerr_set(e, G_ERR_INVALID, "code", "区划代码应为6位GB/T 2260代码",
				"code must be a 6-digit GB/T 2260 division code");
	json_t *p = store_region_get(rq->db, parent);
	bool parent_ok = p && region_covers(parent, code) && strcmp(parent, code);
	json_decref(p);
	if (!parent_ok)
		return gerr_set(e, G_ERR_INVALID, "parent", "上级区划不存在或不包含该代码",
				"the parent region does not exist or does not contain this code");
	struct obj_scope o = { .region = code };
	rc = api_check(rq, RES_REGION, ACT_WRITE, &o, e);
	if (rc != G_OK)
		return rc;
	struct actor a = api_actor(rq);
	rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_region_insert(rq->db, code, body_str(rq->json, "name"),
					 body_str(rq->json, "name_en"), parent,
					 region_level(code), rq->now, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "code", "区划代码已存在", "this region code already exists");
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "create", "region", code, code, NULL, rq->json, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	if (rc != G_OK)
		return rc;
	api_set_etag(rs, 1);
	return api_ok(rs, 201, store_region_get(rq->db, code));
}

static const struct field_spec rename_spec[] = {
	{ "name", 's', true, false, 50, "名称" },
	{ "name_en", 's', false, true, 100, "英文名称" },
	{ 0 },
};

gcode h_regions_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	const char *code = rq->params[0];
	json_t *before = store_region_get(rq->db, code);
	if (!before)
		return api_not_found(e);
	struct obj_scope o = { .region = code };
	int64_t version = 0;
	gcode rc = api_check(rq, RES_REGION, ACT_WRITE, &o, e);
	if (rc == G_OK)
		rc = body_check(rq->json, rename_spec, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_region_rename(rq->db, code, version, body_str(rq->json, "name"),
					 body_str(rq->json, "name_en"), rq->now, e);
	json_t *after = rc == G_OK ? store_region_get(rq->db, code) : NULL;
	return api_commit_change(rq, rs, rc, "update", "region", code, code, before, after, 200, e);
}

gcode h_departments_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_DEPARTMENT, ACT_READ, NULL, e);
	if (rc != G_OK)
		return rc;
	char lo[7], hi[7];
	api_scope_range(rq, lo, hi);
	const char *region = api_query(rq, "region");
	if (region) { /* narrow to one region inside the caller's scope */
		if (!region_code_valid(region, strlen(region)))
			return gerr_set(e, G_ERR_INVALID, "region", "区划代码无效", "invalid region code");
		if (!region_covers(rq->who.region, region))
			return api_ok(rs, 200, json_pack("{s:[],s:i}", "items", "total", 0));
		region_range(region, lo, hi);
	}
	json_t *out;
	rc = store_department_list(rq->db, lo, hi, &out, e);
	return rc == G_OK ? api_ok(rs, 200, out) : rc;
}

/* Loads a department the caller may see, or 404. */
static json_t *visible_department(struct api_req *rq, enum action act, struct gerror *e,
				  gcode *rc)
{
	int64_t id;
	*rc = api_path_id(rq, 0, &id, e);
	if (*rc != G_OK)
		return NULL;
	json_t *d = store_department_get(rq->db, id);
	if (!d) {
		*rc = api_not_found(e);
		return NULL;
	}
	struct obj_scope o = { .region = json_string_value(json_object_get(d, "region")) };
	*rc = api_check(rq, RES_DEPARTMENT, act, &o, e);
	if (*rc != G_OK) {
		json_decref(d);
		return NULL;
	}
	return d;
}

gcode h_departments_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *d = visible_department(rq, ACT_READ, e, &rc);
	if (!d)
		return rc;
	api_set_etag(rs, json_integer_value(json_object_get(d, "version")));
	return api_ok(rs, 200, d);
}

static const struct field_spec dept_spec[] = {
	{ "name", 's', true, false, 60, "部门名称" },
	{ "region", 's', true, false, 6, "所属区划" },
	{ 0 },
};

gcode h_departments_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_DEPARTMENT, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, dept_spec, e);
	if (rc != G_OK)
		return rc;
	const char *region = body_str(rq->json, "region");
	json_t *r = store_region_get(rq->db, region);
	bool known = r != NULL;
	json_decref(r);
	if (!known)
		return gerr_set(e, G_ERR_INVALID, "region", "所属区划不存在", "no such region");
	struct obj_scope o = { .region = region };
	rc = api_check(rq, RES_DEPARTMENT, ACT_WRITE, &o, e);
	if (rc != G_OK)
		return rc;
	int64_t id = 0;
	rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_department_insert(rq->db, region, body_str(rq->json, "name"), rq->now,
					     &id, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "name", "该区划已有同名部门", "a department of this name already exists here");
	json_t *after = rc == G_OK ? store_department_get(rq->db, id) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	return api_commit_change(rq, rs, rc, "create", "department", oid, region, NULL, after, 201,
				 e);
}

static const struct field_spec dept_rename_spec[] = {
	{ "name", 's', true, false, 60, "部门名称" },
	{ 0 },
};

gcode h_departments_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *before = visible_department(rq, ACT_WRITE, e, &rc);
	if (!before)
		return rc;
	int64_t version = 0, id = json_integer_value(json_object_get(before, "id"));
	rc = body_check(rq->json, dept_rename_spec, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_department_rename(rq->db, id, version, body_str(rq->json, "name"),
					     rq->now, e);
	if (rc == G_ERR_EXISTS)
		gerr_set(e, rc, "name", "该区划已有同名部门", "a department of this name already exists here");
	json_t *after = rc == G_OK ? store_department_get(rq->db, id) : NULL;
	char region[8];
	snprintf(region, sizeof region, "%s", json_string_value(json_object_get(before, "region")));
	return api_commit_change(rq, rs, rc, "update", "department", rq->params[0], region, before,
				 after, 200, e);
}
