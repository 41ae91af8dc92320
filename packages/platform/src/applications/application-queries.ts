/**
 * Reading applications: one (owner or staff in scope), a listing (staff in scope; a
 * district reviewer sees only its district), and the history.
 */
import { formatShanghai, type ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import {
  assertActsIn,
  assertCanRead,
  assertRole,
  assertTenantAccess,
  hasRole,
  staffCovers,
} from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';
import { pageAcross } from '../paging.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { auditApplication } from './application-audit.js';
import { familyConflicts } from './family-conflicts.js';
import { loadApplication, type Services } from './services.js';

export interface ListQuery {
  programId?: string | undefined;
  status?: string | undefined;
  stage?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export class ApplicationQueries {
  constructor(private readonly services: Services) {}

  async get(tenant: ResolvedTenant, claims: Claims, id: string) {
    const record = await loadApplication(this.services, tenant, id);
    assertCanRead(claims, tenant, record.application);
    return record;
  }

  /**
   * The application as the caller may see it: staff in scope also see possible
   * duplicates of the same entity, which are a matter for the reviewer, not the applicant.
   */
  async view(tenant: ResolvedTenant, claims: Claims, id: string) {
    const record = await this.get(tenant, claims, id);
    if (!staffCovers(claims, tenant, record.application)) return { record };
    return {
      record,
      entityConflicts: await familyConflicts(this.services, tenant, record.application),
    };
  }

  /** The audit of the application's chain, for staff in scope. */
  async audit(tenant: ResolvedTenant, claims: Claims, id: string) {
    const record = await loadApplication(this.services, tenant, id);
    if (!staffCovers(claims, tenant, record.application))
      throw new ForbiddenError({ zh: '仅审核人员可核验', en: 'Only staff in scope may audit' });
    const audit = await auditApplication(this.services.apps, tenantContext(tenant), id);
    // Read a moment ago; gone since only if deleted outside the platform.
    if (!audit) throw new ForbiddenError();
    return audit;
  }

  async history(tenant: ResolvedTenant, claims: Claims, id: string) {
    const record = await this.get(tenant, claims, id);
    const events = await this.services.apps.history(tenantContext(tenant), record.application.id);
    // Milliseconds kept: the exact instant is part of each event's hash.
    return events.map((e) => ({
      ...e,
      at: formatShanghai(new Date(e.at), { milliseconds: true }),
    }));
  }

  /**
   * The applications of the caller's own organization in this tenant, every call,
   * newest change first.
   */
  async own(tenant: ResolvedTenant, claims: Claims) {
    const uscc = claims.org ?? '';
    assertActsIn(claims, tenant, uscc);
    const ctx = tenantContext(tenant);
    const refs = (
      await Promise.all(
        tenant.programs.map((p) => this.services.apps.orgApplications(ctx, uscc, p.id)),
      )
    ).flat();
    const records = await Promise.all(refs.map((ref) => this.services.apps.get(ctx, ref.id)));
    return records
      .flatMap((r) => (r ? [r.application] : []))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async list(tenant: ResolvedTenant, claims: Claims, query: ListQuery) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, 'city_admin', 'district_reviewer', 'province_admin');
    const programs = query.programId ? [programOf(tenant, query.programId)] : tenant.programs;
    const region = hasRole(claims, 'city_admin', 'province_admin')
      ? undefined
      : (claims.region ?? '-');
    const limit = Math.min(query.limit ?? 50, 200);

    const ctx = tenantContext(tenant);
    return pageAcross(
      programs.map(
        (program) => (cursor: string | undefined) =>
          this.services.apps.list(
            ctx,
            { programId: program.id, status: query.status, stage: query.stage, region },
            { cursor, limit },
          ),
      ),
      query.cursor,
    );
  }
}
