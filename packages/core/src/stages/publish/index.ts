/**
 * Publication: decides at once, and the application is listed: a provider in the pool,
 * a pilot enterprise among the tenant's pilots (`listsPilots`).
 */
import { listsPilots } from '../../tenant/pilots.js';
import type { Stage } from '../../tenant/stage.schema.js';
import { type StageKind, stageBase } from '../stage-kind.js';

type PublishStage = Extract<Stage, { kind: 'publish' }>;

export const publish: StageKind<PublishStage> = {
  waits: false,
  enteredFrom: ['submitted', 'in_review', 'publicity'],
  awaited: 'in_review',
  passed: 'listed',
  outcomes: () => ['pass'],
  actor: (stage) => ({ role: stage.role }),
  decidable: () => false,
  view: (stage) => ({ ...stageBase(stage), role: stage.role }),
  decide: async (_stage, { program }) => ({
    outcome: 'pass',
    status: 'listed',
    atStage: false,
    reason: listsPilots(program)
      ? '列入试点企业名单 / listed as a pilot enterprise'
      : '列入资源池 / listed',
    listed: true,
  }),
};
