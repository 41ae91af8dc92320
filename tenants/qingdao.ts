/**
 * Qingdao (青岛市). Seed 002: 青民发字〔2024〕1号, the selection of the first batch of
 * recommended digital-transformation providers for Qingdao's SME digital-transformation
 * city pilot: 4 industries × 3 tracks, applications by 2024-01-31 24:00, district
 * initial review by 2024-02-08, expert review, 5 working days of publicity.
 */
import type { TenantFile } from '@sme/core';

const pdf = { contentTypes: ['application/pdf'], maxBytes: 20 * 1024 * 1024 };

const INDUSTRY_OPTIONS = [
  {
    id: 'auto-parts',
    name: { zh: '汽车零部件及配件制造', en: 'Automotive parts and accessories' },
  },
  { id: 'rail-transit-equipment', name: { zh: '轨道交通设备制造', en: 'Rail transit equipment' } },
  {
    id: 'home-appliances',
    name: { zh: '家用电器及配件制造', en: 'Household appliances and parts' },
  },
  {
    id: 'general-parts',
    name: { zh: '通用零部件及配件制造', en: 'General-purpose parts and accessories' },
  },
];

/** District bureaus (区市民营经济主管部门) in the notice's order; phones as published. */
const districts = [
  [
    'shinan',
    '市南区',
    'Shinan District',
    '市南区民营经济发展局',
    'Shinan private economy bureau',
    '0532-51989380',
  ],
  [
    'shibei',
    '市北区',
    'Shibei District',
    '市北区民营经济发展局',
    'Shibei private economy bureau',
    '0532-82820159',
  ],
  [
    'licang',
    '李沧区',
    'Licang District',
    '李沧区民营经济发展局',
    'Licang private economy bureau',
    '0532-51983321',
  ],
  [
    'laoshan',
    '崂山区',
    'Laoshan District',
    '崂山区民营经济发展局',
    'Laoshan private economy bureau',
    '0532-88999550',
  ],
  [
    'west-coast',
    '西海岸新区',
    'West Coast New Area',
    '西海岸新区民营经济发展局',
    'West Coast private economy bureau',
    '0532-88151066',
  ],
  [
    'chengyang',
    '城阳区',
    'Chengyang District',
    '城阳区民营经济发展局',
    'Chengyang private economy bureau',
    '0532-58770286',
  ],
  [
    'jimo',
    '即墨区',
    'Jimo District',
    '即墨区民营经济发展局',
    'Jimo private economy bureau',
    '0532-89067133',
  ],
  [
    'jiaozhou',
    '胶州市',
    'Jiaozhou',
    '胶州市民营经济发展局',
    'Jiaozhou private economy bureau',
    '0532-82288636',
  ],
  [
    'pingdu',
    '平度市',
    'Pingdu',
    '平度市民营经济发展局',
    'Pingdu private economy bureau',
    '0532-87364327',
  ],
  [
    'laixi',
    '莱西市',
    'Laixi',
    '莱西市民营经济发展局',
    'Laixi private economy bureau',
    '0532-88405051',
  ],
  [
    'high-tech-zone',
    '青岛高新区',
    'Qingdao Hi-tech Zone',
    '青岛高新区管委经发部',
    'Hi-tech Zone economic development department',
    '0532-68686931',
  ],
  [
    'free-trade-zone',
    '青岛自贸区',
    'Qingdao Free Trade Zone',
    '青岛自贸区经发部',
    'Free Trade Zone economic development department',
    '0532-86763772',
  ],
] as const;

export default {
  id: 'qingdao',
  kind: 'city',
  parent: 'shandong',
  name: { zh: '青岛市', en: 'Qingdao' },
  timeZone: 'Asia/Shanghai',
  authority: { zh: '青岛市民营经济发展局', en: 'Qingdao Private Economy Development Bureau' },
  contacts: [
    {
      department: {
        zh: '市民营经济局政策规划处',
        en: 'Policy and planning division, city private economy bureau',
      },
      phone: '0532-51917601',
      source: '002 §四',
    },
    {
      department: { zh: '市中小企业公共服务中心', en: 'City SME public service centre' },
      phone: '0532-55583218',
      source: '002 §四',
    },
    ...districts.map(([region, , , zh, en, phone]) => ({
      department: { zh, en },
      phone,
      region,
      source: '002 §四',
    })),
    {
      department: {
        zh: '“青岛政策通”平台技术支持热线',
        en: 'Qingdao policy platform support hotline',
      },
      phone: '0532-85017188',
      source: '002 §四',
    },
  ],
  regions: [
    ...districts.map(([id, zh, en]) => ({
      id,
      name: { zh, en },
      kind: 'district' as const,
      source: '002 §四',
    })),
    {
      id: 'outside-qingdao',
      name: { zh: '未在青岛注册（青岛市）', en: 'Registered outside Qingdao' },
      kind: 'elsewhere',
      // The notice has these applicants choose only "青岛市" and names no district to
      // review them; the city bureau does.
      reviewedBy: 'tenant',
      source: '002 §三(一)2',
    },
  ],
  catalogue: {
    industries: INDUSTRY_OPTIONS.map((option) => ({ ...option, source: '002 §一' })),
  },

  programs: [
    {
      id: 'dx-providers-2024',
      kind: 'provider-selection',
      title: {
        zh: '青岛市中小企业数字化转型城市试点第一批数字化转型推荐服务商遴选',
        en: 'Qingdao SME digital-transformation city pilot: first batch of recommended providers',
      },
      applicant: 'provider',
      source: '002',
      // Published 2024-01-09 (发布日期); applications close 2024年1月31日24:00.
      window: {
        kind: 'fixed',
        opensOn: '2024-01-09',
        closesBy: '2024-01-31',
        source: '002 §三(一)2',
      },
      allowsRegisteredElsewhere: true,
      industries: INDUSTRY_OPTIONS.map((option) => option.id),
      conditions: [
        {
          id: 'registered-in-china',
          zh: '应在中华人民共和国境内注册，且有开展数字化转型业务的本地服务能力和技术服务团队，同一主体的不同分公司或子公司不得重复参与遴选',
          en: 'Registered in the PRC with a local service capability and team; branches or subsidiaries of one entity may not take part more than once',
          source: '002 §二(一)1',
        },
        {
          id: 'tax-and-credit',
          zh: '须依法纳税，具有健全的财务管理制度，生产运营状况和信用记录良好，近三年未发生重大安全（含网络安全、数据安全）事故，未被相关部门列为失信联合惩戒对象',
          en: 'Pays taxes, sound finances, good credit, no major safety (incl. cyber and data) incident in three years, not under joint punishment for dishonesty',
          source: '002 §二(一)2',
        },
        {
          id: 'technical-team',
          zh: '技术团队健全稳定，专业服务能力强，具备完善的咨询诊断、改造实施交付和售后服务能力（需提供证明材料）',
          en: 'A stable technical team able to diagnose, deliver and support (evidence required)',
          source: '002 §二(一)3',
        },
        {
          id: 'assessment-standard',
          zh: '能按照《中小企业数字化水平评测指标（2022年版）》等标准，为中小企业开展数字化转型服务',
          en: 'Serves SMEs to the SME digital-level assessment indicators (2022) and similar standards',
          source: '002 §二(一)4',
        },
        {
          id: 'industry-familiarity',
          zh: '熟悉我市四个细分行业中小企业数字化转型需求（需提供服务青岛本地、外地同行业数字化转型服务案例证明）',
          en: "Knows the four industries' needs (evidence of cases in Qingdao and elsewhere required)",
          source: '002 §二(一)5',
        },
        {
          id: 'value-for-money',
          zh: '有能力为试点企业提供质优价廉的数字化产品或服务',
          en: 'Offers pilot enterprises good, affordable products or services',
          source: '002 §二(一)6',
        },
        {
          id: 'directions',
          zh: '综合集成型、“小快轻准”产品型原则上同一单位最多推荐2个细分行业方向；“链主”企业型只能申报本行业方向。综合集成型服务商可以同时选择申报“小快轻准”产品型服务商',
          en: 'Integration and product applicants choose at most 2 industries in principle; a chain leader only its own; an integration applicant may also apply as a product provider',
          source: '002 §二(一)7',
        },
      ],
      tracks: [
        {
          id: 'integration',
          name: { zh: '综合集成型服务商', en: 'Comprehensive integration provider' },
          quota: { per: 'industry', range: { min: 3, max: 6 } },
          conditions: [
            {
              id: 'integration-cases',
              zh: '具备对应细分行业综合集成服务和顶层规划设计能力，申报时须提供不少于2项本细分行业综合集成服务案例',
              en: 'Integration and top-level planning capability; at least 2 integration cases in the industry',
              source: '002 §二(二)1',
            },
            {
              id: 'integration-ecosystem',
              zh: '需同时兼备评估诊断、数字化解决方案和产品部署能力，可制定细分行业改造标准、价格、合同等范本',
              en: 'Assessment, solution and deployment capability; can draft the industry’s standard terms, prices and contracts',
              source: '002 §二(二)2',
            },
          ],
          source: '002 §一(一)',
        },
        {
          id: 'product',
          name: { zh: '“小快轻准”产品型服务商', en: 'Small-fast-light-precise product provider' },
          quota: { per: 'industry', range: { min: 10, max: 20 } },
          conditions: [
            {
              id: 'own-ip',
              zh: '“小快轻准”产品应具有自主知识产权，聚焦研发设计、生产制造、质量管理、仓储物流、运营管理等关键环节',
              en: 'Products with own intellectual property, focused on key processes',
              source: '002 §二(三)1',
            },
            {
              id: 'product-cases',
              zh: '申报时须提供不少于3项本细分行业服务案例',
              en: 'At least 3 service cases in the industry',
              source: '002 §二(三)2',
            },
          ],
          source: '002 §一(二)',
        },
        {
          id: 'chain-leader',
          name: { zh: '“链主”企业型服务商', en: 'Chain-leader provider' },
          quota: { per: 'industry', range: { min: 1, max: 3 } },
          conditions: [
            {
              id: 'chain-scale',
              zh: '应属于对应细分行业的我市产业链龙头链主企业或核心（配套）企业，所属产业链上下游协作配套的试点企业原则上不少于10家，上一年度主营业务收入原则上不低于10亿元',
              en: "A leading or core firm of the industry's chain in Qingdao; in principle ≥ 10 pilot firms in its chain and ≥ 1 bn CNY main-business revenue last year",
              source: '002 §二(四)1',
            },
            {
              id: 'chain-mode',
              zh: '应主导细分行业改造模式，可通过自身服务输出或生态服务模式推动上下游企业协同转型',
              en: 'Leads the transformation model, directly or through its ecosystem',
              source: '002 §二(四)2',
            },
            {
              id: 'national-platforms',
              zh: '牵头或参与国家级制造业创新中心建设、拥有国家级以上创新研发平台及获得国家技术创新示范企业称号的优先考虑',
              en: 'Preference for national innovation centres, platforms or demonstration-enterprise titles',
              source: '002 §二(四)3',
            },
          ],
          source: '002 §一(三)',
        },
      ],
      fields: [
        {
          id: 'localTeam',
          type: 'textarea',
          required: true,
          label: {
            zh: '本地服务能力和技术服务团队',
            en: 'Local service capability and technical team',
          },
          max: 3000,
          source: '002 §二(一)1、3',
        },
        {
          id: 'teamSize',
          type: 'number',
          required: true,
          label: { zh: '数字化转型专业技术团队人数', en: 'Digital-transformation technical staff' },
          min: 1,
          source: '002 §二(一)3',
        },
        {
          id: 'followsAssessmentStandard',
          type: 'boolean',
          required: true,
          label: {
            zh: '能按《中小企业数字化水平评测指标（2022年版）》开展服务',
            en: 'Serves to the SME digital-level assessment indicators (2022)',
          },
          source: '002 §二(一)4',
        },
        {
          id: 'cases',
          type: 'list',
          required: true,
          label: { zh: '细分行业数字化转型服务案例', en: 'Industry service cases' },
          min: 1,
          max: 20,
          item: [
            {
              id: 'client',
              type: 'text',
              required: true,
              label: { zh: '服务企业', en: 'Client enterprise' },
              max: 100,
            },
            {
              id: 'industry',
              type: 'select',
              required: true,
              label: { zh: '细分行业', en: 'Industry' },
              options: INDUSTRY_OPTIONS,
            },
            {
              id: 'inQingdao',
              type: 'boolean',
              required: true,
              label: { zh: '青岛本地案例', en: 'Case in Qingdao' },
            },
            {
              id: 'summary',
              type: 'textarea',
              required: true,
              label: { zh: '服务内容及成效', en: 'Service and results' },
              max: 2000,
            },
          ],
          source: '002 §二(一)5',
        },
        {
          id: 'products',
          type: 'list',
          required: true,
          track: 'product',
          label: { zh: '“小快轻准”产品', en: 'Small-fast-light-precise products' },
          min: 1,
          max: 10,
          item: [
            {
              id: 'name',
              type: 'text',
              required: true,
              label: { zh: '产品名称', en: 'Product name' },
              max: 100,
            },
            {
              id: 'ownIp',
              type: 'boolean',
              required: true,
              label: { zh: '具有自主知识产权', en: 'Own intellectual property' },
            },
            {
              id: 'process',
              type: 'select',
              required: true,
              label: { zh: '聚焦环节', en: 'Process' },
              options: [
                { id: 'rnd-design', name: { zh: '研发设计', en: 'R&D and design' } },
                { id: 'production', name: { zh: '生产制造', en: 'Production' } },
                { id: 'quality', name: { zh: '质量管理', en: 'Quality management' } },
                { id: 'logistics', name: { zh: '仓储物流', en: 'Warehousing and logistics' } },
                { id: 'operations', name: { zh: '运营管理', en: 'Operations management' } },
              ],
            },
          ],
          source: '002 §二(三)1',
        },
        {
          id: 'chainMode',
          type: 'select',
          required: true,
          track: 'chain-leader',
          label: { zh: '“链主”模式', en: 'Chain-leader mode' },
          options: [
            {
              id: 'leader-led',
              name: { zh: '“链主”企业主导改造模式', en: 'Leader-led transformation' },
            },
            { id: 'ecosystem', name: { zh: '“链主”企业生态服务模式', en: 'Ecosystem service' } },
          ],
          source: '002 §一(三)',
        },
        {
          id: 'pilotFirmsInChain',
          type: 'number',
          required: true,
          track: 'chain-leader',
          label: {
            zh: '产业链上下游协作配套的试点企业数（家）',
            en: 'Pilot firms in its supply chain',
          },
          min: 0,
          source: '002 §二(四)1',
        },
        {
          id: 'revenueLastYear',
          type: 'money',
          required: true,
          track: 'chain-leader',
          label: { zh: '上一年度主营业务收入（元）', en: 'Main-business revenue last year (CNY)' },
          min: 0,
          source: '002 §二(四)1',
        },
        {
          id: 'nationalPlatforms',
          type: 'textarea',
          required: false,
          track: 'chain-leader',
          label: {
            zh: '国家级创新中心、研发平台及称号',
            en: 'National innovation centres, platforms and titles',
          },
          max: 2000,
          source: '002 §二(四)3',
        },
      ],
      documents: [
        {
          kind: 'credit-report',
          required: true,
          label: { zh: '“信用中国”信用信息报告', en: 'Credit report from Credit China' },
          ...pdf,
          source: '002 §三(一)1',
        },
        {
          kind: 'integrity-pledge',
          required: true,
          label: { zh: '承诺书', en: 'Pledge' },
          ...pdf,
          source: '002 附件4',
        },
        {
          kind: 'team-evidence',
          required: true,
          label: {
            zh: '技术团队及服务能力证明材料',
            en: 'Evidence of team and service capability',
          },
          ...pdf,
          source: '002 §二(一)3',
        },
        {
          kind: 'case-evidence',
          required: true,
          label: { zh: '服务案例证明材料', en: 'Evidence of service cases' },
          ...pdf,
          source: '002 §二(一)5',
        },
        {
          kind: 'application-integration',
          required: true,
          track: 'integration',
          label: { zh: '综合集成型服务商申报书', en: 'Integration provider application' },
          ...pdf,
          source: '002 附件1',
        },
        {
          kind: 'application-product',
          required: true,
          track: 'product',
          label: { zh: '“小快轻准”产品型服务商申报书', en: 'Product provider application' },
          ...pdf,
          source: '002 附件2',
        },
        {
          kind: 'application-chain-leader',
          required: true,
          track: 'chain-leader',
          label: { zh: '“链主”企业型服务商申报书', en: 'Chain-leader provider application' },
          ...pdf,
          source: '002 附件3',
        },
      ],
      rules: [
        {
          id: 'not-banned',
          kind: 'named',
          rule: 'not-banned',
          message: {
            zh: '该单位被列为失信联合惩戒对象或处于禁入期',
            en: 'The organization is barred or under joint punishment for dishonesty',
          },
          source: '002 §二(一)2',
        },
        {
          id: 'one-per-entity',
          kind: 'one-per-entity',
          per: 'track',
          includeBranches: true,
          message: {
            zh: '同一主体的不同分公司或子公司不得重复参与遴选',
            en: 'Branches or subsidiaries of one entity may not apply more than once',
          },
          source: '002 §二(一)1',
        },
        {
          id: 'track-combinations',
          kind: 'track-combinations',
          allowed: [['integration', 'product']],
          message: {
            zh: '仅综合集成型服务商可以同时申报“小快轻准”产品型服务商',
            en: 'Only an integration applicant may also apply as a product provider',
          },
          source: '002 §二(一)7',
        },
        {
          id: 'max-two-industries',
          kind: 'max-industries',
          max: 2,
          tracks: ['integration', 'product'],
          strength: 'in-principle',
          message: {
            zh: '原则上同一单位最多推荐2个细分行业方向',
            en: 'At most 2 industries per applicant, in principle',
          },
          source: '002 §二(一)7',
        },
        {
          id: 'chain-leader-own-industry',
          kind: 'max-industries',
          max: 1,
          tracks: ['chain-leader'],
          message: {
            zh: '“链主”企业型服务商只能申报本行业方向',
            en: 'A chain leader applies only in its own industry',
          },
          source: '002 §二(一)7',
        },
        {
          id: 'integration-cases',
          kind: 'min-items',
          field: 'cases',
          min: 2,
          perAppliedIndustry: 'industry',
          tracks: ['integration'],
          message: {
            zh: '须提供不少于2项本细分行业综合集成服务案例',
            en: 'At least 2 integration cases in each industry applied for',
          },
          source: '002 §二(二)1',
        },
        {
          id: 'product-cases',
          kind: 'min-items',
          field: 'cases',
          min: 3,
          perAppliedIndustry: 'industry',
          tracks: ['product'],
          message: {
            zh: '须提供不少于3项本细分行业服务案例',
            en: 'At least 3 service cases in each industry applied for',
          },
          source: '002 §二(三)2',
        },
        {
          id: 'chain-pilot-firms',
          kind: 'min-value',
          field: 'pilotFirmsInChain',
          min: 10,
          tracks: ['chain-leader'],
          strength: 'in-principle',
          message: {
            zh: '产业链上下游协作配套的试点企业原则上不少于10家',
            en: 'At least 10 pilot firms in the chain, in principle',
          },
          source: '002 §二(四)1',
        },
        {
          id: 'chain-revenue',
          kind: 'min-value',
          field: 'revenueLastYear',
          min: 1_000_000_000,
          tracks: ['chain-leader'],
          strength: 'in-principle',
          message: {
            zh: '上一年度主营业务收入原则上不低于10亿元',
            en: 'Main-business revenue of at least 1 bn CNY last year, in principle',
          },
          source: '002 §二(四)1',
        },
      ],
      stages: [
        {
          id: 'screening',
          kind: 'screening',
          name: { zh: '形式审查', en: 'Screening' },
          checks: ['completeness', 'eligibility', 'duplicate-entity', 'bans'],
          source: '002 §二(一)、§三(一)',
        },
        {
          id: 'district-review',
          kind: 'manual',
          name: { zh: '区市初审和查重', en: 'District initial review and duplicate check' },
          role: 'district_reviewer',
          scope: 'region',
          outcomes: ['pass', 'return', 'reject'],
          due: { kind: 'date', by: '2024-02-08' },
          summaryTable: {
            title: {
              zh: '青岛市中小企业数字化转型城市试点推荐服务商初审推荐汇总表',
              en: 'Summary of providers recommended by the initial review',
            },
            source: '002 附件5',
          },
          source: '002 §三(二)',
        },
        {
          id: 'expert-review',
          kind: 'panel',
          name: { zh: '专家评审', en: 'Expert review' },
          role: 'city_admin',
          scope: 'tenant',
          criteria: [
            {
              id: 'technical-team',
              name: { zh: '技术团队与服务能力', en: 'Team and service capability' },
              max: 20,
            },
            {
              id: 'assessment-standard',
              name: { zh: '标准化服务能力', en: 'Service to standards' },
              max: 10,
            },
            {
              id: 'industry-cases',
              name: { zh: '细分行业案例与成效', en: 'Industry cases and results' },
              max: 30,
            },
            { id: 'value-for-money', name: { zh: '质优价廉', en: 'Quality and price' }, max: 15 },
            {
              id: 'track-capability',
              name: { zh: '类型专项能力', en: 'Track-specific capability' },
              max: 25,
            },
          ],
          weights: 'platform-default',
          minExperts: 3,
          decision: { kind: 'quota-ranking', groupBy: ['track', 'industry'] },
          source: '002 §三(三)；评分项取自 §二，分值为平台默认，待市民营经济局确认',
        },
        {
          id: 'publicity',
          kind: 'publicity',
          name: { zh: '“青岛政策通平台”公示', en: 'Publicity' },
          role: 'city_admin',
          workingDays: 5,
          source: '002 §三(三)',
        },
        {
          id: 'publish',
          kind: 'publish',
          name: { zh: '发布推荐服务商名单', en: 'Publication of recommended providers' },
          role: 'city_admin',
          source: '002 §三(三)',
        },
      ],
    },
  ],

  supervision: {
    rules: [
      {
        id: 'dynamic-management',
        kind: 'evaluation',
        name: { zh: '动态管理及退出', en: 'Dynamic management and exit' },
        period: 'periodic',
        by: 'city_admin',
        source: '002 §三(四)',
      },
      {
        id: 'no-self-acceptance',
        kind: 'exclusive-services',
        name: {
          zh: '改造与验收评估不得兼任',
          en: 'No transformation and acceptance of the same firm',
        },
        services: [
          {
            id: 'transformation',
            name: { zh: '数字化改造', en: 'Digital transformation' },
            engagementKind: 'transformation',
          },
          {
            id: 'acceptance-assessment',
            name: { zh: '数字化能力验收评估', en: 'Acceptance assessment' },
            engagementKind: 'assessment',
          },
        ],
        source: '002 §二(一)7',
      },
    ],
  },
} satisfies TenantFile;
