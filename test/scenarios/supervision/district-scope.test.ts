/**
 * What a district reviewer reads of a member's supervision, on Jining's rules and
 * DynamoDB Local: the records of a member listed from its own district (the scope in
 * which it reviewed the application, API.md "staff in scope"), never an evaluation still
 * open (the bureau's work until published), and of a member listed elsewhere only what
 * the public reads. The notices give districts no wider part (000 §四(四); 004 §二(二)).
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json } from '../../support/api-client.js';
import { supervisorOf } from '../../support/members.js';
import { served } from '../../support/probes.js';

const JN = '/api/tenants/jining';

type MemberPage = {
  full: boolean;
  engagements?: Json[];
  complaints?: Json[];
  evaluations?: Json[];
};

let harness: Awaited<ReturnType<typeof testApp>>;
const reviewerOf = (region: string) =>
  ApiClient.signIn(harness.app, { role: 'district_reviewer', tenant: 'jining', region });

beforeAll(async () => {
  harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
});

describe("a member's supervision records, read by a district reviewer", () => {
  it('are read in its own district, but for the open evaluation, and refused elsewhere', async () => {
    // Listed from 任城区 (the support's default region), serving a pilot firm.
    const { org, enterprise, id } = await served(harness, 721);
    const complaint = await enterprise.post<{ id: string }>(`${JN}/complaints`, {
      providerUscc: org,
      ground: 'late-engagement',
      description: '合同签订后未按期进场',
    });
    expect(complaint.status).toBe(201);
    const city = await supervisorOf(harness, 'jining');
    expect((await city.post(`${JN}/evaluations`, { year: 2024 })).status).toBe(201);
    const sheet = await city.put(`${JN}/evaluations/2024/members/${org}/scores`, {
      scores: { cooperation: 8 },
      comment: '内部意见：配合较差',
    });
    expect(sheet.status).toBe(200);
    const bureau = await city.get<MemberPage>(`${JN}/members/${org}`);
    expect(bureau.body.evaluations).toEqual([expect.objectContaining({ status: 'open' })]);

    const own = await reviewerOf('rencheng');
    const page = await own.get<MemberPage>(`${JN}/members/${org}`);
    expect(page.body).toMatchObject({ full: true, evaluations: [] });
    expect(page.body.engagements).toHaveLength(1);
    expect(page.body.complaints).toHaveLength(1);
    expect((await own.get(`${JN}/complaints/${complaint.body.id}`)).status).toBe(200);
    expect((await own.get(`${JN}/engagements/${id}`)).status).toBe(200);

    const elsewhere = await reviewerOf('qufu');
    const outside = await elsewhere.get<MemberPage>(`${JN}/members/${org}`);
    expect(outside.status).toBe(200);
    expect(outside.body.full).toBe(false);
    expect(outside.body).not.toHaveProperty('engagements');
    expect(outside.body).not.toHaveProperty('evaluations');
    for (const path of [`complaints/${complaint.body.id}`, `engagements/${id}`]) {
      const refused = await elsewhere.get(`${JN}/${path}`);
      expect(refused.status, path).toBe(403);
      expect(refused.body).toMatchObject({ code: 'forbidden' });
    }
  });
});
