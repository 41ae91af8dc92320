/**
 * The public catalogue: tenants, their open calls and each call's form and review.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ProgramDetailSchema,
  ProgramParams,
  TenantDetailSchema,
  TenantParams,
  TenantSummarySchema,
} from '../catalogue/catalogue.schemas.js';
import { programDetail, tenantDetail, tenantSummary } from '../catalogue/catalogue-views.js';
import type { TenantRegistry } from '../catalogue/tenant-registry.js';
import type { AppDeps } from '../deps.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, publicRoute } from './openapi-helpers.js';

const listTenants = createRoute({
  method: 'get',
  path: '/api/tenants',
  ...publicRoute,
  tags: ['Catalogue'],
  summary: 'All tenants (cities and the province)',
  responses: { 200: json(z.object({ items: z.array(TenantSummarySchema) }), 'The tenants') },
});

const getTenant = createRoute({
  method: 'get',
  path: '/api/tenants/{t}',
  ...publicRoute,
  tags: ['Catalogue'],
  summary: 'One tenant with its regions and calls',
  request: { params: TenantParams },
  responses: {
    200: json(TenantDetailSchema, 'The tenant'),
    404: problemResponse('Unknown tenant'),
  },
});

const getProgram = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/programs/{p}',
  ...publicRoute,
  tags: ['Catalogue'],
  summary: "A call's tracks, form, documents, rules and review stages",
  request: { params: ProgramParams },
  responses: {
    200: json(ProgramDetailSchema, 'The call'),
    404: problemResponse('Unknown tenant or call'),
  },
});

export function catalogueRoutes(registry: TenantRegistry, deps: Pick<AppDeps, 'clock'>) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(listTenants, (c) => c.json({ items: registry.all.map(tenantSummary) }, 200))
    .openapi(getTenant, (c) => {
      const tenant = registry.tenant(c.req.valid('param').t);
      return c.json(tenantDetail(tenant, deps.clock.now()), 200);
    })
    .openapi(getProgram, (c) => {
      const { t, p } = c.req.valid('param');
      const { tenant, program } = registry.program(t, p);
      return c.json(programDetail(tenant, program, deps.clock.now()), 200);
    });
}
