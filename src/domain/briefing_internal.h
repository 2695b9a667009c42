/* What briefing.c and briefing_proj.c share: the composition under way. */
#ifndef GUATU_DOMAIN_BRIEFING_INTERNAL_H
#define GUATU_DOMAIN_BRIEFING_INTERNAL_H
#include "base/buf.h"
#include "domain/briefing.h"

struct brief_ctx {
	const struct brief_input *in;
	struct briefing *b;
	struct buf para;    /* the paragraph being written */
	const char *ind;      /* code of the indicator being written, or NULL */
	const char *ind_name; /* and its name (set with ind) */
};

/* Appends text to the paragraph. */
void brief_say(struct brief_ctx *c, const char *s);
/* Appends a number and records it with its sources (copied). */
void brief_num(struct brief_ctx *c, const char *kind, const char *text,
	       const struct brief_ref *refs, size_t n_refs);
/* Closes the paragraph as one of kind. */
void brief_end_para(struct brief_ctx *c, const char *kind);
/* The projects paragraph (briefing_proj.c). */
void brief_projects_para(struct brief_ctx *c);

#endif
