/**
 * The answer that completes a pass-mark panel and the panel's decision are one write:
 * the answer, the expert's task closed, the application decided with its history event,
 * the panel's task closed and its release recorded. Either all of it lands or none of
 * it: an answer is never recorded while its panel stays undecided for good (the expert,
 * answering again, would only be told the score is locked). The refusals are injected on
 * the real client; DynamoDB Local does the rest.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { testApp } from '@sme/api/testing';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_AT, RUBRIC_SCORES } from '../../support/qingdao.js';
import {
  allButLastAnswered,
  expertClient,
  type Harness,
  panelStanding,
  scoreAs,
  tasksFor,
  withPassMark,
} from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
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
  const client = harness.store.clients.dynamodb;
  refusals = refuseTransactions(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      counted.getStore()?.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
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
