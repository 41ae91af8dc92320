/**
 * Complaints and spot checks (API.md "Supervision"): an enterprise complains about a
 * provider that serves it, the provider replies by `replyDueAt`, the bureau resolves
 * (and may order rectification with it); staff record spot checks. Every decision is
 * the platform's; these routes validate, call and shape the answer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type Complaint, SPOT_CHECK_METHODS } from '@sme/core';
import type { Platform } from '@sme/platform';
import { HistorySchema, SafeId, TenantParam } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { caseView, historyView, shanghai } from './case-view.js';
import { idempotencyKey, json, jsonBody, keyedCreateDescription } from './openapi-helpers.js';

const tags = ['Supervision'];
const Text = (max: number) => z.string().trim().min(2).max(max);
const Params = TenantParam.extend({ id: SafeId.openapi({ param: { name: 'id', in: 'path' } }) });

const CaseSchema = z
  .object({ id: z.string(), status: z.string(), uscc: z.string(), createdAt: z.string() })
  .passthrough();
const ComplaintSchema = CaseSchema.extend({ replyDueAt: z.string() }).openapi('Complaint');

const FileBody = z
  .object({
    providerUscc: SafeId,
    engagementId: SafeId.optional(),
    ground: SafeId.openapi({ example: 'late-engagement' }),
    description: Text(5000),
  })
  .openapi('ComplaintInput');

const ResolutionBody = z
  .object({
    upheld: z.boolean(),
    comment: Text(2000),
    rectify: z
      .object({ ground: SafeId.openapi({ example: 'service-complaints' }), detail: Text(2000) })
      .optional()
      .openapi({
        description: 'Upheld only: order rectification on this ground, in the same step',
      }),
  })
  .openapi('ComplaintResolution');

const SpotCheckBody = z
  .object({
    uscc: SafeId,
    method: z.enum(SPOT_CHECK_METHODS),
    findings: Text(5000),
    engagementId: SafeId.optional(),
  })
  .openapi('SpotCheckInput');

const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not the enterprise, the provider or the bureau; no engagement with it'),
  404: problemResponse('No such complaint, or not a member'),
  409: problemResponse('past_due, reply_pending, or moved on meanwhile'),
  422: problemResponse('unknown_ground, engagement_mismatch, rectify_requires_upheld'),
};

const complaintView = (complaint: Complaint) => ({
  ...caseView(complaint),
  replyDueAt: shanghai(complaint.replyDueAt),
});

const post = <P extends string>(path: P, summary: string) => ({
  method: 'post' as const,
  path,
  tags,
  summary,
});

const file = createRoute({
  ...post('/api/tenants/{t}/complaints', 'Complain about a provider that serves you (投诉)'),
  description: keyedCreateDescription('files', 'complaint'),
  request: { params: TenantParam, body: jsonBody(FileBody) },
  responses: {
    201: json(ComplaintSchema, 'Filed; the provider may reply until replyDueAt'),
    ...errors,
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/complaints/{id}',
  tags,
  summary: 'One complaint with its history',
  request: { params: Params },
  responses: {
    200: json(ComplaintSchema.extend({ history: HistorySchema.shape.items }), 'The complaint'),
    ...errors,
  },
});

const reply = createRoute({
  ...post('/api/tenants/{t}/complaints/{id}/reply', "The provider's reply, by replyDueAt"),
  request: { params: Params, body: jsonBody(z.object({ text: Text(5000) })) },
  responses: { 200: json(ComplaintSchema, 'Replied'), ...errors },
});

const resolve = createRoute({
  ...post('/api/tenants/{t}/complaints/{id}/resolution', 'The bureau resolves a complaint'),
  request: { params: Params, body: jsonBody(ResolutionBody) },
  responses: { 200: json(ComplaintSchema, 'Resolved'), ...errors },
});

const spotCheck = createRoute({
  ...post('/api/tenants/{t}/spot-checks', 'Record a spot check of a member (抽查)'),
  description: keyedCreateDescription('records', 'spot check'),
  request: { params: TenantParam, body: jsonBody(SpotCheckBody) },
  responses: {
    201: json(CaseSchema.openapi('SpotCheck'), 'Recorded'),
    ...errors,
    403: problemResponse("Not the role the tenant's spot-check rule names"),
  },
});

export function complaintRoutes({ supervision }: Platform) {
  const { complaints, spotChecks } = supervision;
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(file, async (c) => {
      const { tenant, claims } = member(c);
      const key = idempotencyKey(c);
      const filed = await complaints.file(tenant, claims, c.req.valid('json'), key);
      return c.json(complaintView(filed), 201);
    })
    .openapi(read, async (c) => {
      const { tenant, claims } = member(c);
      const { complaint, history } = await complaints.view(tenant, claims, c.req.valid('param').id);
      return c.json({ ...complaintView(complaint), history: historyView(history) }, 200);
    })
    .openapi(reply, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      return c.json(
        complaintView(await complaints.reply(tenant, claims, id, c.req.valid('json'))),
        200,
      );
    })
    .openapi(resolve, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      return c.json(
        complaintView(await complaints.resolve(tenant, claims, id, c.req.valid('json'))),
        200,
      );
    })
    .openapi(spotCheck, async (c) => {
      const { tenant, claims } = member(c);
      const input = c.req.valid('json');
      return c.json(
        caseView(await spotChecks.record(tenant, claims, input, idempotencyKey(c))),
        201,
      );
    });
}
