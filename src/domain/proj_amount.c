#include "domain/proj_amount.h"

#include <stdio.h>
#include <string.h>

#include "domain/proj_date.h"
#include "domain/proj_text.h"

/* Units, the longest spelling of each scale first; exp is the power of
 * ten in 元. */
static const struct {
	const char *name;
	int exp;
} units[] = {
	{ "亿元", 8 }, { "亿", 8 },   { "千万元", 7 }, { "千万", 7 }, { "百万元", 6 },
	{ "百万", 6 }, { "万元", 4 }, { "万", 4 },     { "元", 0 },
};

static const int unit_exp[PUNIT__COUNT] = { [PUNIT_YUAN] = 0, [PUNIT_WAN] = 4, [PUNIT_YI] = 8 };

/* Words that make an amount a guess rather than a figure. */
static const char *const approximate[] = { "约", "近", "超", "逾", "多", "余", "左右", "以上" };

/* Cells that mean "no amount". */
static const char *const placeholders[] = { "-", "--", "/", "无", "不详" };

static const char *const yen_signs[] = { "\xC2\xA5", "\xEF\xBF\xA5" };

/* A cursor over folded text. */
struct cur {
	const char *p, *end;
};

static bool starts(const struct cur *c, const char *word)
{
	size_t n = strlen(word);
	return (size_t)(c->end - c->p) >= n && memcmp(c->p, word, n) == 0;
}

static void skip_spaces(struct cur *c)
{
	while (c->p < c->end && *c->p == ' ')
		c->p++;
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool contains(const char *s, const char *const words[], size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(s, words[i]))
			return true;
	return false;
}

static bool equals_any(const char *s, const char *const words[], size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	return false;
}

/* A number's digits, thousands separators removed. */
struct num {
	char whole[PROJ_AMOUNT_INPUT_MAX + 1];
	char frac[PROJ_AMOUNT_INPUT_MAX + 1];
};

/* True when the digits-and-commas run s[0..n) groups by three. */
static bool grouping_ok(const char *s, size_t n)
{
	size_t group = 0, groups = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != ',') {
			group++;
			continue;
		}
		if (group == 0 || (groups == 0 ? group > 3 : group != 3))
			return false;
		groups++;
		group = 0;
	}
	return true;
}

static enum proj_amount_error read_number(struct cur *c, struct num *out)
{
	const char *start = c->p;
	size_t w = 0, f = 0;
	bool commas = false;
	while (c->p < c->end && (is_digit(*c->p) || *c->p == ',')) {
		commas |= *c->p == ',';
		if (*c->p != ',')
			out->whole[w++] = *c->p;
		c->p++;
	}
	if (w == 0)
		return PAMT_BAD_NUMBER;
	if (commas && !grouping_ok(start, (size_t)(c->p - start)))
		return PAMT_BAD_GROUPING;
	if (c->p < c->end && *c->p == '.') {
		c->p++;
		while (c->p < c->end && is_digit(*c->p))
			out->frac[f++] = *c->p++;
		if (f == 0)
			return PAMT_BAD_NUMBER;
	}
	out->whole[w] = out->frac[f] = '\0';
	return PAMT_OK;
}

/* The unit at the cursor (consumed), -1 when none is there. */
static int read_unit(struct cur *c)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (starts(c, units[i].name)) {
			c->p += strlen(units[i].name);
			return units[i].exp;
		}
	}
	return -1;
}

static bool mul_add(int64_t *v, int64_t mul, int64_t add)
{
	if (*v > (INT64_MAX - add) / mul)
		return false;
	*v = *v * mul + add;
	return true;
}

/* The value in 元 of a number in a unit of 10^exp 元. */
static enum proj_amount_error value_of(const struct num *n, int exp, int64_t *out)
{
	int64_t v = 0;
	for (const char *d = n->whole; *d; d++)
		if (!mul_add(&v, 10, *d - '0'))
			return PAMT_OVERFLOW;
	size_t nf = strlen(n->frac);
	for (int k = 0; k < exp; k++) {
		int digit = (size_t)k < nf ? n->frac[k] - '0' : 0;
		if (!mul_add(&v, 10, digit))
			return PAMT_OVERFLOW;
	}
	for (size_t k = (size_t)exp; k < nf; k++)
		if (n->frac[k] != '0')
			return PAMT_TOO_PRECISE;
	*out = v;
	return PAMT_OK;
}

/* One number and its unit; *exp is lowered to the unit's power. */
static enum proj_amount_error read_term(struct cur *c, int default_exp, int *exp, int64_t *v)
{
	struct num n;
	enum proj_amount_error e = read_number(c, &n);
	if (e != PAMT_OK)
		return e;
	skip_spaces(c);
	int unit = read_unit(c);
	if (unit < 0 && c->p < c->end)
		return PAMT_BAD_UNIT;
	if (unit < 0)
		unit = default_exp;
	if (unit >= *exp)
		return PAMT_BAD_UNIT;
	*exp = unit;
	skip_spaces(c);
	return value_of(&n, unit, v);
}

static void skip_yen(struct cur *c)
{
	for (size_t i = 0; i < sizeof yen_signs / sizeof yen_signs[0]; i++)
		if (starts(c, yen_signs[i]))
			c->p += strlen(yen_signs[i]);
	skip_spaces(c);
}

static enum proj_amount_error parse_folded(const char *s, size_t len, int default_exp,
					   int64_t *yuan)
{
	if (len == 0 || equals_any(s, placeholders, sizeof placeholders / sizeof placeholders[0]))
		return PAMT_EMPTY;
	if (contains(s, approximate, sizeof approximate / sizeof approximate[0]))
		return PAMT_APPROXIMATE;
	struct cur c = { s, s + len };
	skip_yen(&c);
	if (c.p < c.end && *c.p == '-')
		return PAMT_NEGATIVE;
	int64_t total = 0;
	int exp = 99;
	do {
		int64_t v;
		enum proj_amount_error e = read_term(&c, default_exp, &exp, &v);
		if (e != PAMT_OK)
			return e;
		if (v > INT64_MAX - total)
			return PAMT_OVERFLOW;
		total += v;
		if (c.p < c.end && !is_digit(*c.p))
			return PAMT_BAD_UNIT;
	} while (c.p < c.end);
	*yuan = total;
	return PAMT_OK;
}

enum proj_amount_error proj_amount_parse(const char *s, size_t len, enum proj_unit default_unit,
					 int64_t *yuan)
{
	char buf[PROJ_AMOUNT_INPUT_MAX + 1];
	size_t n;
	if (len > PROJ_AMOUNT_INPUT_MAX)
		return PAMT_TOO_LONG;
	if ((unsigned)default_unit >= PUNIT__COUNT)
		return PAMT_BAD_UNIT;
	if (!proj_text_fold(s, len, buf, sizeof buf, &n))
		return PAMT_TOO_LONG;
	if (memchr(buf, '\0', n))
		return PAMT_BAD_NUMBER;
	return parse_folded(buf, n, unit_exp[default_unit], yuan);
}

struct amt_message {
	const char *zh, *en;
};

static const struct amt_message amount_messages[PAMT__COUNT] = {
	[PAMT_OK] = { "金额有效", "The amount is valid" },
	[PAMT_EMPTY] = { "金额为空", "The amount is empty" },
	[PAMT_TOO_LONG] = { "金额文字过长", "The amount text is too long" },
	[PAMT_NEGATIVE] = { "金额不能为负数", "The amount cannot be negative" },
	[PAMT_APPROXIMATE] = { "金额须为确数，不能用“约、近、超、余、以上”等约数",
			       "The amount must be exact, not approximate (about, nearly, over)" },
	[PAMT_BAD_NUMBER] = { "金额格式不正确，应为数字加单位，如1.2亿元、5000万元",
			      "The amount is not a number with a unit, e.g. 1.2亿元 or 5000万元" },
	[PAMT_BAD_GROUPING] = { "金额的千分位逗号位置不正确，如3,500.5万元",
				"The thousands separators are misplaced, e.g. 3,500.5万元" },
	[PAMT_BAD_UNIT] = { "金额单位不正确，应为元、万元或亿元（多个单位须从大到小）",
			    "The unit must be 元, 万元 or 亿元 (several from large to small)" },
	[PAMT_TOO_PRECISE] = { "金额精确到元即可，小数位数过多",
			       "The amount is more precise than 1 元: too many decimals" },
	[PAMT_OVERFLOW] = { "金额过大", "The amount is too large" },
};

static const struct amt_message amount_unknown = { "金额无效", "The amount is invalid" };

const char *proj_amount_error_zh(enum proj_amount_error e)
{
	return (unsigned)e < PAMT__COUNT ? amount_messages[e].zh : amount_unknown.zh;
}

const char *proj_amount_error_en(enum proj_amount_error e)
{
	return (unsigned)e < PAMT__COUNT ? amount_messages[e].en : amount_unknown.en;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Writes v in decimal, with a ',' every three digits when grouped. */
static void write_whole(uint64_t v, bool grouped, char out[32])
{
	char rev[32];
	size_t n = 0, digits = 0;
	do {
		if (grouped && digits > 0 && digits % 3 == 0)
			rev[n++] = ',';
		rev[n++] = (char)('0' + v % 10);
		v /= 10;
		digits++;
	} while (v > 0);
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

/* Writes the low `places` decimal digits of frac, trailing zeros dropped
 * down to keep digits; "" when nothing is left. */
static void write_frac(uint64_t frac, int places, int keep, char out[24])
{
	int n = places;
	for (int i = places - 1; i >= 0; i--, frac /= 10)
		out[i] = (char)('0' + frac % 10);
	while (n > keep && out[n - 1] == '0')
		n--;
	out[n] = '\0';
}

static size_t emit(char *out, size_t cap, bool negative, const char *whole, const char *frac,
		   const char *unit)
{
	int n = snprintf(out, cap, "%s%s%s%s%s", negative ? "-" : "", whole, *frac ? "." : "",
			 frac, unit);
	return n < 0 ? 0 : (size_t)n;
}

enum { YI = 100000000, WAN = 10000, YI_HUNDREDTH = 1000000 };

size_t proj_amount_format(int64_t yuan, unsigned flags, char *out, size_t cap)
{
	uint64_t m = magnitude(yuan);
	bool grouped = !(flags & PAFMT_NO_GROUPING);
	char whole[32], frac[24];
	if (m >= YI) {
		uint64_t h = m / YI_HUNDREDTH + (m % YI_HUNDREDTH >= YI_HUNDREDTH / 2);
		write_whole(h / 100, grouped, whole);
		write_frac(h % 100, 2, flags & PAFMT_TRIM ? 0 : 1, frac);
		return emit(out, cap, yuan < 0, whole, frac, "亿元");
	}
	if (m >= WAN) {
		write_whole(m / WAN, grouped, whole);
		write_frac(m % WAN, 4, 0, frac);
		return emit(out, cap, yuan < 0, whole, frac, "万元");
	}
	write_whole(m, grouped, whole);
	return emit(out, cap, yuan < 0, whole, "", "元");
}

size_t proj_amount_format_in(int64_t yuan, enum proj_unit unit, char *out, size_t cap)
{
	static const uint64_t scale[PUNIT__COUNT] = { 1, WAN, YI };
	uint64_t m = magnitude(yuan), s = scale[(unsigned)unit < PUNIT__COUNT ? unit : 0];
	char whole[32], frac[24] = "";
	write_whole(m / s, false, whole);
	if (s > 1)
		write_frac(m % s, unit_exp[unit], 0, frac);
	return emit(out, cap, yuan < 0, whole, frac, "");
}

/* Dates. */

enum { EXCEL_EPOCH = -25569, EXCEL_FIRST = 61 }; /* 1899-12-30; 1900-03-01 */

static enum proj_date_error make_date(int y, int m, int d, int32_t *out)
{
	if (y < PROJ_TEXT_YEAR_MIN || y > PROJ_TEXT_YEAR_MAX)
		return PDATE_BAD_YEAR;
	if (m < 1 || m > 12)
		return PDATE_BAD_MONTH;
	return proj_date_from_ymd(y, m, d, out) ? PDATE_OK : PDATE_BAD_DAY;
}

/* Reads lo..hi digits as a number; false when there are fewer or more. */
static bool read_int(struct cur *c, size_t lo, size_t hi, int *v)
{
	size_t n = 0;
	*v = 0;
	while (c->p < c->end && is_digit(*c->p) && n <= hi) {
		*v = *v * 10 + (*c->p++ - '0');
		n++;
	}
	return n >= lo && n <= hi;
}

static bool take(struct cur *c, const char *word)
{
	if (!starts(c, word))
		return false;
	c->p += strlen(word);
	return true;
}

/* Y年M月[D日|D号] */
static enum proj_date_error parse_chinese(struct cur *c, int32_t *out, bool *month_only)
{
	int y, m, d = 1;
	if (!read_int(c, 4, 4, &y) || !take(c, "年") || !read_int(c, 1, 2, &m) || !take(c, "月"))
		return PDATE_BAD_FORMAT;
	*month_only = c->p == c->end;
	if (!*month_only && (!read_int(c, 1, 2, &d) || !(take(c, "日") || take(c, "号")) ||
			     c->p != c->end))
		return PDATE_BAD_FORMAT;
	return make_date(y, m, d, out);
}

/* Y-M[-D], Y/M[/D], Y.M[.D] with the same separator throughout. */
static enum proj_date_error parse_separated(struct cur *c, int32_t *out, bool *month_only)
{
	int y, m, d = 1;
	if (!read_int(c, 4, 4, &y) || c->p == c->end)
		return PDATE_BAD_FORMAT;
	char sep = *c->p++;
	if ((sep != '-' && sep != '/' && sep != '.') || !read_int(c, 1, 2, &m))
		return PDATE_BAD_FORMAT;
	*month_only = c->p == c->end;
	if (!*month_only && (*c->p++ != sep || !read_int(c, 1, 2, &d) || c->p != c->end))
		return PDATE_BAD_FORMAT;
	return make_date(y, m, d, out);
}

static int digits_at(const char *s, size_t n)
{
	return (s[0] - '0') * (n > 1 ? 10 : 1) + (n > 1 ? s[1] - '0' : 0);
}

/* YYYYMMDD, YYYYMM, or a 5-digit Excel serial with an optional fraction. */
static enum proj_date_error parse_compact(const char *s, size_t len, int32_t *out,
					  bool *month_only)
{
	size_t n = 0;
	while (n < len && is_digit(s[n]))
		n++;
	if (n == 5) {
		bool fraction_ok = n == len || (s[n] == '.' && n + 1 < len);
		for (size_t i = n + 1; fraction_ok && i < len; i++)
			fraction_ok = is_digit(s[i]);
		if (!fraction_ok)
			return PDATE_BAD_FORMAT;
		int64_t serial = 0;
		for (size_t i = 0; i < n; i++)
			serial = serial * 10 + (s[i] - '0');
		*month_only = false;
		return proj_date_from_excel_serial(serial, out) ? PDATE_OK : PDATE_BAD_SERIAL;
	}
	if (n != len || (n != 8 && n != 6))
		return PDATE_BAD_FORMAT;
	int y = digits_at(s, 2) * 100 + digits_at(s + 2, 2);
	*month_only = n == 6;
	return make_date(y, digits_at(s + 4, 2), n == 8 ? digits_at(s + 6, 2) : 1, out);
}

/* Length of s without a trailing time of day after ' ' or 'T'. */
static size_t without_time(const char *s, size_t len)
{
	for (size_t i = 4; i < len; i++) {
		if (s[i] != ' ' && s[i] != 'T')
			continue;
		bool colon = false;
		for (size_t k = i + 1; k < len; k++) {
			if (!is_digit(s[k]) && s[k] != ':' && s[k] != '.' && s[k] != ' ')
				return len;
			colon |= s[k] == ':';
		}
		return colon ? i : len;
	}
	return len;
}

static enum proj_date_error parse_date_folded(const char *s, size_t len, int32_t *out,
					      bool *month_only)
{
	if (len == 0)
		return PDATE_EMPTY;
	len = without_time(s, len);
	struct cur c = { s, s + len };
	if (strstr(s, "年"))
		return parse_chinese(&c, out, month_only);
	size_t lead = 0;
	while (lead < len && is_digit(s[lead]))
		lead++;
	if (lead == 4 && lead < len)
		return parse_separated(&c, out, month_only);
	return parse_compact(s, len, out, month_only);
}

enum proj_date_error proj_date_parse_text(const char *s, size_t len, int32_t *out,
					  bool *month_only)
{
	char buf[PROJ_AMOUNT_INPUT_MAX + 1];
	size_t n;
	bool month = false;
	int32_t d;
	if (len > PROJ_AMOUNT_INPUT_MAX || !proj_text_fold(s, len, buf, sizeof buf, &n))
		return PDATE_TOO_LONG;
	if (memchr(buf, '\0', n))
		return PDATE_BAD_FORMAT;
	enum proj_date_error e = parse_date_folded(buf, n, &d, &month);
	if (e != PDATE_OK)
		return e;
	*out = d;
	if (month_only)
		*month_only = month;
	return PDATE_OK;
}

bool proj_date_from_excel_serial(int64_t serial, int32_t *out)
{
	int32_t last;
	proj_date_from_ymd(PROJ_TEXT_YEAR_MAX, 12, 31, &last);
	if (serial < EXCEL_FIRST || serial > (int64_t)last - EXCEL_EPOCH)
		return false;
	*out = (int32_t)(EXCEL_EPOCH + serial);
	return true;
}

size_t proj_date_format_zh(int32_t d, char *out, size_t cap)
{
	struct proj_ymd t;
	if (!proj_date_to_ymd(d, &t)) {
		if (cap > 0)
			out[0] = '\0';
		return 0;
	}
	int n = snprintf(out, cap, "%d年%d月%d日", t.year, t.month, t.day);
	return n < 0 ? 0 : (size_t)n;
}

static const struct amt_message date_messages[PDATE__COUNT] = {
	[PDATE_OK] = { "日期有效", "The date is valid" },
	[PDATE_EMPTY] = { "日期为空", "The date is empty" },
	[PDATE_TOO_LONG] = { "日期文字过长", "The date text is too long" },
	[PDATE_BAD_FORMAT] = { "日期格式不正确，应如2024年3月1日、2024-03-01、2024/3/1或20240301",
			       "The date is not in a known form, e.g. 2024年3月1日, 2024-03-01, "
			       "2024/3/1 or 20240301" },
	[PDATE_BAD_YEAR] = { "日期的年份应为1900至2199年的四位数字",
			     "The year must be four digits from 1900 to 2199" },
	[PDATE_BAD_MONTH] = { "日期的月份应为1至12", "The month must be 1 to 12" },
	[PDATE_BAD_DAY] = { "日期不存在：该月没有这一天（如2月30日）",
			    "No such day in that month (e.g. February 30)" },
	[PDATE_BAD_SERIAL] = { "Excel日期序号超出范围", "The Excel date serial is out of range" },
};

static const struct amt_message date_unknown = { "日期无效", "The date is invalid" };

const char *proj_date_error_zh(enum proj_date_error e)
{
	return (unsigned)e < PDATE__COUNT ? date_messages[e].zh : date_unknown.zh;
}

const char *proj_date_error_en(enum proj_date_error e)
{
	return (unsigned)e < PDATE__COUNT ? date_messages[e].en : date_unknown.en;
}
