/**
 * The history of a case: each event is hashed (SHA-256 over its canonical JSON)
 * together with the previous event's hash and, where the kind keeps one, the digest of
 * what the case states at that moment, so any edit of the past breaks the chain.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../application/canonical-json.js';
import type { Actor, CaseState } from './case.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HistoryEvent<S extends string = string> {
  /** Equal to the case's version after the change. */
  seq: number;
  /** ISO 8601 with milliseconds: the exact instant is part of the hash. */
  at: string;
  actor: string;
  role: string;
  stage?: string;
  from: S | null;
  to: S;
  reason?: string;
  /** The digest of what the case states after the change, where its kind keeps one. */
  digest?: string;
  prevHash: string;
  hash: string;
}

export function hashEvent(event: Omit<HistoryEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

export function historyEvent<S extends string>(input: {
  seq: number;
  at: Date;
  actor: Actor;
  from: S | null;
  to: S;
  stage?: string | undefined;
  reason?: string | undefined;
  digest?: string | undefined;
  prevHash: string;
}): HistoryEvent<S> {
  const body: Omit<HistoryEvent<S>, 'hash'> = {
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
 * Records a change of any case: the next state with the event that explains it,
 * chained to the previous head. `previous` is null when the case is new; `digest`, when
 * given, replaces the content digest the case carries.
 */
export function recordCaseChange<S extends string, C extends CaseState<S>>(input: {
  previous: C | null;
  next: Omit<C, 'historyHead'>;
  actor: Actor;
  at: Date;
  reason?: string | undefined;
  stage?: string | undefined;
  digest?: string | undefined;
}): { state: C; event: HistoryEvent<S> } {
  const contentDigest = input.digest ?? input.next.contentDigest;
  const event = historyEvent<S>({
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
  const state = {
    ...input.next,
    ...(contentDigest && { contentDigest }),
    historyHead: event.hash,
  } as C;
  return { state, event };
}
