/**
 * One review stage, as a state machine's Task state invokes it (the payload the compiler
 * writes in `compileProgram`). A stage that decides at once answers its outcome; one that
 * waits for people records its task with the token and answers nothing the state
 * machine reads: the outcome arrives with SendTaskSuccess when a person decides. A
 * waiting stage found already decided (a retried invocation) releases its token at once.
 */
import type { RunOutcome } from '@sme/workflow';
import { z } from 'zod';
import { type Deployment, deployment } from './runtime/deployment.js';

const StageEventSchema = z.object({
  tenant: z.string().min(1),
  programId: z.string().min(1),
  applicationId: z.string().min(1),
  stage: z.string().min(1),
  kind: z.string().min(1),
  taskToken: z.string().min(1).optional(),
});

export type StageResult = { outcome: RunOutcome } | { waiting: true };

export function stageHandler({ platform }: Pick<Deployment, 'platform'>) {
  const { stages, engine } = platform;
  return async (event: unknown): Promise<StageResult> => {
    const { taskToken, ...input } = StageEventSchema.parse(event);
    if (taskToken === undefined) return { outcome: await stages.decide(input) };
    const decided = await stages.begin({ ...input, taskToken });
    if (decided === undefined) return { waiting: true };
    await engine.release(taskToken, decided);
    return { outcome: decided };
  };
}

let handle: ReturnType<typeof stageHandler> | undefined;

export const handler = (event: unknown) => {
  handle ??= stageHandler(deployment());
  return handle(event);
};
