/**
 * Conflicts DynamoDB Local cannot produce on demand: a middleware on the real client
 * (DynamoDB Local still serves every call it lets through) that refuses the next N
 * TransactWriteItems as DynamoDB does when another transaction holds one of the items
 * (`TransactionCanceledException`, reason `TransactionConflict` on the hot counter,
 * `None` on the rest), before anything is written.
 */
import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

export interface RefusedTransactions {
  /**
   * Refuse the next `n` TransactWriteItems (only those mentioning `matching`, when
   * given, so work running in the background is left alone).
   */
  refuseNext(n: number, matching?: string): void;
  /** How many were refused so far. */
  readonly refused: number;
}

export function refuseTransactions(client: DynamoDBClient): RefusedTransactions {
  let remaining = 0;
  let refused = 0;
  let only: string | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand' || remaining === 0) return next(args);
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems ?? [];
      if (only && !JSON.stringify(items).includes(only)) return next(args);
      remaining -= 1;
      refused += 1;
      // The counters are what a burst fights over.
      const hot = items.findIndex((item) => JSON.stringify(item).includes('#STATS'));
      throw new TransactionCanceledException({
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: items.map((_, i) =>
          i === Math.max(hot, 0)
            ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
            : { Code: 'None' },
        ),
      });
    },
    { step: 'initialize', name: 'refuseTransactions' },
  );
  return {
    refuseNext: (n, matching) => {
      remaining = n;
      only = matching;
    },
    get refused() {
      return refused;
    },
  };
}
