/**
 * Pilot enterprises (API.md "Supervision"): the list of those a tenant listed, for its
 * staff and the members of its pool (who see name, district and needs only).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { TenantParam } from '../applications/application.schemas.js';
import { callerOf } from '../auth/authenticate.js';
import { scopeOf } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json } from './openapi-helpers.js';

const Pilot = z
  .object({
    tenant: z.string().optional(),
    applicationId: z.string().optional(),
    uscc: z.string().optional(),
    name: z.string(),
    region: z.string().optional().openapi({ description: 'The district it registered in' }),
    programId: z.string().optional(),
    listedAt: z.string().optional(),
    needs: z.string().openapi({ description: 'Its digital-transformation needs, as it applied' }),
  })
  .openapi('Pilot', {
    description: 'Staff read every field; a member of the pool reads name, region and needs only',
  });

const list = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/pilots',
  tags: ['Pilot enterprises'],
  summary: 'The pilot enterprises listed (never in the provider pool), oldest listing first',
  request: { params: TenantParam },
  responses: {
    200: json(z.object({ items: z.array(Pilot) }), 'The pilots'),
    401: problemResponse('Not signed in'),
    403: problemResponse("Neither staff in scope nor a member of the tenant's pool"),
  },
});

export function pilotRoutes({ pilots }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(list, async (c) =>
    c.json({ items: (await pilots.list(scopeOf(c).tenant, callerOf(c))).items }, 200),
  );
}
