/**
 * The yearly evaluation's pages (issue 12 items 7 and 9) against the real stack: on
 * Jining, the city admin opens 2024 (refusals kept beside the year), scores a member's
 * 12 indicators (a score out of range refused beside its field), is refused publication
 * before the comment window ends with the window's end in Beijing time, and publishes
 * once the clock has passed it; the member comments within the window and is refused
 * after it with its text kept; the year downloads as CSV with its rows. In the
 * province, a member records its yearly update against the 31 March date and reads its
 * reminder in its inbox.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { listMember } from '../support/members.js';
import { PageClient, textOf } from '../support/page-client.js';
import { moveClock } from '../support/review-walk.js';

type Harness = Awaited<ReturnType<typeof testApp>>;

const YEARS = '/jining/admin/evaluations';
const YEAR = `${YEARS}/2024`;

let harness: Harness;
let bureau: PageClient;
let member: PageClient;
let scored = '';
let unscored = '';
let indicatorIds: string[] = [];

/** Every indicator's field of a member's scoring form, each given `score`. */
const sheet = (score: string) =>
  Object.fromEntries(indicatorIds.map((id) => [`score-${id}`, score]));

beforeAll(async () => {
  // A Monday: five working days of comments run to Monday 13 January, 24:00.
  harness = await testApp({ start: '2025-01-06T09:00:00+08:00' });
  scored = await listMember(harness, 'jining', 'dx-providers', 601);
  unscored = await listMember(harness, 'jining', 'dx-providers', 602);
  bureau = new PageClient(harness.app);
  await bureau.signIn('jining', 'city-admin');
  member = new PageClient(harness.app);
  await member.signInWith({ role: 'provider', tenant: 'jining', org: scored });
}, 60_000);

describe('the bureau’s evaluation pages', () => {
  it('links the page from the header and opens a year, refusals kept beside the year', async () => {
    const page = await bureau.get(YEARS);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="${YEARS}"`);
    expect(textOf(page.html)).toContain('近 5 年尚未开展年度评价');
    expect((await member.get(YEARS)).status).toBe(403);
    const forged = await bureau.post(YEARS, { year: '2024' }, { csrf: false });
    expect(forged.status).toBe(403);

    const typo = await bureau.post(YEARS, { year: '2O24' });
    expect(typo.status).toBe(422);
    expect(typo.html).toMatch(/id="year-error"[^>]*>「评价年度」须为 2000 至 2100 之间的年份/);
    expect(typo.html).toContain('value="2O24"');
    const future = await bureau.post(YEARS, { year: '2026' });
    expect(future.status).toBe(422);
    expect(textOf(future.html)).toContain('不能评价 2026 年度：年度尚未开始');
    expect(textOf(future.html)).toContain('the year has not begun');
    expect(future.html).toContain('value="2026"');

    const opened = await bureau.post(YEARS, { year: '2024' });
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`${YEAR}?done=opened#main`);
    const again = await bureau.post(YEARS, { year: '2024' });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('2024 年度评价已开展');
    const list = textOf((await bureau.get(YEARS)).html);
    expect(list).toContain('2024 年度');
    expect(list).toContain('2025-01-13 24:00');
  });

  it('shows every member with the tenant’s 12 indicators and the evidence counted', async () => {
    const page = await bureau.get(YEAR);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('监管测试公司601');
    expect(text).toContain('监管测试公司602');
    expect(text).toContain('经营能力');
    expect(text).toContain('整改 0 次（通过 0、未通过 0）');
    expect(text).toContain('未评分');
    indicatorIds = [...page.html.matchAll(new RegExp(`id="m-${scored}-score-([\\w-]+)"`, 'g'))].map(
      (m) => m[1] ?? '',
    );
    expect(indicatorIds).toHaveLength(12);
    expect(indicatorIds[0]).toBe('business-capability');
    expect((await bureau.get(`${YEARS}/20x4`)).status).toBe(404);
    expect((await bureau.get(`${YEARS}/2023`)).status).toBe(404);
  });

  it('scores a member: a score out of range refused beside its field, then the proposed grade', async () => {
    const action = `${YEAR}/members/${scored}/scores`;
    const wrong = await bureau.post(action, { ...sheet(''), 'score-business-capability': '120' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toMatch(
      new RegExp(
        `id="m-${scored}-score-business-capability-error"[^>]*>「经营能力（004 §一1）」须为 0 至 100`,
      ),
    );
    expect(wrong.html).toContain('value="120"');
    expect(textOf(wrong.html)).toContain('评分未保存，请修改后重新提交： 监管测试公司601');
    const empty = await bureau.post(action, sheet(''));
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('请至少填写一项指标的得分');

    const saved = await bureau.post(action, { ...sheet('85'), comment: '服务记录完整' });
    expect(saved.status).toBe(303);
    const page = textOf((await bureau.get(YEAR)).html);
    expect(page).toMatch(/监管测试公司601 [\s\S]*85 良好/);
    expect(page).toContain('市级主管部门（北京时间 2025-01-06 09:00）：服务记录完整');
  });

  it('refuses publication before the comment window ends, with its end in Beijing time', async () => {
    const early = await bureau.post(`${YEAR}/publish`, {});
    expect(early.status).toBe(409);
    const text = textOf(early.html);
    expect(text).toContain('服务商意见反馈期至 2025-01-13 24:00（北京时间）结束，之后方可发布');
    expect(text).toContain('Members may comment until 2025-01-13 24:00 Beijing time');
  });
});

describe('the member’s evaluation page', () => {
  it('shows the proposed grade and takes a comment within the window', async () => {
    const page = await member.get('/jining/me/evaluation');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/jining/me/evaluation"');
    const text = textOf(page.html);
    expect(text).toContain('2024 年度');
    expect(text).toContain('85');
    expect(text).toContain('良好');
    expect(text).toContain('待发布');
    const empty = await member.post('/jining/me/evaluation/2024/comment', { text: ' ' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('请填写「意见」');
    const sent = await member.post('/jining/me/evaluation/2024/comment', {
      text: '对服务质量一项评分无异议。',
    });
    expect(sent.status).toBe(303);
    expect(textOf((await member.get('/jining/me/evaluation')).html)).toContain(
      '对服务质量一项评分无异议。',
    );
    expect(textOf((await bureau.get(YEAR)).html)).toContain('对服务质量一项评分无异议。');
    // Each time beside a comment or a score says it is Beijing time.
    const own = textOf((await member.get('/jining/me/evaluation')).html);
    expect(own).toMatch(/评分无异议。\s?（北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    const desk = textOf((await bureau.get(YEAR)).html);
    expect(desk).toMatch(/评分无异议。\s?（北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(desk).toMatch(/市级主管部门（北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    // Another provider reads no one's evaluation but its own.
    const other = new PageClient(harness.app);
    await other.signInWith({ role: 'provider', tenant: 'jining', org: unscored });
    expect(textOf((await other.get('/jining/me/evaluation')).html)).not.toContain('85');
  });

  it('after the window: the comment refused with its text kept, publication once all are scored', async () => {
    await moveClock(harness, '2025-01-14T00:00:00+08:00');
    const late = await member.post('/jining/me/evaluation/2024/comment', { text: '迟到的意见' });
    expect(late.status).toBe(409);
    expect(textOf(late.html)).toContain('意见反馈须在 2025-01-13 24:00（北京时间）前提出，已截止');
    expect(late.html).toContain('迟到的意见</textarea>');

    const missing = await bureau.post(`${YEAR}/publish`, {});
    expect(missing.status).toBe(422);
    expect(textOf(missing.html)).toContain('以下服务商尚有评价指标未评分：监管测试公司602');
    expect((await bureau.post(`${YEAR}/members/${unscored}/scores`, sheet('70'))).status).toBe(303);
    const published = await bureau.post(`${YEAR}/publish`, {});
    expect(published.status).toBe(303);
    const page = await bureau.get(YEAR);
    expect(textOf(page.html)).toContain('已发布');
    expect(page.html).not.toContain(`action="${YEAR}/publish"`);
    // A sheet posted from a page read before publication: refused, and said why.
    const stale = await bureau.post(`${YEAR}/members/${scored}/scores`, sheet('99'));
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('年度评价已处理或不在可办理的状态');
    expect(textOf((await member.get('/jining/me/evaluation')).html)).toMatch(
      /最终等次 Final grade 良好/,
    );
  });

  it('downloads the year as CSV and Excel with its rows', async () => {
    const csv = await bureau.get(`${YEAR}/download?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.html.split(/\r?\n/).filter((l) => l.includes('监管测试公司'));
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('601'))).toContain('良好');
    expect(lines.find((l) => l.includes('602'))).toContain('合格');
    const xlsx = await bureau.get(`${YEAR}/download?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const list = await bureau.get(`${YEARS}/list?format=csv`);
    expect(list.html).toContain('2024');
    const own = await member.get('/jining/me/evaluation/download?format=csv');
    expect(own.status).toBe(200);
    expect(own.html).toContain('良好');
  });
});

describe('where the province runs a city’s evaluation (Jinan, 000 §四(三))', () => {
  it('links the city from the province’s page and leaves the city’s bureau a reader', async () => {
    const province = new PageClient(harness.app);
    await province.signIn('shandong', 'province-admin');
    const own = await province.get('/shandong/admin/evaluations');
    expect(own.status).toBe(200);
    expect(own.html).toContain('href="/jinan/admin/evaluations"');
    const jinan = await province.get('/jinan/admin/evaluations');
    expect(jinan.status).toBe(200);
    expect(jinan.html).toContain('action="/jinan/admin/evaluations"');
    const city = new PageClient(harness.app);
    await city.signIn('jinan', 'city-admin');
    const read = await city.get('/jinan/admin/evaluations');
    expect(read.status).toBe(200);
    expect(textOf(read.html)).toContain('本地年度评价由省级主管部门开展');
    expect(read.html).not.toContain('action="/jinan/admin/evaluations"');
    const refused = await city.post('/jinan/admin/evaluations', { year: '2024' });
    expect(refused.status).toBe(403);
  });
});

describe('the yearly information update in the province', () => {
  let updater = '';
  let silent = '';
  let client: PageClient;

  beforeAll(async () => {
    updater = await listMember(harness, 'shandong', 'provider-pool', 611);
    silent = await listMember(harness, 'shandong', 'provider-pool', 612);
    client = new PageClient(harness.app);
    await client.signInWith({ role: 'provider', tenant: 'shandong', org: updater });
  });

  it('shows the 31 March date in Beijing time and records the update', async () => {
    const page = await client.get('/shandong/me/evaluation');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('2025-03-31 24:00（北京时间）');
    expect(text).toContain('最近更新 Last update：尚未更新');
    const fields = {
      contactName: '王经理',
      phone: '0531-8888',
      email: '',
      teamSize: '42',
      offerings: '工业互联网平台部署与数据采集服务',
      changes: '无变化',
    };
    const wrong = await client.post('/shandong/me/evaluation/profile', {
      ...fields,
      phone: '电话',
      teamSize: '4.5',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toMatch(/id="profile-phone-error"[^>]*>「联系电话」格式不正确/);
    expect(wrong.html).toMatch(/id="profile-teamSize-error"[^>]*>「服务团队人数」须为整数/);
    expect(wrong.html).toContain('工业互联网平台部署与数据采集服务</textarea>');
    const saved = await client.post('/shandong/me/evaluation/profile', {
      ...fields,
      phone: '0531-8888 0000',
    });
    expect(saved.status).toBe(303);
    const after = textOf((await client.get('/shandong/me/evaluation')).html);
    expect(after).toContain('最近更新 Last update：2025-01-14 00:00（北京时间）');
    expect(after).toContain('2025 年度首次更新 First update of 2025：2025-01-14 00:00');
  });

  it('shows the reminder the platform left in the inbox of a member that has not updated', async () => {
    await moveClock(harness, '2025-03-01T00:00:01+08:00');
    await moveClock(harness, '2025-03-01T00:00:02+08:00');
    const other = new PageClient(harness.app);
    await other.signInWith({ role: 'provider', tenant: 'shandong', org: silent });
    const text = textOf((await other.get('/shandong/me/evaluation')).html);
    expect(text).toContain('请于 2025-03-31 24:00 前完成 2025 年度信息更新');
    expect(textOf((await client.get('/shandong/me/evaluation')).html)).toContain('暂无消息');
  });
});
