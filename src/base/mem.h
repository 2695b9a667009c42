/* Small internal allocations abort on out-of-memory (STYLE.md habit 5);
 * code that allocates user-sized amounts uses the buf_ functions instead. */
#ifndef GUATU_BASE_MEM_H
#define GUATU_BASE_MEM_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Overwrites n bytes so the compiler cannot elide it (passwords, tokens). */
void mem_wipe(void *p, size_t n);

#endif
