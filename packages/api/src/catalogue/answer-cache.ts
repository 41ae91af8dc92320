/**
 * A bounded cache of serialized catalogue answers, each with its strong ETag. The
 * catalogue is a pure function of the baked tenants and each call's state, so an answer
 * is built, serialized and hashed once per key instead of on every request (issue 13:
 * 15.6 KB rebuilt and re-serialized per request). The caller puts in the key everything
 * the body depends on; the cache only bounds memory.
 */
import { createHash } from 'node:crypto';

const UTF8 = new TextEncoder();

/** A serialized answer; `T` remembers the shape it was built from, for typed responses. */
export interface CachedAnswer<T> {
  /**
   * The JSON as UTF-8 bytes, encoded once: a string body is measured and encoded again
   * on every response (for a 16 KB call in Chinese, a tenth of the server's time).
   */
  readonly body: Uint8Array<ArrayBuffer>;
  /** Strong: a hash of the exact bytes, so two bodies that differ never share one. */
  readonly etag: string;
  /** Never set: carries `T` to the response type. */
  readonly shape?: T;
}

/** A strong entity tag of a body (RFC 9110 §8.8.3): the quoted SHA-256, base64url. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * Least-recently-used, so a long-lived process keeps the answers it is asked for. The
 * keys are few (tenants × calls × states), but the bound holds whatever keys a caller makes.
 */
export class AnswerCache {
  readonly #answers = new Map<string, CachedAnswer<unknown>>();

  constructor(readonly maxEntries = 512) {}

  get size(): number {
    return this.#answers.size;
  }

  /** The answer under `key`, built by `build` and serialized only on a miss. */
  answer<T>(key: string, build: () => T): CachedAnswer<T> {
    const hit = this.#answers.get(key);
    if (hit) {
      // Re-inserting moves the key to the end: Map iteration order is the LRU order.
      this.#answers.delete(key);
      this.#answers.set(key, hit);
      return hit as CachedAnswer<T>;
    }
    const json = JSON.stringify(build());
    const made: CachedAnswer<T> = { body: UTF8.encode(json), etag: strongEtag(json) };
    this.#answers.set(key, made);
    if (this.#answers.size > this.maxEntries) {
      const oldest = this.#answers.keys().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
    return made;
  }
}
