/**
 * Matchmaking (供需对接; API.md "Pilot enterprises": `GET /matches?enterprise=`): the
 * members of the city's pool ranked for the needs the enterprise recorded in its
 * profile, each with the reasons of its rank (`match-score.ts`). For the enterprise and
 * for staff whose scope covers its district. Members serving none of the needs are left
 * out; an enterprise with no needs recorded has no match yet. One read of the pool, then
 * one of each candidate's cases (its grades and the ratings it was given).
 */
import type { EvaluationGrade, LocalizedText, ResolvedTenant, Satisfaction } from '@sme/core';
import { type SupervisionRepository, tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import type { PublicityQueries } from '../publicity/publicity-queries.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import { type EnterpriseRecordsDeps, readEnterprise } from './enterprise-access.js';
import { needDomains } from './enterprise-profiles.js';
import { type MatchCandidate, scoreMatch } from './match-score.js';

export interface Match {
  uscc: string;
  name: string;
  status: string;
  score: number;
  grade?: { year: number; grade: EvaluationGrade };
  reasons: LocalizedText[];
}

export class Matchmaking {
  constructor(
    private readonly deps: EnterpriseRecordsDeps & {
      supervision: SupervisionRepository;
      publicity: Pick<PublicityQueries, 'pool'>;
      registry: Pick<TenantRegistry, 'tenant'>;
    },
  ) {}

  async matches(tenant: ResolvedTenant, claims: Claims, uscc: string): Promise<Match[]> {
    const { profile, district } = await readEnterprise(this.deps, tenant, claims, uscc, {
      zh: '对接推荐仅向企业本身和辖区工作人员开放',
      en: 'Matches are for the enterprise and the staff of its district',
    });
    if (!profile || profile.needs.length === 0) return [];
    const region = district ?? profile.region;
    const context = { needs: profile.needs, region, ...catalogueOf(tenant) };
    const candidates = [
      ...membersOf(await this.deps.publicity.pool(tenant, {}), this.deps.registry).values(),
    ].filter((m) => scoreMatch(m, context) !== undefined);
    const matches = await Promise.all(
      candidates.map(async (member) => {
        const cases = await this.deps.supervision.casesOf(
          tenantContext(member.tenant),
          member.uscc,
        );
        const scored = { ...member, ...standingOf(cases) };
        const { score, reasons } = scoreMatch(scored, context) ?? { score: 0, reasons: [] };
        return {
          uscc: member.uscc,
          name: member.name,
          status: member.status,
          score,
          ...(scored.grade && { grade: scored.grade }),
          reasons,
        };
      }),
    );
    return matches.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh'));
  }
}

interface PoolMember extends MatchCandidate {
  uscc: string;
  name: string;
  tenant: ResolvedTenant;
  categories: Set<string>;
  industries: Set<string>;
  regions: Set<string>;
}

/** The pool's listings gathered per member: every category, industry and district it lists. */
function membersOf(
  pool: Awaited<ReturnType<PublicityQueries['pool']>>,
  registry: Pick<TenantRegistry, 'tenant'>,
): Map<string, PoolMember> {
  const members = new Map<string, PoolMember>();
  for (const entry of pool) {
    const member = members.get(entry.uscc) ?? {
      uscc: entry.uscc,
      name: entry.orgName,
      tenant: registry.tenant(entry.tenant),
      status: entry.status,
      categories: new Set<string>(),
      industries: new Set<string>(),
      regions: new Set<string>(),
      ratings: [],
    };
    if (entry.category) member.categories.add(entry.category);
    for (const industry of entry.industries) member.industries.add(industry);
    if (entry.region) member.regions.add(entry.region);
    members.set(entry.uscc, member);
  }
  return members;
}

/** The member's latest published grade and the ratings it was given, from its cases. */
function standingOf(cases: readonly Record<string, unknown>[]) {
  const ofKind = (kind: string) => cases.filter((c) => String(c.gsi1sk).startsWith(`${kind}#`));
  const graded = ofKind('member-evaluation')
    .filter((e) => e.status === 'published' && e.grade)
    .sort((a, b) => Number(b.year) - Number(a.year))[0];
  const ratings = ofKind('engagement').flatMap((e) => {
    const rating = e.rating as { satisfaction: Satisfaction } | undefined;
    return rating ? [rating.satisfaction] : [];
  });
  return {
    grade: graded
      ? { year: Number(graded.year), grade: graded.grade as EvaluationGrade }
      : undefined,
    ratings,
  };
}

/** The tenant's category tree and the names of what a reason names. */
function catalogueOf(tenant: ResolvedTenant) {
  const parentOf = new Map<string, string>();
  for (const category of tenant.catalogue.categories)
    for (const child of category.children) parentOf.set(child.id, category.id);
  const names = new Map([...needDomains(tenant)].map(([id, domain]) => [id, domain.name]));
  for (const region of tenant.regions) names.set(region.id, region.name);
  return { parentOf, nameOf: (id: string) => names.get(id) ?? { zh: id, en: id } };
}
