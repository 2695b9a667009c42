#include "cli/gen_names.h"

#include <stdio.h>
#include <time.h>

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

/* ---- projects, in the style of the seed reports ---- */

static const char *const ind_what[] = { "汽车零部件产业园", "新能源汽车电池生产基地", "智能制造产业园",
	"消防装备生产基地扩建", "光电子产业园", "轨道客车配套产业园", "生物医药产业园", "农产品精深加工",
	"新材料产业园", "数字经济产业园", "冷链物流中心", "智能传感器产线", "研发中心", "技术改造",
	"装备制造基地", "食品加工园区", "现代物流园", "氢能装备产业园" };
static const char *const places[] = { "南湖", "伊通河", "北湖", "东部新城", "西部新城", "净月潭", "长东北",
	"空港", "兴隆", "红旗街", "桂林路", "卫星路", "人民大街", "临河街", "自由大路", "繁荣路" };
static const char *const infra_what[] = { "雨污分流工程", "道路改造工程", "供热管网改造项目",
	"污水处理厂提标改造项目", "城市综合管廊项目", "桥梁新建工程", "立体停车场建设项目",
	"供水管网改造项目", "智慧城市运营中心项目", "5G基站建设项目", "河道综合治理工程" };
static const char *const social_what[] = { "老旧小区改造项目", "第二实验学校新建项目",
	"社区卫生服务中心项目", "养老服务中心项目", "全民健身中心改造项目", "人才公寓项目",
	"商圈改造提升项目", "历史文化街区保护项目", "中心医院综合楼项目", "幼儿园新建项目" };
static const char *const estate_what[] = { "商业综合体项目", "住宅小区项目", "城市更新项目",
	"总部基地项目", "科创中心项目" };
static const char *const phases[] = { "", "", "", "（一期）", "（二期）", "三期" };

void gen_project_name(struct gen_rng *r, int category, int unit, char *out, size_t cap)
{
	uint64_t x = gen_next(r);
	const char *b = brand[x % N(brand)], *pl = places[(x >> 8) % N(places)];
	const char *ph = phases[(x >> 16) % N(phases)];
	switch (category) {
	case 0: /* industry: 旭阳智能制造产业园（一期）项目 */
		snprintf(out, cap, "%s%s%s项目", b, ind_what[(x >> 24) % N(ind_what)], ph);
		break;
	case 1: /* infrastructure: 南湖片区雨污分流工程 */
		snprintf(out, cap, "%s%s%s", (x >> 40) % 2 ? units[unit % (int)N(units)] : pl,
			 (x >> 41) % 2 ? "片区" : "", infra_what[(x >> 24) % N(infra_what)]);
		break;
	case 2: /* social: 永昌路老旧小区改造项目 */
		snprintf(out, cap, "%s%s", (x >> 40) % 2 ? units[unit % (int)N(units)] : pl,
			 social_what[(x >> 24) % N(social_what)]);
		break;
	default: /* real estate: 朝阳新城商业综合体项目 */
		snprintf(out, cap, "%s%s%s", b, pl, estate_what[(x >> 24) % N(estate_what)]);
	}
}

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
	"孙", "马", "于", "高", "郭", "徐", "朱", "曲", "姜", "董" };
static const char *const given[] = { "建国", "志强", "立新", "海波", "丽华", "红梅", "振宇", "晓东",
	"文博", "秀英", "国庆", "春雷", "长江", "雪松", "明", "军", "静", "勇", "磊", "欣" };

void gen_person_name(struct gen_rng *r, char *out, size_t cap)
{
	uint64_t x = gen_next(r);
	snprintf(out, cap, "%s%s", surnames[x % N(surnames)], given[(x >> 8) % N(given)]);
}

static const char *const progress_texts[] = { "完成土方开挖，基础施工中", "主体结构施工，完成约六成",
	"主体结构封顶，外墙施工中", "厂房钢结构吊装完成", "设备进场安装调试", "室内装修及配套工程施工",
	"管网铺设完成过半", "路基施工完成，正在摊铺沥青", "完成桩基施工", "设备试运行，准备竣工验收" };
static const char *const problem_titles[] = { "外供电线路迁改滞后", "用地规划条件待确认",
	"征收补偿未完成", "施工占道审批", "专项债资金拨付进度慢", "园区道路接驳", "供水供热配套未接入",
	"环评批复办理周期长", "施工许可材料需补正", "建设资金缺口", "地下管线迁移协调", "林地占用审批",
	"外籍技术人员工作许可办理", "设备进口关税减免政策咨询", "施工用电增容", "土地出让金分期缴纳" };

const char *gen_progress_text(struct gen_rng *r)
{
	return progress_texts[gen_next(r) % N(progress_texts)];
}

const char *gen_problem_title(struct gen_rng *r)
{
	return problem_titles[gen_next(r) % N(problem_titles)];
}

void gen_progress(const char *what, int64_t done, int64_t total, time_t t0)
{
	int64_t step = total >= 100 ? total / 100 : 1; /* a hundred updates */
	if (done != total && done % step)
		return;
	int width = 30, filled = (int)(width * done / (total ? total : 1));
	char bar[64];
	for (int i = 0; i < width; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\r%-12s [%s] %3d%% %lld/%lld %lds", what, bar,
		(int)(100 * done / (total ? total : 1)), (long long)done, (long long)total,
		(long)(time(NULL) - t0));
	if (done == total)
		fputc('\n', stderr);
}
