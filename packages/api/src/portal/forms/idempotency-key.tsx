/**
 * A form that creates something carries a key of its own, fresh at each render: posted
 * twice (a double click, a browser's resend after a timeout), the second answers what
 * the first created instead of creating it again (the platform's `Idempotency-Key`,
 * DESIGN §8). A form shown again after a refusal gets a new key: nothing was created.
 */
import { randomUUID } from 'node:crypto';
import type { FC } from 'hono/jsx';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../routes/openapi-helpers.js';

export const IDEMPOTENCY_FIELD = 'idempotencyKey';

export const IdempotencyKeyField: FC = () => (
  <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomUUID()} />
);

/** The key a form posted, if any (a body parsed with `all: true` holds a list). */
export function postedIdempotencyKey(posted: Record<string, unknown>): string | undefined {
  const [key] = ([] as unknown[]).concat(posted[IDEMPOTENCY_FIELD]);
  return typeof key === 'string' && key.length > 0
    ? key.slice(0, MAX_IDEMPOTENCY_KEY_LENGTH)
    : undefined;
}
