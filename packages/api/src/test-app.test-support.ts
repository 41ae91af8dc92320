/**
 * Builds the app for route tests: the real tenants, a virtual clock on a hand-moved
 * real clock, and readiness and timers the test controls.
 */
import { type Clock, parseInstant, systemClock, VirtualClock } from '@sme/core';
import { ApplicationRepository, BanRepository, NoticeRepository, TaskRepository } from '@sme/store';
import { createTestStore } from '@sme/store/testing';
import { Publicity, timerJobs } from '@sme/workflow';
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
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const apps = new ApplicationRepository(store.table);
  const tasks = new TaskRepository(store.table);
  const review = new LocalReviewEngine({
    tenants: byId,
    apps,
    bans: new BanRepository(store.table),
    tasks,
    clock,
  });
  const publicity = new Publicity({
    tenants: byId,
    apps,
    tasks,
    notices: new NoticeRepository(store.table),
    releaser: review,
    clock,
    newId: () => crypto.randomUUID(),
  });
  const jobs = timerJobs({ review, publicity, tenants: byId, apps, clock });
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
        let done = options.dueTimers ?? 0;
        for (const job of Object.values(jobs)) done += await job();
        return done;
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
