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
import { adminPages } from './admin/admin.pages.js';
import { applicationPages } from './applications/application.pages.js';
import { myApplicationsPages } from './applications/my-applications.pages.js';
import { cataloguePages, homePage } from './catalogue/catalogue.pages.js';
import { complaintPages } from './complaints/complaint.pages.js';
import { enterprisePages } from './enterprise/engagements.pages.js';
import { enterpriseNeedsPages } from './enterprise/needs.pages.js';
import { evaluationPages } from './evaluation/evaluation.pages.js';
import { exportPages } from './exports/exports.pages.js';
import { pilotPages } from './pilots/pilots.pages.js';
import { providerEngagementPages } from './provider/engagements.pages.js';
import { organizationPages } from './provider/organization.pages.js';
import { boardPages } from './province/board.pages.js';
import { provincePages } from './province/province.pages.js';
import { publicityPages } from './publicity/publicity.pages.js';
import { reviewPages } from './review/review.pages.js';
import { csrfProtection } from './session/csrf.js';
import { portalSession } from './session/session.js';
import { signInPages, signInRoot } from './session/signin.routes.js';
import { assetRoutes } from './shell/assets.js';
import { supervisionPages } from './supervision/supervision.pages.js';

export { handlePageError, pageNotFound } from './shell/error-page.js';

export function portal(deps: AppDeps) {
  const { platform } = deps;
  const app = new Hono();
  app.route('/', assetRoutes());
  // Pages may post documents straight to storage: its origin, read once from the adapter.
  app.use(
    '*',
    portalSecurityHeaders({ connect: () => platform.documents.uploadOrigin() }),
    noStore([]),
  );
  app.use('*', portalSession(deps.verifier), csrfProtection());
  app.route('/', homePage(platform));
  app.route('/', signInRoot(platform, deps));
  app.use('/:t', tenantScope(platform.tenants));
  app.use('/:t/*', tenantScope(platform.tenants));
  app.route('/', signInPages(deps));
  app.route('/', cataloguePages(platform));
  app.route('/', publicityPages(platform));
  app.route('/', reviewPages(platform));
  app.route('/', organizationPages(platform));
  app.route('/', providerEngagementPages(platform));
  app.route('/', myApplicationsPages(platform));
  app.route('/', applicationPages(platform));
  app.route('/', adminPages(platform));
  app.route('/', exportPages(platform));
  app.route('/', provincePages(platform));
  app.route('/', enterprisePages(platform));
  app.route('/', boardPages(platform));
  app.route('/', supervisionPages(platform));
  app.route('/', evaluationPages(platform));
  app.route('/', complaintPages(platform));
  app.route('/', pilotPages(platform));
  app.route('/', enterpriseNeedsPages(platform));
  return app;
}
