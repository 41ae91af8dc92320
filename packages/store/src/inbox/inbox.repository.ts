/**
 * An organization's inbox in a tenant: messages the platform leaves for it (a reminder
 * of its yearly update), under `T#<t>#INBOX#<uscc>`, ordered by the instant the message
 * is dated. A message's key is made from that instant and its id, both fixed by what it
 * is about, so delivering it twice leaves one message.
 */
import { ConditionFailedError } from '../errors.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { Page, TenantTable } from '../table/tenant-table.js';

export interface InboxMessage {
  id: string;
  uscc: string;
  /** What sort of message (`yearly-update-reminder`). */
  kind: string;
  /** The instant the message is dated. */
  at: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  /** The instant by which what it asks is due, if it asks something. */
  dueAt?: string;
}

export const inboxPk = (ctx: TenantContext, uscc: string) => tenantKey(ctx, 'INBOX', uscc);

export class InboxRepository {
  constructor(private readonly table: TenantTable) {}

  /** Leaves the message once: false when it was already there. */
  async deliver(ctx: TenantContext, message: InboxMessage): Promise<boolean> {
    try {
      await this.table.put(
        ctx,
        { pk: inboxPk(ctx, message.uscc), sk: `${message.at}#${message.id}`, ...message },
        { ifAbsent: true },
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  /** The organization's messages, newest first. */
  async list(
    ctx: TenantContext,
    uscc: string,
    page: { cursor?: string | undefined; limit?: number } = {},
  ): Promise<Page<InboxMessage>> {
    const result = await this.table.query<InboxMessage & { pk: string; sk: string }>(
      ctx,
      inboxPk(ctx, uscc),
      { descending: true, limit: page.limit ?? 50, cursor: page.cursor },
    );
    return { ...result, items: result.items.map(({ pk: _pk, sk: _sk, ...m }) => m) };
  }
}
