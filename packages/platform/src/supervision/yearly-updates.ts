/**
 * The member's yearly information update (API.md `PUT /members/{uscc}/profile`; 001
 * §三(三)): the member states its contact, team, offerings and what changed. The
 * profile keeps the time of each year's first update, which decides whether the member
 * is evaluated that year, and the member's history records every update, both in one
 * transaction written over the versions read.
 */
import { type MemberProfile, type ResolvedTenant, shanghaiDateOf } from '@sme/core';
import { profileOp, tenantContext } from '@sme/store';
import { assertActsIn } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { type Members, memberChange } from './members.js';
import { actorOf, type SupervisionDeps, writeCases } from './supervision-deps.js';
import { MemberRemovedError } from './supervision-errors.js';

const PROFILE = { zh: '年度信息', en: 'The yearly information' };

export interface ProfileInput {
  contact: { name: string; phone: string; email?: string | undefined };
  teamSize: number;
  offerings: string;
  changes: string;
}

export class YearlyUpdates {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
  ) {}

  async profile(tenant: ResolvedTenant, uscc: string): Promise<MemberProfile | undefined> {
    return this.deps.evaluations.profile(tenantContext(tenant), uscc);
  }

  /** The member's update: its profile replaced, the year's first update kept. */
  async update(
    tenant: ResolvedTenant,
    claims: Claims,
    uscc: string,
    input: ProfileInput,
  ): Promise<MemberProfile> {
    assertActsIn(claims, tenant, uscc);
    const { member } = await this.members.load(tenant, uscc);
    if (member.status === 'removed') throw new MemberRemovedError();
    const ctx = tenantContext(tenant);
    const previous = await this.deps.evaluations.profile(ctx, uscc);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const year = shanghaiDateOf(now).slice(0, 4);
    const profile: MemberProfile = {
      uscc,
      ...input,
      updatedAt: at,
      updatedBy: claims.sub,
      version: (previous?.version ?? 0) + 1,
      firstUpdates: { [year]: at, ...previous?.firstUpdates },
    };
    const actor = actorOf(claims);
    const changed = memberChange(member, {}, actor, now, `yearly information updated (${year})`);
    const repo = this.deps.supervision.members;
    await writeCases(
      this.deps,
      ctx,
      [
        profileOp(ctx, profile, previous?.version),
        ...repo.updateOps(ctx, member, changed.state, changed.event),
      ],
      PROFILE,
    );
    return profile;
  }
}
