/**
 * Two convenors deciding overlapping groups from the ranking at once, passes and rejects
 * mixed: each application decided once, one decision event, one release recorded per
 * decided task, counters equal to a recount, and each answer's `skipped` exactly the
 * applications it did not decide.
 */
import { testApp } from '@sme/api/testing';
import { APPLICATION_STATUSES, type HistoryEvent } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json } from '../../support/api-client.js';
import { holdTransactions } from '../../support/held-transactions.js';
import { OPEN_AT, PROGRAM, QINGDAO_CTX } from '../../support/qingdao.js';
import { recountQingdao } from '../../support/recount.js';
import {
  atPanel,
  cityAdminOf,
  type Harness,
  registerExperts,
  scoreAll,
  tasksFor,
  type WalkFrom,
} from '../../support/review-walk.js';
import { draftsSharingAShard, providerNumbers } from '../../support/shard-twins.js';
import { draftOf } from '../../support/submitted.js';

/** A test that first walks many applications through review: longer than the 30 s default. */
const WALKS_MANY = 120_000;
const QD = '/api/tenants/qingdao';
const DECISION = `${QD}/programs/${PROGRAM}/ranking/decision`;
let harness: Harness;

let holds: ReturnType<typeof holdTransactions>;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  holds = holdTransactions(harness.store.clients.dynamodb);
});

const providers = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => first + i);

/** Applications at the panel, every expert answered: ready for the convenor's ranking. */
async function scoredAtPanel(froms: readonly WalkFrom[]) {
  const walks: Awaited<ReturnType<typeof atPanel>>[] = [];
  for (const from of froms) {
    const walk = await atPanel(harness, from);
    await scoreAll(harness, walk.id);
    walks.push(walk);
  }
  return walks;
}

async function counters() {
  const province = await ApiClient.signIn(harness.app, {
    role: 'province_admin',
    tenant: 'shandong',
  });
  const s = await province.get<{
    tenants: {
      tenant: string;
      programs: { programId: string; byStatus: Record<string, number> }[];
    }[];
  }>('/api/tenants/shandong/stats');
  const by =
    s.body.tenants
      .find((t) => t.tenant === 'qingdao')
      ?.programs.find((p) => p.programId === PROGRAM)?.byStatus ?? {};
  return Object.fromEntries(APPLICATION_STATUSES.map((st) => [st, by[st] ?? 0]));
}

describe('two convenors deciding overlapping groups at once', () => {
  it(
    'decides each once, records one release each, and keeps counters equal to a recount',
    async () => {
      const walks = await scoredAtPanel(providers(66_001, 8));
      const ids = walks.map((w) => w.id);
      const one = await cityAdminOf(harness);
      const two = await cityAdminOf(harness);
      const [a, b] = await Promise.all([
        one.post<Json>(DECISION, {
          stage: 'expert-review',
          pass: ids.slice(0, 3),
          reject: ids.slice(3, 6),
          comment: 'BY-ONE',
        }),
        two.post<Json>(DECISION, {
          stage: 'expert-review',
          pass: [ids[3]!, ids[6]!],
          reject: [ids[0]!, ids[1]!, ids[7]!],
          comment: 'BY-TWO',
        }),
      ]);
      await harness.review.settled();
      const byOne = new Set<string>();
      const byTwo = new Set<string>();
      for (const w of walks) {
        const h = await w.provider.get<{ items: HistoryEvent[] }>(
          `${QD}/applications/${w.id}/history`,
        );
        const ds = h.body.items.filter((e) => e.reason === 'BY-ONE' || e.reason === 'BY-TWO');
        // Sent by both, it is decided by one; by one, by that one unless its batch was refused.
        expect(ds.length, w.id).toBeLessThanOrEqual(1);
        for (const d of ds) (d.reason === 'BY-ONE' ? byOne : byTwo).add(w.id);
      }
      for (const [answer, set, sent] of [
        [a, byOne, ids.slice(0, 6)],
        [b, byTwo, [ids[3]!, ids[6]!, ids[0]!, ids[1]!, ids[7]!]],
      ] as const) {
        if (answer.status === 200) {
          expect(answer.body.decided).toBe(set.size);
          expect(((answer.body.skipped as string[] | undefined) ?? []).sort()).toEqual(
            sent.filter((id) => !set.has(id)).sort(),
          );
        } else expect(set.size).toBe(0);
      }
      const releases = await harness.platform.repositories.reviewOutbox.pendingReleases(
        QINGDAO_CTX,
        100,
      );
      for (const id of ids)
        expect(
          releases.filter((r) => r.applicationId === id && r.taskId.startsWith('expert-review'))
            .length,
          id,
        ).toBe(byOne.has(id) || byTwo.has(id) ? 1 : 0);
      expect(await counters()).toEqual(await recountQingdao(harness));
    },
    WALKS_MANY,
  );
});

describe('a batch decision meeting a withdrawal and a panel change while it is written', () => {
  it('decides the others and skips those two, sending no release for them', async () => {
    const walks = await scoredAtPanel(providers(66_101, 4));
    const ids = walks.map((w) => w.id);
    const convenor = await cityAdminOf(harness);
    await registerExperts(convenor, ['e-4']);
    const batch = holds.next('BY-HOLD');
    const deciding = convenor.post<Json>(DECISION, {
      stage: 'expert-review',
      pass: [ids[0]!, ids[1]!],
      reject: [ids[2]!, ids[3]!],
      comment: 'BY-HOLD',
    });
    await batch.arrived;
    const withdrawn = await walks[0]!.provider.post(`${QD}/applications/${ids[0]}/withdraw`, {
      reason: '公司战略调整，主动撤回。',
    });
    expect(withdrawn.status).toBe(200);
    const added = await convenor.post(`${QD}/applications/${ids[2]}/experts`, {
      stage: 'expert-review',
      expertIds: ['e-4'],
      reason: '补充一名专家。',
    });
    expect(added.status).toBe(200);
    batch.release();
    const answer = await deciding;
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ decided: 2, skipped: [ids[0], ids[2]] });
    await harness.review.settled();
    const decisions = async (i: number) =>
      (
        await walks[i]!.provider.get<{ items: HistoryEvent[] }>(
          `${QD}/applications/${ids[i]}/history`,
        )
      ).body.items.filter((e) => e.reason === 'BY-HOLD').length;
    expect([
      await decisions(0),
      await decisions(1),
      await decisions(2),
      await decisions(3),
    ]).toEqual([0, 1, 0, 1]);
    const releases = await harness.platform.repositories.reviewOutbox.pendingReleases(
      QINGDAO_CTX,
      100,
    );
    const panelReleases = (id: string) =>
      releases
        .filter((r) => r.applicationId === id && r.taskId.startsWith('expert-review'))
        .map((r) => r.outcome);
    // The withdrawal ends the panel's task itself, and records that release.
    expect(ids.map(panelReleases)).toEqual([['ended'], ['pass'], [], ['reject']]);
    expect(await tasksFor(convenor, ids[2]!)).toEqual([
      expect.objectContaining({ kind: 'panel', stage: 'expert-review' }),
    ]);
    expect((await tasksFor(convenor, ids[2]!))[0]).not.toHaveProperty('ready', true);
    expect(await counters()).toEqual(await recountQingdao(harness));
  });
});

describe('a batch rejecting applications whose counters share a shard', () => {
  it('rejects them all, in transactions apart, counters equal to a recount', async () => {
    const next = providerNumbers(66_201);
    // One passed, and two rejected whose counters share a shard.
    const drafts = [
      await draftOf(harness.app, next()),
      ...(await draftsSharingAShard(harness, next)),
    ];
    const walks = await scoredAtPanel(drafts);
    const ids = walks.map((w) => w.id);
    const convenor = await cityAdminOf(harness);
    const answer = await convenor.post<Json>(DECISION, {
      stage: 'expert-review',
      pass: [ids[0]!],
      reject: ids.slice(1),
      comment: 'SHARED-SHARD',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ decided: ids.length });
    await harness.review.settled();
    for (const w of walks.slice(1))
      expect(
        (await w.provider.get<{ status: string }>(`${QD}/applications/${w.id}`)).body.status,
      ).toBe('rejected');
    expect(await counters()).toEqual(await recountQingdao(harness));
  });
});
