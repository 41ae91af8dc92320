/**
 * The enterprise's pages (issue 12 item 9) in process, on DynamoDB Local: a Qingdao
 * member registers its service to a pilot firm and records each milestone; the firm
 * confirms each through its page (forms with the token, no script) and rates once; a
 * second rating, a post without the token, another role or tenant are refused.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { MILESTONES, register } from '../support/engagements.js';
import { listMember, memberClient } from '../support/members.js';
import { formFields, PageClient, textOf } from '../support/page-client.js';
import { uscc } from '../support/qingdao.js';

const START = '2025-03-03T10:00:00+08:00';
const PAGE = '/qingdao/enterprise/engagements';

let harness: Awaited<ReturnType<typeof testApp>>;
let provider: ApiClient;
let firm: PageClient;
let id = '';

const firmUscc = uscc(651);

async function enterprisePage(org: string, tenant = 'qingdao') {
  const page = new PageClient(harness.app);
  await page.signInWith({ role: 'enterprise', tenant, org, name: '试点企业' });
  return page;
}

beforeAll(async () => {
  harness = await testApp({ start: START });
  const org = await listMember(harness, 'qingdao', 'dx-providers-2024', 601);
  provider = await memberClient(harness, 'qingdao', org);
  const registered = await register(provider, 'qingdao', firmUscc);
  expect(registered.status).toBe(201);
  id = registered.body.id;
  firm = await enterprisePage(firmUscc);
}, 120_000);

describe('/<t>/enterprise/engagements', () => {
  it('lists the engagement with its provider, kind and milestone awaiting the firm', async () => {
    const page = await firm.get(PAGE);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('监管测试公司601');
    expect(text).toContain('数字化改造');
    expect(text).toContain('生产管理系统数字化改造');
    expect(text).toContain('合同签订');
    expect(text).toContain('待您确认');
    expect(page.html).toContain(`action="${PAGE}/${id}/milestones/contract/confirm"`);
    expect(page.html).not.toContain(`action="${PAGE}/${id}/rating"`);
    // The navigation leads here.
    expect(page.html).toContain(`href="${PAGE}"`);
  });

  it('refuses a post without the form token, changing nothing', async () => {
    const refused = await firm.post(
      `${PAGE}/${id}/milestones/contract/confirm`,
      {},
      { csrf: false },
    );
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain('表单已失效');
    expect(textOf((await firm.get(PAGE)).html)).toContain('待您确认');
  });

  it('refuses another role, another enterprise and another tenant', async () => {
    const asProvider = new PageClient(harness.app);
    await asProvider.signInWith({ role: 'provider', tenant: 'qingdao', org: uscc(601) });
    const page = await asProvider.get(PAGE);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('无权访问此页面');

    const elsewhere = await enterprisePage(firmUscc, 'jining');
    expect((await elsewhere.get(PAGE)).status).toBe(403);

    // Another firm sees none of it and cannot confirm it.
    const other = await enterprisePage(uscc(652));
    const own = await other.get(PAGE);
    expect(own.status).toBe(200);
    expect(textOf(own.html)).not.toContain('监管测试公司601');
    const confirm = await other.post(`${PAGE}/${id}/milestones/contract/confirm`, {});
    expect(confirm.status).toBe(403);

    const anonymous = await new PageClient(harness.app).get(PAGE);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/qingdao/signin');
  });

  it('confirms each milestone, rates once, and shows the rating after', async () => {
    const at = `/api/tenants/qingdao/engagements/${id}`;
    const confirmed = await firm.post(`${PAGE}/${id}/milestones/contract/confirm`, {});
    expect(confirmed.status).toBe(303);
    const listed = textOf((await firm.get(confirmed.location ?? PAGE)).html);
    expect(listed).toMatch(/已确认 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    const again = await firm.post(`${PAGE}/${id}/milestones/contract/confirm`, {});
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('已确认');

    for (const kind of MILESTONES) {
      const added = await provider.post(`${at}/milestones`, { kind, summary: `${kind} 完成` });
      expect(added.status).toBe(201);
      const done = await firm.post(`${PAGE}/${id}/milestones/${kind}/confirm`, {});
      expect(done.status, kind).toBe(303);
    }
    const accepted = await firm.get(PAGE);
    expect(accepted.html).toContain(`action="${PAGE}/${id}/rating"`);
    expect(textOf(accepted.html)).toContain('基本满意');

    // No satisfaction chosen: the message beside it, the comment kept.
    const missing = await firm.post(`${PAGE}/${id}/rating`, { comment: '按期完成，效果明显' });
    expect(missing.status).toBe(422);
    expect(textOf(missing.html)).toContain('请为「满意度」选择一项');
    expect(formFields(missing.html, `rate-${id}-form`).comment).toEqual(['按期完成，效果明显']);

    const rated = await firm.post(`${PAGE}/${id}/rating`, {
      satisfaction: 'basic',
      comment: '按期完成，效果明显',
    });
    expect(rated.status).toBe(303);
    const shown = await firm.get(PAGE);
    expect(shown.html).not.toContain(`action="${PAGE}/${id}/rating"`);
    const text = textOf(shown.html);
    expect(text).toContain('您的评价');
    expect(text).toContain('基本满意');
    expect(text).toContain('按期完成，效果明显');

    const twice = await firm.post(`${PAGE}/${id}/rating`, {
      satisfaction: 'unsatisfied',
      comment: '再评一次',
    });
    expect(twice.status).toBe(409);
    expect(textOf(twice.html)).toContain('该服务已评价，每项服务只能评价一次');
    const api = await provider.get<{ rating?: { satisfaction: string } }>(at);
    expect(api.body.rating?.satisfaction).toBe('basic');
  });
});
