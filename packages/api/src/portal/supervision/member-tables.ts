/**
 * The member page's lists as tables of text (issue 12 item 9), from the member view the
 * page draws: the listings and the latest grade for anyone (the public subset), and for
 * the member itself and staff its orders, disqualifications, complaints, engagements,
 * appeals and every evaluation. A list the caller may not see has no table at all, so
 * its download is refused instead of written from rows the page does not show.
 */
import { formatDeadline, GRADE_NAMES, type LocalizedText, type ResolvedTenant } from '@sme/core';
import type { ExportTable, Platform } from '@sme/platform';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { beijing } from '../shell/text.js';
import { ENGAGEMENT_COLUMNS_EN, engagementsTable } from './engagement-table.js';
import { caseStatus, groundName } from './names.js';

export type MemberView = Awaited<ReturnType<Platform['supervision']['memberView']['view']>>;
export type FullView = Extract<MemberView, { full: true }>;

/** One list of the page: its heading, table, English column names and empty text. */
export interface MemberList {
  id: string;
  heading: LocalizedText;
  table: ExportTable;
  en: readonly string[];
  none: LocalizedText;
}

/** Every list the page can show, each the last segment of its download's path. */
export const MEMBER_LISTS = [
  'listings',
  'orders',
  'disqualifications',
  'complaints',
  'engagements',
  'appeals',
  'grades',
] as const;

const NONE = { zh: '暂无。', en: 'None.' };

function publicLists(tenant: ResolvedTenant, view: MemberView, stamp: string): MemberList[] {
  const names = catalogueNames([tenant]);
  const grade = view.latestGrade;
  return [
    {
      id: 'listings',
      heading: { zh: '入库信息', en: 'Listings' },
      en: ['Program', 'District', 'Listed'],
      none: NONE,
      table: {
        name: `${view.name}入库信息（${stamp}）`,
        title: `${view.name}入库信息`,
        columns: [
          { header: '入库类别', width: 30 },
          { header: '所在区市', width: 14 },
          { header: '入库时间', width: 14 },
        ],
        rows: view.listings.map((l) => [
          tenant.programs.find((p) => p.id === l.programId)?.title.zh ?? l.programId,
          l.region ? nameOf(names.regions, l.region) : '',
          beijing(l.listedAt).slice(0, 10),
        ]),
      },
    },
    // Anyone sees the latest published grade; the member and staff see every year's.
    ...(view.full
      ? []
      : [
          {
            id: 'grades',
            heading: { zh: '年度评价', en: 'Yearly evaluation' },
            en: ['Year', 'Grade'],
            none: NONE,
            table: {
              name: `${view.name}年度评价（${stamp}）`,
              title: `${view.name}年度评价`,
              columns: [
                { header: '年度', width: 8 },
                { header: '评价等次', width: 12 },
              ],
              rows: grade ? [[String(grade.year), grade.name.zh]] : [],
            },
          },
        ]),
  ];
}

function fullLists(tenant: ResolvedTenant, view: FullView, now: Date, stamp: string) {
  const ground = (id: string) => groundName(tenant, id);
  const table = (title: string, columns: [string, number][], rows: ExportTable['rows']) => ({
    name: `${view.name}${title}（${stamp}）`,
    title: `${view.name}${title}`,
    columns: columns.map(([header, width]) => ({ header, width })),
    rows,
  });
  const lists: MemberList[] = [
    {
      id: 'orders',
      heading: { zh: '整改通知', en: 'Rectification orders' },
      en: ['Ground', 'Details', 'Due (Beijing time)', 'Status'],
      none: { zh: '暂无整改通知。', en: 'No orders.' },
      table: table(
        '整改通知',
        [
          ['整改事由', 30],
          ['具体情况', 40],
          ['整改期限（北京时间）', 20],
          ['状态', 14],
        ],
        view.rectifications.map((o) => [
          ground(o.ground),
          o.detail,
          formatDeadline(new Date(o.dueAt)),
          caseStatus(o.status).zh,
        ]),
      ),
    },
    {
      id: 'disqualifications',
      heading: { zh: '取消资格', en: 'Disqualifications' },
      en: ['Ground', 'Facts and reasons', 'Decided (Beijing time)', 'Status', 'Banned until'],
      none: NONE,
      table: table(
        '取消资格',
        [
          ['取消资格事由', 30],
          ['事实与理由', 40],
          ['决定时间（北京时间）', 20],
          ['状态', 10],
          ['禁入期限', 20],
        ],
        view.disqualifications.map((d) => [
          ground(d.ground),
          d.detail,
          beijing(d.createdAt),
          caseStatus(d.status).zh,
          d.ban ? formatDeadline(new Date(d.ban.until)) : '',
        ]),
      ),
    },
    {
      id: 'complaints',
      heading: { zh: '投诉', en: 'Complaints' },
      en: ['Ground', 'Complaint', 'Filed (Beijing time)', 'Reply due', 'Status'],
      none: { zh: '暂无投诉。', en: 'No complaints.' },
      table: table(
        '投诉',
        [
          ['投诉事由', 30],
          ['投诉内容', 40],
          ['投诉时间（北京时间）', 20],
          ['答复期限（北京时间）', 20],
          ['状态', 14],
        ],
        view.complaints.map((k) => [
          ground(k.ground),
          k.detail,
          beijing(k.createdAt),
          formatDeadline(new Date(k.replyDueAt)),
          caseStatus(k.status, 'complaint').zh,
        ]),
      ),
    },
    {
      id: 'engagements',
      heading: { zh: '服务登记', en: 'Engagements' },
      en: ENGAGEMENT_COLUMNS_EN.provider,
      none: { zh: '暂无服务登记。', en: 'No engagements.' },
      table: {
        ...engagementsTable(view.engagements, 'provider', now),
        name: `${view.name}服务登记（${stamp}）`,
      },
    },
    {
      id: 'appeals',
      heading: { zh: '申诉', en: 'Appeals' },
      en: ['Ground', 'Details', 'Lodged (Beijing time)', 'Status', 'Decision'],
      none: { zh: '无申诉。', en: 'No appeals.' },
      table: table(
        '申诉',
        [
          ['申诉理由', 30],
          ['申诉说明', 40],
          ['提交时间（北京时间）', 20],
          ['状态', 12],
          ['处理意见', 40],
        ],
        view.appeals.map((a) => [
          ground(a.ground),
          a.detail,
          beijing(a.createdAt),
          caseStatus(a.status).zh,
          a.decision?.comment ?? '',
        ]),
      ),
    },
    {
      id: 'grades',
      heading: { zh: '年度评价', en: 'Yearly evaluation' },
      en: ['Year', 'Status', 'Score', 'Grade'],
      none: NONE,
      table: table(
        '年度评价',
        [
          ['年度', 8],
          ['状态', 12],
          ['得分', 8],
          ['评价等次', 12],
        ],
        [...view.evaluations]
          .sort((a, b) => b.year - a.year)
          .map((e) => [
            String(e.year),
            caseStatus(e.status, 'evaluation').zh,
            e.score ?? '',
            // A grade is the bureau's once published; before that it is only proposed.
            e.status === 'published' && e.grade ? GRADE_NAMES[e.grade].zh : '',
          ]),
      ),
    },
  ];
  return lists;
}

/** Every list the caller sees on the member page, in the page's order. */
export function memberLists(tenant: ResolvedTenant, view: MemberView, now: Date): MemberList[] {
  const stamp = beijing(now).slice(0, 10);
  return [
    ...publicLists(tenant, view, stamp),
    ...(view.full ? fullLists(tenant, view, now, stamp) : []),
  ];
}
