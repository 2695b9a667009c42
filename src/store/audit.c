/* The audit log: append (hash-chained, computed here rather than by
 * triggers so it works on every engine), verify and search. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "domain/audit_chain.h"
#include "store/audit.h"
#include "store/store.h"

static const char *head_sql(struct db *c)
{
	return db_dialect_of(c) == DB_POSTGRES
		       ? "SELECT last_id, last_hash FROM audit_head WHERE one = 1 FOR UPDATE"
		       : "SELECT last_id, last_hash FROM audit_head WHERE one = 1";
}

static gcode read_head(struct db *c, int64_t *last_id, unsigned char prev[AUDIT_HASH_LEN],
		       struct gerror *e)
{
	struct db_stmt *s;
	const char *sql = head_sql(c);
	gcode rc = db_prepare(c, sql, &s, e);
	if (rc != G_OK)
		return rc;
	int r = db_step(s, e);
	*last_id = 0;
	audit_genesis(prev);
	if (r == DB_ROW) {
		*last_id = db_col_i64(s, 0);
		if (!audit_unhex(db_col_text(s, 1), prev))
			rc = gerr_set(e, G_ERR_DB, NULL, "审计链头损坏", "audit chain head is corrupt");
	} else if (r < 0) {
		rc = e ? e->code : G_ERR_DB;
	}
	db_finish(s);
	return rc;
}

static char *dump_opt(const json_t *j)
{
	return j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY) : NULL;
}

static gcode insert_rec(struct db *c, const struct audit_rec *r, const char *prev_hex,
			const char *hash_hex, struct gerror *e)
{
	static const char sql[] =
		"INSERT INTO audit_log (id, ts, actor_id, actor, ip, action, object_type,"
		" object_id, region, before_json, after_json, prev_hash, hash)"
		" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)";
	static const char head[] =
		"INSERT INTO audit_head (one, last_id, last_hash) VALUES (1, $1, $2)"
		" ON CONFLICT (one) DO UPDATE SET last_id = excluded.last_id,"
		" last_hash = excluded.last_hash";
	struct db_stmt *s;
	gcode rc = db_prepare(c, sql, &s, e);
	if (rc != G_OK)
		return rc;
	db_bind_i64(s, 1, r->id);
	db_bind_i64(s, 2, r->ts);
	db_bind_i64(s, 3, r->actor_id);
	db_bind_opt_text(s, 4, r->actor);
	db_bind_opt_text(s, 5, r->ip);
	db_bind_text(s, 6, r->action);
	db_bind_opt_text(s, 7, r->object_type);
	db_bind_opt_text(s, 8, r->object_id);
	db_bind_opt_text(s, 9, r->region);
	db_bind_opt_text(s, 10, r->before);
	db_bind_opt_text(s, 11, r->after);
	db_bind_text(s, 12, prev_hex);
	db_bind_text(s, 13, hash_hex);
	if (db_step(s, e) < 0)
		rc = e ? e->code : G_ERR_DB;
	db_finish(s);
	if (rc != G_OK)
		return rc;
	rc = db_prepare(c, head, &s, e);
	if (rc != G_OK)
		return rc;
	db_bind_i64(s, 1, r->id);
	db_bind_text(s, 2, hash_hex);
	if (db_step(s, e) < 0)
		rc = e ? e->code : G_ERR_DB;
	db_finish(s);
	return rc;
}

gcode audit_append(struct db *c, const struct actor *a, const char *action,
		   const char *object_type, const char *object_id, const char *region,
		   const json_t *before, const json_t *after, struct gerror *e)
{
	unsigned char prev[AUDIT_HASH_LEN], hash[AUDIT_HASH_LEN];
	int64_t last_id;
	gcode rc = read_head(c, &last_id, prev, e);
	if (rc != G_OK)
		return rc;
	char *bj = dump_opt(before), *aj = dump_opt(after);
	struct audit_rec r = {
		.id = last_id + 1, .ts = (int64_t)time(NULL),
		.actor_id = a ? a->id : 0, .actor = a && a->name ? a->name : "system",
		.ip = a ? a->ip : NULL, .action = action, .object_type = object_type,
		.object_id = object_id, .region = region, .before = bj, .after = aj,
	};
	audit_hash(prev, &r, hash);
	char prev_hex[2 * AUDIT_HASH_LEN + 1], hash_hex[2 * AUDIT_HASH_LEN + 1];
	audit_hex(prev, prev_hex);
	audit_hex(hash, hash_hex);
	rc = insert_rec(c, &r, prev_hex, hash_hex, e);
	free(bj);
	free(aj);
	return rc;
}

struct append_args {
	const struct actor *a;
	const char *action, *otype, *oid, *region;
	const json_t *before, *after;
};

static gcode append_fn(struct db *c, void *arg, struct gerror *e)
{
	struct append_args *x = arg;
	return audit_append(c, x->a, x->action, x->otype, x->oid, x->region, x->before,
			    x->after, e);
}

gcode audit_append_tx(struct db *c, const struct actor *a, const char *action,
		      const char *object_type, const char *object_id, const char *region,
		      const json_t *before, const json_t *after, struct gerror *e)
{
	struct append_args x = { a, action, object_type, object_id, region, before, after };
	return store_tx(c, append_fn, &x, e);
}

static const char *opt_col(struct db_stmt *s, int i)
{
	return db_col_null(s, i) ? NULL : db_col_text(s, i);
}

gcode audit_verify_db(struct db *c, struct audit_verifier *v, struct gerror *e)
{
	struct db_stmt *s;
	audit_verify_init(v);
	gcode rc = db_prepare(c,
			      "SELECT id, ts, actor_id, actor, ip, action, object_type, object_id,"
			      " region, before_json, after_json, prev_hash, hash"
			      " FROM audit_log ORDER BY id",
			      &s, e);
	if (rc != G_OK)
		return rc;
	bool ok = true;
	int r;
	while (ok && (r = db_step(s, e)) == DB_ROW) {
		struct audit_rec rec = {
			.id = db_col_i64(s, 0), .ts = db_col_i64(s, 1),
			.actor_id = db_col_i64(s, 2), .actor = opt_col(s, 3),
			.ip = opt_col(s, 4), .action = db_col_text(s, 5),
			.object_type = opt_col(s, 6), .object_id = opt_col(s, 7),
			.region = opt_col(s, 8), .before = opt_col(s, 9),
			.after = opt_col(s, 10),
		};
		ok = audit_verify_next(v, &rec, db_col_text(s, 12), db_col_text(s, 11));
	}
	db_finish(s);
	if (!ok)
		return G_OK;
	if (r < 0)
		return e ? e->code : G_ERR_DB;
	int64_t head_id = 0;
	char head_hash[2 * AUDIT_HASH_LEN + 1] = "";
	rc = db_prepare(c, "SELECT last_id, last_hash FROM audit_head WHERE one = 1", &s, e);
	if (rc != G_OK)
		return rc;
	if (db_step(s, e) == DB_ROW) {
		head_id = db_col_i64(s, 0);
		const char *h = db_col_text(s, 1);
		size_t n = strlen(h);
		if (n < sizeof head_hash) {
			memcpy(head_hash, h, n);
			head_hash[n] = '\0';
		}
	}
	db_finish(s);
	if (head_id == 0) { /* empty log: the genesis hash is the head */
		unsigned char g[AUDIT_HASH_LEN];
		audit_genesis(g);
		audit_hex(g, head_hash);
	}
	audit_verify_finish(v, head_id, head_hash);
	return G_OK;
}
