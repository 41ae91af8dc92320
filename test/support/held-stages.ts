/**
 * Review stages whose `begin` waits until the test lets it through, so runs can be held
 * mid-resume for as long as a test needs, with no timer: `begunAtLeast(n)` resolves once
 * `n` stages have begun, `letThrough()` releases them and every later one.
 */
import type { StageHandler, StageInput } from '@sme/workflow';

export function holdStages(stages: StageHandler) {
  const begun: StageInput[] = [];
  const held: (() => void)[] = [];
  let open = false;
  let notify: (() => void) | undefined;
  const holding: StageHandler = {
    decide: (input) => stages.decide(input),
    async begin(input) {
      begun.push(input);
      notify?.();
      if (!open) await new Promise<void>((resolve) => held.push(resolve));
      return stages.begin(input);
    },
  };
  return {
    stages: holding,
    begun,
    async begunAtLeast(n: number) {
      while (begun.length < n) await new Promise<void>((resolve) => (notify = resolve));
    },
    letThrough() {
      open = true;
      for (const release of held.splice(0)) release();
    },
  };
}
