/**
 * Compiles a program's review stages into one state machine, in the order the notice
 * gives them. Every stage is a Task; stages that wait for people (a decision, a panel,
 * the end of publicity) are callback tasks whose token the stage handler stores, so
 * business time never sits in a Wait state and the same definition runs on AWS and on
 * the local executor. A "return for correction" waits for the resubmission and then
 * re-enters the stage that returned the application.
 *
 * Task resources are `${…}` placeholders: CDK substitutes partition-aware ARNs, the
 * local executor binds the states to handlers.
 */
import { kindOf, type Outcome, type Program, type Stage } from '@sme/core';
import type { ChoiceState, State, StateMachineDefinition, TaskState } from './asl.js';

export type { Outcome };

/**
 * What ends a waiting run besides a decision: the application left review (withdrawn),
 * so the run stops at `Ended` without touching it.
 */
export const ENDED = 'ended';

/** What a waiting point of a run is released with. */
export type RunOutcome = Outcome | typeof ENDED;

/** Placeholders in the definition, substituted at deploy time. */
export const SUBSTITUTIONS = {
  /** Invoke the stage function and wait for its answer. */
  invoke: 'StageInvokeResource',
  /** Invoke the stage function and wait for a callback with the task token. */
  invokeAndWait: 'StageInvokeWaitResource',
  /** The stage task function. */
  stageFunction: 'StageFunctionName',
} as const;

/** `${name}`: a definition substitution, as Step Functions and CDK write them. */
export const placeholder = (name: string) => `\${${name}}`;

/** A year: only a backstop, since deadlines are enforced by timers on business time. */
const WAIT_TIMEOUT_SECONDS = 365 * 24 * 60 * 60;

/**
 * Lambda's own transient failures are retried, for waiting stages too: the stage handler
 * is idempotent (a stage already entered or decided is recognised), so a retry never
 * opens a second task.
 */
const LAMBDA_RETRY: NonNullable<TaskState['Retry']> = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.TooManyRequestsException',
      'Lambda.SdkClientException',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 5,
    BackoffRate: 2,
  },
];

export const stateName = {
  stage: (id: string) => `Stage_${id}`,
  route: (id: string) => `Route_${id}`,
  awaitResubmission: (id: string) => `AwaitResubmission_${id}`,
  listed: 'Listed',
  rejected: 'Rejected',
  ended: 'Ended',
  unexpected: 'UnexpectedOutcome',
} as const;

/** Whether a stage waits for people (a callback) rather than deciding at once. */
export function waitsForPeople(stage: Stage): boolean {
  return kindOf(stage).waits;
}

/** The outcomes a stage may have, as its kind and configuration allow. */
export function outcomesOf(stage: Stage): Outcome[] {
  return [...kindOf(stage).outcomes(stage)];
}

function payload(stage: Pick<Stage, 'id' | 'kind'>, kind: string, withToken: boolean) {
  return {
    FunctionName: placeholder(SUBSTITUTIONS.stageFunction),
    Payload: {
      'tenant.$': '$.tenant',
      'programId.$': '$.programId',
      'applicationId.$': '$.applicationId',
      stage: stage.id,
      kind,
      ...(withToken && { 'taskToken.$': '$$.Task.Token' }),
    },
  };
}

function stageTask(stage: Stage): TaskState {
  const waits = waitsForPeople(stage);
  return {
    Type: 'Task',
    Comment: `${stage.name.zh} / ${stage.name.en} (${stage.source})`,
    Resource: placeholder(waits ? SUBSTITUTIONS.invokeAndWait : SUBSTITUTIONS.invoke),
    Parameters: payload(stage, stage.kind, waits),
    // A callback answers with { outcome }; a direct invocation wraps it in Payload.
    ...(!waits && { ResultSelector: { 'outcome.$': '$.Payload.outcome' } }),
    ResultPath: '$.result',
    ...(waits && { TimeoutSeconds: WAIT_TIMEOUT_SECONDS }),
    Retry: LAMBDA_RETRY,
    Next: stateName.route(stage.id),
  };
}

function route(stage: Stage, next: string): ChoiceState {
  const targets: Record<Outcome, string> = {
    pass: next,
    return: stateName.awaitResubmission(stage.id),
    reject: stateName.rejected,
  };
  return {
    Type: 'Choice',
    Choices: [
      ...outcomesOf(stage).map((outcome) => ({
        Variable: '$.result.outcome',
        StringEquals: outcome,
        Next: targets[outcome],
      })),
      { Variable: '$.result.outcome', StringEquals: ENDED, Next: stateName.ended },
    ],
    Default: stateName.unexpected,
  };
}

function awaitResubmission(stage: Stage): TaskState {
  return {
    Type: 'Task',
    Comment: `等待更正后重新提交 / waiting for the corrected application (${stage.id})`,
    Resource: placeholder(SUBSTITUTIONS.invokeAndWait),
    Parameters: payload(stage, 'resubmission', true),
    ResultPath: '$.result',
    TimeoutSeconds: WAIT_TIMEOUT_SECONDS,
    Retry: LAMBDA_RETRY,
    Next: stateName.stage(stage.id),
  };
}

/** The state machine of one program. Input: `{ tenant, programId, applicationId }`. */
export function compileProgram(tenant: string, program: Program): StateMachineDefinition {
  const states: Record<string, State> = {};
  program.stages.forEach((stage, index) => {
    const following = program.stages[index + 1];
    const next = following ? stateName.stage(following.id) : stateName.listed;
    states[stateName.stage(stage.id)] = stageTask(stage);
    states[stateName.route(stage.id)] = route(stage, next);
    if (outcomesOf(stage).includes('return'))
      states[stateName.awaitResubmission(stage.id)] = awaitResubmission(stage);
  });
  states[stateName.listed] = { Type: 'Succeed', Comment: '列入资源池 / listed' };
  // Only a program that can reject has the state (an unreachable state is invalid ASL).
  if (program.stages.some((stage) => outcomesOf(stage).includes('reject')))
    states[stateName.rejected] = { Type: 'Succeed', Comment: '未通过 / rejected' };
  states[stateName.ended] = {
    Type: 'Succeed',
    Comment: '申报已撤回，审核终止 / the application left review (withdrawn)',
  };
  states[stateName.unexpected] = {
    Type: 'Fail',
    Comment: 'A stage answered with an outcome its configuration does not allow',
    Error: 'UnexpectedOutcome',
    Cause: 'The stage handler returned an outcome outside the stage’s outcomes',
  };
  const first = program.stages[0];
  if (!first) throw new RangeError(`program ${program.id} has no stages`);
  return {
    Comment: `${tenant}/${program.id}: ${program.title.zh} / ${program.title.en}`,
    StartAt: stateName.stage(first.id),
    States: states,
  };
}

/** Replaces `${name}` placeholders with values (what CDK's DefinitionSubstitutions does). */
export function substitute(
  definition: StateMachineDefinition,
  values: Record<string, string>,
): StateMachineDefinition {
  const text = JSON.stringify(definition).replace(
    /\$\{(\w+)\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
  return JSON.parse(text) as StateMachineDefinition;
}
