/**
 * What an engagement keeps beside its case. Under the enterprise's own key
 * (`T#<t>#ENTERPRISE#<uscc>`): a summary of each of its engagements, rewritten with
 * every change, so the enterprise reads its engagements with one query; and the claims
 * of exclusive services (002 §二(一)7), one per provider and rule, naming the service the
 * provider holds for the enterprise. A claim is written in the engagement's own
 * transaction, only if free or already the same service, so two requests racing for
 * the two services of one rule cannot both succeed.
 */
import type { Engagement } from '@sme/core';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';

export const enterprisePk = (ctx: TenantContext, enterpriseUscc: string) =>
  tenantKey(ctx, 'ENTERPRISE', enterpriseUscc);

/** The engagement as the enterprise's list shows it. */
export interface EngagementSummary {
  id: string;
  uscc: string;
  providerName: string;
  kind: Engagement['kind'];
  title: string;
  status: Engagement['status'];
  /** The milestone the enterprise has yet to confirm, if any. */
  awaiting?: string;
  createdAt: string;
  updatedAt: string;
}

export const ENGAGEMENT_SUMMARY_PREFIX = 'ENGAGEMENT#';

/** The enterprise's summary of an engagement, written with each of its changes. */
export function engagementSummaryOps(
  ctx: TenantContext,
  _previous: Engagement | null,
  next: Engagement,
): TransactOp[] {
  const last = next.milestones.at(-1);
  const summary: EngagementSummary = {
    id: next.id,
    uscc: next.uscc,
    providerName: next.providerName,
    kind: next.kind,
    title: next.title,
    status: next.status,
    ...(last && !last.confirmedAt && { awaiting: last.kind }),
    createdAt: next.createdAt,
    updatedAt: next.updatedAt,
  };
  return [
    {
      put: {
        pk: enterprisePk(ctx, next.enterpriseUscc),
        sk: `${ENGAGEMENT_SUMMARY_PREFIX}${next.createdAt}#${next.id}`,
        ...summary,
      },
    },
  ];
}

/**
 * Takes (or keeps) a provider's exclusive service for an enterprise under one rule:
 * refused, with a conditional-check failure, when the provider holds another service
 * of the rule for that enterprise.
 */
export function exclusiveClaimOp(
  ctx: TenantContext,
  claim: {
    rule: string;
    service: string;
    providerUscc: string;
    enterpriseUscc: string;
    engagementId: string;
  },
): TransactOp {
  return {
    update: {
      pk: enterprisePk(ctx, claim.enterpriseUscc),
      sk: `EXCLUSIVE#${claim.rule}#${claim.providerUscc}`,
    },
    expression:
      'SET #service = :service, firstEngagement = if_not_exists(firstEngagement, :id) ADD engagements :one',
    condition: 'attribute_not_exists(#service) OR #service = :service',
    names: { '#service': 'service' },
    values: { ':service': claim.service, ':id': claim.engagementId, ':one': 1 },
  };
}
