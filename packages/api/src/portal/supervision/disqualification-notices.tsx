/**
 * `/<t>/disqualifications`: the public notice of the members a tenant disqualified,
 * where its rule orders one (issue 12 item 5): name, USCC, the ground in the notice's
 * words with its clause, and the date. A decision annulled on appeal stays listed as
 * annulled, so the record the public saw is never silently withdrawn. Prints on A4 like
 * the publicity notices.
 */
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
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

export async function disqualificationNotices(c: Context, platform: Platform) {
  const { tenant } = scopeOf(c);
  const notices = await platform.supervision.disqualifications.notices(tenant);
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
