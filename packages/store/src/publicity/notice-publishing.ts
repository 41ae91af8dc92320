/**
 * A notice and the applications entering it, written in as few transactions as hold
 * them (`writePacked`), the notice with the first: a notice of a dozen applications is
 * one write, where it was one per application. Each application's change lands whole or
 * not at all; one refused (withdrawn, or taken by another notice, since it was read) is
 * left out and the rest of its transaction written again, so the notice never lists an
 * application that did not enter it.
 */
import type { TenantContext } from '../table/keys.js';
import { type ConflictRetry, writePacked } from '../table/packed-writes.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { ChangeGroup } from '../table/transaction-packing.js';
import { type Notice, noticeItem, noticePk } from './notice-items.js';

/** An application entering a notice: its change, written whole or not at all. */
export interface EnteringNotice extends ChangeGroup {
  applicationId: string;
}

/**
 * Publishes the notice with the applications entering it; answers those left out. The
 * notice lists every application not refused by the time it is written; with none, no
 * notice is written. One a later transaction leaves out (refused, throttled, or never
 * tried after a failure) is taken out of it again. A failure that may have let its
 * transaction land keeps that transaction's entries and is thrown once the rest is done;
 * if that transaction was the notice's own, the notice is read to see whether it landed,
 * and the entries of the transactions after it, never tried, are taken out of it.
 */
export async function publishNotice(
  table: TenantTable,
  ctx: TenantContext,
  notice: Notice,
  entering: readonly EnteringNotice[],
  retry: ConflictRetry,
): Promise<Set<string>> {
  let written: Notice | undefined;
  const outcome = await writePacked(table, ctx, entering, retry, {
    reserved: 1,
    ops: (refused) => {
      const out = new Set(refused.map((g) => g.applicationId));
      written = { ...notice, entries: notice.entries.filter((e) => !out.has(e.applicationId)) };
      return written.entries.length > 0
        ? [{ put: noticeItem(ctx, written), condition: 'attribute_not_exists(pk)' }]
        : [];
    },
  });
  const leftOut = [...outcome.refused, ...outcome.busy, ...(outcome.failure?.untried ?? [])];
  const missed = new Set(leftOut.map((g) => g.applicationId));
  const listed = written?.entries ?? [];
  // Another write on the notice at that instant (a withdrawal marking an entry, an
  // objection checking one) only delays taking the entries out.
  const landed = !outcome.failure?.headUncertain || (await exists(table, ctx, notice.id));
  if (landed && listed.some((e) => missed.has(e.applicationId)))
    await takeOut(table, ctx, { ...notice, entries: listed }, missed, retry);
  if (outcome.failure) throw outcome.failure.error;
  return missed;
}

const exists = async (table: TenantTable, ctx: TenantContext, noticeId: string) =>
  (await table.get(ctx, noticePk(ctx, noticeId), 'META')) !== undefined;

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
