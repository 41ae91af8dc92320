/**
 * A notice and the pool as pages: the notice's entries with names people know, the
 * objection form (errors beside each field, what was typed kept, a recorded objection
 * redirected back), the pool's search, filters and district.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { formFields, PageClient, textOf } from '../support/page-client.js';
import { atPublicity, type Harness, moveClock, publishNotice } from '../support/review-walk.js';

describe('a notice and the pool in the browser', () => {
  let harness: Harness;
  let noticeId = '';
  let entryId = '';
  let entryOrg = '';

  beforeAll(async () => {
    harness = await testApp();
    const { id, org, cityAdmin } = await atPublicity(harness, 51_001, 'laoshan');
    entryId = id;
    entryOrg = org;
    noticeId = (await publishNotice(cityAdmin, [id])).id;
  });

  it('shows the notice with its period in Beijing time, its entry and the objection form', async () => {
    const page = await new PageClient(harness.app).get(`/qingdao/notices/${noticeId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('青岛市民营经济发展局');
    expect(text).toContain('拟入选名单公示');
    expect(text).toContain('审核测试公司51001');
    expect(text).toContain('“小快轻准”产品型服务商');
    expect(text).toContain('汽车零部件及配件制造');
    expect(text).toContain('崂山区');
    expect(text).toContain('公示中');
    expect(page.html).toContain(`<label for="reason">`);
    const list = textOf((await new PageClient(harness.app).get('/qingdao/notices')).html);
    expect(list).toContain('拟入选名单公示');
  });

  it("says in the provider's history that the application entered the notice, not the notice's id", async () => {
    const provider = new PageClient(harness.app);
    await provider.signInWith({ role: 'provider', tenant: 'qingdao', org: entryOrg });
    const page = await provider.get(`/qingdao/me/applications/${entryId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('列入公示');
    expect(text).not.toContain(noticeId);
  });

  it('keeps what was typed and says beside each field what is wrong; nothing is recorded', async () => {
    const client = new PageClient(harness.app);
    const page = await client.post(`/qingdao/notices/${noticeId}/objections`, {
      applicationId: '',
      reason: '不实',
      contact: '13800000000',
    });
    expect(page.status).toBe(422);
    const text = textOf(page.html);
    expect(text).toContain('请选择「异议对象」');
    expect(text).toContain('「异议理由」至少 5 个字');
    expect(page.html).toMatch(
      /<textarea id="reason"[^>]*aria-invalid="true"[^>]*>不实<\/textarea>/,
    );
    expect(page.html).toContain('value="13800000000"');
    const objections = await harness.platform.repositories.notices.objections(
      { tenant: 'qingdao' } as never,
      noticeId,
    );
    expect(objections).toHaveLength(0);
  });

  it('records an objection once, posted twice, and redirects back to the notice, saying so', async () => {
    const client = new PageClient(harness.app);
    const action = `/qingdao/notices/${noticeId}/objections`;
    const form = await client.get(`/qingdao/notices/${noticeId}`);
    const [key] = formFields(form.html, 'objection-form').idempotencyKey ?? [];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const objection = {
      applicationId: entryId,
      reason: '该单位案例企业不在本市，请核实。',
      contact: 'citizen@example.cn',
      idempotencyKey: key ?? '',
    };
    for (const _ of [1, 2]) {
      const posted = await client.post(action, objection);
      expect(posted.status).toBe(303);
      expect(posted.location).toBe(`/qingdao/notices/${noticeId}?objection=recorded#main`);
    }
    const back = await client.get(`/qingdao/notices/${noticeId}?objection=recorded`);
    expect(textOf(back.html)).toContain('您的异议已收到');
    const stored = () =>
      harness.platform.repositories.notices.objections({ tenant: 'qingdao' } as never, noticeId);
    expect(await stored()).toHaveLength(1);

    // Back, edited, sent again: refused with what was typed kept, under a fresh key.
    const edited = await client.post(action, { ...objection, reason: '另有情况，请一并核实。' });
    expect(edited.status).toBe(422);
    expect(textOf(edited.html)).toContain('此表单此前已提交并已生效');
    expect(edited.html).toContain('另有情况，请一并核实。</textarea>');
    const [fresh] = formFields(edited.html, 'objection-form').idempotencyKey ?? [];
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh).not.toBe(key);
    expect(await stored()).toHaveLength(1);
  });

  it('lists the provider in the pool once the notice ends, found by name and by district', async () => {
    // The objection above holds the entry; the city dismisses it so the notice can list it.
    const [objection] = await harness.platform.repositories.notices.objections(
      { tenant: 'qingdao' } as never,
      noticeId,
    );
    const { cityAdminOf } = await import('../support/review-walk.js');
    const admin = await cityAdminOf(harness);
    const dismissed = await admin.post(
      `/api/tenants/qingdao/notices/${noticeId}/objections/${objection?.objectionId}/decision`,
      { upheld: false, comment: '经核查，案例真实。' },
    );
    expect(dismissed.status).toBe(200);
    await moveClock(harness, '2024-04-01T00:00:00+08:00');
    const status = await admin.get<{ status: string }>(
      `/api/tenants/qingdao/applications/${entryId}`,
    );
    expect(status.body.status).toBe('listed');

    const client = new PageClient(harness.app);
    const found = textOf((await client.get('/qingdao/pool?q=51001&region=laoshan')).html);
    expect(found).toContain('审核测试公司51001');
    expect(found).toContain('共 1 家');
    const elsewhere = textOf((await client.get('/qingdao/pool?region=shinan')).html);
    expect(elsewhere).toContain('共 0 家');
    const province = textOf((await client.get('/shandong/pool?q=51001')).html);
    expect(province).toContain('审核测试公司51001');
    expect(province).toContain('青岛市');
  });
});
