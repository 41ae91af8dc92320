import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../errors.js';
import {
  addDays,
  endOfShanghaiDay,
  formatDeadline,
  formatShanghai,
  isCalendarDate,
  parseInstant,
  shanghaiDateOf,
  startOfShanghaiDay,
} from './shanghai-time.js';

describe('Asia/Shanghai instants', () => {
  it('reads "by 2024-01-31 24:00" as the exclusive instant 2024-02-01T00:00+08:00', () => {
    expect(endOfShanghaiDay('2024-01-31').getTime()).toBe(
      parseInstant('2024-02-01T00:00:00+08:00').getTime(),
    );
  });

  it('places 23:59:59 on 01-31 before the deadline and 00:00 on 02-01 at it', () => {
    const deadline = endOfShanghaiDay('2024-01-31').getTime();
    expect(parseInstant('2024-01-31T23:59:59+08:00').getTime()).toBeLessThan(deadline);
    expect(parseInstant('2024-02-01T00:00:00+08:00').getTime()).toBe(deadline);
  });

  it('finds the Shanghai date of an instant late in the UTC day', () => {
    expect(shanghaiDateOf(parseInstant('2024-01-31T16:30:00Z'))).toBe('2024-02-01');
    expect(shanghaiDateOf(parseInstant('2024-01-31T15:59:59Z'))).toBe('2024-01-31');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfShanghaiDay('2024-02-08').toISOString()).toBe('2024-02-07T16:00:00.000Z');
  });

  it('writes instants in the +08:00 offset', () => {
    expect(formatShanghai(parseInstant('2024-02-21T16:00:00Z'))).toBe('2024-02-22T00:00:00+08:00');
  });

  it('keeps milliseconds when asked, so history events keep their exact instant', () => {
    expect(formatShanghai(parseInstant('2024-02-21T16:00:00.042Z'), { milliseconds: true })).toBe(
      '2024-02-22T00:00:00.042+08:00',
    );
  });

  it('writes a deadline as the notice does: midnight is 24:00 of the day before', () => {
    expect(formatDeadline(endOfShanghaiDay('2024-01-31'))).toBe('2024-01-31 24:00');
    expect(formatDeadline(parseInstant('2024-02-08T17:30:00+08:00'))).toBe('2024-02-08 17:30');
    expect(formatDeadline(parseInstant('2024-02-08T00:00:01+08:00'))).toBe('2024-02-08 00:00');
  });

  it('refuses instants without an offset and impossible dates', () => {
    expect(() => parseInstant('2024-01-31T12:00:00')).toThrow(InvalidDateError);
    expect(() => parseInstant('yesterday')).toThrow(InvalidDateError);
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(() => addDays('2023-02-29', 1)).toThrow(InvalidDateError);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
