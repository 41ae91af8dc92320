/**
 * The public catalogue: tenants, their open calls and each call's form and review.
 * Each answer is built and serialized once per tenant, call and state (`AnswerCache`),
 * carries a strong `ETag` and a public `Cache-Control`, and a request naming the
 * current tag gets `304` with no body (hono's `etag`, which reuses the tag it finds).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Platform, programOf } from '@sme/platform';
import type { Context, TypedResponse } from 'hono';
import { etag } from 'hono/etag';
import type { JSONParsed } from 'hono/utils/types';
import { AnswerCache, type CachedAnswer } from '../catalogue/answer-cache.js';
import {
  ProgramDetailSchema,
  ProgramParams,
  TenantDetailSchema,
  TenantParams,
  TenantSummarySchema,
} from '../catalogue/catalogue.schemas.js';
import { publicCacheControl, stateKey } from '../catalogue/catalogue-freshness.js';
import { programDetail, tenantDetail, tenantSummary } from '../catalogue/catalogue-views.js';
import { scopeOf } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, publicRoute } from './openapi-helpers.js';

// The tag is set by the handler from the cache, so `etag()` compares it and never hashes.
const conditional = { middleware: etag() };

const cacheable = (schema: z.ZodType, description: string) => ({
  ...json(schema, description),
  headers: {
    ETag: { description: 'Strong tag of the body', schema: { type: 'string' as const } },
    'Cache-Control': {
      description: 'Public; at most 60 s, and never past the next opening or closing',
      schema: { type: 'string' as const },
    },
  },
});

const notModified = { description: 'Not modified: `If-None-Match` names the current `ETag`' };

const listTenants = createRoute({
  method: 'get',
  path: '/api/tenants',
  ...publicRoute,
  ...conditional,
  tags: ['Catalogue'],
  summary: 'All tenants (cities and the province)',
  responses: {
    200: cacheable(z.object({ items: z.array(TenantSummarySchema) }), 'The tenants'),
    304: notModified,
  },
});

const getTenant = createRoute({
  method: 'get',
  path: '/api/tenants/{t}',
  ...publicRoute,
  ...conditional,
  tags: ['Catalogue'],
  summary: 'One tenant with its regions and calls',
  request: { params: TenantParams },
  responses: {
    200: cacheable(TenantDetailSchema, 'The tenant'),
    304: notModified,
    404: problemResponse('Unknown tenant'),
  },
});

const getProgram = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/programs/{p}',
  ...publicRoute,
  ...conditional,
  tags: ['Catalogue'],
  summary: "A call's tracks, form, documents, rules and review stages",
  request: { params: ProgramParams },
  responses: {
    200: cacheable(ProgramDetailSchema, 'The call'),
    304: notModified,
    404: problemResponse('Unknown tenant or call'),
  },
});

/** A cached answer as the JSON response `c.json` would give, without serializing again. */
function cachedJson<T>(c: Context, answer: CachedAnswer<T>, cacheControl: string) {
  const res = c.body(answer.body, 200, {
    'content-type': 'application/json',
    etag: answer.etag,
    'cache-control': cacheControl,
  });
  // The body is `JSON.stringify` of a `T`, which is what `c.json(T)` declares.
  return res as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
}

export function catalogueRoutes({ tenants: registry, clock }: Pick<Platform, 'tenants' | 'clock'>) {
  // One per app: the registry is fixed for its life, so a key need not name it.
  const cache = new AnswerCache();
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(listTenants, (c) => {
      const answer = cache.answer('tenants', () => ({ items: registry.all.map(tenantSummary) }));
      return cachedJson(c, answer, publicCacheControl([], clock.now()));
    })
    .openapi(getTenant, (c) => {
      const { tenant } = scopeOf(c);
      const now = clock.now();
      const key = `tenant ${tenant.id} ${stateKey(tenant.programs, now)}`;
      const answer = cache.answer(key, () => tenantDetail(tenant, now));
      return cachedJson(c, answer, publicCacheControl(tenant.programs, now));
    })
    .openapi(getProgram, (c) => {
      const { p } = c.req.valid('param');
      const { tenant } = scopeOf(c);
      const program = programOf(tenant, p);
      const now = clock.now();
      const key = `program ${tenant.id} ${stateKey([program], now)}`;
      const answer = cache.answer(key, () => programDetail(tenant, program, now));
      return cachedJson(c, answer, publicCacheControl([program], now));
    });
}
