/* The column tables of the projects imports (projects_import_cols.c), in
 * the order of these enums. */
#ifndef GUATU_API_PROJECTS_IMPORT_COLS_H
#define GUATU_API_PROJECTS_IMPORT_COLS_H
#include "api/projects_io.h"

enum {
	PC_CODE, PC_NAME, PC_REGION, PC_CATEGORY, PC_INDUSTRY, PC_KIND, PC_TOTAL, PC_ANNUAL,
	PC_YEAR, PC_BUILDER, PC_LOCATION, PC_LEADER, PC_DEPT, PC_STAGE,
	/* the dates, together: */
	PC_STAGE_DATE, PC_PSTART, PC_ASTART, PC_PFINISH, PC_AFINISH, PC_STATS,
	PC_TAGS, PC_BOND, PC__COUNT
};
#define PC_DATES (PC_STATS - PC_STAGE_DATE + 1)

enum { RC_CODE, RC_NAME, RC_MONTH, RC_INVEST_MONTH, RC_INVEST_YTD, RC_PROGRESS, RC_NOTE,
       RC__COUNT };

extern const struct sheet_col project_import_cols[PC__COUNT];

#endif
