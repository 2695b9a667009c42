/* The indicator catalog 指标目录: every role reads it, the system
 * administrator adds and edits indicators. The code, base unit and
 * periodicity of an indicator never change: values depend on them. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/econ.h"
#include "api/handlers.h"
#include "domain/econ_catalog.h"
#include "store/econ.h"

static const struct field_spec ind_spec[] = {
	{ "code", 's', true, false, 40, "指标代码" },
	{ "name", 's', true, false, 60, "指标名称" },
	{ "name_en", 's', false, true, 120, "英文名称" },
	{ "unit", 's', true, false, 20, "计量单位" },
	{ "display_unit", 's', true, false, 20, "显示单位" },
	{ "periodicity", 's', true, false, 20, "频度" },
	{ "price_basis", 's', false, false, 20, "增速口径" },
	{ "parent", 's', false, true, 40, "上级指标" },
	{ "jan_feb_merged", 'b', false, false, 0, "1-2月合并" },
	{ "is_key", 'b', false, false, 0, "驾驶舱关键指标" },
	{ "sort", 'i', false, false, 0, "排序" },
	{ 0 },
};

static const struct field_spec ind_patch_spec[] = {
	{ "name", 's', false, false, 60, "指标名称" },
	{ "name_en", 's', false, true, 120, "英文名称" },
	{ "display_unit", 's', false, false, 20, "显示单位" },
	{ "price_basis", 's', false, false, 20, "增速口径" },
	{ "parent", 's', false, true, 40, "上级指标" },
	{ "is_key", 'b', false, false, 0, "驾驶舱关键指标" },
	{ "sort", 'i', false, false, 0, "排序" },
	{ "code", 's', false, false, 40, "指标代码" },
	{ "unit", 's', false, false, 20, "计量单位" },
	{ "periodicity", 's', false, false, 20, "频度" },
	{ "jan_feb_merged", 'b', false, false, 0, "1-2月合并" },
	{ 0 },
};

gcode h_indicators_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_INDICATOR, ACT_READ, NULL, e);
	if (rc != G_OK)
		return rc;
	json_t *items = store_indicator_list(rq->db);
	if (!items)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	return api_ok(rs, 200, json_pack("{s:o}", "items", items));
}

static gcode bad(struct gerror *e, const char *field, const char *zh, const char *en)
{
	return gerr_set(e, G_ERR_INVALID, field, zh, en);
}

/* The parent exists, is not the indicator itself, and walking up from it
 * never comes back to the indicator (A under B under A). The walk is bounded
 * so that a cycle already in the table cannot loop forever. */
static gcode check_parent(struct api_req *rq, const char *code, const char *parent,
			  struct gerror *e)
{
	if (strcmp(parent, code) == 0)
		return bad(e, "parent", "上级指标不能是指标自身",
			   "an indicator cannot be its own parent");
	json_t *p = store_indicator_by_code(rq->db, parent);
	if (!p)
		return bad(e, "parent", "上级指标不存在", "the parent indicator does not exist");
	bool cycle = false;
	for (int depth = 0; p && !cycle && depth < 64; depth++) {
		const char *up = json_string_value(json_object_get(p, "parent"));
		cycle = up && strcmp(up, code) == 0;
		json_t *next = up && !cycle ? store_indicator_by_code(rq->db, up) : NULL;
		json_decref(p);
		p = next;
	}
	json_decref(p);
	return cycle ? bad(e, "parent", "上级指标不能是本指标的下级指标（会形成循环）",
			   "the parent is below this indicator (it would form a cycle)")
		     : G_OK;
}

/* The coded fields of f are known codes, the display unit fits the unit,
 * and the parent is a proper one (check_parent). */
static gcode check_fields(struct api_req *rq, const struct indicator_fields *f, struct gerror *e)
{
	int u = econ_unit_from_code(f->unit), d = econ_display_from_code(f->display_unit);
	if (!econ_code_valid(f->code))
		return bad(e, "code", "指标代码应为小写字母开头的字母、数字、下划线（至多40个）",
			   "code is [a-z][a-z0-9_], at most 40 characters");
	if (u < 0)
		return bad(e, "unit", "计量单位应为 yuan、usd、person、household、item 之一",
			   "unit is one of yuan, usd, person, household, item");
	if (d < 0 || !econ_display_fits((enum econ_display)d, (enum econ_unit)u))
		return bad(e, "display_unit", "显示单位与计量单位不符",
			   "display_unit does not fit the unit");
	if (econ_periodicity_from_code(f->periodicity) < 0)
		return bad(e, "periodicity", "频度应为 monthly 或 quarterly",
			   "periodicity is monthly or quarterly");
	if (econ_price_basis_from_code(f->price_basis) < 0)
		return bad(e, "price_basis", "增速口径应为 comparable（可比价）或 current（现价）",
			   "price_basis is comparable or current");
	return f->parent ? check_parent(rq, f->code, f->parent, e) : G_OK;
}

gcode h_indicators_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_INDICATOR, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, ind_spec, e);
	if (rc != G_OK)
		return rc;
	const json_t *b = rq->json;
	struct indicator_fields f = {
		.code = body_str(b, "code"), .name = body_str(b, "name"),
		.name_en = body_str(b, "name_en"), .unit = body_str(b, "unit"),
		.display_unit = body_str(b, "display_unit"),
		.periodicity = body_str(b, "periodicity"),
		.price_basis = body_has(b, "price_basis") ? body_str(b, "price_basis") : "current",
		.parent = body_str(b, "parent"),
		.jan_feb_merged = body_has(b, "jan_feb_merged")
					  ? json_is_true(json_object_get(b, "jan_feb_merged"))
					  : 1,
		.is_key = json_is_true(json_object_get(b, "is_key")),
		.sort = body_int(b, "sort", 1000),
	};
	rc = check_fields(rq, &f, e);
	int64_t id = 0;
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_indicator_insert(rq->db, &f, rq->now, &id, e);
	json_t *after = rc == G_OK ? store_indicator_get(rq->db, id) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	return api_commit_change(rq, rs, rc, "create", "indicator", oid, NULL, NULL, after, 201, e);
}

static const char *pick(const json_t *b, const json_t *cur, const char *name)
{
	return body_has(b, name) ? body_str(b, name) : json_string_value(json_object_get(cur, name));
}

/* Fields that never change may be sent only with their current value. */
static gcode check_fixed(const json_t *b, const json_t *cur, struct gerror *e)
{
	static const char *const fixed[] = { "code", "unit", "periodicity", "jan_feb_merged" };
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		const json_t *v = json_object_get(b, fixed[i]);
		if (v && !json_equal(v, json_object_get(cur, fixed[i])))
			return bad(e, fixed[i], "指标代码、计量单位、频度和1-2月合并方式创建后不能修改",
				   "code, unit, periodicity and jan_feb_merged never change");
	}
	return G_OK;
}

gcode h_indicators_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	int64_t id = 0, version = 0;
	gcode rc = api_check(rq, RES_INDICATOR, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = api_path_id(rq, 0, &id, e);
	if (rc != G_OK)
		return rc;
	json_t *before = store_indicator_get(rq->db, id), *after = NULL;
	if (!before)
		return api_not_found(e);
	const json_t *b = rq->json;
	rc = body_check(b, ind_patch_spec, e);
	if (rc == G_OK)
		rc = check_fixed(b, before, e);
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	struct indicator_fields f = {
		.code = pick(b, before, "code"), .name = pick(b, before, "name"),
		.name_en = pick(b, before, "name_en"), .unit = pick(b, before, "unit"),
		.display_unit = pick(b, before, "display_unit"),
		.periodicity = pick(b, before, "periodicity"),
		.price_basis = pick(b, before, "price_basis"), .parent = pick(b, before, "parent"),
		.is_key = body_has(b, "is_key") ? json_is_true(json_object_get(b, "is_key"))
						: json_is_true(json_object_get(before, "is_key")),
		.sort = body_int(b, "sort", json_integer_value(json_object_get(before, "sort"))),
	};
	if (rc == G_OK && (!f.name || !*f.name))
		rc = bad(e, "name", "指标名称不能为空", "name must not be empty");
	if (rc == G_OK)
		rc = check_fields(rq, &f, e);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_indicator_update(rq->db, id, version, &f, rq->now, e);
	if (rc == G_OK)
		after = store_indicator_get(rq->db, id);
	return api_commit_change(rq, rs, rc, "update", "indicator", rq->params[0], NULL, before,
				 after, 200, e);
}
