/**
 * A tenant's publicity notices as a table, newest first: each notice's title linking to
 * the public notice, when it was published and when its period ends (24:00 of the last
 * working day, as the notice itself says), and one more column the page chooses (the
 * public sees whether it still runs; the city admin, its open objections).
 */
import { formatDeadline, type ResolvedTenant } from '@sme/core';
import { programOf } from '@sme/platform';
import type { Notice } from '@sme/store';
import type { Child, FC } from 'hono/jsx';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { beijing } from '../shell/text.js';
import { noticeTitle } from './notice-page.js';

const COLUMNS = {
  notice: { zh: '公示', en: 'Notice' },
  published: { zh: '发布时间', en: 'Published' },
  ends: { zh: '公示截止', en: 'Ends' },
} as const satisfies Record<string, Column>;

export const NoticesTable: FC<{
  tenant: ResolvedTenant;
  notices: readonly Notice[];
  /** The page's own last column: its header, and its cell for each notice. */
  last: { column: Column; cell: (notice: Notice, index: number) => Child };
}> = ({ tenant, notices, last }) => (
  <DataTable columns={[...Object.values(COLUMNS), last.column]}>
    {notices.map((notice, i) => (
      <tr>
        <RowHead>
          <a href={`/${tenant.id}/notices/${notice.id}`}>
            {noticeTitle(programOf(tenant, notice.programId))}
          </a>
        </RowHead>
        <Cell column={COLUMNS.published}>{beijing(notice.publishedAt)}</Cell>
        <Cell column={COLUMNS.ends}>{formatDeadline(new Date(notice.endsAt))}</Cell>
        <Cell column={last.column}>{last.cell(notice, i)}</Cell>
      </tr>
    ))}
  </DataTable>
);
