/**
 * Creating under an `Idempotency-Key` (DESIGN §8, as the IETF's Idempotency-Key header
 * draft describes it). The key, with the scope it is sent in (who sends it, for which
 * organization or notice), names the record to create: a replay's write is refused by
 * the write itself, twins racing included, and answers the record the first one made.
 *
 * The record keeps a digest of the request that made it. The same key sent with a
 * different request (a form edited after the back button, a client reusing its keys) is
 * refused with 422 rather than answered with a record that is not what was asked for.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@sme/core';
import { IdempotencyKeyReusedError } from '../errors.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface KeyedCreate {
  /** The id of the record the key creates: the same for every replay in its scope. */
  id: string;
  /** Digest of the request, kept on the record to tell a replay from a reuse. */
  requestDigest: string;
}

/** The record `key` creates in `scope` for `request` (the validated body). */
export function keyedCreate(
  kind: string,
  scope: readonly string[],
  key: string,
  request: unknown,
): KeyedCreate {
  return {
    id: sha256([kind, ...scope, key].join('\n')).slice(0, 32),
    requestDigest: sha256(canonicalJson(request)),
  };
}

/**
 * Writes a record's creation. Refused because the keyed record is already there, it
 * answers that one, which `replayed` reads, if the same request made it; a different
 * request under the same key is refused. Any other refusal is the write's own.
 */
export async function createOrReplay<T extends { requestDigest?: string }>(
  write: () => Promise<void>,
  created: T,
  replayed: (() => Promise<T | undefined>) | undefined,
): Promise<T> {
  try {
    await write();
    return created;
  } catch (error) {
    const first = replayed && (await replayed());
    if (!first) throw error;
    return sameRequest(first, created);
  }
}

/** The keyed record found for a replay, if the same request made it; else refused. */
export function sameRequest<T extends { requestDigest?: string }>(
  first: T,
  created: { requestDigest?: string },
): T {
  // Records made before digests were kept cannot be told apart: they answer the replay.
  if (first.requestDigest !== undefined && first.requestDigest !== created.requestDigest)
    throw new IdempotencyKeyReusedError();
  return first;
}
