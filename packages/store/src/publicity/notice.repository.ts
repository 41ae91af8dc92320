/**
 * Publicity notices (公示) with their entries and objections, and the published pool.
 * A notice is one partition (`T#<t>#NOTICE#<id>`: `META`, `OBJ#<id>`); open notices are
 * listed for the timer that closes them; the pool is one partition per tenant.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import { type ReviewTask, taskItem } from '../tasks/task.repository.js';

export interface NoticeEntry {
  applicationId: string;
  orgName: string;
  uscc: string;
  track?: string;
  category?: string;
  industries: string[];
}

export interface Notice {
  id: string;
  programId: string;
  stage: string;
  publishedAt: string;
  /** 24:00 of the last working day of publicity, exclusive. */
  endsAt: string;
  entries: NoticeEntry[];
  createdBy: string;
  state: 'open' | 'closed';
}

export interface Objection {
  objectionId: string;
  noticeId: string;
  applicationId: string;
  reason: string;
  contact: string;
  at: string;
  state: 'open' | 'upheld' | 'dismissed';
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

export interface PoolEntry extends NoticeEntry {
  programId: string;
  listedAt: string;
}

const noticePk = (ctx: TenantContext, id: string) => tenantKey(ctx, 'NOTICE', id);

function noticeItem(ctx: TenantContext, notice: Notice) {
  return {
    pk: noticePk(ctx, notice.id),
    sk: 'META',
    ...notice,
    gsi1pk: tenantKey(ctx, 'NOTICES', notice.state),
    gsi1sk: `${notice.endsAt}#${notice.id}`,
  };
}
const strip = <T>({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...rest }: Record<string, unknown>) =>
  rest as T;

export class NoticeRepository {
  constructor(private readonly table: TenantTable) {}

  async save(ctx: TenantContext, notice: Notice): Promise<void> {
    await this.table.put(ctx, noticeItem(ctx, notice));
  }

  /**
   * Publishes a notice and marks each entry's publicity task with it, in one
   * transaction: an application is never in two notices, nor in a notice half-written.
   */
  async publish(ctx: TenantContext, notice: Notice, tasks: ReviewTask[]): Promise<void> {
    await this.table.transact(ctx, [
      { put: noticeItem(ctx, notice), condition: 'attribute_not_exists(pk)' },
      ...tasks.map((task) => ({
        put: taskItem(ctx, { ...task, noticeId: notice.id }),
        condition: 'attribute_not_exists(noticeId) AND #state = :open',
        names: { '#state': 'state' },
        values: { ':open': 'open' },
      })),
    ]);
  }

  async get(ctx: TenantContext, id: string): Promise<Notice | undefined> {
    const item = await this.table.get(ctx, noticePk(ctx, id), 'META');
    return item && strip<Notice>(item);
  }

  /** Notices in one state, by the end of their publicity. */
  async list(ctx: TenantContext, state: Notice['state']): Promise<Notice[]> {
    const notices: Notice[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryIndex(ctx, 'byListing', tenantKey(ctx, 'NOTICES', state), {
        cursor,
      });
      notices.push(...page.items.map((i) => strip<Notice>(i)));
      cursor = page.next;
    } while (cursor);
    return notices;
  }

  async addObjection(ctx: TenantContext, objection: Objection): Promise<void> {
    await this.table.put(
      ctx,
      { pk: noticePk(ctx, objection.noticeId), sk: `OBJ#${objection.objectionId}`, ...objection },
      { ifAbsent: true },
    );
  }

  async updateObjection(ctx: TenantContext, objection: Objection): Promise<void> {
    await this.table.put(ctx, {
      pk: noticePk(ctx, objection.noticeId),
      sk: `OBJ#${objection.objectionId}`,
      ...objection,
    });
  }

  async objections(ctx: TenantContext, noticeId: string): Promise<Objection[]> {
    const { items } = await this.table.query(ctx, noticePk(ctx, noticeId), {
      beginsWith: 'OBJ#',
      limit: 1000,
    });
    return items.map((i) => strip<Objection>(i));
  }

  async pool(ctx: TenantContext): Promise<PoolEntry[]> {
    const entries: PoolEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, tenantKey(ctx, 'POOL'), { cursor });
      entries.push(...page.items.map((i) => strip<PoolEntry>(i)));
      cursor = page.next;
    } while (cursor);
    return entries;
  }
}

/** The pool item of a listed application, written with the listing itself. */
export function poolItem(ctx: TenantContext, entry: PoolEntry) {
  return { pk: tenantKey(ctx, 'POOL'), sk: `${entry.programId}#${entry.applicationId}`, ...entry };
}
