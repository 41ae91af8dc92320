/**
 * A review survives a restart of the local stack: tasks, tokens and decisions carry on,
 * and nothing is lost or run twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEvent } from '@sme/core';
import { startLocalStack } from '@sme/local';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { submittedApplication } from '../support/submitted.js';

let dataDir = '';
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the local stack, restarted between two stages', () => {
  it('finishes the district review after the restart and moves the application on once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sme-restart-'));
    const start = () =>
      startLocalStack({ port: 0, dataDir, clockStart: new Date('2024-01-20T01:00:00Z') });

    const first = await start();
    let id = '';
    try {
      ({ id } = await submittedApplication(first.app, 30_001));
      await first.review.pickUp();
      await first.review.settled();
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      // Runs resume in the background once the stack answers: wait for them here.
      expect(await second.resumed).toBe(1);
      await second.review.settled();
      const reviewer = await ApiClient.signIn(second.app, {
        role: 'district_reviewer',
        tenant: 'qingdao',
        region: 'laoshan',
      });
      const tasks = await reviewer.get<{ items: { applicationId: string; stage: string }[] }>(
        '/api/tenants/qingdao/tasks',
      );
      expect(tasks.body.items.filter((t) => t.applicationId === id)).toEqual([
        expect.objectContaining({ stage: 'district-review' }),
      ]);
      const decided = await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
        stage: 'district-review',
        outcome: 'pass',
        comment: '重启后继续审核，同意推荐。',
      });
      expect(decided.status).toBe(200);
      await second.review.settled();

      const history = (
        await reviewer.get<{ items: HistoryEvent[] }>(
          `/api/tenants/qingdao/applications/${id}/history`,
        )
      ).body.items;
      expect(history.map((e) => `${e.to}@${e.stage ?? '-'}`).slice(-3)).toEqual([
        'in_review@district-review',
        'in_review@district-review',
        'in_review@expert-review',
      ]);
      expect(history.filter((e) => e.stage === 'screening')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
