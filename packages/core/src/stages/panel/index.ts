/**
 * An expert panel: experts score a rubric; a pass-mark panel decides by its average, a
 * ranking panel is decided by its convenor once every assigned expert has answered.
 */
import type { Stage } from '../../tenant/stage.schema.js';
import { type StageKind, stageBase } from '../stage-kind.js';

type PanelStage = Extract<Stage, { kind: 'panel' }>;

export const panel: StageKind<PanelStage> = {
  waits: true,
  enteredFrom: ['submitted', 'in_review', 'publicity'],
  awaited: 'in_review',
  passed: 'in_review',
  outcomes: () => ['pass', 'reject'],
  actor: (stage) => ({ role: stage.role }),
  decidable: (task) => task.ready === true,
  view: (stage) => ({
    ...stageBase(stage),
    role: stage.role,
    scope: stage.scope,
    criteria: stage.criteria,
    weights: stage.weights,
    minExperts: stage.minExperts,
    decision: stage.decision,
    ...(stage.decision.passMark !== undefined && { passMark: stage.decision.passMark }),
    defence: stage.defence,
  }),
};
