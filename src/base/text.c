#include "base/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

bool text_to_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	if (!s || !*s)
		return false;
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || end == s || v < min || v > max)
		return false;
	*out = v;
	return true;
}

bool text_copy(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);
	bool fits = n < cap;
	if (!fits)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return fits;
}

long text_utf8_len(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	long count = 0;
	size_t i = 0;
	while (i < len) {
		unsigned char c = p[i];
		size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
			: (c >> 3) == 30 ? 4 : 0;
		if (!n || i + n > len)
			return -1;
		for (size_t k = 1; k < n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return -1;
		i += n;
		count++;
	}
	return count;
}

bool text_equal_ct(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return false;
	return sodium_memcmp(a, b, la) == 0;
}
