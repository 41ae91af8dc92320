/**
 * The deployment's review path on the real store (DynamoDB Local): the tick starts one
 * Step Functions execution per submission, and the stage function answers the payloads
 * the compiled state machine sends it. Step Functions itself has no local engine, so its
 * API is a recorder that can be told to fail the way the service fails.
 */
import {
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { testApp } from '@sme/api/testing';
import { stageHandler } from '@sme/functions/review-stage';
import { tick } from '@sme/functions/timer-tick';
import { ApplicationRepository, BanRepository, NoticeRepository, TaskRepository } from '@sme/store';
import {
  compileProgram,
  Publicity,
  type StateMachineNaming,
  StepFunctionsReview,
  stateName,
  type TaskState,
} from '@sme/workflow';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { OPEN_AT, PROGRAM } from '../support/qingdao.js';
import { submittedApplication } from '../support/submitted.js';

type Command = StartExecutionCommand | SendTaskSuccessCommand;

/** Step Functions' API as the engine sees it: records each call, fails when told to. */
class RecordingStepFunctions {
  readonly calls: Command[] = [];
  failNext: Error[] = [];
  async send(command: Command) {
    this.calls.push(command);
    const failure = this.failNext.shift();
    if (failure) throw failure;
    return {};
  }
  starts() {
    return this.calls.filter((c) => c instanceof StartExecutionCommand).map((c) => c.input);
  }
  releases() {
    return this.calls.filter((c) => c instanceof SendTaskSuccessCommand).map((c) => c.input);
  }
}

const naming: StateMachineNaming = {
  arnPrefix: 'arn:aws-cn:states:cn-northwest-1:000000000000:stateMachine:',
  namePrefix: 'sme-dx-test',
};

let harness: Awaited<ReturnType<typeof testApp>>;
let sfn: RecordingStepFunctions;
let review: StepFunctionsReview;
let deployed: { review: StepFunctionsReview; publicity: Publicity };

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  sfn = new RecordingStepFunctions();
  const tenants = new Map(inject('tenants').map((t) => [t.id, t]));
  const apps = new ApplicationRepository(harness.store.table);
  review = new StepFunctionsReview({
    sfn: sfn as unknown as Pick<SFNClient, 'send'>,
    tenants,
    apps,
    clock: harness.clock,
    machines: naming,
  });
  const publicity = new Publicity({
    tenants,
    apps,
    tasks: new TaskRepository(harness.store.table),
    notices: new NoticeRepository(harness.store.table),
    releaser: review,
    clock: harness.clock,
    newId: () => crypto.randomUUID(),
  });
  deployed = { review, publicity };
});

describe('the timer tick on Step Functions', () => {
  it('starts one execution per submission, named after the application, once', async () => {
    const { id } = await submittedApplication(harness.app, 501);
    expect(await tick(deployed)).toEqual({ started: 1, closed: 0 });
    expect(sfn.starts()).toEqual([
      {
        stateMachineArn: `${naming.arnPrefix}sme-dx-test-qingdao-${PROGRAM}`,
        name: id,
        input: JSON.stringify({ tenant: 'qingdao', programId: PROGRAM, applicationId: id }),
      },
    ]);
    expect(await tick(deployed)).toEqual({ started: 0, closed: 0 });
    expect(sfn.starts()).toHaveLength(1);
  });

  it('takes a run that already exists as started (a tick that failed after starting it)', async () => {
    await submittedApplication(harness.app, 502);
    sfn.failNext = [new ExecutionAlreadyExists({ message: 'exists', $metadata: {} })];
    expect(await review.pickUp()).toBe(1);
    const before = sfn.calls.length;
    expect(await review.pickUp()).toBe(0);
    expect(sfn.calls.length).toBe(before);
  });

  it('keeps a submission it could not start for the next tick, and says so', async () => {
    const { id } = await submittedApplication(harness.app, 503);
    sfn.failNext = [Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })];
    await expect(tick(deployed)).rejects.toThrow(/timer tick failed/);
    expect(await review.pickUp()).toBe(1);
    expect(sfn.starts().filter((s) => s.name === id)).toHaveLength(2);
  });
});

describe('the review stage function', () => {
  const tenants = () => new Map(inject('tenants').map((t) => [t.id, t]));
  const handler = () =>
    stageHandler({
      review,
      reviewDeps: {
        tenants: tenants(),
        apps: new ApplicationRepository(harness.store.table),
        bans: new BanRepository(harness.store.table),
        tasks: new TaskRepository(harness.store.table),
        clock: harness.clock,
      },
    });

  /** The Lambda payload of a stage's Task state, as Step Functions fills it in. */
  function payloadOf(stage: string, applicationId: string, taskToken?: string) {
    const program = inject('tenants')
      .find((t) => t.id === 'qingdao')
      ?.programs.find((p) => p.id === PROGRAM);
    if (!program) throw new Error('qingdao program missing');
    const state = compileProgram('qingdao', program).States[stateName.stage(stage)] as TaskState;
    const template = (state.Parameters as { Payload: Record<string, string> }).Payload;
    const input = { tenant: 'qingdao', programId: PROGRAM, applicationId };
    return Object.fromEntries(
      Object.entries(template).flatMap(([key, value]) => {
        if (key === 'taskToken.$') return taskToken ? [['taskToken', taskToken]] : [];
        if (key.endsWith('.$')) {
          const field = value.slice(2) as keyof typeof input;
          return [[key.slice(0, -2), input[field]]];
        }
        return [[key, value]];
      }),
    );
  }

  it('screens at once, opens the district task with its token, and releases it once decided', async () => {
    const { id } = await submittedApplication(harness.app, 504, 'laoshan');
    const stages = handler();
    expect(await stages(payloadOf('screening', id))).toEqual({ outcome: 'pass' });

    expect(await stages(payloadOf('district-review', id, 'token-1'))).toEqual({ waiting: true });
    // Lambda retried by Step Functions: the task stands, with the new token; no second task.
    expect(await stages(payloadOf('district-review', id, 'token-2'))).toEqual({ waiting: true });
    const reviewer = await ApiClient.signIn(harness.app, {
      role: 'district_reviewer',
      tenant: 'qingdao',
      region: 'laoshan',
    });
    const tasks = (
      await reviewer.get<{ items: { applicationId: string }[] }>('/api/tenants/qingdao/tasks')
    ).body.items.filter((t) => t.applicationId === id);
    expect(tasks).toHaveLength(1);

    const decided = await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '材料真实完整，同意推荐。',
    });
    expect(decided.status).toBe(200);
    // Invoked again after the decision: it answers the decision and releases the token.
    expect(await stages(payloadOf('district-review', id, 'token-3'))).toEqual({ outcome: 'pass' });
    expect(sfn.releases().at(-1)).toEqual({
      taskToken: 'token-3',
      output: JSON.stringify({ outcome: 'pass' }),
    });
  });

  it('refuses a payload the state machine would never send', async () => {
    await expect(handler()({ tenant: 'qingdao', stage: 'screening' })).rejects.toThrow();
    expect(sfn.calls.filter((c) => c instanceof SendTaskSuccessCommand)).toHaveLength(1);
  });
});
