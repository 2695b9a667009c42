/* The LRU cache: hits return a copy, a new generation or age misses and
 * drops, the byte budget evicts the least recently used, big values are not
 * kept, replacing and forgetting keys, and threads sharing one cache. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/lru_cache.h"

static char *get(struct lru_cache *c, const char *k, uint64_t gen, int64_t now)
{
	size_t n = 0;
	return lru_cache_get(c, k, gen, now, &n);
}

static void hit_is_a_copy(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(1 << 20, 10);
	assert_null(get(c, "a", 1, 100));
	lru_cache_put(c, "a", 1, 100, "{\"x\":1}", 7);
	size_t n = 0;
	char *v = lru_cache_get(c, "a", 1, 105, &n);
	assert_non_null(v);
	assert_int_equal(n, 7);
	assert_string_equal(v, "{\"x\":1}");
	v[0] = 'Z'; /* the copy is the caller's */
	free(v);
	v = get(c, "a", 1, 105);
	assert_string_equal(v, "{\"x\":1}");
	free(v);
	assert_null(get(c, "b", 1, 105));
	lru_cache_free(c);
}

static void generation_and_age_miss(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(1 << 20, 10);
	lru_cache_put(c, "g", 1, 100, "one", 3);
	assert_null(get(c, "g", 2, 101)); /* the data changed */
	assert_int_equal(lru_cache_count(c), 0);
	lru_cache_put(c, "t", 2, 100, "two", 3);
	char *v = get(c, "t", 2, 109);
	assert_non_null(v);
	free(v);
	assert_null(get(c, "t", 2, 110)); /* max age */
	lru_cache_put(c, "clock", 2, 100, "x", 1);
	assert_null(get(c, "clock", 2, 99)); /* the clock went back */
	lru_cache_free(c);
}

static void budget_evicts_least_recent(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(8192, 10);
	char val[600], key[16];
	memset(val, 'v', sizeof val);
	for (int i = 0; i < 40; i++) {
		snprintf(key, sizeof key, "k%d", i);
		lru_cache_put(c, key, 1, 100, val, sizeof val);
		char *keep = get(c, "k0", 1, 100); /* k0 stays the most recent */
		free(keep);
		assert_true(lru_cache_bytes(c) <= 8192);
	}
	char *v = get(c, "k0", 1, 100);
	assert_non_null(v);
	free(v);
	assert_null(get(c, "k1", 1, 100)); /* the oldest untouched went first */
	v = get(c, "k39", 1, 100);
	assert_non_null(v);
	free(v);
	assert_true(lru_cache_count(c) < 40);
	lru_cache_free(c);
}

static void big_values_not_kept(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(8192, 10);
	char *big = calloc(1, 2000);
	lru_cache_put(c, "big", 1, 100, big, 2000);
	assert_null(get(c, "big", 1, 100));
	assert_int_equal(lru_cache_bytes(c), 0);
	free(big);
	lru_cache_free(c);
}

static void replace_and_forget(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(1 << 20, 10);
	lru_cache_put(c, "k", 1, 100, "old", 3);
	lru_cache_put(c, "k", 2, 101, "newer", 5);
	assert_int_equal(lru_cache_count(c), 1);
	char *v = get(c, "k", 2, 101);
	assert_string_equal(v, "newer");
	free(v);
	lru_cache_forget(c, "k");
	assert_null(get(c, "k", 2, 101));
	assert_int_equal(lru_cache_bytes(c), 0);
	lru_cache_forget(c, "absent");
	lru_cache_free(c);
}

static void *worker(void *arg)
{
	struct lru_cache *c = arg;
	char key[16], val[64];
	for (int i = 0; i < 2000; i++) {
		snprintf(key, sizeof key, "w%d", i % 97);
		int n = snprintf(val, sizeof val, "value-%d", i % 97);
		lru_cache_put(c, key, 1, 100, val, (size_t)n);
		char *v = get(c, key, 1, 100);
		if (v && strcmp(v, val) != 0)
			abort(); /* every value belongs to its key */
		free(v);
	}
	return NULL;
}

static void threads_share_it(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(16384, 10);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, c);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert_true(lru_cache_bytes(c) <= 16384);
	lru_cache_free(c);
}

struct waiter {
	struct lru_cache *c;
	int wait_ms;
	char *got;
	bool mine;
};

static void *wait_for_answer(void *arg)
{
	struct waiter *w = arg;
	size_t n;
	w->got = lru_cache_get_or_claim(w->c, "cockpit", 1, 100, w->wait_ms, &n, &w->mine);
	return NULL;
}

static void one_computes_the_others_wait(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(1 << 20, 10);
	size_t n;
	bool mine = false;
	assert_null(lru_cache_get_or_claim(c, "cockpit", 1, 100, 1000, &n, &mine));
	assert_true(mine); /* the first asker computes */
	struct waiter w = { c, 5000, NULL, true };
	pthread_t t;
	pthread_create(&t, NULL, wait_for_answer, &w);
	usleep(50 * 1000);
	lru_cache_put(c, "cockpit", 1, 100, "answer", 6);
	pthread_join(t, NULL);
	assert_non_null(w.got); /* the second got the first's answer */
	assert_string_equal(w.got, "answer");
	assert_false(w.mine);
	free(w.got);
	lru_cache_free(c);
}

static void a_release_hands_the_claim_on(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(1 << 20, 10);
	size_t n;
	bool mine = false;
	assert_null(lru_cache_get_or_claim(c, "cockpit", 1, 100, 1000, &n, &mine));
	assert_true(mine);
	struct waiter w = { c, 5000, NULL, false };
	pthread_t t;
	pthread_create(&t, NULL, wait_for_answer, &w);
	usleep(50 * 1000);
	lru_cache_release(c, "cockpit"); /* the first failed: nothing to keep */
	pthread_join(t, NULL);
	assert_null(w.got);
	assert_true(w.mine); /* now the second computes */
	lru_cache_release(c, "cockpit");
	lru_cache_free(c);
}

static void a_wait_is_bounded(void **state)
{
	(void)state;
	struct lru_cache *c = lru_cache_new(1 << 20, 10);
	size_t n;
	bool mine = false;
	assert_null(lru_cache_get_or_claim(c, "cockpit", 1, 100, 1000, &n, &mine));
	struct waiter w = { c, 50, NULL, true };
	wait_for_answer(&w); /* the claim is never ended: give up after 50 ms */
	assert_null(w.got);
	assert_false(w.mine);
	assert_null(lru_cache_get_or_claim(c, "other", 1, 100, 50, &n, &mine));
	assert_true(mine); /* other keys are not held up */
	lru_cache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hit_is_a_copy),
		cmocka_unit_test(generation_and_age_miss),
		cmocka_unit_test(budget_evicts_least_recent),
		cmocka_unit_test(big_values_not_kept),
		cmocka_unit_test(replace_and_forget),
		cmocka_unit_test(threads_share_it),
		cmocka_unit_test(one_computes_the_others_wait),
		cmocka_unit_test(a_release_hands_the_claim_on),
		cmocka_unit_test(a_wait_is_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
