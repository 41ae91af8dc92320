/**
 * Documents of an application. Declaring one hands out a presigned POST to a staging
 * key of its own; completing it reads the staged bytes once, checks size, SHA-256 and
 * (for a PDF) the magic bytes, and keeps exactly those bytes at the content-addressed
 * key, which no upload form can write: what reviewers open is what was hashed.
 * Declaring, verifying and replacing are changes of the application, each with its
 * history event, and only while it may be edited (a draft in its window, or returned).
 */
import {
  type Application,
  type ApplicationDocument,
  assertEditable,
  contentTypeNames,
  type DocumentSpec,
  type ResolvedTenant,
  recordChange,
} from '@sme/core';
import {
  type ApplicationRecord,
  documentObjectKey,
  stagingObjectKey,
  tenantContext,
} from '@sme/store';
import { assertOwner } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { DocumentReplacedError, InvalidRequestError, NotFoundError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { assertDraftWindow, loadApplication, retryOnConflict, type Services } from './services.js';
import { verifyUpload } from './verify-upload.js';

export interface UploadRequest {
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** A document of the same kind this one takes the place of once verified. */
  replaces?: string | undefined;
}

/** Document records one application may hold in all (replaced ones included). */
export const MAX_DOCUMENT_RECORDS = 100;

const invalid = (code: string, path: string, zh: string, en: string) =>
  new InvalidRequestError(code, { zh, en }, path);

/** Documents still standing (not replaced). */
const live = (docs: readonly ApplicationDocument[]) => docs.filter((d) => d.status !== 'replaced');

/**
 * What a refused declaration says, per document kind: the same words the portal's
 * upload script shows before any upload (the page carries them), so a browser and the
 * server refuse a file alike. Names the kind of file ("PDF 文件"), never a MIME type.
 */
export function declarationRefusals(spec: DocumentSpec) {
  const names = contentTypeNames(spec.contentTypes);
  const mb = Math.floor(spec.maxBytes / 1024 / 1024);
  return {
    contentType: {
      zh: `「${spec.label.zh}」须为 ${names.zh}`,
      en: `${spec.label.en} must be a ${names.en}`,
    },
    size: {
      zh: `「${spec.label.zh}」不得超过 ${mb} MB`,
      en: `${spec.label.en} may be at most ${mb} MB`,
    },
  };
}

export function documentOf(docs: readonly ApplicationDocument[], documentId: string) {
  const doc = docs.find((d) => d.documentId === documentId);
  if (!doc)
    throw new NotFoundError('document_not_found', {
      zh: `材料 ${documentId}`,
      en: `Document ${documentId}`,
    });
  return doc;
}

export class DocumentCommands {
  constructor(private readonly services: Services) {}

  private specOf(tenant: ResolvedTenant, app: Application, kind: string): DocumentSpec {
    const spec = programOf(tenant, app.programId).documents.find((d) => d.kind === kind);
    if (!spec || (spec.track && spec.track !== app.track))
      throw invalid(
        'unknown_document_kind',
        'kind',
        `该申报不需要此类材料：${kind}`,
        `No document of kind ${kind} in this application`,
      );
    return spec;
  }

  /** The checks every document change makes: the owner, an editable application in its window. */
  private async editable(tenant: ResolvedTenant, claims: Claims, appId: string) {
    return this.assertEditable(tenant, claims, await loadApplication(this.services, tenant, appId));
  }

  private assertEditable(tenant: ResolvedTenant, claims: Claims, record: ApplicationRecord) {
    const app = record.application;
    assertOwner(claims, tenant, app);
    assertEditable(app.status);
    assertDraftWindow(programOf(tenant, app.programId), app, this.services.clock.now());
    return record;
  }

  private checkDeclaration(
    spec: DocumentSpec,
    documents: readonly ApplicationDocument[],
    input: UploadRequest,
  ) {
    const refusals = declarationRefusals(spec);
    if (!spec.contentTypes.includes(input.contentType)) {
      const { zh, en } = refusals.contentType;
      throw invalid('content_type_not_allowed', 'contentType', zh, en);
    }
    if (input.size > spec.maxBytes) {
      const { zh, en } = refusals.size;
      throw invalid('too_large', 'size', zh, en);
    }
    const replaced = input.replaces
      ? live(documents).find((d) => d.documentId === input.replaces && d.kind === spec.kind)
      : undefined;
    if (input.replaces && !replaced)
      throw invalid(
        'unknown_document',
        'replaces',
        '要替换的材料不存在或类别不同',
        'The document to replace is not a current document of this kind',
      );
    const ofKind = live(documents).filter((d) => d.kind === spec.kind).length;
    if (ofKind - (replaced ? 1 : 0) >= spec.maxFiles || documents.length >= MAX_DOCUMENT_RECORDS)
      throw invalid(
        'too_many_documents',
        'kind',
        `「${spec.label.zh}」最多上传 ${spec.maxFiles} 个文件，请替换已有文件`,
        `${spec.label.en} takes at most ${spec.maxFiles} files: replace one instead`,
      );
  }

  /** Where browsers post uploads: the portal's CSP lets its pages connect there. */
  uploadOrigin(): Promise<string> {
    return this.services.documents.uploadOrigin();
  }

  async requestUpload(tenant: ResolvedTenant, claims: Claims, appId: string, input: UploadRequest) {
    const ctx = tenantContext(tenant);
    const documentId = this.services.newId();
    const doc = await retryOnConflict(async () => {
      const record = await this.editable(tenant, claims, appId);
      const app = record.application;
      const spec = this.specOf(tenant, app, input.kind);
      this.checkDeclaration(spec, record.documents, input);
      const now = this.services.clock.now();
      const { replaces, ...declared } = input;
      const doc: ApplicationDocument = {
        documentId,
        ...declared,
        ...(replaces && { replaces }),
        objectKey: documentObjectKey(ctx, {
          uscc: app.org.uscc,
          ownerId: app.id,
          kind: input.kind,
          sha256: input.sha256,
        }),
        stagingKey: stagingObjectKey(ctx, { uscc: app.org.uscc, ownerId: app.id, documentId }),
        status: 'pending',
        requestedBy: claims.sub,
        requestedAt: now.toISOString(),
      };
      await this.change(ctx, record, this.actor(tenant, claims, app), [doc], {
        zh: `登记材料：${spec.label.zh}（${doc.filename}）`,
        en: `document declared: ${spec.label.en}`,
      });
      return doc;
    }, this.services.backoff);
    const upload = await this.services.documents.presignUpload(ctx, {
      key: doc.stagingKey ?? doc.objectKey,
      contentType: doc.contentType,
      size: doc.size,
    });
    return { documentId, upload: { url: upload.url, fields: upload.fields } };
  }

  async complete(tenant: ResolvedTenant, claims: Claims, appId: string, documentId: string) {
    const ctx = tenantContext(tenant);
    const first = await loadApplication(this.services, tenant, appId);
    assertOwner(claims, tenant, first.application);
    const declared = documentOf(first.documents, documentId);
    if (declared.status === 'verified') return { status: 'verified' as const };
    if (declared.status === 'replaced') throw new DocumentReplacedError(declared.filename);
    this.assertEditable(tenant, claims, first);

    // Exactly the bytes just hashed, at a key no upload form can write.
    await verifyUpload(this.services.documents, ctx, declared);

    // The first round writes on what was read above (its version check refuses it if
    // the application changed during the upload's verification); later rounds re-read.
    let known: ApplicationRecord | undefined = first;
    await retryOnConflict(async () => {
      const record = known
        ? this.assertEditable(tenant, claims, known)
        : await this.editable(tenant, claims, appId);
      known = undefined;
      const doc = documentOf(record.documents, documentId);
      if (doc.status === 'verified') return;
      if (doc.status === 'replaced') throw new DocumentReplacedError(doc.filename);
      const spec = this.specOf(tenant, record.application, doc.kind);
      const at = this.services.clock.now().toISOString();
      const verified: ApplicationDocument = {
        ...doc,
        status: 'verified',
        verifiedBy: claims.sub,
        verifiedAt: at,
      };
      const old = doc.replaces
        ? live(record.documents).find((d) => d.documentId === doc.replaces)
        : undefined;
      const changed = old
        ? [verified, { ...old, status: 'replaced' as const, replacedBy: doc.documentId }]
        : [verified];
      await this.change(
        ctx,
        record,
        this.actor(tenant, claims, record.application),
        changed,
        old
          ? {
              zh: `替换材料：${spec.label.zh}（${old.filename} → ${doc.filename}）`,
              en: `document replaced: ${spec.label.en}`,
            }
          : {
              zh: `材料已校验：${spec.label.zh}（${doc.filename}）`,
              en: `document verified: ${spec.label.en}`,
            },
      );
    }, this.services.backoff);
    await this.services.documents
      .discard(ctx, declared.stagingKey ?? declared.objectKey)
      .catch(() => undefined);
    return { status: 'verified' as const };
  }

  private actor(tenant: ResolvedTenant, claims: Claims, app: Application) {
    return { sub: claims.sub, role: programOf(tenant, app.programId).applicant };
  }

  /** One change of the application's documents, with its history event. */
  private async change(
    ctx: ReturnType<typeof tenantContext>,
    record: Awaited<ReturnType<typeof loadApplication>>,
    actor: { sub: string; role: string },
    changed: ApplicationDocument[],
    reason: { zh: string; en: string },
  ) {
    const app = record.application;
    const now = this.services.clock.now();
    const ids = new Set(changed.map((d) => d.documentId));
    const documents = [...record.documents.filter((d) => !ids.has(d.documentId)), ...changed];
    const { application: next, event } = recordChange({
      previous: app,
      actor,
      at: now,
      reason: `${reason.zh} / ${reason.en}`,
      documents,
      next: { ...app, version: app.version + 1, updatedAt: now.toISOString() },
    });
    await this.services.apps.update(ctx, app, next, event, { documents: changed });
  }
}
