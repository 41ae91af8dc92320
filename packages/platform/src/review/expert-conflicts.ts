/**
 * The experts who may not judge an application: those the pool records a conflict for
 * with the applicant (or the entity it declares), and those who declared one at any
 * panel of it. A conflict keeps the expert off every panel of the application, away
 * from its scores and from its documents.
 */
import type { Application, ResolvedTenant } from '@sme/core';
import { type Expert, type PanelScore, tenantContext } from '@sme/store';
import type { Services } from '../applications/services.js';

type Applicant = Pick<Application, 'id' | 'org' | 'entityUscc'>;

export async function conflictedExperts(
  services: Pick<Services, 'experts' | 'panels'>,
  tenant: ResolvedTenant,
  app: Applicant,
): Promise<Set<string>> {
  const ctx = tenantContext(tenant);
  const [pool, answers] = await Promise.all([
    services.experts.pool(ctx),
    services.panels.answers(ctx, app.id),
  ]);
  return conflictsAmong(app, pool, answers);
}

/** Of `experts`, those in conflict, given every answer at the application's panels. */
export function conflictsAmong(
  app: Applicant,
  experts: readonly Expert[],
  answers: readonly PanelScore[],
): Set<string> {
  return new Set([
    ...experts
      .filter((e) => e.conflicts.includes(app.org.uscc) || e.conflicts.includes(app.entityUscc))
      .map((e) => e.expertId),
    ...answers.filter((s) => s.conflict).map((s) => s.expertId),
  ]);
}
