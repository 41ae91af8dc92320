/**
 * `/<t>/enterprise/needs` in process, on DynamoDB Local: Jinan's enterprise records its
 * needs from the page (post, redirect, get), then reads the pool's providers ranked for
 * them with the reasons; a need with a domain and no description is refused beside its
 * field with what was typed kept; a provider is refused the page.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { listMember } from '../support/members.js';
import { PageClient, textOf } from '../support/page-client.js';
import { OPEN_AT, TENANT } from '../support/pilots.js';
import { uscc } from '../support/qingdao.js';

const PAGE = `/${TENANT}/enterprise/needs`;
const ORG = uscc(951);
let harness: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  await listMember(harness, TENANT, 'dx-providers', 952, undefined, {
    category: 'smart-equipment',
    region: 'lixia',
  });
}, 60_000);

async function enterprise() {
  const page = new PageClient(harness.app);
  await page.signInWith({ role: 'enterprise', tenant: TENANT, org: ORG, name: '济南需求测试企业' });
  return page;
}

describe('/<t>/enterprise/needs', () => {
  it('records the needs and then shows the providers ranked for them, with reasons', async () => {
    const page = await enterprise();
    const empty = await page.get(PAGE);
    expect(empty.status).toBe(200);
    expect(textOf(empty.html)).toContain('暂无推荐');
    const saved = await page.post(PAGE, {
      name: '济南需求测试企业',
      region: 'lixia',
      'domain-1': 'smart-equipment',
      'description-1': '产线设备联网改造',
    });
    expect(saved.status).toBe(303);
    const after = await page.get(saved.location ?? '');
    const text = textOf(after.html);
    expect(text).toContain('需求已保存');
    expect(text).toContain('监管测试公司952');
    expect(text).toContain('服务类别对口「智能装备服务商」：产线设备联网改造');
    expect(text).toContain('同在历下区');
    expect(after.html).toContain('value="产线设备联网改造"');
  });

  it('refuses a need without its description beside the field, keeping what was typed', async () => {
    const page = await enterprise();
    const refused = await page.post(PAGE, {
      name: '济南需求测试企业',
      region: 'lixia',
      'domain-1': 'smart-equipment',
      'description-1': '产线设备联网改造',
      'domain-2': 'network',
    });
    expect(refused.status).toBe(422);
    expect(textOf(refused.html)).toContain('请描述需求 2');
    expect(refused.html).toContain('aria-describedby="description-2-error"');
    expect(refused.html).toContain('value="产线设备联网改造"');
  });

  it('refuses an overlong description beside its field, however long, never with a 500', async () => {
    const page = await enterprise();
    // The second about 400 KB on the wire, under the pages' body limit: DynamoDB's own item
    // limit would have answered it with a 500.
    for (const description of ['需'.repeat(2001), 'x'.repeat(400_000)]) {
      const refused = await page.post(PAGE, {
        name: '济南需求测试企业',
        region: 'lixia',
        'domain-1': 'smart-equipment',
        'description-1': description,
      });
      expect(refused.status).toBe(422);
      expect(refused.html).toContain('aria-describedby="description-1-error"');
      expect(textOf(refused.html)).toContain('第 1 项需求的描述应为 1 至 2000 个字');
    }
  });

  it('shows every need the profile holds, so saving the page loses none', async () => {
    const org = uscc(954);
    const api = await ApiClient.signIn(harness.app, { role: 'enterprise', tenant: TENANT, org });
    const needs = Array.from({ length: 8 }, (_, i) => ({
      domain: 'smart-equipment',
      description: `第${i + 1}项需求`,
    }));
    const saved = await api.put(`/api/tenants/${TENANT}/enterprises/${org}`, {
      name: '八项需求企业',
      region: 'lixia',
      needs,
    });
    expect(saved.status).toBe(200);
    const page = new PageClient(harness.app);
    await page.signInWith({ role: 'enterprise', tenant: TENANT, org });
    const form = await page.get(PAGE);
    expect(form.html).toContain('value="第8项需求"');
    const again = await page.post(PAGE, {
      name: '八项需求企业',
      region: 'lixia',
      ...Object.fromEntries(
        needs.flatMap((need, i) => [
          [`domain-${i + 1}`, need.domain],
          [`description-${i + 1}`, need.description],
        ]),
      ),
    });
    expect(again.status).toBe(303);
    const file = await api.get<{ needs: unknown[] }>(
      `/api/tenants/${TENANT}/enterprises/${org}/file`,
    );
    expect(file.body.needs).toHaveLength(8);
  });

  it('is not a provider’s page, nor staff’s', async () => {
    for (const identity of [
      { role: 'provider', tenant: TENANT, org: uscc(953) },
      { role: 'city_admin', tenant: TENANT },
    ]) {
      const page = new PageClient(harness.app);
      await page.signInWith(identity);
      const refused = await page.get(PAGE);
      expect(refused.status).toBe(403);
      expect(textOf(refused.html)).toContain('此页面供试点企业登记本企业的转型需求');
    }
  });
});
