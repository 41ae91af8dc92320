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
  /**
   * Counts the writes beside the application that a change must not miss (a task
   * opened for it, an objection filed): each is conditional on the version, and a change
   * is written only over the revision it read, so nothing slips in between.
   */
  revision?: number;
  /** Hash of the latest history event: the next event chains to it. */
  historyHead: string;
  /**
   * SHA-256 of what the applicant states (choice, fields, documents), as of the latest
   * event, which carries it: the chain proves what was submitted (`contentDigestOf`).
   */
  contentDigest?: string;
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
