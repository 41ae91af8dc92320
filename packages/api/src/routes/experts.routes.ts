/**
 * The tenant's expert pool: experts by id (no personal data), the industries they
 * cover and the organizations they may not review. Managed by the city bureau.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';

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

export function expertRoutes({ experts }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(putExpert, async (c) => {
      const { expertId } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await experts.save(tenant, claims, expertId, c.req.valid('json')), 200);
    })
    .openapi(listExperts, async (c) => {
      const { tenant, claims } = member(c);
      return c.json({ items: await experts.list(tenant, claims) }, 200);
    });
}
