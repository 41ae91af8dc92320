/**
 * Tells the workflow about a decided task. The release was recorded, pending, in the
 * transaction that decided the task (`PendingRelease`); the deciding request sends it at
 * once and writes nothing more. Once a release is a minute old the timer tick sends it
 * again and marks it done (`retryReleases`), so one that failed, or whose request ended
 * before sending it, is never lost. Sending one twice is harmless: a token already
 * released is no longer waited on, and `release` answers false.
 */
import type { Clock, ResolvedTenant } from '@sme/core';
import type { PendingRelease, ReviewOutbox, TenantContext } from '@sme/store';
import { tenantContext } from '@sme/store';
import type { RunOutcome, TaskReleaser } from '@sme/workflow';

export interface ReleaseDeps {
  outbox: ReviewOutbox;
  releaser: TaskReleaser;
  clock: Clock;
}

/** What sending a release did: moved a run on, found none waiting on it, or failed. */
type Sent = 'moved' | 'not_waited' | 'failed';

/** Sends one release; one that failed is left pending for the tick. */
export async function sendRelease(
  deps: Pick<ReleaseDeps, 'releaser'>,
  ctx: TenantContext,
  release: PendingRelease,
): Promise<Sent> {
  try {
    const moved = await deps.releaser.release(release.token, release.outcome as RunOutcome);
    return moved ? 'moved' : 'not_waited';
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'warn',
        msg: 'release not confirmed; the timer tick sends it again',
        tenant: ctx.tenant,
        applicationId: release.applicationId,
        taskId: release.taskId,
        error: String(error),
      }),
    );
    return 'failed';
  }
}

/** A release younger than this may still be on its way from the request that decided it. */
const GRACE_MS = 60_000;
/** Pending releases a tick goes through per tenant, a page at a time. */
const PAGE = 100;
const PAGES_PER_TICK = 5;

/**
 * Sends again every release pending longer than a minute, in every tenant, and marks it
 * done unless sending failed; answers how many moved a run on (most were sent by their
 * request already, and find none waiting).
 */
export async function retryReleases(
  deps: ReleaseDeps & { tenants: ReadonlyMap<string, ResolvedTenant> },
): Promise<number> {
  const now = deps.clock.now();
  const before = now.getTime() - GRACE_MS;
  let moved = 0;
  for (const tenant of deps.tenants.values()) {
    const ctx = tenantContext(tenant);
    for (let page = 0; page < PAGES_PER_TICK; page += 1) {
      // Oldest first; a release marked done leaves the listing, so each page reads on.
      const pending = await deps.outbox.pendingReleases(ctx, PAGE);
      const due = pending.filter((release) => Date.parse(release.at) <= before);
      let marked = 0;
      for (const release of due) {
        const sent = await sendRelease(deps, ctx, release);
        if (sent === 'failed') continue;
        if (sent === 'moved') moved += 1;
        await deps.outbox.releaseSent(ctx, release, now.toISOString());
        marked += 1;
      }
      // A short page or one with releases still in their minute: nothing more is due.
      // One that failed (the engine throttled, say) waits for the next tick.
      if (pending.length < PAGE || due.length < pending.length || marked < due.length) break;
    }
  }
  return moved;
}
