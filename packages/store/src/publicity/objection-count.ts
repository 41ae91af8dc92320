/**
 * How many objections against one notice entry are open, kept as an item beside the
 * notice (`OPEN#<applicationId>`) and changed in the same transaction as the objections
 * themselves: the cap holds under a burst, and closing them all is refused when one
 * slipped in after they were read.
 */
import type { TenantContext } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';
import { noticePk } from './notice-items.js';

const key = (ctx: TenantContext, noticeId: string, applicationId: string) => ({
  pk: noticePk(ctx, noticeId),
  sk: `OPEN#${applicationId}`,
});

/** One more open objection, refused once `max` are open. */
export function objectionOpened(
  ctx: TenantContext,
  noticeId: string,
  applicationId: string,
  max: number,
): TransactOp {
  return {
    update: key(ctx, noticeId, applicationId),
    expression: 'ADD #open :one',
    condition: 'attribute_not_exists(#open) OR #open < :max',
    names: { '#open': 'open' },
    values: { ':one': 1, ':max': max },
  };
}

/** One open objection decided. */
export function objectionDecided(
  ctx: TenantContext,
  noticeId: string,
  applicationId: string,
): TransactOp {
  return {
    update: key(ctx, noticeId, applicationId),
    expression: 'ADD #open :minusOne',
    condition: '#open >= :one',
    names: { '#open': 'open' },
    values: { ':one': 1, ':minusOne': -1 },
  };
}

/** Every open objection ended at once; refused unless exactly `open` were open. */
export function objectionsEnded(
  ctx: TenantContext,
  noticeId: string,
  applicationId: string,
  open: number,
): TransactOp {
  return {
    update: key(ctx, noticeId, applicationId),
    expression: 'SET #open = :zero',
    condition: open === 0 ? 'attribute_not_exists(#open) OR #open = :zero' : '#open = :open',
    names: { '#open': 'open' },
    values: { ':zero': 0, ...(open > 0 && { ':open': open }) },
  };
}
