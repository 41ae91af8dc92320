/**
 * Tells the workflow about a decided task. The release was recorded in the transaction
 * that decided the task (`PendingRelease`); it is sent, then marked sent. One that fails
 * stays pending, the decision stands, and the timer tick sends it again
 * (`retryReleases`). Sending one twice is harmless: a token already released is no
 * longer waited on, and `release` answers false.
 */
import type { Clock, ResolvedTenant } from '@sme/core';
import type { ApplicationRepository, PendingRelease, TenantContext } from '@sme/store';
import { tenantContext } from '@sme/store';
import type { RunOutcome, TaskReleaser } from '@sme/workflow';

export interface ReleaseDeps {
  apps: ApplicationRepository;
  releaser: TaskReleaser;
  clock: Clock;
}

/** Sends one release; false when it failed and is left for the retry. */
export async function sendRelease(
  deps: ReleaseDeps,
  ctx: TenantContext,
  release: PendingRelease,
): Promise<boolean> {
  try {
    await deps.releaser.release(release.token, release.outcome as RunOutcome);
    await deps.apps.releaseSent(ctx, release, deps.clock.now().toISOString());
    return true;
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
    return false;
  }
}

/** A release younger than this may still be on its way from the request that decided it. */
const GRACE_MS = 60_000;

/** Sends every release pending longer than a minute, in every tenant; how many went. */
export async function retryReleases(
  deps: ReleaseDeps & { tenants: ReadonlyMap<string, ResolvedTenant> },
): Promise<number> {
  const before = deps.clock.now().getTime() - GRACE_MS;
  let sent = 0;
  for (const tenant of deps.tenants.values()) {
    const ctx = tenantContext(tenant);
    for (const release of await deps.apps.pendingReleases(ctx)) {
      if (Date.parse(release.at) > before) continue;
      if (await sendRelease(deps, ctx, release)) sent += 1;
    }
  }
  return sent;
}
