/**
 * `/<t>/disqualifications`: the public notice of the members a tenant disqualified,
 * where its rule orders one (issue 12 item 5): name, USCC, the ground in the notice's
 * words with its clause, and the date. A decision annulled on appeal stays listed as
 * annulled, so the record the public saw is never silently withdrawn. Prints on A4 like
 * the publicity notices. The same path with `?format=csv|xlsx` downloads the list, for
 * anyone, with exactly the columns the page shows.
 */
import type { ExportTable, Platform } from '@sme/platform';
import type { Context } from 'hono';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { Downloads, listDownload } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { Bi, beijing } from '../shell/text.js';
import { caseStatus, groundName } from './names.js';

const COLUMNS: Column[] = [
  { zh: '单位名称', en: 'Name' },
  { zh: '统一社会信用代码', en: 'USCC' },
  { zh: '取消资格事由', en: 'Ground' },
  { zh: '决定时间（北京时间）', en: 'Decided (Beijing time)' },
  { zh: '状态', en: 'Status' },
];
const WIDTHS = [30, 22, 40, 20, 10];

export async function disqualificationNotices(c: Context, platform: Platform) {
  const { tenant } = scopeOf(c);
  const notices = await platform.supervision.disqualifications.notices(tenant);
  const now = platform.clock.now();
  const table: ExportTable = {
    name: `${tenant.name.zh}取消资格公告（${beijing(now).slice(0, 10)}）`,
    title: `${tenant.name.zh}取消资格公告`,
    columns: COLUMNS.map((col, i) => ({ header: col.zh, width: WIDTHS[i] ?? 20 })),
    rows: notices.map((n) => [
      n.name,
      n.uscc,
      groundName(tenant, n.ground),
      beijing(n.createdAt),
      caseStatus(n.status).zh,
    ]),
  };
  if (c.req.query('format')) return listDownload(c, table, now);
  const path = `/${tenant.id}/disqualifications`;
  return renderPage(
    c,
    { title: '取消资格公告' },
    <>
      <h1>
        取消资格公告 <span class="en">Disqualifications</span>
      </h1>
      <p>
        {tenant.name.zh}依据本地服务商管理规定，取消下列服务商的资格。
        <span class="en" lang="en">
          {' '}
          {tenant.name.en} has disqualified the providers below under its rules.
        </span>
      </p>
      <Downloads href={path} label={table.name} />
      {notices.length === 0 ? (
        <p>暂无取消资格公告。None.</p>
      ) : (
        <DataTable columns={COLUMNS} caption="取消资格公告 Disqualifications">
          {notices.map((n) => (
            <tr>
              <RowHead>
                <a href={`/${tenant.id}/members/${n.uscc}`}>{n.name}</a>
              </RowHead>
              <Cell column={COLUMNS[1] as Column}>{n.uscc}</Cell>
              <Cell column={COLUMNS[2] as Column}>{groundName(tenant, n.ground)}</Cell>
              <Cell column={COLUMNS[3] as Column}>{beijing(n.createdAt)}</Cell>
              <Cell column={COLUMNS[4] as Column}>
                <Bi text={caseStatus(n.status)} />
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>,
  );
}
