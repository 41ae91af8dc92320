/**
 * The whole app as one host serves it: the API and the portal side by side. The local
 * stack and the tests serve this; on AWS each is its own Lambda function behind the
 * same HTTP API (`/api/{proxy+}` → the API, every other path → the portal), so neither
 * bundle carries the other.
 *
 * The paths are divided here as the HTTP API divides them, and each part is its own app
 * with its own router, middleware and error handling, exactly as deployed. One router
 * for both would differ from AWS in cost: beside the portal's `/:t/…` pages, the API's
 * routes no longer fit hono's RegExpRouter, and its trie router took ~10 % of the
 * catalogue's CPU under load (issue 13).
 */
import { Hono } from 'hono';
import { createApiApp, isApiPath } from './api-app.jsx';
import type { AppDeps } from './deps.js';
import { createPortalApp } from './portal-app.js';

export function createApp(deps: AppDeps) {
  const api = createApiApp(deps);
  const portal = createPortalApp(deps);
  // `c.env` carries on, so both see the connection as the server gave it.
  return new Hono().all('*', (c) => (isApiPath(c) ? api : portal).fetch(c.req.raw, c.env));
}

export type App = ReturnType<typeof createApp>;
