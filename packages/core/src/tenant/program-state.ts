/**
 * Where a call stands at an instant, and the instants its window opens and closes.
 */
import { endOfShanghaiDay, startOfShanghaiDay } from '../calendar/shanghai-time.js';
import type { Window } from './program.schema.js';

export type ProgramState = 'upcoming' | 'open' | 'closed' | 'rolling';

export interface WindowInstants {
  /** First instant applications are accepted; absent when the notice gives none. */
  opensAt?: Date;
  /** First instant they are no longer accepted (24:00 of the closing date). */
  closesAt?: Date;
}

export function windowInstants(window: Window): WindowInstants {
  switch (window.kind) {
    case 'fixed':
      return {
        ...(window.opensOn && { opensAt: startOfShanghaiDay(window.opensOn) }),
        closesAt: endOfShanghaiDay(window.closesBy),
      };
    case 'rolling':
      return window.opensOn ? { opensAt: startOfShanghaiDay(window.opensOn) } : {};
    case 'unscheduled':
      return {};
  }
}

/** The state of a call at `now`: a rolling call, once open, stays `rolling`. */
export function programState(window: Window, now: Date): ProgramState {
  const { opensAt, closesAt } = windowInstants(window);
  if (window.kind === 'unscheduled') return 'upcoming';
  if (opensAt && now < opensAt) return 'upcoming';
  if (window.kind === 'rolling') return 'rolling';
  return closesAt && now >= closesAt ? 'closed' : 'open';
}

/** Whether applications may be created and submitted at `now`. */
export function acceptsApplications(window: Window, now: Date): boolean {
  const state = programState(window, now);
  return state === 'open' || state === 'rolling';
}
