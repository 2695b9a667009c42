/* Tests for domain/audit_chain: the hash encoding (against vectors computed
 * by an independent Python implementation) and the chain verifier. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "domain/audit_chain.h"

static const char genesis_hex[] =
	"a86c3f6f86c5287afd1f752dc3f72009d192e391f339d2795bf9d2bb4c8d1f9d";

static void hex_of_hash(const unsigned char prev[AUDIT_HASH_LEN], const struct audit_rec *r,
			char out[AUDIT_HEX_LEN + 1])
{
	unsigned char h[AUDIT_HASH_LEN];
	audit_hash(prev, r, h);
	audit_hex(h, out);
}

static void test_genesis(void **state)
{
	(void)state;
	unsigned char g[AUDIT_HASH_LEN];
	char hex[AUDIT_HEX_LEN + 1];
	audit_genesis(g);
	audit_hex(g, hex);
	assert_string_equal(hex, genesis_hex);
}

static void test_known_vectors(void **state)
{
	(void)state;
	unsigned char g[AUDIT_HASH_LEN], h1[AUDIT_HASH_LEN];
	char hex[AUDIT_HEX_LEN + 1];
	audit_genesis(g);
	struct audit_rec r1 = { .id = 1, .ts = 1700000000, .actor_id = 42, .actor = "zhangsan",
				.ip = "10.0.0.1", .action = "user.login" };
	audit_hash(g, &r1, h1);
	audit_hex(h1, hex);
	assert_string_equal(hex, "6c14fcb1aaddefc2c9288f076b08c29023ea2704fbda08fcf01af7a56a53d1c5");
	struct audit_rec r2 = { .id = 2, .ts = 1700000060, .actor_id = -1, .actor = "李四",
				.action = "enterprise.update", .object_type = "enterprise",
				.object_id = "17", .region = "220104",
				.before = "{\"name\":\"旧\"}", .after = "{\"name\":\"新\"}" };
	hex_of_hash(h1, &r2, hex);
	assert_string_equal(hex, "4de3d7e0cd70259f7dea5d0b7f08c10dcef57ae8a8d8d54e77282a27f4cc7e75");
	struct audit_rec empty = { .id = 1, .actor = "", .ip = "", .action = "", .object_type = "",
				   .object_id = "", .region = "", .before = "", .after = "" };
	hex_of_hash(g, &empty, hex);
	assert_string_equal(hex, "6ab008f8b2877812d3df7dea71c875b90eebb0fd32a661f4ae8b23b9f332c4f8");
	struct audit_rec nulls = { .id = 1 };
	hex_of_hash(g, &nulls, hex);
	assert_string_equal(hex, "899252def8f83028db8e51933509f101658321a4acab8843c7671daa14a30adc");
	/* Negative integers, one-byte strings, NULL and "" mixed. */
	struct audit_rec mixed = { .id = 3, .ts = -5, .actor_id = 7, .actor = "a", .action = "x",
				   .object_type = "", .object_id = "9", .before = "{}" };
	hex_of_hash(g, &mixed, hex);
	assert_string_equal(hex, "3f9d4ab6200a00842f484244eab4cae0c99d02dd72265c9e5ea7e398980bddd1");
}

/* Moving bytes between adjacent fields or NULL vs "" changes the hash. */
static void test_encoding_unambiguous(void **state)
{
	(void)state;
	unsigned char g[AUDIT_HASH_LEN];
	char a[AUDIT_HEX_LEN + 1], b[AUDIT_HEX_LEN + 1];
	audit_genesis(g);
	struct audit_rec x = { .id = 1, .actor = "ab", .ip = "c", .action = "x" };
	struct audit_rec y = { .id = 1, .actor = "a", .ip = "bc", .action = "x" };
	hex_of_hash(g, &x, a);
	hex_of_hash(g, &y, b);
	assert_string_not_equal(a, b);
	struct audit_rec n = { .id = 1, .action = "x" };
	struct audit_rec e = { .id = 1, .action = "x", .before = "" };
	hex_of_hash(g, &n, a);
	hex_of_hash(g, &e, b);
	assert_string_not_equal(a, b);
	struct audit_rec p = { .id = 1, .action = "x", .object_id = "" };
	hex_of_hash(g, &p, a);
	assert_string_not_equal(a, b); /* "" in another field differs too */
	struct audit_rec t1 = { .id = 1, .ts = 2, .action = "x" };
	struct audit_rec t2 = { .id = 2, .ts = 1, .action = "x" };
	hex_of_hash(g, &t1, a);
	hex_of_hash(g, &t2, b);
	assert_string_not_equal(a, b);
	/* Another prev gives another hash. */
	unsigned char other[AUDIT_HASH_LEN];
	memcpy(other, g, sizeof other);
	other[31] ^= 1;
	hex_of_hash(g, &t1, a);
	hex_of_hash(other, &t1, b);
	assert_string_not_equal(a, b);
}

static void test_hex(void **state)
{
	(void)state;
	unsigned char h[AUDIT_HASH_LEN], back[AUDIT_HASH_LEN];
	for (int i = 0; i < AUDIT_HASH_LEN; i++)
		h[i] = (unsigned char)(i * 37 + 5);
	char hex[AUDIT_HEX_LEN + 1];
	audit_hex(h, hex);
	assert_int_equal(strlen(hex), 64);
	assert_memory_equal(hex, "052a4f74", 8);
	assert_true(audit_unhex(hex, back));
	assert_memory_equal(h, back, AUDIT_HASH_LEN);
	char upper[AUDIT_HEX_LEN + 1];
	memcpy(upper, genesis_hex, sizeof upper);
	for (char *c = upper; *c; c++)
		if (*c >= 'a' && *c <= 'f')
			*c = (char)(*c - 'a' + 'A');
	unsigned char g[AUDIT_HASH_LEN];
	audit_genesis(g);
	assert_true(audit_unhex(upper, back));
	assert_memory_equal(g, back, AUDIT_HASH_LEN);
	/* Bad input. */
	assert_false(audit_unhex(NULL, back));
	assert_false(audit_unhex("", back));
	assert_false(audit_unhex("00", back));
	char bad[AUDIT_HEX_LEN + 2];
	memcpy(bad, genesis_hex, AUDIT_HEX_LEN + 1);
	bad[AUDIT_HEX_LEN - 1] = '\0'; /* 63 */
	assert_false(audit_unhex(bad, back));
	memcpy(bad, genesis_hex, AUDIT_HEX_LEN);
	bad[AUDIT_HEX_LEN] = '0';
	bad[AUDIT_HEX_LEN + 1] = '\0'; /* 65 */
	assert_false(audit_unhex(bad, back));
	static const char nonhex[] = "gG -x+\xff";
	for (const char *c = nonhex; *c; c++) {
		memcpy(bad, genesis_hex, AUDIT_HEX_LEN + 1);
		bad[10] = *c;
		assert_false(audit_unhex(bad, back));
	}
}

/* A stored log: records with their own string storage and stored hashes. */
enum { N = 50 };

struct stored {
	char actor[32], ip[32], action[32], otype[32], oid[32], region[32], before[40],
		after[40];
	struct audit_rec r;
	char hash[AUDIT_HEX_LEN + 1], prev[AUDIT_HEX_LEN + 1];
};

static struct stored log_[N];
static int64_t head_id;
static char head_hash[AUDIT_HEX_LEN + 1];

static void fill(struct stored *s, int i)
{
	snprintf(s->actor, sizeof s->actor, "user%d", i % 7);
	snprintf(s->ip, sizeof s->ip, "10.0.%d.%d", i / 10, i);
	snprintf(s->action, sizeof s->action, "enterprise.update");
	snprintf(s->otype, sizeof s->otype, "enterprise");
	snprintf(s->oid, sizeof s->oid, "%d", 1000 + i);
	snprintf(s->region, sizeof s->region, "22010%d", 2 + i % 5);
	snprintf(s->before, sizeof s->before, "{\"v\":%d}", i);
	snprintf(s->after, sizeof s->after, "{\"v\":%d}", i + 1);
	s->r = (struct audit_rec){ .id = i + 1, .ts = 1700000000 + 60 * i, .actor_id = i % 7,
				   .actor = s->actor, .action = s->action };
	/* Vary which optional fields are present, including NULL and "". */
	s->r.ip = i % 3 ? s->ip : NULL;
	s->r.object_type = i % 4 ? s->otype : NULL;
	s->r.object_id = i % 4 ? s->oid : NULL;
	s->r.region = i % 5 ? s->region : NULL;
	s->r.before = i % 2 ? s->before : NULL;
	s->r.after = i % 6 ? s->after : "";
}

/* Builds the log as an appender would: each record chained to the last. */
static int build(void **state)
{
	(void)state;
	unsigned char prev[AUDIT_HASH_LEN], h[AUDIT_HASH_LEN];
	audit_genesis(prev);
	for (int i = 0; i < N; i++) {
		fill(&log_[i], i);
		audit_hash(prev, &log_[i].r, h);
		audit_hex(prev, log_[i].prev);
		audit_hex(h, log_[i].hash);
		memcpy(prev, h, sizeof prev);
	}
	head_id = N;
	audit_hex(prev, head_hash);
	return 0;
}

/* Feeds records [0, n) except skip (-1: none); returns the verifier's
 * verdict after finish. */
static bool verify(struct audit_verifier *v, int n, int skip)
{
	audit_verify_init(v);
	bool ok = true;
	for (int i = 0; i < n && ok; i++)
		if (i != skip)
			ok = audit_verify_next(v, &log_[i].r, log_[i].hash, log_[i].prev);
	if (!ok)
		return false;
	return audit_verify_finish(v, head_id, head_hash);
}

static void test_intact_chain(void **state)
{
	(void)state;
	struct audit_verifier v;
	assert_true(verify(&v, N, -1));
	assert_int_equal(v.count, N);
	assert_int_equal(v.bad_id, 0);
	assert_null(v.reason_en);
	assert_null(v.reason_zh);
	assert_int_equal(v.expect_id, N + 1);
	/* Upper-case stored hex is the same hash. */
	char upper[AUDIT_HEX_LEN + 1];
	memcpy(upper, head_hash, sizeof upper);
	for (char *c = upper; *c; c++)
		if (*c >= 'a' && *c <= 'f')
			*c = (char)(*c - 'a' + 'A');
	audit_verify_init(&v);
	for (int i = 0; i < N; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_true(audit_verify_finish(&v, N, upper));
}

static void test_empty_log(void **state)
{
	(void)state;
	struct audit_verifier v;
	audit_verify_init(&v);
	assert_true(audit_verify_finish(&v, 0, genesis_hex));
	assert_int_equal(v.count, 0);
	audit_verify_init(&v);
	assert_false(audit_verify_finish(&v, 0, log_[0].hash));
	assert_int_equal(v.bad_id, 1);
	assert_non_null(v.reason_en);
	audit_verify_init(&v);
	assert_false(audit_verify_finish(&v, 3, genesis_hex)); /* all deleted */
	assert_int_equal(v.bad_id, 1);
	assert_string_equal(v.reason_en, "records 1 to 3 are missing from the end of the log");
	assert_string_equal(v.reason_zh, "日志末尾的审计记录1至3缺失");
}

/* Returns a pointer to the n-th mutable string field of s, NULL-able. */
static char *field(struct stored *s, int n)
{
	char *const f[] = { s->actor, s->ip, s->action, s->otype,
			    s->oid,   s->region, s->before, s->after };
	return f[n];
}

static bool field_present(const struct audit_rec *r, int n)
{
	const char *const f[] = { r->actor,     r->ip,     r->action, r->object_type,
				  r->object_id, r->region, r->before, r->after };
	return f[n] && f[n][0];
}

static void expect_altered(int i)
{
	struct audit_verifier v;
	char en[64], zh[64];
	assert_false(verify(&v, N, -1));
	assert_int_equal(v.bad_id, i + 1);
	snprintf(en, sizeof en, "record %d was altered", i + 1);
	snprintf(zh, sizeof zh, "审计记录%d已被篡改", i + 1);
	assert_string_equal(v.reason_en, en);
	assert_string_equal(v.reason_zh, zh);
	assert_int_equal(v.count, i);
}

/* Flip one byte of every present string field of several records. */
static void test_flip_string_byte(void **state)
{
	(void)state;
	const int which[] = { 0, 1, 16, 29, 48, 49 };
	for (size_t k = 0; k < sizeof which / sizeof which[0]; k++) {
		int i = which[k];
		for (int f = 0; f < 8; f++) {
			if (!field_present(&log_[i].r, f))
				continue;
			char *p = field(&log_[i], f);
			size_t at = strlen(p) / 2;
			p[at] ^= 0x01;
			expect_altered(i);
			p[at] ^= 0x01;
		}
	}
	struct audit_verifier v;
	assert_true(verify(&v, N, -1));
}

static void test_flip_ints_and_presence(void **state)
{
	(void)state;
	struct audit_rec *r = &log_[16].r;
	r->ts ^= 1;
	expect_altered(16);
	r->ts ^= 1;
	r->actor_id += 1;
	expect_altered(16);
	r->actor_id -= 1;
	r->actor_id ^= (int64_t)1 << 62; /* high byte */
	expect_altered(16);
	r->actor_id ^= (int64_t)1 << 62;
	r->id = -r->id;
	struct audit_verifier v;
	assert_false(verify(&v, N, -1));
	assert_int_equal(v.bad_id, 17);
	r->id = -r->id;
	/* Record 16 (i = 15) has no ip and an after; record 19 an "" after. */
	r = &log_[15].r;
	assert_null(r->ip);
	r->ip = "";
	expect_altered(15);
	r->ip = NULL;
	const char *after = r->after;
	assert_non_null(after);
	r->after = NULL;
	expect_altered(15);
	r->after = after;
	r = &log_[18].r;
	assert_string_equal(r->after, "");
	r->after = NULL;
	expect_altered(18);
	r->after = "";
	assert_true(verify(&v, N, -1));
}

static void test_flip_stored_hashes(void **state)
{
	(void)state;
	struct audit_verifier v;
	/* The stored hash of record 17 edited: record 17 reported altered. */
	log_[16].hash[5] ^= 0x01;
	assert_false(verify(&v, N, -1));
	assert_int_equal(v.bad_id, 17);
	log_[16].hash[5] ^= 0x01;
	/* Its stored prev edited: it no longer links. */
	char saved = log_[16].prev[0];
	log_[16].prev[0] = saved == 'a' ? 'b' : 'a';
	assert_false(verify(&v, N, -1));
	assert_int_equal(v.bad_id, 17);
	assert_string_equal(v.reason_en, "record 17 does not link to the record before it");
	log_[16].prev[0] = saved;
	/* Malformed stored hex. */
	audit_verify_init(&v);
	assert_false(audit_verify_next(&v, &log_[0].r, NULL, log_[0].prev));
	assert_int_equal(v.bad_id, 1);
	audit_verify_init(&v);
	assert_false(audit_verify_next(&v, &log_[0].r, log_[0].hash, "zz"));
	assert_int_equal(v.bad_id, 1);
	/* A record recomputed consistently with a forged hash still breaks the
	 * link of the next one. */
	struct audit_rec forged = log_[16].r;
	forged.actor = "mallory";
	unsigned char prev[AUDIT_HASH_LEN], h[AUDIT_HASH_LEN];
	assert_true(audit_unhex(log_[16].prev, prev));
	audit_hash(prev, &forged, h);
	char forged_hex[AUDIT_HEX_LEN + 1];
	audit_hex(h, forged_hex);
	audit_verify_init(&v);
	for (int i = 0; i < 16; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_true(audit_verify_next(&v, &forged, forged_hex, log_[16].prev));
	assert_false(audit_verify_next(&v, &log_[17].r, log_[17].hash, log_[17].prev));
	assert_int_equal(v.bad_id, 18);
	assert_true(verify(&v, N, -1));
}

static void test_deleted_record(void **state)
{
	(void)state;
	struct audit_verifier v;
	const int which[] = { 0, 16, 48 };
	for (size_t k = 0; k < 3; k++) {
		int i = which[k];
		char en[64];
		assert_false(verify(&v, N, i));
		assert_int_equal(v.bad_id, i + 1);
		snprintf(en, sizeof en, "record %d is missing", i + 1);
		assert_string_equal(v.reason_en, en);
		assert_int_equal(v.count, i);
	}
	/* Two consecutive records deleted. */
	audit_verify_init(&v);
	for (int i = 0; i < N; i++) {
		if (i == 20 || i == 21)
			continue;
		if (!audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev))
			break;
	}
	assert_int_equal(v.bad_id, 21);
	assert_string_equal(v.reason_en, "records 21 to 22 are missing");
	assert_string_equal(v.reason_zh, "审计记录21至22缺失");
	/* The last record deleted is truncation: finish catches it. */
	assert_false(verify(&v, N, N - 1));
	assert_int_equal(v.bad_id, N);
	assert_string_equal(v.reason_en, "record 50 is missing from the end of the log");
}

static void test_deleted_and_renumbered(void **state)
{
	(void)state;
	/* Record 17 deleted and later ids shifted down: ids are contiguous
	 * but record 18, now numbered 17, fails. */
	struct audit_verifier v;
	audit_verify_init(&v);
	for (int i = 0; i < 16; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	struct audit_rec moved = log_[17].r;
	moved.id = 17;
	assert_false(audit_verify_next(&v, &moved, log_[17].hash, log_[17].prev));
	assert_int_equal(v.bad_id, 17);
}

static void test_duplicate_and_order(void **state)
{
	(void)state;
	struct audit_verifier v;
	audit_verify_init(&v);
	for (int i = 0; i < 10; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_false(audit_verify_next(&v, &log_[9].r, log_[9].hash, log_[9].prev));
	assert_int_equal(v.bad_id, 11);
	assert_string_equal(v.reason_en, "record 10 is duplicated or out of order (expected 11)");
	/* Sticky: later calls fail and keep the first reason. */
	assert_false(audit_verify_next(&v, &log_[10].r, log_[10].hash, log_[10].prev));
	assert_false(audit_verify_finish(&v, head_id, head_hash));
	assert_int_equal(v.bad_id, 11);
	assert_string_equal(v.reason_en, "record 10 is duplicated or out of order (expected 11)");
	/* A first record numbered 0 or negative. */
	audit_verify_init(&v);
	struct audit_rec zero = log_[0].r;
	zero.id = 0;
	assert_false(audit_verify_next(&v, &zero, log_[0].hash, log_[0].prev));
	assert_int_equal(v.bad_id, 1);
	audit_verify_init(&v);
	assert_false(audit_verify_next(&v, NULL, log_[0].hash, log_[0].prev));
	assert_int_equal(v.bad_id, 1);
}

static void test_truncation(void **state)
{
	(void)state;
	struct audit_verifier v;
	/* Last 5 records cut off: every kept record verifies, finish fails. */
	audit_verify_init(&v);
	for (int i = 0; i < N - 5; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_false(audit_verify_finish(&v, head_id, head_hash));
	assert_int_equal(v.bad_id, 46);
	assert_string_equal(v.reason_en, "records 46 to 50 are missing from the end of the log");
	assert_string_equal(v.reason_zh, "日志末尾的审计记录46至50缺失");
	/* Truncated and the head rewritten to the new end: the head's hash
	 * must then be forged too; a head id alone is not enough. */
	audit_verify_init(&v);
	for (int i = 0; i < N - 5; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_false(audit_verify_finish(&v, N - 5, head_hash));
	assert_int_equal(v.bad_id, N - 5);
	assert_string_equal(v.reason_en, "the chain head does not match record 45");
	/* Head behind the log (records appended without the head). */
	audit_verify_init(&v);
	for (int i = 0; i < N; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_false(audit_verify_finish(&v, N - 2, log_[N - 3].hash));
	assert_int_equal(v.bad_id, N - 1);
	/* Head hash malformed or absent. */
	audit_verify_init(&v);
	for (int i = 0; i < N; i++)
		assert_true(audit_verify_next(&v, &log_[i].r, log_[i].hash, log_[i].prev));
	assert_false(audit_verify_finish(&v, N, NULL));
	assert_int_equal(v.bad_id, N);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_genesis),
		cmocka_unit_test(test_known_vectors),
		cmocka_unit_test(test_encoding_unambiguous),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_intact_chain),
		cmocka_unit_test(test_empty_log),
		cmocka_unit_test(test_flip_string_byte),
		cmocka_unit_test(test_flip_ints_and_presence),
		cmocka_unit_test(test_flip_stored_hashes),
		cmocka_unit_test(test_deleted_record),
		cmocka_unit_test(test_deleted_and_renumbered),
		cmocka_unit_test(test_duplicate_and_order),
		cmocka_unit_test(test_truncation),
	};
	return cmocka_run_group_tests(tests, build, NULL);
}
