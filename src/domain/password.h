/* Password policy (等保三级 complexity): length in characters, character
 * classes, no username inside. Checks only; hashing lives elsewhere. */
#ifndef GUATU_DOMAIN_PASSWORD_H
#define GUATU_DOMAIN_PASSWORD_H
#include <stddef.h>

#define PASSWORD_MIN_CHARS 8   /* UTF-8 code points */
#define PASSWORD_MAX_BYTES 128
#define PASSWORD_MIN_CLASSES 3 /* of: upper, lower, digit, other */

enum pw_result {
	PW_OK,
	PW_TOO_SHORT,
	PW_TOO_LONG,
	PW_TOO_FEW_CLASSES,
	PW_CONTAINS_USERNAME,
	PW_BAD_ENCODING,
};

/* Checks pw[0..len) (no terminator needed; NULL counts as empty) against
 * the policy, reporting the first failure in this order: too long (more
 * than 128 bytes), bad encoding (invalid or overlong UTF-8, surrogates, NUL
 * bytes), too short (fewer than 8 code points), fewer than 3 of the classes
 * ASCII upper / ASCII lower / ASCII digit / anything else (symbols, spaces,
 * non-ASCII), contains the username (ASCII case-insensitive; only when the
 * NUL-terminated username has 3 or more characters; NULL = none). */
enum pw_result password_check(const char *pw, size_t len, const char *username);
/* Static messages for r, never NULL. */
const char *password_result_zh(enum pw_result r);
const char *password_result_en(enum pw_result r);
/* The whole policy in one sentence, for forms and help texts. */
const char *password_policy_zh(void);
const char *password_policy_en(void);

#endif
