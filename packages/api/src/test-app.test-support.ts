/**
 * Builds the app for route tests: the real tenants, a virtual clock on a hand-moved
 * real clock, and readiness and timers the test controls.
 */
import { type Clock, parseInstant, systemClock, VirtualClock } from '@sme/core';
import { ApplicationRepository, BanRepository, NoticeRepository, TaskRepository } from '@sme/store';
import { createTestStore } from '@sme/store/testing';
import { Publicity, retryReleases } from '@sme/workflow';
import { LocalReviewEngine } from '@sme/workflow/local';
import { inject } from 'vitest';
import { createApp } from './app.jsx';
import { hmacVerifier } from './auth/token-verifier.js';

export const TEST_SECRET = 'test-secret-of-at-least-32-characters!';

export async function testApp(
  options: { start?: string; ready?: boolean; dueTimers?: number } = {},
) {
  const store = await createTestStore();
  let realNow = parseInstant('2026-11-22T10:00:00Z').getTime();
  const real: Clock = { now: () => new Date(realNow) };
  const clock = new VirtualClock(parseInstant(options.start ?? '2024-01-20T09:00:00+08:00'), real);
  const fired: Date[] = [];
  const tenants = inject('tenants');
  const review = new LocalReviewEngine({
    tenants: new Map(tenants.map((t) => [t.id, t])),
    apps: new ApplicationRepository(store.table),
    bans: new BanRepository(store.table),
    tasks: new TaskRepository(store.table),
    clock,
  });
  const publicity = new Publicity({
    tenants: new Map(tenants.map((t) => [t.id, t])),
    apps: new ApplicationRepository(store.table),
    tasks: new TaskRepository(store.table),
    notices: new NoticeRepository(store.table),
    releaser: review,
    clock,
    newId: () => crypto.randomUUID(),
  });
  const app = createApp({
    tenants,
    clock,
    review,
    storage: { table: store.table, documents: store.documents },
    verifier: hmacVerifier(TEST_SECRET),
    readiness: async () =>
      options.ready === false ? { ready: false, detail: 'table missing' } : { ready: true },
    dev: {
      clock,
      tokenSecret: TEST_SECRET,
      sessionClock: systemClock,
      fireDueTimers: async (now) => {
        fired.push(now);
        const released = await retryReleases({
          tenants: new Map(tenants.map((t) => [t.id, t])),
          apps: new ApplicationRepository(store.table),
          releaser: review,
          clock,
        });
        return (
          (await review.pickUp()) +
          (await publicity.closeDue()) +
          released +
          (options.dueTimers ?? 0)
        );
      },
    },
  });
  return {
    app,
    clock,
    fired,
    store,
    review,
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
