/**
 * The portal as its own app: the server-rendered pages under `/<tenant>/`, with the
 * headers, body limit and error pages every page gets. The portal's Lambda function
 * serves this alone; the local stack serves it beside the API (`createApp`).
 */
import { Hono } from 'hono';
import type { AppDeps } from './deps.js';
import { requestBodyLimit } from './middleware/body-limit/index.js';
import { securityHeaders } from './middleware/security-headers/index.js';
import { handlePageError, pageNotFound, portal } from './portal/index.js';

export function createPortalApp(deps: AppDeps) {
  const app = new Hono();
  app.onError(handlePageError);
  app.notFound(pageNotFound);
  // The locked-down headers reach every answer, error pages included; a page's own
  // (the portal's CSP) take their place where it sets them.
  app.use('*', securityHeaders());
  app.use('*', requestBodyLimit());
  app.route('/', portal(deps));
  return app;
}
