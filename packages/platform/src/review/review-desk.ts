/**
 * What the staff pages read (DESIGN §9): a staff member's work queue with the names of
 * the applications it holds, and one application as its reviewer, its city or its
 * expert sees it, with what the caller may do there now (decide its current stage, or
 * score its panel). Only reads; deciding and scoring stay with `ReviewCommands` and
 * `PanelCommands`, which check everything again.
 */
import {
  type Application,
  type ApplicationDocument,
  kindOf,
  type ResolvedTenant,
  type Stage,
} from '@sme/core';
import { type PanelScore, tenantContext } from '@sme/store';
import { type Outcome, outcomesOf } from '@sme/workflow';
import { assertRole, assertTenantAccess, staffCovers } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { type FamilyConflict, familyConflicts } from '../applications/family-conflicts.js';
import { loadApplication, type Services } from '../applications/services.js';
import { ForbiddenError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';
import type { ReviewCommands } from './decision-commands.js';
import { conflictedExperts } from './expert-conflicts.js';
import { type PanelStage, scoringTaskId } from './panel-stage.js';
import { stageActor } from './stage-actor.js';

/** A queue row's application, as far as a row shows it. */
export interface QueueApplication {
  orgName: string;
  region: string;
  track?: string;
  industries: string[];
  status: Application['status'];
}

/** The expert's part in a panel of the application. */
export interface ExpertPart {
  stage: PanelStage;
  /** Open: the expert may still score (or declare a conflict). */
  open: boolean;
  /** What the expert submitted, locked. */
  submitted?: PanelScore;
}

export interface ReviewDeskView {
  application: Application;
  /** Shown to staff in scope, and to an assigned expert without a conflict. */
  documents: ApplicationDocument[];
  /** Whether the caller sees the application's content (fields and documents). */
  content: boolean;
  /** Guiding rules the application does not meet, for the reviewer to weigh. */
  flags: unknown[];
  /** The organization's declared parent, when it declares one. */
  parent?: { uscc: string; name?: string };
  entityConflicts: FamilyConflict[];
  /** Staff in scope only. */
  history?: Awaited<ReturnType<Services['apps']['history']>>;
  /** The caller may decide the current stage now. */
  decision?: { stage: Stage; outcomes: Outcome[]; dueAt?: string };
  /** The caller is an expert on a panel of the application. */
  expert?: ExpertPart;
}

const STAFF = ['district_reviewer', 'expert', 'city_admin', 'province_admin'] as const;

export class ReviewDesk {
  constructor(
    private readonly services: Services,
    private readonly review: ReviewCommands,
  ) {}

  /**
   * A page of the caller's open tasks, each with its application's name, track,
   * industries and district (one read per distinct application of the page, so a page
   * costs at most `limit` reads).
   */
  async queue(
    tenant: ResolvedTenant,
    claims: Claims,
    page: { cursor?: string | undefined; limit?: number | undefined } = {},
  ) {
    assertTenantAccess(claims, tenant);
    assertRole(claims, ...STAFF);
    const limit = Math.min(page.limit ?? 50, 100);
    const tasks = await this.review.openTasks(tenant, claims, { cursor: page.cursor, limit });
    const ctx = tenantContext(tenant);
    const ids = [...new Set(tasks.items.map((t) => t.applicationId))];
    const apps = new Map<string, QueueApplication>();
    await Promise.all(
      ids.map(async (id) => {
        const record = /^[A-Za-z0-9-]{1,64}$/.test(id)
          ? await this.services.apps.get(ctx, id)
          : undefined;
        if (!record) return;
        const app = record.application;
        apps.set(id, {
          orgName: app.org.name,
          region: app.org.region,
          ...(app.track && { track: app.track }),
          industries: app.industries,
          status: app.status,
        });
      }),
    );
    return {
      items: tasks.items.map((task) => {
        const application = apps.get(task.applicationId);
        return { ...task, ...(application && { application }) };
      }),
      ...(tasks.next && { next: tasks.next }),
    };
  }

  /**
   * The application for the staff page: staff whose scope covers it, or an expert
   * assigned to one of its panels (who sees its content unless a conflict excludes
   * them). Anyone else is refused without learning anything about it.
   */
  async application(tenant: ResolvedTenant, claims: Claims, id: string): Promise<ReviewDeskView> {
    assertTenantAccess(claims, tenant);
    assertRole(claims, ...STAFF);
    const record = await loadApplication(this.services, tenant, id);
    const app = record.application;
    const staff = staffCovers(claims, tenant, app);
    const expert = staff ? undefined : await this.expertPart(tenant, claims, app);
    if (!staff && !expert)
      throw new ForbiddenError({
        zh: '该申报不在您的审核范围内，或您未被指派评审该申报',
        en: 'This application is not in your scope, nor on a panel of yours',
      });
    const ctx = tenantContext(tenant);
    const conflicted = expert
      ? (await conflictedExperts(this.services, tenant, app)).has(claims.expertId ?? '')
      : false;
    const content = staff || !conflicted;
    const profile = await this.services.orgs.profile(ctx, app.org.uscc);
    const parent = profile?.parentUscc
      ? await this.services.orgs.profile(ctx, profile.parentUscc)
      : undefined;
    return {
      application: content ? app : { ...app, fields: {} },
      documents: content ? record.documents : [],
      content,
      flags: staff ? record.flags : [],
      ...(profile?.parentUscc && {
        parent: { uscc: profile.parentUscc, ...(parent && { name: parent.name }) },
      }),
      entityConflicts: staff ? await familyConflicts(this.services, tenant, app) : [],
      ...(staff && { history: await this.services.apps.history(ctx, app.id) }),
      ...(staff && (await this.decisionFor(tenant, claims, app))),
      ...(expert && { expert }),
    };
  }

  /** The current stage, when the caller is its actor and its task waits on a decision. */
  private async decisionFor(
    tenant: ResolvedTenant,
    claims: Claims,
    app: Application,
  ): Promise<Pick<ReviewDeskView, 'decision'>> {
    if (app.status !== 'in_review' || !app.stage) return {};
    const stage = programOf(tenant, app.programId).stages.find((s) => s.id === app.stage);
    if (!stage) return {};
    const actor = stageActor(tenant, stage, app);
    const inScope =
      claims.tenant === tenant.id &&
      claims.roles.some((role) => role === actor.role) &&
      (!actor.region || claims.region === actor.region);
    if (!inScope) return {};
    const task = await this.services.tasks.openAt(tenantContext(tenant), app.id, stage.id);
    if (task?.kind !== stage.kind || !kindOf(stage).decidable(task)) return {};
    return {
      decision: { stage, outcomes: outcomesOf(stage), ...(task.dueAt && { dueAt: task.dueAt }) },
    };
  }

  /** The caller's part on a panel of the application: the current stage's first. */
  private async expertPart(
    tenant: ResolvedTenant,
    claims: Claims,
    app: Application,
  ): Promise<ExpertPart | undefined> {
    const expertId = claims.expertId;
    if (claims.tenant !== tenant.id || !claims.roles.includes('expert') || !expertId)
      return undefined;
    const ctx = tenantContext(tenant);
    const panels = programOf(tenant, app.programId)
      .stages.filter((s): s is PanelStage => s.kind === 'panel')
      .sort((a, b) => Number(b.id === app.stage) - Number(a.id === app.stage));
    for (const stage of panels) {
      const assignment = await this.services.panels.assignment(ctx, app.id, stage.id);
      if (!assignment?.expertIds.includes(expertId)) continue;
      const [task, scores] = await Promise.all([
        this.services.tasks.get(ctx, app.id, scoringTaskId(stage.id, expertId)),
        this.services.panels.scores(ctx, app.id, stage.id),
      ]);
      const submitted = scores.find((s) => s.expertId === expertId);
      return {
        stage,
        open: task?.state === 'open' && !submitted,
        ...(submitted && { submitted }),
      };
    }
    return undefined;
  }
}
