/**
 * Disqualification (取消资格, API.md "Supervision"): on a ground the tenant's rules list,
 * the supervisor removes a member from the pool with reasons. The member is `removed`
 * (the pool no longer shows it), a public notice is published where the rule says so,
 * the member's open proposals are closed, and a ground that bans (a ban rule's own, or
 * any ground of a rule a ban follows) bars the organization in every city of the
 * province for the period the ban rule computes; the ban lapses by itself.
 */
import {
  banUntil,
  type Disqualification,
  disqualificationGround,
  type ResolvedTenant,
  recordCaseChange,
} from '@sme/core';
import {
  type Ban,
  banOps,
  closeTaskOp,
  type DisqualificationNotice,
  type TransactOp,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { type Members, memberChange } from './members.js';
import {
  actorOf,
  assertSupervisor,
  findCase,
  type SupervisionDeps,
  writeCases,
} from './supervision-deps.js';
import { MemberRemovedError, UnknownGroundError } from './supervision-errors.js';

const DISQUALIFICATION = { zh: '取消资格决定', en: 'The disqualification' };

export class Disqualifications {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
  ) {}

  get(tenant: ResolvedTenant, id: string): Promise<Disqualification> {
    return findCase(this.deps.supervision.disqualifications, tenant, id, DISQUALIFICATION);
  }

  /** The published notices of disqualification (public), newest first. */
  async notices(tenant: ResolvedTenant): Promise<DisqualificationNotice[]> {
    return this.deps.supervision.disqualificationNotices(tenantContext(tenant));
  }

  async disqualify(
    tenant: ResolvedTenant,
    claims: Claims,
    input: { uscc: string; ground: string; detail: string },
  ): Promise<Disqualification> {
    assertSupervisor(claims, tenant);
    const { member, programs } = await this.members.load(tenant, input.uscc);
    if (member.status === 'removed') throw new MemberRemovedError();
    const found = disqualificationGround(tenant, programs, input.ground);
    if (!found) throw new UnknownGroundError(input.ground);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const actor = actorOf(claims);
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const id = this.deps.newId();
    const ops: TransactOp[] = [];
    let ban: Disqualification['ban'];
    if (found.ban) {
      const record: Ban = {
        id: this.deps.newId(),
        uscc: member.uscc,
        reason: `${found.ground.zh}（${found.ban.name.zh}，${found.ban.source}）`,
        until: banUntil(found.ban, now).toISOString(),
        createdAt: at,
        createdBy: claims.sub,
        source: { tenant: tenant.id, kind: 'disqualification', id, rule: found.ban.id },
      };
      ops.push(...banOps(ctx, record));
      ban = { id: record.id, rule: found.ban.id, until: record.until };
    }
    const { state, event } = recordCaseChange<Disqualification['status'], Disqualification>({
      previous: null,
      next: {
        id,
        tenant: tenant.id,
        status: 'in_force',
        version: 1,
        createdAt: at,
        updatedAt: at,
        uscc: member.uscc,
        name: member.name,
        rule: found.rule.id,
        ground: found.ground.id,
        detail: input.detail,
        createdBy: claims.sub,
        previousStatus: member.status,
        published: found.rule.kind === 'disqualification' ? found.rule.publicNotice : false,
        ...(ban && { ban }),
      },
      actor,
      at: now,
      reason: `${found.ground.zh}（${found.ground.source}）：${input.detail}`,
    });
    const changed = memberChange(
      member,
      { status: 'removed', removedBy: id },
      actor,
      now,
      `disqualification ${id}: ${found.ground.id}`,
    );
    const proposals = (await this.deps.tasks.openOf(ctx, member.uscc, 'member')).filter(
      (task) => task.kind === 'disqualification_proposal',
    );
    ops.push(
      ...repo.disqualifications.createOps(ctx, state, event),
      ...repo.members.updateOps(ctx, member, changed.state, changed.event),
      ...proposals.map((task) =>
        closeTaskOp(ctx, {
          ...task,
          state: 'done',
          outcome: 'disqualified',
          decidedBy: claims.sub,
          decidedAt: at,
        }),
      ),
    );
    await writeCases(this.deps, ctx, ops, DISQUALIFICATION);
    return state;
  }
}
