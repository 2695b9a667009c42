/* The driver shared by the projects imports: one transaction around every
 * row, errors naming row and column, and the cell readers (amounts in the
 * header's unit, Chinese dates, trimmed text). */
#include <stdio.h>
#include <string.h>

#include "api/projects_io_internal.h"
#include "base/text.h"
#include "domain/proj_amount.h"
#include "domain/proj_date.h"
#include "domain/region.h"
#include "store/org.h"

#define MAX_LISTED 200

static void add_error(struct pio *st, int col, const char *field, const char *zh, const char *en)
{
	st->error_count++;
	if (json_array_size(st->errors) >= MAX_LISTED)
		return;
	char ref[16] = "";
	int sc = col >= 0 ? st->map.col[col] : -1;
	if (sc >= 0)
		sheet_col_name((size_t)sc, ref);
	json_array_append_new(st->errors,
			      json_pack("{s:I,s:s,s:s,s:s,s:s}", "row", (json_int_t)st->row->num,
					"column", ref, "field", field, "message_zh", zh, "message_en",
					en));
}

/* The column's header, for messages: "总投资（万元）". */
static const char *col_title(const struct pio *st, int col)
{
	return col >= 0 ? st->schema->cols[col].names[0] : "";
}

void pio_error(struct pio *st, int col, const char *field, const char *zh, const char *en)
{
	char z[400], n[400];
	if (col < 0) {
		add_error(st, col, field, zh, en);
		return;
	}
	snprintf(z, sizeof z, "%s：%s", col_title(st, col), zh);
	snprintf(n, sizeof n, "%s: %s", st->schema->cols[col].key, en);
	add_error(st, col, field, z, n);
}

void pio_error_from(struct pio *st, int col, const struct gerror *g)
{
	pio_error(st, col, g->field[0] ? g->field : "row", g->zh, g->en);
}

void pio_warn(struct pio *st, const char *field, const char *zh, const char *en)
{
	if (json_array_size(st->warnings) < MAX_LISTED)
		json_array_append_new(st->warnings,
				      json_pack("{s:I,s:s,s:s,s:s}", "row",
						(json_int_t)(st->row ? st->row->num : st->map.header_row), "field",
						field, "message_zh", zh, "message_en", en));
}

static bool ascii_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Bytes of the blank (ASCII or U+3000) at the start, or the end, of p[0..n). */
static size_t blank_head(const char *p, size_t n)
{
	if (n && ascii_blank(*p))
		return 1;
	return n >= 3 && !memcmp(p, "\xe3\x80\x80", 3) ? 3 : 0;
}

static size_t blank_tail(const char *p, size_t n)
{
	if (n && ascii_blank(p[n - 1]))
		return 1;
	return n >= 3 && !memcmp(p + n - 3, "\xe3\x80\x80", 3) ? 3 : 0;
}

const char *pio_text(struct pio *st, int col, char *out, size_t cap)
{
	const struct sheet_cell *c = sheet_map_cell(&st->map, st->row, (size_t)col);
	const char *p = c->s;
	size_t n = c->len, k;
	for (k = blank_head(p, n); k; k = blank_head(p, n)) {
		p += k;
		n -= k;
	}
	for (k = blank_tail(p, n); k; k = blank_tail(p, n))
		n -= k;
	if (n >= cap)
		n = cap - 1; /* callers check lengths against the cell first */
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

const char *pio_text_max(struct pio *st, int col, char *out, size_t cap, long max)
{
	const struct sheet_cell *c = sheet_map_cell(&st->map, st->row, (size_t)col);
	if (c->len >= cap || text_utf8_len(c->s, c->len) > max) {
		char zh[120], en[120];
		snprintf(zh, sizeof zh, "内容过长（至多%ld字）", max);
		snprintf(en, sizeof en, "too long (at most %ld characters)", max);
		pio_error(st, col, st->schema->cols[col].key, zh, en);
		return NULL;
	}
	return *pio_text(st, col, out, cap) ? out : NULL;
}

void pio_scope_range(const struct pio *st, char lo[7], char hi[7])
{
	if (st->w->cli) {
		memcpy(lo, "000000", 7);
		memcpy(hi, "999999", 7);
	} else {
		region_range(st->rq->who.region, lo, hi);
	}
}

/* The unit a header names, or -1 for one we do not know. */
static int header_unit(const char *u)
{
	if (!*u || !strcmp(u, "万元") || !strcmp(u, "万"))
		return PUNIT_WAN;
	if (!strcmp(u, "亿元") || !strcmp(u, "亿"))
		return PUNIT_YI;
	return !strcmp(u, "元") ? PUNIT_YUAN : -1;
}

int pio_amount(struct pio *st, int col, const char *field, int64_t *yuan)
{
	const struct sheet_cell *c = sheet_map_cell(&st->map, st->row, (size_t)col);
	int unit = header_unit(st->map.unit[col]);
	enum proj_amount_error r = proj_amount_parse(c->s, c->len, (enum proj_unit)unit, yuan);
	if (r == PAMT_OK)
		return 1;
	if (r == PAMT_EMPTY)
		return 0;
	char zh[200], en[200];
	snprintf(zh, sizeof zh, "金额“%.60s”无效：%s", c->s, proj_amount_error_zh(r));
	snprintf(en, sizeof en, "invalid amount \"%.60s\": %s", c->s, proj_amount_error_en(r));
	pio_error(st, col, field, zh, en);
	return -1;
}

int pio_date(struct pio *st, int col, const char *field, char iso[11])
{
	const struct sheet_cell *c = sheet_map_cell(&st->map, st->row, (size_t)col);
	int32_t d;
	char tmp[8];
	iso[0] = '\0';
	if (!*pio_text(st, col, tmp, sizeof tmp))
		return 0;
	enum proj_date_error r = PDATE_OK;
	if (!((c->type == SHEET_DATE || c->type == SHEET_NUMBER) && sheet_serial_to_days(c->s, &d)))
		r = proj_date_parse_text(c->s, c->len, &d, NULL);
	if (r == PDATE_OK && proj_date_year(d) >= PROJ_TEXT_YEAR_MIN &&
	    proj_date_year(d) <= PROJ_TEXT_YEAR_MAX && proj_date_format_iso(d, iso))
		return 1;
	if (r == PDATE_OK)
		r = PDATE_BAD_YEAR;
	char zh[200], en[200];
	snprintf(zh, sizeof zh, "日期“%.40s”无效：%s", c->s, proj_date_error_zh(r));
	snprintf(en, sizeof en, "invalid date \"%.40s\": %s", c->s, proj_date_error_en(r));
	pio_error(st, col, field, zh, en);
	return -1;
}

const char *pio_region(struct pio *st, const char *text)
{
	return json_string_value(json_object_get(st->regions, text));
}

/* Districts rows may name, by code and by name. */
static gcode load_regions(struct pio *st, struct gerror *e)
{
	json_t *all;
	gcode rc = store_region_list(st->rq->db, &all, e);
	if (rc != G_OK)
		return rc;
	st->regions = json_object();
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(all, "items"), i, r) {
		const char *code = json_string_value(json_object_get(r, "code"));
		const char *name = json_string_value(json_object_get(r, "name"));
		if (region_level(code) != REGION_COUNTY ||
		    (!st->w->cli && !region_covers(st->rq->who.region, code)))
			continue;
		json_object_set_new(st->regions, code, json_string(code));
		json_object_set_new(st->regions, name, json_string(code));
	}
	json_decref(all);
	return G_OK;
}

/* Amount columns must name a unit we know: 千元 read as 万元 would be wrong by ten. */
static gcode check_units(struct pio *st, struct gerror *e)
{
	for (size_t i = 0; i < st->schema->ncols; i++) {
		if (st->schema->cols[i].fmt != SHEET_FMT_WAN || st->map.col[i] < 0 ||
		    header_unit(st->map.unit[i]) >= 0)
			continue;
		char zh[200], en[200];
		snprintf(zh, sizeof zh, "“%s”列的单位“%s”无法识别，应为元、万元或亿元",
			 st->schema->cols[i].names[0], st->map.unit[i]);
		snprintf(en, sizeof en, "the unit \"%s\" of column %s is not 元, 万元 or 亿元",
			 st->map.unit[i], st->schema->cols[i].key);
		return gerr_set(e, G_ERR_INVALID, st->schema->cols[i].key, zh, en);
	}
	return G_OK;
}

static void unknown_columns(struct pio *st)
{
	struct gerror w;
	gerr_clear(&w);
	if (sheet_map_unknown_warning(&st->map, &w) != G_OK)
		pio_warn(st, "header", w.zh, w.en);
}

static json_t *report_json(struct pio *st, struct sheet_reader *r, bool dry_run, bool written)
{
	bool counted = written || dry_run;
	return json_pack("{s:b,s:b,s:I,s:I,s:I,s:I,s:I,s:O,s:O,s:s}", "dry_run", dry_run,
			 "committed", written, "rows", (json_int_t)st->rows, "created",
			 (json_int_t)(counted ? st->created : 0), "updated",
			 (json_int_t)(counted ? st->updated : 0), "unchanged",
			 (json_int_t)(counted ? st->unchanged : 0), "error_count",
			 (json_int_t)st->error_count, "errors", st->errors, "warnings",
			 st->warnings, "format",
			 r && sheet_reader_format(r) == SHEET_XLSX ? "xlsx" : "csv");
}

static gcode each_row(struct pio *st, struct sheet_reader *r, pio_row_fn fn, struct gerror *e)
{
	const struct sheet_row *row;
	gcode rc;
	while ((rc = sheet_reader_next(r, &row, e)) == G_OK && row) {
		if (sheet_row_blank(row) || sheet_map_is_example(st->schema, &st->map, row))
			continue;
		st->rows++;
		st->row = row;
		rc = fn(st, e);
		if (rc != G_OK)
			break;
	}
	st->row = NULL;
	return rc;
}

static gcode rows_failed(struct pio *st, struct gerror *e)
{
	char zh[160], en[160];
	snprintf(zh, sizeof zh, "发现%lld处错误，未导入任何数据", (long long)st->error_count);
	snprintf(en, sizeof en, "%lld errors found: nothing was imported",
		 (long long)st->error_count);
	return gerr_set(e, G_ERR_INVALID, "file", zh, en);
}

gcode pio_run(struct pio *st, const void *data, size_t len, bool dry_run, pio_row_fn fn,
	      json_t **report, struct gerror *e)
{
	struct sheet_reader *r = NULL;
	st->rq = st->w->rq;
	st->errors = json_array();
	st->warnings = json_array();
	st->seen = json_object();
	*report = NULL;
	gcode rc = sheet_reader_new(&r, data, len, NULL, e);
	if (rc == G_OK)
		rc = load_regions(st, e);
	if (rc == G_OK)
		rc = sheet_map_header(r, st->schema, &st->map, e);
	if (rc == G_OK)
		rc = check_units(st, e);
	if (rc == G_OK)
		unknown_columns(st);
	bool begun = rc == G_OK && (rc = db_begin(st->rq->db, e)) == G_OK;
	if (begun)
		rc = each_row(st, r, fn, e);
	bool write = rc == G_OK && !dry_run && !st->error_count && st->rows;
	if (write)
		rc = db_commit(st->rq->db, e);
	else if (begun)
		db_rollback(st->rq->db); /* a dry run or any bad row writes nothing */
	if (begun)
		*report = report_json(st, r, dry_run, write && rc == G_OK);
	if (rc == G_OK && st->error_count)
		rc = rows_failed(st, e);
	sheet_reader_free(r);
	json_decref(st->regions);
	json_decref(st->seen);
	json_decref(st->errors);
	json_decref(st->warnings);
	return rc;
}
