/**
 * The case kernel: everything with a lifecycle is a case of some kind (an application,
 * later a rectification order, a complaint, an appeal …). A case has a kind, a status
 * from its kind's transition table, a version that every change increments, and a
 * hash-chained history (`recordCaseChange`). A kind is data: its name and its table.
 */
import { InvalidTransitionError } from '../errors.js';

export interface CaseKind<S extends string = string> {
  /** Stable, part of storage keys: `application`, `rectification`. */
  readonly name: string;
  /** Which status may follow which; a status with none is final. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
}

/** What every case has, whatever its kind. */
export interface CaseState<S extends string = string> {
  id: string;
  tenant: string;
  status: S;
  /** Incremented by every change; equal to the sequence number of its latest event. */
  version: number;
  /**
   * Counts the writes beside the case that a change must not miss (a task opened for
   * it): a change is written only over the revision it read.
   */
  revision?: number;
  /** Hash of the latest history event: the next event chains to it. */
  historyHead: string;
  /** Digest of what the case states, carried by its latest event (optional per kind). */
  contentDigest?: string;
  /** Digest of the request that created it under an `Idempotency-Key`, to tell a replay. */
  requestDigest?: string;
  createdAt: string;
  updatedAt: string;
}

/** The actor a history event names. */
export interface Actor {
  sub: string;
  role: string;
}

export function defineCaseKind<S extends string>(kind: CaseKind<S>): CaseKind<S> {
  return kind;
}

export function canMove<S extends string>(kind: CaseKind<S>, from: S, to: S): boolean {
  return kind.transitions[from].includes(to);
}

export function assertMove<S extends string>(kind: CaseKind<S>, from: S, to: S): void {
  if (!canMove(kind, from, to)) throw new InvalidTransitionError(from, to);
}

/**
 * The case's next state: moved to `status` at `at` with `patch` applied, the move checked
 * against the kind's table and the version advanced. What `recordCaseChange` records.
 */
export function movedCase<S extends string, C extends CaseState<S>>(
  kind: CaseKind<S>,
  state: C,
  status: S,
  at: Date,
  patch: Partial<C> = {},
): C {
  assertMove(kind, state.status, status);
  return { ...state, ...patch, status, version: state.version + 1, updatedAt: at.toISOString() };
}
