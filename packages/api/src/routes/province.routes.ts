/**
 * The province's view across its cities (API.md "The province"): counts by status and
 * by category.
 * Bans are in `bans.routes.ts`; the province-wide pool is the pool route of the
 * province's tenant.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { APPLICATION_STATUSES } from '@sme/core';
import type { Platform } from '@sme/platform';
import { TenantParam } from '../applications/application.schemas.js';
import { callerOf } from '../auth/authenticate.js';
import { scopeOf } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json } from './openapi-helpers.js';

const ByStatus = z.object(
  Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof APPLICATION_STATUSES)[number],
    z.ZodNumber
  >,
);

const ByCategory = z.array(
  z.object({
    category: z.string().optional().openapi({ description: 'Absent: calls not by category' }),
    byStatus: ByStatus,
  }),
);

const stats = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/stats',
  tags: ['Province'],
  summary:
    'Applications by status (and by category), per tenant and program of the province, and in total',
  request: { params: TenantParam },
  responses: {
    200: json(
      z.object({
        tenants: z.array(
          z.object({
            tenant: z.string(),
            programs: z.array(
              z.object({ programId: z.string(), byStatus: ByStatus, byCategory: ByCategory }),
            ),
          }),
        ),
        totals: z.object({ byStatus: ByStatus, byCategory: ByCategory }),
      }),
      'Counts, equal to a recount at every moment',
    ),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not the province administrator'),
  },
});

export function provinceRoutes({ province }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(stats, async (c) => {
    // The province admin's own check answers 403 for anyone else (a city admin included).
    return c.json(await province.stats(scopeOf(c).tenant, callerOf(c)), 200);
  });
}
