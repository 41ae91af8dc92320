import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/shanghai-time.js';
import { ClockBackwardsError } from '../errors.js';
import type { Clock } from './clock.js';
import { VirtualClock } from './virtual-clock.js';

/** A real clock the test moves by hand. */
function manualClock(start: string): Clock & { tick(ms: number): void } {
  let now = parseInstant(start).getTime();
  return {
    now: () => new Date(now),
    tick: (ms) => {
      now += ms;
    },
  };
}

describe('VirtualClock', () => {
  it('starts at CLOCK_START and then runs with real time', () => {
    const real = manualClock('2026-11-22T10:00:00Z');
    const clock = new VirtualClock(parseInstant('2024-01-20T09:00:00+08:00'), real);
    expect(clock.now().toISOString()).toBe('2024-01-20T01:00:00.000Z');
    real.tick(1500);
    expect(clock.now().toISOString()).toBe('2024-01-20T01:00:01.500Z');
  });

  it('moves forward to an instant and keeps running from there', () => {
    const real = manualClock('2026-11-22T10:00:00Z');
    const clock = new VirtualClock(parseInstant('2024-01-20T09:00:00+08:00'), real);
    clock.advanceTo(parseInstant('2024-02-01T00:00:00+08:00'));
    expect(clock.now().toISOString()).toBe('2024-01-31T16:00:00.000Z');
    real.tick(1000);
    expect(clock.now().toISOString()).toBe('2024-01-31T16:00:01.000Z');
  });

  it('refuses to move backwards and stays where it was', () => {
    const real = manualClock('2026-11-22T10:00:00Z');
    const clock = new VirtualClock(parseInstant('2024-02-01T00:00:00+08:00'), real);
    expect(() => clock.advanceTo(parseInstant('2024-01-31T23:59:59+08:00'))).toThrow(
      ClockBackwardsError,
    );
    expect(clock.now().toISOString()).toBe('2024-01-31T16:00:00.000Z');
  });

  it('follows real time when no start is given', () => {
    const real = manualClock('2026-11-22T10:00:00Z');
    expect(new VirtualClock(undefined, real).now().toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });
});
