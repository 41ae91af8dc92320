/**
 * The Hono app: every route, one error handler, the OpenAPI document. Hosts (the local
 * server, the Lambda handler) build it with their dependencies.
 */
import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Publicity } from '@sme/workflow';
import { ApplicationCommands } from './applications/application-commands.js';
import { ApplicationQueries } from './applications/application-queries.js';
import { DocumentCommands } from './applications/document-commands.js';
import { DocumentReads } from './applications/document-reads.js';
import { createServices } from './applications/services.js';
import { Submission } from './applications/submission.js';
import { authenticate } from './auth/authenticate.js';
import { TenantRegistry } from './catalogue/tenant-registry.js';
import type { AppDeps } from './deps.js';
import { requestBodyLimit } from './middleware/body-limit/index.js';
import { noStore } from './middleware/cache-control/index.js';
import { jsonGuard } from './middleware/json-guard/index.js';
import { pageSecurityHeaders, securityHeaders } from './middleware/security-headers/index.js';
import { BanCommands } from './organizations/ban-commands.js';
import { OrganizationCommands } from './organizations/organization-commands.js';
import { handleError } from './problem/handle-error.js';
import { problem } from './problem/problem-details.js';
import { validationHook } from './problem/validation-hook.js';
import { ReviewCommands } from './review/decision-commands.js';
import { PanelCommands } from './review/panel-commands.js';
import { applicationRoutes } from './routes/applications.routes.js';
import { banRoutes } from './routes/bans.routes.js';
import { catalogueRoutes } from './routes/catalogue.routes.js';
import { devRoutes } from './routes/dev.routes.js';
import { DOCS_STYLE, DocsPage, type OpenApiDocument } from './routes/docs.page.js';
import { documentRoutes } from './routes/documents.routes.js';
import { expertRoutes } from './routes/experts.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { organizationRoutes } from './routes/organizations.routes.js';
import { provinceRoutes } from './routes/province.routes.js';
import { publicityRoutes } from './routes/publicity.routes.js';
import { reviewRoutes } from './routes/review.routes.js';

export function createApp(deps: AppDeps) {
  const registry = new TenantRegistry(deps.tenants);
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) =>
    problem(c, 404, 'not_found', {
      zh: '未找到该地址',
      en: `No route for ${c.req.method} ${c.req.path}`,
    }),
  );

  const services = createServices({
    table: deps.storage.table,
    documents: deps.storage.documents,
    releaser: deps.review,
    clock: deps.clock,
    newId: deps.newId ?? randomUUID,
  });
  // Outermost first: headers reach every answer, refusals included; oversized, too
  // deep or unsafe bodies are refused before authentication and before any route.
  app.use('*', securityHeaders());
  app.use('/api/*', noStore());
  app.use('*', requestBodyLimit());
  app.use('/api/*', jsonGuard());
  app.use('/api/*', authenticate(deps.verifier));

  app.route('/', healthRoutes(deps));
  app.route('/', catalogueRoutes(registry, deps));
  app.route('/', organizationRoutes(registry, new OrganizationCommands(services)));
  app.route(
    '/',
    applicationRoutes(
      registry,
      new ApplicationCommands(services),
      new Submission(services),
      new ApplicationQueries(services),
    ),
  );
  app.route(
    '/',
    documentRoutes(registry, new DocumentCommands(services), new DocumentReads(services)),
  );
  app.route('/', banRoutes(registry, new BanCommands(services)));
  app.route(
    '/',
    reviewRoutes(registry, services, new ReviewCommands(services), new PanelCommands(services)),
  );
  app.route('/', expertRoutes(registry, services));
  const publicity = new Publicity({
    ...services,
    tenants: new Map(deps.tenants.map((t) => [t.id, t])),
  });
  app.route('/', publicityRoutes(registry, services, publicity));
  app.route('/', provinceRoutes(registry, services));
  if (deps.dev) app.route('/', devRoutes(registry, deps.dev));

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
  app.doc31('/api/openapi.json', config);
  app.get('/api/docs', pageSecurityHeaders({ styles: [DOCS_STYLE] }), (c) => {
    const doc = app.getOpenAPI31Document(config) as unknown as OpenApiDocument;
    return c.html(<DocsPage doc={doc} />);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
