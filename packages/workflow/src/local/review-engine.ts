/**
 * The local stack's review: takes up submitted applications (their hand-off records),
 * runs each on its program's compiled state machine with the local executor, and after
 * a restart resumes every application under review at the stage it records, so no
 * review is lost or run twice.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, ResolvedTenant } from '@sme/core';
import { type ApplicationRepository, tenantContext } from '@sme/store';
import type { StateMachineDefinition } from '../compile/asl.js';
import { compileProgram, type RunOutcome, stateName } from '../compile/compile-program.js';
import type { StageHandler } from '../ports/stage-handler.js';
import type { TaskReleaser } from '../ports/task-releaser.js';
import { LocalExecutor } from './local-executor.js';

export interface LocalReviewDeps {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  /** Where hand-offs wait and where a restart finds the applications in review. */
  apps: ApplicationRepository;
  clock: Clock;
  /** What each stage does to an application (the platform's). */
  stages: StageHandler;
}

export class LocalReviewEngine implements TaskReleaser {
  private readonly executor: LocalExecutor;
  private readonly definitions = new Map<string, StateMachineDefinition>();
  private readonly running = new Set<string>();

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

  private start(
    tenant: ResolvedTenant,
    programId: string,
    applicationId: string,
    startAt?: string,
  ): void {
    if (this.running.has(applicationId)) return;
    this.running.add(applicationId);
    const input = { tenant: tenant.id, programId, applicationId };
    const runId = `${applicationId}:${randomUUID().slice(0, 8)}`;
    this.executor
      .run(this.definition(tenant, programId), input, { runId, ...(startAt && { startAt }) })
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
  }

  /** Starts review for every submission handed off since the last call; how many started. */
  async pickUp(): Promise<number> {
    let started = 0;
    for (const tenant of this.deps.tenants.values()) {
      const ctx = tenantContext(tenant);
      for (const handoff of await this.deps.apps.pendingHandoffs(ctx)) {
        await this.deps.apps.handoffStarted(ctx, handoff, this.deps.clock.now().toISOString());
        this.start(tenant, handoff.programId, handoff.applicationId);
        started += 1;
      }
    }
    return started;
  }

  /** After a restart: every application in review continues at the stage it records. */
  async resume(): Promise<number> {
    let resumed = 0;
    for (const tenant of this.deps.tenants.values()) {
      const ctx = tenantContext(tenant);
      for (const program of tenant.programs) {
        for (const status of ['submitted', 'in_review', 'returned', 'publicity'] as const) {
          let cursor: string | undefined;
          do {
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
              this.start(tenant, program.id, app.id, startAt);
              resumed += 1;
            }
            cursor = page.next;
          } while (cursor);
        }
      }
    }
    return resumed;
  }

  release(token: string, outcome: RunOutcome): Promise<boolean> {
    return Promise.resolve(this.executor.release(token, outcome));
  }

  /** Resolves once every review waits for a person or has ended. */
  settled(): Promise<void> {
    return this.executor.settled();
  }

  stop(): void {
    this.executor.stop();
  }
}
