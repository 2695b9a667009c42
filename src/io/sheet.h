/* Spreadsheets in and out, for every module's import and export.
 *
 * Reading: a file's bytes (CSV in UTF-8, GBK/GB18030 or UTF-16, or XLSX,
 * told apart by content, never by name) become rows of cells, streamed one
 * row at a time (sheet_reader_*) or loaded whole for small files
 * (sheet_load). Every size is bounded (struct sheet_limits); exceeding a
 * bound is an error naming the row and column.
 *
 * Header mapping (sheet_map_*): a table of expected columns (struct
 * sheet_col) finds the header row among the first rows, two-row headers
 * under merged parents included, and gives each column's index.
 *
 * Writing (sheet_writer_*): XLSX through libxlsxwriter (bold frozen header,
 * fitted widths, real numbers and dates) or CSV (UTF-8 with BOM), into a
 * struct buf; sheet_template writes a fill-in template from the same column
 * table. See docs/architecture.md ("Spreadsheets") for how an import uses it.
 *
 * Errors are struct gerror with Chinese and English text; the field is the
 * cell reference ("C12") when one is known. Codes: G_ERR_INVALID for a
 * damaged or unreadable file or a wrong header, G_ERR_TOOLARGE for a limit,
 * G_ERR_UNSUPPORTED for a format we do not read (.xls, HTML tables). */
#ifndef GUATU_IO_SHEET_H
#define GUATU_IO_SHEET_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"

/* ---- cells and rows ---------------------------------------------------- */

enum sheet_format {
	SHEET_CSV = 1,
	SHEET_XLSX = 2,
};

/* What a cell held. CSV cells are SHEET_STRING (or SHEET_EMPTY). */
enum sheet_type {
	SHEET_EMPTY = 0,
	SHEET_STRING, /* text: shared, inline or a formula's text result */
	SHEET_NUMBER, /* text is the number as Excel shows it: at most 15
			 significant digits ("0.3", not "0.30000000000000004") */
	SHEET_BOOL,   /* text "TRUE" or "FALSE" */
	SHEET_DATE,   /* a number formatted as a date or time: text is the
			 1900-system serial ("45352" is 2024-03-01, "45352.5"
			 its noon), also for 1904-system workbooks; or an ISO
			 date from a t="d" cell */
	SHEET_ERROR,  /* a formula error: "#N/A", "#DIV/0!" */
};

struct sheet_cell {
	const char *s; /* UTF-8, NUL-terminated, never NULL ("" when empty) */
	size_t len;
	enum sheet_type type;
};

struct sheet_row {
	size_t num; /* 1-based row number as Excel shows it (CSV: the record) */
	size_t n;   /* cells[0..n); columns at or beyond n are empty */
	const struct sheet_cell *cells;
};

/* The cell of column col (0 = A); an empty cell when the row is shorter. */
const struct sheet_cell *sheet_cell_at(const struct sheet_row *row, size_t col);
/* True when every cell is empty or blanks only (space, tab, U+3000, …). */
bool sheet_row_blank(const struct sheet_row *row);
/* Column letters: 0 -> "A", 27 -> "AB". out holds at least 4 bytes. */
void sheet_col_name(size_t col, char out[static 4]);
/* "C12". out holds at least 16 bytes. */
void sheet_cell_ref(size_t row_num, size_t col, char out[static 16]);
/* A SHEET_DATE or SHEET_NUMBER serial (1900 system, fraction ignored) to
 * days since 1970-01-01 (proj_date days). False below serial 1, for Excel's
 * phantom 1900-02-29 (serial 60), above 9999-12-31, or for text that is not
 * a number. */
bool sheet_serial_to_days(const char *s, int32_t *days);

/* ---- reading ----------------------------------------------------------- */

/* Zero fields take the defaults in brackets. */
struct sheet_limits {
	size_t max_bytes;    /* the file [256 MiB] */
	size_t max_unzipped; /* XLSX: bytes inflated from the package, all parts
				together, counted as read (zip bombs) [1 GiB] */
	size_t max_strings;  /* XLSX: shared strings and merged-cell values held
				in memory; also what sheet_load keeps [128 MiB] */
	size_t max_rows;     /* highest row number holding data [1,048,576] */
	size_t max_cols;     /* highest column holding data [1024] */
	size_t max_cell;     /* bytes of one cell [32 KiB] */
	size_t max_row;      /* bytes of one row's cells together [1 MiB] */
};

struct sheet_read_opts {
	struct sheet_limits limits;
	const char *sheet_name; /* XLSX: this worksheet; NULL: the first visible */
	char delimiter;         /* CSV: ',', '\t' or ';'; 0: sniffed */
};

struct sheet_reader;

/* Opens data[0..len) for reading. The reader borrows data: it must stay
 * unchanged until sheet_reader_free (a GBK file is converted into a copy
 * the reader owns). opts may be NULL. On failure *out is NULL. */
gcode sheet_reader_new(struct sheet_reader **out, const void *data, size_t len,
		       const struct sheet_read_opts *opts, struct gerror *err);
/* The same for a file, read whole into memory (bounded by max_bytes). */
gcode sheet_reader_new_file(struct sheet_reader **out, const char *path,
			    const struct sheet_read_opts *opts, struct gerror *err);
/* The next row that is not blank, in order; *row is NULL at the end. The
 * row and its cells stay valid until the next call or sheet_reader_free.
 * After an error the reader only returns that error again. */
gcode sheet_reader_next(struct sheet_reader *r, const struct sheet_row **row, struct gerror *err);
void sheet_reader_free(struct sheet_reader *r);

enum sheet_format sheet_reader_format(const struct sheet_reader *r);
/* "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE" (CSV), "XLSX". */
const char *sheet_reader_encoding(const struct sheet_reader *r);
/* CSV: the delimiter used; XLSX: 0. */
char sheet_reader_delimiter(const struct sheet_reader *r);
/* XLSX: the worksheet's name; CSV: "". */
const char *sheet_reader_sheet_name(const struct sheet_reader *r);
/* How far reading has come, 0..1000, for a progress indicator. */
unsigned sheet_reader_progress(const struct sheet_reader *r);

/* A whole sheet in memory (its non-blank rows), for small files and tests. */
struct sheet {
	size_t nrows;
	struct sheet_row *rows;
	struct sheet_store *store; /* private */
};

/* Reads every row of data[0..len) into a new sheet (caller frees with
 * sheet_free). Besides the reader's limits, the text kept is bounded by
 * max_strings. */
gcode sheet_load(struct sheet **out, const void *data, size_t len,
		 const struct sheet_read_opts *opts, struct gerror *err);
void sheet_free(struct sheet *s);

/* ---- column tables ----------------------------------------------------- */

#define SHEET_MAX_NAMES 8

/* How a column is written and described. Reading gives text whatever fmt
 * says: parsing values is the importing module's business. */
enum sheet_fmt {
	SHEET_FMT_TEXT = 0,
	SHEET_FMT_INT,
	SHEET_FMT_DECIMAL, /* sheet_put_decimal; shown with `scale` decimals */
	SHEET_FMT_WAN,     /* amounts (sheet_put_amount, in 元) shown in 万元, 2 decimals */
	SHEET_FMT_YI,      /* ... in 亿元, 2 decimals */
	SHEET_FMT_YUAN,    /* ... in 元, no decimals */
	SHEET_FMT_DATE,    /* sheet_put_date; yyyy-mm-dd */
	SHEET_FMT_BOOL,    /* 是 / 否 */
};

/* One expected column. A module keeps a static table of them and an enum
 * of the same order for sheet_map_cell. */
struct sheet_col {
	const char *key;                     /* "name": machine name */
	const char *names[SHEET_MAX_NAMES];  /* names[0] is written as the header;
						all are accepted when reading: "项目名称",
						"名称"; "计划投资/总投资" names a child
						header under a merged parent */
	bool required;
	enum sheet_fmt fmt;
	unsigned scale;                      /* SHEET_FMT_DECIMAL: decimals */
	const char *example;                 /* template example, as typed: "2024-03-01" */
	const char *note;                    /* template 说明: what to fill in */
	const char *const *choices;          /* NULL-terminated allowed values, or NULL:
						a drop-down list in the template */
};

struct sheet_schema {
	const char *title;      /* "重点项目": template sheet name and title */
	const struct sheet_col *cols;
	size_t ncols;           /* at most SHEET_MAP_MAX_COLS */
	size_t min_match;       /* required headers a row must hold to be the
				   header row; 0: half of them, at least 1 */
	bool strict;            /* unknown columns are an error, not a warning */
};

/* ---- header mapping ---------------------------------------------------- */

#define SHEET_MAP_MAX_COLS 64
#define SHEET_MAP_MAX_UNKNOWN 16
/* Rows (not blank) searched for the header. */
#define SHEET_HEADER_SCAN 10

struct sheet_map {
	size_t header_row;  /* row number of the (first) header row */
	size_t header_rows; /* 1, or 2 for a parent row over a child row */
	int col[SHEET_MAP_MAX_COLS];       /* column of schema->cols[i]; -1: absent */
	char unit[SHEET_MAP_MAX_COLS][24]; /* "万元" from "总投资（万元）"; "" if none */
	size_t n_unknown;   /* headers naming no column (more than listed below) */
	struct {
		int col;
		char text[64];
	} unknown[SHEET_MAP_MAX_UNKNOWN];
};

/* Finds the header among rows[0..n) (n at most SHEET_HEADER_SCAN are
 * looked at): the first row holding at least min_match required headers,
 * combined with the next row when that matches more columns (a merged
 * parent such as 计划投资 over 总投资 / 年度计划 gives "计划投资/总投资").
 * Headers are compared without blanks, '*' marks, full-width forms or case;
 * a trailing "(万元)" or "（万元）" is set aside as the unit. Errors: no
 * header row, a missing required column ("缺少必填列：项目名称"), a column
 * given twice, unknown columns when strict. *data_index is the index in
 * rows of the first row after the header. */
gcode sheet_map_rows(const struct sheet_row *rows, size_t n, const struct sheet_schema *schema,
		     struct sheet_map *map, size_t *data_index, struct gerror *err);
/* The same reading the first rows from r (call it before any
 * sheet_reader_next); afterwards sheet_reader_next returns the first row
 * after the header. */
gcode sheet_map_header(struct sheet_reader *r, const struct sheet_schema *schema,
		       struct sheet_map *map, struct gerror *err);
/* The cell of schema column i in row (empty when the column is absent). */
const struct sheet_cell *sheet_map_cell(const struct sheet_map *map, const struct sheet_row *row,
					size_t i);
/* Fills w with the list of unknown columns ("未识别的列（已忽略）：…") and
 * returns G_ERR_INVALID, or returns G_OK when there are none. */
gcode sheet_map_unknown_warning(const struct sheet_map *map, struct gerror *w);
/* True when row is the template's example row left in place: every mapped
 * column with an example holds it (dates and numbers compared as values). */
bool sheet_map_is_example(const struct sheet_schema *schema, const struct sheet_map *map,
			  const struct sheet_row *row);

/* ---- writing ----------------------------------------------------------- */

struct sheet_writer;

struct sheet_write_opts {
	const char *tmpdir; /* XLSX temp files; NULL: $TMPDIR, else /tmp */
};

/* A writer of fmt (opts may be NULL). Calls on it record the first error,
 * after which they do nothing; sheet_writer_finish returns it. */
gcode sheet_writer_new(struct sheet_writer **out, enum sheet_format fmt,
		       const struct sheet_write_opts *opts, struct gerror *err);
/* Starts a worksheet named name (XLSX: at most 31 characters, none of
 * []:*?/\; CSV takes one sheet and ignores the name and title): an
 * optional title row (bold, merged across the columns), then the header
 * row of cols[i].names[0] (bold, frozen). cols sets each column's format. */
gcode sheet_writer_begin(struct sheet_writer *w, const char *name, const char *title,
			 const struct sheet_col *cols, size_t ncols);
/* Each put fills the next column of the current row. */
gcode sheet_put_text(struct sheet_writer *w, const char *s);
gcode sheet_put_int(struct sheet_writer *w, int64_t v);
/* v / 10^scale, shown with scale decimals (scale at most 8). */
gcode sheet_put_decimal(struct sheet_writer *w, int64_t v, unsigned scale);
/* An exact amount in 元, shown in the column's unit (SHEET_FMT_WAN when the
 * column is not an amount column). */
gcode sheet_put_amount(struct sheet_writer *w, int64_t yuan);
/* days since 1970-01-01 (1900-03-01 .. 9999-12-31), a real date. */
gcode sheet_put_date(struct sheet_writer *w, int32_t days);
gcode sheet_put_bool(struct sheet_writer *w, bool v);
gcode sheet_put_empty(struct sheet_writer *w);
gcode sheet_end_row(struct sheet_writer *w);
/* Completes the file and appends it to out (within out's limit), or
 * returns the first error met. The writer can only be freed afterwards. A
 * CSV is held in memory until then (at most 512 MiB); an XLSX is built in a
 * temp file, removed by sheet_writer_free. */
gcode sheet_writer_finish(struct sheet_writer *w, struct buf *out, struct gerror *err);
/* The same, writing to fd (a file the CLI opened, or standard output). */
gcode sheet_writer_finish_fd(struct sheet_writer *w, int fd, struct gerror *err);
void sheet_writer_free(struct sheet_writer *w);
/* "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" or
 * "text/csv; charset=utf-8", and "xlsx" or "csv". */
const char *sheet_format_mime(enum sheet_format fmt);
const char *sheet_format_ext(enum sheet_format fmt);

/* An XLSX template for schema appended to out: a sheet named schema->title
 * with the title row, the header (required columns marked "*"), an example
 * row and drop-down lists for columns with choices; and a sheet "说明"
 * describing each column (required, format, example, note). */
gcode sheet_template(const struct sheet_schema *schema, const struct sheet_write_opts *opts,
		     struct buf *out, struct gerror *err);

#endif
