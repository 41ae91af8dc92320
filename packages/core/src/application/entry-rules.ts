/**
 * Rules checked when an application is created or its track, category or industries
 * change: what the program offers, how many industries, and what the same entity
 * (branches and subsidiaries counted as their parent) already holds in the program.
 */

import type { RuleViolation } from '../errors.js';
import type { Program } from '../tenant/program.schema.js';
import type { EligibilityRule } from '../tenant/rule.schema.js';

export interface EntryChoice {
  track?: string | undefined;
  category?: string | undefined;
  industries: readonly string[];
}

/** Another live application of the same entity in the same program. */
export interface SiblingApplication {
  id: string;
  track?: string | undefined;
}

const violation = (code: string, path: string, zh: string, en: string): RuleViolation => ({
  code,
  path,
  message: { zh, en },
});

/** Whether a rule binds (guiding rules only flag) and applies to this track. */
export function ruleBinds(rule: EligibilityRule, track: string | undefined): boolean {
  return (
    rule.strength !== 'guiding' &&
    (!rule.tracks || (track !== undefined && rule.tracks.includes(track)))
  );
}

function offerViolations(program: Program, choice: EntryChoice): RuleViolation[] {
  const found: RuleViolation[] = [];
  const tracks = program.tracks.map((t) => t.id);
  if (tracks.length > 0 && !choice.track) {
    found.push(
      violation(
        'track_required',
        'track',
        '请选择申报类型',
        `Choose a track: ${tracks.join(', ')}`,
      ),
    );
  } else if (choice.track && !tracks.includes(choice.track)) {
    found.push(
      violation(
        'track_not_offered',
        'track',
        '该申报项目不设此类型',
        `Track ${choice.track} is not offered`,
      ),
    );
  }
  if (program.categories.length > 0 && !choice.category) {
    found.push(violation('category_required', 'category', '请选择服务商类别', 'Choose a category'));
  } else if (choice.category && !program.categories.includes(choice.category)) {
    found.push(
      violation(
        'category_not_offered',
        'category',
        '该申报项目不设此类别',
        `Category ${choice.category} is not offered`,
      ),
    );
  }
  if (program.industries.length > 0 && choice.industries.length === 0) {
    found.push(
      violation(
        'industry_required',
        'industries',
        '请选择细分行业方向',
        'Choose at least one industry',
      ),
    );
  }
  choice.industries.forEach((industry, i) => {
    if (!program.industries.includes(industry)) {
      found.push(
        violation(
          'industry_not_offered',
          `industries[${i}]`,
          '该申报项目不含此行业',
          `Industry ${industry} is not offered`,
        ),
      );
    }
  });
  if (new Set(choice.industries).size !== choice.industries.length) {
    found.push(
      violation('duplicate_industry', 'industries', '行业方向重复', 'An industry is listed twice'),
    );
  }
  return found;
}

function ruleViolations(
  program: Program,
  choice: EntryChoice,
  siblings: readonly SiblingApplication[],
): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const rule of program.rules) {
    if (!ruleBinds(rule, choice.track)) continue;
    if (rule.kind === 'max-industries' && choice.industries.length > rule.max) {
      found.push({ code: 'too_many_industries', path: 'industries', message: rule.message });
    }
    if (rule.kind === 'one-per-entity') {
      const clash = siblings.some((s) => rule.per === 'program' || s.track === choice.track);
      if (clash) found.push({ code: 'duplicate_entity', path: 'org', message: rule.message });
    }
    if (rule.kind === 'track-combinations' && choice.track) {
      const allowed = (other: string | undefined) =>
        other === choice.track ||
        rule.allowed.some(
          ([a, b]) => (a === choice.track && b === other) || (b === choice.track && a === other),
        );
      if (siblings.some((s) => !allowed(s.track))) {
        found.push({ code: 'track_combination_not_allowed', path: 'track', message: rule.message });
      }
    }
  }
  return found;
}

/** Every entry rule the choice breaks; empty when it may proceed. */
export function checkEntryRules(
  program: Program,
  choice: EntryChoice,
  siblings: readonly SiblingApplication[],
): RuleViolation[] {
  return [...offerViolations(program, choice), ...ruleViolations(program, choice, siblings)];
}
