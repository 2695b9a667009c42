/* Shared by the sheet_*.c files only: the reader's core (row building,
 * limits, errors) and the two format backends. */
#ifndef GUATU_IO_SHEET_INTERNAL_H
#define GUATU_IO_SHEET_INTERNAL_H
#include "io/sheet.h"

/* Bounds below the configurable limits. */
#define SHEET_EXCEL_ROWS 1048576u
#define SHEET_EXCEL_COLS 16384u

/* A row being built: cells arrive by column, possibly with gaps or out of
 * order; texts go into one bounded buffer. */
struct rowb_cell {
	size_t off, len; /* in text; len 0 and type SHEET_EMPTY for gaps */
	enum sheet_type type;
};

struct rowb {
	const struct sheet_limits *lim;
	struct buf text;
	struct rowb_cell *c;
	size_t n, cap;
	struct sheet_cell *view;
	size_t view_cap;
	struct sheet_row row;
	size_t num;
};

void rowb_init(struct rowb *b, const struct sheet_limits *lim);
void rowb_free(struct rowb *b);
void rowb_reset(struct rowb *b, size_t num);
/* Sets column col (0-based). An empty value beyond max_cols is dropped; a
 * value there, a cell over max_cell or a row over max_row is an error. */
gcode rowb_set(struct rowb *b, size_t col, const char *s, size_t len, enum sheet_type type,
	       struct gerror *err);
/* The text of column col as stored now ("" when unset). */
const char *rowb_text(const struct rowb *b, size_t col, size_t *len, enum sheet_type *type);
/* The finished row; valid until the next rowb_reset. */
const struct sheet_row *rowb_finish(struct rowb *b);

/* An error at a place: "第12行C列：" + zh, "row 12, column C: " + en, with
 * field "C12". col SIZE_MAX: the row only; row 0: no place. */
gcode sheet_err_at(struct gerror *e, gcode code, size_t row, size_t col, const char *zh,
		   const char *en);

/* One format backend. */
struct sheet_backend {
	/* The next row (blank rows allowed; the core skips them), or NULL. */
	gcode (*next)(struct sheet_reader *r, const struct sheet_row **row, struct gerror *err);
	unsigned (*progress)(const struct sheet_reader *r);
	void (*free)(struct sheet_reader *r);
};

struct sheet_reader {
	const struct sheet_backend *be;
	void *state; /* the backend's */
	enum sheet_format fmt;
	struct sheet_limits lim;
	const char *encoding;
	char delim;
	char sheet_name[128];
	struct rowb rb;
	char *owned; /* a file's bytes read by sheet_reader_new_file */
	gcode failed;
	struct gerror ferr;
	struct sheet *replay; /* rows read ahead by sheet_map_header */
	size_t replay_pos;
	bool ended;
};

gcode sheet_csv_open(struct sheet_reader *r, const unsigned char *p, size_t len, char delim,
		     struct gerror *err);
gcode sheet_xlsx_open(struct sheet_reader *r, const void *p, size_t len, const char *sheet_name,
		      struct gerror *err);

/* Copies rows into a sheet (sheet_load, and the rows read ahead by
 * sheet_map_header). */
struct sheet *sheet_new_empty(size_t budget);
gcode sheet_append_row(struct sheet *s, const struct sheet_row *row, struct gerror *err);

/* UTF-8 helpers shared by the reader, the mapper and the writer. */
bool sheet_utf8_valid(const unsigned char *p, size_t len, size_t *bad_at);
/* Decodes one code point at p (len > 0); returns its length, 0 if invalid. */
size_t sheet_utf8_next(const unsigned char *p, size_t len, uint32_t *cp);
size_t sheet_utf8_put(uint32_t cp, char out[static 4]);
/* Blank as the reader means it: space, tab, CR, LF, U+00A0, U+3000. */
bool sheet_text_blank(const char *s, size_t len);
/* Days since 1970-01-01 as "YYYY-MM-DD" (proleptic Gregorian). */
void sheet_days_iso(int32_t days, char out[static 11]);
/* Normalises a number's text the way Excel shows it (15 significant
 * digits); false when s is not a finite number (left as it is). */
bool sheet_number_text(const char *s, size_t len, char *out, size_t cap, size_t *out_len);

#endif
