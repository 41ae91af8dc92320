/**
 * Paging cursors. A cursor is the query's `LastEvaluatedKey` as base64url JSON: opaque
 * to clients, but it comes back from them, so decoding trusts nothing. DynamoDB answers
 * a start key of the wrong shape (a missing or extra attribute, a number for a string,
 * an empty or oversized value, a key outside the key condition) with a
 * ValidationException, which would surface as a 500; and a key of another partition
 * would start the query somewhere the caller never asked for. So a cursor is accepted
 * only when it has exactly the shape of a key this query can have issued.
 */
import { InvalidCursorError, TenantScopeError } from '../errors.js';
import { assertTenantKey, type TenantContext } from './keys.js';
import { PARTITION_KEY, SORT_KEY } from './table-definition.js';

/** Longer than any key we write, shorter than anything worth parsing. */
export const MAX_CURSOR_LENGTH = 2048;

/** DynamoDB's limits on key attribute values, in UTF-8 bytes. */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Any JSON value as an opaque cursor. */
export function encodeCursorValue(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * The JSON value inside a cursor, or InvalidCursorError. Only the canonical unpadded
 * base64url we issue is read: Node's decoder skips characters it does not know, so
 * without the round trip two different strings could name the same cursor.
 */
export function decodeCursorValue(cursor: string, maxLength = MAX_CURSOR_LENGTH): unknown {
  if (cursor.length === 0 || cursor.length > maxLength || !BASE64URL.test(cursor)) {
    throw new InvalidCursorError();
  }
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) throw new InvalidCursorError();
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch (cause) {
    throw new InvalidCursorError({ cause });
  }
}

/** What a start key of one query looks like. */
export interface CursorScope {
  readonly ctx: TenantContext;
  /** The queried partition key attribute (`pk`, or an index's) and its value. */
  readonly partitionKey: string;
  readonly partition: string;
  /** The sort key attribute of the same table or index. */
  readonly sortKey: string;
  /** The query's sort-key prefix: a start key outside it is refused by DynamoDB. */
  readonly beginsWith?: string | undefined;
}

function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** The start key inside a cursor this query issued, or InvalidCursorError. */
export function decodeStartKey(cursor: string, scope: CursorScope): Record<string, string> {
  const value = decodeCursorValue(cursor);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCursorError();
  }
  const key = value as Record<string, unknown>;
  // The table's key always, and an index's key when the query is on an index.
  const expected = [...new Set([PARTITION_KEY, SORT_KEY, scope.partitionKey, scope.sortKey])];
  const names = Object.keys(key);
  if (names.length !== expected.length || !expected.every((name) => Object.hasOwn(key, name))) {
    throw new InvalidCursorError();
  }
  const start: Record<string, string> = {};
  for (const name of expected) {
    const attribute = key[name];
    const limit =
      name === PARTITION_KEY || name === scope.partitionKey
        ? MAX_PARTITION_KEY_BYTES
        : MAX_SORT_KEY_BYTES;
    if (typeof attribute !== 'string' || attribute === '' || byteLength(attribute) > limit) {
      throw new InvalidCursorError();
    }
    start[name] = attribute;
  }
  if (start[scope.partitionKey] !== scope.partition) throw new InvalidCursorError();
  if (scope.beginsWith && !start[scope.sortKey]?.startsWith(scope.beginsWith)) {
    throw new InvalidCursorError();
  }
  // On an index the table key is free: it must still be one of the tenant's items.
  try {
    assertTenantKey(scope.ctx, start[PARTITION_KEY] ?? '', 'cursor');
  } catch (cause) {
    if (cause instanceof TenantScopeError) throw new InvalidCursorError({ cause });
    throw cause;
  }
  return start;
}
