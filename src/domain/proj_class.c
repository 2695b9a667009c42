#include "domain/proj_class.h"

#include <stdbool.h>
#include <string.h>

/* A name row: stable code, Chinese, English, and up to three aliases. */
struct name_row {
	const char *code, *zh, *en;
	const char *alias[3];
};

static const struct name_row kinds[PKIND__COUNT] = {
	[PKIND_NEW] = { "new", "新建", "new", { "新建项目", "新开工", NULL } },
	[PKIND_CONTINUING] = { "continuing", "续建", "continuing", { "续建项目", "复工", NULL } },
};

static const struct name_row categories[PCAT__COUNT] = {
	[PCAT_INDUSTRY] = { "industry", "产业项目", "industrial", { "产业", "产业类", NULL } },
	[PCAT_INFRASTRUCTURE] = { "infrastructure", "基础设施", "infrastructure",
				  { "基础设施项目", "基础设施类", "基础设施建设" } },
	[PCAT_SOCIAL] = { "social", "社会民生", "social welfare",
			  { "社会民生项目", "民生", "社会事业" } },
	[PCAT_REAL_ESTATE] = { "real_estate", "房地产", "real estate",
			       { "房地产项目", "房地产开发", NULL } },
};

static const struct name_row none = { "", "?", "?", { NULL } };

static const struct name_row *row_of(const struct name_row *t, size_t n, int i)
{
	return i >= 0 && (size_t)i < n ? &t[i] : &none;
}

static bool same(const char *name, const char *s, size_t len)
{
	return name && strlen(name) == len && memcmp(name, s, len) == 0;
}

static int find(const struct name_row *t, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; s && len && i < n; i++) {
		if (same(t[i].code, s, len) || same(t[i].zh, s, len))
			return (int)i;
		for (size_t a = 0; a < 3; a++)
			if (same(t[i].alias[a], s, len))
				return (int)i;
	}
	return -1;
}

const char *proj_kind_code(enum proj_kind k)
{
	return row_of(kinds, PKIND__COUNT, (int)k)->code;
}

const char *proj_kind_zh(enum proj_kind k)
{
	return row_of(kinds, PKIND__COUNT, (int)k)->zh;
}

const char *proj_kind_en(enum proj_kind k)
{
	return row_of(kinds, PKIND__COUNT, (int)k)->en;
}

const char *proj_category_code(enum proj_category c)
{
	return row_of(categories, PCAT__COUNT, (int)c)->code;
}

const char *proj_category_zh(enum proj_category c)
{
	return row_of(categories, PCAT__COUNT, (int)c)->zh;
}

const char *proj_category_en(enum proj_category c)
{
	return row_of(categories, PCAT__COUNT, (int)c)->en;
}

int proj_kind_find(const char *s, size_t len)
{
	return find(kinds, PKIND__COUNT, s, len);
}

int proj_category_find(const char *s, size_t len)
{
	return find(categories, PCAT__COUNT, s, len);
}

unsigned proj_size_tags(int64_t total_yuan)
{
	static const struct {
		int64_t floor_yuan;
		unsigned tag;
	} tiers[] = { { 50000000, PTAG_OVER_50M }, { 100000000, PTAG_OVER_100M } };
	unsigned tags = 0;
	for (size_t i = 0; i < sizeof tiers / sizeof tiers[0]; i++)
		if (total_yuan >= tiers[i].floor_yuan)
			tags |= tiers[i].tag;
	return tags;
}
