/**
 * An application to a program, as the domain sees it.
 */

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

export type DocumentStatus = 'pending' | 'verified';

export interface ApplicationDocument {
  documentId: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  objectKey: string;
  status: DocumentStatus;
  requestedBy: string;
  requestedAt: string;
  verifiedBy?: string;
  verifiedAt?: string;
}

export interface OrgRef {
  uscc: string;
  name: string;
  region: string;
}

export interface Application {
  id: string;
  tenant: string;
  programId: string;
  org: OrgRef;
  /** The USCC of the entity at the root of the applicant's branch chain. */
  entityUscc: string;
  track?: string;
  category?: string;
  industries: string[];
  fields: Record<string, unknown>;
  status: ApplicationStatus;
  stage?: string;
  /**
   * The decision taken at the current stage, kept until the next stage begins: a run
   * resumed after a restart continues with it instead of asking again.
   */
  decision?: StageDecision;
  version: number;
  /** Hash of the latest history event: the next event chains to it. */
  historyHead: string;
  createdAt: string;
  updatedAt: string;
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

/** Who did something, as history records it. */
export interface Actor {
  sub: string;
  role: string;
}
