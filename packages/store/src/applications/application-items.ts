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
import type { Application, ApplicationDocument, ApplicationStatus } from '@sme/core';
import { caseTouched } from '../cases/case.repository.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TableItem } from '../table/tenant-table.js';

export const appPk = (ctx: TenantContext, id: string) => tenantKey(ctx, 'APP', id);
export const documentSk = (documentId: string) => `DOC#${documentId}`;
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

/** A write beside the application that its next change must see (`caseTouched`). */
export function applicationTouched(
  ctx: TenantContext,
  applicationId: string,
  expect: { version: number } | { status: ApplicationStatus },
) {
  return caseTouched(appPk(ctx, applicationId), expect);
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
