/**
 * Experts answering one panel at the same instant, as a panel's last answers often do.
 * Each answer is written against the panel as it was read, so of two at once one is read
 * again, sees the other, and the panel concludes exactly once. An answer that meets
 * another transaction is tried again, not refused as a locked score; a read of the
 * answers that lags behind the panel (a query is eventually consistent on DynamoDB) is
 * read again. The conflict and the lag are injected on the real client; DynamoDB Local
 * does the rest.
 */
import { testApp } from '@sme/api/testing';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import {
  atPanel,
  EXPERTS,
  type Harness,
  panelStanding,
  registerExperts,
  scoreAs,
  withPassMark,
} from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
let refusals: RefusedTransactions;
/** Waits drawn at the middle of each range, recorded instead of slept. */
const waits: number[] = [];
/** Answers the next query of a panel's answers leaves out (the newest first). */
let lagging = 0;
/**
 * An expert whose answer is written only once another request has read the panel's
 * answers too: two answers at the same instant, made certain.
 */
let held: { expert: string; reads: number; release?: () => void } | undefined;

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    tenants: withPassMark(80),
    backoff: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
  });
  const client = harness.store.clients.dynamodb;
  refusals = refuseTransactions(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      const hold = held;
      if (hold && JSON.stringify(args.input).includes(`SCORE#expert-review#${hold.expert}`)) {
        const isWrite = 'TransactItems' in (args.input as object);
        if (isWrite && hold.reads < 2)
          await new Promise<void>((resolve) => {
            hold.release = resolve;
          });
        if (isWrite) held = undefined;
      }
      const result = await next(args);
      const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
      const output = result.output as { Items?: unknown[] };
      // Marshalled or not, depending on where the document client stands in the stack.
      const value = input.ExpressionAttributeValues?.[':prefix'];
      const prefix = String((value as { S?: string } | undefined)?.S ?? value ?? '');
      if (hold && prefix === 'SCORE#') {
        hold.reads += 1;
        if (hold.reads >= 2) hold.release?.();
      }
      if (lagging > 0 && prefix.startsWith('SCORE#') && output.Items?.length) {
        output.Items = output.Items.slice(0, -lagging);
        lagging = 0;
      }
      return result;
    },
    { step: 'initialize', name: 'laggingAnswers' },
  );
});

const answer = (id: string, expertId: string) => scoreAs(harness, id, expertId);

describe('a panel’s answers at the same instant', () => {
  it('the last two at once: both recorded, and the panel decides once', async () => {
    const { id, provider } = await atPanel(harness, 951);
    expect((await answer(id, 'e-1')).status).toBe(200);
    held = { expert: 'e-2', reads: 0 };
    const [second, third] = await Promise.all([answer(id, 'e-2'), answer(id, 'e-3')]);
    expect(held).toBeUndefined();
    expect([second.status, third.status]).toEqual([200, 200]);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });

  it('an answer meeting another transaction is recorded after the retry, not refused as locked', async () => {
    const { id, provider } = await atPanel(harness, 952);
    for (const expertId of EXPERTS.slice(0, 2))
      expect((await answer(id, expertId)).status).toBe(200);
    const before = { refused: refusals.refused, waits: waits.length };
    refusals.refuseNext(1, 'SCORE#expert-review#e-3');
    const last = await answer(id, 'e-3');
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(refusals.refused - before.refused).toBe(1);
    expect(waits.length - before.waits).toBe(1);
    expect((await panelStanding(harness, provider, id)).decisions).toBe(1);
  });

  it('the last answer, reading the others before they all show, reads again and concludes', async () => {
    const { id, provider } = await atPanel(harness, 953);
    for (const expertId of EXPERTS.slice(0, 2))
      expect((await answer(id, expertId)).status).toBe(200);
    const before = waits.length;
    lagging = 1;
    expect((await answer(id, 'e-3')).status).toBe(200);
    expect(waits.length - before).toBe(1);
    expect(await panelStanding(harness, provider, id)).toEqual({
      status: 'in_review',
      stage: 'publicity',
      decisions: 1,
    });
  });
});

describe('a ranking panel completed while its convenor adds an expert', () => {
  it('is not ready until the added expert answers too', async () => {
    const ranked = await testApp({ start: OPEN_AT });
    // The last answer's write, which marks the panel ready, waits until the panel is changed.
    let release = () => {};
    let markHeld = () => {};
    const held = new Promise<void>((resolve) => {
      markHeld = resolve;
    });
    let holding = true;
    ranked.store.clients.dynamodb.middlewareStack.add(
      (next) => async (args) => {
        const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
        if (holding && items && JSON.stringify(items).includes('SET ready')) {
          holding = false;
          await new Promise<void>((resolve) => {
            release = resolve;
            markHeld();
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'holdReady' },
    );
    const { id, cityAdmin } = await atPanel(ranked, 954);
    const answerOf = (expertId: string) => scoreAs(ranked, id, expertId);
    for (const expertId of EXPERTS.slice(0, 2)) expect((await answerOf(expertId)).status).toBe(200);
    await registerExperts(cityAdmin, ['e-4']);

    const last = answerOf('e-3');
    await held;
    const changed = await cityAdmin.post<Json>(`${QD}/applications/${id}/experts`, {
      stage: 'expert-review',
      expertIds: ['e-4'],
      reason: '增补一名汽车零部件行业专家',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    release();
    expect((await last).status).toBe(200);

    const decide = () =>
      cityAdmin.post<Json>(`${QD}/applications/${id}/decision`, {
        stage: 'expert-review',
        outcome: 'pass',
        comment: '在配额内，择优推荐。',
      });
    const early = await decide();
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'stale_stage' });
    expect((await answerOf('e-4')).status).toBe(200);
    expect((await decide()).status).toBe(200);
  });
});
