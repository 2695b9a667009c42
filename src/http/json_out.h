/* Compact JSON text of a response body. Byte for byte what
 * json_dumps(v, JSON_COMPACT) writes, at a fraction of the cost: jansson's
 * dumper keeps a table of the containers it is inside (an snprintf and a
 * hash insert per object) and grows its buffer in small steps, which was a
 * fifth of the server's time for a 20-row list (perf, bench/RESULTS.md). */
#ifndef GUATU_HTTP_JSON_OUT_H
#define GUATU_HTTP_JSON_OUT_H
#include <jansson.h>
#include <stddef.h>

/* A malloc'd NUL-terminated text and its length; NULL on failure (out of
 * memory, nesting deeper than 64, or a value jansson would not dump). */
char *json_out_compact(const json_t *v, size_t *len);

#endif
