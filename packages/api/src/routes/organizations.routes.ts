/**
 * Organizations: a provider registers itself in a city (API.md).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import {
  OrganizationBody,
  OrganizationSchema,
  OrgParams,
} from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';

const register = createRoute({
  method: 'put',
  path: '/api/tenants/{t}/orgs/{uscc}',
  tags: ['Organizations'],
  summary: 'Register or update the organization the caller acts for',
  request: { params: OrgParams, body: jsonBody(OrganizationBody) },
  responses: {
    200: json(OrganizationSchema, 'Registered'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not acting for this organization'),
    422: problemResponse('Invalid USCC or region'),
  },
});

const Branch = z
  .object({
    uscc: z.string(),
    name: z.string(),
    state: z.enum(['declared', 'confirmed', 'denied']),
    declaredAt: z.string(),
    answeredAt: z.string().optional(),
  })
  .openapi('BranchDeclaration');

const branches = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/orgs/{uscc}/branches',
  tags: ['Organizations'],
  summary: 'Organizations that declare this one their parent (the organization itself)',
  request: { params: OrgParams },
  responses: {
    200: json(z.object({ items: z.array(Branch) }), 'The declarations'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not acting for this organization'),
  },
});

const answer = createRoute({
  method: 'put',
  path: '/api/tenants/{t}/orgs/{uscc}/branches/{branchUscc}',
  tags: ['Organizations'],
  summary: 'Confirm or deny that an organization declaring this one its parent is its branch',
  request: {
    params: OrgParams.extend({
      branchUscc: z.string().openapi({ param: { name: 'branchUscc', in: 'path' } }),
    }),
    body: jsonBody(z.object({ relation: z.enum(['confirmed', 'denied']) })),
  },
  responses: {
    200: json(Branch, 'Answered'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not acting for the parent'),
    404: problemResponse('No such declaration'),
  },
});

export function organizationRoutes({ organizations }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(register, async (c) => {
      const { uscc } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await organizations.register(tenant, claims, uscc, c.req.valid('json')), 200);
    })
    .openapi(branches, async (c) => {
      const { uscc } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json({ items: await organizations.branches(tenant, claims, uscc) }, 200);
    })
    .openapi(answer, async (c) => {
      const { uscc, branchUscc } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const { relation } = c.req.valid('json');
      return c.json(
        await organizations.answerBranch(tenant, claims, uscc, branchUscc, relation),
        200,
      );
    });
}
