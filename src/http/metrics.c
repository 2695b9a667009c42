#include "http/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "base/version.h"

static const double bounds[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5 };
#define NB (sizeof bounds / sizeof bounds[0])

static atomic_ullong by_class[6]; /* 1xx..5xx, index by status/100 */
static atomic_ullong buckets[NB];
static atomic_ullong count;
static atomic_ullong micros_sum;
static time_t start_time;

void metrics_started(void)
{
	start_time = time(NULL);
}

void metrics_observe(int status, double seconds)
{
	int cls = status / 100;
	if (cls >= 1 && cls <= 5)
		atomic_fetch_add(&by_class[cls], 1);
	for (size_t i = 0; i < NB; i++)
		if (seconds <= bounds[i])
			atomic_fetch_add(&buckets[i], 1);
	atomic_fetch_add(&count, 1);
	atomic_fetch_add(&micros_sum, (unsigned long long)(seconds * 1e6));
}

static long rss_kb(void)
{
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void metrics_render(struct buf *b)
{
	buf_printf(b, "# HELP guatu_build_info Build information.\n# TYPE guatu_build_info gauge\n"
		      "guatu_build_info{version=\"%s\"} 1\n", GUATU_VERSION);
	buf_puts(b, "# HELP guatu_http_requests_total HTTP requests by status class.\n"
		    "# TYPE guatu_http_requests_total counter\n");
	for (int c = 1; c <= 5; c++)
		buf_printf(b, "guatu_http_requests_total{code=\"%dxx\"} %llu\n", c,
			   atomic_load(&by_class[c]));
	buf_puts(b, "# HELP guatu_http_request_duration_seconds Request latency.\n"
		    "# TYPE guatu_http_request_duration_seconds histogram\n");
	for (size_t i = 0; i < NB; i++)
		buf_printf(b, "guatu_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
			   bounds[i], atomic_load(&buckets[i]));
	unsigned long long n = atomic_load(&count);
	buf_printf(b, "guatu_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n", n);
	buf_printf(b, "guatu_http_request_duration_seconds_sum %.6f\n",
		   (double)atomic_load(&micros_sum) / 1e6);
	buf_printf(b, "guatu_http_request_duration_seconds_count %llu\n", n);
	buf_printf(b, "# HELP guatu_process_resident_bytes Resident memory.\n"
		      "# TYPE guatu_process_resident_bytes gauge\nguatu_process_resident_bytes %ld\n",
		   rss_kb() * 1024);
	buf_printf(b, "# HELP guatu_process_start_time_seconds Start time.\n"
		      "# TYPE guatu_process_start_time_seconds gauge\n"
		      "guatu_process_start_time_seconds %lld\n", (long long)start_time);
}
