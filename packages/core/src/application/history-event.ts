/**
 * The immutable history of an application: each event is hashed (SHA-256 over its
 * canonical JSON) together with the previous event's hash, so any edit of the past
 * breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { Actor, Application, ApplicationStatus } from './application.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HistoryEvent {
  /** Equal to the application's version after the change. */
  seq: number;
  at: string;
  actor: string;
  role: string;
  stage?: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason?: string;
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
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
    prevHash: input.prevHash,
  };
  return { ...body, hash: hashEvent(body) };
}

/**
 * Records a change: the next version of the application with the event that explains
 * it, chained to the previous head. `previous` is null when the application is new.
 */
export function recordChange(input: {
  previous: Application | null;
  next: Omit<Application, 'historyHead'>;
  actor: Actor;
  at: Date;
  reason?: string | undefined;
  stage?: string | undefined;
}): { application: Application; event: HistoryEvent } {
  const event = historyEvent({
    seq: input.next.version,
    at: input.at,
    actor: input.actor,
    from: input.previous?.status ?? null,
    to: input.next.status,
    stage: input.stage,
    reason: input.reason,
    prevHash: input.previous?.historyHead ?? GENESIS_HASH,
  });
  return { application: { ...input.next, historyHead: event.hash }, event };
}

/** Whether every event's hash is right and chains to the one before. */
export function verifyChain(events: readonly HistoryEvent[]): boolean {
  let prev = GENESIS_HASH;
  for (const event of events) {
    const { hash, ...body } = event;
    if (event.prevHash !== prev || hashEvent(body) !== hash) return false;
    prev = hash;
  }
  return true;
}
