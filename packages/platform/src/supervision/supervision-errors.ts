/**
 * The refusals of supervision (API.md "Supervision"), each with a stable code and a
 * message in Chinese and English that names things as users know them.
 */
import { DomainError, formatDeadline } from '@sme/core';
import { NotFoundError } from '../errors.js';

export class NotMemberError extends NotFoundError {
  override readonly name = 'NotMemberError';
  constructor() {
    super('not_member', {
      zh: '该单位不在本地服务商名录中',
      en: 'This organization is not in the pool',
    });
  }
}

export class SupervisionCaseNotFoundError extends NotFoundError {
  override readonly name = 'SupervisionCaseNotFoundError';
  constructor(what: { zh: string; en: string }) {
    super('not_found', what);
  }
}

/** A ground the tenant's rules do not list for this member. */
export class UnknownGroundError extends DomainError {
  override readonly name = 'UnknownGroundError';
  constructor(ground: string) {
    super('invalid', 'unknown_ground', {
      zh: `本地监管规则未列出该事由：${ground}`,
      en: `Not a ground the tenant's rules list: ${ground}`,
    });
  }
}

export class MemberRemovedError extends DomainError {
  override readonly name = 'MemberRemovedError';
  constructor() {
    super('conflict', 'member_removed', {
      zh: '该服务商已被取消资格',
      en: 'The member has been removed from the pool',
    });
  }
}

export class PastDueError extends DomainError {
  override readonly name = 'PastDueError';
  constructor(dueAt: string) {
    const due = formatDeadline(new Date(dueAt));
    super('conflict', 'past_due', {
      zh: `整改报告须在 ${due}（北京时间）前提交，已逾期`,
      en: `The report was due by ${due} Beijing time`,
    });
  }
}

/** A supervision case no longer in the state the request expects (decided meanwhile). */
export class CaseMovedOnError extends DomainError {
  override readonly name = 'CaseMovedOnError';
  constructor(what: { zh: string; en: string }) {
    super('conflict', 'already_decided', {
      zh: `${what.zh}已处理或不在可办理的状态，请刷新后查看`,
      en: `${what.en} was already handled or is not in a state for this`,
    });
  }
}

export class AppealWindowClosedError extends DomainError {
  override readonly name = 'AppealWindowClosedError';
  constructor(endsAt: Date) {
    const due = formatDeadline(endsAt);
    super('conflict', 'appeal_window_closed', {
      zh: `申诉须在 ${due}（北京时间）前提出，已逾期`,
      en: `Appeals were open until ${due} Beijing time`,
    });
  }
}

export class AppealPendingError extends DomainError {
  override readonly name = 'AppealPendingError';
  constructor() {
    super('conflict', 'appeal_pending', {
      zh: '该事项已有申诉正在处理',
      en: 'An appeal against this is already being decided',
    });
  }
}
