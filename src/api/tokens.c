/* API tokens for integrations: shown once, stored hashed, revocable. */
#include <stdio.h>
#include <string.h>

#include "api/body.h"
#include "api/handlers.h"
#include "base/mem.h"
#include "base/secret.h"
#include "store/users.h"

gcode h_tokens_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	json_t *out;
	gcode rc = api_check(rq, RES_TOKEN, ACT_READ, NULL, e);
	if (rc == G_OK)
		rc = store_token_list(rq->db, rq->who.user_id, &out, e);
	return rc == G_OK ? api_ok(rs, 200, out) : rc;
}

static const struct field_spec token_spec[] = {
	{ "name", 's', true, false, 60, "名称" },
	{ 0 },
};

gcode h_tokens_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc = api_check(rq, RES_TOKEN, ACT_WRITE, NULL, e);
	if (rc == G_OK)
		rc = body_check(rq->json, token_spec, e);
	if (rc != G_OK)
		return rc;
	char secret[SECRET_TOKEN_HEX], token[80], hash[SECRET_TOKEN_HEX];
	secret_random_hex(secret);
	snprintf(token, sizeof token, "gt_%s", secret);
	secret_hash_token(token, hash);
	const char *name = body_str(rq->json, "name");
	struct actor a = api_actor(rq);
	int64_t id = 0;
	rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_token_create(rq->db, rq->who.user_id, name, hash, rq->now, &id, e);
	char oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	json_t *after = json_pack("{s:s}", "name", name);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "create", "token", oid, rq->who.region, NULL, after, e);
	json_decref(after);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_t *out = rc == G_OK ? json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "name", name,
					     "token", token)
				 : NULL;
	mem_wipe(secret, sizeof secret);
	mem_wipe(token, sizeof token);
	return rc == G_OK ? api_ok(rs, 201, out) : rc;
}

gcode h_tokens_delete(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	int64_t id, owner = 0;
	gcode rc = api_path_id(rq, 0, &id, e);
	if (rc == G_OK)
		rc = store_token_owner(rq->db, id, &owner, e);
	if (rc == G_ERR_NOTFOUND)
		return api_not_found(e);
	struct obj_scope o = { .region = rq->who.region, .owner_user_id = owner };
	if (rc == G_OK)
		rc = api_check(rq, RES_TOKEN, ACT_WRITE, &o, e);
	struct actor a = api_actor(rq);
	if (rc == G_OK)
		rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_token_revoke(rq->db, id, e);
	if (rc == G_OK)
		rc = audit_append(rq->db, &a, "revoke", "token", rq->params[0], rq->who.region,
				  NULL, NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	if (rc != G_OK)
		return rc;
	rs->status = 204;
	return G_OK;
}
