/**
 * Which of a tenant's supervision rules govern a member, read from its `supervision`
 * section: a rule governs the members listed in one of its `programs` (every member
 * when it names none). Nothing here is a rule of its own; each answer cites the rule.
 */
import type { Clause } from '../tenant/common.schema.js';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import type { SupervisionRule } from '../tenant/supervision.schema.js';

export type RuleOf<K extends SupervisionRule['kind']> = Extract<SupervisionRule, { kind: K }>;

/** The tenant's rules of a kind that govern a member listed in `programs`. */
export function rulesFor<K extends SupervisionRule['kind']>(
  tenant: ResolvedTenant,
  kind: K,
  programs: readonly string[],
): RuleOf<K>[] {
  return tenant.supervision.rules.filter(
    (rule): rule is RuleOf<K> =>
      rule.kind === kind && (!rule.programs || rule.programs.some((p) => programs.includes(p))),
  );
}

/** A ground of one of the member's rules of a kind, with the rule it belongs to. */
export function groundOf<
  K extends 'rectification' | 'disqualification' | 'appeal' | 'ban' | 'complaint',
>(
  tenant: ResolvedTenant,
  kind: K,
  programs: readonly string[],
  groundId: string,
): { rule: RuleOf<K>; ground: Clause } | undefined {
  for (const rule of rulesFor(tenant, kind, programs)) {
    const grounds: readonly Clause[] = 'grounds' in rule ? rule.grounds : [];
    const ground = grounds.find((g) => g.id === groundId);
    if (ground) return { rule, ground };
  }
  return undefined;
}

/**
 * The grounds on which a member may be disqualified: those of the disqualification
 * rules, and those of the ban rules (a ground that bans ends the place in the pool too).
 */
export function disqualificationGround(
  tenant: ResolvedTenant,
  programs: readonly string[],
  groundId: string,
):
  | { rule: RuleOf<'disqualification'> | RuleOf<'ban'>; ground: Clause; ban?: RuleOf<'ban'> }
  | undefined {
  const bans = rulesFor(tenant, 'ban', programs);
  const own = groundOf(tenant, 'disqualification', programs, groundId);
  if (own) {
    const ban = bans.find(
      (b) =>
        b.onDisqualification?.includes(own.rule.id) || b.grounds.some((g) => g.id === groundId),
    );
    return { ...own, ...(ban && { ban }) };
  }
  const banning = groundOf(tenant, 'ban', programs, groundId);
  return banning && { ...banning, ban: banning.rule };
}

/** Every ground a member may be disqualified on, for the form that lists them. */
export function disqualificationGrounds(
  tenant: ResolvedTenant,
  programs: readonly string[],
): Clause[] {
  const rules = [
    ...rulesFor(tenant, 'disqualification', programs),
    ...rulesFor(tenant, 'ban', programs),
  ];
  const seen = new Set<string>();
  return rules.flatMap((rule) => rule.grounds.filter((g) => !seen.has(g.id) && seen.add(g.id)));
}
