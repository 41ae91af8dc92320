/**
 * Every kind of review stage. A kind added to the stage schema does not compile until
 * it is registered here, with everything the compiler, the stage handler, the
 * decision and the catalogue need.
 */
import type { Stage } from '../tenant/stage.schema.js';
import { manual } from './manual/index.js';
import { panel } from './panel/index.js';
import { publicity } from './publicity/index.js';
import { publish } from './publish/index.js';
import { screening } from './screening/index.js';
import type { StageKind } from './stage-kind.js';

export const STAGE_KINDS = {
  screening,
  manual,
  panel,
  publicity,
  publish,
} satisfies { [K in Stage['kind']]: StageKind<Extract<Stage, { kind: K }>> };

/** The kind of a stage, typed for it. */
export function kindOf<S extends Stage>(stage: S): StageKind<S> {
  return STAGE_KINDS[stage.kind] as unknown as StageKind<S>;
}

/** The kind of a task's stage, if the task is a stage's own (not a resubmission, score, …). */
export function kindOfTask(taskKind: string): StageKind | undefined {
  return (STAGE_KINDS as Record<string, StageKind | undefined>)[taskKind];
}
