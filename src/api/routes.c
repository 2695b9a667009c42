/* The one route table. docs/api.md documents every entry; a test fails
 * when a route here is missing from it. */
#include "api/handlers.h"

const struct api_route api_routes[] = {
	{ "POST", "/api/v1/session", h_session_create, ROUTE_PUBLIC, "log in" },
	{ "DELETE", "/api/v1/session", h_session_delete, ROUTE_ANY_PW, "log out" },
	{ "GET", "/api/v1/me", h_me, ROUTE_ANY_PW, "the current user and CSRF token" },
	{ "POST", "/api/v1/me/password", h_me_password, ROUTE_ANY_PW, "change own password" },
	{ "GET", "/api/v1/roles", h_roles, 0, "the roles" },
	{ "GET", "/api/v1/regions", h_regions_list, 0, "list regions" },
	{ "POST", "/api/v1/regions", h_regions_create, 0, "add a region" },
	{ "GET", "/api/v1/regions/{code}", h_regions_get, 0, "one region" },
	{ "PATCH", "/api/v1/regions/{code}", h_regions_update, 0, "rename a region" },
	{ "GET", "/api/v1/departments", h_departments_list, 0, "list departments" },
	{ "POST", "/api/v1/departments", h_departments_create, 0, "add a department" },
	{ "GET", "/api/v1/departments/{id}", h_departments_get, 0, "one department" },
	{ "PATCH", "/api/v1/departments/{id}", h_departments_update, 0, "rename a department" },
	{ "GET", "/api/v1/users", h_users_list, 0, "list users" },
	{ "POST", "/api/v1/users", h_users_create, 0, "add a user" },
	{ "GET", "/api/v1/users/{id}", h_users_get, 0, "one user" },
	{ "PATCH", "/api/v1/users/{id}", h_users_update, 0, "edit a user" },
	{ "POST", "/api/v1/users/{id}/unlock", h_users_unlock, 0, "unlock a user" },
	{ "POST", "/api/v1/users/{id}/password", h_users_password, 0, "reset a password" },
	{ "GET", "/api/v1/enterprises", h_enterprises_list, 0, "search enterprises" },
	{ "POST", "/api/v1/enterprises", h_enterprises_create, 0, "register an enterprise" },
	{ "GET", "/api/v1/enterprises/{id}", h_enterprises_get, 0, "one enterprise" },
	{ "PATCH", "/api/v1/enterprises/{id}", h_enterprises_update, 0, "edit an enterprise" },
	{ "GET", "/api/v1/tokens", h_tokens_list, 0, "own API tokens" },
	{ "POST", "/api/v1/tokens", h_tokens_create, 0, "create an API token" },
	{ "DELETE", "/api/v1/tokens/{id}", h_tokens_delete, 0, "revoke an API token" },
	{ "GET", "/api/v1/audit", h_audit_list, 0, "search the audit log" },
	{ 0 },
};
