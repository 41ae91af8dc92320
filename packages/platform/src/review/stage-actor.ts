/**
 * Who acts at a stage for an application (the stage kind says: `STAGE_KINDS`). Tasks
 * are opened for this actor, and a decision is refused to anyone else before anything
 * about the application's state is said.
 */
import {
  type Application,
  kindOf,
  type ResolvedTenant,
  type Stage,
  type StageActor,
} from '@sme/core';

export type { StageActor };

export function stageActor(
  tenant: ResolvedTenant,
  stage: Stage,
  app: Pick<Application, 'org'>,
): StageActor {
  const region = tenant.regions.find((r) => r.id === app.org.region);
  return kindOf(stage).actor(stage, region, app);
}
