#include "domain/proj_ratio.h"

#include <stdio.h>
#include <string.h>

/* An unsigned 128-bit number as two halves: portable C17 has no such type. */
struct u128 {
	uint64_t hi, lo;
};

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static struct u128 mul_64x64(uint64_t a, uint64_t b)
{
	uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32, bl = b & 0xFFFFFFFFu, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
	struct u128 r = { hh + (lh >> 32) + (hl >> 32) + (mid >> 32),
			  (mid << 32) | (ll & 0xFFFFFFFFu) };
	return r;
}

/* n / d by shift and subtract; *q_fits is false when the quotient needs
 * more than 64 bits. d is not 0. */
static uint64_t div_128x64(struct u128 n, uint64_t d, uint64_t *rem, bool *q_fits)
{
	uint64_t r = 0, q = 0;
	*q_fits = true;
	for (int i = 127; i >= 0; i--) {
		uint64_t bit = i >= 64 ? (n.hi >> (i - 64)) & 1u : (n.lo >> i) & 1u;
		bool carry = r >> 63;
		r = (r << 1) | bit;
		if (carry || r >= d) {
			r -= d;
			if (i >= 64)
				*q_fits = false;
			else
				q |= (uint64_t)1 << i;
		}
	}
	*rem = r;
	return q;
}

bool proj_muldiv_round(int64_t a, int64_t b, int64_t d, int64_t *out)
{
	if (d == 0)
		return false;
	bool negative = (a < 0) != (b < 0) ? d > 0 : d < 0;
	uint64_t ud = magnitude(d), rem;
	bool fits;
	uint64_t q = div_128x64(mul_64x64(magnitude(a), magnitude(b)), ud, &rem, &fits);
	if (!fits)
		return false;
	if (rem >= ud - rem) { /* 2 * rem >= d: half or more rounds away */
		if (q == UINT64_MAX)
			return false;
		q++;
	}
	uint64_t limit = negative ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
	if (q > limit)
		return false;
	if (q == 0)
		negative = false;
	*out = negative ? (int64_t)(0 - q) : (int64_t)q;
	return true;
}

bool proj_ratio_bp(int64_t num, int64_t den, int64_t *bp)
{
	return proj_muldiv_round(num, PROJ_BP_FULL, den, bp);
}

size_t proj_bp_format(int64_t bp, char *out, size_t cap)
{
	uint64_t m = magnitude(bp);
	int n = snprintf(out, cap, "%s%llu.%02llu", bp < 0 ? "-" : "",
			 (unsigned long long)(m / 100), (unsigned long long)(m % 100));
	return n < 0 ? 0 : (size_t)n;
}

size_t proj_bp_format_short(int64_t bp, char *out, size_t cap)
{
	char buf[PROJ_BP_TEXT_MAX];
	size_t n = proj_bp_format(bp, buf, sizeof buf);
	while (n > 0 && buf[n - 1] == '0')
		n--;
	if (n > 0 && buf[n - 1] == '.')
		n--;
	buf[n] = '\0';
	if (cap > 0) {
		size_t k = n < cap ? n : cap - 1;
		memcpy(out, buf, k);
		out[k] = '\0';
	}
	return n;
}
