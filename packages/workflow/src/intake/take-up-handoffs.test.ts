import type { ResolvedTenant } from '@sme/core';
import type { Handoff } from '@sme/store';
import { describe, expect, inject, it } from 'vitest';
import { type IntakeLimits, takeUpHandoffs } from './take-up-handoffs.js';

const tenants = new Map(inject('tenants').map((t: ResolvedTenant) => [t.id, t]));
const LIMITS: IntakeLimits = { page: 3, concurrency: 2, perTenant: 100 };

const handoff = (i: number): Handoff => ({
  applicationId: `app-${i}`,
  programId: 'dx-providers-2024',
  version: 1,
  at: `2024-02-01T09:00:0${i}+08:00`,
});

/**
 * Qingdao's pending hand-offs, oldest first, as the listing shows them: one taken up
 * leaves it, unless the listing is `stale` (an index not caught up yet).
 */
function pendingOf(count: number, options: { stale?: boolean } = {}) {
  const pending = Array.from({ length: count }, (_, i) => handoff(i));
  const listings: number[] = [];
  const outbox = {
    async pendingHandoffs(ctx: { tenant: string }, limit = 100) {
      if (ctx.tenant !== 'qingdao') return [];
      listings.push(limit);
      return pending.slice(0, limit);
    },
  };
  const takenUp = (h: Handoff) => {
    if (options.stale) return;
    pending.splice(pending.indexOf(h), 1);
  };
  return { outbox, pending, listings, takenUp };
}

/** A take-up that records what it took and how many ran at once. */
function recorder(takenUp: (h: Handoff) => void, failing: ReadonlySet<string> = new Set()) {
  const taken: string[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const takeUp = async (_tenant: ResolvedTenant, _ctx: unknown, h: Handoff) => {
    inFlight += 1;
    mostAtOnce = Math.max(mostAtOnce, inFlight);
    // A turn of the event loop, as a call to Step Functions or the table would take.
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    if (failing.has(h.applicationId)) throw new Error(`cannot start ${h.applicationId}`);
    taken.push(h.applicationId);
    takenUp(h);
  };
  return { takeUp, taken, mostAtOnce: () => mostAtOnce };
}

describe('takeUpHandoffs', () => {
  it('takes up every page in one tick, a few at once, oldest first', async () => {
    const { outbox, pending, listings, takenUp } = pendingOf(7);
    const take = recorder(takenUp);
    const result = await takeUpHandoffs({ tenants, outbox, limits: LIMITS }, take.takeUp);
    expect(result).toEqual({ started: 7, failures: [] });
    expect(take.taken).toEqual(Array.from({ length: 7 }, (_, i) => `app-${i}`));
    expect(pending).toEqual([]);
    expect(take.mostAtOnce()).toBe(2);
    // Three full pages, then a short one that ends the turn.
    expect(listings).toEqual([3, 3, 3]);
  });

  it('stops at its share for a tenant and leaves the rest to the next tick', async () => {
    const { outbox, pending, takenUp } = pendingOf(7);
    const take = recorder(takenUp);
    const limits = { ...LIMITS, perTenant: 5 };
    expect((await takeUpHandoffs({ tenants, outbox, limits }, take.takeUp)).started).toBe(5);
    expect(pending.map((h) => h.applicationId)).toEqual(['app-5', 'app-6']);
    expect((await takeUpHandoffs({ tenants, outbox, limits }, take.takeUp)).started).toBe(2);
    expect(pending).toEqual([]);
  });

  it('takes nothing up twice when the listing still shows what was taken up', async () => {
    const { outbox, listings, takenUp } = pendingOf(5, { stale: true });
    const take = recorder(takenUp);
    const result = await takeUpHandoffs({ tenants, outbox, limits: LIMITS }, take.takeUp);
    expect(result.started).toBe(3);
    expect(take.taken).toEqual(['app-0', 'app-1', 'app-2']);
    // The second page showed nothing new: the turn ended there.
    expect(listings).toEqual([3, 3]);
  });

  it('tries the rest of the page after a failure, ends the turn, and leaves it pending', async () => {
    const { outbox, pending, takenUp } = pendingOf(7);
    const take = recorder(takenUp, new Set(['app-1']));
    const result = await takeUpHandoffs({ tenants, outbox, limits: LIMITS }, take.takeUp);
    expect(result.started).toBe(2);
    expect(result.failures).toEqual([new Error('cannot start app-1')]);
    expect(take.taken).toEqual(['app-0', 'app-2']);
    expect(pending.map((h) => h.applicationId)).toEqual([
      'app-1',
      'app-3',
      'app-4',
      'app-5',
      'app-6',
    ]);
  });
});
