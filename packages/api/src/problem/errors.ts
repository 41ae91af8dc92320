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
