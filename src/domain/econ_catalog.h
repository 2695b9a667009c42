/* The vocabulary of the indicator catalog (指标目录): base units, display
 * units, price bases and aggregation, with their codes and names; and the
 * codes of built-in indicators the rules need by name (the structure of
 * GDP, the cockpit's key list comes from the catalog's is_key flag). The
 * built-in rows themselves are in migration 5. Pure; static tables. */
#ifndef GUATU_DOMAIN_ECON_CATALOG_H
#define GUATU_DOMAIN_ECON_CATALOG_H
#include <stdbool.h>
#include <stdint.h>

#include "domain/proj_amount.h"

/* Built-in codes used by rules. */
#define ECON_GDP "gdp"
#define ECON_GDP_PRIMARY "gdp_primary"
#define ECON_GDP_SECONDARY "gdp_secondary"
#define ECON_GDP_TERTIARY "gdp_tertiary"

/* What a value counts, exactly, as int64. */
enum econ_unit { EUNIT_YUAN, EUNIT_USD, EUNIT_PERSON, EUNIT_HOUSEHOLD, EUNIT_COUNT_ITEM,
		 EUNIT__COUNT };
/* How it is shown and imported by default. */
enum econ_display { EDISP_YI, EDISP_WAN, EDISP_YUAN, EDISP_WAN_USD, EDISP_USD, EDISP_PERSON,
		    EDISP_HOUSEHOLD, EDISP_ITEM, EDISP__COUNT };
enum econ_price_basis { EPRICE_COMPARABLE, EPRICE_CURRENT, EPRICE__COUNT };
/* Only cumulative year to date today; the column leaves room. */
enum econ_aggregation { EAGG_YTD, EAGG__COUNT };

/* Codes: "yuan" "usd" "person" "household" "item"; "yi" "wan" "yuan"
 * "wan_usd" "usd" "person" "household" "item"; "comparable" "current";
 * "ytd". "" out of range. from_code: -1 when unknown or NULL. */
const char *econ_unit_code(enum econ_unit u);
int econ_unit_from_code(const char *s);
const char *econ_display_code(enum econ_display d);
int econ_display_from_code(const char *s);
const char *econ_price_basis_code(enum econ_price_basis p);
int econ_price_basis_from_code(const char *s);
const char *econ_aggregation_code(enum econ_aggregation a);
int econ_aggregation_from_code(const char *s);
/* "亿元", "万元", "元", "万美元", "美元", "人", "户", "个". */
const char *econ_display_zh(enum econ_display d);
const char *econ_display_en(enum econ_display d);
/* The base unit a display unit is a multiple of, and the factor
 * (亿元: EUNIT_YUAN, 10^8). False out of range. */
bool econ_display_scale(enum econ_display d, enum econ_unit *unit, int64_t *factor);
/* True when display d may show values of unit u. */
bool econ_display_fits(enum econ_display d, enum econ_unit u);
/* An indicator code: 1..40 of [a-z0-9_], starting with a letter. */
bool econ_code_valid(const char *s);

/* The display unit a sheet header or 单位 cell names ("亿元", "万元", "元",
 * "万美元", "美元", "人", "户", "个"; blanks ignored); -1 when none. */
int econ_display_from_zh(const char *s, size_t len);
/* Parses a plain decimal number s[0..len) ("427.8", "1,366", " 49.70 ")
 * times factor into *out, exactly: false for anything else, a negative
 * number, a fraction finer than 1/factor, or overflow. */
bool econ_parse_scaled(const char *s, size_t len, int64_t factor, int64_t *out);
/* Parses a percentage ("8.4", "-2.9", "23%", "－2.9％") into basis points;
 * false for anything else or more than two decimals. */
bool econ_parse_percent_bp(const char *s, size_t len, int64_t *bp);
/* True for an empty cell or a placeholder ("-", "—", "/", "…", "无"). */
bool econ_cell_blank(const char *s, size_t len);
/* The built-in code of a name statistics bureaus use for an indicator
 * that is not its catalog name ("规上工业总产值", "全口径社零额", "GDP",
 * "第三产业"), or NULL. */
const char *econ_alias_code(const char *name);
/* Normalises a row label in place: leading blanks and "其中：" / "#"
 * marks dropped, a trailing unit in brackets moved to unit (cap bytes,
 * "" when none). Returns name. */
char *econ_label_clean(char *name, char *unit, size_t cap);

#endif
