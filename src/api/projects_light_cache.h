/* Remembers, per process, which region ranges had every status light
 * computed today, so reads skip the stale-light query (issue 5). */
#ifndef GUATU_API_PROJECTS_LIGHT_CACHE_H
#define GUATU_API_PROJECTS_LIGHT_CACHE_H
#include <stdbool.h>
#include <stdint.h>

#include "api/api.h"

/* The generation to pass to light_cache_mark; read it before checking the
 * database so an invalidation during the check is not lost. */
uint64_t light_cache_generation(void);
/* True when lo..hi of app was found fresh on day, in this generation, within
 * the last minute (writes by other processes are seen after at most that). */
bool light_cache_fresh(const struct app *app, const char *lo, const char *hi, int32_t day,
		       int64_t now);
/* Records lo..hi of app as fresh on day, as of generation gen. */
void light_cache_mark(const struct app *app, const char *lo, const char *hi, int32_t day,
		      int64_t now, uint64_t gen);
/* Forgets everything; call after a committed write that expires lights. */
void light_cache_invalidate(void);

#endif
