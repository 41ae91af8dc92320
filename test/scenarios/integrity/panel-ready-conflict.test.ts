/**
 * The last answer at a ranking panel marks it ready for its convenor. That write may
 * meet another transaction on the panel's task or the panel (a twin request of the
 * same answer, a resumed run): it is tried again, not dropped, or the panel, with every
 * answer in, would never be ready. The conflict is injected on the real client.
 */
import { testApp } from '@sme/api/testing';
import { type RefusedTransactions, refuseTransactions } from '@sme/store/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import { atPanel, type Harness, scoreAs } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;
let refusals: RefusedTransactions;

beforeAll(async () => {
  harness = await testApp({
    start: OPEN_AT,
    backoff: { random: () => 0.5, sleep: async () => {} },
  });
  refusals = refuseTransactions(harness.store.clients.dynamodb);
});

const answer = (id: string, expertId: string) => scoreAs(harness, id, expertId);

describe('the last answer’s marking the panel ready meeting another transaction', () => {
  it('is tried again: the panel is ready for its convenor', async () => {
    const { id, cityAdmin } = await atPanel(harness, 991);
    for (const expertId of ['e-1', 'e-2']) expect((await answer(id, expertId)).status).toBe(200);
    const before = refusals.refused;
    // Only the write of the panel's own task (its id names the panel).
    refusals.refuseNext(1, 'expert-review-panel-v');
    expect((await answer(id, 'e-3')).status).toBe(200);
    expect(refusals.refused - before).toBe(1);
    const decided = await cityAdmin.post<Json>(`${QD}/applications/${id}/decision`, {
      stage: 'expert-review',
      outcome: 'pass',
      comment: '在配额内，择优推荐。',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });
});
