/**
 * The tenant's expert pool: experts by id (no personal data), the industries they
 * cover and the organizations they may not review. Managed by the city bureau.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ResolvedTenant } from '@sme/core';
import { TenantParam } from '../applications/application.schemas.js';
import { contextOf, type Services } from '../applications/services.js';
import type { Claims } from '../auth/claims.js';
import type { TenantRegistry } from '../catalogue/tenant-registry.js';
import { ForbiddenError } from '../problem/errors.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody, scoped } from './openapi-helpers.js';

const tags = ['Review'];

const ExpertSchema = z
  .object({
    expertId: z.string(),
    industries: z.array(z.string()),
    conflicts: z.array(z.string()),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Expert');

const putExpert = createRoute({
  method: 'put',
  path: '/api/tenants/{t}/experts/{expertId}',
  tags,
  summary: 'Add or update an expert of the pool (ids only: no personal data)',
  request: {
    params: TenantParam.extend({
      expertId: z
        .string()
        .regex(/^[A-Za-z0-9._:-]{1,64}$/)
        .openapi({ param: { name: 'expertId', in: 'path' } }),
    }),
    body: jsonBody(
      z.object({
        industries: z.array(z.string().max(64)).max(50).default([]),
        conflicts: z
          .array(z.string().length(18))
          .max(200)
          .default([])
          .openapi({ description: 'USCCs the expert may not review' }),
      }),
    ),
  },
  responses: { 200: json(ExpertSchema, 'Saved'), 403: problemResponse('Not the city bureau') },
});

const listExperts = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/experts',
  tags,
  summary: 'The expert pool',
  request: { params: TenantParam },
  responses: {
    200: json(z.object({ items: z.array(ExpertSchema) }), 'The pool'),
    403: problemResponse('Not the city bureau'),
  },
});

function assertCityAdmin(claims: Claims, tenant: ResolvedTenant) {
  if (claims.tenant !== tenant.id || !claims.roles.includes('city_admin')) {
    throw new ForbiddenError({
      zh: '仅市级主管部门可管理专家库',
      en: 'Only the city bureau manages the expert pool',
    });
  }
}

export function expertRoutes(registry: TenantRegistry, services: Services) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(putExpert, async (c) => {
      const { t, expertId } = c.req.valid('param');
      const { tenant, claims } = scoped(c, registry, t);
      assertCityAdmin(claims, tenant);
      const body = c.req.valid('json');
      const expert = {
        expertId,
        ...body,
        updatedBy: claims.sub,
        updatedAt: services.clock.now().toISOString(),
      };
      await services.experts.save(contextOf(tenant), expert);
      return c.json(expert, 200);
    })
    .openapi(listExperts, async (c) => {
      const { tenant, claims } = scoped(c, registry, c.req.valid('param').t);
      assertCityAdmin(claims, tenant);
      return c.json({ items: await services.experts.pool(contextOf(tenant)) }, 200);
    });
}
