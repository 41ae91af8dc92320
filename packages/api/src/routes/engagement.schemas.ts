/**
 * The shapes of engagements on the wire (API.md "Supervision"): what a member registers
 * and records, what the enterprise rates, and an engagement as answers show it.
 */
import { z } from '@hono/zod-openapi';
import {
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  type Engagement,
  isCalendarDate,
  MILESTONE_KINDS,
  SATISFACTION_LEVELS,
} from '@sme/core';
import { SafeId, TenantParam, UploadSchema } from '../applications/application.schemas.js';
import { problemResponse } from '../problem/problem.schema.js';
import { shanghai } from './case-view.js';

export const tags = ['Supervision'];
export const Text = (max: number) => z.string().trim().min(2).max(max);

export const Params = TenantParam.extend({
  id: SafeId.openapi({ param: { name: 'id', in: 'path' } }),
});
export const MilestoneParams = Params.extend({
  m: z.enum(MILESTONE_KINDS).openapi({ param: { name: 'm', in: 'path' } }),
});
export const DocumentParams = Params.extend({
  documentId: SafeId.openapi({ param: { name: 'documentId', in: 'path' } }),
});

export const Declaration = z.object({
  filename: z.string().trim().min(1).max(255).openapi({ example: '实施方案.pdf' }),
  contentType: z.string().min(3).max(100).openapi({ example: 'application/pdf' }),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
});
export const Documents = z.array(Declaration).max(10).optional();

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

export const MilestoneSchema = z.object({
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

export const EngagementSchema = z
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
export const SummarySchema = z.object({
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
export const WithUploads = EngagementSchema.extend({ uploads: z.array(UploadSchema) });

export const errors = {
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
    requestDigest: _k,
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
