/**
 * The answer that completes a pass-mark panel and the panel's decision are one write:
 * the answer, the expert's task closed, the application decided with its history event,
 * the panel's task closed and its release recorded. Either all of it lands or none of
 * it: an answer is never recorded while its panel stays undecided for good. Then that
 * answer with something landing between its reads and its write (the write is held
 * until it has): a withdrawal, an expert added, a run resumed with a new token, the same
 * expert's answer; and the concluding transaction, passing or rejecting, writes no item
 * twice. The refusals are injected on the real client; DynamoDB Local does the rest.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { testApp } from '@sme/api/testing';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT, QINGDAO_CTX as QINGDAO, RUBRIC_SCORES } from '../../support/qingdao.js';
import {
  allButLastAnswered,
  atPanel,
  EXPERTS,
  expertClient,
  type Harness,
  panelStanding,
  registerExperts,
  resumedAtPanel,
  scoreAs,
  tasksFor,
  withPassMark,
} from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
/** Run once, just before the next write of this expert's answer goes out. */
let before: { expert: string; action: () => Promise<void> } | undefined;
/** The keys of every TransactWriteItems sent, in order. */
const writes: string[][] = [];
let refusals: RefusedTransactions;
/**
 * The DynamoDB commands a request sends, by name. The run its answer releases moves on
 * in its own async context (the engine's), so its calls are not counted here.
 */
const counted = new AsyncLocalStorage<string[]>();
/** What every decision of a pass-mark panel writes in the application's history. */
const PANEL_REASON = '专家评审平均';

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    tenants: withPassMark(80),
    backoff: { random: () => 0.5, sleep: async () => {} },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
  harness.store.clients.dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      counted.getStore()?.push(context.commandName ?? 'unknown');
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
      const hook = before;
      if (items && hook && JSON.stringify(items).includes(`SCORE#expert-review#${hook.expert}`)) {
        before = undefined;
        await hook.action();
      }
      if (items) {
        const keys = items.map((item) => {
          const op = Object.values(item as Record<string, Record<string, unknown>>)[0] ?? {};
          const key = (op.Item ?? op.Key) as { pk: unknown; sk: unknown };
          return `${JSON.stringify(key.pk)}|${JSON.stringify(key.sk)}`;
        });
        writes.push(keys);
      }
      return next(args);
    },
    { step: 'initialize', name: 'beforeAnswer' },
  );
});

describe('the answer that concludes a pass-mark panel', () => {
  it('reads once and writes once: three DynamoDB calls, one transaction', async () => {
    const { id, provider } = await allButLastAnswered(harness, 961);
    const expert = await expertClient(harness, 'e-3');
    const sent: string[] = [];
    const last = await counted.run(sent, () =>
      expert.post(`${QD}/applications/${id}/scores`, {
        stage: 'expert-review',
        scores: RUBRIC_SCORES,
      }),
    );
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(sent.filter((name) => name === 'TransactWriteItemsCommand')).toHaveLength(1);
    expect(sent.length, sent.join(', ')).toBeLessThanOrEqual(3);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });

  it('refused every time it is tried, records nothing, and answered again it concludes', async () => {
    const { id, provider } = await allButLastAnswered(harness, 962);
    refusals.refuseNext(100, PANEL_REASON);
    const busy = await scoreAs(harness, id, 'e-3');
    refusals.refuseNext(0);
    expect(busy.status, JSON.stringify(busy.body)).toBe(409);
    expect(busy.body).toMatchObject({ code: 'busy' });
    // The expert's scoring task is still open: the answer was not recorded.
    const expert = await expertClient(harness, 'e-3');
    expect(await tasksFor(expert, id)).toMatchObject([{ kind: 'score', stage: 'expert-review' }]);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'expert-review',
      decisions: 0,
    });

    const again = await scoreAs(harness, id, 'e-3');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });
});

describe('the last answer at a pass-mark panel, racing', () => {
  it('a withdrawal: refused as off the stage, nothing decided, the application stays withdrawn', async () => {
    const { id, provider } = await allButLastAnswered(harness, 9_801);
    before = {
      expert: 'e-3',
      action: async () => {
        const w = await provider.post(`${QD}/applications/${id}/withdraw`, { reason: '撤回。' });
        expect(w.status, JSON.stringify(w.body)).toBe(200);
      },
    };
    const last = await scoreAs(harness, id, 'e-3');
    expect(before).toBeUndefined();
    expect(last.status, JSON.stringify(last.body)).toBe(409);
    // Told the application left the stage, not that a score it never gave is locked.
    expect(last.body).toMatchObject({ code: 'stale_stage' });
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'withdrawn',
      stage: 'expert-review',
      decisions: 0,
    });
    const releases = await harness.platform.repositories.reviewOutbox.pendingReleases(QINGDAO);
    expect(
      releases.filter(
        (r) =>
          r.applicationId === id && r.taskId.startsWith('expert-review') && r.outcome !== 'ended',
      ),
    ).toEqual([]);
  });

  it('an expert added: recorded, undecided until the new expert answers, then decided once', async () => {
    const { id, provider, cityAdmin } = await allButLastAnswered(harness, 9_802);
    await registerExperts(cityAdmin, ['e-4']);
    before = {
      expert: 'e-3',
      action: async () => {
        const added = await cityAdmin.post<Json>(`${QD}/applications/${id}/experts`, {
          stage: 'expert-review',
          expertIds: ['e-4'],
          reason: '增补一名专家。',
        });
        expect(added.status, JSON.stringify(added.body)).toBe(200);
      },
    };
    const last = await scoreAs(harness, id, 'e-3');
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'expert-review',
      decisions: 0,
    });
    expect(await tasksFor(await expertClient(harness, 'e-4'), id)).toHaveLength(1);
    expect((await scoreAs(harness, id, 'e-4')).status).toBe(200);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });

  it('a run resumed with a new token: decided, the release carries the new token', async () => {
    const { id } = await allButLastAnswered(harness, 9_803);
    before = {
      expert: 'e-3',
      action: async () => {
        const resumed = await resumedAtPanel(harness, id);
        expect(resumed).toBeUndefined();
      },
    };
    const last = await scoreAs(harness, id, 'e-3');
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    const { apps, reviewOutbox } = harness.platform.repositories;
    const app = await apps.get(QINGDAO, id);
    expect(app?.application.decision).toMatchObject({
      stage: 'expert-review',
      outcome: 'pass',
      by: 'panel',
    });
    const releases = (await reviewOutbox.pendingReleases(QINGDAO)).filter(
      (r) => r.applicationId === id,
    );
    expect(releases.map((r) => r.token)).toContain('resumed-token');
  });

  it('the same expert answering twice at once: one recorded and decided, the other locked', async () => {
    const { id, provider } = await allButLastAnswered(harness, 9_807);
    let inner: Awaited<ReturnType<typeof scoreAs>> | undefined;
    before = {
      expert: 'e-3',
      action: async () => {
        inner = await scoreAs(harness, id, 'e-3');
      },
    };
    const outer = await scoreAs(harness, id, 'e-3');
    expect(inner?.status, JSON.stringify(inner?.body)).toBe(200);
    expect(outer.status, JSON.stringify(outer.body)).toBe(409);
    expect(outer.body).toMatchObject({ code: 'score_locked' });
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });

  it('a conflict declared as the last answer decides by the others', async () => {
    const { id, provider } = await atPanel(harness, 9_804, 'laoshan', [...EXPERTS, 'e-4']);
    for (const expertId of EXPERTS) expect((await scoreAs(harness, id, expertId)).status).toBe(200);
    const e3 = await expertClient(harness, 'e-4');
    const last = await e3.post(`${QD}/applications/${id}/scores`, {
      stage: 'expert-review',
      conflict: true,
    });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });

  it('writes no item twice in the concluding transaction', async () => {
    const { id } = await allButLastAnswered(harness, 9_805);
    writes.length = 0;
    expect((await scoreAs(harness, id, 'e-3')).status).toBe(200);
    const concluding = writes.find((keys) =>
      keys.some((k) => k.includes('SCORE#expert-review#e-3')),
    );
    expect(concluding).toBeDefined();
    const keys = concluding ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThanOrEqual(100);
  });
});

describe('the last answer that rejects at a pass-mark panel', () => {
  it('writes no item twice, and moves the application to rejected with one decision', async () => {
    const { id, provider } = await allButLastAnswered(harness, 9_806);
    writes.length = 0;
    const e3 = await expertClient(harness, 'e-3');
    const zeros = Object.fromEntries(Object.keys(RUBRIC_SCORES).map((k) => [k, 0]));
    const last = await e3.post(`${QD}/applications/${id}/scores`, {
      stage: 'expert-review',
      scores: zeros,
    });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    const keys = writes.find((k) => k.some((key) => key.includes('SCORE#expert-review#e-3'))) ?? [];
    expect(keys.length).toBeGreaterThan(3);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await panelStanding(harness, provider, id)).toMatchObject({
      status: 'rejected',
      decisions: 1,
    });
  });
});
