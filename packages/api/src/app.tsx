/**
 * The whole app as one host serves it: the API and the portal side by side. The local
 * stack and the tests serve this; on AWS each is its own Lambda function behind the
 * same HTTP API (`/api/{proxy+}` → the API, every other path → the portal), so neither
 * bundle carries the other.
 */
import { Hono } from 'hono';
import { apiNotFound, createApiApp, isApiPath } from './api-app.jsx';
import type { AppDeps } from './deps.js';
import { handlePageError, pageNotFound } from './portal/index.js';
import { createPortalApp } from './portal-app.js';
import { handleError } from './problem/handle-error.js';

export function createApp(deps: AppDeps) {
  // The API first: its routes answer every `/api` path (unknown ones with a 404 of its
  // own), so the portal's middleware never runs for one.
  return (
    new Hono()
      .route('/', createApiApp(deps))
      .route('/', createPortalApp(deps))
      // Each part handles its own errors; these answer what falls between them.
      .onError((error, c) => (isApiPath(c) ? handleError(error, c) : handlePageError(error, c)))
      .notFound((c) => (isApiPath(c) ? apiNotFound(c) : pageNotFound(c)))
  );
}

export type App = ReturnType<typeof createApp>;
