/**
 * A panel that decides by a pass mark, as Jinan, Jining and the province configure
 * theirs: once every assigned expert has scored, the experts' average alone passes or
 * rejects the application, and its history says why in Chinese and English. Run on
 * Qingdao's walk with its panel's decision made a pass mark (the scenario helpers walk
 * Qingdao); the rubric the experts score totals 88.
 */
import { testApp } from '@sme/api/testing';
import type { HistoryEvent } from '@sme/core';
import { describe, expect, it } from 'vitest';
import { OPEN_AT } from '../support/qingdao.js';
import { atPanel, scoreAll, withPassMark } from '../support/review-walk.js';

async function scoredAgainst(passMark: number) {
  const harness = await testApp({ start: OPEN_AT, tenants: withPassMark(passMark) });
  const { id, provider } = await atPanel(harness, 880 + passMark);
  await scoreAll(harness, id);
  await harness.review.settled();
  const app = await provider.get<{ status: string; stage?: string }>(
    `/api/tenants/qingdao/applications/${id}`,
  );
  const history = await provider.get<{ items: HistoryEvent[] }>(
    `/api/tenants/qingdao/applications/${id}/history`,
  );
  // The panel's own event, after the one entering its stage.
  const decided = history.body.items.filter((e) => e.stage === 'expert-review').at(-1);
  return { app: app.body, reason: decided?.reason };
}

describe('a panel deciding by its pass mark', () => {
  it('passes an average at or above the mark, and says so in both languages', async () => {
    const { app, reason } = await scoredAgainst(80);
    expect(app).toMatchObject({ status: 'in_review', stage: 'publicity' });
    expect(reason).toBe(
      "专家评审平均 88.0 分，达到合格线 80 分 / Experts' average 88.0, at or above the pass mark of 80",
    );
  });

  it('rejects an average below the mark, and says so in both languages', async () => {
    const { app, reason } = await scoredAgainst(90);
    expect(app.status).toBe('rejected');
    expect(reason).toBe(
      "专家评审平均 88.0 分，未达合格线 90 分 / Experts' average 88.0, below the pass mark of 90",
    );
  });
});
