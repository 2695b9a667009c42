/* Passwords (argon2id), random tokens and token hashes, via libsodium. */
#ifndef GUATU_BASE_SECRET_H
#define GUATU_BASE_SECRET_H
#include <stdbool.h>
#include <stddef.h>

#define SECRET_HASH_MAX 128  /* room for an encoded argon2id hash */
#define SECRET_TOKEN_HEX 65  /* 32 random bytes as hex, plus NUL */

/* Must be called once before threads start; false if libsodium fails. */
bool secret_init(void);
/* argon2id with OWASP's parameters (t=2, m=19 MiB); false on failure. */
bool secret_hash_password(const char *pw, size_t len, char out[SECRET_HASH_MAX]);
bool secret_verify_password(const char *hash, const char *pw, size_t len);
/* Spends the time of one verification, so an unknown user answers as slowly
 * as a known one. */
void secret_burn_verify(const char *pw, size_t len);
/* 32 random bytes as 64 hex characters. */
void secret_random_hex(char out[SECRET_TOKEN_HEX]);
/* BLAKE2b-256 of s as hex (session ids and tokens are stored hashed). */
void secret_hash_token(const char *s, char out[SECRET_TOKEN_HEX]);

#endif
