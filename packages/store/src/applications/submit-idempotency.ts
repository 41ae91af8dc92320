/**
 * A submit's idempotency record: the answer a key was given and the application's
 * version it produced, kept in one item per (hashed) key, written in the submit's own
 * transaction and read in the same batch as the application.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import { foundIn, type ItemKey, type TableItem } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface StoredAnswer {
  response: unknown;
  version: number;
}

/** The key of a record, to read it in a batch (`storedAnswerIn`). */
export const idempotencyRecordKey = (ctx: TenantContext, key: string): ItemKey => ({
  pk: tenantKey(ctx, 'IDEM', key),
  sk: 'IDEM',
});

export const toStoredAnswer = (item: TableItem): StoredAnswer => ({
  response: item.response,
  version: Number(item.version),
});

/** The record among items a batch read found. */
export const storedAnswerIn = (
  ctx: TenantContext,
  key: string,
  items: ReadonlyMap<string, TableItem>,
): StoredAnswer | undefined => foundIn(items, idempotencyRecordKey(ctx, key), toStoredAnswer);

/** The write of a record, refused if the key already has one. */
export function idempotencyRecordOp(
  ctx: TenantContext,
  record: { key: string; response: unknown; expiresAt: number },
  version: number,
): TransactOp {
  return {
    put: {
      ...idempotencyRecordKey(ctx, record.key),
      response: record.response,
      version,
      expiresAt: record.expiresAt,
    },
    condition: 'attribute_not_exists(pk)',
  };
}
