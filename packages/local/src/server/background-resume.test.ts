import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInstant } from '@sme/core';
import { afterAll, describe, expect, it } from 'vitest';
import { holdStages } from '../../../../test/support/held-stages.js';
import { OPEN_AT } from '../../../../test/support/qingdao.js';
import { submittedApplication } from '../../../../test/support/submitted.js';
import { startLocalStack } from './local-stack.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Real time stands still: nothing here waits on a timer. */
const realClock = { now: () => new Date('2026-11-22T10:00:00Z') };
const clockStart = parseInstant(OPEN_AT);

describe('a restart of the local stack with applications in review', () => {
  it('answers /api/health while the runs are resumed in the background, each once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sme-resume-'));
    dirs.push(dir);
    const first = await startLocalStack({ port: 0, dataDir: dir, clockStart }, { realClock });
    const ids: string[] = [];
    try {
      for (const n of [1, 2, 3]) ids.push((await submittedApplication(first.app, 7100 + n)).id);
      await first.timers.fireDue(); // takes the three up
      await first.review.settled(); // each waits at the district's review
    } finally {
      await first.stop();
    }

    let hold: ReturnType<typeof holdStages> | undefined;
    const second = await startLocalStack(
      { port: 0, dataDir: dir, clockStart },
      {
        realClock,
        reviewStages: (stages) => {
          hold = holdStages(stages);
          return hold.stages;
        },
      },
    );
    try {
      if (!hold) throw new Error('the stack built no review stages');
      await hold.begunAtLeast(3);
      // The three runs are under way and held: health answers all the same.
      const during = await fetch(`${second.url}/api/health`);
      expect(during.status).toBe(200);
      expect(await during.json()).toEqual({
        status: 'ok',
        tenants: second.tenants.length,
        resuming: { done: 0, of: 3 },
      });

      hold.letThrough();
      expect(await second.resumed).toBe(3);
      await second.review.settled();
      expect(await (await fetch(`${second.url}/api/health`)).json()).toEqual({
        status: 'ok',
        tenants: second.tenants.length,
      });
      expect(hold.begun.map((b) => b.applicationId).sort()).toEqual([...ids].sort());
      expect(hold.begun.every((b) => b.stage === 'district-review')).toBe(true);
    } finally {
      await second.stop();
    }
  }, 120_000); // two starts of the whole stack and three provider walks
});
