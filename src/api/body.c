#include "api/body.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"

static const struct field_spec *find(const struct field_spec *spec, const char *name)
{
	for (; spec->name; spec++)
		if (!strcmp(spec->name, name))
			return spec;
	return NULL;
}

static gcode field_error(struct gerror *e, const char *field, const char *zh_name,
			 const char *zh_what, const char *en_what)
{
	char zh[256], en[256];
	snprintf(zh, sizeof zh, "字段“%s”%s", zh_name ? zh_name : field, zh_what);
	snprintf(en, sizeof en, "field \"%s\" %s", field, en_what);
	return gerr_set(e, G_ERR_INVALID, field, zh, en);
}

/* Only spaces, tabs, line breaks or the ideographic space U+3000. */
static bool blank(const char *s)
{
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			s += 3;
		else
			return false;
	}
	return true;
}

static gcode check_value(const struct field_spec *f, const json_t *v, struct gerror *e)
{
	if (json_is_null(v)) {
		if (f->nullable && !f->required)
			return G_OK;
		return field_error(e, f->name, f->zh, "不能为空", "must not be null");
	}
	if (f->type == 's') {
		if (!json_is_string(v))
			return field_error(e, f->name, f->zh, "应为文本", "must be a string");
		size_t max = f->max_chars ? f->max_chars : 200;
		long n = text_utf8_len(json_string_value(v), json_string_length(v));
		if (n < 0 || memchr(json_string_value(v), 0, json_string_length(v)))
			return field_error(e, f->name, f->zh, "含有无效字符", "has invalid characters");
		if ((size_t)n > max)
			return field_error(e, f->name, f->zh, "过长", "is too long");
		if (f->required && blank(json_string_value(v)))
			return field_error(e, f->name, f->zh, "不能为空", "must not be empty");
	} else if (f->type == 'i') {
		if (!json_is_integer(v))
			return field_error(e, f->name, f->zh, "应为整数", "must be an integer");
	} else if (f->type == 'b') {
		if (!json_is_boolean(v))
			return field_error(e, f->name, f->zh, "应为真或假", "must be true or false");
	}
	return G_OK;
}

gcode body_check(const json_t *body, const struct field_spec *spec, struct gerror *e)
{
	if (!json_is_object(body))
		return gerr_set(e, G_ERR_INVALID, NULL, "请求体应为JSON对象",
				"the request body must be a JSON object");
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)body, key, v) {
		const struct field_spec *f = find(spec, key);
		if (!f)
			return field_error(e, key, NULL, "不是可接受的字段", "is not a known field");
		gcode rc = check_value(f, v, e);
		if (rc != G_OK)
			return rc;
	}
	for (; spec->name; spec++)
		if (spec->required && !json_object_get(body, spec->name))
			return field_error(e, spec->name, spec->zh, "必须填写", "is required");
	return G_OK;
}

const char *body_str(const json_t *body, const char *name)
{
	return json_string_value(json_object_get(body, name));
}

int64_t body_int(const json_t *body, const char *name, int64_t def)
{
	const json_t *v = json_object_get(body, name);
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : def;
}

bool body_has(const json_t *body, const char *name)
{
	return json_object_get(body, name) != NULL;
}
