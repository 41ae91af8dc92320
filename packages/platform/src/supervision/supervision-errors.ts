/**
 * The refusals of supervision (API.md "Supervision"), each with a stable code and a
 * message in Chinese and English that names things as users know them.
 */
import { DomainError, formatDeadline } from '@sme/core';
import { NotFoundError } from '../errors.js';

/** A 404 whose text is a sentence of its own, not a "… not found" of a thing. */
export class NotMemberError extends DomainError {
  override readonly name = 'NotMemberError';
  constructor() {
    super('not_found', 'not_member', {
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

/** A member a province-wide ban suspends takes no new engagement until the ban ends. */
export class MemberSuspendedError extends DomainError {
  override readonly name = 'MemberSuspendedError';
  constructor(until: Date) {
    super('conflict', 'member_suspended', {
      zh: `该服务商因全省失信惩戒被暂停，至 ${formatDeadline(until)}（北京时间）前不能登记新的服务项目`,
      en: `The member is suspended by a province-wide ban and cannot register engagements before ${formatDeadline(until)} (Beijing time)`,
    });
  }
}

/** What was due by then: a rectification report unless named (a complaint's reply). */
export class PastDueError extends DomainError {
  override readonly name = 'PastDueError';
  constructor(dueAt: string, what = { zh: '整改报告', en: 'The report' }) {
    const due = formatDeadline(new Date(dueAt));
    super('conflict', 'past_due', {
      zh: `${what.zh}须在 ${due}（北京时间）前提交，已逾期`,
      en: `${what.en} was due by ${due} Beijing time`,
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

/** 002 §二(一)7: one provider may not both transform and assess one enterprise. */
export class ExclusiveServiceError extends DomainError {
  override readonly name = 'ExclusiveServiceError';
  constructor(rule: { zh: string; en: string; source: string }) {
    super('conflict', 'exclusive_service', {
      zh: `您已为该企业登记了不可兼任的服务：${rule.zh}（${rule.source}）`,
      en: `You already serve this enterprise in a role this excludes: ${rule.en}`,
    });
  }
}

/** A milestone registered out of its order, or before the previous one is confirmed. */
export class MilestoneOrderError extends DomainError {
  override readonly name = 'MilestoneOrderError';
  constructor(
    code: 'milestone_out_of_order' | 'milestone_unconfirmed',
    detail: { zh: string; en: string },
  ) {
    super('conflict', code, detail);
  }
}

export class AlreadyConfirmedError extends DomainError {
  override readonly name = 'AlreadyConfirmedError';
  constructor(milestone: { zh: string; en: string }) {
    super('conflict', 'already_confirmed', {
      zh: `「${milestone.zh}」已确认`,
      en: `${milestone.en} was confirmed already`,
    });
  }
}

export class RatingRefusedError extends DomainError {
  override readonly name = 'RatingRefusedError';
  constructor(code: 'not_accepted' | 'already_rated') {
    super(
      'conflict',
      code,
      code === 'already_rated'
        ? { zh: '该服务已评价，每项服务只能评价一次', en: 'This engagement was rated already' }
        : {
            zh: '评测验收确认后方可评价',
            en: 'An engagement is rated once its assessment acceptance is confirmed',
          },
    );
  }
}

/** A document of a milestone not yet verified: the enterprise confirms what was checked. */
export class DocumentsUnverifiedError extends DomainError {
  override readonly name = 'DocumentsUnverifiedError';
  constructor(filenames: string[]) {
    super('conflict', 'documents_unverified', {
      zh: `以下材料尚未上传或校验：${filenames.join('、')}`,
      en: `Not yet uploaded and verified: ${filenames.join(', ')}`,
    });
  }
}

/** A milestone document already verified: nothing is left to upload for it. */
export class DocumentAlreadyVerifiedError extends DomainError {
  override readonly name = 'DocumentAlreadyVerifiedError';
  constructor(filename: string) {
    super('conflict', 'document_verified', {
      zh: `材料「${filename}」已上传并校验，无需重新上传`,
      en: `${filename} is uploaded and verified already`,
    });
  }
}

/** An enterprise may complain only about a provider that registered service to it. */
export class NoEngagementError extends DomainError {
  override readonly name = 'NoEngagementError';
  constructor() {
    super('forbidden', 'no_engagement', {
      zh: '未查到该服务商为贵单位登记的服务，不能投诉该服务商',
      en: 'No engagement of this provider with your organization is registered',
    });
  }
}

/** An engagement named that is not between the parties the request names. */
export class EngagementMismatchError extends DomainError {
  override readonly name = 'EngagementMismatchError';
  constructor() {
    super('invalid', 'engagement_mismatch', {
      zh: '所选服务登记不属于该服务商',
      en: 'The engagement named is not one of this provider',
    });
  }
}

/** The provider's right of reply runs until its due time. */
export class ReplyPendingError extends DomainError {
  override readonly name = 'ReplyPendingError';
  constructor(replyDueAt: string) {
    const due = formatDeadline(new Date(replyDueAt));
    super('conflict', 'reply_pending', {
      zh: `服务商可在 ${due}（北京时间）前答复，答复或期满后方可处理`,
      en: `The provider may reply until ${due} Beijing time; resolve after its reply or then`,
    });
  }
}

/**
 * A decision that is not one an appeal can be against (API.md `POST /appeals`): a
 * complaint that does not stand upheld, or an evaluation whose grade is not published.
 */
export class NotAppealableError extends DomainError {
  override readonly name = 'NotAppealableError';
  constructor(code: 'complaint_not_upheld' | 'grade_not_published') {
    super(
      'conflict',
      code,
      code === 'complaint_not_upheld'
        ? {
            zh: '仅可对已认定成立的投诉提出申诉',
            en: 'Only a complaint found upheld may be appealed against',
          }
        : {
            zh: '仅可对已公布的年度评价等级提出申诉',
            en: 'Only a published evaluation grade may be appealed against',
          },
    );
  }
}
