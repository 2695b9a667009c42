// The six business modules (see the domain guide). Each page is an empty
// state for now that says what will be there.
export const MODULES = [
  {
    key: 'projects',
    color: '#1f4e8c',
    zh: {
      title: '项目建设',
      tag: '项目攻坚年 · 挂图作战',
      text: '重点项目库：项目代码、类别、行业、总投资与年度计划投资、建设单位、包保领导、责任部门和专班；从谋划、储备、签约、落位、前期手续、开工、在建、竣工到投产达效、入库入统的全周期记录；倒排工期的节点计划与红黄绿灯；月度调度、问题清单“交办—办理—反馈—销号”闭环；开工率、开复工率、投资完成率和入统率；全部项目一张作战图。',
      points: ['项目库与全生命周期', '前期手续与倒排工期', '月度调度与问题清单', '开复工率、入统率与作战图'],
    },
    en: {
      title: 'Major projects',
      tag: 'Year of project breakthroughs · wall-chart command',
      text: 'A registry of key projects with their national project code, category, industry, total and annual planned investment, builder, leader in charge, responsible department and task force; the full lifecycle from planning, reserve, signing and siting through pre-construction procedures, start, construction and completion to production and statistical registration; milestones planned backwards from deadlines with red/yellow/green lights; monthly reports and a problem list closed in a loop; start, completion, investment and registration rates; every project on one battle map.',
      points: ['Project registry and lifecycle', 'Procedures and backward-planned milestones', 'Monthly reports and problem lists', 'Rates and the battle map'],
    },
  },
  {
    key: 'investment',
    color: '#b8741a',
    zh: {
      title: '招商引资',
      tag: '三个超百',
      text: '招商资源（土地、标准厂房、楼宇）台账；招商线索的来源渠道、行业、预计投资、责任干部和包保领导；外出招商、来访考察和推介活动；“接洽—洽谈—合作意向—签约—落位—开工”全流程管理，落位项目直接转入项目库；投资强度、亩均税收等门槛；到位资金按月统计；部门全员招商任务与签约率、落地率、开工率。',
      points: ['招商资源与线索', '招商活动', '签约落位全流程', '到位资金与任务考核'],
    },
    en: {
      title: 'Investment promotion',
      tag: 'The "three over a hundred" goal',
      text: 'A ledger of investment resources (land, standard factories, office buildings); leads with their channel, industry, estimated investment, responsible cadre and leader; trips, visits and promotion events; the pipeline from first contact through negotiation, signing and siting to construction start, where a sited lead becomes a project record; thresholds such as investment intensity and tax per mu; funds in place by month; department quotas and signing, landing and start rates.',
      points: ['Resources and leads', 'Promotion activities', 'Pipeline from contact to start', 'Funds in place and quotas'],
    },
  },
  {
    key: 'service',
    color: '#2e7d5b',
    zh: {
      title: '营商环境',
      tag: '万人助万企',
      text: '每户企业都有包保干部，走访记录在案；企业诉求按融资、用工、用地、审批、政策等分类，“受理—交办—办理—答复—评价—办结”全程留痕并按工作日时限督办，企业可随时查看办理进度；一次一评的服务评价与部门得分；个转企、小升规、分转子梯次培育，临近规上标准的企业名单和月度入库跟踪。',
      points: ['包保走访', '企业诉求闭环办理', '服务评价', '梯次培育与应统尽统'],
    },
    en: {
      title: 'Enterprise service',
      tag: 'Ten thousand officials help ten thousand firms',
      text: 'Every enterprise has a service cadre and visits are logged; appeals about finance, labour, land, approvals or policy go through acceptance, assignment, handling, reply, rating and closing with working-day time limits, and the enterprise sees their progress; service ratings and department scores; cultivation from individual businesses to firms and from small to above-scale, with candidates near the line and monthly registration tracking.',
      points: ['Cadres and visits', 'Appeals handled in a closed loop', 'Service ratings', 'Cultivation and statistical coverage'],
    },
  },
  {
    key: 'policies',
    color: '#8a3fa0',
    zh: {
      title: '惠企政策',
      tag: '免申即享 · 直达快享',
      text: '惠企政策目录，以企业属性和指标表达申报条件；系统自动找出符合条件的企业，做到免申即享、直达快享，让企业不再“找不到、看不懂、不会报”；奖补兑现经审核、审批、拨付全流程，按政策和年度形成台账，杜绝重复兑现。',
      points: ['政策目录与条件', '自动匹配符合条件企业', '兑现审核与拨付', '兑现台账'],
    },
    en: {
      title: 'Policies & rewards',
      tag: 'Benefits without application',
      text: 'A catalog of support policies whose eligibility is written over enterprise attributes and indicators; eligible enterprises are found automatically, so firms no longer have to find, understand and apply for each policy; payouts go through review, approval and payment, with a ledger by policy and year that prevents paying twice.',
      points: ['Policy catalog and rules', 'Automatic matching', 'Review, approval and payment', 'Payout ledger'],
    },
  },
  {
    key: 'economy',
    color: '#c0392b',
    zh: {
      title: '经济运行',
      tag: '时间过半、任务过半',
      text: '地区生产总值、规上工业、固定资产投资、社会消费品零售总额、一般公共预算收入、到位资金、新增市场主体等指标，按累计值和公布的可比价增速同时保存；年度目标、序时进度与差距分析；在全市各区中的占比与位次，三次产业结构及其变化；依据数据自动起草月度经济运行简报。',
      points: ['主要经济指标', '目标与序时进度', '占比、位次与结构', '月度简报'],
    },
    en: {
      title: 'Economic operation',
      tag: 'Half the year, half the task',
      text: 'Indicators such as GDP, above-scale industry, fixed-asset investment, retail sales of consumer goods, general budget revenue, funds in place and new market entities, keeping both the cumulative value and the officially reported growth at comparable prices; annual targets, pro-rata pacing and the gap to target; shares and ranks among districts and the structure of the three sectors; a monthly briefing drafted from the data.',
      points: ['Key indicators', 'Targets and pacing', 'Shares, ranks and structure', 'Monthly briefing'],
    },
  },
  {
    key: 'supervision',
    color: '#5b6b7f',
    zh: {
      title: '督查督办',
      tag: '三色督办',
      text: '年度重点工作、会议决定、重大项目和领导批示分解为任务清单，明确牵头单位、责任单位、包保领导、完成时限和节点；“立项交办—跟踪督查—临近提醒—办结报告—到期催办—情况通报—结果考评—销号”闭环管理；蓝、黄、红三色督办单逐级升级；定期进展报告与佐证材料，部门得分和排名。',
      points: ['任务分解与责任', '闭环督办', '三色督办单', '考评与排名'],
    },
    en: {
      title: 'Task supervision',
      tag: 'Three-colour supervision notices',
      text: 'Annual key work, meeting decisions, major projects and leaders\' instructions decomposed into task lists with a lead unit, responsible units, a leader, deadlines and milestones; a closed loop from assignment through tracking, reminders, completion reports, overdue chasing, circulars and evaluation to closing; blue, yellow and red notices that escalate; periodic progress reports with evidence, and department scores and ranks.',
      points: ['Task decomposition and owners', 'Closed-loop supervision', 'Three-colour notices', 'Scores and ranking'],
    },
  },
]
