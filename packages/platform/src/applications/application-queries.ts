/**
 * Reading applications: one (owner or staff in scope), a listing (staff in scope; a
 * district reviewer sees only its district), and the history.
 */
import { formatShanghai, type ResolvedTenant } from '@sme/core';
import {
  decodeCursorValue,
  encodeCursorValue,
  InvalidCursorError,
  MAX_CURSOR_LENGTH,
  tenantContext,
} from '@sme/store';
import {
  assertCanRead,
  assertRole,
  assertTenantAccess,
  hasRole,
  staffCovers,
} from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';
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

/** A listing cursor across programs: which program, and the store's cursor within it. */
interface ListCursor {
  p: number;
  c?: string;
}

/** Holds the store's cursor inside it, so it may be a little longer than one. */
const MAX_LIST_CURSOR_LENGTH = 2 * MAX_CURSOR_LENGTH;

/**
 * Only the shape we issue: `p` an index into this query's programs, `c` a string (the
 * store checks that it belongs to that program's listing).
 */
function decodeCursor(cursor: string | undefined, programs: number): ListCursor {
  if (!cursor) return { p: 0 };
  const value = decodeCursorValue(cursor, MAX_LIST_CURSOR_LENGTH);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCursorError();
  }
  const { p, c, ...rest } = value as Record<string, unknown>;
  const known = Object.keys(rest).length === 0;
  const program = typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < programs;
  const within = c === undefined || (typeof c === 'string' && c.length > 0);
  if (!known || !program || !within) throw new InvalidCursorError();
  return c === undefined ? { p } : { p, c };
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

  async list(tenant: ResolvedTenant, claims: Claims, query: ListQuery) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, 'city_admin', 'district_reviewer', 'province_admin');
    const programs = query.programId ? [programOf(tenant, query.programId)] : tenant.programs;
    const region = hasRole(claims, 'city_admin', 'province_admin')
      ? undefined
      : (claims.region ?? '-');
    const limit = Math.min(query.limit ?? 50, 200);

    const cursor = decodeCursor(query.cursor, programs.length);
    const program = programs[cursor.p];
    if (!program) return { items: [] };
    const page = await this.services.apps.list(
      tenantContext(tenant),
      { programId: program.id, status: query.status, stage: query.stage, region },
      { cursor: cursor.c, limit },
    );
    const next = page.next
      ? encodeCursorValue({ p: cursor.p, c: page.next })
      : cursor.p + 1 < programs.length
        ? encodeCursorValue({ p: cursor.p + 1 })
        : undefined;
    return { items: page.items, ...(next && { next }) };
  }
}
