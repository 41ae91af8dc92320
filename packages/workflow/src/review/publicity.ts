/**
 * Publicity (公示): a notice of applications for N working days. Each application in a
 * notice is `publicity`; anyone may object to an entry, which holds it for the city's
 * check (upheld → rejected, dismissed → it goes on), each objection being a task in the
 * city admin's list; when the notice ends, every entry still standing, without an open
 * or upheld objection, passes and is published. `closeDue` is a timer: the loop calls
 * it on the virtual clock. Every step is conditional on the state it expects, so an
 * entry withdrawn meanwhile stays withdrawn.
 */
import {
  type Application,
  DomainError,
  type ResolvedTenant,
  recordChange,
  StaleStageError,
  shanghaiDateOf,
  WorkdayCalendar,
} from '@sme/core';
import {
  type Notice,
  type NoticeRepository,
  type Objection,
  type ReviewTask,
  type TaskRepository,
  TransactionRefusedError,
} from '@sme/store';
import { type SettleDeps, settleStage } from './settle-stage.js';
import { contextOf } from './tenant-context.js';

export interface PublicityDeps extends SettleDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  notices: NoticeRepository;
  tasks: TaskRepository;
  newId(): string;
}

export class PublicityError extends DomainError {
  override readonly name = 'PublicityError';
}

const SYSTEM = { sub: 'publicity', role: 'system' };
/** Open objections one entry may carry: beyond, the entry is held anyway and more add nothing. */
export const MAX_OPEN_OBJECTIONS = 20;
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

const objectionTaskId = (objectionId: string) => `objection-${objectionId}`;

export class Publicity {
  constructor(private readonly deps: PublicityDeps) {}

  private stageOf(tenant: ResolvedTenant, programId: string) {
    const program = tenant.programs.find((p) => p.id === programId);
    const stage = program?.stages.find((s) => s.kind === 'publicity');
    if (!program || stage?.kind !== 'publicity') {
      throw new PublicityError('no_publicity', {
        zh: '该申报项目没有公示环节',
        en: `Program ${programId} has no publicity`,
      });
    }
    if (stage.workingDays === null) {
      throw new PublicityError('publicity_length_unset', {
        zh: '公示期天数尚未由当年通知确定',
        en: 'The length of publicity is not set for this call yet',
      });
    }
    return { program, stage, workingDays: stage.workingDays };
  }

  /**
   * Publishes a notice of applications waiting at publicity; it ends at 24:00 of the Nth
   * working day. Refused (409) unless every one waits there and is in no other notice.
   * Each application then enters the notice in its own transaction (a notice may list
   * more than one transaction holds); one withdrawn in between is marked so.
   */
  async publish(
    tenant: ResolvedTenant,
    by: string,
    input: { programId: string; applicationIds: string[] },
  ): Promise<Notice> {
    const { stage, workingDays } = this.stageOf(tenant, input.programId);
    const ctx = contextOf(tenant);
    const now = this.deps.clock.now();
    const waiting: { app: Application; task: ReviewTask }[] = [];
    for (const id of new Set(input.applicationIds)) {
      const app = (await this.deps.apps.get(ctx, id))?.application;
      const task =
        app?.status === 'in_review' && app.stage === stage.id
          ? await this.deps.tasks.openAt(ctx, id, stage.id)
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
      entries: waiting.map(({ app }) => ({
        applicationId: app.id,
        orgName: app.org.name,
        uscc: app.org.uscc,
        ...(app.track && { track: app.track }),
        ...(app.category && { category: app.category }),
        industries: app.industries,
      })),
      createdBy: by,
      state: 'open',
    };
    await this.deps.notices.create(ctx, notice);
    const missed = new Set<string>();
    for (const { app, task } of waiting) {
      if (!(await this.enter(ctx, notice, app, task, by))) missed.add(app.id);
    }
    if (missed.size === 0) return notice;
    const at = this.deps.clock.now().toISOString();
    for (const id of missed) await this.deps.notices.markWithdrawn(ctx, notice, id, at);
    return {
      ...notice,
      entries: notice.entries.map((e) =>
        missed.has(e.applicationId) ? { ...e, withdrawnAt: at } : e,
      ),
    };
  }

  /** One application enters the notice: `publicity`, its task marked; false if it changed. */
  private async enter(
    ctx: ReturnType<typeof contextOf>,
    notice: Notice,
    app: Application,
    task: ReviewTask,
    by: string,
  ): Promise<boolean> {
    const now = this.deps.clock.now();
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: by, role: 'city_admin' },
      at: now,
      stage: notice.stage,
      reason: `列入公示 / in publicity notice ${notice.id}`,
      next: { ...app, status: 'publicity', version: app.version + 1, updatedAt: now.toISOString() },
    });
    try {
      await this.deps.apps.update(ctx, app, next, event, {
        updateTasks: [{ ...task, noticeId: notice.id }],
      });
      return true;
    } catch (error) {
      if (error instanceof TransactionRefusedError) return false;
      throw error;
    }
  }

  async notice(tenant: ResolvedTenant, noticeId: string): Promise<Notice> {
    const notice = SAFE_ID.test(noticeId)
      ? await this.deps.notices.get(contextOf(tenant), noticeId)
      : undefined;
    if (!notice)
      throw new PublicityError('notice_not_found', {
        zh: '未找到该公示',
        en: `Notice ${noticeId} not found`,
      });
    return notice;
  }

  /** Anyone may object to an entry while the notice runs; the city admin gets a task to check it. */
  async object(
    tenant: ResolvedTenant,
    noticeId: string,
    input: { applicationId: string; reason: string; contact: string },
  ) {
    const notice = await this.notice(tenant, noticeId);
    const now = this.deps.clock.now();
    if (notice.state !== 'open' || now.getTime() >= Date.parse(notice.endsAt)) throw closed();
    const index = notice.entries.findIndex((e) => e.applicationId === input.applicationId);
    const entry = notice.entries[index];
    if (!entry || entry.withdrawnAt) {
      throw new PublicityError('not_in_notice', {
        zh: '该申报不在此公示中',
        en: 'The application is not in this notice',
      });
    }
    const ctx = contextOf(tenant);
    const open = (await this.deps.notices.objections(ctx, noticeId)).filter(
      (o) => o.applicationId === input.applicationId && o.state === 'open',
    );
    if (open.length >= MAX_OPEN_OBJECTIONS) {
      throw new PublicityError('too_many_objections', {
        zh: '该公示对象已有多项异议待核查，请等待核查结果',
        en: 'This entry already has many objections waiting to be checked',
      });
    }
    const at = now.toISOString();
    const objection: Objection = {
      objectionId: this.deps.newId(),
      noticeId,
      ...input,
      at,
      state: 'open',
    };
    const task: ReviewTask = {
      taskId: objectionTaskId(objection.objectionId),
      tenant: tenant.id,
      programId: notice.programId,
      applicationId: input.applicationId,
      stage: notice.stage,
      kind: 'objection',
      role: 'city_admin',
      noticeId,
      objectionId: objection.objectionId,
      dueAt: notice.endsAt,
      state: 'open',
      createdAt: at,
    };
    try {
      await this.deps.notices.addObjection(ctx, objection, task, index);
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw closed();
      throw error;
    }
    return objection;
  }

  /** Every objection of a notice, for the city admin. */
  async objections(tenant: ResolvedTenant, noticeId: string): Promise<Objection[]> {
    const notice = await this.notice(tenant, noticeId);
    return this.deps.notices.objections(contextOf(tenant), notice.id);
  }

  /**
   * The city's check of an objection: upheld rejects the entry (and ends the entry's
   * other objections), dismissed lets it go on. Conditional on the objection being
   * open, so of two clerks deciding at once one succeeds and the other gets 409.
   */
  async decideObjection(
    tenant: ResolvedTenant,
    by: string,
    noticeId: string,
    objectionId: string,
    input: { upheld: boolean; comment: string },
  ) {
    const notice = await this.notice(tenant, noticeId);
    const ctx = contextOf(tenant);
    const objections = await this.deps.notices.objections(ctx, noticeId);
    const objection = objections.find((o) => o.objectionId === objectionId);
    if (!objection)
      throw new PublicityError('objection_not_found', {
        zh: '未找到该异议',
        en: `Objection ${objectionId} not found`,
      });
    if (objection.state !== 'open') throw decidedAlready();
    const at = this.deps.clock.now().toISOString();
    const state = input.upheld ? 'upheld' : 'dismissed';
    const decided: Objection = {
      ...objection,
      state,
      decidedBy: by,
      decidedAt: at,
      comment: input.comment,
    };
    const task = await this.deps.tasks.get(
      ctx,
      objection.applicationId,
      objectionTaskId(objectionId),
    );
    const done = (t: ReviewTask, outcome: string): ReviewTask => ({
      ...t,
      state: 'done',
      outcome,
      decidedBy: by,
      decidedAt: at,
    });
    if (task?.state !== 'open') throw decidedAlready();

    if (!input.upheld) {
      try {
        await this.deps.notices.dismiss(ctx, decided, done(task, state));
      } catch (error) {
        if (error instanceof TransactionRefusedError) throw decidedAlready();
        throw error;
      }
    } else {
      const app = (await this.deps.apps.get(ctx, objection.applicationId))?.application;
      const publicity = await this.deps.tasks.openAt(ctx, objection.applicationId, notice.stage);
      // The entry's other open objections end with it: nothing is left to check.
      const others = objections.filter(
        (o) => o.applicationId === objection.applicationId && o.state === 'open' && o !== objection,
      );
      const otherTasks = (await this.deps.tasks.openOf(ctx, objection.applicationId)).filter(
        (t) => t.kind === 'objection' && others.some((o) => o.objectionId === t.objectionId),
      );
      const settled =
        app && publicity
          ? await settleStage(this.deps, ctx, app, publicity, {
              outcome: 'reject',
              reason: `公示异议成立：${input.comment}`,
              actor: { sub: by, role: 'city_admin' },
              extras: {
                objections: [
                  decided,
                  ...others.map((o) => ({ ...o, state: 'closed' as const, decidedAt: at })),
                ],
                updateTasks: [done(task, state), ...otherTasks.map((t) => done(t, 'closed'))],
              },
            })
          : undefined;
      if (!settled) throw decidedAlready();
    }
    await this.closeIfDue(tenant, notice);
    return { objectionId, state };
  }

  /** Passes a standing entry at the end of publicity; false if it no longer waits there. */
  private async pass(tenant: ResolvedTenant, applicationId: string, stage: string) {
    const ctx = contextOf(tenant);
    const app = (await this.deps.apps.get(ctx, applicationId))?.application;
    const task = app ? await this.deps.tasks.openAt(ctx, applicationId, stage) : undefined;
    if (!app || !task) return false;
    const settled = await settleStage(this.deps, ctx, app, task, {
      outcome: 'pass',
      reason: '公示期满无异议 / publicity ended without objection',
      actor: SYSTEM,
    });
    return settled !== undefined;
  }

  /** Once a notice has ended, every standing entry without an open or upheld objection passes. */
  private async closeIfDue(tenant: ResolvedTenant, notice: Notice): Promise<number> {
    if (notice.state !== 'open' || this.deps.clock.now().getTime() < Date.parse(notice.endsAt))
      return 0;
    const objections = await this.deps.notices.objections(contextOf(tenant), notice.id);
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
      if (await this.pass(tenant, entry.applicationId, notice.stage)) passed += 1;
    }
    if (!held) await this.deps.notices.close(contextOf(tenant), notice);
    return passed;
  }

  /** The timer: closes every notice whose publicity has ended; how many entries passed. */
  async closeDue(): Promise<number> {
    let passed = 0;
    for (const tenant of this.deps.tenants.values()) {
      for (const notice of await this.deps.notices.list(contextOf(tenant), 'open')) {
        passed += await this.closeIfDue(tenant, notice);
      }
    }
    return passed;
  }
}

const closed = () =>
  new PublicityError('notice_closed', {
    zh: '公示期已结束，或该公示对象已撤回',
    en: 'The publicity period has ended, or the entry was withdrawn',
  });

const decidedAlready = () =>
  new PublicityError('objection_decided', {
    zh: '该异议已处理',
    en: 'The objection was decided already',
  });
