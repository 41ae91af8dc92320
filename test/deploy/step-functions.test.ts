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
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { testApp } from '@sme/api/testing';
import { createDeployment, type Deployment } from '@sme/functions/deployment';
import { readEnvironment } from '@sme/functions/environment';
import { stageHandler } from '@sme/functions/review-stage';
import { tick } from '@sme/functions/timer-tick';
import { settleStage } from '@sme/platform';
import { compileProgram, stateName, type TaskState } from '@sme/workflow';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { ARN_PREFIX, functionEnvironment } from '../support/deployment.js';
import { OPEN_AT, PROGRAM, QINGDAO_CTX as QINGDAO } from '../support/qingdao.js';
import { submittedApplication } from '../support/submitted.js';

type Command = StartExecutionCommand | SendTaskSuccessCommand;

/**
 * Step Functions' API as the engine sees it: records each call, fails when told to, and
 * refuses a token already released as the service does (the task no longer exists).
 */
class RecordingStepFunctions {
  readonly calls: Command[] = [];
  failNext: Error[] = [];
  private readonly released = new Set<string>();
  async send(command: Command) {
    this.calls.push(command);
    const failure = this.failNext.shift();
    if (failure) throw failure;
    if (command instanceof SendTaskSuccessCommand) {
      const token = String(command.input.taskToken);
      if (this.released.has(token))
        throw new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} });
      this.released.add(token);
    }
    return {};
  }
  starts() {
    return this.calls.filter((c) => c instanceof StartExecutionCommand).map((c) => c.input);
  }
  releases() {
    return this.calls.filter((c) => c instanceof SendTaskSuccessCommand).map((c) => c.input);
  }
}

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

let harness: Awaited<ReturnType<typeof testApp>>;
let sfn: RecordingStepFunctions;
let deployed: Deployment;

beforeAll(async () => {
  harness = await testApp({ start: OPEN_AT });
  sfn = new RecordingStepFunctions();
  // The functions' own composition, on the test's table and business clock.
  const env = readEnvironment(functionEnvironment(harness.store.table.tableName));
  deployed = createDeployment(
    env,
    inject('tenants'),
    harness.store.clients,
    sfn as unknown as Pick<SFNClient, 'send'>,
    harness.clock,
  );
});

describe('the timer tick on Step Functions', () => {
  it('starts one execution per submission, named after the application, once', async () => {
    const { id } = await submittedApplication(harness.app, 501);
    expect(await tick(deployed)).toEqual({ started: 1, closed: 0, released: 0, deadlines: 0 });
    expect(sfn.starts()).toEqual([
      {
        stateMachineArn: `${ARN_PREFIX}sme-dx-test-qingdao-${PROGRAM}`,
        name: id,
        input: JSON.stringify({ tenant: 'qingdao', programId: PROGRAM, applicationId: id }),
      },
    ]);
    expect(await tick(deployed)).toEqual({ started: 0, closed: 0, released: 0, deadlines: 0 });
    expect(sfn.starts()).toHaveLength(1);
  });

  it('takes a run that already exists as started (a tick that failed after starting it)', async () => {
    await submittedApplication(harness.app, 502);
    sfn.failNext = [new ExecutionAlreadyExists({ message: 'exists', $metadata: {} })];
    expect(await deployed.platform.engine.pickUp()).toBe(1);
    const before = sfn.calls.length;
    expect(await deployed.platform.engine.pickUp()).toBe(0);
    expect(sfn.calls.length).toBe(before);
  });

  it('keeps a submission it could not start for the next tick, and says so', async () => {
    const { id } = await submittedApplication(harness.app, 503);
    sfn.failNext = [throttled()];
    await expect(tick(deployed)).rejects.toThrow(/timer tick failed/);
    expect(await deployed.platform.engine.pickUp()).toBe(1);
    expect(sfn.starts().filter((s) => s.name === id)).toHaveLength(2);
  });
});

describe('the review stage function', () => {
  const handler = () => stageHandler(deployed);

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

  /** The releases of one application still pending. */
  const pendingOf = async (id: string) =>
    (await deployed.platform.repositories.reviewOutbox.pendingReleases(QINGDAO)).filter(
      (r) => r.applicationId === id,
    );

  /** A minute on, the tick sends what earlier tests left pending: each test counts its own. */
  async function drainReleases() {
    harness.clock.advanceTo(new Date(harness.clock.now().getTime() + 61_000));
    await tick(deployed);
  }

  /** Waiting at the district review with `token`, then passed as the deployment decides. */
  async function passedOnStepFunctions(n: number, token: string) {
    const { id } = await submittedApplication(harness.app, n, 'laoshan');
    const stages = handler();
    await stages(payloadOf('screening', id));
    await stages(payloadOf('district-review', id, token));
    const record = await deployed.platform.repositories.apps.get(QINGDAO, id);
    const task = await deployed.platform.repositories.tasks.openAt(QINGDAO, id, 'district-review');
    if (!record || !task) throw new Error('the district task was not opened');
    const decided = await settleStage(
      {
        apps: deployed.platform.repositories.apps,
        clock: harness.clock,
        releaser: deployed.platform.engine,
      },
      QINGDAO,
      record.application,
      task,
      {
        outcome: 'pass',
        reason: '材料真实完整',
        actor: { sub: 'reviewer-1', role: 'district_reviewer' },
      },
    );
    expect(decided?.decision?.outcome).toBe('pass');
    return id;
  }

  it('sends a decision’s release at once, and the tick marks it done a minute later', async () => {
    await drainReleases();
    const id = await passedOnStepFunctions(506, 'token-c1');
    const sent = () => sfn.releases().filter((r) => r.taskToken === 'token-c1');
    // Sent by the deciding call, which wrote nothing after its transaction.
    expect(sent()).toHaveLength(1);
    expect(await pendingOf(id)).toHaveLength(1);

    expect((await tick(deployed)).released).toBe(0);
    expect(sent()).toHaveLength(1);
    harness.clock.advanceTo(new Date(harness.clock.now().getTime() + 61_000));
    // Sent again, no longer waited on (it moves no run), and marked done.
    expect((await tick(deployed)).released).toBe(0);
    expect(sent()).toHaveLength(2);
    expect(await pendingOf(id)).toEqual([]);
    expect((await tick(deployed)).released).toBe(0);
    expect(sent()).toHaveLength(2);
  });

  it('keeps a decision whose release failed, and the tick sends it after a minute', async () => {
    await drainReleases();
    sfn.failNext = [throttled()];
    const id = await passedOnStepFunctions(505, 'token-b1');
    expect(await pendingOf(id)).toEqual([
      expect.objectContaining({ applicationId: id, token: 'token-b1', outcome: 'pass' }),
    ]);

    // Within the minute the deciding request may still be sending it: left alone.
    expect((await tick(deployed)).released).toBe(0);
    harness.clock.advanceTo(new Date(harness.clock.now().getTime() + 61_000));
    expect((await tick(deployed)).released).toBe(1);
    expect(sfn.releases().at(-1)).toEqual({
      taskToken: 'token-b1',
      output: JSON.stringify({ outcome: 'pass' }),
    });
    expect(await pendingOf(id)).toEqual([]);
  });

  it('refuses a payload the state machine would never send', async () => {
    const before = sfn.calls.length;
    await expect(handler()({ tenant: 'qingdao', stage: 'screening' })).rejects.toThrow();
    expect(sfn.calls.length).toBe(before);
  });
});
