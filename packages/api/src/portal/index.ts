/**
 * The portal: server-rendered pages (hono/jsx) from the same app as the API, each
 * tenant under `/<tenant>/`. Pages call the platform's use cases directly, never the
 * API over HTTP. Order matters: the assets answer before anything else (cacheable, no
 * session); every page then gets the portal's CSP, `no-store`, the session and the
 * form token; routes without a tenant come before the tenant's scope, which answers
 * an unknown tenant with a 404 page.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { noStore } from '../middleware/cache-control/index.js';
import { portalSecurityHeaders } from '../middleware/security-headers/index.js';
import { tenantScope } from '../middleware/tenant-scope/index.js';
import { cataloguePages, homePage } from './catalogue/catalogue.pages.js';
import { exportPages } from './exports/exports.pages.js';
import { provincePages } from './province/province.pages.js';
import { publicityPages } from './publicity/publicity.pages.js';
import { csrfProtection } from './session/csrf.js';
import { portalSession } from './session/session.js';
import { signInPages, signInRoot } from './session/signin.routes.js';
import { assetRoutes } from './shell/assets.js';

export { handlePageError, pageNotFound } from './shell/error-page.js';

export function portal(deps: AppDeps) {
  const { platform } = deps;
  const app = new Hono();
  app.route('/', assetRoutes());
  app.use('*', portalSecurityHeaders(), noStore([]));
  app.use('*', portalSession(deps.verifier), csrfProtection());
  app.route('/', homePage(platform));
  app.route('/', signInRoot(platform));
  app.use('/:t', tenantScope(platform.tenants));
  app.use('/:t/*', tenantScope(platform.tenants));
  app.route('/', signInPages(deps.dev));
  app.route('/', cataloguePages(platform));
  app.route('/', publicityPages(platform));
  app.route('/', exportPages(platform));
  app.route('/', provincePages(platform));
  return app;
}
