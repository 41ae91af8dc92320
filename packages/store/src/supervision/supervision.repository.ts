/**
 * The supervision cases of a tenant's members: one case repository per kind (the same
 * version check, history and counters as an application's), a transaction that
 * changes several at once (an appeal upheld changes the appeal, its subject and the
 * member together), and the reads the member page and the public notices need.
 */
import type {
  Appeal,
  Complaint,
  Disqualification,
  Engagement,
  Member,
  Rectification,
  SpotCheck,
} from '@sme/core';
import { CaseRepository } from '../cases/case.repository.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import {
  ENGAGEMENT_SUMMARY_PREFIX,
  type EngagementSummary,
  engagementSummaryOps,
  enterprisePk,
} from './engagement-items.js';
import {
  memberCaseLayout,
  memberCasesKey,
  memberLayout,
  memberStatusSk,
  poolPk,
} from './supervision-layouts.js';

export * from './engagement-items.js';
export * from './supervision-layouts.js';

/** A disqualification as its public notice shows it. */
export interface DisqualificationNotice {
  id: string;
  uscc: string;
  name: string;
  rule: string;
  ground: string;
  status: string;
  createdAt: string;
}

const noticesPk = (ctx: TenantContext) => tenantKey(ctx, 'DISQUALIFIED');
/** What needs the supervisor's eye in a tenant, one partition: the province's board reads one query per city. */
const boardPk = (ctx: TenantContext) => tenantKey(ctx, 'BOARD');

/** An item of a tenant's board: an order still owed (open, reported, or overdue). */
export interface BoardOrder {
  id: string;
  uscc: string;
  name?: string;
  ground: string;
  status: string;
  dueAt: string;
  createdAt: string;
}

/** A complaint on its tenant's board: the board counts them per member over a window. */
export interface BoardComplaint {
  id: string;
  uscc: string;
  name?: string;
  status: string;
  createdAt: string;
}

/** An engagement under way, with the time it last moved: the board finds stalled ones. */
export interface BoardEngagement {
  id: string;
  uscc: string;
  name: string;
  title: string;
  status: string;
  updatedAt: string;
}

export interface TenantBoard {
  orders: BoardOrder[];
  complaints: BoardComplaint[];
  engagements: BoardEngagement[];
}

const OWED: ReadonlySet<string> = new Set(['open', 'reported', 'overdue']);
const UNDER_WAY: ReadonlySet<string> = new Set(['registered', 'in_progress']);

/** Every complaint stays on the board (the window decides what counts), with its status. */
function complaintOnBoard(ctx: TenantContext, _previous: Complaint | null, next: Complaint) {
  const { id, uscc, name, status, createdAt } = next;
  const item: BoardComplaint = { id, uscc, ...(name && { name }), status, createdAt };
  return [{ put: { pk: boardPk(ctx), sk: `COMPLAINT#${id}`, ...item } }] satisfies TransactOp[];
}

/** An engagement is on the board while under way; accepted or rated, it leaves. */
function engagementOnBoard(
  ctx: TenantContext,
  _previous: Engagement | null,
  next: Engagement,
): TransactOp[] {
  const key = { pk: boardPk(ctx), sk: `ENGAGEMENT#${next.id}` };
  if (!UNDER_WAY.has(next.status)) return [{ delete: key }];
  const { id, uscc, providerName: name, title, status, updatedAt } = next;
  const item: BoardEngagement = { id, uscc, name, title, status, updatedAt };
  return [{ put: { ...key, ...item } }];
}

/** An order is on its tenant's board while it is owed, and leaves it in the change that settles it. */
function orderOnBoard(
  ctx: TenantContext,
  _previous: Rectification | null,
  next: Rectification,
): TransactOp[] {
  const key = { pk: boardPk(ctx), sk: `ORDER#${next.id}` };
  if (!OWED.has(next.status)) return [{ delete: key }];
  const { id, uscc, name, ground, status, dueAt, createdAt } = next;
  const item: BoardOrder = { id, uscc, ...(name && { name }), ground, status, dueAt, createdAt };
  return [{ put: { ...key, ...item } }];
}

/** A published disqualification's notice follows the case: written with it, annulled with it. */
function disqualificationNoticeOps(
  ctx: TenantContext,
  _previous: Disqualification | null,
  next: Disqualification,
): TransactOp[] {
  if (!next.published) return [];
  const notice: DisqualificationNotice = {
    id: next.id,
    uscc: next.uscc,
    name: next.name ?? next.uscc,
    rule: next.rule,
    ground: next.ground,
    status: next.status,
    createdAt: next.createdAt,
  };
  return [{ put: { pk: noticesPk(ctx), sk: `${next.createdAt}#${next.id}`, ...notice } }];
}

export class SupervisionRepository {
  readonly members: CaseRepository<Member>;
  readonly rectifications: CaseRepository<Rectification>;
  readonly disqualifications: CaseRepository<Disqualification>;
  readonly appeals: CaseRepository<Appeal>;
  readonly engagements: CaseRepository<Engagement>;
  readonly complaints: CaseRepository<Complaint>;
  readonly spotChecks: CaseRepository<SpotCheck>;

  constructor(private readonly table: TenantTable) {
    this.members = new CaseRepository(table, memberLayout);
    this.rectifications = new CaseRepository(
      table,
      memberCaseLayout<Rectification>('rectification', orderOnBoard),
    );
    this.disqualifications = new CaseRepository(
      table,
      memberCaseLayout<Disqualification>('disqualification', disqualificationNoticeOps),
    );
    this.appeals = new CaseRepository(table, memberCaseLayout<Appeal>('appeal'));
    this.engagements = new CaseRepository(
      table,
      memberCaseLayout<Engagement>('engagement', (ctx, previous, next) => [
        ...engagementSummaryOps(ctx, previous, next),
        ...engagementOnBoard(ctx, previous, next),
      ]),
    );
    this.complaints = new CaseRepository(
      table,
      memberCaseLayout<Complaint>('complaint', complaintOnBoard),
    );
    this.spotChecks = new CaseRepository(table, memberCaseLayout<SpotCheck>('spot_check'));
  }

  /** Writes the changes of several cases as one: all of them, or none. */
  async transact(ctx: TenantContext, ops: TransactOp[]): Promise<void> {
    await this.table.transact(ctx, ops);
  }

  /** Every supervision case of a member (their META items), of one kind or all. */
  async casesOf(
    ctx: TenantContext,
    uscc: string,
    kind?: string,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryIndex(ctx, 'byListing', memberCasesKey(ctx, uscc), {
        ...(kind && { beginsWith: `${kind}#` }),
        cursor,
      });
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return items;
  }

  /** The engagements an enterprise is party to, oldest first, as its list shows them. */
  async engagementsOf(ctx: TenantContext, enterpriseUscc: string): Promise<EngagementSummary[]> {
    const summaries: EngagementSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query<EngagementSummary & { pk: string; sk: string }>(
        ctx,
        enterprisePk(ctx, enterpriseUscc),
        { beginsWith: ENGAGEMENT_SUMMARY_PREFIX, cursor },
      );
      summaries.push(...page.items.map(({ pk: _pk, sk: _sk, ...summary }) => summary));
      cursor = page.next;
    } while (cursor);
    return summaries;
  }

  /** Each member's status as the pool shows it, by USCC (absent: never changed, active). */
  async memberStatuses(ctx: TenantContext): Promise<Map<string, string>> {
    const statuses = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await this.table.query<{ uscc: string; status: string }>(ctx, poolPk(ctx), {
        beginsWith: memberStatusSk(''),
        cursor,
      });
      for (const item of page.items) statuses.set(item.uscc, item.status);
      cursor = page.next;
    } while (cursor);
    return statuses;
  }

  /** A tenant's board, one query: orders still owed, complaints, engagements under way. */
  async board(ctx: TenantContext): Promise<TenantBoard> {
    const board: TenantBoard = { orders: [], complaints: [], engagements: [] };
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, boardPk(ctx), { cursor });
      for (const { pk: _pk, sk, ...item } of page.items) {
        if (sk.startsWith('ORDER#')) board.orders.push(item as unknown as BoardOrder);
        else if (sk.startsWith('COMPLAINT#'))
          board.complaints.push(item as unknown as BoardComplaint);
        else if (sk.startsWith('ENGAGEMENT#'))
          board.engagements.push(item as unknown as BoardEngagement);
      }
      cursor = page.next;
    } while (cursor);
    return board;
  }

  /** The published disqualification notices of a tenant, newest first. */
  async disqualificationNotices(ctx: TenantContext): Promise<DisqualificationNotice[]> {
    const { items } = await this.table.query<DisqualificationNotice & { pk: string; sk: string }>(
      ctx,
      noticesPk(ctx),
      { descending: true, limit: 200 },
    );
    return items.map(({ pk: _pk, sk: _sk, ...notice }) => notice);
  }
}
