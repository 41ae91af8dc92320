/**
 * The evidence of a member's year (API.md: "the evidence counted from engagements,
 * ratings, complaints and rectifications of that year"), counted from the member's
 * cases created in that calendar year, Beijing time.
 *
 * `evidenceOf` is the one place each kind of case plugs in. Rectification orders are
 * counted now. Engagements (with their ratings) and complaints are kinds of case still
 * being built (issue 12 items 2–3): until they exist they count 0, and their counting
 * goes where it is marked below, reading their cases the same way.
 */
import {
  type EvaluationEvidence,
  NO_EVIDENCE,
  type Rectification,
  type ResolvedTenant,
  shanghaiDateOf,
} from '@sme/core';
import { tenantContext } from '@sme/store';
import type { SupervisionDeps } from './supervision-deps.js';

const inYear = (iso: string, year: number) => shanghaiDateOf(new Date(iso)).startsWith(`${year}-`);

/** Counts what the member's cases of `year` show. */
export async function evidenceOf(
  deps: Pick<SupervisionDeps, 'supervision'>,
  member: { tenant: ResolvedTenant; uscc: string },
  year: number,
): Promise<EvaluationEvidence> {
  const ctx = tenantContext(member.tenant);
  const orders = (
    (await deps.supervision.casesOf(
      ctx,
      member.uscc,
      'rectification',
    )) as unknown as Rectification[]
  ).filter((o) => inYear(o.createdAt, year) && o.status !== 'annulled');
  return {
    // Engagements and their ratings: 0 until engagement cases exist (issue 12 item 2).
    engagements: { ...NO_EVIDENCE.engagements },
    ratings: { ...NO_EVIDENCE.ratings },
    // Complaints: 0 until complaint cases exist (issue 12 item 3).
    complaints: { ...NO_EVIDENCE.complaints },
    rectifications: {
      ordered: orders.length,
      accepted: orders.filter((o) => o.status === 'accepted').length,
      failed: orders.filter((o) => o.status === 'rejected' || o.status === 'overdue').length,
    },
  };
}
