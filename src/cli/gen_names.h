/* Deterministic generation of realistic Chinese names for guatu gen. */
#ifndef GUATU_CLI_GEN_NAMES_H
#define GUATU_CLI_GEN_NAMES_H
#include <stddef.h>
#include <stdint.h>

struct gen_rng {
	uint64_t state;
};

/* splitmix64: fast, deterministic, good enough for test data. */
uint64_t gen_next(struct gen_rng *r);
const char *gen_city_name(int k);
const char *gen_unit_name(int u);
/* A company name like 长春宏达汽车零部件有限公司 and its GB/T 4754 class. */
void gen_company_name(struct gen_rng *r, int city, char *out, size_t cap, char industry[8]);

#endif
