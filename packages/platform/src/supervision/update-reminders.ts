/**
 * Reminders of the yearly update (001 §三(三): by 31 March), delivered to the inbox of
 * every member that has not updated that year yet, at the days before the date the
 * rule lists (30, 15 and 7). Each rule-year is a case whose timers fire the reminders:
 * a planner run before every tick opens the coming year's case once (it is cheap when
 * the case is known), and a reminder already recorded in the case is never sent again,
 * while the inbox refuses a second copy of a message a crashed tick left half-sent.
 */
import {
  formatDeadline,
  type ResolvedTenant,
  recordCaseChange,
  reminderDueAt,
  shanghaiDateOf,
  type UpdateReminders,
  updateRemindersId,
  type YearlyUpdateRule,
  yearlyUpdateDeadline,
  yearlyUpdateRules,
} from '@sme/core';
import { TransactionRefusedError, tenantContext, timerOp } from '@sme/store';
import { caseTimer, type TimerHandler } from '../cases/timer-runner.js';
import { type SupervisionDeps, SYSTEM } from './supervision-deps.js';

const KIND = 'update-reminders';
const timerName = (days: number) => `remind-${days}`;

/** The year whose update date is still ahead: this year's until the date passes. */
function comingYear(rule: YearlyUpdateRule, now: Date): number {
  const year = Number(shanghaiDateOf(now).slice(0, 4));
  return now < yearlyUpdateDeadline(rule, year) ? year : year + 1;
}

/**
 * The reminders worth scheduling now: those still ahead, and the latest one already
 * due (a case opened late still reminds once, not once for every day it missed).
 */
function remindersToSchedule(rule: YearlyUpdateRule, year: number, now: Date) {
  const all = [...new Set(rule.reminders)]
    .sort((a, b) => b - a)
    .map((days) => ({ days, dueAt: reminderDueAt(rule, year, days) }));
  const past = all.filter((r) => r.dueAt <= now);
  return [...past.slice(-1), ...all.filter((r) => r.dueAt > now)];
}

export class YearlyUpdateReminders {
  /** Rule-years whose case is known to exist, so the planner reads nothing for them. */
  private readonly known = new Set<string>();

  constructor(
    private readonly deps: SupervisionDeps,
    private readonly tenants: ReadonlyMap<string, ResolvedTenant>,
  ) {}

  /** Opens, once, the case of each rule's coming year with its reminders' timers. */
  readonly plan = async (now: Date): Promise<void> => {
    for (const tenant of this.tenants.values()) {
      for (const rule of yearlyUpdateRules(tenant)) {
        const year = comingYear(rule, now);
        const id = updateRemindersId(rule.id, year);
        const key = `${tenant.id}#${id}`;
        if (this.known.has(key)) continue;
        await this.open(tenant, rule, year, now);
        this.known.add(key);
      }
    }
  };

  private async open(tenant: ResolvedTenant, rule: YearlyUpdateRule, year: number, now: Date) {
    const ctx = tenantContext(tenant);
    const repo = this.deps.evaluations.reminders;
    const id = updateRemindersId(rule.id, year);
    if (await repo.meta(ctx, id)) return;
    const reminders = remindersToSchedule(rule, year, now);
    const at = now.toISOString();
    const { state, event } = recordCaseChange<UpdateReminders['status'], UpdateReminders>({
      previous: null,
      next: {
        id,
        tenant: tenant.id,
        status: 'scheduled',
        version: 1,
        createdAt: at,
        updatedAt: at,
        rule: rule.id,
        year,
        deadline: yearlyUpdateDeadline(rule, year).toISOString(),
        scheduled: reminders.map((r) => r.days),
        sent: {},
      },
      actor: SYSTEM,
      at: now,
      reason: `reminders ${reminders.map((r) => r.days).join(', ')} days before (${rule.source})`,
    });
    const timers = reminders.map((r) =>
      caseTimer(tenant, {
        caseKind: KIND,
        caseId: id,
        casePk: repo.pk(ctx, id),
        name: timerName(r.days),
        dueAt: r.dueAt.toISOString(),
        payload: { days: r.days },
      }),
    );
    try {
      await this.deps.supervision.transact(ctx, [
        ...repo.createOps(ctx, state, event),
        ...timers.map(timerOp),
      ]);
    } catch (error) {
      // Opened meanwhile by another tick: that one stands.
      if (!(error instanceof TransactionRefusedError)) throw error;
    }
  }

  /** Delivers one reminder to every member governed by the rule that has not updated this year. */
  readonly onTimer: TimerHandler = async (timer, { ctx, fired, now }) => {
    const tenant = this.tenants.get(timer.tenant);
    const repo = this.deps.evaluations.reminders;
    const reminders = await repo.get(ctx, timer.caseId);
    const days = Number(timer.payload?.days);
    const rule = tenant && yearlyUpdateRules(tenant).find((r) => r.id === reminders?.rule);
    if (!tenant || !reminders || !rule || reminders.sent[String(days)] !== undefined) return false;
    let delivered = 0;
    for (const uscc of await this.unUpdated(tenant, rule, reminders.year)) {
      const reached = await this.deps.inbox.deliver(ctx, {
        id: `yearly-update-${rule.id}-${reminders.year}-${days}`,
        uscc,
        kind: 'yearly-update-reminder',
        at: timer.dueAt,
        dueAt: reminders.deadline,
        ...message(rule, reminders, days),
      });
      if (reached) delivered += 1;
    }
    const sent = { ...reminders.sent, [String(days)]: delivered };
    const done = reminders.scheduled.every((d) => sent[String(d)] !== undefined);
    const { state, event } = recordCaseChange({
      previous: reminders,
      next: {
        ...reminders,
        status: done ? 'done' : 'scheduled',
        version: reminders.version + 1,
        updatedAt: now.toISOString(),
        sent,
      },
      actor: SYSTEM,
      at: now,
      reason: `reminder ${days} days before sent to ${delivered} member(s)`,
    });
    await this.deps.supervision.transact(ctx, [
      ...repo.updateOps(ctx, reminders, state, event),
      fired,
    ]);
    return true;
  };

  /** The members the rule governs, still in the pool, with no update in `year` yet. */
  private async unUpdated(tenant: ResolvedTenant, rule: YearlyUpdateRule, year: number) {
    const ctx = tenantContext(tenant);
    const [pool, statuses, profiles] = await Promise.all([
      this.deps.notices.pool(ctx),
      this.deps.supervision.memberStatuses(ctx),
      this.deps.evaluations.profiles(ctx),
    ]);
    const governed = pool.filter((e) => !rule.programs || rule.programs.includes(e.programId));
    return [...new Set(governed.map((e) => e.uscc))].filter(
      (uscc) => statuses.get(uscc) !== 'removed' && !profiles.get(uscc)?.firstUpdates[String(year)],
    );
  }
}

function message(rule: YearlyUpdateRule, reminders: UpdateReminders, days: number) {
  const by = formatDeadline(new Date(reminders.deadline));
  return {
    title: {
      zh: `请于 ${by} 前完成 ${reminders.year} 年度信息更新`,
      en: `Update your information for ${reminders.year} by ${by} Beijing time`,
    },
    body: {
      zh: `根据“${rule.name.zh}”（${rule.source}），资源池内服务商须于 ${by}（北京时间）前更新相关信息，距截止还有 ${days} 天。${rule.consequence.zh}。`,
      en: `Under "${rule.name.en}" (${rule.source}), providers in the pool update their information by ${by} Beijing time: ${days} days left. ${rule.consequence.en}.`,
    },
  };
}
