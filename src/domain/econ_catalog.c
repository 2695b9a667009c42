#include "domain/econ_catalog.h"

#include <string.h>

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
