#include "domain/proj_cells.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "domain/proj_amount.h"
#include "domain/proj_date.h"
#include "domain/proj_text.h"

int proj_cell_yes_no(const char *s, size_t len)
{
	static const char *const yes[] = { "是", "y", "yes", "true", "1", "√", "✓", "有" };
	static const char *const no[] = { "否", "n", "no", "false", "0", "×", "", "无" };
	char f[32];
	if (!proj_text_fold(s, len, f, sizeof f, NULL))
		return -1;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!strcasecmp(f, yes[i]))
			return 1;
		if (!strcasecmp(f, no[i]))
			return 0;
	}
	return -1;
}

/* Length of the separator at p (n bytes left), 0 when there is none. */
static size_t separator(const char *p, size_t n)
{
	static const char *const seps[] = { "、", "，", "；", ",", ";", "/", " ", "\t" };
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t k = strlen(seps[i]);
		if (k <= n && !memcmp(p, seps[i], k))
			return k;
	}
	return 0;
}

/* Whether ",tag," already occurs in out[0..n). */
static bool seen(const char *out, size_t n, const char *tag, size_t k)
{
	for (size_t i = 0; i + k + 2 <= n; i++)
		if (out[i] == ',' && !memcmp(out + i + 1, tag, k) && out[i + k + 1] == ',')
			return true;
	return false;
}

static enum proj_tags_error add_tag(char *out, size_t cap, size_t *n, int *count, const char *t,
				    size_t k)
{
	if (!k || seen(out, *n, t, k))
		return PTAGS_OK;
	if (k > PROJ_TAG_MAX_BYTES)
		return PTAGS_TOO_LONG;
	if (memchr(t, '%', k) || memchr(t, '_', k))
		return PTAGS_BAD_CHAR;
	if (++*count > PROJ_TAGS_MAX)
		return PTAGS_TOO_MANY;
	if (*n + k + 2 > cap)
		return PTAGS_TOO_LONG;
	memcpy(out + *n, t, k);
	*n += k;
	out[(*n)++] = ',';
	out[*n] = '\0';
	return PTAGS_OK;
}

enum proj_tags_error proj_tags_parse(const char *s, size_t len, char *out, size_t cap)
{
	char f[PROJ_TAGS_MAX * (PROJ_TAG_MAX_BYTES + 4) + 64];
	size_t flen = 0, n = 1, start = 0;
	int count = 0;
	enum proj_tags_error r = PTAGS_OK;
	if (cap < 3)
		return PTAGS_TOO_LONG;
	if (!proj_text_fold(s, len, f, sizeof f, &flen)) {
		out[0] = '\0';
		return PTAGS_TOO_LONG;
	}
	memcpy(out, ",", 2);
	for (size_t i = 0; i <= flen && r == PTAGS_OK;) {
		size_t k = i < flen ? separator(f + i, flen - i) : 1;
		if (!k) {
			i++;
			continue;
		}
		r = add_tag(out, cap, &n, &count, f + start, i - start);
		i += k;
		start = i;
	}
	if (r != PTAGS_OK || n == 1)
		out[0] = '\0';
	return r;
}

const char *proj_tags_error_zh(enum proj_tags_error e)
{
	static const char *const m[] = { "", "标签不能超过10个", "标签过长（每个至多60字节）",
					 "标签不能含有%或_" };
	return (unsigned)e < sizeof m / sizeof m[0] ? m[e] : "标签无效";
}

const char *proj_tags_error_en(enum proj_tags_error e)
{
	static const char *const m[] = { "", "at most 10 tags", "a tag is too long (60 bytes at most)",
					 "tags cannot hold % or _" };
	return (unsigned)e < sizeof m / sizeof m[0] ? m[e] : "invalid tags";
}

bool proj_cell_month(const char *s, size_t len, char out[8])
{
	int32_t d;
	struct proj_ymd ymd;
	out[0] = '\0';
	if (proj_date_parse_text(s, len, &d, NULL) != PDATE_OK || !proj_date_to_ymd(d, &ymd))
		return false;
	snprintf(out, 8, "%04d-%02d", ymd.year, ymd.month);
	return true;
}
