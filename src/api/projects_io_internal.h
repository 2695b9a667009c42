/* The shared driver of the projects imports (projects_io.c): reading,
 * header mapping, the transaction, errors by row and column, and cell
 * parsing. Private to projects_import*.c. */
#ifndef GUATU_API_PROJECTS_IO_INTERNAL_H
#define GUATU_API_PROJECTS_IO_INTERNAL_H
#include "api/projects_io.h"

struct pio;
/* Checks and writes one row; a refused row is a pio_error, not a return
 * code (which is kept for database and other failures). */
typedef gcode (*pio_row_fn)(struct pio *st, struct gerror *e);

struct pio {
	const struct pio_who *w;
	struct api_req *rq;
	const struct sheet_schema *schema;
	struct sheet_map map;
	const struct sheet_row *row; /* the row being imported */
	json_t *regions;             /* code and district name -> code, within reach */
	json_t *seen;                /* keys met earlier in the file */
	json_t *errors, *warnings;
	int64_t error_count, rows, created, updated, unchanged;
	const char *audit_what;      /* "project" or "report" */
};

/* Reads data, maps the header of st->schema, and calls fn for each data
 * row inside one transaction, committed only when nothing failed and this
 * is not a dry run. */
gcode pio_run(struct pio *st, const void *data, size_t len, bool dry_run, pio_row_fn fn,
	      json_t **report, struct gerror *e);

/* A refused row: col is the schema column (-1 for none). */
void pio_error(struct pio *st, int col, const char *field, const char *zh, const char *en);
/* The same from an error a shared check returned. */
void pio_error_from(struct pio *st, int col, const struct gerror *g);
void pio_warn(struct pio *st, const char *field, const char *zh, const char *en);

/* Column col's text with blanks trimmed into out (cap bytes); "" when
 * absent or empty. */
const char *pio_text(struct pio *st, int col, char *out, size_t cap);
/* The same, refused (an error recorded) when longer than max characters;
 * NULL when empty or refused. */
const char *pio_text_max(struct pio *st, int col, char *out, size_t cap, long max);
/* The region range rows may name: the importer's, or all for the CLI. */
void pio_scope_range(const struct pio *st, char lo[7], char hi[7]);
/* An amount in 元 from column col, in the unit of its header (万元 when
 * none): 1 read, 0 empty, -1 refused (an error is recorded). */
int pio_amount(struct pio *st, int col, const char *field, int64_t *yuan);
/* A date as 'YYYY-MM-DD' into iso: 1 read, 0 empty, -1 refused. */
int pio_date(struct pio *st, int col, const char *field, char iso[11]);
/* The region code a cell names (code, or district name) within reach. */
const char *pio_region(struct pio *st, const char *text);

#endif
