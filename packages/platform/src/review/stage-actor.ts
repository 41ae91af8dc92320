/**
 * Who acts at a stage for an application: the stage's role, and for a district's
 * review the district. The 'registered elsewhere' bucket has no district bureau, so the
 * city bureau reviews it. Tasks are opened for this actor, and a decision is refused to
 * anyone else before anything about the application's state is said.
 */
import type { Application, ResolvedTenant, Stage } from '@sme/core';

export interface StageActor {
  role: string;
  /** The district whose reviewer acts; absent when the whole city (or province) does. */
  region?: string;
}

export function stageActor(
  tenant: ResolvedTenant,
  stage: Stage,
  app: Pick<Application, 'org'>,
): StageActor {
  if (stage.kind === 'screening') return { role: 'system' };
  if (stage.kind !== 'manual' || stage.scope !== 'region') return { role: stage.role };
  const region = tenant.regions.find((r) => r.id === app.org.region);
  if (region?.reviewedBy === 'tenant') return { role: 'city_admin' };
  return { role: stage.role, region: app.org.region };
}
