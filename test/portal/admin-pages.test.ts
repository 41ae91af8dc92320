/**
 * The city admin's pages: the table of applications (filters, search by name and
 * USCC, the overdue view across districts), panel assignment (refusals beside the
 * field, a random draw with the conflicted expert excluded), the ranking's batch form,
 * publishing a notice, deciding an objection (and a second decision told it came too
 * late), and forms refused without their token. The clock is moved, never waited on;
 * the overdue view moves it past every due date, so it comes last.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { PageClient, textOf } from '../support/page-client.js';
import { PROGRAM, RUBRIC_SCORES, uscc } from '../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  cityAdminOf,
  expertClient,
  type Harness,
  moveClock,
  registerExperts,
  reviewerOf,
  scoreAll,
} from '../support/review-walk.js';

let harness: Harness;
let admin: PageClient;
let cityAdmin: ApiClient;

const TABLE = '/qingdao/admin/applications';
const RANKING = `/qingdao/admin/programs/${PROGRAM}/ranking`;

/** Passed by its district, waiting for its panel to be assigned. */
async function awaitingPanel(n: number) {
  const at = await atDistrictReview(harness, n);
  const passed = await (await reviewerOf(harness, 'laoshan')).post(
    `/api/tenants/qingdao/applications/${at.id}/decision`,
    { stage: 'district-review', outcome: 'pass', comment: '初审通过。' },
  );
  expect(passed.status).toBe(200);
  await harness.review.settled();
  return at;
}

const statusOf = async (id: string) =>
  (
    await cityAdmin.get<{ status: string; stage?: string }>(
      `/api/tenants/qingdao/applications/${id}`,
    )
  ).body;

beforeAll(async () => {
  harness = await testApp();
  admin = new PageClient(harness.app);
  await admin.signIn('qingdao', 'city-admin');
  cityAdmin = await cityAdminOf(harness);
});

describe('the city admin’s table of applications', () => {
  let laoshanId = '';
  let shinanId = '';

  beforeAll(async () => {
    laoshanId = (await atDistrictReview(harness, 71_001, 'laoshan')).id;
    shinanId = (await atDistrictReview(harness, 71_002, 'shinan')).id;
  }, 120_000);

  it('lists the applications with names people know, linking each to its staff page', async () => {
    const page = await admin.get(TABLE);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('审核测试公司71001');
    expect(text).toContain('提交时间（北京时间）');
    expect(text).toContain('办理期限（北京时间）');
    expect(text).toContain('审核测试公司71002');
    expect(text).toContain(uscc(71_001));
    expect(text).toContain('崂山区');
    expect(text).toContain('市南区');
    expect(text).toContain('“小快轻准”产品型服务商');
    expect(text).toContain('汽车零部件及配件制造');
    expect(text).toContain('审核中');
    expect(text).toContain('2024-02-09 00:00');
    expect(text).not.toContain('已逾期');
    expect(page.html).toContain(`href="/qingdao/review/applications/${laoshanId}"`);
    expect(page.html).toContain(`href="${RANKING}?stage=expert-review"`);
    expect(page.html).toContain(`href="/qingdao/admin/notices/new?program=${PROGRAM}"`);
    expect(page.html).toContain('<label for="q">');
  });

  it('filters by district and status, and finds by name or by USCC', async () => {
    const shinan = textOf((await admin.get(`${TABLE}?region=shinan`)).html);
    expect(shinan).toContain('审核测试公司71002');
    expect(shinan).not.toContain('审核测试公司71001');
    expect((await admin.get(`${TABLE}?region=shinan`)).html).toMatch(
      /<option value="shinan" selected="">/,
    );
    const listed = textOf((await admin.get(`${TABLE}?status=listed`)).html);
    expect(listed).not.toContain('审核测试公司7100');
    expect(listed).toContain('共 0 项');
    const track = textOf((await admin.get(`${TABLE}?track=product&status=in_review`)).html);
    expect(track).toContain('审核测试公司71001');
    const byName = textOf(
      (await admin.get(`${TABLE}?q=${encodeURIComponent('测试公司71001')}`)).html,
    );
    expect(byName).toContain('审核测试公司71001');
    expect(byName).not.toContain('审核测试公司71002');
    const byUscc = textOf((await admin.get(`${TABLE}?q=${uscc(71_002)}`)).html);
    expect(byUscc).toContain('审核测试公司71002');
    expect(byUscc).not.toContain('审核测试公司71001');
    expect(shinanId).not.toBe('');
  });

  it('is the city admin’s page: a reviewer is refused with a page', async () => {
    const reviewer = new PageClient(harness.app);
    await reviewer.signIn('qingdao', 'reviewer-laoshan');
    const page = await reviewer.get(TABLE);
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toContain('text/html');
    const anonymous = await new PageClient(harness.app).get(TABLE);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/qingdao/signin');
  });
});

describe('panel assignment', () => {
  it('refuses too few experts beside the field, keeps the choice, then saves the panel', async () => {
    const { id, org } = await awaitingPanel(71_011);
    await registerExperts(cityAdmin, ['e-1', 'e-2', 'e-3', 'e-4']);
    expect(
      (
        await cityAdmin.put('/api/tenants/qingdao/experts/e-5', {
          industries: ['auto-parts'],
          conflicts: [org, uscc(71_012)],
        })
      ).status,
    ).toBe(200);
    const path = `/qingdao/admin/applications/${id}/panel`;
    const form = await admin.get(path);
    expect(form.status).toBe(200);
    expect(form.html).toContain('<label for="expert-e-1">');
    expect(form.html).toMatch(/id="expert-e-5"[^>]*disabled/);
    expect(textOf(form.html)).toContain('利益冲突');

    const few = await admin.post(path, { action: 'assign', expertIds: ['e-1', 'e-2'] });
    expect(few.status).toBe(422);
    expect(textOf(few.html)).toContain('该环节至少需要 3 名专家');
    expect(few.html).toMatch(/id="expert-e-1"[^>]*checked/);
    expect(few.html).toContain('id="expertIds-error"');

    const saved = await admin.post(path, { action: 'assign', expertIds: ['e-1', 'e-2', 'e-3'] });
    expect(saved.status).toBe(303);
    const after = textOf((await admin.get(saved.location ?? '')).html);
    expect(after).toContain('专家组已保存');
    expect(after).toContain('e-1、e-2、e-3');
    expect(after).toMatch(/（指定，北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);

    // A first score fixes the panel: a change then needs a reason, asked for beside it.
    const scored = await (await expertClient(harness, 'e-1')).post(
      `/api/tenants/qingdao/applications/${id}/scores`,
      { stage: 'expert-review', scores: RUBRIC_SCORES },
    );
    expect(scored.status).toBe(200);
    const fixed = await admin.post(path, { action: 'assign', expertIds: ['e-4'] });
    expect(fixed.status).toBe(409);
    expect(fixed.html).toContain('id="reason-error"');
    expect(textOf(fixed.html)).toContain('专家组已固定');
    const changed = await admin.post(path, {
      action: 'assign',
      expertIds: ['e-4'],
      reason: '专家 e-2 出差，增加一名专家。',
    });
    expect(changed.status).toBe(303);
    expect(textOf((await admin.get(changed.location ?? '')).html)).toContain('e-1、e-2、e-3、e-4');
  });

  it('draws at random and says who was drawn and who was excluded for a conflict', async () => {
    const { id } = await awaitingPanel(71_012);
    const drawn = await admin.post(`/qingdao/admin/applications/${id}/panel`, { action: 'draw' });
    expect(drawn.status).toBe(303);
    expect(drawn.location).toContain('done=drawn');
    const text = textOf((await admin.get(drawn.location ?? '')).html);
    expect(text).toContain('随机抽取结果');
    expect(text).toMatch(/因利益冲突回避 Excluded for a conflict：\s*e-5/);
    const assignment = await harness.platform.repositories.panels.assignment(
      { tenant: 'qingdao' } as never,
      id,
      'expert-review',
    );
    expect(assignment?.expertIds).toHaveLength(3);
    expect(assignment?.expertIds).not.toContain('e-5');
  });
});

describe('the ranking, a notice and its objections', () => {
  let first = '';
  let second = '';
  let unscored = '';
  let noticeId = '';

  beforeAll(async () => {
    first = (await atPanel(harness, 71_021)).id;
    second = (await atPanel(harness, 71_022)).id;
    await scoreAll(harness, first);
    await scoreAll(harness, second);
    unscored = (await atPanel(harness, 71_023)).id;
  }, 120_000);

  it('shows each group with its quota, the within-quota entries preselected', async () => {
    const page = await admin.get(`${RANKING}?stage=expert-review`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('“小快轻准”产品型服务商 × 汽车零部件及配件制造');
    expect(text).toMatch(/配额 Quota：10–20 家/);
    expect(text).toContain('配额内');
    expect(text).toContain('评分未完成');
    expect(page.html).toMatch(new RegExp(`value="${first}" checked`));
    expect(page.html).toMatch(new RegExp(`value="${unscored}"[^>]*disabled`));
    expect(page.html).toContain('通过所选 Pass selected');
  });

  it('refuses nothing chosen (422) and a stale entry (409), deciding nothing', async () => {
    const post = (fields: Record<string, string | string[]>) =>
      admin.post(`${RANKING}/decision?stage=expert-review`, {
        stage: 'expert-review',
        group: 'product|auto-parts',
        comment: '按综合得分排名，配额内择优推荐。',
        ...fields,
      });
    const none = await post({});
    expect(none.status).toBe(422);
    expect(textOf(none.html)).toContain('请至少选择一项申报');
    const stale = await post({ pass: [first, unscored] });
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('本次未作任何决定');
    expect(textOf(stale.html)).toContain('审核测试公司71023');
    // The English names the applications as the Chinese does: no stage id, no application id.
    expect(textOf(stale.html)).not.toContain('expert-review');
    expect(textOf(stale.html)).not.toContain(unscored);
    expect(await statusOf(first)).toMatchObject({ status: 'in_review', stage: 'expert-review' });
  });

  it('passes the chosen group and says so after the redirect', async () => {
    const posted = await admin.post(`${RANKING}/decision?stage=expert-review`, {
      stage: 'expert-review',
      group: 'product|auto-parts',
      shown: [first, second],
      pass: [first, second],
      comment: '按综合得分排名，配额内择优推荐。',
    });
    expect(posted.status).toBe(303);
    expect(posted.location).toContain('decided=2');
    expect(textOf((await admin.get(posted.location ?? '')).html)).toContain('已决定 2 项申报');
    await harness.review.settled();
    expect(await statusOf(first)).toMatchObject({ status: 'in_review', stage: 'publicity' });
    expect(await statusOf(second)).toMatchObject({ status: 'in_review', stage: 'publicity' });
  });

  it('publishes a notice of the chosen applications and shows its end in Beijing time', async () => {
    const path = `/qingdao/admin/notices/new?program=${PROGRAM}`;
    const form = await admin.get(path);
    expect(textOf(form.html)).toContain('审核测试公司71021');
    expect(textOf(form.html)).toContain('审核测试公司71022');
    const none = await admin.post(`/qingdao/admin/notices?program=${PROGRAM}`, {});
    expect(none.status).toBe(422);
    expect(textOf(none.html)).toContain('请至少选择一项申报');

    const published = await admin.post(`/qingdao/admin/notices?program=${PROGRAM}`, {
      applicationIds: [first],
    });
    expect(published.status).toBe(303);
    noticeId = new URL(published.location ?? '', 'http://x').searchParams.get('published') ?? '';
    const shown = await admin.get(published.location ?? '');
    expect(textOf(shown.html)).toMatch(/公示期至 20\d\d-\d\d-\d\d 24:00（北京时间）/);
    expect(shown.html).toContain(`href="/qingdao/notices/${noticeId}"`);
    expect(await statusOf(first)).toMatchObject({ status: 'publicity' });
    // The other one still waits for a notice and is still offered.
    expect(textOf(shown.html)).toContain('审核测试公司71022');
  });

  it('decides an objection, and a second decision of it is told it came too late', async () => {
    const citizen = new PageClient(harness.app);
    const objected = await citizen.post(`/qingdao/notices/${noticeId}/objections`, {
      applicationId: first,
      reason: '该单位案例企业不在本市，请核实。',
      contact: 'citizen@example.cn',
    });
    expect(objected.status).toBe(303);
    const path = `/qingdao/admin/notices/${noticeId}/objections`;
    const list = await admin.get(path);
    expect(list.status).toBe(200);
    const text = textOf(list.html);
    expect(text).toContain('审核测试公司71021');
    expect(text).toContain('该单位案例企业不在本市');
    expect(text).toContain('citizen@example.cn');
    expect(text).toContain('待核查');
    expect(text).toMatch(/提出时间 Received \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    const action = list.html.match(/action="([^"]+\/decision)"/)?.[1] ?? '';
    expect(action).not.toBe('');

    const empty = await admin.post(action, { upheld: 'no', comment: ' ' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('请填写「核查意见」');
    const decided = await admin.post(action, { upheld: 'no', comment: '经核实，案例企业在本市。' });
    expect(decided.status).toBe(303);
    const after = textOf((await admin.get(decided.location ?? '')).html);
    expect(after).toContain('异议不成立');
    expect(after).toContain('经核实，案例企业在本市。');

    const again = await admin.post(action, { upheld: 'yes', comment: '异议成立。' });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('该异议已处理');
    expect(await statusOf(first)).toMatchObject({ status: 'publicity' });
  });

  it('refuses a form posted without its token, changing nothing', async () => {
    const refused = await admin.post(
      `${RANKING}/decision?stage=expert-review`,
      { stage: 'expert-review', pass: [second], comment: '通过。' },
      { csrf: false },
    );
    expect(refused.status).toBe(403);
    expect(await statusOf(second)).toMatchObject({ stage: 'publicity' });
    const published = await admin.post(
      `/qingdao/admin/notices?program=${PROGRAM}`,
      { applicationIds: [second] },
      { csrf: false },
    );
    expect(published.status).toBe(403);
    expect(await statusOf(second)).toMatchObject({ status: 'in_review' });
  });
});

describe('the overdue view across districts', () => {
  it('lists only applications whose district review is past due, marked overdue', async () => {
    const before = textOf((await admin.get(`${TABLE}?view=overdue`)).html);
    expect(before).toContain('共 0 项');
    await moveClock(harness, '2024-02-09T10:00:00+08:00');
    const page = await admin.get(`${TABLE}?view=overdue`);
    const text = textOf(page.html);
    expect(text).toContain('逾期未审核的申报');
    expect(text).toContain('审核测试公司71001');
    expect(text).toContain('审核测试公司71002');
    expect(text).toContain('已逾期');
    // Passed by its district: not overdue there, though its panel waits.
    expect(text).not.toContain('审核测试公司71021');
    const shinan = textOf((await admin.get(`${TABLE}?view=overdue&region=shinan`)).html);
    expect(shinan).toContain('审核测试公司71002');
    expect(shinan).not.toContain('审核测试公司71001');
  });
});
