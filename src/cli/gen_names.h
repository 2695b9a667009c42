/* Deterministic generation of realistic Chinese names for guatu gen. */
#ifndef GUATU_CLI_GEN_NAMES_H
#define GUATU_CLI_GEN_NAMES_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct gen_rng {
	uint64_t state;
};

/* splitmix64: fast, deterministic, good enough for test data. */
uint64_t gen_next(struct gen_rng *r);
const char *gen_city_name(int k);
const char *gen_unit_name(int u);
/* A company name like 长春宏达汽车零部件有限公司 and its GB/T 4754 class. */
void gen_company_name(struct gen_rng *r, int city, char *out, size_t cap, char industry[8]);

/* The progress bar on stderr: every 20,000 items and at the end. */
void gen_progress(const char *what, int64_t done, int64_t total, time_t t0);
/* A project name of category 0 industry, 1 infrastructure, 2 social,
 * 3 real estate, like 旭阳智能制造产业园（一期）项目 or 南湖片区雨污分流工程. */
void gen_project_name(struct gen_rng *r, int category, int unit, char *out, size_t cap);
/* A person's name such as 王建国. */
void gen_person_name(struct gen_rng *r, char *out, size_t cap);
/* A monthly report's progress note; a problem's title. Static text. */
const char *gen_progress_text(struct gen_rng *r);
const char *gen_problem_title(struct gen_rng *r);

#endif
