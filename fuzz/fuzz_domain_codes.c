/* libFuzzer target for the domain validators: credit codes, passwords,
 * region and industry codes, audit hex. Checks invariants, not just crashes.
 * Build with clang -fsanitize=fuzzer,address,undefined -Isrc, this file and the
 * sources of src/domain, and libsodium (pkg-config). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit_chain.h"
#include "domain/credit_code.h"
#include "domain/industry.h"
#include "domain/password.h"
#include "domain/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
	if (!ok)
		abort();
}

static void fuzz_credit_code(const char *s, size_t n)
{
	size_t pos = SIZE_MAX;
	enum cc_result r = credit_code_check(s, n, &pos);
	check(r == CC_OK ? pos == SIZE_MAX : pos <= CREDIT_CODE_LEN);
	if (n >= 17) {
		char c = credit_code_check_char(s);
		if (n == CREDIT_CODE_LEN && c)
			check((r == CC_OK) == (c == s[17]));
	}
	char copy[64];
	if (n < sizeof copy) {
		memcpy(copy, s, n);
		copy[n] = '\0';
		credit_code_normalize(copy, n);
		char region[7];
		if (credit_code_region(copy, region))
			check(region_code_valid(region, 6));
	}
}

static void fuzz_region(const char *s, size_t n)
{
	bool valid = region_code_valid(s, n);
	if (n != 6)
		check(!valid);
	char z[8], lo[7], hi[7], parent[7];
	if (n > 6)
		return;
	memcpy(z, s, n);
	z[n] = '\0';
	region_range(z, lo, hi);
	check(valid == (strcmp(lo, hi) <= 0));
	if (valid) {
		check(region_covers(z, z));
		check(strcmp(lo, z) <= 0 && strcmp(z, hi) <= 0);
		if (region_parent(z, parent))
			check(region_covers(parent, z) && !region_covers(z, parent));
	}
}

static void fuzz_industry(const char *s, size_t n)
{
	char out[INDUSTRY_CODE_MAX + 1];
	bool valid = industry_code_valid(s, n);
	check(valid == industry_normalize(s, n, out));
	if (valid)
		check(industry_code_valid(out, strlen(out)) && out[0] >= 'A' && out[0] <= 'T');
}

static void fuzz_audit_hex(const char *s, size_t n)
{
	char z[80], back[AUDIT_HEX_LEN + 1];
	unsigned char h[AUDIT_HASH_LEN];
	if (n >= sizeof z)
		return;
	memcpy(z, s, n);
	z[n] = '\0';
	if (!audit_unhex(z, h))
		return;
	audit_hex(h, back);
	check(strlen(back) == AUDIT_HEX_LEN);
	for (size_t i = 0; i < AUDIT_HEX_LEN; i++)
		check((z[i] | 0x20) == back[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	fuzz_credit_code(s, size);
	password_check(s, size, size > 4 ? "abc" : NULL);
	fuzz_region(s, size);
	fuzz_industry(s, size);
	fuzz_audit_hex(s, size);
	return 0;
}
