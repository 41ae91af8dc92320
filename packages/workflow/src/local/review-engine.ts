/**
 * The local stack's review: takes up submitted applications (their hand-off records),
 * runs each on its program's compiled state machine with the local executor, and after
 * a restart resumes every application under review at the stage it records, so no
 * review is lost or run twice.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, ResolvedTenant } from '@sme/core';
import { type ApplicationRepository, type ReviewOutbox, tenantContext } from '@sme/store';
import pMap from 'p-map';
import type { StateMachineDefinition } from '../compile/asl.js';
import { compileProgram, type RunOutcome, stateName } from '../compile/compile-program.js';
import { type IntakeLimits, takeUpHandoffs } from '../intake/take-up-handoffs.js';
import type { StageHandler } from '../ports/stage-handler.js';
import type { TaskReleaser } from '../ports/task-releaser.js';
import { LocalExecutor } from './local-executor.js';

export interface LocalReviewDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  /** Where a restart finds the applications in review. */
  apps: ApplicationRepository;
  /** Where hand-offs wait to be taken up. */
  outbox: ReviewOutbox;
  clock: Clock;
  /** What each stage does to an application (the platform's). */
  stages: StageHandler;
  /** Runs resumed at once after a restart (default 8). */
  resumeConcurrency?: number;
  /** How much each tick takes up (default `INTAKE_LIMITS`). */
  limits?: IntakeLimits;
}

export interface ResumeProgress {
  done: number;
  of: number;
}

interface ResumableRun {
  tenant: ResolvedTenant;
  programId: string;
  applicationId: string;
  startAt: string | undefined;
}

/**
 * Enough to keep both cores busy with the runs' reads and writes, few enough that a
 * request arriving meanwhile waits behind a handful of them, not thousands.
 */
const RESUME_CONCURRENCY = 8;

export class LocalReviewEngine implements TaskReleaser {
  private readonly executor: LocalExecutor;
  private readonly definitions = new Map<string, StateMachineDefinition>();
  private readonly running = new Set<string>();
  private progress: ResumeProgress | undefined;
  private stopped = false;

  constructor(private readonly deps: LocalReviewDeps) {
    this.executor = new LocalExecutor(deps.stages);
  }

  private definition(tenant: ResolvedTenant, programId: string): StateMachineDefinition {
    const key = `${tenant.id}/${programId}`;
    let definition = this.definitions.get(key);
    if (!definition) {
      const program = tenant.programs.find((p) => p.id === programId);
      if (!program) throw new Error(`unknown program ${key}`);
      definition = compileProgram(tenant.id, program);
      this.definitions.set(key, definition);
    }
    return definition;
  }

  /**
   * Starts a run unless one is running for the application already; resolves once it
   * waits for a person or has ended (at once when it was running already).
   */
  private start(
    tenant: ResolvedTenant,
    programId: string,
    applicationId: string,
    startAt?: string,
  ): Promise<void> {
    if (this.running.has(applicationId) || this.stopped) return Promise.resolve();
    this.running.add(applicationId);
    const input = { tenant: tenant.id, programId, applicationId };
    const runId = `${applicationId}:${randomUUID().slice(0, 8)}`;
    let onParked!: () => void;
    const parked = new Promise<void>((resolve) => {
      onParked = resolve;
    });
    this.executor
      .run(this.definition(tenant, programId), input, {
        runId,
        onParked,
        ...(startAt && { startAt }),
      })
      .catch((error: unknown) => {
        if ((error as Error).name === 'ExecutionAbortedError' || String(error).includes('stopped'))
          return;
        console.error(
          JSON.stringify({
            level: 'error',
            msg: 'review run failed',
            applicationId,
            error: String(error),
          }),
        );
      })
      .finally(() => this.running.delete(applicationId));
    return parked;
  }

  /** Starts review for every submission handed off since the last call; how many started. */
  async pickUp(): Promise<number> {
    const { started, failures } = await takeUpHandoffs(this.deps, async (tenant, ctx, handoff) => {
      await this.deps.outbox.handoffStarted(ctx, handoff, this.deps.clock.now().toISOString());
      // Not awaited: the run goes on once taken up, and intake goes on to the next.
      void this.start(tenant, handoff.programId, handoff.applicationId);
    });
    if (failures.length > 0) throw new AggregateError(failures, 'hand-offs not taken up');
    return started;
  }

  /**
   * Runs being resumed after a restart, while they are: `of` counts those found so far,
   * `done` those that wait for a person again (or have ended). Undefined otherwise.
   */
  get resuming(): ResumeProgress | undefined {
    return this.progress && { ...this.progress };
  }

  /**
   * After a restart: every application in review continues at the stage it records.
   * Meant to run in the background while the stack already serves: the applications
   * are listed first, then resumed a few at a time (each reads and writes its task
   * before it waits), so requests keep being answered. Resolves with how many resumed.
   */
  async resume(): Promise<number> {
    const progress: ResumeProgress = { done: 0, of: 0 };
    this.progress = progress;
    try {
      const found = await this.inReview(progress);
      await pMap(
        found,
        async (run) => {
          if (this.stopped) return;
          await this.start(run.tenant, run.programId, run.applicationId, run.startAt);
          progress.done += 1;
        },
        { concurrency: this.deps.resumeConcurrency ?? RESUME_CONCURRENCY },
      );
      return progress.done;
    } finally {
      this.progress = undefined;
    }
  }

  /** Every application in review, with the state its run continues at. */
  private async inReview(progress: ResumeProgress): Promise<ResumableRun[]> {
    const found: ResumableRun[] = [];
    for (const tenant of this.deps.tenants.values()) {
      const ctx = tenantContext(tenant);
      for (const program of tenant.programs) {
        for (const status of ['submitted', 'in_review', 'returned', 'publicity'] as const) {
          let cursor: string | undefined;
          do {
            if (this.stopped) return found;
            const page = await this.deps.apps.list(
              ctx,
              { programId: program.id, status },
              { cursor, limit: 100 },
            );
            for (const app of page.items) {
              const startAt =
                status === 'submitted' || !app.stage
                  ? undefined
                  : status === 'returned'
                    ? stateName.awaitResubmission(app.stage)
                    : stateName.stage(app.stage);
              found.push({ tenant, programId: program.id, applicationId: app.id, startAt });
            }
            progress.of = found.length;
            cursor = page.next;
          } while (cursor);
        }
      }
    }
    return found;
  }

  release(token: string, outcome: RunOutcome): Promise<boolean> {
    return Promise.resolve(this.executor.release(token, outcome));
  }

  /** Resolves once every review waits for a person or has ended. */
  settled(): Promise<void> {
    return this.executor.settled();
  }

  /** Ends every run and resumes no more. */
  stop(): void {
    this.stopped = true;
    this.executor.stop();
  }
}
