/**
 * The two small JSON endpoints the upload script calls from an application's page:
 * asking for a presigned upload of one document, and completing it once the browser has
 * posted the file straight to storage. A refusal is `{ code, message: { zh, en } }`,
 * which the script shows beside the document.
 */
import { DomainError } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { UploadBody } from '../../applications/application.schemas.js';
import { member } from '../../middleware/tenant-scope/index.js';
import { STATUS_OF_KIND } from '../../problem/problem-details.js';

/** A refusal as the upload script reads it. */
function jsonRefusal(c: Context, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return c.json({ code: error.code, message: error.detail }, STATUS_OF_KIND[error.kind] as 400);
}

export function applicationDocumentEndpoints(platform: Platform) {
  const { documents } = platform;
  return new Hono()
    .post('/:t/me/applications/:id/documents', async (c) => {
      const { tenant, claims } = member(c);
      const parsed = UploadBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success)
        return c.json(
          {
            code: 'validation_failed',
            message: { zh: '上传请求无效', en: 'Not a valid upload request' },
          },
          422,
        );
      try {
        return c.json(
          await documents.requestUpload(tenant, claims, c.req.param('id'), parsed.data),
          201,
        );
      } catch (error) {
        return jsonRefusal(c, error);
      }
    })
    .post('/:t/me/applications/:id/documents/:documentId/complete', async (c) => {
      const { tenant, claims } = member(c);
      try {
        return c.json(
          await documents.complete(tenant, claims, c.req.param('id'), c.req.param('documentId')),
          200,
        );
      } catch (error) {
        return jsonRefusal(c, error);
      }
    });
}
