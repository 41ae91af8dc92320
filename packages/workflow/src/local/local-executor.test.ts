import type { ResolvedTenant } from '@sme/core';
import { describe, expect, inject, it } from 'vitest';
import { compileProgram, type Outcome, stateName } from '../compile/compile-program.js';
import type { StageHandler, StageInput } from '../ports/stage-handler.js';
import { forLocalRun, LocalExecutor } from './local-executor.js';

const qingdao = inject('tenants').find((t: ResolvedTenant) => t.id === 'qingdao')!;
const definition = compileProgram('qingdao', qingdao.programs[0]!);
const input = { tenant: 'qingdao', programId: 'dx-providers-2024', applicationId: 'app-1' };

/** Records every stage the machine reaches; waiting stages are handed to the test. */
function recordingHandler(decisions: Partial<Record<string, Outcome>> = {}) {
  const calls: string[] = [];
  const begun: (StageInput & { taskToken: string })[] = [];
  let notify: (() => void) | undefined;
  const handler: StageHandler = {
    async decide(stage) {
      calls.push(`decide ${stage.stage}`);
      return decisions[stage.stage] ?? 'pass';
    },
    async begin(stage) {
      calls.push(`begin ${stage.kind} ${stage.stage}`);
      begun.push(stage);
      notify?.();
      return undefined;
    },
  };
  /** The next waiting task, once the machine has reached it. */
  async function nextWaiting() {
    while (begun.length === 0) await new Promise<void>((resolve) => (notify = resolve));
    return begun.shift()!;
  }
  return { handler, calls, nextWaiting };
}

describe('LocalExecutor running a compiled program', () => {
  it("walks Qingdao's stages in order, waiting for a person at each callback", async () => {
    const { handler, calls, nextWaiting } = recordingHandler();
    const executor = new LocalExecutor(handler);
    const done = executor.run(definition, input, { runId: 'run-1' });
    for (const stage of ['district-review', 'expert-review', 'publicity']) {
      const waiting = await nextWaiting();
      expect(waiting).toMatchObject({
        stage,
        applicationId: 'app-1',
        taskToken: `run-1:${stage === 'district-review' ? 'manual' : stage === 'expert-review' ? 'panel' : 'publicity'}:${stage}:1`,
      });
      expect(executor.release(waiting.taskToken, 'pass')).toBe(true);
    }
    expect(await done).toMatchObject({ result: { outcome: 'pass' } });
    expect(calls).toEqual([
      'decide screening',
      'begin manual district-review',
      'begin panel expert-review',
      'begin publicity publicity',
      'decide publish',
    ]);
    expect(executor.waitingTokens).toEqual([]);
  });

  it('waits for the corrected application after a return and re-enters the stage that returned it', async () => {
    const { handler, calls, nextWaiting } = recordingHandler();
    const executor = new LocalExecutor(handler);
    const done = executor.run(definition, input, { runId: 'run-2' });
    executor.release((await nextWaiting()).taskToken, 'return');
    const resubmission = await nextWaiting();
    expect(resubmission).toMatchObject({ kind: 'resubmission', stage: 'district-review' });
    executor.release(resubmission.taskToken, 'pass');
    const again = await nextWaiting();
    expect(again.taskToken).toBe('run-2:manual:district-review:2');
    executor.release(again.taskToken, 'reject');
    expect(await done).toMatchObject({ result: { outcome: 'reject' } });
    expect(calls).toEqual([
      'decide screening',
      'begin manual district-review',
      'begin resubmission district-review',
      'begin manual district-review',
    ]);
  });

  it('resumes at the stage an application records', async () => {
    const { handler, calls, nextWaiting } = recordingHandler();
    const executor = new LocalExecutor(handler);
    const done = executor.run(definition, input, {
      runId: 'run-3',
      startAt: stateName.stage('publicity'),
    });
    executor.release((await nextWaiting()).taskToken, 'pass');
    await done;
    expect(calls).toEqual(['begin publicity publicity', 'decide publish']);
  });

  it('ends a screening that rejects without waiting for anyone', async () => {
    const { handler, calls } = recordingHandler({ screening: 'reject' });
    await new LocalExecutor(handler).run(definition, input, { runId: 'run-4' });
    expect(calls).toEqual(['decide screening']);
  });

  it('builds a machine once per definition and start, and runs many at once on it', async () => {
    const { handler, calls, nextWaiting } = recordingHandler({ screening: 'reject' });
    const executor = new LocalExecutor(handler);
    await Promise.all(
      [1, 2, 3].map((n) =>
        executor.run(definition, { ...input, applicationId: `app-${n}` }, { runId: `r-${n}` }),
      ),
    );
    expect(calls).toEqual(['decide screening', 'decide screening', 'decide screening']);
    expect(executor.built).toBe(1);
    // Resuming at a recorded stage is another machine, built once too.
    const resumed = [1, 2].map((n) =>
      executor.run(definition, input, {
        runId: `resumed-${n}`,
        startAt: stateName.stage('publicity'),
      }),
    );
    for (const _ of resumed) executor.release((await nextWaiting()).taskToken, 'pass');
    await Promise.all(resumed);
    expect(executor.built).toBe(2);
    // Each run kept its own token, though they share a machine.
    expect(calls.filter((c) => c === 'decide publish')).toHaveLength(2);
  });

  it('stops runs that are waiting, leaving no timer behind', async () => {
    const { handler, nextWaiting } = recordingHandler();
    const executor = new LocalExecutor(handler);
    const done = executor.run(definition, input, { runId: 'run-5' });
    await nextWaiting();
    executor.stop();
    await expect(done).rejects.toThrow();
    expect(executor.waitingTokens).toEqual([]);
    expect(executor.release('run-5:manual:district-review:1', 'pass')).toBe(false);
  });
});

describe('forLocalRun', () => {
  it("keeps every task timeout within Node's timer limit and can start at a recorded stage", () => {
    const local = forLocalRun(definition, stateName.stage('expert-review'));
    expect(local.StartAt).toBe('Stage_expert-review');
    for (const state of Object.values(local.States)) {
      if (state.Type === 'Task' && state.TimeoutSeconds)
        expect(state.TimeoutSeconds * 1000).toBeLessThan(2 ** 31);
    }
    expect(() => forLocalRun(definition, 'Stage_nowhere')).toThrow(RangeError);
  });
});

describe('LocalExecutor.settled', () => {
  it('resolves once the run waits for a person, and again once it ends', async () => {
    const { handler, calls } = recordingHandler();
    const executor = new LocalExecutor(handler);
    const done = executor.run(definition, input, { runId: 'run-6' });
    await executor.settled();
    expect(calls).toEqual(['decide screening', 'begin manual district-review']);
    expect(executor.release(executor.waitingTokens[0]!, 'reject')).toBe(true);
    await executor.settled();
    await done;
    expect(executor.waitingTokens).toEqual([]);
    const stopped = executor.run(definition, input, { runId: 'run-7' });
    await executor.settled();
    executor.stop();
    await expect(stopped).rejects.toThrow();
    await executor.settled();
  });
});
