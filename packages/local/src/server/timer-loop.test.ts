import { describe, expect, it } from 'vitest';
import { TimerLoop } from './timer-loop.js';

const fixedClock = { now: () => new Date('2024-02-22T00:00:00+08:00') };

describe('TimerLoop', () => {
  it('fires every registered handler with the instant and sums what fired', async () => {
    const loop = new TimerLoop(fixedClock);
    const seen: string[] = [];
    loop.register(async (now) => {
      seen.push(`a@${now.toISOString()}`);
      return 2;
    });
    loop.register(async () => {
      seen.push('b');
      return 1;
    });
    expect(await loop.fireDue(new Date('2024-02-21T16:00:00Z'))).toBe(3);
    expect(seen).toEqual(['a@2024-02-21T16:00:00.000Z', 'b']);
  });

  it('never runs two firings at once', async () => {
    const loop = new TimerLoop(fixedClock);
    let active = 0;
    let maxActive = 0;
    loop.register(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await Promise.resolve();
      active -= 1;
      return 1;
    });
    const results = await Promise.all([loop.fireDue(), loop.fireDue(), loop.fireDue()]);
    expect(results).toEqual([1, 1, 1]);
    expect(maxActive).toBe(1);
  });

  it('keeps going after a handler fails', async () => {
    const loop = new TimerLoop(fixedClock);
    let calls = 0;
    loop.register(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return 1;
    });
    await expect(loop.fireDue()).rejects.toThrow('boom');
    expect(await loop.fireDue()).toBe(1);
  });
});
