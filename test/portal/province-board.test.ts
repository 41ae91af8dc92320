/**
 * The province's supervision board page (issue 12 item 9) in process, on DynamoDB
 * Local: a Jining order past due and a member removed in Jining while listed in Qingdao,
 * each shown in Chinese (city, member, the rule's ground, Beijing time, how long) and
 * downloaded as CSV with a BOM; a city's administrator and the public are refused.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { listMember, supervisorOf } from '../support/members.js';
import { PageClient, textOf } from '../support/page-client.js';
import { moveClock } from '../support/review-walk.js';

const PAGE = '/shandong/province/board';
let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;
let uscc = '';

beforeAll(async () => {
  harness = await testApp({ start: '2025-03-01T10:00:00+08:00' });
  city = await supervisorOf(harness, 'jining');
  uscc = await listMember(harness, 'jining', 'dx-providers', 706);
  await listMember(harness, 'qingdao', 'dx-providers-2024', 706);
  const ordered = await city.post('/api/tenants/jining/rectifications', {
    uscc,
    ground: 'unfair-conditions',
    detail: '未按约定提供服务',
  });
  expect(ordered.status).toBe(201);
}, 120_000);

async function provinceAdmin() {
  const page = new PageClient(harness.app);
  await page.signIn('shandong', 'province-admin');
  return page;
}

describe('/<province>/province/board', () => {
  it('shows no overdue order before the due time', async () => {
    const page = await (await provinceAdmin()).get(PAGE);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('暂无逾期未整改的服务商');
    expect(page.html).toContain(`href="${PAGE}"`);
  });

  it('shows the overdue order and the member removed elsewhere, in Chinese and Beijing time', async () => {
    await moveClock(harness, '2025-06-01T09:00:00+08:00');
    const removed = await city.post('/api/tenants/jining/disqualifications', {
      uscc,
      ground: 'unfair-competition',
      detail: '恶意诋毁其他服务商',
    });
    expect(removed.status).toBe(201);
    const admin = await provinceAdmin();
    const page = await admin.get(PAGE);
    expect(page.status).toBe(200);
    const overdue = /<section aria-labelledby="overdue">[\s\S]*?<\/section>/.exec(page.html)?.[0];
    const row = textOf(/<tbody>[\s\S]*?<\/tbody>/.exec(overdue ?? '')?.[0] ?? '');
    expect(row).toContain('济宁市');
    expect(row).toContain('监管测试公司706');
    expect(row).toContain('不符合市场公平竞争条件事项或其他原因');
    expect(row).toMatch(/2025-\d\d-\d\d 24:00/);
    expect(row).toMatch(/\d+ 天 \d+ 小时/);
    const elsewhere = /<section aria-labelledby="removed">[\s\S]*?<\/section>/.exec(page.html)?.[0];
    const text = textOf(elsewhere ?? '');
    expect(text).toContain('监管测试公司706');
    expect(text).toMatch(/济宁市 青岛市/);

    const csv = await admin.get(`${PAGE}/overdue?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const raw = new Uint8Array(
      await (
        await harness.app.request(`${PAGE}/overdue?format=csv`, {
          headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        })
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.html.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('服务商,城市,统一社会信用代码,整改事由,整改期限（北京时间）,已逾期');
    expect(lines[1]).toContain(
      `监管测试公司706,济宁市,${uscc},不符合市场公平竞争条件事项或其他原因`,
    );
    const removedCsv = await admin.get(`${PAGE}/removed?format=csv`);
    expect(removedCsv.html).toContain(`监管测试公司706,${uscc},济宁市,青岛市`);
  });

  it('refuses a city administrator and the public', async () => {
    const cityAdmin = new PageClient(harness.app);
    await cityAdmin.signIn('qingdao', 'city-admin');
    const refused = await cityAdmin.get(PAGE);
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain('无权访问此页面');
    expect((await cityAdmin.get(`${PAGE}/overdue?format=csv`)).status).toBe(403);
    const anonymous = await new PageClient(harness.app).get(PAGE);
    expect(anonymous.status).toBe(303);
  });
});
