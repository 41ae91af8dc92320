/**
 * Members of a tenant's pool (API.md "Supervision"). A listing makes the organization
 * a member; its case is opened the first time supervision touches it (or its page is
 * read), from its listings, so no listing ever waits on supervision. Every change of a
 * member goes through `memberChange`: the status its kind allows, the event that says
 * who, when and why.
 */
import {
  type Actor,
  assertMove,
  type Member,
  memberKind,
  type ResolvedTenant,
  recordCaseChange,
  statusForOrders,
} from '@sme/core';
import {
  type PoolEntry,
  type SupervisionRepository,
  type TenantContext,
  TransactionRefusedError,
  type TransactOp,
  tenantContext,
} from '@sme/store';
import { hasRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { districtCovers } from './service-access.js';
import { type SupervisionDeps, SYSTEM } from './supervision-deps.js';
import { NotMemberError } from './supervision-errors.js';

export interface MemberRecord {
  member: Member;
  /** The member's entries in the pool: one per listing. */
  listings: PoolEntry[];
  /** The programs it is listed in: which rules govern it. */
  programs: string[];
}

/** The next state of a member with the event that explains it. */
export function memberChange(
  member: Member,
  patch: Partial<Omit<Member, 'id' | 'version' | 'historyHead'>>,
  actor: Actor,
  at: Date,
  reason: string,
) {
  const next = { ...member, ...patch, version: member.version + 1, updatedAt: at.toISOString() };
  assertMove(memberKind, member.status, next.status);
  return recordCaseChange({ previous: member, next, actor, at, reason });
}

/**
 * A removed member listed again (a later selection found it fit, through every stage and
 * a public notice) is a member again from that listing: the operations that make it so,
 * for the transaction that lists it, its history naming the listing. Nothing for an
 * organization supervision never touched or did not remove. Orders still open stay
 * open and keep it `rectifying`.
 */
export async function relistingOps(
  supervision: SupervisionRepository,
  ctx: TenantContext,
  entry: PoolEntry,
  actor: Actor,
  at: Date,
): Promise<TransactOp[]> {
  const member = await supervision.members.get(ctx, entry.uscc);
  if (member?.status !== 'removed') return [];
  const { state, event } = memberChange(
    member,
    {
      status: statusForOrders({ status: 'active' }, member.openOrders),
      removedBy: undefined,
      programs: [...new Set([...member.programs, entry.programId])],
    },
    actor,
    at,
    `listed again in ${entry.programId} (application ${entry.applicationId})`,
  );
  return supervision.members.updateOps(ctx, member, state, event);
}

export class Members {
  constructor(private readonly deps: SupervisionDeps) {}

  /** The member with its listings; its case opened if this is the first time. */
  async load(tenant: ResolvedTenant, uscc: string): Promise<MemberRecord> {
    const ctx = tenantContext(tenant);
    const [member, pool] = await Promise.all([
      this.deps.supervision.members.get(ctx, uscc),
      this.deps.notices.pool(ctx),
    ]);
    const listings = pool
      .filter((entry) => entry.uscc === uscc)
      .sort((a, b) => a.listedAt.localeCompare(b.listedAt));
    const programs = [...new Set(listings.map((l) => l.programId))];
    if (member) return { member, listings, programs };
    const first = listings[0];
    if (!first) throw new NotMemberError();
    return { member: await this.open(tenant, first, programs), listings, programs };
  }

  /** Whether the caller reads the member's records as a district reviewer in scope. */
  async coveredByDistrict(tenant: ResolvedTenant, claims: Claims, uscc: string): Promise<boolean> {
    if (!hasRole(claims, 'district_reviewer')) return false;
    const ctx = tenantContext(tenant);
    const listings = (await this.deps.notices.pool(ctx)).filter((entry) => entry.uscc === uscc);
    return districtCovers(claims, tenant, listings);
  }

  private async open(tenant: ResolvedTenant, first: PoolEntry, programs: string[]) {
    const ctx = tenantContext(tenant);
    const now = this.deps.clock.now();
    const { state, event } = recordCaseChange<Member['status'], Member>({
      previous: null,
      next: {
        id: first.uscc,
        tenant: tenant.id,
        status: 'active',
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        uscc: first.uscc,
        name: first.orgName,
        ...(first.region && { region: first.region }),
        programs,
        listedAt: first.listedAt,
        openOrders: [],
        orderCount: 0,
      },
      actor: SYSTEM,
      at: now,
      reason: `listed in ${programs.join(', ')} since ${first.listedAt}`,
    });
    try {
      await this.deps.supervision.members.create(ctx, state, event);
      return state;
    } catch (error) {
      // Opened by a concurrent request: that one stands.
      if (!(error instanceof TransactionRefusedError)) throw error;
      const existing = await this.deps.supervision.members.get(ctx, first.uscc);
      if (!existing) throw error;
      return existing;
    }
  }
}
