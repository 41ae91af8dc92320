/**
 * Issue 9, defect 2: a claim one organization makes about another is never enforced
 * against the one it names. A branch declaring a parent cannot lock the parent out; the
 * district reviewer sees both applications flagged; the parent confirms or denies the
 * relation in its own account; a ban on the parent still reaches the declared branch.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, attachPdf } from '../../support/api-client.js';
import { OPEN_AT, PRODUCT_DOCUMENTS, PROGRAM, productFields, uscc } from '../../support/qingdao.js';
import { type Harness, reviewCatchesUp, reviewerOf } from '../../support/review-walk.js';

let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

async function organization(n: number, parentUscc?: string) {
  const org = uscc(n);
  const client = await ApiClient.signIn(harness.app, { role: 'provider', tenant: 'qingdao', org });
  const registered = await client.put(`/api/tenants/qingdao/orgs/${org}`, {
    name: `主体测试公司${n}`,
    region: 'laoshan',
    ...(parentUscc && { parentUscc }),
  });
  expect(registered.status).toBe(200);
  return { org, client };
}

const draft = (client: ApiClient, track = 'product', industries = ['auto-parts']) =>
  client.post<{ id: string }>('/api/tenants/qingdao/applications', {
    programId: PROGRAM,
    track,
    industries,
    fields: track === 'product' ? productFields : {},
  });

async function submit(client: ApiClient, id: string) {
  for (const kind of PRODUCT_DOCUMENTS) await attachPdf(client, 'qingdao', id, kind);
  return client.post(`/api/tenants/qingdao/applications/${id}/submit`);
}

describe('a branch declaring a parent', () => {
  it('cannot lock the parent out: both apply, and the reviewer sees each flagged with the other', async () => {
    const parent = await organization(92_001);
    const hostile = await organization(92_002, parent.org);
    // Two drafts by the declared branch, in two tracks: nothing is claimed in the parent's name.
    expect((await draft(hostile.client)).status).toBe(201);
    expect((await draft(hostile.client, 'integration', ['rail-transit-equipment'])).status).toBe(
      201,
    );

    const own = await draft(parent.client);
    expect(own.status).toBe(201);
    expect((await submit(parent.client, own.body.id)).status).toBe(200);
    const branchApp = await draft(hostile.client, 'product', ['home-appliances']);
    // The branch's own second product draft is its own duplicate: refused.
    expect(branchApp.body).toMatchObject({ status: 422, code: 'duplicate_entity' });

    await reviewCatchesUp(harness);
    const reviewer = await reviewerOf(harness, 'laoshan');
    const seen = await reviewer.get<{
      status: string;
      entityConflicts: { applicationId: string; uscc: string; relation: string }[];
    }>(`/api/tenants/qingdao/applications/${own.body.id}`);
    expect(seen.body.status).toBe('in_review');
    // The branch has only drafts: no duplicate until it submits.
    expect(seen.body.entityConflicts).toEqual([]);
  });

  it('is flagged on both applications once both are submitted, with the parent’s answer', async () => {
    const parent = await organization(92_011);
    const branch = await organization(92_012, parent.org);
    const parentApp = (await draft(parent.client)).body.id;
    const branchApp = (await draft(branch.client)).body.id;
    expect((await submit(branch.client, branchApp)).status).toBe(200);
    expect((await submit(parent.client, parentApp)).status).toBe(200);
    await reviewCatchesUp(harness);

    const reviewer = await reviewerOf(harness, 'laoshan');
    type Seen = {
      status: string;
      entityConflicts: {
        applicationId: string;
        uscc: string;
        relation: string;
        parentAnswers: Record<string, string>;
      }[];
    };
    const onParent = await reviewer.get<Seen>(`/api/tenants/qingdao/applications/${parentApp}`);
    const onBranch = await reviewer.get<Seen>(`/api/tenants/qingdao/applications/${branchApp}`);
    expect(onParent.body.status).toBe('in_review');
    expect(onBranch.body.status).toBe('in_review');
    expect(onParent.body.entityConflicts).toEqual([
      expect.objectContaining({
        applicationId: branchApp,
        uscc: branch.org,
        relation: 'declared_branch',
        parentAnswers: { [branch.org]: 'declared' },
      }),
    ]);
    expect(onBranch.body.entityConflicts).toEqual([
      expect.objectContaining({
        applicationId: parentApp,
        uscc: parent.org,
        relation: 'declared_parent',
      }),
    ]);
    // The applicants themselves are not shown the other party.
    const asOwner = await parent.client.get<Record<string, unknown>>(
      `/api/tenants/qingdao/applications/${parentApp}`,
    );
    expect(asOwner.body.entityConflicts).toBeUndefined();

    // The parent answers for itself; the branch cannot answer in its name.
    const declared = await parent.client.get<{ items: { uscc: string; state: string }[] }>(
      `/api/tenants/qingdao/orgs/${parent.org}/branches`,
    );
    expect(declared.body.items).toEqual([
      expect.objectContaining({ uscc: branch.org, state: 'declared' }),
    ]);
    const forged = await branch.client.put(
      `/api/tenants/qingdao/orgs/${parent.org}/branches/${branch.org}`,
      { relation: 'confirmed' },
    );
    expect(forged.status).toBe(403);
    const denied = await parent.client.put(
      `/api/tenants/qingdao/orgs/${parent.org}/branches/${branch.org}`,
      { relation: 'denied' },
    );
    expect(denied.body).toMatchObject({ uscc: branch.org, state: 'denied' });
    const after = await reviewer.get<Seen>(`/api/tenants/qingdao/applications/${parentApp}`);
    expect(after.body.entityConflicts[0]?.parentAnswers).toEqual({ [branch.org]: 'denied' });
  });

  it('is still reached by a ban on the parent it names', async () => {
    const parent = await organization(92_021);
    const branch = await organization(92_022, parent.org);
    const province = await ApiClient.signIn(harness.app, {
      role: 'province_admin',
      tenant: 'shandong',
    });
    const ban = await province.post('/api/tenants/shandong/bans', {
      uscc: parent.org,
      reason: '提供虚假材料',
      until: '2028-01-01T00:00:00+08:00',
    });
    expect(ban.status).toBe(201);
    expect((await draft(branch.client)).body).toMatchObject({ status: 403, code: 'banned' });
    expect((await draft(parent.client)).body).toMatchObject({ status: 403, code: 'banned' });
  });
});
