/* The units of a comparison (the children of a city), the chosen group,
 * ranks among them, and the industry structure of a unit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/econ.h"
#include "base/mem.h"
#include "domain/econ_catalog.h"
#include "domain/econ_stats.h"
#include "domain/region.h"
#include "store/org.h"

/* The usual comparison groups of a parent: 长春市's five urban districts. */
static const struct {
	const char *parent, *codes;
} default_groups[] = {
	{ "220100", "220102,220103,220104,220105,220106" },
};

bool econ_in_group(const json_t *group, const char *code)
{
	size_t i;
	const json_t *g;
	json_array_foreach(group, i, g)
		if (code && json_string_value(g) && !strcmp(json_string_value(g), code))
			return true;
	return false;
}

static bool in_units(const json_t *units, const char *code)
{
	size_t i;
	const json_t *u;
	json_array_foreach(units, i, u)
		if (!strcmp(json_string_value(json_object_get(u, "code")), code))
			return true;
	return false;
}

/* Splits a comma list of codes into group; each must be one of units. */
static gcode parse_group(const json_t *units, const char *list, json_t *group, struct gerror *e)
{
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ",");
		char code[8] = "";
		if (n == 6)
			memcpy(code, p, 6);
		if (n != 6 || !in_units(units, code)) {
			json_array_clear(group);
			return gerr_set(e, G_ERR_INVALID, "group", "对比组应为本级下属区划代码，以逗号分隔",
					"group is a comma list of codes of the parent's units");
		}
		if (!econ_in_group(group, code))
			json_array_append_new(group, json_string(code));
		p += n;
		if (*p == ',')
			p++;
	}
	return G_OK;
}

static void all_codes(const json_t *units, json_t *group)
{
	size_t i;
	const json_t *u;
	json_array_foreach(units, i, u)
		json_array_append(group, json_object_get(u, "code"));
}

gcode econ_units(struct api_req *rq, const char *parent, const char *group_q, json_t **units,
		 json_t **group, struct gerror *e)
{
	json_t *all = NULL;
	gcode rc = store_region_list(rq->db, &all, e);
	if (rc != G_OK)
		return rc;
	*units = json_array();
	*group = json_array();
	size_t i;
	const json_t *r;
	json_array_foreach(json_object_get(all, "items"), i, r) {
		const char *par = json_string_value(json_object_get(r, "parent"));
		if (par && !strcmp(par, parent))
			json_array_append_new(*units,
					      json_pack("{s:O,s:O}", "code", json_object_get(r, "code"),
							"name", json_object_get(r, "name")));
	}
	json_decref(all);
	const char *def = NULL;
	for (size_t k = 0; k < sizeof default_groups / sizeof default_groups[0]; k++)
		if (!strcmp(default_groups[k].parent, parent))
			def = default_groups[k].codes;
	if (group_q && !strcmp(group_q, "all"))
		all_codes(*units, *group);
	else if (group_q && *group_q)
		rc = parse_group(*units, group_q, *group, e);
	else if (def)
		rc = parse_group(*units, def, *group, e);
	else
		all_codes(*units, *group);
	return rc;
}

void econ_ranks(const struct econ_cube *c, const json_t *units, const json_t *group,
		int64_t ind, struct econ_period p, int *rank_all, int *rank_group)
{
	size_t n = json_array_size(units);
	int64_t *v = xcalloc(n ? n : 1, sizeof *v);
	bool *present = xcalloc(n ? n : 1, sizeof *present);
	bool *in_group = xcalloc(n ? n : 1, sizeof *in_group);
	for (size_t i = 0; i < n; i++) {
		const char *code = json_string_value(json_object_get(json_array_get(units, i), "code"));
		present[i] = econ_cube_get(c, code, ind, p, &v[i], NULL, NULL);
		in_group[i] = present[i] && econ_in_group(group, code);
	}
	econ_rank_desc(v, present, n, rank_all);
	econ_rank_desc(v, in_group, n, rank_group);
	free(v);
	free(present);
	free(in_group);
}

static bool parts_at(const struct econ_cube *c, const json_t *catalog, const char *region,
		     struct econ_period p, int64_t parts[3])
{
	static const char *const codes[3] = { ECON_GDP_PRIMARY, ECON_GDP_SECONDARY,
					      ECON_GDP_TERTIARY };
	for (int i = 0; i < 3; i++) {
		const json_t *row = econ_catalog_find(catalog, codes[i]);
		if (!row || !econ_cube_get(c, region, json_integer_value(json_object_get(row, "id")),
					   p, &parts[i], NULL, NULL))
			return false;
	}
	return true;
}

json_t *econ_structure_json(const struct econ_cube *c, const json_t *catalog,
			    const char *region, struct econ_period p)
{
	int64_t now[3], before[3];
	struct econ_structure s, b;
	if (!parts_at(c, catalog, region, p, now) || !econ_structure_of(now, &s))
		return NULL;
	char text[64], pt[ECON_PERIOD_TEXT_MAX];
	econ_structure_format(&s, text, sizeof text);
	econ_period_format(p, EPER_QUARTERLY, pt, sizeof pt);
	json_t *o = json_pack("{s:s,s:[III],s:s,s:[iii]}", "period", pt, "bp", (json_int_t)s.bp[0],
			      (json_int_t)s.bp[1], (json_int_t)s.bp[2], "text", text, "pm", s.pm[0],
			      s.pm[1], s.pm[2]);
	if (parts_at(c, catalog, region, econ_period_last_year(p), before) &&
	    econ_structure_of(before, &b)) {
		int64_t ch[3];
		econ_structure_change(&b, &s, ch);
		econ_structure_format(&b, text, sizeof text);
		json_object_set_new(o, "prev_text", json_string(text));
		json_object_set_new(o, "change_bp", json_pack("[III]", (json_int_t)ch[0],
							      (json_int_t)ch[1], (json_int_t)ch[2]));
	} else {
		json_object_set_new(o, "prev_text", json_null());
		json_object_set_new(o, "change_bp", json_null());
	}
	return o;
}
