/**
 * Screening (形式审查): decides at once by the checks its stage lists. A ban, or a
 * second application of the organization itself, rejects; incompleteness and failed
 * eligibility return the application for correction. A declared branch or parent with
 * an application of its own is only a claim one organization makes about another: it
 * is noted for the district reviewer, never enforced here.
 */
import { checkEntryRules } from '../../application/entry-rules.js';
import { checkSubmission } from '../../application/submission-rules.js';
import type { Stage } from '../../tenant/stage.schema.js';
import { type AutomaticDecision, type StageKind, stageBase } from '../stage-kind.js';

type ScreeningStage = Extract<Stage, { kind: 'screening' }>;

const decided = (outcome: AutomaticDecision['outcome'], reason: string): AutomaticDecision => ({
  outcome,
  status: outcome === 'pass' ? 'in_review' : outcome === 'return' ? 'returned' : 'rejected',
  atStage: true,
  reason,
});

export const screening: StageKind<ScreeningStage> = {
  waits: false,
  enteredFrom: ['submitted', 'in_review'],
  awaited: 'in_review',
  passed: 'in_review',
  outcomes: () => ['pass', 'return', 'reject'],
  actor: () => ({ role: 'system' }),
  decidable: () => false,
  view: (stage) => ({ ...stageBase(stage), checks: stage.checks }),
  async decide(stage, facts) {
    const { app, program } = facts;
    const checks = new Set(stage.checks);
    if (checks.has('bans')) {
      const ban = await facts.ban();
      if (ban) return decided('reject', `形式审查：被禁止申报 / banned: ${ban.reason}`);
    }
    let familyNote = '';
    if (checks.has('duplicate-entity')) {
      // The organization's own applications: what it chose itself binds it.
      const clash = checkEntryRules(program, app, await facts.ownApplications()).find(
        (v) => v.code === 'duplicate_entity' || v.code === 'track_combination_not_allowed',
      );
      if (clash) return decided('reject', `形式审查查重：${clash.message.zh}`);
      const family = await facts.familyApplications();
      if (family.length > 0)
        familyNote = `；疑似同一主体的其他申报 ${family.length} 项，提请区市初审核查 / possible duplicate entity, for the district reviewer`;
    }
    const { violations } = checkSubmission(program, app, facts.documents, facts.region);
    const found = violations.filter((v) =>
      v.code === 'eligibility' ? checks.has('eligibility') : checks.has('completeness'),
    );
    if (found.length > 0)
      return decided('return', `形式审查退回更正：${found.map((v) => v.message.zh).join('；')}`);
    return decided('pass', `形式审查通过 / screening passed${familyNote}`);
  },
};
