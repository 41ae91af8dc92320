/**
 * A manual stage: the role and scope it names decide pass, return for correction or
 * reject, with a due date. A district's review goes to the district's reviewer; the
 * 'registered elsewhere' bucket has no district bureau, so the city bureau reviews it.
 */
import type { Stage } from '../../tenant/stage.schema.js';
import { type StageKind, stageBase } from '../stage-kind.js';

type ManualStage = Extract<Stage, { kind: 'manual' }>;

export const manual: StageKind<ManualStage> = {
  waits: true,
  enteredFrom: ['submitted', 'in_review', 'publicity'],
  awaited: 'in_review',
  passed: 'in_review',
  outcomes: (stage) => stage.outcomes,
  actor(stage, region, app) {
    if (stage.scope !== 'region') return { role: stage.role };
    if (region?.reviewedBy === 'tenant') return { role: 'city_admin' };
    return { role: stage.role, region: app.org.region };
  },
  decidable: () => true,
  view: (stage) => ({
    ...stageBase(stage),
    role: stage.role,
    scope: stage.scope,
    outcomes: stage.outcomes,
    siteCheck: stage.siteCheck,
    ...(stage.due && { due: stage.due }),
  }),
};
