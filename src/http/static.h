/* The web UI: embedded assets (gzip-precompressed, ETag) or, for
 * development, files from --web-root. */
#ifndef GUATU_HTTP_STATIC_H
#define GUATU_HTTP_STATIC_H
#include <stdbool.h>
#include <stddef.h>

struct static_file {
	const void *data;
	size_t len;
	bool gzip;
	const char *content_type;
	const char *etag;
	bool immutable;  /* hashed asset name: cache for a year */
	void *owned;     /* non-NULL when read from disk: free after sending */
};

/* Finds path (falling back to /index.html for client-side routes).
 * accept_gzip selects the compressed variant. false when nothing fits. */
bool static_lookup(const char *web_root, const char *path, bool accept_gzip,
		   struct static_file *out);

#endif
