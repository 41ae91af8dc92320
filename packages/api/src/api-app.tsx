/**
 * The HTTP API (`/api/…`): every route, its error handler, the OpenAPI document. The
 * API's Lambda function serves this alone, so its bundle carries no page (issue 13:
 * the portal was 216 KiB of the API's bundle); the local stack serves it together with
 * the portal (`createApp`).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authenticate } from './auth/authenticate.js';
import type { AppDeps } from './deps.js';
import { requestBodyLimit } from './middleware/body-limit/index.js';
import { noStore } from './middleware/cache-control/index.js';
import { jsonGuard } from './middleware/json-guard/index.js';
import { pageSecurityHeaders, securityHeaders } from './middleware/security-headers/index.js';
import { tenantScope } from './middleware/tenant-scope/index.js';
import { handleError } from './problem/handle-error.js';
import { problem } from './problem/problem-details.js';
import { validationHook } from './problem/validation-hook.js';
import { applicationRoutes } from './routes/applications.routes.js';
import { banRoutes } from './routes/bans.routes.js';
import { catalogueRoutes } from './routes/catalogue.routes.js';
import { complaintRoutes } from './routes/complaints.routes.js';
import { DOCS_STYLE, DocsPage, type OpenApiDocument } from './routes/docs.page.js';
import { documentRoutes } from './routes/documents.routes.js';
import { engagementRoutes } from './routes/engagements.routes.js';
import { enterpriseRoutes } from './routes/enterprises.routes.js';
import { evaluationRoutes } from './routes/evaluation.routes.js';
import { expertRoutes } from './routes/experts.routes.js';
import { exportRoutes } from './routes/exports.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { organizationRoutes } from './routes/organizations.routes.js';
import { panelRoutes } from './routes/panel.routes.js';
import { pilotRoutes } from './routes/pilots.routes.js';
import { provinceRoutes } from './routes/province.routes.js';
import { publicityRoutes } from './routes/publicity.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { supervisionRoutes } from './routes/supervision.routes.js';

export const isApiPath = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

const apiNotFound = (c: Context) =>
  problem(c, 404, 'not_found', {
    zh: '未找到该地址',
    en: `No route for ${c.req.method} ${c.req.path}`,
  });

export function createApiApp(deps: AppDeps) {
  const { platform } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound(apiNotFound);

  // Outermost first: headers reach every answer, refusals included; oversized, too
  // deep or unsafe bodies are refused before authentication and before any route.
  // Everything is scoped to `/api/*`, so mounted beside the portal it touches no page.
  app.use('/api/*', securityHeaders());
  app.use('/api/*', noStore());
  app.use('/api/*', requestBodyLimit());
  app.use('/api/*', jsonGuard());
  app.use('/api/*', authenticate(deps.verifier));
  // The tenant of the path, resolved once for every route below it.
  app.use('/api/tenants/:t', tenantScope(platform.tenants));
  app.use('/api/tenants/:t/*', tenantScope(platform.tenants));

  app.route('/', healthRoutes(deps));
  app.route('/', catalogueRoutes(platform));
  app.route('/', organizationRoutes(platform));
  app.route('/', applicationRoutes(platform));
  app.route('/', documentRoutes(platform));
  app.route('/', banRoutes(platform));
  app.route('/', reviewRoutes(platform));
  app.route('/', panelRoutes(platform));
  app.route('/', expertRoutes(platform));
  app.route('/', publicityRoutes(platform));
  app.route('/', provinceRoutes(platform));
  app.route('/', exportRoutes(platform));
  app.route('/', supervisionRoutes(platform));
  app.route('/', engagementRoutes(platform));
  app.route('/', complaintRoutes(platform));
  app.route('/', evaluationRoutes(platform));
  app.route('/', pilotRoutes(platform));
  app.route('/', enterpriseRoutes(platform));
  if (deps.dev) app.route('/', deps.dev.routes(platform.tenants, deps.dev));

  const info = {
    title: '中小企业数字化转型服务商平台 API / SME digital-transformation provider platform API',
    version: '1.0.0',
  };
  // Every operation needs a bearer token unless its route says `publicRoute`.
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const config = { openapi: '3.1.0', info, security: [{ bearer: [] }] };
  // Generated on the first request that needs it, then kept: the routes are fixed once
  // the app is built, and generating the document (~110 KB) took ~100 ms a request.
  // Not at build: registering the routes needs the generator's library anyway.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const openApiDocument = () => {
    document ??= app.getOpenAPI31Document(config);
    return document;
  };
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/docs', pageSecurityHeaders({ styles: [DOCS_STYLE] }), (c) => {
    const doc = openApiDocument() as unknown as OpenApiDocument;
    return c.html(<DocsPage doc={doc} />);
  });
  app.all('/api/*', apiNotFound);
  return app;
}
