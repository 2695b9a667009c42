/* Prometheus counters, updated lock-free by the worker threads. */
#ifndef GUATU_HTTP_METRICS_H
#define GUATU_HTTP_METRICS_H
#include <stdint.h>

#include "base/buf.h"

void metrics_observe(int status, double seconds);
void metrics_render(struct buf *out);
void metrics_started(void);

#endif
