/**
 * What the bureau's desk lists, read in a fixed number of queries however large the pool:
 * the pool with each member's status (the listings and the status projection: two
 * queries; the province's pool reads its cities' too, and keeps its own), the orders
 * still owed (the tenant's board, one query) and the bureau's open tasks. Only what the
 * desk shows in full is read case by case: a report awaiting a decision (its text) and
 * an open appeal. The pool shows active and rectifying members, so does the desk.
 */
import { MEMBER_STATUS_NAMES, type MemberStatus, type ResolvedTenant } from '@sme/core';
import {
  assertRole,
  type Claims,
  type ExportTable,
  ForbiddenError,
  type Platform,
} from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import {
  appealsTable,
  type DeskMember,
  membersTable,
  type NameOf,
  proposalsTable,
  reportsTable,
} from './desk-tables.js';

/** The bureau of this tenant only: a city's city_admin, the province's province_admin. */
export function supervisor(c: Context): { tenant: ResolvedTenant; claims: Claims } {
  const { tenant, claims } = member(c);
  if (claims.tenant !== tenant.id)
    throw new ForbiddenError({ zh: '仅本地主管部门可访问', en: "Only the tenant's bureau" });
  assertRole(claims, tenant.kind === 'province' ? 'province_admin' : 'city_admin');
  return { tenant, claims };
}

/** An order counts as open on the desk until the bureau decided it (or it fell overdue). */
const UNDECIDED = new Set(['open', 'reported']);

export async function readDesk(platform: Platform, tenant: ResolvedTenant, claims: Claims) {
  const { rectifications, appeals: appealCases } = platform.supervision;
  const [pool, owed, tasks] = await Promise.all([
    platform.publicityQueries.pool(tenant, {}),
    rectifications.owed(tenant, claims),
    platform.review.openTasks(tenant, claims),
  ]);
  const members = new Map<string, DeskMember>();
  for (const entry of pool) {
    if (entry.tenant !== tenant.id || members.has(entry.uscc)) continue;
    const status = entry.status as MemberStatus;
    members.set(entry.uscc, {
      uscc: entry.uscc,
      name: entry.orgName,
      status,
      statusName: MEMBER_STATUS_NAMES[status],
      openOrders: owed.filter((o) => o.uscc === entry.uscc && UNDECIDED.has(o.status)).length,
    });
  }
  const [reports, appeals] = await Promise.all([
    Promise.all(
      owed.filter((o) => o.status === 'reported').map((o) => rectifications.get(tenant, o.id)),
    ),
    Promise.all(
      tasks.items
        .filter((t) => t.kind === 'appeal')
        .map((t) => appealCases.get(tenant, t.applicationId)),
    ),
  ]);
  return {
    members: [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    // The case re-read may have moved on since the board was written.
    reports: reports.filter((o) => o.status === 'reported'),
    appeals: appeals.filter((a) => a.status === 'open'),
    proposals: tasks.items.filter((t) => t.kind === 'disqualification_proposal'),
  };
}

export type Desk = Awaited<ReturnType<typeof readDesk>>;

export const DESK_LISTS = ['members', 'reports', 'proposals', 'appeals'] as const;
export type DeskList = (typeof DESK_LISTS)[number];

/** The desk's four lists as tables, keyed by the path of their download. */
export function deskTables(
  tenant: ResolvedTenant,
  desk: Desk,
  now: Date,
): Record<DeskList, ExportTable> {
  const names = new Map(desk.members.map((m) => [m.uscc, m.name]));
  const nameOf: NameOf = (uscc, fallback) => names.get(uscc) ?? fallback ?? uscc;
  return {
    members: membersTable(desk.members, now),
    reports: reportsTable(tenant, desk.reports, nameOf, now),
    proposals: proposalsTable(tenant, desk.proposals, nameOf, now),
    appeals: appealsTable(tenant, desk.appeals, nameOf, now),
  };
}
