/**
 * What a tenant's evaluation rules name must exist: the grades their thresholds give,
 * the indicators they score, and the grounds a failing grade orders or proposes. A
 * rule that grades (has thresholds) also needs the grade below every threshold,
 * `unqualified`, and every grading rule of a tenant is opened by one role, so one
 * admin opens and publishes a year.
 */
import type { ResolvedTenant } from './resolve-tenants.js';

interface Problem {
  path: string;
  message: string;
}

export function checkEvaluationRules(tenant: ResolvedTenant): Problem[] {
  const problems: Problem[] = [];
  const rules = tenant.supervision.rules;
  const indicators = new Set(tenant.supervision.indicators.map((i) => i.id));
  const groundsOf = (kind: 'rectification' | 'disqualification') =>
    new Set(rules.flatMap((rule) => (rule.kind === kind ? rule.grounds.map((g) => g.id) : [])));
  const rectificationGrounds = groundsOf('rectification');
  const disqualificationGrounds = groundsOf('disqualification');
  const gradingRoles = new Set<string>();

  rules.forEach((rule, r) => {
    if (rule.kind !== 'evaluation') return;
    const at = `supervision.rules[${r}]`;
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) problems.push({ path: `${at}.${path}`, message });
    };
    const grades = new Set(rule.grades.map((g) => g.id));
    rule.thresholds.forEach((threshold, t) => {
      need(grades.has(threshold.grade), `thresholds[${t}].grade`, `not one of the rule's grades`);
    });
    if (rule.thresholds.length > 0) {
      gradingRoles.add(rule.by);
      need(grades.has('unqualified'), 'grades', 'a rule that grades needs "unqualified"');
      need(
        (rule.indicators ?? [...indicators]).length > 0,
        'indicators',
        'a rule that grades needs at least one indicator to score',
      );
    }
    rule.indicators?.forEach((id, i) => {
      need(indicators.has(id), `indicators[${i}]`, `no indicator "${id}"`);
    });
    need(
      !rule.rectificationGround || rectificationGrounds.has(rule.rectificationGround),
      'rectificationGround',
      `no rectification rule lists "${rule.rectificationGround}"`,
    );
    need(
      !rule.rectifyBeforeRemoval || rule.thresholds.length === 0 || !!rule.rectificationGround,
      'rectificationGround',
      'a rule that rectifies before removal names the ground it orders',
    );
    need(
      !rule.removalGround || disqualificationGrounds.has(rule.removalGround),
      'removalGround',
      `no disqualification rule lists "${rule.removalGround}"`,
    );
  });
  if (gradingRoles.size > 1) {
    problems.push({
      path: 'supervision.rules',
      message: `the rules that grade are opened by different roles: ${[...gradingRoles].join(', ')}`,
    });
  }
  return problems;
}
