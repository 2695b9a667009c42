/* Binary content as text, via libsodium: SHA-256 as hex (content hashes of
 * stored files) and standard base64 (files kept in TEXT columns). */
#ifndef GUATU_BASE_BLOB_H
#define GUATU_BASE_BLOB_H
#include <stdbool.h>
#include <stddef.h>

#define BLOB_SHA256_HEX 65 /* 64 hex characters and NUL */

void blob_sha256_hex(const void *data, size_t len, char out[BLOB_SHA256_HEX]);
/* New NUL-terminated base64 text of data[0..len) (free()), NULL when out of
 * memory. */
char *blob_base64(const void *data, size_t len);
/* The bytes of base64 text b64 in a new buffer (free()) of *len bytes; NULL
 * when b64 is not base64 or memory runs out. */
unsigned char *blob_unbase64(const char *b64, size_t *len);

#endif
