/**
 * An application's history: the case kernel's (`case/case-history.ts`), with the digest
 * of the application's fields and documents, so the chain proves what was submitted.
 */

import type { HistoryEvent } from '../case/case-history.js';
import { recordCaseChange } from '../case/case-history.js';
import type { Actor, Application, ApplicationDocument } from './application.js';
import { contentDigestOf } from './content-digest.js';

/**
 * Records a change: the next version of the application with the event that explains
 * it. `documents` are the application's documents after the change: given, the content
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
  const { state, event } = recordCaseChange({
    previous: input.previous,
    next: input.next,
    actor: input.actor,
    at: input.at,
    reason: input.reason,
    stage: input.stage,
    digest: input.documents ? contentDigestOf(input.next, input.documents) : undefined,
  });
  return { application: state, event };
}
