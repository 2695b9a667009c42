#include "domain/econ_catalog.h"

#include <string.h>

#include "domain/proj_ratio.h"

static const char *const unit_codes[EUNIT__COUNT] = { "yuan", "usd", "person", "household",
						      "item" };

/* Display units: code, names, base unit and factor. */
static const struct {
	const char *code, *zh, *en;
	enum econ_unit unit;
	int64_t factor;
} displays[EDISP__COUNT] = {
	[EDISP_YI] = { "yi", "亿元", "100 million yuan", EUNIT_YUAN, 100000000 },
	[EDISP_WAN] = { "wan", "万元", "10,000 yuan", EUNIT_YUAN, 10000 },
	[EDISP_YUAN] = { "yuan", "元", "yuan", EUNIT_YUAN, 1 },
	[EDISP_WAN_USD] = { "wan_usd", "万美元", "10,000 US dollars", EUNIT_USD, 10000 },
	[EDISP_USD] = { "usd", "美元", "US dollars", EUNIT_USD, 1 },
	[EDISP_PERSON] = { "person", "人", "persons", EUNIT_PERSON, 1 },
	[EDISP_HOUSEHOLD] = { "household", "户", "entities", EUNIT_HOUSEHOLD, 1 },
	[EDISP_ITEM] = { "item", "个", "items", EUNIT_COUNT_ITEM, 1 },
};

static const char *const price_codes[EPRICE__COUNT] = { "comparable", "current" };
static const char *const agg_codes[EAGG__COUNT] = { "ytd" };

static int find(const char *const *codes, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(codes[i], s) == 0)
			return i;
	return -1;
}

const char *econ_unit_code(enum econ_unit u)
{
	return (unsigned)u < EUNIT__COUNT ? unit_codes[u] : "";
}

int econ_unit_from_code(const char *s)
{
	return find(unit_codes, EUNIT__COUNT, s);
}

const char *econ_display_code(enum econ_display d)
{
	return (unsigned)d < EDISP__COUNT ? displays[d].code : "";
}

int econ_display_from_code(const char *s)
{
	for (int i = 0; s && i < EDISP__COUNT; i++)
		if (strcmp(displays[i].code, s) == 0)
			return i;
	return -1;
}

const char *econ_price_basis_code(enum econ_price_basis p)
{
	return (unsigned)p < EPRICE__COUNT ? price_codes[p] : "";
}

int econ_price_basis_from_code(const char *s)
{
	return find(price_codes, EPRICE__COUNT, s);
}

const char *econ_aggregation_code(enum econ_aggregation a)
{
	return (unsigned)a < EAGG__COUNT ? agg_codes[a] : "";
}

int econ_aggregation_from_code(const char *s)
{
	return find(agg_codes, EAGG__COUNT, s);
}

const char *econ_display_zh(enum econ_display d)
{
	return (unsigned)d < EDISP__COUNT ? displays[d].zh : "";
}

const char *econ_display_en(enum econ_display d)
{
	return (unsigned)d < EDISP__COUNT ? displays[d].en : "";
}

bool econ_display_scale(enum econ_display d, enum econ_unit *unit, int64_t *factor)
{
	if ((unsigned)d >= EDISP__COUNT)
		return false;
	*unit = displays[d].unit;
	*factor = displays[d].factor;
	return true;
}

bool econ_display_fits(enum econ_display d, enum econ_unit u)
{
	return (unsigned)d < EDISP__COUNT && displays[d].unit == u;
}

bool econ_code_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || n > 40 || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/* Skips ASCII blanks and U+3000 at *p..end. */
static const char *skip_blank(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		else if (end - p >= 3 && !memcmp(p, "\xE3\x80\x80", 3))
			p += 3;
		else
			break;
	}
	return p;
}

/* Trims blanks off both ends of s[0..*len); returns the new start. */
static const char *trim(const char *s, size_t *len)
{
	const char *end = s + *len, *p = skip_blank(s, end);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
		end--;
	while (end - p >= 3 && !memcmp(end - 3, "\xE3\x80\x80", 3))
		end -= 3;
	*len = (size_t)(end - p);
	return p;
}

int econ_display_from_zh(const char *s, size_t len)
{
	if (!s)
		return -1;
	s = trim(s, &len);
	for (int i = 0; i < EDISP__COUNT; i++)
		if (strlen(displays[i].zh) == len && !memcmp(displays[i].zh, s, len))
			return i;
	return -1;
}

bool econ_cell_blank(const char *s, size_t len)
{
	static const char *const marks[] = { "-", "--", "—", "——", "/", "…", "无", "－" };
	if (!s)
		return true;
	s = trim(s, &len);
	if (!len)
		return true;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strlen(marks[i]) == len && !memcmp(marks[i], s, len))
			return true;
	return false;
}

/* Accumulates d into *v = *v * 10 + d; false on overflow. */
static bool push_digit(int64_t *v, int d)
{
	if (*v > (INT64_MAX - d) / 10)
		return false;
	*v = *v * 10 + d;
	return true;
}

/* Reads [-]digits[.digits] with optional thousands commas into an integer
 * scaled by 10^decimals (the digits after the point). */
static bool read_decimal(const char *s, size_t len, bool allow_neg, int64_t *mant, int *decimals,
			 bool *neg)
{
	const char *p = s, *end = s + len;
	*mant = 0;
	*decimals = 0;
	*neg = false;
	if (p < end && *p == '-' && allow_neg) {
		*neg = true;
		p++;
	} else if (end - p >= 3 && !memcmp(p, "\xEF\xBC\x8D", 3) && allow_neg) { /* － */
		*neg = true;
		p += 3;
	}
	bool digits = false, point = false;
	for (; p < end; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!push_digit(mant, *p - '0'))
				return false;
			digits = true;
			*decimals += point;
		} else if (*p == '.' && !point) {
			point = true;
		} else if (*p == ',' && !point && digits) {
			continue;
		} else {
			return false;
		}
	}
	return digits;
}

static bool scale_exact(int64_t mant, int decimals, int64_t factor, int64_t *out)
{
	int64_t div = 1;
	for (int i = 0; i < decimals; i++) {
		if (div > INT64_MAX / 10)
			return false;
		div *= 10;
	}
	int64_t r;
	if (!proj_muldiv_round(mant, factor, div, &r))
		return false;
	/* Exact only: r * div == mant * factor. */
	int64_t back;
	if (!proj_muldiv_round(r, div, factor, &back) || back != mant)
		return false;
	*out = r;
	return true;
}

bool econ_parse_scaled(const char *s, size_t len, int64_t factor, int64_t *out)
{
	if (!s || factor <= 0)
		return false;
	s = trim(s, &len);
	int64_t mant;
	int dec;
	bool neg;
	if (!read_decimal(s, len, false, &mant, &dec, &neg))
		return false;
	return scale_exact(mant, dec, factor, out);
}

bool econ_parse_percent_bp(const char *s, size_t len, int64_t *bp)
{
	if (!s)
		return false;
	s = trim(s, &len);
	if (len >= 1 && s[len - 1] == '%')
		len--;
	else if (len >= 3 && !memcmp(s + len - 3, "\xEF\xBC\x85", 3)) /* ％ */
		len -= 3;
	int64_t mant, r;
	int dec;
	bool neg;
	if (!read_decimal(s, len, true, &mant, &dec, &neg) || dec > 2)
		return false;
	if (!scale_exact(mant, dec, 100, &r))
		return false;
	*bp = neg ? -r : r;
	return true;
}

static const struct {
	const char *name, *code;
} aliases[] = {
	{ "GDP", "gdp" },
	{ "地区生产总值（GDP）", "gdp" },
	{ "第一产业", "gdp_primary" },
	{ "第二产业", "gdp_secondary" },
	{ "第三产业", "gdp_tertiary" },
	{ "一产增加值", "gdp_primary" },
	{ "二产增加值", "gdp_secondary" },
	{ "三产增加值", "gdp_tertiary" },
	{ "规上工业总产值", "industry_output" },
	{ "规上工业产值", "industry_output" },
	{ "规模以上工业产值", "industry_output" },
	{ "规上工业增加值", "industry_va" },
	{ "固定资产投资额", "fai" },
	{ "固定资产投资（不含农户）", "fai" },
	{ "社会消费品零售总额", "retail" },
	{ "全口径社零额", "retail" },
	{ "社零额", "retail" },
	{ "限上社零额", "retail_above" },
	{ "限额以上社会消费品零售总额", "retail_above" },
	{ "限上社会消费品零售额", "retail_above" },
	{ "网上零售额", "online_retail" },
	{ "地方级财政收入", "fiscal_local" },
	{ "区本级财政收入", "fiscal_local" },
	{ "到位内资额", "domestic_funds" },
	{ "实际到位内资", "domestic_funds" },
	{ "实际使用外资", "fdi" },
	{ "新登记市场主体", "new_entities" },
	{ "新增城镇就业", "new_jobs" },
	{ "城镇新增就业人数", "new_jobs" },
};

const char *econ_alias_code(const char *name)
{
	for (size_t i = 0; name && i < sizeof aliases / sizeof aliases[0]; i++)
		if (!strcmp(aliases[i].name, name))
			return aliases[i].code;
	return NULL;
}

/* The byte length of a trailing bracketed part "（…）" or "(…)" of s[0..n), 0 when none. */
static size_t trailing_bracket(const char *s, size_t n, size_t *inner_start, size_t *inner_len)
{
	size_t close = 0;
	if (n >= 3 && !memcmp(s + n - 3, "\xEF\xBC\x89", 3)) /* ） */
		close = 3;
	else if (n >= 1 && s[n - 1] == ')')
		close = 1;
	if (!close)
		return 0;
	for (size_t i = n - close; i-- > 0;) {
		size_t open = 0;
		if (i + 3 <= n - close && !memcmp(s + i, "\xEF\xBC\x88", 3)) /* （ */
			open = 3;
		else if (s[i] == '(')
			open = 1;
		if (open) {
			*inner_start = i + open;
			*inner_len = n - close - i - open;
			return n - i;
		}
	}
	return 0;
}

char *econ_label_clean(char *name, char *unit, size_t cap)
{
	static const char *const marks[] = { "其中：", "其中:", "#", "＃", "△" };
	if (cap)
		unit[0] = '\0';
	size_t n = strlen(name);
	const char *p = trim(name, &n);
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
			size_t m = strlen(marks[i]);
			if (n >= m && !memcmp(p, marks[i], m)) {
				p += m;
				n -= m;
				p = trim(p, &n);
				again = true;
			}
		}
	}
	memmove(name, p, n);
	name[n] = '\0';
	size_t in_start, in_len, tail = trailing_bracket(name, n, &in_start, &in_len);
	if (tail && econ_display_from_zh(name + in_start, in_len) >= 0) {
		if (in_len < cap) {
			memcpy(unit, name + in_start, in_len);
			unit[in_len] = '\0';
		}
		n -= tail;
		name[n] = '\0';
		const char *q = trim(name, &n);
		memmove(name, q, n);
		name[n] = '\0';
	}
	return name;
}
