/**
 * The province's early-warning board (issue 12 item 8): across the province and its
 * cities, the rectification orders past due, members with several complaints, engagements
 * stalled past the tenant's number of days, members that missed the yearly update, and
 * organizations removed in one tenant while still active in another. A fixed number of
 * queries per tenant, however many members there are; the thresholds are each tenant's
 * `supervision.warnings`.
 */
import {
  exclusion,
  type MemberProfile,
  type MemberStatus,
  type ResolvedTenant,
  shanghaiDateOf,
  yearlyUpdateDeadline,
  yearlyUpdateRules,
} from '@sme/core';
import {
  type BoardEngagement,
  type BoardOrder,
  type PoolEntry,
  type TenantBoard,
  tenantContext,
} from '@sme/store';
import { assertProvinceAdmin } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import type { SupervisionDeps } from './supervision-deps.js';

type InTenant<T> = T & { tenant: string };
const DAY_MS = 86_400_000;

export interface ProvinceBoard {
  /** Orders whose time ran out: marked overdue, or open past their due instant. */
  overdueOrders: InTenant<BoardOrder>[];
  /** Members complained about at least the tenant's "several" times within its window. */
  severalComplaints: InTenant<{ uscc: string; name: string; count: number }>[];
  /** Engagements under way with no change for the tenant's number of days. */
  stalledEngagements: InTenant<BoardEngagement & { idleDays: number }>[];
  /** Members listed before this year's update date that had not updated by it. */
  missedUpdates: InTenant<{ uscc: string; name: string; year: number; rule: string }>[];
  /** Organizations removed from one pool while active (or rectifying) in another. */
  removedElsewhere: { uscc: string; removedIn: string[]; activeIn: string[] }[];
}

interface TenantFacts {
  tenant: ResolvedTenant;
  board: TenantBoard;
  statuses: Map<string, string>;
  pool: PoolEntry[];
  profiles: Map<string, MemberProfile>;
}

export class ProvinceBoardQuery {
  constructor(
    private readonly deps: Pick<
      SupervisionDeps,
      'supervision' | 'notices' | 'evaluations' | 'clock'
    >,
    private readonly registry: TenantRegistry,
  ) {}

  async board(province: ResolvedTenant, claims: Claims): Promise<ProvinceBoard> {
    assertProvinceAdmin(claims, province);
    const now = this.deps.clock.now();
    const facts = await Promise.all(this.registry.family(province).map((t) => this.factsOf(t)));
    return {
      overdueOrders: facts
        .flatMap(({ tenant, board }) => board.orders.map((o) => ({ ...o, tenant: tenant.id })))
        .filter(
          (o) =>
            o.status === 'overdue' || (o.status === 'open' && Date.parse(o.dueAt) <= now.getTime()),
        )
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
      severalComplaints: facts.flatMap((f) => severalComplaints(f, now)),
      stalledEngagements: facts.flatMap((f) => stalledEngagements(f, now)),
      missedUpdates: facts.flatMap((f) => missedUpdates(f, now)),
      removedElsewhere: removedElsewhere(facts),
    };
  }

  private async factsOf(tenant: ResolvedTenant): Promise<TenantFacts> {
    const ctx = tenantContext(tenant);
    const [board, statuses, pool, profiles] = await Promise.all([
      this.deps.supervision.board(ctx),
      this.deps.supervision.memberStatuses(ctx),
      this.deps.notices.pool(ctx),
      this.deps.evaluations.profiles(ctx),
    ]);
    // A listed organization supervision never touched is active without a status item.
    for (const entry of pool) if (!statuses.has(entry.uscc)) statuses.set(entry.uscc, 'active');
    return { tenant, board, statuses, pool, profiles };
  }
}

function severalComplaints({ tenant, board }: TenantFacts, now: Date) {
  const { severalComplaints: several, complaintWindowDays } = tenant.supervision.warnings;
  const since = now.getTime() - complaintWindowDays * DAY_MS;
  const counts = new Map<string, { name: string; count: number }>();
  for (const complaint of board.complaints) {
    if (Date.parse(complaint.createdAt) < since) continue;
    // Annulled on the member's appeal: found not to hold, it warns of nothing.
    if (complaint.status === 'annulled') continue;
    const entry = counts.get(complaint.uscc) ?? {
      name: complaint.name ?? complaint.uscc,
      count: 0,
    };
    entry.count += 1;
    counts.set(complaint.uscc, entry);
  }
  return [...counts]
    .filter(([, c]) => c.count >= several)
    .map(([uscc, c]) => ({ tenant: tenant.id, uscc, ...c }));
}

function stalledEngagements({ tenant, board }: TenantFacts, now: Date) {
  const { stalledAfterDays } = tenant.supervision.warnings;
  return board.engagements
    .map((e) => ({
      ...e,
      tenant: tenant.id,
      idleDays: Math.floor((now.getTime() - Date.parse(e.updatedAt)) / DAY_MS),
    }))
    .filter((e) => e.idleDays >= stalledAfterDays);
}

function missedUpdates({ tenant, pool, profiles }: TenantFacts, now: Date) {
  const year = Number(shanghaiDateOf(now).slice(0, 4));
  const byMember = new Map<string, PoolEntry[]>();
  for (const entry of pool) byMember.set(entry.uscc, [...(byMember.get(entry.uscc) ?? []), entry]);
  return [...byMember].flatMap(([uscc, listings]) => {
    const programs = listings.map((l) => l.programId);
    const listedAt = listings.map((l) => l.listedAt).sort()[0] ?? '';
    const excluded = exclusion(tenant, programs, year, {
      listedAt,
      firstUpdateAt: profiles.get(uscc)?.firstUpdates[String(year)],
    });
    const rule = yearlyUpdateRules(tenant, programs).find((r) => r.id === excluded?.rule);
    // Before the date, a member that has not updated yet still may.
    if (!rule || now < yearlyUpdateDeadline(rule, year)) return [];
    return [{ tenant: tenant.id, uscc, name: listings[0]?.orgName ?? uscc, year, rule: rule.id }];
  });
}

function removedElsewhere(facts: TenantFacts[]): ProvinceBoard['removedElsewhere'] {
  const byOrg = new Map<string, { removedIn: string[]; activeIn: string[] }>();
  for (const { tenant, statuses } of facts) {
    for (const [uscc, status] of statuses) {
      const entry = byOrg.get(uscc) ?? { removedIn: [], activeIn: [] };
      if ((status as MemberStatus) === 'removed') entry.removedIn.push(tenant.id);
      else if (status === 'active' || status === 'rectifying') entry.activeIn.push(tenant.id);
      byOrg.set(uscc, entry);
    }
  }
  return [...byOrg]
    .filter(([, e]) => e.removedIn.length > 0 && e.activeIn.length > 0)
    .map(([uscc, e]) => ({ uscc, ...e }));
}
