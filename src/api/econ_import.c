/* POST /api/v1/indicators/import: values from a statistics bureau's sheet,
 * all rows or none (api/econ_io.c does the work, shared with the CLI). */
#include <string.h>

#include "api/econ_io.h"
#include "api/handlers.h"
#include "base/buf.h"

gcode h_econ_import(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_WRITE, NULL, e);
	if (rc != G_OK)
		return rc;
	if (!rq->body_len)
		return gerr_set(e, G_ERR_INVALID, "file", "请上传Excel（.xlsx）或CSV文件",
				"upload an Excel (.xlsx) or CSV file");
	const char *dry = api_query(rq, "dry_run");
	bool dry_run = dry && strcmp(dry, "0") && strcmp(dry, "false");
	struct econ_import_ctx ctx = { api_query(rq, "region"), api_query(rq, "indicator"),
				       api_query(rq, "period") };
	struct econ_writer w = econ_writer_of(rq);
	json_t *report = NULL;
	rc = econ_import(&w, &rq->who, rq->body, rq->body_len, &ctx, dry_run, &report, e);
	return api_import_reply(rs, rc, report, e);
}

gcode h_econ_template(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_ECON_VALUE, ACT_WRITE, NULL, e);
	if (rc != G_OK)
		return rc;
	struct buf b;
	buf_init(&b, 0);
	rc = sheet_template(&econ_sheet, NULL, &b, e);
	if (rc != G_OK) {
		buf_free(&b);
		return rc;
	}
	api_attach_file(rs, &b, sheet_format_mime(SHEET_XLSX),
			"attachment; filename=\"indicator-template.xlsx\"; filename*=UTF-8''"
			"%E4%B8%BB%E8%A6%81%E7%BB%8F%E6%B5%8E%E6%8C%87%E6%A0%87%E6%A8%A1%E6%9D%BF.xlsx");
	return G_OK;
}
