#include "http/json_out.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"

#define MAX_DEPTH 64

/* Escapes as jansson does without JSON_ENSURE_ASCII: quote, backslash and
 * control characters; UTF-8 passes through (jansson strings are valid). */
static bool put_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	bool ok = buf_append(b, "\"", 1);
	size_t run = 0; /* start of the bytes not yet copied */
	for (size_t i = 0; ok && i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x20 && ch != '"' && ch != '\\')
			continue;
		ok = buf_append(b, s + run, i - run);
		char esc[7] = { '\\', 0 };
		size_t k = 2;
		switch (ch) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[ch >> 4];
			esc[5] = hex[ch & 15];
			k = 6;
		}
		ok = ok && buf_append(b, esc, k);
		run = i + 1;
	}
	return ok && buf_append(b, s + run, n - run) && buf_append(b, "\"", 1);
}

/* jansson's reals: "%.17g", ".0" added when it reads as an integer, and
 * the exponent without '+' or leading zeros ("1e17", "2e-05" -> "2e-5"). */
static bool put_real(struct buf *b, double d)
{
	char t[64];
	int n = snprintf(t, sizeof t, "%.17g", d);
	if (n <= 0 || (size_t)n >= sizeof t - 2)
		return false;
	char *e = strchr(t, 'e');
	if (!e && !strchr(t, '.'))
		memcpy(t + n, ".0", 3);
	if (e) {
		char *from = e + 1, *to = e + 1;
		if (*from == '+')
			from++;
		else if (*from == '-')
			*to++ = *from++;
		while (*from == '0' && from[1])
			from++;
		memmove(to, from, strlen(from) + 1);
	}
	return buf_puts(b, t);
}

static bool put(struct buf *b, const json_t *v, int depth)
{
	char t[32];
	if (depth > MAX_DEPTH)
		return false;
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		const char *key;
		json_t *x;
		bool ok = buf_append(b, "{", 1), first = true;
		json_object_foreach((json_t *)v, key, x) {
			ok = ok && (first || buf_append(b, ",", 1)) && put_string(b, key, strlen(key)) &&
			     buf_append(b, ":", 1) && put(b, x, depth + 1);
			first = false;
		}
		return ok && buf_append(b, "}", 1);
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *x;
		bool ok = buf_append(b, "[", 1);
		json_array_foreach(v, i, x)
			ok = ok && (i == 0 || buf_append(b, ",", 1)) && put(b, x, depth + 1);
		return ok && buf_append(b, "]", 1);
	}
	case JSON_STRING:
		return put_string(b, json_string_value(v), json_string_length(v));
	case JSON_INTEGER:
		snprintf(t, sizeof t, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return buf_puts(b, t);
	case JSON_REAL:
		return put_real(b, json_real_value(v));
	case JSON_TRUE:
		return buf_append(b, "true", 4);
	case JSON_FALSE:
		return buf_append(b, "false", 5);
	case JSON_NULL:
		return buf_append(b, "null", 4);
	}
	return false;
}

char *json_out_compact(const json_t *v, size_t *len)
{
	struct buf b;
	buf_init(&b, 0);
	if (!v || !put(&b, v, 0)) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}
