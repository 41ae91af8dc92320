/**
 * Conflicts DynamoDB Local cannot produce on demand: a middleware on the real client
 * (DynamoDB Local still serves every call it lets through) that refuses the next N
 * TransactWriteItems as DynamoDB does when another transaction holds one of the items
 * (`TransactionCanceledException`, reason `TransactionConflict` on the hot counter,
 * `None` on the rest), before anything is written; or, rule by rule, with another
 * reason (`ThrottlingError`) on the item that mentions what the rule matches.
 */
import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

export interface RefusedTransactions {
  /**
   * Refuse the next `n` TransactWriteItems (only those mentioning `matching`, when
   * given, so work running in the background is left alone). Replaces every rule.
   */
  refuseNext(n: number, matching?: string): void;
  /**
   * Besides the rules already set, refuse the next `n` TransactWriteItems with an item
   * mentioning `matching`, giving that item `code` as DynamoDB's reason.
   */
  alsoRefuse(n: number, matching: string, code?: string): void;
  /** How many were refused so far. */
  readonly refused: number;
}

interface Rule {
  remaining: number;
  matching: string | undefined;
  /** Set: the reason, on the item mentioning `matching`; unset: a conflict on the hot counter. */
  code?: string;
}

export function refuseTransactions(client: DynamoDBClient): RefusedTransactions {
  let rules: Rule[] = [];
  let refused = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      const items = ((args.input as { TransactItems?: unknown[] }).TransactItems ?? []).map(
        (item) => JSON.stringify(item),
      );
      const rule = rules.find(
        (r) =>
          r.remaining > 0 &&
          (r.matching === undefined || items.some((item) => item.includes(r.matching ?? ''))),
      );
      if (!rule) return next(args);
      rule.remaining -= 1;
      refused += 1;
      // The counters are what a burst fights over.
      const at =
        rule.code === undefined
          ? Math.max(
              items.findIndex((item) => item.includes('#STATS')),
              0,
            )
          : items.findIndex((item) => item.includes(rule.matching ?? ''));
      const code = rule.code ?? 'TransactionConflict';
      throw new TransactionCanceledException({
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: items.map((_, i) =>
          i === at ? { Code: code, Message: `${code} (refused by a test)` } : { Code: 'None' },
        ),
      });
    },
    { step: 'initialize', name: 'refuseTransactions' },
  );
  return {
    refuseNext: (n, matching) => {
      rules = [{ remaining: n, matching }];
    },
    alsoRefuse: (n, matching, code = 'TransactionConflict') => {
      rules.push({ remaining: n, matching, code });
    },
    get refused() {
      return refused;
    },
  };
}
