/* What the projects import templates hold: each column's header (and the
 * other headers district sheets use for it), whether it is required, its
 * format, an example and a note for the template's 说明 sheet. */
#include "api/projects_import_cols.h"

static const char *const categories[] = { "产业项目", "基础设施", "社会民生", "房地产", NULL };
static const char *const kinds[] = { "新建", "续建", NULL };
static const char *const stages[] = { "谋划", "储备", "签约", "落位", "前期手续", "开工", "在建",
				      "竣工", "投产", "入库入统", NULL };
static const char *const yes_no[] = { "是", "否", NULL };

#define DATE_NOTE "如 2024-03-01、2024年3月1日、2024/3/1、2024.3.1 或Excel日期 (any of these date forms)"
#define WAN_NOTE "万元；也可写 1.2亿元、5000万元 (in 万元, or with a unit)"

const struct sheet_col project_import_cols[PC__COUNT] = {
	[PC_CODE] = { "code", { "项目代码", "投资项目代码", "项目统一代码", "项目编码" }, false,
		      SHEET_FMT_TEXT, 0, "2401-220104-04-01-100001",
		      "24位投资项目代码；已登记的代码按本行更新该项目 (24 characters; a registered code updates that project)", NULL },
	[PC_NAME] = { "name", { "项目名称", "名称" }, true, SHEET_FMT_TEXT, 0,
		      "示例：长春中凯消防车生产基地项目",
		      "必填，至多100字；无项目代码时按名称匹配已登记项目 (required; without a code the name matches a registered project)", NULL },
	[PC_REGION] = { "region", { "所属区划", "区划代码", "所属区县", "县（市、区）", "建设区域" },
			false, SHEET_FMT_TEXT, 0, "220104",
			"区县代码或名称；区县账号可不填 (district code or name; a district user may leave it empty)", NULL },
	[PC_CATEGORY] = { "category", { "项目类别", "项目类型", "类别" }, true, SHEET_FMT_TEXT, 0,
			  "产业项目", "产业项目、基础设施、社会民生或房地产", categories },
	[PC_INDUSTRY] = { "industry", { "国民经济行业分类", "行业代码", "所属行业" }, false,
			  SHEET_FMT_TEXT, 0, "C3663", "GB/T 4754-2017，如 C3663 或 3663", NULL },
	[PC_KIND] = { "kind", { "建设性质", "新建/续建", "新建续建" }, false, SHEET_FMT_TEXT, 0,
		      "新建", "新建或续建，默认新建 (new or continuing)", kinds },
	[PC_TOTAL] = { "total_investment", { "总投资（万元）", "总投资", "计划总投资", "项目总投资",
					     "计划投资/总投资" },
		       false, SHEET_FMT_WAN, 0, "50000", WAN_NOTE, NULL },
	[PC_ANNUAL] = { "annual_plan", { "年度计划投资（万元）", "年度计划投资", "年度计划",
					 "本年计划投资", "计划投资/年度计划", "年度投资计划" },
			false, SHEET_FMT_WAN, 0, "12000", WAN_NOTE "；不超过总投资", NULL },
	[PC_YEAR] = { "plan_year", { "计划年度", "年度" }, false, SHEET_FMT_INT, 0, "2024",
		      "默认今年 (default: this year)", NULL },
	[PC_BUILDER] = { "builder_id", { "建设单位", "项目单位", "建设主体", "业主单位" }, false,
			 SHEET_FMT_TEXT, 0, "长春中凯消防车有限公司",
			 "企业名录中的企业名称或统一社会信用代码 (name or credit code of a registered enterprise)", NULL },
	[PC_LOCATION] = { "location", { "建设地点", "项目地点", "地址" }, false, SHEET_FMT_TEXT, 0,
			  "朝阳经济开发区", "至多200字", NULL },
	[PC_LEADER] = { "leader_id", { "包保领导", "包保县级领导", "包保市级领导" }, false,
			SHEET_FMT_TEXT, 0, "", "领导账号的姓名或用户名 (a leader's name or username)", NULL },
	[PC_DEPT] = { "department_id", { "责任单位", "牵头单位", "责任部门" }, false,
		      SHEET_FMT_TEXT, 0, "发展和改革局", "所属区县的部门名称 (a department of the district)", NULL },
	[PC_STAGE] = { "stage", { "项目阶段", "当前阶段", "进展阶段" }, false, SHEET_FMT_TEXT, 0,
		       "前期手续", "新项目登记时的阶段，默认谋划；已登记项目的阶段不在此变更", stages },
	[PC_STAGE_DATE] = { "stage_date", { "阶段日期" }, false, SHEET_FMT_DATE, 0, "", DATE_NOTE, NULL },
	[PC_PSTART] = { "planned_start", { "计划开工日期", "计划开工时间", "计划开工" }, false,
			SHEET_FMT_DATE, 0, "2024-04-01", DATE_NOTE, NULL },
	[PC_ASTART] = { "actual_start", { "实际开工日期", "实际开工时间", "开工时间" }, false,
			SHEET_FMT_DATE, 0, "", DATE_NOTE "；开工及以后阶段必填", NULL },
	[PC_PFINISH] = { "planned_finish", { "计划竣工日期", "计划竣工时间", "计划竣工" }, false,
			 SHEET_FMT_DATE, 0, "2025-10-31", DATE_NOTE, NULL },
	[PC_AFINISH] = { "actual_finish", { "实际竣工日期", "实际竣工时间", "竣工时间" }, false,
			 SHEET_FMT_DATE, 0, "", DATE_NOTE "；竣工及以后阶段必填", NULL },
	[PC_STATS] = { "stats_date", { "入库日期", "入统日期", "入库时间" }, false, SHEET_FMT_DATE, 0,
		       "", DATE_NOTE, NULL },
	[PC_TAGS] = { "tags", { "标签", "项目标签" }, false, SHEET_FMT_TEXT, 0, "省重点、招商引资",
		      "用顿号或逗号分隔，至多10个 (separated by 、 or commas)", NULL },
	[PC_BOND] = { "special_bond", { "专项债", "是否专项债", "专项债项目" }, false,
		      SHEET_FMT_BOOL, 0, "否", "是或否", yes_no },
};

const struct sheet_schema project_import_sheet = { "重点项目", project_import_cols, PC__COUNT, 2,
						   false };

static const struct sheet_col report_cols[RC__COUNT] = {
	[RC_CODE] = { "code", { "项目代码", "投资项目代码", "项目编码" }, false, SHEET_FMT_TEXT, 0,
		      "2401-220104-04-01-100001", "项目代码或项目名称至少填一项 (the code or the name)", NULL },
	[RC_NAME] = { "name", { "项目名称", "名称" }, false, SHEET_FMT_TEXT, 0,
		      "示例：长春中凯消防车生产基地项目", "无项目代码时按名称查找 (used when there is no code)", NULL },
	[RC_MONTH] = { "month", { "月份", "填报月份", "报告月份", "年月" }, true, SHEET_FMT_TEXT, 0,
		       "2024年3月", "如 2024年3月、2024-03、202403 (the report month)", NULL },
	[RC_INVEST_MONTH] = { "invest_month", { "本月完成投资（万元）", "本月完成投资",
						"当月完成投资", "完成投资/本月" },
			      true, SHEET_FMT_WAN, 0, "1200", WAN_NOTE, NULL },
	[RC_INVEST_YTD] = { "invest_ytd", { "本年累计完成投资（万元）", "本年累计完成投资",
					    "累计完成投资", "完成投资/本年累计" },
			    false, SHEET_FMT_WAN, 0, "3600",
			    WAN_NOTE "；不填则为上月累计加本月 (empty: last month's plus this month's)", NULL },
	[RC_PROGRESS] = { "progress_text", { "形象进度", "工程形象进度", "进展情况" }, false,
			  SHEET_FMT_TEXT, 0, "主体结构施工至三层", "至多2000字", NULL },
	[RC_NOTE] = { "ytd_note", { "累计回落说明", "说明", "备注" }, false, SHEET_FMT_TEXT, 0, "",
		      "本年累计低于上月时必填 (required when the year-to-date is below last month's)", NULL },
};

const struct sheet_schema report_import_sheet = { "项目月报", report_cols, RC__COUNT, 2, false };
