/**
 * An application to a program, as the domain sees it.
 */
import type { Actor, CaseState } from '../case/case.js';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'publicity',
  'listed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * `pending` until the upload is verified; `replaced` once a later declaration of the
 * same kind took its place (kept for the audit trail, never counted).
 */
export type DocumentStatus = 'pending' | 'verified' | 'replaced';

export interface ApplicationDocument {
  documentId: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /**
   * Where the verified bytes are kept: a content-addressed key that only the platform
   * writes, never an upload form.
   */
  objectKey: string;
  /** Where the browser uploads to, before verification (one per declaration). */
  stagingKey?: string;
  status: DocumentStatus;
  requestedBy: string;
  requestedAt: string;
  verifiedBy?: string;
  verifiedAt?: string;
  /** The document this one replaces, and the one that replaced it. */
  replaces?: string;
  replacedBy?: string;
}

export interface OrgRef {
  uscc: string;
  name: string;
  region: string;
}

/** An application is the first kind of case (`APPLICATION_CASE`). */
export interface Application extends CaseState<ApplicationStatus> {
  programId: string;
  org: OrgRef;
  /** The USCC of the entity at the root of the applicant's declared branch chain. */
  entityUscc: string;
  track?: string;
  category?: string;
  industries: string[];
  fields: Record<string, unknown>;
  stage?: string;
  /**
   * The decision taken at the current stage, kept until the next stage begins: a run
   * resumed after a restart continues with it instead of asking again.
   */
  decision?: StageDecision;
  submittedAt?: string;
}

export interface StageDecision {
  stage: string;
  /** The waiting point decided: the stage kind, or `resubmission`. */
  kind: string;
  outcome: 'pass' | 'return' | 'reject';
  by: string;
  at: string;
}

export type { Actor };
