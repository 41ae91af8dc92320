/**
 * Submitting an application: idempotent per `Idempotency-Key`, the window checked
 * first on the injected clock, then completeness. The submission, its history event,
 * the counters, the organization's claims, the idempotency record and the hand-off to
 * review are one transaction, so a crash between them cannot lose the hand-off or
 * record a submission twice.
 */
import { createHash } from 'node:crypto';
import {
  type Application,
  type ApplicationStatus,
  assertTransition,
  BusyError,
  canTransition,
  checkSubmission,
  EntryRuleError,
  formatShanghai,
  IncompleteError,
  type ResolvedTenant,
  recordChange,
} from '@sme/core';
import {
  idempotencyRecordKey,
  storedAnswerIn,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { withBackoff } from '../cases/backoff.js';
import { sendRelease } from '../review/send-release.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { duplicateViolation } from './application-commands.js';
import { claimsFor } from './entity-claims.js';
import {
  assertApplicationId,
  assertDraftWindow,
  assertNoBan,
  loadForOwner,
  type Services,
} from './services.js';

export interface SubmitResult {
  id: string;
  status: ApplicationStatus;
  submittedAt?: string;
}

/** How long a replayed key answers with the stored result. */
const IDEMPOTENCY_SECONDS = 24 * 60 * 60;
/** Keys are the client's; hashed so any string is safe in a table key. */
function idempotencyKey(appId: string, claims: Claims, key: string): string {
  return `submit:${appId}:${createHash('sha256').update(`${claims.sub}\n${key}`).digest('hex')}`;
}

/** A read older than the stored answer of the same key: its twin wrote meanwhile. */
class StaleReadError extends Error {}

/** What a submit answers about an application as it stands. */
const currentState = (app: Application): SubmitResult => ({
  id: app.id,
  status: app.status,
  ...(app.submittedAt && { submittedAt: formatShanghai(new Date(app.submittedAt)) }),
});

export class Submission {
  constructor(private readonly services: Services) {}

  /**
   * Tried again, after a backoff, whenever the transaction met another write (the
   * application changed meanwhile, or a hot counter) or the read was older than this
   * key's stored answer: each round reads again, so the state decides. Gives up with
   * `409 busy`, having written nothing.
   */
  submit(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    key: string | undefined,
  ): Promise<SubmitResult> {
    const idem = key ? idempotencyKey(id, claims, key) : undefined;
    return withBackoff(this.services.backoff, () => this.once(tenant, claims, id, idem), {
      retryable: (error) =>
        error instanceof TransactionRefusedError || error instanceof StaleReadError,
      giveUp: (error) => new BusyError({ cause: error }),
    });
  }

  /** One round: at most three calls (the batch read, the documents, the transaction). */
  private async once(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    idem: string | undefined,
  ): Promise<SubmitResult> {
    const { apps, clock } = this.services;
    const ctx = tenantContext(tenant);
    assertApplicationId(id); // before its keys are made
    const { record, items, standing } = await loadForOwner(this.services, tenant, claims, id, [
      // A corrected application's resubmission task, read by its key.
      this.services.tasks.waitingKey(ctx, id),
      ...(idem ? [idempotencyRecordKey(ctx, idem)] : []),
    ]);
    const app = record.application;
    if (idem) {
      let stored = storedAnswerIn(ctx, idem, items);
      // A batch read is not isolated from a transaction: it may see the twin's
      // submission but not yet its record. Seen submitted, the record is there now.
      if (!stored && !canTransition(app.status, 'submitted'))
        stored = await apps.idempotentResponse(ctx, idem);
      // A replay answers what the first call did, unless the application moved on since:
      // then it answers how it stands now, never a stale body. A read older than the
      // stored answer (its twin wrote meanwhile) is simply read again.
      if (stored && stored.version === app.version) return stored.response as SubmitResult;
      if (stored && app.version > stored.version) return currentState(app);
      if (stored) throw new StaleReadError();
    }

    const program = programOf(tenant, app.programId);
    const now = clock.now();
    assertDraftWindow(program, app, now);
    assertTransition(app.status, 'submitted');
    assertNoBan((await standing(now)).ban);

    const region = tenant.regions.find((r) => r.id === app.org.region);
    const check = checkSubmission(program, app, record.documents, region);
    if (check.violations.length > 0) throw new IncompleteError(check.violations);

    // A corrected application goes back to the review that returned it.
    const resubmission =
      app.status === 'returned' && app.stage
        ? await this.services.tasks.waitingIn(ctx, app.id, app.stage, items)
        : undefined;
    const at = now.toISOString();
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: resubmission ? '更正后重新提交 / resubmitted' : '提交申报 / submitted',
      next: {
        ...app,
        status: 'submitted',
        version: app.version + 1,
        updatedAt: at,
        submittedAt: at,
        ...(resubmission && {
          decision: {
            stage: resubmission.stage,
            kind: 'resubmission',
            outcome: 'pass' as const,
            by: claims.sub,
            at,
          },
        }),
      },
    });
    const result: SubmitResult = currentState(next);
    // The first submission takes the organization's claims; a resubmission holds them.
    const claimed = app.status === 'draft' ? claimsFor(program, app) : [];
    try {
      await apps.update(ctx, app, next, event, {
        claims: claimed,
        ...(resubmission
          ? {
              updateTasks: [
                {
                  ...resubmission,
                  state: 'done' as const,
                  outcome: 'pass',
                  decidedBy: claims.sub,
                  decidedAt: at,
                },
              ],
            }
          : { handoff: true }),
        flags: check.flags,
        ...(idem && {
          idempotency: {
            key: idem,
            response: result,
            expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_SECONDS,
          },
        }),
      });
    } catch (error) {
      // The transaction's claim refused it: another application of the organization
      // holds the claim, a duplicate (a rule, not a conflict to retry).
      if (
        error instanceof TransactionRefusedError &&
        claimed.length > 0 &&
        error.conditionFailedOn((key) => key.sk.startsWith('CLAIM#'))
      )
        throw new EntryRuleError([duplicateViolation(program)]);
      throw error;
    }
    if (resubmission?.token) {
      await sendRelease(this.services, ctx, {
        applicationId: app.id,
        taskId: resubmission.taskId,
        token: resubmission.token,
        outcome: 'pass',
        at,
      });
    }
    return result;
  }
}
