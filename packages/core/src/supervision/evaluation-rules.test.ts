import { describe, expect, it } from 'vitest';
import { resolveTenants } from '../tenant/resolve-tenants.js';
import { cityFile, provinceFile } from '../tenant/tenant-builders.test-support.js';
import type { ScoreSheet } from './evaluation.js';
import {
  consequenceOf,
  type EvaluationRule,
  evaluationScore,
  exclusion,
  gradingRuleFor,
  proposedGrade,
  reminderDueAt,
  yearlyUpdateRules,
} from './evaluation-rules.js';

const name = (zh: string, en: string) => ({ zh, en });
const indicator = (id: string) => ({
  id,
  name: name(id, id),
  requirement: name('要求', 'Requirement'),
  source: '004 §一',
});

function cityWith(rules: unknown[], indicators = [indicator('a'), indicator('b')]) {
  const city = { ...cityFile(), supervision: { rules, indicators } };
  return resolveTenants([
    { file: 'testprov.ts', config: provinceFile() },
    { file: 'testcity.ts', config: city },
  ]);
}

const evaluation = (extra: Record<string, unknown> = {}) => ({
  id: 'yearly',
  kind: 'evaluation',
  name: name('年度评价', 'Yearly'),
  period: 'yearly',
  by: 'city_admin',
  grades: [
    { id: 'excellent', name: name('优秀', 'Excellent') },
    { id: 'qualified', name: name('合格', 'Qualified') },
    { id: 'unqualified', name: name('不合格', 'Unqualified') },
  ],
  thresholds: [
    { grade: 'excellent', min: 90, source: '001 §五(三)' },
    { grade: 'qualified', min: 60, source: '001 §五(三)' },
  ],
  source: '001 §五(三)',
  ...extra,
});

const update = {
  id: 'yearly-update',
  kind: 'info-maintenance',
  name: name('年度信息更新', 'Yearly update'),
  programs: ['call'],
  yearlyBy: { month: 3, day: 31 },
  consequence: name('取消当年评级', 'Loses the year'),
  source: '001 §三(三)',
};

const sheet = (scores: Record<string, number>): ScoreSheet => ({
  by: 'x',
  role: 'city_admin',
  at: '2026-01-05T00:00:00.000Z',
  scores,
});

describe('grading a member', () => {
  const { tenants, errors } = cityWith([evaluation()]);
  const city = tenants.find((t) => t.id === 'testcity')!;
  const rule = gradingRuleFor(city, ['call']) as EvaluationRule;

  it('is valid config and finds the rule that grades', () => {
    expect(errors).toEqual([]);
    expect(rule.id).toBe('yearly');
  });

  it('averages each indicator over its sheets, then the indicators; none until all are scored', () => {
    const indicators = city.supervision.indicators;
    expect(evaluationScore(indicators, [sheet({ a: 80 })])).toBeUndefined();
    expect(evaluationScore(indicators, [sheet({ a: 80, b: 100 }), sheet({ a: 60 })])).toBe(85);
  });

  it('proposes the best grade whose threshold the score reaches', () => {
    expect(proposedGrade(rule, 90)).toBe('excellent');
    expect(proposedGrade(rule, 89.99)).toBe('qualified');
    expect(proposedGrade(rule, 60)).toBe('qualified');
    expect(proposedGrade(rule, 59.5)).toBe('unqualified');
  });

  it('removes after the rule’s consecutive failures, and rectifies first where it says so', () => {
    const twice = { ...rule, removeAfterConsecutiveFailures: 2 };
    expect(consequenceOf(twice, 'unqualified', 1)).toBe('none');
    expect(consequenceOf(twice, 'unqualified', 2)).toBe('removal');
    expect(consequenceOf(twice, 'qualified', 5)).toBe('none');
    const rectifying = { ...rule, rectifyBeforeRemoval: true };
    expect(consequenceOf(rectifying, 'unqualified', 1)).toBe('rectification');
    expect(consequenceOf(rectifying, 'unqualified', 2)).toBe('removal');
  });
});

describe('the yearly update (001 §三(三))', () => {
  const city = cityWith([update]).tenants.find((t) => t.id === 'testcity')!;
  const listedAt = '2025-06-01T00:00:00.000Z';

  it('reminds 30, 15 and 7 days before 31 March, at 00:00 Beijing time', () => {
    const [rule] = yearlyUpdateRules(city);
    expect(rule?.reminders).toEqual([30, 15, 7]);
    const due = [30, 15, 7].map((d) => reminderDueAt(rule!, 2026, d).toISOString());
    expect(due).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-03-15T16:00:00.000Z',
      '2026-03-23T16:00:00.000Z',
    ]);
  });

  it('excludes a member without an update of the year by 31 March 24:00, and no other', () => {
    const excluded = exclusion(city, ['call'], 2026, { listedAt });
    expect(excluded?.rule).toBe('yearly-update');
    expect(excluded?.reason.zh).toContain('2026-03-31 24:00');
    const lastSecond = '2026-03-31T15:59:59.999Z';
    expect(exclusion(city, ['call'], 2026, { listedAt, firstUpdateAt: lastSecond })).toBe(
      undefined,
    );
    const late = '2026-03-31T16:00:00.000Z';
    expect(exclusion(city, ['call'], 2026, { listedAt, firstUpdateAt: late })).toBeDefined();
    // Listed after the date: nothing was due from it that year.
    expect(exclusion(city, ['call'], 2026, { listedAt: late })).toBeUndefined();
    expect(exclusion(city, ['other'], 2026, { listedAt })).toBeUndefined();
  });
});

describe('evaluation rules in a tenant file', () => {
  const paths = (rules: unknown[]) => cityWith(rules).errors.map((e) => `${e.path}: ${e.message}`);

  it('must name grades, indicators and grounds that exist', () => {
    const broken = evaluation({
      thresholds: [{ grade: 'good', min: 80, source: '001 §五(三)' }],
      indicators: ['a', 'nope'],
      rectifyBeforeRemoval: true,
      removalGround: 'failed-twice',
    });
    expect(paths([broken])).toEqual([
      expect.stringContaining('thresholds[0].grade'),
      expect.stringContaining('indicators[1]: no indicator "nope"'),
      expect.stringContaining('rectificationGround: a rule that rectifies before removal'),
      expect.stringContaining('removalGround: no disqualification rule lists "failed-twice"'),
    ]);
  });

  it('refuses grading rules opened by two roles', () => {
    const second = { ...evaluation(), id: 'other', by: 'province_admin' };
    expect(paths([evaluation(), second])).toEqual([
      expect.stringContaining('opened by different roles'),
    ]);
  });
});
