/**
 * A notice and the applications entering it, written in as few transactions as hold
 * them (`packTransactions`), the notice with the first: a notice of a dozen applications
 * is one write, where it was one per application. Each application's change lands whole
 * or not at all; one refused (withdrawn, or taken by another notice, since it was read)
 * is left out and the rest of its transaction written again, so the notice never lists
 * an application that did not enter it.
 */
import { BusyError } from '@sme/core';
import { TransactionRefusedError } from '../errors.js';
import type { TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import { keyOf, type TransactOp } from '../table/transaction.js';
import { type ChangeGroup, packTransactions } from '../table/transaction-packing.js';
import { type Notice, noticeItem, noticePk } from './notice-items.js';

/** An application entering a notice: its change, written whole or not at all. */
export interface EnteringNotice extends ChangeGroup {
  applicationId: string;
}

/** Tries a transaction again that only met another in flight; gives up as `BusyError`. */
export type ConflictRetry = (write: () => Promise<void>) => Promise<void>;

const refusedBy = (error: TransactionRefusedError, group: ChangeGroup) =>
  group.ops.some((op) => {
    const { pk, sk } = keyOf(op);
    return error.conditionFailedOn((key) => key.pk === pk && key.sk === sk);
  });

/**
 * Writes `head()` and the groups in one transaction, leaving out each group that refuses
 * it (added to `missed`) until the rest lands. Anything else refusing it is thrown.
 */
async function writeLeavingOut(
  table: TenantTable,
  ctx: TenantContext,
  groups: readonly EnteringNotice[],
  missed: Set<string>,
  retry: ConflictRetry,
  head: () => TransactOp[] = () => [],
): Promise<void> {
  let pending = groups;
  for (;;) {
    const ops = [...head(), ...pending.flatMap((g) => g.ops)];
    if (ops.length === 0) return;
    try {
      await retry(() => table.transact(ctx, ops));
      return;
    } catch (error) {
      if (!(error instanceof TransactionRefusedError)) throw error;
      const refused = pending.filter((g) => refusedBy(error, g));
      if (refused.length === 0) throw error;
      for (const g of refused) missed.add(g.applicationId);
      pending = pending.filter((g) => !refused.includes(g));
    }
  }
}

/**
 * Publishes the notice with the applications entering it; answers those left out. With
 * none entered no notice is left behind. Past the first transaction, the entries of
 * those a later one left out are taken out of the notice again.
 */
export async function publishNotice(
  table: TenantTable,
  ctx: TenantContext,
  notice: Notice,
  entering: readonly EnteringNotice[],
  retry: ConflictRetry,
): Promise<Set<string>> {
  const missed = new Set<string>();
  const [first = [], ...rest] = packTransactions(entering, 1);
  const listed = () => notice.entries.filter((e) => !missed.has(e.applicationId));
  let written: Notice | undefined;
  await writeLeavingOut(table, ctx, first, missed, retry, () => {
    written = { ...notice, entries: listed() };
    return written.entries.length > 0
      ? [{ put: noticeItem(ctx, written), condition: 'attribute_not_exists(pk)' }]
      : [];
  });
  if (!written || written.entries.length === 0) return missed;
  const takenOut = new Set<string>();
  let failure: { error: unknown } | undefined;
  for (const groups of rest) {
    const leaveOut = () => {
      for (const g of groups) takenOut.add(g.applicationId);
    };
    if (failure) {
      leaveOut();
      continue;
    }
    try {
      await writeLeavingOut(table, ctx, groups, takenOut, retry);
    } catch (error) {
      // The notice stands already: a transaction refused (throttled, or meeting others
      // until the retries gave up) wrote nothing, and leaves its applications out rather
      // than the clerk with half a notice and an error. Anything else may have landed:
      // its entries stay, and the transactions not tried yet are left out.
      if (error instanceof BusyError || error instanceof TransactionRefusedError) leaveOut();
      else failure = { error };
    }
  }
  // Another write on the notice at that instant (a withdrawal marking an entry, an
  // objection checking one) only delays taking the entries out.
  if (takenOut.size > 0) await takeOut(table, ctx, written, takenOut, retry);
  if (failure) throw failure.error;
  return new Set([...missed, ...takenOut]);
}

/**
 * Entries one update takes out: DynamoDB refuses an expression over 4 KB, which a
 * condition naming some hundred entries is (two clerks publishing one long list at once).
 */
export const TAKEN_OUT_PER_UPDATE = 50;

/**
 * Takes entries out of the notice as written (their applications never entered it), in
 * place, refused if the entries moved meanwhile; a notice left without any is deleted.
 * Past `TAKEN_OUT_PER_UPDATE` entries, in more than one update, the last entries first,
 * so that none moves the entries a later one takes out.
 */
async function takeOut(
  table: TenantTable,
  ctx: TenantContext,
  notice: Notice,
  applicationIds: ReadonlySet<string>,
  retry: ConflictRetry,
): Promise<void> {
  const key = { pk: noticePk(ctx, notice.id), sk: 'META' };
  const indexes = notice.entries.flatMap((e, i) =>
    applicationIds.has(e.applicationId) ? [i] : [],
  );
  if (indexes.length === notice.entries.length) {
    await retry(() => table.transact(ctx, [{ delete: key }]));
    return;
  }
  indexes.reverse();
  for (let from = 0; from < indexes.length; from += TAKEN_OUT_PER_UPDATE) {
    const these = indexes.slice(from, from + TAKEN_OUT_PER_UPDATE);
    await retry(() =>
      table.transact(ctx, [
        {
          update: key,
          expression: `REMOVE ${these.map((i) => `entries[${i}]`).join(', ')}`,
          condition: these.map((i) => `entries[${i}].applicationId = :a${i}`).join(' AND '),
          values: Object.fromEntries(
            these.map((i) => [`:a${i}`, notice.entries[i]?.applicationId]),
          ),
        },
      ]),
    );
  }
}
