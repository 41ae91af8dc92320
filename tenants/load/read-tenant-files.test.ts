import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type ResolvedTenant, windowInstants } from '@sme/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTenantFiles, loadTenants, TENANTS_DIR } from './read-tenant-files.js';

let tenants: Map<string, ResolvedTenant>;
beforeAll(async () => {
  const result = await loadTenants();
  expect(result.errors).toEqual([]);
  tenants = new Map(result.tenants.map((t) => [t.id, t]));
});

const tenant = (id: string) => {
  const found = tenants.get(id);
  if (!found) throw new Error(`tenant ${id} is missing`);
  return found;
};

describe('every tenant file', () => {
  it('parses, resolves, and carries the id of its file name', async () => {
    const files = await listTenantFiles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect([...tenants.keys()].sort()).toEqual(files.map((f) => basename(f, '.ts')).sort());
  });

  it('names its province as parent when it is a city', () => {
    for (const t of tenants.values()) {
      if (t.kind === 'city') expect(tenants.get(t.parent ?? '')?.kind, t.id).toBe('province');
    }
  });

  it('cites a seed clause for every stage, rule and document', () => {
    for (const t of tenants.values()) {
      for (const p of t.programs) {
        for (const item of [...p.stages, ...p.rules, ...p.documents]) {
          expect(item.source, `${t.id}/${p.id}`).toMatch(/^00[0-4]/);
        }
      }
    }
  });
});

describe('Qingdao (seed 002)', () => {
  const program = () => tenant('qingdao').programs.find((p) => p.id === 'dx-providers-2024')!;

  it('closes applications at 2024-01-31 24:00 Asia/Shanghai', () => {
    expect(windowInstants(program().window).closesAt?.toISOString()).toBe(
      '2024-01-31T16:00:00.000Z',
    );
  });

  it('has 12 districts plus the registered-outside-Qingdao choice', () => {
    const regions = tenant('qingdao').regions;
    expect(regions.filter((r) => r.kind === 'district')).toHaveLength(12);
    expect(regions.filter((r) => r.kind === 'elsewhere').map((r) => r.id)).toEqual([
      'outside-qingdao',
    ]);
    expect(program().allowsRegisteredElsewhere).toBe(true);
  });

  it('offers 3 tracks over 4 industries with the quotas of §一', () => {
    expect(program().industries).toHaveLength(4);
    const quotas = Object.fromEntries(program().tracks.map((t) => [t.id, t.quota?.range]));
    expect(quotas).toEqual({
      integration: { min: 3, max: 6 },
      product: { min: 10, max: 20 },
      'chain-leader': { min: 1, max: 3 },
    });
  });

  it('encodes the case counts, chain-leader thresholds and the two-industry limit', () => {
    const rules = Object.fromEntries(program().rules.map((r) => [r.id, r]));
    expect(rules['integration-cases']).toMatchObject({
      kind: 'min-items',
      min: 2,
      tracks: ['integration'],
    });
    expect(rules['product-cases']).toMatchObject({
      kind: 'min-items',
      min: 3,
      tracks: ['product'],
    });
    expect(rules['chain-pilot-firms']).toMatchObject({ min: 10, strength: 'in-principle' });
    expect(rules['chain-revenue']).toMatchObject({ min: 1_000_000_000 });
    expect(rules['max-two-industries']).toMatchObject({
      max: 2,
      tracks: ['integration', 'product'],
    });
    expect(rules['track-combinations']).toMatchObject({ allowed: [['integration', 'product']] });
    expect(rules['one-per-entity']).toMatchObject({ includeBranches: true });
  });

  it('requires the Credit China report and orders the review as the notice does', () => {
    expect(program().documents.find((d) => d.kind === 'credit-report')?.required).toBe(true);
    expect(program().stages.map((s) => s.kind)).toEqual([
      'screening',
      'manual',
      'panel',
      'publicity',
      'publish',
    ]);
    const publicity = program().stages.find((s) => s.kind === 'publicity');
    expect(publicity && 'workingDays' in publicity && publicity.workingDays).toBe(5);
  });
});

describe('the province (seeds 001 and 003)', () => {
  it('has 10 provider categories, inherited by Jining', () => {
    expect(tenant('shandong').catalogue.categories).toHaveLength(10);
    expect(tenant('jining').catalogue.categories.map((c) => c.id)).toEqual(
      tenant('shandong').catalogue.categories.map((c) => c.id),
    );
  });

  it('reviews the rolling call by the 15th, requires a yearly update by end of March, bans fraud for 3 more years', () => {
    const shandong = tenant('shandong');
    const pool = shandong.programs.find((p) => p.id === 'provider-pool')!;
    expect(pool.window).toMatchObject({ kind: 'rolling', reviewDayOfMonth: 15 });
    const rules = Object.fromEntries(shandong.supervision.rules.map((r) => [r.id, r]));
    expect(rules['yearly-update']).toMatchObject({ yearlyBy: { month: 3, day: 31 } });
    expect(rules['fraud-ban']).toMatchObject({ years: 3, includesCurrentYear: true });
    expect(rules['centre-reapplication-ban']).toMatchObject({
      years: 3,
      includesCurrentYear: false,
    });
  });

  it('runs the promotion-centre call in three classes with its guiding quantities', () => {
    const centre = tenant('shandong').programs.find((p) => p.id === 'promotion-centre')!;
    expect(centre.tracks.map((t) => t.id)).toEqual(['comprehensive', 'industry', 'functional']);
    const area = centre.rules.find((r) => r.id === 'guide-comprehensive-site-area');
    expect(area).toMatchObject({ min: 2000, strength: 'guiding' });
  });
});

describe('Jining (seed 004)', () => {
  it('has the 12 indicators, 15-day rectification and disqualification past 2 rectifications', () => {
    const jining = tenant('jining');
    expect(jining.supervision.indicators).toHaveLength(12);
    const rules = Object.fromEntries(jining.supervision.rules.map((r) => [r.id, r]));
    expect(rules.rectification).toMatchObject({ days: 15, calendar: 'natural' });
    expect(
      rules.rectification?.kind === 'rectification' && rules.rectification.grounds,
    ).toHaveLength(6);
    expect(rules.disqualification).toMatchObject({ maxRectifications: 2 });
    expect(
      rules.disqualification?.kind === 'disqualification' && rules.disqualification.grounds,
    ).toHaveLength(10);
  });
});

describe('Jinan (seed 000)', () => {
  it('has the 7 categories of §一 and the pilot-enterprise deadlines', () => {
    const jinan = tenant('jinan');
    expect(jinan.catalogue.categories).toHaveLength(7);
    const pilots = jinan.programs.find((p) => p.id === 'pilot-enterprises')!;
    expect(pilots.applicant).toBe('enterprise');
    expect(pilots.milestones.map((m) => m.by)).toEqual(['2023-08-15']);
  });
});

describe('loadTenants with files given', () => {
  it('checks a city file alone, reading its province from the tenants folder', async () => {
    const result = await loadTenants({ files: [join(TENANTS_DIR, 'jining.ts')] });
    expect(result.errors).toEqual([]);
    expect(result.tenants.map((t) => t.id)).toEqual(['jining']);
  });

  it('reports a file that cannot be loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tenants-'));
    await writeFile(join(dir, 'broken.ts'), 'export default {');
    const result = await loadTenants({ dir });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'broken.ts', path: '' });
  });
});
