/**
 * Issue 10: a kind of case the platform has never heard of runs through the case
 * kernel on DynamoDB Local: its own transitions, a deadline on the clock fired by the
 * same tick that fires every kind's, and a history chained like an application's.
 */
import { auditChain, InvalidTransitionError, parseInstant, VirtualClock } from '@sme/core';
import { createPlatform } from '@sme/platform';
import { createTestStore } from '@sme/store/testing';
import { LocalReviewEngine } from '@sme/workflow/local';
import { describe, expect, inject, it } from 'vitest';
import { Lamps } from './toy-kind.js';

const ctx = { tenant: 'qingdao', province: 'shandong' };

async function kernel() {
  const store = await createTestStore();
  const clock = new VirtualClock(parseInstant('2024-01-20T09:00:00+08:00'));
  const platform = createPlatform({
    tenants: inject('tenants'),
    table: store.table,
    documents: store.documents,
    clock,
    engine: (parts) => new LocalReviewEngine(parts),
  });
  const lamps = new Lamps(store.table);
  platform.timers.register('lamp', lamps.onDeadline);
  return { platform, clock, lamps };
}

describe('a toy kind of case on the kernel', () => {
  it('fires its deadline on the clock, once, and keeps a chained history', async () => {
    const { platform, clock, lamps } = await kernel();
    const on = await lamps.switchOn(
      ctx,
      'lamp-1',
      'hall',
      clock.now(),
      parseInstant('2024-01-20T18:00:00+08:00'),
    );
    expect(on).toMatchObject({ status: 'on', version: 1 });

    clock.advanceTo(parseInstant('2024-01-20T17:59:59+08:00'));
    expect(await platform.timerJobs.deadlines()).toBe(0);
    expect((await lamps.cases.get(ctx, 'lamp-1'))?.status).toBe('on');

    clock.advanceTo(parseInstant('2024-01-20T18:00:00+08:00'));
    expect(await platform.timerJobs.deadlines()).toBe(1);
    const dimmed = await lamps.cases.get(ctx, 'lamp-1');
    expect(dimmed).toMatchObject({ status: 'dimmed', version: 2 });
    // Fired once: the timer went with the change.
    expect(await platform.timerJobs.deadlines()).toBe(0);

    const history = await lamps.cases.history(ctx, 'lamp-1');
    expect(history.map((e) => `${e.from}→${e.to} by ${e.role}`)).toEqual([
      'null→on by system',
      'on→dimmed by system',
    ]);
    expect(auditChain(history, { state: dimmed! })).toMatchObject({
      ok: true,
      events: 2,
    });
    // Its counters, in the tenant's STATS like every kind's.
    expect(await lamps.cases.counters(ctx, 'K#lamp#')).toEqual([
      expect.objectContaining({ room: 'hall', on: 0, dimmed: 1 }),
    ]);
  });

  it('drops a deadline the case no longer needs, and refuses a move its table forbids', async () => {
    const { platform, clock, lamps } = await kernel();
    const on = await lamps.switchOn(ctx, 'lamp-2', 'kitchen', clock.now(), clock.now());
    const off = await lamps.switchOff(ctx, on, clock.now());
    expect(await platform.timerJobs.deadlines()).toBe(0);
    expect((await lamps.cases.get(ctx, 'lamp-2'))?.status).toBe('off');
    await expect(lamps.switchOff(ctx, off, clock.now())).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
  });
});
