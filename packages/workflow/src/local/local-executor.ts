/**
 * Runs compiled state machines in-process with aws-local-stepfunctions: the same
 * definition Step Functions runs, with its Task states bound to a `StageHandler`.
 *
 * A callback task waits on a promise that `release(token, outcome)` settles, which is
 * what SendTaskSuccess does on AWS. The library never sets `$$.Task.Token`, so a run
 * gets one token in its context and each wait derives its own from it (run, stage,
 * attempt).
 */
import './promise-with-resolvers.js';
import { StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineDefinition } from '../compile/asl.js';
import { type RunOutcome, SUBSTITUTIONS, substitute } from '../compile/compile-program.js';
import type { StageHandler, StageInput } from '../ports/stage-handler.js';

/** Node's timers hold at most 2^31-1 ms; a longer task timeout would fire at once. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

interface Waiting {
  resolve(value: { outcome: RunOutcome }): void;
  reject(reason: Error): void;
}

export class ExecutorStoppedError extends Error {
  override readonly name = 'ExecutorStoppedError';
}

/**
 * The resources the local run names. Its Task states run local handlers whatever they
 * say, but the library checks that they look like Step Functions integrations.
 */
const LOCAL_SUBSTITUTIONS = {
  [SUBSTITUTIONS.invoke]: 'arn:aws:states:::lambda:invoke',
  [SUBSTITUTIONS.invokeAndWait]: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  [SUBSTITUTIONS.stageFunction]: 'local-stage-handler',
};

/**
 * The definition as the local executor runs it: placeholders substituted, task timeouts
 * within Node's limit, and optionally a recorded stage to start at.
 */
export function forLocalRun(
  definition: StateMachineDefinition,
  startAt?: string,
): StateMachineDefinition {
  const substituted = substitute(definition, LOCAL_SUBSTITUTIONS);
  const states = Object.fromEntries(
    Object.entries(substituted.States).map(([name, state]) => [
      name,
      state.Type === 'Task' && state.TimeoutSeconds && state.TimeoutSeconds > MAX_TIMEOUT_SECONDS
        ? { ...state, TimeoutSeconds: MAX_TIMEOUT_SECONDS }
        : state,
    ]),
  );
  if (startAt && !states[startAt]) throw new RangeError(`no state ${startAt} to resume at`);
  return { ...substituted, StartAt: startAt ?? substituted.StartAt, States: states };
}

/** A machine built for one definition and start, with the names of its Task states. */
interface BuiltMachine {
  machine: StateMachine;
  tasks: string[];
}

export class LocalExecutor {
  private readonly waiting = new Map<string, Waiting>();
  /**
   * Each definition's machines, by the state they start at: building one validates the
   * whole definition (120–250 ms of CPU), which a burst of submissions or a restart
   * resuming thousands of runs must not pay per run. A run's own state (its token, its
   * attempts, its handlers) is passed to `run`, so one machine serves every run.
   */
  private readonly machines = new WeakMap<StateMachineDefinition, Map<string, BuiltMachine>>();
  /** How many machines were built: what the cache saves is observable. */
  built = 0;
  private readonly aborts = new Set<() => void>();
  /** Runs moving between waiting points (started or released, not yet waiting or done). */
  private busy = 0;
  private idle: (() => void)[] = [];

  private enter(): void {
    this.busy += 1;
  }

  private leave(): void {
    this.busy -= 1;
    if (this.busy === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves once every run waits for a person or has ended (tests, shutdown). */
  settled(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  constructor(private readonly handler: StageHandler) {}

  /**
   * Starts a run (or resumes one at `startAt`, the state an application records).
   * Resolves with the run's final output when it ends. `onParked` is called once, when
   * the run first waits for a person or ends, whichever comes first: what a caller
   * pacing many starts (a restart resuming thousands) waits for.
   */
  run(
    definition: StateMachineDefinition,
    input: Omit<StageInput, 'stage' | 'kind'>,
    options: { runId: string; startAt?: string; onParked?: () => void },
  ): Promise<unknown> {
    const { machine, tasks } = this.machineFor(definition, options.startAt);
    const attempts = new Map<string, number>();
    let onParked = options.onParked;
    const parked = () => {
      const call = onParked;
      onParked = undefined;
      call?.();
    };
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const name of tasks)
      handlers[name] = (taskInput) => this.runTask(taskInput, options.runId, attempts, parked);
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: { Task: { Token: options.runId } } as never,
    });
    this.enter();
    this.aborts.add(execution.abort);
    return execution.result.finally(() => {
      this.aborts.delete(execution.abort);
      this.leave();
      parked();
    });
  }

  private machineFor(definition: StateMachineDefinition, startAt: string | undefined) {
    let byStart = this.machines.get(definition);
    if (!byStart) {
      byStart = new Map();
      this.machines.set(definition, byStart);
    }
    const key = startAt ?? '';
    const known = byStart.get(key);
    if (known) return known;
    const local = forLocalRun(definition, startAt);
    const built: BuiltMachine = {
      machine: new StateMachine(local as never, {
        validationOptions: { checkArn: false, checkPaths: false },
      }),
      tasks: Object.entries(local.States)
        .filter(([, state]) => state.Type === 'Task')
        .map(([name]) => name),
    };
    byStart.set(key, built);
    this.built += 1;
    return built;
  }

  private async runTask(
    taskInput: unknown,
    runId: string,
    attempts: Map<string, number>,
    parked: () => void,
  ) {
    const payload = (taskInput as { Payload: StageInput & { taskToken?: string } }).Payload;
    const { taskToken, ...stageInput } = payload;
    if (taskToken === undefined) {
      return { Payload: { outcome: await this.handler.decide(stageInput) } };
    }
    const key = `${stageInput.kind}:${stageInput.stage}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const token = `${runId}:${key}:${attempt}`;
    const outcome = new Promise<{ outcome: RunOutcome }>((resolve, reject) =>
      this.waiting.set(token, { resolve, reject }),
    );
    // `stop` rejects a waiting task after aborting its run, when the library no longer
    // awaits it: marked handled here, so a stop never ends the process with an unhandled
    // rejection (the run's own promise still reports the stop to whoever started it).
    outcome.catch(() => undefined);
    try {
      const decided = await this.handler.begin({ ...stageInput, taskToken: token });
      this.leave();
      if (decided) this.release(token, decided);
      else parked();
    } catch (error) {
      // The run fails from here: it stays moving until it ends.
      this.waiting.delete(token);
      throw error;
    }
    return outcome;
  }

  /** Settles a waiting task (SendTaskSuccess); false when no run waits on the token. */
  release(token: string, outcome: RunOutcome): boolean {
    const waiting = this.waiting.get(token);
    if (!waiting) return false;
    this.waiting.delete(token);
    this.enter();
    waiting.resolve({ outcome });
    return true;
  }

  /** Tokens runs are waiting on now. */
  get waitingTokens(): string[] {
    return [...this.waiting.keys()];
  }

  /** Ends every run: waiting tasks are settled with an error so their timers clear. */
  stop(): void {
    for (const [token, waiting] of this.waiting) {
      this.enter();
      waiting.reject(new ExecutorStoppedError(`stopped while waiting on ${token}`));
    }
    this.waiting.clear();
    for (const abort of this.aborts) abort();
    this.aborts.clear();
  }
}
