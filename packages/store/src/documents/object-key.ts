/**
 * Object keys of uploaded documents (DESIGN §7):
 * `tenant/<tenant>/org/<uscc>/<owner-id>/<kind>/<sha256>`. Content-addressed, so a
 * re-upload of the same file lands on the same key and a changed file never overwrites.
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

export function documentObjectKey(ctx: TenantContext, parts: DocumentKeyParts): string {
  if (!isValidUscc(parts.uscc)) throw new RangeError(`not a USCC: ${parts.uscc}`);
  for (const [name, value] of [
    ['tenant', ctx.tenant],
    ['ownerId', parts.ownerId],
    ['kind', parts.kind],
  ] as const) {
    if (!SEGMENT.test(value)) throw new RangeError(`unsafe ${name}: ${JSON.stringify(value)}`);
  }
  if (!SHA256.test(parts.sha256)) throw new RangeError(`not a lower-case SHA-256: ${parts.sha256}`);
  return `tenant/${ctx.tenant}/org/${parts.uscc}/${parts.ownerId}/${parts.kind}/${parts.sha256}`;
}

/** The prefix of every object the tenant owns. */
export function tenantObjectPrefix(ctx: TenantContext): string {
  return `tenant/${ctx.tenant}/`;
}
