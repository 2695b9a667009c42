#include "api/enterprise_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "domain/credit_code.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "store/enterprises.h"
#include "store/org.h"

enum { COL_CODE, COL_NAME, COL_REGION, COL_INDUSTRY, NCOLS };

static const struct sheet_col cols[NCOLS] = {
	[COL_CODE] = { "credit_code", { "统一社会信用代码", "信用代码", "社会信用代码" }, false,
		       SHEET_FMT_TEXT, 0, "91220104MA0C1KX7B9",
		       "18位；校验位不符时导入并提示 (18 characters; a failing check character is warned about)",
		       NULL },
	[COL_NAME] = { "name", { "企业名称", "名称", "单位名称" }, true, SHEET_FMT_TEXT, 0,
		       "长春中凯消防车有限公司", "必填，至多100字 (required, at most 100 characters)",
		       NULL },
	[COL_REGION] = { "region", { "区划代码", "所属区划", "行政区划代码", "所属区县" }, true,
			 SHEET_FMT_TEXT, 0, "220104",
			 "6位GB/T 2260代码或区划名称，如 220104 或 朝阳区 (code or name)", NULL },
	[COL_INDUSTRY] = { "industry", { "行业代码", "国民经济行业分类", "行业" }, false,
			   SHEET_FMT_TEXT, 0, "C3663", "GB/T 4754-2017，如 C3663 或 3663", NULL },
};

const struct sheet_schema enterprise_sheet = { "企业名录", cols, NCOLS, 2, false };

#define MAX_LISTED 200

/* Valid rows wait here to be inserted ENT_BATCH at a time. */
struct pending_row {
	size_t num;
	char code[19], industry[8], name[301];
};

struct import_state {
	struct db *c;
	const struct principal *who;
	json_t *regions;   /* code -> name, and name -> code, of regions in reach */
	json_t *errors, *warnings;
	int64_t error_count, rows;
	int code_col;      /* the credit-code column, for duplicate errors */
	int n;             /* rows pending */
	struct enterprise_fields f[ENT_BATCH];
	struct pending_row p[ENT_BATCH];
};

static void row_error(struct import_state *st, size_t row, int col, const char *field,
		      const char *zh, const char *en)
{
	st->error_count++;
	if (json_array_size(st->errors) >= MAX_LISTED)
		return;
	char ref[16] = "";
	if (col >= 0)
		sheet_col_name((size_t)col, ref);
	json_array_append_new(st->errors, json_pack("{s:I,s:s,s:s,s:s,s:s}", "row", (json_int_t)row,
						    "column", ref, "field", field, "message_zh", zh,
						    "message_en", en));
}

/* Regions rows may name: code and name both map to the code. */
static gcode load_regions(struct import_state *st, struct gerror *e)
{
	json_t *all;
	gcode rc = store_region_list(st->c, &all, e);
	if (rc != G_OK)
		return rc;
	st->regions = json_object();
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(all, "items"), i, r) {
		const char *code = json_string_value(json_object_get(r, "code"));
		const char *name = json_string_value(json_object_get(r, "name"));
		if (st->who && !region_covers(st->who->region, code))
			continue;
		json_object_set_new(st->regions, code, json_string(code));
		if (region_level(code) == REGION_COUNTY) /* names of districts are unique enough */
			json_object_set_new(st->regions, name, json_string(code));
	}
	json_decref(all);
	return G_OK;
}

/* Validates one row into f (strings point into buffers of the caller). */
static bool check_row(struct import_state *st, const struct sheet_map *map,
		      const struct sheet_row *row, struct enterprise_fields *f, char code[19],
		      char industry[8])
{
	const struct sheet_cell *cc = sheet_map_cell(map, row, COL_CODE);
	const struct sheet_cell *nm = sheet_map_cell(map, row, COL_NAME);
	const struct sheet_cell *rg = sheet_map_cell(map, row, COL_REGION);
	const struct sheet_cell *in = sheet_map_cell(map, row, COL_INDUSTRY);
	bool ok = true;
	memset(f, 0, sizeof *f);
	f->credit_code_valid = 1;
	if (!nm->len || nm->len > 300) {
		row_error(st, row->num, map->col[COL_NAME], "name", "企业名称为空或过长",
			  "the name is empty or too long");
		ok = false;
	}
	f->name = nm->s;
	const char *rcode = json_string_value(json_object_get(st->regions, rg->s));
	if (!rcode) {
		row_error(st, row->num, map->col[COL_REGION], "region",
			  "区划不存在或不在您的管辖范围内", "no such region within your scope");
		ok = false;
	}
	f->region = rcode;
	if (cc->len) {
		size_t bad = 0;
		if (cc->len != 18) {
			row_error(st, row->num, map->col[COL_CODE], "credit_code",
				  "统一社会信用代码应为18位", "the credit code must have 18 characters");
			ok = false;
		} else {
			memcpy(code, cc->s, 18);
			code[18] = '\0';
			credit_code_normalize(code, 18);
			enum cc_result r = credit_code_check(code, 18, &bad);
			if (r == CC_BAD_CHAR || r == CC_BAD_LENGTH) {
				row_error(st, row->num, map->col[COL_CODE], "credit_code",
					  credit_code_result_zh(r), credit_code_result_en(r));
				ok = false;
			}
			f->credit_code = code;
			f->credit_code_valid = r == CC_OK;
			if (r == CC_BAD_CHECK && json_array_size(st->warnings) < MAX_LISTED)
				json_array_append_new(st->warnings,
					json_pack("{s:I,s:s,s:s,s:s}", "row", (json_int_t)row->num,
						  "field", "credit_code", "message_zh",
						  "校验位不符，已导入，请核对", "message_en",
						  "check character does not match: imported, please verify"));
		}
	}
	if (in->len) {
		if (!industry_normalize(in->s, in->len, industry)) {
			row_error(st, row->num, map->col[COL_INDUSTRY], "industry",
				  "行业代码不符合GB/T 4754-2017", "not a GB/T 4754-2017 industry code");
			ok = false;
		}
		f->industry = industry;
	}
	return ok;
}

/* Inserts the pending rows; a taken credit code is a row error. */
static gcode flush_rows(struct import_state *st, int64_t now, struct gerror *e)
{
	bool dup[ENT_BATCH];
	gcode rc = store_enterprise_insert_batch(st->c, st->f, st->n, now, dup, e);
	for (int i = 0; rc == G_OK && i < st->n; i++)
		if (dup[i])
			row_error(st, st->p[i].num, st->code_col, "credit_code",
				  "统一社会信用代码已登记（库中或本文件前面的行）",
				  "credit code already registered (in the registry or earlier in this file)");
	st->n = 0;
	return rc;
}

/* Queues a checked row, copying what points into the reader's buffers. */
static gcode queue_row(struct import_state *st, const struct sheet_row *row,
		       const struct enterprise_fields *f, int64_t now, struct gerror *e)
{
	struct pending_row *p = &st->p[st->n];
	struct enterprise_fields *q = &st->f[st->n];
	*q = *f;
	p->num = row->num;
	snprintf(p->name, sizeof p->name, "%s", f->name);
	q->name = p->name;
	if (f->credit_code)
		q->credit_code = memcpy(p->code, f->credit_code, sizeof p->code);
	if (f->industry)
		q->industry = memcpy(p->industry, f->industry, sizeof p->industry);
	return ++st->n == ENT_BATCH ? flush_rows(st, now, e) : G_OK;
}

/* Batches report duplicates late: errors are put back in row order. */
static int by_row(const void *a, const void *b)
{
	json_int_t x = json_integer_value(json_object_get(*(json_t *const *)a, "row"));
	json_int_t y = json_integer_value(json_object_get(*(json_t *const *)b, "row"));
	return (x > y) - (x < y);
}

static void sort_by_row(json_t *list)
{
	size_t n = json_array_size(list);
	json_t **v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(list, i));
	qsort(v, n, sizeof *v, by_row);
	json_array_clear(list);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, v[i]);
	free(v);
}

/* Reads, checks and inserts every row; the caller's transaction decides. */
static gcode import_rows(struct import_state *st, struct sheet_reader *r, struct gerror *e)
{
	struct sheet_map map;
	gcode rc = sheet_map_header(r, &enterprise_sheet, &map, e);
	int64_t now = (int64_t)time(NULL);
	const struct sheet_row *row;
	st->code_col = rc == G_OK ? map.col[COL_CODE] : -1;
	while (rc == G_OK && (rc = sheet_reader_next(r, &row, e)) == G_OK && row) {
		if (sheet_row_blank(row) || sheet_map_is_example(&enterprise_sheet, &map, row))
			continue;
		st->rows++;
		struct enterprise_fields f;
		char code[19], industry[8];
		if (check_row(st, &map, row, &f, code, industry))
			rc = queue_row(st, row, &f, now, e);
	}
	if (rc == G_OK && st->n)
		rc = flush_rows(st, now, e);
	sort_by_row(st->errors);
	return rc;
}

static json_t *report_json(struct import_state *st, bool dry_run, bool written)
{
	return json_pack("{s:b,s:b,s:I,s:I,s:I,s:O,s:O}", "dry_run", dry_run, "committed", written,
			 "rows", (json_int_t)st->rows,
			 "created", (json_int_t)(written ? st->rows : 0), "error_count",
			 (json_int_t)st->error_count, "errors", st->errors, "warnings", st->warnings);
}

gcode enterprise_import(struct db *c, const struct actor *a, const struct principal *who,
			const void *data, size_t len, bool dry_run, json_t **report,
			struct gerror *e)
{
	struct import_state st = { .c = c, .who = who, .errors = json_array(),
				   .warnings = json_array() };
	struct sheet_reader *r = NULL;
	int64_t before = 0, first = 0, last = 0;
	*report = NULL;
	gcode rc = sheet_reader_new(&r, data, len, NULL, e);
	if (rc == G_OK)
		rc = load_regions(&st, e);
	if (rc == G_OK)
		rc = db_begin(c, e);
	if (rc == G_OK)
		rc = store_enterprise_bulk_begin(c, (int64_t)(len / 64), e); /* ~rows */
	if (rc == G_OK)
		rc = store_enterprise_max_id(c, &before, e);
	if (rc == G_OK)
		rc = import_rows(&st, r, e);
	bool write = rc == G_OK && !dry_run && !st.error_count && st.rows;
	if (write)
		rc = store_enterprise_bulk_end(c, (int64_t)(len / 64), e);
	if (write && rc == G_OK) /* ids only grow: the new rows are those above */
		rc = store_enterprise_ids_above(c, before, &first, &last, e);
	if (write && rc == G_OK) {
		json_t *what = json_pack("{s:I,s:I,s:I,s:s}", "rows", (json_int_t)st.rows,
					 "first_id", (json_int_t)first, "last_id", (json_int_t)last,
					 "format", sheet_reader_format(r) == SHEET_XLSX ? "xlsx" : "csv");
		rc = audit_append(c, a, "import", "enterprise", NULL, who ? who->region : NULL, NULL,
				  what, e);
		json_decref(what);
	}
	if (write && rc == G_OK)
		rc = db_commit(c, e);
	else
		db_rollback(c); /* a dry run or any bad row writes nothing */
	if (!write || rc != G_OK)
		store_enterprise_bulk_cancel(c);
	if (rc == G_OK || st.rows)
		*report = report_json(&st, dry_run, write && rc == G_OK);
	if (rc == G_OK && st.error_count) {
		char zh[160], en[160];
		snprintf(zh, sizeof zh, "%lld行有错误，未导入任何数据", (long long)st.error_count);
		snprintf(en, sizeof en, "%lld rows have errors: nothing was imported",
			 (long long)st.error_count);
		rc = gerr_set(e, G_ERR_INVALID, "file", zh, en);
	}
	sheet_reader_free(r);
	json_decref(st.regions);
	json_decref(st.errors);
	json_decref(st.warnings);
	return rc;
}

struct export_state {
	struct sheet_writer *w;
	int64_t left;
};

static bool export_row(void *arg, const json_t *it)
{
	struct export_state *x = arg;
	const char *code = json_string_value(json_object_get(it, "credit_code"));
	const char *ind = json_string_value(json_object_get(it, "industry"));
	sheet_put_text(x->w, code ? code : "");
	sheet_put_text(x->w, json_string_value(json_object_get(it, "name")));
	sheet_put_text(x->w, json_string_value(json_object_get(it, "region")));
	sheet_put_text(x->w, ind ? ind : "");
	sheet_end_row(x->w);
	return --x->left > 0;
}

gcode enterprise_export(struct db *c, const char *lo, const char *hi, enum sheet_format fmt,
			int64_t max_rows, struct buf *out, struct gerror *e)
{
	struct sheet_writer *w = NULL;
	gcode rc = sheet_writer_new(&w, fmt, NULL, e);
	if (rc != G_OK)
		return rc;
	sheet_writer_begin(w, "企业名录", "企业名录 Enterprise registry", cols, NCOLS);
	struct export_state x = { w, max_rows };
	rc = store_enterprise_scan(c, lo, hi, export_row, &x, e);
	if (rc == G_OK)
		rc = sheet_writer_finish(w, out, e);
	sheet_writer_free(w);
	return rc;
}
