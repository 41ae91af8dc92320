/**
 * Publicity (公示): the application waits to be put in a notice, is `publicity` while
 * it runs, and is settled by the end of the notice or an upheld objection, never by a
 * person's decision on the task. Passing leaves it in publicity until it is published.
 */
import type { Stage } from '../../tenant/stage.schema.js';
import { type StageKind, stageBase } from '../stage-kind.js';

type PublicityStage = Extract<Stage, { kind: 'publicity' }>;

export const publicity: StageKind<PublicityStage> = {
  waits: true,
  enteredFrom: ['submitted', 'in_review', 'publicity'],
  awaited: 'publicity',
  passed: 'publicity',
  outcomes: () => ['pass', 'reject'],
  actor: (stage) => ({ role: stage.role }),
  decidable: () => false,
  view: (stage) => ({ ...stageBase(stage), role: stage.role, workingDays: stage.workingDays }),
};
