/**
 * Publicity (公示): a notice of applications for N working days. Each application in a
 * notice is `publicity`; objections (`objections.ts`) hold an entry for the city's
 * check; when the notice ends, every entry still standing, without an open or upheld
 * objection, passes and is published. `closeDue` is a timer: the loop calls it on the
 * virtual clock. Every step is conditional on the state it expects, so an entry
 * withdrawn meanwhile stays withdrawn.
 */
import {
  type Application,
  type ResolvedTenant,
  recordChange,
  StaleStageError,
  shanghaiDateOf,
  WorkdayCalendar,
} from '@sme/core';
import {
  type Notice,
  type NoticeRepository,
  type ReviewTask,
  type TaskRepository,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { isApplicationId } from '../applications/services.js';
import { type Backoff, retryingConflicts } from '../cases/backoff.js';
import { ForbiddenError, NoticeNotFoundError, PublicityConfigError } from '../errors.js';
import { type SettleDeps, settleStage } from '../review/settle-stage.js';
import { entryOf } from './entry-of.js';

export interface PublicityDeps extends SettleDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  notices: NoticeRepository;
  tasks: TaskRepository;
  /** How a write waits before it tries again after meeting another (injected in tests). */
  backoff: Backoff;
  newId(): string;
}

const SYSTEM = { sub: 'publicity', role: 'system' };

/** The city's staff who run publicity, in the tenant. */
export function assertCityStaff(claims: Claims, tenant: ResolvedTenant) {
  if (claims.tenant !== tenant.id || !claims.roles.includes('city_admin')) {
    throw new ForbiddenError({
      zh: '仅市级主管部门可发布公示或处理异议',
      en: 'Only the city bureau runs publicity',
    });
  }
}
/** Open objections one entry may carry: beyond, the entry is held anyway and more add nothing. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

export class Publicity {
  constructor(private readonly deps: PublicityDeps) {}

  private stageOf(tenant: ResolvedTenant, programId: string) {
    const program = tenant.programs.find((p) => p.id === programId);
    const stage = program?.stages.find((s) => s.kind === 'publicity');
    if (!program || stage?.kind !== 'publicity') {
      throw new PublicityConfigError('no_publicity', {
        zh: '该申报项目没有公示环节',
        en: `Program ${programId} has no publicity`,
      });
    }
    if (stage.workingDays === null) {
      throw new PublicityConfigError('publicity_length_unset', {
        zh: '公示期天数尚未由当年通知确定',
        en: 'The length of publicity is not set for this call yet',
      });
    }
    return { program, stage, workingDays: stage.workingDays };
  }

  /**
   * Publishes a notice of applications waiting at publicity; it ends at 24:00 of the Nth
   * working day. Refused (409) unless every one waits there and is in no other notice.
   * The notice and its applications entering it are written in as few transactions as
   * hold them (a dozen applications fit in one); one withdrawn or taken by another
   * notice in between is left out of it.
   */
  async publish(
    tenant: ResolvedTenant,
    claims: Claims,
    input: { programId: string; applicationIds: string[] },
  ): Promise<Notice> {
    assertCityStaff(claims, tenant);
    const by = claims.sub;
    const { stage, workingDays } = this.stageOf(tenant, input.programId);
    const ctx = tenantContext(tenant);
    const now = this.deps.clock.now();
    const waiting: { app: Application; task: ReviewTask }[] = [];
    const ids = [...new Set(input.applicationIds)];
    // The applications and the tasks their runs wait on, in one batch read.
    const known = ids.filter(isApplicationId);
    const { applications: apps, items } = await this.deps.apps.manyWith(
      ctx,
      known,
      known.map((id) => this.deps.tasks.waitingKey(ctx, id)),
    );
    for (const id of ids) {
      const app = apps.get(id);
      const task =
        app?.status === 'in_review' && app.stage === stage.id
          ? await this.deps.tasks.waitingIn(ctx, id, stage.id, items)
          : undefined;
      if (!app || app.programId !== input.programId || !task || task.noticeId)
        throw new StaleStageError(stage.id, app?.stage);
      waiting.push({ app, task });
    }
    const calendar = new WorkdayCalendar(tenant.workCalendar);
    const notice: Notice = {
      id: this.deps.newId(),
      programId: input.programId,
      stage: stage.id,
      publishedAt: now.toISOString(),
      endsAt: calendar.endOfWorkdayPeriod(shanghaiDateOf(now), workingDays).toISOString(),
      entries: waiting.map(({ app }) => entryOf(app)),
      createdBy: by,
      state: 'open',
    };
    const entering = waiting.map(({ app, task }) => ({
      applicationId: app.id,
      ops: this.enterOps(ctx, notice, app, task, by),
    }));
    // Taken meanwhile by another notice, or withdrawn: never listed in this one.
    const missed = await this.deps.notices.publish(ctx, notice, entering, (write) =>
      retryingConflicts(this.deps.backoff, write),
    );
    const entries = notice.entries.filter((e) => !missed.has(e.applicationId));
    if (entries.length === 0) throw new StaleStageError(stage.id, 'publicity');
    return { ...notice, entries };
  }

  /** What one application entering the notice writes: `publicity`, its task marked. */
  private enterOps(
    ctx: ReturnType<typeof tenantContext>,
    notice: Notice,
    app: Application,
    task: ReviewTask,
    by: string,
  ) {
    const now = this.deps.clock.now();
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: by, role: 'city_admin' },
      at: now,
      stage: notice.stage,
      // People read the history: the notice's id stays on the task, not in the words.
      reason: '列入公示 / entered the publicity notice',
      next: { ...app, status: 'publicity', version: app.version + 1, updatedAt: now.toISOString() },
    });
    return this.deps.apps.updateOps(ctx, app, next, event, {
      updateTasks: [{ ...task, noticeId: notice.id }],
    });
  }

  async notice(tenant: ResolvedTenant, noticeId: string): Promise<Notice> {
    const notice = SAFE_ID.test(noticeId)
      ? await this.deps.notices.get(tenantContext(tenant), noticeId)
      : undefined;
    if (!notice) throw new NoticeNotFoundError(noticeId);
    return notice;
  }

  /**
   * Passes a standing entry at the end of publicity; false if it no longer waits there,
   * or waits in another notice (an entry kept though its application never entered
   * this one: that notice's end and objections decide it).
   */
  private async pass(tenant: ResolvedTenant, applicationId: string, notice: Notice) {
    const ctx = tenantContext(tenant);
    const app = (await this.deps.apps.get(ctx, applicationId))?.application;
    const task = app ? await this.deps.tasks.openAt(ctx, applicationId, notice.stage) : undefined;
    if (!app || !task || task.noticeId !== notice.id) return false;
    const settled = await settleStage(this.deps, ctx, app, task, {
      outcome: 'pass',
      reason: '公示期满无异议 / publicity ended without objection',
      actor: SYSTEM,
    });
    return settled !== undefined;
  }

  /** Once a notice has ended, every standing entry without an open or upheld objection passes. */
  async closeIfDue(tenant: ResolvedTenant, notice: Notice): Promise<number> {
    if (notice.state !== 'open' || this.deps.clock.now().getTime() < Date.parse(notice.endsAt))
      return 0;
    const objections = await this.deps.notices.objections(tenantContext(tenant), notice.id);
    let passed = 0;
    let held = false;
    for (const entry of notice.entries) {
      if (entry.withdrawnAt) continue;
      const against = objections.filter((o) => o.applicationId === entry.applicationId);
      if (against.some((o) => o.state === 'open')) {
        held = true;
        continue;
      }
      if (against.some((o) => o.state === 'upheld')) continue;
      if (await this.pass(tenant, entry.applicationId, notice)) passed += 1;
    }
    if (!held) await this.deps.notices.close(tenantContext(tenant), notice);
    return passed;
  }

  /** The timer: closes every notice whose publicity has ended; how many entries passed. */
  async closeDue(): Promise<number> {
    let passed = 0;
    for (const tenant of this.deps.tenants.values()) {
      for (const notice of await this.deps.notices.list(tenantContext(tenant), 'open')) {
        passed += await this.closeIfDue(tenant, notice);
      }
    }
    return passed;
  }
}
