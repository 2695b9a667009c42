#include "api/sheet_files.h"

#include <string.h>

gcode api_sheet_format(struct api_req *rq, enum sheet_format *fmt, struct gerror *e)
{
	const char *f = api_query(rq, "format");
	*fmt = f && !strcmp(f, "csv") ? SHEET_CSV : SHEET_XLSX;
	if (f && strcmp(f, "csv") && strcmp(f, "xlsx"))
		return gerr_set(e, G_ERR_INVALID, "format", "格式应为 xlsx 或 csv",
				"format must be xlsx or csv");
	return G_OK;
}

bool api_dry_run(struct api_req *rq)
{
	const char *dry = api_query(rq, "dry_run");
	return dry && strcmp(dry, "0") && strcmp(dry, "false");
}

gcode api_upload_present(struct api_req *rq, struct gerror *e)
{
	if (rq->body_len)
		return G_OK;
	return gerr_set(e, G_ERR_INVALID, "file", "请上传Excel（.xlsx）或CSV文件",
			"upload an Excel (.xlsx) or CSV file");
}

gcode api_send_sheet(struct api_resp *rs, gcode rc, struct buf *b, enum sheet_format fmt,
		     const char *disposition)
{
	if (rc != G_OK) {
		buf_free(b);
		return rc;
	}
	api_attach_file(rs, b, sheet_format_mime(fmt), disposition);
	return G_OK;
}
