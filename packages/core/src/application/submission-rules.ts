/**
 * What a submission must hold: every required field of its track, every required
 * document uploaded and verified, and every binding eligibility rule met. Guiding rules
 * (引导性) never refuse; they come back as flags for the reviewers.
 */

import type { RuleViolation } from '../errors.js';
import type { Region } from '../tenant/catalogue.schema.js';
import type { Program } from '../tenant/program.schema.js';
import type { EligibilityRule } from '../tenant/rule.schema.js';
import type { Application, ApplicationDocument } from './application.js';
import { ruleBinds } from './entry-rules.js';
import { formSchema, formViolations } from './form-validation.js';

export interface SubmissionCheck {
  violations: RuleViolation[];
  /** Guiding rules not met: shown to reviewers, never a refusal. */
  flags: RuleViolation[];
}

function applies(rule: EligibilityRule, app: Application): boolean {
  if (rule.tracks && (!app.track || !rule.tracks.includes(app.track))) return false;
  if (rule.categories && (!app.category || !rule.categories.includes(app.category))) return false;
  if (rule.when && app.fields[rule.when.field] !== rule.when.equals) return false;
  return true;
}

/** Whether the application meets one rule; `undefined` when data cannot tell (a reviewer checks). */
function meets(
  rule: EligibilityRule,
  app: Application,
  region: Region | undefined,
): boolean | undefined {
  switch (rule.kind) {
    case 'min-value': {
      const value = app.fields[rule.field];
      return typeof value === 'number' && value >= rule.min;
    }
    case 'min-date': {
      const value = app.fields[rule.field];
      return typeof value === 'string' && value >= rule.date;
    }
    case 'min-items': {
      const items = app.fields[rule.field];
      if (!Array.isArray(items)) return false;
      if (!rule.perAppliedIndustry) return items.length >= rule.min;
      const key = rule.perAppliedIndustry;
      return app.industries.every(
        (industry) =>
          items.filter((item) => (item as Record<string, unknown>)[key] === industry).length >=
          rule.min,
      );
    }
    case 'named':
      if (rule.rule === 'registered-in-province')
        return region !== undefined && region.kind !== 'elsewhere';
      // not-banned is enforced on every write; legal personality is for the reviewer.
      return undefined;
    default:
      // Entry rules were checked when the application was created or changed.
      return undefined;
  }
}

export function checkSubmission(
  program: Program,
  app: Application,
  documents: readonly ApplicationDocument[],
  region: Region | undefined,
): SubmissionCheck {
  const violations: RuleViolation[] = [];
  const flags: RuleViolation[] = [];

  const form = formSchema(program.fields, app.track, 'submit').safeParse(app.fields);
  if (!form.success)
    violations.push(...formViolations(program.fields, app.fields, form.error.issues));

  for (const spec of program.documents) {
    if (!spec.required || (spec.track && spec.track !== app.track)) continue;
    const uploaded = documents.filter((d) => d.kind === spec.kind);
    if (uploaded.length === 0) {
      violations.push({
        code: 'missing_document',
        path: `documents.${spec.kind}`,
        message: { zh: `缺少材料：${spec.label.zh}`, en: `Missing document: ${spec.label.en}` },
      });
    } else if (!uploaded.some((d) => d.status === 'verified')) {
      violations.push({
        code: 'unverified_document',
        path: `documents.${spec.kind}`,
        message: {
          zh: `材料尚未上传完成或未通过校验：${spec.label.zh}`,
          en: `Document not verified: ${spec.label.en}`,
        },
      });
    }
  }

  for (const rule of program.rules) {
    if (!applies(rule, app) || meets(rule, app, region) !== false) continue;
    const found = { code: 'eligibility', path: `rules.${rule.id}`, message: rule.message };
    if (ruleBinds(rule, app.track)) violations.push(found);
    else flags.push(found);
  }
  return { violations, flags };
}
