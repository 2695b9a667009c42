/* The tamper-evident audit chain: each record's BLAKE2b-256 hash covers the
 * previous hash, so editing, deleting or truncating records is detectable. */
#ifndef GUATU_DOMAIN_AUDIT_CHAIN_H
#define GUATU_DOMAIN_AUDIT_CHAIN_H
#include <stdbool.h>
#include <stdint.h>

#define AUDIT_HASH_LEN 32
#define AUDIT_HEX_LEN (2 * AUDIT_HASH_LEN)

/* One record as hashed. Strings are borrowed; NULL means absent, which
 * hashes differently from "". */
struct audit_rec {
	int64_t id;
	int64_t ts;
	int64_t actor_id;
	const char *actor;
	const char *ip;
	const char *action;
	const char *object_type;
	const char *object_id;
	const char *region;
	const char *before;
	const char *after;
};

/* out = BLAKE2b-256 (unkeyed) of: the 14 bytes "guatu-audit-v1", the 32
 * bytes of prev, then id, ts, actor_id as 8-byte big-endian two's
 * complement, then actor, ip, action, object_type, object_id, region,
 * before, after each as one presence byte (1 present, 0 absent), an 8-byte
 * big-endian length (0 when absent) and the bytes. Cannot fail. */
void audit_hash(const unsigned char prev[AUDIT_HASH_LEN], const struct audit_rec *r,
		unsigned char out[AUDIT_HASH_LEN]);
/* out = BLAKE2b-256 of the 19 bytes "guatu-audit-genesis": the prev of
 * record 1 and the head of an empty log. */
void audit_genesis(unsigned char out[AUDIT_HASH_LEN]);
/* Lower-case hex of h, NUL-terminated (65 bytes). */
void audit_hex(const unsigned char h[AUDIT_HASH_LEN], char out[AUDIT_HEX_LEN + 1]);
/* Parses exactly 64 hex digits (either case) followed by NUL. False for
 * NULL, any other length or a non-hex character; out is then unspecified. */
bool audit_unhex(const char *hex, unsigned char out[AUDIT_HASH_LEN]);

/* Verifies a log fed to it in id order. After the first failure bad_id
 * names the first broken record (> 0), reason_en/reason_zh describe it and
 * every later call returns false without changing them. While the chain is
 * intact bad_id is 0 and the reasons are NULL. The reasons point into
 * msg_en/msg_zh of the same struct: do not use them from a copy. */
struct audit_verifier {
	unsigned char prev[AUDIT_HASH_LEN]; /* hash of the last good record */
	int64_t expect_id;                  /* id the next record must have */
	int64_t count;                      /* records verified good */
	int64_t bad_id;
	const char *reason_en;
	const char *reason_zh;
	char msg_en[160];
	char msg_zh[160];
};

/* Starts at genesis, expecting id 1. */
void audit_verify_init(struct audit_verifier *v);
/* Checks the next stored record: its id is the expected one (a higher id
 * means records were deleted), its stored prev hash is the running hash,
 * and its stored hash equals the one recomputed from r. Hex strings may be
 * NULL (treated as malformed). Returns false and records why on failure. */
bool audit_verify_next(struct audit_verifier *v, const struct audit_rec *r,
		       const char *stored_hash_hex, const char *stored_prev_hex);
/* Checks the separately stored chain head against the end of the log:
 * head_id must be the last verified id (0 for an empty log) and its hash
 * the running hash (genesis for an empty log). Detects truncation at the
 * end. Returns false, recording why, on mismatch or an earlier failure. */
bool audit_verify_finish(struct audit_verifier *v, int64_t head_id,
			 const char *head_hash_hex);

#endif
