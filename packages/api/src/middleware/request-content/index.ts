/**
 * Whether a request can carry content the platform would read. The API reads a body
 * only on POST, PUT, PATCH and DELETE; a GET, HEAD or OPTIONS body has no meaning
 * (RFC 9110 §9.3.1, §9.3.2, §9.3.7) and no route reads one.
 *
 * It matters for speed as well as sense: on @hono/node-server, merely asking a request
 * for its `body` turns its lightweight request into a full WHATWG `Request` (an
 * AbortController, header copies, a stream), which for a cached catalogue answer cost
 * more than the answer itself (issue 13: the catalogue at 25–50 % of bare Hono).
 */
import type { Context } from 'hono';

const WITHOUT_CONTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

export const mayCarryContent = (c: Context): boolean => !WITHOUT_CONTENT.has(c.req.method);
