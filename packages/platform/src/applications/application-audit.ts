/**
 * Recomputes an application's history chain from storage and says where it breaks
 * (`auditChain` in core): every event's hash, its link to the one before, the sequence,
 * and whether the stored application and its documents are what the latest event
 * recorded. Used by staff (`GET …/audit`) and by `pnpm audit:verify`.
 */
import { auditChain, type ChainAudit, contentDigestOf } from '@sme/core';
import type { ApplicationRepository, TenantContext } from '@sme/store';

export async function auditApplication(
  apps: ApplicationRepository,
  ctx: TenantContext,
  applicationId: string,
): Promise<ChainAudit | undefined> {
  const [record, events] = await Promise.all([
    apps.get(ctx, applicationId),
    apps.history(ctx, applicationId),
  ]);
  if (!record) return undefined;
  const { application, documents } = record;
  return auditChain(events, {
    state: application,
    content: contentDigestOf(application, documents),
  });
}
