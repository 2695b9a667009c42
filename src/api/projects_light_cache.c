/* A small table of fresh (app, region range, day) entries under a mutex;
 * a generation counter drops them all when lights are expired. */
#include "api/projects_light_cache.h"

#include <pthread.h>
#include <string.h>

#define LC_SLOTS 64
#define LC_TTL 60 /* seconds: bounds staleness from other processes' writes */

struct lc_entry {
	const struct app *app;
	char lo[7], hi[7];
	int32_t day;
	int64_t at;
	uint64_t gen;
};

static pthread_mutex_t lc_mu = PTHREAD_MUTEX_INITIALIZER;
static struct lc_entry lc_tab[LC_SLOTS];
static uint64_t lc_gen = 1; /* entries with gen 0 are empty */
static unsigned lc_next;

static bool same(const struct lc_entry *x, const struct app *app, const char *lo,
		 const char *hi, int32_t day)
{
	return x->app == app && x->day == day && !strcmp(x->lo, lo) && !strcmp(x->hi, hi);
}

uint64_t light_cache_generation(void)
{
	pthread_mutex_lock(&lc_mu);
	uint64_t g = lc_gen;
	pthread_mutex_unlock(&lc_mu);
	return g;
}

bool light_cache_fresh(const struct app *app, const char *lo, const char *hi, int32_t day,
		       int64_t now)
{
	bool hit = false;
	pthread_mutex_lock(&lc_mu);
	for (unsigned i = 0; i < LC_SLOTS && !hit; i++) {
		const struct lc_entry *x = &lc_tab[i];
		hit = x->gen == lc_gen && same(x, app, lo, hi, day) && now >= x->at &&
		      now - x->at < LC_TTL;
	}
	pthread_mutex_unlock(&lc_mu);
	return hit;
}

void light_cache_mark(const struct app *app, const char *lo, const char *hi, int32_t day,
		      int64_t now, uint64_t gen)
{
	if (strlen(lo) >= sizeof lc_tab[0].lo || strlen(hi) >= sizeof lc_tab[0].hi)
		return;
	pthread_mutex_lock(&lc_mu);
	struct lc_entry *slot = NULL;
	for (unsigned i = 0; i < LC_SLOTS && !slot; i++)
		if (same(&lc_tab[i], app, lo, hi, day))
			slot = &lc_tab[i];
	if (!slot)
		slot = &lc_tab[lc_next++ % LC_SLOTS];
	slot->app = app;
	memcpy(slot->lo, lo, strlen(lo) + 1);
	memcpy(slot->hi, hi, strlen(hi) + 1);
	slot->day = day;
	slot->at = now;
	slot->gen = gen;
	pthread_mutex_unlock(&lc_mu);
}

void light_cache_invalidate(void)
{
	pthread_mutex_lock(&lc_mu);
	lc_gen++;
	pthread_mutex_unlock(&lc_mu);
}
