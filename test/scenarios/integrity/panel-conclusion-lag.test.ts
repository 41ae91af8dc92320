/**
 * The answer that completes a pass-mark panel concludes it at once. A query of the
 * application's tasks is eventually consistent on DynamoDB: just after an answer it may
 * still show that expert's scoring task (written done an instant before) as open. The
 * conclusion must not hinge on such a view, or the panel, with every answer in, never
 * decides. The lag is injected on the real client: while the last answer runs, every
 * query of the application's tasks answers the view from before it.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_AT, QINGDAO_CTX as QINGDAO } from '../../support/qingdao.js';
import { atPanel, type Harness, scoreAs, withPassMark } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
/** While set, the open tasks a query of the application's tasks finds are recorded. */
let recording: { pk: string; items?: unknown[] } | undefined;
/** While set, every query of these tasks answers the recorded ones: a view from before. */
let stale: { pk: string; items: unknown[] } | undefined;

/** An attribute value, marshalled or not (it depends on where the stack is read). */
const plain = (value: unknown) => String((value as { S?: string } | undefined)?.S ?? value);

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT, tenants: withPassMark(80) });
  harness.store.clients.dynamodb.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
      const values = input.ExpressionAttributeValues ?? {};
      if (plain(values[':prefix']) !== 'TASK#') return result;
      const pk = plain(values[':pk']);
      const output = result.output as { Items?: unknown[] };
      if (recording && pk.endsWith(recording.pk)) recording.items = output.Items ?? [];
      else if (stale && pk.endsWith(stale.pk)) {
        output.Items = stale.items;
      }
      return result;
    },
    { step: 'initialize', name: 'staleTasks' },
  );
});

const answer = (id: string, expertId: string) => scoreAs(harness, id, expertId);

describe('the last answer, while the queries of the tasks show the view from before it', () => {
  it('still concludes the panel', async () => {
    const { id, provider } = await atPanel(harness, 961);
    for (const expertId of ['e-1', 'e-2']) expect((await answer(id, expertId)).status).toBe(200);
    // The open tasks as they stand before the last answer: the panel's and e-3's.
    recording = { pk: id };
    await harness.platform.repositories.tasks.openOf(QINGDAO, id);
    const before = recording.items ?? [];
    recording = undefined;
    expect(JSON.stringify(before)).toContain('expert-review-score-e-3');
    stale = { pk: id, items: before };
    // The lag is in place: a query now shows e-3's task open whatever is written.
    expect(JSON.stringify(await harness.platform.repositories.tasks.openOf(QINGDAO, id))).toContain(
      'expert-review-score-e-3',
    );
    expect((await answer(id, 'e-3')).status).toBe(200);
    stale = undefined;
    await harness.review.settled();
    const app = await provider.get<{ status: string; stage?: string }>(`${QD}/applications/${id}`);
    expect({ status: app.body.status, stage: app.body.stage }).toEqual({
      status: 'in_review',
      stage: 'publicity',
    });
  });
});
