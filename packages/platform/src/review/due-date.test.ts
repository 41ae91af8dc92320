import { stateCouncilYears } from '@sme/core';
import { describe, expect, it } from 'vitest';
import { dueAt } from './due-date.js';

const at = (iso: string) => new Date(iso);
const shanghai = (d: Date | undefined) =>
  d && new Date(d.getTime() + 8 * 3600_000).toISOString().replace('.000Z', '+08:00');

describe('dueAt', () => {
  const context = { now: at('2024-02-05T10:00:00+08:00'), workCalendar: stateCouncilYears() };

  it('reads a date as 24:00 of that day', () => {
    expect(shanghai(dueAt({ kind: 'date', by: '2024-02-08' }, context))).toBe(
      '2024-02-09T00:00:00+08:00',
    );
  });

  it('gives a rolling call’s month until the 15th of the next month (seed 001 §三(三))', () => {
    const march = { ...context, submittedAt: '2025-03-20T09:00:00+08:00' };
    expect(shanghai(dueAt({ kind: 'monthly', dayOfMonth: 15 }, march))).toBe(
      '2025-04-16T00:00:00+08:00',
    );
    const december = { ...context, submittedAt: '2025-12-31T23:30:00+08:00' };
    expect(shanghai(dueAt({ kind: 'monthly', dayOfMonth: 15 }, december))).toBe(
      '2026-01-16T00:00:00+08:00',
    );
    // 15:30 UTC on 31 January is 23:30 in Shanghai: still January's batch.
    const lateJanuary = { ...context, submittedAt: '2025-01-31T15:30:00Z' };
    expect(shanghai(dueAt({ kind: 'monthly', dayOfMonth: 15 }, lateJanuary))).toBe(
      '2025-02-16T00:00:00+08:00',
    );
  });

  it('counts natural or working days from today', () => {
    expect(shanghai(dueAt({ kind: 'days', days: 15, calendar: 'natural' }, context))).toBe(
      '2024-02-21T00:00:00+08:00',
    );
    // After Mon 2024-02-05: 6, 7, 8, 9 February, then (10–17 off) the make-up Sunday 18th.
    expect(shanghai(dueAt({ kind: 'days', days: 5, calendar: 'working' }, context))).toBe(
      '2024-02-19T00:00:00+08:00',
    );
  });

  it('is absent when the stage sets no due date', () => {
    expect(dueAt(undefined, context)).toBeUndefined();
  });
});
