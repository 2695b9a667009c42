#include "cli/gen_names.h"

#include <stdio.h>

uint64_t gen_next(struct gen_rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static const char *const cities[] = { "长春", "吉林", "四平", "辽源", "通化", "白山", "松原",
	"白城", "延边", "梅河口" };
static const char *const units[] = { "南关区", "宽城区", "朝阳区", "二道区", "绿园区", "双阳区",
	"九台区", "农安县", "经开区", "净月区", "高新区", "汽开区", "榆树市", "德惠市", "公主岭市",
	"新区", "中韩示范区" };
static const char *const brand[] = { "宏达", "金鼎", "华信", "恒远", "鑫源", "盛世", "永昌",
	"瑞丰", "天成", "博远", "中凯", "旭阳", "诺德", "北方", "凯洛德", "赛润", "东盛", "长兴",
	"和泰", "嘉禾", "同创", "新兴", "鼎泰", "汇通", "锦程", "众信", "荣华", "远航", "安达",
	"利民", "丰源", "润泽", "昊天", "一汽", "吉运", "华润", "宇通", "广源", "隆基", "达成" };
struct trade { const char *word, *industry; };
static const struct trade trades[] = {
	{ "汽车零部件", "C3670" }, { "消防装备", "C3663" }, { "智能科技", "I6513" },
	{ "电子科技", "C3982" }, { "电器", "C3851" }, { "商贸", "F5191" }, { "餐饮管理", "H6210" },
	{ "建筑工程", "E4790" }, { "物流", "G5990" }, { "房地产开发", "K7010" },
	{ "食品", "C1439" }, { "医药", "C2720" }, { "光电子", "C3976" }, { "轨道装备", "C3714" },
	{ "新材料", "C3021" }, { "文化传媒", "R8720" }, { "农业发展", "A0190" },
	{ "软件开发", "I6511" }, { "酒店管理", "H6110" }, { "人力资源", "L7262" },
};
static const char *const forms[] = { "有限公司", "有限责任公司", "股份有限公司", "集团有限公司" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

const char *gen_city_name(int k)
{
	return cities[k % (int)N(cities)];
}

const char *gen_unit_name(int u)
{
	return units[u % (int)N(units)];
}

void gen_company_name(struct gen_rng *r, int city, char *out, size_t cap, char industry[8])
{
	uint64_t x = gen_next(r);
	const struct trade *t = &trades[(x >> 8) % N(trades)];
	const char *b1 = brand[x % N(brand)], *b2 = brand[(x >> 16) % N(brand)];
	int two = (x >> 24) % 3 == 0 && b1 != b2; /* some names carry a two-part brand */
	snprintf(out, cap, "%s%s%s%s%s", cities[city % (int)N(cities)], b1, two ? b2 : "", t->word,
		 forms[(x >> 32) % N(forms)]);
	snprintf(industry, 8, "%s", t->industry);
}
