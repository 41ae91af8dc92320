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
 * notice is written. One a later transaction leaves out is taken out of it again.
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
  const missed = new Set([...outcome.refused, ...outcome.busy].map((g) => g.applicationId));
  const listed = written?.entries ?? [];
  if (listed.some((e) => missed.has(e.applicationId)))
    await takeOut(table, ctx, { ...notice, entries: listed }, missed);
  return missed;
}

/**
 * Takes entries out of the notice as written (their applications never entered it), in
 * place, refused if the entries moved meanwhile; a notice left without any is deleted.
 */
async function takeOut(
  table: TenantTable,
  ctx: TenantContext,
  notice: Notice,
  applicationIds: ReadonlySet<string>,
): Promise<void> {
  const key = { pk: noticePk(ctx, notice.id), sk: 'META' };
  const indexes = notice.entries.flatMap((e, i) =>
    applicationIds.has(e.applicationId) ? [i] : [],
  );
  if (indexes.length === notice.entries.length) {
    await table.transact(ctx, [{ delete: key }]);
    return;
  }
  await table.transact(ctx, [
    {
      update: key,
      expression: `REMOVE ${indexes.map((i) => `entries[${i}]`).join(', ')}`,
      condition: indexes.map((i) => `entries[${i}].applicationId = :a${i}`).join(' AND '),
      values: Object.fromEntries(indexes.map((i) => [`:a${i}`, notice.entries[i]?.applicationId])),
    },
  ]);
}
