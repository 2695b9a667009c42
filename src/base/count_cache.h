/* A small, thread-safe cache of row counts keyed by query text: a list's
 * "total" is computed once and reused while the user pages through it.
 * Entries expire after a TTL and whenever the cache's generation is bumped
 * (every write to the table it counts). Counts are per process. */
#ifndef GUATU_BASE_COUNT_CACHE_H
#define GUATU_BASE_COUNT_CACHE_H
#include <stdbool.h>
#include <stdint.h>

struct count_cache;

/* A cache with slots entries whose counts live at most ttl seconds. */
struct count_cache *count_cache_new(unsigned slots, int64_t ttl);
void count_cache_free(struct count_cache *c);
/* True and *n when key has a fresh entry of the current generation. */
bool count_cache_get(struct count_cache *c, const char *key, int64_t now, int64_t *n);
void count_cache_put(struct count_cache *c, const char *key, int64_t now, int64_t n);
/* Forgets every entry (after a write). */
void count_cache_bump(struct count_cache *c);

#endif
