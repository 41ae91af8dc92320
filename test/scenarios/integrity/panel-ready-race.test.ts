/**
 * A ranking panel becomes ready for its convenor when its last expert answers. The
 * convenor may add an expert (with a reason) at that very instant: the panel is then
 * waiting for the new expert, and must not be marked ready by the answer that read the
 * panel before the change. The change is made to land between the last answer's write
 * and its marking the panel ready, on the real client.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT, RUBRIC_SCORES } from '../../support/qingdao.js';
import { atPanel, expertClient, type Harness, registerExperts } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
/**
 * Once the expert's answer is written, its next read of the application's tasks waits
 * until released: `reached` tells the test it is waiting.
 */
let hold:
  | { expert: string; written: boolean; reached: () => void; release?: Promise<void> }
  | undefined;

/** An attribute value, marshalled or not (it depends on where the stack is read). */
const plain = (value: unknown) => String((value as { S?: string } | undefined)?.S ?? value);

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  harness.store.clients.dynamodb.middlewareStack.add(
    (next) => async (args) => {
      const held = hold;
      const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
      if (held?.written && plain(input.ExpressionAttributeValues?.[':prefix']) === 'TASK#') {
        hold = undefined;
        held.reached();
        await held.release;
      }
      const result = await next(args);
      if (
        held &&
        'TransactItems' in (args.input as object) &&
        JSON.stringify(args.input).includes(`SCORE#expert-review#${held.expert}`)
      )
        held.written = true;
      return result;
    },
    { step: 'initialize', name: 'holdAfterAnswer' },
  );
});

const answer = async (id: string, expertId: string) =>
  (await expertClient(harness, expertId)).post<Json>(`${QD}/applications/${id}/scores`, {
    stage: 'expert-review',
    scores: RUBRIC_SCORES,
  });

describe('an expert added as the last answer lands', () => {
  it('keeps the panel waiting for the new expert', async () => {
    const { id, cityAdmin } = await atPanel(harness, 971);
    await registerExperts(cityAdmin, ['e-4']);
    for (const expertId of ['e-1', 'e-2']) expect((await answer(id, expertId)).status).toBe(200);
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      hold = {
        expert: 'e-3',
        written: false,
        reached: resolve,
        release: new Promise<void>((r) => {
          release = r;
        }),
      };
    });
    const last = answer(id, 'e-3');
    await reached;
    const added = await cityAdmin.post(`${QD}/applications/${id}/experts`, {
      stage: 'expert-review',
      expertIds: ['e-4'],
      reason: '补充一名行业专家',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    release();
    expect((await last).status).toBe(200);
    const early = await cityAdmin.post<Json>(`${QD}/applications/${id}/decision`, {
      stage: 'expert-review',
      outcome: 'pass',
      comment: '在配额内，择优推荐。',
    });
    expect(early.status, JSON.stringify(early.body)).toBe(409);
    // The new expert's answer makes it ready.
    expect((await answer(id, 'e-4')).status).toBe(200);
    const decided = await cityAdmin.post(`${QD}/applications/${id}/decision`, {
      stage: 'expert-review',
      outcome: 'pass',
      comment: '在配额内，择优推荐。',
    });
    expect(decided.status).toBe(200);
  });
});
