/**
 * Jining (济宁市). Seed 004: annex 2 of Jining's provider selection, the evaluation
 * standard for digital service providers of its SME digital-transformation pilot: 12
 * indicators, management, and tracking evaluation with rectification, disqualification
 * and appeals. Provider categories are the province's (seed 001), inherited.
 *
 * The selection notice itself (its dates) is not among the seeds, so the selection is
 * configured without a window until it is.
 */
import type { EvidenceKind, TenantFile } from '@sme/core';

const pdf = { contentTypes: ['application/pdf'], maxBytes: 20 * 1024 * 1024 };

const clause = (id: string, source: string, zh: string, en: string) => ({ id, zh, en, source });

const PLATFORM_THRESHOLD = '004 §一 (Platform reading: the notice sets no score for a grade)';
const PLATFORM_WINDOW = '004 §二(二) (Platform reading: the notice sets no comment window)';

/**
 * The evidence each indicator shows beside its score, counted from the year's cases.
 * 004 links none: a platform reading. Indicators not listed show none.
 */
const indicatorEvidence: Record<string, EvidenceKind[]> = {
  'business-capability': ['engagements'],
  matchmaking: ['engagements'],
  'transformation-service': ['engagements'],
  'one-file-per-firm': ['engagements'],
  'progress-reporting': ['complaints'],
  'internal-acceptance': ['engagements'],
  'assessment-acceptance': ['engagements', 'rectifications'],
  'service-quality': ['ratings', 'complaints'],
  'after-sales': ['ratings'],
  cooperation: ['rectifications'],
};

/** The 12 indicators of 004 §一, in order: (source row, id, indicator, requirement). */
const indicators = [
  [
    '1',
    'business-capability',
    '经营能力',
    'Business capability',
    '具有在济宁市内开展业务的条件和能力，熟悉济宁市中小企业数字化转型需求，且愿意遵循“企业出一点、服务商让一点、政府补一点”的原则，以优惠价格向试点企业提供优质数字化产品和服务',
    'Able to work in Jining and knows its SMEs; offers pilot firms good products at preferential prices on the shared-cost principle',
  ],
  [
    '2',
    'policy-outreach',
    '政策宣贯',
    'Policy outreach',
    '开展数字化转型方面的培训咨询活动，并向试点企业宣传数字化转型的最新政策、技术和成功案例',
    'Training and consulting; tells pilot firms about policies, technology and cases',
  ],
  [
    '3',
    'matchmaking',
    '供需对接',
    'Supply-demand matchmaking',
    '积极参加济宁市工信局召开的各类供需对接会，主动与试点企业对接，提出贴合实际需求的服务方案，明确服务目标、内容、流程及交付成果',
    'Joins matchmaking events, approaches pilot firms, proposes concrete service plans',
  ],
  [
    '4',
    'transformation-service',
    '数字化转型服务',
    'Transformation service',
    '根据双方签订的数字化转型服务合同，对试点企业实施数字化转型，提供软件、云服务以及必要的数据采集传输设备',
    'Delivers the contracted transformation with software, cloud and data-collection equipment',
  ],
  [
    '5',
    'one-file-per-firm',
    '数字化转型服务',
    'Transformation service',
    '在项目实施过程中，通过深度调研整合生产流程、供应链数据等信息，配合形成“一企一档”',
    'Helps build one file per enterprise from in-depth surveys',
  ],
  [
    '6',
    'progress-reporting',
    '数字化转型服务',
    'Transformation service',
    '定期向试点企业汇报项目进展情况，接受企业监督，及时沟通解决问题',
    'Reports progress regularly, accepts supervision, resolves problems promptly',
  ],
  [
    '7',
    'internal-acceptance',
    '项目内部验收与评价',
    'Internal acceptance',
    '项目完成后，服务商与试点企业共同组织项目内部验收，规范整理并归档项目实施文档及内部验收文档',
    'Joint internal acceptance; archives implementation and acceptance documents',
  ],
  [
    '8',
    'assessment-acceptance',
    '评测验收',
    'Assessment and acceptance',
    '配合试点企业按照《中小企业数字化转型试点城市试点企业数字化水平评测指南（2024 年版）》开展数字化水平评测、项目验收等工作',
    'Cooperates with the digital-level assessment (2024 guide) and project acceptance',
  ],
  [
    '9',
    'information-security',
    '服务商信息安全管理',
    'Information security',
    '收集数据遵循最小必要原则，经授权后进行，存储加密并设访问权限，按约定用途使用，数据共享须书面同意，结束服务及时安全销毁；构建纵深防护体系；签订保密协议；开展安全培训；依最小授权原则分配权限',
    'Minimal, authorised data collection; encrypted storage with access control; agreed use only; written consent to share; secure deletion; defence in depth; confidentiality agreements; training; least privilege',
  ],
  [
    '10',
    'service-quality',
    '服务质量要求',
    'Service quality',
    '建立完善的质量管控体系，确保服务按时、按质完成；开放数据接口，提升互操作和兼容适配能力，防范生态壁垒和数据孤岛',
    'Quality control, on time and to standard; open data interfaces and interoperability',
  ],
  [
    '11',
    'after-sales',
    '售后服务',
    'After-sales service',
    '为企业提供操作指导和进阶培训，系统迭代升级保障平稳，试点实施期结束后提供持续运维服务',
    'Guidance and training, smooth upgrades, continued operations after the pilot',
  ],
  [
    '12',
    'cooperation',
    '其他',
    'Other',
    '积极协助、配合相关职能部门的监督审计等工作',
    'Cooperates with supervision and audits',
  ],
] as const;

export default {
  id: 'jining',
  kind: 'city',
  parent: 'shandong',
  name: { zh: '济宁市', en: 'Jining' },
  timeZone: 'Asia/Shanghai',
  authority: {
    zh: '济宁市工业和信息化局',
    en: 'Jining Bureau of Industry and Information Technology',
  },
  regions: (
    [
      ['rencheng', '任城区', 'Rencheng District'],
      ['yanzhou', '兖州区', 'Yanzhou District'],
      ['qufu', '曲阜市', 'Qufu'],
      ['zoucheng', '邹城市', 'Zoucheng'],
      ['weishan', '微山县', 'Weishan County'],
      ['yutai', '鱼台县', 'Yutai County'],
      ['jinxiang', '金乡县', 'Jinxiang County'],
      ['jiaxiang', '嘉祥县', 'Jiaxiang County'],
      ['wenshang', '汶上县', 'Wenshang County'],
      ['sishui', '泗水县', 'Sishui County'],
      ['liangshan', '梁山县', 'Liangshan County'],
    ] as const
  ).map(([id, zh, en]) => ({ id, name: { zh, en }, kind: 'district' as const })),

  programs: [
    {
      id: 'dx-providers',
      kind: 'provider-selection',
      title: {
        zh: '济宁市中小企业数字化转型试点城市数字化服务商遴选',
        en: 'Jining SME digital-transformation pilot: provider selection',
      },
      applicant: 'provider',
      source: '004',
      window: { kind: 'unscheduled', source: '004 §二(三)（遴选通知不在种子文件中）' },
      categories: [
        'digital-assessment',
        'digital-consulting',
        'digital-operations',
        'digital-rnd',
        'digital-production',
        'digital-infrastructure',
        'digital-equipment',
        'digital-technology',
        'digital-comprehensive',
        'digital-brand-design',
      ],
      conditions: [
        clause(
          'business-capability',
          '004 §一1',
          `经营能力：${indicators[0][4]}`,
          indicators[0][5],
        ),
      ],
      fields: [
        {
          id: 'serviceOffer',
          type: 'textarea',
          required: true,
          label: {
            zh: '面向试点企业的服务方案及优惠措施',
            en: 'Service plan and preferential terms for pilot firms',
          },
          max: 5000,
          source: '004 §一1、3',
        },
        {
          id: 'dataSecurityMeasures',
          type: 'textarea',
          required: true,
          label: { zh: '信息安全管理措施', en: 'Information security measures' },
          max: 3000,
          source: '004 §一9',
        },
      ],
      documents: [
        {
          kind: 'application-form',
          required: true,
          label: { zh: '服务商申报材料', en: 'Provider application' },
          ...pdf,
          source: '004 §二(三)',
        },
        {
          kind: 'confidentiality-undertaking',
          required: true,
          label: { zh: '保密承诺', en: 'Confidentiality undertaking' },
          ...pdf,
          source: '004 §一9',
        },
      ],
      rules: [
        {
          id: 'not-banned',
          kind: 'named',
          rule: 'not-banned',
          message: { zh: '该单位处于申报禁入期', en: 'The organization is barred from applying' },
          source: '004 §三(二)',
        },
      ],
      stages: [
        {
          id: 'screening',
          kind: 'screening',
          name: { zh: '形式审查', en: 'Screening' },
          checks: ['completeness', 'eligibility', 'bans'],
          source: '004 §二(三)',
        },
        {
          id: 'review',
          kind: 'panel',
          name: { zh: '统一评审', en: 'Unified review' },
          role: 'city_admin',
          scope: 'tenant',
          criteria: indicators.map(([, id, zh, en]) => ({ id, name: { zh, en }, max: 10 })),
          weights: 'platform-default',
          minExperts: 3,
          decision: { kind: 'pass-mark', passMark: 72 },
          source: '004 §二(一)、§一；评分项为12项指标，分值为平台默认，待市工信局确认',
        },
        {
          id: 'publish',
          kind: 'publish',
          name: { zh: '纳入服务商名录', en: 'Entry into the provider directory' },
          role: 'city_admin',
          source: '004 §二(一)',
        },
      ],
    },
    {
      id: 'completed-projects',
      kind: 'provider-selection',
      title: { zh: '已竣工项目服务商纳入名录', en: 'Inclusion of providers of completed projects' },
      applicant: 'enterprise',
      source: '004 §二(三)',
      window: { kind: 'unscheduled', source: '004 §二(三)（截至遴选通知印发之日）' },
      conditions: [
        clause(
          'completed-in-period',
          '004 §二(三)',
          '在2024年10月18日至遴选通知印发之日期间，试点企业名录内企业实施并竣工的数字化转型项目',
          'Projects carried out and completed by listed pilot firms between 2024-10-18 and the selection notice',
        ),
        clause(
          'provider-registers',
          '004 §二(三)',
          '服务商还需按照遴选工作要求登记注册，申请参加统一评审，对没有登记注册或不符合遴选要求的动态调整',
          'The provider must still register and take part in the unified review, or be adjusted out',
        ),
      ],
      fields: [
        {
          id: 'providerUscc',
          type: 'text',
          required: true,
          label: { zh: '服务商统一社会信用代码', en: "Provider's unified social credit code" },
          min: 18,
          max: 18,
          source: '004 §二(三)',
        },
        {
          id: 'providerName',
          type: 'text',
          required: true,
          label: { zh: '服务商名称', en: 'Provider name' },
          max: 200,
          source: '004 §二(三)',
        },
        {
          id: 'projectName',
          type: 'text',
          required: true,
          label: { zh: '项目名称', en: 'Project name' },
          max: 200,
          source: '004 §二(三)',
        },
        {
          id: 'contractSignedOn',
          type: 'date',
          required: true,
          label: { zh: '合同签订日期', en: 'Contract signed on' },
          source: '004 §二(三)',
        },
        {
          id: 'completedOn',
          type: 'date',
          required: true,
          label: { zh: '竣工验收日期', en: 'Completed on' },
          source: '004 §二(三)',
        },
      ],
      documents: [
        {
          kind: 'project-materials',
          required: true,
          label: {
            zh: '项目合同、诊断、部署及竣工验收材料',
            en: 'Contract, diagnosis, deployment and acceptance records',
          },
          ...pdf,
          source: '004 §二(三)',
        },
      ],
      rules: [
        {
          id: 'started-in-period',
          kind: 'min-date',
          field: 'contractSignedOn',
          date: '2024-10-18',
          message: {
            zh: '项目须在2024年10月18日之后实施',
            en: 'The project must have started on or after 2024-10-18',
          },
          source: '004 §二(三)',
        },
        {
          id: 'completed-in-period',
          kind: 'min-date',
          field: 'completedOn',
          date: '2024-10-18',
          message: {
            zh: '项目须在2024年10月18日之后竣工',
            en: 'The project must have been completed on or after 2024-10-18',
          },
          source: '004 §二(三)',
        },
      ],
      stages: [
        {
          id: 'screening',
          kind: 'screening',
          name: { zh: '形式审查', en: 'Screening' },
          checks: ['completeness', 'eligibility'],
          source: '004 §二(三)',
        },
        {
          id: 'review',
          kind: 'manual',
          name: { zh: '审查有无重大问题', en: 'Review for major problems' },
          role: 'city_admin',
          scope: 'tenant',
          outcomes: ['pass', 'return', 'reject'],
          source: '004 §二(三)',
        },
        {
          id: 'publish',
          kind: 'publish',
          name: { zh: '纳入数字化服务商名录', en: 'Entry into the provider directory' },
          role: 'city_admin',
          source: '004 §二(三)',
        },
      ],
    },
  ],

  supervision: {
    indicators: indicators.map(([row, id, zh, en, reqZh, reqEn]) => ({
      id,
      name: { zh, en },
      requirement: { zh: reqZh, en: reqEn },
      evidence: indicatorEvidence[id] ?? [],
      source: `004 §一${row}`,
    })),
    rules: [
      {
        id: 'tracking-evaluation',
        kind: 'evaluation',
        name: { zh: '跟踪评价', en: 'Tracking evaluation' },
        period: 'continuous',
        by: 'city_admin',
        // 004 scores the 12 indicators (§一) but names no grades, scores or window; the
        // province's four grades (003 第十八条) and these numbers are platform readings.
        grades: [
          { id: 'excellent', name: { zh: '优秀', en: 'Excellent' } },
          { id: 'good', name: { zh: '良好', en: 'Good' } },
          { id: 'qualified', name: { zh: '合格', en: 'Qualified' } },
          { id: 'unqualified', name: { zh: '不合格', en: 'Unqualified' } },
        ],
        thresholds: [
          { grade: 'excellent', min: 90, source: PLATFORM_THRESHOLD },
          { grade: 'good', min: 80, source: PLATFORM_THRESHOLD },
          { grade: 'qualified', min: 60, source: PLATFORM_THRESHOLD },
        ],
        commentWindow: { days: 5, calendar: 'working', source: PLATFORM_WINDOW },
        source: '004 §二(二)',
      },
      {
        id: 'rectification',
        kind: 'rectification',
        name: { zh: '限期整改', en: 'Rectification within a time limit' },
        days: 15,
        calendar: 'natural',
        grounds: [
          clause(
            'unreported-change',
            '004 §三(一)1',
            '名称、住所、法定代表人、经营范围以及注册资本等内容发生较大变更，未及时向济宁市工信局报告说明',
            'Major change of name, address, legal representative, scope or capital not reported',
          ),
          clause(
            'service-complaints',
            '004 §三(一)2',
            '人员能力不足或团队配置不合理、对接和进驻试点企业不及时、服务不能满足需求、未按合同要求服务，以及其他原因造成试点企业投诉',
            'Complaints from pilot firms: weak or ill-staffed team, late engagement, unmet needs, breach of contract',
          ),
          clause(
            'inaccurate-quotation',
            '004 §三(一)3',
            '解决方案和软件采购清单不完整，功能、用途和费用罗列不准确，随意调整或者故意抬高标准化产品（服务）的同期市场价格',
            'Incomplete or inaccurate solution and purchase lists, or inflated prices of standard products',
          ),
          clause(
            'results-deviation',
            '004 §三(一)4',
            '转型成效与实施方案存在明显偏差，无法通过企业验收，但尚未对转型目标产生重大影响',
            'Results deviate from the plan and fail acceptance, without yet harming the goals',
          ),
          clause(
            'refused-assessment',
            '004 §三(一)5',
            '服务过程中拒不配合开展评测、验收工作',
            'Refused to cooperate with assessment or acceptance',
          ),
          clause(
            'unfair-conditions',
            '004 §三(一)6',
            '不符合市场公平竞争条件事项或其他原因',
            'Breach of fair-competition conditions or other reasons',
          ),
        ],
        source: '004 §三(一)',
      },
      {
        id: 'disqualification',
        kind: 'disqualification',
        name: { zh: '取消服务商资格', en: 'Disqualification' },
        maxRectifications: 2,
        rectificationGround: 'rectification-exceeded',
        // 004 orders no notice of its own; the directory is public (004 §二(一)), so a
        // removal from it is published too. Platform reading: the bureau must confirm.
        publicNotice: true,
        grounds: [
          clause(
            'duties-unmet',
            '004 §三(二)1',
            '未履行职责或未按要求完成试点企业数字化转型任务',
            'Duties not performed or transformation tasks not completed',
          ),
          clause(
            'rectification-exceeded',
            '004 §三(二)2',
            '限期整改超过2次或限期拒不进行整改',
            'Ordered to rectify more than twice, or refused to rectify',
          ),
          clause(
            'many-complaints',
            '004 §三(二)3',
            '对同一服务商“不满意”投诉较多',
            'Many "dissatisfied" complaints',
          ),
          clause(
            'behind-schedule',
            '004 §三(二)4',
            '绩效目标的实际完成情况与序时进度要求存在较大差距',
            'Performance targets far behind schedule',
          ),
          clause(
            'leaked-secrets',
            '004 §三(二)5',
            '泄露试点企业商业秘密、核心技术或敏感信息',
            "Leaked a pilot firm's secrets, core technology or sensitive information",
          ),
          clause(
            'forged-contracts',
            '004 §三(二)6',
            '伪造服务合同，联合相关方进行虚假交易，恶意套取项目资金',
            'Forged contracts or sham transactions to obtain project funds',
          ),
          clause(
            'unfair-competition',
            '004 §三(二)7',
            '采取不正当竞争手段、损害试点企业或恶意诋毁其他服务商',
            'Unfair competition, harming pilot firms or defaming other providers',
          ),
          clause(
            'false-advertising',
            '004 §三(二)8',
            '虚假宣传，向企业提供不匹配的产品和服务',
            'False advertising or mismatched products',
          ),
          clause(
            'price-disruption',
            '004 §三(二)9',
            '通过大幅度修改服务/产品价格，扰乱市场，恶意竞争',
            'Disrupting the market with drastic price changes',
          ),
          clause(
            'serious-violation',
            '004 §三(二)10',
            '有严重违法违纪行为或其他原因',
            'Serious violations of law or discipline, or other reasons',
          ),
        ],
        source: '004 §三(二)',
      },
      {
        id: 'appeals',
        kind: 'appeal',
        name: { zh: '申诉', en: 'Appeals' },
        grounds: [
          clause(
            'pilot-firm-caused',
            '004 §三(三)1',
            '因试点企业原因，造成转型时限要求内未能完成工作任务的',
            'The pilot firm caused the missed deadline',
          ),
          clause('other', '004 §三(三)2', '其他情况', 'Other circumstances'),
        ],
        source: '004 §三(三)',
      },
      {
        id: 'complaints',
        kind: 'complaint',
        name: { zh: '试点企业投诉', en: 'Complaints by pilot firms' },
        // 004 §二(二) invites complaints about violations or poor service; the failings
        // that make a complaint are those of §三(一)2.
        grounds: [
          clause(
            'weak-team',
            '004 §三(一)2',
            '人员能力不足或团队配置不合理',
            'Weak or ill-staffed team',
          ),
          clause(
            'late-engagement',
            '004 §三(一)2',
            '对接和进驻试点企业不及时',
            'Late to engage with or station staff at the pilot firm',
          ),
          clause(
            'unmet-needs',
            '004 §三(一)2',
            '服务不能满足试点企业需求',
            "The service does not meet the pilot firm's needs",
          ),
          clause(
            'contract-breach',
            '004 §三(一)2',
            '未按合同要求服务试点企业',
            'Did not serve the pilot firm as the contract requires',
          ),
          clause('violation', '004 §二(二)', '服务商存在违规行为', 'The provider broke the rules'),
          clause('other', '004 §三(一)2', '其他原因', 'Other reasons'),
        ],
        // Platform reading: 004 sets no period for the provider's reply; five working
        // days, as long as a publicity period, leave the bureau most of its 15-day
        // rectification period. The bureau must confirm.
        replyDays: 5,
        calendar: 'working',
        source: '004 §二(二)',
      },
      {
        id: 'tracking-checks',
        kind: 'spot-check',
        name: {
          zh: '跟踪评价（电话访谈、实地走访）',
          en: 'Tracking checks (phone interviews, site visits)',
        },
        by: 'city_admin',
        source: '004 §二(二)',
      },
    ],
  },
} satisfies TenantFile;
