/* The monthly 经济运行 briefing, drafted from the figures of one region and
 * period in the register of the district reports: "上半年，地区生产总值实现
 * 427.8亿元，同比增长8.4%（增速居五城区第2位）…". A headline paragraph, one
 * sentence per indicator (value, reported growth, ranks in brackets, target
 * and 序时进度), a projects paragraph (rates, lagging projects, overdue
 * problems), and what is behind target. Every number written is recorded
 * with the records it comes from, so the JSON form can trace each one.
 * Pure: the caller gathers the figures; nothing here does I/O. */
#ifndef GUATU_DOMAIN_BRIEFING_H
#define GUATU_DOMAIN_BRIEFING_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "domain/brief_format.h"
#include "domain/proj_rates.h"

/* Where a number comes from. */
enum brief_ref_kind {
	BREF_VALUE,   /* an indicator value record (the value and its growth) */
	BREF_TARGET,  /* an indicator target record */
	BREF_PROJECT, /* a project of the year's list */
	BREF_PROBLEM, /* a project problem */
	BREF__COUNT
};

struct brief_ref {
	enum brief_ref_kind kind;
	int64_t id;
};

/* One indicator's figures for the region and period (cumulative year to
 * date). Pointers are the caller's and must outlive brief_compose. */
struct brief_indicator {
	const char *code;    /* "gdp" */
	const char *name_zh; /* "地区生产总值" */
	bool amount;         /* value in 元 (written 亿元); else a count */
	const char *unit_zh; /* the count's unit ("户", "万美元"); not for amounts */
	int64_t scale;       /* a count's base units per unit_zh (万美元: 10000) */
	int64_t value;
	int64_t value_id; /* its value record */
	bool has_growth;  /* the officially reported 同比 growth */
	int64_t growth_bp;
	bool headline; /* leads the briefing (地区生产总值) */
	int month;     /* the last month its figure covers when not the briefing's
			  (a quarterly indicator: 9 in a 1-11月 briefing); 0: the same */
	/* Rank within the comparison group (1 = first), 0 when unknown;
	 * group_ids are the value records of every member ranked. */
	int rank_value, rank_growth, group_n;
	const int64_t *group_ids;
	size_t n_group_ids;
	/* The annual target: a growth rate, an amount, or both; target_id is
	 * the target record. */
	bool has_target_growth;
	int64_t target_growth_bp;
	bool has_target_amount;
	int64_t target_amount;
	int64_t target_id;
	/* The amount is implied by the growth target and last year's
	 * full-year value (record implied_base_id), as the cockpit measures. */
	bool target_amount_implied;
	int64_t implied_base_id;
};

struct brief_lagging {
	int64_t id;
	const char *name;
};

/* The projects module's figures for the region and year (proj_rates). */
struct brief_projects {
	struct proj_rate_row rates;
	const int64_t *project_ids; /* the year's list: the rates' sources */
	size_t n_project_ids;
	const struct brief_lagging *lagging; /* red or yellow, worst first */
	size_t n_lagging;
	const int64_t *overdue_problem_ids;
	size_t n_overdue;
};

struct brief_input {
	const char *region_zh; /* "朝阳区" */
	const char *group_zh;  /* "五城区"; NULL when no ranks are given */
	int year, month;       /* the cumulative period 1..month of year */
	const struct brief_indicator *ind;
	size_t n_ind;
	const struct brief_projects *proj; /* NULL: no projects paragraph */
	/* 三次产业结构 "0.2:26.7:73.1" from the three value-added records
	 * structure_ids, or NULL. */
	const char *structure_text;
	const int64_t *structure_ids;
	size_t n_structure_ids;
};

/* A number as written, with its sources (refs[ref_first .. +n_refs)). */
struct brief_number {
	size_t para;   /* paragraph index */
	size_t offset; /* byte offset of text within the paragraph */
	char text[BRIEF_NUM_MAX];
	const char *kind;      /* "value", "growth", "rank", "target", "pace",
				  "gap", "rate", "count", "structure" (static) */
	char indicator[41];    /* the indicator code, "projects" or "structure" */
	char indicator_zh[96]; /* its name: "地区生产总值", "重点项目", "三次产业结构" */
	size_t ref_first, n_refs;
};

/* A paragraph; kind is "headline", "indicator", "projects" or "behind". */
struct brief_para {
	char *text;
	const char *kind;
};

/* The figures table: one row per indicator, cells already written. */
enum { BRIEF_COLS = 6 };
struct brief_row {
	char cell[BRIEF_COLS][BRIEF_NUM_MAX * 2];
};

struct briefing {
	char title[192];  /* "朝阳区2023年上半年经济运行情况" */
	char period[32];  /* "2023年上半年" */
	struct brief_para *paras;
	size_t n_paras;
	struct brief_number *nums;
	size_t n_nums;
	struct brief_ref *refs;
	size_t n_refs;
	struct brief_row *rows;
	size_t n_rows;
	size_t n_behind; /* indicators behind target or pace */
};

/* The figures table's column headings (static). */
extern const char *const brief_col_zh[BRIEF_COLS];

/* Composes the briefing into *out (which brief_free releases; zeroed on
 * failure). G_ERR_INVALID naming the field when the period is outside
 * 1..12 of a year 1..9999, a name is missing, or more than 64 indicators
 * are given; amounts beyond ±9e15 元 are refused as implausible. */
gcode brief_compose(const struct brief_input *in, struct briefing *out, struct gerror *e);
void brief_free(struct briefing *b);
/* The whole briefing as plain text: title, period, paragraphs each on
 * its own line, indented with two ideographic spaces. Caller frees. */
char *brief_text(const struct briefing *b);
/* Static names of a ref kind: "indicator_value", "indicator_target",
 * "project", "project_problem". */
const char *brief_ref_kind_name(enum brief_ref_kind k);

#endif
