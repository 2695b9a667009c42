/* guatu region add: the operator adds a division outside the seeded
 * Jilin/Changchun tree (a province needs no parent), so a deployment
 * anywhere can create its first accounts. Audited as "cli". */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "domain/region.h"
#include "store/org.h"
#include "store/store.h"

static gcode check_parent(struct db *c, const char *code, const char *parent, struct gerror *e)
{
	if (!parent) {
		if (region_level(code) != REGION_PROVINCE)
			return gerr_set(e, G_ERR_INVALID, "parent", "非省级区划须用 --parent 指定上级",
					"a region below province level needs --parent");
		return G_OK;
	}
	json_t *p = store_region_get(c, parent);
	bool ok = p && region_covers(parent, code) && strcmp(parent, code);
	json_decref(p);
	return ok ? G_OK
		  : gerr_set(e, G_ERR_INVALID, "parent", "上级区划不存在或不包含该代码",
			     "the parent region does not exist or does not contain this code");
}

static int run_region_add(struct cli_args *a)
{
	struct gerror e;
	const char *code = a->pos[0], *name = a->pos[1], *parent = cli_flag(a, "parent");
	struct actor actor = { 0, "cli", NULL };
	struct db *c = NULL;
	int version;
	gcode rc = region_code_valid(code, strlen(code))
			   ? cli_migrate_url(a->cfg.db, &version, &e)
			   : gerr_set(&e, G_ERR_INVALID, "code", "区划代码应为6位GB/T 2260代码",
				      "the code must be a 6-digit GB/T 2260 division code");
	if (rc == G_OK)
		rc = db_open(a->cfg.db, &c, &e);
	if (rc == G_OK)
		rc = check_parent(c, code, parent, &e);
	if (rc == G_OK)
		rc = db_begin(c, &e);
	if (rc == G_OK)
		rc = store_region_insert(c, code, name, cli_flag(a, "name-en"), parent,
					 region_level(code), (int64_t)time(NULL), &e);
	if (rc == G_ERR_EXISTS)
		gerr_set(&e, rc, "code", "区划代码已存在", "this region code already exists");
	json_t *after = rc == G_OK ? store_region_get(c, code) : NULL;
	if (rc == G_OK)
		rc = audit_append(c, &actor, "create", "region", code, code, NULL, after, &e);
	json_decref(after);
	if (rc == G_OK)
		rc = db_commit(c, &e);
	db_close(c);
	if (rc != G_OK) {
		cli_error(&e);
		return 1;
	}
	printf("已添加区划 added region %s %s\n", code, name);
	return 0;
}

static const char *const db_only[] = { "db", NULL };
static const struct cli_flag flags[] = {
	{ "parent", true, "the parent region's code (omit for a province)" },
	{ "name-en", true, "the English name" },
	{ 0 },
};

const struct cli_cmd cmd_region_add = { "region add", "region add CODE NAME [--parent CODE] [--name-en NAME]",
	"添加区划 add a GB/T 2260 region (e.g. your province and city)", flags, db_only, 2, 2,
	run_region_add };
