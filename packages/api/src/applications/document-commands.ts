/**
 * Documents of an application: a presigned POST straight to S3 for the declared file,
 * and the check after the upload that the object is what was declared.
 */
import type { ApplicationDocument, ResolvedTenant } from '@sme/core';
import { assertEditable } from '@sme/core';
import { documentObjectKey } from '@sme/store';
import { assertOwner } from '../auth/access.js';
import type { Claims } from '../auth/claims.js';
import { programOf } from '../catalogue/tenant-registry.js';
import { InvalidRequestError, NotFoundError } from '../problem/errors.js';
import { contextOf, loadApplication, type Services } from './services.js';

export interface UploadRequest {
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

const PDF_MAGIC = '%PDF-';

export class DocumentCommands {
  constructor(private readonly services: Services) {}

  async requestUpload(tenant: ResolvedTenant, claims: Claims, appId: string, input: UploadRequest) {
    const record = await loadApplication(this.services, tenant, appId);
    const app = record.application;
    assertOwner(claims, tenant, app);
    assertEditable(app.status);
    const spec = programOf(tenant, app.programId).documents.find((d) => d.kind === input.kind);
    if (!spec || (spec.track && spec.track !== app.track)) {
      throw new InvalidRequestError(
        'unknown_document_kind',
        {
          zh: `该申报不需要此类材料：${input.kind}`,
          en: `No document of kind ${input.kind} in this application`,
        },
        'kind',
      );
    }
    if (!spec.contentTypes.includes(input.contentType)) {
      throw new InvalidRequestError(
        'content_type_not_allowed',
        {
          zh: `${spec.label.zh}须为 ${spec.contentTypes.join('、')} 格式`,
          en: `${spec.label.en} must be ${spec.contentTypes.join(', ')}`,
        },
        'contentType',
      );
    }
    if (input.size > spec.maxBytes) {
      throw new InvalidRequestError(
        'too_large',
        {
          zh: `${spec.label.zh}不得超过 ${Math.floor(spec.maxBytes / 1024 / 1024)} MB`,
          en: `${spec.label.en} may be at most ${spec.maxBytes} bytes`,
        },
        'size',
      );
    }
    const ctx = contextOf(tenant);
    const documentId = this.services.newId();
    const objectKey = documentObjectKey(ctx, {
      uscc: app.org.uscc,
      ownerId: app.id,
      kind: input.kind,
      sha256: input.sha256,
    });
    const upload = await this.services.documents.presignUpload(ctx, {
      key: objectKey,
      contentType: input.contentType,
      size: input.size,
    });
    const doc: ApplicationDocument = {
      documentId,
      ...input,
      objectKey,
      status: 'pending',
      requestedBy: claims.sub,
      requestedAt: this.services.clock.now().toISOString(),
    };
    await this.services.apps.saveDocument(ctx, app.id, doc);
    return { documentId, upload: { url: upload.url, fields: upload.fields } };
  }

  async complete(tenant: ResolvedTenant, claims: Claims, appId: string, documentId: string) {
    const record = await loadApplication(this.services, tenant, appId);
    assertOwner(claims, tenant, record.application);
    const doc = record.documents.find((d) => d.documentId === documentId);
    if (!doc)
      throw new NotFoundError('document_not_found', {
        zh: `材料 ${documentId}`,
        en: `Document ${documentId}`,
      });
    if (doc.status === 'verified') return { status: 'verified' as const };

    const ctx = contextOf(tenant);
    const object = await this.services.documents.inspect(ctx, doc.objectKey);
    if (!object) {
      throw new InvalidRequestError(
        'missing_upload',
        { zh: '未找到已上传的文件，请先上传', en: 'Nothing was uploaded for this document' },
        'documentId',
      );
    }
    if (object.size !== doc.size || object.sha256 !== doc.sha256) {
      throw new InvalidRequestError(
        'checksum_mismatch',
        {
          zh: '文件大小或校验值与申报不符，请重新上传',
          en: 'The uploaded file does not match the declared size and SHA-256',
        },
        'sha256',
      );
    }
    if (
      doc.contentType === 'application/pdf' &&
      Buffer.from(object.head).toString('latin1', 0, PDF_MAGIC.length) !== PDF_MAGIC
    ) {
      throw new InvalidRequestError(
        'not_pdf',
        { zh: '文件不是有效的 PDF', en: 'The file is not a PDF' },
        'contentType',
      );
    }
    await this.services.apps.saveDocument(
      ctx,
      appId,
      {
        ...doc,
        status: 'verified',
        verifiedBy: claims.sub,
        verifiedAt: this.services.clock.now().toISOString(),
      },
      true,
    );
    return { status: 'verified' as const };
  }
}
