#include "domain/econ_period.h"

#include <stdio.h>
#include <string.h>

static const char *const per_codes[EPER__COUNT] = { "monthly", "quarterly" };

const char *econ_periodicity_code(enum econ_periodicity p)
{
	return (unsigned)p < EPER__COUNT ? per_codes[p] : "";
}

int econ_periodicity_from_code(const char *s)
{
	for (int i = 0; s && i < EPER__COUNT; i++)
		if (strcmp(s, per_codes[i]) == 0)
			return i;
	return -1;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads 1..max digits at *p into *v, advancing *p. */
static bool read_num(const char **p, int max, int *v)
{
	int n = 0, x = 0;
	while (is_digit(**p) && n < max) {
		x = x * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*v = x;
	return n > 0 && !is_digit(**p);
}

enum econ_period_error econ_period_parse(const char *s, struct econ_period *out,
					 bool *quarter_form)
{
	if (!s || strlen(s) > 10)
		return EPERIOD_BAD_FORMAT;
	const char *p = s;
	int year = 0, n = 0;
	bool q = false;
	if (strlen(s) < 6 || !read_num(&p, 4, &year) || p - s != 4 || *p++ != '-')
		return EPERIOD_BAD_FORMAT;
	if (*p == 'Q' || *p == 'q') {
		q = true;
		p++;
	}
	if (!read_num(&p, 2, &n) || *p)
		return EPERIOD_BAD_FORMAT;
	if (q ? n < 1 || n > 4 : n < 1 || n > 12)
		return EPERIOD_BAD_FORMAT;
	if (year < ECON_YEAR_MIN || year > ECON_YEAR_MAX)
		return EPERIOD_BAD_YEAR;
	out->year = year;
	out->month = q ? n * 3 : n;
	if (quarter_form)
		*quarter_form = q;
	return EPERIOD_OK;
}

enum econ_period_error econ_period_check(struct econ_period p, enum econ_periodicity per,
					 bool jan_feb_merged)
{
	if (p.year < ECON_YEAR_MIN || p.year > ECON_YEAR_MAX)
		return EPERIOD_BAD_YEAR;
	if (p.month < 1 || p.month > 12 || (unsigned)per >= EPER__COUNT)
		return EPERIOD_BAD_FORMAT;
	if (per == EPER_QUARTERLY && p.month % 3 != 0)
		return EPERIOD_NOT_QUARTER_END;
	if (per == EPER_MONTHLY && jan_feb_merged && p.month == 1)
		return EPERIOD_JANUARY_MERGED;
	return EPERIOD_OK;
}

enum econ_period_error econ_period_parse_for(const char *s, enum econ_periodicity per,
					     bool jan_feb_merged, struct econ_period *out)
{
	struct econ_period p;
	bool q = false;
	enum econ_period_error rc = econ_period_parse(s, &p, &q);
	if (rc != EPERIOD_OK)
		return rc;
	if (q && per == EPER_MONTHLY)
		return EPERIOD_QUARTER_MONTHLY;
	rc = econ_period_check(p, per, jan_feb_merged);
	if (rc == EPERIOD_OK)
		*out = p;
	return rc;
}

size_t econ_period_format(struct econ_period p, enum econ_periodicity per, char *out, size_t cap)
{
	int n;
	if (per == EPER_QUARTERLY)
		n = snprintf(out, cap, "%04d-Q%d", p.year, (p.month + 2) / 3);
	else
		n = snprintf(out, cap, "%04d-%02d", p.year, p.month);
	return n < 0 ? 0 : (size_t)n;
}

static const char *const quarter_zh[4] = { "一季度", "上半年", "前三季度", "全年" };
static const char *const quarter_en[4] = { "Q1", "H1", "Q1-Q3", "full year" };
static const char *const month_en[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static bool label_ok(struct econ_period p, enum econ_periodicity per, char *out, size_t cap)
{
	if (cap)
		out[0] = '\0';
	if (p.month < 1 || p.month > 12 || (unsigned)per >= EPER__COUNT)
		return false;
	return per == EPER_MONTHLY || p.month % 3 == 0;
}

size_t econ_period_label_zh(struct econ_period p, enum econ_periodicity per, char *out,
			    size_t cap)
{
	if (!label_ok(p, per, out, cap))
		return 0;
	int n;
	if (per == EPER_QUARTERLY)
		n = snprintf(out, cap, "%s", quarter_zh[p.month / 3 - 1]);
	else if (p.month == 1)
		n = snprintf(out, cap, "1月");
	else
		n = snprintf(out, cap, "1-%d月", p.month);
	return n < 0 ? 0 : (size_t)n;
}

size_t econ_period_label_en(struct econ_period p, enum econ_periodicity per, char *out,
			    size_t cap)
{
	if (!label_ok(p, per, out, cap))
		return 0;
	int n;
	if (per == EPER_QUARTERLY)
		n = snprintf(out, cap, "%s", quarter_en[p.month / 3 - 1]);
	else if (p.month == 1)
		n = snprintf(out, cap, "Jan");
	else
		n = snprintf(out, cap, "Jan-%s", month_en[p.month - 1]);
	return n < 0 ? 0 : (size_t)n;
}

static const char *const err_zh[EPERIOD__COUNT] = {
	"正确",
	"期别格式应为 YYYY-MM（月度）或 YYYY-Qn（季度）",
	"年份超出范围",
	"该指标1-2月合并发布，没有单独的1月数据（请填 YYYY-02）",
	"季度指标只有3、6、9、12月（一季度、上半年、前三季度、全年）的累计数",
	"月度指标的期别应写作 YYYY-MM",
};
static const char *const err_en[EPERIOD__COUNT] = {
	"ok",
	"a period is YYYY-MM (monthly) or YYYY-Qn (quarterly)",
	"the year is out of range",
	"this indicator publishes January and February together: no January alone (use YYYY-02)",
	"a quarterly indicator has year-to-date values for March, June, September and December only",
	"a monthly indicator's period is written YYYY-MM",
};

const char *econ_period_error_zh(enum econ_period_error e)
{
	return (unsigned)e < EPERIOD__COUNT ? err_zh[e] : "期别有误";
}

const char *econ_period_error_en(enum econ_period_error e)
{
	return (unsigned)e < EPERIOD__COUNT ? err_en[e] : "bad period";
}

int32_t econ_period_index(struct econ_period p)
{
	return p.year * 12 + p.month - 1;
}

int econ_period_first_month(enum econ_periodicity per, bool jan_feb_merged)
{
	if (per == EPER_QUARTERLY)
		return 3;
	return jan_feb_merged ? 2 : 1;
}

static int step_of(enum econ_periodicity per)
{
	return per == EPER_QUARTERLY ? 3 : 1;
}

bool econ_period_prev_in_year(struct econ_period p, enum econ_periodicity per,
			      bool jan_feb_merged, struct econ_period *out)
{
	int m = p.month - step_of(per);
	if (m < econ_period_first_month(per, jan_feb_merged))
		return false;
	out->year = p.year;
	out->month = m;
	return true;
}

bool econ_period_prev(struct econ_period p, enum econ_periodicity per, bool jan_feb_merged,
		      struct econ_period *out)
{
	if (econ_period_prev_in_year(p, per, jan_feb_merged, out))
		return true;
	if (p.year <= ECON_YEAR_MIN)
		return false;
	out->year = p.year - 1;
	out->month = 12;
	return true;
}

struct econ_period econ_period_last_year(struct econ_period p)
{
	struct econ_period r = { p.year - 1, p.month };
	return r;
}

struct econ_period econ_period_at_or_before(struct econ_period asof, enum econ_periodicity per,
					    bool jan_feb_merged)
{
	struct econ_period r = asof;
	if (per == EPER_QUARTERLY)
		r.month = asof.month / 3 * 3;
	else if (jan_feb_merged && asof.month == 1)
		r.month = 0;
	if (r.month == 0) {
		r.year--;
		r.month = 12;
	}
	return r;
}

size_t econ_periods_back(struct econ_period p, enum econ_periodicity per, bool jan_feb_merged,
			 size_t n, struct econ_period *out, size_t cap)
{
	if (n > cap)
		n = cap;
	if (n == 0 || econ_period_check(p, per, jan_feb_merged) != EPERIOD_OK)
		return 0;
	size_t k = 0;
	struct econ_period cur = p;
	/* Walk back into a scratch order, then reverse in place. */
	for (; k < n; k++) {
		out[k] = cur;
		if (!econ_period_prev(cur, per, jan_feb_merged, &cur)) {
			k++;
			break;
		}
	}
	for (size_t i = 0; i < k / 2; i++) {
		struct econ_period t = out[i];
		out[i] = out[k - 1 - i];
		out[k - 1 - i] = t;
	}
	return k;
}

bool econ_cum_to_single(const struct econ_period *periods, const int64_t *cum,
			const bool *known, size_t n, enum econ_periodicity per,
			bool jan_feb_merged, int64_t *single, bool *single_known)
{
	int first = econ_period_first_month(per, jan_feb_merged);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && econ_period_index(periods[i]) <= econ_period_index(periods[i - 1]))
			return false;
		single_known[i] = false;
		single[i] = 0;
		if (!known[i])
			continue;
		if (periods[i].month == first) {
			single[i] = cum[i];
			single_known[i] = true;
			continue;
		}
		struct econ_period prev;
		if (i == 0 || !known[i - 1] ||
		    !econ_period_prev_in_year(periods[i], per, jan_feb_merged, &prev) ||
		    econ_period_index(prev) != econ_period_index(periods[i - 1]))
			continue;
		if ((cum[i - 1] > 0 && cum[i] < INT64_MIN + cum[i - 1]) ||
		    (cum[i - 1] < 0 && cum[i] > INT64_MAX + cum[i - 1]))
			return false;
		single[i] = cum[i] - cum[i - 1];
		single_known[i] = true;
	}
	return true;
}

/* The words after "YYYY年" naming a quarter's span, and its last month. */
static const struct {
	const char *word;
	int month;
} span_words[] = {
	{ "第一季度", 3 }, { "一季度", 3 }, { "上半年", 6 }, { "二季度", 6 }, { "前三季度", 9 },
	{ "三季度", 9 },   { "全年", 12 },  { "四季度", 12 }, { "年度", 12 },
};

static bool starts(const char *p, const char *w)
{
	return !strncmp(p, w, strlen(w));
}

/* "1-N月" or "N月" at p: the month N. */
static int month_span(const char *p)
{
	static const char *const dashes[] = { "-", "\xE2\x80\x94", "\xEF\xBD\x9E", "~", "\xE8\x87\xB3",
					      "\xE2\x80\x93", "\xEF\xBC\x8D" };
	int n = 0;
	if (!read_num(&p, 2, &n))
		return 0;
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
		if (n == 1 && starts(p, dashes[i])) {
			p += strlen(dashes[i]);
			if (!read_num(&p, 2, &n))
				return 0;
			break;
		}
	return n >= 1 && n <= 12 && starts(p, "\xE6\x9C\x88") ? n : 0; /* 月 */
}

bool econ_period_from_title(const char *s, struct econ_period *out, bool *quarter_form)
{
	for (const char *p = s ? strstr(s, "\xE5\xB9\xB4") : NULL; p; p = strstr(p + 3, "\xE5\xB9\xB4")) {
		/* 年 preceded by four digits */
		if (p - s < 4)
			continue;
		const char *y = p - 4;
		int year = 0;
		if (!read_num(&y, 4, &year) || y != p || year < ECON_YEAR_MIN || year > ECON_YEAR_MAX)
			continue;
		const char *q = p + 3;
		int m = month_span(q);
		bool quarter = false;
		for (size_t i = 0; !m && i < sizeof span_words / sizeof span_words[0]; i++)
			if (starts(q, span_words[i].word)) {
				m = span_words[i].month;
				quarter = true;
			}
		if (!m)
			continue;
		out->year = year;
		out->month = m;
		if (quarter_form)
			*quarter_form = quarter;
		return true;
	}
	return false;
}
