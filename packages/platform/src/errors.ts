/**
 * The refusals of the use cases, in one place: unknown resources, callers out of scope,
 * requests that do not fit, and the conflicts of publicity, panels and documents. Each
 * carries a stable `code` and a message in Chinese and English; the API turns them
 * into problem details in one place.
 */
import { DomainError } from '@sme/core';

export class NotFoundError extends DomainError {
  override readonly name: string = 'NotFoundError';
  constructor(code: string, what: { zh: string; en: string }) {
    super('not_found', code, { zh: `未找到${what.zh}`, en: `${what.en} not found` });
  }
}

export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(reason: { zh: string; en: string } = { zh: '无权访问', en: 'Not allowed' }) {
    super('forbidden', 'forbidden', reason);
  }
}

/** A request that is well-formed but names something that does not fit (role, region, …). */
export class InvalidRequestError extends DomainError {
  override readonly name = 'InvalidRequestError';
  constructor(
    code: string,
    detail: { zh: string; en: string },
    readonly path?: string,
  ) {
    super('invalid', code, detail);
  }
}

/** A program whose publicity cannot run as configured. */
export class PublicityConfigError extends DomainError {
  override readonly name = 'PublicityConfigError';
  constructor(code: 'no_publicity' | 'publicity_length_unset', detail: { zh: string; en: string }) {
    super('invalid', code, detail);
  }
}

export class NoticeNotFoundError extends NotFoundError {
  override readonly name = 'NoticeNotFoundError';
  constructor(noticeId: string) {
    super('notice_not_found', { zh: '该公示', en: `Notice ${noticeId}` });
  }
}

export class NoticeClosedError extends DomainError {
  override readonly name = 'NoticeClosedError';
  constructor() {
    super('conflict', 'notice_closed', {
      zh: '公示期已结束，或该公示对象已不在公示中',
      en: 'The publicity period has ended, or the entry no longer stands',
    });
  }
}

export class NotInNoticeError extends DomainError {
  override readonly name = 'NotInNoticeError';
  constructor() {
    super('invalid', 'not_in_notice', {
      zh: '该申报不在此公示中',
      en: 'The application is not in this notice',
    });
  }
}

export class TooManyObjectionsError extends DomainError {
  override readonly name = 'TooManyObjectionsError';
  constructor() {
    super('conflict', 'too_many_objections', {
      zh: '该公示对象已有多项异议待核查，请等待核查结果',
      en: 'This entry already has many objections waiting to be checked',
    });
  }
}

export class ObjectionNotFoundError extends NotFoundError {
  override readonly name = 'ObjectionNotFoundError';
  constructor(objectionId: string) {
    super('objection_not_found', { zh: '该异议', en: `Objection ${objectionId}` });
  }
}

export class ObjectionDecidedError extends DomainError {
  override readonly name = 'ObjectionDecidedError';
  constructor() {
    super('conflict', 'objection_decided', {
      zh: '该异议已处理',
      en: 'The objection was decided already',
    });
  }
}

/** A change of a panel refused (`panel_fixed`, `panel_changed`). */
export class PanelError extends DomainError {
  override readonly name = 'PanelError';
  constructor(code: 'panel_fixed' | 'panel_changed', detail: { zh: string; en: string }) {
    super('conflict', code, detail);
  }
}

export class ScoreLockedError extends DomainError {
  override readonly name = 'ScoreLockedError';
  constructor() {
    super('conflict', 'score_locked', {
      zh: '评分已提交，不可修改',
      en: 'A submitted score cannot be changed',
    });
  }
}

export class ExpertConflictError extends DomainError {
  override readonly name = 'ExpertConflictError';
  constructor() {
    super('invalid', 'expert_conflict', {
      zh: '您与该申报单位存在利益冲突，不能评分，请声明回避',
      en: 'You have a conflict with this applicant: declare it instead of scoring',
    });
  }
}

export class DocumentNotVerifiedError extends DomainError {
  override readonly name = 'DocumentNotVerifiedError';
  constructor(filename: string) {
    super('conflict', 'document_not_verified', {
      zh: `材料「${filename}」尚未上传完成或未通过校验`,
      en: `${filename} has not been uploaded and verified yet`,
    });
  }
}

export class DocumentReplacedError extends DomainError {
  override readonly name = 'DocumentReplacedError';
  constructor(filename: string) {
    super('conflict', 'document_replaced', {
      zh: `材料「${filename}」已被替换`,
      en: `${filename} was replaced by another file`,
    });
  }
}

/**
 * A batch decision refused as a whole (`stale_stage`): these applications are not
 * ready at the stage (still being scored, decided meanwhile, withdrawn, elsewhere).
 */
export class BatchStaleError extends DomainError {
  override readonly name = 'BatchStaleError';
  // The stage id is kept for logs; both messages name the applications by their names.
  constructor(
    readonly stage: string,
    readonly applications: readonly { id: string; name?: string }[],
  ) {
    const names = applications.map((a) => a.name ?? a.id);
    super('conflict', 'stale_stage', {
      zh: `以下申报已不在此环节或尚未完成评分，本次未作任何决定：${names.join('、')}`,
      en: `Nothing was decided: no longer at this stage or not fully scored: ${names.join(', ')}`,
    });
  }
}

/**
 * An `Idempotency-Key` sent again with a different request: it created something else
 * already, so this request is refused rather than answered with that (422, as the IETF
 * Idempotency-Key header draft has it). The portal's forms meet it after the back
 * button; the form shown with the refusal carries a fresh key, so submitting it again
 * files it as a new one.
 */
export class IdempotencyKeyReusedError extends DomainError {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super('invalid', 'idempotency_key_reused', {
      zh: '此表单此前已提交并已生效；本次内容与当时不同，未作处理。如需另行提交一份，请再次提交。',
      en: 'This form (its Idempotency-Key) was already submitted, and that submission stands; this different content was not processed. Submit again to file it as a new one.',
    });
  }
}
