/**
 * A list a page shows and a file downloads from the same rows (issue 12 item 9: "every
 * list exportable to Excel and CSV"). A page builds its list once as an `ExportTable`
 * (Chinese headers, text cells, times in Beijing time); `ListedTable` draws it as the
 * one data table with the two download links above it, and the list's download route
 * answers `listDownload(c, table, now)`: so a file says exactly what the page says.
 */
import type { LocalizedText } from '@sme/core';
import type { ExportTable } from '@sme/platform';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { type ExportFormat, exportResponse } from '../../exports/spreadsheet.js';
import { Cell, type Column, DataTable, RowHead } from './data-table.js';

/** `?format=xlsx` is a workbook; anything else the CSV a clerk opens anywhere. */
export const downloadFormat = (c: Context): ExportFormat =>
  c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv';

/** The answer of a list's download route. */
export const listDownload = (c: Context, table: ExportTable, now: Date) =>
  exportResponse(table, downloadFormat(c), now);

/** The two download links of a list; `href` is its download route (no query). */
export function Downloads({ href, label }: { href: string; label: string }) {
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

/**
 * A list as a table that stacks on a phone, the first column naming the row, with its
 * downloads above it; `en` gives the columns' English names in order, and `none` is
 * what the page says when there is no row (the downloads stay: an empty file is an
 * answer too).
 */
export function ListedTable({
  table,
  en,
  href,
  none,
}: {
  table: ExportTable;
  en: readonly string[];
  href: string;
  none: LocalizedText;
}): Child {
  const columns: Column[] = table.columns.map((col, i) => ({ zh: col.header, en: en[i] ?? '' }));
  return (
    <>
      <Downloads href={href} label={table.name} />
      {table.rows.length === 0 ? (
        <p>
          {none.zh}
          <span class="en" lang="en">
            {' '}
            {none.en}
          </span>
        </p>
      ) : (
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
      )}
    </>
  );
}
