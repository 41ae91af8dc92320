/**
 * Reading applications: one (owner or staff in scope), a listing (staff in scope; a
 * district reviewer sees only its district), and the history.
 */
import { formatShanghai, type ResolvedTenant } from '@sme/core';
import { InvalidCursorError } from '@sme/store';
import {
  assertCanRead,
  assertRole,
  assertTenantAccess,
  hasRole,
  staffCovers,
} from '../auth/access.js';
import type { Claims } from '../auth/claims.js';
import { programOf } from '../catalogue/tenant-registry.js';
import { ForbiddenError } from '../problem/errors.js';
import { auditApplication } from './application-audit.js';
import { applicationSummary } from './application-view.js';
import { familyConflicts } from './family-conflicts.js';
import { contextOf, loadApplication, type Services } from './services.js';

export interface ListQuery {
  programId?: string | undefined;
  status?: string | undefined;
  stage?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** A listing cursor across programs: which program, and the cursor within it. */
interface ListCursor {
  p: number;
  c?: string;
}

function decodeCursor(cursor: string | undefined): ListCursor {
  if (!cursor) return { p: 0 };
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as ListCursor;
    if (Number.isInteger(value.p) && value.p >= 0) return value;
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorError();
}

const encodeCursor = (cursor: ListCursor) =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

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
    const audit = await auditApplication(this.services.apps, contextOf(tenant), id);
    // Read a moment ago; gone since only if deleted outside the platform.
    if (!audit) throw new ForbiddenError();
    return audit;
  }

  async history(tenant: ResolvedTenant, claims: Claims, id: string) {
    const record = await this.get(tenant, claims, id);
    const events = await this.services.apps.history(contextOf(tenant), record.application.id);
    // Milliseconds kept: the exact instant is part of each event's hash.
    return events.map((e) => ({
      ...e,
      at: formatShanghai(new Date(e.at), { milliseconds: true }),
    }));
  }

  async list(tenant: ResolvedTenant, claims: Claims, query: ListQuery) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, 'city_admin', 'district_reviewer', 'province_admin');
    const programs = query.programId ? [programOf(tenant, query.programId)] : tenant.programs;
    const region = hasRole(claims, 'city_admin', 'province_admin')
      ? undefined
      : (claims.region ?? '-');
    const limit = Math.min(query.limit ?? 50, 200);

    const cursor = decodeCursor(query.cursor);
    const program = programs[cursor.p];
    if (!program) return { items: [] };
    const page = await this.services.apps.list(
      contextOf(tenant),
      { programId: program.id, status: query.status, stage: query.stage, region },
      { cursor: cursor.c, limit },
    );
    const next = page.next
      ? encodeCursor({ p: cursor.p, c: page.next })
      : cursor.p + 1 < programs.length
        ? encodeCursor({ p: cursor.p + 1 })
        : undefined;
    const items = page.items.map(applicationSummary);
    return { items, ...(next && { next }) };
  }
}
