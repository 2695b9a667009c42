/* Content hashes and base64 through libsodium. */
#include "base/blob.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

void blob_sha256_hex(const void *data, size_t len, char out[BLOB_SHA256_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, BLOB_SHA256_HEX, h, sizeof h);
}

char *blob_base64(const void *data, size_t len)
{
	size_t n = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *out = malloc(n);
	if (out)
		sodium_bin2base64(out, n, data, len, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

unsigned char *blob_unbase64(const char *b64, size_t *len)
{
	size_t n = strlen(b64);
	unsigned char *out = malloc(n / 4 * 3 + 3);
	if (!out)
		return NULL;
	if (sodium_base642bin(out, n / 4 * 3 + 3, b64, n, NULL, len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(out);
		return NULL;
	}
	return out;
}
