/**
 * A decision reads the copy of the task its run waits on in the batch that reads the
 * application. A BatchGetItem is not isolated from a transaction (read-committed, item
 * by item): it may return the application after a change and the copy from before it.
 * A decision must then be refused, not taken on what the copy said: a ranking panel
 * whose convenor added an expert after every answer was in is no longer ready, and
 * deciding it would leave the new expert's scoring task open for ever.
 *
 * The lag is injected on the real client: while set, every BatchGetItem answers the
 * recorded copy (from before the change) for this application's waiting key.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Json } from '../../support/api-client.js';
import { OPEN_AT, QINGDAO_CTX as QINGDAO } from '../../support/qingdao.js';
import {
  atDistrictReview,
  atPanel,
  expertClient,
  type Harness,
  registerExperts,
  resumedAtPanel,
  reviewerOf,
  scoreAll,
  scoreAs,
  tasksFor,
} from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
/** While set, the copy a batch read finds for this application is recorded. */
let recording: { pk: string; item?: unknown } | undefined;
/**
 * While set, every batch read answers the recorded copy: a view from before; with
 * `byKey`, the next read of the copy by its key (GetItem) instead.
 */
let stale: { pk: string; item: unknown; byKey?: boolean } | undefined;

/** An attribute value, marshalled or not (it depends on where the stack is read). */
const plain = (value: unknown) => String((value as { S?: string } | undefined)?.S ?? value);

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  harness.store.clients.dynamodb.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const output = result.output as {
        Item?: Record<string, unknown>;
        Responses?: Record<string, Record<string, unknown>[]>;
      };
      // A read by key (GetItem) of the copy answers the stale one too.
      if (output.Item && plain(output.Item.sk) === 'WAITING') {
        if (stale?.byKey && plain(output.Item.pk).endsWith(stale.pk)) {
          output.Item = stale.item as Record<string, unknown>;
          stale = undefined; // once: read again, it is the stored copy
        }
        return result;
      }
      if (!output.Responses) return result;
      for (const items of Object.values(output.Responses)) {
        items.forEach((item, i) => {
          if (plain(item.sk) !== 'WAITING') return;
          const pk = plain(item.pk);
          if (recording && pk.endsWith(recording.pk)) recording.item = item;
          else if (stale && !stale.byKey && pk.endsWith(stale.pk))
            items[i] = stale.item as Record<string, unknown>;
        });
      }
      return result;
    },
    { step: 'initialize', name: 'staleWaitingCopy' },
  );
});

/** The copy of the application's waiting task as a batch read finds it now. */
async function copyNow(id: string): Promise<unknown> {
  recording = { pk: id };
  await harness.store.table.getMany(QINGDAO, [
    harness.platform.repositories.tasks.waitingKey(QINGDAO, id),
  ]);
  const item = recording.item;
  recording = undefined;
  return item;
}

/** Two of the panel's three experts answer: the third completes it. */
async function twoOfThreeAnswer(id: string) {
  for (const expertId of ['e-1', 'e-2'])
    expect((await scoreAs(harness, id, expertId)).status).toBe(200);
}

/** The convenor passes the application at the ranking panel. */
const convenorPasses = (cityAdmin: ApiClient, id: string) =>
  cityAdmin.post<Json>(`${QD}/applications/${id}/decision`, {
    stage: 'expert-review',
    outcome: 'pass',
    comment: '在配额内，择优推荐。',
  });

describe('a ranking decision on a copy from before an expert was added', () => {
  it('is refused, and leaves the panel waiting for the new expert', async () => {
    const { id, cityAdmin } = await atPanel(harness, 7_401);
    await scoreAll(harness, id);
    // The copy as a batch read finds it now: the panel ready.
    const { tasks } = harness.platform.repositories;
    const before = await copyNow(id);
    expect(JSON.stringify(before)).toContain('ready');

    await registerExperts(cityAdmin, ['e-4']);
    const added = await cityAdmin.post<Json>(`${QD}/applications/${id}/experts`, {
      stage: 'expert-review',
      expertIds: ['e-4'],
      reason: '补充一名行业专家。',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect((await tasks.openAt(QINGDAO, id, 'expert-review'))?.ready).toBeUndefined();

    stale = { pk: id, item: before };
    const decided = await convenorPasses(cityAdmin, id);
    stale = undefined;
    expect(decided.status, JSON.stringify(decided.body)).toBe(409);
    await harness.review.settled();

    // Still at the panel, waiting for e-4, who can answer and make it ready again.
    const e4 = await expertClient(harness, 'e-4');
    expect(await tasksFor(e4, id)).toEqual([
      expect.objectContaining({ kind: 'score', stage: 'expert-review' }),
    ]);
    await scoreAll(harness, id, ['e-4']);
    expect((await tasks.openAt(QINGDAO, id, 'expert-review'))?.ready).toBe(true);
  });
});

describe('a decision on a copy from before a resumed run gave the task a new token', () => {
  it('is refused, and the task keeps the token the run waits on', async () => {
    const { id } = await atDistrictReview(harness, 7_402);
    const { tasks } = harness.platform.repositories;
    const before = await copyNow(id);
    // A run resumed after a restart, while requests are answered: its task, new token.
    const task = await tasks.openAt(QINGDAO, id, 'district-review');
    expect(task?.token).toBeDefined();
    const standing = task as NonNullable<typeof task>;
    await tasks.update(QINGDAO, { ...standing, token: 'resumed-token' }, [], standing);

    stale = { pk: id, item: before };
    const reviewer = await reviewerOf(harness, 'laoshan');
    const decided = await reviewer.post<Json>(`${QD}/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '材料真实完整。',
    });
    stale = undefined;
    // Taken on the old token, the decision would release a token no run waits on, and
    // close the task the resumed run waits on: the application would wait for ever.
    expect(decided.status, JSON.stringify(decided.body)).toBe(409);
    expect(await tasks.openAt(QINGDAO, id, 'district-review')).toMatchObject({
      state: 'open',
      token: 'resumed-token',
    });
  });
});

describe('a resumed run giving its panel task a new token from a copy read before it was ready', () => {
  it('leaves the panel ready for its convenor', async () => {
    const { id, cityAdmin } = await atPanel(harness, 7_403);
    await twoOfThreeAnswer(id);
    const { tasks } = harness.platform.repositories;
    const before = await copyNow(id);
    // The last answer makes the panel ready ...
    expect((await scoreAs(harness, id, 'e-3')).status).toBe(200);
    expect((await tasks.openAt(QINGDAO, id, 'expert-review'))?.ready).toBe(true);
    // ... while a run resumed after a restart read its task just before.
    stale = { pk: id, item: before, byKey: true };
    const resumed = resumedAtPanel(harness, id);
    // Its first try is refused by the task; read again, the copy is the stored one.
    expect(await resumed).toBeUndefined();
    const task = await tasks.openAt(QINGDAO, id, 'expert-review');
    expect(task?.ready, 'the panel stays ready').toBe(true);
    expect(task?.token).toBe('resumed-token');
    const decided = await convenorPasses(cityAdmin, id);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });
});

describe('the last answer at a ranking panel, read before a resumed run gave the task a new token', () => {
  it('makes the panel ready, keeping the token the run waits on', async () => {
    const { id, cityAdmin } = await atPanel(harness, 7_404);
    await twoOfThreeAnswer(id);
    const { tasks } = harness.platform.repositories;
    const before = await copyNow(id);
    // A run resumed after a restart: its task, a new token.
    const resumed = await resumedAtPanel(harness, id);
    expect(resumed).toBeUndefined();
    // The last answer reads the task as it was before that.
    stale = { pk: id, item: before };
    const answered = await scoreAs(harness, id, 'e-3');
    stale = undefined;
    expect(answered.status).toBe(200);
    const task = await tasks.openAt(QINGDAO, id, 'expert-review');
    expect(task?.token, 'the resumed run’s token').toBe('resumed-token');
    expect(task?.ready, 'the panel is ready').toBe(true);
    const decided = await convenorPasses(cityAdmin, id);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });
});
