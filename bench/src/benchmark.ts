/**
 * What every benchmark is to the runner: a name to choose it by, the target it checks
 * (from issue 13), and a run that answers a readable summary and the figures as JSON.
 */

export interface BenchOptions {
  /** Runs per measurement where a benchmark repeats one (cold starts): `BENCH_RUNS`. */
  runs: number;
  /** Seconds of load per server where a benchmark applies load: `BENCH_SECONDS`. */
  seconds: number;
  /** Drafts submitted in the burst: `BENCH_SUBMISSIONS`. */
  submissions: number;
  /** Applications in review when the stack is restarted: `BENCH_IN_REVIEW`. */
  inReview: number;
}

export interface BenchResult {
  /** Printed as is, a few lines. */
  summary: string;
  /** Written to `bench/results/<name>.json`. */
  figures: unknown;
}

export interface Benchmark {
  name: string;
  /** What it measures, one line. */
  title: string;
  /** The goal issue 13 sets for it. */
  target: string;
  run(options: BenchOptions): Promise<BenchResult>;
}
