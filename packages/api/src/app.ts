/**
 * The Hono app: every route, one error handler, the OpenAPI document. Hosts (the local
 * server, the Lambda handler) build it with their dependencies.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { TenantRegistry } from './catalogue/tenant-registry.js';
import type { AppDeps } from './deps.js';
import { handleError } from './problem/handle-error.js';
import { problem } from './problem/problem-details.js';
import { validationHook } from './problem/validation-hook.js';
import { catalogueRoutes } from './routes/catalogue.routes.js';
import { devRoutes } from './routes/dev.routes.js';
import { healthRoutes } from './routes/health.routes.js';

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

  app.route('/', healthRoutes(deps));
  app.route('/', catalogueRoutes(registry, deps));
  if (deps.dev) app.route('/', devRoutes(registry, deps.dev));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '中小企业数字化转型服务商平台 API / SME digital-transformation provider platform API',
      version: '1.0.0',
    },
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
