/* The HTTP server: libmicrohttpd with a thread pool over epoll, limits on
 * bodies, connections, memory and time, security headers, /healthz,
 * /metrics, the embedded web UI and the API dispatcher. */
#ifndef GUATU_HTTP_SERVER_H
#define GUATU_HTTP_SERVER_H
#include <stdint.h>

#include "api/api.h"

struct http_server;

/* Starts serving app->cfg.listen ("HOST:PORT"; port 0 picks a free one). */
gcode http_start(struct app *app, struct http_server **out, struct gerror *e);
uint16_t http_port(const struct http_server *s);
void http_stop(struct http_server *s);

#endif
