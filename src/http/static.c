#include "http/static.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "http/assets.h"

static const struct web_asset *find_asset(const char *path)
{
	for (size_t i = 0; i < web_assets_count; i++)
		if (!strcmp(web_assets[i].path, path))
			return &web_assets[i];
	return NULL;
}

static const char *type_of(const char *path)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".html", "text/html; charset=utf-8" }, { ".js", "text/javascript; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" }, { ".svg", "image/svg+xml" },
		{ ".png", "image/png" }, { ".json", "application/json" },
		{ ".woff2", "font/woff2" }, { ".ico", "image/x-icon" },
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

static bool from_disk(const char *root, const char *path, struct static_file *out)
{
	if (strstr(path, "..") || strlen(root) + strlen(path) > 1000)
		return false;
	char full[2100];
	snprintf(full, sizeof full, "%s%s", root, path);
	FILE *f = fopen(full, "rb");
	if (!f)
		return false;
	char *data = NULL;
	long n = -1;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < (64L << 20) &&
	    fseek(f, 0, SEEK_SET) == 0) {
		data = xmalloc((size_t)n + 1);
		if (fread(data, 1, (size_t)n, f) != (size_t)n) {
			free(data);
			data = NULL;
		}
	}
	fclose(f);
	if (!data)
		return false;
	*out = (struct static_file){ data, (size_t)n, false, type_of(path), NULL, false, data };
	return true;
}

bool static_lookup(const char *web_root, const char *path, bool accept_gzip,
		   struct static_file *out)
{
	if (!strcmp(path, "/"))
		path = "/index.html";
	if (web_root && *web_root)
		return from_disk(web_root, path, out) || from_disk(web_root, "/index.html", out);
	const struct web_asset *a = find_asset(path);
	bool has_ext = strrchr(path, '.') > strrchr(path, '/');
	if (!a && has_ext)
		return false; /* a missing file is 404, a client route gets the app */
	if (!a)
		a = find_asset("/index.html");
	if (!a)
		return false;
	bool gz = accept_gzip && a->gz_len && a->gz_len < a->raw_len;
	*out = (struct static_file){
		.data = gz ? (const void *)a->gz : (const void *)a->raw,
		.len = gz ? a->gz_len : a->raw_len,
		.gzip = gz,
		.content_type = a->content_type,
		.etag = a->etag,
		.immutable = !strncmp(a->path, "/assets/", 8),
	};
	return true;
}
