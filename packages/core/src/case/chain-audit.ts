/**
 * Recomputes a case's history chain and says where it breaks: an event whose hash does
 * not match its content, one that does not chain to the event before it, a gap in the
 * sequence, or a stored case whose head or content is not what the latest event
 * recorded.
 */
import type { CaseState } from './case.js';
import { GENESIS_HASH, type HistoryEvent, hashEvent } from './case-history.js';

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

/**
 * Audits the events (oldest first), and, when given, the stored case against them: its
 * head and version, and the digest of its content as recomputed now (a kind that keeps
 * one, such as applications: `contentDigestOf`).
 */
export function auditChain(
  events: readonly HistoryEvent[],
  current?: { state: CaseState; content?: string | undefined },
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
    const { state, content } = current;
    if (state.historyHead !== last.hash || state.version !== last.seq)
      return broken(events.length, last.seq, 'head_mismatch');
    if (last.digest && content !== undefined && content !== last.digest)
      return broken(events.length, last.seq, 'content_mismatch');
  }
  return { ok: true, events: events.length, head: prev };
}

/** Whether every event's hash is right and chains to the one before. */
export function verifyChain(events: readonly HistoryEvent[]): boolean {
  return auditChain(events).ok;
}
