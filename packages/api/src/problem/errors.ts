/**
 * HTTP-level refusals that are not domain decisions: unknown resources, missing or bad
 * credentials. Domain errors come from core; both are turned into problem details by
 * `handleError`.
 */
import { DomainError } from '@sme/core';

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(code: string, what: { zh: string; en: string }) {
    super(code, { zh: `未找到${what.zh}`, en: `${what.en} not found` });
  }
}

export class UnauthorizedError extends DomainError {
  override readonly name = 'UnauthorizedError';
  constructor() {
    super('unauthorized', { zh: '需要登录', en: 'Sign-in required' });
  }
}

export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(reason: { zh: string; en: string } = { zh: '无权访问', en: 'Not allowed' }) {
    super('forbidden', reason);
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
    super(code, detail);
  }
}
