/* The shared enterprise registry. A credit code whose check character
 * fails is kept with a warning (some real older codes fail it); one of the
 * wrong length or with characters outside the alphabet is refused. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "base/text.h"
#include "domain/credit_code.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "store/enterprises.h"
#include "store/org.h"

gcode h_enterprises_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct enterprise_query q = { 0 };
	char lo[7], hi[7];
	gcode rc = api_check(rq, RES_ENTERPRISE, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = api_paging(rq, &q.limit, &q.offset, e);
	if (rc != G_OK)
		return rc;
	api_scope_range(rq, lo, hi);
	const char *region = api_query(rq, "region");
	if (region) {
		if (!region_code_valid(region, strlen(region)))
			return gerr_set(e, G_ERR_INVALID, "region", "区划代码无效", "invalid region code");
		if (!region_covers(rq->who.region, region))
			return api_ok(rs, 200, json_pack("{s:[],s:i}", "items", "total", 0));
		region_range(region, lo, hi);
	}
	q.lo = lo;
	q.hi = hi;
	rc = api_query_text(rq, "q", 100, &q.q, e);
	if (rc == G_OK)
		rc = api_query_text(rq, "industry", 5, &q.industry, e);
	if (rc != G_OK)
		return rc;
	if (rq->who.role == ROLE_ENTERPRISE)
		q.only_id = rq->who.enterprise_id ? rq->who.enterprise_id : -1;
	json_t *out;
	rc = store_enterprise_search(rq->db, &q, &out, e);
	if (rc != G_OK)
		return rc;
	json_object_set_new(out, "page", json_integer(q.offset / q.limit + 1));
	json_object_set_new(out, "per_page", json_integer(q.limit));
	return api_ok(rs, 200, out);
}

static json_t *visible_enterprise(struct api_req *rq, enum action act, struct gerror *e,
				  gcode *rc)
{
	int64_t id;
	*rc = api_path_id(rq, 0, &id, e);
	if (*rc != G_OK)
		return NULL;
	json_t *o = store_enterprise_get(rq->db, id);
	if (!o) {
		*rc = api_not_found(e);
		return NULL;
	}
	struct obj_scope s = { .region = json_string_value(json_object_get(o, "region")),
			       .enterprise_id = id };
	*rc = api_check(rq, RES_ENTERPRISE, act, &s, e);
	if (*rc != G_OK) {
		json_decref(o);
		return NULL;
	}
	return o;
}

gcode h_enterprises_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *o = visible_enterprise(rq, ACT_READ, e, &rc);
	if (!o)
		return rc;
	api_set_etag(rs, json_integer_value(json_object_get(o, "version")));
	return api_ok(rs, 200, o);
}

static const struct field_spec ent_spec[] = {
	{ "credit_code", 's', false, true, 18, "统一社会信用代码" },
	{ "name", 's', true, false, 100, "企业名称" },
	{ "region", 's', true, false, 6, "所属区划" },
	{ "industry", 's', false, true, 5, "国民经济行业分类" },
	{ 0 },
};

static const struct field_spec ent_patch_spec[] = {
	{ "credit_code", 's', false, true, 18, "统一社会信用代码" },
	{ "name", 's', false, false, 100, "企业名称" },
	{ "region", 's', false, false, 6, "所属区划" },
	{ "industry", 's', false, true, 5, "国民经济行业分类" },
	{ 0 },
};

/* Validated, normalised fields of an enterprise; warnings appended. */
struct ent_input {
	struct enterprise_fields f;
	char code[19];
	char industry[INDUSTRY_CODE_MAX + 1];
	json_t *warnings;
};

static gcode check_code(struct ent_input *in, const char *code, struct gerror *e)
{
	size_t n = strlen(code), bad = 0;
	if (n != 18) {
		return gerr_set(e, G_ERR_INVALID, "credit_code", "统一社会信用代码应为18位",
				"the credit code must have 18 characters");
	}
	memcpy(in->code, code, 18);
	in->code[18] = '\0';
	credit_code_normalize(in->code, 18);
	enum cc_result r = credit_code_check(in->code, 18, &bad);
	if (r == CC_BAD_LENGTH)
		return gerr_set(e, G_ERR_INVALID, "credit_code", credit_code_result_zh(r),
				credit_code_result_en(r));
	if (r == CC_BAD_CHAR) {
		char zh[160], en[160];
		snprintf(zh, sizeof zh, "统一社会信用代码第%zu位字符无效", bad + 1);
		snprintf(en, sizeof en, "the credit code has an invalid character at position %zu",
			 bad + 1);
		return gerr_set(e, G_ERR_INVALID, "credit_code", zh, en);
	}
	in->f.credit_code = in->code;
	in->f.credit_code_valid = r == CC_OK;
	if (r == CC_BAD_CHECK)
		json_array_append_new(in->warnings,
				      json_pack("{s:s,s:s,s:s}", "field", "credit_code", "message_zh",
						"统一社会信用代码校验位不符，请核对（已保存）",
						"message_en",
						"the credit code's check character does not match: please verify (saved)"));
	return G_OK;
}

static gcode check_input(struct api_req *rq, struct ent_input *in, struct gerror *e)
{
	const char *code = in->f.credit_code;
	in->f.credit_code_valid = 1;
	if (code && *code) {
		gcode rc = check_code(in, code, e);
		if (rc != G_OK)
			return rc;
	} else {
		in->f.credit_code = NULL;
	}
	if (in->f.industry && *in->f.industry) { /* stored with its section letter: 3670 -> C3670 */
		if (!industry_normalize(in->f.industry, strlen(in->f.industry), in->industry))
			return gerr_set(e, G_ERR_INVALID, "industry", "行业代码不符合GB/T 4754-2017",
					"the industry code is not a GB/T 4754-2017 code");
		in->f.industry = in->industry;
	}
	if (in->f.industry && !*in->f.industry)
		in->f.industry = NULL;
	json_t *r = store_region_get(rq->db, in->f.region);
	bool known = r != NULL;
	json_decref(r);
	if (!known)
		return gerr_set(e, G_ERR_INVALID, "region", "所属区划不存在", "no such region");
	struct obj_scope s = { .region = in->f.region };
	gcode rc = api_check(rq, RES_ENTERPRISE, ACT_WRITE, &s, e);
	if (rc == G_ERR_NOTFOUND)
		return gerr_set(e, G_ERR_INVALID, "region", "所属区划不在您的管辖范围内",
				"the region is outside your scope");
	return rc;
}

static gcode respond(struct api_resp *rs, int status, json_t *obj, struct ent_input *in)
{
	if (json_array_size(in->warnings))
		json_object_set(obj, "warnings", in->warnings);
	json_decref(in->warnings);
	api_set_etag(rs, json_integer_value(json_object_get(obj, "version")));
	return api_ok(rs, status, obj);
}

gcode h_enterprises_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ENTERPRISE, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, ent_spec, e);
	if (rc != G_OK)
		return rc;
	struct ent_input in = { .warnings = json_array() };
	in.f.credit_code = body_str(rq->json, "credit_code");
	in.f.name = body_str(rq->json, "name");
	in.f.region = body_str(rq->json, "region");
	in.f.industry = body_str(rq->json, "industry");
	rc = check_input(rq, &in, e);
	int64_t id = 0;
	struct actor a = api_actor(rq);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_enterprise_insert(rq->db, &in.f, rq->now, &id, e);
	json_t *after = rc == G_OK ? store_enterprise_get(rq->db, id) : NULL;
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "create", "enterprise", oid, in.f.region, NULL, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	if (rc != G_OK) {
		json_decref(after);
		json_decref(in.warnings);
		return rc;
	}
	return respond(rs, 201, after, &in);
}

static const char *pick(const json_t *b, const json_t *cur, const char *name)
{
	return body_has(b, name) ? body_str(b, name) : json_string_value(json_object_get(cur, name));
}

gcode h_enterprises_update(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *before = visible_enterprise(rq, ACT_WRITE, e, &rc);
	if (!before)
		return rc;
	int64_t version = 0, id = json_integer_value(json_object_get(before, "id"));
	struct ent_input in = { .warnings = json_array() };
	json_t *after = NULL;
	rc = body_check(rq->json, ent_patch_spec, e);
	if (rc == G_OK && body_has(rq->json, "name") && !*body_str(rq->json, "name"))
		rc = gerr_set(e, G_ERR_INVALID, "name", "企业名称不能为空", "name must not be empty");
	if (rc == G_OK)
		rc = api_if_match(rq, &version, e);
	if (rc == G_OK) {
		in.f.credit_code = pick(rq->json, before, "credit_code");
		in.f.name = pick(rq->json, before, "name");
		in.f.region = pick(rq->json, before, "region");
		in.f.industry = pick(rq->json, before, "industry");
		rc = check_input(rq, &in, e);
	}
	struct actor a = api_actor(rq);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_enterprise_update(rq->db, id, version, &in.f, rq->now, e);
	if (rc == G_OK)
		after = store_enterprise_get(rq->db, id);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "update", "enterprise", rq->params[0], in.f.region,
				  before, after, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(before);
	if (rc != G_OK) {
		json_decref(after);
		json_decref(in.warnings);
		return rc;
	}
	return respond(rs, 200, after, &in);
}
