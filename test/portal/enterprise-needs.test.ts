/**
 * `/<t>/enterprise/needs` in process, on DynamoDB Local: Jinan's enterprise records its
 * needs from the page (post, redirect, get), then reads the pool's providers ranked for
 * them with the reasons; a need with a domain and no description is refused beside its
 * field with what was typed kept; a provider is refused the page.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
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
    expect(textOf(refused.html)).toContain('请描述该需求');
    expect(refused.html).toContain('aria-describedby="description-2-error"');
    expect(refused.html).toContain('value="产线设备联网改造"');
  });

  it('is not a provider’s page', async () => {
    const page = new PageClient(harness.app);
    await page.signInWith({ role: 'provider', tenant: TENANT, org: uscc(953) });
    expect((await page.get(PAGE)).status).toBe(403);
  });
});
