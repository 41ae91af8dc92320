/**
 * What a catalogue answer depends on in time: the state of each call it shows, which
 * changes only when a call's window opens or closes. From this come the key of a cached
 * answer and how long a browser or the edge may keep it.
 */
import { type Program, programState, windowInstants } from '@sme/core';

/**
 * The longest any cache may keep a catalogue answer without asking again. Short, because
 * a deployment can change the baked tenants at any time and the answer says nothing of
 * that; asking again costs a 304 with no body when nothing changed.
 */
export const MAX_AGE_SECONDS = 60;

// A program's window instants, once per program: the tenants are baked at build time
// and never mutated while the process lives, so they cannot change.
const changesByProgram = new WeakMap<Program, readonly number[]>();

function changesOf(program: Program): readonly number[] {
  let changes = changesByProgram.get(program);
  if (!changes) {
    const { opensAt, closesAt } = windowInstants(program.window);
    changes = [opensAt, closesAt].flatMap((at) => (at ? [at.getTime()] : []));
    changesByProgram.set(program, changes);
  }
  return changes;
}

// A program's state with the span of instants it holds for: a state changes only at
// the program's opening or closing, so between two of them it is computed once, not on
// every request (it parses the window's dates in Beijing time: a twelfth of the
// catalogue's time under load).
const stateByProgram = new WeakMap<Program, { state: string; from: number; until: number }>();

function stateOf(program: Program, now: Date): string {
  const t = now.getTime();
  const known = stateByProgram.get(program);
  if (known && known.from <= t && t < known.until) return known.state;
  const changes = changesOf(program);
  const state = programState(program.window, now);
  const from = Math.max(Number.NEGATIVE_INFINITY, ...changes.filter((at) => at <= t));
  const until = Math.min(Number.POSITIVE_INFINITY, ...changes.filter((at) => at > t));
  stateByProgram.set(program, { state, from, until });
  return state;
}

/**
 * The states of `programs` at `now`, as a cache key: two instants with the same key give
 * the same catalogue answer, and an answer cached under one is never served under another.
 */
export function stateKey(programs: readonly Program[], now: Date): string {
  return programs.map((p) => `${p.id}=${stateOf(p, now)}`).join('&');
}

/** The first instant after `now` at which one of `programs` may change state, in ms. */
export function nextChange(programs: readonly Program[], now: Date): number | undefined {
  let next: number | undefined;
  for (const program of programs) {
    for (const at of changesOf(program)) {
      if (at > now.getTime() && (next === undefined || at < next)) next = at;
    }
  }
  return next;
}

/**
 * `Cache-Control` of a public answer showing `programs` at `now`: kept at most
 * `MAX_AGE_SECONDS`, and never past the next opening or closing, so no cache shows a call
 * open after its deadline (a second before it, `max-age=0`: revalidate every time).
 */
export function publicCacheControl(programs: readonly Program[], now: Date): string {
  const next = nextChange(programs, now);
  const untilChange =
    next === undefined ? MAX_AGE_SECONDS : Math.floor((next - now.getTime()) / 1000);
  return `public, max-age=${Math.min(MAX_AGE_SECONDS, untilChange)}`;
}
