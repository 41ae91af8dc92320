import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/shanghai-time.js';
import type { Window } from './program.schema.js';
import { acceptsApplications, programState, windowInstants } from './program-state.js';

const qingdao: Window = {
  kind: 'fixed',
  opensOn: '2024-01-09',
  closesBy: '2024-01-31',
  source: '002 §三(一)2',
};
const at = parseInstant;

describe('programState', () => {
  it('is upcoming before 00:00 of the opening date, open from it', () => {
    expect(programState(qingdao, at('2024-01-08T23:59:59+08:00'))).toBe('upcoming');
    expect(programState(qingdao, at('2024-01-09T00:00:00+08:00'))).toBe('open');
  });

  it('is open at 23:59:59 on the closing date and closed at 24:00', () => {
    expect(programState(qingdao, at('2024-01-31T23:59:59+08:00'))).toBe('open');
    expect(programState(qingdao, at('2024-02-01T00:00:00+08:00'))).toBe('closed');
    expect(acceptsApplications(qingdao, at('2024-02-01T00:00:00+08:00'))).toBe(false);
  });

  it('gives the window as instants', () => {
    const { opensAt, closesAt } = windowInstants(qingdao);
    expect(opensAt?.toISOString()).toBe('2024-01-08T16:00:00.000Z');
    expect(closesAt?.toISOString()).toBe('2024-01-31T16:00:00.000Z');
  });

  it('keeps a call with no opening date open until its deadline', () => {
    const jinan: Window = { kind: 'fixed', closesBy: '2023-08-22', source: '000 §三(一)' };
    expect(programState(jinan, at('2020-01-01T00:00:00+08:00'))).toBe('open');
    expect(programState(jinan, at('2023-08-23T00:00:00+08:00'))).toBe('closed');
  });

  it('shows a rolling call as rolling and accepting, at any time once open', () => {
    const rolling: Window = { kind: 'rolling', reviewDayOfMonth: 15, source: '001 §三(三)' };
    expect(programState(rolling, at('2031-07-04T12:00:00+08:00'))).toBe('rolling');
    expect(acceptsApplications(rolling, at('2031-07-04T12:00:00+08:00'))).toBe(true);
    const later: Window = { ...rolling, opensOn: '2025-01-01' };
    expect(programState(later, at('2024-12-31T23:00:00+08:00'))).toBe('upcoming');
  });

  it('keeps an unscheduled call upcoming and closed to applications', () => {
    const yearly: Window = { kind: 'unscheduled', source: '003 第十二条' };
    expect(programState(yearly, at('2025-06-01T00:00:00+08:00'))).toBe('upcoming');
    expect(acceptsApplications(yearly, at('2025-06-01T00:00:00+08:00'))).toBe(false);
  });
});
