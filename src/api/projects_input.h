/* Validated input of a project's registry fields (projects_input.c). */
#ifndef GUATU_API_PROJECTS_INPUT_H
#define GUATU_API_PROJECTS_INPUT_H
#include <jansson.h>

#include "api/api.h"
#include "domain/industry.h"
#include "store/projects.h"

struct project_input {
	struct project_fields f; /* strings borrowed from the body, the row or below */
	char code[64];
	char industry[INDUSTRY_CODE_MAX + 1];
	char tags[800];
};

/* Overlays the fields present in body b on in (dates and amounts checked). */
gcode projects_input_from_body(struct project_input *in, const json_t *b, struct gerror *e);
/* The current row's fields, for an edit. */
void projects_input_from_row(struct project_input *in, const json_t *p);
/* Checks and normalises in: region, code, category, kind, industry, plan
 * year, amounts, dates, tags (the body's array, or NULL to keep in->tags),
 * builder, leader, department. */
gcode projects_check_input(struct api_req *rq, struct project_input *in, const json_t *tags,
			   struct gerror *e);
/* An array of {name, user_id?, duty?}, or absent/null. */
gcode projects_check_members(const json_t *m, struct gerror *e);

#endif
