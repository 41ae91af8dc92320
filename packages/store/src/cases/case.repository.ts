/**
 * The one repository of cases, whatever their kind: reading a case (its META item by
 * key) and its history, and writing a change once, the same for every kind: the new
 * state with its version check (and nothing written beside it since it was read), the
 * history event, the counters, the kind's own change writes, and whatever else the
 * change carries (the outbox, tasks, timers), all in one transaction.
 */
import type { CaseState, HistoryEvent } from '@sme/core';
import type { TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import { counterUpdate, statsPk, sumShards } from './case-counters.js';
import { type CaseLayout, casePk } from './case-layout.js';

export const historySk = (seq: number) => `H#${String(seq).padStart(8, '0')}`;

function historyItem(pk: string, event: HistoryEvent) {
  return { pk, sk: historySk(event.seq), ...event };
}

export interface CaseChange {
  /** Whatever else the change writes, in its transaction. */
  ops?: TransactOp[];
  /** Attributes of the META item beside the state (flags for reviewers). */
  decoration?: Record<string, unknown>;
}

export class CaseRepository<C extends CaseState> {
  constructor(
    private readonly table: TenantTable,
    readonly layout: CaseLayout<C>,
  ) {}

  pk(ctx: TenantContext, id: string): string {
    return casePk(ctx, this.layout.kind, id);
  }

  /** The case's META item, read by its key. */
  async meta(ctx: TenantContext, id: string): Promise<Record<string, unknown> | undefined> {
    return this.table.get(ctx, this.pk(ctx, id), 'META');
  }

  async get(ctx: TenantContext, id: string): Promise<C | undefined> {
    const item = await this.meta(ctx, id);
    return item && this.layout.fromItem(item);
  }

  async history(ctx: TenantContext, id: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, this.pk(ctx, id), { beginsWith: 'H#', cursor });
      events.push(
        ...page.items.map(({ pk: _pk, sk: _sk, ...event }) => event as unknown as HistoryEvent),
      );
      cursor = page.next;
    } while (cursor);
    return events;
  }

  /**
   * Counters by status of every group of the kind's cases in the tenant, each summed
   * over its shards: one query (a page holds thousands of shards).
   */
  async counters(ctx: TenantContext, prefix: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, statsPk(ctx), { beginsWith: prefix, cursor });
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return sumShards(items);
  }

  /** Creates the case with its first event; refused if the id is taken. */
  async create(ctx: TenantContext, state: C, event: HistoryEvent, change: CaseChange = {}) {
    await this.table.transact(ctx, this.createOps(ctx, state, event, change));
  }

  /**
   * Writes the next state if the stored one is still `previous` (its version, and no
   * write beside it since: its revision), with its event, counters and change.
   */
  async update(
    ctx: TenantContext,
    previous: C,
    next: C,
    event: HistoryEvent,
    change: CaseChange = {},
  ) {
    await this.table.transact(ctx, this.updateOps(ctx, previous, next, event, change));
  }

  /** The operations of `create`, for a transaction that changes several cases at once. */
  createOps(ctx: TenantContext, state: C, event: HistoryEvent, change: CaseChange = {}) {
    const pk = this.pk(ctx, state.id);
    return [
      {
        put: this.layout.item(ctx, state, change.decoration),
        condition: 'attribute_not_exists(pk)',
      },
      { put: historyItem(pk, event), condition: 'attribute_not_exists(pk)' },
      counterUpdate(ctx, state.id, this.layout.counter(state), null, state.status),
      ...(this.layout.changeOps?.(ctx, null, state) ?? []),
      ...(change.ops ?? []),
    ] satisfies TransactOp[];
  }

  /** The operations of `update`, for a transaction that changes several cases at once. */
  updateOps(
    ctx: TenantContext,
    previous: C,
    next: C,
    event: HistoryEvent,
    change: CaseChange = {},
  ): TransactOp[] {
    const pk = this.pk(ctx, next.id);
    const ops: TransactOp[] = [
      {
        put: this.layout.item(ctx, next, change.decoration),
        condition:
          'version = :expected AND (attribute_not_exists(revision) OR revision = :revision)',
        values: { ':expected': previous.version, ':revision': previous.revision ?? 0 },
      },
      { put: historyItem(pk, event), condition: 'attribute_not_exists(pk)' },
    ];
    if (previous.status !== next.status)
      ops.push(
        counterUpdate(ctx, next.id, this.layout.counter(next), previous.status, next.status),
      );
    ops.push(...(this.layout.changeOps?.(ctx, previous, next) ?? []), ...(change.ops ?? []));
    return ops;
  }
}

/**
 * A write beside a case (a task opened, an objection filed) that its next change must
 * see: refused unless the case is still at `version` (or, with `status`, in that
 * status), it bumps the revision every change checks.
 */
export function caseTouched(
  pk: string,
  expect: { version: number } | { status: string },
): TransactOp {
  return {
    update: { pk, sk: 'META' },
    expression: 'ADD revision :one',
    ...('version' in expect
      ? { condition: 'version = :version', values: { ':one': 1, ':version': expect.version } }
      : {
          condition: '#status = :status',
          names: { '#status': 'status' },
          values: { ':one': 1, ':status': expect.status },
        }),
  };
}
