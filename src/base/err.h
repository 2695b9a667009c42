/* One error type for the whole program: a code, the field it concerns, and a
 * message in Chinese and English. Only the HTTP layer maps codes to statuses. */
#ifndef GUATU_BASE_ERR_H
#define GUATU_BASE_ERR_H
#include <stddef.h>

typedef enum {
	G_OK = 0,
	G_ERR_NOMEM,
	G_ERR_INVALID,       /* bad input: 400 */
	G_ERR_UNAUTH,        /* not logged in / bad credentials: 401 */
	G_ERR_FORBIDDEN,     /* role may not: 403 */
	G_ERR_NOTFOUND,      /* absent or outside scope: 404 */
	G_ERR_METHOD,        /* 405 */
	G_ERR_EXISTS,        /* unique key taken: 409 */
	G_ERR_STALE,         /* version mismatch: 412 */
	G_ERR_TOOLARGE,      /* 413 */
	G_ERR_UNSUPPORTED,   /* media type: 415 */
	G_ERR_LOCKED,        /* account locked: 423 */
	G_ERR_PRECONDITION,  /* If-Match missing: 428 */
	G_ERR_RETRY,         /* serialization failure: retry the transaction */
	G_ERR_DB,            /* database failure: 500 */
	G_ERR_IO,            /* file or system failure: 500 */
	G_ERR_INTERNAL,      /* 500 */
	G_ERR__COUNT
} gcode;

struct gerror {
	gcode code;
	char field[64];
	char zh[256];
	char en[256];
};

/* Fills e (when non-NULL) and returns code. field may be NULL. */
gcode gerr_set(struct gerror *e, gcode code, const char *field, const char *zh,
	       const char *en);
/* Like gerr_set with printf-style English and Chinese formats sharing the
 * same arguments is not possible; callers format first and pass results. */
void gerr_clear(struct gerror *e);
/* Short machine code, e.g. "not_found". */
const char *gerr_code_name(gcode code);

#endif
