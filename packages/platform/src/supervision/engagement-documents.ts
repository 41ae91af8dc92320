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
  engagementKind,
  formatShanghai,
  MILESTONE_NAMES,
  type MilestoneDocument,
  type MilestoneKind,
  movedCase,
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
import type { Members } from './members.js';
import { actsAs, assertActsAs, isStaffOf } from './service-access.js';
import type { SupervisionDeps } from './supervision-deps.js';
import {
  AlreadyConfirmedError,
  CaseMovedOnError,
  DocumentAlreadyVerifiedError,
} from './supervision-errors.js';

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

/** The presigned POST a browser uploads one declared document with, to its staging key. */
async function uploadFor(documents: DocumentStore, ctx: TenantContext, doc: MilestoneDocument) {
  const upload = await documents.presignUpload(ctx, {
    key: doc.stagingKey,
    contentType: doc.contentType,
    size: doc.size,
  });
  return { documentId: doc.documentId, upload: { url: upload.url, fields: upload.fields } };
}

/** The presigned POSTs a browser uploads the declared documents with. */
export function uploadsFor(
  documents: DocumentStore,
  ctx: TenantContext,
  declared: readonly MilestoneDocument[],
) {
  return Promise.all(declared.map((doc) => uploadFor(documents, ctx, doc)));
}

/** Verifying an uploaded milestone document, and opening a verified one. */
export class EngagementDocuments {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly engagements: Engagements,
    private readonly members: Members,
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
      const next = movedCase(engagementKind, engagement, engagement.status, now, { milestones });
      await this.engagements.write(ctx, claims, engagement, next, now, {
        reason: `材料已校验：${MILESTONE_NAMES[milestone.kind].zh}（${doc.filename}）`,
      });
    });
    await this.deps.documents.discard(ctx, declared.stagingKey).catch(() => undefined);
    return { status: 'verified' as const };
  }

  /**
   * A fresh upload form for a document still pending (the browser's upload failed, the
   * tab was closed, the form expired), for its provider only, while its milestone is
   * unconfirmed. The declaration stays as it was, staging key included, so `complete`
   * still verifies the bytes against the declared size and SHA-256: this only re-signs
   * the one upload mechanism. `chosen` is the file the browser means to send; one that
   * is not the declared file is refused before it is sent. Recorded as a change of the
   * engagement over the version read, so a document verified or a milestone confirmed
   * meanwhile is refused, not re-opened.
   */
  async reissueUpload(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    documentId: string,
    chosen?: { size: number; sha256: string },
  ) {
    const ctx = tenantContext(tenant);
    for (let attempt = 1; ; attempt += 1) {
      const engagement = await this.engagements.get(tenant, id);
      assertActsAs(claims, tenant, 'provider', engagement.uscc);
      const { milestone, doc } = documentIn(engagement, documentId);
      if (doc.status === 'verified') throw new DocumentAlreadyVerifiedError(doc.filename);
      const name = MILESTONE_NAMES[milestone.kind];
      if (milestone.confirmedAt) throw new AlreadyConfirmedError(name);
      if (chosen && (chosen.size !== doc.size || chosen.sha256 !== doc.sha256))
        throw new InvalidRequestError(
          'checksum_mismatch',
          {
            zh: `所选文件与登记的「${doc.filename}」不一致（大小或校验值不同），请选择登记时的同一文件`,
            en: `The chosen file is not the ${doc.filename} declared (its size or SHA-256 differs)`,
          },
          'sha256',
        );
      const now = this.deps.clock.now();
      const next = movedCase(engagementKind, engagement, engagement.status, now, {});
      try {
        await this.engagements.write(ctx, claims, engagement, next, now, {
          reason: `重新上传材料：${name.zh}（${doc.filename}）`,
        });
      } catch (error) {
        // Moved on meanwhile (another change of the engagement): read it again and
        // check again; a few times at most, then the 409 stands.
        if (error instanceof CaseMovedOnError && attempt < 3) continue;
        throw error;
      }
      return uploadFor(this.deps.documents, ctx, doc);
    }
  }

  /** A short presigned read of a verified document, for the parties and staff. */
  async open(tenant: ResolvedTenant, claims: Claims, id: string, documentId: string) {
    const engagement = await this.engagements.get(tenant, id);
    if (!(await canSeeEngagement(claims, tenant, engagement, this.members)))
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

/** The provider, the enterprise, and staff in scope (`service-access.ts`) see an engagement. */
export async function canSeeEngagement(
  claims: Claims | undefined,
  tenant: ResolvedTenant,
  engagement: Pick<Engagement, 'uscc' | 'enterpriseUscc'>,
  members: Pick<Members, 'coveredByDistrict'>,
): Promise<boolean> {
  return (
    actsAs(claims, tenant, 'provider', engagement.uscc) ||
    actsAs(claims, tenant, 'enterprise', engagement.enterpriseUscc) ||
    isStaffOf(claims, tenant) ||
    (!!claims && (await members.coveredByDistrict(tenant, claims, engagement.uscc)))
  );
}
