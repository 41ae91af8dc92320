/**
 * The deployment's review engine: each program's compiled state machine runs on Step
 * Functions. The timer tick starts a review for every submission handed off since the
 * last tick; a decision releases the waiting task with SendTaskSuccess.
 *
 * An application has at most one review execution, ever: the execution is named after
 * the application, and Step Functions refuses a second run of the same name, so a tick
 * that crashes after starting a run and retries starts nothing new.
 */
import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { Clock, ResolvedTenant } from '@sme/core';
import type { ReviewOutbox } from '@sme/store';
import type { RunOutcome } from '../compile/compile-program.js';
import { type IntakeLimits, takeUpHandoffs } from '../intake/take-up-handoffs.js';
import type { TaskReleaser } from '../ports/task-releaser.js';
import { type StateMachineNaming, stateMachineArn } from './state-machine-name.js';

export interface StepFunctionsReviewDeps {
  sfn: Pick<SFNClient, 'send'>;
  tenants: ReadonlyMap<string, ResolvedTenant>;
  /** Where hand-offs wait to be taken up. */
  outbox: ReviewOutbox;
  clock: Clock;
  /** Where the deployment's state machines are. */
  machines: StateMachineNaming;
  /** How much each tick takes up (default `INTAKE_LIMITS`). */
  limits?: IntakeLimits;
}

/** Execution names allow letters, digits, `-` and `_`, up to 80 characters. */
export function executionName(applicationId: string): string {
  return applicationId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

export class StepFunctionsReview implements TaskReleaser {
  constructor(private readonly deps: StepFunctionsReviewDeps) {}

  /**
   * Starts review for the pending hand-offs of every tenant (`takeUpHandoffs`); how many
   * started. One hand-off that cannot start does not hold back the others listed with
   * it: all are tried, then the failures are thrown together so the tick's error alarm
   * sees them, and the next tick tries them again.
   */
  async pickUp(): Promise<number> {
    const { started, failures } = await takeUpHandoffs(this.deps, async (tenant, ctx, handoff) => {
      await this.start(tenant.id, handoff.programId, handoff.applicationId);
      await this.deps.outbox.handoffStarted(ctx, handoff, this.deps.clock.now().toISOString());
    });
    if (failures.length > 0) {
      throw new AggregateError(failures, `${failures.length} review(s) could not start`);
    }
    return started;
  }

  private async start(tenant: string, programId: string, applicationId: string): Promise<void> {
    try {
      await this.deps.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: stateMachineArn(this.deps.machines, tenant, programId),
          name: executionName(applicationId),
          input: JSON.stringify({ tenant, programId, applicationId }),
        }),
      );
    } catch (error) {
      // Already started by an earlier tick that failed before recording it.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  /**
   * SendTaskSuccess; false when no execution waits on the token (already released, timed
   * out, or not a token of this account), so a pending release is not retried forever.
   */
  async release(token: string, outcome: RunOutcome): Promise<boolean> {
    try {
      await this.deps.sfn.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ outcome }) }),
      );
      return true;
    } catch (error) {
      if (
        error instanceof TaskDoesNotExist ||
        error instanceof TaskTimedOut ||
        error instanceof InvalidToken
      ) {
        return false;
      }
      throw error;
    }
  }
}
