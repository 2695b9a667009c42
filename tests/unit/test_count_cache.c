/* The count cache: hits, expiry by TTL, invalidation by generation, keys
 * that collide in a slot, over-long keys never cached. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/count_cache.h"

static void hit_and_miss(void **state)
{
	(void)state;
	struct count_cache *c = count_cache_new(16, 10);
	int64_t n = -1;
	assert_false(count_cache_get(c, "a", 100, &n));
	count_cache_put(c, "a", 100, 42);
	assert_true(count_cache_get(c, "a", 105, &n));
	assert_int_equal(n, 42);
	assert_false(count_cache_get(c, "b", 105, &n));
	count_cache_free(c);
}

static void expires_after_ttl(void **state)
{
	(void)state;
	struct count_cache *c = count_cache_new(16, 10);
	int64_t n;
	count_cache_put(c, "q", 100, 7);
	assert_true(count_cache_get(c, "q", 109, &n));
	assert_false(count_cache_get(c, "q", 110, &n));
	count_cache_free(c);
}

static void bump_forgets_everything(void **state)
{
	(void)state;
	struct count_cache *c = count_cache_new(16, 10);
	int64_t n;
	count_cache_put(c, "x", 100, 1);
	count_cache_put(c, "y", 100, 2);
	count_cache_bump(c);
	assert_false(count_cache_get(c, "x", 100, &n));
	assert_false(count_cache_get(c, "y", 100, &n));
	count_cache_put(c, "x", 100, 3);
	assert_true(count_cache_get(c, "x", 100, &n));
	assert_int_equal(n, 3);
	count_cache_free(c);
}

static void one_slot_keeps_the_right_key(void **state)
{
	(void)state;
	struct count_cache *c = count_cache_new(1, 10);
	int64_t n;
	count_cache_put(c, "first", 100, 1);
	count_cache_put(c, "second", 100, 2);
	assert_false(count_cache_get(c, "first", 100, &n)); /* evicted, not confused */
	assert_true(count_cache_get(c, "second", 100, &n));
	assert_int_equal(n, 2);
	count_cache_free(c);
}

static void long_keys_are_not_cached(void **state)
{
	(void)state;
	struct count_cache *c = count_cache_new(16, 10);
	char key[600];
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	int64_t n;
	count_cache_put(c, key, 100, 5);
	assert_false(count_cache_get(c, key, 100, &n));
	count_cache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hit_and_miss),
		cmocka_unit_test(expires_after_ttl),
		cmocka_unit_test(bump_forgets_everything),
		cmocka_unit_test(one_slot_keeps_the_right_key),
		cmocka_unit_test(long_keys_are_not_cached),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
