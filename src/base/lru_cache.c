#include "base/lru_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"

struct entry {
	struct entry *chain;        /* next in the bucket */
	struct entry *prev, *next;  /* recency list, most recent first */
	uint64_t hash, gen;
	int64_t born;
	size_t klen, vlen;
	char data[];                /* key, NUL, value, NUL */
};

/* A key some request is computing now (lru_cache_get_or_claim). */
struct claim {
	struct claim *next;
	char key[];
};

struct lru_cache {
	pthread_mutex_t mu;
	pthread_cond_t done; /* a claim ended */
	struct claim *claims;
	struct entry **buckets;
	size_t mask;
	struct entry *head, *tail;
	size_t bytes, max_bytes, count;
	int64_t max_age;
};

static uint64_t hash_key(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static size_t cost(const struct entry *x)
{
	return sizeof *x + x->klen + x->vlen + 2;
}

struct lru_cache *lru_cache_new(size_t max_bytes, int64_t max_age)
{
	struct lru_cache *c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->done, NULL);
	size_t n = 64;
	while (n < max_bytes / 2048 && n < ((size_t)1 << 20))
		n <<= 1;
	c->buckets = xcalloc(n, sizeof *c->buckets);
	c->mask = n - 1;
	c->max_bytes = max_bytes;
	c->max_age = max_age;
	return c;
}

void lru_cache_free(struct lru_cache *c)
{
	if (!c)
		return;
	for (struct entry *x = c->head, *nx; x; x = nx) {
		nx = x->next;
		free(x);
	}
	for (struct claim *k = c->claims, *nk; k; k = nk) {
		nk = k->next;
		free(k);
	}
	free(c->buckets);
	pthread_cond_destroy(&c->done);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

static void unlink_recency(struct lru_cache *c, struct entry *x)
{
	if (x->prev)
		x->prev->next = x->next;
	else
		c->head = x->next;
	if (x->next)
		x->next->prev = x->prev;
	else
		c->tail = x->prev;
	x->prev = x->next = NULL;
}

static void push_front(struct lru_cache *c, struct entry *x)
{
	x->next = c->head;
	x->prev = NULL;
	if (c->head)
		c->head->prev = x;
	c->head = x;
	if (!c->tail)
		c->tail = x;
}

static void drop(struct lru_cache *c, struct entry *x)
{
	struct entry **p = &c->buckets[x->hash & c->mask];
	while (*p != x)
		p = &(*p)->chain;
	*p = x->chain;
	unlink_recency(c, x);
	c->bytes -= cost(x);
	c->count--;
	free(x);
}

static struct entry *find(struct lru_cache *c, const char *key, size_t klen, uint64_t h)
{
	for (struct entry *x = c->buckets[h & c->mask]; x; x = x->chain)
		if (x->hash == h && x->klen == klen && !memcmp(x->data, key, klen))
			return x;
	return NULL;
}

/* Under c->mu. */
static char *get_locked(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
			size_t *len)
{
	size_t klen = strlen(key);
	uint64_t h = hash_key(key, klen);
	char *out = NULL;
	struct entry *x = find(c, key, klen, h);
	if (x && (x->gen != gen || now - x->born >= c->max_age || now < x->born)) {
		drop(c, x);
		x = NULL;
	}
	if (x) {
		out = xmalloc(x->vlen + 1);
		memcpy(out, x->data + klen + 1, x->vlen + 1);
		*len = x->vlen;
		unlink_recency(c, x);
		push_front(c, x);
	}
	return out;
}

char *lru_cache_get(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
		    size_t *len)
{
	pthread_mutex_lock(&c->mu);
	char *out = get_locked(c, key, gen, now, len);
	pthread_mutex_unlock(&c->mu);
	return out;
}

static struct claim **claim_of(struct lru_cache *c, const char *key)
{
	struct claim **p = &c->claims;
	while (*p && strcmp((*p)->key, key))
		p = &(*p)->next;
	return p;
}

/* Under c->mu: ends key's claim, if any, and wakes the waiters. */
static void unclaim_locked(struct lru_cache *c, const char *key)
{
	struct claim **p = claim_of(c, key);
	if (!*p)
		return;
	struct claim *k = *p;
	*p = k->next;
	free(k);
	pthread_cond_broadcast(&c->done);
}

char *lru_cache_get_or_claim(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
			     int wait_ms, size_t *len, bool *mine)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += wait_ms / 1000;
	until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	*mine = false;
	pthread_mutex_lock(&c->mu);
	char *out;
	int waited = 0;
	while (!(out = get_locked(c, key, gen, now, len)) && *claim_of(c, key) && waited == 0)
		waited = pthread_cond_timedwait(&c->done, &c->mu, &until);
	if (!out && !*claim_of(c, key)) {
		size_t n = strlen(key) + 1;
		struct claim *k = xmalloc(sizeof *k + n);
		memcpy(k->key, key, n);
		k->next = c->claims;
		c->claims = k;
		*mine = true;
	}
	pthread_mutex_unlock(&c->mu);
	return out;
}

void lru_cache_release(struct lru_cache *c, const char *key)
{
	pthread_mutex_lock(&c->mu);
	unclaim_locked(c, key);
	pthread_mutex_unlock(&c->mu);
}

void lru_cache_put(struct lru_cache *c, const char *key, uint64_t gen, int64_t now,
		   const void *val, size_t len)
{
	size_t klen = strlen(key);
	if (sizeof(struct entry) + klen + len + 2 > c->max_bytes / 8) {
		lru_cache_release(c, key);
		return;
	}
	struct entry *n = xmalloc(sizeof *n + klen + len + 2);
	n->hash = hash_key(key, klen);
	n->gen = gen;
	n->born = now;
	n->klen = klen;
	n->vlen = len;
	memcpy(n->data, key, klen + 1);
	memcpy(n->data + klen + 1, val, len);
	n->data[klen + 1 + len] = '\0';
	pthread_mutex_lock(&c->mu);
	struct entry *old = find(c, key, klen, n->hash);
	if (old)
		drop(c, old);
	while (c->tail && c->bytes + cost(n) > c->max_bytes)
		drop(c, c->tail);
	n->chain = c->buckets[n->hash & c->mask];
	c->buckets[n->hash & c->mask] = n;
	push_front(c, n);
	c->bytes += cost(n);
	c->count++;
	unclaim_locked(c, key);
	pthread_mutex_unlock(&c->mu);
}

void lru_cache_forget(struct lru_cache *c, const char *key)
{
	size_t klen = strlen(key);
	uint64_t h = hash_key(key, klen);
	pthread_mutex_lock(&c->mu);
	struct entry *x = find(c, key, klen, h);
	if (x)
		drop(c, x);
	pthread_mutex_unlock(&c->mu);
}

size_t lru_cache_bytes(struct lru_cache *c)
{
	pthread_mutex_lock(&c->mu);
	size_t n = c->bytes;
	pthread_mutex_unlock(&c->mu);
	return n;
}

size_t lru_cache_count(struct lru_cache *c)
{
	pthread_mutex_lock(&c->mu);
	size_t n = c->count;
	pthread_mutex_unlock(&c->mu);
	return n;
}
