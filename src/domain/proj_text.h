/* Folding of text as it comes from spreadsheets and forms into the plain
 * ASCII forms the projects parsers read: full-width digits, letters and
 * punctuation (１２，３．５), the ideographic space, dashes and the BOM.
 * Pure; writes only to caller buffers. */
#ifndef GUATU_DOMAIN_PROJ_TEXT_H
#define GUATU_DOMAIN_PROJ_TEXT_H
#include <stdbool.h>
#include <stddef.h>

/* Copies in[0..len) to out, NUL-terminated, with: full-width forms
 * U+FF01..U+FF5E turned into their ASCII twins ("１２，３．５" -> "12,3.5",
 * "－" -> "-"); the dashes U+2010..U+2015 and the minus sign U+2212 into
 * '-'; U+3000 and U+00A0 into ' '; a leading BOM dropped; leading and
 * trailing blanks (space, tab, CR, LF after folding) trimmed. Other bytes,
 * such as 万 or 年, are copied unchanged. *out_len (when non-NULL) is the
 * folded length. False when the folded text (before trimming) and its NUL
 * do not fit in cap; out is then "" (when cap > 0). in may be NULL when len is 0. */
bool proj_text_fold(const char *in, size_t len, char *out, size_t cap, size_t *out_len);

#endif
