/**
 * The evidence of a member's year (API.md: "the evidence counted from engagements,
 * ratings, complaints and rectifications of that year"), counted from the member's
 * cases, each fact in the Beijing-time calendar year it happened:
 * - engagements: `registered` those whose contract the enterprise confirmed in the
 *   year: only an order confirmed by both sides is a service record (000 §四(二): 线下
 *   确认的订单和服务), so one the enterprise never confirmed, whether it disowns it or
 *   does not exist, shows nothing; `accepted` those whose assessment acceptance the
 *   enterprise confirmed in the year (work finished that year, whenever it began: 001
 *   §五(二) 验收报告);
 * - ratings: those the enterprise gave in the year, by satisfaction;
 * - complaints: `filed` those lodged in the year; `upheld` those of them that stand
 *   upheld (one annulled on appeal was lodged, but no longer counts as upheld);
 * - rectifications: orders issued in the year and not annulled on appeal, with how
 *   they ended.
 * Which indicator shows which of these is the tenant's (`indicators[].evidence`).
 *
 * One query: the member's case list (`T#<t>#MEMBER#<uscc>`) holds every case of the
 * member, of every kind, so all four are counted from one read.
 */
import {
  type Complaint,
  type Engagement,
  type EvaluationEvidence,
  type MilestoneKind,
  type Rectification,
  type ResolvedTenant,
  shanghaiDateOf,
} from '@sme/core';
import { tenantContext } from '@sme/store';
import type { SupervisionDeps } from './supervision-deps.js';

const inYear = (iso: string | undefined, year: number) =>
  !!iso && shanghaiDateOf(new Date(iso)).startsWith(`${year}-`);

/** The member's cases of one kind, from the one read of its case list. */
function ofKind<C>(items: readonly Record<string, unknown>[], kind: string): C[] {
  return items
    .filter((i) => String(i.gsi1sk).startsWith(`${kind}#`))
    .map((i) => {
      const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...state } = i;
      return state as C;
    });
}

/** When the enterprise confirmed the engagement's milestone `kind`, if it has. */
const confirmedAt = (engagement: Engagement, kind: MilestoneKind) =>
  engagement.milestones.find((m) => m.kind === kind)?.confirmedAt;

/** Counts what the member's cases of `year` show. */
export async function evidenceOf(
  deps: Pick<SupervisionDeps, 'supervision'>,
  member: { tenant: ResolvedTenant; uscc: string },
  year: number,
): Promise<EvaluationEvidence> {
  const items = await deps.supervision.casesOf(tenantContext(member.tenant), member.uscc);
  const engagements = ofKind<Engagement>(items, 'engagement');
  const ratings = engagements.flatMap((e) =>
    e.rating && inYear(e.rating.at, year) ? [e.rating.satisfaction] : [],
  );
  const complaints = ofKind<Complaint>(items, 'complaint').filter((c) => inYear(c.createdAt, year));
  const orders = ofKind<Rectification>(items, 'rectification').filter(
    (o) => inYear(o.createdAt, year) && o.status !== 'annulled',
  );
  return {
    engagements: {
      registered: engagements.filter((e) => inYear(confirmedAt(e, 'contract'), year)).length,
      accepted: engagements.filter((e) => inYear(confirmedAt(e, 'assessment_acceptance'), year))
        .length,
    },
    ratings: {
      satisfied: ratings.filter((s) => s === 'satisfied').length,
      basic: ratings.filter((s) => s === 'basic').length,
      unsatisfied: ratings.filter((s) => s === 'unsatisfied').length,
    },
    complaints: {
      filed: complaints.length,
      upheld: complaints.filter((c) => c.status === 'upheld').length,
    },
    rectifications: {
      ordered: orders.length,
      accepted: orders.filter((o) => o.status === 'accepted').length,
      failed: orders.filter((o) => o.status === 'rejected' || o.status === 'overdue').length,
    },
  };
}
