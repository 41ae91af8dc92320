/**
 * The outbox: work a change hands to someone else (review to take up a submission, the
 * engine to be told of a decision), written in the change's own transaction so it is
 * never lost, listed per topic until marked done, and retried until then.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface OutboxEntry<P extends Record<string, unknown> = Record<string, unknown>> {
  topic: string;
  /** The case's partition the entry lives in. */
  casePk: string;
  caseId: string;
  /** Unique within the case and topic. */
  key: string;
  at: string;
  payload: P;
}

const listKey = (ctx: TenantContext, topic: string) => tenantKey(ctx, 'OUTBOX', topic);
const entrySk = (topic: string, key: string) => `OUTBOX#${topic}#${key}`;

/** The write of a pending entry, for the change's transaction. */
export function outboxOp(ctx: TenantContext, entry: OutboxEntry): TransactOp {
  return {
    put: {
      pk: entry.casePk,
      sk: entrySk(entry.topic, entry.key),
      ...entry,
      state: 'pending',
      gsi1pk: listKey(ctx, entry.topic),
      gsi1sk: `${entry.at}#${entry.caseId}#${entry.key}`,
    },
  };
}

export class Outbox {
  constructor(private readonly table: TenantTable) {}

  /** Pending entries of a topic, oldest first. */
  async pending<P extends Record<string, unknown>>(
    ctx: TenantContext,
    topic: string,
    limit = 100,
  ): Promise<OutboxEntry<P>[]> {
    const { items } = await this.table.queryIndex(ctx, 'byListing', listKey(ctx, topic), {
      limit,
    });
    return items.map(({ topic: t, casePk, caseId, key, at, payload }) => ({
      topic: String(t),
      casePk: String(casePk),
      caseId: String(caseId),
      key: String(key),
      at: String(at),
      payload: payload as P,
    }));
  }

  /** Marks an entry done: it leaves the pending listing, and stays as a record. */
  async done(ctx: TenantContext, entry: OutboxEntry, at: string): Promise<void> {
    await this.table.put(ctx, {
      pk: entry.casePk,
      sk: entrySk(entry.topic, entry.key),
      ...entry,
      state: 'done',
      doneAt: at,
    });
  }
}
