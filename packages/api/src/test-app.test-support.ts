/**
 * Builds the app for route tests: the real tenants on the platform `createPlatform`
 * wires, a virtual clock on a hand-moved real clock, the local review engine, and
 * readiness and timers the test controls.
 */
import {
  type Clock,
  parseInstant,
  type ResolvedTenant,
  systemClock,
  VirtualClock,
} from '@sme/core';
import { type Backoff, createPlatform } from '@sme/platform';
import { createTestStore } from '@sme/store/testing';
import { LocalReviewEngine } from '@sme/workflow/local';
import { inject } from 'vitest';
import { createApp } from './app.jsx';
import { hmacVerifier } from './auth/token-verifier.js';
import { devRoutes } from './routes/dev.routes.js';

export const TEST_SECRET = 'test-secret-of-at-least-32-characters!';

export async function testApp(
  options: {
    start?: string;
    ready?: boolean;
    /** What readiness says of runs being resumed after a restart. */
    resuming?: { done: number; of: number };
    dueTimers?: number;
    /** What a test changes in the real tenants (a rule another city could set). */
    tenants?: (tenants: ResolvedTenant[]) => ResolvedTenant[];
    /** How retried writes wait (a test's own, to retry without waiting). */
    backoff?: Backoff;
  } = {},
) {
  const store = await createTestStore();
  let realNow = parseInstant('2026-11-22T10:00:00Z').getTime();
  const real: Clock = { now: () => new Date(realNow) };
  const clock = new VirtualClock(parseInstant(options.start ?? '2024-01-20T09:00:00+08:00'), real);
  const fired: Date[] = [];
  const platform = createPlatform({
    tenants: options.tenants ? options.tenants(inject('tenants')) : inject('tenants'),
    table: store.table,
    documents: store.documents,
    clock,
    engine: (parts) => new LocalReviewEngine(parts),
    ...(options.backoff && { backoff: options.backoff }),
  });
  const app = createApp({
    platform,
    verifier: hmacVerifier(TEST_SECRET),
    readiness: async () =>
      options.ready === false
        ? { ready: false, detail: 'table missing' }
        : { ready: true, ...(options.resuming && { resuming: options.resuming }) },
    dev: {
      clock,
      tokenSecret: TEST_SECRET,
      sessionClock: systemClock,
      routes: devRoutes,
      fireDueTimers: async (now) => {
        fired.push(now);
        let done = options.dueTimers ?? 0;
        for (const job of Object.values(platform.timerJobs)) done += await job();
        return done;
      },
    },
  });
  return {
    app,
    platform,
    clock,
    fired,
    store,
    review: platform.engine,
    tickReal: (ms: number) => {
      realNow += ms;
    },
  };
}

export const postJson = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
