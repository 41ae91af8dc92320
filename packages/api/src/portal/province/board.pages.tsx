/**
 * `/<province>/province/board`: the province's early-warning board (issue 12 items 8–9)
 * for its administrator: rectification orders past due in every city, and the
 * organizations removed in one city while still in another's pool. Each section
 * downloads as CSV (UTF-8 with a BOM) or Excel through the export mechanism, from the
 * same rows the page shows (`board-tables.ts`).
 */
import type { ResolvedTenant } from '@sme/core';
import type { ExportTable, Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import { exportResponse } from '../../exports/spreadsheet.js';
import { member } from '../../middleware/tenant-scope/index.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { overdueTable, removedTable } from './board-tables.js';

const OVERDUE_EN = ['Member', 'City', 'USCC', 'Ground', 'Due (Beijing time)', 'Overdue by'];
const REMOVED_EN = ['Member', 'USCC', 'Removed in', 'Still listed in'];

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
  return {
    tenant,
    now,
    overdue: overdueTable(board, family, now),
    removed: removedTable(board, family, names, now),
  };
}

function Downloads({ href, label }: { href: string; label: string }) {
  return (
    <p class="downloads">
      下载 Download：
      <a href={`${href}?format=csv`} download>
        CSV<span class="visually-hidden">：{label}</span>
      </a>{' '}
      <a href={`${href}?format=xlsx`} download>
        Excel<span class="visually-hidden">：{label}</span>
      </a>
    </p>
  );
}

/** A section's rows as a table that stacks on a phone; the first column names the row. */
function BoardTable({ table, en }: { table: ExportTable; en: string[] }) {
  const columns: Column[] = table.columns.map((col, i) => ({
    zh: col.header,
    en: en[i] ?? '',
  }));
  return (
    <DataTable columns={columns} caption={table.title}>
      {table.rows.map(([head, ...cells]) => (
        <tr>
          <RowHead>{head}</RowHead>
          {cells.map((cell, i) => (
            <Cell column={columns[i + 1] ?? { zh: '', en: '' }}>{cell}</Cell>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

export function boardPages(platform: Platform) {
  const format = (c: Context) => (c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv');
  return new Hono()
    .get('/:t/province/board', async (c) => {
      const { tenant, now, overdue, removed } = await boardTables(c, platform);
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
          <section aria-labelledby="overdue">
            <h2 id="overdue">
              逾期未整改 <span class="en">Rectification orders past due</span>
            </h2>
            <Downloads href={`${base}/overdue`} label="逾期未整改清单" />
            {overdue.rows.length === 0 ? (
              <p>暂无逾期未整改的服务商。No order is past due.</p>
            ) : (
              <BoardTable table={overdue} en={OVERDUE_EN} />
            )}
          </section>
          <section aria-labelledby="removed">
            <h2 id="removed">
              异地被清退 <span class="en">Removed in one city, listed in another</span>
            </h2>
            <Downloads href={`${base}/removed`} label="异地被清退服务商清单" />
            {removed.rows.length === 0 ? (
              <p>暂无此类服务商。None.</p>
            ) : (
              <BoardTable table={removed} en={REMOVED_EN} />
            )}
          </section>
        </>,
      );
    })
    .get('/:t/province/board/overdue', async (c) => {
      const { now, overdue } = await boardTables(c, platform);
      return exportResponse(overdue, format(c), now);
    })
    .get('/:t/province/board/removed', async (c) => {
      const { now, removed } = await boardTables(c, platform);
      return exportResponse(removed, format(c), now);
    });
}
