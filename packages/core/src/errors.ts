/**
 * The errors of the domain, in one place. Every refusal the platform makes carries a
 * `kind` (what sort of refusal: the API maps kinds to HTTP statuses once), a stable
 * `code` (what clients and tests match on) and a message in Chinese first, English
 * second.
 */

import { statusName } from './application/status-names.js';
import { formatDeadline, shanghaiDateOf } from './calendar/shanghai-time.js';
import type { Program } from './tenant/program.schema.js';
import { type ProgramState, programState, windowInstants } from './tenant/program-state.js';

/**
 * What sort of refusal: `invalid` input that breaks a rule, `malformed` input that
 * cannot be read as meant (a forged cursor or id), `unauthorized` without credentials,
 * `forbidden` to this caller, `not_found`, a `conflict` with the state things are in,
 * or `unavailable` for now.
 */
export type ErrorKind =
  | 'invalid'
  | 'malformed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable';

export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    readonly kind: ErrorKind,
    /** Stable, machine-readable code, e.g. `window_closed`. */
    readonly code: string,
    /** What a user reads: Chinese first, English after. */
    readonly detail: { zh: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(`${detail.zh} / ${detail.en}`, options);
  }
}

/** A year the working-day calendar has no State Council schedule for. */
export class CalendarYearUnknownError extends DomainError {
  override readonly name = 'CalendarYearUnknownError';

  constructor(readonly year: number) {
    super('invalid', 'calendar_year_unknown', {
      zh: `尚未配置 ${year} 年国务院节假日安排，无法计算工作日`,
      en: `No State Council holiday schedule is configured for ${year}; working days cannot be computed`,
    });
  }
}

/** A date or instant that cannot be read. */
export class InvalidDateError extends DomainError {
  override readonly name = 'InvalidDateError';

  constructor(readonly input: string) {
    super('invalid', 'invalid_date', {
      zh: `无法识别的日期或时间：${input}`,
      en: `Not a valid date or instant: ${input}`,
    });
  }
}

export class ClockBackwardsError extends DomainError {
  override readonly name = 'ClockBackwardsError';

  constructor(now: Date, target: Date) {
    super('conflict', 'clock_backwards', {
      zh: `时钟只能向前拨动：当前 ${now.toISOString()}，目标 ${target.toISOString()}`,
      en: `The clock only moves forward: now ${now.toISOString()}, asked for ${target.toISOString()}`,
    });
  }
}

export class TooFewExpertsError extends DomainError {
  override readonly name = 'TooFewExpertsError';
  constructor(eligible: number, needed: number) {
    super('invalid', 'too_few_experts', {
      zh: `专家库中可抽取的专家（${eligible} 名）少于所需的 ${needed} 名`,
      en: `Only ${eligible} eligible experts in the pool; ${needed} are needed`,
    });
  }
}

export interface RuleViolation {
  /** Stable code of the broken rule (`too_many_industries`, `missing_document`, …). */
  code: string;
  /** Where in the request or application, e.g. `fields.cases` or `documents.credit-report`. */
  path: string;
  message: { zh: string; en: string };
}

/** Outside the call's window; says when it closed (or opens), in Beijing time. */
export class WindowClosedError extends DomainError {
  override readonly name = 'WindowClosedError';
  readonly state: ProgramState;

  constructor(program: Pick<Program, 'title' | 'window'>, now: Date) {
    const { opensAt, closesAt } = windowInstants(program.window);
    const state = programState(program.window, now);
    const title = program.title;
    super(
      'conflict',
      'window_closed',
      state === 'closed' && closesAt
        ? {
            zh: `「${title.zh}」已于北京时间 ${formatDeadline(closesAt)} 截止申报`,
            en: `${title.en} closed at ${formatDeadline(closesAt)} Beijing time`,
          }
        : opensAt
          ? {
              zh: `「${title.zh}」自北京时间 ${shanghaiDateOf(opensAt)} 起接受申报`,
              en: `${title.en} opens on ${shanghaiDateOf(opensAt)} Beijing time`,
            }
          : {
              zh: `「${title.zh}」尚未开放申报`,
              en: `${title.en} is not open for applications yet`,
            },
    );
    this.state = state;
  }
}

/** A ban in force; its end is written as notices write a deadline, in Beijing time. */
export class BannedError extends DomainError {
  override readonly name = 'BannedError';
  constructor(until: Date, reason: string) {
    super('forbidden', 'banned', {
      zh: `该单位被禁止申报，至北京时间 ${formatDeadline(until)}：${reason}`,
      en: `The organization is barred from applying until ${formatDeadline(until)} Beijing time`,
    });
  }
}

/** A rule broken at entry: the code of the first violation, with all of them listed. */
export class EntryRuleError extends DomainError {
  override readonly name = 'EntryRuleError';
  constructor(readonly violations: RuleViolation[]) {
    const first = violations[0] ?? {
      code: 'rule_violated',
      message: { zh: '不符合申报规则', en: 'A rule is broken' },
    };
    super('invalid', first.code, first.message);
  }
}

/** Submission refused: every missing field, missing or unverified document and failed rule. */
export class IncompleteError extends DomainError {
  override readonly name = 'IncompleteError';
  constructor(readonly violations: RuleViolation[]) {
    super('invalid', 'incomplete', {
      zh: `申报材料不完整或不符合条件，共 ${violations.length} 项`,
      en: `The application is incomplete or ineligible: ${violations.length} problem(s)`,
    });
  }
}

export class VersionConflictError extends DomainError {
  override readonly name = 'VersionConflictError';
  constructor(expected?: number, actual?: number) {
    super('conflict', 'version_conflict', {
      zh: '申报已被他人修改，请刷新后重试',
      en:
        expected === undefined
          ? 'The application kept changing meanwhile; reload and try again'
          : `The application changed meanwhile (expected version ${expected}${actual === undefined ? '' : `, now ${actual}`})`,
    });
  }
}

/**
 * A write that kept meeting other writes to the same items (a deadline burst on the
 * counters) and gave up after its retries: nothing was written; the same request may
 * simply be sent again. Never a refusal on the merits (not `duplicate_entity`).
 */
export class BusyError extends DomainError {
  override readonly name = 'BusyError';
  constructor(options?: { cause?: unknown }) {
    super(
      'conflict',
      'busy',
      {
        zh: '系统繁忙，本次操作未保存，请稍后重试',
        en: 'The platform is busy: nothing was saved, please try again in a moment',
      },
      options,
    );
  }
}

export class InvalidTransitionError extends DomainError {
  override readonly name = 'InvalidTransitionError';
  constructor(from: string, to: string) {
    super('conflict', 'invalid_transition', {
      zh: `申报当前为「${statusName(from).zh}」，不能改为「${statusName(to).zh}」`,
      en: `An application ${statusName(from).en} cannot become ${statusName(to).en}`,
    });
  }
}

export class NotEditableError extends DomainError {
  override readonly name = 'NotEditableError';
  constructor(status: string) {
    super('conflict', 'not_editable', {
      zh: `申报当前为「${statusName(status).zh}」，不可修改`,
      en: `An application ${statusName(status).en} cannot be edited`,
    });
  }
}

/** Fields of the wrong type or shape (a draft is checked for shape only). */
export class FieldsInvalidError extends DomainError {
  override readonly name = 'FieldsInvalidError';
  constructor(readonly violations: RuleViolation[]) {
    super('invalid', 'validation_failed', {
      zh: '填写内容不符合要求',
      en: 'Some fields are not valid',
    });
  }
}

export class InvalidUsccError extends DomainError {
  override readonly name = 'InvalidUsccError';
  constructor(uscc: string) {
    super('invalid', 'invalid_uscc', {
      zh: `统一社会信用代码无效：${uscc}`,
      en: `Not a valid unified social credit code: ${uscc}`,
    });
  }
}

/** A decision on a stage the application is not at (or no longer waiting at). */
/**
 * A decision at a stage the application is not waiting at: moved on, withdrawn, decided
 * by someone else, or (`notReady`) a panel whose experts have not all answered.
 */
export class StaleStageError extends DomainError {
  override readonly name = 'StaleStageError';
  // The stage id is kept for logs; the messages, read on pages, name no id.
  constructor(
    readonly stage: string,
    _current?: string | undefined,
    why?: 'not_ready',
  ) {
    super(
      'conflict',
      'stale_stage',
      why === 'not_ready'
        ? {
            zh: '专家尚未全部评分，该环节暂不能作出决定',
            en: 'This stage cannot be decided yet: not every expert has answered',
          }
        : {
            zh: '该申报已不在此审核环节（已被处理、已撤回或已进入其他环节），请刷新后查看',
            en: 'The application is no longer waiting at this review stage (decided, withdrawn or moved on); reload to see it',
          },
    );
  }
}
