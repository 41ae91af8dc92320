/**
 * Review's outbox, read and marked done: the submissions the engine has still to take up,
 * and the decided tasks whose release the timer tick has not confirmed. The entries are
 * written by the application's own transactions (`review-outbox.ts`); this is the engine's
 * and the tick's side of them.
 */
import { Outbox } from '../cases/outbox.js';
import type { TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import {
  HANDOFF_TOPIC,
  type Handoff,
  handoffEntry,
  type PendingRelease,
  RELEASE_TOPIC,
  releaseEntry,
  toHandoff,
  toRelease,
} from './review-outbox.js';

export class ReviewOutbox {
  private readonly outbox: Outbox;

  constructor(table: TenantTable) {
    this.outbox = new Outbox(table);
  }

  /** Submissions not yet taken up by review, oldest first. */
  async pendingHandoffs(ctx: TenantContext, limit = 100): Promise<Handoff[]> {
    return (await this.outbox.pending(ctx, HANDOFF_TOPIC, limit)).map(toHandoff);
  }

  /** Marks a hand-off taken up: it leaves the pending listing. */
  async handoffStarted(ctx: TenantContext, handoff: Handoff, at: string): Promise<void> {
    await this.outbox.done(ctx, handoffEntry(ctx, handoff), at);
  }

  /** Decided tasks whose release the timer tick has not confirmed yet, oldest first. */
  async pendingReleases(ctx: TenantContext, limit = 100): Promise<PendingRelease[]> {
    return (await this.outbox.pending(ctx, RELEASE_TOPIC, limit)).map(toRelease);
  }

  /** Marks a release done (sent, or no longer waited on): it leaves the pending listing. */
  async releaseSent(ctx: TenantContext, release: PendingRelease, at: string): Promise<void> {
    await this.outbox.done(ctx, releaseEntry(ctx, release), at);
  }
}
