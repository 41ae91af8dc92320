/**
 * The whole platform on one machine: DynamoDB Local and the local S3 under the data
 * folder, the table and bucket, the tenants, the virtual clock with its timer loop, and
 * the app on @hono/node-server. `stop()` ends everything it started.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type App, createApp, hmacVerifier } from '@sme/api';
import { devRoutes } from '@sme/api/dev';
import { type Clock, type ResolvedTenant, systemClock } from '@sme/core';
import { createPlatform } from '@sme/platform';
import {
  createStoreClients,
  DocumentStore,
  ensureBucket,
  ensureTable,
  LOOPBACK_ORIGINS,
  type StoreClients,
  storageReadiness,
  TenantTable,
  tenantContext,
} from '@sme/store';
import { loadTenants } from '@sme/tenants/load';
import type { StageHandler } from '@sme/workflow';
import { LocalReviewEngine } from '@sme/workflow/local';
import { seedDemo } from '../demo/seed-demo.js';
import { type RunningEngine, startDynamoDbLocal } from '../engines/dynamodb-local.js';
import { startLocalS3 } from '../engines/s3-local.js';
import { clockFile, dynamoDbLocalOptions, type LocalConfig } from './local-config.js';
import { PersistentClock } from './persistent-clock.js';
import { endpointsFileOf, writeStackEndpoints } from './stack-endpoints.js';
import { TimerLoop } from './timer-loop.js';

export const TABLE_NAME = 'sme-dx';
export const BUCKET_NAME = 'sme-dx-documents';

export interface LocalStackOptions {
  /** The real time the virtual clock runs along with (injected for tests). */
  realClock?: Clock;
  /** Wraps what the review stages do (tests hold runs mid-resume with it). */
  reviewStages?: (stages: StageHandler) => StageHandler;
  /**
   * DynamoDB Local already starting with `dynamoDbLocalOptions(config)`: `main.ts` starts
   * java (seconds) while it still loads the platform's modules (seconds too). Stopped
   * here like the stack's own, also when the start fails.
   */
  dynamodb?: Promise<RunningEngine>;
}

export interface LocalStack {
  url: string;
  /** Where the engines listen, on 127.0.0.1 only. */
  endpoints: { dynamodb: string; s3: string };
  /** The app, for tests that call it without HTTP. */
  app: App;
  review: LocalReviewEngine;
  clients: StoreClients;
  tenants: readonly ResolvedTenant[];
  /** The virtual clock, written to `DATA_DIR/clock.json` on every move, tick and stop. */
  clock: PersistentClock;
  timers: TimerLoop;
  /** Resolves once the runs in review at the start are resumed, with how many. */
  resumed: Promise<number>;
  stop(): Promise<void>;
}

/** A token secret that survives restarts, so signed-in sessions do too. */
async function tokenSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'dev-token-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

export async function startLocalStack(
  config: LocalConfig,
  options: LocalStackOptions = {},
): Promise<LocalStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  const started = options.dynamodb;
  if (started) stops.push(async () => (await started.catch(() => undefined))?.stop());
  try {
    const { tenants, errors } = await loadTenants();
    if (errors.length > 0) {
      throw new Error(
        `tenant configuration is invalid:\n${errors.map((e) => `  ${e.file} ${e.path}: ${e.message}`).join('\n')}`,
      );
    }

    // Before any engine starts: an unusable clock file stops the start at once.
    const clockPath = clockFile(config);
    PersistentClock.check(clockPath);

    const dynamo = await (started ?? startDynamoDbLocal(dynamoDbLocalOptions(config)));
    if (!started) stops.push(dynamo.stop);
    const s3 = await startLocalS3({
      dataDir: join(config.dataDir, 's3'),
      ...(config.s3Port && { port: config.s3Port }),
    });
    stops.push(s3.stop);

    const clients = createStoreClients({ dynamodb: dynamo.endpoint, s3: s3.endpoint });
    stops.push(async () => {
      clients.dynamodb.destroy();
      clients.s3.destroy();
    });
    await ensureTable(clients.dynamodb, TABLE_NAME);
    // The portal's pages post uploads straight to the local S3 from the browser.
    await ensureBucket(clients.s3, BUCKET_NAME, { corsOrigins: LOOPBACK_ORIGINS });
    // Where tools such as `pnpm audit:verify` find the running engines.
    await writeStackEndpoints(config.dataDir, {
      dynamodb: dynamo.endpoint,
      s3: s3.endpoint,
      table: TABLE_NAME,
    });
    stops.push(() => rm(endpointsFileOf(config.dataDir), { force: true }));

    // Started once the engines are up, so the platform opens at CLOCK_START itself.
    const clock = PersistentClock.open(clockPath, {
      ...(config.clockStart && { start: config.clockStart }),
      ...(options.realClock && { real: options.realClock }),
    });
    const platform = createPlatform({
      tenants,
      table: new TenantTable(clients.documents, TABLE_NAME),
      documents: new DocumentStore(clients.s3, BUCKET_NAME),
      clock,
      engine: (parts) =>
        new LocalReviewEngine(
          options.reviewStages ? { ...parts, stages: options.reviewStages(parts.stages) } : parts,
        ),
    });
    // Bans kept in `.data/` from before ban summaries existed are copied onto them, so
    // the commands' batched ban check sees them (idempotent; bans are few).
    for (const tenant of tenants.filter((t) => t.kind === 'province'))
      await platform.repositories.bans.summarize(tenantContext(tenant));
    // The demo people of the sign-in page find their organizations and expert pool.
    await seedDemo(platform);
    const review = platform.engine;
    /** The background resume, started once the app answers (below). */
    let resumed: Promise<number> = Promise.resolve(0);
    stops.push(async () => {
      review.stop();
      await resumed;
    });
    const timers = new TimerLoop(clock);
    // First, so a failing job cannot keep the tick from writing the clock down; and a
    // stop step that runs once the loop has stopped (stop steps run in reverse).
    timers.register(async () => {
      clock.persist();
      return 0;
    });
    stops.push(async () => clock.persist());
    for (const job of Object.values(platform.timerJobs)) timers.register(job);
    timers.start();
    stops.push(() => timers.stop());

    const secret = await tokenSecret(config.dataDir);
    const app = createApp({
      platform,
      verifier: hmacVerifier(secret),
      readiness: async () => {
        const storage = await storageReadiness(clients, {
          tableName: TABLE_NAME,
          bucket: BUCKET_NAME,
        });
        const resuming = review.resuming;
        return resuming ? { ...storage, resuming } : storage;
      },
      dev: {
        clock,
        sessionClock: systemClock,
        tokenSecret: secret,
        fireDueTimers: (now) => timers.fireDue(now),
        routes: devRoutes,
      },
    });

    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, port: config.port, hostname: '127.0.0.1' }, () =>
        resolve(started),
      );
      started.once('error', reject);
    });
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
    );
    // Only once the app answers: resuming thousands of runs after a restart takes far
    // longer than a start may (each reads and writes its task), so they are resumed in
    // the background and `/api/health` reports how far along they are.
    resumed = review.resume().catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', msg: 'resume failed', error: String(error) }));
      return 0;
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint },
      app,
      review,
      clients,
      tenants,
      clock,
      timers,
      resumed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
