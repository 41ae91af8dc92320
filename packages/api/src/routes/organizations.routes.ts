/**
 * Organizations: a provider registers itself in a city (API.md).
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  OrganizationBody,
  OrganizationSchema,
  OrgParams,
} from '../applications/application.schemas.js';
import type { TenantRegistry } from '../catalogue/tenant-registry.js';
import type { OrganizationCommands } from '../organizations/organization-commands.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody, scoped } from './openapi-helpers.js';

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

export function organizationRoutes(registry: TenantRegistry, organizations: OrganizationCommands) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(register, async (c) => {
    const { t, uscc } = c.req.valid('param');
    const { tenant, claims } = scoped(c, registry, t);
    return c.json(await organizations.register(tenant, claims, uscc, c.req.valid('json')), 200);
  });
}
