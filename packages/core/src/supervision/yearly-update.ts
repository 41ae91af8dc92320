/**
 * The member's yearly information update (001 §三(三): 每年3月底前更新相关信息): its
 * profile as last updated, with the first update of each year (what decides whether
 * it is evaluated that year), and the reminders of the date, kept as a case per rule
 * and year so each reminder is delivered once, however often the clock ticks.
 */
import { type CaseState, defineCaseKind } from '../case/case.js';

export interface MemberProfile {
  uscc: string;
  contact: { name: string; phone: string; email?: string | undefined };
  teamSize: number;
  /** What the member offers: products, services, solutions. */
  offerings: string;
  /** What changed since the last update (name, address, team, scope), or that nothing did. */
  changes: string;
  updatedAt: string;
  updatedBy: string;
  /** Incremented by every update: an update is written only over the one it read. */
  version: number;
  /** The first update of each year, by year. */
  firstUpdates: Record<string, string>;
}

export const UPDATE_REMINDER_STATUSES = ['scheduled', 'done'] as const;
export type UpdateReminderStatus = (typeof UPDATE_REMINDER_STATUSES)[number];

export const updateRemindersKind = defineCaseKind<UpdateReminderStatus>({
  name: 'update-reminders',
  transitions: { scheduled: ['scheduled', 'done'], done: [] },
});

/** The reminders of one rule's update date in one year; its id is `<rule>-<year>`. */
export interface UpdateReminders extends CaseState<UpdateReminderStatus> {
  rule: string;
  year: number;
  /** The exclusive instant the update is due by. */
  deadline: string;
  /** The reminders scheduled, by days before the date. */
  scheduled: number[];
  /** Those delivered, each once, with how many members each reached. */
  sent: Record<string, number>;
}

export const updateRemindersId = (rule: string, year: number) => `${rule}-${year}`;
