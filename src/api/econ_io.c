#include "api/econ_io.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "domain/econ_catalog.h"
#include "domain/proj_date.h"
#include "domain/region.h"
#include "store/econ.h"
#include "store/org.h"

enum { A_NAME, A_UNIT, A_MONTH, A_CUM, A_GROWTH, A_NOTE, A_N };
enum { B_REGION, B_MONTH, B_CUM, B_GROWTH, B_NOTE, B_N };

#define CUM_NAMES "累计", "本年累计", "累计值", "累计/绝对值", "累计/数值", "自年初累计", "1-本月"
#define GROWTH_NAMES                                                                       \
	"同比增长", "累计增长", "增速", "同比增速", "累计/同比增长", "累计/增长", "累计/增速", \
		"比上年同期增长"
#define MONTH_NAMES "本月", "当月", "本月/绝对值", "当月/绝对值", "本月/数值"
#define NOTE_NAMES "备注", "说明", "修订说明"

static const char *const unit_choices[] = { "亿元", "万元", "元", "万美元", "美元", "人", "户", "个",
					    NULL };
static const struct sheet_col cols_a[A_N] = {
	[A_NAME] = { "indicator", { "指标", "指标名称", "主要指标", "项目" }, true, SHEET_FMT_TEXT, 0,
		     "示例：地区生产总值",
		     "指标名称，如 地区生产总值、规上工业总产值、固定资产投资；示例行导入时跳过 (indicator name; "
		     "the example row is skipped)",
		     NULL },
	[A_UNIT] = { "unit", { "单位", "计量单位" }, false, SHEET_FMT_TEXT, 0, "亿元",
		     "累计值的单位；空则按表头或指标默认单位 (unit of the value)", unit_choices },
	[A_MONTH] = { "month", { MONTH_NAMES }, false, SHEET_FMT_DECIMAL, 2, NULL,
		      "当月数，仅供核对，可不填 (this month alone, optional)", NULL },
	[A_CUM] = { "cumulative", { CUM_NAMES }, true, SHEET_FMT_DECIMAL, 2, "427.8",
		    "本年累计值，必填；空或“—”的行跳过 (year to date, required)", NULL },
	[A_GROWTH] = { "growth", { GROWTH_NAMES }, false, SHEET_FMT_DECIMAL, 1, "8.4",
		       "统计部门发布的同比增长（%），如 8.4 或 -2.9 (published growth, %)", NULL },
	[A_NOTE] = { "note", { NOTE_NAMES }, false, SHEET_FMT_TEXT, 0, NULL,
		     "累计数回落或修订已发布数据时说明原因 (why a figure is revised)", NULL },
};
const struct sheet_schema econ_sheet = { "主要经济指标", cols_a, A_N, 2, false };

static const struct sheet_col cols_b[B_N] = {
	[B_REGION] = { "region", { "地区", "县（市）区", "县(市)区", "区县", "县市区", "单位", "区域", "地区名称" },
		       true, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
	[B_MONTH] = { "month", { MONTH_NAMES }, false, SHEET_FMT_DECIMAL, 2, NULL, NULL, NULL },
	[B_CUM] = { "cumulative", { CUM_NAMES }, true, SHEET_FMT_DECIMAL, 2, NULL, NULL, NULL },
	[B_GROWTH] = { "growth", { GROWTH_NAMES }, false, SHEET_FMT_DECIMAL, 1, NULL, NULL, NULL },
	[B_NOTE] = { "note", { NOTE_NAMES }, false, SHEET_FMT_TEXT, 0, NULL, NULL, NULL },
};
static const struct sheet_schema sheet_b = { "分地区指标", cols_b, B_N, 2, false };

#define MAX_LISTED 200

struct st {
	const struct econ_writer *w;
	const struct principal *who;
	json_t *catalog;  /* [Indicator] */
	json_t *regions;  /* name or code -> code, every region */
	json_t *seen;     /* "region|indicator" of rows already read */
	json_t *errors, *warnings;
	int64_t rows, created, updated, unchanged, skipped, error_count;
	bool layout_b;
	struct sheet_map map;
	char region[7];
	json_t *ind_row; /* layout B's indicator */
	struct econ_period period;
};

static void row_msg(struct st *st, json_t *list, bool is_error, size_t row, int col,
		    const char *field, const char *zh, const char *en)
{
	if (is_error)
		st->error_count++;
	if (json_array_size(list) >= MAX_LISTED)
		return;
	char ref[16] = "";
	if (col >= 0)
		sheet_col_name((size_t)col, ref);
	json_array_append_new(list, json_pack("{s:I,s:s,s:s,s:s,s:s}", "row", (json_int_t)row,
					      "column", ref, "field", field, "message_zh", zh,
					      "message_en", en));
}

static void row_error(struct st *st, size_t row, int col, const char *field, const char *zh,
		      const char *en)
{
	row_msg(st, st->errors, true, row, col, field, zh, en);
}

static int col_of(const struct st *st, int a, int b)
{
	return st->map.col[st->layout_b ? b : a];
}

/* The cell of a column of either layout. */
static const struct sheet_cell *cell(const struct st *st, const struct sheet_row *row, int a,
				     int b)
{
	return sheet_map_cell(&st->map, row, (size_t)(st->layout_b ? b : a));
}

/* Region names (districts) and codes, all of them: scope is checked per row. */
static gcode load_lookups(struct st *st, struct gerror *e)
{
	json_t *all = NULL;
	gcode rc = store_region_list(st->w->db, &all, e);
	if (rc != G_OK)
		return rc;
	st->regions = json_object();
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(all, "items"), i, r) {
		const char *code = json_string_value(json_object_get(r, "code"));
		json_object_set_new(st->regions, code, json_string(code));
		json_object_set_new(st->regions, json_string_value(json_object_get(r, "name")),
				    json_string(code));
	}
	json_decref(all);
	st->catalog = store_indicator_list(st->w->db);
	return st->catalog ? G_OK : gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
}

/* The indicator a label names: catalog name, alias, or code. */
static const json_t *find_indicator(const struct st *st, const char *label)
{
	const char *alias = econ_alias_code(label);
	size_t i;
	const json_t *r;
	json_array_foreach(st->catalog, i, r) {
		const char *name = json_string_value(json_object_get(r, "name"));
		const char *code = json_string_value(json_object_get(r, "code"));
		if (!strcmp(name, label) || !strcmp(code, label) || (alias && !strcmp(code, alias)))
			return r;
	}
	return NULL;
}

/* The longest key of map (or catalog name) contained in title. */
static const char *longest_in(const json_t *obj, const json_t *arr, const char *title)
{
	const char *best = NULL;
	size_t best_len = 0, i;
	const char *key;
	json_t *v;
	if (obj)
		json_object_foreach((json_t *)obj, key, v)
			if (strlen(key) > best_len && strlen(key) > 3 && strstr(title, key)) {
				best = json_string_value(v);
				best_len = strlen(key);
			}
	if (arr)
		json_array_foreach(arr, i, v) {
			const char *name = json_string_value(json_object_get(v, "name"));
			if (strlen(name) > best_len && strstr(title, name)) {
				best = json_string_value(json_object_get(v, "code"));
				best_len = strlen(name);
			}
		}
	return best;
}

/* The text of the rows above the header (the title). */
static void title_of(const struct sheet *sh, size_t header_index, struct buf *out)
{
	for (size_t r = 0; r < header_index && r < sh->nrows; r++)
		for (size_t c = 0; c < sh->rows[r].n; c++)
			buf_append(out, sh->rows[r].cells[c].s, sh->rows[r].cells[c].len);
}

static gcode ctx_error(struct gerror *e, const char *field, const char *zh, const char *en)
{
	return gerr_set(e, G_ERR_INVALID, field, zh, en);
}

/* Period, region (A) and indicator (B) from the context or the title. */
static gcode resolve_context(struct st *st, const struct econ_import_ctx *ctx, const char *title,
			     struct gerror *e)
{
	if (ctx->period && *ctx->period) {
		enum econ_period_error pe = econ_period_parse(ctx->period, &st->period, NULL);
		if (pe != EPERIOD_OK)
			return ctx_error(e, "period", econ_period_error_zh(pe), econ_period_error_en(pe));
	} else if (!econ_period_from_title(title, &st->period, NULL)) {
		return ctx_error(e, "period", "未指定期别，表头标题中也未找到（如“2023年1-6月”）",
				 "no period given and none found in the title (such as 2023年1-6月)");
	}
	int32_t today = (int32_t)((st->w->now + 8 * 3600) / 86400);
	struct econ_period now = { proj_date_year(today), proj_date_month(today) };
	if (econ_period_index(st->period) > econ_period_index(now))
		return ctx_error(e, "period", "不能导入尚未到来的期别",
				 "a period that has not begun yet cannot be imported");
	if (!st->layout_b) {
		const char *r = ctx->region && *ctx->region ? ctx->region
							    : longest_in(st->regions, NULL, title);
		const char *code = r ? json_string_value(json_object_get(st->regions, r)) : NULL;
		if (!code)
			return ctx_error(e, "region", "未指定地区，标题中也未找到",
					 "no region given and none found in the title");
		if (st->who && !region_covers(st->who->region, code))
			return gerr_set(e, G_ERR_NOTFOUND, "region", "地区不在您的管辖范围内",
					"the region is outside your scope");
		snprintf(st->region, sizeof st->region, "%s", code);
		return G_OK;
	}
	const char *ind = ctx->indicator && *ctx->indicator ? ctx->indicator
							    : longest_in(NULL, st->catalog, title);
	const json_t *row = ind ? find_indicator(st, ind) : NULL;
	if (!row)
		return ctx_error(e, "indicator", "未指定指标，标题中也未找到",
				 "no indicator given and none found in the title");
	st->ind_row = json_incref((json_t *)row);
	return G_OK;
}

/* Finds the header of either layout. */
static gcode map_layout(struct st *st, const struct sheet *sh, size_t *data_index,
			struct gerror *e)
{
	struct gerror ea, eb;
	gerr_clear(&ea);
	gerr_clear(&eb);
	size_t n = sh->nrows < SHEET_HEADER_SCAN ? sh->nrows : SHEET_HEADER_SCAN;
	if (sheet_map_rows(sh->rows, n, &econ_sheet, &st->map, data_index, &ea) == G_OK)
		return G_OK;
	if (sheet_map_rows(sh->rows, n, &sheet_b, &st->map, data_index, &eb) == G_OK) {
		st->layout_b = true;
		return G_OK;
	}
	return ctx_error(e, "file",
			 "未找到表头：单地区表应有“指标”“累计”列，分地区表应有“地区”“累计”列",
			 "no header found: a one-region sheet has 指标 and 累计 columns, a "
			 "by-region sheet 地区 and 累计");
}

/* The display unit of a row: 单位 column, the label's bracket, the
 * header of 累计, else the indicator's own. */
static int row_unit(const struct st *st, const struct sheet_row *row, const char *label_unit,
		    const struct econ_ind *ind)
{
	const struct sheet_cell *u = st->layout_b ? NULL : cell(st, row, A_UNIT, 0);
	if (u && !econ_cell_blank(u->s, u->len))
		return econ_display_from_zh(u->s, u->len);
	if (label_unit && *label_unit)
		return econ_display_from_zh(label_unit, strlen(label_unit));
	const char *h = st->map.unit[st->layout_b ? B_CUM : A_CUM];
	if (*h)
		return econ_display_from_zh(h, strlen(h));
	return econ_display_from_code(ind->display_unit);
}

/* The region and indicator of a row; false when the row is skipped or wrong. */
static bool row_subject(struct st *st, const struct sheet_row *row, char region[7],
			const json_t **ind_row, char *label_unit, size_t cap)
{
	char label[160];
	label_unit[0] = '\0';
	if (!st->layout_b) {
		const struct sheet_cell *c = cell(st, row, A_NAME, 0);
		snprintf(label, sizeof label, "%.*s", (int)c->len, c->s);
		econ_label_clean(label, label_unit, cap);
		*ind_row = find_indicator(st, label);
		snprintf(region, 7, "%s", st->region);
		if (!*ind_row)
			row_error(st, row->num, col_of(st, A_NAME, 0), "indicator", "未识别的指标名称",
				  "an indicator name not in the catalog");
		return *ind_row != NULL;
	}
	const struct sheet_cell *c = cell(st, row, 0, B_REGION);
	snprintf(label, sizeof label, "%.*s", (int)c->len, c->s);
	econ_label_clean(label, label_unit, cap);
	*ind_row = st->ind_row;
	const char *code = json_string_value(json_object_get(st->regions, label));
	if (!code && (strstr(label, "合计") || strstr(label, "总计") || strstr(label, "全市"))) {
		st->skipped++;
		return false;
	}
	if (!code) {
		row_error(st, row->num, col_of(st, 0, B_REGION), "region", "区划不存在",
			  "no such region");
		return false;
	}
	if (st->who && !region_covers(st->who->region, code)) { /* other districts' rows */
		st->skipped++;
		row_msg(st, st->warnings, false, row->num, col_of(st, 0, B_REGION), "region",
			"不在您的管辖范围内，已跳过", "outside your scope: skipped");
		return false;
	}
	snprintf(region, 7, "%s", code);
	return true;
}

/* Value and growth of a row in base units; false (reported) when wrong,
 * *blank when the row has no value. */
static bool row_figures(struct st *st, const struct sheet_row *row, const struct econ_ind *ind,
			int disp, struct econ_input *in, bool *blank)
{
	const struct sheet_cell *v = cell(st, row, A_CUM, B_CUM), *g = cell(st, row, A_GROWTH, B_GROWTH);
	enum econ_unit base;
	int64_t factor;
	*blank = econ_cell_blank(v->s, v->len);
	if (*blank)
		return false;
	if (disp < 0 || !econ_display_scale((enum econ_display)disp, &base, &factor) ||
	    strcmp(econ_unit_code(base), ind->unit)) {
		row_error(st, row->num, col_of(st, A_UNIT, B_CUM), "unit", "单位缺失或与该指标不符",
			  "the unit is missing or does not fit the indicator");
		return false;
	}
	if (!econ_parse_scaled(v->s, v->len, factor, &in->value)) {
		row_error(st, row->num, col_of(st, A_CUM, B_CUM), "value", "累计值应为非负数",
			  "the year-to-date value must be a non-negative number");
		return false;
	}
	in->has_growth = !econ_cell_blank(g->s, g->len);
	if (in->has_growth && !econ_parse_percent_bp(g->s, g->len, &in->growth_bp)) {
		row_error(st, row->num, col_of(st, A_GROWTH, B_GROWTH), "growth_bp",
			  "同比增长应为百分数（至多两位小数）", "growth is a percentage (two decimals at most)");
		return false;
	}
	return true;
}

static bool same_figures(const json_t *old, const struct econ_input *in)
{
	const json_t *g = json_object_get(old, "growth_bp");
	return json_integer_value(json_object_get(old, "value")) == in->value &&
	       json_is_integer(g) == in->has_growth &&
	       (!in->has_growth || json_integer_value(g) == in->growth_bp);
}

/* Checks and writes one value (insert or revise). */
static gcode write_row(struct st *st, const struct sheet_row *row, struct econ_input *in,
		       struct gerror *e)
{
	json_t *old = store_econ_value_find(st->w->db, in->region, in->ind->id, in->period.year,
					    in->period.month);
	gcode rc = G_OK;
	struct gerror ve;
	gerr_clear(&ve);
	const char *status = old ? json_string_value(json_object_get(old, "status")) : NULL;
	if (old && same_figures(old, in)) {
		st->unchanged++;
	} else if (old && !strcmp(status, "published") && !in->note) {
		row_error(st, row->num, col_of(st, A_CUM, B_CUM), "note", "该期数据已发布，修订须在备注列说明原因",
			  "this value is published: say why it is revised in the 备注 column");
	} else if (econ_value_check(st->w->db, in, &ve) != G_OK) {
		int col = !strcmp(ve.field, "growth_bp") ? col_of(st, A_GROWTH, B_GROWTH)
							 : col_of(st, A_CUM, B_CUM);
		row_error(st, row->num, col, ve.field, ve.zh, ve.en);
	} else if (old) {
		rc = econ_value_write_update(st->w, in, old,
					     json_integer_value(json_object_get(old, "version")), "import", e);
		st->updated += rc == G_OK;
	} else {
		int64_t id = 0;
		rc = econ_value_write_new(st->w, in, "import", &id, e);
		st->created += rc == G_OK;
	}
	json_decref(old);
	return rc;
}

/* Reads one data row; returns a database error only. */
static gcode import_row(struct st *st, const struct sheet_row *row, struct gerror *e)
{
	char region[7], label_unit[24], key[64];
	const json_t *ind_row = NULL;
	struct econ_ind ind;
	st->rows++;
	if (!row_subject(st, row, region, &ind_row, label_unit, sizeof label_unit) ||
	    !econ_ind_of(ind_row, &ind))
		return G_OK;
	const struct sheet_cell *note = cell(st, row, A_NOTE, B_NOTE);
	char note_buf[512];
	snprintf(note_buf, sizeof note_buf, "%.*s", (int)note->len, note->s);
	struct econ_input in = { .region = region, .ind = &ind, .period = st->period,
				 .note = econ_cell_blank(note->s, note->len) ? NULL : note_buf };
	bool blank = false;
	if (!row_figures(st, row, &ind, row_unit(st, row, label_unit, &ind), &in, &blank)) {
		st->skipped += blank;
		return G_OK;
	}
	struct econ_period p = econ_period_at_or_before(st->period, ind.per, ind.merged);
	if (econ_period_check(st->period, ind.per, ind.merged) != EPERIOD_OK ||
	    p.year != st->period.year) {
		enum econ_period_error pe = econ_period_check(st->period, ind.per, ind.merged);
		row_error(st, row->num, col_of(st, A_NAME, B_REGION), "period",
			  econ_period_error_zh(pe), econ_period_error_en(pe));
		return G_OK;
	}
	snprintf(key, sizeof key, "%s|%lld", region, (long long)ind.id);
	if (json_object_get(st->seen, key)) {
		row_error(st, row->num, col_of(st, A_NAME, B_REGION), "row", "与前面的行重复",
			  "repeats an earlier row");
		return G_OK;
	}
	json_object_set_new(st->seen, key, json_true());
	return write_row(st, row, &in, e);
}

static json_t *report_json(struct st *st, bool dry_run, bool written)
{
	char period[16];
	snprintf(period, sizeof period, "%04d-%02d", st->period.year, st->period.month);
	struct econ_ind ind;
	bool has_ind = st->ind_row && econ_ind_of(st->ind_row, &ind);
	return json_pack("{s:b,s:b,s:s,s:o,s:o,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:O,s:O}", "dry_run",
			 dry_run, "committed", written, "layout",
			 st->layout_b ? "regions" : "indicators", "region",
			 st->region[0] ? json_string(st->region) : json_null(), "indicator",
			 has_ind ? json_string(ind.code) : json_null(), "period",
			 st->period.year ? period : "", "rows", (json_int_t)st->rows, "created",
			 (json_int_t)st->created, "updated", (json_int_t)st->updated, "unchanged",
			 (json_int_t)st->unchanged, "skipped", (json_int_t)st->skipped, "error_count",
			 (json_int_t)st->error_count, "errors", st->errors, "warnings", st->warnings);
}

static gcode import_sheet(struct st *st, const struct sheet *sh,
			  const struct econ_import_ctx *ctx, struct gerror *e)
{
	size_t data_index = 0;
	gcode rc = map_layout(st, sh, &data_index, e);
	struct buf title;
	buf_init(&title, 4096);
	if (rc == G_OK)
		title_of(sh, data_index - st->map.header_rows, &title);
	if (rc == G_OK)
		rc = resolve_context(st, ctx, title.p ? title.p : "", e);
	buf_free(&title);
	for (size_t r = data_index; rc == G_OK && r < sh->nrows; r++)
		if (!sheet_row_blank(&sh->rows[r]) &&
		    (st->layout_b || !sheet_map_is_example(&econ_sheet, &st->map, &sh->rows[r])))
			rc = import_row(st, &sh->rows[r], e);
	return rc;
}

static gcode audit_import(struct st *st, struct gerror *e)
{
	json_t *what = report_json(st, false, true);
	json_object_del(what, "errors");
	json_object_del(what, "warnings");
	gcode rc = audit_append(st->w->db, &st->w->actor, "import", "indicator_value", NULL,
				st->who ? st->who->region : st->region, NULL, what, e);
	json_decref(what);
	return rc;
}

gcode econ_import(const struct econ_writer *w, const struct principal *who, const void *data,
		  size_t len, const struct econ_import_ctx *ctx, bool dry_run, json_t **report,
		  struct gerror *e)
{
	struct st st = { .w = w, .who = who, .seen = json_object(), .errors = json_array(),
			 .warnings = json_array() };
	struct sheet *sh = NULL;
	*report = NULL;
	gcode rc = sheet_load(&sh, data, len, NULL, e);
	if (rc == G_OK)
		rc = load_lookups(&st, e);
	if (rc == G_OK)
		rc = db_begin(w->db, e);
	bool begun = rc == G_OK;
	if (rc == G_OK)
		rc = import_sheet(&st, sh, ctx, e);
	bool write = rc == G_OK && !dry_run && !st.error_count && st.rows;
	if (write)
		rc = audit_import(&st, e);
	if (write && rc == G_OK)
		rc = db_commit(w->db, e);
	else if (begun)
		db_rollback(w->db); /* a dry run or any bad row writes nothing */
	if (rc == G_OK || st.rows)
		*report = report_json(&st, dry_run, write && rc == G_OK);
	if (rc == G_OK && st.error_count) {
		char zh[160], en[160];
		snprintf(zh, sizeof zh, "%lld行有错误，未导入任何数据", (long long)st.error_count);
		snprintf(en, sizeof en, "%lld rows have errors: nothing was imported",
			 (long long)st.error_count);
		rc = gerr_set(e, G_ERR_INVALID, "file", zh, en);
	}
	sheet_free(sh);
	json_decref(st.catalog);
	json_decref(st.regions);
	json_decref(st.seen);
	json_decref(st.errors);
	json_decref(st.warnings);
	json_decref(st.ind_row);
	return rc;
}
