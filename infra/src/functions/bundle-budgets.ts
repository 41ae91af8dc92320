/**
 * What each function's minified bundle may weigh; `pnpm bundle:report` (and so CI)
 * fails a bundle above it. A ratchet: each figure is the bundle's size when it was last
 * set, rounded up with a little headroom (the baked tenants grow with tenants/). Lower
 * it when a bundle shrinks; raising it is a decision to record in the commit.
 *
 * The goal (issue 13): the API bundle ≤ 250 KB minified. Standing in its way, measured
 * at 1190.6 KiB with the portal in its own function and neither the tenant schemas nor
 * the calendar package inside: the AWS SDK (~516 KiB; bundled on purpose, it starts
 * ~370 ms faster than the runtime's: see bundling.ts), zod (~182 KiB; the whole
 * namespace ships, see lean-zod.ts), the baked tenants (~111 KiB, the calendar years
 * 2023–2026 included), supervision (~54 KiB), the routes (~49 KiB), hono (~46 KiB).
 */
import type { FunctionName } from './bundling.js';

const KiB = 1024;

export const BUNDLE_BUDGETS: Record<FunctionName, number> = {
  api: 1200 * KiB,
  portal: 1330 * KiB,
  reviewStage: 1000 * KiB,
  timerTick: 1000 * KiB,
};
