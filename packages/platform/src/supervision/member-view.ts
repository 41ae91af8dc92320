/**
 * The member page's data (API.md `GET /members/{uscc}`): anyone sees the public subset
 * (name, listings, status, latest published grade); the member itself and staff in
 * scope (`service-access.ts`) see its orders, disqualifications, appeals, engagements,
 * complaints, spot checks, evaluations (open ones with their scores, which the member
 * comments on; a district reviewer only the published ones), yearly profile and history.
 */
import {
  type Appeal,
  type Complaint,
  type Disqualification,
  type Engagement,
  GRADE_NAMES,
  type HistoryEvent,
  MEMBER_STATUS_NAMES,
  type MemberEvaluation,
  type MemberProfile,
  obligationsOf,
  type Rectification,
  type ResolvedTenant,
  type SpotCheck,
  shownStatus,
} from '@sme/core';
import { tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import type { Members } from './members.js';
import { actsAs, districtCovers, isStaffOf } from './service-access.js';
import type { SupervisionDeps } from './supervision-deps.js';

export interface MemberCases {
  rectifications: Rectification[];
  disqualifications: Disqualification[];
  appeals: Appeal[];
  engagements: Engagement[];
  complaints: Complaint[];
  spotChecks: SpotCheck[];
  evaluations: MemberEvaluation[];
  profile: MemberProfile | null;
  history: HistoryEvent[];
}

/** The grade of the member's latest published evaluation: public once published. */
function latestGrade(evaluations: readonly MemberEvaluation[]) {
  const [latest] = evaluations
    .filter((e) => e.status === 'published' && e.grade)
    .sort((a, b) => b.year - a.year);
  return latest?.grade
    ? { year: latest.year, grade: latest.grade, name: GRADE_NAMES[latest.grade] }
    : null;
}

/**
 * What the caller sees of the member: all of it (the member itself, its supervisors);
 * its records but for evaluations still open (a district reviewer in scope: an open
 * evaluation, its scores and comments, is the supervisors' work until published, as the
 * evaluation's own pages have it); or the public subset.
 */
function sightOf(
  claims: Claims | undefined,
  tenant: ResolvedTenant,
  uscc: string,
  listings: readonly { region?: string }[],
): 'all' | 'scope' | 'public' {
  if (actsAs(claims, tenant, 'provider', uscc) || isStaffOf(claims, tenant)) return 'all';
  return districtCovers(claims, tenant, listings) ? 'scope' : 'public';
}

export class MemberView {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
  ) {}

  async view(tenant: ResolvedTenant, claims: Claims | undefined, uscc: string) {
    const { member, listings, programs } = await this.members.load(tenant, uscc);
    const ctx = tenantContext(tenant);
    const [evaluations, ban] = await Promise.all([
      this.deps.supervision.casesOf(ctx, uscc, 'member-evaluation') as unknown as Promise<
        MemberEvaluation[]
      >,
      this.deps.bans.inForce(ctx, [uscc], this.deps.clock.now()),
    ]);
    const status = shownStatus(member.status, ban !== undefined);
    const summary = {
      uscc: member.uscc,
      name: member.name,
      status,
      statusName: MEMBER_STATUS_NAMES[status],
      // While a province-wide ban suspends it: the first instant it is shown again.
      suspendedUntil: status === 'suspended' && ban ? ban.until : null,
      listings: listings.map((l) => ({
        programId: l.programId,
        ...(l.track && { track: l.track }),
        ...(l.category && { category: l.category }),
        industries: l.industries,
        ...(l.region && { region: l.region }),
        listedAt: l.listedAt,
      })),
      latestGrade: latestGrade(evaluations),
      /** What the member is held to beyond the platform's deadlines, each rule with its clause. */
      obligations: obligationsOf(tenant, programs),
    };
    const sight = sightOf(claims, tenant, uscc, listings);
    if (sight === 'public') return { ...summary, full: false as const };
    const cases = await this.cases(tenant, uscc);
    if (sight === 'scope')
      cases.evaluations = cases.evaluations.filter((e) => e.status === 'published');
    return { ...summary, full: true as const, ...cases };
  }

  private async cases(tenant: ResolvedTenant, uscc: string): Promise<MemberCases> {
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const [items, history, profile] = await Promise.all([
      repo.casesOf(ctx, uscc),
      repo.members.history(ctx, uscc),
      this.deps.evaluations.profile(ctx, uscc),
    ]);
    const of = <C>(kind: string) =>
      items
        .filter((i) => String(i.gsi1sk).startsWith(`${kind}#`))
        .map((i) => {
          const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...state } = i;
          return state as C;
        });
    return {
      rectifications: of<Rectification>('rectification'),
      disqualifications: of<Disqualification>('disqualification'),
      appeals: of<Appeal>('appeal'),
      engagements: of<Engagement>('engagement'),
      complaints: of<Complaint>('complaint'),
      spotChecks: of<SpotCheck>('spot_check'),
      evaluations: of<MemberEvaluation>('member-evaluation'),
      profile: profile ?? null,
      history,
    };
  }
}
