/**
 * Documents of an engagement's milestones (a signed contract, a plan, an acceptance
 * report), kept like an application's: declared with the milestone, uploaded by the
 * browser straight to a staging key with a presigned POST, verified (size, SHA-256,
 * PDF magic) into a content-addressed key, and opened by the parties and staff with a
 * short presigned read. The enterprise confirms a milestone only once all its
 * documents are verified.
 */
import {
  type DocumentSpec,
  type Engagement,
  formatShanghai,
  MILESTONE_NAMES,
  type MilestoneDocument,
  type MilestoneKind,
  type ResolvedTenant,
} from '@sme/core';
import {
  type DocumentStore,
  documentObjectKey,
  stagingObjectKey,
  type TenantContext,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { declarationRefusals } from '../applications/document-commands.js';
import { retryOnConflict } from '../applications/services.js';
import { verifyUpload } from '../applications/verify-upload.js';
import {
  DocumentNotVerifiedError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
} from '../errors.js';
import type { Engagements } from './engagements.js';
import { actsAs, assertActsAs, isStaffOf } from './service-access.js';
import type { SupervisionDeps } from './supervision-deps.js';

export interface DocumentDeclaration {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * What a milestone document may be. Platform reading: no notice sets the form of
 * service records, so they are held to what every tenant asks of application
 * documents (a PDF of at most 20 MB), ten to a milestone.
 */
export const MILESTONE_DOCUMENTS: DocumentSpec = {
  kind: 'milestone',
  required: false,
  contentTypes: ['application/pdf'],
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 10,
  label: { zh: '服务记录材料', en: 'Service record document' },
  source: '001 §五(二)',
};

/** The declared documents of a milestone, each with its own staging and verified key. */
export function declareDocuments(
  ctx: TenantContext,
  engagement: Pick<Engagement, 'id' | 'uscc'>,
  milestone: MilestoneKind,
  declared: readonly DocumentDeclaration[],
  newId: () => string,
): MilestoneDocument[] {
  const spec = MILESTONE_DOCUMENTS;
  if (declared.length > spec.maxFiles)
    throw new InvalidRequestError(
      'too_many_documents',
      {
        zh: `每个环节最多登记 ${spec.maxFiles} 个材料`,
        en: `At most ${spec.maxFiles} documents per milestone`,
      },
      'documents',
    );
  const refusals = declarationRefusals(spec);
  return declared.map((doc, i) => {
    if (!spec.contentTypes.includes(doc.contentType))
      throw new InvalidRequestError(
        'content_type_not_allowed',
        refusals.contentType,
        `documents.${i}.contentType`,
      );
    if (doc.size > spec.maxBytes)
      throw new InvalidRequestError('too_large', refusals.size, `documents.${i}.size`);
    const documentId = newId();
    return {
      documentId,
      ...doc,
      // Object key segments take hyphens: `internal-acceptance`.
      objectKey: documentObjectKey(ctx, {
        uscc: engagement.uscc,
        ownerId: engagement.id,
        kind: milestone.replaceAll('_', '-'),
        sha256: doc.sha256,
      }),
      stagingKey: stagingObjectKey(ctx, {
        uscc: engagement.uscc,
        ownerId: engagement.id,
        documentId,
      }),
      status: 'pending',
    };
  });
}

/** The presigned POSTs a browser uploads the declared documents with. */
export async function uploadsFor(
  documents: DocumentStore,
  ctx: TenantContext,
  declared: readonly MilestoneDocument[],
) {
  return Promise.all(
    declared.map(async (doc) => {
      const upload = await documents.presignUpload(ctx, {
        key: doc.stagingKey,
        contentType: doc.contentType,
        size: doc.size,
      });
      return { documentId: doc.documentId, upload: { url: upload.url, fields: upload.fields } };
    }),
  );
}

/** Verifying an uploaded milestone document, and opening a verified one. */
export class EngagementDocuments {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly engagements: Engagements,
  ) {}

  /** The provider, after its upload: verified, the document is a change with its event. */
  async complete(tenant: ResolvedTenant, claims: Claims, id: string, documentId: string) {
    const ctx = tenantContext(tenant);
    const first = await this.engagements.get(tenant, id);
    assertActsAs(claims, tenant, 'provider', first.uscc);
    const declared = documentIn(first, documentId).doc;
    if (declared.status === 'verified') return { status: 'verified' as const };
    await verifyUpload(this.deps.documents, ctx, declared);
    await retryOnConflict(async () => {
      const engagement = await this.engagements.get(tenant, id);
      const { milestone, doc } = documentIn(engagement, documentId);
      if (doc.status === 'verified') return;
      const now = this.deps.clock.now();
      const verified = { ...doc, status: 'verified' as const, verifiedAt: now.toISOString() };
      const milestones = engagement.milestones.map((m) =>
        m.kind === milestone.kind
          ? {
              ...m,
              documents: m.documents.map((d) => (d.documentId === documentId ? verified : d)),
            }
          : m,
      );
      const next = this.engagements.change(engagement, engagement.status, now, { milestones });
      await this.engagements.write(ctx, claims, engagement, next, now, {
        reason: `材料已校验：${MILESTONE_NAMES[milestone.kind].zh}（${doc.filename}）`,
      });
    });
    await this.deps.documents.discard(ctx, declared.stagingKey).catch(() => undefined);
    return { status: 'verified' as const };
  }

  /** A short presigned read of a verified document, for the parties and staff. */
  async open(tenant: ResolvedTenant, claims: Claims, id: string, documentId: string) {
    const engagement = await this.engagements.get(tenant, id);
    if (!canSeeEngagement(claims, tenant, engagement))
      throw new ForbiddenError({
        zh: '无权查看该服务材料',
        en: 'Not allowed to open this document',
      });
    const { doc } = documentIn(engagement, documentId);
    if (doc.status !== 'verified') throw new DocumentNotVerifiedError(doc.filename);
    const read = await this.deps.documents.presignRead(tenantContext(tenant), doc.objectKey, {
      filename: doc.filename,
      contentType: doc.contentType,
    });
    return { url: read.url, expiresAt: formatShanghai(read.expiresAt) };
  }
}

/** The milestone holding a document, and the document; 404 when there is none. */
function documentIn(engagement: Engagement, documentId: string) {
  for (const milestone of engagement.milestones) {
    const doc = milestone.documents.find((d) => d.documentId === documentId);
    if (doc) return { milestone, doc };
  }
  throw new NotFoundError('document_not_found', { zh: '该材料', en: 'The document' });
}

/** The provider, the enterprise, and staff in scope see an engagement. */
export function canSeeEngagement(
  claims: Claims | undefined,
  tenant: ResolvedTenant,
  engagement: Pick<Engagement, 'uscc' | 'enterpriseUscc'>,
): boolean {
  return (
    actsAs(claims, tenant, 'provider', engagement.uscc) ||
    actsAs(claims, tenant, 'enterprise', engagement.enterpriseUscc) ||
    isStaffOf(claims, tenant)
  );
}
