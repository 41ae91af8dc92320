/**
 * What API answers show of an application (API.md "Organizations and applications").
 */
import { type Application, formatShanghai } from '@sme/core';
import type { ApplicationRecord } from '@sme/store';

const shanghai = (iso: string) => formatShanghai(new Date(iso));

/** An application in a listing. */
export function applicationSummary(app: Application) {
  return {
    id: app.id,
    programId: app.programId,
    org: app.org,
    ...(app.track && { track: app.track }),
    ...(app.category && { category: app.category }),
    industries: app.industries,
    status: app.status,
    ...(app.stage && { stage: app.stage }),
    version: app.version,
    createdAt: shanghai(app.createdAt),
    updatedAt: shanghai(app.updatedAt),
    ...(app.submittedAt && { submittedAt: shanghai(app.submittedAt) }),
  };
}

/** An application with its form, documents and reviewer flags. */
export function applicationView(record: ApplicationRecord) {
  const { application: app, documents, flags } = record;
  return {
    ...applicationSummary(app),
    fields: app.fields,
    documents: documents.map((d) => ({
      documentId: d.documentId,
      kind: d.kind,
      status: d.status,
      filename: d.filename,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
      ...(d.verifiedAt && { verifiedAt: shanghai(d.verifiedAt) }),
      ...(d.replaces && { replaces: d.replaces }),
      ...(d.replacedBy && { replacedBy: d.replacedBy }),
    })),
    flags,
  };
}

export type ApplicationView = ReturnType<typeof applicationView>;
