/* The API layer: one file per resource, JSON in -> domain/store -> JSON out.
 * The HTTP layer parses the wire into an api_req and sends the api_resp;
 * handlers never see the socket. */
#ifndef GUATU_API_API_H
#define GUATU_API_API_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "config/config.h"
#include "domain/scope.h"
#include "store/store.h"

#define API_MAX_PARAMS 4

struct lru_cache;

struct app {
	struct config cfg;
	struct store *store;
	/* Kept until the data changes (answer_cache.c, auth.c); NULL when
	 * cache_mb is 0. */
	struct lru_cache *answers;
	struct lru_cache *sessions;
};

struct api_req {
	struct app *app;
	const char *method;
	const char *path;
	const char *params[API_MAX_PARAMS]; /* path parameters, in order */
	int nparams;
	char pbuf[API_MAX_PARAMS][128];
	/* Lookups answered by the HTTP layer (query string and headers). */
	const char *(*query_fn)(void *ctx, const char *key);
	const char *(*header_fn)(void *ctx, const char *name);
	/* Writes every query argument, in order and unambiguously, to out;
	 * returns the length, or (size_t)-1 when cap is too small. */
	size_t (*query_canon_fn)(void *ctx, char *out, size_t cap);
	void *ctx;
	const char *ip;
	const char *body;
	size_t body_len;
	json_t *json; /* parsed body, owned by the dispatcher */
	struct db *db;
	int64_t now;
	uint64_t gen; /* the data generation when the request began (caches on) */
	/* Set by authentication. */
	bool authed;
	bool via_token;
	bool must_change;
	struct principal who;
	char username[65];
	char session_hash[65];
	char csrf[65];
};

struct api_resp {
	int status;
	json_t *body;         /* JSON body, or NULL */
	char etag[32];        /* sent as ETag when non-empty */
	char cookie[256];     /* Set-Cookie when non-empty */
	const char *content_type;
	char *raw;            /* non-JSON body (malloc'd), raw_len bytes */
	size_t raw_len;
	const char *disposition;
	/* Set for a route with ROUTE_CACHE that was computed, not found: the
	 * HTTP layer hands the bytes it sends to api_cache_store. */
	char cache_key[1024];
	uint64_t cache_gen;
};

enum {
	ROUTE_PUBLIC = 1,  /* no authentication */
	ROUTE_ANY_PW = 2,  /* allowed while a password change is forced */
	ROUTE_UPLOAD = 4,  /* the body is a file (not JSON), up to max_upload bytes */
	ROUTE_PHOTO = 8,   /* with ROUTE_UPLOAD: one photo, refused early above API_PHOTO_BODY */
	/* The answer depends only on the user, the URL, the date and the data:
	 * it is kept until the data changes (answer_cache.c). */
	ROUTE_CACHE = 16,
	/* with ROUTE_CACHE: the answer is the session's too (GET /me: its CSRF
	 * token), so it is kept per session, not per user */
	ROUTE_PER_SESSION = 32,
};

/* A photo is at most PROJ_PHOTO_MAX (1 MiB); the HTTP layer stops reading a
 * little above it, so the handler still names the exact size up to there. */
#define API_PHOTO_BODY ((size_t)(1024 * 1024 + 4096))

typedef gcode (*api_handler)(struct api_req *rq, struct api_resp *rs, struct gerror *e);

struct api_route {
	const char *method;
	const char *pattern; /* "/api/v1/users/{id}" */
	api_handler fn;
	unsigned flags;
	const char *summary;
};

extern const struct api_route api_routes[];

/* Authenticates, checks CSRF, runs the handler and turns any error into
 * the JSON error body with the matching status. */
void api_dispatch(struct api_req *rq, struct api_resp *rs);
void api_resp_free(struct api_resp *rs);
/* Answer cache (answer_cache.c). A hit fills rs (raw bytes and ETag) and
 * returns true; a miss leaves rs->cache_key set when this request is the
 * one computing the answer: the HTTP layer must then call api_cache_store,
 * which keeps the JSON text of a 200 answer (json NULL: nothing to keep)
 * and lets requests waiting for the same answer go on. */
bool api_cache_lookup(struct api_req *rq, struct api_resp *rs, bool per_session);
void api_cache_store(struct app *app, const struct api_resp *rs, int64_t now, const char *json,
		     size_t len);
/* The largest body the route for method and path accepts; *too_large is set
 * to the JSON body of the 413 answer for a larger one. */
extern const char API_TOO_LARGE[]; /* the JSON of a 413 for any other body */
size_t api_body_limit(const struct app *app, const char *method, const char *path,
		      const char **too_large);
int api_status_of(gcode code);

/* Helpers for handlers. */
const char *api_query(struct api_req *rq, const char *key);
const char *api_header(struct api_req *rq, const char *name);
struct actor api_actor(const struct api_req *rq);
/* A free-text query parameter: NULL when absent; 400 naming key when it is
 * not UTF-8 or longer than max_chars characters. */
gcode api_query_text(struct api_req *rq, const char *key, long max_chars, const char **out,
		     struct gerror *e);
/* page/per_page from the query: defaults 1 and 20, per_page ≤ 500. */
gcode api_paging(struct api_req *rq, int64_t *limit, int64_t *offset, struct gerror *e);
/* The version named by If-Match; 428 when missing, 400 when malformed. */
gcode api_if_match(struct api_req *rq, int64_t *version, struct gerror *e);
gcode api_path_id(struct api_req *rq, int i, int64_t *id, struct gerror *e);
void api_set_etag(struct api_resp *rs, int64_t version);
/* Sends obj with status; takes ownership. */
gcode api_ok(struct api_resp *rs, int status, json_t *obj);
/* Decision to error: DENY 403, HIDDEN 404. Audits denials. */
gcode api_check(struct api_req *rq, enum resource res, enum action act,
		const struct obj_scope *o, struct gerror *e);
gcode api_not_found(struct gerror *e);
/* Ends a change begun with db_begin when rc is G_OK: appends its audit
 * record (before -> after), commits, and answers status with after and its
 * version as ETag. Takes ownership of before and after; returns the first
 * error (the dispatcher then rolls back). */
gcode api_commit_change(struct api_req *rq, struct api_resp *rs, gcode rc, const char *action,
			const char *object_type, const char *object_id, const char *region,
			json_t *before, json_t *after, int status, struct gerror *e);
/* Answers an all-or-nothing import: 200 with the report, 400 with the
 * error and the report when rows were wrong (rc G_ERR_INVALID with a
 * report), else rc. Takes ownership of report. */
gcode api_import_reply(struct api_resp *rs, gcode rc, json_t *report, struct gerror *e);
/* Answers 200 with the file in b (taken over; b is left empty). */
struct buf;
void api_attach_file(struct api_resp *rs, struct buf *b, const char *content_type,
		     const char *disposition);
/* The caller's region range for list queries. */
void api_scope_range(const struct api_req *rq, char lo[7], char hi[7]);

#endif
