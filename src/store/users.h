/* Accounts, sessions and API tokens. */
#ifndef GUATU_STORE_USERS_H
#define GUATU_STORE_USERS_H
#include <jansson.h>
#include <stdint.h>

#include "store/db.h"

struct user_row {
	int64_t id;
	char username[65];
	char display_name[129];
	char role[32];
	char region[7];
	int64_t department_id; /* 0: none */
	int64_t enterprise_id; /* 0: none */
	char password_hash[256];
	int must_change_password;
	int failed_logins;
	int64_t locked_until;
	int disabled;
	int64_t version;
};

struct user_fields {
	const char *username, *display_name, *role, *region;
	int64_t department_id, enterprise_id; /* 0: none */
	int disabled;
};

/* G_ERR_NOTFOUND when absent. */
gcode store_user_by_name(struct db *c, const char *username, struct user_row *u,
			 struct gerror *e);
gcode store_user_by_id(struct db *c, int64_t id, struct user_row *u, struct gerror *e);
/* The public JSON of a user (no hash); NULL when absent. */
json_t *store_user_json(struct db *c, int64_t id, int64_t now);
/* {items,total} of users whose region is in [lo,hi], optional filters. */
gcode store_user_list(struct db *c, const char *lo, const char *hi, const char *q,
		      const char *role, int64_t limit, int64_t offset, int64_t now,
		      json_t **out, struct gerror *e);
gcode store_user_insert(struct db *c, const struct user_fields *f, const char *hash,
			int64_t now, int64_t *id, struct gerror *e);
/* G_ERR_STALE when version no longer matches. */
gcode store_user_update(struct db *c, int64_t id, int64_t version,
			const struct user_fields *f, int64_t now, struct gerror *e);
gcode store_user_set_password(struct db *c, int64_t id, const char *hash,
			      int must_change, int64_t now, struct gerror *e);
gcode store_user_set_login_state(struct db *c, int64_t id, int failed,
				 int64_t locked_until, int64_t last_login, struct gerror *e);
gcode store_user_count(struct db *c, int64_t *n, struct gerror *e);

gcode store_session_create(struct db *c, const char *id_hash, int64_t user_id,
			   const char *csrf, const char *ip, int64_t now, struct gerror *e);
/* The session with its user (password_hash left empty); G_ERR_NOTFOUND
 * when there is no such session. */
gcode store_session_user(struct db *c, const char *id_hash, struct user_row *u,
			 char csrf[65], int64_t *last_seen, struct gerror *e);
gcode store_session_touch(struct db *c, const char *id_hash, int64_t now, struct gerror *e);
gcode store_session_delete(struct db *c, const char *id_hash, struct gerror *e);
gcode store_session_delete_user(struct db *c, int64_t user_id, struct gerror *e);
/* Ends every session of the user but one (after a password change). */
gcode store_session_delete_others(struct db *c, int64_t user_id, const char *keep_hash,
				  struct gerror *e);

gcode store_token_create(struct db *c, int64_t user_id, const char *name,
			 const char *token_hash, int64_t now, int64_t *id, struct gerror *e);
/* G_ERR_NOTFOUND unless an unrevoked token has this hash. */
gcode store_token_lookup(struct db *c, const char *token_hash, int64_t *user_id,
			 int64_t *token_id, struct gerror *e);
gcode store_token_touch(struct db *c, int64_t token_id, int64_t now, struct gerror *e);
gcode store_token_list(struct db *c, int64_t user_id, json_t **out, struct gerror *e);
/* Returns the owner in *owner; G_ERR_NOTFOUND when absent. */
gcode store_token_owner(struct db *c, int64_t id, int64_t *owner, struct gerror *e);
gcode store_token_revoke(struct db *c, int64_t id, struct gerror *e);

#endif
