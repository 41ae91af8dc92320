/**
 * Documents of an application: a presigned POST straight to S3, then `complete` to have
 * the upload verified.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '@sme/platform';
import {
  AppParams,
  DocumentParams,
  UploadBody,
  UploadSchema,
} from '../applications/application.schemas.js';
import { member } from '../middleware/tenant-scope/index.js';
import { problemResponse } from '../problem/problem.schema.js';
import { validationHook } from '../problem/validation-hook.js';
import { json, jsonBody } from './openapi-helpers.js';

const tags = ['Documents'];
const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not the owner'),
  404: problemResponse('Unknown application or document'),
  409: problemResponse('The application cannot be edited now, or its call has closed'),
  422: problemResponse('Wrong kind, type or size; or the upload does not match'),
};

const requestUpload = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/documents',
  tags,
  summary: 'Declare a document and get a presigned POST for it',
  request: { params: AppParams, body: jsonBody(UploadBody) },
  responses: {
    201: json(UploadSchema, 'Upload straight to storage with these form fields'),
    ...errors,
  },
});

const complete = createRoute({
  method: 'post',
  path: '/api/tenants/{t}/applications/{id}/documents/{documentId}/complete',
  tags,
  summary: 'Verify an upload: size, SHA-256 and, for PDFs, the magic bytes',
  request: { params: DocumentParams },
  responses: { 200: json(z.object({ status: z.literal('verified') }), 'Verified'), ...errors },
});

const open = createRoute({
  method: 'get',
  path: '/api/tenants/{t}/applications/{id}/documents/{documentId}',
  tags,
  summary:
    'Open a verified document: a presigned read of at most 5 minutes (owner, staff in scope, an assigned expert); each read is recorded',
  request: { params: DocumentParams },
  responses: {
    200: json(
      z.object({
        url: z.string(),
        expiresAt: z.string().openapi({ example: '2024-02-05T10:05:00+08:00' }),
      }),
      'Open the URL before it expires',
    ),
    401: errors[401],
    403: problemResponse('Not the owner, staff in scope, or an assigned expert'),
    404: errors[404],
    409: problemResponse('The document is not verified yet (document_not_verified)'),
  },
});

export function documentRoutes(platform: Platform) {
  const { documents, documentReads: reads } = platform;
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(requestUpload, async (c) => {
      const { id } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await documents.requestUpload(tenant, claims, id, c.req.valid('json')), 201);
    })
    .openapi(complete, async (c) => {
      const { id, documentId } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await documents.complete(tenant, claims, id, documentId), 200);
    })
    .openapi(open, async (c) => {
      const { id, documentId } = c.req.valid('param');
      const { tenant, claims } = member(c);
      return c.json(await reads.open(tenant, claims, id, documentId), 200);
    });
}
