/* Authentication: sessions (cookie + CSRF), bearer tokens, logins. */
#ifndef GUATU_API_AUTH_H
#define GUATU_API_AUTH_H
#include "api/api.h"

#define AUTH_COOKIE "guatu_session"

/* Resolves the caller from a bearer token or the session cookie; 401 when
 * neither is valid (or the session has been idle too long). */
gcode auth_authenticate(struct api_req *rq, struct api_resp *rs, struct gerror *e);
bool auth_must_change(const struct api_req *rq);

#endif
