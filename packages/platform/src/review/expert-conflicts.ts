/**
 * The experts who may not judge an application: those the pool records a conflict for
 * with the applicant (or the entity it declares), and those who declared one at any
 * panel of it. A conflict keeps the expert off every panel of the application, away
 * from its scores and from its documents.
 */
import type { Application, ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import type { Services } from '../applications/services.js';

export async function conflictedExperts(
  services: Pick<Services, 'experts' | 'panels'>,
  tenant: ResolvedTenant,
  app: Pick<Application, 'id' | 'org' | 'entityUscc'>,
): Promise<Set<string>> {
  const ctx = tenantContext(tenant);
  const [pool, declared] = await Promise.all([
    services.experts.pool(ctx),
    services.panels.declaredConflicts(ctx, app.id),
  ]);
  return new Set([
    ...pool
      .filter((e) => e.conflicts.includes(app.org.uscc) || e.conflicts.includes(app.entityUscc))
      .map((e) => e.expertId),
    ...declared,
  ]);
}
