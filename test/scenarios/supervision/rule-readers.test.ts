/**
 * No supervision rule in `tenants/` is left without a reader (issue 12): every kind of
 * rule the schema allows is read by name where the platform applies it (`rulesFor`,
 * `groundOf`, the grounds of disqualification), and every rule a tenant states governs
 * some member, whose page then lists what it is held to.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  obligationsOf,
  type ResolvedTenant,
  rulesFor,
  type SupervisionRule,
  SupervisionRuleSchema,
} from '@sme/core';
import { describe, expect, inject, it } from 'vitest';

const ROOTS = ['packages/platform/src', 'packages/core/src/supervision'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.includes('.test') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The kinds the code reads by name: `rulesFor(t, 'kind', …)`, `groundOf(t, 'kind', …)`. */
function kindsRead(): Set<string> {
  const code = ROOTS.flatMap(sources).join('\n');
  const read = new Set<string>();
  for (const match of code.matchAll(/\b(?:rulesFor|groundOf)\(\s*[\w.]+,\s*'([a-z-]+)'/g)) {
    if (match[1]) read.add(match[1]);
  }
  return read;
}

const KINDS = SupervisionRuleSchema.options.map((o) => o.shape.kind.value) as string[];
const tenants = inject('tenants') as ResolvedTenant[];

describe('supervision rules', () => {
  it('are each read by the platform, kind by kind', () => {
    const read = kindsRead();
    expect(KINDS.filter((kind) => !read.has(kind))).toEqual([]);
    const stated = tenants.flatMap((t) => t.supervision.rules.map((r) => r.kind));
    expect(stated.filter((kind) => !read.has(kind))).toEqual([]);
  });

  it('each govern the members of a program of their tenant', () => {
    for (const tenant of tenants) {
      const programs = tenant.programs.map((p) => p.id);
      for (const rule of tenant.supervision.rules) {
        const governed = rulesFor(tenant, rule.kind, programs) as SupervisionRule[];
        expect(
          governed.map((r) => r.id),
          `${tenant.id} ${rule.id}`,
        ).toContain(rule.id);
      }
    }
  });

  it("put duties, records, filings and upkeep on the member's page, with their clause", () => {
    const shandong = tenants.find((t) => t.id === 'shandong');
    if (!shandong) throw new Error('no shandong tenant');
    const centre = obligationsOf(shandong, ['promotion-centre']);
    expect(centre.map((o) => o.rule)).toEqual(['centre-change-filing']);
    expect(centre[0]?.items[0]?.zh).toContain('1 个月内');
    const pool = obligationsOf(shandong, ['provider-pool']);
    expect(pool.map((o) => [o.rule, o.source])).toEqual([
      ['service-records', '001 §五(二)'],
      ['yearly-update', '001 §三(三)'],
    ]);
    expect(pool[1]?.items[0]?.zh).toBe('每年 3 月 31 日前更新单位信息');
  });
});
