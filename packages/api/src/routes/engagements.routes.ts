/**
 * Engagements (服务登记, API.md "Supervision"): a member registers the service it gives a
 * pilot enterprise and each milestone with its documents; the enterprise confirms each
 * milestone and rates the engagement once. Every decision is the platform's; these
 * routes validate, call and shape the answer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  type Engagement,
  isCalendarDate,
  MILESTONE_KINDS,
  SATISFACTION_LEVELS,
} from '@sme/core';
import type { Platform } from '@sme/platform';
import {
  HistorySchema,
  SafeId,
  TenantParam,
  UploadSchema,
} from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { historyView, shanghai } from './case-view.js';
import { json, jsonBody } from './openapi-helpers.js';

const tags = ['Supervision'];
const Text = (max: number) => z.string().trim().min(2).max(max);

const Params = TenantParam.extend({ id: SafeId.openapi({ param: { name: 'id', in: 'path' } }) });
const MilestoneParams = Params.extend({
  m: z.enum(MILESTONE_KINDS).openapi({ param: { name: 'm', in: 'path' } }),
});
const DocumentParams = Params.extend({
  documentId: SafeId.openapi({ param: { name: 'documentId', in: 'path' } }),
});

const Declaration = z.object({
  filename: z.string().trim().min(1).max(255).openapi({ example: '实施方案.pdf' }),
  contentType: z.string().min(3).max(100).openapi({ example: 'application/pdf' }),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
});
const Documents = z.array(Declaration).max(10).optional();

export const RegisterBody = z
  .object({
    enterpriseUscc: SafeId.openapi({ example: '91370800MA3C000017' }),
    kind: z.enum(ENGAGEMENT_KINDS),
    title: Text(200),
    contractSignedAt: z
      .string()
      .refine(isCalendarDate, 'a date YYYY-MM-DD')
      .openapi({ example: '2025-03-01' }),
    amount: z.number().nonnegative().max(1e10).optional(),
    documents: Documents,
  })
  .openapi('EngagementInput');

export const MilestoneBody = z
  .object({
    kind: z.enum(['plan', 'works', 'internal_acceptance', 'assessment_acceptance']),
    summary: Text(2000),
    documents: Documents,
  })
  .openapi('MilestoneInput');

export const RatingBody = z
  .object({ satisfaction: z.enum(SATISFACTION_LEVELS), comment: Text(2000) })
  .openapi('RatingInput');

const MilestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  summary: z.string(),
  at: z.string(),
  confirmedAt: z.string().optional(),
  documents: z.array(
    z.object({
      documentId: z.string(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      status: z.enum(['pending', 'verified']),
    }),
  ),
});

const EngagementSchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    status: z.enum(ENGAGEMENT_STATUSES),
    version: z.number().int(),
    uscc: z.string(),
    providerName: z.string(),
    enterpriseUscc: z.string(),
    kind: z.enum(ENGAGEMENT_KINDS),
    title: z.string(),
    contractSignedAt: z.string(),
    amount: z.number().optional(),
    milestones: z.array(MilestoneSchema),
    rating: z
      .object({
        satisfaction: z.enum(SATISFACTION_LEVELS),
        comment: z.string(),
        at: z.string(),
        by: z.string(),
      })
      .optional(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Engagement');
const SummarySchema = z.object({
  id: z.string(),
  uscc: z.string(),
  providerName: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  title: z.string(),
  status: z.enum(ENGAGEMENT_STATUSES),
  awaiting: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const WithUploads = EngagementSchema.extend({ uploads: z.array(UploadSchema) });

const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not a party to this engagement'),
  404: problemResponse('No such engagement, milestone or document, or not a member'),
  409: problemResponse(
    'exclusive_service, milestone_out_of_order, milestone_unconfirmed, already_confirmed, documents_unverified, not_accepted, already_rated, or moved on meanwhile',
  ),
  422: problemResponse('invalid_uscc, invalid_date, or a document not allowed'),
};

/** An engagement as answers show it: Beijing times, documents without their storage keys. */
export function engagementView(engagement: Engagement): z.infer<typeof EngagementSchema> {
  const {
    historyHead: _h,
    contentDigest: _d,
    revision: _r,
    milestones,
    rating,
    ...rest
  } = engagement;
  return {
    ...rest,
    createdAt: shanghai(engagement.createdAt),
    updatedAt: shanghai(engagement.updatedAt),
    milestones: milestones.map((m) => ({
      kind: m.kind,
      summary: m.summary,
      at: shanghai(m.at),
      ...(m.confirmedAt && { confirmedAt: shanghai(m.confirmedAt) }),
      documents: m.documents.map((d) => ({
        documentId: d.documentId,
        filename: d.filename,
        contentType: d.contentType,
        size: d.size,
        sha256: d.sha256,
        status: d.status,
      })),
    })),
    ...(rating && { rating: { ...rating, at: shanghai(rating.at) } }),
  };
}

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
      const done = await engagements.register(tenant, claims, c.req.valid('json'));
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
    .openapi(open, async (c) => {
      const { tenant, claims } = member(c);
      const { id, documentId } = c.req.valid('param');
      return c.json(await engagementDocuments.open(tenant, claims, id, documentId), 200);
    });
}
