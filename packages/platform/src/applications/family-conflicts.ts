/**
 * Possible duplicates of the same entity (seed 002 §二(一)1: 同一主体的不同分公司或子公司不得
 * 重复参与遴选), shown to staff on both applications. They come from what organizations
 * declare about their parents, a claim one organization makes about another, so they are
 * never a refusal: the district reviewer checks them (区市初审和查重), with the parent's own
 * answer to each declaration beside it.
 */
import type { Application, ResolvedTenant } from '@sme/core';
import type { BranchAnswer } from '@sme/store';
import { tenantContext } from '@sme/store';
import type { Services } from './services.js';

export interface FamilyConflict {
  applicationId: string;
  uscc: string;
  orgName: string;
  region: string;
  track?: string;
  /**
   * How the two relate by declaration: the other is this applicant's declared parent,
   * declares this applicant its parent, or both name the same parent.
   */
  relation: 'declared_parent' | 'declared_branch' | 'same_parent';
  /** The parent's answer to each declaration involved, by the declaring organization. */
  parentAnswers: Record<string, BranchAnswer>;
}

export async function familyConflicts(
  services: Services,
  tenant: ResolvedTenant,
  app: Application,
): Promise<FamilyConflict[]> {
  const ctx = tenantContext(tenant);
  const root = app.entityUscc;
  const others = (await services.apps.familyApplications(ctx, root, app.programId)).filter(
    (f) => f.id !== app.id && f.uscc !== app.org.uscc,
  );
  if (others.length === 0) return [];
  const answers = new Map(
    (await services.orgs.branches(ctx, root)).map((b) => [b.uscc, b.state] as const),
  );
  const answerOf = (uscc: string): Record<string, BranchAnswer> =>
    uscc === root ? {} : { [uscc]: answers.get(uscc) ?? 'declared' };
  return others.map((other) => ({
    applicationId: other.id,
    uscc: other.uscc,
    orgName: other.orgName,
    region: other.region,
    ...(other.track && { track: other.track }),
    relation:
      other.uscc === root
        ? 'declared_parent'
        : app.org.uscc === root
          ? 'declared_branch'
          : 'same_parent',
    parentAnswers: { ...answerOf(app.org.uscc), ...answerOf(other.uscc) },
  }));
}
