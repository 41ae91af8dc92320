import { describe, expect, it } from 'vitest';
import { formatShanghai } from '../calendar/shanghai-time.js';
import { stateCouncilYears } from '../calendar/state-council-years.js';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import { banUntil, endOfPeriod } from './periods.js';
import type { RuleOf } from './supervision-rules.js';

const at = (iso: string) => new Date(iso);
const shown = (d: Date) => formatShanghai(d);
const tenant: Pick<ResolvedTenant, 'workCalendar'> = { workCalendar: [...stateCouncilYears()] };

const ban = (years: number, includesCurrentYear: boolean): RuleOf<'ban'> => ({
  id: 'ban',
  kind: 'ban',
  name: { zh: '禁入', en: 'Ban' },
  grounds: [{ id: 'fraud', zh: '弄虚作假', en: 'Fraud', source: '001 §五(一)' }],
  years,
  includesCurrentYear,
  source: '001 §五(一)',
});

describe('endOfPeriod', () => {
  it('counts calendar days from the next day, to 24:00 of the last', () => {
    const due = endOfPeriod(tenant, at('2025-03-01T10:00:00+08:00'), {
      days: 15,
      calendar: 'natural',
    });
    expect(shown(due)).toBe('2025-03-17T00:00:00+08:00');
  });

  it('takes the Beijing date, not the UTC one, of an order made just after midnight', () => {
    const due = endOfPeriod(tenant, at('2025-03-01T00:30:00+08:00'), {
      days: 1,
      calendar: 'natural',
    });
    expect(shown(due)).toBe('2025-03-03T00:00:00+08:00');
  });

  it('skips weekends and holidays on a working-day period (Qingming 2025: 4–6 April)', () => {
    const due = endOfPeriod(tenant, at('2025-04-03T15:00:00+08:00'), {
      days: 2,
      calendar: 'working',
    });
    expect(shown(due)).toBe('2025-04-09T00:00:00+08:00');
  });
});

describe('banUntil', () => {
  it('runs through the year of the finding and the three after (当年及未来三年)', () => {
    expect(shown(banUntil(ban(3, true), at('2024-01-20T09:00:00+08:00')))).toBe(
      '2028-01-01T00:00:00+08:00',
    );
    // 31 December in Beijing is still the year of the finding, though UTC says otherwise.
    expect(shown(banUntil(ban(3, true), at('2024-12-31T23:30:00+08:00')))).toBe(
      '2028-01-01T00:00:00+08:00',
    );
  });

  it('runs three years from the day of revocation (撤销后三年内), 29 February to 1 March', () => {
    expect(shown(banUntil(ban(3, false), at('2025-05-10T16:00:00+08:00')))).toBe(
      '2028-05-10T00:00:00+08:00',
    );
    expect(shown(banUntil(ban(3, false), at('2024-02-29T10:00:00+08:00')))).toBe(
      '2027-03-01T00:00:00+08:00',
    );
  });
});
