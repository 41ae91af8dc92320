/**
 * Which status may follow which. Review moves (in_review → publicity → listed) belong to
 * the workflow; providers move draft → submitted, returned → submitted, and withdraw.
 */

import { assertMove, canMove, defineCaseKind } from '../case/case.js';
import { NotEditableError } from '../errors.js';
import type { ApplicationStatus } from './application.js';

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['in_review', 'returned', 'rejected', 'withdrawn'],
  in_review: ['returned', 'publicity', 'listed', 'rejected', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  publicity: ['listed', 'in_review', 'rejected', 'withdrawn'],
  listed: [],
  rejected: [],
  withdrawn: [],
};

/** Applications, the first kind of case. */
export const APPLICATION_CASE = defineCaseKind<ApplicationStatus>({
  name: 'application',
  transitions: NEXT,
});

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return canMove(APPLICATION_CASE, from, to);
}

export function assertTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  assertMove(APPLICATION_CASE, from, to);
}

/** The owner edits only a draft or an application returned for correction. */
export function assertEditable(status: ApplicationStatus): void {
  if (status !== 'draft' && status !== 'returned') throw new NotEditableError(status);
}

/** Whether the application still holds its place (not withdrawn or rejected). */
export function isLive(status: ApplicationStatus): boolean {
  return status !== 'withdrawn' && status !== 'rejected';
}
