/**
 * Refusals of the HTTP layer itself: a request without valid credentials.
 */
import { DomainError } from '@sme/core';

export class UnauthorizedError extends DomainError {
  override readonly name = 'UnauthorizedError';
  constructor() {
    super('unauthorized', 'unauthorized', { zh: '需要登录', en: 'Sign-in required' });
  }
}

/** A form posted without the token the page gave it (see portal/session/csrf.ts). */
export class CsrfRefusedError extends DomainError {
  override readonly name = 'CsrfRefusedError';
  constructor() {
    super('forbidden', 'csrf_failed', {
      zh: '表单已失效或来源不明，未做任何更改。请返回上一页，刷新后重新提交。',
      en: 'The form has expired or did not come from this site; nothing was changed. Go back, reload the page and submit it again.',
    });
  }
}
