/**
 * Publicity (公示): a notice of applications for N working days; anyone may object to
 * an entry, which holds it for the city's check (upheld → rejected, dismissed → it goes
 * on); when the notice ends, every entry without an open or upheld objection passes
 * and is published. `closeDue` is a timer: the loop calls it on the virtual clock.
 */
import {
  DomainError,
  type ResolvedTenant,
  StaleStageError,
  shanghaiDateOf,
  WorkdayCalendar,
} from '@sme/core';
import {
  type Notice,
  type NoticeRepository,
  type Objection,
  type TaskRepository,
  TransactionRefusedError,
} from '@sme/store';
import { contextOf } from './review-stage-handler.js';
import { type SettleDeps, settleStage } from './settle-stage.js';

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

  /** Publishes a notice of applications waiting at publicity; ends at 24:00 of the Nth working day. */
  async publish(
    tenant: ResolvedTenant,
    by: string,
    input: { programId: string; applicationIds: string[] },
  ): Promise<Notice> {
    const { stage, workingDays } = this.stageOf(tenant, input.programId);
    const ctx = contextOf(tenant);
    const now = this.deps.clock.now();
    const waiting = [];
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
    try {
      await this.deps.notices.publish(
        ctx,
        notice,
        waiting.map(({ task }) => task),
      );
    } catch (error) {
      // Another notice took one of them meanwhile.
      if (error instanceof TransactionRefusedError)
        throw new StaleStageError(stage.id, 'publicity');
      throw error;
    }
    return notice;
  }

  private async openNotice(tenant: ResolvedTenant, noticeId: string) {
    const notice = /^[A-Za-z0-9-]{1,64}$/.test(noticeId)
      ? await this.deps.notices.get(contextOf(tenant), noticeId)
      : undefined;
    if (!notice)
      throw new PublicityError('notice_not_found', {
        zh: '未找到该公示',
        en: `Notice ${noticeId} not found`,
      });
    return notice;
  }

  /** Anyone may object to an entry while the notice runs. */
  async object(
    tenant: ResolvedTenant,
    noticeId: string,
    input: { applicationId: string; reason: string; contact: string },
  ) {
    const notice = await this.openNotice(tenant, noticeId);
    const now = this.deps.clock.now();
    if (notice.state !== 'open' || now.getTime() >= Date.parse(notice.endsAt)) {
      throw new PublicityError('notice_closed', {
        zh: '公示期已结束',
        en: 'The publicity period has ended',
      });
    }
    if (!notice.entries.some((e) => e.applicationId === input.applicationId)) {
      throw new PublicityError('not_in_notice', {
        zh: '该申报不在此公示中',
        en: 'The application is not in this notice',
      });
    }
    const objection: Objection = {
      objectionId: this.deps.newId(),
      noticeId,
      ...input,
      at: now.toISOString(),
      state: 'open',
    };
    await this.deps.notices.addObjection(contextOf(tenant), objection);
    return objection;
  }

  /** The city's check of an objection: upheld rejects the entry, dismissed lets it go on. */
  async decideObjection(
    tenant: ResolvedTenant,
    by: string,
    noticeId: string,
    objectionId: string,
    input: { upheld: boolean; comment: string },
  ) {
    const notice = await this.openNotice(tenant, noticeId);
    const ctx = contextOf(tenant);
    const objection = (await this.deps.notices.objections(ctx, noticeId)).find(
      (o) => o.objectionId === objectionId,
    );
    if (!objection)
      throw new PublicityError('objection_not_found', {
        zh: '未找到该异议',
        en: `Objection ${objectionId} not found`,
      });
    if (objection.state !== 'open')
      throw new PublicityError('objection_decided', {
        zh: '该异议已处理',
        en: 'The objection was decided already',
      });
    const at = this.deps.clock.now().toISOString();
    await this.deps.notices.updateObjection(ctx, {
      ...objection,
      state: input.upheld ? 'upheld' : 'dismissed',
      decidedBy: by,
      decidedAt: at,
      comment: input.comment,
    });
    if (input.upheld) {
      await this.settle(
        tenant,
        objection.applicationId,
        notice.stage,
        'reject',
        `公示异议成立：${input.comment}`,
        by,
      );
    }
    await this.closeIfDue(tenant, notice);
    return { objectionId, state: input.upheld ? 'upheld' : 'dismissed' };
  }

  private async settle(
    tenant: ResolvedTenant,
    applicationId: string,
    stage: string,
    outcome: 'pass' | 'reject',
    reason: string,
    by: string,
  ) {
    const ctx = contextOf(tenant);
    const app = (await this.deps.apps.get(ctx, applicationId))?.application;
    const task = app ? await this.deps.tasks.openAt(ctx, applicationId, stage) : undefined;
    if (!app || !task) return false;
    await settleStage(this.deps, ctx, app, task, {
      outcome,
      reason,
      actor: { sub: by, role: by === SYSTEM.sub ? SYSTEM.role : 'city_admin' },
    });
    return true;
  }

  /** Once a notice has ended, every entry without an open or upheld objection passes. */
  private async closeIfDue(tenant: ResolvedTenant, notice: Notice): Promise<number> {
    if (notice.state !== 'open' || this.deps.clock.now().getTime() < Date.parse(notice.endsAt))
      return 0;
    const objections = await this.deps.notices.objections(contextOf(tenant), notice.id);
    let passed = 0;
    let held = false;
    for (const entry of notice.entries) {
      const against = objections.filter((o) => o.applicationId === entry.applicationId);
      if (against.some((o) => o.state === 'open')) {
        held = true;
        continue;
      }
      if (against.some((o) => o.state === 'upheld')) continue;
      const reason = '公示期满无异议 / publicity ended without objection';
      if (await this.settle(tenant, entry.applicationId, notice.stage, 'pass', reason, SYSTEM.sub))
        passed += 1;
    }
    if (!held) await this.deps.notices.save(contextOf(tenant), { ...notice, state: 'closed' });
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
