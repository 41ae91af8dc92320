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

const SIGN_IN_FAILURES = {
  issuer_unavailable: {
    zh: '统一身份认证平台暂时无法访问，请稍后再试。',
    en: 'The identity platform cannot be reached; please try again later.',
  },
  signin_cancelled: {
    zh: '登录已取消。',
    en: 'Sign-in was cancelled.',
  },
  account_not_enabled: {
    zh: '您的账号已通过认证，但尚未开通本平台的角色，请联系主管部门开通。',
    en: 'Your account is signed in but has no role on this platform yet; ask the bureau to enable it.',
  },
  signin_refused: {
    zh: '登录未完成：认证结果无法核验，请重新登录。',
    en: 'Sign-in did not complete: its result could not be verified. Please sign in again.',
  },
} as const;

/**
 * The OIDC sign-in did not complete (auth/oidc-sign-in.ts). Never `unauthorized`: a
 * page answers that by sending the person to sign in, which here would go round in a
 * loop. The cause is logged, never shown.
 */
export class SignInFailedError extends DomainError {
  override readonly name = 'SignInFailedError';
  constructor(code: keyof typeof SIGN_IN_FAILURES, cause?: unknown) {
    const kind = code === 'issuer_unavailable' ? 'unavailable' : 'invalid';
    super(kind, code, SIGN_IN_FAILURES[code], { cause });
  }
}
