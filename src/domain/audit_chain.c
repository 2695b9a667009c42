#include "domain/audit_chain.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char hash_tag[] = "guatu-audit-v1";
static const char genesis_tag[] = "guatu-audit-genesis";

static void put_u64(crypto_generichash_state *st, uint64_t v)
{
	unsigned char b[8];
	for (int i = 7; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)(v & 0xFF);
	crypto_generichash_update(st, b, sizeof b);
}

static void put_i64(crypto_generichash_state *st, int64_t v)
{
	put_u64(st, (uint64_t)v);
}

static void put_str(crypto_generichash_state *st, const char *s)
{
	unsigned char present = s != NULL;
	size_t n = s ? strlen(s) : 0;
	crypto_generichash_update(st, &present, 1);
	put_u64(st, (uint64_t)n);
	if (n)
		crypto_generichash_update(st, (const unsigned char *)s, n);
}

void audit_hash(const unsigned char prev[AUDIT_HASH_LEN], const struct audit_rec *r,
		unsigned char out[AUDIT_HASH_LEN])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_LEN);
	crypto_generichash_update(&st, (const unsigned char *)hash_tag, sizeof hash_tag - 1);
	crypto_generichash_update(&st, prev, AUDIT_HASH_LEN);
	put_i64(&st, r->id);
	put_i64(&st, r->ts);
	put_i64(&st, r->actor_id);
	const char *const strs[] = { r->actor,     r->ip,     r->action, r->object_type,
				     r->object_id, r->region, r->before, r->after };
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		put_str(&st, strs[i]);
	crypto_generichash_final(&st, out, AUDIT_HASH_LEN);
}

void audit_genesis(unsigned char out[AUDIT_HASH_LEN])
{
	crypto_generichash(out, AUDIT_HASH_LEN, (const unsigned char *)genesis_tag,
			   sizeof genesis_tag - 1, NULL, 0);
}

void audit_hex(const unsigned char h[AUDIT_HASH_LEN], char out[AUDIT_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < AUDIT_HASH_LEN; i++) {
		out[2 * i] = digits[h[i] >> 4];
		out[2 * i + 1] = digits[h[i] & 0x0F];
	}
	out[AUDIT_HEX_LEN] = '\0';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool audit_unhex(const char *hex, unsigned char out[AUDIT_HASH_LEN])
{
	if (!hex || strnlen(hex, AUDIT_HEX_LEN + 1) != AUDIT_HEX_LEN)
		return false;
	for (size_t i = 0; i < AUDIT_HASH_LEN; i++) {
		int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return true;
}

void audit_verify_init(struct audit_verifier *v)
{
	memset(v, 0, sizeof *v);
	audit_genesis(v->prev);
	v->expect_id = 1;
}

/* True when hex parses to exactly the bytes of want. */
static bool hex_matches(const char *hex, const unsigned char want[AUDIT_HASH_LEN])
{
	unsigned char got[AUDIT_HASH_LEN];
	return audit_unhex(hex, got) && sodium_memcmp(got, want, AUDIT_HASH_LEN) == 0;
}

/* Records the first failure; bad_id is kept > 0 so that 0 means intact. */
static bool fail(struct audit_verifier *v, int64_t bad_id)
{
	v->bad_id = bad_id > 0 ? bad_id : 1;
	v->reason_en = v->msg_en;
	v->reason_zh = v->msg_zh;
	return false;
}

static bool fail_missing(struct audit_verifier *v, int64_t first, int64_t last,
			 const char *where_en, const char *where_zh)
{
	if (first == last) {
		snprintf(v->msg_en, sizeof v->msg_en, "record %" PRId64 " is missing%s", first,
			 where_en);
		snprintf(v->msg_zh, sizeof v->msg_zh, "%s审计记录%" PRId64 "缺失", where_zh, first);
	} else {
		snprintf(v->msg_en, sizeof v->msg_en,
			 "records %" PRId64 " to %" PRId64 " are missing%s", first, last, where_en);
		snprintf(v->msg_zh, sizeof v->msg_zh, "%s审计记录%" PRId64 "至%" PRId64 "缺失",
			 where_zh, first, last);
	}
	return fail(v, first);
}

static bool check_id(struct audit_verifier *v, int64_t id)
{
	if (id > v->expect_id)
		return fail_missing(v, v->expect_id, id - 1, "", "");
	if (id < v->expect_id) {
		snprintf(v->msg_en, sizeof v->msg_en,
			 "record %" PRId64 " is duplicated or out of order (expected %" PRId64 ")",
			 id, v->expect_id);
		snprintf(v->msg_zh, sizeof v->msg_zh,
			 "审计记录%" PRId64 "重复或顺序错乱（应为%" PRId64 "）", id, v->expect_id);
		return fail(v, v->expect_id);
	}
	return true;
}

static bool fail_altered(struct audit_verifier *v, int64_t id)
{
	snprintf(v->msg_en, sizeof v->msg_en, "record %" PRId64 " was altered", id);
	snprintf(v->msg_zh, sizeof v->msg_zh, "审计记录%" PRId64 "已被篡改", id);
	return fail(v, id);
}

static bool fail_unlinked(struct audit_verifier *v, int64_t id)
{
	snprintf(v->msg_en, sizeof v->msg_en,
		 "record %" PRId64 " does not link to the record before it", id);
	snprintf(v->msg_zh, sizeof v->msg_zh, "审计记录%" PRId64 "与上一条记录的链接不符", id);
	return fail(v, id);
}

bool audit_verify_next(struct audit_verifier *v, const struct audit_rec *r,
		       const char *stored_hash_hex, const char *stored_prev_hex)
{
	if (v->bad_id)
		return false;
	if (!r)
		return fail_missing(v, v->expect_id, v->expect_id, "", "");
	if (!check_id(v, r->id))
		return false;
	if (!hex_matches(stored_prev_hex, v->prev))
		return fail_unlinked(v, r->id);
	unsigned char h[AUDIT_HASH_LEN];
	audit_hash(v->prev, r, h);
	if (!hex_matches(stored_hash_hex, h))
		return fail_altered(v, r->id);
	memcpy(v->prev, h, AUDIT_HASH_LEN);
	v->expect_id++;
	v->count++;
	return true;
}

static bool fail_head_behind(struct audit_verifier *v, int64_t head_id, int64_t last)
{
	snprintf(v->msg_en, sizeof v->msg_en,
		 "the chain head names record %" PRId64 " but the log goes on to record %" PRId64,
		 head_id, last);
	snprintf(v->msg_zh, sizeof v->msg_zh,
		 "审计链头指向记录%" PRId64 "，但日志记录到%" PRId64, head_id, last);
	return fail(v, head_id + 1);
}

static bool fail_head_hash(struct audit_verifier *v, int64_t last)
{
	if (last == 0) {
		snprintf(v->msg_en, sizeof v->msg_en, "the chain head does not match the empty log");
		snprintf(v->msg_zh, sizeof v->msg_zh, "审计链头与空日志不符");
		return fail(v, 1);
	}
	snprintf(v->msg_en, sizeof v->msg_en,
		 "the chain head does not match record %" PRId64, last);
	snprintf(v->msg_zh, sizeof v->msg_zh, "审计链头与记录%" PRId64 "不符", last);
	return fail(v, last);
}

bool audit_verify_finish(struct audit_verifier *v, int64_t head_id,
			 const char *head_hash_hex)
{
	if (v->bad_id)
		return false;
	int64_t last = v->expect_id - 1;
	if (head_id > last)
		return fail_missing(v, last + 1, head_id, " from the end of the log",
				    "日志末尾的");
	if (head_id < last)
		return fail_head_behind(v, head_id, last);
	if (!hex_matches(head_hash_hex, v->prev))
		return fail_head_hash(v, last);
	return true;
}
