import { type Program, parseInstant } from '@sme/core';
import { describe, expect, it } from 'vitest';
import { nextChange, publicCacheControl, stateKey } from './catalogue-freshness.js';

const fixed = {
  id: 'fixed',
  window: { kind: 'fixed', opensOn: '2024-01-09', closesBy: '2024-01-31', source: 'notice' },
} as unknown as Program;
const rolling = {
  id: 'rolling',
  window: { kind: 'rolling', opensOn: '2024-03-01', reviewDayOfMonth: 15, source: 'notice' },
} as unknown as Program;
const at = (instant: string) => parseInstant(instant);

describe('stateKey', () => {
  it('changes exactly when one of the calls changes state', () => {
    const key = (instant: string) => stateKey([fixed, rolling], at(instant));
    expect(key('2024-01-08T23:59:59+08:00')).toBe('fixed=upcoming&rolling=upcoming');
    expect(key('2024-01-09T00:00:00+08:00')).toBe('fixed=open&rolling=upcoming');
    expect(key('2024-01-20T12:00:00+08:00')).toBe(key('2024-01-31T23:59:59+08:00'));
    expect(key('2024-02-01T00:00:00+08:00')).toBe('fixed=closed&rolling=upcoming');
    expect(key('2024-03-01T00:00:00+08:00')).toBe('fixed=closed&rolling=rolling');
  });

  it('answers each instant as if asked first, whatever was asked before it', () => {
    // The state is kept for the span it holds; a clock moved either way leaves that span.
    const order = [
      '2024-02-01T00:00:00+08:00',
      '2024-01-31T23:59:59.999+08:00',
      '2024-01-08T23:59:59.999+08:00',
      '2024-01-09T00:00:00+08:00',
      '2024-03-01T00:00:00+08:00',
      '2024-01-20T12:00:00+08:00',
    ];
    const asked = order.map((instant) => stateKey([fixed], at(instant)));
    const fresh = order.map(
      (instant) => stateKey([{ ...fixed } as Program], at(instant)), // a program never asked
    );
    expect(asked).toEqual(fresh);
    expect(asked).toEqual([
      'fixed=closed',
      'fixed=open',
      'fixed=upcoming',
      'fixed=open',
      'fixed=closed',
      'fixed=open',
    ]);
  });
});

describe('nextChange', () => {
  it('is the earliest opening or closing still ahead, and none once all have passed', () => {
    expect(nextChange([fixed, rolling], at('2024-01-20T00:00:00+08:00'))).toBe(
      at('2024-02-01T00:00:00+08:00').getTime(),
    );
    expect(nextChange([fixed, rolling], at('2024-02-01T00:00:00+08:00'))).toBe(
      at('2024-03-01T00:00:00+08:00').getTime(),
    );
    expect(nextChange([fixed, rolling], at('2024-03-01T00:00:00+08:00'))).toBeUndefined();
  });
});

describe('publicCacheControl', () => {
  it('is public for 60 s at most, and never past the next change', () => {
    expect(publicCacheControl([], at('2024-01-20T00:00:00+08:00'))).toBe('public, max-age=60');
    expect(publicCacheControl([fixed], at('2024-01-31T23:58:00+08:00'))).toBe('public, max-age=60');
    expect(publicCacheControl([fixed], at('2024-01-31T23:59:15.2+08:00'))).toBe(
      'public, max-age=44',
    );
  });
});
