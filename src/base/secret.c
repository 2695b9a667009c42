#include "base/secret.h"

#include <sodium.h>
#include <string.h>

#define PW_OPS 2
#define PW_MEM (19u * 1024u * 1024u)

bool secret_init(void)
{
	return sodium_init() >= 0;
}

bool secret_hash_password(const char *pw, size_t len, char out[SECRET_HASH_MAX])
{
	_Static_assert(crypto_pwhash_STRBYTES <= SECRET_HASH_MAX, "hash buffer too small");
	return crypto_pwhash_str_alg(out, pw, len, PW_OPS, PW_MEM,
				     crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool secret_verify_password(const char *hash, const char *pw, size_t len)
{
	return crypto_pwhash_str_verify(hash, pw, len) == 0;
}

void secret_burn_verify(const char *pw, size_t len)
{
	static char dummy[SECRET_HASH_MAX];
	static int ready;
	if (!ready) { /* races here only waste one extra hash */
		secret_hash_password("guatu-dummy-password", 20, dummy);
		ready = 1;
	}
	secret_verify_password(dummy, pw, len);
}

void secret_random_hex(char out[SECRET_TOKEN_HEX])
{
	unsigned char b[32];
	randombytes_buf(b, sizeof b);
	sodium_bin2hex(out, SECRET_TOKEN_HEX, b, sizeof b);
	sodium_memzero(b, sizeof b);
}

void secret_hash_token(const char *s, char out[SECRET_TOKEN_HEX])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)s, strlen(s), NULL, 0);
	sodium_bin2hex(out, SECRET_TOKEN_HEX, h, sizeof h);
}
