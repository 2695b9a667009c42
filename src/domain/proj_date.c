#include "domain/proj_date.h"

#include <stdio.h>

#include "domain/proj_ratio.h"

enum { YEAR_MIN = 1, YEAR_MAX = 9999, DAYS_PER_ERA = 146097, EPOCH_SHIFT = 719468 };

static const unsigned char month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

bool proj_date_valid(int32_t d)
{
	return d >= PROJ_DATE_MIN && d <= PROJ_DATE_MAX;
}

bool proj_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int proj_days_in_month(int year, int month)
{
	if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12)
		return 0;
	return month == 2 && proj_is_leap_year(year) ? 29 : month_days[month - 1];
}

/* Days from 1970-01-01 to a valid y-m-d: the year is counted from March so
 * that the leap day comes last (H. Hinnant's days_from_civil); years here
 * are positive, so eras never go negative. */
static int32_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = y / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * DAYS_PER_ERA + doe - EPOCH_SHIFT);
}

static int iso_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool proj_date_parse_iso(const char *s, size_t len, int32_t *out)
{
	if (!s || len != PROJ_DATE_ISO_LEN || s[4] != '-' || s[7] != '-')
		return false;
	int y = iso_digits(s, 4), m = iso_digits(s + 5, 2), d = iso_digits(s + 8, 2);
	return y >= 1900 && y <= 2199 && m > 0 && d > 0 && proj_date_from_ymd(y, m, d, out);
}

bool proj_date_from_ymd(int year, int month, int day, int32_t *out)
{
	int dim = proj_days_in_month(year, month);
	if (dim == 0 || day < 1 || day > dim)
		return false;
	*out = days_from_civil(year, month, day);
	return true;
}

bool proj_date_to_ymd(int32_t d, struct proj_ymd *out)
{
	if (!proj_date_valid(d))
		return false;
	int z = (int)d + EPOCH_SHIFT; /* >= 306 for 0001-01-01 */
	int era = z / DAYS_PER_ERA;
	int doe = z - era * DAYS_PER_ERA;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	out->day = doy - (153 * mp + 2) / 5 + 1;
	out->month = mp < 10 ? mp + 3 : mp - 9;
	out->year = yoe + era * 400 + (out->month <= 2);
	return true;
}

int proj_date_year(int32_t d)
{
	struct proj_ymd t;
	return proj_date_to_ymd(d, &t) ? t.year : 0;
}

int proj_date_month(int32_t d)
{
	struct proj_ymd t;
	return proj_date_to_ymd(d, &t) ? t.month : 0;
}

bool proj_date_add_months(int32_t d, int months, int32_t *out)
{
	struct proj_ymd t;
	if (!proj_date_to_ymd(d, &t))
		return false;
	int64_t index = (int64_t)t.year * 12 + (t.month - 1) + months;
	if (index < (int64_t)YEAR_MIN * 12 || index > (int64_t)YEAR_MAX * 12 + 11)
		return false;
	int year = (int)(index / 12), month = (int)(index % 12) + 1;
	int dim = proj_days_in_month(year, month);
	return proj_date_from_ymd(year, month, t.day < dim ? t.day : dim, out);
}

int32_t proj_month_index(int32_t d)
{
	struct proj_ymd t;
	return proj_date_to_ymd(d, &t) ? t.year * 12 + t.month - 1 : -1;
}

int proj_months_between(int32_t a, int32_t b)
{
	int32_t ia = proj_month_index(a), ib = proj_month_index(b);
	return ia < 0 || ib < 0 ? 0 : ib - ia;
}

int proj_quarter_of_month(int month)
{
	return month >= 1 && month <= 12 ? (month - 1) / 3 + 1 : 0;
}

bool proj_month_range(int year, int month, int32_t *first, int32_t *last)
{
	int dim = proj_days_in_month(year, month);
	if (dim == 0)
		return false;
	*first = days_from_civil(year, month, 1);
	*last = *first + dim - 1;
	return true;
}

bool proj_quarter_range(int year, int quarter, int32_t *first, int32_t *last)
{
	int32_t f, l, unused;
	if (quarter < 1 || quarter > 4 || !proj_month_range(year, quarter * 3 - 2, &f, &unused) ||
	    !proj_month_range(year, quarter * 3, &unused, &l))
		return false;
	*first = f;
	*last = l;
	return true;
}

int64_t proj_pace_month_bp(int month)
{
	int64_t bp = -1;
	if (month < 0 || month > 12 || !proj_ratio_bp(month, 12, &bp))
		return -1;
	return bp;
}

bool proj_pace_range_bp(int32_t first, int32_t last, int32_t at, int64_t *bp)
{
	if (!proj_date_valid(first) || !proj_date_valid(last) || !proj_date_valid(at) ||
	    last < first)
		return false;
	int64_t total = (int64_t)last - first + 1;
	int64_t done = (int64_t)at - first + 1;
	done = done < 0 ? 0 : done > total ? total : done;
	return proj_ratio_bp(done, total, bp);
}

bool proj_date_format_iso(int32_t d, char out[PROJ_DATE_ISO_LEN + 1])
{
	struct proj_ymd t;
	out[0] = '\0';
	if (!proj_date_to_ymd(d, &t))
		return false;
	snprintf(out, PROJ_DATE_ISO_LEN + 1, "%04d-%02d-%02d", t.year, t.month, t.day);
	return true;
}
