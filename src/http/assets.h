#ifndef GUATU_HTTP_ASSETS_H
#define GUATU_HTTP_ASSETS_H
#include <stddef.h>
struct web_asset { const char *path; const char *content_type; const unsigned char *raw; size_t raw_len; const unsigned char *gz; size_t gz_len; const char *etag; };
extern const struct web_asset web_assets[];
extern const size_t web_assets_count;
#endif
