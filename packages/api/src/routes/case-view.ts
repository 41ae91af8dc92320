/**
 * Supervision cases as answers show them: times in Beijing time (history instants with
 * their milliseconds, which their hashes cover), internal marks and storage keys left
 * out.
 */
import { type CaseState, formatShanghai, type HistoryEvent } from '@sme/core';
import type { JSONValue } from 'hono/utils/types';

export const shanghai = (iso: string) => formatShanghai(new Date(iso));

export type CaseJson = { id: string; status: string; uscc: string; createdAt: string } & {
  [key: string]: JSONValue;
};

const INSTANTS = ['createdAt', 'updatedAt', 'dueAt', 'replyDueAt'] as const;

/** A case as answers show it: times in Beijing time, internal marks left out. */
export function caseView<C extends CaseState>(state: C): CaseJson {
  const { historyHead: _h, contentDigest: _d, requestDigest: _k, revision: _r, ...rest } = state;
  const view: Record<string, unknown> = { ...rest };
  for (const key of INSTANTS) {
    const value = view[key];
    if (typeof value === 'string') view[key] = shanghai(value);
  }
  return view as CaseJson;
}

/** A case's history, oldest first, each instant to the millisecond its hash covers. */
export const historyView = (events: readonly HistoryEvent[]) =>
  events.map((e) => ({ ...e, at: formatShanghai(new Date(e.at), { milliseconds: true }) }));
