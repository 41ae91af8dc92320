/**
 * Publicity notices (公示) with their entries and objections, and the published pool.
 * An objection and the city admin's task to check it are written together, and
 * deciding one is conditional on it being open, so two clerks never both decide it.
 */

import { applicationTouched } from '../applications/application-items.js';
import { memberStatusSk } from '../supervision/supervision-layouts.js';
import type { TenantContext } from '../table/keys.js';
import { tenantKey } from '../table/keys.js';
import type { ConflictRetry } from '../table/packed-writes.js';
import type { TenantTable } from '../table/tenant-table.js';
import { type ReviewTask, taskItem } from '../tasks/task.repository.js';
import {
  type Notice,
  noticePk,
  type Objection,
  objectionItem,
  objectionSk,
  type PoolEntry,
  stripKeys,
} from './notice-items.js';
import { type EnteringNotice, publishNotice } from './notice-publishing.js';
import { objectionDecided, objectionOpened } from './objection-count.js';

export * from './notice-items.js';
export type { EnteringNotice } from './notice-publishing.js';
export * from './objection-count.js';

export class NoticeRepository {
  constructor(private readonly table: TenantTable) {}

  /**
   * Publishes the notice with the applications entering it, as few transactions as hold
   * them (`notice-publishing.ts`); answers the applications left out, refused because
   * they changed since read. With none entered, no notice is left behind.
   */
  publish(
    ctx: TenantContext,
    notice: Notice,
    entering: readonly EnteringNotice[],
    retry: ConflictRetry,
  ): Promise<Set<string>> {
    return publishNotice(this.table, ctx, notice, entering, retry);
  }

  /** Closes a notice: it leaves the open listing the timer reads. */
  async close(ctx: TenantContext, notice: Pick<Notice, 'id' | 'endsAt'>): Promise<void> {
    await this.table.transact(ctx, [
      {
        update: { pk: noticePk(ctx, notice.id), sk: 'META' },
        expression: 'SET #state = :closed, gsi1pk = :listing',
        names: { '#state': 'state' },
        values: { ':closed': 'closed', ':listing': tenantKey(ctx, 'NOTICES', 'closed') },
      },
    ]);
  }

  async get(ctx: TenantContext, id: string): Promise<Notice | undefined> {
    const item = await this.table.get(ctx, noticePk(ctx, id), 'META');
    return item && stripKeys<Notice>(item);
  }

  /** Notices in one state, by the end of their publicity. */
  async list(ctx: TenantContext, state: Notice['state']): Promise<Notice[]> {
    const notices: Notice[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryIndex(ctx, 'byListing', tenantKey(ctx, 'NOTICES', state), {
        cursor,
      });
      notices.push(...page.items.map((i) => stripKeys<Notice>(i)));
      cursor = page.next;
    } while (cursor);
    return notices;
  }

  /**
   * Records an objection with the city admin's task to check it, while the notice is
   * still open and the entry still stands.
   */
  /**
   * Records an objection with the city admin's task to check it, while the notice is
   * still open, the entry still stands, the application is still in publicity, and
   * fewer than `maxOpen` objections against it are open. Refused with
   * `TransactionRefusedError` otherwise.
   */
  async addObjection(
    ctx: TenantContext,
    objection: Objection,
    task: ReviewTask,
    entryIndex: number,
    maxOpen: number,
  ): Promise<void> {
    await this.table.transact(ctx, [
      { put: objectionItem(ctx, objection), condition: 'attribute_not_exists(pk)' },
      {
        check: { pk: noticePk(ctx, objection.noticeId), sk: 'META' },
        condition: `#state = :open AND entries[${entryIndex}].applicationId = :app AND attribute_not_exists(entries[${entryIndex}].withdrawnAt)`,
        names: { '#state': 'state' },
        values: { ':open': 'open', ':app': objection.applicationId },
      },
      applicationTouched(ctx, objection.applicationId, { status: 'publicity' }),
      objectionOpened(ctx, objection.noticeId, objection.applicationId, maxOpen),
      { put: taskItem(ctx, task) },
    ]);
  }

  async objection(ctx: TenantContext, noticeId: string, objectionId: string) {
    const item = await this.table.get(ctx, noticePk(ctx, noticeId), objectionSk(objectionId));
    return item && stripKeys<Objection>(item);
  }

  /** How many objections against an entry are open now, as the cap counts them. */
  async openObjections(ctx: TenantContext, noticeId: string, applicationId: string) {
    const item = await this.table.get(ctx, noticePk(ctx, noticeId), `OPEN#${applicationId}`);
    return Number(item?.open ?? 0);
  }

  /** Every objection of a notice, oldest first. */
  async objections(ctx: TenantContext, noticeId: string): Promise<Objection[]> {
    const objections: Objection[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, noticePk(ctx, noticeId), {
        beginsWith: 'OBJ#',
        cursor,
      });
      objections.push(...page.items.map((i) => stripKeys<Objection>(i)));
      cursor = page.next;
    } while (cursor);
    return objections.sort((a, b) => a.at.localeCompare(b.at));
  }

  /**
   * Records a dismissal with its task closed; refused (TransactionRefusedError) unless
   * both are still open.
   */
  async dismiss(ctx: TenantContext, objection: Objection, task: ReviewTask): Promise<void> {
    await this.table.transact(ctx, [
      objectionDecided(ctx, objection.noticeId, objection.applicationId),
      {
        put: objectionItem(ctx, objection),
        condition: '#state = :open',
        names: { '#state': 'state' },
        values: { ':open': 'open' },
      },
      {
        put: taskItem(ctx, task),
        condition: '#state = :open',
        names: { '#state': 'state' },
        values: { ':open': 'open' },
      },
    ]);
  }

  async pool(ctx: TenantContext): Promise<PoolEntry[]> {
    const entries: PoolEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, tenantKey(ctx, 'POOL'), { cursor });
      // The partition also carries each member's status (supervision), read apart.
      const listings = page.items.filter((i) => !i.sk.startsWith(memberStatusSk('')));
      entries.push(...listings.map((i) => stripKeys<PoolEntry>(i)));
      cursor = page.next;
    } while (cursor);
    return entries;
  }
}
