/**
 * Screening (形式审查) runs the checks its stage lists. A ban, or a second application
 * of the organization itself, rejects; incompleteness and failed eligibility return
 * the application for correction. A declared branch or parent with an application of
 * its own is only a claim one organization makes about another: it is noted for the
 * district reviewer, never enforced here.
 */
import {
  checkEntryRules,
  checkSubmission,
  type Program,
  type ResolvedTenant,
  type Stage,
} from '@sme/core';
import type {
  ApplicationRecord,
  ApplicationRepository,
  BanRepository,
  OrganizationRepository,
} from '@sme/store';
import { tenantContext } from '@sme/store';
import type { Outcome } from '@sme/workflow';
import { banInForce } from '../organizations/ban-in-force.js';

type ScreeningStage = Extract<Stage, { kind: 'screening' }>;

export interface ScreeningDeps {
  apps: ApplicationRepository;
  bans: BanRepository;
  orgs: OrganizationRepository;
}

export async function screen(
  deps: ScreeningDeps,
  tenant: ResolvedTenant,
  program: Program,
  stage: ScreeningStage,
  record: ApplicationRecord,
  now: Date,
): Promise<{ outcome: Outcome; reason: string }> {
  const app = record.application;
  const ctx = tenantContext(tenant);
  const checks = new Set(stage.checks);
  if (checks.has('bans')) {
    const ban = await banInForce(deps, tenant, app.org.uscc, now);
    if (ban) return { outcome: 'reject', reason: `形式审查：被禁止申报 / banned: ${ban.reason}` };
  }
  let familyNote = '';
  if (checks.has('duplicate-entity')) {
    // The organization's own submitted applications: what it chose itself binds it.
    const own = (await deps.apps.orgApplications(ctx, app.org.uscc, program.id)).filter(
      (s) => s.id !== app.id && s.status !== 'draft',
    );
    const clash = checkEntryRules(program, app, own).find(
      (v) => v.code === 'duplicate_entity' || v.code === 'track_combination_not_allowed',
    );
    if (clash) return { outcome: 'reject', reason: `形式审查查重：${clash.message.zh}` };
    const family = (await deps.apps.familyApplications(ctx, app.entityUscc, program.id)).filter(
      (f) => f.id !== app.id,
    );
    if (family.length > 0)
      familyNote = `；疑似同一主体的其他申报 ${family.length} 项，提请区市初审核查 / possible duplicate entity, for the district reviewer`;
  }
  const region = tenant.regions.find((r) => r.id === app.org.region);
  const { violations } = checkSubmission(program, app, record.documents, region);
  const found = violations.filter((v) =>
    v.code === 'eligibility' ? checks.has('eligibility') : checks.has('completeness'),
  );
  if (found.length > 0) {
    return {
      outcome: 'return',
      reason: `形式审查退回更正：${found.map((v) => v.message.zh).join('；')}`,
    };
  }
  return { outcome: 'pass', reason: `形式审查通过 / screening passed${familyNote}` };
}
