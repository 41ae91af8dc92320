/**
 * The staff pages of review, as a browser without a browser uses them: the district
 * reviewer's queue (names, track, due date, overdue once the clock passes it), the
 * application page (every answer labelled, every document, opened through a recorded
 * presigned read), the decision form (refused without its token, an error beside the
 * comment, a pass that moves the application on, a stale stage said plainly); the
 * expert's scoring form, conflict declaration and locked view; and who may not come in.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Page, PageClient, textOf } from '../support/page-client.js';
import { RUBRIC_SCORES, uscc } from '../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  type Harness,
  moveClock,
  reviewerOf,
  tasksFor,
} from '../support/review-walk.js';

const CTX = { tenant: 'qingdao', province: 'shandong' };
const page = (id: string) => `/qingdao/review/applications/${id}`;

/** The text of the queue row that links to an application. */
function rowOf(html: string, id: string): string {
  const row = html.split('<tr').find((tr) => tr.includes(`/qingdao/review/applications/${id}"`));
  return row ? `<tr${row}` : '';
}

const expectErrorPage = (answer: Page, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  expect(answer.html).toMatch(/^<!doctype html>/);
};

describe('the staff pages of review', () => {
  let harness: Harness;
  let reviewed = '';
  let waiting = '';
  let panel = '';
  let reviewer: PageClient;

  beforeAll(async () => {
    harness = await testApp();
    reviewed = (await atDistrictReview(harness, 61_001, 'laoshan')).id;
    waiting = (await atDistrictReview(harness, 61_002, 'laoshan')).id;
    panel = (await atPanel(harness, 61_003, 'laoshan')).id;
    reviewer = new PageClient(harness.app);
    await reviewer.signIn('qingdao', 'reviewer-laoshan');
  }, 120_000);

  it("lists the reviewer's district tasks with names people know and the due date in Beijing time", async () => {
    const queue = await reviewer.get('/qingdao/review');
    expect(queue.status).toBe(200);
    const row = textOf(rowOf(queue.html, reviewed));
    expect(row).toContain('审核测试公司61001');
    expect(row).toContain('“小快轻准”产品型服务商');
    expect(row).toContain('汽车零部件及配件制造');
    expect(row).toContain('崂山区');
    expect(row).toContain('区市初审和查重');
    expect(row).toContain('2024-02-08 24:00');
    expect(row).not.toContain('已逾期');
    // The panel's application is the city's work now, not the district's.
    expect(rowOf(queue.html, panel)).toBe('');
    expect(textOf(queue.html)).toContain('待办');
    expect(queue.html).toContain('href="/qingdao/review"');
  });

  it('shows every answer with its label, the organization and every document', async () => {
    const shown = await reviewer.get(page(reviewed));
    expect(shown.status).toBe(200);
    const text = textOf(shown.html);
    for (const label of [
      '本地服务能力和技术服务团队',
      '数字化转型专业技术团队人数',
      '细分行业数字化转型服务案例',
      '“小快轻准”产品',
      '服务企业',
    ])
      expect(text).toContain(label);
    expect(text).toContain('青岛某汽车零部件企业3');
    expect(text).toContain('质量管理');
    expect(text).not.toContain('quality');
    expect(text).toContain('“信用中国”信用信息报告');
    expect(text).toContain('credit-report.pdf');
    expect(text).toContain('已核验');
    expect(text).toContain(uscc(61_001));
    expect(text).toContain('办理记录');
    expect(text).toContain('已提交');
    // The decision form: outcomes by their Chinese names, each labelled.
    expect(shown.html).toMatch(/<label for="decision-outcome">通过/);
    expect(text).toContain('退回修改');
    expect(text).toContain('不予通过');
    expect(shown.html).toContain('<label for="decision-comment">');
  });

  it('opens a document with a 303 to a presigned read on the S3 endpoint, and records the read', async () => {
    const shown = await reviewer.get(page(reviewed));
    const href = /href="(\/qingdao\/review\/applications\/[^"]+\/documents\/[^"]+)"/.exec(
      shown.html,
    )?.[1];
    expect(href).toBeDefined();
    const before = await harness.platform.repositories.reads.list(CTX, reviewed);
    const opened = await reviewer.get(href ?? '');
    expect(opened.status).toBe(303);
    const location = opened.location ?? '';
    expect(location.startsWith(inject('s3Endpoint'))).toBe(true);
    expect(new URL(location).searchParams.get('X-Amz-Signature')).toBeTruthy();
    expect((await fetch(location)).status).toBe(200);
    const after = await harness.platform.repositories.reads.list(CTX, reviewed);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)?.role).toBe('district_reviewer');
  });

  it('refuses a decision posted without its form token, and nothing changes', async () => {
    const refused = await reviewer.post(
      `${page(reviewed)}/decision`,
      { stage: 'district-review', outcome: 'pass', comment: '通过' },
      { csrf: false },
    );
    expectErrorPage(refused, 403);
    expect(textOf(refused.html)).toContain('csrf_failed');
    const api = await reviewerOf(harness, 'laoshan');
    expect(await tasksFor(api, reviewed)).toHaveLength(1);
  });

  it('says beside the comment that a return needs one, keeping the chosen outcome', async () => {
    const refused = await reviewer.post(`${page(reviewed)}/decision`, {
      stage: 'district-review',
      outcome: 'return',
      comment: '  ',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/id="decision-comment-error"[^>]*>请填写「审核意见」/);
    expect(refused.html).toMatch(/<input type="radio" name="outcome" value="return"[^>]*checked/);
    const api = await reviewerOf(harness, 'laoshan');
    expect(await tasksFor(api, reviewed)).toHaveLength(1);
  });

  it('passes the application on, and a second decision finds the stage already decided', async () => {
    const passed = await reviewer.post(`${page(reviewed)}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '材料真实完整，无重复申报，同意推荐。',
    });
    expect(passed.status).toBe(303);
    expect(passed.location).toBe(`${page(reviewed)}?done=decided#main`);
    await harness.review.settled();
    const app = await harness.platform.repositories.apps.get(CTX, reviewed);
    expect(app?.application).toMatchObject({ status: 'in_review', stage: 'expert-review' });
    const after = await reviewer.get(passed.location ?? '');
    expect(textOf(after.html)).toContain('审核结果已提交');
    expect(after.html).not.toContain('name="outcome"');

    const again = await reviewer.post(`${page(reviewed)}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '再次提交',
    });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('该申报已不在此审核环节');
    // The English beside it names no stage id either.
    expect(textOf(again.html)).not.toContain('district-review');
    expect(textOf(again.html)).toContain('no longer waiting at this review stage');
  });

  it('shows an assigned expert the rubric, refuses a score over its maximum beside the field, and locks what was submitted', async () => {
    const expert = new PageClient(harness.app);
    await expert.signInWith({ role: 'expert', tenant: 'qingdao', expertId: 'e-1' });
    const queue = await expert.get('/qingdao/review');
    expect(textOf(rowOf(queue.html, panel))).toContain('待评分');
    const form = await expert.get(page(panel));
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain('技术团队与服务能力');
    expect(form.html).toMatch(
      /<input type="number" id="score-technical-team"[^>]*min="0" max="20"/,
    );
    expect(form.html).toContain('<label for="conflict">');
    expect(textOf(form.html)).toContain('本地服务能力和技术服务团队');

    const fields = Object.fromEntries(
      Object.entries(RUBRIC_SCORES).map(([id, n]) => [`score-${id}`, String(n)]),
    );
    const over = await expert.post(`${page(panel)}/scores`, {
      stage: 'expert-review',
      ...fields,
      'score-technical-team': '25',
    });
    expect(over.status).toBe(422);
    expect(over.html).toMatch(
      /id="score-technical-team-error"[^>]*>「技术团队与服务能力」不得大于 20/,
    );
    expect(over.html).toContain('value="26"');

    const scored = await expert.post(`${page(panel)}/scores`, {
      stage: 'expert-review',
      ...fields,
      comment: '案例扎实。',
    });
    expect(scored.status).toBe(303);
    const locked = await expert.get(scored.location ?? '');
    const text = textOf(locked.html);
    expect(text).toContain('评分已锁定');
    expect(text).toMatch(/总分 Total 100 88/);
    expect(locked.html).not.toContain('/scores"');
    const twice = await expert.post(`${page(panel)}/scores`, { stage: 'expert-review', ...fields });
    expect(twice.status).toBe(409);
    expect(textOf(twice.html)).toContain('评分已提交，不可修改');
  });

  it('records a declared conflict instead of scores, and hides the application from that expert', async () => {
    const expert = new PageClient(harness.app);
    await expert.signInWith({ role: 'expert', tenant: 'qingdao', expertId: 'e-2' });
    const declared = await expert.post(`${page(panel)}/scores`, {
      stage: 'expert-review',
      'score-technical-team': '20',
      conflict: 'yes',
    });
    expect(declared.status).toBe(303);
    const scores = await harness.platform.repositories.panels.scores(CTX, panel, 'expert-review');
    expect(scores.find((s) => s.expertId === 'e-2')).toMatchObject({ conflict: true, scores: {} });
    const after = textOf((await expert.get(page(panel))).html);
    expect(after).toContain('声明与该申报单位存在利益冲突');
    expect(after).not.toContain('本地服务能力和技术服务团队');
  });

  it("lists the panel in the city's queue, linked to its assignment, with no decision form until every expert has answered", async () => {
    const city = new PageClient(harness.app);
    await city.signIn('qingdao', 'city-admin');
    const queue = await city.get('/qingdao/review');
    const row = textOf(rowOf(queue.html, panel));
    expect(row).toContain('专家评审');
    expect(row).toContain('专家评审中');
    const shown = await city.get(page(panel));
    expect(shown.status).toBe(200);
    expect(shown.html).not.toContain('name="outcome"');
    const assignment = `/qingdao/admin/applications/${panel}/panel?stage=expert-review`;
    expect(shown.html).toContain(`href="${assignment}"`);
    expect((await city.get(assignment)).status).toBe(200);
    // Only the convenor is led there.
    const district = new PageClient(harness.app);
    await district.signIn('qingdao', 'reviewer-laoshan');
    const seen = await district.get(page(panel));
    expect(seen.status).toBe(200);
    expect(seen.html).not.toContain('/panel?stage=');
  });

  it('answers the 403 page to an expert not on the panel, and to staff of another tenant', async () => {
    const stranger = new PageClient(harness.app);
    await stranger.signInWith({ role: 'expert', tenant: 'qingdao', expertId: 'e-9' });
    expectErrorPage(await stranger.get(page(panel)), 403);
    expectErrorPage(await stranger.get(`${page(panel)}/documents/anything`), 403);

    const jinan = new PageClient(harness.app);
    await jinan.signIn('jinan', 'city-admin');
    const queue = await jinan.get('/qingdao/review');
    expectErrorPage(queue, 403);
    expect(textOf(queue.html)).toContain('无权访问此页面');
    expectErrorPage(await jinan.get(page(reviewed)), 403);

    const otherDistrict = new PageClient(harness.app);
    await otherDistrict.signIn('qingdao', 'reviewer-shinan');
    expectErrorPage(await otherDistrict.get(page(waiting)), 403);
  });

  it('sends a visitor without a session to sign in and back', async () => {
    const anonymous = await new PageClient(harness.app).get('/qingdao/review');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe('/qingdao/signin?next=%2Fqingdao%2Freview');
  });

  it('marks a task overdue, in words and by class, once the clock passes its due date', async () => {
    await moveClock(harness, '2024-02-09T09:00:00+08:00');
    const queue = await reviewer.get('/qingdao/review');
    const row = rowOf(queue.html, waiting);
    expect(row).toMatch(/^<tr class="overdue"/);
    expect(textOf(row)).toContain('已逾期');
  });
});
