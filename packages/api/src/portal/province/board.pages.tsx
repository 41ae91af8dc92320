/**
 * `/<province>/province/board`: the province's early-warning board (issue 12 items 8–9)
 * for its administrator: rectification orders past due in every city, members with
 * several complaints, stalled engagements, missed yearly updates, and the organizations
 * removed in one city while still in another's pool. Each section
 * downloads as CSV (UTF-8 with a BOM) or Excel through the export mechanism, from the
 * same rows the page shows (`board-tables.ts`).
 */
import type { ResolvedTenant } from '@sme/core';
import type { ExportTable, Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { pageNotFound } from '../shell/error-page.js';
import { ListedTable, listDownload } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import {
  complaintsTable,
  missedTable,
  overdueTable,
  removedTable,
  stalledTable,
} from './board-tables.js';

/** A section of the board: its heading, its table, and what it says when empty. */
interface Section {
  id: string;
  heading: { zh: string; en: string };
  table: ExportTable;
  en: string[];
  none: { zh: string; en: string };
}

async function boardTables(c: Context, platform: Platform) {
  const { tenant, claims } = member(c);
  // Only this province's administrator; anyone else gets the 403 page.
  const board = await platform.supervision.provinceBoard.board(tenant, claims);
  const family = new Map<string, ResolvedTenant>(
    platform.tenants.family(tenant).map((t) => [t.id, t]),
  );
  // Names of the removed members from the pools that list them (read only when needed).
  const names = new Map<string, string>();
  if (board.removedElsewhere.length > 0)
    for (const entry of await platform.publicityQueries.pool(tenant, {}))
      names.set(entry.uscc, entry.orgName);
  const now = platform.clock.now();
  const sections: Section[] = [
    {
      id: 'overdue',
      heading: { zh: '逾期未整改', en: 'Rectification orders past due' },
      table: overdueTable(board, family, now),
      en: ['Member', 'City', 'USCC', 'Ground', 'Due (Beijing time)', 'Overdue by'],
      none: { zh: '暂无逾期未整改的服务商。', en: 'No order is past due.' },
    },
    {
      id: 'complaints',
      heading: { zh: '多次被投诉', en: 'Members with several complaints' },
      table: complaintsTable(board, family, now),
      en: ['Member', 'City', 'USCC', 'Complaints'],
      none: { zh: '暂无多次被投诉的服务商。', en: 'None.' },
    },
    {
      id: 'stalled',
      heading: { zh: '服务项目停滞', en: 'Engagements stalled' },
      table: stalledTable(board, family, now),
      en: ['Member', 'City', 'Engagement', 'Last change (Beijing time)', 'Idle days'],
      none: { zh: '暂无停滞的服务项目。', en: 'None.' },
    },
    {
      id: 'missed',
      heading: { zh: '未按期更新信息', en: 'Yearly updates missed' },
      table: missedTable(board, family, now),
      en: ['Member', 'City', 'USCC', 'Year'],
      none: { zh: '暂无未按期更新信息的服务商。', en: 'None.' },
    },
    {
      id: 'removed',
      heading: { zh: '异地被清退', en: 'Removed in one city, listed in another' },
      table: removedTable(board, family, names, now),
      en: ['Member', 'USCC', 'Removed in', 'Still listed in'],
      none: { zh: '暂无此类服务商。', en: 'None.' },
    },
  ];
  return { tenant, now, sections };
}

export function boardPages(platform: Platform) {
  return new Hono()
    .get('/:t/province/board', async (c) => {
      const { tenant, now, sections } = await boardTables(c, platform);
      const base = `/${tenant.id}/province/board`;
      return renderPage(
        c,
        { title: '监管预警' },
        <>
          <h1>
            监管预警 <span class="en">Supervision board</span>
          </h1>
          <p class="muted">
            数据截至 {beijing(now)}（北京时间）。
            <span class="en" lang="en">
              {' '}
              As of {beijing(now)}, Beijing time.
            </span>
          </p>
          {sections.map((section) => (
            <section aria-labelledby={section.id}>
              <h2 id={section.id}>
                {section.heading.zh} <span class="en">{section.heading.en}</span>
              </h2>
              <ListedTable
                table={section.table}
                en={section.en}
                href={`${base}/${section.id}`}
                none={section.none}
              />
            </section>
          ))}
        </>,
      );
    })
    .get('/:t/province/board/:section', async (c) => {
      const { now, sections } = await boardTables(c, platform);
      const section = sections.find((s) => s.id === c.req.param('section'));
      if (!section) return pageNotFound(c);
      return listDownload(c, section.table, now);
    });
}
