/**
 * Engagements (服务登记, API.md "Supervision"): a member registers the service it gives a
 * pilot enterprise and each milestone with its documents; the enterprise confirms each
 * milestone and rates the engagement once. Every decision is the platform's; these
 * routes validate, call and shape the answer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import { HistorySchema, TenantParam, UploadSchema } from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { historyView, shanghai } from './case-view.js';
import {
  DocumentParams,
  EngagementSchema,
  engagementView,
  errors,
  MilestoneBody,
  MilestoneParams,
  Params,
  RatingBody,
  RegisterBody,
  SummarySchema,
  tags,
  WithUploads,
} from './engagement.schemas.js';
import { idempotencyKey, json, jsonBody, keyedCreateDescription } from './openapi-helpers.js';

const post = <P extends string>(path: P, summary: string) => ({
  method: 'post' as const,
  path,
  tags,
  summary,
});
const get = <P extends string>(path: P, summary: string) => ({
  method: 'get' as const,
  path,
  tags,
  summary,
});

const register = createRoute({
  ...post('/api/tenants/{t}/engagements', 'Register an engagement from its contract (服务登记)'),
  description: keyedCreateDescription('registers', 'engagement'),
  request: { params: TenantParam, body: jsonBody(RegisterBody) },
  responses: {
    201: json(WithUploads, 'Registered; the enterprise confirms the contract'),
    ...errors,
  },
});

const list = createRoute({
  ...get('/api/tenants/{t}/engagements', "The enterprise's engagements"),
  request: { params: TenantParam },
  responses: {
    200: json(z.object({ items: z.array(SummarySchema) }), 'Engagements'),
    ...errors,
  },
});

const read = createRoute({
  ...get('/api/tenants/{t}/engagements/{id}', 'One engagement with its history'),
  request: { params: Params },
  responses: {
    200: json(EngagementSchema.extend({ history: HistorySchema.shape.items }), 'The engagement'),
    ...errors,
  },
});

const milestone = createRoute({
  ...post('/api/tenants/{t}/engagements/{id}/milestones', 'Record the next milestone'),
  request: { params: Params, body: jsonBody(MilestoneBody) },
  responses: { 201: json(WithUploads, 'Recorded; the enterprise confirms it'), ...errors },
});

const confirm = createRoute({
  ...post(
    '/api/tenants/{t}/engagements/{id}/milestones/{m}/confirm',
    'The enterprise confirms a milestone',
  ),
  request: { params: MilestoneParams },
  responses: { 200: json(EngagementSchema, 'Confirmed'), ...errors },
});

const rate = createRoute({
  ...post('/api/tenants/{t}/engagements/{id}/rating', 'The enterprise rates the engagement, once'),
  request: { params: Params, body: jsonBody(RatingBody) },
  responses: { 201: json(EngagementSchema, 'Rated'), ...errors },
});

const complete = createRoute({
  ...post(
    '/api/tenants/{t}/engagements/{id}/documents/{documentId}/complete',
    'Verify an uploaded milestone document',
  ),
  request: { params: DocumentParams },
  responses: {
    200: json(z.object({ status: z.literal('verified') }), 'Verified'),
    ...errors,
    422: problemResponse('checksum_mismatch, not_pdf or missing_upload'),
  },
});

const reupload = createRoute({
  ...post(
    '/api/tenants/{t}/engagements/{id}/documents/{documentId}/upload',
    'A fresh upload form for a milestone document still pending (upload failed or form expired)',
  ),
  request: { params: DocumentParams },
  responses: {
    200: json(UploadSchema, 'A presigned POST for the same declared file'),
    ...errors,
    409: problemResponse('document_verified, already_confirmed, or moved on meanwhile'),
  },
});

const open = createRoute({
  ...get(
    '/api/tenants/{t}/engagements/{id}/documents/{documentId}',
    'Open a verified milestone document',
  ),
  request: { params: DocumentParams },
  responses: {
    200: json(
      z.object({ url: z.string(), expiresAt: z.string() }),
      'A presigned read, at most 5 minutes',
    ),
    ...errors,
  },
});

export function engagementRoutes({ supervision }: Platform) {
  const { engagements, engagementConfirmations, engagementDocuments, engagementReads } =
    supervision;
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(register, async (c) => {
      const { tenant, claims } = member(c);
      const key = idempotencyKey(c);
      const done = await engagements.register(tenant, claims, c.req.valid('json'), key);
      return c.json({ ...engagementView(done.engagement), uploads: done.uploads }, 201);
    })
    .openapi(list, async (c) => {
      const { tenant, claims } = member(c);
      const items = await engagementReads.mine(tenant, claims);
      return c.json(
        {
          items: items.map((e) => ({
            ...e,
            createdAt: shanghai(e.createdAt),
            updatedAt: shanghai(e.updatedAt),
          })),
        },
        200,
      );
    })
    .openapi(read, async (c) => {
      const { tenant, claims } = member(c);
      const { engagement, history } = await engagementReads.view(
        tenant,
        claims,
        c.req.valid('param').id,
      );
      return c.json({ ...engagementView(engagement), history: historyView(history) }, 200);
    })
    .openapi(milestone, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      const done = await engagements.addMilestone(tenant, claims, id, c.req.valid('json'));
      return c.json({ ...engagementView(done.engagement), uploads: done.uploads }, 201);
    })
    .openapi(confirm, async (c) => {
      const { tenant, claims } = member(c);
      const { id, m } = c.req.valid('param');
      return c.json(
        engagementView(await engagementConfirmations.confirm(tenant, claims, id, m)),
        200,
      );
    })
    .openapi(rate, async (c) => {
      const { tenant, claims } = member(c);
      const { id } = c.req.valid('param');
      return c.json(
        engagementView(await engagementConfirmations.rate(tenant, claims, id, c.req.valid('json'))),
        201,
      );
    })
    .openapi(complete, async (c) => {
      const { tenant, claims } = member(c);
      const { id, documentId } = c.req.valid('param');
      return c.json(await engagementDocuments.complete(tenant, claims, id, documentId), 200);
    })
    .openapi(reupload, async (c) => {
      const { tenant, claims } = member(c);
      const { id, documentId } = c.req.valid('param');
      return c.json(await engagementDocuments.reissueUpload(tenant, claims, id, documentId), 200);
    })
    .openapi(open, async (c) => {
      const { tenant, claims } = member(c);
      const { id, documentId } = c.req.valid('param');
      return c.json(await engagementDocuments.open(tenant, claims, id, documentId), 200);
    });
}
