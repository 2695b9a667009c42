#include "http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/auth.h"
#include "base/buf.h"
#include "base/log.h"
#include "base/mem.h"
#include "http/json_out.h"
#include "http/metrics.h"
#include "http/static.h"

struct http_server {
	struct MHD_Daemon *d;
	struct app *app;
	uint16_t port;
};

/* Per-request state, from the first callback until completion. */
struct conn {
	struct buf body;
	bool too_large;
	const char *too_large_body; /* the 413's JSON, the route's own message */
	bool answered;   /* a 413 was queued on the first call */
	struct timespec start;
	char ip[INET6_ADDRSTRLEN];
};

static const char CSP[] =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
	" img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
	" object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

static void security_headers(struct MHD_Response *r)
{
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
}

static double elapsed(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static enum MHD_Result finish(struct MHD_Connection *c, struct conn *x, const char *method,
			    const char *url, int status, struct MHD_Response *r, size_t len,
			    const char *user)
{
	security_headers(r);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	double s = elapsed(&x->start);
	metrics_observe(status, s);
	log_info("method=%s path=\"%.200s\" status=%d bytes=%zu ms=%.2f ip=%s user=%s", method,
		 url, status, len, s * 1000, x->ip, user && *user ? user : "-");
	return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, struct conn *x, const char *method,
				 const char *url, int status, const char *json, const char *user)
{
	size_t n = strlen(json);
	struct MHD_Response *r =
		MHD_create_response_from_buffer(n, (void *)json, MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	return finish(c, x, method, url, status, r, n, user);
}

static const char *query_cb(void *ctx, const char *key)
{
	return MHD_lookup_connection_value(ctx, MHD_GET_ARGUMENT_KIND, key);
}

static const char *header_cb(void *ctx, const char *name)
{
	return MHD_lookup_connection_value(ctx, MHD_HEADER_KIND, name);
}

struct canon {
	char *p;
	size_t cap, n;
	bool over;
};

/* key length ':' key value length ':' value, so no two argument lists
 * read the same; a value-less argument ("?flag") is "-" */
static enum MHD_Result canon_arg(void *cls, enum MHD_ValueKind kind, const char *k,
				 const char *v)
{
	(void)kind;
	struct canon *c = cls;
	int m = v ? snprintf(c->p + c->n, c->cap - c->n, "%zu:%s%zu:%s", strlen(k), k, strlen(v), v)
		  : snprintf(c->p + c->n, c->cap - c->n, "%zu:%s-", strlen(k), k);
	if (m < 0 || (size_t)m >= c->cap - c->n) {
		c->over = true;
		return MHD_NO;
	}
	c->n += (size_t)m;
	return MHD_YES;
}

static size_t query_canon_cb(void *ctx, char *out, size_t cap)
{
	struct canon c = { out, cap, 0, cap == 0 };
	if (cap)
		out[0] = '\0';
	if (!c.over)
		MHD_get_connection_values(ctx, MHD_GET_ARGUMENT_KIND, canon_arg, &c);
	return c.over ? (size_t)-1 : c.n;
}

static enum MHD_Result serve_api(struct http_server *s, struct MHD_Connection *c,
				 struct conn *x, const char *method, const char *url)
{
	struct api_req rq = {
		.app = s->app, .method = method, .path = url, .query_fn = query_cb,
		.header_fn = header_cb, .query_canon_fn = query_canon_cb, .ctx = c, .ip = x->ip, .body = x->body.p,
		.body_len = x->body.len, .now = (int64_t)time(NULL),
	};
	struct api_resp rs = { 0 };
	api_dispatch(&rq, &rs);
	char *out = NULL;
	size_t n = 0;
	bool json = !rs.raw; /* only JSON text is kept by the answer cache */
	if (rs.raw) {
		out = rs.raw;
		n = rs.raw_len;
		rs.raw = NULL;
	} else if (rs.body) {
		out = json_out_compact(rs.body, &n);
		if (!out)
			n = 0;
	}
	api_cache_store(s->app, &rs, rq.now, json ? out : NULL, n);
	struct MHD_Response *r = MHD_create_response_from_buffer(
		n, out ? out : (void *)"", out ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Content-Type",
				rs.content_type ? rs.content_type : "application/json; charset=utf-8");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	if (rs.etag[0])
		MHD_add_response_header(r, "ETag", rs.etag);
	if (rs.cookie[0])
		MHD_add_response_header(r, "Set-Cookie", rs.cookie);
	if (rs.disposition)
		MHD_add_response_header(r, "Content-Disposition", rs.disposition);
	api_resp_free(&rs);
	return finish(c, x, method, url, rs.status, r, n, rq.username);
}

static enum MHD_Result serve_metrics(struct MHD_Connection *c, struct conn *x,
				     const char *method, const char *url)
{
	struct buf b;
	buf_init(&b, 0);
	metrics_render(&b);
	size_t n = b.len;
	struct MHD_Response *r =
		MHD_create_response_from_buffer(n, buf_take(&b), MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, "Content-Type", "text/plain; version=0.0.4");
	return finish(c, x, method, url, 200, r, n, NULL);
}

static bool accepts_gzip(struct MHD_Connection *c)
{
	const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding");
	return ae && strstr(ae, "gzip");
}

static enum MHD_Result serve_static(struct http_server *s, struct MHD_Connection *c,
				    struct conn *x, const char *method, const char *url)
{
	struct static_file f;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return send_json(c, x, method, url, 405,
				 "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"不支持此方法 (method not allowed)\"}}", NULL);
	if (!static_lookup(s->app->cfg.web_root, url, accepts_gzip(c), &f))
		return send_json(c, x, method, url, 404,
				 "{\"error\":{\"code\":\"not_found\",\"message\":\"页面不存在 (not found)\"}}", NULL);
	char etag[64] = "";
	if (f.etag)
		snprintf(etag, sizeof etag, "%.*s%s\"", (int)strlen(f.etag) - 1, f.etag,
			 f.gzip ? "-gz" : "");
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
	bool fresh = etag[0] && inm && !strcmp(inm, etag);
	struct MHD_Response *r = MHD_create_response_from_buffer(
		fresh ? 0 : f.len, fresh ? (void *)"" : (void *)f.data,
		f.owned ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
	free(f.owned);
	MHD_add_response_header(r, "Content-Type", f.content_type);
	MHD_add_response_header(r, "Vary", "Accept-Encoding");
	MHD_add_response_header(r, "Cache-Control",
				f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
	if (etag[0])
		MHD_add_response_header(r, "ETag", etag);
	if (f.gzip)
		MHD_add_response_header(r, "Content-Encoding", "gzip");
	return finish(c, x, method, url, fresh ? 304 : 200, r, fresh ? 0 : f.len, NULL);
}

static void client_ip(struct MHD_Connection *c, char *out, size_t cap)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, cap, "-");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			  (socklen_t)cap);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  out, (socklen_t)cap);
}

/* Behind a reverse proxy the client is the last address the proxy appended
 * to X-Forwarded-For (earlier ones are the client's own claims). */
static void forwarded_ip(struct MHD_Connection *c, char *out, size_t cap)
{
	const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	if (!xff || !*xff)
		return;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	size_t n = strcspn(last, " ");
	unsigned char tmp[sizeof(struct in6_addr)];
	char addr[INET6_ADDRSTRLEN];
	if (n == 0 || n >= sizeof addr)
		return;
	memcpy(addr, last, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, tmp) == 1 || inet_pton(AF_INET6, addr, tmp) == 1)
		snprintf(out, cap, "%s", addr);
}

/* First call: set up, refuse an oversized Content-Length at once. */
static enum MHD_Result begin(struct http_server *s, struct MHD_Connection *c,
			     const char *method, const char *url, void **con_cls)
{
	struct conn *x = xcalloc(1, sizeof *x);
	clock_gettime(CLOCK_MONOTONIC, &x->start);
	x->too_large_body = API_TOO_LARGE;
	size_t limit = strncmp(url, "/api/", 5)
			       ? (size_t)s->app->cfg.max_body
			       : api_body_limit(s->app, method, url, &x->too_large_body);
	buf_init(&x->body, limit);
	client_ip(c, x->ip, sizeof x->ip);
	if (s->app->cfg.trust_proxy)
		forwarded_ip(c, x->ip, sizeof x->ip);
	*con_cls = x;
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	if (cl && strtoull(cl, NULL, 10) > (unsigned long long)limit) {
		x->too_large = x->answered = true;
		return send_json(c, x, method, url, 413, x->too_large_body, NULL);
	}
	return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **con_cls)
{
	(void)version;
	struct http_server *s = cls;
	struct conn *x = *con_cls;
	if (!x)
		return begin(s, c, method, url, con_cls);
	if (*upload_size) { /* chunked bodies are counted as they arrive */
		if (!x->too_large && !buf_append(&x->body, upload, *upload_size))
			x->too_large = true;
		*upload_size = 0;
		return MHD_YES;
	}
	if (x->too_large) /* the whole body was read and dropped: answer now */
		return x->answered ? MHD_YES : send_json(c, x, method, url, 413, x->too_large_body, NULL);
	if (!strncmp(url, "/api/", 5))
		return serve_api(s, c, x, method, url);
	if (!strcmp(url, "/healthz"))
		return store_ping(s->app->store)
			       ? send_json(c, x, method, url, 200, "{\"status\":\"ok\"}", NULL)
			       : send_json(c, x, method, url, 503, "{\"status\":\"database unavailable\"}", NULL);
	if (!strcmp(url, "/metrics"))
		return serve_metrics(c, x, method, url);
	return serve_static(s, c, x, method, url);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	struct conn *x = *con_cls;
	if (!x)
		return;
	if (x->body.p) /* bodies may hold passwords */
		mem_wipe(x->body.p, x->body.cap);
	buf_free(&x->body);
	free(x);
	*con_cls = NULL;
}

static gcode parse_listen(const char *listen, struct sockaddr_in *sa, struct gerror *e)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	long port = colon ? strtol(colon + 1, NULL, 10) : -1;
	size_t hl = colon ? (size_t)(colon - listen) : 0;
	if (!colon || port < 0 || port > 65535 || hl == 0 || hl >= sizeof host)
		return gerr_set(e, G_ERR_INVALID, "listen", "监听地址应为 主机:端口",
				"listen must be HOST:PORT");
	memcpy(host, listen, hl);
	host[hl] = '\0';
	if (!strcmp(host, "localhost"))
		snprintf(host, sizeof host, "127.0.0.1");
	if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return gerr_set(e, G_ERR_INVALID, "listen", "监听地址应为IPv4地址",
				"listen host must be an IPv4 address");
	sa->sin_port = htons((uint16_t)port);
	return G_OK;
}

gcode http_start(struct app *app, struct http_server **out, struct gerror *e)
{
	struct sockaddr_in sa;
	gcode rc = parse_listen(app->cfg.listen, &sa, e);
	if (rc != G_OK)
		return rc;
	struct http_server *s = xcalloc(1, sizeof *s);
	s->app = app;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	s->d = MHD_start_daemon(
		flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)app->cfg.threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)app->cfg.max_connections,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)app->cfg.conn_timeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)app->cfg.conn_memory,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)app->cfg.max_connections,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_END);
	if (!s->d) {
		free(s);
		char en[200];
		snprintf(en, sizeof en, "cannot listen on %s (in use or not allowed)", app->cfg.listen);
		return gerr_set(e, G_ERR_IO, "listen", "无法在该地址监听（端口被占用或无权限）", en);
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : ntohs(sa.sin_port);
	metrics_started();
	*out = s;
	return G_OK;
}

uint16_t http_port(const struct http_server *s)
{
	return s->port;
}

void http_stop(struct http_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->d);
	free(s);
}
