/**
 * What each review stage does to an application, for the local executor and (wrapped)
 * for Step Functions. Every change is one transaction: the application with its stage,
 * the history event, and the task opened or closed.
 */
import {
  type Application,
  type Clock,
  checkEntryRules,
  checkSubmission,
  type Program,
  type ResolvedTenant,
  recordChange,
  type Stage,
} from '@sme/core';

type ScreeningStage = Extract<Stage, { kind: 'screening' }>;

import type {
  ApplicationRecord,
  ApplicationRepository,
  BanRepository,
  ChangeExtras,
  ReviewTask,
  TaskRepository,
  TenantContext,
} from '@sme/store';
import type { Outcome } from '../compile/compile-program.js';
import { dueAt } from './due-date.js';
import type { StageHandler, StageInput } from './stage-handler.js';

export interface ReviewDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  apps: ApplicationRepository;
  bans: BanRepository;
  tasks: TaskRepository;
  clock: Clock;
}

/** The workflow acts as this actor in history. */
const WORKFLOW = { sub: 'workflow', role: 'system' };

export function contextOf(tenant: ResolvedTenant): TenantContext {
  return { tenant: tenant.id, province: tenant.kind === 'province' ? tenant.id : tenant.parent };
}

export class ReviewStageHandler implements StageHandler {
  constructor(private readonly deps: ReviewDeps) {}

  private async load(input: StageInput) {
    const tenant = this.deps.tenants.get(input.tenant);
    const program = tenant?.programs.find((p) => p.id === input.programId);
    const stage = program?.stages.find((s) => s.id === input.stage);
    if (!tenant || !program || !stage)
      throw new Error(`unknown stage ${input.tenant}/${input.programId}/${input.stage}`);
    const record = await this.deps.apps.get(contextOf(tenant), input.applicationId);
    if (!record) throw new Error(`unknown application ${input.applicationId}`);
    return { tenant, program, stage, record, ctx: contextOf(tenant) };
  }

  async decide(input: StageInput): Promise<Outcome> {
    const { tenant, program, stage, record, ctx } = await this.load(input);
    const app = record.application;
    if (stage.kind === 'publish') {
      const listedAt = this.deps.clock.now().toISOString();
      await this.change(
        ctx,
        app,
        { status: 'listed', stage: undefined },
        stage,
        '列入资源池 / listed',
        {
          poolEntry: {
            applicationId: app.id,
            programId: app.programId,
            orgName: app.org.name,
            uscc: app.org.uscc,
            ...(app.track && { track: app.track }),
            ...(app.category && { category: app.category }),
            industries: app.industries,
            listedAt,
          },
        },
      );
      return 'pass';
    }
    if (stage.kind !== 'screening')
      throw new Error(`stage ${stage.id} (${stage.kind}) does not decide by itself`);
    const { outcome, reason } = await this.screen(tenant, program, stage, record);
    const status =
      outcome === 'pass' ? 'in_review' : outcome === 'return' ? 'returned' : 'rejected';
    await this.change(ctx, app, { status, stage: stage.id }, stage, reason);
    return outcome;
  }

  /** Screening: completeness and eligibility again, and bans at this moment. */
  /**
   * Screening runs the checks its stage lists: bans and duplicate entities reject;
   * incompleteness and failed eligibility return the application for correction.
   */
  private async screen(
    tenant: ResolvedTenant,
    program: Program,
    stage: ScreeningStage,
    record: ApplicationRecord,
  ) {
    const app = record.application;
    const ctx = contextOf(tenant);
    const checks = new Set(stage.checks);
    if (checks.has('bans')) {
      const ban = await this.deps.bans.inForce(
        ctx,
        [app.org.uscc, app.entityUscc],
        this.deps.clock.now(),
      );
      if (ban)
        return {
          outcome: 'reject' as const,
          reason: `形式审查：被禁止申报 / banned: ${ban.reason}`,
        };
    }
    if (checks.has('duplicate-entity')) {
      const siblings = (
        await this.deps.apps.entityApplications(ctx, app.entityUscc, program.id)
      ).filter((s) => s.id !== app.id);
      const clash = checkEntryRules(program, app, siblings).find(
        (v) => v.code === 'duplicate_entity' || v.code === 'track_combination_not_allowed',
      );
      if (clash) return { outcome: 'reject' as const, reason: `形式审查查重：${clash.message.zh}` };
    }
    const region = tenant.regions.find((r) => r.id === app.org.region);
    const { violations } = checkSubmission(program, app, record.documents, region);
    const found = violations.filter((v) =>
      v.code === 'eligibility' ? checks.has('eligibility') : checks.has('completeness'),
    );
    if (found.length > 0) {
      return {
        outcome: 'return' as const,
        reason: `形式审查退回更正：${found.map((v) => v.message.zh).join('；')}`,
      };
    }
    return { outcome: 'pass' as const, reason: '形式审查通过 / screening passed' };
  }

  async begin(input: StageInput & { taskToken: string }): Promise<Outcome | undefined> {
    const { tenant, program, stage, record, ctx } = await this.load(input);
    const app = record.application;
    if (app.decision?.stage === stage.id && app.decision.kind === input.kind)
      return app.decision.outcome;
    const open = await this.deps.tasks.openAt(ctx, app.id, stage.id);
    if (open && open.kind === input.kind) {
      // A resumed run: the task stands, only its token is new.
      await this.deps.tasks.open(ctx, { ...open, token: input.taskToken });
      return undefined;
    }
    const now = this.deps.clock.now();
    const task = this.taskFor(tenant, program, stage, app, input, now);
    if (input.kind === 'resubmission') {
      await this.deps.tasks.open(ctx, task);
      return undefined;
    }
    await this.change(
      ctx,
      app,
      { status: 'in_review', stage: stage.id },
      stage,
      `进入${stage.name.zh} / ${stage.name.en}`,
      { openTasks: [task] },
    );
    return undefined;
  }

  private taskFor(
    tenant: ResolvedTenant,
    program: Program,
    stage: Stage,
    app: Application,
    input: StageInput & { taskToken: string },
    now: Date,
  ): ReviewTask {
    const region = tenant.regions.find((r) => r.id === app.org.region);
    const byDistrict =
      input.kind !== 'resubmission' &&
      stage.kind === 'manual' &&
      stage.scope === 'region' &&
      region?.reviewedBy !== 'tenant';
    let role: string = program.applicant;
    if (input.kind !== 'resubmission' && stage.kind !== 'screening') {
      // The 'registered elsewhere' bucket has no district: the city bureau reviews it.
      role =
        stage.kind === 'manual' && stage.scope === 'region' && !byDistrict
          ? 'city_admin'
          : stage.role;
    }
    const due =
      'due' in stage
        ? dueAt(stage.due, { now, submittedAt: app.submittedAt, workCalendar: tenant.workCalendar })
        : undefined;
    return {
      taskId: `${stage.id}-${input.kind}-v${app.version}`,
      tenant: tenant.id,
      programId: app.programId,
      applicationId: app.id,
      stage: stage.id,
      kind: input.kind,
      role,
      ...(byDistrict && { region: app.org.region }),
      ...(input.kind === 'resubmission' && { org: app.org.uscc }),
      token: input.taskToken,
      ...(due && { dueAt: due.toISOString() }),
      state: 'open',
      createdAt: now.toISOString(),
    };
  }

  private async change(
    ctx: TenantContext,
    app: Application,
    to: { status: Application['status']; stage: string | undefined },
    stage: Stage,
    reason: string,
    extras: Pick<ChangeExtras, 'openTasks' | 'poolEntry'> = {},
  ): Promise<void> {
    const now = this.deps.clock.now();
    // Entering a stage (or ending review) forgets the previous stage's decision.
    const { stage: _previousStage, decision: _decided, ...rest } = app;
    const { application: next, event } = recordChange({
      previous: app,
      actor: WORKFLOW,
      at: now,
      reason,
      stage: stage.id,
      next: {
        ...rest,
        status: to.status,
        ...(to.stage && { stage: to.stage }),
        version: app.version + 1,
        updatedAt: now.toISOString(),
      },
    });
    await this.deps.apps.update(ctx, app, next, event, extras);
  }
}
