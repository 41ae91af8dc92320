/**
 * How publicity notices, their objections and the pool are laid out. A notice is one
 * partition (`T#<t>#NOTICE#<id>`: `META`, `OBJ#<id>`), listed by state for the timer
 * that closes it; the pool is one partition per tenant.
 */
import { type TenantContext, tenantKey } from '../table/keys.js';

export interface NoticeEntry {
  applicationId: string;
  orgName: string;
  uscc: string;
  /** The district the organization registered in (absent on entries older than the field). */
  region?: string;
  track?: string;
  category?: string;
  industries: string[];
  /** Set when the applicant withdrew while the notice ran: the entry no longer stands. */
  withdrawnAt?: string;
}

export interface Notice {
  id: string;
  programId: string;
  stage: string;
  publishedAt: string;
  /** 24:00 of the last working day of publicity, exclusive. */
  endsAt: string;
  entries: NoticeEntry[];
  createdBy: string;
  state: 'open' | 'closed';
}

export type ObjectionState = 'open' | 'upheld' | 'dismissed' | 'closed';

export interface Objection {
  objectionId: string;
  noticeId: string;
  applicationId: string;
  reason: string;
  contact: string;
  /** Digest of the request that made it under an `Idempotency-Key`, to tell a replay. */
  requestDigest?: string;
  at: string;
  state: ObjectionState;
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

export interface PoolEntry extends NoticeEntry {
  programId: string;
  listedAt: string;
}

export const noticePk = (ctx: TenantContext, id: string) => tenantKey(ctx, 'NOTICE', id);
export const objectionSk = (objectionId: string) => `OBJ#${objectionId}`;

export function noticeItem(ctx: TenantContext, notice: Notice) {
  return {
    pk: noticePk(ctx, notice.id),
    sk: 'META',
    ...notice,
    gsi1pk: tenantKey(ctx, 'NOTICES', notice.state),
    gsi1sk: `${notice.endsAt}#${notice.id}`,
  };
}

export function objectionItem(ctx: TenantContext, objection: Objection) {
  return {
    pk: noticePk(ctx, objection.noticeId),
    sk: objectionSk(objection.objectionId),
    ...objection,
  };
}

/** The pool item of a listed application, written with the listing itself. */
export function poolItem(ctx: TenantContext, entry: PoolEntry) {
  return { pk: tenantKey(ctx, 'POOL'), sk: `${entry.programId}#${entry.applicationId}`, ...entry };
}

export const stripKeys = <T>({
  pk: _pk,
  sk: _sk,
  gsi1pk: _a,
  gsi1sk: _b,
  ...rest
}: Record<string, unknown>) => rest as T;
