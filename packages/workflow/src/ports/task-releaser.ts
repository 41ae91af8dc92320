/**
 * Releasing a waiting task moves its application on: SendTaskSuccess on AWS, the local
 * executor's promise locally. Returns false when no run waits on the token right now
 * (the local stack restarting); the decision is then taken up when the run resumes.
 */
import type { RunOutcome } from '../compile/compile-program.js';

export interface TaskReleaser {
  release(token: string, outcome: RunOutcome): Promise<boolean>;
}
