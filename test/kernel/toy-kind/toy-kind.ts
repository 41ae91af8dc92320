/**
 * A toy kind of case, defined entirely here to show that a new kind is one folder: a
 * lamp that is switched on, dims by itself when its deadline passes unattended, and is
 * switched off. Its transitions, its layout in the table, its deadline and what the
 * deadline does are all below; nothing outside this folder knows it exists.
 */
import { assertMove, type CaseState, defineCaseKind, recordCaseChange } from '@sme/core';
import type { TimerHandler } from '@sme/platform';
import {
  type CaseLayout,
  CaseRepository,
  type CaseTimer,
  casePk,
  type TenantContext,
  type TenantTable,
  tenantKey,
  timerCancelOp,
  timerOp,
} from '@sme/store';

export type LampStatus = 'on' | 'dimmed' | 'off';

export const LAMP = defineCaseKind<LampStatus>({
  name: 'lamp',
  transitions: { on: ['dimmed', 'off'], dimmed: ['on', 'off'], off: [] },
});

export interface Lamp extends CaseState<LampStatus> {
  room: string;
}

const layout: CaseLayout<Lamp> = {
  kind: LAMP.name,
  item: (ctx, lamp) => ({
    pk: casePk(ctx, LAMP.name, lamp.id),
    sk: 'META',
    ...lamp,
    gsi1pk: tenantKey(ctx, 'LAMPS', lamp.room),
    gsi1sk: lamp.id,
  }),
  fromItem: ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...lamp }) => lamp as unknown as Lamp,
  counter: (lamp) => ({ sk: `K#lamp#${lamp.room}`, attributes: { room: lamp.room } }),
};

const keeper = { sub: 'keeper', role: 'system' };

/** The lamp's deadline: dim it if nobody touched it by then. */
const dimTimer = (ctx: TenantContext, lamp: Lamp, dueAt: Date): CaseTimer => ({
  tenant: ctx.tenant,
  ...(ctx.province && { province: ctx.province }),
  caseKind: LAMP.name,
  caseId: lamp.id,
  casePk: casePk(ctx, LAMP.name, lamp.id),
  name: 'dim',
  dueAt: dueAt.toISOString(),
});

export class Lamps {
  readonly cases: CaseRepository<Lamp>;

  constructor(table: TenantTable) {
    this.cases = new CaseRepository(table, layout);
  }

  /** Switches a new lamp on, to dim by itself at `dimAt`. */
  async switchOn(ctx: TenantContext, id: string, room: string, at: Date, dimAt: Date) {
    const { state, event } = recordCaseChange<LampStatus, Lamp>({
      previous: null,
      actor: keeper,
      at,
      reason: 'switched on',
      next: {
        id,
        tenant: ctx.tenant,
        room,
        status: 'on',
        version: 1,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      },
    });
    await this.cases.create(ctx, state, event, { ops: [timerOp(dimTimer(ctx, state, dimAt))] });
    return state;
  }

  /** Switches a lamp off: its deadline no longer applies. */
  async switchOff(ctx: TenantContext, lamp: Lamp, at: Date) {
    assertMove(LAMP, lamp.status, 'off');
    const { state, event } = recordCaseChange<LampStatus, Lamp>({
      previous: lamp,
      actor: keeper,
      at,
      reason: 'switched off',
      next: { ...lamp, status: 'off', version: lamp.version + 1, updatedAt: at.toISOString() },
    });
    await this.cases.update(ctx, lamp, state, event, {
      ops: [timerCancelOp({ casePk: casePk(ctx, LAMP.name, lamp.id), name: 'dim' })],
    });
    return state;
  }

  /** What the deadline does: dims a lamp still on; anything else is left alone. */
  readonly onDeadline: TimerHandler = async (timer, { ctx, fired, now }) => {
    const lamp = await this.cases.get(ctx, timer.caseId);
    if (lamp?.status !== 'on') return false;
    const { state, event } = recordCaseChange<LampStatus, Lamp>({
      previous: lamp,
      actor: { sub: 'clock', role: 'system' },
      at: now,
      reason: 'nobody came: dimmed',
      next: { ...lamp, status: 'dimmed', version: lamp.version + 1, updatedAt: now.toISOString() },
    });
    await this.cases.update(ctx, lamp, state, event, { ops: [fired] });
    return true;
  };
}
