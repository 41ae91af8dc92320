/**
 * Writes an export table as officials open it: Excel (`.xlsx`: the title row of the
 * attachment, Chinese headers, the header frozen, column widths, borders, printed
 * landscape on A4 with the header on every page) or CSV (UTF-8 with a BOM so Excel
 * reads the Chinese, RFC 4180 quoting, CRLF). Answered as a download named in Chinese.
 *
 * The Excel library is imported when a workbook is written, never before: no other
 * route pays for it, and the Lambda bundle keeps it in a module of its own.
 */
import type { ExportTable } from '@sme/platform';

export type ExportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const BOM = '\uFEFF';

/**
 * One CSV cell: quoted when it holds a comma, a quote, a line break or edge spaces; a
 * text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR) is kept
 * as text with a leading apostrophe, so a name typed by an applicant never runs.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header and the rows; the title row is left out so the file parses as a table. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => c.header), ...table.rows].map((row) =>
    row.map(csvCell).join(','),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

type ExcelModule = typeof import('exceljs');

async function excel(): Promise<ExcelModule> {
  const mod = await import('exceljs');
  // CommonJS under Node's ESM loader answers the namespace as `default`.
  return (mod as ExcelModule & { default?: ExcelModule }).default ?? mod;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function toXlsx(table: ExportTable, created: Date): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '中小企业数字化转型服务商平台';
  workbook.created = created;
  workbook.modified = created;
  const above = (table.title ? 1 : 0) + (table.subtitle ? 1 : 0);
  const headerRow = above + 1;
  const sheet = workbook.addWorksheet(sheetName(table.title ?? table.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  const width = table.columns.length;
  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });
  if (table.title) {
    const row = sheet.addRow([table.title]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.height = 30;
    row.getCell(1).font = { bold: true, size: 16 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  }
  if (table.subtitle) {
    const row = sheet.addRow([table.subtitle]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  }
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF6' } };
  });
  for (const values of table.rows) {
    const row = sheet.addRow(values);
    for (let i = 1; i <= width; i += 1) {
      const cell = row.getCell(i);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    }
  }
  if (table.rows.length > 0) {
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + table.rows.length, column: width },
    };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** `attachment; filename="export.xlsx"; filename*=UTF-8''<the Chinese name>.xlsx` (RFC 6266). */
export function contentDisposition(name: string, format: ExportFormat): string {
  const file = `${name}.${format}`;
  const encoded = encodeURIComponent(file).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="export.${format}"; filename*=UTF-8''${encoded}`;
}

/** The table as a download in the asked format. */
export async function exportResponse(
  table: ExportTable,
  format: ExportFormat,
  now: Date,
): Promise<Response> {
  const body = format === 'xlsx' ? await toXlsx(table, now) : toCsv(table);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': contentDisposition(table.name, format),
    },
  });
}
