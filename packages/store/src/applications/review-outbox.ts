/**
 * What review hands on through the outbox (`cases/outbox.ts`): a submission for the
 * engine to take up, and a decided task whose token the engine must be told of. Both
 * are written in the transaction of the change that makes them, and stay pending until
 * done, so a crash or a throttled engine loses neither.
 */
import type { Application } from '@sme/core';
import { type OutboxEntry, outboxOp } from '../cases/outbox.js';
import type { TenantContext } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';
import { appPk } from './application-items.js';

export const HANDOFF_TOPIC = 'review-handoff';
export const RELEASE_TOPIC = 'review-release';

/** A submission waiting to be taken up by review. */
export interface Handoff {
  applicationId: string;
  programId: string;
  version: number;
  at: string;
}

/**
 * A decided task whose token the workflow has to be told about: sent by the deciding
 * request, and marked done by the timer tick once it has sent it again a minute later,
 * so a release that fails (Step Functions throttled, the process gone) is retried, never
 * lost, and the application never waits on a decision already taken.
 */
export interface PendingRelease {
  applicationId: string;
  taskId: string;
  token: string;
  outcome: string;
  at: string;
}

const versionKey = (version: number) => String(version).padStart(8, '0');

export function handoffEntry(ctx: TenantContext, handoff: Handoff): OutboxEntry {
  return {
    topic: HANDOFF_TOPIC,
    casePk: appPk(ctx, handoff.applicationId),
    caseId: handoff.applicationId,
    key: versionKey(handoff.version),
    at: handoff.at,
    payload: { programId: handoff.programId, version: handoff.version },
  };
}

export function releaseEntry(ctx: TenantContext, release: PendingRelease): OutboxEntry {
  return {
    topic: RELEASE_TOPIC,
    casePk: appPk(ctx, release.applicationId),
    caseId: release.applicationId,
    key: release.taskId,
    at: release.at,
    payload: { taskId: release.taskId, token: release.token, outcome: release.outcome },
  };
}

export const toHandoff = (entry: OutboxEntry): Handoff => ({
  applicationId: entry.caseId,
  programId: String(entry.payload.programId),
  version: Number(entry.payload.version),
  at: entry.at,
});

export const toRelease = (entry: OutboxEntry): PendingRelease => ({
  applicationId: entry.caseId,
  taskId: String(entry.payload.taskId),
  token: String(entry.payload.token),
  outcome: String(entry.payload.outcome),
  at: entry.at,
});

/** The hand-off of an application just submitted. */
export const handoffOp = (ctx: TenantContext, app: Application): TransactOp =>
  outboxOp(
    ctx,
    handoffEntry(ctx, {
      applicationId: app.id,
      programId: app.programId,
      version: app.version,
      at: app.updatedAt,
    }),
  );

export const releaseOp = (ctx: TenantContext, release: PendingRelease): TransactOp =>
  outboxOp(ctx, releaseEntry(ctx, release));
