/* Spreadsheet cells of the projects imports that are neither amounts nor
 * dates (proj_amount.h reads those): yes/no answers (专项债: 是/否), tag
 * lists as officials type them ("专项债、重点；续建"), and report months
 * ("2024年3月", "2024-03", "202403", a full date, an Excel serial). Pure;
 * writes only to caller buffers. */
#ifndef GUATU_DOMAIN_PROJ_CELLS_H
#define GUATU_DOMAIN_PROJ_CELLS_H
#include <stdbool.h>
#include <stddef.h>

/* The longest tag, in bytes, and how many a project carries. */
#define PROJ_TAG_MAX_BYTES 60
#define PROJ_TAGS_MAX 10

/* 1 for 是/Y/YES/TRUE/1/√/✓, 0 for 否/N/NO/FALSE/0/×/empty (after
 * folding, any case), -1 for anything else. */
int proj_cell_yes_no(const char *s, size_t len);

enum proj_tags_error {
	PTAGS_OK,
	PTAGS_TOO_MANY, /* more than PROJ_TAGS_MAX */
	PTAGS_TOO_LONG, /* a tag over PROJ_TAG_MAX_BYTES, or out too small */
	PTAGS_BAD_CHAR, /* a tag holding % or _ (they would match as patterns) */
};

/* Splits s[0..len) on 、 ， , ； ; / and blanks into the stored form
 * ",tag1,tag2," (or "" when there are none), dropping empty parts and
 * repeats, in out (cap bytes). On failure out is "". */
enum proj_tags_error proj_tags_parse(const char *s, size_t len, char *out, size_t cap);
const char *proj_tags_error_zh(enum proj_tags_error e);
const char *proj_tags_error_en(enum proj_tags_error e);

/* A report month: "YYYY-MM" in out from any date proj_date_parse_text
 * reads (a day, when given, is dropped). False, out "", when it is none. */
bool proj_cell_month(const char *s, size_t len, char out[8]);

#endif
