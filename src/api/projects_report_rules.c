/* Rules of monthly reports, shared by the routes and the import. */
#include "api/projects_report_rules.h"

#include <stdio.h>
#include <string.h>

#include "api/projects.h"
#include "domain/proj_amount.h"

bool projects_month_parse(const char *s, int *y, int *m)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	int v[6];
	for (int i = 0, k = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
		v[k++] = s[i] - '0';
	}
	*y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	*m = v[4] * 10 + v[5];
	return *y >= 1900 && *y <= 2199 && *m >= 1 && *m <= 12;
}

gcode projects_report_check_month(struct api_req *rq, const char *month, struct gerror *e)
{
	int y, m;
	if (!projects_month_parse(month, &y, &m))
		return gerr_set(e, G_ERR_INVALID, "month", "月份应为YYYY-MM", "month must be YYYY-MM");
	int32_t today = projects_today(rq);
	if (y * 12 + m > proj_date_year(today) * 12 + proj_date_month(today))
		return gerr_set(e, G_ERR_INVALID, "month", "不能填报未来月份的月报",
				"a report cannot be for a future month");
	return G_OK;
}

gcode projects_report_closed(struct gerror *e, const json_t *r)
{
	const char *month = json_string_value(json_object_get(r, "month"));
	char zh[200], en[200];
	snprintf(zh, sizeof zh, "%s的月报已审核，该月已关闭，不能再修改或重复填报", month);
	snprintf(en, sizeof en,
		 "the report of %s has been reviewed: that month is closed to edits and new reports",
		 month);
	return gerr_set(e, G_ERR_EXISTS, "month", zh, en);
}

bool projects_report_late(struct api_req *rq, const char *month)
{
	int y, m;
	int32_t first, due;
	if (!projects_month_parse(month, &y, &m) || !proj_date_from_ymd(y, m, 1, &first) ||
	    !proj_date_add_months(first, 1, &due))
		return false;
	return projects_today(rq) > due + PROJ_REPORT_DUE_DAY - 1;
}

static gcode ytd_below(struct gerror *e, const struct report_fields *f, const char *pm,
		       int64_t prev_ytd)
{
	char now_s[48], prev_s[48], zh[300], en[300];
	proj_amount_format(f->invest_ytd, 0, now_s, sizeof now_s);
	proj_amount_format(prev_ytd, 0, prev_s, sizeof prev_s);
	snprintf(zh, sizeof zh, "本年累计完成投资（%s）低于%s月报的%s，须在ytd_note中说明原因",
		 now_s, pm, prev_s);
	snprintf(en, sizeof en, "invest_ytd (%lld) is below %s's %lld: explain it in ytd_note",
		 (long long)f->invest_ytd, pm, (long long)prev_ytd);
	return gerr_set(e, G_ERR_INVALID, "invest_ytd", zh, en);
}

gcode projects_report_check_figures(struct db *c, int64_t pid, struct report_fields *f,
				    bool ytd_given, struct gerror *e)
{
	json_t *prev = store_report_before(c, pid, f->month);
	const char *pm = prev ? json_string_value(json_object_get(prev, "month")) : NULL;
	bool same_year = pm && !strncmp(pm, f->month, 4);
	int64_t prev_ytd = same_year ? json_integer_value(json_object_get(prev, "invest_ytd")) : 0;
	gcode rc = G_OK;
	if (!ytd_given)
		f->invest_ytd = prev_ytd + f->invest_month;
	if (f->invest_month > f->invest_ytd)
		rc = gerr_set(e, G_ERR_INVALID, "invest_month", "本月完成投资不能大于本年累计完成投资",
			      "invest_month cannot exceed invest_ytd");
	if (rc == G_OK && same_year && f->invest_ytd < prev_ytd && !f->ytd_note)
		rc = ytd_below(e, f, pm, prev_ytd);
	json_decref(prev);
	return rc;
}
