/* guatu serve, guatu demo. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/lru_cache.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/demo_data.h"
#include "http/server.h"
#include "store/migrations.h"

static void apply_log_level(const struct config *cfg)
{
	static const char *const names[] = { "debug", "info", "warn", "error" };
	for (int i = 0; i < 4; i++)
		if (!strcmp(cfg->log_level, names[i]))
			log_set_level((enum log_level)i);
}

gcode cli_migrate_url(const char *url, int *version, struct gerror *e)
{
	struct db *c;
	gcode rc = db_open(url, &c, e);
	if (rc != G_OK)
		return rc;
	rc = migrations_apply(c, version, e);
	db_close(c);
	return rc;
}

/* Answers and sessions kept until the data changes: seven eighths of
 * cache_mb for answers, one eighth for sessions (a few hundred bytes each). */
static void open_caches(struct app *app)
{
	if (app->cfg.cache_mb <= 0)
		return;
	size_t bytes = (size_t)app->cfg.cache_mb << 20;
	int64_t age = app->cfg.cache_max_seconds;
	app->answers = lru_cache_new(bytes / 8 * 7, age);
	app->sessions = lru_cache_new(bytes / 8, age);
	store_watch_others(app->store, app->cfg.cache_check_ms);
}

static void close_caches(struct app *app)
{
	lru_cache_free(app->answers);
	lru_cache_free(app->sessions);
	app->answers = app->sessions = NULL;
}

/* Serves until SIGINT or SIGTERM. */
static int serve_app(struct app *app, const char *banner_extra, const char *admin_pw)
{
	struct gerror e;
	gerr_clear(&e);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* worker threads inherit the mask */
	signal(SIGPIPE, SIG_IGN);
	int pool = app->cfg.threads + 2;
	struct http_server *srv = NULL;
	if (app->cfg.db_cache_mb > 0) /* each connection keeps its own pages */
		db_sqlite_set_cache_kib((int)((int64_t)app->cfg.db_cache_mb * 1024 / pool));
	if (store_open(app->cfg.db, pool, &app->store, &e) != G_OK) {
		cli_error(&e);
		return 1;
	}
	open_caches(app);
	if (http_start(app, &srv, &e) != G_OK) {
		cli_error(&e);
		close_caches(app);
		store_close(app->store);
		return 1;
	}
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	const char *host = app->cfg.listen;
	const char *colon = strrchr(host, ':');
	printf("挂图 Guatu 已启动 listening on http://%.*s:%u/ (ready in %.0f ms)\n",
	       (int)(colon - host), host, http_port(srv), ms);
	if (banner_extra)
		demo_print_logins(stdout, admin_pw);
	fflush(stdout);
	int sig = 0;
	sigwait(&set, &sig);
	log_info("msg=\"stopping\" signal=%d", sig);
	http_stop(srv);
	close_caches(app);
	store_close(app->store);
	return 0;
}

static int run_serve(struct cli_args *a)
{
	struct app *app = xcalloc(1, sizeof *app);
	struct gerror e;
	int version;
	app->cfg = a->cfg;
	apply_log_level(&app->cfg);
	int rc = 0;
	if (cli_migrate_url(app->cfg.db, &version, &e) != G_OK) {
		cli_error(&e);
		rc = 1;
	} else {
		rc = serve_app(app, NULL, NULL);
	}
	free(app);
	return rc;
}

static void remove_sqlite_files(const char *path)
{
	char p[1100];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int run_demo(struct cli_args *a)
{
	struct gerror e;
	char pw[200] = "";
	bool custom = cli_flag(a, "admin-password-stdin") != NULL;
	if (custom && !cli_read_secret(pw, sizeof pw)) {
		fprintf(stderr, "错误：未从标准输入读到密码\nerror: no password on standard input\n");
		return 2;
	}
	if (!strcmp(a->cfg.db, "guatu.db")) /* the demo never touches a real default database */
		snprintf(a->cfg.db, sizeof a->cfg.db, "guatu-demo.db");
	if (strncmp(a->cfg.db, "postgres", 8))
		remove_sqlite_files(a->cfg.db);
	struct db *c;
	int version;
	gcode rc = db_open(a->cfg.db, &c, &e);
	if (rc == G_OK && db_dialect_of(c) == DB_POSTGRES) /* the demo owns its database */
		rc = db_exec(c, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", &e);
	if (rc == G_OK) {
		rc = migrations_apply(c, &version, &e);
		if (rc == G_OK)
			rc = cli_demo_check_admin_pw(custom ? pw : NULL, &e);
		if (rc == G_OK)
			rc = demo_seed(c, custom ? pw : NULL, &e);
	}
	db_close(c);
	if (rc != G_OK) {
		mem_wipe(pw, sizeof pw);
		cli_error(&e);
		return 1;
	}
	mem_wipe(pw, sizeof pw);
	printf("演示数据库已创建 demo database created: %s\n", a->cfg.db);
	struct app *app = xcalloc(1, sizeof *app);
	app->cfg = a->cfg;
	apply_log_level(&app->cfg);
	int r = serve_app(app, "demo", custom ? "" : NULL);
	free(app);
	return r;
}

static const char *const serve_settings[] = { "db", "listen", "web_root", "threads",
	"max_connections", "max_body", "max_upload", "conn_timeout", "conn_memory", "session_idle_minutes",
	"lockout_threshold", "lockout_minutes", "secure_cookies", "trust_proxy", "cache_mb",
	"cache_check_ms", "cache_max_seconds", "db_cache_mb", "log_level", NULL };

static const struct cli_flag demo_flags[] = {
	{ "admin-password-stdin", false,
	  "read the administrators' password from standard input (otherwise " DEMO_PASSWORD ")" },
	{ 0 },
};

const struct cli_cmd cmd_serve = { "serve", "serve [--db PATH|postgres://…] [--listen HOST:PORT] [--config FILE]",
	"启动服务 serve the web UI and API (applies pending migrations first)", NULL,
	serve_settings, 0, 0, run_serve };
const struct cli_cmd cmd_demo = { "demo", "demo [--db PATH] [--listen HOST:PORT] [--admin-password-stdin]",
	"创建演示数据库并启动 (re)create a demo database and serve it", demo_flags,
	serve_settings, 0, 0, run_demo };
