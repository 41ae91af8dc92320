/**
 * Opening a document (API.md v1.1): the owner, staff whose scope covers the
 * application, and an expert assigned to one of its panels (and not excluded by a
 * conflict) get a presigned read of the verified bytes, valid for at most five minutes.
 * Every read is recorded with who and when.
 */
import { type Application, formatShanghai, type ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import { canRead } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { DocumentNotVerifiedError, ForbiddenError } from '../errors.js';
import { conflictedExperts } from '../review/expert-conflicts.js';
import { documentOf } from './document-commands.js';
import { loadApplication, type Services } from './services.js';

export class DocumentReads {
  constructor(private readonly services: Services) {}

  /** Whether the caller is an expert on one of the application's panels, not conflicted. */
  private async assignedExpert(tenant: ResolvedTenant, claims: Claims, app: Application) {
    const expertId = claims.expertId;
    if (!claims.roles.includes('expert') || !expertId || claims.tenant !== tenant.id) return false;
    if ((await conflictedExperts(this.services, tenant, app)).has(expertId)) return false;
    const ctx = tenantContext(tenant);
    const program = tenant.programs.find((p) => p.id === app.programId);
    for (const stage of program?.stages ?? []) {
      if (stage.kind !== 'panel') continue;
      const panel = await this.services.panels.assignment(ctx, app.id, stage.id);
      if (panel?.expertIds.includes(expertId)) return true;
    }
    return false;
  }

  async open(tenant: ResolvedTenant, claims: Claims, appId: string, documentId: string) {
    const record = await loadApplication(this.services, tenant, appId);
    const app = record.application;
    const allowed =
      canRead(claims, tenant, app) || (await this.assignedExpert(tenant, claims, app));
    if (!allowed)
      throw new ForbiddenError({
        zh: '无权查看该申报材料',
        en: 'Not allowed to open this document',
      });
    const doc = documentOf(record.documents, documentId);
    if (!doc.verifiedAt) throw new DocumentNotVerifiedError(doc.filename);
    const ctx = tenantContext(tenant);
    const read = await this.services.documents.presignRead(ctx, doc.objectKey, {
      filename: doc.filename,
      contentType: doc.contentType,
    });
    const role = claims.roles.find((r) => r !== 'province_admin') ?? claims.roles[0] ?? 'unknown';
    await this.services.reads.record(ctx, {
      id: this.services.newId(),
      applicationId: app.id,
      documentId,
      actor: claims.sub,
      role,
      at: this.services.clock.now().toISOString(),
    });
    return { url: read.url, expiresAt: formatShanghai(read.expiresAt) };
  }
}
