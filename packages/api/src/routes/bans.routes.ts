/**
 * Province-wide bans (API.md "The province").
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { BanBody, BanSchema, TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';

const tags = ['Province'];
const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not the province administrator'),
};

const add = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/bans',
  tags,
  summary: 'Ban an organization in every city of the province until an instant',
  request: { params: TenantParam, body: jsonBody(BanBody) },
  responses: {
    201: json(BanSchema, 'Banned'),
    ...errors,
    422: problemResponse('Invalid USCC or instant'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/bans',
  tags,
  summary: 'Bans of the province, newest first',
  request: { params: TenantParam, query: z.object({ cursor: z.string().max(2000).optional() }) },
  responses: {
    200: json(z.object({ items: z.array(BanSchema), next: z.string().optional() }), 'Bans'),
    ...errors,
  },
});

export function banRoutes({ bans }: Platform) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(add, async (c) => {
      const { tenant, claims } = member(c);
      return c.json(await bans.add(tenant, claims, c.req.valid('json')), 201);
    })
    .openapi(list, async (c) => {
      const { tenant, claims } = member(c);
      return c.json(await bans.list(tenant, claims, c.req.valid('query').cursor), 200);
    });
}
