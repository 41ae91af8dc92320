/**
 * The convenor's batch decision from a quota ranking (`POST …/ranking/decision`): one
 * decision for a group, each application settled in its own history; refused as a whole
 * (nothing decided) when one is not ready; only the convenor; bad lists are 422.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM } from '../support/qingdao.js';
import {
  atPanel,
  cityAdminOf,
  expertClient,
  type Harness,
  reviewerOf,
  scoreAll,
  tasksFor,
} from '../support/review-walk.js';

const DECISION = `/api/tenants/qingdao/programs/${PROGRAM}/ranking/decision`;
const COMMENT = '按综合得分排名，配额内择优推荐。';

let harness: Harness;
let cityAdmin: ApiClient;

/** Through district review, panel assigned and every expert scored: ready for the convenor. */
async function ready(n: number) {
  const at = await atPanel(harness, n);
  await scoreAll(harness, at.id);
  return at;
}

const history = async (client: ApiClient, id: string) =>
  (await client.get<{ items: HistoryEvent[] }>(`/api/tenants/qingdao/applications/${id}/history`))
    .body.items;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  cityAdmin = await cityAdminOf(harness);
});

describe('the batch decision from the ranking', () => {
  it('passes a group and rejects the rest, each in its own history, and moves each on', async () => {
    const a = await ready(61_001);
    const b = await ready(61_002);
    const c = await ready(61_003);
    const before = await history(a.provider, a.id);

    const decided = await cityAdmin.post(DECISION, {
      stage: 'expert-review',
      pass: [a.id, b.id],
      reject: [c.id],
      comment: COMMENT,
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toEqual({ decided: 3 });
    await harness.review.settled();

    for (const { id, provider } of [a, b]) {
      const events = await history(provider, id);
      expect(events).toContainEqual(
        expect.objectContaining({
          stage: 'expert-review',
          from: 'in_review',
          to: 'in_review',
          reason: COMMENT,
          role: 'city_admin',
        }),
      );
      expect((await provider.get(`/api/tenants/qingdao/applications/${id}`)).body).toMatchObject({
        status: 'in_review',
        stage: 'publicity',
      });
    }
    expect((await history(a.provider, a.id)).length).toBeGreaterThan(before.length);
    expect(await history(c.provider, c.id)).toContainEqual(
      expect.objectContaining({ stage: 'expert-review', to: 'rejected', reason: COMMENT }),
    );
    expect((await c.provider.get(`/api/tenants/qingdao/applications/${c.id}`)).body).toMatchObject({
      status: 'rejected',
    });
    // The experts' work on them is over, and the convenor's panel task closed.
    expect(await tasksFor(await expertClient(harness, 'e-1'), a.id)).toEqual([]);
    expect((await tasksFor(cityAdmin, a.id)).filter((t) => t.stage === 'expert-review')).toEqual(
      [],
    );

    // Deciding the same group again: no longer at the stage, nothing decided.
    const again = await cityAdmin.post(DECISION, {
      stage: 'expert-review',
      pass: [a.id],
      comment: COMMENT,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'stale_stage' });
  });

  it('refuses the whole batch with stale_stage when one is not ready, deciding none', async () => {
    const done = await ready(61_011);
    const scoring = await atPanel(harness, 61_012); // assigned, nobody has scored yet
    const before = await history(done.provider, done.id);

    const refused = await cityAdmin.post<{ code: string; detail: string }>(DECISION, {
      stage: 'expert-review',
      pass: [done.id, scoring.id],
      comment: COMMENT,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('stale_stage');
    expect(refused.body.detail).toContain('审核测试公司61012');
    expect(refused.body.detail).not.toContain('审核测试公司61011');

    expect(await history(done.provider, done.id)).toEqual(before);
    expect(await tasksFor(cityAdmin, done.id)).toEqual([
      expect.objectContaining({ kind: 'panel', ready: true }),
    ]);
    // An id of no application refuses it the same way.
    expect(
      (
        await cityAdmin.post(DECISION, {
          stage: 'expert-review',
          pass: [done.id, 'no-such-application'],
          comment: COMMENT,
        })
      ).body,
    ).toMatchObject({ code: 'stale_stage' });
    expect(await history(done.provider, done.id)).toEqual(before);
  });

  it('gives each application one decision when two convenors decide the same group at once', async () => {
    const a = await ready(61_041);
    const b = await ready(61_042);
    const other = await cityAdminOf(harness);
    const [passing, rejecting] = await Promise.all([
      cityAdmin.post<{ decided?: number; skipped?: string[]; code?: string }>(DECISION, {
        stage: 'expert-review',
        pass: [a.id, b.id],
        comment: 'PASS-BY-ONE',
      }),
      other.post<{ decided?: number; skipped?: string[]; code?: string }>(DECISION, {
        stage: 'expert-review',
        pass: [b.id],
        reject: [a.id],
        comment: 'REJECT-BY-OTHER',
      }),
    ]);
    // Each answer is a 200 (some perhaps skipped) or a 409 that decided nothing.
    for (const answer of [passing, rejecting]) {
      expect([200, 409]).toContain(answer.status);
      if (answer.status === 409) expect(answer.body.code).toBe('stale_stage');
    }
    const decided = [passing, rejecting].reduce((n, r) => n + (r.body.decided ?? 0), 0);
    expect(decided).toBe(2);
    await harness.review.settled();
    for (const { id, provider } of [a, b]) {
      const decisions = (await history(provider, id)).filter(
        (e) => e.reason === 'PASS-BY-ONE' || e.reason === 'REJECT-BY-OTHER',
      );
      expect(decisions).toHaveLength(1);
    }
  });

  it('is the convenor’s alone', async () => {
    const one = await ready(61_021);
    const body = { stage: 'expert-review', pass: [one.id], comment: COMMENT };
    const reviewer = await reviewerOf(harness, 'laoshan');
    expect((await reviewer.post(DECISION, body)).status).toBe(403);
    expect((await (await expertClient(harness, 'e-1')).post(DECISION, body)).status).toBe(403);
    expect((await one.provider.post(DECISION, body)).status).toBe(403);
    expect((await tasksFor(cityAdmin, one.id))[0]).toMatchObject({ kind: 'panel', ready: true });
  });

  it('refuses lists that do not make sense with 422', async () => {
    const one = await ready(61_031);
    const two = await ready(61_032);
    const post = (body: Record<string, unknown>) =>
      cityAdmin.post(DECISION, { stage: 'expert-review', comment: COMMENT, ...body });
    for (const body of [
      { pass: [one.id], reject: [one.id] },
      { pass: [one.id, one.id] },
      { pass: [one.id], reject: [two.id, two.id] },
      { pass: [] },
      { pass: [one.id], comment: '  ' },
      { pass: [one.id], stage: 'district-review' },
      { pass: [one.id], stage: 'nothing-here' },
    ]) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
    }
    expect((await post({ pass: [one.id], reject: [one.id] })).body).toMatchObject({
      errors: [expect.objectContaining({ path: 'reject' })],
    });
    expect((await tasksFor(cityAdmin, one.id))[0]).toMatchObject({ kind: 'panel', ready: true });
    expect((await tasksFor(cityAdmin, two.id))[0]).toMatchObject({ kind: 'panel', ready: true });
  });
});
