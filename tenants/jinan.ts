/**
 * Jinan (济南市). Seed 000: 申报指南 for digital-transformation providers and pilot
 * enterprises on the national SME digital-transformation public service platform:
 * 7 provider categories with their conditions, pilot-enterprise intake, supervision.
 *
 * The notice gives its deadlines as month and day only (8月22日前, 8月20日前, 8月15日前).
 * They are read here as 2023 and as "by 24:00 of that day"; the bureau confirms the year.
 */
import type { TenantFile } from '@sme/core';

const pdf = { contentTypes: ['application/pdf'], maxBytes: 20 * 1024 * 1024 };
const YEAR_NOTE = '（通知未写年份，按2023年读取）';

const clause = (id: string, source: string, zh: string, en: string) => ({ id, zh, en, source });

export default {
  id: 'jinan',
  kind: 'city',
  parent: 'shandong',
  name: { zh: '济南市', en: 'Jinan' },
  timeZone: 'Asia/Shanghai',
  authority: {
    zh: '济南市工业和信息化局',
    en: 'Jinan Bureau of Industry and Information Technology',
  },
  contacts: [
    {
      department: {
        zh: '山东省中小企业数字化转型服务商协会',
        en: 'Shandong association of SME digital-transformation providers',
      },
      phone: '15588871988',
      source: '000 §四(五)',
    },
  ],
  regions: (
    [
      ['lixia', '历下区', 'Lixia District'],
      ['shizhong', '市中区', 'Shizhong District'],
      ['huaiyin', '槐荫区', 'Huaiyin District'],
      ['tianqiao', '天桥区', 'Tianqiao District'],
      ['licheng', '历城区', 'Licheng District'],
      ['changqing', '长清区', 'Changqing District'],
      ['zhangqiu', '章丘区', 'Zhangqiu District'],
      ['jiyang', '济阳区', 'Jiyang District'],
      ['laiwu', '莱芜区', 'Laiwu District'],
      ['gangcheng', '钢城区', 'Gangcheng District'],
      ['pingyin', '平阴县', 'Pingyin County'],
      ['shanghe', '商河县', 'Shanghe County'],
    ] as const
  ).map(([id, zh, en]) => ({ id, name: { zh, en }, kind: 'district' as const })),

  catalogue: {
    categories: [
      {
        id: 'smart-equipment',
        name: { zh: '智能装备服务商', en: 'Smart equipment provider' },
        scope: {
          zh: '包括数控机床、工业机器人、智能传感与控制等装备生产商和渠道服务商',
          en: 'Makers and distributors of CNC machines, industrial robots, smart sensing and control equipment',
        },
        conditions: [
          clause(
            'delivery',
            '000 §二(一)1',
            '能够基于客户智能化产线建设和改造需要，按照双方协议约定，持续、及时地提供智能装备的交付、安装和售后服务',
            'Delivers, installs and services smart equipment as agreed, continuously and on time',
          ),
          clause(
            'quality-system',
            '000 §二(一)2',
            '应建立完善的质量管理体系，保证所提供的智能装备产品质量，确保所提供的智能设备能够稳定运行',
            'A complete quality management system; equipment runs stably',
          ),
          clause(
            'transparency',
            '000 §二(一)3',
            '能够保证供货质量和价格透明，提供操作手册和培训课程',
            'Transparent supply quality and prices; manuals and training',
          ),
          clause(
            'open-interfaces',
            '000 §二(一)4',
            '能够开放设备接口，实现生产设备与设施的互联互通，满足用户售后需求且至少在省内三家及以上企业得到应用和良好反馈',
            'Open equipment interfaces; applied with good feedback in at least three enterprises in the province',
          ),
          clause(
            'remote-maintenance',
            '000 §二(一)5',
            '能够利用信息化手段，为智能装备开展状态监测、生产分析、设备备件、故障诊断、预测性维护等远程运维服务',
            'Remote monitoring, diagnosis and predictive maintenance',
          ),
        ],
        source: '000 §一(一)1、§二(一)',
      },
      {
        id: 'network',
        name: { zh: '网络服务商', en: 'Network provider' },
        scope: {
          zh: '包括工业互联网内网、外网建设运营服务商',
          en: 'Builds and runs industrial internet intranets and extranets',
        },
        conditions: [
          clause(
            'network-plan',
            '000 §二(二)1',
            '面向企业提供内容全面、科学精准的网络基础设施实施计划和网络服务保障方案，及时完成网络基础设施部署，保证设施的质量和价格透明',
            'Complete network implementation and service plans; timely deployment; transparent quality and prices',
          ),
          clause(
            'customer-service',
            '000 §二(二)2',
            '应具备成熟完善的客户服务体系，确保网络能够平稳有序运行',
            'Mature customer service; the network runs smoothly',
          ),
        ],
        source: '000 §一(一)2、§二(二)',
      },
      {
        id: 'identifier',
        name: { zh: '标识服务商', en: 'Identifier resolution provider' },
        scope: {
          zh: '包括提供标识解析软件或硬件产品应用和方案的服务商',
          en: 'Software, hardware and solutions for identifier resolution',
        },
        conditions: [
          clause(
            'industry-grade',
            '000 §二(三)1',
            '具备提供行业级工业互联网标识解析软硬件产品应用服务能力，提供标识解析节点建设、资源调度、模型管理、安全监管等服务',
            'Industry-grade identifier resolution products; node construction, scheduling, model management, security',
          ),
          clause(
            'team',
            '000 §二(三)2',
            '配备专业的技术及运营团队，具备标识解析技术研发能力和市场推广能力，并提供软硬件远程接入服务',
            'A technical and operating team; R&D and market capability; remote access services',
          ),
          clause(
            'deployment-modes',
            '000 §二(三)3',
            '提供多种标识应用服务部署方式，能够满足各类供应链企业网络与数据安全性、可靠性要求',
            'Several deployment modes meeting supply-chain security and reliability needs',
          ),
        ],
        source: '000 §一(一)3、§二(三)',
      },
      {
        id: 'iiot-applications',
        name: { zh: '工业互联网融合应用服务商', en: 'Industrial internet application provider' },
        scope: {
          zh: '包括两化融合评估诊断与贯标、上云服务、工业互联网标杆工厂和平台、工业电商等服务商',
          en: 'Integration assessment, cloud migration, benchmark factories and platforms, industrial e-commerce',
        },
        conditions: [
          clause(
            'solutions',
            '000 §二(四)1',
            '围绕两化融合贯标、上云服务、工业互联网标杆工厂、工业互联网平台、工业电商等融合应用提供方案和服务',
            'Plans and services for integration, cloud, benchmark factories, platforms and e-commerce',
          ),
          clause(
            'actionable',
            '000 §二(四)2',
            '针对性提出可落地可操作的解决方案和服务举措',
            'Actionable, targeted solutions',
          ),
          clause(
            'stable-team',
            '000 §二(四)3',
            '拥有成熟稳定的人才队伍和客户服务体系',
            'A stable team and customer service',
          ),
        ],
        source: '000 §一(一)4、§二(四)',
      },
      {
        id: 'system-solutions',
        name: { zh: '系统解决方案服务商', en: 'System solution provider' },
        scope: {
          zh: '包括数据采集、数据治理、数据分析建模、工业软件/工业APP以及整体解决方案服务商等',
          en: 'Data collection, governance, analytics, industrial software and apps, whole solutions',
        },
        conditions: [
          clause(
            'integration',
            '000 §二(五)1',
            '能够提供部分或整体解决方案，集成制造装备、自动化控制、工业软件/工业APP等技术和系统',
            'Partial or whole solutions integrating equipment, automation and software',
          ),
          clause(
            'team',
            '000 §二(五)2',
            '应具有专业的咨询规划、现场实施和运维服务团队',
            'Consulting, implementation and operations teams',
          ),
          clause(
            'modular',
            '000 §二(五)3',
            '提供模块化、标准化的解决方案，具备个性化定制和二次开发的能力',
            'Modular, standard solutions with customisation',
          ),
          clause(
            'after-sales',
            '000 §二(五)4',
            '具有完善的售后服务体系和严格的管理制度，配备专门的维保部门和专业人员',
            'After-sales service with a dedicated maintenance department',
          ),
        ],
        source: '000 §一(一)5、§二(五)',
      },
      {
        id: 'industrial-security',
        name: { zh: '工业信息安全服务商', en: 'Industrial information security provider' },
        scope: {
          zh: '包括工业领域网络和数据的安全、风险评估、应急响应、安全咨询、安全运维、安全防护服务商',
          en: 'Network and data security, risk assessment, incident response, consulting, operations and protection',
        },
        conditions: [
          clause(
            'services',
            '000 §二(六)1',
            '面向企业提供专业性的工业领域网络安全和数据安全服务',
            'Professional industrial network and data security services',
          ),
          clause(
            'qualified-staff',
            '000 §二(六)2',
            '由具备国家相关机构评价认可资质的技术人员，采用安全可靠的专业工具和设备提供服务',
            'Staff certified by national bodies using reliable tools',
          ),
          clause(
            'quality-system',
            '000 §二(六)3',
            '具备成熟完善的客户服务和质量管理体系',
            'Mature service and quality management',
          ),
        ],
        source: '000 §一(一)6、§二(六)',
      },
      {
        id: 'producer-services',
        name: { zh: '生产性服务业供应商', en: 'Producer services supplier' },
        scope: {
          zh: '提供咨询规划、诊断评估、数字设计、智慧供应链、检验检测、共享制造等服务的高等院校、科研院所、行业协会、咨询评估机构等',
          en: 'Universities, institutes, associations and consultancies offering planning, assessment, design, supply chain, testing and shared manufacturing',
        },
        conditions: [
          clause(
            'solutions',
            '000 §二(七)1',
            '为制造业提供数字化设计、智慧供应链、共享制造、检验检测、工业文化建设及传播等解决方案和服务',
            'Digital design, smart supply chain, shared manufacturing, testing and industrial culture',
          ),
          clause(
            'team',
            '000 §二(七)2',
            '具有专业的服务团队，能够提供咨询规划、诊断评估、技术标准等服务',
            'A professional team for planning, assessment and standards',
          ),
          clause(
            'knowledge-base',
            '000 §二(七)3',
            '建立行业知识库和专家库，定期组织专家咨询诊断活动和两业融合对接活动，形成分析报告',
            'Knowledge and expert bases; regular diagnosis and matchmaking; analysis reports',
          ),
        ],
        source: '000 §一(一)7、§二(七)',
      },
    ],
  },

  programs: [
    {
      id: 'dx-providers',
      kind: 'provider-selection',
      title: {
        zh: '中小企业数字化转型服务商注册申报',
        en: 'Registration of SME digital-transformation providers',
      },
      applicant: 'provider',
      source: '000 §一(一)、§三(一)',
      window: { kind: 'fixed', closesBy: '2023-08-22', source: `000 §三(一)${YEAR_NOTE}` },
      categories: [
        'smart-equipment',
        'network',
        'identifier',
        'iiot-applications',
        'system-solutions',
        'industrial-security',
        'producer-services',
      ],
      fields: [
        {
          id: 'solutions',
          type: 'list',
          required: true,
          label: { zh: '解决方案和服务产品', en: 'Solutions and service products' },
          min: 1,
          max: 20,
          item: [
            {
              id: 'name',
              type: 'text',
              required: true,
              label: { zh: '名称', en: 'Name' },
              max: 100,
            },
            {
              id: 'summary',
              type: 'textarea',
              required: true,
              label: { zh: '简介', en: 'Summary' },
              max: 2000,
            },
          ],
          source: '000 §三(一)',
        },
        {
          id: 'cases',
          type: 'list',
          required: true,
          label: { zh: '服务案例', en: 'Service cases' },
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
              id: 'inProvince',
              type: 'boolean',
              required: true,
              label: { zh: '省内企业', en: 'Enterprise in Shandong' },
            },
            {
              id: 'summary',
              type: 'textarea',
              required: true,
              label: { zh: '服务内容及反馈', en: 'Service and feedback' },
              max: 2000,
            },
          ],
          source: '000 §二',
        },
      ],
      documents: [
        {
          kind: 'application-form',
          required: true,
          label: { zh: '中小企业数字化转型服务商申请表', en: 'Provider application form' },
          ...pdf,
          source: '000 §三(一)',
        },
      ],
      rules: [
        {
          id: 'not-banned',
          kind: 'named',
          rule: 'not-banned',
          message: { zh: '该单位处于申报禁入期', en: 'The organization is barred from applying' },
          source: '000 §四(四)',
        },
        {
          id: 'equipment-references',
          kind: 'min-items',
          field: 'cases',
          min: 3,
          categories: ['smart-equipment'],
          message: {
            zh: '智能装备至少在省内三家及以上企业得到应用和良好反馈',
            en: 'Smart equipment applied in at least three enterprises in the province',
          },
          source: '000 §二(一)4',
        },
      ],
      stages: [
        {
          id: 'screening',
          kind: 'screening',
          name: { zh: '形式审查', en: 'Screening' },
          checks: ['completeness', 'eligibility', 'bans'],
          source: '000 §三(一)',
        },
        {
          id: 'province-selection',
          kind: 'panel',
          name: {
            zh: '省促进中心专家委员会遴选',
            en: "Selection by the province's expert committee",
          },
          role: 'province_admin',
          scope: 'province',
          criteria: [
            {
              id: 'category-conditions',
              name: { zh: '类别基本条件', en: 'Category conditions' },
              max: 40,
            },
            {
              id: 'solutions',
              name: { zh: '解决方案和服务产品', en: 'Solutions and products' },
              max: 30,
            },
            { id: 'cases', name: { zh: '服务案例与反馈', en: 'Cases and feedback' }, max: 30 },
          ],
          weights: 'platform-default',
          minExperts: 3,
          decision: { kind: 'pass-mark', passMark: 60 },
          source: '000 §三(一)；评分项取自 §二，分值为平台默认，待确认',
        },
        {
          id: 'publish',
          kind: 'publish',
          name: { zh: '确定首批服务商名单', en: 'First list of providers' },
          role: 'province_admin',
          source: '000 §三(一)',
        },
      ],
    },
    {
      id: 'pilot-enterprises',
      kind: 'pilot-enterprise',
      title: {
        zh: '中小企业数字化转型试点企业申报',
        en: 'SME digital-transformation pilot enterprises',
      },
      applicant: 'enterprise',
      source: '000 §一(二)、§三(二)',
      window: { kind: 'fixed', closesBy: '2023-08-20', source: `000 §三(二)1${YEAR_NOTE}` },
      conditions: [
        clause(
          'eligible-firms',
          '000 §一(二)',
          '辖区内专精特新、专精特新“小巨人”、单项冠军企业，以及有意愿的重点产业链、特色产业集群企业',
          'Specialised-and-new firms, little giants, single champions, and willing firms of key chains and clusters',
        ),
        clause(
          'priority',
          '000 §一(二)',
          '数字化转型需求迫切、发展潜力巨大、经济社会效益明显的中小企业优先推荐',
          'Priority for SMEs with urgent needs, large potential and clear benefits',
        ),
      ],
      fields: [
        {
          id: 'enterpriseType',
          type: 'multiselect',
          required: true,
          label: { zh: '企业类型', en: 'Enterprise type' },
          options: [
            { id: 'specialised', name: { zh: '专精特新企业', en: 'Specialised and new' } },
            { id: 'little-giant', name: { zh: '专精特新“小巨人”企业', en: 'Little giant' } },
            { id: 'single-champion', name: { zh: '单项冠军企业', en: 'Single champion' } },
            { id: 'key-chain', name: { zh: '重点产业链企业', en: 'Key industrial chain' } },
            { id: 'cluster', name: { zh: '特色产业集群企业', en: 'Characteristic cluster' } },
          ],
          source: '000 §一(二)',
        },
        {
          id: 'needs',
          type: 'textarea',
          required: true,
          label: { zh: '数字化转型需求', en: 'Digital-transformation needs' },
          max: 5000,
          source: '000 §三(二)1',
        },
      ],
      stages: [
        {
          id: 'screening',
          kind: 'screening',
          name: { zh: '形式审查', en: 'Screening' },
          checks: ['completeness', 'bans'],
          source: '000 §三(二)1',
        },
        {
          id: 'city-selection',
          kind: 'manual',
          name: {
            zh: '地市初选及线上推荐',
            en: 'City initial selection and online recommendation',
          },
          role: 'city_admin',
          scope: 'tenant',
          outcomes: ['pass', 'return', 'reject'],
          due: { kind: 'date', by: '2023-08-22' },
          source: `000 §三(二)2${YEAR_NOTE}`,
        },
        {
          id: 'needs-review',
          kind: 'panel',
          name: { zh: '省需求审核', en: 'Provincial needs review' },
          role: 'province_admin',
          scope: 'province',
          criteria: [
            { id: 'urgency', name: { zh: '转型需求迫切程度', en: 'Urgency of needs' }, max: 35 },
            { id: 'potential', name: { zh: '发展潜力', en: 'Growth potential' }, max: 35 },
            {
              id: 'benefits',
              name: { zh: '经济社会效益', en: 'Economic and social benefits' },
              max: 30,
            },
          ],
          weights: 'platform-default',
          minExperts: 3,
          decision: { kind: 'pass-mark', passMark: 60 },
          source: '000 §三(二)3；评分项取自 §一(二)，分值为平台默认，待确认',
        },
        {
          id: 'publish',
          kind: 'publish',
          name: { zh: '确定试点企业名单', en: 'List of pilot enterprises' },
          role: 'province_admin',
          source: '000 §三(二)3',
        },
      ],
      milestones: [
        {
          id: 'liaison',
          name: { zh: '报送联络员信息', en: 'Name a liaison officer' },
          role: 'city_admin',
          by: '2023-08-15',
          source: `000 §三(二)2${YEAR_NOTE}`,
        },
      ],
    },
  ],

  supervision: {
    indicators: [
      {
        id: 'service-evaluation',
        name: { zh: '服务评价', en: 'Service evaluation' },
        requirement: {
          zh: '省工业和信息化厅定期组织专家或委托第三方对服务商进行评价；服务记录和订单反馈评价作为服务商评价的重要参考',
          en: 'Experts or a third party evaluate providers; service records and order feedback weigh in',
        },
        evidence: ['engagements', 'ratings', 'complaints', 'rectifications'],
        source: '000 §四(二)、(三)',
      },
    ],
    rules: [
      {
        id: 'info-maintenance',
        kind: 'info-maintenance',
        name: { zh: '日常维护', en: 'Information upkeep' },
        programs: ['dx-providers'],
        consequence: {
          zh: '信息维护更新不及时、产品信息不实或经核实存在严重不良行为的，限期整改或清退',
          en: 'Late updates, false product information or verified serious misconduct: rectification or removal',
        },
        source: '000 §四(一)',
      },
      {
        id: 'service-registration',
        kind: 'service-records',
        name: { zh: '服务登记', en: 'Service registration' },
        programs: ['dx-providers'],
        records: [
          {
            id: 'order',
            name: { zh: '线下确认的订单和服务', en: 'Orders and services confirmed offline' },
          },
          {
            id: 'government-service',
            name: { zh: '政府委托或采购服务', en: 'Government-commissioned services' },
          },
          { id: 'order-feedback', name: { zh: '订单反馈评价', en: 'Order feedback' } },
        ],
        source: '000 §四(二)',
      },
      {
        id: 'evaluation',
        kind: 'evaluation',
        name: { zh: '考核评价', en: 'Evaluation' },
        programs: ['dx-providers'],
        period: 'periodic',
        by: 'province_admin',
        grades: [
          { id: 'qualified', name: { zh: '合格', en: 'Qualified' } },
          { id: 'unqualified', name: { zh: '不合格', en: 'Unqualified' } },
        ],
        thresholds: [
          {
            grade: 'qualified',
            min: 60,
            source: '000 §四(三) (Platform reading: the notice sets no score)',
          },
        ],
        commentWindow: {
          days: 5,
          calendar: 'working',
          source: '000 §四(三) (Platform reading: the notice sets no comment window)',
        },
        removeAfterConsecutiveFailures: 2,
        removalGround: 'failed-twice',
        source: '000 §四(三)',
      },
      {
        id: 'evaluation-removal',
        kind: 'disqualification',
        name: { zh: '考核评价清退', en: 'Removal after failed evaluations' },
        programs: ['dx-providers'],
        publicNotice: false,
        grounds: [
          clause(
            'failed-twice',
            '000 §四(三)',
            '连续两年评价为不合格',
            'Unqualified in the evaluation two years in a row',
          ),
        ],
        source: '000 §四(三)',
      },
      {
        id: 'spot-checks',
        kind: 'spot-check',
        name: { zh: '日常监督与抽查', en: 'Supervision and spot checks' },
        programs: ['dx-providers'],
        by: 'city_admin',
        source: '000 §四(四)',
      },
      {
        id: 'complaints',
        kind: 'complaint',
        name: { zh: '客户举报', en: 'Complaints by customers' },
        programs: ['dx-providers'],
        // 000 §四(一) names what a customer's report may show; §四(四) invites everyone to
        // supervise providers.
        grounds: [
          clause(
            'outdated-information',
            '000 §四(一)',
            '信息维护更新不及时',
            'Information not kept up to date',
          ),
          clause(
            'false-product-information',
            '000 §四(一)',
            '产品信息不实',
            'False product information',
          ),
          clause('serious-misconduct', '000 §四(一)', '存在严重不良行为', 'Serious misconduct'),
        ],
        // Platform reading: 000 sets no period for the provider's reply; five working
        // days, as Jining's tenant reads it. The bureau must confirm.
        replyDays: 5,
        calendar: 'working',
        source: '000 §四(一)、§四(四)',
      },
      {
        id: 'disqualification',
        kind: 'disqualification',
        name: { zh: '取消服务资格', en: 'Disqualification' },
        programs: ['dx-providers'],
        publicNotice: true,
        grounds: [
          clause('fraud', '000 §四(四)', '弄虚作假', 'Fraud or falsification'),
          clause(
            'unfair-competition',
            '000 §四(四)',
            '不正当竞争造成恶劣影响',
            'Unfair competition with bad effects',
          ),
          clause(
            'refused-supervision',
            '000 §四(四)',
            '拒绝接受监督检查',
            'Refused supervision or inspection',
          ),
          clause('deception', '000 §四(四)', '存在欺诈行为', 'Deception'),
          clause(
            'terminated',
            '000 §四(四)',
            '企业被依法终止',
            'The company was terminated by law',
          ),
          clause(
            'safety-or-crime',
            '000 §四(四)',
            '发生重大安全问题或违法行为',
            'A major safety problem or violation of law',
          ),
        ],
        source: '000 §四(四)',
      },
    ],
  },
} satisfies TenantFile;
