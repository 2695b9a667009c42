#include "config/config.h"

#include <ctype.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

#define OPT_S(n, f, d, h) { n, 's', offsetof(struct config, f), sizeof(((struct config *)0)->f), d, h }
#define OPT(n, t, f, d, h) { n, t, offsetof(struct config, f), 0, d, h }

const struct config_opt config_opts[] = {
	OPT_S("db", db, "guatu.db", "SQLite file or postgres://user@host:port/dbname"),
	OPT_S("listen", listen, "127.0.0.1:8080", "address and port to serve on"),
	OPT_S("web_root", web_root, "", "serve the web UI from this directory (development)"),
	OPT("threads", 'i', threads, "4", "HTTP worker threads"),
	OPT("max_connections", 'i', max_connections, "512", "concurrent connections"),
	OPT("max_body", 'l', max_body, "1048576", "largest request body in bytes (413 above)"),
	OPT("max_upload", 'l', max_upload, "67108864",
	    "largest uploaded file (spreadsheet imports) in bytes (413 above)"),
	OPT("conn_timeout", 'i', conn_timeout, "30", "idle connection timeout in seconds"),
	OPT("conn_memory", 'l', conn_memory, "65536", "memory per connection in bytes"),
	OPT("session_idle_minutes", 'i', session_idle_minutes, "30",
	    "log a session out after this many idle minutes"),
	OPT("lockout_threshold", 'i', lockout_threshold, "5",
	    "failed logins before an account is locked"),
	OPT("lockout_minutes", 'i', lockout_minutes, "30",
	    "how long a locked account stays locked (a security admin can unlock)"),
	OPT("secure_cookies", 'b', secure_cookies, "false",
	    "mark cookies Secure (set when served behind TLS)"),
	OPT("trust_proxy", 'b', trust_proxy, "false",
	    "behind a reverse proxy: log and audit the client address from X-Forwarded-For"),
	OPT("cache_mb", 'i', cache_mb, "16",
	    "memory in MiB for answers kept until the data changes (0: no cache)"),
	OPT("cache_check_ms", 'i', cache_check_ms, "100",
	    "how often in milliseconds to look for other processes' writes (cached answers)"),
	OPT("cache_max_seconds", 'i', cache_max_seconds, "10",
	    "longest a cached answer is kept, whatever happens (unaudited outside writes)"),
	OPT("db_cache_mb", 'i', db_cache_mb, "24",
	    "memory in MiB for SQLite's page cache, shared out over the database connections"),
	OPT_S("log_level", log_level, "info", "debug, info, warn or error"),
	{ 0 },
};

const struct config_opt *config_find(const char *name)
{
	for (const struct config_opt *o = config_opts; o->name; o++)
		if (!strcmp(o->name, name))
			return o;
	return NULL;
}

static gcode bad_value(const char *name, struct gerror *e)
{
	char en[160], zh[160];
	snprintf(en, sizeof en, "invalid value for setting %s", name);
	snprintf(zh, sizeof zh, "配置项 %s 的值无效", name);
	return gerr_set(e, G_ERR_INVALID, name, zh, en);
}

gcode config_set(struct config *c, const char *name, const char *value, struct gerror *e)
{
	const struct config_opt *o = config_find(name);
	if (!o) {
		char en[160], zh[160];
		snprintf(en, sizeof en, "unknown setting %s", name);
		snprintf(zh, sizeof zh, "未知配置项 %s", name);
		return gerr_set(e, G_ERR_INVALID, name, zh, en);
	}
	char *p = (char *)c + o->offset;
	int64_t v;
	switch (o->type) {
	case 's':
		if (!text_copy(p, o->size, value))
			return bad_value(name, e);
		return G_OK;
	case 'i':
		if (!text_to_i64(value, 0, 1000000, &v))
			return bad_value(name, e);
		*(int *)p = (int)v;
		return G_OK;
	case 'l':
		if (!text_to_i64(value, 0, INT64_C(1) << 40, &v))
			return bad_value(name, e);
		*(long *)p = (long)v;
		return G_OK;
	default:
		if (!strcmp(value, "true") || !strcmp(value, "1") || !strcmp(value, "yes"))
			*(bool *)p = true;
		else if (!strcmp(value, "false") || !strcmp(value, "0") || !strcmp(value, "no"))
			*(bool *)p = false;
		else
			return bad_value(name, e);
		return G_OK;
	}
}

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	for (const struct config_opt *o = config_opts; o->name; o++)
		config_set(c, o->name, o->def, NULL);
}

struct ini_ctx {
	struct config *c;
	struct gerror *e;
	gcode rc;
};

static int on_ini(void *user, const char *section, const char *name, const char *value)
{
	struct ini_ctx *x = user;
	if (*section && strcmp(section, "guatu"))
		return 1;
	if (x->rc == G_OK)
		x->rc = config_set(x->c, name, value, x->e);
	return x->rc == G_OK;
}

gcode config_load_file(struct config *c, const char *path, struct gerror *e)
{
	struct ini_ctx x = { c, e, G_OK };
	int r = ini_parse(path, on_ini, &x);
	if (r < 0)
		return gerr_set(e, G_ERR_IO, "config", "无法读取配置文件", "cannot read the config file");
	if (x.rc != G_OK)
		return x.rc;
	if (r > 0) {
		char en[160], zh[160];
		snprintf(en, sizeof en, "config file syntax error on line %d", r);
		snprintf(zh, sizeof zh, "配置文件第%d行有语法错误", r);
		return gerr_set(e, G_ERR_INVALID, "config", zh, en);
	}
	return G_OK;
}

gcode config_load_env(struct config *c, struct gerror *e)
{
	for (const struct config_opt *o = config_opts; o->name; o++) {
		char env[64] = "GUATU_";
		size_t n = 6;
		for (const char *p = o->name; *p && n < sizeof env - 1; p++)
			env[n++] = (char)toupper((unsigned char)*p);
		env[n] = '\0';
		const char *v = getenv(env);
		if (v) {
			gcode rc = config_set(c, o->name, v, e);
			if (rc != G_OK)
				return rc;
		}
	}
	return G_OK;
}

void config_write_sample(FILE *out)
{
	fputs("# Guatu configuration. Precedence: built-in defaults < this file <\n"
	      "# environment variables GUATU_<NAME> < command-line flags --<name>.\n"
	      "# Every setting below is shown with its default value.\n\n[guatu]\n", out);
	for (const struct config_opt *o = config_opts; o->name; o++)
		fprintf(out, "# %s\n%s = %s\n\n", o->help, o->name, o->def);
}
