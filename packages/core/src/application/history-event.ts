/**
 * The immutable history of an application: each event is hashed (SHA-256 over its
 * canonical JSON) together with the previous event's hash and the digest of the
 * application's content at that moment, so any edit of the past, or of the content
 * behind the latest event, breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { Actor, Application, ApplicationDocument, ApplicationStatus } from './application.js';
import { canonicalJson } from './canonical-json.js';
import { contentDigestOf } from './content-digest.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HistoryEvent {
  /** Equal to the application's version after the change. */
  seq: number;
  /** ISO 8601 with milliseconds: the exact instant is part of the hash. */
  at: string;
  actor: string;
  role: string;
  stage?: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason?: string;
  /** `contentDigestOf` the application after the change. */
  digest?: string;
  prevHash: string;
  hash: string;
}

export function hashEvent(event: Omit<HistoryEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

export function historyEvent(input: {
  seq: number;
  at: Date;
  actor: Actor;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  stage?: string | undefined;
  reason?: string | undefined;
  digest?: string | undefined;
  prevHash: string;
}): HistoryEvent {
  const body: Omit<HistoryEvent, 'hash'> = {
    seq: input.seq,
    at: input.at.toISOString(),
    actor: input.actor.sub,
    role: input.actor.role,
    ...(input.stage && { stage: input.stage }),
    from: input.from,
    to: input.to,
    ...(input.reason && { reason: input.reason }),
    ...(input.digest && { digest: input.digest }),
    prevHash: input.prevHash,
  };
  return { ...body, hash: hashEvent(body) };
}

/**
 * Records a change: the next version of the application with the event that explains
 * it, chained to the previous head. `previous` is null when the application is new.
 * `documents` are the application's documents after the change: given, the content
 * digest is computed afresh; absent (the content did not change), it is carried over.
 */
export function recordChange(input: {
  previous: Application | null;
  next: Omit<Application, 'historyHead'>;
  documents?: readonly ApplicationDocument[] | undefined;
  actor: Actor;
  at: Date;
  reason?: string | undefined;
  stage?: string | undefined;
}): { application: Application; event: HistoryEvent } {
  const contentDigest = input.documents
    ? contentDigestOf(input.next, input.documents)
    : input.next.contentDigest;
  const event = historyEvent({
    seq: input.next.version,
    at: input.at,
    actor: input.actor,
    from: input.previous?.status ?? null,
    to: input.next.status,
    stage: input.stage,
    reason: input.reason,
    digest: contentDigest,
    prevHash: input.previous?.historyHead ?? GENESIS_HASH,
  });
  return {
    application: {
      ...input.next,
      ...(contentDigest && { contentDigest }),
      historyHead: event.hash,
    },
    event,
  };
}
