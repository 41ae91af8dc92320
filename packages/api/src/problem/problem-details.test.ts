import {
  BannedError,
  ClockBackwardsError,
  type DomainError,
  EntryRuleError,
  IncompleteError,
  InvalidTransitionError,
  InvalidUsccError,
  NotEditableError,
  StaleStageError,
  VersionConflictError,
} from '@sme/core';
import {
  DocumentNotVerifiedError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  NoticeClosedError,
  ObjectionDecidedError,
  PanelError,
  ScoreLockedError,
  TooManyObjectionsError,
} from '@sme/platform';
import {
  ConditionFailedError,
  InvalidCursorError,
  InvalidIdError,
  TenantScopeError,
  TransactionRefusedError,
} from '@sme/store';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from './errors.js';
import { problemBody, statusOf } from './problem-details.js';

const text = { zh: '说明', en: 'detail' };

describe('problem details', () => {
  it.each<[string, DomainError, number]>([
    ['a rule broken', new EntryRuleError([]), 422],
    ['an incomplete submission', new IncompleteError([]), 422],
    ['an invalid USCC', new InvalidUsccError('x'), 422],
    ['a request that does not fit', new InvalidRequestError('unknown_region', text, 'region'), 422],
    ['a forged cursor', new InvalidCursorError(), 400],
    ['an id that could forge a key', new InvalidIdError('a#b'), 400],
    ['no credentials', new UnauthorizedError(), 401],
    [
      'a banned organization',
      new BannedError(new Date('2028-01-01T00:00:00+08:00'), '虚假材料'),
      403,
    ],
    ['a caller out of scope', new ForbiddenError(), 403],
    ['a key of another tenant', new TenantScopeError('qingdao', 'key'), 403],
    ['an unknown application', new NotFoundError('application_not_found', text), 404],
    ['a changed application', new VersionConflictError(1, 2), 409],
    ['a move its status forbids', new InvalidTransitionError('listed', 'withdrawn'), 409],
    ['an edit its status forbids', new NotEditableError('submitted'), 409],
    ['a stale decision', new StaleStageError('district-review'), 409],
    ['the clock moved back', new ClockBackwardsError(new Date(1), new Date(0)), 409],
    ['a notice that ended', new NoticeClosedError(), 409],
    ['an objection decided', new ObjectionDecidedError(), 409],
    ['too many objections', new TooManyObjectionsError(), 409],
    ['a fixed panel', new PanelError('panel_fixed', text), 409],
    ['a locked score', new ScoreLockedError(), 409],
    ['an unverified document', new DocumentNotVerifiedError('a.pdf'), 409],
    // Concurrency, which reached clients as 422 before errors had kinds.
    ['a refused condition', new ConditionFailedError('x'), 409],
    ['a refused transaction', new TransactionRefusedError(['ConditionalCheckFailed']), 409],
  ])('answers %s with its kind’s status', (_what, error, status) => {
    expect(statusOf(error)).toBe(status);
  });

  it('never echoes control or bidirectional characters, and cuts long text short', () => {
    const body = problemBody(404, 'document_not_found', {
      zh: `未找到材料 \u202Efdp.exe`,
      en: `Document ${'x'.repeat(2000)}`,
    });
    expect(body.detail).toContain('\\u{202E}fdp.exe');
    expect(body.detail).not.toContain('\u202E');
    expect(body.detail?.length).toBeLessThan(520);
  });
});
