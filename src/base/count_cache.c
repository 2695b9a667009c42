#include "base/count_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

#define KEY_MAX 512

struct slot {
	char key[KEY_MAX];
	int64_t n;
	int64_t at;
	uint64_t gen;
	bool used;
};

struct count_cache {
	pthread_mutex_t mu;
	struct slot *slots;
	unsigned nslots;
	int64_t ttl;
	uint64_t gen;
};

struct count_cache *count_cache_new(unsigned slots, int64_t ttl)
{
	struct count_cache *c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->mu, NULL);
	c->slots = xcalloc(slots ? slots : 1, sizeof *c->slots);
	c->nslots = slots ? slots : 1;
	c->ttl = ttl;
	return c;
}

void count_cache_free(struct count_cache *c)
{
	if (!c)
		return;
	pthread_mutex_destroy(&c->mu);
	free(c->slots);
	free(c);
}

static unsigned hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

bool count_cache_get(struct count_cache *c, const char *key, int64_t now, int64_t *n)
{
	if (strlen(key) >= KEY_MAX)
		return false;
	pthread_mutex_lock(&c->mu);
	struct slot *s = &c->slots[hash(key) % c->nslots];
	bool hit = s->used && s->gen == c->gen && now - s->at < c->ttl && !strcmp(s->key, key);
	if (hit)
		*n = s->n;
	pthread_mutex_unlock(&c->mu);
	return hit;
}

void count_cache_put(struct count_cache *c, const char *key, int64_t now, int64_t n)
{
	size_t len = strlen(key);
	if (len >= KEY_MAX)
		return;
	pthread_mutex_lock(&c->mu);
	struct slot *s = &c->slots[hash(key) % c->nslots];
	memcpy(s->key, key, len + 1);
	s->n = n;
	s->at = now;
	s->gen = c->gen;
	s->used = true;
	pthread_mutex_unlock(&c->mu);
}

void count_cache_bump(struct count_cache *c)
{
	pthread_mutex_lock(&c->mu);
	c->gen++;
	pthread_mutex_unlock(&c->mu);
}
