/**
 * Where a panel stands: the stage (a panel stage of the program, or 422) and its
 * waiting task (the application in review at that stage, or 409 stale_stage). Callers
 * check who may act before asking where the panel stands, so a stranger learns nothing
 * from a 409.
 */
import { type Application, type ResolvedTenant, type Stage, StaleStageError } from '@sme/core';
import type { ReviewTask, TableItem } from '@sme/store';
import { tenantContext } from '@sme/store';
import type { Services } from '../applications/services.js';
import { InvalidRequestError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';

export type PanelStage = Extract<Stage, { kind: 'panel' }>;

export const scoringTaskId = (stage: string, expertId: string) => `${stage}-score-${expertId}`;

export function panelStageOf(
  tenant: ResolvedTenant,
  app: Application,
  stageId: string,
): PanelStage {
  const stage = programOf(tenant, app.programId).stages.find((s) => s.id === stageId);
  if (stage?.kind !== 'panel') throw notAPanel(stageId);
  return stage;
}

/**
 * The panel task the workflow waits on, from a batch read that asked for its
 * `waitingKey` with the application; or 409 stale_stage.
 */
export async function waitingPanelTask(
  services: Services,
  tenant: ResolvedTenant,
  app: Application,
  stage: PanelStage,
  items: ReadonlyMap<string, TableItem>,
): Promise<ReviewTask> {
  assertAtPanel(app, stage);
  const task = await services.tasks.waitingIn(tenantContext(tenant), app.id, stage.id, items);
  if (task?.kind !== 'panel') throw new StaleStageError(stage.id, app.stage);
  return task;
}

/**
 * Refuses (409 stale_stage) unless the application is in review at the panel's stage.
 * Not the whole answer: a decided panel's task is closed while the application stays at
 * its stage until the run moves it on. Enough where a closed task refuses the write
 * anyway (an expert's score); `waitingPanelTask` where nothing else would.
 */
export function assertAtPanel(app: Application, stage: PanelStage): void {
  if (app.status !== 'in_review' || app.stage !== stage.id)
    throw new StaleStageError(stage.id, app.stage);
}

/** Refuses a stage id that is no panel stage of the tenant before it names a key to read. */
export function assertPanelStageId(tenant: ResolvedTenant, stageId: string): void {
  const known = tenant.programs.some((p) =>
    p.stages.some((s) => s.kind === 'panel' && s.id === stageId),
  );
  if (!known) throw notAPanel(stageId);
}

const notAPanel = (stageId: string) =>
  new InvalidRequestError(
    'not_a_panel',
    { zh: `${stageId} 不是专家评审环节`, en: `${stageId} is not a panel stage` },
    'stage',
  );
