/**
 * The city admin's table of applications: every application of the tenant (submitted
 * or later; drafts are the providers' own), filtered by call, status, district and
 * track, searched by name or USCC, and the "overdue across districts" view (whose open
 * district-review task is past due). Pages are numbered: a city has hundreds of
 * applications, so the listing is read whole and filtered here; only the page shown
 * looks up its open tasks for the due date.
 */
import { type Application, formatShanghai, type ResolvedTenant } from '@sme/core';
import { type ReviewTask, tenantContext, WORKFLOW_KINDS } from '@sme/store';
import { assertRole, assertTenantAccess } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { programOf } from '../tenancy/tenant-registry.js';
import type { Services } from './services.js';

export interface TableQuery {
  programId?: string | undefined;
  status?: string | undefined;
  region?: string | undefined;
  track?: string | undefined;
  /** Part of the organization's name, or of its USCC. */
  q?: string | undefined;
  /** Only applications whose open district-review task is past due. */
  overdue?: boolean | undefined;
  /** From 1. */
  page?: number | undefined;
}

export interface TableRow {
  app: Application;
  /** The open task the application waits on, with its due date. */
  dueAt?: string;
  overdue?: boolean;
}

export const TABLE_PAGE_SIZE = 50;

export class ApplicationTable {
  constructor(private readonly services: Pick<Services, 'apps' | 'tasks' | 'clock'>) {}

  async table(tenant: ResolvedTenant, claims: Claims, query: TableQuery) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, 'city_admin', 'province_admin');
    const ctx = tenantContext(tenant);
    const now = this.services.clock.now();
    const programs = query.programId ? [programOf(tenant, query.programId)] : tenant.programs;

    const late = query.overdue ? await this.overdueReviews(tenant, now) : undefined;
    const q = query.q?.trim().toLowerCase();
    const apps: Application[] = [];
    for (const program of programs) {
      let cursor: string | undefined;
      do {
        const page = await this.services.apps.list(
          ctx,
          { programId: program.id, status: query.status, region: query.region },
          { cursor, limit: 200 },
        );
        for (const app of page.items) {
          if (app.status === 'draft') continue;
          if (query.track && app.track !== query.track) continue;
          if (late && !late.has(app.id)) continue;
          if (
            q &&
            !app.org.name.toLowerCase().includes(q) &&
            !app.org.uscc.toLowerCase().includes(q)
          )
            continue;
          apps.push(app);
        }
        cursor = page.next;
      } while (cursor);
    }
    if (late) apps.sort((a, b) => (late.get(a.id) ?? '').localeCompare(late.get(b.id) ?? ''));
    else apps.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));

    const pages = Math.max(1, Math.ceil(apps.length / TABLE_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
    const shown = apps.slice((page - 1) * TABLE_PAGE_SIZE, page * TABLE_PAGE_SIZE);
    const rows: TableRow[] = [];
    for (const app of shown) {
      const task = await this.waitingTask(ctx, app);
      rows.push({
        app,
        ...(task?.dueAt && {
          dueAt: formatShanghai(new Date(task.dueAt)),
          overdue: Date.parse(task.dueAt) <= now.getTime(),
        }),
      });
    }
    return { rows, total: apps.length, page, pages };
  }

  /**
   * Applications of a call that passed its panel and wait at its publicity stage for a
   * notice (in none yet): what the city admin chooses from to publish one.
   */
  async awaitingNotice(tenant: ResolvedTenant, claims: Claims, programId: string) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, 'city_admin');
    const stage = programOf(tenant, programId).stages.find((s) => s.kind === 'publicity');
    if (!stage) return [];
    const ctx = tenantContext(tenant);
    const waiting: Application[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.services.apps.list(
        ctx,
        { programId, status: 'in_review', stage: stage.id },
        { cursor, limit: 200 },
      );
      for (const app of page.items) {
        const task = await this.services.tasks.openAt(ctx, app.id, stage.id);
        if (task && !task.noticeId) waiting.push(app);
      }
      cursor = page.next;
    } while (cursor);
    return waiting;
  }

  /** The open workflow task the application waits on (review, panel, publicity, correction). */
  private async waitingTask(
    ctx: ReturnType<typeof tenantContext>,
    app: Application,
  ): Promise<ReviewTask | undefined> {
    if (!['in_review', 'returned', 'publicity'].includes(app.status)) return undefined;
    const open = await this.services.tasks.openOf(ctx, app.id);
    return open.find((t) => WORKFLOW_KINDS.has(t.kind));
  }

  /** Applications whose open district-review task is past due, with its due date, in every district. */
  private async overdueReviews(tenant: ResolvedTenant, now: Date): Promise<Map<string, string>> {
    const ctx = tenantContext(tenant);
    const late = new Map<string, string>();
    for (const region of tenant.regions) {
      let cursor: string | undefined;
      do {
        const page = await this.services.tasks.listOpen(ctx, 'district_reviewer', region.id, {
          cursor,
          limit: 200,
        });
        // Listed oldest due first: past the first one not yet due, nothing is late.
        const due = page.items.filter((t) => t.dueAt && Date.parse(t.dueAt) <= now.getTime());
        for (const task of due) late.set(task.applicationId, task.dueAt ?? '');
        cursor = due.length === page.items.length ? page.next : undefined;
      } while (cursor);
    }
    return late;
  }
}
