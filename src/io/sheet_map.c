/* Finding the header row of an import and the column of each expected
 * field: one or two header rows, names compared after folding, units in
 * brackets set aside. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "io/sheet_internal.h"

#define FOLD_MAX 256

/* A header as compared: the folded text, the same without units in
 * brackets, and the unit. */
struct cand {
	char text[FOLD_MAX];
	char base[FOLD_MAX];
	char unit[24];
};

/* Up to two candidates per column: "parent/child" and "child". */
struct colhead {
	struct cand c[2];
	size_t n;
	char shown[64]; /* for messages: the header as written */
};

/* Folds s for comparison into out: blanks dropped (ASCII, U+00A0,
 * U+3000), full-width ASCII forms (U+FF01..U+FF5E) to ASCII, '*' marks
 * dropped, ASCII letters lower-cased. Truncated at cap. */
static void fold(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = sheet_utf8_next(p + i, len - i, &cp);
		if (!n) {
			i++;
			continue;
		}
		i += n;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 ||
		    cp == 0x3000 || cp == '*')
			continue;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		char u[4];
		size_t k = sheet_utf8_put(cp, u);
		if (o + k + 1 > cap)
			break;
		memcpy(out + o, u, k);
		o += k;
	}
	out[o] = '\0';
}

/* Splits "总投资(万元)" into base "总投资" and unit "万元". */
static void split_unit(const char *text, char *base, size_t bcap, char *unit, size_t ucap)
{
	size_t n = strlen(text);
	const char *open = n && text[n - 1] == ')' ? strrchr(text, '(') : NULL;
	if (!open || open == text) {
		text_copy(base, bcap, text);
		unit[0] = '\0';
		return;
	}
	size_t bl = (size_t)(open - text), ul = n - bl - 2;
	if (bl >= bcap)
		bl = bcap - 1;
	memcpy(base, text, bl);
	base[bl] = '\0';
	if (ul >= ucap)
		ul = 0; /* not a unit */
	memcpy(unit, open + 1, ul);
	unit[ul] = '\0';
}

static void cand_set(struct cand *c, const char *folded)
{
	text_copy(c->text, sizeof c->text, folded);
	split_unit(folded, c->base, sizeof c->base, c->unit, sizeof c->unit);
}

/* Copies at most cap-1 bytes of s without cutting a UTF-8 sequence. */
static void copy_utf8(char *dst, size_t cap, const char *s, size_t len)
{
	if (len >= cap) {
		len = cap - 1;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, s, len);
	dst[len] = '\0';
}

static void trimmed(const struct sheet_cell *c, const char **s, size_t *len)
{
	const char *p = c->s;
	size_t n = c->len;
	while (n && sheet_text_blank(p, 1))
		p++, n--;
	while (n && sheet_text_blank(p + n - 1, 1))
		n--;
	*s = p;
	*len = n;
}

/* "a/b", truncated to cap. */
static void join(char *out, size_t cap, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > cap - 2)
		la = cap - 2;
	memcpy(out, a, la);
	out[la] = '/';
	if (lb > cap - la - 2)
		lb = cap - la - 2;
	memcpy(out + la + 1, b, lb);
	out[la + 1 + lb] = '\0';
}

/* The headers of column col from one row, or a parent and a child row. */
static void head_of(const struct sheet_row *parent, const struct sheet_row *child, size_t col,
		    struct colhead *h)
{
	char p[FOLD_MAX], c[FOLD_MAX];
	const char *ps, *cs;
	size_t pl, cl;
	trimmed(sheet_cell_at(parent, col), &ps, &pl);
	fold(ps, pl, p, sizeof p);
	h->n = 0;
	h->shown[0] = '\0';
	if (!child) {
		if (p[0]) {
			cand_set(&h->c[h->n++], p);
			copy_utf8(h->shown, sizeof h->shown, ps, pl);
		}
		return;
	}
	trimmed(sheet_cell_at(child, col), &cs, &cl);
	fold(cs, cl, c, sizeof c);
	if (!p[0] || !c[0] || !strcmp(p, c)) {
		const char *one = p[0] ? p : c;
		if (one[0]) {
			cand_set(&h->c[h->n++], one);
			if (p[0])
				copy_utf8(h->shown, sizeof h->shown, ps, pl);
			else
				copy_utf8(h->shown, sizeof h->shown, cs, cl);
		}
		return;
	}
	struct cand *both = &h->c[h->n++], *kid = &h->c[h->n++];
	struct cand par;
	cand_set(&par, p);
	cand_set(kid, c);
	join(both->text, sizeof both->text, p, c);
	join(both->base, sizeof both->base, par.base, kid->base);
	if (!kid->unit[0])
		text_copy(kid->unit, sizeof kid->unit, par.unit);
	text_copy(both->unit, sizeof both->unit, kid->unit);
	char shown[160];
	snprintf(shown, sizeof shown, "%.*s/%.*s", (int)(pl < 70 ? pl : 70), ps,
		 (int)(cl < 70 ? cl : 70), cs);
	copy_utf8(h->shown, sizeof h->shown, shown, strlen(shown));
}

/* Whether spec names the header h; *unit gets the unit of the match. A
 * name with '/' names a parent/child pair only. */
static bool matches(const struct sheet_col *spec, const struct colhead *h, const char **unit)
{
	for (size_t k = 0; k < SHEET_MAX_NAMES && spec->names[k]; k++) {
		char nf[FOLD_MAX];
		fold(spec->names[k], strlen(spec->names[k]), nf, sizeof nf);
		if (!nf[0])
			continue;
		size_t upto = strchr(nf, '/') ? 1 : h->n;
		for (size_t j = 0; j < upto && j < h->n; j++) {
			if (!strcmp(h->c[j].text, nf) || !strcmp(h->c[j].base, nf)) {
				*unit = h->c[j].unit;
				return true;
			}
		}
	}
	return false;
}

static size_t width_of(const struct sheet_row *a, const struct sheet_row *b)
{
	size_t w = a->n;
	if (b && b->n > w)
		w = b->n;
	return w < SHEET_EXCEL_COLS ? w : SHEET_EXCEL_COLS;
}

struct score {
	size_t specs, required;
};

static struct score score_rows(const struct sheet_schema *sc, const struct sheet_row *a,
			       const struct sheet_row *b)
{
	struct score s = {0, 0};
	bool seen[SHEET_MAP_MAX_COLS] = {false};
	size_t w = width_of(a, b);
	struct colhead h;
	for (size_t col = 0; col < w; col++) {
		head_of(a, b, col, &h);
		if (!h.n)
			continue;
		for (size_t i = 0; i < sc->ncols; i++) {
			const char *unit;
			if (!seen[i] && matches(&sc->cols[i], &h, &unit)) {
				seen[i] = true;
				s.specs++;
				s.required += sc->cols[i].required;
				break;
			}
		}
	}
	return s;
}

/* "项目名称、项目代码" and "项目名称, 项目代码", bounded. */
static void name_list(const struct sheet_schema *sc, const bool *pick, char *zh, size_t zcap,
		      char *en, size_t ecap)
{
	size_t zl = 0, el = 0;
	zh[0] = en[0] = '\0';
	for (size_t i = 0; i < sc->ncols; i++) {
		if (!pick[i])
			continue;
		const char *nm = sc->cols[i].names[0] ? sc->cols[i].names[0] : sc->cols[i].key;
		int a = snprintf(zh + zl, zcap - zl, "%s%s", zl ? "、" : "", nm);
		int b = snprintf(en + el, ecap - el, "%s%s", el ? ", " : "", nm);
		if (a < 0 || (size_t)a >= zcap - zl || b < 0 || (size_t)b >= ecap - el) {
			zh[zl] = en[el] = '\0';
			snprintf(zh + zl, zcap - zl, "…");
			snprintf(en + el, ecap - el, "…");
			return;
		}
		zl += (size_t)a;
		el += (size_t)b;
	}
}

static gcode missing_error(const struct sheet_schema *sc, const bool *missing, size_t row,
			   bool found, struct gerror *err)
{
	char zl[150], el[150], zh[256], en[256];
	name_list(sc, missing, zl, sizeof zl, el, sizeof el);
	snprintf(zh, sizeof zh, "缺少必填列：%s（%s第%zu行）", zl, found ? "表头在" : "最像表头的是",
		 row);
	snprintf(en, sizeof en, "missing required column: %s (%s row %zu)", el,
		 found ? "header in" : "closest to a header is", row);
	const char *field = "header";
	for (size_t i = 0; i < sc->ncols; i++)
		if (missing[i]) {
			field = sc->cols[i].key;
			break;
		}
	return gerr_set(err, G_ERR_INVALID, field, zh, en);
}

static void unknown_text(const struct sheet_map *map, const char *pzh, const char *pen, char *zh,
			 char *en, size_t cap);

static gcode assign(const struct sheet_schema *sc, const struct sheet_row *a,
		    const struct sheet_row *b, struct sheet_map *map, struct gerror *err)
{
	size_t w = width_of(a, b);
	struct colhead h;
	for (size_t col = 0; col < w; col++) {
		head_of(a, b, col, &h);
		if (!h.n)
			continue;
		size_t i;
		const char *unit = "";
		for (i = 0; i < sc->ncols; i++)
			if (matches(&sc->cols[i], &h, &unit))
				break;
		if (i == sc->ncols) {
			if (map->n_unknown < SHEET_MAP_MAX_UNKNOWN) {
				map->unknown[map->n_unknown].col = (int)col;
				text_copy(map->unknown[map->n_unknown].text,
					  sizeof map->unknown[0].text, h.shown);
			}
			map->n_unknown++;
			continue;
		}
		if (map->col[i] >= 0) {
			char c1[4], c2[4], zh[256], en[256];
			const char *nm = sc->cols[i].names[0];
			sheet_col_name((size_t)map->col[i], c1);
			sheet_col_name(col, c2);
			snprintf(zh, sizeof zh, "列重复：“%s”同时出现在 %s 列和 %s 列", nm, c1, c2);
			snprintf(en, sizeof en, "duplicate column: \"%s\" is both column %s and %s",
				 nm, c1, c2);
			return gerr_set(err, G_ERR_INVALID, sc->cols[i].key, zh, en);
		}
		map->col[i] = (int)col;
		text_copy(map->unit[i], sizeof map->unit[i], unit);
	}
	return G_OK;
}

gcode sheet_map_rows(const struct sheet_row *rows, size_t n, const struct sheet_schema *sc,
		     struct sheet_map *map, size_t *data_index, struct gerror *err)
{
	memset(map, 0, sizeof *map);
	for (size_t i = 0; i < SHEET_MAP_MAX_COLS; i++)
		map->col[i] = -1;
	if (sc->ncols == 0 || sc->ncols > SHEET_MAP_MAX_COLS)
		return gerr_set(err, G_ERR_INTERNAL, NULL, "导入列定义无效",
				"invalid import column table");
	size_t nreq = 0;
	for (size_t i = 0; i < sc->ncols; i++)
		nreq += sc->cols[i].required;
	size_t need = sc->min_match ? sc->min_match : nreq ? (nreq + 1) / 2 : 1;
	if (nreq && need > nreq)
		need = nreq;
	if (n > SHEET_HEADER_SCAN)
		n = SHEET_HEADER_SCAN;

	size_t pick = SIZE_MAX, pick_rows = 1, best = SIZE_MAX, best_key = 0;
	/* The first row holding enough required headers is the header, with
	 * the row below when that adds columns (a parent over its children).
	 * A pair whose first row adds nothing to its second (a title or a note
	 * above the header) does not count. */
	for (size_t r = 0; r < n && pick == SIZE_MAX; r++) {
		struct score one = score_rows(sc, &rows[r], NULL), two = {0, 0}, kid = {0, 0};
		size_t k1 = nreq ? one.required : one.specs, k2 = 0;
		if (r + 1 < n) {
			two = score_rows(sc, &rows[r], &rows[r + 1]);
			kid = score_rows(sc, &rows[r + 1], NULL);
			k2 = nreq ? two.required : two.specs;
		}
		if (k1 >= need)
			pick = r, pick_rows = two.specs > one.specs ? 2 : 1;
		else if (k2 >= need && two.specs > kid.specs)
			pick = r, pick_rows = 2;
		if (k1 > best_key || (best == SIZE_MAX && k1))
			best = r, best_key = k1;
	}

	bool missing[SHEET_MAP_MAX_COLS] = {false};
	if (pick == SIZE_MAX) {
		if (best != SIZE_MAX && nreq) {
			struct sheet_map tmp;
			memset(&tmp, 0, sizeof tmp);
			for (size_t i = 0; i < SHEET_MAP_MAX_COLS; i++)
				tmp.col[i] = -1;
			assign(sc, &rows[best], NULL, &tmp, NULL);
			for (size_t i = 0; i < sc->ncols; i++)
				missing[i] = sc->cols[i].required && tmp.col[i] < 0;
			return missing_error(sc, missing, rows[best].num, false, err);
		}
		for (size_t i = 0; i < sc->ncols; i++)
			missing[i] = nreq ? sc->cols[i].required : true;
		char zl[150], el[150], zh[256], en[256];
		name_list(sc, missing, zl, sizeof zl, el, sizeof el);
		snprintf(zh, sizeof zh, "未找到表头：前%d行中没有一行含有这些列名：%s",
			 SHEET_HEADER_SCAN, zl);
		snprintf(en, sizeof en, "header row not found: none of the first %d rows names the "
			 "columns %s", SHEET_HEADER_SCAN, el);
		return gerr_set(err, G_ERR_INVALID, "header", zh, en);
	}

	map->header_row = rows[pick].num;
	map->header_rows = pick_rows;
	gcode rc = assign(sc, &rows[pick], pick_rows == 2 ? &rows[pick + 1] : NULL, map, err);
	if (rc)
		return rc;
	bool any = false;
	for (size_t i = 0; i < sc->ncols; i++) {
		missing[i] = sc->cols[i].required && map->col[i] < 0;
		any = any || missing[i];
	}
	if (any)
		return missing_error(sc, missing, map->header_row, true, err);
	if (sc->strict && map->n_unknown) {
		char zh[256], en[256];
		unknown_text(map, "未识别的列：", "unknown columns: ", zh, en, sizeof zh);
		return gerr_set(err, G_ERR_INVALID, "header", zh, en);
	}
	*data_index = pick + pick_rows;
	return G_OK;
}

gcode sheet_map_header(struct sheet_reader *r, const struct sheet_schema *schema,
		       struct sheet_map *map, struct gerror *err)
{
	struct sheet *head = sheet_new_empty(r->lim.max_strings);
	const struct sheet_row *row;
	gcode rc;
	while (head->nrows < SHEET_HEADER_SCAN && !(rc = sheet_reader_next(r, &row, err)) && row)
		if ((rc = sheet_append_row(head, row, err)))
			break;
	if (!rc) {
		size_t data = 0;
		rc = sheet_map_rows(head->rows, head->nrows, schema, map, &data, err);
		if (!rc) {
			sheet_free(r->replay);
			r->replay = head;
			r->replay_pos = data;
			return G_OK;
		}
	}
	sheet_free(head);
	return rc;
}

const struct sheet_cell *sheet_map_cell(const struct sheet_map *map, const struct sheet_row *row,
					size_t i)
{
	int col = i < SHEET_MAP_MAX_COLS ? map->col[i] : -1;
	return sheet_cell_at(col < 0 ? NULL : row, col < 0 ? 0 : (size_t)col);
}

/* "<prefix>备注（D列）、附件（E列）等N列" in both languages. */
static void unknown_text(const struct sheet_map *map, const char *pzh, const char *pen, char *zh,
			 char *en, size_t cap)
{
	size_t listed = map->n_unknown < SHEET_MAP_MAX_UNKNOWN ? map->n_unknown
							       : SHEET_MAP_MAX_UNKNOWN;
	size_t zl = (size_t)snprintf(zh, cap, "%s", pzh);
	size_t el = (size_t)snprintf(en, cap, "%s", pen);
	size_t shown = 0;
	for (; shown < listed; shown++) {
		char c[4];
		sheet_col_name((size_t)map->unknown[shown].col, c);
		const char *t = map->unknown[shown].text;
		int a = snprintf(zh + zl, cap - zl, "%s%s（%s列）", shown ? "、" : "", t, c);
		int b = snprintf(en + el, cap - el, "%s%s (%s)", shown ? ", " : "", t, c);
		if (a < 0 || (size_t)a >= cap - zl - 24 || b < 0 || (size_t)b >= cap - el - 24) {
			zh[zl] = en[el] = '\0';
			break;
		}
		zl += (size_t)a;
		el += (size_t)b;
	}
	if (shown < map->n_unknown) {
		snprintf(zh + zl, cap - zl, "等%zu列", map->n_unknown);
		snprintf(en + el, cap - el, " and %zu more", map->n_unknown - shown);
	}
}

gcode sheet_map_unknown_warning(const struct sheet_map *map, struct gerror *w)
{
	gerr_clear(w);
	if (!map->n_unknown)
		return G_OK;
	char zh[256], en[256];
	unknown_text(map, "未识别的列（已忽略）：", "unknown columns (ignored): ", zh, en,
		     sizeof zh);
	return gerr_set(w, G_ERR_INVALID, "header", zh, en);
}

static bool number_of(const char *s, double *v)
{
	char tmp[64];
	size_t n = strlen(s);
	if (!n || n >= sizeof tmp)
		return false;
	memcpy(tmp, s, n + 1);
	char *end;
	errno = 0;
	*v = strtod(tmp, &end);
	return !errno && !*end && isfinite(*v);
}

static bool same_value(const struct sheet_col *spec, const struct sheet_cell *c)
{
	const char *ex = spec->example;
	if (!strcmp(c->s, ex))
		return true;
	if (spec->fmt == SHEET_FMT_DATE && (c->type == SHEET_DATE || c->type == SHEET_NUMBER)) {
		int32_t d;
		char iso[11];
		if (!sheet_serial_to_days(c->s, &d))
			return false;
		sheet_days_iso(d, iso);
		return !strcmp(iso, ex);
	}
	double a, b;
	return spec->fmt != SHEET_FMT_TEXT && c->type == SHEET_NUMBER && number_of(c->s, &a) &&
	       number_of(ex, &b) && a == b;
}

bool sheet_map_is_example(const struct sheet_schema *schema, const struct sheet_map *map,
			  const struct sheet_row *row)
{
	size_t compared = 0;
	for (size_t i = 0; i < schema->ncols && i < SHEET_MAP_MAX_COLS; i++) {
		const struct sheet_col *spec = &schema->cols[i];
		if (!spec->example || !spec->example[0] || map->col[i] < 0)
			continue;
		if (!same_value(spec, sheet_map_cell(map, row, i)))
			return false;
		compared++;
	}
	return compared > 0;
}
