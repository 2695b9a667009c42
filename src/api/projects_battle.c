/* GET /api/v1/projects/battle-map: the whole 挂图作战 wall in one answer —
 * every project of the year in scope with its light and reasons, its
 * milestones (planned, baseline, actual) and the procedures obtained,
 * filtered and grouped by leader, department or category. Three queries in
 * all (facts, milestones, procedures), whatever the number of projects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects.h"
#include "api/projects_facts.h"
#include "domain/proj_class.h"
#include "domain/proj_stage.h"
#include "store/projects.h"

struct map_filter {
	const char *group, *light, *stage, *category, *kind;
	int64_t leader_id, department_id;
};

static bool one_of(const char *v, const char *const *allowed)
{
	for (size_t i = 0; allowed[i]; i++)
		if (!strcmp(v, allowed[i]))
			return true;
	return false;
}

static gcode read_filter(struct api_req *rq, struct map_filter *f, struct gerror *e)
{
	static const char *const groups[] = { "leader", "department", "category", NULL };
	static const char *const lights[] = { "green", "yellow", "red", NULL };
	memset(f, 0, sizeof *f);
	f->group = api_query(rq, "group") ? api_query(rq, "group") : "leader";
	f->light = api_query(rq, "light");
	f->stage = api_query(rq, "stage");
	f->category = api_query(rq, "category");
	f->kind = api_query(rq, "kind");
	if (!one_of(f->group, groups))
		return gerr_set(e, G_ERR_INVALID, "group", "分组应为leader、department或category",
				"group must be leader, department or category");
	if (f->light && !one_of(f->light, lights))
		return gerr_set(e, G_ERR_INVALID, "light", "亮灯应为green、yellow或red",
				"light must be green, yellow or red");
	if (f->stage && proj_stage_find(f->stage, strlen(f->stage)) < 0)
		return gerr_set(e, G_ERR_INVALID, "stage", "项目阶段无效", "unknown project stage");
	if (f->category && proj_category_find(f->category, strlen(f->category)) < 0)
		return gerr_set(e, G_ERR_INVALID, "category", "项目类别无效", "unknown category");
	if (f->kind && proj_kind_find(f->kind, strlen(f->kind)) < 0)
		return gerr_set(e, G_ERR_INVALID, "kind", "建设性质无效", "unknown kind");
	gcode rc = projects_query_id(rq, "leader_id", rq->who.user_id, &f->leader_id, e);
	return rc == G_OK ? projects_query_id(rq, "department_id", rq->who.user_id, &f->department_id, e) : rc;
}

static bool same_code(const json_t *r, const char *key, const char *want,
		      int (*find)(const char *, size_t))
{
	const char *v = json_string_value(json_object_get(r, key));
	if (!want)
		return true;
	return v && find(v, strlen(v)) == find(want, strlen(want));
}

static int find_light(const char *s, size_t n)
{
	(void)n;
	return !strcmp(s, "red") ? 2 : !strcmp(s, "yellow") ? 1 : 0;
}

static bool keep(const json_t *r, const struct map_filter *f)
{
	return same_code(r, "light", f->light, find_light) &&
	       same_code(r, "stage", f->stage, proj_stage_find) &&
	       same_code(r, "category", f->category, proj_category_find) &&
	       same_code(r, "kind", f->kind, proj_kind_find);
}

static int light_rank(const json_t *p)
{
	const char *l = json_string_value(json_object_get(p, "light"));
	return 2 - find_light(l ? l : "green", 0);
}

/* Red first, then yellow, then green; larger investment first. */
static int by_light(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int d = light_rank(x) - light_rank(y);
	if (d)
		return d;
	json_int_t tx = json_integer_value(json_object_get(x, "total_investment"));
	json_int_t ty = json_integer_value(json_object_get(y, "total_investment"));
	return tx < ty ? 1 : tx > ty ? -1 : 0;
}

static int by_size(const void *a, const void *b)
{
	size_t x = json_array_size(json_object_get(*(json_t *const *)a, "projects"));
	size_t y = json_array_size(json_object_get(*(json_t *const *)b, "projects"));
	return x < y ? 1 : x > y ? -1 : 0;
}

/* Sorts a JSON array in place with cmp. */
static void sort_array(json_t *a, int (*cmp)(const void *, const void *))
{
	size_t n = json_array_size(a);
	json_t **v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(a, i));
	qsort(v, n, sizeof *v, cmp);
	json_array_clear(a);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, v[i]);
	free(v);
}

static void group_key(const json_t *p, const char *group, char key[32], const char **name)
{
	const char *idk = !strcmp(group, "leader") ? "leader_id" : "department_id";
	const char *namek = !strcmp(group, "leader") ? "leader_name" : "department_name";
	if (!strcmp(group, "category")) {
		const char *c = json_string_value(json_object_get(p, "category"));
		int i = c ? proj_category_find(c, strlen(c)) : -1;
		snprintf(key, 32, "%s", c ? c : "");
		*name = i >= 0 ? proj_category_zh((enum proj_category)i) : "未分类";
		return;
	}
	snprintf(key, 32, "%lld", (long long)json_integer_value(json_object_get(p, idk)));
	*name = json_string_value(json_object_get(p, namek));
	if (!*name)
		*name = "未指定";
}

static void add_counts(json_t *counts, const json_t *p)
{
	const char *l = json_string_value(json_object_get(p, "light"));
	const char *k = l ? l : "green";
	json_object_set_new(counts, k, json_integer(json_integer_value(json_object_get(counts, k)) + 1));
}

static json_t *new_counts(void)
{
	return json_pack("{s:i,s:i,s:i}", "green", 0, "yellow", 0, "red", 0);
}

static json_t *group_projects(json_t *projects, const char *group, json_t *counts)
{
	json_t *groups = json_array(), *index = json_object(), *p;
	size_t i;
	json_array_foreach(projects, i, p) {
		char key[32];
		const char *name;
		group_key(p, group, key, &name);
		json_t *g = json_object_get(index, key);
		if (!g) {
			g = json_pack("{s:s,s:s,s:[],s:o}", "key", key, "name", name, "projects",
				      "counts", new_counts());
			json_object_set_new(index, key, g);
			json_array_append(groups, g);
		}
		json_array_append(json_object_get(g, "projects"), p);
		add_counts(json_object_get(g, "counts"), p);
		add_counts(counts, p);
	}
	json_decref(index);
	json_array_foreach(groups, i, p)
		sort_array(json_object_get(p, "projects"), by_light);
	sort_array(groups, by_size);
	return groups;
}

static json_t *map_projects(const struct facts_set *s, const struct map_filter *f, json_t *ms,
			    json_t *procs)
{
	json_t *out = json_array();
	for (size_t i = 0; i < s->n; i++) {
		json_t *r = json_array_get(s->rows, i);
		if (!keep(r, f))
			continue;
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)s->f[i].id);
		json_t *p = json_deep_copy(r), *m = json_object_get(ms, key);
		json_t *pr = json_object_get(procs, key);
		json_object_set_new(p, "milestones", m ? json_incref(m) : json_array());
		json_object_set_new(p, "procedures", pr ? json_incref(pr) : json_array());
		projects_decorate(p);
		json_array_append_new(out, p);
	}
	return out;
}

gcode h_projects_battle_map(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	struct map_filter f;
	struct facts_set s = { 0 };
	gcode rc = api_check(rq, RES_PROJECT, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = read_filter(rq, &f, e);
	if (rc == G_OK)
		rc = facts_load(rq, f.leader_id, f.department_id, &s, e);
	if (rc != G_OK)
		return rc;
	json_t *ms = store_ms_by_projects(rq->db, s.lo, s.hi, s.year);
	json_t *procs = store_proc_done_by_projects(rq->db, s.lo, s.hi, s.year);
	if (!ms || !procs) {
		json_decref(ms);
		json_decref(procs);
		facts_free(&s);
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	}
	json_t *counts = new_counts();
	json_t *projects = map_projects(&s, &f, ms, procs);
	char today[PROJ_DATE_ISO_LEN + 1];
	projects_iso_format(s.today, today);
	json_t *out = json_pack("{s:i,s:s,s:s,s:I,s:o}", "year", s.year, "today", today, "group",
				f.group, "total", (json_int_t)json_array_size(projects), "groups",
				group_projects(projects, f.group, counts));
	json_object_set_new(out, "counts", counts);
	json_decref(projects);
	json_decref(procs);
	json_decref(ms);
	facts_free(&s);
	return api_ok(rs, 200, out);
}
