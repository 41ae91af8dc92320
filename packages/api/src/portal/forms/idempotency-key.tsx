/**
 * A form that creates something carries a key of its own, fresh at each render: posted
 * twice (a double click, a browser's resend after a timeout), the second answers what
 * the first created instead of creating it again (the platform's `Idempotency-Key`,
 * DESIGN §8). A form shown again after a refusal gets a new key: nothing was created.
 */
import { randomUUID } from 'node:crypto';
import type { FC } from 'hono/jsx';

export const IDEMPOTENCY_FIELD = 'idempotencyKey';

/** At most this long, as the API takes the header. */
const MAX_KEY_LENGTH = 255;

export const IdempotencyKeyField: FC = () => (
  <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomUUID()} />
);

/** The key a form posted, if any (a body parsed with `all: true` holds a list). */
export function postedIdempotencyKey(posted: Record<string, unknown>): string | undefined {
  const [key] = ([] as unknown[]).concat(posted[IDEMPOTENCY_FIELD]);
  return typeof key === 'string' && key.length > 0 ? key.slice(0, MAX_KEY_LENGTH) : undefined;
}
