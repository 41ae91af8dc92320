/**
 * Objections to a notice's entries (API.md "Publicity and the pool"): anyone objects
 * while the notice runs; each objection is a task in the city admin's list and holds
 * its entry until decided; the city admin lists them per notice and decides each once
 * (upheld → the entry is rejected, dismissed → it goes on). Deciding is conditional on
 * the objection being open, so of two clerks deciding at once one succeeds.
 */
import { BusyError, type ResolvedTenant } from '@sme/core';
import {
  type Notice,
  type Objection,
  objectionsEnded,
  type ReviewTask,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { retryingConflicts } from '../cases/backoff.js';
import { keyedCreate, sameRequest } from '../cases/keyed-create.js';
import {
  NotInNoticeError,
  NoticeClosedError,
  ObjectionDecidedError,
  ObjectionNotFoundError,
  TooManyObjectionsError,
} from '../errors.js';
import { settleStage } from '../review/settle-stage.js';
import { assertCityStaff, type Publicity, type PublicityDeps } from './publicity.js';

/** Open objections one entry may carry: beyond, the entry is held anyway and more add nothing. */
export const MAX_OPEN_OBJECTIONS = 20;

const objectionTaskId = (objectionId: string) => `objection-${objectionId}`;
/** Rounds an objection follows its entry moving in the notice before it gives up. */
const ENTRY_MOVES = 3;

type ObjectionInput = { applicationId: string; reason: string; contact: string };

const closed = () => new NoticeClosedError();
const decidedAlready = () => new ObjectionDecidedError();

/** The place of the application's entry, refused unless the notice runs and the entry stands. */
function standingEntry(notice: Notice, applicationId: string, now: Date): number {
  if (notice.state !== 'open' || now.getTime() >= Date.parse(notice.endsAt)) throw closed();
  const index = notice.entries.findIndex((e) => e.applicationId === applicationId);
  if (index < 0 || notice.entries[index]?.withdrawnAt) throw new NotInNoticeError();
  return index;
}

export class Objections {
  constructor(
    private readonly deps: PublicityDeps,
    private readonly publicity: Publicity,
  ) {}

  /**
   * Anyone may object to an entry while the notice runs; the city admin gets a task to
   * check it. Honours `Idempotency-Key`: a re-posted form objects once.
   */
  async object(
    tenant: ResolvedTenant,
    noticeId: string,
    input: ObjectionInput,
    key?: string,
  ): Promise<Objection> {
    // Anonymous: the key's scope is the notice, and a replay must send the same objection.
    const keyed = key ? keyedCreate('objection', [noticeId], key, input) : undefined;
    const objectionId = keyed?.id ?? this.deps.newId();
    let notice = await this.publicity.notice(tenant, noticeId);
    for (let round = 1; ; round += 1) {
      const filed = await this.objectOnce(tenant, notice, input, objectionId, keyed);
      if (!('moved' in filed)) return filed;
      // The notice open, the entry standing: only its place kept changing. Send it again.
      if (round === ENTRY_MOVES) throw new BusyError();
      notice = filed.moved;
    }
  }

  /**
   * One try against the notice as read: the objection recorded (or its first filing,
   * replayed), or the notice read again, where the entry stands at another place.
   */
  private async objectOnce(
    tenant: ResolvedTenant,
    notice: Notice,
    input: ObjectionInput,
    objectionId: string,
    keyed: { requestDigest: string } | undefined,
  ): Promise<Objection | { moved: Notice }> {
    const noticeId = notice.id;
    const now = this.deps.clock.now();
    const index = standingEntry(notice, input.applicationId, now);
    const ctx = tenantContext(tenant);
    const objection: Objection = {
      objectionId,
      ...(keyed && { requestDigest: keyed.requestDigest }),
      noticeId,
      ...input,
      at: now.toISOString(),
      state: 'open',
    };
    const task = objectionTask(tenant, notice, objection);
    try {
      // Met by another transaction at that instant (its twin, a clerk's decision), it is
      // tried again: the objection is recorded, or refused by what was written meanwhile.
      await retryingConflicts(this.deps.backoff, () =>
        this.deps.notices.addObjection(ctx, objection, task, index, MAX_OPEN_OBJECTIONS),
      );
      return objection;
    } catch (error) {
      if (!(error instanceof TransactionRefusedError)) throw error;
      const first =
        keyed && error.conditionFailed(0)
          ? await this.deps.notices.objection(ctx, noticeId, objectionId)
          : undefined;
      if (first) return sameRequest(first, objection);
      const open = await this.deps.notices.openObjections(ctx, noticeId, input.applicationId);
      if (open >= MAX_OPEN_OBJECTIONS) throw new TooManyObjectionsError();
      // The check names the entry by its place: entries taken out before it (those a
      // notice's later transaction left out) move it up. Read again: object at its new
      // place, or answer what the notice says now.
      const later = await this.publicity.notice(tenant, noticeId);
      if (standingEntry(later, input.applicationId, this.deps.clock.now()) !== index)
        return { moved: later };
      throw closed();
    }
  }

  /** Every objection of a notice, for the city admin. */
  async objections(tenant: ResolvedTenant, claims: Claims, noticeId: string): Promise<Objection[]> {
    assertCityStaff(claims, tenant);
    const notice = await this.publicity.notice(tenant, noticeId);
    return this.deps.notices.objections(tenantContext(tenant), notice.id);
  }

  /**
   * The city's check of an objection: upheld rejects the entry (and ends the entry's
   * other objections), dismissed lets it go on. Conditional on the objection being
   * open, so of two clerks deciding at once one succeeds and the other gets 409.
   */
  async decideObjection(
    tenant: ResolvedTenant,
    claims: Claims,
    noticeId: string,
    objectionId: string,
    input: { upheld: boolean; comment: string },
  ) {
    assertCityStaff(claims, tenant);
    const notice = await this.publicity.notice(tenant, noticeId);
    const state = input.upheld ? 'upheld' : 'dismissed';
    // An uphold ends the entry's other objections too: if a clerk decided one of those
    // meanwhile, the write is refused and is made again on what is there now.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await this.decideOnce(tenant, claims, notice, objectionId, input)) {
        await this.publicity.closeIfDue(tenant, notice);
        return { objectionId, state };
      }
    }
    throw decidedAlready();
  }

  /** One attempt; false when the write met a concurrent change worth another look. */
  private async decideOnce(
    tenant: ResolvedTenant,
    claims: Claims,
    notice: Notice,
    objectionId: string,
    input: { upheld: boolean; comment: string },
  ): Promise<boolean> {
    const ctx = tenantContext(tenant);
    const by = claims.sub;
    const objections = await this.deps.notices.objections(ctx, notice.id);
    const objection = objections.find((o) => o.objectionId === objectionId);
    if (!objection) throw new ObjectionNotFoundError(objectionId);
    const task = await this.deps.tasks.get(
      ctx,
      objection.applicationId,
      objectionTaskId(objectionId),
    );
    if (objection.state !== 'open' || task?.state !== 'open') throw decidedAlready();
    const at = this.deps.clock.now().toISOString();
    const state = input.upheld ? 'upheld' : 'dismissed';
    const decided: Objection = {
      ...objection,
      state,
      decidedBy: by,
      decidedAt: at,
      comment: input.comment,
    };
    const done = (t: ReviewTask, outcome: string): ReviewTask => ({
      ...t,
      state: 'done',
      outcome,
      decidedBy: by,
      decidedAt: at,
    });
    if (!input.upheld) {
      try {
        await this.deps.notices.dismiss(ctx, decided, done(task, state));
        return true;
      } catch (error) {
        if (error instanceof TransactionRefusedError) throw decidedAlready();
        throw error;
      }
    }
    const app = (await this.deps.apps.get(ctx, objection.applicationId))?.application;
    const publicity = await this.deps.tasks.openAt(ctx, objection.applicationId, notice.stage);
    if (!app || !publicity) throw decidedAlready();
    // The entry's other open objections end with it: nothing is left to check.
    const others = objections.filter(
      (o) => o.applicationId === objection.applicationId && o.state === 'open' && o !== objection,
    );
    const otherTasks = (await this.deps.tasks.openOf(ctx, objection.applicationId)).filter(
      (t) => t.kind === 'objection' && others.some((o) => o.objectionId === t.objectionId),
    );
    const settled = await settleStage(this.deps, ctx, app, publicity, {
      outcome: 'reject',
      reason: `公示异议成立：${input.comment}`,
      actor: { sub: by, role: 'city_admin' },
      extras: {
        objections: [
          decided,
          ...others.map((o) => ({ ...o, state: 'closed' as const, decidedAt: at })),
        ],
        updateTasks: [done(task, state), ...otherTasks.map((t) => done(t, 'closed'))],
        ops: [objectionsEnded(ctx, notice.id, objection.applicationId, others.length + 1)],
      },
    });
    return settled !== undefined;
  }
}

/** The city admin's task of checking an objection, due when the notice ends. */
function objectionTask(tenant: ResolvedTenant, notice: Notice, objection: Objection): ReviewTask {
  return {
    taskId: objectionTaskId(objection.objectionId),
    tenant: tenant.id,
    programId: notice.programId,
    applicationId: objection.applicationId,
    stage: notice.stage,
    kind: 'objection',
    role: 'city_admin',
    noticeId: notice.id,
    objectionId: objection.objectionId,
    dueAt: notice.endsAt,
    state: 'open',
    createdAt: objection.at,
  };
}
