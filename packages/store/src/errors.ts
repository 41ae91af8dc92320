/**
 * Errors of the storage layer. Each keeps the SDK error as `cause`.
 */
import { DomainError } from '@sme/core';

/** A key, cursor or object outside the caller's tenant: a bug or an attack, never data. */
export class TenantScopeError extends DomainError {
  override readonly name = 'TenantScopeError';

  constructor(tenant: string, what: string) {
    super('forbidden', 'tenant_scope', {
      zh: `访问超出租户 ${tenant} 的范围`,
      en: `${what} is outside tenant ${tenant}`,
    });
  }
}

/** A conditional write found the item already there (or not in the expected state). */
export class ConditionFailedError extends DomainError {
  override readonly name = 'ConditionFailedError';

  constructor(what: string, options?: { cause?: unknown }) {
    super(
      'conflict',
      'condition_failed',
      { zh: `数据已被修改：${what}`, en: `Condition failed: ${what}` },
      options,
    );
  }
}

/**
 * An id that cannot be part of a key (a separator, a space, an empty string). Ids come
 * from requests; one that could forge another key is refused, never used.
 */
export class InvalidIdError extends DomainError {
  override readonly name = 'InvalidIdError';

  constructor(readonly part: string) {
    super('malformed', 'invalid_id', {
      zh: '编号格式不正确',
      en: `Not a valid id: ${JSON.stringify(part.slice(0, 64))}`,
    });
  }
}

/** A list cursor that was not issued by us for this tenant and query. */
export class InvalidCursorError extends DomainError {
  override readonly name = 'InvalidCursorError';

  constructor(options?: { cause?: unknown }) {
    super(
      'malformed',
      'invalid_cursor',
      { zh: '分页游标无效', en: 'The page cursor is not valid' },
      options,
    );
  }
}

/** Why each operation of a refused transaction failed (`None` for those that did not). */
export class TransactionRefusedError extends DomainError {
  override readonly name = 'TransactionRefusedError';

  /** The keys of the operations, in order, to tell which item refused. */
  readonly keys: readonly { pk: string; sk: string }[];

  constructor(
    readonly reasons: string[],
    options?: { cause?: unknown; keys?: readonly { pk: string; sk: string }[] },
  ) {
    super(
      'conflict',
      'transaction_refused',
      { zh: '数据已被并发修改', en: `Transaction refused: ${reasons.join(', ')}` },
      options,
    );
    this.keys = options?.keys ?? [];
  }

  /** Whether operation `index` failed its condition. */
  conditionFailed(index: number): boolean {
    return this.reasons[index] === 'ConditionalCheckFailed';
  }

  /** Whether an operation on an item matching `which` failed its condition. */
  conditionFailedOn(which: (key: { pk: string; sk: string }) => boolean): boolean {
    return this.keys.some((key, i) => this.conditionFailed(i) && which(key));
  }

  /** Whether it failed only because another transaction was touching the same items. */
  get conflicted(): boolean {
    return (
      this.reasons.some((r) => r === 'TransactionConflict') &&
      !this.reasons.includes('ConditionalCheckFailed')
    );
  }
}
