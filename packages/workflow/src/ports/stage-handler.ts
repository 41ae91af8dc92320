/**
 * What a stage does when the state machine reaches it. The same handler serves the local
 * executor and, wrapped in a Lambda entry point, Step Functions.
 */
import type { RunOutcome } from '../compile/compile-program.js';

export interface StageInput {
  tenant: string;
  programId: string;
  applicationId: string;
  stage: string;
  /** The stage kind, or `resubmission` while waiting for a corrected application. */
  kind: string;
}

export interface StageHandler {
  /** A stage that needs no person (screening, publish): its outcome, now. */
  decide(input: StageInput): Promise<RunOutcome>;
  /**
   * A stage that waits for people: record the task with its token; the outcome arrives
   * later, when the token is released. Answers an outcome at once when the stage was
   * already decided (a run resumed after a restart).
   */
  begin(input: StageInput & { taskToken: string }): Promise<RunOutcome | undefined>;
}
