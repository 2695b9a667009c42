/* A bounded, thread-safe cache of byte strings keyed by text, for answers
 * that stay right until the data changes. Every entry carries the data
 * generation it was computed under and the time it was made: a lookup under
 * another generation, or later than max_age seconds after, misses and drops
 * the entry. When the byte budget is reached the least recently used
 * entries go first; a value larger than an eighth of the budget is not kept
 * (one big answer must not empty the cache). */
#ifndef GUATU_BASE_LRU_CACHE_H
#define GUATU_BASE_LRU_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lru_cache;

struct lru_cache *lru_cache_new(size_t max_bytes, int64_t max_age);
void lru_cache_free(struct lru_cache *c);
/* On a hit, a malloc'd copy of the value (NUL-terminated, *len bytes
 * without the NUL); NULL on a miss. */
char *lru_cache_get(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
		    size_t *len);
/* Like lru_cache_get, but one request computes a missing answer while the
 * others asking for the same key wait for it (at most wait_ms): on a miss,
 * *mine says the caller now holds the key's claim and must end it with
 * lru_cache_put or lru_cache_release; false after a wait that timed out
 * (compute without keeping). */
char *lru_cache_get_or_claim(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
			     int wait_ms, size_t *len, bool *mine);
void lru_cache_release(struct lru_cache *c, const char *key);
/* Keeps a copy of val under key, replacing an older entry; ends the key's
 * claim. */
void lru_cache_put(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
		   const void *val, size_t len);
void lru_cache_forget(struct lru_cache *c, const char *key);
/* Bytes held and entries held (for tests and metrics). */
size_t lru_cache_bytes(struct lru_cache *c);
size_t lru_cache_count(struct lru_cache *c);

#endif
