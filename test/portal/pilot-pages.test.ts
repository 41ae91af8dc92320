/**
 * `/<t>/pilots` in process, on DynamoDB Local: Jinan's staff read each pilot enterprise
 * with its USCC, district, needs and when it was listed (and download the same rows as
 * CSV); a member of the pool reads name, district and needs only; a provider outside
 * the pool gets the 403 page saying who may read it; the province reads Jinan's too.
 * And an enterprise applies to the call for pilot enterprises from its own pages, where
 * a provider is offered the providers' calls only.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { listMember } from '../support/members.js';
import { PageClient, textOf } from '../support/page-client.js';
import { api, listedPilot, NEEDS, OPEN_AT, PROGRAM, TENANT } from '../support/pilots.js';
import { uscc } from '../support/qingdao.js';

const PAGE = `/${TENANT}/pilots`;
let harness: Awaited<ReturnType<typeof testApp>>;
let pilot = '';
let member = '';

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  pilot = (await listedPilot(harness, 601)).org;
  member = await listMember(harness, TENANT, 'dx-providers', 602);
}, 120_000);

async function signedIn(identity: Record<string, unknown>) {
  const page = new PageClient(harness.app);
  await page.signInWith(identity);
  return page;
}

/** The text of the page's table body: what its rows say. */
const rowsOf = (html: string) => textOf(/<tbody>[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? '');

describe('/<t>/pilots', () => {
  it("shows the city's staff every pilot with its needs, and downloads the same rows", async () => {
    const city = await signedIn({ role: 'city_admin', tenant: TENANT });
    const page = await city.get(PAGE);
    expect(page.status).toBe(200);
    const rows = rowsOf(page.html);
    expect(rows).toContain('试点企业601');
    expect(rows).toContain(pilot);
    expect(rows).toContain('历下区');
    expect(rows).toContain(NEEDS);
    expect(page.html).toContain(`href="${PAGE}"`);
    const csv = await city.get(`${PAGE}/download?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.html).toContain(`试点企业601,${pilot},历下区,${NEEDS}`);
  });

  it("shows a member of the pool the pilot's name, district and needs only", async () => {
    const provider = await signedIn({ role: 'provider', tenant: TENANT, org: member });
    const page = await provider.get(PAGE);
    expect(page.status).toBe(200);
    const rows = rowsOf(page.html);
    expect(rows).toContain('试点企业601');
    expect(rows).toContain(NEEDS);
    expect(rows).not.toContain(pilot);
  });

  it('shows the province every city’s pilots, naming the city', async () => {
    const province = await signedIn({ role: 'province_admin', tenant: 'shandong' });
    const page = await province.get('/shandong/pilots');
    expect(page.status).toBe(200);
    expect(rowsOf(page.html)).toContain('济南市');
    expect(rowsOf(page.html)).toContain('试点企业601');
  });

  it("gives staff whose scope holds no pilot the staff's columns, empty", async () => {
    const reviewer = await signedIn({
      role: 'district_reviewer',
      tenant: TENANT,
      region: 'shizhong',
    });
    const page = await reviewer.get(PAGE);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('暂无试点企业');
    const csv = await reviewer.get(`${PAGE}/download?format=csv`);
    expect(csv.html).toContain('企业名称,统一社会信用代码,所在区市');
  });

  it('tells the listed enterprise it is a pilot, not that it entered the pool', async () => {
    const enterprise = await signedIn({ role: 'enterprise', tenant: TENANT, org: pilot });
    const mine = textOf((await enterprise.get(`/${TENANT}/me/applications`)).html);
    expect(mine).toContain('已列入试点企业名单');
    expect(mine).not.toContain('已入库');
  });

  it('refuses a provider outside the pool with a page saying who may read it', async () => {
    const outsider = await signedIn({ role: 'provider', tenant: TENANT, org: uscc(603) });
    const page = await outsider.get(PAGE);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('试点企业名单仅向本地工作人员和资源池内服务商开放');
    expect(textOf(page.html)).not.toContain('试点企业601');
  });
});

describe('an enterprise applying to the call for pilot enterprises', () => {
  const PILOT_CALL = '申报「中小企业数字化转型试点企业申报」';

  it('finds the call on its applications page and starts a draft with the needs field', async () => {
    const org = uscc(604);
    const identity = { role: 'enterprise', tenant: TENANT, org };
    const registered = await (await ApiClient.signIn(harness.app, identity)).put(
      `${api}/orgs/${org}`,
      { name: '试点企业604', region: 'lixia' },
    );
    expect(registered.status).toBe(200);
    const enterprise = await signedIn(identity);
    const mine = await enterprise.get(`/${TENANT}/me/applications`);
    expect(mine.status).toBe(200);
    expect(textOf(mine.html)).toContain(PILOT_CALL);
    expect(mine.html).toContain(`href="/${TENANT}/me/applications"`);
    const created = await enterprise.post(`/${TENANT}/me/applications/new?program=${PROGRAM}`, {});
    expect(created.status).toBe(303);
    const draft = await enterprise.get(created.location ?? '');
    expect(draft.status).toBe(200);
    expect(textOf(draft.html)).toContain('数字化转型需求');
  });

  it("offers a provider the providers' calls, not the pilot enterprises'", async () => {
    const provider = await signedIn({ role: 'provider', tenant: TENANT, org: uscc(605) });
    const mine = await provider.get(`/${TENANT}/me/applications`);
    expect(mine.status).toBe(200);
    expect(textOf(mine.html)).not.toContain(PILOT_CALL);
    expect(mine.html).toContain('program=dx-providers');
  });
});
