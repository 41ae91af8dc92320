/**
 * The downloads officials use (issue 11 §6): the initial-review recommendation summary
 * of seed 002 附件5 and the applications table, as Excel (read back with the same
 * library) and CSV, through the API and through the pages with the session cookie.
 */
import { testApp } from '@sme/api/testing';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { PageClient, textOf } from '../support/page-client.js';
import { OPEN_AT, PROGRAM } from '../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  cityAdminOf,
  type Harness,
  reviewerOf,
} from '../support/review-walk.js';

const TITLE = '青岛市中小企业数字化转型城市试点推荐服务商初审推荐汇总表';
const SUMMARY_COLUMNS = [
  '序号',
  '所属区市',
  '服务商名称',
  '统一社会信用代码',
  '申报类型',
  '细分行业方向',
  '初审意见',
  '推荐日期',
  '备注',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let harness: Harness;
let cityAdmin: ApiClient;
/** Passed by their district: two in Laoshan, one in Shinan. */
const recommended: { id: string; org: string }[] = [];
/** Waiting at the district review, and returned by it: not recommended. */
const notRecommended: { id: string; org: string }[] = [];

async function download(client: ApiClient, path: string) {
  const res = await client.app.request(path, {
    headers: { authorization: `Bearer ${client.token}` },
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function readWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { sheet, rows };
}

/** Minimal RFC 4180 parser: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  for (const [n, region] of [
    [801, 'laoshan'],
    [802, 'laoshan'],
    [803, 'shinan'],
  ] as const) {
    recommended.push(await atPanel(harness, n, region));
  }
  notRecommended.push(await atDistrictReview(harness, 804, 'laoshan'));
  const returned = await atDistrictReview(harness, 805, 'shinan');
  const reviewer = await reviewerOf(harness, 'shinan');
  const decided = await reviewer.post(`/api/tenants/qingdao/applications/${returned.id}/decision`, {
    stage: 'district-review',
    outcome: 'return',
    comment: '缺少服务案例证明材料。',
  });
  expect(decided.status).toBe(200);
  await harness.review.settled();
  notRecommended.push(returned);
  cityAdmin = await cityAdminOf(harness);
}, 120_000);

describe('GET /api/tenants/{t}/exports/recommendations', () => {
  it('is the summary table of 附件5 as Excel: title, frozen header, one row per recommended application', async () => {
    const { res, bytes } = await download(
      cityAdmin,
      `/api/tenants/qingdao/exports/recommendations?programId=${PROGRAM}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(`${TITLE}（青岛市（全市））.xlsx`).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const { sheet, rows } = await readWorkbook(bytes);
    // The title row spans the table (a merged cell reads back in every column).
    expect(rows[0]?.[0]).toBe(TITLE);
    expect(sheet.getCell(1, SUMMARY_COLUMNS.length).isMerged).toBe(true);
    expect(rows[2]).toEqual(SUMMARY_COLUMNS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(30);
    const body = rows.slice(3);
    expect(body).toHaveLength(recommended.length);
    expect(body.map((r) => r[3]).sort()).toEqual(recommended.map((r) => r.org).sort());
    for (const { org } of notRecommended) expect(body.map((r) => r[3])).not.toContain(org);
    // District order of the notice (市南区 before 崂山区), numbered, names people know.
    expect(body.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(body.map((r) => r[1])).toEqual(['市南区', '崂山区', '崂山区']);
    expect(body[0]).toEqual([
      1,
      '市南区',
      '审核测试公司803',
      recommended[2]?.org,
      '“小快轻准”产品型服务商',
      '汽车零部件及配件制造',
      '初审通过，无重复申报。',
      '2024-01-20',
      '',
    ]);
  });

  it('of one district for the city, and a district reviewer gets only its own', async () => {
    const shinan = await download(
      cityAdmin,
      `/api/tenants/qingdao/exports/recommendations?programId=${PROGRAM}&region=shinan`,
    );
    const { rows } = await readWorkbook(shinan.bytes);
    expect(rows.slice(3).map((r) => r[3])).toEqual([recommended[2]?.org]);

    const laoshanReviewer = await reviewerOf(harness, 'laoshan');
    const own = await download(
      laoshanReviewer,
      `/api/tenants/qingdao/exports/recommendations?programId=${PROGRAM}`,
    );
    expect(own.res.status).toBe(200);
    const ownRows = (await readWorkbook(own.bytes)).rows.slice(3);
    expect(ownRows.map((r) => r[1])).toEqual(['崂山区', '崂山区']);
    const other = await download(
      laoshanReviewer,
      `/api/tenants/qingdao/exports/recommendations?programId=${PROGRAM}&region=shinan`,
    );
    expect(other.res.status).toBe(403);
  });

  it('as CSV: the BOM, the header of 附件5, quoted cells that parse', async () => {
    const { res, bytes } = await download(
      cityAdmin,
      `/api/tenants/qingdao/exports/recommendations?programId=${PROGRAM}&format=csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''.+\.csv$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(SUMMARY_COLUMNS);
    expect(
      rows
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(recommended.map((r) => r.org).sort());
    expect(rows.every((r) => r.length === SUMMARY_COLUMNS.length)).toBe(true);
  });

  it('refuses another tenant, the public and a provider', async () => {
    const jinan = await ApiClient.signIn(harness.app, { role: 'city_admin', tenant: 'jinan' });
    const path = `/api/tenants/qingdao/exports/recommendations?programId=${PROGRAM}`;
    expect((await download(jinan, path)).res.status).toBe(403);
    expect((await harness.app.request(path)).status).toBe(401);
    const provider = await ApiClient.signIn(harness.app, {
      role: 'provider',
      tenant: 'qingdao',
      org: recommended[0]?.org,
    });
    expect((await download(provider, path)).res.status).toBe(403);
    expect((await download(cityAdmin, `${path}&region=nowhere`)).res.status).toBe(422);
  });
});

describe('GET /api/tenants/{t}/exports/applications', () => {
  it('lists every submitted application with its status and stage, in Beijing time', async () => {
    const { res, bytes } = await download(
      cityAdmin,
      `/api/tenants/qingdao/exports/applications?programId=${PROGRAM}`,
    );
    expect(res.status).toBe(200);
    const { sheet, rows } = await readWorkbook(bytes);
    expect(rows[0]?.slice(0, 4)).toEqual(['序号', '单位名称', '统一社会信用代码', '所属区市']);
    expect(rows[0]).toContain('提交时间（北京时间）');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows.slice(1)).toHaveLength(5);
    const returned = rows.find((r) => r[2] === notRecommended[1]?.org);
    expect(returned).toContain('退回修改');
    expect(String(returned?.[10])).toMatch(/^2024-01-20 \d\d:\d\d$/);
  });

  it('filters by status, and a district reviewer sees its district only', async () => {
    const csv = await download(
      await reviewerOf(harness, 'shinan'),
      `/api/tenants/qingdao/exports/applications?format=csv`,
    );
    const rows = parseCsv(new TextDecoder().decode(csv.bytes));
    expect(rows.slice(1).map((r) => r[3])).toEqual(['市南区', '市南区']);
    const returned = await download(
      cityAdmin,
      `/api/tenants/qingdao/exports/applications?status=returned&format=csv`,
    );
    const only = parseCsv(new TextDecoder().decode(returned.bytes));
    expect(only.slice(1).map((r) => r[2])).toEqual([notRecommended[1]?.org]);
  });
});

describe('/<t>/admin/exports', () => {
  it('lists the downloads per district and answers the file with the session cookie', async () => {
    const browser = new PageClient(harness.app);
    await browser.signIn('qingdao', 'city-admin');
    const page = await browser.get('/qingdao/admin/exports');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('初审推荐汇总表');
    expect(text).toContain('崂山区');
    const link =
      /href="(\/qingdao\/admin\/exports\/recommendations\?[^"]*region=laoshan[^"]*format=xlsx[^"]*)"/.exec(
        page.html,
      )?.[1];
    expect(link).toBeDefined();
    const res = await harness.app.request((link ?? '').replaceAll('&amp;', '&'), {
      headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const { rows } = await readWorkbook(new Uint8Array(await res.arrayBuffer()));
    expect(rows.slice(3).map((r) => r[1])).toEqual(['崂山区', '崂山区']);
  });

  it('shows a district reviewer only its district, and another city a 403 page', async () => {
    const reviewer = new PageClient(harness.app);
    await reviewer.signIn('qingdao', 'reviewer-laoshan');
    const page = await reviewer.get('/qingdao/admin/exports');
    expect(page.status).toBe(200);
    expect(page.html).toContain('region=laoshan');
    expect(page.html).not.toContain('region=shinan');
    const forbidden = await reviewer.get(
      `/qingdao/admin/exports/recommendations?programId=${PROGRAM}&region=shinan&format=csv`,
    );
    expect(forbidden.status).toBe(403);

    const jinan = new PageClient(harness.app);
    await jinan.signIn('jinan', 'city-admin');
    const other = await jinan.get('/qingdao/admin/exports');
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('text/html');
  });
});
