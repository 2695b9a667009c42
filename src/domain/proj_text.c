#include "domain/proj_text.h"

#include <stdint.h>
#include <string.h>

/* The code point of the 2- or 3-byte UTF-8 sequence at p (n bytes left) and
 * its length in *size; 0 when p does not start one we fold. */
static uint32_t decode(const unsigned char *p, size_t n, size_t *size)
{
	if (n >= 2 && (p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
		*size = 2;
		return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	}
	if (n >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*size = 3;
		return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	return 0;
}

/* The ASCII byte cp folds to, 0 when it is kept as it is; -1 for the BOM. */
static int fold_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return (int)(cp - 0xFF01 + 0x21);
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
		return '-';
	if (cp == 0x3000 || cp == 0x00A0)
		return ' ';
	return cp == 0xFEFF ? -1 : 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Folds without trimming; false when out overflows. */
static bool fold_all(const unsigned char *p, size_t len, char *out, size_t cap, size_t *n)
{
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		size_t size = 1;
		uint32_t cp = decode(p + i, len - i, &size);
		int f = cp ? fold_cp(cp) : 0;
		size_t emit = f > 0 ? 1 : f < 0 ? 0 : size;
		if (o + emit >= cap)
			return false;
		if (f > 0)
			out[o] = (char)f;
		else if (f == 0)
			memcpy(out + o, p + i, size);
		o += emit;
		i += size;
	}
	*n = o;
	return true;
}

bool proj_text_fold(const char *in, size_t len, char *out, size_t cap, size_t *out_len)
{
	size_t n = 0;
	if (cap == 0)
		return false;
	if (!fold_all((const unsigned char *)in, in ? len : 0, out, cap, &n)) {
		out[0] = '\0';
		return false;
	}
	size_t start = 0;
	while (start < n && is_blank(out[start]))
		start++;
	while (n > start && is_blank(out[n - 1]))
		n--;
	memmove(out, out + start, n - start);
	n -= start;
	out[n] = '\0';
	if (out_len)
		*out_len = n;
	return true;
}
