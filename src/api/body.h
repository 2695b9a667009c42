/* Strict checking of JSON request bodies: unknown fields, wrong types,
 * missing required fields and over-long strings are refused, naming the
 * field, before anything is written. */
#ifndef GUATU_API_BODY_H
#define GUATU_API_BODY_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

struct field_spec {
	const char *name;
	char type;        /* 's' string, 'i' integer, 'b' boolean */
	bool required;
	bool nullable;
	size_t max_chars; /* strings: most characters (UTF-8), 0 = 200 */
	const char *zh;   /* the field's Chinese name for messages */
};

gcode body_check(const json_t *body, const struct field_spec *spec, struct gerror *e);
/* NULL when absent or null. */
const char *body_str(const json_t *body, const char *name);
/* def when absent or null. */
int64_t body_int(const json_t *body, const char *name, int64_t def);
bool body_has(const json_t *body, const char *name);

#endif
