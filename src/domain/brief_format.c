#include "domain/brief_format.h"

#include <stdbool.h>
#include <stdio.h>

#include "domain/proj_ratio.h"

#define YI 100000000LL
#define WAN 10000LL

static size_t done(int n)
{
	return n < 0 ? 0 : (size_t)n;
}

static uint64_t mag(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* v / d rounded half away from zero; v / d fits whenever d > 1. */
static int64_t div_round(int64_t v, int64_t d)
{
	int64_t q = 0;
	proj_muldiv_round(v, 1, d, &q);
	return q;
}

size_t brief_fmt_amount(int64_t yuan, char *out, size_t cap)
{
	const char *sign = yuan < 0 ? "-" : "";
	uint64_t m = mag(yuan);
	if (m >= (uint64_t)YI - (uint64_t)YI / 20) { /* rounds to 1.0亿 or more */
		uint64_t tenths = mag(div_round(yuan, YI / 10));
		return done(snprintf(out, cap, "%s%llu.%llu亿元", sign,
				     (unsigned long long)(tenths / 10),
				     (unsigned long long)(tenths % 10)));
	}
	if (m >= (uint64_t)WAN)
		return done(snprintf(out, cap, "%s%llu万元", sign,
				     (unsigned long long)mag(div_round(yuan, WAN))));
	return done(snprintf(out, cap, "%s%llu元", sign, (unsigned long long)m));
}

/* Tenths of a percent as "8.4" or "23"; suffix appended. */
static size_t tenths_text(int64_t bp, bool keep_sign, const char *suffix, char *out, size_t cap)
{
	int64_t t = div_round(bp, 10);
	uint64_t m = mag(t);
	const char *sign = keep_sign && t < 0 ? "-" : "";
	if (m % 10 == 0)
		return done(snprintf(out, cap, "%s%llu%s", sign, (unsigned long long)(m / 10),
				     suffix));
	return done(snprintf(out, cap, "%s%llu.%llu%s", sign, (unsigned long long)(m / 10),
			     (unsigned long long)(m % 10), suffix));
}

size_t brief_fmt_pct(int64_t bp, char *out, size_t cap)
{
	return tenths_text(bp, true, "%", out, cap);
}

size_t brief_fmt_points(int64_t bp, char *out, size_t cap)
{
	return tenths_text(bp, false, "个百分点", out, cap);
}

size_t brief_fmt_count(int64_t n, int64_t scale, const char *unit, char *out, size_t cap)
{
	unit = unit ? unit : "";
	if (scale <= 1)
		return done(snprintf(out, cap, "%lld%s", (long long)n, unit));
	int64_t t = 0;
	proj_muldiv_round(n, 10, scale, &t);
	uint64_t m = mag(t);
	return done(snprintf(out, cap, "%s%llu.%llu%s", t < 0 ? "-" : "",
			     (unsigned long long)(m / 10), (unsigned long long)(m % 10), unit));
}

const char *brief_period_zh(int month, char *out, size_t cap)
{
	static const char *const named[13] = { "",	   "1月", "1-2月", "一季度", NULL,
					       NULL,	   "上半年", NULL, NULL, "前三季度",
					       NULL,	   NULL,  "全年" };
	if (month < 1 || month > 12)
		return "";
	if (named[month])
		return named[month];
	snprintf(out, cap, "1-%d月", month);
	return out;
}
