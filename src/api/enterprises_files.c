/* POST /api/v1/enterprises/import, GET /api/v1/enterprises/export and
 * GET /api/v1/enterprises/template: the registry in and out of Excel. */
#include <stdio.h>
#include <string.h>

#include "api/enterprise_io.h"
#include "api/handlers.h"
#include "domain/region.h"

#define EXPORT_MAX_ROWS 100000

static gcode format_param(struct api_req *rq, enum sheet_format *fmt, struct gerror *e)
{
	const char *f = api_query(rq, "format");
	*fmt = SHEET_XLSX;
	if (!f || !strcmp(f, "xlsx"))
		return G_OK;
	if (!strcmp(f, "csv")) {
		*fmt = SHEET_CSV;
		return G_OK;
	}
	return gerr_set(e, G_ERR_INVALID, "format", "格式应为 xlsx 或 csv", "format must be xlsx or csv");
}

gcode h_enterprises_import(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ENTERPRISE, ACT_WRITE, NULL, e);
	if (rc != G_OK)
		return rc;
	if (!rq->body_len)
		return gerr_set(e, G_ERR_INVALID, "file", "请上传Excel（.xlsx）或CSV文件",
				"upload an Excel (.xlsx) or CSV file");
	const char *dry = api_query(rq, "dry_run");
	bool dry_run = dry && strcmp(dry, "0") && strcmp(dry, "false");
	struct actor a = api_actor(rq);
	json_t *report = NULL;
	rc = enterprise_import(rq->db, &a, &rq->who, rq->body, rq->body_len, dry_run, &report, e);
	return api_import_reply(rs, rc, report, e);
}

gcode h_enterprises_export(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	enum sheet_format fmt;
	char lo[7], hi[7];
	gcode rc = api_check(rq, RES_ENTERPRISE, ACT_READ, NULL, e);
	if (rc == G_OK && rq->who.role == ROLE_ENTERPRISE)
		rc = gerr_set(e, G_ERR_FORBIDDEN, NULL, "企业联系人不能导出企业名录",
			      "an enterprise contact may not export the registry");
	if (rc == G_OK)
		rc = format_param(rq, &fmt, e);
	if (rc != G_OK)
		return rc;
	api_scope_range(rq, lo, hi);
	const char *region = api_query(rq, "region");
	if (region) {
		if (!region_code_valid(region, strlen(region)) || !region_covers(rq->who.region, region))
			return gerr_set(e, G_ERR_INVALID, "region", "区划代码无效或不在您的管辖范围内",
					"invalid region, or outside your scope");
		region_range(region, lo, hi);
	}
	struct buf b;
	buf_init(&b, 0);
	rc = enterprise_export(rq->db, lo, hi, fmt, EXPORT_MAX_ROWS, &b, e);
	if (rc != G_OK) {
		buf_free(&b);
		return rc;
	}
	api_attach_file(rs, &b, sheet_format_mime(fmt),
		    fmt == SHEET_XLSX ? "attachment; filename=\"enterprises.xlsx\"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95.xlsx"
				      : "attachment; filename=\"enterprises.csv\"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95.csv");
	return G_OK;
}

gcode h_enterprises_template(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ENTERPRISE, ACT_WRITE, NULL, e);
	if (rc != G_OK)
		return rc;
	struct buf b;
	buf_init(&b, 0);
	rc = sheet_template(&enterprise_sheet, NULL, &b, e);
	if (rc != G_OK) {
		buf_free(&b);
		return rc;
	}
	api_attach_file(rs, &b, sheet_format_mime(SHEET_XLSX),
		    "attachment; filename=\"enterprise-template.xlsx\"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
	return G_OK;
}
