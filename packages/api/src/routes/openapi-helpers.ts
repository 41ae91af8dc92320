import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

/**
 * Marks a route open to everyone: the document requires a bearer token everywhere else
 * (`security` in `app.tsx`), and the deployment's gateway opens exactly these routes.
 */
export const publicRoute = { security: [] };

/** A JSON response entry of a route. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body entry of a route. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** `If-Match: "3"` (or `W/"3"`) → 3; absent → undefined; anything else is refused as a mismatch. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  return match?.[1] ? Number(match[1]) : -1;
}

export const etag = (version: number) => `"${version}"`;

/** How much of an `Idempotency-Key` counts, from the header or a portal form's field. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The request's `Idempotency-Key` (DESIGN §8). The same key with a different body is
 * refused (`idempotency_key_reused`).
 */
export const idempotencyKey = (c: Context) =>
  c.req.header('idempotency-key')?.slice(0, MAX_IDEMPOTENCY_KEY_LENGTH);

/** What a route honouring `Idempotency-Key` says of it, naming what it creates. */
export const keyedCreateDescription = (verb: string, what: string) =>
  `Idempotency-Key honoured: a replay ${verb} nothing and answers the first ${what}; the same key with a different body is refused (422 idempotency_key_reused).`;
