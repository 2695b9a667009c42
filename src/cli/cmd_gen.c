/* guatu gen: fills a database with realistic, deterministic data at
 * district, city or province scale for benchmarks (bench/). Enterprises
 * carry valid credit codes and Chinese names; major projects come with
 * their procedures, milestones, monthly reports and problems
 * (gen_projects.c); ten years of economic indicators of every unit
 * (gen_econ.c). Everything is one transaction of bulk loads. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "cli/commands.h"
#include "cli/gen_econ.h"
#include "cli/gen_names.h"
#include "cli/gen_projects.h"
#include "domain/credit_code.h"
#include "store/enterprises.h"
#include "store/migrations.h"
#include "store/store.h"

struct scale {
	const char *name;
	int cities;
	int64_t enterprises, projects; /* per city */
};

static const struct scale scales[] = {
	{ "district", 1, 60000, 300 },
	{ "city", 1, 1000000, 5000 },
	{ "province", 10, 1000000, 5000 },
};

/* The county-level units of a city: 17, as in Changchun. */
static const char *const unit_suffixes[] = { "02", "03", "04", "05", "06", "12", "13",
	"22", "71", "72", "73", "74", "82", "83", "84", "23", "24" };
#define UNITS 17

/* Regions beyond the seeded ones: Changchun's two unnumbered zones and,
 * for a province, other cities 22CC00 with their 17 units each. */
static gcode gen_regions(struct db *c, int cities, struct gerror *e)
{
	for (int k = 0; k < cities; k++) {
		char city[16], unit[16], name[64];
		snprintf(city, sizeof city, "22%02d00", (k + 1) % 100);
		snprintf(name, sizeof name, "%s市", gen_city_name(k));
		gcode rc = db_run(c, "INSERT INTO regions (code, name, parent, level, created_at,"
				     " updated_at) VALUES ($1,$2,'220000',2,0,0) ON CONFLICT DO NOTHING",
				  NULL, e, "tt", city, name);
		for (int u = 0; rc == G_OK && u < UNITS; u++) {
			snprintf(unit, sizeof unit, "22%02d%s", (k + 1) % 100, unit_suffixes[u]);
			snprintf(name, sizeof name, "%s%s", gen_city_name(k), gen_unit_name(u));
			rc = db_run(c, "INSERT INTO regions (code, name, parent, level, created_at,"
				       " updated_at) VALUES ($1,$2,$3,3,0,0) ON CONFLICT DO NOTHING",
				    NULL, e, "ttt", unit, name, city);
		}
		if (rc != G_OK)
			return rc;
	}
	return G_OK;
}

static void credit_code_for(int64_t serial, const char *region, char out[19])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char org[9];
	int64_t v = serial;
	for (int i = 8; i >= 0; i--) { /* base-31 serial keeps codes unique */
		org[i] = alphabet[v % 31];
		v /= 31;
	}
	memcpy(out, "91", 2);
	memcpy(out + 2, region, 6);
	memcpy(out + 8, org, 9);
	out[17] = credit_code_check_char(out);
	out[18] = '\0';
}

/* Enterprises by bulk load with ids from first_id, in city order (the
 * projects' builders are drawn from them). */
static gcode gen_enterprises(struct db *c, const struct scale *s, uint64_t seed,
			     int64_t first_id, struct gerror *e)
{
	int64_t total = s->enterprises * s->cities, now = (int64_t)time(NULL);
	time_t t0 = time(NULL);
	struct gen_rng rng = { seed };
	struct db_copy *b = NULL;
	char created[24], id[24];
	snprintf(created, sizeof created, "%lld", (long long)now);
	gcode rc = store_enterprise_bulk_begin(c, total, e);
	if (rc == G_OK)
		rc = db_copy_begin(c, "enterprises", "id, region, credit_code, credit_code_valid, name,"
				   " industry, created_at, updated_at", 8, &b, e);
	for (int64_t i = 0; rc == G_OK && i < total; i++) {
		char region[16], code[19], name[160], industry[8];
		int city = (int)(i / s->enterprises);
		snprintf(region, sizeof region, "22%02d%s", (city + 1) % 100,
			 unit_suffixes[gen_next(&rng) % UNITS]);
		credit_code_for(i + 1, region, code);
		gen_company_name(&rng, city, name, sizeof name, industry);
		snprintf(id, sizeof id, "%lld", (long long)(first_id + i));
		const char *v[] = { id, region, code, "1", name, industry, created, created };
		rc = db_copy_row(b, v, e);
		gen_progress("enterprises", i + 1, total, t0);
	}
	gcode end = db_copy_end(b, rc == G_OK ? e : NULL);
	if (rc == G_OK)
		rc = end;
	if (rc == G_OK) {
		fprintf(stderr, "indexing names for Chinese search...\n");
		rc = store_enterprise_bulk_end(c, total, e);
	}
	return rc;
}

/* PostgreSQL identity columns do not see ids given explicitly. */
static gcode sync_ids(struct db *c, struct gerror *e)
{
	static const char *const tables[] = { "enterprises", "projects", "project_milestones" };
	gcode rc = G_OK;
	for (size_t i = 0; i < 3 && rc == G_OK && db_dialect_of(c) == DB_POSTGRES; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
			 " GREATEST((SELECT MAX(id) FROM %s), 1))", tables[i], tables[i]);
		rc = db_exec(c, sql, e);
	}
	return rc == G_OK ? db_exec(c, "ANALYZE", e) : rc;
}

static gcode gen_all(struct db *c, const struct scale *s, uint64_t seed, struct gen_counts *n,
		     struct gerror *e)
{
	int64_t first_ent = 0;
	gcode rc = store_enterprise_max_id(c, &first_ent, e);
	first_ent++;
	if (rc == G_OK)
		rc = db_begin(c, e);
	if (rc == G_OK)
		rc = gen_enterprises(c, s, seed, first_ent, e);
	struct gen_plan p = { s->cities, UNITS, unit_suffixes, s->projects, s->enterprises,
			      first_ent, seed, (int32_t)((time(NULL) + 8 * 3600) / 86400),
			      (int64_t)time(NULL) };
	if (rc == G_OK)
		rc = gen_projects(c, &p, n, e);
	if (rc == G_OK)
		rc = gen_econ(c, &p, &n->indicator_values, &n->indicator_targets, e);
	if (rc != G_OK) {
		db_rollback(c);
		store_enterprise_bulk_cancel(c);
		return rc;
	}
	rc = db_commit(c, e);
	return rc == G_OK ? sync_ids(c, e) : rc;
}

/* --scale, --seed, --enterprises, --projects into *s and *seed; false
 * after printing the usage error. */
static bool parse_flags(struct cli_args *a, struct scale *s, int64_t *seed)
{
	const char *sname = cli_flag(a, "scale") ? cli_flag(a, "scale") : "city";
	const char *seed_s = cli_flag(a, "seed"), *ne = cli_flag(a, "enterprises");
	const char *np = cli_flag(a, "projects");
	const struct scale *found = NULL;
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
		if (!strcmp(scales[i].name, sname))
			found = &scales[i];
	*seed = 1;
	if (!found || (seed_s && !text_to_i64(seed_s, 0, INT64_MAX, seed))) {
		fprintf(stderr, "错误：--scale 应为 district|city|province，--seed 为非负整数\n"
				"error: --scale must be district|city|province, --seed a non-negative integer\n");
		return false;
	}
	*s = *found;
	if ((ne && !text_to_i64(ne, 0, 100000000, &s->enterprises)) ||
	    (np && !text_to_i64(np, 0, 900000, &s->projects))) {
		fprintf(stderr, "错误：--enterprises、--projects 应为整数\n"
				"error: --enterprises and --projects must be integers\n");
		return false;
	}
	return true;
}

static int run_gen(struct cli_args *a)
{
	struct gerror e;
	struct scale s;
	int64_t seed;
	if (!parse_flags(a, &s, &seed))
		return 2;
	struct db *c;
	int version;
	struct actor actor = { 0, "gen", NULL };
	struct gen_counts n = { 0 };
	gcode rc = cli_migrate_url(a->cfg.db, &version, &e);
	if (rc == G_OK)
		rc = db_open(a->cfg.db, &c, &e);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	rc = gen_regions(c, s.cities, &e);
	if (rc == G_OK)
		rc = gen_all(c, &s, (uint64_t)seed, &n, &e);
	json_t *what = json_pack("{s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "scale", s.name, "seed",
				 (json_int_t)seed, "enterprises", (json_int_t)(s.enterprises * s.cities),
				 "projects", (json_int_t)n.projects, "procedures",
				 (json_int_t)n.procedures, "milestones", (json_int_t)n.milestones,
				 "reports", (json_int_t)n.reports, "problems", (json_int_t)n.problems,
				 "indicator_values", (json_int_t)n.indicator_values, "indicator_targets",
				 (json_int_t)n.indicator_targets);
	if (rc == G_OK)
		rc = audit_append_tx(c, &actor, "generate", "dataset", NULL, NULL, NULL, what, &e);
	json_decref(what);
	db_close(c);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已生成 generated %s scale (seed %lld) into %s: %lld enterprises, %lld projects,"
	       " %lld procedures, %lld milestones, %lld monthly reports, %lld problems,"
	       " %lld indicator values, %lld indicator targets\n", s.name,
	       (long long)seed, a->cfg.db, (long long)(s.enterprises * s.cities),
	       (long long)n.projects, (long long)n.procedures, (long long)n.milestones,
	       (long long)n.reports, (long long)n.problems, (long long)n.indicator_values,
	       (long long)n.indicator_targets);
	return 0;
}

static const char *const db_only[] = { "db", NULL };
static const struct cli_flag gen_flags[] = {
	{ "scale", true, "district (60,000 enterprises), city (17 units, 1,000,000 enterprises) or province (10 cities)" },
	{ "seed", true, "random seed: the same seed gives the same data (default 1)" },
	{ "enterprises", true, "enterprises per city instead of the scale's number (for small test runs)" },
	{ "projects", true, "major projects per city instead of the scale's number" },
	{ 0 },
};

const struct cli_cmd cmd_gen = { "gen", "gen --scale district|city|province [--seed N] --db PATH|URL",
	"生成测试数据 fill a database with realistic city-scale data for benchmarks", gen_flags,
	db_only, 0, 0, run_gen };
