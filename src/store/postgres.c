/* PostgreSQL backend of db.h over libpq.
 *
 * Parameters travel as text with unspecified types, so the server infers
 * each one from its context much as SQLite's loose typing accepts it; results
 * come back as text. Each connection keeps named prepared statements keyed by
 * the SQL text's address (repository SQL is static), checked against a copy
 * of the text so a reused heap address never runs the wrong statement. A
 * result is fetched whole on the first step, so the same SQL may run again
 * while an earlier statement over it is still being stepped (hence large
 * result sets belong in pages). */
#include <ctype.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/db.h"

#define PG_MAX_PARAMS 64
#define PG_CACHE 256 /* prepared statements per connection */
#define PG_PROBE 8

struct pg_cached {
	const char *key; /* the caller's SQL pointer; NULL: free slot */
	char *sql;	 /* a copy of the text */
	int nparams;
	bool prepared;
	bool stale;  /* prepared under its name on the server but outdated */
	unsigned id; /* server-side name "guatu_<id>" */
};

struct db {
	struct db_base base;
	PGconn *h;
	bool in_tx; /* last seen inside a transaction: no silent reconnect */
	unsigned next_id;
	struct pg_cached cache[PG_CACHE];
};

struct db_stmt {
	const struct db_driver *drv;
	struct db *conn;
	struct pg_cached *cached; /* NULL: runs unnamed */
	char *own_sql;		  /* the text when not cached */
	int nparams;
	const char *vals[PG_MAX_PARAMS];
	char *heap[PG_MAX_PARAMS];
	char num[PG_MAX_PARAMS][24];
	PGresult *res;
	int nrows, cur;
	int64_t changes;
	bool ran;
	struct gerror err; /* repeated by later steps after a failure */
};

/* ---- errors ---- */

static const struct {
	const char *state;
	gcode code;
	const char *zh, *en;
} errmap[] = {
    {"23505", G_ERR_EXISTS, "记录已存在", "the record already exists"},
    {"23503", G_ERR_INVALID, "引用的记录不存在", "a referenced record does not exist"},
    {"40001", G_ERR_RETRY, "事务冲突，请重试", "serialization failure, retry the transaction"},
    {"40P01", G_ERR_RETRY, "检测到死锁，请重试", "deadlock detected, retry the transaction"},
};

/* The length of s[0..n) less a UTF-8 sequence cut short at its end (a
 * message truncated there would not be valid UTF-8 in JSON). */
static size_t utf8_whole(const char *s, size_t n)
{
	size_t i = n, cont = 0;
	while (i && cont < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		cont++;
	}
	if (!i)
		return n;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	return need > cont + 1 ? i - 1 : n;
}

/* Copies libpq's message on one line: its line breaks and tabs become
 * single spaces, the trailing newline goes. */
static void one_line(char *dst, size_t cap, const char *msg)
{
	size_t n = 0;
	bool space = true; /* also drops leading blanks */
	const char *p = msg ? msg : "unknown error";
	for (; *p && n + 1 < cap; p++) {
		bool blank = *p == '\n' || *p == '\r' || *p == '\t' || *p == ' ';
		if (!blank)
			dst[n++] = *p;
		else if (!space)
			dst[n++] = ' ';
		space = blank;
	}
	if (*p)
		n = utf8_whole(dst, n);
	while (n && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
}

static gcode pg_error(struct db *c, const PGresult *r, struct gerror *e)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	for (size_t i = 0; state && i < sizeof errmap / sizeof errmap[0]; i++) {
		if (!strcmp(state, errmap[i].state))
			return gerr_set(e, errmap[i].code, NULL, errmap[i].zh, errmap[i].en);
	}
	const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char msg[200], en[256];
	one_line(msg, sizeof msg, primary ? primary : PQerrorMessage(c->h));
	if (PQstatus(c->h) != CONNECTION_OK) {
		snprintf(en, sizeof en, "database connection lost: %s", msg);
		return gerr_set(e, G_ERR_DB, NULL, "数据库连接中断", en);
	}
	snprintf(en, sizeof en, "database error [%s]: %s", state ? state : "?", msg);
	return gerr_set(e, G_ERR_DB, NULL, "数据库错误", en);
}

static bool state_is(const PGresult *r, const char *state)
{
	const char *s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	return s && !strcmp(s, state);
}

/* ---- connection ---- */

static void on_notice(void *arg, const PGresult *r)
{
	(void)arg;
	const char *sev = PQresultErrorField(r, PG_DIAG_SEVERITY_NONLOCALIZED);
	const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	if (sev && msg && !strcmp(sev, "WARNING"))
		log_warn("event=pg_warning msg=\"%.300s\"", msg);
}

/* A lost connection's status is unknown: the last known one stands. */
static void note_tx(struct db *c)
{
	PGTransactionStatusType t = PQtransactionStatus(c->h);
	if (t != PQTRANS_UNKNOWN)
		c->in_tx = t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

static gcode run_simple(struct db *c, const char *sql, struct gerror *e)
{
	PGresult *r = PQexec(c->h, sql);
	ExecStatusType st = PQresultStatus(r);
	gcode rc = G_OK;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
		rc = pg_error(c, r, e);
	/* COMMIT of a transaction in which a statement failed answers
	 * "ROLLBACK" without an error: report that the data were not saved. */
	else if (!strcmp(PQcmdStatus(r), "ROLLBACK") && strncasecmp(sql, "ROLLBACK", 8))
		rc = gerr_set(e, G_ERR_DB, NULL, "事务因先前的错误已回滚",
			      "the transaction was rolled back after an earlier error");
	PQclear(r);
	note_tx(c);
	return rc;
}

static gcode session_setup(struct db *c, struct gerror *e)
{
	PQsetNoticeReceiver(c->h, on_notice, NULL);
	return run_simple(c, "SET TIME ZONE 'UTC'", e);
}

static gcode connect_error(PGconn *h, struct gerror *e)
{
	char msg[200], en[256];
	one_line(msg, sizeof msg, h ? PQerrorMessage(h) : "out of memory");
	snprintf(en, sizeof en, "cannot connect to PostgreSQL: %s", msg);
	return gerr_set(e, G_ERR_IO, "db", "无法连接PostgreSQL数据库", en);
}

static gcode pg_open(const char *url, struct db **out, struct gerror *e)
{
	/* Keywords before dbname are defaults the URL may override; those after
	 * it are forced. */
	const char *const keys[] = {"connect_timeout", "application_name", "dbname",
				    "client_encoding", NULL};
	const char *const vals[] = {"10", "guatu", url, "UTF8", NULL};
	PGconn *h = PQconnectdbParams(keys, vals, 1);
	if (!h || PQstatus(h) != CONNECTION_OK) {
		gcode rc = connect_error(h, e);
		PQfinish(h);
		return rc;
	}
	struct db *c = xcalloc(1, sizeof *c);
	c->base.drv = &db_postgres_driver;
	c->h = h;
	gcode rc = session_setup(c, e);
	if (rc != G_OK) {
		PQfinish(h);
		free(c);
		return rc;
	}
	*out = c;
	return G_OK;
}

static void pg_close(struct db *c)
{
	for (int i = 0; i < PG_CACHE; i++)
		free(c->cache[i].sql);
	PQfinish(c->h);
	free(c);
}

static void forget_prepared(struct db *c)
{
	for (int i = 0; i < PG_CACHE; i++) {
		c->cache[i].prepared = false;
		c->cache[i].stale = false;
	}
}

/* Reconnects a broken connection, unless that would silently drop an open
 * transaction: then only a ROLLBACK may reconnect. */
static gcode pg_ready(struct db *c, bool rolling_back, struct gerror *e)
{
	if (PQstatus(c->h) == CONNECTION_OK)
		return G_OK;
	if (c->in_tx && !rolling_back)
		return pg_error(c, NULL, e);
	PQreset(c->h);
	c->in_tx = false;
	forget_prepared(c);
	if (PQstatus(c->h) != CONNECTION_OK)
		return connect_error(c->h, e);
	return session_setup(c, e);
}

static gcode pg_exec(struct db *c, const char *sql, struct gerror *e)
{
	bool rollback = !strcasecmp(sql, "ROLLBACK");
	gcode rc = pg_ready(c, rollback, e);
	if (rc != G_OK)
		return rc;
	/* Nothing to roll back (a failed COMMIT already ended it, or the
	 * connection was just reset): skip the round trip and its warning. */
	if (rollback && PQtransactionStatus(c->h) == PQTRANS_IDLE)
		return G_OK;
	return run_simple(c, sql, e);
}

/* ---- parameter count ---- */

static bool ident_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '$' || (unsigned char)ch >= 0x80;
}

/* p is at an opening quote; returns just past the closing one. */
static const char *skip_quoted(const char *p, bool backslash)
{
	char q = *p;
	for (p++; *p; p++) {
		if (backslash && *p == '\\' && p[1]) {
			p++;
		} else if (*p == q) {
			if (p[1] != q)
				return p + 1;
			p++;
		}
	}
	return p;
}

/* p is at '$': a dollar-quoted string $tag$...$tag$ is skipped whole. */
static const char *skip_dollar(const char *p)
{
	const char *q = p + 1;
	if (isdigit((unsigned char)*q))
		return p;
	while (*q && *q != '$' && ident_char(*q))
		q++;
	if (*q != '$')
		return p;
	size_t tag = (size_t)(q - p) + 1;
	const char *end = strchr(q + 1, '$');
	while (end && strncmp(end, p, tag))
		end = strchr(end + 1, '$');
	return end ? end + tag : q + strlen(q);
}

/* Returns the end of the literal, quoted name or comment at p, or p. */
static const char *skip_opaque(const char *sql, const char *p)
{
	bool after_ident = p > sql && ident_char(p[-1]);
	if (*p == '\'') {
		bool e = after_ident && (p[-1] == 'E' || p[-1] == 'e') &&
			 !(p - 1 > sql && ident_char(p[-2]));
		return skip_quoted(p, e);
	}
	if (*p == '"')
		return skip_quoted(p, false);
	if (p[0] == '-' && p[1] == '-')
		return p + strcspn(p, "\n");
	if (p[0] == '/' && p[1] == '*') {
		const char *end = strstr(p + 2, "*/");
		return end ? end + 2 : p + strlen(p);
	}
	if (*p == '$' && !after_ident)
		return skip_dollar(p);
	return p;
}

/* The highest $N the SQL refers to: the number of parameters the server
 * expects (SQLite binds NULL to those left unbound; so do we). */
static int count_params(const char *sql)
{
	long max = 0;
	const char *p = sql;
	while (*p) {
		const char *q = skip_opaque(sql, p);
		if (q != p) {
			p = q;
		} else if (*p == '$' && isdigit((unsigned char)p[1]) &&
			   !(p > sql && ident_char(p[-1]))) {
			char *end;
			long n = strtol(p + 1, &end, 10);
			max = n > max ? n : max;
			p = end;
		} else {
			p++;
		}
	}
	return max > PG_MAX_PARAMS ? PG_MAX_PARAMS + 1 : (int)max;
}

/* ---- statements ---- */

static unsigned cache_slot(const char *key)
{
	uintptr_t k = (uintptr_t)key;
	return (unsigned)((k >> 3) ^ (k >> 11)) % PG_CACHE;
}

/* The cache entry for sql, claiming a free slot on first use; NULL when
 * the address now holds other text or the probe window is full. */
static struct pg_cached *cache_find(struct db *c, const char *sql)
{
	unsigned slot = cache_slot(sql);
	for (int i = 0; i < PG_PROBE; i++) {
		struct pg_cached *k = &c->cache[(slot + (unsigned)i) % PG_CACHE];
		if (k->key == sql)
			return strcmp(k->sql, sql) ? NULL : k;
		if (!k->key) {
			k->key = sql;
			k->sql = xstrdup(sql);
			k->nparams = count_params(sql);
			k->id = ++c->next_id;
			return k;
		}
	}
	return NULL;
}

static gcode pg_prepare(struct db *c, const char *sql, struct db_stmt **out, struct gerror *e)
{
	struct pg_cached *k = cache_find(c, sql);
	int n = k ? k->nparams : count_params(sql);
	if (n > PG_MAX_PARAMS)
		return gerr_set(e, G_ERR_INTERNAL, NULL, "SQL参数过多", "too many SQL parameters");
	struct db_stmt *s = xcalloc(1, sizeof *s);
	s->drv = &db_postgres_driver;
	s->conn = c;
	s->cached = k;
	s->own_sql = k ? NULL : xstrdup(sql);
	s->nparams = n;
	s->cur = -1;
	*out = s;
	return G_OK;
}

static int param_slot(struct db_stmt *s, int idx)
{
	if (idx < 1 || idx > PG_MAX_PARAMS)
		return -1;
	int i = idx - 1;
	free(s->heap[i]);
	s->heap[i] = NULL;
	s->vals[i] = NULL;
	return i;
}

static void pg_bind_text(struct db_stmt *s, int idx, const char *v, size_t len)
{
	int i = param_slot(s, idx);
	if (i < 0)
		return;
	s->heap[i] = xstrndup(v, len);
	s->vals[i] = s->heap[i];
}

static void pg_bind_i64(struct db_stmt *s, int idx, int64_t v)
{
	int i = param_slot(s, idx);
	if (i < 0)
		return;
	snprintf(s->num[i], sizeof s->num[i], "%" PRId64, v);
	s->vals[i] = s->num[i];
}

static void pg_bind_null(struct db_stmt *s, int idx)
{
	param_slot(s, idx);
}

static void stmt_name(const struct pg_cached *k, char *name, size_t cap)
{
	snprintf(name, cap, "guatu_%u", k->id);
}

static gcode ensure_prepared(struct db *c, struct pg_cached *k, struct gerror *e)
{
	if (k->prepared)
		return G_OK;
	char name[24];
	stmt_name(k, name, sizeof name);
	if (k->stale) {
		char sql[48];
		snprintf(sql, sizeof sql, "DEALLOCATE %s", name);
		gcode rc = run_simple(c, sql, e);
		if (rc != G_OK)
			return rc;
		k->stale = false;
	}
	PGresult *r = PQprepare(c->h, name, k->sql, k->nparams, NULL);
	gcode rc = PQresultStatus(r) == PGRES_COMMAND_OK ? G_OK : pg_error(c, r, e);
	PQclear(r);
	k->prepared = rc == G_OK;
	return rc;
}

/* Whether the server-side statement must be prepared again: it went missing
 * (DEALLOCATE ALL, DISCARD ALL) or its result columns changed under it
 * ("cached plan must not change result type" after an ALTER TABLE). */
static bool outdated(struct pg_cached *k, const PGresult *r)
{
	if (state_is(r, "26000")) {
		k->prepared = false;
		return true;
	}
	if (state_is(r, "0A000")) {
		k->prepared = false;
		k->stale = true;
		return true;
	}
	return false;
}

static gcode send_query(struct db_stmt *s, PGresult **r, struct gerror *e)
{
	struct db *c = s->conn;
	*r = NULL;
	if (!s->cached) {
		*r = PQexecParams(c->h, s->own_sql, s->nparams, NULL, s->vals, NULL, NULL, 0);
		return G_OK;
	}
	gcode rc = ensure_prepared(c, s->cached, e);
	if (rc != G_OK)
		return rc;
	char name[24];
	stmt_name(s->cached, name, sizeof name);
	*r = PQexecPrepared(c->h, name, s->nparams, s->vals, NULL, NULL, 0);
	return G_OK;
}

/* One execution. *again: it failed only because the server-side statement
 * was outdated, and outside a transaction, so nothing else was lost. */
static gcode try_once(struct db_stmt *s, bool *again, struct gerror *e)
{
	struct db *c = s->conn;
	*again = false;
	PGresult *r;
	gcode rc = send_query(s, &r, e);
	if (rc != G_OK)
		return rc;
	ExecStatusType st = PQresultStatus(r);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		s->res = r;
		s->nrows = st == PGRES_TUPLES_OK ? PQntuples(r) : 0;
		s->changes = strtoll(PQcmdTuples(r), NULL, 10);
		return G_OK;
	}
	rc = pg_error(c, r, e);
	*again = s->cached && outdated(s->cached, r) && PQtransactionStatus(c->h) == PQTRANS_IDLE;
	PQclear(r);
	return rc;
}

static gcode execute(struct db_stmt *s, struct gerror *e)
{
	gcode rc = pg_ready(s->conn, false, e);
	bool again = rc == G_OK;
	for (int i = 0; again && i < 2; i++)
		rc = try_once(s, &again, e);
	note_tx(s->conn);
	return rc;
}

static int pg_step(struct db_stmt *s, struct gerror *e)
{
	if (!s->ran) {
		s->ran = true;
		if (execute(s, &s->err) != G_OK) {
			if (e)
				*e = s->err;
			return -1;
		}
	}
	if (!s->res) { /* failed before */
		if (e)
			*e = s->err;
		return -1;
	}
	if (s->cur + 1 < s->nrows) {
		s->cur++;
		return DB_ROW;
	}
	return DB_DONE;
}

static int pg_ncols(struct db_stmt *s)
{
	return s->res ? PQnfields(s->res) : 0;
}

static bool has_cell(struct db_stmt *s, int col)
{
	return s->res && s->cur >= 0 && s->cur < s->nrows && col >= 0 && col < PQnfields(s->res);
}

static bool pg_col_null(struct db_stmt *s, int col)
{
	return !has_cell(s, col) || PQgetisnull(s->res, s->cur, col);
}

static const char *pg_col_text(struct db_stmt *s, int col)
{
	return has_cell(s, col) ? PQgetvalue(s->res, s->cur, col) : "";
}

static int64_t pg_col_i64(struct db_stmt *s, int col)
{
	const char *v = pg_col_text(s, col);
	if (v[0] == 't' && !v[1]) /* a boolean expression such as EXISTS(...) */
		return 1;
	return strtoll(v, NULL, 10);
}

static size_t pg_col_len(struct db_stmt *s, int col)
{
	return has_cell(s, col) ? (size_t)PQgetlength(s->res, s->cur, col) : 0;
}

static void pg_finish(struct db_stmt *s)
{
	for (int i = 0; i < PG_MAX_PARAMS; i++)
		free(s->heap[i]);
	PQclear(s->res);
	free(s->own_sql);
	free(s);
}

static int64_t pg_changes(struct db_stmt *s)
{
	return s->changes;
}

/* ---- bulk loading: rows gathered in COPY's text format and sent as one
 * COPY ... FROM STDIN per 4 MiB chunk, so several loads may be open on
 * one connection at once (a connection runs one COPY at a time). Loads
 * whose rows reference each other's must be ended parent first. ---- */

#define COPY_CHUNK (4 * 1024 * 1024)

struct db_copy {
	const struct db_driver *drv;
	struct db *conn;
	int ncols;
	char sql[1024];
	size_t len;
	char buf[COPY_CHUNK + 8192];
};

static gcode pg_copy_begin(struct db *c, const char *table, const char *cols, int ncols,
			   struct db_copy **out, struct gerror *e)
{
	struct db_copy *b = xmalloc(sizeof *b);
	b->drv = &db_postgres_driver;
	b->conn = c;
	b->ncols = ncols;
	b->len = 0;
	int n = snprintf(b->sql, sizeof b->sql, "COPY %s (%s) FROM STDIN", table, cols);
	if (n < 0 || (size_t)n >= sizeof b->sql) {
		free(b);
		return gerr_set(e, G_ERR_INTERNAL, NULL, "批量写入语句过长", "bulk load statement too long");
	}
	*out = b;
	return G_OK;
}

static gcode copy_flush(struct db_copy *b, struct gerror *e)
{
	struct db *c = b->conn;
	if (!b->len)
		return G_OK;
	gcode rc = pg_ready(c, false, e);
	if (rc != G_OK)
		return rc;
	PGresult *r = PQexec(c->h, b->sql);
	bool in = PQresultStatus(r) == PGRES_COPY_IN;
	if (!in)
		rc = pg_error(c, r, e);
	PQclear(r);
	if (in && (PQputCopyData(c->h, b->buf, (int)b->len) != 1 || PQputCopyEnd(c->h, NULL) != 1))
		rc = pg_error(c, NULL, e);
	while (in && (r = PQgetResult(c->h))) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == G_OK)
			rc = pg_error(c, r, e);
		PQclear(r);
	}
	note_tx(c);
	b->len = 0;
	return rc;
}

/* One value in COPY's text format: backslash escapes, \N for NULL. */
static void copy_put(struct db_copy *b, const char *v)
{
	if (!v) {
		memcpy(b->buf + b->len, "\\N", 2);
		b->len += 2;
		return;
	}
	for (; *v && b->len + 4 < sizeof b->buf; v++) {
		char ch = *v, esc = ch == '\\' ? '\\' : ch == '\n' ? 'n' : ch == '\r' ? 'r'
				  : ch == '\t' ? 't' : 0;
		if (esc) {
			b->buf[b->len++] = '\\';
			ch = esc;
		}
		b->buf[b->len++] = ch;
	}
}

static gcode pg_copy_row(struct db_copy *b, const char *const *vals, struct gerror *e)
{
	size_t need = 1;
	for (int i = 0; i < b->ncols; i++)
		need += (vals[i] ? 2 * strlen(vals[i]) : 2) + 1;
	if (need > sizeof b->buf - COPY_CHUNK)
		return gerr_set(e, G_ERR_INVALID, NULL, "批量写入的一行过长", "a bulk-loaded row is too long");
	for (int i = 0; i < b->ncols; i++) {
		if (i)
			b->buf[b->len++] = '\t';
		copy_put(b, vals[i]);
	}
	b->buf[b->len++] = '\n';
	return b->len >= COPY_CHUNK ? copy_flush(b, e) : G_OK;
}

static gcode pg_copy_end(struct db_copy *b, struct gerror *e)
{
	gcode rc = copy_flush(b, e);
	free(b);
	return rc;
}

const struct db_driver db_postgres_driver = {
    .name = "postgres",
    .dialect = DB_POSTGRES,
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .prepare = pg_prepare,
    .bind_text = pg_bind_text,
    .bind_i64 = pg_bind_i64,
    .bind_null = pg_bind_null,
    .step = pg_step,
    .ncols = pg_ncols,
    .col_null = pg_col_null,
    .col_i64 = pg_col_i64,
    .col_text = pg_col_text,
    .col_len = pg_col_len,
    .finish = pg_finish,
    .changes = pg_changes,
    .copy_begin = pg_copy_begin,
    .copy_row = pg_copy_row,
    .copy_end = pg_copy_end,
};
