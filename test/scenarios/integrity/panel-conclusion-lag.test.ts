/**
 * The answer that completes a pass-mark panel concludes it at once, reading the
 * application's open tasks right after its own write. That read is a query, eventually
 * consistent on DynamoDB: it may still show the expert's own scoring task (written done
 * an instant before) as open. The conclusion must not hinge on it, or the panel, with
 * every answer in, never decides. The lag is injected on the real client.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import { atPanel, type Harness, scoreAs, withPassMark } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
/** While set, the open tasks a query of the application's tasks finds are recorded. */
let recording: { pk: string; items?: unknown[] } | undefined;
/** The next query of these tasks answers the recorded ones: a view from before. */
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
        stale = undefined;
      }
      return result;
    },
    { step: 'initialize', name: 'staleTasks' },
  );
});

const answer = (id: string, expertId: string) => scoreAs(harness, id, expertId);

describe('the last answer reading the open tasks before its own write shows', () => {
  it('still concludes the panel', async () => {
    const { id, provider, cityAdmin } = await atPanel(harness, 961);
    for (const expertId of ['e-1', 'e-2']) expect((await answer(id, expertId)).status).toBe(200);
    // The open tasks as they stand before the last answer: the panel's and e-3's.
    recording = { pk: id };
    const same = await cityAdmin.post(`${QD}/applications/${id}/experts`, {
      stage: 'expert-review',
      expertIds: ['e-1'],
    });
    expect(same.status).toBe(200);
    const before = recording.items ?? [];
    recording = undefined;
    expect(JSON.stringify(before)).toContain('expert-review-score-e-3');
    stale = { pk: id, items: before };
    expect((await answer(id, 'e-3')).status).toBe(200);
    expect(stale).toBeUndefined();
    await harness.review.settled();
    const app = await provider.get<{ status: string; stage?: string }>(`${QD}/applications/${id}`);
    expect({ status: app.body.status, stage: app.body.stage }).toEqual({
      status: 'in_review',
      stage: 'publicity',
    });
  });
});
