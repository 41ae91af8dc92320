/**
 * How supervision cases lie in the table. A member is `T#<t>#CASE#member#<uscc>`, listed
 * by status, and projects its status into the tenant's pool partition (`MEMBER#<uscc>`),
 * so the pool's one query carries every member's status. Every other supervision case
 * (an order, a disqualification, an appeal) is listed under its member, by kind and
 * time, so the member page reads them with one query.
 */
import type { CaseState, Member } from '@sme/core';
import type { CaseLayout } from '../cases/case-layout.js';
import { casePk } from '../cases/case-layout.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';

const stateOf = <C>({
  pk: _pk,
  sk: _sk,
  gsi1pk: _a,
  gsi1sk: _b,
  ...state
}: Record<string, unknown>) => state as unknown as C;

/** Where a member's status shows in the pool partition. */
export const memberStatusSk = (uscc: string) => `MEMBER#${uscc}`;
export const poolPk = (ctx: TenantContext) => tenantKey(ctx, 'POOL');

export const memberLayout: CaseLayout<Member> = {
  kind: 'member',
  item: (ctx, member) => ({
    pk: casePk(ctx, 'member', member.id),
    sk: 'META',
    ...member,
    gsi1pk: tenantKey(ctx, 'MEMBERS', member.status),
    gsi1sk: `${member.listedAt}#${member.uscc}`,
  }),
  fromItem: stateOf<Member>,
  counter: () => ({ sk: 'CASE#member', attributes: { kind: 'member' } }),
  changeOps: (ctx, previous, next): TransactOp[] =>
    previous?.status === next.status
      ? []
      : [
          {
            put: {
              pk: poolPk(ctx),
              sk: memberStatusSk(next.uscc),
              uscc: next.uscc,
              status: next.status,
            },
          },
        ],
};

/** The list of a member's supervision cases: `T#<t>#MEMBER#<uscc>`, by kind then time. */
export const memberCasesKey = (ctx: TenantContext, uscc: string) => tenantKey(ctx, 'MEMBER', uscc);

/**
 * The layout of a supervision case of a member; `extraOps` writes what else the kind
 * keeps beside it (a disqualification's public notice).
 */
export function memberCaseLayout<C extends CaseState & { uscc: string }>(
  kind: string,
  extraOps?: (ctx: TenantContext, previous: C | null, next: C) => TransactOp[],
): CaseLayout<C> {
  return {
    kind,
    item: (ctx, state) => ({
      ...(state as CaseState & Record<string, unknown>),
      pk: casePk(ctx, kind, state.id),
      sk: 'META',
      gsi1pk: memberCasesKey(ctx, state.uscc),
      gsi1sk: `${kind}#${state.createdAt}#${state.id}`,
    }),
    fromItem: stateOf<C>,
    counter: () => ({ sk: `CASE#${kind}`, attributes: { kind } }),
    ...(extraOps && { changeOps: extraOps }),
  };
}
