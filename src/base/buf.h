/* A growable byte buffer with a hard limit: appending past the limit fails
 * instead of growing (request bodies, import rows, exports). Always
 * NUL-terminated after a successful append. */
#ifndef GUATU_BASE_BUF_H
#define GUATU_BASE_BUF_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *p;
	size_t len;
	size_t cap;
	size_t limit; /* 0: no limit (internal use only) */
};

void buf_init(struct buf *b, size_t limit);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* false when the limit would be exceeded; b is unchanged then. */
bool buf_append(struct buf *b, const void *data, size_t n);
bool buf_puts(struct buf *b, const char *s);
bool buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Detaches the contents (caller frees); b is left empty. */
char *buf_take(struct buf *b);

#endif
