/* 项目代码: the 24-character national investment-project code of GB/T
 * 40058-2021 given by the online approval platform, "2411-130202-89-01-637015":
 * time code YYMM, GB/T 2260 division, central supervising-department code,
 * project type, and six digits of random code and check. The shape is
 * checked, not the check digits (their algorithm is the platform's).
 * Pure functions over caller-owned buffers; nothing allocates. */
#ifndef GUATU_DOMAIN_PROJ_CODE_H
#define GUATU_DOMAIN_PROJ_CODE_H
#include <stdbool.h>
#include <stddef.h>

#define PROJ_CODE_LEN 24

/* Each refusal names the part at fault. */
enum proj_code_result {
	PCODE_OK,
	PCODE_EMPTY,
	PCODE_BAD_FORMAT,   /* not five parts joined by '-' */
	PCODE_BAD_TIME,     /* part 1: 4 digits YYMM, month 01-12 */
	PCODE_BAD_DIVISION, /* part 2: 6 digits */
	PCODE_BAD_DEPT,     /* part 3: 2 digits */
	PCODE_BAD_TYPE,     /* part 4: 2 digits */
	PCODE_BAD_SERIAL,   /* part 5: 6 digits */
	PCODE__COUNT
};

/* The parts of a well-shaped code, each NUL-terminated. */
struct proj_code_parts {
	int year;            /* 2000 + YY */
	int month;           /* 1..12 */
	char division[7];    /* GB/T 2260; callers may warn (not refuse) when
				region_code_valid rejects it, as with credit
				codes: the platform's code is authoritative */
	char dept[3];        /* central supervising-department code */
	char type[3];        /* project type code */
	char serial[7];      /* random code and check */
};

/* Checks s[0..len) (no terminator needed; s may be NULL when len is 0).
 * On failure *bad_pos (when non-NULL) is the byte index of the first
 * offending character: the first non-digit of the faulty part, or its
 * start when its length is wrong; 0 for EMPTY and BAD_FORMAT. Call
 * proj_code_normalize first to accept full-width digits and dashes. */
enum proj_code_result proj_code_check(const char *s, size_t len, size_t *bad_pos);
/* proj_code_check, and on PCODE_OK fills *out (when non-NULL); on failure
 * *out is zeroed. */
enum proj_code_result proj_code_parse(const char *s, size_t len, size_t *bad_pos,
				      struct proj_code_parts *out);
/* Folds s[0..len) as typed or pasted (full-width digits, "－", "—", "–",
 * surrounding blanks) into out, NUL-terminated. False, out "", when the
 * result does not fit in cap; no shape check. */
bool proj_code_normalize(const char *s, size_t len, char *out, size_t cap);
/* Static messages naming the part at fault, never NULL. */
const char *proj_code_result_zh(enum proj_code_result r);
const char *proj_code_result_en(enum proj_code_result r);

#endif
