/* Settings, loaded through one table: defaults < INI file < environment
 * (GUATU_<NAME>) < command-line flags (--<name>). */
#ifndef GUATU_CONFIG_CONFIG_H
#define GUATU_CONFIG_CONFIG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

struct config {
	char db[1024];          /* SQLite path or postgres:// URL */
	char listen[128];       /* HOST:PORT */
	char web_root[1024];    /* serve this directory instead of the embedded UI */
	int threads;            /* HTTP worker threads */
	int max_connections;
	long max_body;          /* bytes */
	long max_upload;        /* bytes, for file imports */
	int conn_timeout;       /* seconds */
	long conn_memory;       /* bytes per connection */
	int session_idle_minutes;
	int lockout_threshold;  /* failed logins before lock */
	int lockout_minutes;
	bool secure_cookies;    /* behind TLS */
	bool trust_proxy;       /* take the client address from X-Forwarded-For */
	int cache_mb;           /* answer and session cache, MiB; 0: off */
	int cache_check_ms;     /* look for other processes' writes this often */
	int cache_max_seconds;  /* a cached answer's longest life */
	int db_cache_mb;        /* SQLite page cache over all pooled connections, MiB */
	char log_level[16];
};

struct config_opt {
	const char *name;     /* ini key and --flag; env is GUATU_ + upper(name) */
	char type;            /* 's' string, 'i' int, 'l' long, 'b' bool */
	size_t offset;
	size_t size;          /* for strings */
	const char *def;
	const char *help;
};

extern const struct config_opt config_opts[];

void config_defaults(struct config *c);
/* Loads an INI file ([guatu] section or none); missing file is an error. */
gcode config_load_file(struct config *c, const char *path, struct gerror *e);
gcode config_load_env(struct config *c, struct gerror *e);
/* Sets one option by name from text. */
gcode config_set(struct config *c, const char *name, const char *value, struct gerror *e);
const struct config_opt *config_find(const char *name);
/* Writes the commented sample file (for `make install`). */
void config_write_sample(FILE *out);

#endif
