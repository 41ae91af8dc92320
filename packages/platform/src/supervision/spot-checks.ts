/**
 * Spot checks (抽查): the role a tenant's `spot-check` rule names (the city bureau in
 * Jinan and Jining, the province for its pool) records a phone follow-up, a ledger
 * review or a site visit of a member, with its findings (001 §五(二); 004 §二(二)). A
 * record, listed under the member with its history; it changes nothing else. Recording
 * honours `Idempotency-Key`: a re-posted form records nothing twice.
 */
import {
  type ResolvedTenant,
  recordCaseChange,
  rulesFor,
  SPOT_CHECK_METHOD_NAMES,
  type SpotCheck,
  type SpotCheckMethod,
} from '@sme/core';
import { tenantContext } from '@sme/store';
import { hasRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { createOrReplay, keyedCreate } from '../cases/keyed-create.js';
import { ForbiddenError } from '../errors.js';
import { caseState } from './complaint-reads.js';
import type { Members } from './members.js';
import { isStaffOf } from './service-access.js';
import { actorOf, findCase, type SupervisionDeps, writeCases } from './supervision-deps.js';
import { EngagementMismatchError } from './supervision-errors.js';

const SPOT_CHECK = { zh: '抽查记录', en: 'The spot check' };

export class SpotChecks {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
  ) {}

  get(tenant: ResolvedTenant, id: string): Promise<SpotCheck> {
    return findCase(this.deps.supervision.spotChecks, tenant, id, SPOT_CHECK);
  }

  /**
   * Every spot check of the tenant's members, newest first, each with the member's name,
   * for staff. A removed member is no longer in the pool but still has a status item,
   * so its checks stay listed.
   */
  async all(tenant: ResolvedTenant, claims: Claims): Promise<(SpotCheck & { name: string })[]> {
    if (!isStaffOf(claims, tenant))
      throw new ForbiddenError({ zh: '仅主管部门可查看抽查记录', en: 'Staff only' });
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const [pool, statuses] = await Promise.all([
      this.deps.notices.pool(ctx),
      repo.memberStatuses(ctx),
    ]);
    const names = new Map(pool.map((entry) => [entry.uscc, entry.orgName]));
    const usccs = [...new Set([...names.keys(), ...statuses.keys()])];
    const lists = await Promise.all(
      usccs.map(async (uscc) => {
        const checks = (await repo.casesOf(ctx, uscc, 'spot_check')).map((item) =>
          caseState<SpotCheck>(item),
        );
        if (checks.length === 0) return [];
        const name = names.get(uscc) ?? (await repo.members.get(ctx, uscc))?.name ?? uscc;
        return checks.map((check) => ({ ...check, name }));
      }),
    );
    return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async record(
    tenant: ResolvedTenant,
    claims: Claims,
    input: {
      uscc: string;
      method: SpotCheckMethod;
      findings: string;
      engagementId?: string | undefined;
    },
    key?: string,
  ): Promise<SpotCheck> {
    const { member, programs } = await this.members.load(tenant, input.uscc);
    const rule = rulesFor(tenant, 'spot-check', programs).find(
      (r) => claims.tenant === tenant.id && hasRole(claims, r.by),
    );
    if (!rule)
      throw new ForbiddenError({
        zh: '本地监管规则未授权您对该服务商进行抽查',
        en: "The tenant's rules do not let you spot-check this member",
      });
    const ctx = tenantContext(tenant);
    if (input.engagementId) {
      const engagement = await this.deps.supervision.engagements.get(ctx, input.engagementId);
      if (engagement?.uscc !== member.uscc) throw new EngagementMismatchError();
    }
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const keyed = key
      ? keyedCreate('spot_check', [member.uscc, claims.sub], key, input)
      : undefined;
    const { state, event } = recordCaseChange<'recorded', SpotCheck>({
      previous: null,
      next: {
        ...(keyed ?? { id: this.deps.newId() }),
        tenant: tenant.id,
        status: 'recorded',
        version: 1,
        createdAt: at,
        updatedAt: at,
        uscc: member.uscc,
        rule: rule.id,
        method: input.method,
        findings: input.findings,
        ...(input.engagementId && { engagementId: input.engagementId }),
        createdBy: claims.sub,
      },
      actor: actorOf(claims),
      at: now,
      reason: `${rule.name.zh}（${rule.source}）：${SPOT_CHECK_METHOD_NAMES[input.method].zh}`,
    });
    const repo = this.deps.supervision.spotChecks;
    const recorded = async () => {
      const first = await repo.get(ctx, state.id);
      return first?.uscc === member.uscc ? first : undefined;
    };
    return createOrReplay(
      () => writeCases(this.deps, ctx, repo.createOps(ctx, state, event), SPOT_CHECK),
      state,
      keyed ? recorded : undefined,
    );
  }
}
