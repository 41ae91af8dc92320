/**
 * The digest of what an application states: the organization, its choice of track,
 * category and industries, every field, and every document by its declared content.
 * Each history event carries the digest of its moment, so the hash chain proves what
 * was submitted, and a stored application whose content no longer matches the digest
 * of its latest event has been altered outside the platform.
 */
import { createHash } from 'node:crypto';
import type { Application, ApplicationDocument } from './application.js';
import { canonicalJson } from './canonical-json.js';

export function contentDigestOf(
  app: Pick<Application, 'org' | 'track' | 'category' | 'industries' | 'fields'>,
  documents: readonly ApplicationDocument[],
): string {
  const content = {
    org: app.org,
    track: app.track,
    category: app.category,
    industries: app.industries,
    fields: app.fields,
    documents: [...documents]
      .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0))
      .map((d) => ({
        documentId: d.documentId,
        kind: d.kind,
        filename: d.filename,
        contentType: d.contentType,
        size: d.size,
        sha256: d.sha256,
        status: d.status,
      })),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
