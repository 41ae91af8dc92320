/**
 * Recomputes an application's history chain and says where it breaks: an event whose
 * hash does not match its content, one that does not chain to the event before it, a
 * gap in the sequence, or a stored application whose head or content is not what the
 * latest event recorded.
 */
import type { Application, ApplicationDocument } from './application.js';
import { contentDigestOf } from './content-digest.js';
import { GENESIS_HASH, type HistoryEvent, hashEvent } from './history-event.js';

export type ChainBreakReason =
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'sequence_gap'
  | 'head_mismatch'
  | 'content_mismatch';

export type ChainAudit =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; seq: number; reason: ChainBreakReason; detail: string };

const REASONS: Record<ChainBreakReason, string> = {
  hash_mismatch: 'the event was altered: its hash does not match its content',
  prev_hash_mismatch: 'the event does not chain to the one before it',
  sequence_gap: 'an event is missing or out of order',
  head_mismatch: 'the application does not point at the latest event',
  content_mismatch:
    'the application’s fields or documents differ from what the latest event recorded',
};

const broken = (events: number, seq: number, reason: ChainBreakReason): ChainAudit => ({
  ok: false,
  events,
  seq,
  reason,
  detail: REASONS[reason],
});

/** Audits the events (oldest first), and, when given, the stored application against them. */
export function auditChain(
  events: readonly HistoryEvent[],
  current?: { application: Application; documents: readonly ApplicationDocument[] },
): ChainAudit {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return broken(events.length, event.seq, 'sequence_gap');
    const { hash, ...body } = event;
    if (hashEvent(body) !== hash) return broken(events.length, event.seq, 'hash_mismatch');
    if (event.prevHash !== prev) return broken(events.length, event.seq, 'prev_hash_mismatch');
    prev = hash;
    expectedSeq += 1;
  }
  const last = events.at(-1);
  if (current && last) {
    const { application, documents } = current;
    if (application.historyHead !== last.hash || application.version !== last.seq)
      return broken(events.length, last.seq, 'head_mismatch');
    if (last.digest && contentDigestOf(application, documents) !== last.digest)
      return broken(events.length, last.seq, 'content_mismatch');
  }
  return { ok: true, events: events.length, head: prev };
}

/** Whether every event's hash is right and chains to the one before. */
export function verifyChain(events: readonly HistoryEvent[]): boolean {
  return auditChain(events).ok;
}
