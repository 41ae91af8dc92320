/**
 * A panel decided by its convenor keeps the application at the panel stage, in review,
 * until its run moves it on: the panel's task is closed, the application not yet moved
 * (for as long as a minute and more when the release to the run failed and waits for the
 * timer tick, as here).
 * A draw then is refused as stale, before its seed is committed: a commitment is the
 * record of a draw made, and none was.
 */
import { testApp } from '@sme/api/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../support/api-client.js';
import { OPEN_AT } from '../../support/qingdao.js';
import { atPanel, type Harness, scoreAll } from '../../support/review-walk.js';

const QD = '/api/tenants/qingdao';
let harness: Harness;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
});

describe('a draw on a panel already decided', () => {
  it('is refused as stale and commits no seed', async () => {
    const { id, cityAdmin } = await atPanel(harness, 981);
    await scoreAll(harness, id);
    const release = harness.review.release;
    harness.review.release = async () => {
      harness.review.release = release;
      throw new Error('the workflow did not answer');
    };
    const decided = await cityAdmin.post(`${QD}/applications/${id}/decision`, {
      stage: 'expert-review',
      outcome: 'pass',
      comment: '在配额内，择优推荐。',
    });
    expect(decided.status).toBe(200);
    const app = await cityAdmin.get<{ status: string; stage?: string }>(`${QD}/applications/${id}`);
    expect({ status: app.body.status, stage: app.body.stage }).toEqual({
      status: 'in_review',
      stage: 'expert-review',
    });
    const draw = await cityAdmin.post<Json>(`${QD}/applications/${id}/experts/draw`, {
      stage: 'expert-review',
      reason: '重新抽取',
    });
    expect(draw.status).toBe(409);
    expect(draw.body).toMatchObject({ code: 'stale_stage' });
    const commitments = await harness.platform.repositories.panels.drawCommitments(
      { tenant: 'qingdao', province: 'shandong' },
      id,
      'expert-review',
    );
    expect(commitments).toEqual([]);
  });
});
