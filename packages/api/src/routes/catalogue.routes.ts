/**
 * The public catalogue: tenants, their open calls and each call's form and review.
 */

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Platform, programOf } from '@sme/platform';
import {
  ProgramDetailSchema,
  ProgramParams,
  TenantDetailSchema,
  TenantParams,
  TenantSummarySchema,
} from '../catalogue/catalogue.schemas.js';
import { programDetail, tenantDetail, tenantSummary } from '../catalogue/catalogue-views.js';
import { scopeOf } from '../middleware/tenant-scope/index.js';
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

export function catalogueRoutes({ tenants: registry, clock }: Pick<Platform, 'tenants' | 'clock'>) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(listTenants, (c) => c.json({ items: registry.all.map(tenantSummary) }, 200))
    .openapi(getTenant, (c) => {
      return c.json(tenantDetail(scopeOf(c).tenant, clock.now()), 200);
    })
    .openapi(getProgram, (c) => {
      const { p } = c.req.valid('param');
      const { tenant } = scopeOf(c);
      return c.json(programDetail(tenant, programOf(tenant, p), clock.now()), 200);
    });
}
