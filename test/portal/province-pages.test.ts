/**
 * The province's pages (issue 11 §7): the dashboard across the cities, whose numbers
 * are the province's counters (by city × status, and by category, equal to a recount),
 * drawn as SVG with a table beside each chart; and the province-wide pool, naming the
 * city of each provider.
 */
import { testApp } from '@sme/api/testing';
import { APPLICATION_STATUSES, type ApplicationStatus, STATUS_NAMES } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, attachPdf } from '../support/api-client.js';
import { PageClient, textOf } from '../support/page-client.js';
import { OPEN_AT, uscc } from '../support/qingdao.js';
import { atPublicity, type Harness, moveClock, publishNotice } from '../support/review-walk.js';
import { draftApplication } from '../support/submitted.js';

type ByStatus = Record<ApplicationStatus, number>;
type Stats = {
  tenants: {
    tenant: string;
    programs: {
      programId: string;
      byStatus: ByStatus;
      byCategory: { category?: string; byStatus: ByStatus }[];
    }[];
  }[];
  totals: { byStatus: ByStatus; byCategory: { category?: string; byStatus: ByStatus }[] };
};

const JINAN_PROGRAM = 'dx-providers';
let harness: Harness;
let provinceApi: ApiClient;
let listedName = '';

/** A Jinan provider's application in a category; submitted unless told otherwise. */
async function jinanApplication(n: number, category: string, submit: boolean) {
  const org = uscc(n);
  const provider = await ApiClient.signIn(harness.app, { role: 'provider', tenant: 'jinan', org });
  const saved = await provider.put(`/api/tenants/jinan/orgs/${org}`, {
    name: `济南统计测试公司${n}`,
    region: 'lixia',
  });
  expect(saved.status).toBe(200);
  const created = await provider.post<{ id: string }>('/api/tenants/jinan/applications', {
    programId: JINAN_PROGRAM,
    category,
    fields: {
      solutions: [{ name: '工业互联网平台', summary: '设备联网与数据采集。' }],
      cases: [{ client: '济南某机械厂', inProvince: true, summary: '完成产线联网，反馈良好。' }],
    },
  });
  expect(created.status).toBe(201);
  if (submit) {
    await attachPdf(provider, 'jinan', created.body.id, 'application-form');
    const submitted = await provider.post(
      `/api/tenants/jinan/applications/${created.body.id}/submit`,
    );
    expect(submitted.status).toBe(200);
  }
  return { provider, id: created.body.id };
}

/** Jinan's applications counted one by one, by category and status. */
async function recountJinanByCategory(): Promise<Record<string, Partial<ByStatus>>> {
  const { apps } = harness.platform.repositories;
  const counts: Record<string, Partial<ByStatus>> = {};
  let cursor: string | undefined;
  do {
    const page = await apps.list(
      { tenant: 'jinan', province: 'shandong' },
      { programId: JINAN_PROGRAM },
      { cursor, limit: 100 },
    );
    for (const app of page.items) {
      const group = counts[app.category ?? '-'] ?? {};
      group[app.status] = (group[app.status] ?? 0) + 1;
      counts[app.category ?? '-'] = group;
    }
    cursor = page.next;
  } while (cursor);
  return counts;
}

const nonZero = (counts: ByStatus) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

/** The numbers of the table row headed `label`: one cell per status, then the total. */
function rowOf(html: string, label: string): number[] {
  const row = new RegExp(`<th scope="row">${label}</th>((?:\\s*<td class="num">\\d+</td>)+)`).exec(
    html,
  );
  expect(row, label).not.toBeNull();
  return [...(row?.[1] ?? '').matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

const sumPrograms = (stats: Stats, tenant: string) =>
  APPLICATION_STATUSES.map((s) =>
    (stats.tenants.find((t) => t.tenant === tenant)?.programs ?? []).reduce(
      (n, p) => n + p.byStatus[s],
      0,
    ),
  );

beforeAll(async () => {
  // Jinan's call closes on 2023-08-22; Qingdao's opens on 2024-01-09.
  harness = await testApp({ start: '2023-08-10T09:00:00+08:00' });
  await jinanApplication(901, 'network', true);
  await jinanApplication(902, 'network', true);
  const changed = await jinanApplication(903, 'network', false);
  // A draft moved to another category leaves its first one.
  const patched = await changed.provider.patch(
    `/api/tenants/jinan/applications/${changed.id}`,
    { category: 'system-solutions' },
    { 'if-match': '"1"' },
  );
  expect(patched.status).toBe(200);
  await jinanApplication(904, 'industrial-security', false);
  await moveClock(harness, OPEN_AT);

  await draftApplication(harness.app, uscc(905), { name: '青岛统计测试草稿', region: 'shinan' });
  const { id, cityAdmin } = await atPublicity(harness, 906, 'laoshan');
  listedName = '审核测试公司906';
  await moveClock(harness, '2024-02-08T10:00:00+08:00');
  await publishNotice(cityAdmin, [id]);
  await moveClock(harness, '2024-02-22T00:00:00+08:00');
  provinceApi = await ApiClient.signIn(harness.app, {
    role: 'province_admin',
    tenant: 'shandong',
  });
}, 120_000);

describe('/<province>/province', () => {
  it('counts by category equal a recount, a changed category included', async () => {
    const stats = (await provinceApi.get<Stats>('/api/tenants/shandong/stats')).body;
    const jinan = stats.tenants
      .find((t) => t.tenant === 'jinan')
      ?.programs.find((p) => p.programId === JINAN_PROGRAM);
    const counted = Object.fromEntries(
      (jinan?.byCategory ?? []).map((c) => [c.category ?? '-', nonZero(c.byStatus)]),
    );
    expect(counted).toEqual(await recountJinanByCategory());
    expect(counted).toEqual({
      network: { in_review: 2 },
      'system-solutions': { draft: 1 },
      'industrial-security': { draft: 1 },
    });
    // Qingdao's call is not by category: its applications count without one.
    const qingdao = stats.totals.byCategory.find((c) => c.category === undefined);
    expect(qingdao && nonZero(qingdao.byStatus)).toEqual({ draft: 1, listed: 1 });
  });

  it('shows the counts of the stats by city × status and by category, as SVG and tables', async () => {
    const browser = new PageClient(harness.app);
    await browser.signIn('shandong', 'province-admin');
    const page = await browser.get('/shandong/province');
    expect(page.status).toBe(200);
    const stats = (await provinceApi.get<Stats>('/api/tenants/shandong/stats')).body;

    // Charts: images with a title, no inline style anywhere (the CSP forbids it).
    expect(page.html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="chart-city-title chart-city-desc"/,
    );
    expect(page.html).toContain('<title id="chart-city-title">各市申报数量（按状态）</title>');
    expect(page.html).toContain(
      '<title id="chart-category-title">各类别申报数量（按状态）</title>',
    );
    expect(page.html).not.toMatch(/\sstyle=/);
    // Officials read the places it covers, not the platform's word for them (租户).
    expect(textOf(page.html)).toContain('覆盖省本级及 3 个市。');
    expect(textOf(page.html)).not.toContain('租户');

    // The table beside the chart: each city's row is the sum of its programs.
    for (const [tenant, label] of [
      ['jinan', '济南市'],
      ['qingdao', '青岛市'],
      ['jining', '济宁市'],
      ['shandong', '山东省'],
    ] as const) {
      const counts = sumPrograms(stats, tenant);
      expect(rowOf(page.html, label), label).toEqual([
        ...counts,
        counts.reduce((a, b) => a + b, 0),
      ]);
    }
    // Submitted in August, taken up by review when the clock moved on.
    expect(rowOf(page.html, '济南市')).toEqual([2, 0, 2, 0, 0, 0, 0, 0, 4]);
    // By category, with the names of the catalogue.
    const network = stats.totals.byCategory.find((c) => c.category === 'network');
    expect(rowOf(page.html, '网络服务商').slice(0, 8)).toEqual(
      APPLICATION_STATUSES.map((s) => network?.byStatus[s]),
    );
    expect(rowOf(page.html, '不分类别的申报')).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 2]);
    // Each bar's part names its status and count.
    expect(page.html).toContain(`<title>济南市 ${STATUS_NAMES.in_review.zh} 2</title>`);
    // The navigation leads here.
    expect(page.html).toContain('href="/shandong/province"');
  });

  it('answers a city administrator, and the public, with a page refusing them', async () => {
    const cityAdmin = new PageClient(harness.app);
    await cityAdmin.signIn('qingdao', 'city-admin');
    const refused = await cityAdmin.get('/shandong/province');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(textOf(refused.html)).toContain('无权访问此页面');

    const anonymous = await new PageClient(harness.app).get('/shandong/province');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/shandong/signin');
  });
});

describe('/<province>/pool', () => {
  it('lists the listed providers of every city, each with its city', async () => {
    const page = await new PageClient(harness.app).get('/shandong/pool');
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('城市 City');
    const row =
      new RegExp(
        `<tr><th scope="row"><a href="/qingdao/members/[^"]+">${listedName}</a></th>.*?</tr>`,
      ).exec(page.html)?.[0] ?? '';
    expect(textOf(row)).toContain('青岛市');
    expect(textOf(row)).toContain('崂山区');
    const qingdaoOnly = await new PageClient(harness.app).get('/qingdao/pool');
    expect(textOf(qingdaoOnly.html)).not.toContain('城市 City');
  });
});
