/**
 * All-or-nothing writes within one tenant. A refused transaction says which of its
 * operations failed and why, so the caller can tell a version conflict from a
 * duplicate claim.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionRefusedError } from '../errors.js';
import { assertTenantKey, type TenantContext } from './keys.js';
import type { TableItem } from './tenant-table.js';

type Values = Record<string, unknown>;
type Names = Record<string, string>;

export type TransactOp =
  | { put: TableItem; condition?: string; names?: Names; values?: Values }
  | {
      update: { pk: string; sk: string };
      expression: string;
      condition?: string;
      names?: Names;
      values?: Values;
    }
  | { delete: { pk: string; sk: string }; condition?: string; names?: Names; values?: Values }
  | { check: { pk: string; sk: string }; condition: string; names?: Names; values?: Values };

/** The item an operation writes or checks. */
export function keyOf(op: TransactOp): { pk: string; sk: string } {
  if ('put' in op) return op.put;
  if ('update' in op) return op.update;
  if ('delete' in op) return op.delete;
  return op.check;
}

/** Only the keys, not a put's whole item. */
const keysOf = (op: TransactOp) => {
  const { pk, sk } = keyOf(op);
  return { pk, sk };
};

function expressionParts(op: TransactOp) {
  return {
    ...(op.condition && { ConditionExpression: op.condition }),
    ...(op.names && { ExpressionAttributeNames: op.names }),
    ...(op.values && { ExpressionAttributeValues: op.values }),
  };
}

export async function transactWrite(
  client: DynamoDBDocumentClient,
  tableName: string,
  ctx: TenantContext,
  ops: readonly TransactOp[],
): Promise<void> {
  for (const op of ops) assertTenantKey(ctx, keyOf(op).pk);
  const items = ops.map((op) => {
    const TableName = tableName;
    if ('put' in op) return { Put: { TableName, Item: op.put, ...expressionParts(op) } };
    if ('update' in op) {
      return {
        Update: {
          TableName,
          Key: { pk: op.update.pk, sk: op.update.sk },
          UpdateExpression: op.expression,
          ...expressionParts(op),
        },
      };
    }
    if ('delete' in op)
      return {
        Delete: { TableName, Key: { pk: op.delete.pk, sk: op.delete.sk }, ...expressionParts(op) },
      };
    return {
      ConditionCheck: {
        TableName,
        Key: { pk: op.check.pk, sk: op.check.sk },
        ...expressionParts(op),
        ConditionExpression: op.condition,
      },
    };
  });
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
      throw new TransactionRefusedError(reasons, { cause: error, keys: ops.map(keysOf) });
    }
    if ((error as { name?: string }).name === 'TransactionConflictException') {
      throw new TransactionRefusedError(
        ops.map(() => 'TransactionConflict'),
        { cause: error, keys: ops.map(keysOf) },
      );
    }
    throw error;
  }
}
