/**
 * Object keys of documents (DESIGN §7). A verified document lives at
 * `tenant/<tenant>/org/<uscc>/<owner-id>/<kind>/<sha256>`: content-addressed, written
 * only by the platform with the bytes it hashed. Browsers upload to
 * `tenant/<tenant>/staging/<uscc>/<owner-id>/<document-id>`, one key per declaration,
 * which verification reads and never serves.
 */
import { isValidUscc } from '@sme/core';
import type { TenantContext } from '../table/keys.js';

export interface DocumentKeyParts {
  uscc: string;
  /** The application (or other owner) the document belongs to. */
  ownerId: string;
  /** The document kind from the program (`credit-report`). */
  kind: string;
  /** Lower-case hex SHA-256 of the content, as declared by the uploader. */
  sha256: string;
}

const SEGMENT = /^[a-z0-9][a-z0-9-]{0,63}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

function assertSegments(segments: Record<string, string>): void {
  for (const [name, value] of Object.entries(segments)) {
    if (!SEGMENT.test(value)) throw new RangeError(`unsafe ${name}: ${JSON.stringify(value)}`);
  }
}

function assertUscc(uscc: string): void {
  if (!isValidUscc(uscc)) throw new RangeError(`not a USCC: ${uscc}`);
}

export function documentObjectKey(ctx: TenantContext, parts: DocumentKeyParts): string {
  assertUscc(parts.uscc);
  assertSegments({ tenant: ctx.tenant, ownerId: parts.ownerId, kind: parts.kind });
  if (!SHA256.test(parts.sha256)) throw new RangeError(`not a lower-case SHA-256: ${parts.sha256}`);
  return `tenant/${ctx.tenant}/org/${parts.uscc}/${parts.ownerId}/${parts.kind}/${parts.sha256}`;
}

/** Where one declaration's upload goes before it is verified. */
export function stagingObjectKey(
  ctx: TenantContext,
  parts: { uscc: string; ownerId: string; documentId: string },
): string {
  assertUscc(parts.uscc);
  assertSegments({ tenant: ctx.tenant, ownerId: parts.ownerId, documentId: parts.documentId });
  return `${stagingPrefix(ctx)}${parts.uscc}/${parts.ownerId}/${parts.documentId}`;
}

/** The prefix of every object the tenant owns. */
export function tenantObjectPrefix(ctx: TenantContext): string {
  return `tenant/${ctx.tenant}/`;
}

/** The prefix of the tenant's staged uploads (expired by the bucket's lifecycle). */
export function stagingPrefix(ctx: TenantContext): string {
  return `${tenantObjectPrefix(ctx)}staging/`;
}

export function isStagingKey(ctx: TenantContext, key: string): boolean {
  return key.startsWith(stagingPrefix(ctx));
}
