/* Tests for base/blob: SHA-256 hex against known vectors, base64 round
 * trips of every length around a block, and refused base64. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "base/blob.h"

static void test_sha256_vectors(void **state)
{
	(void)state;
	char h[BLOB_SHA256_HEX];
	blob_sha256_hex("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	blob_sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_base64_round_trip(void **state)
{
	(void)state;
	unsigned char data[70];
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)(i * 37 + 0xd8);
	for (size_t n = 0; n <= sizeof data; n++) {
		char *b64 = blob_base64(data, n);
		assert_non_null(b64);
		assert_int_equal(strlen(b64), (n + 2) / 3 * 4);
		size_t m = 99;
		unsigned char *back = blob_unbase64(b64, &m);
		assert_non_null(back);
		assert_int_equal(m, n);
		if (n)
			assert_memory_equal(back, data, n);
		free(back);
		free(b64);
	}
	char *s = blob_base64("\xff\xd8\xff", 3);
	assert_string_equal(s, "/9j/");
	free(s);
}

static void test_unbase64_refuses(void **state)
{
	(void)state;
	size_t n;
	assert_null(blob_unbase64("!!!!", &n));
	assert_null(blob_unbase64("QUJD$", &n));
	assert_null(blob_unbase64("QQ", &n)); /* missing padding */
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_base64_round_trip),
		cmocka_unit_test(test_unbase64_refuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
