/**
 * The yearly evaluation's storage: the tenant-year case (listed under
 * `T#<t>#EVALUATIONS` by year), each member-year case (listed under its member like
 * every other supervision case), the reminders of the yearly update, and the members'
 * profiles: one partition per tenant, `T#<t>#PROFILES`, so the first updates of every
 * member are read with one query when a year is evaluated or reminded.
 */
import type { Evaluation, MemberEvaluation, MemberProfile, UpdateReminders } from '@sme/core';
import { CaseRepository } from '../cases/case.repository.js';
import { type CaseLayout, casePk } from '../cases/case-layout.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import { memberCaseLayout } from './supervision-layouts.js';

const stateOf = <C>({
  pk: _pk,
  sk: _sk,
  gsi1pk: _a,
  gsi1sk: _b,
  ...state
}: Record<string, unknown>) => state as unknown as C;

const evaluationsKey = (ctx: TenantContext) => tenantKey(ctx, 'EVALUATIONS');
const profilesPk = (ctx: TenantContext) => tenantKey(ctx, 'PROFILES');

const evaluationLayout: CaseLayout<Evaluation> = {
  kind: 'evaluation',
  item: (ctx, state) => ({
    pk: casePk(ctx, 'evaluation', state.id),
    sk: 'META',
    ...state,
    gsi1pk: evaluationsKey(ctx),
    gsi1sk: String(state.year),
  }),
  fromItem: stateOf<Evaluation>,
  counter: () => ({ sk: 'CASE#evaluation', attributes: { kind: 'evaluation' } }),
};

const remindersLayout: CaseLayout<UpdateReminders> = {
  kind: 'update-reminders',
  item: (ctx, state) => ({ pk: casePk(ctx, 'update-reminders', state.id), sk: 'META', ...state }),
  fromItem: stateOf<UpdateReminders>,
  counter: () => ({ sk: 'CASE#update-reminders', attributes: { kind: 'update-reminders' } }),
};

/** Writes a profile over the version it was read at (none: it must not exist yet). */
export function profileOp(ctx: TenantContext, profile: MemberProfile, read?: number): TransactOp {
  return {
    put: { pk: profilesPk(ctx), sk: profile.uscc, ...profile },
    ...(read === undefined
      ? { condition: 'attribute_not_exists(pk)' }
      : { condition: 'version = :read', values: { ':read': read } }),
  };
}

export class EvaluationRepository {
  readonly evaluations: CaseRepository<Evaluation>;
  readonly memberEvaluations: CaseRepository<MemberEvaluation>;
  readonly reminders: CaseRepository<UpdateReminders>;

  constructor(private readonly table: TenantTable) {
    this.evaluations = new CaseRepository(table, evaluationLayout);
    this.memberEvaluations = new CaseRepository(
      table,
      memberCaseLayout<MemberEvaluation>('member-evaluation'),
    );
    this.reminders = new CaseRepository(table, remindersLayout);
  }

  async profile(ctx: TenantContext, uscc: string): Promise<MemberProfile | undefined> {
    const item = await this.table.get(ctx, profilesPk(ctx), uscc);
    return item && stateOf<MemberProfile>(item);
  }

  /** Every member's profile in the tenant, by USCC. */
  async profiles(ctx: TenantContext): Promise<Map<string, MemberProfile>> {
    const profiles = new Map<string, MemberProfile>();
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, profilesPk(ctx), { cursor });
      for (const item of page.items) {
        const profile = stateOf<MemberProfile>(item);
        profiles.set(profile.uscc, profile);
      }
      cursor = page.next;
    } while (cursor);
    return profiles;
  }
}
