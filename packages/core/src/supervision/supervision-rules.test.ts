import { describe, expect, it } from 'vitest';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import type { SupervisionRule } from '../tenant/supervision.schema.js';
import {
  disqualificationGround,
  disqualificationGrounds,
  groundOf,
  rulesFor,
} from './supervision-rules.js';

const clause = (id: string) => ({ id, zh: id, en: id, source: 'test' });
const rules: SupervisionRule[] = [
  {
    id: 'revocation',
    kind: 'disqualification',
    name: { zh: '撤销', en: 'Revocation' },
    programs: ['centres'],
    grounds: [clause('accident')],
    publicNotice: false,
    source: '003 第二十条',
  },
  {
    id: 'after-revocation',
    kind: 'ban',
    name: { zh: '三年内不得申报', en: 'Three years' },
    programs: ['centres'],
    grounds: [clause('revoked')],
    years: 3,
    includesCurrentYear: false,
    onDisqualification: ['revocation'],
    source: '003 第二十一条',
  },
  {
    id: 'blacklist',
    kind: 'ban',
    name: { zh: '黑名单', en: 'Blacklist' },
    programs: ['pool'],
    grounds: [clause('fraud')],
    years: 3,
    includesCurrentYear: true,
    source: '001 §五(一)',
  },
];
const tenant = { supervision: { rules, indicators: [] } } as unknown as ResolvedTenant;

describe('the rules that govern a member', () => {
  it('are those of its programs', () => {
    expect(rulesFor(tenant, 'ban', ['pool']).map((r) => r.id)).toEqual(['blacklist']);
    expect(groundOf(tenant, 'disqualification', ['pool'], 'accident')).toBeUndefined();
    expect(groundOf(tenant, 'disqualification', ['centres'], 'accident')?.rule.id).toBe(
      'revocation',
    );
  });

  it('ban on any ground of a disqualification rule a ban follows', () => {
    expect(disqualificationGround(tenant, ['centres'], 'accident')?.ban?.id).toBe(
      'after-revocation',
    );
  });

  it("take a ban rule's own grounds as grounds for disqualification that ban", () => {
    const fraud = disqualificationGround(tenant, ['pool'], 'fraud');
    expect(fraud).toMatchObject({ rule: { id: 'blacklist' }, ban: { id: 'blacklist' } });
    expect(disqualificationGrounds(tenant, ['pool']).map((g) => g.id)).toEqual(['fraud']);
    expect(disqualificationGround(tenant, ['pool'], 'accident')).toBeUndefined();
  });
});
