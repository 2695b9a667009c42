/* Look-ups by typed names for the projects imports. */
#include "store/projects_lookup.h"

#include "store/projects.h"

static const char *const id_region[] = { "id", "region", NULL };

json_t *store_project_ids_by_code(struct db *c, const char *code)
{
	return store_rows(c, "SELECT id, region FROM projects WHERE code = $1", id_region, "it", "t",
			  code);
}

json_t *store_project_ids_by_name(struct db *c, const char *lo, const char *hi,
				  const char *name)
{
	return store_rows(c,
			  "SELECT id, region FROM projects WHERE region BETWEEN $1 AND $2"
			  " AND name = $3 ORDER BY id LIMIT 3",
			  id_region, "it", "ttt", lo, hi, name);
}

json_t *store_enterprise_find(struct db *c, const char *lo, const char *hi, const char *key)
{
	static const char *const names[] = { "id", "name", "region", NULL };
	return store_rows(c,
			  "SELECT id, name, region FROM enterprises WHERE region BETWEEN $1 AND $2"
			  " AND (name = $3 OR credit_code = $3) ORDER BY id LIMIT 3",
			  names, "itt", "ttt", lo, hi, key);
}

json_t *store_leader_find(struct db *c, const char *key)
{
	return store_rows(c,
			  "SELECT id, region FROM users WHERE role = 'leader' AND disabled = 0"
			  " AND (display_name = $1 OR username = $1) ORDER BY id LIMIT 3",
			  id_region, "it", "t", key);
}

json_t *store_department_find(struct db *c, const char *region, const char *name)
{
	static const char *const names[] = { "id", NULL };
	return store_rows(c, "SELECT id FROM departments WHERE region = $1 AND name = $2", names,
			  "i", "tt", region, name);
}
