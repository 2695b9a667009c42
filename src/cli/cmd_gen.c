/* guatu gen: fills a database with realistic, deterministic data at
 * district, city or province scale for benchmarks (bench/). Enterprises
 * carry valid credit codes and Chinese names; more tables join as the
 * modules land. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "cli/commands.h"
#include "cli/gen_names.h"
#include "domain/credit_code.h"
#include "store/enterprises.h"
#include "store/migrations.h"
#include "store/store.h"

struct scale {
	const char *name;
	int cities;
	int64_t enterprises; /* per city */
};

static const struct scale scales[] = {
	{ "district", 1, 60000 },
	{ "city", 1, 1000000 },
	{ "province", 10, 1000000 },
};

/* The county-level units of a city: 17, as in Changchun. */
static const char *const unit_suffixes[] = { "02", "03", "04", "05", "06", "12", "13",
	"22", "71", "72", "73", "74", "82", "83", "84", "23", "24" };
#define UNITS 17

static void progress(const char *what, int64_t done, int64_t total, time_t t0)
{
	if (done != total && done % 20000)
		return;
	int width = 30, filled = (int)(width * done / (total ? total : 1));
	char bar[64];
	for (int i = 0; i < width; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\r%-12s [%s] %3d%% %lld/%lld %lds", what, bar,
		(int)(100 * done / (total ? total : 1)), (long long)done, (long long)total,
		(long)(time(NULL) - t0));
	if (done == total)
		fputc('\n', stderr);
}

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

static gcode gen_enterprises(struct db *c, const struct scale *s, uint64_t seed,
			     struct gerror *e)
{
	int64_t total = s->enterprises * s->cities, now = (int64_t)time(NULL);
	time_t t0 = time(NULL);
	struct gen_rng rng = { seed };
	gcode rc = db_begin(c, e);
	if (rc == G_OK)
		rc = store_enterprise_bulk_begin(c, e);
	for (int64_t i = 0; rc == G_OK && i < total; i++) {
		char region[16], code[19], name[160], industry[8];
		int city = (int)(i / s->enterprises);
		snprintf(region, sizeof region, "22%02d%s", (city + 1) % 100,
			 unit_suffixes[gen_next(&rng) % UNITS]);
		credit_code_for(i + 1, region, code);
		gen_company_name(&rng, city, name, sizeof name, industry);
		struct enterprise_fields f = { region, code, name, industry, 1 };
		int64_t id;
		rc = store_enterprise_insert(c, &f, now, &id, e);
		progress("enterprises", i + 1, total, t0);
	}
	if (rc == G_OK) {
		fprintf(stderr, "indexing names for Chinese search...\n");
		rc = store_enterprise_bulk_end(c, e);
	}
	if (rc != G_OK) {
		db_rollback(c);
		return rc;
	}
	return db_commit(c, e);
}

static int run_gen(struct cli_args *a)
{
	struct gerror e;
	const char *sname = cli_flag(a, "scale") ? cli_flag(a, "scale") : "city";
	const char *seed_s = cli_flag(a, "seed");
	int64_t seed = 1;
	const struct scale *s = NULL;
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
		if (!strcmp(scales[i].name, sname))
			s = &scales[i];
	if (!s || (seed_s && !text_to_i64(seed_s, 0, INT64_MAX, &seed))) {
		fprintf(stderr, "错误：--scale 应为 district|city|province，--seed 为非负整数\n"
				"error: --scale must be district|city|province, --seed a non-negative integer\n");
		return 2;
	}
	const char *n = cli_flag(a, "enterprises");
	struct scale custom = *s;
	if (n && !text_to_i64(n, 0, 100000000, &custom.enterprises)) {
		fprintf(stderr, "错误：--enterprises 应为整数\nerror: --enterprises must be an integer\n");
		return 2;
	}
	struct db *c;
	int version;
	struct actor actor = { 0, "gen", NULL };
	gcode rc = cli_migrate_url(a->cfg.db, &version, &e);
	if (rc == G_OK)
		rc = db_open(a->cfg.db, &c, &e);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	rc = gen_regions(c, custom.cities, &e);
	if (rc == G_OK)
		rc = gen_enterprises(c, &custom, (uint64_t)seed, &e);
	json_t *what = json_pack("{s:s,s:I,s:I}", "scale", custom.name, "seed", (json_int_t)seed,
				 "enterprises", (json_int_t)(custom.enterprises * custom.cities));
	if (rc == G_OK)
		rc = audit_append_tx(c, &actor, "generate", "dataset", NULL, NULL, NULL, what, &e);
	json_decref(what);
	db_close(c);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已生成 generated %s scale (seed %lld) into %s\n", custom.name, (long long)seed,
	       a->cfg.db);
	return 0;
}

static const char *const db_only[] = { "db", NULL };
static const struct cli_flag gen_flags[] = {
	{ "scale", true, "district (60,000 enterprises), city (17 units, 1,000,000 enterprises) or province (10 cities)" },
	{ "seed", true, "random seed: the same seed gives the same data (default 1)" },
	{ "enterprises", true, "enterprises per city instead of the scale's number (for small test runs)" },
	{ 0 },
};

const struct cli_cmd cmd_gen = { "gen", "gen --scale district|city|province [--seed N] --db PATH|URL",
	"生成测试数据 fill a database with realistic city-scale data for benchmarks", gen_flags,
	db_only, 0, 0, run_gen };
