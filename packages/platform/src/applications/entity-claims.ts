/**
 * The claims that keep one application per organization (and track) under concurrency:
 * items under the organization's own key, taken when it submits and given back when the
 * application ends. They name only the organization itself, so no one can take a claim
 * in another's name; a declared parent is a matter for the district reviewer
 * (`family-conflicts.ts`).
 */
import type { Application, Program } from '@sme/core';

export function claimsFor(program: Program, app: Pick<Application, 'track'>): string[] {
  return program.rules.flatMap((rule) => {
    if (rule.kind !== 'one-per-entity' || rule.strength === 'guiding') return [];
    return [rule.per === 'track' ? `${program.id}:${app.track ?? '-'}` : program.id];
  });
}
