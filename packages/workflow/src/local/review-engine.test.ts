import type { Application, Clock, ResolvedTenant } from '@sme/core';
import type { ApplicationRepository, ReviewOutbox } from '@sme/store';
import { describe, expect, inject, it } from 'vitest';
import { holdStages } from '../../../../test/support/held-stages.js';
import type { StageHandler } from '../ports/stage-handler.js';
import { LocalReviewEngine } from './review-engine.js';

const tenants = new Map(inject('tenants').map((t: ResolvedTenant) => [t.id, t]));
const PROGRAM = 'dx-providers-2024';
/** Time stands still: the runs are paced by the test, never by a timer. */
const clock: Clock = { now: () => new Date('2024-02-01T09:00:00+08:00') };

type Stored = Pick<Application, 'id' | 'programId' | 'status' | 'stage'>;

/** Qingdao's applications in review, listed by program and status a page at a time. */
function storedApps(apps: Stored[]) {
  const repository = {
    async list(
      ctx: { tenant: string },
      query: { programId: string; status?: string },
      page: { cursor?: string; limit?: number } = {},
    ) {
      const matching = apps.filter(
        (a) =>
          ctx.tenant === 'qingdao' && a.programId === query.programId && a.status === query.status,
      );
      const from = Number(page.cursor ?? 0);
      const to = from + (page.limit ?? 50);
      return {
        items: matching.slice(from, to),
        ...(to < matching.length && { next: String(to) }),
      };
    },
  };
  return repository as unknown as ApplicationRepository;
}

/** Stages that pass, each `begin` held until the test lets it through. */
const heldStages = () => holdStages({ decide: async () => 'pass', begin: async () => undefined });

const inReview = (n: number): Stored[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `in-review-${i}`,
    programId: PROGRAM,
    status: 'in_review',
    stage: 'district-review',
  }));
const population: Stored[] = [
  ...inReview(230),
  { id: 'submitted-1', programId: PROGRAM, status: 'submitted' },
  { id: 'publicity-1', programId: PROGRAM, status: 'publicity', stage: 'publicity' },
];

function engine(stages: StageHandler, resumeConcurrency: number) {
  return new LocalReviewEngine({
    tenants,
    apps: storedApps(population),
    outbox: { pendingHandoffs: async () => [] } as unknown as ReviewOutbox,
    clock,
    stages,
    resumeConcurrency,
  });
}

describe('LocalReviewEngine.resume', () => {
  it('lists every run first, then resumes them a few at a time, reporting how far it is', async () => {
    const held = heldStages();
    const review = engine(held.stages, 4);
    expect(review.resuming).toBeUndefined();
    const resumed = review.resume();
    await held.begunAtLeast(4);
    // Every page listed (three of them for the 230), four runs under way, none done.
    expect(review.resuming).toEqual({ done: 0, of: 232 });
    expect(held.begun).toHaveLength(4);

    held.letThrough();
    expect(await resumed).toBe(232);
    expect(review.resuming).toBeUndefined();
    review.stop();
  });

  it('resumes every run exactly once, at the stage its application records', async () => {
    const held = heldStages();
    held.letThrough();
    const review = engine(held.stages, 8);
    expect(await review.resume()).toBe(232);
    // A second resume (or a pick-up) finds every run alive and starts none again.
    expect(await review.resume()).toBe(232);
    const byApplication = new Map<string, string[]>();
    for (const b of held.begun)
      byApplication.set(b.applicationId, [
        ...(byApplication.get(b.applicationId) ?? []),
        `${b.kind} ${b.stage}`,
      ]);
    expect(byApplication.size).toBe(232);
    expect([...byApplication.values()].every((stages) => stages.length === 1)).toBe(true);
    expect(byApplication.get('in-review-0')).toEqual(['manual district-review']);
    expect(byApplication.get('submitted-1')).toEqual(['manual district-review']);
    expect(byApplication.get('publicity-1')).toEqual(['publicity publicity']);
    review.stop();
  });

  it('starts no more runs once stopped, and ends the resume', async () => {
    const held = heldStages();
    const review = engine(held.stages, 4);
    const resumed = review.resume();
    await held.begunAtLeast(4);
    review.stop();
    expect(await resumed).toBe(4);
    expect(held.begun).toHaveLength(4);
    expect(review.resuming).toBeUndefined();
  });
});
