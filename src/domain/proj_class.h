/* How a project is classed: 新建 or 续建 (a continuing project counts as 复工
 * when it resumes), its category (产业项目/基础设施/社会民生/房地产), and the
 * size tags reports group by (5000万以上, 亿元以上). Static tables; pure. */
#ifndef GUATU_DOMAIN_PROJ_CLASS_H
#define GUATU_DOMAIN_PROJ_CLASS_H
#include <stddef.h>
#include <stdint.h>

enum proj_kind {
	PKIND_NEW,        /* 新建: starts (开工) this plan year */
	PKIND_CONTINUING, /* 续建: started in an earlier year; resuming is 复工 */
	PKIND__COUNT
};

enum proj_category {
	PCAT_INDUSTRY,       /* 产业项目 */
	PCAT_INFRASTRUCTURE, /* 基础设施 */
	PCAT_SOCIAL,         /* 社会民生 */
	PCAT_REAL_ESTATE,    /* 房地产 */
	PCAT__COUNT
};

/* Size tags, as bits. */
enum {
	PTAG_OVER_50M = 1u << 0,  /* 5000万元以上: total investment >= 5000万元 */
	PTAG_OVER_100M = 1u << 1, /* 亿元以上: total investment >= 1亿元 */
};

/* Static names, never NULL: code is the stable ASCII key for storage and
 * the API ("new", "continuing"; "industry", "infrastructure", "social",
 * "real_estate"); out-of-range values give "" / "?". */
const char *proj_kind_code(enum proj_kind k);
const char *proj_kind_zh(enum proj_kind k);
const char *proj_kind_en(enum proj_kind k);
const char *proj_category_code(enum proj_category c);
const char *proj_category_zh(enum proj_category c);
const char *proj_category_en(enum proj_category c);
/* The kind or category whose code or Chinese name (also the short forms
 * spreadsheets use: "产业", "基础设施类", "民生") is s[0..len); -1 when none. */
int proj_kind_find(const char *s, size_t len);
int proj_category_find(const char *s, size_t len);
/* The PTAG_ bits a total investment in 元 earns (both at >= 1亿元). */
unsigned proj_size_tags(int64_t total_yuan);

#endif
