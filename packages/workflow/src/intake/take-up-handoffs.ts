/**
 * Review intake, the same for every engine: each tick takes up the pending hand-offs of
 * every tenant, a page after another and a few at once, so a deadline's burst of
 * submissions is in review within a tick or two. It used to take one page of 100 per
 * tenant, one after another: on AWS, with a tick a minute, 2,000 submissions waited
 * twenty minutes to start review (issue 13).
 *
 * What an engine does with one hand-off (start its run, mark it taken up) is its own;
 * a hand-off it could not take up stays pending, and the next tick tries it again.
 */
import type { ResolvedTenant } from '@sme/core';
import type { Handoff, ReviewOutbox, TenantContext } from '@sme/store';
import { tenantContext } from '@sme/store';
import pMap from 'p-map';

export interface IntakeLimits {
  /** Hand-offs listed at once. */
  page: number;
  /** Taken up at once: each is a few calls (Step Functions' start, the table's write). */
  concurrency: number;
  /** At most per tenant and tick: the tick has other jobs, and a timeout (55 s on AWS). */
  perTenant: number;
}

/**
 * On AWS a hand-off is StartExecution then one write, ~60 ms: 500 at 8 at once take
 * ~4 s, and four tenants' bursts in one tick fit well within its 55 s. 8 at once stays
 * under Step Functions' StartExecution refill rate in every region.
 */
export const INTAKE_LIMITS: IntakeLimits = { page: 100, concurrency: 8, perTenant: 500 };

export interface IntakeDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  outbox: Pick<ReviewOutbox, 'pendingHandoffs'>;
  limits?: IntakeLimits;
}

export type TakeUp = (
  tenant: ResolvedTenant,
  ctx: TenantContext,
  handoff: Handoff,
) => Promise<void>;

/** Takes up what is pending; answers how many were taken up and what failed. */
export async function takeUpHandoffs(
  deps: IntakeDeps,
  takeUp: TakeUp,
): Promise<{ started: number; failures: unknown[] }> {
  const limits = deps.limits ?? INTAKE_LIMITS;
  let started = 0;
  const failures: unknown[] = [];
  for (const tenant of deps.tenants.values()) {
    const ctx = tenantContext(tenant);
    // The pending listing is an index that may still show what was just taken up
    // (eventually consistent on AWS): a hand-off is tried once a tick, and a page with
    // nothing new, or with a failure, ends the tenant's turn.
    const seen = new Set<string>();
    while (seen.size < limits.perTenant) {
      const size = Math.min(limits.page, limits.perTenant - seen.size);
      const listed = await deps.outbox.pendingHandoffs(ctx, size);
      const fresh = listed.filter((h) => !seen.has(handoffKey(h)));
      for (const handoff of fresh) seen.add(handoffKey(handoff));
      const failed = failures.length;
      await pMap(
        fresh,
        async (handoff) => {
          try {
            await takeUp(tenant, ctx, handoff);
            started += 1;
          } catch (error) {
            failures.push(error);
          }
        },
        { concurrency: limits.concurrency },
      );
      if (listed.length < size || fresh.length === 0 || failures.length > failed) break;
    }
  }
  return { started, failures };
}

const handoffKey = (h: Handoff) => `${h.applicationId}#${h.version}`;
