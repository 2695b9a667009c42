#include "domain/econ_stats.h"

#include <stdio.h>

#include "domain/proj_date.h"
#include "domain/proj_ratio.h"

bool econ_nominal_change_bp(int64_t value, int64_t last_year, int64_t *bp)
{
	if (last_year <= 0 || value < 0)
		return false;
	int64_t r;
	/* (value - last) / last = value / last - 1, without overflowing the difference. */
	if (!proj_muldiv_round(value, PROJ_BP_FULL, last_year, &r))
		return false;
	*bp = r - PROJ_BP_FULL;
	return true;
}

bool econ_growth_plausible(int64_t bp)
{
	return bp >= ECON_GROWTH_MIN_BP && bp <= ECON_GROWTH_MAX_BP;
}

enum econ_unit_check econ_unit_check(int64_t value, int64_t reference)
{
	if (value <= 0 || reference <= 0)
		return EUNITCHK_OK;
	if (value / ECON_UNIT_SUSPECT_FACTOR >= reference)
		return EUNITCHK_TOO_LARGE;
	if (reference / ECON_UNIT_SUSPECT_FACTOR >= value)
		return EUNITCHK_TOO_SMALL;
	return EUNITCHK_OK;
}

bool econ_share_bp(int64_t part, int64_t total, int64_t *bp)
{
	if (total <= 0)
		return false;
	return proj_ratio_bp(part, total, bp);
}

void econ_rank_desc(const int64_t *v, const bool *present, size_t n, int *rank)
{
	for (size_t i = 0; i < n; i++) {
		rank[i] = 0;
		if (present && !present[i])
			continue;
		int above = 0;
		for (size_t j = 0; j < n; j++)
			if ((!present || present[j]) && v[j] > v[i])
				above++;
		rank[i] = above + 1;
	}
}

int econ_rank_change(int before, int now)
{
	if (before <= 0 || now <= 0)
		return 0;
	return before - now;
}

bool econ_structure_of(const int64_t part[3], struct econ_structure *out)
{
	int64_t p[3], sum = 0;
	for (int i = 0; i < 3; i++) {
		if (part[i] < 0 || part[i] > INT64_MAX - sum)
			return false;
		sum += part[i];
		p[i] = part[i];
	}
	if (sum == 0)
		return false;
	for (int i = 0; i < 3; i++)
		if (!proj_ratio_bp(part[i], sum, &out->bp[i]))
			return false;
	/* Per mille needs part * 1000 in int64: scale huge sums down first (the
	 * shares move by less than 10^-12). */
	while (sum > INT64_MAX / 1000) {
		sum = 0;
		for (int i = 0; i < 3; i++) {
			p[i] /= 1000;
			sum += p[i];
		}
	}
	if (sum == 0)
		return false;
	/* Largest remainder: floor each, hand the missing units to the largest
	 * remainders (the earlier industry on a tie). */
	int64_t rem[3];
	int given = 0;
	for (int i = 0; i < 3; i++) {
		out->pm[i] = (int)(p[i] * 1000 / sum);
		rem[i] = p[i] * 1000 % sum;
		given += out->pm[i];
	}
	for (; given < 1000; given++) {
		int best = 0;
		for (int i = 1; i < 3; i++)
			if (rem[i] > rem[best])
				best = i;
		out->pm[best]++;
		rem[best] = -1;
	}
	return true;
}

size_t econ_structure_format(const struct econ_structure *s, char *out, size_t cap)
{
	int n = snprintf(out, cap, "%d.%d:%d.%d:%d.%d", s->pm[0] / 10, s->pm[0] % 10,
			 s->pm[1] / 10, s->pm[1] % 10, s->pm[2] / 10, s->pm[2] % 10);
	return n < 0 ? 0 : (size_t)n;
}

void econ_structure_change(const struct econ_structure *before, const struct econ_structure *now,
			   int64_t change_bp[3])
{
	for (int i = 0; i < 3; i++)
		change_bp[i] = now->bp[i] - before->bp[i];
}

/* Half a point either way counts as on pace. */
#define ON_PACE_BP 50

bool econ_pace_of(int64_t value, int64_t target, int month, struct econ_pace *out)
{
	if (month < 1 || month > 12)
		return false;
	*out = (struct econ_pace){ 0 };
	out->elapsed_bp = proj_pace_month_bp(month);
	out->remaining_months = 12 - month;
	if (!proj_muldiv_round(value, 1, month, &out->per_month_so_far))
		return false;
	out->status = EPACE_NO_TARGET;
	if (target <= 0)
		return true;
	if (!proj_ratio_bp(value, target, &out->done_bp))
		return false;
	out->gap_bp = out->done_bp - out->elapsed_bp;
	out->remaining = value >= target ? 0 : target - value;
	if (out->remaining > 0 && out->remaining_months > 0)
		out->per_month_needed = out->remaining / out->remaining_months +
					(out->remaining % out->remaining_months != 0);
	if (out->remaining == 0)
		out->status = EPACE_DONE;
	else if (out->gap_bp > ON_PACE_BP)
		out->status = EPACE_AHEAD;
	else if (out->gap_bp < -ON_PACE_BP)
		out->status = EPACE_BEHIND;
	else
		out->status = EPACE_ON_PACE;
	return true;
}

bool econ_target_from_growth(int64_t last_year_total, int64_t growth_bp, int64_t *amount)
{
	if (last_year_total <= 0 || growth_bp <= -PROJ_BP_FULL)
		return false;
	return proj_muldiv_round(last_year_total, PROJ_BP_FULL + growth_bp, PROJ_BP_FULL, amount);
}

static const char *const pace_codes[EPACE__COUNT] = { "no_target", "ahead", "on_pace", "behind",
						      "done" };

const char *econ_pace_status_code(enum econ_pace_status s)
{
	return (unsigned)s < EPACE__COUNT ? pace_codes[s] : "";
}
