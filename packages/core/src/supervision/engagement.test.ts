import { describe, expect, it } from 'vitest';
import { resolveTenants } from '../tenant/resolve-tenants.js';
import { cityFile, provinceFile } from '../tenant/tenant-builders.test-support.js';
import { awaitingConfirmation, exclusionsOf, type Milestone, nextMilestone } from './engagement.js';

const name = (zh: string, en: string) => ({ zh, en });

const exclusive = (kinds: [string, string]) => ({
  id: 'no-self-acceptance',
  kind: 'exclusive-services',
  name: name('改造与验收评估不得兼任', 'No transformation and acceptance'),
  services: [
    { id: 'transformation', name: name('改造', 'Transformation'), engagementKind: kinds[0] },
    { id: 'acceptance', name: name('验收评估', 'Acceptance'), engagementKind: kinds[1] },
  ],
  source: '002 §二(一)7',
});

function resolve(rules: unknown[]) {
  const city = { ...cityFile(), supervision: { rules } };
  return resolveTenants([
    { file: 'testprov.ts', config: provinceFile() },
    { file: 'testcity.ts', config: city },
  ]);
}

const milestone = (kind: Milestone['kind'], confirmed: boolean): Milestone => ({
  kind,
  summary: kind,
  documents: [],
  at: '2025-03-01T02:00:00.000Z',
  by: 'p',
  ...(confirmed && { confirmedAt: '2025-03-02T02:00:00.000Z', confirmedBy: 'e' }),
});

describe('exclusive services', () => {
  it('maps each engagement kind to the service of the rule it registers', () => {
    const { tenants, errors } = resolve([exclusive(['transformation', 'assessment'])]);
    expect(errors).toEqual([]);
    const city = tenants.find((t) => t.id === 'testcity')!;
    expect(exclusionsOf(city, ['call'], 'assessment')).toEqual([
      expect.objectContaining({
        service: 'acceptance',
        rule: expect.objectContaining({ id: 'no-self-acceptance' }),
      }),
    ]);
  });

  it('refuses a rule whose services register the same kind of engagement, or none', () => {
    expect(resolve([exclusive(['transformation', 'transformation'])]).errors).not.toEqual([]);
    expect(resolve([exclusive(['transformation', 'consulting'])]).errors).not.toEqual([]);
  });

  it('lets a tenant without the rule register any kind for any enterprise', () => {
    const city = resolve([]).tenants.find((t) => t.id === 'testcity')!;
    expect(exclusionsOf(city, ['call'], 'transformation')).toEqual([]);
  });
});

describe('a complaint rule', () => {
  it('needs its grounds and a reply period', () => {
    const rule = {
      id: 'complaints',
      kind: 'complaint',
      name: name('投诉', 'Complaints'),
      grounds: [{ id: 'late', zh: '对接不及时', en: 'Late', source: '004 §三(一)2' }],
      replyDays: 5,
      calendar: 'working',
      source: '004 §二(二)',
    };
    expect(resolve([rule]).errors).toEqual([]);
    expect(resolve([{ ...rule, replyDays: 0 }]).errors).not.toEqual([]);
    expect(resolve([{ ...rule, grounds: [] }]).errors).not.toEqual([]);
  });
});

describe('the order of milestones', () => {
  it('follows contract → plan → works → internal → assessment acceptance, one confirmation at a time', () => {
    expect(nextMilestone({ milestones: [milestone('contract', false)] })).toBe('plan');
    expect(awaitingConfirmation({ milestones: [milestone('contract', false)] })?.kind).toBe(
      'contract',
    );
    const all = (
      ['contract', 'plan', 'works', 'internal_acceptance', 'assessment_acceptance'] as const
    ).map((k) => milestone(k, true));
    expect(nextMilestone({ milestones: all.slice(0, 3) })).toBe('internal_acceptance');
    expect(awaitingConfirmation({ milestones: all })).toBeUndefined();
    expect(nextMilestone({ milestones: all })).toBeNull();
  });
});
