/**
 * How applications, their documents, history, claims and counters are laid out in the
 * table. One application is one partition: `T#<tenant>#APP#<id>` holds `META`,
 * `DOC#<documentId>`, `H#<seq>`, `TASK#<taskId>`, `HANDOFF#<version>` and the records
 * of the review. Reading an application reads `META` by its key and its documents by
 * their prefix, never a page of the whole partition.
 *
 * Around it: the organization's own live applications and claims
 * (`T#<tenant>#ORG#<uscc>`: `APP#<program>#<id>`, `CLAIM#<claim>`), and the submitted
 * applications of a declared family of branches (`T#<tenant>#FAMILY#<root uscc>`),
 * which reviewers see as a possible duplicate, never as a refusal.
 */
import type { Application, ApplicationDocument, ApplicationStatus, HistoryEvent } from '@sme/core';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TableItem } from '../table/tenant-table.js';

export const appPk = (ctx: TenantContext, id: string) => tenantKey(ctx, 'APP', id);
export const historySk = (seq: number) => `H#${String(seq).padStart(8, '0')}`;
export const documentSk = (documentId: string) => `DOC#${documentId}`;
/** The tenant's counters, one item per program: the dashboard reads tenants × programs items. */
export const statsPk = (ctx: TenantContext) => tenantKey(ctx, 'STATS');
/** An organization's registration in the tenant, its live applications and its claims. */
export const orgPk = (ctx: TenantContext, uscc: string) => tenantKey(ctx, 'ORG', uscc);
/** Submitted applications of the organizations that declare one root entity. */
export const familyPk = (ctx: TenantContext, rootUscc: string) =>
  tenantKey(ctx, 'FAMILY', rootUscc);
export const programAppSk = (app: Pick<Application, 'programId' | 'id'>) =>
  `APP#${app.programId}#${app.id}`;
export const claimSk = (claim: string) => `CLAIM#${claim}`;

/** Sort key of a listing: status, then stage, then last change, so filters are key prefixes. */
export function listingSk(app: Application): string {
  return `${app.status}#${app.stage ?? '-'}#${app.updatedAt}#${app.id}`;
}

export function applicationItem(
  ctx: TenantContext,
  app: Application,
  flags: unknown[] = [],
): TableItem {
  return {
    pk: appPk(ctx, app.id),
    sk: 'META',
    ...app,
    /** Top-level so a district's listing can filter on it. */
    region: app.org.region,
    flags,
    gsi1pk: tenantKey(ctx, 'APPS', app.programId),
    gsi1sk: listingSk(app),
  };
}

export function toApplication(item: Record<string, unknown>): Application {
  const { pk: _pk, sk: _sk, region: _r, flags: _f, gsi1pk: _a, gsi1sk: _b, ...app } = item;
  return app as unknown as Application;
}

export function documentItem(
  ctx: TenantContext,
  appId: string,
  doc: ApplicationDocument,
): TableItem {
  return { pk: appPk(ctx, appId), sk: documentSk(doc.documentId), ...doc };
}

export function toDocument(item: Record<string, unknown>): ApplicationDocument {
  const { pk: _pk, sk: _sk, ...doc } = item;
  return doc as unknown as ApplicationDocument;
}

export function historyItem(ctx: TenantContext, appId: string, event: HistoryEvent): TableItem {
  return { pk: appPk(ctx, appId), sk: historySk(event.seq), ...event };
}

export function toHistoryEvent(item: Record<string, unknown>): HistoryEvent {
  const { pk: _pk, sk: _sk, ...event } = item;
  return event as unknown as HistoryEvent;
}

/**
 * A write beside the application (a task opened, an objection filed) that its next
 * change must see: refused unless the application is still at `version` (or, with
 * `status`, in that status), it bumps the revision that every change checks.
 */
export function applicationTouched(
  ctx: TenantContext,
  applicationId: string,
  expect: { version: number } | { status: ApplicationStatus },
) {
  return {
    update: { pk: appPk(ctx, applicationId), sk: 'META' },
    expression: 'ADD revision :one',
    ...('version' in expect
      ? { condition: 'version = :version', values: { ':one': 1, ':version': expect.version } }
      : {
          condition: '#status = :status',
          names: { '#status': 'status' },
          values: { ':one': 1, ':status': expect.status },
        }),
  };
}

/** The organization's record of one of its live applications (entry rules read these). */
export function orgApplicationItem(ctx: TenantContext, app: Application): TableItem {
  return {
    pk: orgPk(ctx, app.org.uscc),
    sk: programAppSk(app),
    id: app.id,
    programId: app.programId,
    status: app.status,
    ...(app.track && { track: app.track }),
  };
}

/** A submitted application seen from its declared root entity (possible duplicates). */
export function familyItem(ctx: TenantContext, app: Application): TableItem {
  return {
    pk: familyPk(ctx, app.entityUscc),
    sk: programAppSk(app),
    id: app.id,
    programId: app.programId,
    uscc: app.org.uscc,
    orgName: app.org.name,
    region: app.org.region,
    ...(app.track && { track: app.track }),
  };
}

/** The counter update moving one application from one status to another. */
export function counterUpdate(
  ctx: TenantContext,
  programId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
) {
  const names: Record<string, string> = { '#to': to };
  const values: Record<string, unknown> = { ':one': 1 };
  let expression = 'ADD #to :one';
  if (from && from !== to) {
    names['#from'] = from;
    values[':minusOne'] = -1;
    expression += ', #from :minusOne';
  }
  return {
    update: { pk: statsPk(ctx), sk: `P#${programId}` },
    expression: `${expression} SET programId = :program`,
    names,
    values: { ...values, ':program': programId },
  };
}
