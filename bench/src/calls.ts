/**
 * (c) DynamoDB calls per route: the provider walk the scenario tests use (register the
 * organization, create a draft, declare and complete each document, submit), the
 * province's stats read, then the staff's side of the walk (a return and the
 * resubmission, the district's pass, the panel, the ranking decision, the notice), on
 * the local stack, each request's commands counted by an SDK middleware on the stack's
 * DynamoDB client.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInstant } from '@sme/core';
import { startLocalStack } from '@sme/local';
import { ApiClient } from '../../test/support/api-client.js';
import { OPEN_AT } from '../../test/support/qingdao.js';
import { submittedApplication } from '../../test/support/submitted.js';
import type { Benchmark } from './benchmark.js';
import { CallCounter, type CountedRequest, total } from './call-counter.js';
import { reviewWalk } from './stack/review-walk.js';

/** A USCC number the demo seed does not use. */
const PROVIDER = 4242;
const REGION = 'laoshan';

/** Until the requests' background work has been quiet this long (the review intake). */
const QUIET_MS = 1_000;
const SETTLE_LIMIT_MS = 15_000;

async function settled(counter: CallCounter): Promise<void> {
  const afterCalls = () => counter.requests.reduce((sum, r) => sum + total(r.after), 0);
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let seen = -1;
  while (seen !== afterCalls() && Date.now() < deadline) {
    seen = afterCalls();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

const commands = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([name, n]) => `${name.replace(/Command$/, '')}×${n}`)
    .join(' ');

function line(r: CountedRequest): string {
  const after = total(r.after) > 0 ? `  (+${total(r.after)} after: ${commands(r.after)})` : '';
  const head = `${r.method} ${r.route}`.padEnd(72);
  return `  ${head} ${String(r.status)}  ${String(total(r.during)).padStart(2)}  ${commands(r.during)}${after}`;
}

/** Signing in is the dev stack's own route, not one the platform serves. */
const platformRequests = (requests: readonly CountedRequest[]) =>
  requests.filter((r) => !r.route.startsWith('/api/dev/'));

interface Writes {
  most: number;
  total: number;
}

function writesOf(requests: readonly CountedRequest[]): Writes {
  const writes = requests.filter((r) => r.method !== 'GET').map((r) => total(r.during));
  return { most: Math.max(...writes), total: writes.reduce((sum, n) => sum + n, 0) };
}

const figuresOf = (r: CountedRequest) => ({
  method: r.method,
  route: r.route,
  status: r.status,
  calls: total(r.during),
  commands: r.during,
  afterAnswer: r.after,
});

export const calls: Benchmark = {
  name: 'calls',
  title: 'DynamoDB calls per request: the provider walk and the stats read',
  target: 'every write ≤ 3 DynamoDB calls; stats one query per tenant',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'sme-bench-calls-'));
    const stack = await startLocalStack({ port: 0, dataDir, clockStart: parseInstant(OPEN_AT) });
    try {
      // Review intake is the burst benchmark's to measure, not a request's: the staff's
      // walk hands its runs on itself, as the timer would.
      await stack.timers.stop();
      const counter = new CallCounter();
      counter.attach(stack.clients.dynamodb);
      const app = counter.wrap(stack.app);
      const { id, provider } = await submittedApplication(app, PROVIDER, REGION);
      const province = await ApiClient.signIn(app, { role: 'province_admin', tenant: 'shandong' });
      const stats = await province.get('/api/tenants/shandong/stats');
      if (stats.status !== 200) throw new Error(`stats: ${stats.status}`);
      await settled(counter);
      const providerWalk = platformRequests(counter.requests);
      const walked = counter.requests.length;
      // The submission taken up into review, as the timer would: every command outside
      // a request until the run waits for the district's reviewer.
      const before = { ...counter.outside };
      await stack.review.pickUp();
      await stack.review.settled();
      const intakeCommands = Object.fromEntries(
        Object.entries(counter.outside)
          .map(([name, n]) => [name, n - (before[name] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
      const intake = total(intakeCommands);
      await reviewWalk(app, stack, { id, provider, region: REGION });
      await settled(counter);
      const staffWalk = platformRequests(counter.requests.slice(walked));
      const failed = [...providerWalk, ...staffWalk].filter((r) => r.status >= 400);
      if (failed.length > 0) throw new Error(`failed: ${failed.map(line).join('\n')}`);
      const [walk, staff] = [providerWalk, staffWalk].map(writesOf) as [Writes, Writes];
      return {
        summary: [
          `  ${'request'.padEnd(72)} status calls`,
          ...providerWalk.map(line),
          `  the provider's walk: most calls in one write ${walk.most}; total ${walk.total}`,
          `  review intake of the submission (every tenant's hand-offs read, the run up to the district's task): ${intake} calls  ${commands(intakeCommands)}`,
          "  then the staff's side (a return and resubmission, the panel, the ranking, the notice):",
          ...staffWalk.map(line),
          `  the staff's side: most calls in one write ${staff.most}; total ${staff.total}`,
        ].join('\n'),
        figures: {
          requests: providerWalk.map(figuresOf),
          mostCallsInOneWrite: walk.most,
          reviewIntakeCalls: intake,
          reviewIntakeCommands: intakeCommands,
          staffRequests: staffWalk.map(figuresOf),
          mostCallsInOneStaffWrite: staff.most,
        },
      };
    } finally {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
