/**
 * What each review stage does to an application, for the local executor and (wrapped)
 * for Step Functions. Every change is one transaction: the application with its stage,
 * the history event, and the task opened or closed.
 */
import {
  type Application,
  type ApplicationStatus,
  type Clock,
  kindOf,
  type Program,
  type ResolvedTenant,
  recordChange,
  type Stage,
  type StageFacts,
} from '@sme/core';
import {
  type ApplicationRecord,
  type ApplicationRepository,
  type BanRepository,
  type ChangeExtras,
  type OrganizationRepository,
  type PilotRepository,
  type ReviewTask,
  type Standings,
  type SupervisionRepository,
  type TaskRepository,
  type TenantContext,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { StageHandler, StageInput } from '@sme/workflow';
import { ENDED, type RunOutcome } from '@sme/workflow';
import { banInForce } from '../organizations/ban-in-force.js';
import { dueAt } from './due-date.js';
import { listingExtras } from './listing.js';
import { stageActor } from './stage-actor.js';

export interface ReviewDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  apps: ApplicationRepository;
  bans: BanRepository;
  orgs: OrganizationRepository;
  /** Whether a ban reaches the applicant or a parent it declares. */
  standings: Standings;
  tasks: TaskRepository;
  /** A removed member listed again is reinstated in the listing's transaction. */
  supervision: SupervisionRepository;
  /** Where a pilot enterprise's listing goes instead of the pool. */
  pilots: PilotRepository;
  clock: Clock;
}

const unknownApplication = (input: StageInput) =>
  new Error(`unknown application ${input.applicationId}`);

/** The workflow acts as this actor in history. */
const WORKFLOW = { sub: 'workflow', role: 'system' };

export class ReviewStageHandler implements StageHandler {
  constructor(private readonly deps: ReviewDeps) {}

  private where(input: StageInput) {
    const tenant = this.deps.tenants.get(input.tenant);
    const program = tenant?.programs.find((p) => p.id === input.programId);
    const stage = program?.stages.find((s) => s.id === input.stage);
    if (!tenant || !program || !stage)
      throw new Error(`unknown stage ${input.tenant}/${input.programId}/${input.stage}`);
    return { tenant, program, stage, ctx: tenantContext(tenant) };
  }

  /** The stage and the application with its documents, which a stage deciding by itself reads. */
  private async load(input: StageInput) {
    const where = this.where(input);
    const record = await this.deps.apps.get(where.ctx, input.applicationId);
    if (!record) throw unknownApplication(input);
    return { ...where, record };
  }

  /** The stage and the application alone: a stage that waits for people reads no documents. */
  private async loadApplication(input: StageInput) {
    const where = this.where(input);
    const { application } = await this.deps.apps.applicationWith(
      where.ctx,
      input.applicationId,
      [],
    );
    if (!application) throw unknownApplication(input);
    return { ...where, app: application };
  }

  /**
   * Ends the run when the application is not where the stage expects it (withdrawn
   * meanwhile): every automatic transition is conditional on the state it expects.
   */
  private expects(app: Application, input: StageInput, allowed: readonly ApplicationStatus[]) {
    if (allowed.includes(app.status)) return true;
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg: 'review run ended: the application is not where the stage expects it',
        tenant: input.tenant,
        applicationId: app.id,
        stage: input.stage,
        kind: input.kind,
        status: app.status,
      }),
    );
    return false;
  }

  /**
   * Each step reads, decides and writes against the version read; a write refused
   * because the application changed meanwhile (withdrawn, say) is decided once more
   * from what is there now.
   */
  private async once<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof TransactionRefusedError) return step();
      throw error;
    }
  }

  decide(input: StageInput): Promise<RunOutcome> {
    return this.once(() => this.decideNow(input));
  }

  begin(input: StageInput & { taskToken: string }): Promise<RunOutcome | undefined> {
    return this.once(() => this.beginNow(input));
  }

  private async decideNow(input: StageInput): Promise<RunOutcome> {
    const { tenant, program, stage, record, ctx } = await this.load(input);
    const app = record.application;
    const kind = kindOf(stage);
    if (!kind.decide)
      throw new Error(`stage ${stage.id} (${stage.kind}) does not decide by itself`);
    if (!this.expects(app, input, kind.enteredFrom)) return ENDED;
    // Decided already (a resumed run, or a twin run that wrote first): it passed.
    if (app.stage === stage.id && app.status === kind.passed) return 'pass';
    const decision = await kind.decide(stage, this.facts(tenant, program, record));
    await this.change(
      ctx,
      app,
      { status: decision.status, stage: decision.atStage ? stage.id : undefined },
      stage,
      decision.reason,
      decision.listed
        ? await listingExtras(this.deps, ctx, program, app, WORKFLOW, this.deps.clock.now())
        : {},
    );
    return decision.outcome;
  }

  /** What a stage that decides at once may ask, read only when it asks. */
  private facts(tenant: ResolvedTenant, program: Program, record: ApplicationRecord): StageFacts {
    const { app, documents } = { app: record.application, documents: record.documents };
    const ctx = tenantContext(tenant);
    const now = this.deps.clock.now();
    return {
      app,
      documents,
      program,
      region: tenant.regions.find((r) => r.id === app.org.region),
      now,
      ban: () => banInForce(this.deps, tenant, app.org.uscc, now),
      ownApplications: async () =>
        (await this.deps.apps.orgApplications(ctx, app.org.uscc, program.id)).filter(
          (s) => s.id !== app.id && s.status !== 'draft',
        ),
      familyApplications: async () =>
        (await this.deps.apps.familyApplications(ctx, app.entityUscc, program.id)).filter(
          (f) => f.id !== app.id,
        ),
    };
  }

  private async beginNow(
    input: StageInput & { taskToken: string },
  ): Promise<RunOutcome | undefined> {
    const { tenant, program, stage, app, ctx } = await this.loadApplication(input);
    // A resumed run: the decision taken before the restart stands.
    if (
      app.decision?.stage === stage.id &&
      app.decision.kind === input.kind &&
      app.status !== 'withdrawn'
    )
      return app.decision.outcome;
    const from =
      input.kind === 'resubmission' ? (['returned'] as const) : kindOf(stage).enteredFrom;
    if (!this.expects(app, input, from)) return ENDED;
    // Only a run resumed where it waited finds its task standing. One entering the stage
    // (from the stage before, or resubmitted) has none to look for: the write that opens
    // a stage's task moves the application to that stage in the same transaction.
    const resumed = app.stage === stage.id && app.status !== 'submitted';
    const open = resumed ? await this.deps.tasks.openAt(ctx, app.id, stage.id) : undefined;
    const now = this.deps.clock.now();
    if (open && open.kind === input.kind) {
      // A resumed run: the task stands, only its token is new.
      // Refused if the task changed since read (made ready): read again by `once`.
      await this.deps.tasks.update(ctx, { ...open, token: input.taskToken }, [], open);
      return undefined;
    }
    const task = this.taskFor(tenant, program, stage, app, input, now);
    if (input.kind === 'resubmission') {
      await this.deps.tasks.openWhile(ctx, task, app);
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
    const actor =
      input.kind === 'resubmission'
        ? { role: program.applicant, org: app.org.uscc }
        : stageActor(tenant, stage, app);
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
      ...actor,
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
    extras: Pick<ChangeExtras, 'openTasks' | 'poolEntry' | 'ops'> = {},
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
