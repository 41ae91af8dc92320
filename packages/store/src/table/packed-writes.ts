/**
 * Writes many cases' changes, each whole or not at all, in as few transactions as hold
 * them (`packTransactions`): a batch of decisions, a notice of many applications.
 *
 * A change refused by its own conditions (its case moved on since it was read) is left
 * out, and the rest of its transaction written again. A transaction that keeps meeting
 * other writes, or is refused for anything else (throttled), wrote nothing: it is
 * written again change by change, so a busy item holds up only the change that touches
 * it. An error that may have let a transaction land (the answer lost) ends the writing:
 * its changes are uncertain, and those not tried yet are left out; the caller's head, if
 * it was in that transaction, is uncertain too.
 */
import { BusyError } from '@sme/core';
import { TransactionRefusedError } from '../errors.js';
import type { TenantContext } from './keys.js';
import type { TenantTable } from './tenant-table.js';
import { keyOf, type TransactOp } from './transaction.js';
import { type ChangeGroup, packTransactions } from './transaction-packing.js';

/** Tries a transaction again that only met another in flight; gives up as `BusyError`. */
export type ConflictRetry = (write: () => Promise<void>) => Promise<void>;

/** What became of each change. */
export interface PackedOutcome<G> {
  written: G[];
  /** Refused by its own conditions: its case moved on since it was read. */
  refused: G[];
  /** Not written: kept meeting other writes (or refused otherwise), alone too. */
  busy: G[];
  /** Set when a transaction failed in a way that may have let it land. */
  failure?: {
    error: unknown;
    /** The changes of that transaction: written or not, nobody knows. */
    uncertain: G[];
    /** The changes after it, never tried. */
    untried: G[];
    /** The caller's head was in that transaction: it may not have landed either. */
    headUncertain: boolean;
  };
}

/**
 * Operations of the caller's that go first, with the first transaction (a notice the
 * changes enter), given the changes refused so far. If they cannot land, nothing does:
 * `BusyError` is thrown, not a change counted busy. If their transaction fails in a way
 * that may have let it land, the failure says so (`headUncertain`).
 */
export interface Head<G> {
  reserved: number;
  ops(refused: readonly G[]): TransactOp[];
}

/** Refused as a whole or given up on: the transaction wrote nothing. */
const wroteNothing = (error: unknown) =>
  error instanceof BusyError || error instanceof TransactionRefusedError;

const refusedBy = (error: TransactionRefusedError, group: ChangeGroup) =>
  group.ops.some((op) => {
    const { pk, sk } = keyOf(op);
    return error.conditionFailedOn((key) => key.pk === pk && key.sk === sk);
  });

async function writeTransaction<G extends ChangeGroup>(
  table: TenantTable,
  ctx: TenantContext,
  groups: readonly G[],
  retry: ConflictRetry,
  outcome: PackedOutcome<G>,
  head?: Head<G>,
): Promise<void> {
  let pending = groups;
  for (;;) {
    const ops = [...(head?.ops(outcome.refused) ?? []), ...pending.flatMap((g) => g.ops)];
    if (ops.length === 0) return;
    try {
      await retry(() => table.transact(ctx, ops));
      outcome.written.push(...pending);
      return;
    } catch (error) {
      // Nothing was written; the changes whose conditions failed are left out.
      const refused =
        error instanceof TransactionRefusedError ? pending.filter((g) => refusedBy(error, g)) : [];
      if (refused.length > 0) {
        outcome.refused.push(...refused);
        pending = pending.filter((g) => !refused.includes(g));
        continue;
      }
      // The caller's head must land first: without it, nothing goes.
      if (head || !wroteNothing(error)) throw error;
      if (pending.length === 1) outcome.busy.push(...pending);
      else for (const g of pending) await writeAlone(table, ctx, g, pending, retry, outcome);
      return;
    }
  }
}

/** A change written alone failed in a way that may have let it land. */
class AloneFailed<G> extends Error {
  constructor(
    readonly error: unknown,
    readonly uncertain: G,
    /** The changes of its transaction after it, never tried. */
    readonly untried: G[],
  ) {
    super('a change written alone failed', { cause: error });
  }
}

/** One change of a transaction written again change by change. */
async function writeAlone<G extends ChangeGroup>(
  table: TenantTable,
  ctx: TenantContext,
  group: G,
  all: readonly G[],
  retry: ConflictRetry,
  outcome: PackedOutcome<G>,
): Promise<void> {
  try {
    await writeTransaction(table, ctx, [group], retry, outcome);
  } catch (error) {
    throw new AloneFailed(error, group, all.slice(all.indexOf(group) + 1));
  }
}

/** Writes the changes (and `head`, first); answers what became of each. */
export async function writePacked<G extends ChangeGroup>(
  table: TenantTable,
  ctx: TenantContext,
  groups: readonly G[],
  retry: ConflictRetry,
  head?: Head<G>,
): Promise<PackedOutcome<G>> {
  const outcome: PackedOutcome<G> = { written: [], refused: [], busy: [] };
  const transactions = packTransactions(groups, head?.reserved ?? 0);
  for (const [i, these] of transactions.entries()) {
    const first = i === 0;
    try {
      await writeTransaction(table, ctx, these, retry, outcome, first ? head : undefined);
    } catch (error) {
      const headUncertain = first && head !== undefined;
      if (headUncertain && wroteNothing(error)) throw error;
      const later = transactions.slice(i + 1).flat();
      outcome.failure =
        error instanceof AloneFailed
          ? {
              error: error.error,
              uncertain: [error.uncertain],
              untried: [...error.untried, ...later],
              headUncertain,
            }
          : {
              error,
              uncertain: these.filter((g) => !outcome.refused.includes(g)),
              untried: later,
              headUncertain,
            };
      break;
    }
  }
  return outcome;
}
