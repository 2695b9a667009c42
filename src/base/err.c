#include "base/err.h"

#include <string.h>

static const char *const code_names[G_ERR__COUNT] = {
	[G_OK] = "ok",
	[G_ERR_NOMEM] = "out_of_memory",
	[G_ERR_INVALID] = "invalid",
	[G_ERR_UNAUTH] = "unauthenticated",
	[G_ERR_FORBIDDEN] = "forbidden",
	[G_ERR_NOTFOUND] = "not_found",
	[G_ERR_METHOD] = "method_not_allowed",
	[G_ERR_EXISTS] = "exists",
	[G_ERR_STALE] = "stale_version",
	[G_ERR_TOOLARGE] = "too_large",
	[G_ERR_UNSUPPORTED] = "unsupported_media_type",
	[G_ERR_LOCKED] = "locked",
	[G_ERR_PRECONDITION] = "precondition_required",
	[G_ERR_RETRY] = "retry",
	[G_ERR_DB] = "database_error",
	[G_ERR_IO] = "io_error",
	[G_ERR_INTERNAL] = "internal_error",
};

static void copy_bounded(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

gcode gerr_set(struct gerror *e, gcode code, const char *field, const char *zh,
	       const char *en)
{
	if (!e)
		return code;
	e->code = code;
	copy_bounded(e->field, sizeof e->field, field);
	copy_bounded(e->zh, sizeof e->zh, zh);
	copy_bounded(e->en, sizeof e->en, en);
	return code;
}

void gerr_clear(struct gerror *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

const char *gerr_code_name(gcode code)
{
	if ((int)code < 0 || code >= G_ERR__COUNT)
		return "internal_error";
	return code_names[code];
}
