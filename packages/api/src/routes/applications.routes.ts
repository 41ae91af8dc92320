/**
 * Applications (API.md "Organizations and applications"): create, read, edit, withdraw,
 * submit, list and history. Handlers parse, call one command and shape the answer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import {
  ApplicationSchema,
  ApplicationSummarySchema,
  AppParams,
  CreateApplicationBody,
  HistorySchema,
  ListQuery,
  PatchApplicationBody,
  SubmitSchema,
  TenantParam,
  WithdrawBody,
} from '../applications/application.schemas.js';
import { applicationSummary, applicationView } from '../applications/application-view.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { etag, idempotencyKey, ifMatchVersion, json, jsonBody } from './openapi-helpers.js';

const tags = ['Applications'];
const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed, or banned'),
  404: problemResponse('Unknown tenant, program or application'),
  409: problemResponse(
    'Window closed, version conflict or wrong state; `busy` when the write met other writes until it gave up, having written nothing (send it again)',
  ),
  422: problemResponse('Invalid input or a broken rule'),
};

const create = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications',
  tags,
  summary: 'Start an application (a draft)',
  request: { params: TenantParam, body: jsonBody(CreateApplicationBody) },
  responses: { 201: json(ApplicationSchema, 'Created as a draft'), ...errors },
});

const list = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/applications',
  tags,
  summary: 'Applications in the caller’s scope',
  request: { params: TenantParam, query: ListQuery },
  responses: {
    200: json(
      z.object({ items: z.array(ApplicationSummarySchema), next: z.string().optional() }),
      'A page',
    ),
    ...errors,
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/applications/{id}',
  tags,
  summary: 'One application (owner or staff in scope)',
  request: { params: AppParams },
  responses: { 200: json(ApplicationSchema, 'The application'), ...errors },
});

const patch = createRoute({
  method: 'patch',
  path: '/api/tenants/{t}/applications/{id}',
  tags,
  summary: 'Edit a draft or a returned application; If-Match guards against lost updates',
  request: { params: AppParams, body: jsonBody(PatchApplicationBody) },
  responses: { 200: json(ApplicationSchema, 'The new version'), ...errors },
});

const withdraw = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/withdraw',
  tags,
  summary: 'Withdraw before listing',
  request: { params: AppParams, body: { ...jsonBody(WithdrawBody), required: false } },
  responses: { 200: json(ApplicationSchema, 'Withdrawn'), ...errors },
});

const submit = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/submit',
  tags,
  summary: 'Submit; Idempotency-Key makes retries safe',
  request: { params: AppParams },
  responses: { 200: json(SubmitSchema, 'Submitted'), ...errors },
});

const history = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/applications/{id}/history',
  tags,
  summary: 'Every change, oldest first, hash-chained',
  request: { params: AppParams },
  responses: { 200: json(HistorySchema, 'The history'), ...errors },
});

const audit = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/applications/{id}/audit',
  tags,
  summary:
    'Recompute the history chain and check the stored application against its latest event (staff in scope)',
  request: { params: AppParams },
  responses: {
    200: json(
      z.object({
        ok: z.boolean(),
        events: z.number().int(),
        head: z.string().optional(),
        seq: z.number().int().optional().openapi({ description: 'The event where it breaks' }),
        reason: z
          .enum([
            'hash_mismatch',
            'prev_hash_mismatch',
            'sequence_gap',
            'head_mismatch',
            'content_mismatch',
          ])
          .optional(),
        detail: z.string().optional(),
      }),
      'The audit',
    ),
    ...errors,
  },
});

export function applicationRoutes(platform: Platform) {
  const { applications: commands, submission, queries } = platform;
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(create, async (c) => {
      const { tenant, claims } = member(c);
      const record = await commands.create(tenant, claims, c.req.valid('json'));
      c.header('ETag', etag(record.application.version));
      return c.json(applicationView(record), 201);
    })
    .openapi(list, async (c) => {
      const { tenant, claims } = member(c);
      const page = await queries.list(tenant, claims, c.req.valid('query'));
      return c.json({ ...page, items: page.items.map(applicationSummary) }, 200);
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const { record, entityConflicts } = await queries.view(tenant, claims, id);
      c.header('ETag', etag(record.application.version));
      return c.json(
        { ...applicationView(record), ...(entityConflicts && { entityConflicts }) },
        200,
      );
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const ifMatch = ifMatchVersion(c.req.header('if-match'));
      const record = await commands.patch(tenant, claims, id, c.req.valid('json'), ifMatch);
      c.header('ETag', etag(record.application.version));
      return c.json(applicationView(record), 200);
    })
    .openapi(withdraw, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const body = (await c.req.json().catch(() => ({}))) as { reason?: unknown };
      const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : undefined;
      return c.json(
        applicationView(await commands.withdraw(tenant, claims, id, reason || undefined)),
        200,
      );
    })
    .openapi(submit, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      const key = idempotencyKey(c);
      return c.json(await submission.submit(tenant, claims, id, key), 200);
    })
    .openapi(audit, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await queries.audit(tenant, claims, id), 200);
    })
    .openapi(history, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json({ items: await queries.history(tenant, claims, id) }, 200);
    });
}
