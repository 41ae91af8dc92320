/**
 * Appeals against a published grade and against an upheld complaint (API.md `POST
 * /appeals`, subject kinds `evaluation` and `complaint`), on Jining's appeal rule (004
 * §三(三)) on DynamoDB Local with the moved clock: refused while there is nothing to
 * appeal against, one open appeal per decision, upheld undoing what the decision
 * changed (the grade withdrawn; the complaint annulled with its order and the member's
 * status before, no longer counted in the evidence or on the province's board),
 * dismissed leaving it standing.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Json } from '../../support/api-client.js';
import { enterpriseClient, register } from '../../support/engagements.js';
import { listMember, memberClient, supervisorOf } from '../../support/members.js';
import { uscc } from '../../support/qingdao.js';
import { moveClock } from '../../support/review-walk.js';

const JN = '/api/tenants/jining';

type Row = { uscc: string; status: string; grade?: string; annulled?: Json; evidence: Json };
type MemberPage = {
  status: string;
  latestGrade: Json | null;
  rectifications: { id: string; status: string }[];
  complaints: { id: string; status: string }[];
  history: { reason: string }[];
};

let harness: Awaited<ReturnType<typeof testApp>>;
let city: ApiClient;

beforeAll(async () => {
  // A Monday.
  harness = await testApp({ start: '2025-03-03T10:00:00+08:00' });
  city = await supervisorOf(harness, 'jining');
});

const appeal = (client: ApiClient, kind: string, id: string) =>
  client.post<{ id: string; status: string }>(`${JN}/appeals`, {
    subject: { kind, id },
    ground: 'other',
    detail: '评价与投诉所依据的事实有误，申请复核',
  });
const decide = (id: string, upheld: boolean) =>
  city.post<{ status: string }>(`${JN}/appeals/${id}/decision`, {
    upheld,
    comment: upheld ? '经复核，申诉成立' : '经复核，申诉不成立',
  });
const page = async (org: string) => (await city.get<MemberPage>(`${JN}/members/${org}`)).body;
const rowOf = async (year: number, org: string) =>
  (await city.get<{ members: Row[] }>(`${JN}/evaluations/${year}`)).body.members.find(
    (m) => m.uscc === org,
  );

describe('an appeal against a published grade', () => {
  it('is refused before publication, one at a time; upheld withdraws the grade, dismissed keeps it', async () => {
    const failed = await listMember(harness, 'jining', 'dx-providers', 441);
    const good = await listMember(harness, 'jining', 'dx-providers', 442);
    const failing = await memberClient(harness, 'jining', failed);
    const passing = await memberClient(harness, 'jining', good);
    expect((await city.post(`${JN}/evaluations`, { year: 2024 })).status).toBe(201);
    const indicators = (await rowOf(2024, failed)) as unknown as { indicators: { id: string }[] };
    const sheet = (score: number) =>
      Object.fromEntries(indicators.indicators.map((i) => [i.id, score]));
    for (const [org, score] of [
      [failed, 50],
      [good, 85],
    ] as const) {
      const scored = await city.put(`${JN}/evaluations/2024/members/${org}/scores`, {
        scores: sheet(score),
      });
      expect(scored.status).toBe(200);
    }
    const early = await appeal(failing, 'evaluation', `2024-${failed}`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'grade_not_published' });

    // Five working days from Monday 3 March: to Monday 10th, 24:00.
    await moveClock(harness, '2025-03-11T00:00:00+08:00');
    expect((await city.post(`${JN}/evaluations/2024/publish`)).status).toBe(200);
    expect((await page(failed)).latestGrade).toMatchObject({ year: 2024, grade: 'unqualified' });

    const foreign = await appeal(passing, 'evaluation', `2024-${failed}`);
    expect(foreign.status).toBe(403);
    const lodged = await appeal(failing, 'evaluation', `2024-${failed}`);
    expect(lodged.status).toBe(201);
    const second = await appeal(failing, 'evaluation', `2024-${failed}`);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'appeal_pending' });

    expect((await decide(lodged.body.id, true)).body.status).toBe('upheld');
    const row = await rowOf(2024, failed);
    expect(row).toMatchObject({ status: 'annulled', annulled: { grade: 'unqualified' } });
    expect(row?.grade).toBeUndefined();
    const after = await page(failed);
    expect(after.latestGrade).toBeNull();
    expect(after.history.at(-1)?.reason).toBe(
      `appeal ${lodged.body.id} upheld: 2024 grade unqualified withdrawn`,
    );
    const public_ = await harness.app.request(`${JN}/members/${failed}`);
    expect(((await public_.json()) as MemberPage).latestGrade).toBeNull();
    const again = await appeal(failing, 'evaluation', `2024-${failed}`);
    expect(again.body).toMatchObject({ code: 'grade_not_published' });

    const theirs = await appeal(passing, 'evaluation', `2024-${good}`);
    expect(theirs.status).toBe(201);
    expect((await decide(theirs.body.id, false)).body.status).toBe('dismissed');
    expect(await rowOf(2024, good)).toMatchObject({ status: 'published', grade: 'good' });
    expect((await page(good)).latestGrade).toMatchObject({ year: 2024, grade: 'good' });
    // Decided, the grade may be appealed again (the marker went with the decision), once at a time.
    const racing = await Promise.all([
      appeal(passing, 'evaluation', `2024-${good}`),
      appeal(passing, 'evaluation', `2024-${good}`),
    ]);
    expect(racing.map((a) => a.status).sort()).toEqual([201, 409]);
  });
});

describe('an appeal against an upheld complaint', () => {
  it('annuls the complaint and its order, restoring the member; dismissed, it stands', async () => {
    const org = await listMember(harness, 'jining', 'dx-providers', 451);
    const provider = await memberClient(harness, 'jining', org);
    const firm = await enterpriseClient(harness, 'jining', uscc(491));
    expect((await register(provider, 'jining', uscc(491))).status).toBe(201);
    const complaint = async (resolution?: Json) => {
      const filed = await firm.post<{ id: string }>(`${JN}/complaints`, {
        providerUscc: org,
        ground: 'late-engagement',
        description: '合同签订后一个月仍未进场实施',
      });
      expect(filed.status).toBe(201);
      const at = `${JN}/complaints/${filed.body.id}`;
      if (!resolution) return { id: filed.body.id };
      expect((await provider.post(`${at}/reply`, { text: '已协商进场时间' })).status).toBe(200);
      const resolved = await city.post<{ resolution: { rectificationId?: string } }>(
        `${at}/resolution`,
        resolution,
      );
      expect(resolved.status).toBe(200);
      return { id: filed.body.id, orderId: resolved.body.resolution.rectificationId };
    };
    const withOrder = await complaint({
      upheld: true,
      comment: '投诉属实',
      rectify: { ground: 'service-complaints', detail: '进场不及时' },
    });
    const upheld = await complaint({ upheld: true, comment: '投诉属实' });
    const dismissed = await complaint({ upheld: false, comment: '投诉不属实' });
    const open = await complaint();
    expect((await page(org)).status).toBe('rectifying');
    const board = async () => {
      const province = await supervisorOf(harness, 'shandong');
      const answer = await province.get<{ severalComplaints: { uscc: string; count: number }[] }>(
        '/api/tenants/shandong/supervision/board',
      );
      return answer.body.severalComplaints.find((c) => c.uscc === org);
    };
    expect(await board()).toMatchObject({ count: 4 });

    for (const { id } of [dismissed, open]) {
      const refused = await appeal(provider, 'complaint', id);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'complaint_not_upheld' });
    }
    const lodged = await appeal(provider, 'complaint', withOrder.id);
    expect(lodged.status).toBe(201);
    const second = await appeal(provider, 'complaint', withOrder.id);
    expect(second.body).toMatchObject({ code: 'appeal_pending' });
    // The order the complaint caused is under the same appeal.
    const atOrder = await appeal(provider, 'rectification', withOrder.orderId ?? '');
    expect(atOrder.body).toMatchObject({ code: 'appeal_pending' });

    expect((await decide(lodged.body.id, true)).body.status).toBe('upheld');
    const after = await page(org);
    expect(after.status).toBe('active');
    expect(after.complaints.find((c) => c.id === withOrder.id)?.status).toBe('annulled');
    expect(after.rectifications).toEqual([
      expect.objectContaining({ id: withOrder.orderId, status: 'annulled' }),
    ]);
    expect(after.history.at(-1)?.reason).toBe(
      `appeal ${lodged.body.id} upheld (complaint ${withOrder.id} annulled): rectification ${withOrder.orderId} annulled`,
    );
    const read = await firm.get<{ history: { to: string }[] }>(`${JN}/complaints/${withOrder.id}`);
    expect(read.body.history.map((e) => e.to)).toEqual(['open', 'replied', 'upheld', 'annulled']);
    expect(await board()).toMatchObject({ count: 3 });
    expect((await appeal(provider, 'complaint', withOrder.id)).body).toMatchObject({
      code: 'complaint_not_upheld',
    });

    const theirs = await appeal(provider, 'complaint', upheld.id);
    expect(theirs.status).toBe(201);
    expect((await decide(theirs.body.id, false)).body.status).toBe('dismissed');
    expect((await page(org)).complaints.find((c) => c.id === upheld.id)?.status).toBe('upheld');

    expect((await city.post(`${JN}/evaluations`, { year: 2025 })).status).toBe(201);
    expect((await rowOf(2025, org))?.evidence).toMatchObject({
      complaints: { filed: 4, upheld: 1 },
      rectifications: { ordered: 0, accepted: 0, failed: 0 },
    });
  });
});
