/* The response serialiser writes exactly what json_dumps(JSON_COMPACT)
 * writes: escapes, Chinese text, numbers, nesting, key order; and refuses
 * nesting deeper than its limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/json_out.h"

static void same_as_jansson(json_t *v)
{
	char *want = json_dumps(v, JSON_COMPACT);
	size_t n = 0;
	char *got = json_out_compact(v, &n);
	assert_non_null(want);
	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
	free(want);
	free(got);
	json_decref(v);
}

static void scalars_and_escapes(void **state)
{
	(void)state;
	same_as_jansson(json_pack("{s:s,s:s,s:s,s:s}", "plain", "abc", "zh", "长春市朝阳区消防装备有限公司",
				  "escapes", "q\"b\\s/\b\f\n\r\t", "ctl", "\x01\x1f\x7f"));
	same_as_jansson(json_pack("[i,I,I,b,b,n,s]", 0, (json_int_t)-42,
				  (json_int_t)9007199254740993LL, 1, 0, ""));
	same_as_jansson(json_pack("[f,f,f,f,f,f,f,f]", 1.0, 0.1, -2.5e-12, 123456789012345678.0, 3.0e300,
				  2e-5, 1e21, -0.0));
	same_as_jansson(json_pack("{s:s}", "emoji\xF0\x9F\x98\x80", "U+2028 \xE2\x80\xA8 stays"));
}

static void nesting_and_order(void **state)
{
	(void)state;
	json_t *o = json_object();
	json_object_set_new(o, "z", json_integer(1)); /* insertion order, not sorted */
	json_object_set_new(o, "a", json_pack("{s:[],s:{},s:[{s:[i,[i]]}]}", "e", "f", "g", "h", 1, 2));
	json_object_set_new(o, "中文键", json_string("值"));
	same_as_jansson(o);
	same_as_jansson(json_array());
	same_as_jansson(json_object());
}

static void too_deep_is_refused(void **state)
{
	(void)state;
	json_t *v = json_array();
	for (int i = 0; i < 100; i++)
		v = json_pack("[o]", v);
	size_t n;
	assert_null(json_out_compact(v, &n));
	json_decref(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scalars_and_escapes),
		cmocka_unit_test(nesting_and_order),
		cmocka_unit_test(too_deep_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
